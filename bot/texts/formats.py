"""Dates, times, numbers, durations, lists and plural forms in the active language, from CLDR.

Everything here goes through Babel, so the words and the punctuation are CLDR's: Swedish as in
Sweden (sv_SE) and English as in Britain (en_GB, day before month, 24-hour clock, no serial
comma). Two deliberate choices beside CLDR:

- Swedish clock times are written 09.00, with a full stop, as Språkrådet recommends and as the
  bot has always written them; CLDR's sv short time is 09:00. English uses CLDR (09:00).
- The short date is CLDR's sv short date (2026-12-08) in Swedish; in English it is the medium
  date (8 Dec 2026), since en_GB's short 08/12/2026 is read the other way round in America.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_day_names,
    get_month_names,
)
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit

Language = Literal["sv", "en"]
PluralForm = Literal["zero", "one", "other"]

_LOCALES: dict[str, str] = {"sv": "sv_SE", "en": "en_GB"}
_LONG_DATE = "EEEE d MMMM y"
_CLOCK = {"sv": "HH.mm", "en": "HH:mm"}
_DURATION_UNITS = (
    ("duration-week", 7 * 86400),
    ("duration-day", 86400),
    ("duration-hour", 3600),
    ("duration-minute", 60),
    ("duration-second", 1),
)


@cache
def locale(language: str) -> Locale:
    """Return the CLDR locale the bot speaks for a language (sv or en)."""
    return Locale.parse(_LOCALES.get(language, "sv_SE"))


def plural_form(language: str, count: float) -> PluralForm:
    """Return CLDR's plural category for count: one or other in Swedish and English."""
    form = locale(language).plural_form(count)
    return "one" if form == "one" else "zero" if form == "zero" else "other"


def long_date(language: str, day: date) -> str:
    """Write a date with its weekday: tisdag 8 december 2026, Tuesday 8 December 2026."""
    return str(format_date(day, _LONG_DATE, locale=locale(language)))


def date_text(language: str, day: date) -> str:
    """Write a date in words: 8 december 2026, 8 December 2026."""
    return str(format_date(day, "long", locale=locale(language)))


def short_date(language: str, day: date) -> str:
    """Write a date briefly for lists: 2026-12-08, 8 Dec 2026."""
    return format_date(day, "short" if language == "sv" else "medium", locale=locale(language))


def clock(language: str, moment: time | datetime) -> str:
    """Write a wall-clock time: 09.05 in Swedish, 09:05 in English."""
    return str(format_time(moment, _CLOCK.get(language, _CLOCK["sv"]), locale=locale(language)))


def short_date_time(language: str, moment: datetime) -> str:
    """Write a local date and time briefly: 2026-12-08 09.05, 8 Dec 2026 09:05."""
    return f"{short_date(language, moment.date())} {clock(language, moment)}"


def weekday_name(language: str, weekday: int) -> str:
    """Name a weekday (0 is Monday) in lower case in Swedish: tisdag, Tuesday."""
    return str(get_day_names("wide", locale=locale(language))[weekday])


def weekday_definite(language: str, weekday: int) -> str:
    """Name a weekday in the definite form Swedish needs after an ordinal: tisdagen, Tuesday.

    CLDR has no definite forms; every Swedish weekday takes -en, so this is a rule, not a table.
    """
    name = weekday_name(language, weekday)
    return f"{name}en" if language == "sv" else name


def weekday_short(language: str, weekday: int) -> str:
    """Name a weekday briefly: mån, Mon."""
    return str(get_day_names("abbreviated", locale=locale(language))[weekday].rstrip("."))


def month_name(language: str, month: int) -> str:
    """Name a month (1 is January): december, December."""
    return str(get_month_names("wide", locale=locale(language))[month])


def month_year(language: str, day: date) -> str:
    """Name the month of a day with its year: maj 2026, May 2026."""
    return str(format_skeleton("yMMM", day, locale=locale(language)))


def month_short(language: str, month: int) -> str:
    """Name a month briefly: dec., Dec."""
    return str(get_month_names("abbreviated", locale=locale(language))[month])


def duration(language: str, length: timedelta | int) -> str:
    """Write a length of time in words, exactly: 2 timmar, 1 timme och 30 minuter, 1 vecka."""
    seconds = int(length.total_seconds()) if isinstance(length, timedelta) else int(length)
    parts: list[str] = []
    for unit, size in _DURATION_UNITS:
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(format_unit(amount, unit, length="long", locale=locale(language)))
    if not parts:
        return format_unit(0, "duration-minute", length="long", locale=locale(language))
    return join(language, parts)


def number(
    language: str, value: float, decimals: int = 2, *, fixed: bool = False, grouping: bool = True
) -> str:
    """Write a number with at most (or, fixed, exactly) decimals decimals.

    1 234,5 in Swedish and 1,234.5 in English; without grouping for a form's field to read back.
    """
    places = ("." + ("0" if fixed else "#") * decimals) if decimals else ""
    pattern = ("#,##0" if grouping else "0") + places
    return str(format_decimal(value, format=pattern, locale=locale(language)))


def percent(language: str, fraction: float, decimals: int = 0) -> str:
    """Write a fraction as a percentage: 26 % in Swedish, 26% in English (CLDR's pattern)."""
    pattern = str(locale(language).percent_formats[None].pattern)
    if decimals:
        pattern = pattern.replace("0", "0." + "#" * decimals, 1)
    return str(format_percent(fraction, format=pattern, locale=locale(language)))


def join(language: str, items: Iterable[str], style: Literal["and", "or"] = "and") -> str:
    """Join words as a sentence does: Gävle, Sandviken och Hofors; a, b or c."""
    listed = list(items)
    if not listed:
        return ""
    kind: Literal["standard", "or"] = "standard" if style == "and" else "or"
    return format_list(listed, style=kind, locale=locale(language))
