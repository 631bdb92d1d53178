"""The plan's effect goals as indicators: built-in catalogue, units, periods, values and trends."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.domain.validation import FieldError, check_text, clean_text, parse_decimal
from bot.texts import Language, Msg, Texts, formats
from bot.texts import followup as t
from bot.texts.common import CHOOSE_ONE, UNKNOWN_CHOICE

COUNTY = "county"
SOURCE_MAX = 200
NOTE_MAX = 1000
NAME_MAX = 100
NAME_MIN = 3
UNIT_MAX = 30
VALUE_MAX = 1e9
SERIES_POINTS = 12


class UnitKind(StrEnum):
    """What kind of number an indicator holds: decides validation and the trend tolerance."""

    PERCENT = "percent"
    COUNT = "count"
    RATE = "rate"
    OTHER = "other"


class Direction(StrEnum):
    """Which way the plan wants an indicator to move."""

    DOWN = "down"
    UP = "up"
    NONE = "none"


class Trend(StrEnum):
    """How the latest value compares with the one before it."""

    UP = "up"
    DOWN = "down"
    STABLE = "stable"
    FIRST = "first"


class PeriodKind(StrEnum):
    """The length of the period a value describes."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


@dataclass(frozen=True)
class IndicatorDef:
    """An indicator: built in (named in both languages) or added by a coordinator."""

    id: str
    name: Msg | str
    unit: Msg | str
    unit_kind: UnitKind
    direction: Direction
    built_in: bool = True
    county_only: bool = False

    def label(self, tr: Texts) -> str:
        """Return the indicator's name in the collaboration's language."""
        return tr(self.name) if isinstance(self.name, Msg) else self.name

    def unit_label(self, tr: Texts) -> str:
        """Return the indicator's unit in the collaboration's language."""
        return tr(self.unit) if isinstance(self.unit, Msg) else self.unit


BUILT_IN_INDICATORS: tuple[IndicatorDef, ...] = (
    IndicatorDef("avlopp-thc", t.IND_WASTE_THC, t.UNIT_WASTEWATER, UnitKind.RATE, Direction.DOWN),
    IndicatorDef(
        "avlopp-amfetamin",
        t.IND_WASTE_AMPHETAMINE,
        t.UNIT_WASTEWATER,
        UnitKind.RATE,
        Direction.DOWN,
    ),
    IndicatorDef(
        "avlopp-kokain", t.IND_WASTE_COCAINE, t.UNIT_WASTEWATER, UnitKind.RATE, Direction.DOWN
    ),
    IndicatorDef("avlopp-mdma", t.IND_WASTE_MDMA, t.UNIT_WASTEWATER, UnitKind.RATE, Direction.DOWN),
    IndicatorDef(
        "avlopp-metamfetamin", t.IND_WASTE_METH, t.UNIT_WASTEWATER, UnitKind.RATE, Direction.DOWN
    ),
    IndicatorDef("can-ak9", t.IND_CAN_YEAR9, t.UNIT_PERCENT, UnitKind.PERCENT, Direction.DOWN),
    IndicatorDef("can-gy2", t.IND_CAN_GY2, t.UNIT_PERCENT, UnitKind.PERCENT, Direction.DOWN),
    IndicatorDef("hlv-16-99", t.IND_HLV, t.UNIT_PERCENT, UnitKind.PERCENT, Direction.DOWN),
    IndicatorDef(
        "oppna-scener",
        t.IND_DRUG_SCENES,
        t.UNIT_COUNT,
        UnitKind.COUNT,
        Direction.DOWN,
        county_only=True,
    ),
)
BUILT_IN_IDS = frozenset(i.id for i in BUILT_IN_INDICATORS)


def unit_kind_of(unit: str) -> UnitKind:
    """Infer how to treat a coordinator's own unit: percent, count or other."""
    folded = unit.strip().casefold()
    if folded in {"%", "procent", "percent", "andel (%)"}:
        return UnitKind.PERCENT
    if folded in {"st", "st.", "antal", "count", "number"}:
        return UnitKind.COUNT
    return UnitKind.OTHER


# ---------------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """The period a value describes: its first and last day and its granularity (kind).

    Every spelling of the same period (VT2026 and 2026-H1, 2026-q3 and 2026-Q3) is one Period
    with one canonical label.
    """

    start: date
    end: date
    kind: PeriodKind

    @property
    def label(self) -> str:
        """Return the canonical spelling: 2026, 2026-H1, 2026-Q3, 2026-05, 2026-v12, 2026-05-12."""
        start = self.start
        if self.kind is PeriodKind.YEAR:
            return str(start.year)
        if self.kind is PeriodKind.HALF:
            return f"{start.year}-H{1 if start.month <= 6 else 2}"
        if self.kind is PeriodKind.QUARTER:
            return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.MONTH:
            return f"{start.year}-{start.month:02d}"
        if self.kind is PeriodKind.WEEK:
            year, week, _ = start.isocalendar()
            return f"{year}-v{week:02d}"
        if self.start == self.end:
            return start.isoformat()
        return f"{start.isoformat()}–{self.end.isoformat()}"

    @property
    def order(self) -> tuple[date, date]:
        """Return the sort key of the register: by the day the period ends, then starts.

        The latest value of a series is the one whose period ends last; of two that end on the
        same day, the shorter one.
        """
        return (self.end, self.start)


_WEEK_LABEL = re.compile(r"^([0-9]{4})-v([0-9]{2})$")


def period_shown(label: str, language: Language) -> str:
    """Return a period's canonical label as written in language: weeks as 2026-W12 in English."""
    return _WEEK_LABEL.sub(r"\1-W\2", label) if language == "en" else label


_YEAR = re.compile(r"^([0-9]{4})$")
_HALF = re.compile(r"^([0-9]{4})[- ]?(?:h|halvår\s*)([12])$")
_HALF_SCHOOL = re.compile(r"^(vt|ht)[- ]?([0-9]{4})$")
_QUARTER = re.compile(r"^([0-9]{4})[- ]?(?:q|k|kv|kvartal\s*)([1-4])$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_WEEK = re.compile(r"^([0-9]{4})[- ]?(?:w|v|vecka\s*)([0-9]{1,2})$")
_WEEK_FIRST = re.compile(r"^(?:w|v|vecka\s*)([0-9]{1,2})[- ]+([0-9]{4})$")
_DAY = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
YEAR_MIN = 1990
YEAR_MAX = 2100


def _month_end(year: int, month: int) -> date:
    """Return the last day of a month."""
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


def parse_period(text: str | None) -> Period | None:
    """Read a period such as 2026, 2026-H1, VT2026, 2026-Q3, 2026-05, 2026-v12 or 2026-05-12.

    VT (vårtermin) is the first half-year and HT (hösttermin) the second, so VT2026 and
    2026-H1 are the same period. Weeks are ISO 8601 weeks (Monday to Sunday). Return None for
    anything else, and for a date or week that does not exist.
    """
    value = re.sub(r"\s+", " ", (text or "").strip().casefold())
    try:
        return _parse_period(value)
    except ValueError:
        return None


def _parse_period(value: str) -> Period | None:
    """Read a folded period text; raise ValueError for a date that does not exist."""
    if match := _YEAR.match(value):
        year = _year(match.group(1))
        return Period(date(year, 1, 1), date(year, 12, 31), PeriodKind.YEAR)
    if match := _HALF.match(value):
        return _half(_year(match.group(1)), int(match.group(2)))
    if match := _HALF_SCHOOL.match(value):
        return _half(_year(match.group(2)), 1 if match.group(1) == "vt" else 2)
    if match := _QUARTER.match(value):
        year, quarter = _year(match.group(1)), int(match.group(2))
        first = date(year, 3 * quarter - 2, 1)
        return Period(first, _month_end(year, 3 * quarter), PeriodKind.QUARTER)
    if match := _MONTH.match(value):
        year, month = _year(match.group(1)), int(match.group(2))
        return Period(date(year, month, 1), _month_end(year, month), PeriodKind.MONTH)
    week_match = _WEEK.match(value)
    if week_match is not None:
        year_text, week_text = week_match.group(1), week_match.group(2)
    elif (week_match := _WEEK_FIRST.match(value)) is not None:
        week_text, year_text = week_match.group(1), week_match.group(2)
    if week_match is not None:
        start = date.fromisocalendar(_year(year_text), int(week_text), 1)
        return Period(start, start + timedelta(days=6), PeriodKind.WEEK)
    if match := _DAY.match(value):
        day = date(_year(match.group(1)), int(match.group(2)), int(match.group(3)))
        return Period(day, day, PeriodKind.DAY)
    return None


def _year(text: str) -> int:
    """Read a year within the range the register accepts."""
    year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError("year out of range")
    return year


def _half(year: int, half: int) -> Period:
    """Return the first or second half of a year."""
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), PeriodKind.HALF)
    return Period(date(year, 7, 1), date(year, 12, 31), PeriodKind.HALF)


def period_from_bounds(start: date, end: date) -> Period:
    """Rebuild a stored period from its first and last day; the granularity follows from them.

    Bounds that are no year, half-year, quarter, month, ISO week or day (which the register
    never stores) come back as a period of kind DAY spanning them.
    """
    if start == end:
        return Period(start, end, PeriodKind.DAY)
    if start.isoweekday() == 1 and end - start == timedelta(days=6):
        return Period(start, end, PeriodKind.WEEK)
    if start.day == 1 and end == _month_end(end.year, end.month) and start.year == end.year:
        months = end.month - start.month + 1
        kinds = {
            1: PeriodKind.MONTH,
            3: PeriodKind.QUARTER,
            6: PeriodKind.HALF,
            12: PeriodKind.YEAR,
        }
        kind = kinds.get(months)
        if kind is not None and (start.month - 1) % months == 0:
            return Period(start, end, kind)
    return Period(start, end, PeriodKind.DAY)


# ----------------------------------------------------------------------------------- values


_THOUSANDS = re.compile(r"[ \u00a0\u2009\u202f]")


def parse_number(text: str | None) -> float | None:
    """Read a number written the Swedish way (decimal comma, spaces between thousands), or None.

    Only ASCII digits count; a trailing % and the minus sign U+2212 are accepted.
    """
    raw = _THOUSANDS.sub("", (text or "").strip()).replace("\u2212", "-")
    return parse_decimal(raw.removesuffix("%"))


def format_number(value: float, language: str = "sv", *, grouping: bool = True) -> str:
    """Write a value with at most two decimals the language's way (CLDR): 1 234,5, 1,234.5."""
    return formats.number(language, value, grouping=grouping)


@dataclass(frozen=True)
class ValueInput:
    """What a coordinator typed and chose in the indicator value form, before validation."""

    indicator_id: str | None
    place: str | None
    period: str | None
    value: str | None
    source: str | None
    note: str | None


@dataclass(frozen=True)
class ValueDraft:
    """A validated indicator value, ready to store."""

    indicator_id: str
    place: str
    period: Period
    value: float
    source: str
    note: str


@dataclass(frozen=True)
class ValueCheck:
    """The outcome of validating the indicator value form."""

    draft: ValueDraft | None
    errors: tuple[FieldError, ...]


def validate_value(
    data: ValueInput, *, indicators: dict[str, IndicatorDef], places: set[str]
) -> ValueCheck:
    """Validate an indicator value on the server; return a draft or the inline errors."""
    errors: list[FieldError] = []
    indicator = indicators.get(data.indicator_id or "")
    if not data.indicator_id:
        errors.append(FieldError("indicator", CHOOSE_ONE))
    elif indicator is None:
        errors.append(FieldError("indicator", UNKNOWN_CHOICE))
    place = data.place or ""
    if not place:
        errors.append(FieldError("place", CHOOSE_ONE))
    elif place not in places:
        errors.append(FieldError("place", UNKNOWN_CHOICE))
    elif indicator is not None and indicator.county_only and place != COUNTY:
        errors.append(FieldError("place", t.COUNTY_ONLY))
    period = parse_period(data.period)
    if not clean_text(data.period):
        errors.append(FieldError("period", t.PERIOD_REQUIRED))
    elif period is None:
        errors.append(FieldError("period", t.PERIOD_INVALID))
    value = parse_number(data.value)
    if not clean_text(data.value):
        errors.append(FieldError("value", t.VALUE_REQUIRED))
    elif value is None:
        errors.append(FieldError("value", t.VALUE_INVALID))
    elif indicator is not None and (problem := _value_problem(indicator, value)) is not None:
        errors.append(FieldError("value", problem))
    source = clean_text(data.source)
    if error := check_text("source", source, max_length=SOURCE_MAX):
        errors.append(error)
    note = clean_text(data.note, multiline=True)
    if error := check_text("note", note, max_length=NOTE_MAX, required=False):
        errors.append(error)
    if errors or indicator is None or period is None or value is None:
        return ValueCheck(None, tuple(errors))
    return ValueCheck(ValueDraft(indicator.id, place, period, value, source, note), ())


def _value_problem(indicator: IndicatorDef, value: float) -> Msg | None:
    """Return what is wrong with a value for this indicator's unit, if anything."""
    if abs(value) > VALUE_MAX:
        return t.VALUE_INVALID
    if indicator.unit_kind is UnitKind.PERCENT and not 0 <= value <= 100:
        return t.VALUE_PERCENT
    if indicator.unit_kind is UnitKind.COUNT and (value < 0 or not value.is_integer()):
        return t.VALUE_COUNT
    if indicator.unit_kind is UnitKind.RATE and value < 0:
        return t.VALUE_NEGATIVE
    return None


@dataclass(frozen=True)
class IndicatorInput:
    """What a coordinator typed for a new indicator."""

    name: str | None
    unit: str | None
    direction: str | None


@dataclass(frozen=True)
class IndicatorCheck:
    """The outcome of validating a new indicator."""

    indicator: IndicatorDef | None
    errors: tuple[FieldError, ...]


def validate_indicator(
    data: IndicatorInput, *, existing: list[IndicatorDef], tr: Texts
) -> IndicatorCheck:
    """Validate a coordinator's new indicator; its id is derived from the name."""
    errors: list[FieldError] = []
    name = clean_text(data.name)
    unit = clean_text(data.unit)
    if error := check_text("name", name, max_length=NAME_MAX, min_length=NAME_MIN):
        errors.append(error)
    elif name.casefold() in {i.label(tr).casefold() for i in existing}:
        errors.append(FieldError("name", t.INDICATOR_EXISTS))
    if error := check_text("unit", unit, max_length=UNIT_MAX):
        errors.append(error)
    direction: Direction | None = None
    if not data.direction:
        errors.append(FieldError("direction", CHOOSE_ONE))
    else:
        try:
            direction = Direction(data.direction)
        except ValueError:
            errors.append(FieldError("direction", UNKNOWN_CHOICE))
    if errors or direction is None:
        return IndicatorCheck(None, tuple(errors))
    taken = {i.id for i in existing}
    base = "egen-" + _slug(name)
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base[:36]}-{number}", number + 1
    indicator = IndicatorDef(ident, name, unit, unit_kind_of(unit), direction, built_in=False)
    return IndicatorCheck(indicator, ())


def _slug(name: str) -> str:
    """Make the ascii part of an own indicator's id from its name."""
    folded = name.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:34].rstrip("-") or "indikator"


# ----------------------------------------------------------------------------------- trends

PERCENT_TOLERANCE = 1.0  # percentage points
RELATIVE_TOLERANCE = 0.10


def trend(latest: float, previous: float | None, unit_kind: UnitKind) -> Trend:
    """Compare the latest value with the one before it, within the unit's tolerance.

    Percentages move by at least one percentage point, counts by at least one, and
    other measures (wastewater loads, own units) by at least ten per cent of the
    earlier value before the bot calls it a change; smaller moves are stable.
    """
    if previous is None:
        return Trend.FIRST
    difference = latest - previous
    if unit_kind is UnitKind.PERCENT:
        moved = abs(difference) >= PERCENT_TOLERANCE
    elif unit_kind is UnitKind.COUNT:
        moved = abs(difference) >= 1
    elif previous == 0:
        moved = latest != 0
    else:
        moved = abs(difference) / abs(previous) >= RELATIVE_TOLERANCE
    if not moved:
        return Trend.STABLE
    return Trend.UP if difference > 0 else Trend.DOWN


def desired(direction: Direction, moved: Trend) -> bool | None:
    """Tell whether a move is the way the plan wants (None when there is no such way)."""
    if direction is Direction.NONE or moved in {Trend.STABLE, Trend.FIRST}:
        return None
    return (moved is Trend.DOWN) == (direction is Direction.DOWN)


@dataclass(frozen=True)
class Point:
    """One current value of a series: its period and value."""

    period: Period
    value: float


def latest_and_previous(points: Sequence[Point]) -> tuple[Point | None, Point | None]:
    """Return the latest point (its period ends last) and the one before of the same kind.

    Trends compare like with like: a quarter with the quarter before it, a year with the year
    before, never a year with a quarter. previous is None when the series holds no earlier
    period of the latest one's kind.
    """
    ordered = sorted(points, key=lambda p: p.period.order)
    if not ordered:
        return None, None
    latest = ordered[-1]
    earlier = [
        p
        for p in ordered[:-1]
        if p.period.kind is latest.period.kind and p.period.end < latest.period.start
    ]
    return latest, (earlier[-1] if earlier else None)
