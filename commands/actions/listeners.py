"""The listeners of actions: read the typed request, call a use case, answer the person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk.models.views import View

from bot.domain.actions import ActionInput, ProgressInput, validate_reason
from bot.texts import actions as t
from bot.texts import common as c
from commands.actions import queries, usecases, usecases_progress
from commands.actions.render_forms import ACTION_FIELDS, CANCEL_FIELDS, PROGRESS_FIELDS
from commands.actions.values import ActionForm, ActionList, ActionRef, NewAction
from commands.edge import words as w
from commands.edge.codec import NoValue
from commands.edge.ids import Field
from commands.edge.interaction import Click, Command, Interaction, Submission
from commands.edge.outcome import Done, Invalid, Refusal, tell_outcome
from commands.edge.requests import FormState
from commands.meetings.replies import coordinator
from commands.meetings.values import MeetingRef
from storage.db import DatabaseUnavailable


def open_action_form(ix: Interaction, metadata: NewAction) -> None:
    """Open the action form at once as a loading view, then fill it in for the person."""
    view_id = ix.open_loading(t.FORM_TITLE)
    if view_id is None:
        return
    actor = ix.actor
    with ix.bot.db.reading() as session:
        view = queries.new_action_form(ix.bot, session, actor, metadata)
    if isinstance(view, Refusal):
        ix.notice(view_id, t.FORM_TITLE, view.msg, **view.params)
        return
    ix.update_view(view_id, view)


def show(ix: Interaction, found: dict[str, Any] | Refusal, *, replace: bool = False) -> None:
    """Answer privately with a message (a list, an action, minutes), or say why not."""
    if isinstance(found, Refusal):
        ix.answer(found.msg, **found.params)
        return
    ix.respond(replace=replace, **found)


def open_form(ix: Interaction, view: View | Refusal) -> None:
    """Open a form, or tell the person privately why it does not open."""
    if isinstance(view, Refusal):
        ix.tell(view.msg, **view.params)
        return
    ix.open_view(view)


def action_command(ix: Command) -> None:
    """Handle /samverkan åtgärd [ny | hjälp]: open the form for a new (or proposed) action."""
    if w.HELP.matches(ix.args):
        ix.answer(t.HELP_ACTION)
        return
    open_action_form(ix, NewAction(channel=ix.channel))


def _list(ix: Interaction, *, own: bool, closed: bool, replace: bool = False) -> None:
    actor = ix.actor
    with ix.bot.db.reading() as session:
        message = queries.listing(ix.bot, session, actor, own=own, closed=closed)
    show(ix, message, replace=replace)


def actions_command(ix: Command) -> None:
    """Handle /samverkan åtgärder [alla] [egna]: the actions, overdue first, privately."""
    words = set(ix.args.casefold().split())
    if w.any_of(words, w.HELP):
        ix.answer(t.HELP_ACTIONS)
        return
    _list(ix, own=w.any_of(words, w.OWN), closed=w.any_of(words, w.ALL, w.CLOSED))


def handle_list(ix: Click[ActionList]) -> None:
    """Switch the list between every organisation's actions and the person's own."""
    _list(ix, own=ix.value.scope == "own", closed=ix.value.closed, replace=not ix.from_home)


def handle_new(ix: Click[NoValue]) -> None:
    """Open the action form from the Home tab."""
    open_action_form(ix, NewAction())


def handle_new_from_meeting(ix: Click[MeetingRef]) -> None:
    """Open the action form for one more action from a meeting (its minutes' button)."""
    open_action_form(ix, NewAction(meeting=ix.value.meeting, channel=ix.channel))


def handle_show(ix: Click[ActionRef]) -> None:
    """Show one action with its history and buttons, privately."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        show(ix, queries.detail(ix.bot, session, actor, ix.value.action))


def _open(ix: Click[ActionRef], build: Callable[..., View | Refusal], *, manage: bool) -> None:
    """Open a form about the clicked action for whoever may use it, or tell them why not."""
    actor = coordinator(ix) if manage else ix.actor
    with ix.bot.db.reading() as session:
        view = build(ix.bot, session, actor, ix.value.action, ix.channel)
    open_form(ix, view)


def handle_report(ix: Click[ActionRef]) -> None:
    """Open the progress form (the responsible, the named person, coordinators)."""
    _open(ix, queries.progress_view, manage=False)


def handle_cancel_open(ix: Click[ActionRef]) -> None:
    """Open the form to cancel an action or decline a proposal (coordinators)."""
    _open(ix, queries.cancel_view, manage=True)


def _told(ix: Interaction, outcome: Done | Refusal) -> None:
    """Tell the outcome; a click on the Home tab sees the tab refreshed."""
    tell_outcome(ix, outcome)
    if isinstance(outcome, Done) and isinstance(ix, Click) and ix.from_home:
        ix.publish_home()


def handle_done(ix: Click[ActionRef]) -> None:
    """Mark an action done (the responsible, the named person, coordinators)."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases_progress.mark_done(ix.bot, session, actor, ix.value.action)
    _told(ix, outcome)


def handle_confirm(ix: Click[ActionRef]) -> None:
    """Confirm a partner's proposal (coordinators)."""
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases.confirm_action(ix.bot, session, manager, ix.value.action)
    _told(ix, outcome)


# -------------------------------------------------------------------------------- forms


def read_action(form: FormState, field: Callable[[str], str]) -> ActionInput:
    """Read one action's inputs; field names the input of a domain field."""
    contact = form.users(field("contact"))
    return ActionInput(
        title=form.text(field("title")),
        description=form.text(field("description")),
        organizations=form.selected_many(field("organizations")),
        contact=contact[0] if contact else None,
        due_date=form.date(field("due_date")),
        kind=form.selected(field("kind")),
        needs=form.selected_many(field("needs")),
    )


def finish(ix: Submission[Any], outcome: Done | Refusal | Invalid, fields: dict[str, str]) -> None:
    """Answer a submitted form: errors inline (the form stays open), else close and tell."""
    if isinstance(outcome, Invalid):
        ix.field_errors(list(outcome.errors), fields)
        return
    if isinstance(outcome, Refusal):
        ix.error(outcome.msg, **outcome.params)
        return
    ix.done()
    ix.channel = getattr(ix.metadata, "channel", None)
    tell_outcome(ix, outcome)


def handle_action_submission(ix: Submission[NewAction]) -> None:
    """Store a new action (or a partner's proposal), or show the errors inline."""
    data = read_action(ix.form, lambda name: ACTION_FIELDS.get(name, f"action_{name}"))
    try:
        actor = ix.actor
        with ix.bot.db.transaction() as session:
            outcome = usecases.submit_action(
                ix.bot,
                session,
                actor,
                data,
                source_key=f"action:{ix.view_id}",
                meeting_id=ix.metadata.meeting,
            )
    except DatabaseUnavailable:
        ix.errors({Field.ACTION_TITLE: ix.text(c.DATABASE_DOWN)})
        return
    finish(ix, outcome, ACTION_FIELDS)


def handle_progress_submission(ix: Submission[ActionForm]) -> None:
    """Keep a progress report, or show the errors inline."""
    data = ProgressInput(
        state=ix.form.selected(Field.ACTION_PROGRESS_STATE),
        text=ix.form.text(Field.ACTION_PROGRESS_TEXT),
        new_due=ix.form.date(Field.ACTION_PROGRESS_DUE),
        reason=ix.form.text(Field.ACTION_PROGRESS_REASON),
    )
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases_progress.submit_progress(
            ix.bot, session, actor, ix.metadata.action, data
        )
    finish(ix, outcome, PROGRESS_FIELDS)


def handle_cancel_submission(ix: Submission[ActionForm]) -> None:
    """Cancel an action or decline a proposal with the reason given (coordinators)."""
    reason, error = validate_reason(ix.form.text(Field.ACTION_CANCEL_REASON))
    if error is not None:
        ix.field_errors([error], CANCEL_FIELDS)
        return
    manager = coordinator(ix)
    with ix.bot.db.transaction() as session:
        outcome = usecases_progress.cancel_action(
            ix.bot, session, manager, ix.metadata.action, reason
        )
    finish(ix, outcome, CANCEL_FIELDS)
