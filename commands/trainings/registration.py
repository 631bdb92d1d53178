"""Putting trainings in the register: /utbildning registers one, /utbildning rapportera one held."""

from __future__ import annotations

from functools import partial

from bot.domain.organizations import OrganizationInfo
from bot.domain.trainings import ReportInput, TrainingInput
from commands.edge.codec import NoValue
from commands.edge.ids import Field, form_fields
from commands.edge.interaction import Command, Submission, Suggestion
from commands.edge.outcome import Refusal
from commands.edge.requests import FormState
from commands.trainings import usecases
from commands.trainings.render_forms import report_form, training_form
from commands.trainings.replies import clock_text, day_text, open_form, submit

FIELDS = form_fields("training_")


def open_training_form(ix: Command) -> None:
    """Open the training form for a coordinator or a partner."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        choices = usecases.training_choices(ix.bot, session, actor)
    open_form(ix, choices, training_form)


def read_training_input(form: FormState) -> TrainingInput:
    """Read the training form's state into a TrainingInput."""
    return TrainingInput(
        title=form.text(Field.TRAINING_TITLE),
        subject=form.selected(Field.TRAINING_SUBJECT),
        date=day_text(form, Field.TRAINING_DATE),
        start=clock_text(form, Field.TRAINING_START),
        end=clock_text(form, Field.TRAINING_END),
        organizer=form.selected(Field.TRAINING_ORGANIZER),
        targets=form.selected_many(Field.TRAINING_TARGETS),
        expected=form.text(Field.TRAINING_EXPECTED),
        place=form.text(Field.TRAINING_PLACE),
        target=form.selected(Field.TRAINING_TARGET),
        channel=form.conversation(Field.TRAINING_CHANNEL),
        participants=form.users(Field.TRAINING_PARTICIPANTS),
        needs=form.selected_many(Field.TRAINING_NEEDS),
    )


def handle_training_submission(ix: Submission[NoValue]) -> None:
    """Store a new training and post its message, or show the form's errors inline."""
    use_case = partial(usecases.register_training, data=read_training_input(ix.form))
    submit(ix, use_case, FIELDS, Field.TRAINING_TITLE)


REPORT_FIELDS = form_fields("training_report_")


def open_report_form(ix: Command) -> None:
    """Open the report-back form for a partner or a coordinator."""
    open_form(ix, usecases.report_choices(ix.bot, ix.actor), report_form)


def read_report_input(form: FormState) -> ReportInput:
    """Read the report-back form's state into a ReportInput."""
    return ReportInput(
        organization=form.selected(Field.TRAINING_REPORT_ORGANIZATION),
        title=form.text(Field.TRAINING_REPORT_TITLE),
        subject=form.selected(Field.TRAINING_REPORT_SUBJECT),
        date=day_text(form, Field.TRAINING_REPORT_DATE),
        participants=form.text(Field.TRAINING_REPORT_PARTICIPANTS),
    )


def handle_report_submission(ix: Submission[NoValue]) -> None:
    """Store a training reported back by a partner, or show the form's errors inline."""
    use_case = partial(usecases.report_training, data=read_report_input(ix.form))
    submit(ix, use_case, REPORT_FIELDS, Field.TRAINING_REPORT_ORGANIZATION)


def organizers_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations the person may register or report a training for."""
    offered = usecases.report_choices(ix.bot, ix.actor)
    return [] if isinstance(offered, Refusal) else offered


def targets_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations a training may be aimed at, to a person who may register one."""
    return list(ix.bot.organizations) if organizers_offered(ix) else []
