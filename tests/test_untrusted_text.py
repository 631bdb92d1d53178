"""Input that cannot be trusted: control, bidirectional and invisible characters; non-ASCII digits.

Every case is a row of a table; each row says what goes in and what must come out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.indicators import parse_number, parse_period, validate_value
from bot.domain.meetings import validate_move, validate_series
from bot.domain.needs import validate_need
from bot.domain.trainings import (
    ReportInput,
    TrainingInput,
    parse_rating,
    validate_report,
    validate_training,
)
from bot.domain.validation import (
    check_text,
    clean_text,
    parse_count,
    parse_date,
    parse_decimal,
    parse_time,
)
from bot.durations import parse_duration
from bot.texts import common as c
from bot.texts import followup as tf
from bot.texts import meetings as tm
from bot.texts import trainings as tt
from tests.test_indicators import CATALOGUE, PLACES, value_input
from tests.test_meetings_domain import series_input
from tests.test_needs_domain import need_input

TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)

# --- clean_text ------------------------------------------------------------------------------

CLEANED = [
    # (what, typed, multi-line field, kept)
    ("NUL", "a\x00b", False, "ab"),
    ("C0 controls", "a\x01\x07\x08\x1b\x1fb", True, "ab"),
    ("DEL", "a\x7fb", False, "ab"),
    ("C1 controls", "a\x80\x9b\x9fb", True, "ab"),
    ("right-to-left override", "a\u202eb\u202c", False, "ab"),
    ("embeddings", "\u202aa\u202bb\u202c", False, "ab"),
    ("left-to-right override", "a\u202db", False, "ab"),
    ("isolates", "\u2066a\u2067b\u2068c\u2069", False, "abc"),
    ("direction marks", "a\u200e\u200fb\u061c", False, "ab"),
    ("zero-width space", "a\u200bb", False, "ab"),
    ("soft hyphen", "sam\u00adverkan", False, "samverkan"),
    ("word joiner and byte order mark", "\ufeffa\u2060b", False, "ab"),
    ("tag characters smuggling ASCII", "ok\U000e0068\U000e0069", False, "ok"),
    ("lone surrogates", "a\ud800b\udfffc", False, "abc"),
    ("emoji with zero-width joiners kept", "👩\u200d💻 ok", False, "👩\u200d💻 ok"),
    ("tab and newline kept in a multi-line field", "a\tb\nc", True, "a\tb\nc"),
    ("tab and newline become spaces in a one-line field", "a\tb\nc", False, "a b c"),
    ("CR LF and CR become newlines", "a\r\nb\rc", True, "a\nb\nc"),
    ("Unicode line separators become newlines", "a\u2028b\u2029c\x85d", True, "a\nb\nc\nd"),
    ("surrounding whitespace stripped", "\u00a0 \u3000 hej \t\n", True, "hej"),
    ("Swedish text untouched", "Åsa på Länsstyrelsen, 12 % – ”citat”", False, None),
]


@pytest.mark.parametrize(
    ("typed", "multiline", "kept"),
    [row[1:] for row in CLEANED],
    ids=[row[0] for row in CLEANED],
)
def test_what_nobody_can_see_is_removed_from_typed_text(
    typed: str, multiline: bool, kept: str | None
) -> None:
    assert clean_text(typed, multiline=multiline) == (typed if kept is None else kept)


BLANK = [
    ("nothing", None),
    ("spaces", "   "),
    ("no-break and ideographic spaces", "\u00a0\u202f\u3000"),
    ("a zero-width space", "\u200b"),
    ("a right-to-left override", "\u202e"),
    ("NUL", "\x00"),
    ("a byte order mark and a zero-width joiner", "\ufeff \u200d"),
    ("Hangul fillers", "\u3164\u115f"),
    ("a braille blank", "\u2800"),
    ("line breaks and tabs", "\r\n\t\u2028"),
    ("a lone surrogate", "\udc00"),
]


@pytest.mark.parametrize("typed", [row[1] for row in BLANK], ids=[row[0] for row in BLANK])
def test_a_text_of_only_invisible_characters_is_empty_and_a_required_field_says_so(
    typed: str | None,
) -> None:
    cleaned = clean_text(typed, multiline=True)
    assert cleaned == ""
    error = check_text("title", cleaned, max_length=100)
    assert error is not None
    assert error.msg == c.REQUIRED


def test_a_need_titled_with_invisible_characters_is_refused_as_missing_a_title() -> None:
    result = validate_need(
        need_input(title="\u202e\u200b\u00a0"),
        allowed_organizations={"tullverket"},
        municipality_ids={"gavle"},
    )
    assert [(e.field, e.msg) for e in result.errors] == [("title", c.REQUIRED)]


def test_a_need_keeps_its_line_breaks_and_loses_its_controls() -> None:
    result = validate_need(
        need_input(title="Utbildning\x00 i\tdrogtecken", description="Rad 1\r\nRad\x1b 2\u202e"),
        allowed_organizations={"tullverket"},
        municipality_ids={"gavle"},
    )
    assert result.draft is not None
    assert result.draft.title == "Utbildning i drogtecken"
    assert result.draft.description == "Rad 1\nRad 2"


def test_an_agenda_keeps_one_item_per_line() -> None:
    check = validate_series(series_input(agenda="Behov\u2028Läget\x00\r\nÖvrigt\u202e"))
    assert check.draft is not None
    assert check.draft.agenda == ("Behov", "Läget", "Övrigt")


# --- numbers: only ASCII digits count ---------------------------------------------------------

COUNTS = [
    # (typed, low, high, read)
    ("3", 1, 5, 3),
    (" 12 ", 0, 100, 12),
    ("007", 0, 100, 7),
    ("0", 1, 5, None),
    ("6", 1, 5, None),
    ("²", 0, 100, None),  # str.isdigit() says yes, int() says no
    ("٤", 0, 100, None),  # Arabic-Indic four
    ("４", 0, 100, None),  # fullwidth four
    ("𝟒", 0, 100, None),  # mathematical bold four
    ("1_000", 0, 10_000, None),
    ("-1", -5, 5, None),
    ("+1", 0, 5, None),
    ("1e3", 0, 10_000, None),
    ("12.0", 0, 100, None),
    ("1 000", 0, 10_000, None),
    ("9" * 9, 0, 10**9, 999_999_999),
    ("9" * 10, 0, 10**12, None),  # more digits than any count needs
    ("9" * 20, 0, 10**12, None),  # beyond 64 bits
    ("9" * 5000, 0, 10**12, None),  # beyond int()'s 4,300-digit limit
    ("", 0, 5, None),
    (None, 0, 5, None),
    ("3\x00", 0, 5, None),
]


@pytest.mark.parametrize(("typed", "low", "high", "read"), COUNTS)
def test_a_count_is_read_from_ascii_digits_only(
    typed: str | None, low: int, high: int, read: int | None
) -> None:
    assert parse_count(typed, low, high) == read


DECIMALS = [
    ("12,5", 12.5),
    ("12.5", 12.5),
    ("-3", -3.0),
    ("+3,25", 3.25),
    (",5", 0.5),
    ("5,", 5.0),
    ("0", 0.0),
    ("1,2.3", None),
    ("1e3", None),
    ("inf", None),
    ("nan", None),
    ("1_000", None),
    ("١٢", None),
    ("１２,５", None),
    ("1 000", None),  # callers remove the thousands separators they accept
    ("9" * 13, None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("typed", "read"), DECIMALS)
def test_a_decimal_is_read_from_ascii_digits_only(typed: str | None, read: float | None) -> None:
    assert parse_decimal(typed) == read


INDICATOR_VALUES = [
    ("1 200", 1200.0),
    ("1\u00a0200,5", 1200.5),
    ("1\u202f200", 1200.0),
    ("−3", -3.0),
    ("7 %", 7.0),
    ("١٢", None),
    ("1_000", None),
    ("1e5", None),
    ("12²", None),
]


@pytest.mark.parametrize(("typed", "read"), INDICATOR_VALUES)
def test_an_indicator_value_is_read_the_swedish_way_from_ascii_digits(
    typed: str, read: float | None
) -> None:
    assert parse_number(typed) == read


def test_an_indicator_value_in_other_digits_gets_an_error_on_its_field() -> None:
    check = validate_value(value_input(value="٧,٥"), indicators=CATALOGUE, places=PLACES)
    assert [(e.field, e.msg) for e in check.errors] == [("value", tf.VALUE_INVALID)]


@pytest.mark.parametrize("typed", ["٢٠٢٦", "２０２６", "2026-Q٣", "٢٠٢٦-05-12", "2026-v１２"])
def test_a_period_in_other_digits_is_refused(typed: str) -> None:
    assert parse_period(typed) is None


DATES = [
    ("2027-01-12", date(2027, 1, 12)),
    ("2027-02-30", None),
    ("20270112", None),
    ("2027-W02-2", None),
    ("٢٠٢٧-01-12", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("typed", "read"), DATES)
def test_a_date_is_read_as_the_datepicker_writes_it(typed: str | None, read: date | None) -> None:
    assert parse_date(typed) == read


TIMES = [
    ("09:00", time(9, 0)),
    ("9:05", time(9, 5)),
    ("23:59", time(23, 59)),
    ("24:00", None),
    ("09:60", None),
    ("09:00+05:00", None),  # an offset would make the meeting's time aware of another zone
    ("0900", None),
    ("09", None),
    ("٠٩:٠٠", None),
    ("09:00:00.5", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("typed", "read"), TIMES)
def test_a_time_is_read_as_the_timepicker_writes_it(typed: str | None, read: time | None) -> None:
    assert parse_time(typed) == read


@pytest.mark.parametrize("typed", ["²", "٣", "３", "0", "6", "", "3.0", "9" * 5000])
def test_a_rating_off_the_scale_or_in_other_digits_is_no_rating(typed: str) -> None:
    assert parse_rating(typed) is None


def training_errors(**changes: Any) -> dict[str, Any]:
    """Return the training form's inline errors, field by message, for changed input."""
    values: dict[str, Any] = {
        "title": "Drogtecken",
        "subject": "drug_signs",
        "date": "2027-01-10",
        "start": "09:00",
        "end": "12:00",
        "organizer": "gavle",
        "targets": [],
        "expected": "10",
        "place": "Gävle",
        "target": "channel",
        "channel": "C0ARBETS1",
        "participants": [],
        "needs": [],
    }
    check = validate_training(
        TrainingInput(**{**values, **changes}),
        allowed_organizers={"gavle"},
        organization_ids={"gavle"},
        open_need_ids={3},
        tz=TZ,
        now=NOW,
    )
    return {e.field: e.msg for e in check.errors}


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        pytest.param({"expected": "٤٢"}, {"expected": tt.NUMBER_INVALID}, id="Arabic-Indic"),
        pytest.param({"expected": "1_0"}, {"expected": tt.NUMBER_INVALID}, id="underscore"),
        pytest.param({"expected": "9" * 5000}, {"expected": tt.NUMBER_INVALID}, id="huge"),
        pytest.param({"needs": ["²"]}, {"needs": c.UNKNOWN_CHOICE}, id="superscript need id"),
        pytest.param({"needs": ["٣"]}, {"needs": c.UNKNOWN_CHOICE}, id="Arabic-Indic need id"),
        pytest.param({"start": "٠٩:00"}, {"start": c.REQUIRED}, id="Arabic-Indic time"),
        pytest.param({"needs": ["3"]}, {}, id="an ASCII need id is fine"),
    ],
)
def test_a_training_form_reads_only_ascii_numbers(
    changes: dict[str, Any], errors: dict[str, Any]
) -> None:
    assert training_errors(**changes) == errors


def test_a_report_with_participants_in_other_digits_is_refused() -> None:
    check = validate_report(
        ReportInput("gavle", "Hundar", "narcotics", "2027-01-02", "٤٢"),
        allowed_organizations={"gavle"},
        tz=TZ,
        now=NOW,
    )
    assert [(e.field, e.msg) for e in check.errors] == [("participants", tt.NUMBER_INVALID)]


@pytest.mark.parametrize(
    ("changes", "field", "msg"),
    [
        pytest.param({"skip_months": ["²"]}, "skip_months", c.UNKNOWN_CHOICE, id="superscript"),
        pytest.param({"skip_months": ["٧"]}, "skip_months", c.UNKNOWN_CHOICE, id="Arabic-Indic"),
        pytest.param({"duration": "٩٠m"}, "duration", tm.BAD_DURATION, id="Arabic-Indic duration"),
        pytest.param(
            {"duration": "99999999999d"}, "duration", tm.BAD_DURATION, id="timedelta overflow"
        ),
        pytest.param(
            {"call_before": "999999999d"}, "call_before", tm.DURATION_RANGE, id="longest duration"
        ),
        pytest.param({"rrule": "FREQ=DAILY;INTERVAL=-1"}, "rrule", tm.BAD_RRULE, id="negative"),
        pytest.param(
            {"rrule": "FREQ=DAILY;INTERVAL=99999999999999999999"},
            "rrule",
            tm.BAD_RRULE,
            id="huge interval",
        ),
        pytest.param(
            {"rrule": "FREQ=WEEKLY;INTERVAL=٢;BYDAY=TU"}, "rrule", tm.BAD_RRULE, id="Arabic-Indic"
        ),
        pytest.param(
            {"first_time": "09:00+05:00"}, "first_time", c.REQUIRED, id="time with an offset"
        ),
    ],
)
def test_a_meeting_series_form_reads_only_ascii_numbers(
    changes: dict[str, Any], field: str, msg: object
) -> None:
    check = validate_series(series_input(**changes))
    assert check.draft is None
    assert [(e.field, e.msg) for e in check.errors] == [(field, msg)]


def test_a_meeting_moved_to_a_time_with_an_offset_is_refused() -> None:
    check = validate_move("2027-04-01", "10:00+05:00", None, now=NOW, tz=TZ)
    assert check.start is None
    assert [(e.field, e.msg) for e in check.errors] == [("time", c.REQUIRED)]


@pytest.mark.parametrize("typed", ["٩٠m", "９０m", "9" * 10 + "d", "1_0m", "-5m"])
def test_a_duration_in_other_digits_or_too_long_is_not_a_duration(typed: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(typed)
