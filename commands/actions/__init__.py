"""Actions, decisions and minutes: what the working group plans, owned, reminded, followed up.

/samverkan åtgärd (a new action; a partner proposes one for their own organisation),
/samverkan åtgärder (the list, overdue first) and /samverkan protokoll (past minutes); the
minutes form from a meeting's follow-up message; reminders before due dates, overdue notices
and report-back reminders before owners' meetings; a Home section. The next working-group
call shows the last minutes and the open actions (see call.py); the status summary and the
export have their parts (render_summary.py, storage/actions.py).
"""

from __future__ import annotations

from bot.texts import actions as t
from commands.actions import listeners as on
from commands.actions import minutes
from commands.actions.planner import plan
from commands.actions.queries import home_section
from commands.actions.values import (
    ActionForm,
    ActionList,
    ActionRef,
    MinutesForm,
    MinutesRef,
    NewAction,
)
from commands.edge import words as w
from commands.edge.ids import Action, Callback
from commands.edge.surface import Subcommand, Surface, click, form
from commands.meetings.values import MeetingRef

SURFACE = Surface(
    name="actions",
    clicks={
        Action.ACTION_NEW: click(on.handle_new),
        Action.ACTION_NEW_FROM_MEETING: click(on.handle_new_from_meeting, MeetingRef),
        Action.ACTION_SHOW: click(on.handle_show, ActionRef),
        Action.ACTION_REPORT: click(on.handle_report, ActionRef),
        Action.ACTION_DONE: click(on.handle_done, ActionRef),
        Action.ACTION_CANCEL_OPEN: click(on.handle_cancel_open, ActionRef),
        Action.ACTION_CONFIRM: click(on.handle_confirm, ActionRef),
        Action.ACTION_LIST: click(on.handle_list, ActionList),
        Action.MINUTES_OPEN: click(minutes.handle_open, MeetingRef),
        Action.MINUTES_SHOW: click(minutes.handle_show, MinutesRef),
        Action.MEETING_NOT_HELD: click(minutes.handle_not_held, MeetingRef),
    },
    forms={
        Callback.ACTION_FORM: form(on.handle_action_submission, NewAction),
        Callback.ACTION_PROGRESS: form(on.handle_progress_submission, ActionForm),
        Callback.ACTION_CANCEL: form(on.handle_cancel_submission, ActionForm),
        Callback.MINUTES_FORM: form(minutes.handle_submission, MinutesForm),
    },
    umbrella=(
        Subcommand(w.ACTION, on.action_command),
        Subcommand(w.ACTIONS, on.actions_command),
        Subcommand(w.MINUTES, minutes.minutes_command),
    ),
    planners=(plan,),
    home_sections=(home_section,),
    help_lines=(t.HELP_ACTION, t.HELP_ACTIONS, t.HELP_MINUTES),
)
