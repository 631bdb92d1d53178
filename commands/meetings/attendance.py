"""After a meeting: the coordinators record attendance and the needs taken up, or follow it up."""

from __future__ import annotations

from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission
from commands.meetings import usecases, usecases_followup
from commands.meetings.replies import coordinator, finish_form, open_meeting_form, tell_outcome
from commands.meetings.values import MeetingForm, MeetingRef

ROW_ID_DIGITS = 18  # a need's id as the form wrote it: ASCII digits within 64 bits


def handle_followup_button(ix: Click[MeetingRef]) -> None:
    """Open the attendance and needs form of an ended meeting (coordinators only)."""
    open_meeting_form(
        ix,
        lambda session, meeting: usecases.attendance_view(ix.bot, session, meeting, ix.channel),
        manage=True,
        ended=True,
    )


def handle_attendance_submission(ix: Submission[MeetingForm]) -> None:
    """Record attendance and move the needs taken up to Taken up (coordinators only)."""
    attended = set(ix.form.selected_many(Field.MEETING_ATTENDED))
    needs = [
        int(value)
        for value in ix.form.selected_many(Field.MEETING_NEEDS_TAKEN_UP)
        if value.isascii() and value.isdigit() and len(value) <= ROW_ID_DIGITS
    ]
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.record_attendance(
            ix.bot, session, coordinator(ix), ix.metadata.meeting, attended, needs
        )
    finish_form(ix, outcome)


def handle_confirm_held(ix: Click[MeetingRef]) -> None:
    """Confirm that an ended meeting nobody followed up was held (coordinators only)."""
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.confirm_meeting(
            ix.bot, session, coordinator(ix), ix.value.meeting, held=True
        )
    tell_outcome(ix, outcome)


def handle_confirm_not_held(ix: Click[MeetingRef]) -> None:
    """Record that an ended meeting did not take place (coordinators only)."""
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.confirm_meeting(
            ix.bot, session, coordinator(ix), ix.value.meeting, held=False
        )
    tell_outcome(ix, outcome)
