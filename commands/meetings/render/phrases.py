"""How the meeting rhythm writes times, places, answers and rules in its messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.domain.meetings import WEEK_LABELS, Answer, Frequency, friendly_rule, to_local
from bot.texts import Texts, formats
from bot.texts import meetings as t
from commands import blocks as b

ANSWER_LABELS = {Answer.YES: t.ANSWER_YES, Answer.NO: t.ANSWER_NO}


def clock(tr: Texts, local: datetime) -> str:
    """Write a wall-clock time: 09.00 in Swedish, 09:00 in English."""
    return formats.clock(tr.language, local)


def day_text(tr: Texts, day: date) -> str:
    """Write a date: 12 januari 2027."""
    return formats.date_text(tr.language, day)


def _moment(tr: Texts, local: datetime) -> dict[str, object]:
    """Return a local start's date with its weekday, and its time, as the WHEN texts take them."""
    return {"date": formats.long_date(tr.language, local.date()), "start": clock(tr, local)}


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
    return formats.join(tr.language, items)


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
    weekday = formats.weekday_name(tr.language, friendly.weekday)
    if friendly.frequency is Frequency.WEEKLY:
        return tr(t.RULE_WEEKLY, weekday=weekday)
    if friendly.frequency is Frequency.BIWEEKLY:
        return tr(t.RULE_BIWEEKLY, weekday=weekday)
    weeks = join(tr, [tr(WEEK_LABELS[w]).lower() for w in friendly.weeks])
    template = t.RULE_MONTHLY if friendly.frequency is Frequency.MONTHLY else t.RULE_HALF_YEARLY
    return tr(
        template, weeks=weeks, weekday=formats.weekday_definite(tr.language, friendly.weekday)
    )


def duration_words(tr: Texts, seconds: int) -> str:
    """Write a length of time in words: 2 timmar, 1 timme och 30 minuter."""
    return formats.duration(tr.language, seconds)
