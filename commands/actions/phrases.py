"""How actions and minutes write dates, organisations, statuses and meetings in messages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.domain.actions import STATUS_LABELS, ActionStatus, is_overdue
from bot.texts import Texts, formats
from bot.texts import actions as t
from commands import blocks as b
from commands.meetings.render.phrases import day_text, when
from storage.models import Action, Meeting

TITLE_SHOWN = 80
DAY = timedelta(days=1)


def due(tr: Texts, day: date) -> str:
    """Write a due date: 5 februari 2027."""
    return day_text(tr, day)


def lead(tr: Texts, length: timedelta) -> str:
    """Write a reminder's lead: 7 dagar, en dag, 36 timmar."""
    if length == DAY:
        return tr(t.LEAD_DAY)
    if length % DAY == timedelta(0):
        return tr(t.LEAD_DAYS, count=length // DAY)
    hours = round(length / timedelta(hours=1))
    return tr(t.LEAD_HOURS, count=hours) if hours > 1 else tr(t.LEAD_HOUR)


def organizations(tr: Texts, names: dict[str, str], ids: Iterable[str]) -> str:
    """Name the responsible organisations as a list in words, escaped for mrkdwn."""
    return b.escape(formats.join(tr.language, [names.get(o, o) for o in ids]))


def status(tr: Texts, action: Action) -> str:
    """Name an action's status."""
    return tr(STATUS_LABELS[ActionStatus(action.status)])


def title(action: Action, limit: int = TITLE_SHOWN) -> str:
    """Return an action's title, clipped and escaped for mrkdwn."""
    return b.escape(b.clip(action.title, limit))


def late(action: Action, today: date) -> bool:
    """Tell whether an open action is overdue."""
    return is_overdue(action.status, action.due_date, today)


def meeting_when(tr: Texts, meeting: Meeting, tz: ZoneInfo) -> str:
    """Write a meeting's time: tisdag 12 januari 2027 kl. 09.00–11.00."""
    return when(tr, meeting.start, meeting.end, tz)


def meeting_named(tr: Texts, meeting: Meeting, tz: ZoneInfo) -> dict[str, str]:
    """Return a meeting's title and time as the texts name them (title, when)."""
    return {"title": b.escape(meeting.series.title), "when": meeting_when(tr, meeting, tz)}


def meeting_day(tr: Texts, meeting: Meeting, tz: ZoneInfo) -> str:
    """Write a meeting's date: 12 januari 2027."""
    return day_text(tr, meeting.start.astimezone(tz).date())


def detail_due(tr: Texts, action: Action, today: date) -> str:
    """Write an action's due date, with how late it is when overdue."""
    suffix = tr(t.DETAIL_LATE, days=(today - action.due_date).days) if late(action, today) else ""
    return tr(t.DETAIL_DUE, due=due(tr, action.due_date), late=suffix)
