"""The listeners of minutes: the form, the list, showing them, a meeting not held."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.actions import SLOTS, MinutesInput, slot_prefix
from bot.texts import actions as t
from commands.actions import usecases_minutes as usecases
from commands.actions.listeners import finish, open_form, read_action, show
from commands.actions.render_forms import minutes_fields
from commands.actions.usecases_minutes import agenda_of
from commands.actions.values import MinutesForm, MinutesRef
from commands.edge import words as w
from commands.edge.ids import Field
from commands.edge.interaction import Click, Command, Submission
from commands.edge.outcome import tell_outcome
from commands.meetings.replies import coordinator
from commands.meetings.values import MeetingRef
from storage import meetings as meetings_store


def minutes_command(ix: Command) -> None:
    """Handle /samverkan protokoll: the latest minutes; coordinators also what is missing."""
    if w.HELP.matches(ix.args):
        ix.answer(t.HELP_MINUTES)
        return
    actor = ix.actor
    with ix.bot.db.reading() as session:
        message = usecases.list_minutes(ix.bot, session, actor)
    show(ix, message)


def handle_open(ix: Click[MeetingRef]) -> None:
    """Open the minutes form of an ended meeting (coordinators)."""
    manager = coordinator(ix)
    with ix.bot.db.reading() as session:
        view = usecases.form_view(ix.bot, session, manager, ix.value.meeting, ix.channel)
    open_form(ix, view)


def handle_show(ix: Click[MinutesRef]) -> None:
    """Show a meeting's minutes privately."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        message = usecases.show_minutes(ix.bot, session, actor, ix.value.minutes)
    show(ix, message)


def handle_not_held(ix: Click[MeetingRef]) -> None:
    """Mark an ended meeting as not held: it counts as cancelled (coordinators)."""
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases.mark_not_held(ix.bot, session, manager, ix.value.meeting)
    tell_outcome(ix, outcome)


def slot_fields(number: int) -> Callable[[str], str]:
    """Return the field ids of slot number (1-based) of new actions, by domain field name."""
    return lambda name: f"minutes_{slot_prefix(number)}{name}"


def handle_submission(ix: Submission[MinutesForm]) -> None:
    """Keep the minutes, attendance and new actions and post them, or show errors inline."""
    form = ix.form
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        meeting = meetings_store.get_meeting(session, ix.metadata.meeting)
        items = agenda_of(session, meeting) if meeting is not None else []
        data = MinutesInput(
            attended=form.selected_many(Field.MINUTES_ATTENDED),
            notes=[(item, form.text(f"{Field.MINUTES_NOTE}:{i}")) for i, item in enumerate(items)],
            other=form.text(Field.MINUTES_OTHER),
            decisions=form.text(Field.MINUTES_DECISIONS),
            actions=[read_action(form, slot_fields(number)) for number in range(1, SLOTS + 1)],
        )
        outcome = usecases.save_minutes(
            ix.bot, session, manager, ix.metadata.meeting, data, source_key=ix.view_id
        )
    finish(ix, outcome, minutes_fields(len(items)))
