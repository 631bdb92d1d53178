"""Use cases of organisation membership: ask to represent one, decide, revoke, announce.

A person whose e-mail domain matches no partner may ask to represent one; the request gives
no rights until a coordinator approves it (DESIGN.md, "Who may do what"). Each use case takes
an open session and does its whole unit of work in it: check, store, queue the outbox rows
(the coordinators' cards, the person's notice) and write the audit entry. None makes a Slack
call; the caller sends the queued rows (by their keys) once the transaction is committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.organizations import OrganizationInfo, Source, configured_organization
from bot.texts import Msg, formats
from bot.texts import common as c
from bot.texts import samverkan as t
from commands.blocks import escape
from commands.edge.outcome import Done, Refusal
from commands.samverkan import render
from storage import audit, outbox
from storage import memberships as store
from storage.directory import get_person, remember_person
from storage.models import OrganizationRequest
from storage.outbox import OutboxKey

FROM_SOURCE: dict[Source, Msg] = {
    Source.EMAIL: t.ORGANIZATION_FROM_EMAIL,
    Source.CONFIG: t.ORGANIZATION_FROM_CONFIG,
    Source.APPROVAL: t.ORGANIZATION_FROM_APPROVAL,
}
STATUS_LABELS: dict[str, Msg] = {
    store.APPROVED: t.STATUS_APPROVED,
    store.DECLINED: t.STATUS_DECLINED,
    store.CANCELLED: t.STATUS_CANCELLED,
}
BOT = "samverkansbot"  # the audit log's actor for what the bot does by itself


@dataclass(frozen=True)
class Standing:
    """A person's organisation and where it comes from, and the one they asked for, if any."""

    organization_id: str | None
    source: Source
    requested: OrganizationInfo | None


def _info(bot: BotContext, organization_id: str) -> OrganizationInfo | None:
    return next((o for o in bot.organizations if o.id == organization_id), None)


def _name(bot: BotContext, organization_id: str) -> str:
    return escape(bot.organization_name(organization_id))


def standing_of(bot: BotContext, session: Session, actor: Actor) -> Standing:
    """Return where the actor's organisation comes from, and their pending request."""
    if configured_organization(actor.user_id, bot.organizations) is not None:
        return Standing(actor.organization_id, Source.CONFIG, None)
    request = store.pending_request(session, actor.user_id)
    requested = _info(bot, request.organization_id) if request is not None else None
    person = get_person(session, actor.user_id)
    if actor.organization_id is None or person is None:
        return Standing(None, Source.NONE, requested)
    return Standing(actor.organization_id, Source(person.organization_source), requested)


def coordinator_targets(bot: BotContext) -> list[tuple[str, str | None]]:
    """Return where the coordinators are told: (channel, None), or (user, user) for each one."""
    if bot.config.channels.coordinators:
        return [(bot.config.channels.coordinators, None)]
    return [(user, user) for user in bot.config.roles.coordinators]


def _when(bot: BotContext, moment: datetime) -> str:
    local = moment.astimezone(bot.config.collaboration.tz)
    return formats.short_date_time(bot.texts.language, local)


def _queue_cards(
    bot: BotContext, session: Session, request: OrganizationRequest
) -> list[OutboxKey]:
    """Queue the request's card with Approve and Decline to the coordinators."""
    payload = render.request_card(
        bot.texts, request.id, request.user_id, bot.organization_name(request.organization_id)
    )
    keys: list[OutboxKey] = []
    for channel, recipient in coordinator_targets(bot):
        key = OutboxKey.membership_request(request.id, recipient)
        outbox.enqueue(
            session,
            key=key,
            kind="membership_request",
            channel=channel,
            payload=payload,
            now=bot.clock.now(),
        )
        keys.append(key)
    return keys


def _close_cards(
    bot: BotContext, session: Session, request: OrganizationRequest, outcome: str
) -> list[OutboxKey]:
    """Queue updates of the request's cards: its outcome instead of the buttons."""
    payload = render.request_card(
        bot.texts,
        request.id,
        request.user_id,
        bot.organization_name(request.organization_id),
        outcome,
    )
    keys: list[OutboxKey] = []
    posted = outbox.keys_about(
        session,
        "membership",
        request.id,
        statuses=(outbox.PENDING, outbox.SENDING, outbox.SENT),
    )
    for card, channel in posted:
        if card.kind != "request":
            continue
        key = card.for_update()
        outbox.enqueue(
            session,
            key=key,
            kind="membership_request",
            channel=channel,
            payload=payload,
            now=bot.clock.now(),
            op=outbox.UPDATE,
            ref_key=card,
        )
        keys.append(key)
    return keys


def request_membership(
    bot: BotContext, session: Session, actor: Actor, organization_id: str
) -> Done | Refusal:
    """Ask to represent an organisation; the coordinators get a card, nobody gets rights.

    A newer request replaces the person's pending one. Someone who already belongs to an
    organisation (by e-mail, configuration or approval) is told so and nothing changes.
    """
    standing = standing_of(bot, session, actor)
    if standing.organization_id is not None:
        msg = FROM_SOURCE.get(standing.source, t.ORGANIZATION_FROM_EMAIL)
        return Refusal(msg, {"organization": _name(bot, standing.organization_id)})
    pending = store.pending_request(session, actor.user_id)
    if pending is not None and pending.organization_id == organization_id:
        return Refusal(
            t.ORGANIZATION_ALREADY_REQUESTED, {"organization": _name(bot, organization_id)}
        )
    now = bot.clock.now()
    keys: list[OutboxKey] = []
    if pending is not None:
        store.cancel_pending(session, actor.user_id, now)
        replaced = bot.texts(t.REQUEST_REPLACED, date=_when(bot, now))
        keys += _close_cards(bot, session, pending, replaced)
        audit.record(
            session,
            actor=actor.user_id,
            action="organization_request_replaced",
            subject=f"user:{actor.user_id}",
            now=now,
            detail=pending.organization_id,
        )
    request = store.add_request(
        session, actor.user_id, organization_id, now, announced=bool(coordinator_targets(bot))
    )
    if request is None:  # another request of theirs was stored at the same moment
        return Refusal(
            t.ORGANIZATION_ALREADY_REQUESTED, {"organization": _name(bot, organization_id)}
        )
    keys += _queue_cards(bot, session, request)
    audit.record(
        session,
        actor=actor.user_id,
        action="organization_requested",
        subject=f"user:{actor.user_id}",
        now=now,
        detail=organization_id,
    )
    return Done(keys, t.ORGANIZATION_REQUESTED, {"organization": _name(bot, organization_id)})


def _not_coordinator(bot: BotContext) -> Refusal:
    return Refusal(c.NOT_ALLOWED, {"who": c.WHO_COORDINATORS})


def decide_request(
    bot: BotContext, session: Session, actor: Actor, request_id: int, *, approve: bool
) -> Done | Refusal:
    """Approve or decline a pending request (coordinators only), and tell the person.

    Approving makes the person a member of the organisation (source "approval"). The cards
    show the outcome instead of the buttons; a request decided already is left as it is.
    """
    if not actor.is_coordinator:
        return _not_coordinator(bot)
    request = store.get_request(session, request_id)
    if request is None:
        return Refusal(t.REQUEST_NOT_FOUND)
    now = bot.clock.now()
    status = store.APPROVED if approve else store.DECLINED
    if not store.decide(session, request_id, status, actor.user_id, now):
        session.refresh(request)
        label = STATUS_LABELS.get(request.status, t.STATUS_CANCELLED)
        return Refusal(t.REQUEST_ALREADY_DECIDED, {"user": request.user_id, "status": label})
    if approve:
        remember_person(session, request.user_id, request.organization_id, Source.APPROVAL, now)
    by = t.REQUEST_APPROVED_BY if approve else t.REQUEST_DECLINED_BY
    keys = _close_cards(
        bot, session, request, bot.texts(by, by=actor.user_id, date=_when(bot, now))
    )
    organization = _name(bot, request.organization_id)
    notice = t.DECISION_APPROVED if approve else t.DECISION_DECLINED
    key = OutboxKey.membership_decision(request.id)
    outbox.enqueue(
        session,
        key=key,
        kind="membership_decision",
        channel=request.user_id,
        payload={
            "text": bot.texts_for(session, request.user_id)(
                notice, organization=organization, collaboration=bot.config.collaboration.name
            )
        },
        now=now,
    )
    audit.record(
        session,
        actor=actor.user_id,
        action="organization_approved" if approve else "organization_declined",
        subject=f"user:{request.user_id}",
        now=now,
        detail=request.organization_id,
    )
    done = t.APPROVED_DONE if approve else t.DECLINED_DONE
    return Done([*keys, key], done, {"user": request.user_id, "organization": organization})


def revoke_membership(
    bot: BotContext, session: Session, actor: Actor, user: str, organization_id: str
) -> Done | Refusal:
    """Take a person's organisation away (coordinators only), and tell the person.

    Their e-mail domain then gives them none either, until they ask again and are approved.
    Members named in the configuration are changed there, not here.
    """
    if not actor.is_coordinator:
        return _not_coordinator(bot)
    configured = configured_organization(user, bot.organizations)
    if configured is not None:
        return Refusal(t.REVOKE_CONFIGURED, {"user": user, "organization": _name(bot, configured)})
    organization = _name(bot, organization_id)
    person = get_person(session, user)
    if (
        person is None
        or person.organization_id != organization_id
        or person.organization_source not in {Source.EMAIL, Source.APPROVAL}
    ):
        return Refusal(t.REVOKE_STALE, {"user": user, "organization": organization})
    now = bot.clock.now()
    source = person.organization_source
    remember_person(session, user, None, Source.REVOKED, now)
    key = OutboxKey.membership_revoked(user)
    text = bot.texts_for(session, user)(
        t.REVOKED_NOTICE, organization=organization, collaboration=bot.config.collaboration.name
    )
    outbox.enqueue(
        session, key=key, kind="membership_revoked", channel=user, payload={"text": text}, now=now
    )
    audit.record(
        session,
        actor=actor.user_id,
        action="organization_revoked",
        subject=f"user:{user}",
        now=now,
        detail=f"{organization_id} ({source})",
    )
    return Done([key], t.REVOKED_DONE, {"user": user, "organization": organization})


def overview(bot: BotContext, session: Session) -> render.Overview:
    """Return the pending requests and every organisation's members, with their sources."""
    pending = [
        render.Waiting(r.id, r.user_id, r.organization_id, r.requested_at)
        for r in store.pending_requests(session)
    ]
    members: dict[str, list[render.Member]] = {}
    configured: set[str] = set()
    for info in bot.organizations:
        for user in info.members:
            configured.add(user)
            members.setdefault(info.id, []).append(render.Member(user, Source.CONFIG))
    stored = [p for p in store.stored_members(session) if p.slack_id not in configured]
    approved_by = store.approvers(
        session, [p.slack_id for p in stored if p.organization_source == Source.APPROVAL]
    )
    for person in stored:
        assert person.organization_id is not None
        source = Source(person.organization_source)
        by = approved_by.get(person.slack_id) if source is Source.APPROVAL else None
        members.setdefault(person.organization_id, []).append(
            render.Member(person.slack_id, source, by)
        )
    return render.Overview(pending, members)


def announce_waiting(bot: BotContext, session: Session) -> list[OutboxKey]:
    """Tell the coordinators once about pending requests they were not told about.

    These are the self-chosen organisations the migration to revision 0006 made requests
    (and any request made while no coordinator could be told). The notice's key names the
    first request, so two processes announcing at once queue it once.
    """
    waiting = store.unannounced_requests(session)
    targets = coordinator_targets(bot)
    if not waiting or not targets:
        return []
    now = bot.clock.now()
    payload = render.waiting_notice(
        bot.texts,
        [render.Waiting(r.id, r.user_id, r.organization_id, r.requested_at) for r in waiting],
        bot.organizations,
    )
    keys: list[OutboxKey] = []
    for channel, recipient in targets:
        key = OutboxKey.membership_waiting(waiting[0].id, recipient)
        outbox.enqueue(
            session, key=key, kind="membership_waiting", channel=channel, payload=payload, now=now
        )
        keys.append(key)
    store.mark_announced(session, [r.id for r in waiting], now)
    return keys


def plan_waiting_requests(bot: BotContext) -> None:
    """Planner: queue the notice of requests waiting unannounced (idempotent; cheap when none)."""
    with bot.db.transaction() as session:
        announce_waiting(bot, session)
