"""Use cases of the needs register: submit, edit and move a need, list the open ones.

Each takes an open session and does its whole unit of work in it: check, store, queue the
outbox rows (the channel card, the submitter's notice) and write the audit entry. None makes a
Slack call; the caller sends the queued rows (by their keys) once the transaction is committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.needs import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    STATUS_LABELS,
    NeedDraft,
    NeedInput,
    NeedStatus,
    can_move,
    is_open,
    may_change,
    may_move,
)
from bot.domain.organizations import OrganizationInfo
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import needs as t
from commands.blocks import clip, escape
from commands.edge.outcome import Done, Refusal
from commands.needs.render import (
    FormChoices,
    decline_form,
    history_list,
    need_card,
    need_input_from,
    need_list,
)
from storage import audit, outbox
from storage import needs as store
from storage.models import Need
from storage.outbox import OutboxKey


def form_choices(bot: BotContext, actor: Actor) -> FormChoices:
    """Return the organisations the actor may submit for (coordinators: all), and municipalities."""
    organizations: list[OrganizationInfo] = [
        o for o in bot.organizations if actor.is_coordinator or o.id == actor.organization_id
    ]
    return FormChoices(organizations, bot.municipalities())


def _queue_card(bot: BotContext, session: Session, need: Need, *, update: bool) -> list[OutboxKey]:
    """Queue the need's channel card (its first post, or an update); return the outbox key."""
    channel = bot.config.channels.working_group
    if channel is None:
        return []
    names = bot.organization_names(session)
    payload = need_card(bot.texts, need, names, bot.config.collaboration.tz)
    card = OutboxKey.need_card(need.id)
    key = card.for_update() if update else card
    outbox.enqueue(
        session,
        key=key,
        kind="need_card",
        channel=channel,
        payload=payload,
        now=bot.clock.now(),
        op="update" if update else "post",
        ref_key=card if update else None,
    )
    return [key]


def _queue_notice(
    bot: BotContext, session: Session, user: str, key: OutboxKey, text: str
) -> list[OutboxKey]:
    """Queue a direct message to one person about a need."""
    outbox.enqueue(
        session,
        key=key,
        kind="need_notice",
        channel=user,
        payload={"text": text},
        now=bot.clock.now(),
    )
    return [key]


def submit_need(
    bot: BotContext, session: Session, user: str, draft: NeedDraft, *, source_key: str
) -> Done:
    """Store a new need, queue its card and the submitter's confirmation, and audit it.

    source_key (the form's view id) makes a retried submission store nothing a second time.
    """
    now = bot.clock.now()
    need = store.create_need(session, draft, submitted_by=user, source_key=source_key, now=now)
    if need is None:
        return Done([])
    keys = _queue_card(bot, session, need, update=False)
    keys += _queue_notice(
        bot,
        session,
        user,
        OutboxKey.need_created(need.id),
        bot.texts_for(session, user)(t.CONFIRM_CREATED, id=need.id, title=escape(need.title)),
    )
    audit.record(
        session,
        actor=user,
        action="need_created",
        subject=f"need:{need.id}",
        now=now,
        label=need.title,
        changes=[("organization", None, need.organization_id)],
    )
    return Done(keys)


def edit_choices(bot: BotContext, session: Session, actor: Actor, need_id: int) -> FormChoices:
    """Return the edit form's organisations: the actor's choices and the need's own one."""
    choices = form_choices(bot, actor)
    need = session.get(Need, need_id)
    if need is not None and need.organization_id not in {o.id for o in choices.organizations}:
        own = [o for o in bot.organizations if o.id == need.organization_id]
        return FormChoices(own, choices.municipalities)
    return choices


@dataclass(frozen=True)
class EditForm:
    """What the edit form opens with."""

    initial: NeedInput
    choices: FormChoices


def open_edit(bot: BotContext, session: Session, actor: Actor, need_id: int) -> EditForm | Refusal:
    """Return the edit form's content for a need the actor may edit, or why not."""
    need = session.get(Need, need_id)
    refusal = edit_check(bot, actor, need, need_id)
    if refusal is not None:
        return refusal
    assert need is not None
    return EditForm(need_input_from(need), edit_choices(bot, session, actor, need_id))


def open_decline(bot: BotContext, session: Session, actor: Actor, need_id: int) -> View | Refusal:
    """Return the decline form of a need (coordinators only), or why not."""
    if not may_move(actor):
        return Refusal(c.NOT_ALLOWED, {"who": c.WHO_COORDINATORS})
    need = session.get(Need, need_id)
    if need is None:
        return Refusal(t.NOT_FOUND, {"id": need_id})
    return decline_form(bot.texts_in(actor.language), need)


def edit_check(bot: BotContext, actor: Actor, need: Need | None, need_id: int) -> Refusal | None:
    """Say why the actor may not edit the need (missing, not theirs, closed), or None."""
    if need is None:
        return Refusal(t.NOT_FOUND, {"id": need_id})
    if not may_change(actor, need.organization_id, need.submitted_by):
        return Refusal(c.NOT_ALLOWED, {"who": c.WHO_OWN_ORGANIZATION})
    status = NeedStatus(need.status)
    if not is_open(status):
        return Refusal(t.CLOSED, {"id": need.id, "status": STATUS_LABELS[status]})
    return None


def need_fields(need: Need) -> dict[str, str]:
    """Return a need's fields that a person edits, as the audit log keeps them."""
    return {
        "organization": need.organization_id,
        "title": need.title,
        "description": need.description,
        "focus_area": need.focus_area,
        "municipalities": ",".join(need.municipalities),
        "urgency": need.urgency,
        "support": ",".join(need.support),
    }


def edit_need(
    bot: BotContext, session: Session, actor: Actor, need_id: int, draft: NeedDraft
) -> Done | Refusal:
    """Save an edited need (its organisation or a coordinator, while it is open)."""
    need = session.get(Need, need_id)
    refusal = edit_check(bot, actor, need, need_id)
    if refusal is not None:
        return refusal
    assert need is not None
    before = need_fields(need)
    store.edit_need(session, need, draft, actor=actor.user_id, now=bot.clock.now())
    session.flush()
    keys = _queue_card(bot, session, need, update=True)
    after = need_fields(need)
    audit.record(
        session,
        actor=actor.user_id,
        action="need_edited",
        subject=f"need:{need_id}",
        now=bot.clock.now(),
        label=need.title,
        changes=[(key, before[key], after[key]) for key in after if before[key] != after[key]],
    )
    return Done(keys, t.CONFIRM_EDITED, {"id": need_id})


def _notice_of_move(tr: Texts, need: Need, actor: str, reason: str | None) -> str:
    """Return what the submitter is told of their need's move, in their language (tr)."""
    status = NeedStatus(need.status)
    if status is NeedStatus.DECLINED:
        return tr(
            t.NOTICE_DECLINED,
            id=need.id,
            title=escape(need.title),
            actor=actor,
            reason=escape(reason or ""),
        )
    return tr(
        t.NOTICE_WITHDRAWN if status is NeedStatus.WITHDRAWN else t.NOTICE_MOVED,
        id=need.id,
        title=escape(need.title),
        actor=actor,
        status=STATUS_LABELS[status],
    )


def move_need(
    bot: BotContext,
    session: Session,
    actor: Actor,
    need_id: int,
    expected: NeedStatus,
    target: NeedStatus,
    reason: str | None = None,
    *,
    notice: str | None = None,
) -> Done | Refusal:
    """Move a need from the status its card showed to target, if that is still where it is.

    Coordinators move needs; the need's organisation (or its submitter) may withdraw an open
    need. Moving updates the card, tells the submitter (notice, when given, instead of the
    usual words) and is audited.
    """
    need = session.get(Need, need_id)
    if need is None:
        return Refusal(t.NOT_FOUND, {"id": need_id})
    withdraw = target is NeedStatus.WITHDRAWN
    allowed = (
        may_change(actor, need.organization_id, need.submitted_by) if withdraw else may_move(actor)
    )
    if not allowed:
        who = c.WHO_OWN_ORGANIZATION if withdraw else c.WHO_COORDINATORS
        return Refusal(c.NOT_ALLOWED, {"who": who})
    current = NeedStatus(need.status)
    legal = is_open(expected) if withdraw else can_move(expected, target)
    if not legal or current is not expected:
        return Refusal(
            t.ALREADY_MOVED, {"id": need_id, "status": STATUS_LABELS[current]}
        )
    now = bot.clock.now()
    moved = store.move_need(
        session,
        need_id,
        expected=expected,
        target=target,
        actor=actor.user_id,
        now=now,
        reason=reason,
        action="withdrawn" if withdraw else "moved",
    )
    session.refresh(need)
    if not moved:
        status = STATUS_LABELS[NeedStatus(need.status)]
        return Refusal(t.ALREADY_MOVED, {"id": need_id, "status": status})
    keys = _queue_card(bot, session, need, update=True)
    if need.submitted_by and need.submitted_by != actor.user_id:
        told = bot.texts_for(session, need.submitted_by)
        notice = notice or _notice_of_move(told, need, actor.user_id, reason)
        keys += _queue_notice(
            bot, session, need.submitted_by, OutboxKey.need_notice(need.id), notice
        )
    changes: list[audit.Change] = [("need_status", expected.value, target.value)]
    if reason:
        changes.append(("reason", None, reason))
    audit.record(
        session,
        actor=actor.user_id,
        action=f"need_{target.value}",
        subject=f"need:{need.id}",
        now=now,
        detail=reason or "",
        label=need.title,
        changes=changes,
    )
    done = t.CONFIRM_WITHDRAWN if withdraw else t.MOVED_EPHEMERAL
    return Done(keys, done, {"id": need_id, "status": STATUS_LABELS[target]})


def open_needs_message(
    texts: Texts, bot: BotContext, session: Session, actor: Actor, *, own: bool
) -> dict[str, Any]:
    """Return the list of open needs (all, or the actor's organisation's) as a message."""
    organization = actor.organization_id if own else None
    page = store.open_needs(session, organization_id=organization)
    return need_list(
        texts,
        page.needs,
        page.more,
        bot.organization_names(session),
        bot.config.collaboration.tz,
        own_organization=organization,
        can_filter=actor.organization_id is not None,
    )


HISTORY_LIMIT = 25
SEARCH_WORDS = 10


def needs_history_message(
    bot: BotContext, session: Session, actor: Actor, *, own: bool, closed_only: bool
) -> dict[str, Any]:
    """Return every need (or only the closed ones) with its history, newest change first."""
    tr, organization = bot.texts_in(actor.language), actor.organization_id if own else None
    statuses = CLOSED_STATUSES if closed_only else (*OPEN_STATUSES, *CLOSED_STATUSES)
    page = store.needs_in(session, statuses, organization_id=organization, limit=HISTORY_LIMIT)
    names = bot.organization_names(session)
    name = escape(names.get(organization or "", organization or ""))
    if organization:
        header = t.HISTORY_HEADER_CLOSED_OWN if closed_only else t.HISTORY_HEADER_OWN
        heading = tr(header, organization=name)
    else:
        heading = tr(t.HISTORY_HEADER_CLOSED if closed_only else t.HISTORY_HEADER)
    return history_list(
        tr,
        heading,
        page.needs,
        store.history_of(session, [n.id for n in page.needs]),
        page.more,
        names,
        bot.config.collaboration.tz,
        empty=tr(t.HISTORY_EMPTY),
    )


def search_message(bot: BotContext, session: Session, tr: Texts, words: str) -> dict[str, Any]:
    """Return the needs whose title and description hold every word, with their history."""
    wanted = words.split()[:SEARCH_WORDS]
    shown = escape(clip(" ".join(wanted), 80))
    page = store.needs_with_words(session, wanted, limit=HISTORY_LIMIT)
    return history_list(
        tr,
        tr(t.SEARCH_HEADER, words=shown),
        page.needs,
        store.history_of(session, [n.id for n in page.needs]),
        page.more,
        bot.organization_names(session),
        bot.config.collaboration.tz,
        empty=tr(t.SEARCH_EMPTY, words=shown),
    )
