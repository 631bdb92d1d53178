"""The identity-number check: Swedish personal identity and coordination numbers, Luhn-checked."""

from __future__ import annotations

import pytest

from bot.domain.identity import (
    contains_contact_details,
    contains_identity_number,
    find_identity_numbers,
    luhn_ok,
)


@pytest.mark.parametrize(
    "text",
    [
        "121212-1212",
        "1212121212",
        "19121212-1212",
        "191212121212",
        "811228-9874",
        "811228+9874",  # over 100 years old
        "701063-2391",  # coordination number (day + 60)
        "19701063-2391",
        "Personen (121212-1212) har kontaktats.",
        "pnr:8112289874.",
    ],
)
def test_a_personal_identity_number_is_found(text: str) -> None:
    assert contains_identity_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "121212-1213",  # wrong check digit
        "811328-9874",  # month 13
        "811299-9874",  # day 99
        "Diarienummer 2027-001234",
        "Ring 070-123 45 67",
        "Budget 1 500 000 kr, 25 deltagare 2027",
        "Ärende 12345678901234",  # too many digits
        "21121212-1212",  # century 21 is not a birth year
    ],
)
def test_other_numbers_are_not_taken_for_identity_numbers(text: str) -> None:
    assert not contains_identity_number(text)


def test_every_number_in_a_text_is_reported() -> None:
    assert find_identity_numbers("121212-1212 och 811228-9874") == ["121212-1212", "811228-9874"]


def test_luhn() -> None:
    assert luhn_ok("8112289874")
    assert not luhn_ok("8112289875")


@pytest.mark.parametrize(
    "text", ["anna@tullverket.se", "070-123 45 67", "+46 70 123 45 67", "026-17 10 00"]
)
def test_contact_details_are_noticed(text: str) -> None:
    assert contains_contact_details(f"Kontakt: {text}")


def test_plain_text_has_no_contact_details() -> None:
    assert not contains_contact_details("Vi behöver utbildning för 25 personer under 2027.")
