"""The meeting rhythm: calls, answers, agenda, changes, series, contacts, attendance, calendar."""

from __future__ import annotations

from bot.texts import meetings as t
from commands.edge import words as w
from commands.edge.ids import Action, Callback, Field
from commands.edge.suggestions import suggest_organizations
from commands.edge.surface import Subcommand, Surface, click, form
from commands.meetings import agenda, attendance, changes, contacts, rsvp, series
from commands.meetings.calendar import calendar_command, calendar_route
from commands.meetings.home import home_meetings
from commands.meetings.listing import meetings_command
from commands.meetings.planner import SummaryHook, planner
from commands.meetings.usecases import NEEDS_TAKEN_UP_FROM
from commands.meetings.values import MeetingForm, MeetingRef, SeriesForm, SeriesRef
from commands.needs.search import need_suggestions


def surface(owners_summary: SummaryHook | None) -> Surface:
    """Return the meetings surface; owners_summary queues the summary before owners' meetings."""
    return Surface(
        name="meetings",
        clicks={
            Action.MEETING_RSVP_YES: click(rsvp.handle_yes, MeetingRef),
            Action.MEETING_RSVP_NO: click(rsvp.handle_no, MeetingRef),
            Action.MEETING_RSVP_SUBSTITUTE: click(rsvp.handle_substitute_button, MeetingRef),
            Action.MEETING_AGENDA_ADD: click(agenda.handle_agenda_button, MeetingRef),
            Action.MEETING_INVITE: click(changes.handle_invite, MeetingRef),
            Action.MEETING_MOVE_OPEN: click(changes.handle_move_button, MeetingRef),
            Action.MEETING_CANCEL_OPEN: click(changes.handle_cancel_button, MeetingRef),
            Action.MEETING_FOLLOWUP_OPEN: click(attendance.handle_followup_button, MeetingRef),
            Action.MEETING_CONFIRM_HELD: click(attendance.handle_confirm_held, MeetingRef),
            Action.MEETING_CONFIRM_NOT_HELD: click(attendance.handle_confirm_not_held, MeetingRef),
            Action.MEETING_SERIES_NEW: click(series.handle_series_new),
            Action.MEETING_SERIES_EDIT: click(series.handle_series_edit, SeriesRef),
            Action.MEETING_SERIES_PAUSE: click(series.handle_series_pause, SeriesRef),
            Action.MEETING_SERIES_RESUME: click(series.handle_series_resume, SeriesRef),
            Action.MEETING_CONTACTS_OPEN: click(contacts.handle_contacts_button),
        },
        forms={
            Callback.MEETING_SUBSTITUTE: form(rsvp.handle_substitute_submission, MeetingForm),
            Callback.MEETING_AGENDA: form(agenda.handle_agenda_submission, MeetingForm),
            Callback.MEETING_MOVE: form(changes.handle_move_submission, MeetingForm),
            Callback.MEETING_CANCEL: form(changes.handle_cancel_submission, MeetingForm),
            Callback.MEETING_ATTENDANCE: form(attendance.handle_attendance_submission, MeetingForm),
            Callback.MEETING_SERIES_FORM: form(series.handle_series_submission, SeriesForm),
            Callback.MEETING_CONTACTS: form(contacts.handle_contacts_submission),
        },
        suggestions={
            Field.MEETING_ATTENDED: suggest_organizations(attendance.organizations_offered),
            Field.MEETING_NEEDS_TAKEN_UP: need_suggestions(
                NEEDS_TAKEN_UP_FROM, may=attendance.manages
            ),
        },
        umbrella=(
            Subcommand(w.MEETINGS, meetings_command),
            Subcommand(w.CALENDAR, calendar_command),
        ),
        planners=(planner(owners_summary),),
        home_sections=(home_meetings,),
        http_routes={"/calendar.ics": calendar_route},
        help_lines=(t.HELP_MEETINGS, t.HELP_CALENDAR),
    )
