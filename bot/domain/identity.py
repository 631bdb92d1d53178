"""Finds Swedish personal identity and coordination numbers in free text, however they are spelled.

A personal identity number (personnummer, folkbokföringslagen (1991:481) 18 §, described in
Skatteverket's SKV 704) is the date of birth as YYMMDD, or YYYYMMDD with the century, a
three-digit serial number and a check digit: the Luhn sum of the ten digits YYMMDDNNNC is a
multiple of ten. The separator is a hyphen, or a plus sign from the year the holder turns 100. A
coordination number (samordningsnummer, folkbokföringslagen 18 a §) has the same shape with 60
added to the day of birth; when Skatteverket does not know the month or the day it writes 00, so
month 00 and day 60 occur, and a few issued numbers carry a date that does not exist (30 February).
Interim numbers used in health care put a letter in the first position of the serial (T, R, S, U,
W, X, J, K, L, M or N, counted as 1 in the Luhn sum, as the personnummer project does). The text is
first normalised with one translation table (every dash becomes "-", every space " ", every
decimal digit its ASCII digit, and invisible format characters vanish), then matched with
separators allowed only where people put them: between year, month, day and serial; a match
may not continue a longer number (no digit, nor a hyphen or full stop and a digit, beside it).
The check digit makes about one in ten ten-digit numbers with a plausible date look like an
identity number; the error shows the matched characters so that such a false alarm is easy to
rewrite.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

INTERIM_LETTERS = "TRSUWXJKLMN"
_EXTRA_DASHES = "\u2212\u2796\u02d7\u207b\u208b\u2043\u2053"  # minus signs, hyphen bullet
_EXTRA_INVISIBLE = "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
_INVISIBLE_CATEGORIES = {"Cf", "Cc", "Cs"}


def _build_table() -> tuple[dict[int, str | None], frozenset[str]]:
    """Return the normalising translation table and the set of characters it deletes."""
    table: dict[int, str | None] = {}
    planes = [*range(0x20000), *range(0xE0000, 0xE0200)]  # every digit, dash, space or format mark
    for code in planes:
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Nd":
            table[code] = str(unicodedata.decimal(char))
        elif category == "Pd":
            table[code] = "-"
        elif char.isspace() or category in {"Zs", "Zl", "Zp"}:
            table[code] = " "
        elif category in _INVISIBLE_CATEGORIES or 0xFE00 <= code <= 0xFE0F:
            table[code] = None
    table.update(dict.fromkeys(map(ord, _EXTRA_DASHES), "-"))
    table.update(dict.fromkeys(map(ord, _EXTRA_INVISIBLE), None))
    table[0x2800] = " "  # braille blank
    deleted = frozenset(chr(code) for code, value in table.items() if value is None)
    return table, deleted


_TABLE, _DELETED = _build_table()

_GAP = r"(?:[ ./-]|%20|%2[dD]){0,3}"
_SERIAL_GAP = r"(?:[ ./+-]|%20|%2[bBdD]){0,3}"
_CANDIDATE = re.compile(
    r"(?<![0-9])(?<![0-9][-.])"
    r"(?P<century>1[89]|20)?(?P<yy>[0-9]{2})"
    rf"{_GAP}(?P<mm>[01][0-9]){_GAP}(?P<dd>[0-36-9][0-9]){_SERIAL_GAP}"
    rf"(?P<serial>[0-9]{{3}}|[{INTERIM_LETTERS}{INTERIM_LETTERS.lower()}][0-9]{{2}})"
    r"(?P<check>[0-9])"
    r"(?![-.]?[0-9])",
    re.ASCII,
)
_SPACES = re.compile(r"\s+")


class IdentityKind(StrEnum):
    """Which kind of number was found."""

    PERSONAL = "personal"
    COORDINATION = "coordination"
    INTERIM = "interim"


@dataclass(frozen=True)
class IdentityNumber:
    """One number found: where it is in the text (offsets) and how it reads there."""

    start: int
    end: int
    shown: str
    kind: IdentityKind


def luhn_ok(digits: str) -> bool:
    """Check the Luhn digit of a string of ASCII digits (the last digit is the check digit)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _date_exists(years: list[int], month: int, day: int) -> bool:
    """Tell whether the day exists in the month in one of the candidate years."""
    for year in years:
        try:
            date(year, month, day)
        except ValueError:
            continue
        return True
    return False


def _kind(match: re.Match[str]) -> IdentityKind | None:
    """Return the kind of a candidate if it is a number Skatteverket could issue, else None."""
    century, yy, serial = match.group("century"), match.group("yy"), match.group("serial")
    month, day = int(match.group("mm")), int(match.group("dd"))
    if serial == "000":
        return None
    if day >= 60:  # coordination number: month and day may be 00, the date may not exist
        if not (month <= 12 and day <= 91):
            return None
        kind = IdentityKind.COORDINATION
    else:
        years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
        if not (1 <= month <= 12 and _date_exists(years, month, day)):
            return None
        kind = IdentityKind.PERSONAL
    if not serial[0].isdigit():
        kind, serial = IdentityKind.INTERIM, "1" + serial[1:]
    digits = f"{yy}{match.group('mm')}{match.group('dd')}{serial}{match.group('check')}"
    return kind if luhn_ok(digits) else None


def normalise(text: str) -> str:
    """Return text with every dash as "-", every space as " ", ASCII digits, no invisible marks."""
    return text.translate(_TABLE)


def scan_identity_numbers(text: str) -> list[IdentityNumber]:
    """Return every personal identity, coordination or interim number in text, in order.

    Offsets refer to text as given; `shown` is the matched part as it reads, with invisible
    characters removed and runs of whitespace as one space.
    """
    normalised = normalise(text)
    if len(normalised) == len(text):
        positions: list[int] | None = None
    else:
        positions = [index for index, char in enumerate(text) if char not in _DELETED]
    found: list[IdentityNumber] = []
    pos = 0
    while (match := _CANDIDATE.search(normalised, pos)) is not None:
        kind = _kind(match)
        if kind is None:
            pos = match.start() + 1
            continue
        start, end = match.span()
        if positions is not None:
            start, end = positions[start], positions[end - 1] + 1
        shown = _SPACES.sub(" ", "".join(c for c in text[start:end] if c not in _DELETED))
        found.append(IdentityNumber(start, end, shown, kind))
        pos = match.end()
    return found


def find_identity_numbers(text: str) -> list[str]:
    """Return how every identity or coordination number in text reads, in order."""
    return [number.shown for number in scan_identity_numbers(text)]


def contains_identity_number(text: str) -> bool:
    """Tell whether text holds a Swedish personal identity or coordination number."""
    return bool(scan_identity_numbers(text))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+46|0)[\s-]?\d{1,3}([\s-]?\d{2,3}){2,4}(?!\d)")


def contains_contact_details(text: str) -> bool:
    """Tell whether text holds an e-mail address or a phone number."""
    return bool(_EMAIL.search(text) or _PHONE.search(text))
