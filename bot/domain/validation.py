"""Checks of what people type, shared by every form: cleaning, required, length, identity numbers.

Text from Slack cannot be trusted to be printable: a pasted or forged value may hold NUL and other
control characters, bidirectional overrides that make a text read differently from what it holds,
and invisible characters that turn an empty answer into a non-empty one. Numbers cannot be
trusted to be ASCII: Python's int() and float() read "٤", "４" and "1_000", and str.isdigit()
accepts "²", which int() then refuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, time
from typing import Any

from bot.domain.identity import scan_identity_numbers
from bot.texts import Msg
from bot.texts.common import IDENTITY_NUMBER, REQUIRED, TOO_LONG, TOO_SHORT

SHOWN_NUMBERS_MAX = 3
COUNT_DIGITS_MAX = 9
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_INVISIBLE = [
    0x00AD,  # soft hyphen
    0x061C,  # Arabic letter mark
    0x180E,  # Mongolian vowel separator
    0x200B,  # zero-width space
    *range(0x200E, 0x2010),  # left-to-right and right-to-left marks
    *range(0x2060, 0x2065),  # word joiner, invisible operators
    *range(0x206A, 0x2070),  # deprecated format characters
    0xFEFF,  # zero-width no-break space (byte order mark)
    *range(0xFFF9, 0xFFFC),  # interlinear annotation
    0xE0001,
    *range(0xE0020, 0xE0080),  # tag characters, which can smuggle hidden ASCII
]
_CONTROLS = [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_LINE_BREAKS = {0x0A: "\n", 0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}
_REMOVED: dict[int, str | None] = dict.fromkeys(
    [*_CONTROLS, *_BIDI_CONTROLS, *_INVISIBLE, *range(0xD800, 0xE000)], None
)
_MULTILINE = {**_REMOVED, **_LINE_BREAKS, 0x09: "\t"}
_SINGLE_LINE = {**_REMOVED, **dict.fromkeys(_LINE_BREAKS, " "), 0x09: " "}
_BLANK = frozenset("\u034f\u115f\u1160\u200c\u200d\u2800\u3164\uffa0")
_COUNT = re.compile(rf"[0-9]{{1,{COUNT_DIGITS_MAX}}}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_DECIMAL = re.compile(r"([-+]?)([0-9]{1,12}(?:[.,][0-9]{0,9})?|[.,][0-9]{1,9})")


@dataclass(frozen=True)
class FieldError:
    """A problem with one form field, shown inline next to it."""

    field: str
    msg: Msg
    params: dict[str, Any] = dataclass_field(default_factory=dict)


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """Return a typed text without what cannot be trusted, stripped, lines ending in "\\n".

    Removed silently, since nobody can see them: NUL, C0 and C1 control characters, DEL,
    bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), other
    invisible format characters (soft hyphen, zero-width space, word joiner, direction marks,
    byte order mark, tag characters) and lone surrogates. Zero-width joiners stay, since emoji
    and some scripts need them. Tab and line breaks stay in multi-line fields (CR LF, CR, NEL
    and the Unicode line separators become "\\n") and become a space elsewhere. A text of only
    whitespace and blank characters is empty, so a required field says that it is required.
    """
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_MULTILINE if multiline else _SINGLE_LINE).strip()
    if all(char.isspace() or char in _BLANK for char in text):
        return ""
    return text


def parse_count(text: str | None, low: int = 0, high: int = 10**COUNT_DIGITS_MAX - 1) -> int | None:
    """Read a whole number of ASCII digits (at most nine) within [low, high], or return None.

    Surrounding whitespace is allowed; signs, "²", "٤", "４", "1_000" and "1e3" are not.
    """
    match = _COUNT.fullmatch((text or "").strip())
    if match is None:
        return None
    number = int(match.group())
    return number if low <= number <= high else None


def parse_decimal(text: str | None) -> float | None:
    """Read a decimal number of ASCII digits with a decimal comma or point, or return None.

    At most twelve digits before the decimal sign and nine after; a leading + or - is allowed.
    Spaces, thousands separators, exponents, "inf" and "nan" are not: callers remove the
    separators they accept first.
    """
    match = _DECIMAL.fullmatch((text or "").strip())
    if match is None:
        return None
    return float(match.group(1) + match.group(2).replace(",", "."))


def parse_date(value: str | None) -> date | None:
    """Read a datepicker value (YYYY-MM-DD, ASCII digits) that exists, or return None."""
    match = _DATE.fullmatch(value or "")
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_time(value: str | None) -> time | None:
    """Read a timepicker value (HH:MM, ASCII digits, no offset) that exists, or return None."""
    match = _TIME.fullmatch(value or "")
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    return time(hours, minutes) if hours <= 23 and minutes <= 59 else None


def escape_mrkdwn(text: str) -> str:
    """Escape text for Slack mrkdwn so that it cannot mention, ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted(numbers: list[str]) -> str:
    """List the first numbers found, each in Swedish quotation marks."""
    unique = list(dict.fromkeys(numbers))
    shown = ", ".join(f"”{escape_mrkdwn(number)}”" for number in unique[:SHOWN_NUMBERS_MAX])
    return shown + (" …" if len(unique) > SHOWN_NUMBERS_MAX else "")


def check_text(
    name: str,
    value: str,
    *,
    max_length: int,
    min_length: int = 0,
    required: bool = True,
) -> FieldError | None:
    """Return the first problem with a cleaned free-text value, or None when it is fine.

    An identity number's error carries `found`: the characters that looked like one, quoted
    and escaped for mrkdwn.
    """
    if not value:
        return FieldError(name, REQUIRED) if required else None
    if len(value) > max_length:
        return FieldError(name, TOO_LONG, {"limit": max_length, "length": len(value)})
    if len(value) < min_length:
        return FieldError(name, TOO_SHORT, {"limit": min_length, "length": len(value)})
    if numbers := scan_identity_numbers(value):
        return FieldError(name, IDENTITY_NUMBER, {"found": _quoted([n.shown for n in numbers])})
    return None
