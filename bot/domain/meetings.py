"""Meeting rules: recurrence in local wall time, Swedish holidays, lead times, forms, calendars.

Rules are expanded with dateutil in the collaboration's local wall time and only then
localised with zoneinfo, so a 09:00 meeting stays at 09:00 across the daylight-saving
switches. Swedish public holidays (and the de facto ones: midsummer, Christmas and
New Year's Eve) skip or move a meeting as the series says; Sundays as such do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.rrule import rrule, rrulestr
from holidays.constants import DE_FACTO, PUBLIC
from icalendar import Calendar, Event

from bot.domain.access import Actor
from bot.domain.validation import (
    FieldError,
    check_text,
    clean_text,
    parse_count,
    parse_date,
    parse_time,
)
from bot.durations import parse_duration
from bot.texts import meetings as t
from bot.texts.common import CHOOSE_ONE, REQUIRED, UNKNOWN_CHOICE

HORIZON = timedelta(days=400)
MAX_PER_YEAR = 60
TITLE_MIN = 3
TITLE_MAX = 100
LOCATION_MAX = 200
AGENDA_ITEM_MAX = 300
AGENDA_LINES_MAX = 15
SUBSTITUTE_MAX = 100
REASON_MAX = 300
RRULE_MAX = 300
LEAD_MAX = timedelta(days=365)
DURATION_MAX = timedelta(hours=24)
DAY = timedelta(days=1)
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY = re.compile(r"^(-1|[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
_RULE_INTERVAL = re.compile(r"(?:^|;)INTERVAL=([^;]*)")
RULE_INTERVAL_MAX = 1000


class MeetingKind(StrEnum):
    """The three meetings of the plan's rhythm."""

    WORKING_GROUP = "working_group"
    PLANNING = "planning"
    OWNERS = "owners"


class OnHoliday(StrEnum):
    """What happens to a meeting that falls on a Swedish public holiday."""

    SKIP = "skip"
    NEXT_WEEKDAY = "next_weekday"
    PREVIOUS_WEEKDAY = "previous_weekday"


class MeetingStatus(StrEnum):
    """Where a meeting is: coming, cancelled, held, not followed up, or dropped.

    A meeting that has ended counts as held only when attendance was recorded or a coordinator
    confirmed it; until then it is unconfirmed (not followed up). A meeting that did not take
    place after all is cancelled. Dropped: its series changed or paused before anyone heard.
    """

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    HELD = "held"
    UNCONFIRMED = "unconfirmed"
    DROPPED = "dropped"


class Answer(StrEnum):
    """A person's answer to a meeting call."""

    YES = "yes"
    NO = "no"
    SUBSTITUTE = "substitute"


class Frequency(StrEnum):
    """The recurrences the series form offers without writing an RFC 5545 rule."""

    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    HALF_YEARLY = "half_yearly"


KIND_LABELS = {
    MeetingKind.WORKING_GROUP: t.KIND_WORKING_GROUP,
    MeetingKind.PLANNING: t.KIND_PLANNING,
    MeetingKind.OWNERS: t.KIND_OWNERS,
}
ON_HOLIDAY_LABELS = {
    OnHoliday.SKIP: t.ON_HOLIDAY_SKIP,
    OnHoliday.NEXT_WEEKDAY: t.ON_HOLIDAY_NEXT,
    OnHoliday.PREVIOUS_WEEKDAY: t.ON_HOLIDAY_PREVIOUS,
}
FREQUENCY_LABELS = {
    Frequency.WEEKLY: t.FREQ_WEEKLY,
    Frequency.BIWEEKLY: t.FREQ_BIWEEKLY,
    Frequency.MONTHLY: t.FREQ_MONTHLY,
    Frequency.HALF_YEARLY: t.FREQ_HALF_YEARLY,
}
WEEK_LABELS = {
    "1": t.WEEK_1,
    "2": t.WEEK_2,
    "3": t.WEEK_3,
    "4": t.WEEK_4,
    "-1": t.WEEK_LAST,
}


# --------------------------------------------------------------------------- time


def to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    """Localise a wall-clock time: the spring gap moves forward, the autumn overlap is the first."""
    return local.replace(tzinfo=tz).astimezone(UTC)


def to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    """Return the naive wall-clock time of an aware moment in tz."""
    return moment.astimezone(tz).replace(tzinfo=None)


def due_before(start: datetime, lead: timedelta, tz: ZoneInfo) -> datetime:
    """Return when something lead before start is due; whole days keep the wall-clock time."""
    if lead and lead % DAY == timedelta(0):
        return to_utc(to_local(start, tz) - lead, tz)
    return start - lead


@lru_cache(maxsize=64)
def _holidays_of(year: int, language: str = "sv") -> dict[date, str]:
    """Compute (once per year and language) Sweden's holidays by date."""
    calendar = holidays.country_holidays(
        "SE",
        years=year,
        categories=(PUBLIC, DE_FACTO),
        language="sv" if language == "sv" else "en_US",
        include_sundays=False,
    )
    return {day: str(name) for day, name in calendar.items()}


def swedish_holidays(year: int, language: str = "sv") -> dict[date, str]:
    """Return Sweden's public and de facto holidays of a year (Sundays as such are not)."""
    return dict(_holidays_of(year, language))


def holiday_name(day: date, language: str = "sv") -> str | None:
    """Return the name of the Swedish holiday on day, if it is one."""
    return _holidays_of(day.year, language).get(day)


def is_workday(day: date) -> bool:
    """Tell whether day is a weekday that is not a holiday."""
    return day.weekday() < 5 and holiday_name(day) is None


# How far a message can move back to a working day (Easter: Good Friday to Easter Monday).
WORKDAY_SHIFT_MAX = timedelta(days=7)


def send_time(start: datetime, lead: timedelta, tz: ZoneInfo) -> datetime:
    """Return when a call, reminder or summary lead before start goes out: on a working day.

    A moment that falls on a weekend or a Swedish public holiday (before the meeting's own
    day) goes out on the working day before, at the same wall-clock time: the reminder of a
    meeting moved off Ascension Day to the Friday goes out on the Wednesday, not on the
    holiday. Whole-day leads keep the wall-clock time (see due_before).
    """
    due = due_before(start, lead, tz)
    local = to_local(due, tz)
    meeting_day = to_local(start, tz).date()
    day = local.date()
    while day < meeting_day and not is_workday(day):
        day -= DAY
    if day == local.date():
        return due
    return to_utc(datetime.combine(day, local.time()), tz)


def shift_for_holiday(day: date, rule: OnHoliday) -> date | None:
    """Return the day a meeting on day is held; None when it is skipped."""
    if holiday_name(day) is None:
        return day
    if rule is OnHoliday.SKIP:
        return None
    step = DAY if rule is OnHoliday.NEXT_WEEKDAY else -DAY
    moved = day + step
    while not is_workday(moved):
        moved += step
    return moved


# ---------------------------------------------------------------------- recurrence


@dataclass(frozen=True)
class SeriesRule:
    """What a meeting series says about when its meetings are."""

    rrule: str
    start: datetime  # naive local wall time of the first meeting
    duration: timedelta
    skip_months: frozenset[int] = frozenset()
    on_holiday: OnHoliday = OnHoliday.NEXT_WEEKDAY


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting as the rule plans it, after skipped months and holidays."""

    rule_key: str  # the local date the rule gives, before any holiday move
    start: datetime  # aware UTC
    end: datetime  # aware UTC
    moved_from: date | None = None


def parse_rule(text: str, start: datetime) -> rrule:
    """Parse an RFC 5545 rule anchored at the naive local start, or raise ValueError."""
    if "DTSTART" in text.upper() or "\n" in text:
        raise ValueError("give only the rule, without DTSTART")
    parsed = rrulestr(text, dtstart=start)
    if not isinstance(parsed, rrule):
        raise ValueError("give one rule")  # noqa: TRY004 - a value problem, shown to the user
    return parsed


def plan_meetings(
    rule: SeriesRule, tz: ZoneInfo, after: datetime, until: datetime
) -> list[PlannedMeeting]:
    """Return the meetings whose start is in (after, until], at most one per rule date."""
    recurrence = parse_rule(rule.rrule, rule.start)
    margin = timedelta(days=10)
    local_from = max(to_local(after, tz) - margin, rule.start)
    local_to = to_local(until, tz) + margin
    planned: dict[str, PlannedMeeting] = {}
    for instance in recurrence.between(local_from, local_to, inc=True):
        key = instance.date().isoformat()
        if key in planned or instance.month in rule.skip_months:
            continue
        day = shift_for_holiday(instance.date(), rule.on_holiday)
        if day is None or day.month in rule.skip_months:
            continue
        local_start = datetime.combine(day, instance.time())
        start = to_utc(local_start, tz)
        if not after < start <= until:
            continue
        end = to_utc(local_start + rule.duration, tz)
        moved = instance.date() if day != instance.date() else None
        planned[key] = PlannedMeeting(key, start, end, moved)
        if len(planned) >= MAX_PER_YEAR * 2:
            break
    return sorted(planned.values(), key=lambda p: p.start)


def count_in_first_year(rule_text: str, start: datetime) -> int:
    """Count the rule's dates in the year after start, stopping past MAX_PER_YEAR."""
    recurrence = parse_rule(rule_text, start)
    limit = start + timedelta(days=365)
    count = 0
    for instance in recurrence.xafter(start, count=MAX_PER_YEAR + 1, inc=True):
        if instance > limit:
            break
        count += 1
    return count


# ----------------------------------------------------------------- friendly rules


@dataclass(frozen=True)
class FriendlyRule:
    """A rule the form can show without RFC 5545: how often, and which weeks of the month."""

    frequency: Frequency
    weekday: int  # 0 = Monday
    weeks: tuple[str, ...] = ()


def week_of_month(day: date) -> str:
    """Return which of the month's weekdays day is: 1-4, or -1 for a fifth (the last)."""
    ordinal = (day.day - 1) // 7 + 1
    return "-1" if ordinal == 5 else str(ordinal)


def build_rule(frequency: Frequency, weekday: int, weeks: Sequence[str]) -> str:
    """Write the RFC 5545 rule for a friendly choice."""
    code = WEEKDAY_CODES[weekday]
    if frequency is Frequency.WEEKLY:
        return f"FREQ=WEEKLY;BYDAY={code}"
    if frequency is Frequency.BIWEEKLY:
        return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={code}"
    ordered = sorted(set(weeks), key=lambda w: 9 if w == "-1" else int(w))
    byday = ",".join(f"{w}{code}" for w in ordered)
    if frequency is Frequency.HALF_YEARLY:
        return f"FREQ=MONTHLY;INTERVAL=6;BYDAY={byday}"
    return f"FREQ=MONTHLY;BYDAY={byday}"


def friendly_rule(text: str) -> FriendlyRule | None:
    """Recognise a rule the form can offer as a choice; None for any other rule."""
    try:
        parts = dict(part.split("=", 1) for part in text.upper().strip().split(";") if part)
    except ValueError:
        return None
    if not set(parts) <= {"FREQ", "INTERVAL", "BYDAY"} or "BYDAY" not in parts:
        return None
    days = [_BYDAY.match(item) for item in parts["BYDAY"].split(",")]
    if not all(days) or len({m.group(2) for m in days if m}) != 1:
        return None
    weekday = WEEKDAY_CODES.index(days[0].group(2)) if days[0] else 0
    weeks = tuple(m.group(1) or "" for m in days if m)
    freq, interval = parts.get("FREQ"), parts.get("INTERVAL", "1")
    if freq == "WEEKLY" and len(weeks) == 1 and weeks[0] == "":
        if interval == "1":
            return FriendlyRule(Frequency.WEEKLY, weekday)
        if interval == "2":
            return FriendlyRule(Frequency.BIWEEKLY, weekday)
        return None
    if freq != "MONTHLY" or "" in weeks or interval not in {"1", "6"}:
        return None
    frequency = Frequency.MONTHLY if interval == "1" else Frequency.HALF_YEARLY
    return FriendlyRule(frequency, weekday, weeks)


# ------------------------------------------------------------------------- forms


@dataclass(frozen=True)
class SeriesInput:
    """What a coordinator typed and chose in the meeting-series form, before validation."""

    kind: str | None
    title: str | None
    first_date: str | None
    first_time: str | None
    duration: str | None
    frequency: str | None
    weeks: list[str]
    rrule: str | None
    location: str | None
    call_before: str | None
    reminder_before: str | None
    summary_before: str | None
    skip_months: list[str]
    on_holiday: str | None
    agenda: str | None


@dataclass(frozen=True)
class SeriesDraft:
    """A validated meeting series, ready to store."""

    kind: MeetingKind
    title: str
    rrule: str
    start: datetime
    duration: timedelta
    location: str
    call_before: timedelta
    reminder_before: timedelta
    summary_before: timedelta | None
    skip_months: tuple[int, ...]
    on_holiday: OnHoliday
    agenda: tuple[str, ...]


@dataclass(frozen=True)
class SeriesCheck:
    """The outcome of validating the series form."""

    draft: SeriesDraft | None
    errors: tuple[FieldError, ...] = ()


def _duration_field(
    name: str, value: str | None, errors: list[FieldError], *, required: bool, maximum: timedelta
) -> timedelta | None:
    """Parse one duration field of the form, noting its error."""
    text = clean_text(value)
    if not text:
        if required:
            errors.append(FieldError(name, REQUIRED))
        return None
    try:
        parsed = parse_duration(text)
    except ValueError:
        errors.append(FieldError(name, t.BAD_DURATION, {"value": text[:20]}))
        return None
    if not timedelta(0) < parsed <= maximum:
        errors.append(FieldError(name, t.DURATION_RANGE))
        return None
    return parsed


def _rule_of(data: SeriesInput, start: datetime, errors: list[FieldError]) -> str | None:
    """Return the form's rule: the custom rule if given, else the one the choices make."""
    custom = clean_text(data.rrule).upper().replace(" ", "")
    if custom:
        interval = _RULE_INTERVAL.search(custom)
        if (
            len(custom) > RRULE_MAX
            or not custom.isascii()
            or (interval and parse_count(interval.group(1), 1, RULE_INTERVAL_MAX) is None)
        ):
            errors.append(FieldError("rrule", t.BAD_RRULE))
            return None
        try:
            parse_rule(custom, start)
        except (ValueError, TypeError):
            errors.append(FieldError("rrule", t.BAD_RRULE))
            return None
        return custom
    try:
        frequency = Frequency(data.frequency or "")
    except ValueError:
        errors.append(FieldError("frequency", CHOOSE_ONE if not data.frequency else UNKNOWN_CHOICE))
        return None
    weeks = list(data.weeks)
    if any(w not in WEEK_LABELS for w in weeks):
        errors.append(FieldError("weeks", UNKNOWN_CHOICE))
        return None
    if frequency in {Frequency.MONTHLY, Frequency.HALF_YEARLY} and not weeks:
        weeks = [week_of_month(start.date())]
    return build_rule(frequency, start.weekday(), weeks)


def validate_series(data: SeriesInput) -> SeriesCheck:
    """Validate the series form on the server; return a draft or the inline errors."""
    errors: list[FieldError] = []
    kind: MeetingKind | None = None
    try:
        kind = MeetingKind(data.kind or "")
    except ValueError:
        errors.append(FieldError("kind", CHOOSE_ONE))
    title = clean_text(data.title)
    if error := check_text("title", title, max_length=TITLE_MAX, min_length=TITLE_MIN):
        errors.append(error)
    location = clean_text(data.location)
    if error := check_text("location", location, max_length=LOCATION_MAX, required=False):
        errors.append(error)
    first_date, first_time = parse_date(data.first_date), parse_time(data.first_time)
    if first_date is None:
        errors.append(FieldError("first_date", REQUIRED))
    if first_time is None:
        errors.append(FieldError("first_time", REQUIRED))
    duration = _duration_field(
        "duration", data.duration, errors, required=True, maximum=DURATION_MAX
    )
    call = _duration_field("call_before", data.call_before, errors, required=True, maximum=LEAD_MAX)
    reminder = _duration_field(
        "reminder_before", data.reminder_before, errors, required=True, maximum=LEAD_MAX
    )
    summary = _duration_field(
        "summary_before", data.summary_before, errors, required=False, maximum=LEAD_MAX
    )
    if call is not None and reminder is not None and reminder > call:
        errors.append(FieldError("reminder_before", t.REMINDER_AFTER_CALL))
    try:
        on_holiday = OnHoliday(data.on_holiday or OnHoliday.NEXT_WEEKDAY.value)
    except ValueError:
        errors.append(FieldError("on_holiday", UNKNOWN_CHOICE))
        on_holiday = OnHoliday.NEXT_WEEKDAY
    months: list[int] = []
    for value in data.skip_months:
        month = parse_count(value, 1, 12)
        if month is None:
            errors.append(FieldError("skip_months", UNKNOWN_CHOICE))
            break
        months.append(month)
    agenda = [line.strip(" •-*\t") for line in clean_text(data.agenda, multiline=True).split("\n")]
    agenda = [line for line in agenda if line]
    if len(agenda) > AGENDA_LINES_MAX:
        errors.append(FieldError("agenda", t.AGENDA_TOO_MANY, {"limit": AGENDA_LINES_MAX}))
    for line in agenda:
        if error := check_text("agenda", line, max_length=AGENDA_ITEM_MAX):
            errors.append(error)
            break
    rule: str | None = None
    if first_date is not None and first_time is not None:
        start = datetime.combine(first_date, first_time)
        rule = _rule_of(data, start, errors)
        where = "rrule" if clean_text(data.rrule) else "frequency"
        count = count_in_first_year(rule, start) if rule is not None else None
        if count is not None and count > MAX_PER_YEAR:
            errors.append(FieldError(where, t.RULE_TOO_FREQUENT, {"limit": MAX_PER_YEAR}))
            rule = None
        elif count == 0:
            errors.append(FieldError(where, t.RULE_EMPTY))
            rule = None
    if errors or kind is None or rule is None or first_date is None or first_time is None:
        return SeriesCheck(None, tuple(errors))
    if duration is None or call is None or reminder is None:
        return SeriesCheck(None, tuple(errors))
    draft = SeriesDraft(
        kind=kind,
        title=title,
        rrule=rule,
        start=datetime.combine(first_date, first_time),
        duration=duration,
        location=location,
        call_before=call,
        reminder_before=reminder,
        summary_before=summary,
        skip_months=tuple(sorted(set(months))),
        on_holiday=on_holiday,
        agenda=tuple(agenda),
    )
    return SeriesCheck(draft)


@dataclass(frozen=True)
class MoveCheck:
    """The outcome of validating a move of one meeting."""

    start: datetime | None
    reason: str
    errors: tuple[FieldError, ...] = ()


def validate_move(
    new_date: str | None, new_time: str | None, reason: str | None, *, now: datetime, tz: ZoneInfo
) -> MoveCheck:
    """Validate the new date and time of a meeting (local) and the optional reason."""
    errors: list[FieldError] = []
    day, moment = parse_date(new_date), parse_time(new_time)
    if day is None:
        errors.append(FieldError("date", REQUIRED))
    if moment is None:
        errors.append(FieldError("time", REQUIRED))
    text = clean_text(reason, multiline=True)
    if error := check_text("reason", text, max_length=REASON_MAX, required=False):
        errors.append(error)
    if day is None or moment is None:
        return MoveCheck(None, text, tuple(errors))
    start = to_utc(datetime.combine(day, moment), tz)
    if start <= now:
        errors.append(FieldError("date", t.MOVE_IN_PAST))
    if errors:
        return MoveCheck(None, text, tuple(errors))
    return MoveCheck(start, text)


def validate_reason(reason: str | None) -> tuple[str, FieldError | None]:
    """Validate an optional reason for cancelling a meeting."""
    text = clean_text(reason, multiline=True)
    return text, check_text("reason", text, max_length=REASON_MAX, required=False)


def validate_agenda_item(text: str | None) -> tuple[str, FieldError | None]:
    """Validate an agenda item a partner adds."""
    cleaned = clean_text(text, multiline=True)
    return cleaned, check_text("agenda_item", cleaned, max_length=AGENDA_ITEM_MAX, min_length=3)


def validate_substitute(name: str | None) -> tuple[str, FieldError | None]:
    """Validate the name of the substitute a partner sends."""
    cleaned = " ".join(clean_text(name).split())
    return cleaned, check_text(
        "substitute_name", cleaned, max_length=SUBSTITUTE_MAX, min_length=2
    )


# -------------------------------------------------------------------- who and what


def may_manage(actor: Actor) -> bool:
    """Tell whether the actor may create, change, pause, move and cancel meetings."""
    return actor.is_coordinator


def kinds_for(actor: Actor, communicator: bool = False) -> set[MeetingKind]:
    """Return the kinds of meeting the actor takes part in."""
    kinds: set[MeetingKind] = set()
    if actor.organization_id is not None or actor.roles:
        kinds.add(MeetingKind.WORKING_GROUP)
    if actor.is_coordinator or communicator:
        kinds.add(MeetingKind.PLANNING)
    if actor.is_coordinator or actor.is_owner:
        kinds.add(MeetingKind.OWNERS)
    return kinds


@dataclass
class OrganizationAnswers:
    """How one organisation answered a call."""

    yes: int = 0
    no: int = 0
    substitutes: list[str] = field(default_factory=list)

    @property
    def attending(self) -> bool:
        """Tell whether the organisation will be there (itself or by substitute)."""
        return self.yes > 0 or bool(self.substitutes)


def count_answers(
    answers: Iterable[tuple[str | None, str, str | None]],
) -> dict[str | None, OrganizationAnswers]:
    """Count (organisation, answer, substitute name) triples per organisation."""
    counted: dict[str | None, OrganizationAnswers] = {}
    for organization, answer, substitute in answers:
        entry = counted.setdefault(organization, OrganizationAnswers())
        if answer == Answer.YES:
            entry.yes += 1
        elif answer == Answer.NO:
            entry.no += 1
        elif answer == Answer.SUBSTITUTE:
            entry.substitutes.append(substitute or "?")
    return counted


# ---------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class CalendarEntry:
    """One meeting as a calendar shows it."""

    uid: str
    title: str
    start: datetime
    end: datetime
    location: str
    cancelled: bool
    sequence: int
    description: str = ""


def calendar_ics(entries: Sequence[CalendarEntry], name: str, now: datetime) -> bytes:
    """Return an iCalendar (RFC 5545) file of the entries."""
    calendar = Calendar()
    calendar.add("prodid", "-//Samverkansbot//Gavleborg mot narkotika//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", entry.start.astimezone(UTC))
        event.add("dtend", entry.end.astimezone(UTC))
        event.add("summary", entry.title)
        if entry.location:
            event.add("location", entry.location)
        if entry.description:
            event.add("description", entry.description)
        event.add("sequence", entry.sequence)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
