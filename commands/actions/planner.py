"""The actions' planner: reminders before due dates, overdue notices, report-back reminders.

Every tick it queues what has fallen due as outbox rows with unique keys, so a restart
catches up and two scheduler processes never queue anything twice:

- `action:<id>:reminder:<due date>:<user>`: to each responsible contact (and the named
  person), at 09:00 on the working day `[actions] reminder_before` the due date (a weekend
  day or holiday moves it to the working day before); a new due date is reminded again. A
  reminder whose moment had passed when the date was set is not sent (they were just told).
- `action:<id>:overdue:<due date>:<user>`: once, at 09:00 on the first working day after
  the due date, while the action is still open; the next call is updated to show it.
- `report:<meeting id>:reminder:<user>`: to the contacts of each organisation that reported
  no training back in the half-year before an owners' meeting, `report_reminder_before` it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.actions import end_of_day, overdue_at, reminder_at, report_reminder_at
from bot.domain.meetings import MeetingKind, MeetingStatus
from bot.texts import actions as t
from commands import blocks as b
from commands.actions import effects
from commands.actions import phrases as p
from storage import actions as store
from storage import meetings as meetings_store
from storage import outbox
from storage.outbox import OutboxKey
from storage.trainings import report_back_status

OVERDUE_WINDOW = timedelta(days=7)  # an overdue notice not sent by then is not sent at all
HOLIDAY_MARGIN = timedelta(days=10)  # a reminder moved back over holidays is still found
HALF_YEAR = timedelta(days=182)
OWNERS_MEETINGS_AHEAD = 3


def _missing(session: Session, keys: list[OutboxKey]) -> list[OutboxKey]:
    present = outbox.existing_keys(session, keys)
    return [key for key in keys if key not in present]


def queue_action_reminders(bot: BotContext, session: Session, now: datetime) -> list[OutboxKey]:
    """Queue the reminders and overdue notices that have fallen due; return their keys."""
    tz, lead = bot.config.collaboration.tz, bot.config.actions.reminder_before
    today = effects.today(bot)
    first = today - OVERDUE_WINDOW - HOLIDAY_MARGIN
    last = today + lead + HOLIDAY_MARGIN
    queued: list[OutboxKey] = []
    became_overdue = False
    for action in store.due_between(session, first, last):
        people = effects.responsible_people(session, action)
        if not people:
            continue
        remind = reminder_at(action.due_date, lead, tz)
        end = end_of_day(action.due_date, tz)
        if remind <= now < end and remind >= action.due_set_at:
            keys = [OutboxKey.action_reminder(action.id, action.due_date, u) for u in people]
            queued += effects.queue_personal(
                bot,
                session,
                action,
                _missing(session, keys),
                t.REMINDER_DM,
                t.REMINDER_FALLBACK,
                kind="action_reminder",
                due_at=remind,
                expires_at=end,
            )
        late = overdue_at(action.due_date, tz)
        if late <= now < late + OVERDUE_WINDOW:
            keys = [OutboxKey.action_overdue(action.id, action.due_date, u) for u in people]
            missing = _missing(session, keys)
            became_overdue = became_overdue or len(missing) == len(keys)
            queued += effects.queue_personal(
                bot,
                session,
                action,
                missing,
                t.OVERDUE_DM,
                t.OVERDUE_FALLBACK,
                kind="action_overdue",
                due_at=late,
                expires_at=late + OVERDUE_WINDOW,
            )
    if became_overdue:
        queued += effects.refresh_next_call(bot, session)
    return queued


def queue_report_reminders(bot: BotContext, session: Session, now: datetime) -> list[OutboxKey]:
    """Queue the report-back reminders before the coming owners' meetings; return their keys."""
    tz = bot.config.collaboration.tz
    lead = bot.config.actions.report_reminder_before
    queued: list[OutboxKey] = []
    coming = meetings_store.coming_meetings(
        session, now, [MeetingKind.OWNERS.value], OWNERS_MEETINGS_AHEAD
    )
    for meeting in coming:
        if meeting.status != MeetingStatus.SCHEDULED.value or meeting.start <= now:
            continue
        due = report_reminder_at(meeting.start, lead, tz)
        if now < due:
            continue
        silent = [
            org
            for org, count in report_back_status(
                session, meeting.start - HALF_YEAR, meeting.start
            ).items()
            if count == 0
        ]
        contacts = meetings_store.contacts(session)
        whom: dict[str, str] = {}
        for org in silent:
            for person in sorted(contacts.get(org, set())):
                whom.setdefault(person, org)
        keys = _missing(
            session, [OutboxKey.report_reminder(meeting.id, person) for person in sorted(whom)]
        )
        for key in keys:
            assert key.recipient is not None
            told = bot.texts_for(session, key.recipient)
            text = told(
                t.REPORT_REMINDER_DM,
                when=p.meeting_when(told, meeting, tz),
                organization=b.escape(bot.organization_name(whom[key.recipient])),
            )
            outbox.enqueue(
                session,
                key=key,
                kind="report_reminder",
                channel=key.recipient,
                payload={"text": text},
                now=now,
                due_at=due,
                expires_at=meeting.start,
            )
            queued.append(key)
    return queued


def plan(bot: BotContext) -> None:
    """Queue what has fallen due: reminders, overdue notices, report-back reminders."""
    now = bot.clock.now()
    with bot.db.transaction() as session:
        queue_action_reminders(bot, session, now)
        queue_report_reminders(bot, session, now)
