"""/behov: the needs register. Listeners parse, call the domain, render and answer."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.needs import (
    STATUS_LABELS,
    NeedInput,
    NeedStatus,
    can_move,
    is_open,
    may_change,
    may_move,
    validate_need,
    validate_reason,
)
from bot.texts import common as c
from bot.texts import needs as t
from commands.blocks import ViewState, escape
from commands.common import (
    bot_of,
    inline_errors,
    notice_modal,
    open_loading,
    post_private,
    resolve_actor,
)
from commands.ids import NEED_FIELD_BLOCKS, Action, Block, Callback
from commands.render.needs import (
    FormChoices,
    decline_form,
    need_card,
    need_form,
    need_input_from,
    need_list,
)
from commands.router import Router
from commands.subcommands import Subcommands
from storage import audit, outbox
from storage.db import DatabaseUnavailable
from storage.models import Need
from storage.needs import create_need, edit_need, move_need, open_needs
from storage.outbox import OutboxKey

log = logging.getLogger(__name__)

TITLE_PREFILL_MAX = 100


def form_choices(bot: BotContext, actor: Actor) -> FormChoices:
    """Return the organisations the actor may submit for, and the municipalities."""
    organizations = [
        o for o in bot.organizations if actor.is_coordinator or o.id == actor.organization_id
    ]
    return FormChoices(organizations, bot.municipalities())


def open_need_form(
    bot: BotContext, client: WebClient, trigger_id: str, user_id: str, text: str, respond: Respond
) -> None:
    """Open the needs form at once as a loading view, then fill it in for the person."""
    view_id = open_loading(bot, client, trigger_id, t.FORM_TITLE)
    if view_id is None:
        respond(text=bot.texts(c.TRIGGER_EXPIRED), response_type="ephemeral")
        return
    actor = resolve_actor(bot, client, user_id)
    if actor.organization_id is None and not actor.is_coordinator:
        client.views_update(
            view_id=view_id, view=notice_modal(bot, t.FORM_TITLE, c.NO_ORGANIZATION)
        )
        return
    title, description = (text, None) if len(text) <= TITLE_PREFILL_MAX else (None, text)
    initial = NeedInput(
        actor.organization_id, title or None, description, None, "county", [], None, []
    )
    client.views_update(
        view_id=view_id, view=need_form(bot.texts, form_choices(bot, actor), initial)
    )


def list_needs(
    bot: BotContext, actor: Actor, respond: Respond, *, own: bool, replace: bool = False
) -> None:
    """Answer privately with the open needs, all or the actor's organisation's."""
    organization = actor.organization_id if own else None
    with bot.db.reading() as session:
        page = open_needs(session, organization_id=organization)
        names = bot.organization_names(session)
        message = need_list(
            bot.texts,
            page.needs,
            page.more,
            names,
            bot.config.collaboration.tz,
            own_organization=organization,
            can_filter=actor.organization_id is not None,
        )
    respond(response_type="ephemeral", replace_original=replace, **message)


SUBCOMMANDS = Subcommands()


@SUBCOMMANDS.add("lista", "list", after_acks=True)
def _list(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    own = rest.strip().casefold() in {"egna", "own", "mina", "min"}
    list_needs(bot, actor, respond, own=own)


@SUBCOMMANDS.add("hjälp", "hjalp", "help", "?")
def _help(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    respond(text=bot.texts(t.HELP), response_type="ephemeral")


def handle_behov(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Handle /behov [lista|hjälp|<text>]."""
    ack()
    bot = bot_of(context)
    text = command.get("text") or ""
    found = SUBCOMMANDS.find(text)
    if found is not None:
        handler, rest = found
        handler(bot, client, command, rest, respond)
        return
    open_need_form(bot, client, command["trigger_id"], command["user_id"], text.strip(), respond)


def read_need_input(view: dict[str, Any]) -> NeedInput:
    """Parse the needs form's state into a NeedInput."""
    state = ViewState(view)
    return NeedInput(
        organization_id=state.selected(Block.NEED_ORGANIZATION, Action.NEED_ORGANIZATION),
        title=state.text(Block.NEED_TITLE, Action.NEED_TITLE),
        description=state.text(Block.NEED_DESCRIPTION, Action.NEED_DESCRIPTION),
        focus_area=state.selected(Block.NEED_FOCUS, Action.NEED_FOCUS),
        scope=state.selected(Block.NEED_SCOPE, Action.NEED_SCOPE),
        municipalities=state.selected_many(Block.NEED_MUNICIPALITIES, Action.NEED_MUNICIPALITIES),
        urgency=state.selected(Block.NEED_URGENCY, Action.NEED_URGENCY),
        support=state.selected_many(Block.NEED_SUPPORT, Action.NEED_SUPPORT),
        contact_confirmed="yes"
        in state.selected_many(Block.NEED_CONFIRM_CONTACT, Action.NEED_CONFIRM_CONTACT),
    )


def _card_keys(need_id: int) -> OutboxKey:
    return OutboxKey.need_card(need_id)


def _queue_card(bot: BotContext, session: Any, need: Need, *, update: bool) -> OutboxKey | None:
    """Queue the need's channel card (first post, or an update); return the outbox key."""
    channel = bot.config.channels.working_group
    if channel is None:
        return None
    names = bot.organization_names(session)
    payload = need_card(bot.texts, need, names, bot.config.collaboration.tz)
    now = bot.clock.now()
    key = _card_keys(need.id).for_update() if update else _card_keys(need.id)
    outbox.enqueue(
        session,
        key=key,
        kind="need_card",
        channel=channel,
        payload=payload,
        now=now,
        op="update" if update else "post",
        ref_key=_card_keys(need.id) if update else None,
    )
    return key


def _queue_notice(
    bot: BotContext, session: Any, user: str | None, key: OutboxKey, text: str
) -> OutboxKey | None:
    if user is None:
        return None
    outbox.enqueue(
        session,
        key=key,
        kind="need_notice",
        channel=user,
        payload={"text": text},
        now=bot.clock.now(),
    )
    return key


def _submit_check(bot: BotContext, actor: Actor, view: dict[str, Any]) -> Any:
    allowed = {o.id for o in form_choices(bot, actor).organizations}
    return validate_need(
        read_need_input(view),
        allowed_organizations=allowed,
        municipality_ids={m.id for m in bot.municipalities()},
    )


def _confirmation_view(
    bot: BotContext, actor: Actor, view: dict[str, Any], callback: Callback
) -> Any:
    data = read_need_input(view)
    return need_form(
        bot.texts,
        form_choices(bot, actor),
        data,
        callback_id=callback,
        metadata=json.loads(view.get("private_metadata") or "{}"),
        ask_contact_confirmation=True,
    )


def handle_need_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Store a new need, or show the form's errors inline; nothing is stored on error."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    check = _submit_check(bot, actor, view)
    if check.needs_contact_confirmation:
        ack(response_action="update", view=_confirmation_view(bot, actor, view, Callback.NEED_FORM))
        return
    if check.draft is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, NEED_FIELD_BLOCKS))
        return
    keys: list[OutboxKey | None] = []
    try:
        with bot.db.transaction() as session:
            need = create_need(
                session, check.draft, submitted_by=user, source_key=view["id"], now=bot.clock.now()
            )
            if need is not None:
                keys.append(_queue_card(bot, session, need, update=False))
                keys.append(
                    _queue_notice(
                        bot,
                        session,
                        user,
                        OutboxKey.need_created(need.id),
                        bot.texts(t.CONFIRM_CREATED, id=need.id, title=escape(need.title)),
                    )
                )
                audit.record(
                    session,
                    actor=user,
                    action="need_created",
                    subject=f"need:{need.id}",
                    now=bot.clock.now(),
                )
    except DatabaseUnavailable:
        ack(response_action="errors", errors={Block.NEED_TITLE: bot.texts(c.DATABASE_DOWN)})
        return
    ack()
    bot.deliver([k for k in keys if k])


def _load_need(bot: BotContext, need_id: int) -> Need | None:
    with bot.db.reading() as session:
        return session.get(Need, need_id)


def _refuse(
    bot: BotContext, client: WebClient, body: dict[str, Any], msg: Any, **params: Any
) -> None:
    channel = (body.get("channel") or {}).get("id")
    post_private(client, channel, body["user"]["id"], bot.texts(msg, **params))


def _after_move(
    bot: BotContext, session: Any, need: Need, actor: str, reason: str | None
) -> list[OutboxKey]:
    status = NeedStatus(need.status)
    keys = [_queue_card(bot, session, need, update=True)]
    if need.submitted_by and need.submitted_by != actor:
        notice = (
            bot.texts(
                t.NOTICE_DECLINED,
                id=need.id,
                title=escape(need.title),
                actor=actor,
                reason=escape(reason or ""),
            )
            if status is NeedStatus.DECLINED
            else bot.texts(
                t.NOTICE_MOVED,
                id=need.id,
                title=escape(need.title),
                actor=actor,
                status=bot.texts(STATUS_LABELS[status]),
            )
        )
        keys.append(
            _queue_notice(bot, session, need.submitted_by, OutboxKey.need_notice(need.id), notice)
        )
    audit.record(
        session,
        actor=actor,
        action=f"need_{status.value}",
        subject=f"need:{need.id}",
        now=bot.clock.now(),
        detail=reason or "",
    )
    return [k for k in keys if k]


def _move(
    bot: BotContext,
    client: WebClient,
    body: dict[str, Any],
    need_id: int,
    expected: NeedStatus,
    target: NeedStatus,
    reason: str | None = None,
    action: str = "moved",
) -> None:
    user = body["user"]["id"]
    with bot.db.transaction() as session:
        moved = move_need(
            session,
            need_id,
            expected=expected,
            target=target,
            actor=user,
            now=bot.clock.now(),
            reason=reason,
            action=action,
        )
        need = session.get(Need, need_id)
        if need is None:
            _refuse(bot, client, body, t.NOT_FOUND, id=need_id)
            return
        session.refresh(need)
        keys = _after_move(bot, session, need, user, reason) if moved else []
        current = bot.texts(STATUS_LABELS[NeedStatus(need.status)])
    if not moved:
        _refuse(bot, client, body, t.ALREADY_MOVED, id=need_id, status=current)
        return
    bot.deliver(keys)
    done = t.CONFIRM_WITHDRAWN if target is NeedStatus.WITHDRAWN else t.MOVED_EPHEMERAL
    _refuse(bot, client, body, done, id=need_id, status=current)


def _parse_value(value: str) -> tuple[int, NeedStatus, NeedStatus | None] | None:
    parts = value.split(":")
    try:
        target = NeedStatus(parts[2]) if len(parts) > 2 else None
        return int(parts[0]), NeedStatus(parts[1]), target
    except (ValueError, IndexError):
        return None


def _may_move_or_refuse(bot: BotContext, client: WebClient, body: dict[str, Any]) -> bool:
    """Tell whether the clicker may move needs; refuse privately when not."""
    if may_move(resolve_actor(bot, client, body["user"]["id"])):
        return True
    _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS))
    return False


def handle_move(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Move a need to the status on the button (coordinators only)."""
    ack()
    bot = bot_of(context)
    if not _may_move_or_refuse(bot, client, body):
        return
    parsed = _parse_value(action.get("value", ""))
    if parsed is None:
        return
    need_id, expected, target = parsed
    if target is not None and can_move(expected, target):
        _move(bot, client, body, need_id, expected, target)


def handle_decline_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the decline form (coordinators only)."""
    ack()
    bot = bot_of(context)
    if not _may_move_or_refuse(bot, client, body):
        return
    parsed = _parse_value(action.get("value", ""))
    need = _load_need(bot, parsed[0]) if parsed else None
    if need is None:
        return
    try:
        client.views_open(trigger_id=body["trigger_id"], view=decline_form(bot.texts, need))
    except SlackApiError:
        _refuse(bot, client, body, c.TRIGGER_EXPIRED)


def handle_decline_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Decline a need with the reason given (coordinators only)."""
    bot = bot_of(context)
    reason, error = validate_reason(ViewState(view).text(Block.NEED_REASON, Action.NEED_REASON))
    if error is not None:
        ack(response_action="errors", errors=inline_errors(bot, [error], NEED_FIELD_BLOCKS))
        return
    ack()
    if not _may_move_or_refuse(bot, client, body):
        return
    meta = json.loads(view.get("private_metadata") or "{}")
    expected = NeedStatus(meta["status"])
    if can_move(expected, NeedStatus.DECLINED):
        _move(bot, client, body, int(meta["need"]), expected, NeedStatus.DECLINED, reason)


def handle_edit_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the edit form of a need for its organisation or a coordinator."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    need = _load_need(bot, int(action.get("value") or 0))
    if need is None:
        return
    if not may_change(actor, need.organization_id, need.submitted_by):
        _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(c.WHO_OWN_ORGANIZATION))
        return
    if not is_open(NeedStatus(need.status)):
        _refuse(
            bot,
            client,
            body,
            t.CLOSED,
            id=need.id,
            status=bot.texts(STATUS_LABELS[NeedStatus(need.status)]),
        )
        return
    choices = form_choices(bot, actor)
    if need.organization_id not in {o.id for o in choices.organizations}:
        choices = FormChoices(
            [o for o in bot.organizations if o.id == need.organization_id], choices.municipalities
        )
    view = need_form(
        bot.texts,
        choices,
        need_input_from(need),
        callback_id=Callback.NEED_EDIT,
        metadata={"need": need.id},
    )
    try:
        client.views_open(trigger_id=body["trigger_id"], view=view)
    except SlackApiError:
        _refuse(bot, client, body, c.TRIGGER_EXPIRED)


def handle_edit_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Save an edited need, or show the form's errors inline."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    need_id = int(json.loads(view.get("private_metadata") or "{}").get("need", 0))
    need = _load_need(bot, need_id)
    if need is None or not may_change(actor, need.organization_id, need.submitted_by):
        ack()
        _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(c.WHO_OWN_ORGANIZATION))
        return
    allowed = {o.id for o in form_choices(bot, actor).organizations} | {need.organization_id}
    check = validate_need(
        read_need_input(view),
        allowed_organizations=allowed,
        municipality_ids={m.id for m in bot.municipalities()},
    )
    if check.needs_contact_confirmation:
        ack(response_action="update", view=_confirmation_view(bot, actor, view, Callback.NEED_EDIT))
        return
    if check.draft is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, NEED_FIELD_BLOCKS))
        return
    with bot.db.transaction() as session:
        stored = session.get(Need, need_id)
        if stored is None or not is_open(NeedStatus(stored.status)):
            ack()
            return
        edit_need(session, stored, check.draft, actor=user, now=bot.clock.now())
        session.flush()
        keys = [_queue_card(bot, session, stored, update=True)]
        audit.record(
            session,
            actor=user,
            action="need_edited",
            subject=f"need:{need_id}",
            now=bot.clock.now(),
        )
    ack()
    bot.deliver([k for k in keys if k])
    _refuse(bot, client, body, t.CONFIRM_EDITED, id=need_id)


def handle_withdraw(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Withdraw a need, for its organisation or a coordinator."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    parsed = _parse_value(action.get("value", ""))
    need = _load_need(bot, parsed[0]) if parsed else None
    if need is None or parsed is None:
        return
    if not may_change(actor, need.organization_id, need.submitted_by):
        _refuse(bot, client, body, c.NOT_ALLOWED, who=bot.texts(c.WHO_OWN_ORGANIZATION))
        return
    if not is_open(parsed[1]):
        return
    _move(bot, client, body, need.id, parsed[1], NeedStatus.WITHDRAWN, action="withdrawn")


def handle_list_filter(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
    respond: Respond,
) -> None:
    """Switch the needs list between all organisations and the actor's own."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not actor.in_collaboration:
        respond(
            text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral", replace_original=False
        )
        return
    list_needs(bot, actor, respond, own=action.get("value") == "own", replace=True)


def register(routes: Router) -> None:
    """Register the needs register's listeners."""
    routes.command("/behov")(handle_behov)
    routes.view(Callback.NEED_FORM.value)(handle_need_submission)
    routes.view(Callback.NEED_EDIT.value)(handle_edit_submission)
    routes.view(Callback.NEED_DECLINE.value)(handle_decline_submission)
    routes.action_prefix(f"{Action.NEED_MOVE}:")(handle_move)
    routes.action(Action.NEED_DECLINE.value)(handle_decline_button)
    routes.action(Action.NEED_EDIT.value)(handle_edit_button)
    routes.action(Action.NEED_WITHDRAW.value)(handle_withdraw)
    routes.action(Action.NEED_LIST_FILTER.value)(handle_list_filter)
