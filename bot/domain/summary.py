"""The owners' status summary as plain data: the plan's parts, this period against the last."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from bot.config import MeetingSeries
from bot.domain.actions import ActionsPart
from bot.domain.indicators import Direction, Point, Trend, UnitKind, desired, trend
from bot.domain.needs import NeedStatus

DEFAULT_PERIOD = timedelta(days=182)
MISSED_NAMED = 3  # more organisations tied at the top are counted, not named
OLDEST_OPEN = 5
CHART_MONTHS_MAX = 24


@dataclass(frozen=True)
class Window:
    """The period the summary covers and the period before it, as aware UTC datetimes."""

    start: datetime
    end: datetime
    previous_start: datetime
    since_owners_meeting: bool

    @property
    def previous_end(self) -> datetime:
        """Return where the period before ends: where this one starts."""
        return self.start


def summary_window(now: datetime, owners_meetings: Iterable[datetime]) -> Window:
    """Cover the time since the last owners' meeting, and compare with the time before it.

    Without an earlier owners' meeting the period is the last half year. The period
    before runs from the owners' meeting before that (or is as long as this one).
    """
    past = sorted(m for m in owners_meetings if m < now)
    if not past:
        start = now - DEFAULT_PERIOD
        return Window(start, now, start - DEFAULT_PERIOD, since_owners_meeting=False)
    start = past[-1]
    previous = past[-2] if len(past) > 1 else start - (now - start)
    return Window(start, now, previous, since_owners_meeting=True)


def owners_meetings_from_config(
    series: Sequence[MeetingSeries], tz: ZoneInfo, before: datetime, count: int = 2
) -> list[datetime]:
    """Expand the owners' meeting rules in local time; return the last starts before a moment.

    Used when the meetings register has no occurrences to offer; a holiday shift of a
    day does not matter for the period a summary covers.
    """
    found: list[datetime] = []
    local_before = before.astimezone(tz).replace(tzinfo=None)
    for entry in series:
        if entry.kind != "owners":
            continue
        rule = rrulestr(entry.rrule, dtstart=entry.start)
        starts = [
            moment
            for moment in rule.between(entry.start - timedelta(days=1), local_before, inc=False)
            if moment.month not in entry.skip_months
        ]
        found += [s.replace(tzinfo=tz).astimezone(before.tzinfo) for s in starts[-count:]]
    return sorted(found)[-count:]


@dataclass(frozen=True)
class Compared:
    """A figure for this period and for the period before."""

    current: float
    previous: float

    @property
    def arrow(self) -> str:
        """Return ↑, ↓ or → for how the figure moved."""
        if self.current > self.previous:
            return "↑"
        if self.current < self.previous:
            return "↓"
        return "→"


@dataclass(frozen=True)
class OrganizationNeeds:
    """One organisation's needs: new this period and before, and open now."""

    organization_id: str
    name: str
    new: int
    new_before: int
    open_now: int


@dataclass(frozen=True)
class OpenNeed:
    """One of the oldest needs still open."""

    id: int
    title: str
    organization: str
    status: NeedStatus
    created_at: datetime


@dataclass(frozen=True)
class MonthCounts:
    """Needs presented in one month, by their status now."""

    month: date
    counts: dict[NeedStatus, int]

    @property
    def total(self) -> int:
        """Return how many needs came in that month."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class NeedsPart:
    """Needs: new, completed, by status, by organisation, the oldest open, and per month."""

    new: Compared
    done: Compared
    open_now: int
    by_status: dict[NeedStatus, int]
    by_organization: tuple[OrganizationNeeds, ...]
    oldest_open: tuple[OpenNeed, ...]
    months: tuple[MonthCounts, ...]


@dataclass(frozen=True)
class Attendance:
    """How many working-group meetings an organisation attended of those it was invited to.

    held counts the working-group meetings held in the period that the organisation was
    invited to (every partner is invited to every working-group meeting).
    """

    organization_id: str
    name: str
    attended: int
    held: int

    @property
    def missed(self) -> int:
        """Return how many meetings the organisation missed."""
        return max(self.held - self.attended, 0)

    @property
    def rate(self) -> float | None:
        """Return the share attended, 0-1, or None when no meeting was held."""
        return self.attended / self.held if self.held else None


@dataclass(frozen=True)
class Missed:
    """Organisations that missed the same number of meetings, of those they were invited to."""

    missed: int
    invited: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class MeetingsPart:
    """Meetings held, those not followed up, attendance per organisation and who missed most.

    A meeting counts as held only when attendance was recorded or a coordinator confirmed it;
    not_followed_up counts the period's ended meetings with neither.
    """

    available: bool
    working_group: Compared = field(default_factory=lambda: Compared(0, 0))
    all_meetings: Compared = field(default_factory=lambda: Compared(0, 0))
    attendance: tuple[Attendance, ...] = ()
    not_followed_up: int = 0

    @property
    def missed_most(self) -> tuple[Attendance, ...]:
        """Return the organisations that missed the most meetings, ties included (any missed)."""
        top = self.missed_ranking
        if top is None:
            return ()
        return tuple(a for a in self.attendance if (a.missed, a.held) == (top.missed, top.invited))

    @property
    def missed_ranking(self) -> Missed | None:
        """Return who missed the most meetings, all tied at the top named; None if nobody missed.

        Ties are never broken by the alphabet: the summary says how many share the place.
        """
        missing = [a for a in self.attendance if a.missed > 0]
        if not missing:
            return None
        worst = max(missing, key=lambda a: (a.missed, a.missed / a.held if a.held else 0))
        tied = sorted(
            (a for a in missing if (a.missed, a.held) == (worst.missed, worst.held)),
            key=lambda a: a.name,
        )
        return Missed(worst.missed, worst.held, tuple(a.name for a in tied))


@dataclass(frozen=True)
class Participants:
    """Participants of trainings, never added up across kinds.

    expected: what the registrations expected (the trainings evaluated by the bot); reported:
    what partners reported back as having taken part; answered: the evaluation answers.
    """

    expected: int
    reported: int
    answered: int


@dataclass(frozen=True)
class SubjectFigures:
    """A subject's trainings: held (registered, reported back), participants and the evaluation."""

    subject: str
    held: int
    registered: int
    reported_trainings: int
    participants: Participants
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    response_rate: float | None
    shown: bool

    @property
    def answers(self) -> int:
        """Return how many answered the subject's evaluations."""
        return self.participants.answered


@dataclass(frozen=True)
class TrainingKnowledge:
    """One training's mean knowledge before and after (only when enough answered)."""

    label: str
    mean_before: float
    mean_after: float
    answers: int


@dataclass(frozen=True)
class TrainingsPart:
    """Trainings held, participants kept apart by kind, and knowledge gain per subject.

    expected, reported and answered are never added together: an expected participant is not
    a person trained, and a reported one was not asked.
    """

    available: bool
    held: Compared = field(default_factory=lambda: Compared(0, 0))
    expected: Compared = field(default_factory=lambda: Compared(0, 0))
    reported: Compared = field(default_factory=lambda: Compared(0, 0))
    answered: Compared = field(default_factory=lambda: Compared(0, 0))
    subjects: tuple[SubjectFigures, ...] = ()
    per_training: tuple[TrainingKnowledge, ...] = ()


@dataclass(frozen=True)
class ReportBackPart:
    """Which organisations reported back their trainings, and which did not."""

    available: bool
    reported: tuple[tuple[str, int], ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator at one place: its latest value, the one before, and the trend."""

    indicator_id: str
    name: str
    unit: str
    unit_kind: UnitKind
    direction: Direction
    place: str
    points: tuple[Point, ...]
    latest: Point
    previous: Point | None

    @property
    def trend(self) -> Trend:
        """Return how the latest value compares with the one before."""
        previous = self.previous.value if self.previous is not None else None
        return trend(self.latest.value, previous, self.unit_kind)

    @property
    def wanted(self) -> bool | None:
        """Tell whether the move is the way the plan wants (None: no move or no way)."""
        return desired(self.direction, self.trend)


@dataclass(frozen=True)
class StatusSummary:
    """The whole status summary for the owners, following the plan's parts."""

    name: str
    generated_at: datetime
    window: Window
    needs: NeedsPart
    meetings: MeetingsPart
    trainings: TrainingsPart
    report_back: ReportBackPart
    indicators: tuple[IndicatorSeries, ...]
    min_answers: int
    actions: ActionsPart | None = None


def report_back(counts: dict[str, int], organizations: Sequence[tuple[str, str]]) -> ReportBackPart:
    """Split the organisations into those that reported trainings (with counts) and the rest."""
    reported = tuple((name, counts[oid]) for oid, name in organizations if counts.get(oid, 0) > 0)
    missing = tuple(name for oid, name in organizations if counts.get(oid, 0) <= 0)
    return ReportBackPart(True, reported, missing)


def subject_figures(
    subject: str,
    *,
    held: int,
    registered: int,
    reported_trainings: int,
    participants: Participants,
    mean_before: float | None,
    mean_after: float | None,
    mean_change: float | None,
    response_rate: float | None,
    min_answers: int,
) -> SubjectFigures:
    """Return a subject's figures, hiding the means when fewer than min_answers answered."""
    answers = participants.answered
    shown = answers >= min_answers and mean_before is not None and mean_after is not None
    return SubjectFigures(
        subject,
        held,
        registered,
        reported_trainings,
        participants,
        mean_before if shown else None,
        mean_after if shown else None,
        mean_change if shown else None,
        response_rate,
        shown,
    )


def month_starts(window: Window, tz: ZoneInfo, months: int = CHART_MONTHS_MAX) -> list[datetime]:
    """Return the local month starts from the period before up to now, as UTC, at most months."""
    local_end = window.end.astimezone(tz)
    first = window.previous_start.astimezone(tz)
    year, month = first.year, first.month
    starts: list[datetime] = []
    while (year, month) <= (local_end.year, local_end.month):
        starts.append(datetime(year, month, 1, tzinfo=tz))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    starts = starts[-months:]
    return [s.astimezone(window.end.tzinfo) for s in starts]
