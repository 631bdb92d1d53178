"""The meeting planner: plans meetings from the series and queues each message exactly once.

Every tick it brings the configuration's series into the database, plans the coming
meetings (a year ahead) from each series' rule, queues the calls, reminders and
after-meeting prompts that have fallen due as outbox rows with unique keys, marks
ended meetings held, and tells the coordinators about messages that failed for good.
Each step is idempotent: the outbox key decides what was already queued, so a
restart catches up and two scheduler processes never queue anything twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.config import slugify
from bot.context import BotContext
from bot.domain.meetings import (
    HORIZON,
    MeetingKind,
    MeetingStatus,
    OnHoliday,
    SeriesDraft,
    SeriesRule,
    count_answers,
    due_before,
    plan_meetings,
    to_local,
)
from bot.texts import Msg
from bot.texts import meetings as t
from commands.meetings.render import (
    CallContent,
    MeetingInfo,
    alert_message,
    call_message,
    cancelled_notice,
    followup_message,
    moved_notice,
    personal_message,
    reminder_message,
    when,
)
from storage import meetings as store
from storage import outbox
from storage.directory import organization_names
from storage.models import Meeting, MeetingSeries
from storage.needs import open_needs
from storage.outbox import OutboxKey

log = logging.getLogger(__name__)

# Hooks the status-summary surface adds: each queues what an owners' meeting needs before it
# (e.g. the summary with key OutboxKey.meeting_summary). Called every tick, inside the planner's
# unit of work, once the meeting is within its series' summary_before; they must be idempotent.
SummaryHook = Callable[[BotContext, Session, Meeting], None]
SUMMARY_HOOKS: list[SummaryHook] = []

FOLLOWUP_WINDOW = timedelta(days=14)
UPDATE_WINDOW = timedelta(days=1)
ALERT_LOOKBACK = timedelta(days=7)
CALL_NEEDS = 10


# ------------------------------------------------------------------------------ keys


def call_key(meeting_id: int) -> OutboxKey:
    """Return the outbox key of a meeting's call (its updates refer to it)."""
    return OutboxKey.meeting_call(meeting_id)


def reminder_key(meeting: Meeting) -> OutboxKey:
    """Return the key of the channel reminder; a moved meeting is reminded again."""
    return OutboxKey.meeting_reminder(meeting.id, meeting.revision)


# ----------------------------------------------------------------------------- views


def series_rule(series: MeetingSeries) -> SeriesRule:
    """Return a stored series' rule as the domain plans it."""
    return SeriesRule(
        rrule=series.rrule,
        start=series.start_local,
        duration=timedelta(seconds=series.duration_s),
        skip_months=frozenset(series.skip_months),
        on_holiday=OnHoliday(series.on_holiday),
    )


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
    )
    return call_message(tr, bot.config.collaboration.tz, content)


def refresh_call(bot: BotContext, session: Session, meeting: Meeting) -> OutboxKey | None:
    """Bring the call message up to date; return the outbox key to send now, if any."""
    key = call_key(meeting.id)
    status = outbox.status_of(session, key)
    if status is None or status in {outbox.FAILED, outbox.EXPIRED, outbox.SUPERSEDED}:
        return None
    channel = channel_for(bot, meeting.series.kind)
    if channel is None:
        return None
    payload = call_payload(bot, session, meeting)
    if status == outbox.PENDING:
        lead = timedelta(seconds=meeting.series.call_before_s)
        due = due_before(meeting.start, lead, bot.config.collaboration.tz)
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
    payload = personal_message(
        bot.texts, bot.config.collaboration.tz, info_of(bot, meeting), t.INVITE_DM
    )
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


# --------------------------------------------------------------------- changes and notices


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
    payload: dict[str, Any],
    *,
    channel_told: bool,
    people: set[str],
) -> Told:
    """Queue a change notice to the channel (if it was told) and to each person told."""
    now = bot.clock.now()
    keys: list[OutboxKey] = []
    channel = channel_for(bot, meeting.series.kind)
    base = OutboxKey.meeting_change(meeting.id, meeting.revision)
    if channel_told and channel is not None:
        outbox.enqueue(
            session, key=base, kind="meeting_notice", channel=channel, payload=payload, now=now
        )
        keys.append(base)
    for user in sorted(people):
        key = base.to(user)
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
    store.supersede_pending(session, meeting.id, keep=[call_key(meeting.id)])
    keys = [k for k in [refresh_call(bot, session, meeting)] if k]
    notice = moved_notice(
        bot.texts, bot.config.collaboration.tz, info_of(bot, meeting), old_start, reason
    )
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
    notice = cancelled_notice(bot.texts, bot.config.collaboration.tz, info_of(bot, meeting), reason)
    told = _announce(bot, session, meeting, notice, channel_told=channel_told, people=people)
    return Told(keys + told.keys, told.channel, told.people)


# ----------------------------------------------------------------------------- planning


def config_entries(bot: BotContext) -> list[tuple[str, SeriesDraft]]:
    """Return the configuration's series with stable keys (kind and title)."""
    entries: list[tuple[str, SeriesDraft]] = []
    seen: set[str] = set()
    for entry in bot.config.meetings:
        key = base = f"config:{entry.kind}:{slugify(entry.title)}"
        number = 2
        while key in seen:
            key, number = f"{base}:{number}", number + 1
        seen.add(key)
        draft = SeriesDraft(
            kind=MeetingKind(entry.kind),
            title=entry.title,
            rrule=entry.rrule,
            start=entry.start,
            duration=entry.duration,
            location=entry.location,
            call_before=entry.call_before,
            reminder_before=entry.reminder_before,
            summary_before=entry.summary_before,
            skip_months=tuple(entry.skip_months),
            on_holiday=OnHoliday(entry.on_holiday),
            agenda=tuple(entry.agenda),
        )
        entries.append((key, draft))
    return entries


def reconcile(
    bot: BotContext, session: Session, series: MeetingSeries, now: datetime
) -> list[OutboxKey]:
    """Make a series' coming meetings match its rule; return outbox keys to send now.

    New dates are added; meetings nobody has heard of follow the rule (or are dropped
    when the series is paused or the date is gone); announced meetings that the rule
    moves or removes are moved or cancelled with notices. A meeting a coordinator moved
    or cancelled by hand is left alone.
    """
    tz = bot.config.collaboration.tz
    keys: list[OutboxKey] = []
    planned = (
        {}
        if series.paused
        else {p.rule_key: p for p in plan_meetings(series_rule(series), tz, now, now + HORIZON)}
    )
    existing = {m.rule_key: m for m in store.meetings_after(session, series.id, now)}
    for key, plan in planned.items():
        meeting = existing.get(key)
        if meeting is None:
            store.add_planned(session, series.id, plan, series.location, now)
            continue
        if meeting.manual or meeting.status not in {
            MeetingStatus.SCHEDULED.value,
            MeetingStatus.DROPPED.value,
        }:
            continue
        if meeting.status == MeetingStatus.DROPPED.value:
            meeting.status = MeetingStatus.SCHEDULED.value
            meeting.start, meeting.end, meeting.location = plan.start, plan.end, series.location
            meeting.updated_at = now
            continue
        if (meeting.start, meeting.end, meeting.location) == (
            plan.start,
            plan.end,
            series.location,
        ):
            continue
        if was_told(session, meeting):
            keys += apply_move(
                bot,
                session,
                meeting,
                start=plan.start,
                end=plan.end,
                location=series.location,
                reason=bot.texts(t.REASON_SERIES_CHANGED),
                manual=False,
            ).keys
        else:
            meeting.start, meeting.end, meeting.location = plan.start, plan.end, series.location
            meeting.updated_at = now
    for key, meeting in existing.items():
        if key in planned or meeting.manual or meeting.status != MeetingStatus.SCHEDULED.value:
            continue
        if not was_told(session, meeting):
            meeting.status = MeetingStatus.DROPPED.value
            meeting.updated_at = now
            store.supersede_pending(session, meeting.id)
        elif not series.paused:
            keys += apply_cancel(
                bot, session, meeting, reason=bot.texts(t.REASON_SERIES_CHANGED)
            ).keys
    session.flush()
    return keys


def _queue_reminders(bot: BotContext, session: Session, meeting: Meeting, now: datetime) -> None:
    """Queue the channel reminder and the private ones to those who have not answered."""
    tr, tz = bot.texts, bot.config.collaboration.tz
    info = info_of(bot, meeting)
    channel = channel_for(bot, meeting.series.kind)
    base = reminder_key(meeting)
    lead = timedelta(seconds=meeting.series.reminder_before_s)
    due = due_before(meeting.start, lead, tz)
    answers = store.answers_of(session, meeting.id)
    if channel is not None:
        attending = count_answers((a.organization_id, a.answer, a.substitute) for a in answers)
        payload = reminder_message(
            tr,
            tz,
            info,
            sum(1 for org, a in attending.items() if org and a.attending),
            invite=info.kind is MeetingKind.PLANNING and bool(bot.config.roles.communicators),
        )
        outbox.enqueue(
            session,
            key=base,
            kind="meeting_reminder",
            channel=channel,
            payload=payload,
            now=now,
            due_at=due,
            expires_at=meeting.start,
        )
    answered = {a.user_id for a in answers}
    for user in sorted(invitees(bot, session, meeting) - answered):
        outbox.enqueue(
            session,
            key=base.to(user),
            kind="meeting_reminder",
            channel=user,
            payload=personal_message(tr, tz, info, t.REMINDER_DM),
            now=now,
            due_at=due,
            expires_at=meeting.start,
        )


def _run_summary_hooks(bot: BotContext, session: Session, meeting: Meeting) -> None:
    """Run the summary hooks, each in a savepoint so one failing spoils nothing."""
    for hook in list(SUMMARY_HOOKS):
        try:
            with session.begin_nested():
                hook(bot, session, meeting)
        except Exception:
            log.exception("a summary hook failed for meeting %s", meeting.id)


def queue_due(bot: BotContext, session: Session, now: datetime) -> None:
    """Queue the calls, reminders and summaries that have fallen due for coming meetings."""
    tz = bot.config.collaboration.tz
    leads = [
        max(s.call_before_s, s.reminder_before_s, s.summary_before_s or 0)
        for s in store.all_series(session)
    ]
    if not leads:
        return
    for meeting in store.due_meetings(session, now, timedelta(seconds=max(leads) + 86400)):
        series = meeting.series
        channel = channel_for(bot, series.kind)
        call_due = due_before(meeting.start, timedelta(seconds=series.call_before_s), tz)
        reminder_due = due_before(meeting.start, timedelta(seconds=series.reminder_before_s), tz)
        wanted = []
        if now >= call_due and channel is not None:
            wanted.append(call_key(meeting.id))
        if now >= reminder_due:
            wanted.append(reminder_key(meeting))
        present = outbox.existing_keys(session, wanted)
        if call_key(meeting.id) in wanted and call_key(meeting.id) not in present:
            outbox.enqueue(
                session,
                key=call_key(meeting.id),
                kind="meeting_call",
                channel=channel or "",
                payload=call_payload(bot, session, meeting),
                now=now,
                due_at=call_due,
                expires_at=meeting.start,
            )
        if reminder_key(meeting) in wanted and reminder_key(meeting) not in present:
            _queue_reminders(bot, session, meeting, now)
        summary = series.summary_before_s
        if (
            series.kind == MeetingKind.OWNERS.value
            and summary
            and now >= due_before(meeting.start, timedelta(seconds=summary), tz)
        ):
            _run_summary_hooks(bot, session, meeting)


def close_ended(bot: BotContext, session: Session, now: datetime) -> None:
    """Mark ended meetings held, record attendance from the answers, prompt the coordinators."""
    tr, tz = bot.texts, bot.config.collaboration.tz
    for meeting in store.ended_meetings(session, now):
        if not store.mark_held(session, meeting.id, now):
            continue
        session.expire(meeting, ["status", "updated_at"])
        answers = store.answers_of(session, meeting.id)
        counted = count_answers((a.organization_id, a.answer, a.substitute) for a in answers)
        attending = {org for org, a in counted.items() if org and a.attending}
        if not store.attendance_of(session, meeting.id):
            store.record_attendance(
                session, meeting.id, attending, source="answers", recorded_by=None, now=now
            )
        refresh_call(bot, session, meeting)
        coordinators = bot.config.channels.coordinators
        if meeting.series.kind == MeetingKind.WORKING_GROUP.value and coordinators:
            payload = followup_message(
                tr, tz, info_of(bot, meeting), len(attending), len(bot.organizations)
            )
            outbox.enqueue(
                session,
                key=OutboxKey.meeting_followup(meeting.id),
                kind="meeting_followup",
                channel=coordinators,
                payload=payload,
                now=now,
                expires_at=meeting.end + FOLLOWUP_WINDOW,
            )


def failure_reason(bot: BotContext, error: str, channel: str) -> str:
    """Explain a permanent Slack error in the coordinators' words."""
    tr = bot.texts
    shown = f"<#{channel}>" if channel[:1] in "CG" else f"`{channel}`"
    if error == "channel_not_found":
        return tr(t.ERROR_CHANNEL_NOT_FOUND, channel=shown)
    if error in {"not_in_channel", "user_not_in_channel"}:
        return tr(t.ERROR_NOT_IN_CHANNEL, channel=shown)
    if error in {"is_archived", "channel_is_archived"}:
        return tr(t.ERROR_ARCHIVED, channel=shown)
    return tr(t.ERROR_OTHER, error=error.replace("`", "'"))


def what_failed(key: OutboxKey) -> Msg:
    """Name the kind of meeting message an outbox key stands for."""
    if key.subject != "meeting":
        return t.WHAT_OTHER
    if key.kind == "call":
        return t.WHAT_CALL
    if key.kind == "reminder":
        return t.WHAT_REMINDER
    if key.kind in {"change", "invite", "followup"}:
        return t.WHAT_NOTICE
    return t.WHAT_OTHER


def meeting_of_key(session: Session, key: OutboxKey) -> Meeting | None:
    """Return the meeting an outbox key about a meeting belongs to (None for other keys)."""
    if key.subject != "meeting":
        return None
    return store.get_meeting(session, int(key.id))


def alert_failures(bot: BotContext, session: Session, now: datetime) -> None:
    """Tell each coordinator privately, once, about a meeting message that failed for good."""
    coordinators = bot.config.roles.coordinators
    if not coordinators:
        return
    failed = store.failed_meeting_messages(session, now - ALERT_LOOKBACK)
    if not failed:
        return
    wanted = {
        OutboxKey.alert(about, user): (row, about, user)
        for row in failed
        for about in [OutboxKey.parse(row.key)]
        for user in coordinators
    }
    present = outbox.existing_keys(session, list(wanted))
    tr, tz = bot.texts, bot.config.collaboration.tz
    for key, (row, about, user) in wanted.items():
        if key in present:
            continue
        meeting = meeting_of_key(session, about)
        text = tr(
            t.ALERT_DM,
            what=tr(what_failed(about)),
            title=meeting.series.title if meeting else "?",
            when=when(tr, meeting.start, meeting.end, tz) if meeting else "",
            reason=failure_reason(bot, row.last_error or "unknown_error", row.channel),
        )
        outbox.enqueue(
            session,
            key=key,
            kind="meeting_alert",
            channel=user,
            payload=alert_message(tr, text),
            now=now,
        )


def plan(bot: BotContext) -> None:
    """Plan meetings and queue everything that has fallen due (one unit of work per tick)."""
    now = bot.clock.now()
    with bot.db.transaction() as session:
        store.sync_config_series(session, config_entries(bot), now)
        session.flush()
        for series in store.all_series(session):
            reconcile(bot, session, series, now)
        close_ended(bot, session, now)
        queue_due(bot, session, now)
        alert_failures(bot, session, now)


