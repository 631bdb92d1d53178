"""After a meeting: the coordinators record attendance and the needs taken up, or follow it up."""

from __future__ import annotations

from bot.domain.meetings import may_manage
from bot.domain.organizations import OrganizationInfo
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission, Suggestion
from commands.meetings import usecases, usecases_followup
from commands.meetings.replies import coordinator, finish_form, open_meeting_form, tell_outcome
from commands.meetings.values import MeetingForm, MeetingRef
from commands.needs.search import chosen_need_ids


def handle_followup_button(ix: Click[MeetingRef]) -> None:
    """Open the attendance and needs form of an ended meeting (coordinators only)."""
    open_meeting_form(
        ix,
        lambda session, meeting: usecases.attendance_view(
            ix.bot, session, ix.texts, meeting, ix.channel
        ),
        manage=True,
        ended=True,
    )


def handle_attendance_submission(ix: Submission[MeetingForm]) -> None:
    """Record attendance and move the needs taken up to Taken up (coordinators only)."""
    attended = set(ix.form.selected_many(Field.MEETING_ATTENDED))
    needs = chosen_need_ids(ix.form.selected_many(Field.MEETING_NEEDS_TAKEN_UP))
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.record_attendance(
            ix.bot, session, manager, ix.metadata.meeting, attended, needs
        )
    finish_form(ix, outcome)


def organizations_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations the attendance form offers (to coordinators only)."""
    return list(ix.bot.organizations) if manages(ix) else []


def manages(ix: Suggestion) -> bool:
    """Tell whether the person asking may manage meetings (by their configured roles)."""
    return may_manage(coordinator(ix))


def handle_confirm_held(ix: Click[MeetingRef]) -> None:
    """Confirm that an ended meeting nobody followed up was held (coordinators only)."""
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.confirm_meeting(
            ix.bot, session, manager, ix.value.meeting, held=True
        )
    tell_outcome(ix, outcome)


def handle_confirm_not_held(ix: Click[MeetingRef]) -> None:
    """Record that an ended meeting did not take place (coordinators only)."""
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_followup.confirm_meeting(
            ix.bot, session, manager, ix.value.meeting, held=False
        )
    tell_outcome(ix, outcome)
