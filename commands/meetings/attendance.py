"""After a working-group meeting: the coordinators record attendance and the needs taken up."""

from __future__ import annotations

from bot.domain.meetings import may_manage
from bot.domain.organizations import OrganizationInfo
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission, Suggestion
from commands.meetings import usecases
from commands.meetings.replies import coordinator, finish_form, open_meeting_form
from commands.meetings.values import MeetingForm, MeetingRef
from commands.needs.search import chosen_need_ids


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
    needs = chosen_need_ids(ix.form.selected_many(Field.MEETING_NEEDS_TAKEN_UP))
    with ix.bot.db.transaction() as session:
        outcome = usecases.record_attendance(
            ix.bot, session, coordinator(ix), ix.metadata.meeting, attended, needs
        )
    finish_form(ix, outcome)


def organizations_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations the attendance form offers (to coordinators only)."""
    return list(ix.bot.organizations) if manages(ix) else []


def manages(ix: Suggestion) -> bool:
    """Tell whether the person asking may manage meetings (by their configured roles)."""
    return may_manage(coordinator(ix))
