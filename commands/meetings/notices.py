"""What the bot queues about one meeting: its call kept up to date, invitations, change notices.

A meeting's call is posted once and then updated in place (answers, agenda items, a move, a
cancellation); a moved or cancelled meeting is announced to everyone who had heard of it.
Each function queues outbox rows in the caller's session and returns their keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.meetings import (
    MeetingKind,
    MeetingStatus,
    count_answers,
    send_time,
    to_local,
)
from bot.texts import Texts
from bot.texts import meetings as t
from commands.meetings.render.messages import (
    CallContent,
    MeetingInfo,
    call_message,
    cancelled_notice,
    moved_notice,
    personal_message,
)
from storage import meetings as store
from storage import outbox
from storage.directory import organization_names
from storage.models import Meeting
from storage.needs import open_needs
from storage.outbox import OutboxKey

UPDATE_WINDOW = timedelta(days=1)
CALL_NEEDS = 10


def info_of(bot: BotContext, meeting: Meeting) -> MeetingInfo:
    """Return what messages show about a meeting."""
    moved_from: date | None = None
    local_day = to_local(meeting.start, bot.config.collaboration.tz).date()
    if not meeting.manual and local_day.isoformat() != meeting.rule_key:
        moved_from = date.fromisoformat(meeting.rule_key)
    return MeetingInfo(
        id=meeting.id,
        kind=MeetingKind(meeting.series.kind),
        title=meeting.series.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        status=MeetingStatus(meeting.status),
        moved_from=moved_from,
        cancel_reason=meeting.cancel_reason,
    )


def channel_for(bot: BotContext, kind: str) -> str | None:
    """Return the channel of a kind of meeting: working group, coordinators or owners."""
    channels = bot.config.channels
    return {
        MeetingKind.WORKING_GROUP.value: channels.working_group,
        MeetingKind.PLANNING.value: channels.coordinators,
        MeetingKind.OWNERS.value: channels.owners,
    }.get(kind)


def invitees(bot: BotContext, session: Session, meeting: Meeting) -> set[str]:
    """Return who is privately reminded: contact persons, coordinators or owners, and invitees."""
    kind = meeting.series.kind
    people = store.invited(session, meeting.id)
    if kind == MeetingKind.WORKING_GROUP.value:
        for users in store.contacts(session).values():
            people |= users
    elif kind == MeetingKind.PLANNING.value:
        people |= set(bot.config.roles.coordinators)
    else:
        people |= set(bot.config.roles.owners)
    return people


def call_payload(bot: BotContext, session: Session, meeting: Meeting) -> dict[str, Any]:
    """Render the call as it stands: agenda, open needs and answers per organisation."""
    tr = bot.texts
    kind = MeetingKind(meeting.series.kind)
    names = organization_names(session)
    order = {info.id: index for index, info in enumerate(bot.organizations)}
    counted = count_answers(
        (a.organization_id, a.answer, a.substitute) for a in store.answers_of(session, meeting.id)
    )
    answers = [
        (names.get(org, org) if org else tr(t.NO_ORGANIZATION_LABEL), counted[org])
        for org in sorted(counted, key=lambda o: (order.get(o or "", 999), o or ""))
    ]
    waiting = (
        [info.name for info in bot.organizations if info.id not in counted]
        if kind is MeetingKind.WORKING_GROUP
        else []
    )
    added = [
        (item.text, names.get(item.organization_id or "", "") or tr(t.NO_ORGANIZATION_LABEL))
        for item in store.agenda_items(session, meeting.id)
    ]
    show_needs = kind in {MeetingKind.WORKING_GROUP, MeetingKind.PLANNING}
    needs: list[tuple[int, str, str]] = []
    more = 0
    if show_needs:
        page = open_needs(session, limit=CALL_NEEDS)
        needs = [
            (n.id, n.title, names.get(n.organization_id, n.organization_id)) for n in page.needs
        ]
        more = page.more
    # Imported here: the actions surface builds on this module (its call part is a view of it).
    from commands.actions.call import call_section

    content = CallContent(
        meeting=info_of(bot, meeting),
        standing_agenda=list(meeting.series.agenda),
        added_agenda=added,
        needs=needs,
        needs_more=more,
        answers=answers,
        waiting=waiting,
        show_needs=show_needs,
        invite_button=kind is MeetingKind.PLANNING and bool(bot.config.roles.communicators),
        follow_up=call_section(bot, session, meeting),
    )
    return call_message(tr, bot.config.collaboration.tz, content)


def refresh_call(bot: BotContext, session: Session, meeting: Meeting) -> OutboxKey | None:
    """Bring the call message up to date; return the outbox key to send now, if any."""
    key = OutboxKey.meeting_call(meeting.id)
    status = outbox.status_of(session, key)
    if status is None or status in {outbox.FAILED, outbox.EXPIRED, outbox.SUPERSEDED}:
        return None
    channel = channel_for(bot, meeting.series.kind)
    if channel is None:
        return None
    payload = call_payload(bot, session, meeting)
    if status == outbox.PENDING:
        lead = timedelta(seconds=meeting.series.call_before_s)
        due = send_time(meeting.start, lead, bot.config.collaboration.tz)
        if store.replace_pending_payload(
            session, key, payload, due_at=due, expires_at=meeting.start
        ):
            return key
    update = key.for_update()
    now = bot.clock.now()
    outbox.enqueue(
        session,
        key=update,
        kind="meeting_call_update",
        channel=channel,
        payload=payload,
        now=now,
        op="update",
        ref_key=key,
        expires_at=max(now, meeting.end) + UPDATE_WINDOW,
    )
    return update


def queue_invitation(bot: BotContext, session: Session, meeting: Meeting, person: str) -> OutboxKey:
    """Queue a private invitation to one meeting; return its outbox key."""
    key = OutboxKey.meeting_invite(meeting.id, person)
    told, tz = bot.texts_for(session, person), bot.config.collaboration.tz
    payload = personal_message(told, tz, info_of(bot, meeting), t.INVITE_DM)
    outbox.enqueue(
        session,
        key=key,
        kind="meeting_invite",
        channel=person,
        payload=payload,
        now=bot.clock.now(),
        expires_at=meeting.start,
    )
    return key


@dataclass(frozen=True)
class Told:
    """Who a change was announced to, and the outbox keys to send now."""

    keys: list[OutboxKey]
    channel: bool
    people: int


def was_told(session: Session, meeting: Meeting) -> bool:
    """Tell whether anyone has heard of the meeting: a call, reminder, answer or invitation."""
    return (
        store.reached_channel(session, meeting.id)
        or bool(store.told_people(session, meeting.id))
        or bool(store.answers_of(session, meeting.id))
        or bool(store.invited(session, meeting.id))
    )


def _people_told(session: Session, meeting: Meeting) -> set[str]:
    """Return everyone told about a meeting privately or who answered it."""
    people = store.told_people(session, meeting.id) | store.invited(session, meeting.id)
    people |= {a.user_id for a in store.answers_of(session, meeting.id) if a.user_id[:1] in "UW"}
    return people


def _announce(
    bot: BotContext,
    session: Session,
    meeting: Meeting,
    render: Callable[[Texts], dict[str, Any]],
    *,
    channel_told: bool,
    people: set[str],
) -> Told:
    """Queue a change notice to the channel (if it was told) and to each person told.

    render draws it in a language: the configured one for the channel, each person's own.
    """
    now = bot.clock.now()
    keys: list[OutboxKey] = []
    channel = channel_for(bot, meeting.series.kind)
    base = OutboxKey.meeting_change(meeting.id, meeting.revision)
    if channel_told and channel is not None:
        payload = render(bot.texts)
        outbox.enqueue(
            session, key=base, kind="meeting_notice", channel=channel, payload=payload, now=now
        )
        keys.append(base)
    for user in sorted(people):
        key = base.to(user)
        payload = render(bot.texts_for(session, user))
        outbox.enqueue(
            session, key=key, kind="meeting_notice", channel=user, payload=payload, now=now
        )
        keys.append(key)
    return Told(keys, channel_told and channel is not None, len(people))


def apply_move(
    bot: BotContext,
    session: Session,
    meeting: Meeting,
    *,
    start: datetime,
    end: datetime,
    location: str,
    reason: str,
    manual: bool,
) -> Told:
    """Move a meeting, update its call and tell everyone who was told of it."""
    channel_told = store.reached_channel(session, meeting.id)
    people = _people_told(session, meeting)
    old_start = meeting.start
    meeting.start, meeting.end, meeting.location = start, end, location
    meeting.manual = meeting.manual or manual
    meeting.revision += 1
    meeting.updated_at = bot.clock.now()
    session.flush()
    store.supersede_pending(session, meeting.id, keep=[OutboxKey.meeting_call(meeting.id)])
    keys = [k for k in [refresh_call(bot, session, meeting)] if k]
    tz, info = bot.config.collaboration.tz, info_of(bot, meeting)

    def notice(tr: Texts) -> dict[str, Any]:
        return moved_notice(tr, tz, info, old_start, reason)

    told = _announce(bot, session, meeting, notice, channel_told=channel_told, people=people)
    return Told(keys + told.keys, told.channel, told.people)


def apply_cancel(bot: BotContext, session: Session, meeting: Meeting, *, reason: str) -> Told:
    """Cancel a meeting, mark its call cancelled and tell everyone who was told of it."""
    channel_told = store.reached_channel(session, meeting.id)
    people = _people_told(session, meeting)
    meeting.status = MeetingStatus.CANCELLED.value
    meeting.cancel_reason = reason or None
    meeting.revision += 1
    meeting.updated_at = bot.clock.now()
    session.flush()
    store.supersede_pending(session, meeting.id)
    keys = [k for k in [refresh_call(bot, session, meeting)] if k]
    tz, info = bot.config.collaboration.tz, info_of(bot, meeting)

    def notice(tr: Texts) -> dict[str, Any]:
        return cancelled_notice(tr, tz, info, reason)

    told = _announce(bot, session, meeting, notice, channel_told=channel_told, people=people)
    return Told(keys + told.keys, told.channel, told.people)
