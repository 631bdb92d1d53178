"""Agenda items that partners add to a coming meeting's call."""

from __future__ import annotations

from bot.domain.meetings import validate_agenda_item
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission
from commands.meetings import usecases
from commands.meetings.render.forms import agenda_form
from commands.meetings.replies import finish_form, modal, open_meeting_form, valid
from commands.meetings.values import MeetingForm, MeetingRef


def handle_agenda_button(ix: Click[MeetingRef]) -> None:
    """Open the form where a partner adds an agenda item."""
    open_meeting_form(ix, modal(ix, agenda_form))


def handle_agenda_submission(ix: Submission[MeetingForm]) -> None:
    """Add an agenda item until the meeting starts, and update the call."""
    text = valid(ix, validate_agenda_item(ix.form.text(Field.MEETING_AGENDA_ITEM)))
    if text is None:
        return
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.add_agenda_item(
            ix.bot, session, actor, ix.metadata.meeting, text, source=ix.view_id
        )
    finish_form(ix, outcome, Field.MEETING_AGENDA_ITEM)
