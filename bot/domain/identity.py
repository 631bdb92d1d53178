"""Finds Swedish personal identity and coordination numbers in free text (Luhn-checked)."""

from __future__ import annotations

import re
from datetime import date

_CANDIDATE = re.compile(
    r"(?<![\d-])(?P<century>\d{2})?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"[-+ ]?(?P<serial>\d{3})(?P<check>\d)(?![\d-])"
)


def luhn_ok(digits: str) -> bool:
    """Check the Luhn digit of a string of digits (the last digit is the check digit)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _plausible_date(century: str | None, yy: str, mm: str, dd: str) -> bool:
    day = int(dd)
    if day > 60:
        day -= 60  # coordination number (samordningsnummer)
    years = [int(century + yy)] if century else [1900 + int(yy), 2000 + int(yy)]
    for year in years:
        try:
            date(year, int(mm), day)
        except ValueError:
            continue
        return True
    return False


def find_identity_numbers(text: str) -> list[str]:
    """Return every personal identity or coordination number found in text."""
    found: list[str] = []
    for match in _CANDIDATE.finditer(text):
        century = match.group("century")
        if century is not None and century not in {"18", "19", "20"}:
            continue
        yy, mm, dd = match.group("yy"), match.group("mm"), match.group("dd")
        if not _plausible_date(century, yy, mm, dd):
            continue
        if luhn_ok(yy + mm + dd + match.group("serial") + match.group("check")):
            found.append(match.group(0))
    return found


def contains_identity_number(text: str) -> bool:
    """Tell whether text holds a Swedish personal identity or coordination number."""
    return bool(find_identity_numbers(text))


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(\+46|0)[\s-]?\d{1,3}([\s-]?\d{2,3}){2,4}(?!\d)")


def contains_contact_details(text: str) -> bool:
    """Tell whether text holds an e-mail address or a phone number."""
    return bool(_EMAIL.search(text) or _PHONE.search(text))
