"""Use cases of the evaluation's anonymous answers: open the form, turn the page, save.

Nothing here resolves or stores who answers: no person row, no audit entry, no outbox row.
An answer is stored under a keyed hash of the training and the respondent, its key
(bot/domain/anonymity.py), which finds their earlier answer again, to fill the form in with
it and to replace it; only the day of the answer is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.anonymity import answer_key
from bot.domain.trainings import (
    EvaluationState,
    evaluation_state,
    validate_answer,
    validate_rating,
)
from bot.texts import Phrase
from bot.texts import trainings as t
from commands.edge.outcome import Invalid, Refusal
from commands.trainings.render_format import local_date, title_text
from commands.trainings.values import AnswerAfter
from storage.answers import find_answer, save_answer
from storage.models import SurveyResponse, Training
from storage.trainings import get_training


@dataclass(frozen=True)
class AnswerForm:
    """A training open to the person's answer, their earlier answer, and page 1's rating."""

    training: Training
    previous: SurveyResponse | None
    after: int | None = None


@dataclass(frozen=True)
class Saved:
    """An answer stored, and what the thanks say about it.

    replaced: it took the place of an earlier one; closes: the local day the evaluation
    closes; organizer: the organiser's name (who sees the results with the coordinators).
    """

    replaced: bool
    closes: Phrase  # the day it closes, in the reader's language
    organizer: str


def _key(bot: BotContext, training_id: int, user: str) -> str:
    """Return the key the person's answer to a training is stored under (a keyed hash)."""
    return answer_key(bot.settings.secret_key(), training_id, user)


def _refusal(bot: BotContext, training: Training | None, user: str) -> Refusal | None:
    """Say why the person cannot answer now (missing, closed, not open, not for them), or None.

    Anyone may answer an evaluation sent to a channel; only the chosen participants one sent
    to them privately.
    """
    if training is None:
        return Refusal(t.NOT_FOUND, {"id": "?"})
    now = bot.clock.now()
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    closes = training.evaluation_closes_at
    if state is EvaluationState.CLOSED or (closes is not None and closes <= now):
        closed = training.evaluation_closed_at or closes or now
        tz = bot.config.collaboration.tz
        return Refusal(
            t.EVAL_CLOSED,
            {
                "title": title_text(training),
                "closed": Phrase(lambda tr: local_date(tr, closed, tz)),
            },
        )
    if state is not EvaluationState.OPEN:
        return Refusal(t.EVAL_NOT_OPEN, {"title": title_text(training)})
    if training.evaluation_channel is None and user not in training.evaluation_participants:
        return Refusal(t.NOT_A_PARTICIPANT, {"title": title_text(training)})
    return None


def answer_form(
    bot: BotContext, session: Session, user: str, training_id: int
) -> AnswerForm | Refusal:
    """Return what the evaluation form opens with for the person, or why they cannot answer."""
    training = get_training(session, training_id)
    refusal = _refusal(bot, training, user)
    if refusal is not None:
        return refusal
    assert training is not None
    return AnswerForm(training, find_answer(session, _key(bot, training.id, user)))


def turn_page(
    bot: BotContext, session: Session, user: str, training_id: int, after: str | None
) -> AnswerForm | Invalid | Refusal:
    """Check page 1's rating (knowledge after) and return what page 2 opens with."""
    rating, error = validate_rating("after", after)
    if error is not None or rating is None:
        return Invalid((error,) if error is not None else ())
    form = answer_form(bot, session, user, training_id)
    if isinstance(form, Refusal):
        return form
    return AnswerForm(form.training, form.previous, rating)


def save_evaluation_answer(
    bot: BotContext,
    session: Session,
    user: str,
    page: AnswerAfter,
    before: str | None,
    used: str | None,
    missing: str | None,
) -> Saved | Invalid | Refusal:
    """Check page 2 and store the whole answer anonymously, replacing the person's earlier one."""
    check = validate_answer(before, used, missing)
    if check.errors or check.before is None:
        return Invalid(check.errors)
    training = get_training(session, page.training)
    refusal = _refusal(bot, training, user)
    if refusal is not None:
        return refusal
    assert training is not None
    tz = bot.config.collaboration.tz
    replaced = save_answer(
        session,
        key=_key(bot, training.id, user),
        training_id=training.id,
        before=check.before,
        after=page.after,
        will_use=check.used,
        was_missing=check.missing,
        today=bot.clock.now().astimezone(tz).date(),
    )
    closing = training.evaluation_closes_at or bot.clock.now()
    closes = Phrase(lambda tr: local_date(tr, closing, tz))
    return Saved(replaced, closes, bot.organization_name(training.organizer_id))
