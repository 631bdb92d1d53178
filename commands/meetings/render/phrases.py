"""How the meeting rhythm writes times, places, answers and rules in its messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.meetings import WEEK_LABELS, Answer, Frequency, friendly_rule, to_local
from bot.durations import format_duration
from bot.texts import Texts
from bot.texts import meetings as t
from commands import blocks as b

ANSWER_LABELS = {Answer.YES: t.ANSWER_YES, Answer.NO: t.ANSWER_NO}


def clock(tr: Texts, local: datetime) -> str:
    """Write a wall-clock time: 09.00 in Swedish, 09:00 in English."""
    return tr(t.CLOCK, hour=local.hour, minute=local.minute)


def day_text(tr: Texts, day: date) -> str:
    """Write a date: 12 januari 2027."""
    return tr(t.DATE, day=day.day, month=tr(t.MONTHS[day.month - 1]), year=day.year)


def _moment(tr: Texts, local: datetime) -> dict[str, object]:
    """Return a local start's weekday, date and time as the WHEN texts take them."""
    return {
        "weekday": tr(t.WEEKDAYS[local.weekday()]),
        "day": local.day,
        "month": tr(t.MONTHS[local.month - 1]),
        "year": local.year,
        "start": clock(tr, local),
    }


def when(tr: Texts, start: datetime, end: datetime, tz: ZoneInfo) -> str:
    """Write a meeting's time: tisdag 12 januari 2027 kl. 09.00–11.00."""
    local_start = to_local(start, tz)
    return tr(t.WHEN, **_moment(tr, local_start), end=clock(tr, to_local(end, tz)))


def when_start(tr: Texts, start: datetime, tz: ZoneInfo) -> str:
    """Write a meeting's start: tisdag 12 januari 2027 kl. 09.00."""
    return tr(t.WHEN_START, **_moment(tr, to_local(start, tz)))


def location_suffix(tr: Texts, location: str) -> str:
    """Write ' (place)' after a time, or nothing."""
    return tr(t.LOCATION_SUFFIX, location=b.escape(b.clip(location, 120))) if location else ""


def reason_suffix(tr: Texts, reason: str | None) -> str:
    """Write the reason after a change or a cancellation, or nothing."""
    return tr(t.REASON_SUFFIX, reason=b.escape(reason)) if reason else ""


def join(tr: Texts, items: Sequence[str]) -> str:
    """Join words as a sentence does: a, b och c."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + tr(t.AND) + items[-1]


def answer_label(tr: Texts, answer: str | None, substitute: str | None = None) -> str:
    """Name a person's answer."""
    if answer == Answer.SUBSTITUTE:
        return tr(t.ANSWER_SUBSTITUTE, name=b.escape(substitute or "?"))
    if answer in ANSWER_LABELS:
        return tr(ANSWER_LABELS[Answer(answer)])
    return tr(t.ANSWER_NONE)


def describe_rule(tr: Texts, rrule: str) -> str:
    """Describe a series' rule in words when the form could have made it, else show it."""
    friendly = friendly_rule(rrule)
    if friendly is None:
        return tr(t.RULE_CUSTOM, rule=b.clip(rrule, 120).replace("`", "'"))
    weekday = tr(t.WEEKDAYS[friendly.weekday])
    if friendly.frequency is Frequency.WEEKLY:
        return tr(t.RULE_WEEKLY, weekday=weekday)
    if friendly.frequency is Frequency.BIWEEKLY:
        return tr(t.RULE_BIWEEKLY, weekday=weekday)
    weeks = join(tr, [tr(WEEK_LABELS[w]).lower() for w in friendly.weeks])
    template = t.RULE_MONTHLY if friendly.frequency is Frequency.MONTHLY else t.RULE_HALF_YEARLY
    return tr(template, weeks=weeks, weekday=tr(t.WEEKDAYS_DEFINITE[friendly.weekday]))


def format_duration_words(seconds: int) -> str:
    """Write a length of time as the configuration does (2h, 90m)."""
    return format_duration(timedelta(seconds=seconds))
