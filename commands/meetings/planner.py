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
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.config import slugify
from bot.context import BotContext
from bot.domain.meetings import (
    HORIZON,
    WORKDAY_SHIFT_MAX,
    MeetingKind,
    MeetingStatus,
    OnHoliday,
    SeriesDraft,
    SeriesRule,
    count_answers,
    plan_meetings,
    send_time,
)
from bot.texts import meetings as t
from commands.edge.surface import Planner
from commands.meetings.alerts import alert_failures
from commands.meetings.notices import (
    apply_cancel,
    apply_move,
    call_payload,
    channel_for,
    info_of,
    invitees,
    refresh_call,
    was_told,
)
from commands.meetings.render.messages import (
    followup_message,
    personal_message,
    reminder_message,
    unconfirmed_message,
)
from storage import meetings as store
from storage import outbox
from storage.models import Meeting, MeetingSeries
from storage.outbox import OutboxKey

log = logging.getLogger(__name__)

# Queues what an owners' meeting needs before it (the follow-up surface's status summary, with
# key OutboxKey.meeting_summary). Called every tick, inside the planner's unit of work, once the
# meeting is within its series' summary_before; it must be idempotent.
SummaryHook = Callable[[BotContext, Session, Meeting], None]

FOLLOWUP_WINDOW = timedelta(days=14)


def series_rule(series: MeetingSeries) -> SeriesRule:
    """Return a stored series' rule as the domain plans it."""
    return SeriesRule(
        rrule=series.rrule,
        start=series.start_local,
        duration=timedelta(seconds=series.duration_s),
        skip_months=frozenset(series.skip_months),
        on_holiday=OnHoliday(series.on_holiday),
    )


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
    base = OutboxKey.meeting_reminder(meeting.id, meeting.revision)
    lead = timedelta(seconds=meeting.series.reminder_before_s)
    due = send_time(meeting.start, lead, tz)
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
            payload=personal_message(bot.texts_for(session, user), tz, info, t.REMINDER_DM),
            now=now,
            due_at=due,
            expires_at=meeting.start,
        )


def _run_summary_hook(
    bot: BotContext, session: Session, meeting: Meeting, hook: SummaryHook
) -> None:
    """Run the summary hook in a savepoint, so that its failure spoils nothing else."""
    try:
        with session.begin_nested():
            hook(bot, session, meeting)
    except Exception:
        log.exception("the summary hook failed for meeting %s", meeting.id)


def queue_due(
    bot: BotContext, session: Session, now: datetime, owners_summary: SummaryHook | None = None
) -> None:
    """Queue the calls, reminders and (with owners_summary) summaries due for coming meetings."""
    tz = bot.config.collaboration.tz
    leads = [
        max(s.call_before_s, s.reminder_before_s, s.summary_before_s or 0)
        for s in store.all_series(session)
    ]
    if not leads:
        return
    lookahead = timedelta(seconds=max(leads) + 86400) + WORKDAY_SHIFT_MAX
    for meeting in store.due_meetings(session, now, lookahead):
        series = meeting.series
        channel = channel_for(bot, series.kind)
        call_due = send_time(meeting.start, timedelta(seconds=series.call_before_s), tz)
        reminder_due = send_time(meeting.start, timedelta(seconds=series.reminder_before_s), tz)
        call = OutboxKey.meeting_call(meeting.id)
        reminder = OutboxKey.meeting_reminder(meeting.id, meeting.revision)  # again when moved
        wanted = []
        if now >= call_due and channel is not None:
            wanted.append(call)
        if now >= reminder_due:
            wanted.append(reminder)
        present = outbox.existing_keys(session, wanted)
        if call in wanted and call not in present:
            outbox.enqueue(
                session,
                key=call,
                kind="meeting_call",
                channel=channel or "",
                payload=call_payload(bot, session, meeting),
                now=now,
                due_at=call_due,
                expires_at=meeting.start,
            )
        if reminder in wanted and reminder not in present:
            _queue_reminders(bot, session, meeting, now)
        summary = series.summary_before_s
        if (
            owners_summary is not None
            and series.kind == MeetingKind.OWNERS.value
            and summary
            and now >= send_time(meeting.start, timedelta(seconds=summary), tz)
        ):
            _run_summary_hook(bot, session, meeting, owners_summary)


def close_ended(bot: BotContext, session: Session, now: datetime) -> None:
    """Close ended meetings: held with the attendance the answers give, else not followed up.

    A meeting counts as held only when attendance was recorded (here from the answers, or by
    a coordinator) or a coordinator confirmed it. The coordinators are asked once, through the
    outbox, to check the attendance of a held working-group meeting, or to follow up a meeting
    with no attendance: it was held after all, or it did not take place.
    """
    tr, tz = bot.texts, bot.config.collaboration.tz
    for meeting in store.ended_meetings(session, now):
        answers = store.answers_of(session, meeting.id)
        counted = count_answers((a.organization_id, a.answer, a.substitute) for a in answers)
        attending = {org for org, a in counted.items() if org and a.attending}
        recorded = store.attendance_of(session, meeting.id)
        held = bool(recorded or attending)
        status = MeetingStatus.HELD if held else MeetingStatus.UNCONFIRMED
        if not store.close_meeting(session, meeting.id, status, now):
            continue
        session.expire(meeting, ["status", "updated_at"])
        if not recorded and attending:
            store.record_attendance(
                session, meeting.id, attending, source="answers", recorded_by=None, now=now
            )
        refresh_call(bot, session, meeting)
        coordinators = bot.config.channels.coordinators
        if not coordinators:
            continue
        info = info_of(bot, meeting)
        if held and meeting.series.kind != MeetingKind.WORKING_GROUP.value:
            continue
        if held:
            present = len(recorded) if recorded else len(attending)
            payload = followup_message(tr, tz, info, present, len(bot.organizations))
        else:
            payload = unconfirmed_message(tr, tz, info)
        outbox.enqueue(
            session,
            key=OutboxKey.meeting_followup(meeting.id),
            kind="meeting_followup",
            channel=coordinators,
            payload=payload,
            now=now,
            expires_at=meeting.end + FOLLOWUP_WINDOW,
        )


def planner(owners_summary: SummaryHook | None) -> Planner:
    """Return the meetings planner; owners_summary queues the summary before owners' meetings."""

    def plan(bot: BotContext) -> None:
        """Plan meetings and queue everything that has fallen due (one unit of work per tick)."""
        now = bot.clock.now()
        with bot.db.transaction() as session:
            store.sync_config_series(session, config_entries(bot), now)
            session.flush()
            for series in store.all_series(session):
                reconcile(bot, session, series, now)
            close_ended(bot, session, now)
            queue_due(bot, session, now, owners_summary)
            alert_failures(bot, session, now)

    return plan
