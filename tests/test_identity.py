"""The identity-number check: personal identity, coordination and interim numbers in every spelling.

The numbers come from the personnummer project's public test data (../shared/testdata/personnummer)
and from Skatteverket's rules for coordination numbers (day + 60; month 00 and day 60 when the
month or day of birth is unknown; a few dates that do not exist), generated here with their Luhn
digit. The false-alarm rate is measured on a corpus of ordinary Swedish text built below.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.identity import (
    IdentityKind,
    contains_contact_details,
    contains_identity_number,
    find_identity_numbers,
    luhn_ok,
    scan_identity_numbers,
)
from bot.domain.validation import check_text
from bot.texts import Texts
from bot.texts import common as c

TESTDATA = next(
    (
        parent / "shared" / "testdata" / "personnummer"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "testdata" / "personnummer").is_dir()
    ),
    Path("/work/shared/testdata/personnummer"),
)
FORMATS = ("long_format", "short_format", "separated_format", "separated_long")


def load(name: str) -> Any:
    return json.loads((TESTDATA / name).read_text(encoding="utf-8"))


def luhn_digit(nine: str) -> str:
    """Return the check digit that completes nine digits (a letter in the serial counts as 1)."""
    digits = [1 if char.isalpha() else int(char) for char in nine]
    total = sum(d if i % 2 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return str(-total % 10)


def coordination(year: int, month: int, day: int, serial: str = "238") -> str:
    """Return a coordination number in the long format, as Skatteverket writes it."""
    short = f"{year % 100:02d}{month:02d}{day + 60:02d}{serial}"
    return f"{year // 100}{short}{luhn_digit(short)}"


# --- the personnummer project's test data ----------------------------------------------------

LIST = load("list.json")
INTERIM = load("interim.json")
STRUCTURED = load("structured.json")
VALID_SHORT = {entry["short_format"] for entry in LIST if entry["valid"]}


@pytest.mark.parametrize(
    ("text", "valid", "kind"),
    [(entry[f], entry["valid"], entry["type"]) for entry in LIST for f in FORMATS],
)
def test_every_number_of_the_personnummer_list_is_judged_in_every_format(
    text: str, valid: bool, kind: str
) -> None:
    """Valid numbers are caught; invalid ones only if the same digits are valid.

    The project refuses "19090527 1474" for its space; the bot catches it, since it is a person's
    number however it is separated.
    """
    digits = text.replace("-", "").replace("+", "").replace(" ", "")
    expected = valid or digits[-10:] in VALID_SHORT
    found = scan_identity_numbers(text)
    assert bool(found) is expected
    if valid:
        assert (
            found[0].kind is {"ssn": IdentityKind.PERSONAL, "con": IdentityKind.COORDINATION}[kind]
        )


STRUCTURED_CASES = [
    (text, validity == "valid")
    for kind in ("ssn", "con")
    for validity in ("valid", "invalid")
    for text in STRUCTURED[kind]["string"][validity]
]


@pytest.mark.parametrize(("text", "valid"), STRUCTURED_CASES)
def test_every_string_of_the_structured_test_data_is_judged(text: str, valid: bool) -> None:
    expected = valid or text.endswith(" 1474")  # the project's space-separated 090527 1474
    assert contains_identity_number(text) is expected


@pytest.mark.parametrize(
    ("text", "valid"), [(entry[f], entry["valid"]) for entry in INTERIM for f in FORMATS]
)
def test_an_interim_number_with_a_letter_in_the_serial_is_refused(text: str, valid: bool) -> None:
    found = scan_identity_numbers(text)
    assert bool(found) is valid
    if valid:
        assert found[0].kind is IdentityKind.INTERIM


def test_the_test_data_counts_are_what_the_figures_in_the_readme_say() -> None:
    assert len(LIST) * len(FORMATS) == 56
    assert len(STRUCTURED_CASES) == 56
    assert len(INTERIM) * len(FORMATS) == 48
    assert len(VALID_NUMBERS) == 24


# --- Skatteverket's coordination numbers -----------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        pytest.param(coordination(1922, 0, 30), id="unknown birth month"),
        pytest.param(coordination(1955, 5, 0), id="unknown birth day (day 60)"),
        pytest.param(coordination(1999, 0, 0), id="unknown month and day"),
        pytest.param(coordination(2014, 2, 30), id="30 February"),
        pytest.param(coordination(2014, 2, 31), id="31 February"),
        pytest.param(coordination(1980, 4, 31), id="31 April"),
        pytest.param(coordination(2023, 2, 29), id="29 February in a common year"),
        pytest.param(coordination(1973, 2, 28), id="an ordinary date"),
    ],
)
def test_a_coordination_number_as_skatteverket_issues_it_is_refused(number: str) -> None:
    for text in (number, number[2:], f"{number[2:8]}-{number[8:]}", f"{number[:8]}-{number[8:]}"):
        found = scan_identity_numbers(f"Gäller {text}.")
        assert [n.kind for n in found] == [IdentityKind.COORDINATION], text


def test_every_coordination_number_skatteverket_can_issue_is_refused() -> None:
    """Months 00-12 and days 60-91 in four years: 1,664 numbers, long and short with a hyphen."""
    numbers = [
        coordination(year, month, day)
        for year in (1914, 1964, 2000, 2023)
        for month in range(13)
        for day in range(32)
    ]
    missed = [
        text
        for number in numbers
        for text in (f"{number[:8]}-{number[8:]}", f"{number[2:8]}-{number[8:]}")
        if not contains_identity_number(text)
    ]
    assert len(numbers) == 1664
    assert missed == []


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("19551360238", id="month 13"),
        pytest.param("19550592238", id="day 92 (32 + 60)"),
        pytest.param("19550559238", id="day 59"),
        pytest.param("19550532238", id="day 32"),
        pytest.param("19550500238", id="personal number with day 00"),
        pytest.param("19550060238", id="day 60 is a coordination number, month 00 is not personal"),
    ],
)
def test_a_date_no_number_can_carry_is_not_taken_for_one(number: str) -> None:
    complete = number + luhn_digit(number[2:])
    expected = number.endswith("0060238")  # month 00, day 60: a coordination number after all
    assert contains_identity_number(complete) is expected


# --- every spelling ----------------------------------------------------------------------------

SKATTEVERKET_STYLE = [
    coordination(1922, 0, 30),
    coordination(1955, 5, 0),
    coordination(1999, 0, 0),
    coordination(2014, 2, 30),
    coordination(2023, 2, 29),
]
VALID_NUMBERS = sorted(
    {e["long_format"] for e in LIST if e["valid"]}
    | {s for kind in ("ssn", "con") for s in STRUCTURED[kind]["string"]["valid"] if len(s) == 12}
    | {e["long_format"] for e in INTERIM if e["valid"]}
    | set(SKATTEVERKET_STYLE)
)
SEPARATORS = {
    "no separator": "",
    "hyphen-minus": "-",
    "plus (over 100 years)": "+",
    "hyphen U+2010": "\u2010",
    "non-breaking hyphen": "\u2011",
    "figure dash": "\u2012",
    "en dash": "\u2013",
    "em dash": "\u2014",
    "horizontal bar": "\u2015",
    "minus sign": "\u2212",
    "small hyphen-minus": "\ufe63",
    "fullwidth hyphen-minus": "\uff0d",
    "space": " ",
    "two spaces": "  ",
    "no-break space": "\u00a0",
    "narrow no-break space": "\u202f",
    "thin space": "\u2009",
    "em space": "\u2003",
    "tab": "\t",
    "line break": "\n",
    "CR LF": "\r\n",
    "spaced hyphen": " - ",
    "spaced en dash": " \u2013 ",
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "hyphen and soft hyphen": "-\u00ad",
    "full stop": ".",
    "slash": "/",
    "URL-encoded space": "%20",
}
Grouping = Callable[[str, str, str, str, str], str]
GROUPINGS: dict[str, Grouping] = {
    "YY MM DD-NNNN": lambda cc, yy, mm, dd, tail: f"{yy} {mm} {dd}-{tail}",
    "YYYY MM DD NNNN": lambda cc, yy, mm, dd, tail: f"{cc}{yy} {mm} {dd} {tail}",
    "YY MM DD NNNN": lambda cc, yy, mm, dd, tail: f"{yy} {mm} {dd} {tail}",
    "YYYY-MM-DD-NNNN": lambda cc, yy, mm, dd, tail: f"{cc}{yy}-{mm}-{dd}-{tail}",
    "YY.MM.DD-NNNN": lambda cc, yy, mm, dd, tail: f"{yy}.{mm}.{dd}-{tail}",
    "YYMM DD-NNNN": lambda cc, yy, mm, dd, tail: f"{yy}{mm} {dd}-{tail}",
    "YYMMDD - NNNN": lambda cc, yy, mm, dd, tail: f"{yy}{mm}{dd} - {tail}",
    "pasted from Word": lambda cc, yy, mm, dd, tail: f"{yy}\u00a0{mm}\u00a0{dd}\u2013{tail}",
    "soft hyphen between every character": (
        lambda cc, yy, mm, dd, tail: "\u00ad".join(f"{cc}{yy}{mm}{dd}-{tail}")
    ),
    "zero-width space inside the serial": (
        lambda cc, yy, mm, dd, tail: f"{yy}{mm}{dd}-{tail[:2]}\u200b{tail[2:]}"
    ),
    "right-to-left override around it": (
        lambda cc, yy, mm, dd, tail: f"\u202e{yy}{mm}{dd}-{tail}\u202c"
    ),
    "isolate around it": lambda cc, yy, mm, dd, tail: f"\u2066{cc}{yy}{mm}{dd}-{tail}\u2069",
}
CONTEXTS = {
    "alone": "{}",
    "in a sentence": "Personen {} har kontaktats.",
    "glued to letters": "pnr{}abc",
    "in a URL": "https://example.se/sok?pnr={}&typ=1",
    "in parentheses": "({})",
    "in bold": "*{}*",
    "on a line of its own": "Rad ett\n{}\nRad tre",
}


def spellings_of(number: str, separator: str) -> list[str]:
    """Return the short and long spelling of a number, separator before the serial."""
    return [f"{number[2:8]}{separator}{number[8:]}", f"{number[:8]}{separator}{number[8:]}"]


def missed_in_contexts(texts: list[str]) -> list[str]:
    return [
        context.format(text)
        for text in texts
        for context in CONTEXTS.values()
        if not contains_identity_number(context.format(text))
    ]


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_every_valid_number_is_caught_with_every_separator_in_every_context(
    separator: str,
) -> None:
    texts = [text for number in VALID_NUMBERS for text in spellings_of(number, separator)]
    assert len(texts) * len(CONTEXTS) == 336
    assert missed_in_contexts(texts) == []


@pytest.mark.parametrize("grouping", GROUPINGS.values(), ids=GROUPINGS.keys())
def test_every_valid_number_is_caught_however_its_digits_are_grouped(grouping: Grouping) -> None:
    texts = [
        grouping(number[:2], number[2:4], number[4:6], number[6:8], number[8:])
        for number in VALID_NUMBERS
    ]
    assert missed_in_contexts(texts) == []


def test_digits_in_other_scripts_count_as_digits() -> None:
    fullwidth = "".join(chr(ord(d) + 0xFEE0) if d.isdigit() else d for d in "570428-9999")
    arabic_indic = "".join(chr(ord(d) + 0x0630) if d.isdigit() else d for d in "570428-9999")
    assert contains_identity_number(fullwidth)
    assert contains_identity_number(arabic_indic)


# --- what is not an identity number ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "121212-1213",  # wrong check digit
        "811328-9874",  # month 13
        "811299-9874",  # day 99
        "150916-0006",  # serial 000 is never issued
        "000101-E221",  # E is not an interim letter
        "Diarienummer 2027-001234",
        "Ring 070-123 45 67",
        "Budget 1 500 000 kr, 25 deltagare 2027",
        "Ärende 12345678901234",  # too many digits
        "21121212-1212",  # century 21 is not a birth year
        "Mötet 2026-03-14 0930-1130",  # a date and a time range
        "Dnr 2026-5704289999",  # the tail of a longer dashed number
    ],
)
def test_other_numbers_are_not_taken_for_identity_numbers(text: str) -> None:
    assert not contains_identity_number(text)


@pytest.mark.parametrize("entry", load("orgnumber.json"), ids=lambda e: e["separated_format"])
def test_an_organisation_number_is_not_taken_for_an_identity_number(entry: dict[str, Any]) -> None:
    assert not contains_identity_number(f"Org.nr {entry['separated_format']}")
    assert not contains_identity_number(f"Org.nr 16{entry['short_format']}")


def test_every_number_in_a_text_is_reported_as_it_reads() -> None:
    text = "121212-1212 och 19811228\u00a0\u2013 9874 samt 5704\u00ad28-9999"
    assert find_identity_numbers(text) == ["121212-1212", "19811228 \u2013 9874", "570428-9999"]
    spans = [(n.start, n.end) for n in scan_identity_numbers(text)]
    assert [text[start:end] for start, end in spans] == [
        "121212-1212",
        "19811228\u00a0\u2013 9874",
        "5704\u00ad28-9999",
    ]


def test_numbers_joined_by_a_slash_or_a_colon_are_both_reported() -> None:
    assert find_identity_numbers("pnr:570428-9999/460823-9986") == ["570428-9999", "460823-9986"]


def test_the_check_digit_is_the_luhn_digit() -> None:
    assert luhn_ok("8112289874")
    assert not luhn_ok("8112289875")
    assert luhn_digit("811228987") == "4"
    assert luhn_digit("000101T22") == "0"


# --- the inline error ------------------------------------------------------------------------


def test_the_inline_error_names_the_characters_that_looked_like_a_number() -> None:
    error = check_text("description", "Loggpost 260101-0800 från larmet", max_length=300)
    assert error is not None
    assert error.msg == c.IDENTITY_NUMBER
    assert error.params == {"found": "”260101-0800”"}
    assert "”260101-0800”" in Texts("sv")(error.msg, **error.params)
    assert "”260101-0800”" in Texts("en")(error.msg, **error.params)


def test_the_inline_error_shows_a_number_without_its_invisible_characters() -> None:
    error = check_text("title", "Gäller \u202e5704\u200b28\u2013\u20609999\u202c", max_length=300)
    assert error is not None
    assert error.params == {"found": "”570428\u20139999”"}


def test_the_inline_error_lists_at_most_three_different_numbers() -> None:
    text = "121212-1212, 121212-1212, 811228-9874, 570428-9999, 460823-9986"
    error = check_text("description", text, max_length=300)
    assert error is not None
    assert error.params == {"found": "”121212-1212”, ”811228-9874”, ”570428-9999” …"}


def test_the_inline_error_cannot_mention_or_link() -> None:
    error = check_text("description", "<@U0LEDARE1> <!channel> 121212-1212 &", max_length=300)
    assert error is not None
    rendered = Texts("sv")(error.msg, **error.params)
    assert "<" not in rendered
    assert ">" not in rendered


# --- false alarms on ordinary Swedish text ---------------------------------------------------

FALSE_ALARM_BOUND = 0.01
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"


def swedish_corpus(lines: int = 600, seed: int = 13) -> list[str]:
    """Return ordinary lines a Swedish civil servant writes, with numbers of every common kind."""
    rng = random.Random(seed)
    orgs = load("orgnumber.json")

    def day() -> date:
        return date(2024, 1, 1) + timedelta(days=rng.randrange(5 * 365))

    def moment() -> datetime:
        return datetime.combine(day(), datetime.min.time()) + timedelta(
            minutes=15 * rng.randrange(4 * 24)
        )

    def digits(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    def mobile() -> str:
        return f"07{rng.choice('02369')}{digits(7)}"

    templates = [
        lambda: f"Mötet hålls {day():%Y-%m-%d} i Gävle.",
        lambda: (
            f"Vi ses den {(d := day()).day} {MONTHS.split()[d.month - 1]} {d.year} "
            f"kl. {rng.randrange(8, 16):02d}.{rng.choice(['00', '15', '30'])}."
        ),
        lambda: f"Datum {day():%y%m%d}, tid {rng.randrange(8, 17):02d}:{rng.choice(['00', '30'])}.",
        lambda: f"Loggpost {moment():%y%m%d-%H%M} från systemet.",
        lambda: f"Exporten skapades {moment():%Y-%m-%dT%H:%M:%S}+01:00.",
        lambda: f"Tidsstämpel {moment():%Y%m%dT%H%M%SZ}",
        lambda: f"Incheckning {moment():%Y-%m-%d %H:%M}",
        lambda: (
            f"Pass {moment():%Y-%m-%d} kl {rng.randrange(8, 16):02d}00–{rng.randrange(16, 20)}00"
        ),
        lambda: f"Ring mig på 07{rng.choice('02369')}-{digits(3)} {digits(2)} {digits(2)}.",
        lambda: f"Växeln: 026-{digits(2)} {digits(2)} {digits(2)}",
        lambda: f"Tel +46 7{rng.choice('02369')} {digits(3)} {digits(2)} {digits(2)}",
        lambda: f"Nås på 08-{digits(3)} {digits(3)} {digits(2)}",
        lambda: f"Mobil {mobile()}",
        lambda: f"Budget {rng.randrange(1, 999)} {digits(3)} {digits(3)} kr för {day().year}.",
        lambda: f"Kostnaden blev {rng.randrange(1, 99)} {digits(3)},{digits(2)} kr.",
        lambda: f"Adress: Borgmästarplan 1, 8{digits(2)} {digits(2)} Gävle",
        lambda: f"Dnr {day().year}-{digits(4)}",
        lambda: f"Diarienummer {rng.randrange(100, 999)}-{digits(5)}-{day().year}",
        lambda: f"Ärende KS {day().year}/{rng.randrange(1, 999)}",
        lambda: f"Länsstyrelsens dnr {day().year}-{digits(6)}",
        lambda: f"Org.nr {rng.choice(orgs)['separated_format']}",
        lambda: (  # the third digit of an organisation number is 2 or more
            f"Organisationsnummer {rng.choice('25789')}{digits(1)}{rng.choice('23456789')}"
            f"{digits(3)}-{digits(4)}"
        ),
        lambda: (
            f"Bankgiro {digits(4)}-{digits(4)}, "
            f"plusgiro {digits(2)} {digits(2)} {digits(2)}-{digits(1)}"
        ),
        lambda: f"Betala med OCR {digits(rng.randrange(6, 17))}.",
        lambda: f"IBAN SE{digits(2)} {digits(4)} {digits(4)} {digits(4)} {digits(4)} {digits(4)}",
        lambda: f"Vecka {rng.randrange(1, 53)}, {day().year}; VT {day().year}.",
        lambda: f"{rng.randrange(5, 200)} deltagare från {rng.randrange(1, 11)} kommuner.",
        lambda: (
            f"Andelen ökade från {rng.randrange(1, 40)},{digits(1)} % "
            f"till {rng.randrange(1, 40)},{digits(1)} %."
        ),
        lambda: (
            f"Läs mer: https://www.lansstyrelsen.se/gavleborg/nyheter/{day():%Y-%m-%d}-samverkan.html"
        ),
        lambda: f"Zoom: https://zoom.us/j/{rng.randrange(1, 9)}{digits(10)}",
        lambda: f"Slack-tråd {rng.randrange(1_600_000_000, 1_800_000_000)}.{digits(6)}",
        lambda: (
            f"Bil {''.join(rng.choice('ABCDEFGHJKLMNPRSTUWXYZ') for _ in range(3))} {digits(3)}"
        ),
        lambda: f"Enligt SFS {rng.randrange(1990, 2026)}:{rng.randrange(1, 1500)}.",
        lambda: f"Perioden {day():%Y-%m-%d}–{day():%Y-%m-%d}.",
        lambda: f"Faktura nr {digits(8)} förfaller {day():%Y-%m-%d}.",
        lambda: f"Rum {rng.randrange(1, 5)}{digits(3)}, plan {rng.randrange(1, 9)}.",
    ]
    return [rng.choice(templates)() for _ in range(lines)]


def false_alarm_rate(lines: list[str]) -> float:
    """Return the share of lines the check would refuse."""
    return sum(contains_identity_number(line) for line in lines) / len(lines)


def test_ordinary_swedish_text_is_rarely_taken_for_an_identity_number() -> None:
    """Dates, times, phone numbers, amounts, case numbers: under one line in a hundred refused.

    What remains are ten-digit runs that happen to hold a date and a valid check digit, such as
    a log timestamp 260101-0800 or an unformatted mobile number; the error shows them.
    """
    corpus = swedish_corpus()
    assert len(corpus) == 600
    assert false_alarm_rate(corpus) < FALSE_ALARM_BOUND


def test_the_corpus_is_the_same_every_time() -> None:
    assert swedish_corpus(50) == swedish_corpus(50)


# --- contact details -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["anna@tullverket.se", "070-123 45 67", "+46 70 123 45 67", "026-17 10 00"]
)
def test_contact_details_are_noticed(text: str) -> None:
    assert contains_contact_details(f"Kontakt: {text}")


def test_plain_text_has_no_contact_details() -> None:
    assert not contains_contact_details("Vi behöver utbildning för 25 personer under 2027.")
