"""The coordinators' changes to one meeting: invite the communicators, move it, cancel it."""

from __future__ import annotations

from bot.domain.meetings import validate_move, validate_reason
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission
from commands.meetings import usecases
from commands.meetings.render.forms import MEETING_FIELDS, cancel_form, move_form
from commands.meetings.replies import (
    coordinator,
    finish_form,
    modal,
    open_meeting_form,
    picked,
    tell_outcome,
    valid,
)
from commands.meetings.values import MeetingForm, MeetingRef


def handle_invite(ix: Click[MeetingRef]) -> None:
    """Invite the communicators to one meeting (coordinators only)."""
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases.invite_communicators(ix.bot, session, manager, ix.value.meeting)
    tell_outcome(ix, outcome)


def handle_move_button(ix: Click[MeetingRef]) -> None:
    """Open the form that moves one meeting (coordinators only)."""
    open_meeting_form(ix, modal(ix, move_form), manage=True)


def handle_cancel_button(ix: Click[MeetingRef]) -> None:
    """Open the form that cancels one meeting (coordinators only)."""
    open_meeting_form(ix, modal(ix, cancel_form), manage=True)


def handle_move_submission(ix: Submission[MeetingForm]) -> None:
    """Move one meeting and tell everyone who was told of it (coordinators only)."""
    day, moment = picked(ix.form, Field.MEETING_DATE, Field.MEETING_TIME)
    check = validate_move(
        day,
        moment,
        ix.form.text(Field.MEETING_REASON),
        now=ix.bot.clock.now(),
        tz=ix.bot.config.collaboration.tz,
    )
    if check.start is None:
        ix.field_errors(list(check.errors), MEETING_FIELDS)
        return
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases.move_meeting(
            ix.bot, session, manager, ix.metadata.meeting, check.start, check.reason
        )
    finish_form(ix, outcome, Field.MEETING_DATE)


def handle_cancel_submission(ix: Submission[MeetingForm]) -> None:
    """Cancel one meeting and tell everyone who was told of it (coordinators only)."""
    reason = valid(ix, validate_reason(ix.form.text(Field.MEETING_REASON)))
    if reason is None:
        return
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases.cancel_meeting(
            ix.bot, session, manager, ix.metadata.meeting, reason
        )
    finish_form(ix, outcome, Field.MEETING_REASON)
