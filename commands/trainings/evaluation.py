"""The evaluation: sent now by a button, answered anonymously in two pages (after, then before).

The answer button, and both pages, never resolve who answers (no `ix.actor`): whoever was sent
the evaluation may answer it, inside the collaboration or not, and nothing about them is stored.
"""

from __future__ import annotations

from commands.edge.ids import Field, form_fields
from commands.edge.interaction import Click, Submission
from commands.edge.outcome import Invalid, Refusal, tell_outcome
from commands.trainings import usecases
from commands.trainings.render_forms import answer_page_after, answer_page_before, thanks_view
from commands.trainings.replies import store
from commands.trainings.usecases_evaluation import answer_form, save_evaluation_answer, turn_page
from commands.trainings.values import AnswerAfter, TrainingRef

FIELDS = form_fields("training_eval_")


def handle_post_now(ix: Click[TrainingRef]) -> None:
    """Send a training's evaluation at once (coordinators, or whoever registered it)."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.send_evaluation_now(ix.bot, session, actor, ix.value.training)
    tell_outcome(ix, outcome)


def handle_answer_button(ix: Click[TrainingRef]) -> None:
    """Open the evaluation form, filled in with the person's earlier answer if any."""
    with ix.bot.db.reading() as session:
        form = answer_form(ix.bot, session, ix.user, ix.value.training)
    if isinstance(form, Refusal):
        ix.tell(form.msg, **form.params)
        return
    view = answer_page_after(
        ix.texts,
        form.training,
        ix.bot.config.collaboration.tz,
        previous=form.previous,
        min_answers=ix.bot.config.evaluations.min_answers,
    )
    ix.open_view(view)


def handle_after_submission(ix: Submission[TrainingRef]) -> None:
    """Take page 1 (knowledge now) and push page 2 (knowledge before, free texts)."""
    after = ix.form.selected(Field.TRAINING_EVAL_AFTER)
    with ix.bot.db.reading() as session:
        form = turn_page(ix.bot, session, ix.user, ix.metadata.training, after)
    if isinstance(form, Invalid):
        ix.field_errors(list(form.errors), FIELDS)
        return
    if isinstance(form, Refusal):
        ix.errors({Field.TRAINING_EVAL_AFTER: ix.text(form.msg, **form.params)})
        return
    assert form.after is not None
    page = answer_page_before(
        ix.texts,
        form.training,
        after=form.after,
        previous=form.previous,
        min_answers=ix.bot.config.evaluations.min_answers,
    )
    ix.push(page)


def handle_before_submission(ix: Submission[AnswerAfter]) -> None:
    """Store the complete answer anonymously (replacing an earlier one) and say thanks."""
    form = ix.form
    saved = store(
        ix,
        lambda session: save_evaluation_answer(
            ix.bot,
            session,
            ix.user,
            ix.metadata,
            form.selected(Field.TRAINING_EVAL_BEFORE),
            form.text(Field.TRAINING_EVAL_USED),
            form.text(Field.TRAINING_EVAL_MISSING),
        ),
        FIELDS,
        Field.TRAINING_EVAL_BEFORE,
    )
    if saved is not None:
        ix.update(
            thanks_view(
                ix.texts,
                replaced=saved.replaced,
                closes=saved.closes,
                organizer=saved.organizer,
                min_answers=ix.bot.config.evaluations.min_answers,
            )
        )
