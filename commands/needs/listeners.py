"""/behov's listeners: read the typed request, call a use case, answer the person."""

from __future__ import annotations

from typing import Any

from bot.domain.access import Actor
from bot.domain.needs import NeedCheck, NeedInput, NeedStatus, validate_need, validate_reason
from bot.domain.organizations import OrganizationInfo
from bot.texts import common as c
from bot.texts import needs as t
from commands.edge import words as w
from commands.edge.codec import NoValue
from commands.edge.ids import Callback, Field, form_fields
from commands.edge.interaction import Click, Command, Interaction, Submission, Suggestion
from commands.edge.outcome import Refusal, tell_outcome
from commands.edge.requests import FormState
from commands.edge.surface import Subcommand, Subcommands
from commands.needs import usecases
from commands.needs.render import FormChoices, need_form
from commands.needs.values import ListScope, NeedAt, NeedMove, NeedRef
from storage.db import CommitUncertain, DatabaseUnavailable

TITLE_PREFILL_MAX = 100
FIELDS = form_fields("need_")


def open_need_form(ix: Interaction, text: str = "") -> None:
    """Open the needs form at once as a loading view, then fill it in for the person."""
    view_id = ix.open_loading(t.FORM_TITLE)
    if view_id is None:
        return
    actor = ix.actor
    if not _may_submit(actor):
        ix.notice(view_id, t.FORM_TITLE, c.NO_ORGANIZATION)
        return
    title, description = (text, None) if len(text) <= TITLE_PREFILL_MAX else (None, text)
    initial = NeedInput(
        actor.organization_id, title or None, description, None, "county", [], None, []
    )
    choices = usecases.form_choices(ix.bot, actor)
    ix.update_view(view_id, need_form(ix.texts, choices, initial))


def _may_submit(actor: Actor) -> bool:
    """Tell whether the actor may fill in the needs form (a partner or a coordinator)."""
    return actor.organization_id is not None or actor.is_coordinator


def organizations_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations the needs form offers the person asking."""
    actor = ix.actor
    return usecases.form_choices(ix.bot, actor).organizations if _may_submit(actor) else []


def municipalities_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the municipalities the needs form offers the person asking."""
    return ix.bot.municipalities() if _may_submit(ix.actor) else []


def list_needs(ix: Interaction, *, own: bool, replace: bool = False) -> None:
    """Answer privately with the open needs, everyone's or the person's organisation's."""
    if not ix.actor.in_collaboration:
        ix.respond(text=ix.text(c.NO_ORGANIZATION))
        return
    actor = ix.actor
    with ix.bot.db.reading() as session:
        message = usecases.open_needs_message(ix.texts, ix.bot, session, actor, own=own)
    ix.respond(replace=replace, **message)


def _list(ix: Command) -> None:
    words = set(ix.args.casefold().split())
    own = w.any_of(words, w.OWN)
    if not w.any_of(words, w.ALL, w.CLOSED):
        list_needs(ix, own=own)
        return
    if not ix.actor.in_collaboration:
        ix.answer(c.NO_ORGANIZATION)
        return
    actor = ix.actor
    with ix.bot.db.reading() as session:
        message = usecases.needs_history_message(
            ix.bot, session, actor, own=own, closed_only=not w.any_of(words, w.ALL)
        )
    ix.respond(**message)


def _search(ix: Command) -> None:
    if not ix.actor.in_collaboration:
        ix.answer(c.NO_ORGANIZATION)
        return
    if not ix.args.strip():
        ix.answer(t.SEARCH_USAGE)
        return
    with ix.bot.db.reading() as session:
        message = usecases.search_message(ix.bot, session, ix.texts, ix.args)
    ix.respond(**message)


def _help(ix: Command) -> None:
    ix.answer(t.HELP)


SUBCOMMANDS = Subcommands(
    [
        Subcommand(w.LIST, _list),
        Subcommand(w.SEARCH, _search),
        Subcommand(w.HELP, _help),
    ]
)


def handle_behov(ix: Command) -> None:
    """Handle /behov [lista [egna|alla|stängda] | sök <ord> | hjälp | <text>]: else the form."""
    found = SUBCOMMANDS.find(ix.args)
    if found is not None:
        handler, rest = found
        ix.args = rest
        handler(ix)
        return
    open_need_form(ix, ix.args)


def read_need_input(form: FormState) -> NeedInput:
    """Read the needs form's state into a NeedInput."""
    return NeedInput(
        organization_id=form.selected(Field.NEED_ORGANIZATION),
        title=form.text(Field.NEED_TITLE),
        description=form.text(Field.NEED_DESCRIPTION),
        focus_area=form.selected(Field.NEED_FOCUS),
        scope=form.selected(Field.NEED_SCOPE),
        municipalities=form.selected_many(Field.NEED_MUNICIPALITIES),
        urgency=form.selected(Field.NEED_URGENCY),
        support=form.selected_many(Field.NEED_SUPPORT),
        contact_confirmed="yes" in form.selected_many(Field.NEED_CONFIRM_CONTACT),
    )


def _check(ix: Submission[Any], allowed: set[str]) -> NeedCheck:
    return validate_need(
        read_need_input(ix.form),
        allowed_organizations=allowed,
        municipality_ids={m.id for m in ix.bot.municipalities()},
    )


def _answer_check(ix: Submission[Any], check: NeedCheck, choices: FormChoices) -> bool:
    """Ask for the contact-details confirmation or show errors; tell whether the form is fine."""
    if check.needs_contact_confirmation:
        view = need_form(
            ix.texts,
            choices,
            read_need_input(ix.form),
            callback_id=Callback(ix.view.callback_id),
            metadata=ix.metadata,
            ask_contact_confirmation=True,
        )
        ix.update(view)
        return False
    if check.draft is None:
        ix.field_errors(list(check.errors), FIELDS)
        return False
    return True


def handle_need_submission(ix: Submission[NoValue]) -> None:
    """Store a new need, or show the form's errors inline; nothing is stored on error.

    When the database went away during COMMIT, nobody knows whether the need was stored: the
    person is told so and asked to submit again, which stores it at most once (the view id).
    """
    choices = usecases.form_choices(ix.bot, ix.actor)
    check = _check(ix, {o.id for o in choices.organizations})
    if not _answer_check(ix, check, choices):
        return
    assert check.draft is not None
    try:
        with ix.bot.db.transaction() as session:
            done = usecases.submit_need(
                ix.bot, session, ix.user, check.draft, source_key=ix.view_id
            )
    except CommitUncertain:
        ix.errors({Field.NEED_TITLE: ix.text(t.MAYBE_SAVED)})
        return
    except DatabaseUnavailable:
        ix.errors({Field.NEED_TITLE: ix.text(c.DATABASE_DOWN)})
        return
    ix.done()
    ix.deliver(list(done.keys))


def handle_edit_submission(ix: Submission[NeedRef]) -> None:
    """Save an edited need, or show the form's errors inline."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        choices = usecases.edit_choices(ix.bot, session, actor, ix.metadata.need)
    allowed = {o.id for o in choices.organizations}
    check = _check(ix, allowed)
    if not _answer_check(ix, check, choices):
        return
    assert check.draft is not None
    with ix.bot.db.transaction() as session:
        outcome = usecases.edit_need(ix.bot, session, actor, ix.metadata.need, check.draft)
    ix.done()
    tell_outcome(ix, outcome)


def _move(
    ix: Interaction, need: int, expected: NeedStatus, target: NeedStatus, reason: str | None = None
) -> None:
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.move_need(ix.bot, session, actor, need, expected, target, reason)
    tell_outcome(ix, outcome)


def handle_move(ix: Click[NeedMove]) -> None:
    """Move a need to the status on the button (coordinators only)."""
    _move(ix, ix.value.need, ix.value.status, ix.value.target)


def handle_withdraw(ix: Click[NeedAt]) -> None:
    """Withdraw a need, for its organisation or a coordinator."""
    _move(ix, ix.value.need, ix.value.status, NeedStatus.WITHDRAWN)


def handle_decline_button(ix: Click[NeedAt]) -> None:
    """Open the decline form (coordinators only)."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        view = usecases.open_decline(ix.bot, session, actor, ix.value.need)
    if isinstance(view, Refusal):
        ix.tell(view.msg, **view.params)
        return
    ix.open_view(view)


def handle_decline_submission(ix: Submission[NeedAt]) -> None:
    """Decline a need with the reason given (coordinators only)."""
    reason, error = validate_reason(ix.form.text(Field.NEED_REASON))
    if error is not None:
        ix.field_errors([error], FIELDS)
        return
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.move_need(
            ix.bot,
            session,
            actor,
            ix.metadata.need,
            ix.metadata.status,
            NeedStatus.DECLINED,
            reason,
        )
    ix.done()
    tell_outcome(ix, outcome)


def handle_edit_button(ix: Click[NeedRef]) -> None:
    """Open the edit form of a need for its organisation or a coordinator."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        opened = usecases.open_edit(ix.bot, session, actor, ix.value.need)
    if isinstance(opened, Refusal):
        ix.tell(opened.msg, **opened.params)
        return
    form = need_form(
        ix.texts, opened.choices, opened.initial, callback_id=Callback.NEED_EDIT, metadata=ix.value
    )
    ix.open_view(form)


def handle_list_filter(ix: Click[ListScope]) -> None:
    """Switch the needs list between all organisations and the person's own."""
    list_needs(ix, own=ix.value.scope == "own", replace=True)


def handle_new_need(ix: Click[NoValue]) -> None:
    """Open the needs form from the Home tab."""
    open_need_form(ix)
