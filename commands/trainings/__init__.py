"""Trainings (/utbildning): registration, report-back, the anonymous evaluation, its results."""

from __future__ import annotations

from bot.domain.needs import OPEN_STATUSES
from commands.edge.ids import Action, Callback, Field
from commands.edge.suggestions import suggest_organizations
from commands.edge.surface import Surface, click, form
from commands.needs.search import need_suggestions
from commands.trainings.command import (
    handle_release_button,
    handle_results_button,
    handle_utbildning,
)
from commands.trainings.evaluation import (
    handle_after_submission,
    handle_answer_button,
    handle_before_submission,
    handle_post_now,
)
from commands.trainings.home import evaluations_section
from commands.trainings.planner import plan_trainings
from commands.trainings.registration import (
    handle_report_submission,
    handle_training_submission,
    organizers_offered,
    targets_offered,
)
from commands.trainings.values import AnswerAfter, TrainingRef

SURFACE = Surface(
    name="trainings",
    commands={"/utbildning": handle_utbildning},
    clicks={
        Action.TRAINING_POST_NOW: click(handle_post_now, TrainingRef),
        Action.TRAINING_RESULTS: click(handle_results_button, TrainingRef),
        Action.TRAINING_RELEASE: click(handle_release_button, TrainingRef),
        Action.TRAINING_ANSWER: click(handle_answer_button, TrainingRef),
    },
    forms={
        Callback.TRAINING_FORM: form(handle_training_submission),
        Callback.TRAINING_REPORT: form(handle_report_submission),
        Callback.TRAINING_EVAL_AFTER: form(handle_after_submission, TrainingRef),
        Callback.TRAINING_EVAL_BEFORE: form(handle_before_submission, AnswerAfter),
    },
    suggestions={
        Field.TRAINING_NEEDS: need_suggestions(OPEN_STATUSES),
        Field.TRAINING_ORGANIZER: suggest_organizations(organizers_offered),
        Field.TRAINING_TARGETS: suggest_organizations(targets_offered),
        Field.TRAINING_REPORT_ORGANIZATION: suggest_organizations(organizers_offered),
    },
    planners=(plan_trainings,),
    home_sections=(evaluations_section,),
)
