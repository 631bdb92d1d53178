"""Answering a meeting's call: attending, not attending, or sending a substitute."""

from __future__ import annotations

from datetime import datetime

from bot.domain.meetings import Answer, validate_substitute
from commands.edge.ids import Field
from commands.edge.interaction import Click, Interaction, Submission
from commands.edge.outcome import Done, Refusal
from commands.meetings import usecases
from commands.meetings.render.forms import substitute_form
from commands.meetings.replies import finish_form, modal, open_meeting_form, tell_outcome, valid
from commands.meetings.values import MeetingForm, MeetingRef


def _answer(
    ix: Interaction,
    meeting: int,
    answer: Answer,
    substitute: str | None = None,
    at: datetime | None = None,
) -> Done | Refusal:
    """Store the person's answer to a meeting, given at `at` (UTC; None: now)."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        return usecases.answer_meeting(ix.bot, session, actor, meeting, answer, substitute, at)


def _click(ix: Click[MeetingRef], answer: Answer) -> None:
    """Answer from a button; a Home tab pressed on shows the new answer at once."""
    outcome = _answer(ix, ix.value.meeting, answer, at=ix.received_at)
    if tell_outcome(ix, outcome) and ix.from_home:
        ix.publish_home()


def handle_yes(ix: Click[MeetingRef]) -> None:
    """Record that the person attends."""
    _click(ix, Answer.YES)


def handle_no(ix: Click[MeetingRef]) -> None:
    """Record that the person does not attend."""
    _click(ix, Answer.NO)


def handle_substitute_button(ix: Click[MeetingRef]) -> None:
    """Open the form that asks for the substitute's name."""
    open_meeting_form(ix, modal(ix, substitute_form))


def handle_substitute_submission(ix: Submission[MeetingForm]) -> None:
    """Record that a substitute attends, or show what is wrong with the name."""
    name = valid(ix, validate_substitute(ix.form.text(Field.MEETING_SUBSTITUTE_NAME)))
    if name is not None:
        finish_form(ix, _answer(ix, ix.metadata.meeting, Answer.SUBSTITUTE, name))
