"""Indicators: periods, numbers, validation and trend rules; values and corrections stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.domain.indicators import (
    BUILT_IN_INDICATORS,
    COUNTY,
    Direction,
    IndicatorInput,
    Period,
    PeriodKind,
    Point,
    Trend,
    UnitKind,
    ValueDraft,
    ValueInput,
    desired,
    format_number,
    latest_and_previous,
    parse_number,
    parse_period,
    period_from_bounds,
    trend,
    validate_indicator,
    validate_value,
)
from bot.domain.organizations import BUILT_IN
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import followup as t
from storage.db import Database
from storage.directory import sync_organizations
from storage.indicators import (
    add_indicator,
    all_indicators,
    history,
    latest_values,
    record_value,
    series,
)
from storage.migrate import upgrade
from storage.models import IndicatorValue

NOW = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
CATALOGUE = {i.id: i for i in BUILT_IN_INDICATORS}
PLACES = {COUNTY, "gavle", "sandviken"}
tr = Texts("sv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", Period(date(2026, 1, 1), date(2026, 12, 31), PeriodKind.YEAR)),
        ("2026-H2", Period(date(2026, 7, 1), date(2026, 12, 31), PeriodKind.HALF)),
        ("2026 h1", Period(date(2026, 1, 1), date(2026, 6, 30), PeriodKind.HALF)),
        ("VT2026", Period(date(2026, 1, 1), date(2026, 6, 30), PeriodKind.HALF)),
        ("ht 2025", Period(date(2025, 7, 1), date(2025, 12, 31), PeriodKind.HALF)),
        ("2026-Q3", Period(date(2026, 7, 1), date(2026, 9, 30), PeriodKind.QUARTER)),
        (
            "2026 kvartal 1",
            Period(date(2026, 1, 1), date(2026, 3, 31), PeriodKind.QUARTER),
        ),
        ("2024-02", Period(date(2024, 2, 1), date(2024, 2, 29), PeriodKind.MONTH)),
        ("2026-v12", Period(date(2026, 3, 16), date(2026, 3, 22), PeriodKind.WEEK)),
        ("vecka 1 2027", Period(date(2027, 1, 4), date(2027, 1, 10), PeriodKind.WEEK)),
        ("2026-05-12", Period(date(2026, 5, 12), date(2026, 5, 12), PeriodKind.DAY)),
    ],
)
def test_periods_are_read_the_ways_people_write_them(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("spellings", "label"),
    [
        (["2026-H1", "VT2026", "vt 2026", "2026 h1", "2026 halvår 1"], "2026-H1"),
        (["2025-H2", "HT2025", "ht-2025"], "2025-H2"),
        (["2026-Q3", "2026-q3", "2026 K3", "2026 kvartal 3"], "2026-Q3"),
        (["2026-v12", "2026-W12", "v12 2026", "vecka 12 2026"], "2026-v12"),
        (["2026-05", "2026-5"], "2026-05"),
        (["2026-05-12", "2026-5-12"], "2026-05-12"),
    ],
)
def test_every_spelling_of_a_period_is_one_period_with_one_label(
    spellings: list[str], label: str
) -> None:
    periods = {parse_period(text) for text in spellings}
    assert len(periods) == 1
    (period,) = periods
    assert period is not None
    assert period.label == label
    assert period_from_bounds(period.start, period.end) == period


def test_an_iso_week_belongs_to_the_year_of_its_monday() -> None:
    week = parse_period("2027-v01")
    assert week is not None
    assert (week.start, week.end) == (date(2027, 1, 4), date(2027, 1, 10))
    last = parse_period("2026-v53")
    assert last is not None
    assert last.label == "2026-v53"
    assert (last.start, last.end) == (date(2026, 12, 28), date(2027, 1, 3))


@pytest.mark.parametrize(
    "text", ["", "abc", "2026-13", "2026-02-30", "1800", "2026-Q5", "2026-v54", "2026-H3", "26"]
)
def test_a_period_that_does_not_exist_is_refused(text: str) -> None:
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,5", 12.5), ("12.5", 12.5), ("1 200", 1200.0), ("7 %", 7.0), ("−3", -3.0), ("0", 0.0)],
)
def test_numbers_are_read_with_a_decimal_comma_or_point(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "tolv", "1,2.3", "nan", "inf", "1e999"])
def test_what_is_not_a_finite_number_is_refused(text: str) -> None:
    assert parse_number(text) is None


def test_values_are_written_with_a_swedish_decimal_comma() -> None:
    assert format_number(12.5, "sv") == "12,5"
    assert format_number(12.5, "en") == "12.5"
    assert format_number(3.0, "sv") == "3"
    assert format_number(0.333333, "sv") == "0,33"


def value_input(**changes: str | None) -> ValueInput:
    base: dict[str, str | None] = {
        "indicator_id": "can-ak9",
        "place": COUNTY,
        "period": "2026",
        "value": "7,5",
        "source": "CAN 2026",
        "note": "",
    }
    base.update(changes)
    return ValueInput(**base)


def test_a_valid_value_becomes_a_draft() -> None:
    check = validate_value(value_input(), indicators=CATALOGUE, places=PLACES)
    assert check.errors == ()
    assert check.draft == ValueDraft(
        "can-ak9",
        COUNTY,
        parse_period("2026"),
        7.5,
        "CAN 2026",
        "",  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("changes", "field", "msg"),
    [
        ({"indicator_id": None}, "indicator", c.CHOOSE_ONE),
        ({"indicator_id": "gissning"}, "indicator", c.UNKNOWN_CHOICE),
        ({"place": "stockholm"}, "place", c.UNKNOWN_CHOICE),
        ({"indicator_id": "oppna-scener", "place": "gavle", "value": "2"}, "place", t.COUNTY_ONLY),
        ({"period": ""}, "period", t.PERIOD_REQUIRED),
        ({"period": "förra året"}, "period", t.PERIOD_INVALID),
        ({"value": ""}, "value", t.VALUE_REQUIRED),
        ({"value": "sju"}, "value", t.VALUE_INVALID),
        ({"value": "101"}, "value", t.VALUE_PERCENT),
        ({"indicator_id": "oppna-scener", "value": "2,5"}, "value", t.VALUE_COUNT),
        ({"indicator_id": "avlopp-kokain", "value": "-1"}, "value", t.VALUE_NEGATIVE),
        ({"source": ""}, "source", c.REQUIRED),
        ({"note": "Gäller 19121212-1212."}, "note", c.IDENTITY_NUMBER),
    ],
)
def test_a_bad_value_gets_an_error_on_its_field(
    changes: dict[str, str | None], field: str, msg: object
) -> None:
    check = validate_value(value_input(**changes), indicators=CATALOGUE, places=PLACES)
    assert check.draft is None
    assert [(e.field, e.msg) for e in check.errors] == [(field, msg)]


def test_a_new_indicator_gets_an_id_from_its_name_and_a_unit_kind() -> None:
    check = validate_indicator(
        IndicatorInput("Beslag av cannabis, Gävle hamn", "st", "down"),
        existing=list(BUILT_IN_INDICATORS),
        tr=tr,
    )
    assert check.indicator is not None
    assert check.indicator.id == "egen-beslag-av-cannabis-gavle-hamn"
    assert (check.indicator.unit_kind, check.indicator.direction) == (
        UnitKind.COUNT,
        Direction.DOWN,
    )
    assert check.indicator.built_in is False


def test_an_indicator_named_like_an_existing_one_is_refused() -> None:
    check = validate_indicator(
        IndicatorInput("öppna narkotikascener i länet", "st", "down"),
        existing=list(BUILT_IN_INDICATORS),
        tr=tr,
    )
    assert [(e.field, e.msg) for e in check.errors] == [("name", t.INDICATOR_EXISTS)]


def test_an_indicator_needs_a_unit_and_a_known_direction() -> None:
    check = validate_indicator(IndicatorInput("Något", "", "sideways"), existing=[], tr=tr)
    assert [(e.field, e.msg) for e in check.errors] == [
        ("unit", c.REQUIRED),
        ("direction", c.UNKNOWN_CHOICE),
    ]


@pytest.mark.parametrize(
    ("latest", "previous", "kind", "expected"),
    [
        (7.9, 7.0, UnitKind.PERCENT, Trend.STABLE),
        (8.0, 7.0, UnitKind.PERCENT, Trend.UP),
        (5.5, 7.0, UnitKind.PERCENT, Trend.DOWN),
        (3, 3, UnitKind.COUNT, Trend.STABLE),
        (2, 3, UnitKind.COUNT, Trend.DOWN),
        (109, 100, UnitKind.RATE, Trend.STABLE),
        (110, 100, UnitKind.RATE, Trend.UP),
        (89, 100, UnitKind.RATE, Trend.DOWN),
        (0.5, 0, UnitKind.OTHER, Trend.UP),
        (5, None, UnitKind.RATE, Trend.FIRST),
    ],
)
def test_a_trend_needs_a_move_beyond_the_units_tolerance(
    latest: float, previous: float | None, kind: UnitKind, expected: Trend
) -> None:
    assert trend(latest, previous, kind) is expected


def test_a_move_is_judged_against_the_plans_direction() -> None:
    assert desired(Direction.DOWN, Trend.DOWN) is True
    assert desired(Direction.DOWN, Trend.UP) is False
    assert desired(Direction.UP, Trend.UP) is True
    assert desired(Direction.NONE, Trend.UP) is None
    assert desired(Direction.DOWN, Trend.STABLE) is None


def points(*pairs: tuple[str, float]) -> list[Point]:
    """Return points of the periods written, with their values."""
    found = [(parse_period(text), value) for text, value in pairs]
    return [Point(period, value) for period, value in found if period is not None]


def test_the_latest_value_is_compared_with_the_one_before_of_the_same_length() -> None:
    latest, previous = latest_and_previous(points(("2025", 10.0), ("2026-Q1", 99.0), ("2026", 12)))
    assert latest is not None
    assert previous is not None
    assert (latest.period.label, previous.period.label) == ("2026", "2025")
    assert latest_and_previous([]) == (None, None)


@pytest.mark.parametrize(
    ("pairs", "latest", "previous"),
    [
        # The period that ends last is the latest, whatever its length or start.
        ([("2026", 5), ("2026-Q3", 7)], "2026", None),
        ([("2025", 5), ("2026-Q3", 7)], "2026-Q3", None),
        ([("2026-Q2", 5), ("2026-Q3", 7), ("2026-H1", 9)], "2026-Q3", "2026-Q2"),
        # Two ending the same day: the shorter one is the latest.
        ([("2026", 5), ("2026-H2", 6), ("2025-H2", 4)], "2026-H2", "2025-H2"),
        ([("2026-v12", 3), ("2026-03", 4), ("2026-v08", 2)], "2026-03", None),
        ([("2026-05-12", 1), ("2026-05-11", 2)], "2026-05-12", "2026-05-11"),
    ],
)
def test_the_latest_period_is_the_one_that_ends_last_and_trends_compare_like_with_like(
    pairs: list[tuple[str, float]], latest: str, previous: str | None
) -> None:
    found, before = latest_and_previous(points(*pairs))
    assert found is not None
    assert found.period.label == latest
    assert (before.period.label if before else None) == previous


# --------------------------------------------------------------------------------- storage


def prepared(url: str) -> Database:
    database = Database(url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    return database


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A fresh database on each backend (partial indexes and window queries differ)."""
    database = prepared(database_url)
    yield database
    database.dispose()


@pytest.fixture
def lite(sqlite_url: str) -> Iterator[Database]:
    """A fresh SQLite database, for what does not depend on the backend."""
    database = prepared(sqlite_url)
    yield database
    database.dispose()


def draft(value: float, period: str = "2026", place: str = COUNTY, **kw: str) -> ValueDraft:
    found = parse_period(period)
    assert found is not None
    return ValueDraft(
        kw.get("indicator", "can-ak9"), place, found, value, kw.get("source", "CAN"), ""
    )


def test_a_second_value_for_the_same_period_replaces_the_first_and_keeps_it(
    db: Database,
) -> None:
    with db.transaction() as session:
        first = record_value(session, draft(7.0), actor="U1", now=NOW)
        assert first.value is not None
        assert first.replaced is None
    with db.transaction() as session:
        second = record_value(
            session, draft(6.0, source="CAN rättad"), actor="U2", now=NOW + timedelta(days=1)
        )
        assert second.value is not None
        assert second.replaced is not None
        assert second.replaced.id == first.value.id
        chain = history(session, second.value.id)
        assert [(v.value, v.recorded_by) for v in chain] == [(6.0, "U2"), (7.0, "U1")]
        assert chain[1].replaced_by_id == second.value.id
        assert chain[1].replaced_at == NOW + timedelta(days=1)
    with db.reading() as session:
        page = latest_values(session)
        assert [v.value for v in page.values] == [6.0]
        assert page.replaced[first.value.id].value == 7.0
        total = session.scalar(select(func.count()).select_from(IndicatorValue))
        assert total == 2


def test_recording_the_same_value_again_changes_nothing(lite: Database) -> None:
    with lite.transaction() as session:
        record_value(session, draft(7.0), actor="U1", now=NOW)
    with lite.transaction() as session:
        again = record_value(session, draft(7.0), actor="U1", now=NOW)
        assert again.unchanged
    with lite.transaction() as session:
        retried = record_value(session, draft(8.0), actor="U1", now=NOW, source_key="view:V1")
        assert not retried.unchanged
        duplicate = record_value(session, draft(8.0), actor="U1", now=NOW, source_key="view:V1")
        assert duplicate.unchanged
    with lite.reading() as session:
        assert session.scalar(select(func.count()).select_from(IndicatorValue)) == 2


def test_correcting_a_value_someone_else_corrected_first_is_refused(db: Database) -> None:
    with db.transaction() as session:
        first = record_value(session, draft(7.0), actor="U1", now=NOW)
        assert first.value is not None
        seen = first.value.id
    with db.transaction() as session:
        record_value(session, draft(6.0), actor="U2", now=NOW, correcting=seen)
    with db.transaction() as session:
        late = record_value(session, draft(5.0), actor="U3", now=NOW, correcting=seen)
        assert late.stale
        assert late.value is None
    with db.reading() as session:
        assert [v.value for v in latest_values(session).values] == [6.0]


def test_only_one_value_per_series_and_period_is_in_force(db: Database) -> None:
    with db.transaction() as session:
        record_value(session, draft(7.0), actor="U1", now=NOW)
    found = parse_period("2026")
    assert found is not None
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(
            IndicatorValue(
                indicator_id="can-ak9",
                place=COUNTY,
                period_label="2026",
                period_start=found.start,
                period_end=found.end,
                value=1.0,
                source="x",
                note="",
                recorded_by="U9",
                recorded_at=NOW,
            )
        )


def test_series_hold_the_newest_values_in_force_oldest_first(db: Database) -> None:
    with db.transaction() as session:
        for year, value in [(2021, 9.0), (2022, 8.0), (2023, 8.5), (2024, 7.0)]:
            record_value(session, draft(value, str(year)), actor="U1", now=NOW)
        record_value(session, draft(6.5, "2024"), actor="U1", now=NOW)  # a correction
        record_value(
            session, draft(120, "2026-Q1", "gavle", indicator="avlopp-kokain"), actor="U1", now=NOW
        )
    with db.reading() as session:
        found = {(s.indicator_id, s.place): s for s in series(session, points=3)}
    can = found[("can-ak9", COUNTY)]
    assert [(p.period.label, p.value) for p in can.points] == [
        ("2022", 8.0),
        ("2023", 8.5),
        ("2024", 6.5),
    ]
    assert [p.value for p in found[("avlopp-kokain", "gavle")].points] == [120]


def test_own_indicators_follow_the_plans_in_the_catalogue(lite: Database) -> None:
    check = validate_indicator(
        IndicatorInput("Beslag i hamnen", "kg", "down"), existing=list(BUILT_IN_INDICATORS), tr=tr
    )
    assert check.indicator is not None
    with lite.transaction() as session:
        assert add_indicator(session, check.indicator, actor="U1", now=NOW)
        assert not add_indicator(session, check.indicator, actor="U1", now=NOW)
    with lite.reading() as session:
        catalogue = all_indicators(session)
    assert [i.id for i in catalogue[: len(BUILT_IN_INDICATORS)]] == [
        i.id for i in BUILT_IN_INDICATORS
    ]
    assert catalogue[-1].label(tr) == "Beslag i hamnen"
    assert catalogue[-1].unit_kind is UnitKind.OTHER
