"""The status summary's figures, by aggregate queries (GROUP BY, COUNT, SUM, AVG) only.

Nothing here loads all needs, trainings or answers into Python: each figure is one
aggregate query, and lists (the oldest needs, the indicator series) are limited in SQL.
The meetings and trainings registers are asked through their own query functions
where they offer one, else by aggregate queries on their tables.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from bot.config import Config
from bot.domain.indicators import COUNTY, IndicatorDef, latest_and_previous
from bot.domain.meetings import MeetingKind, MeetingStatus
from bot.domain.needs import OPEN_STATUSES, NeedStatus
from bot.domain.summary import (
    OLDEST_OPEN,
    Attendance,
    Compared,
    IndicatorSeries,
    MeetingsPart,
    MonthCounts,
    NeedsPart,
    OpenNeed,
    OrganizationNeeds,
    Participants,
    ReportBackPart,
    StatusSummary,
    TrainingKnowledge,
    TrainingsPart,
    Window,
    month_starts,
    owners_meetings_from_config,
    report_back,
    subject_figures,
    summary_window,
)
from bot.domain.trainings import SUBJECT_LABELS, Subject
from bot.texts import Texts
from bot.texts import followup as t
from storage import meetings, trainings
from storage.actions import actions_part
from storage.directory import organizations
from storage.indicators import all_indicators, series
from storage.models import Meeting, MeetingSeries, Need, NeedEvent
from storage.trainings import SubjectTotals

log = logging.getLogger(__name__)

_OPEN = [s.value for s in OPEN_STATUSES]


def _between(column: Any, start: datetime, end: datetime) -> ColumnElement[bool]:
    """Return start <= column < end."""
    return and_(column >= start, column < end)


def _count_if(condition: ColumnElement[bool]) -> Any:
    """Return SUM(CASE WHEN condition THEN 1 ELSE 0 END), 0 when there are no rows."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# ------------------------------------------------------------------------------------ window


def owners_meetings(
    session: Session, config: Config, now: datetime, count: int = 2
) -> list[datetime]:
    """Return the starts of the last owners' meetings before now, oldest first.

    The meetings register is asked first (held or still scheduled, not cancelled); without
    owners' meetings in it, the configuration's owners' series is expanded.
    """
    starts = list(
        session.scalars(
            select(Meeting.start)
            .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .where(
                MeetingSeries.kind == MeetingKind.OWNERS.value,
                Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.SCHEDULED.value]),
                Meeting.start < now,
            )
            .order_by(Meeting.start.desc())
            .limit(count)
        )
    )
    if starts:
        return sorted(starts)
    return owners_meetings_from_config(config.meetings, config.collaboration.tz, now, count)


def window_for(session: Session, config: Config, now: datetime) -> Window:
    """Return the summary's period (since the last owners' meeting) and the period before."""
    return summary_window(now, owners_meetings(session, config, now))


# ------------------------------------------------------------------------------------- needs


def needs_part(session: Session, window: Window, names: dict[str, str], tz: ZoneInfo) -> NeedsPart:
    """Return the needs figures of the period and the period before."""
    current = _between(Need.created_at, window.start, window.end)
    before = _between(Need.created_at, window.previous_start, window.start)
    is_open = Need.status.in_(_OPEN)
    rows = session.execute(
        select(
            Need.organization_id,
            _count_if(current),
            _count_if(before),
            _count_if(is_open),
        )
        .where(is_open | _between(Need.created_at, window.previous_start, window.end))
        .group_by(Need.organization_id)
    ).all()
    by_org = sorted(
        (
            OrganizationNeeds(str(oid), names.get(str(oid), str(oid)), int(n), int(nb), int(o))
            for oid, n, nb, o in rows
        ),
        key=lambda o: (-o.new, -o.open_now, o.name),
    )
    statuses = {
        NeedStatus(status): int(count)
        for status, count in session.execute(
            select(Need.status, func.count()).where(current).group_by(Need.status)
        ).all()
    }
    done_now, done_before = session.execute(
        select(
            func.count(
                func.distinct(
                    case((_between(NeedEvent.at, window.start, window.end), NeedEvent.need_id))
                )
            ),
            func.count(
                func.distinct(
                    case(
                        (
                            _between(NeedEvent.at, window.previous_start, window.start),
                            NeedEvent.need_id,
                        )
                    )
                )
            ),
        ).where(
            NeedEvent.to_status == NeedStatus.DONE.value,
            _between(NeedEvent.at, window.previous_start, window.end),
        )
    ).one()
    oldest = [
        OpenNeed(int(i), str(title), names.get(str(org), str(org)), NeedStatus(status), created)
        for i, title, org, status, created in session.execute(
            select(Need.id, Need.title, Need.organization_id, Need.status, Need.created_at)
            .where(is_open)
            .order_by(Need.created_at, Need.id)
            .limit(OLDEST_OPEN)
        ).all()
    ]
    return NeedsPart(
        new=Compared(sum(o.new for o in by_org), sum(o.new_before for o in by_org)),
        done=Compared(int(done_now or 0), int(done_before or 0)),
        open_now=sum(o.open_now for o in by_org),
        by_status=statuses,
        by_organization=tuple(by_org),
        oldest_open=tuple(oldest),
        months=tuple(_months(session, window, tz)),
    )


def new_needs_count(session: Session) -> int:
    """Return how many needs are new, waiting for the coordinators to take them up."""
    new = Need.status == NeedStatus.NEW.value
    return session.scalar(select(func.count()).select_from(Need).where(new)) or 0


def _months(session: Session, window: Window, tz: ZoneInfo) -> list[MonthCounts]:
    """Count needs per local month and status now, in one query of CASE sums."""
    starts = month_starts(window, tz)
    bounds = [*starts, window.end]
    columns = [
        _count_if(_between(Need.created_at, bounds[i], bounds[i + 1])) for i in range(len(starts))
    ]
    rows = session.execute(
        select(Need.status, *columns)
        .where(_between(Need.created_at, bounds[0], bounds[-1]))
        .group_by(Need.status)
    ).all()
    months = [MonthCounts(s.astimezone(tz).date(), {}) for s in starts]
    for row in rows:
        status = NeedStatus(row[0])
        for index, month in enumerate(months):
            if row[index + 1]:
                month.counts[status] = int(row[index + 1])
    return months


# ---------------------------------------------------------------------------------- meetings

CALL_LOOKAHEAD = timedelta(days=31)



def meetings_part(session: Session, window: Window, names: dict[str, str]) -> MeetingsPart:
    """Return meetings held and attendance per organisation at working-group meetings."""
    working = Compared(
        meetings.meetings_held(session, window.start, window.end, MeetingKind.WORKING_GROUP.value),
        meetings.meetings_held(
            session, window.previous_start, window.start, MeetingKind.WORKING_GROUP.value
        ),
    )
    every = Compared(
        meetings.meetings_held(session, window.start, window.end),
        meetings.meetings_held(session, window.previous_start, window.start),
    )
    attendance = meetings.attendance_by_organization(session, window.start, window.end)
    unconfirmed = meetings.meetings_unconfirmed(session, window.start, window.end)
    order = {oid: i for i, oid in enumerate(names)}
    rows = sorted(
        (
            Attendance(oid, names.get(oid, oid), int(attended), int(held))
            for oid, (attended, held) in attendance.items()
        ),
        key=lambda a: (order.get(a.organization_id, len(order)), a.name),
    )
    return MeetingsPart(True, working, every, tuple(rows), unconfirmed)


def meetings_without_call(session: Session, now: datetime) -> list[tuple[datetime, str]]:
    """Return (start, title) of coming working-group meetings whose call is due but not sent."""
    due = list(
        session.execute(
            select(Meeting.id, Meeting.start, MeetingSeries.title, MeetingSeries.call_before_s)
            .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .where(
                MeetingSeries.kind == MeetingKind.WORKING_GROUP.value,
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.start > now,
                Meeting.start <= now + CALL_LOOKAHEAD,
            )
            .order_by(Meeting.start)
            .limit(20)
        ).all()
    )
    return [
        (start, str(title))
        for ident, start, title, call_before in due
        if start - timedelta(seconds=int(call_before)) <= now
        and not meetings.reached_channel(session, int(ident))
    ]


# --------------------------------------------------------------------------------- trainings


def subject_label(tr: Texts, subject: str) -> str:
    """Return a training subject's name."""
    try:
        return tr(SUBJECT_LABELS[Subject(subject)])
    except ValueError:
        return subject


def trainings_part(session: Session, window: Window, tr: Texts, min_answers: int) -> TrainingsPart:
    """Return trainings held, participants by kind and the knowledge gain per subject."""
    now_rows = trainings.training_totals(session, window.start, window.end, min_answers=min_answers)
    before_rows = trainings.training_totals(
        session, window.previous_start, window.start, min_answers=min_answers
    )
    subjects = tuple(
        sorted(
            (
                subject_figures(
                    subject_label(tr, row.subject),
                    held=row.trainings_held,
                    registered=row.registered,
                    reported_trainings=row.reported,
                    participants=Participants(
                        row.expected_participants, row.reported_participants, row.answers
                    ),
                    mean_before=row.mean_before,
                    mean_after=row.mean_after,
                    mean_change=row.mean_change,
                    response_rate=row.response_rate,
                    min_answers=min_answers,
                )
                for row in now_rows
            ),
            key=lambda s: (-s.held, s.subject),
        )
    )
    per_training = tuple(
        TrainingKnowledge(row.title, row.mean_before, row.mean_after, row.n)
        for row in trainings.per_training_before_after(
            session, window.start, window.end, min_answers=min_answers
        )
        if row.mean_before is not None and row.mean_after is not None
    )

    def compared(figure: Callable[[SubjectTotals], int]) -> Compared:
        """Return one figure summed over the subjects, now and in the period before."""
        return Compared(sum(map(figure, now_rows)), sum(map(figure, before_rows)))

    return TrainingsPart(
        True,
        held=compared(lambda r: r.trainings_held),
        expected=compared(lambda r: r.expected_participants),
        reported=compared(lambda r: r.reported_participants),
        answered=compared(lambda r: r.answers),
        subjects=subjects,
        per_training=per_training,
    )


def report_back_part(
    session: Session, window: Window, organizations_in_order: Sequence[tuple[str, str]]
) -> ReportBackPart:
    """Return who reported back trainings in the period and who did not."""
    counts = trainings.report_back_status(session, window.start, window.end)
    return report_back(counts, organizations_in_order)


# -------------------------------------------------------------------------------- indicators


def place_name(place: str, names: dict[str, str], tr: Texts) -> str:
    """Return a place's name: the county, or a municipality."""
    return tr(t.PLACE_COUNTY) if place == COUNTY else names.get(place, place)


def indicator_series(
    session: Session, names: dict[str, str], tr: Texts
) -> tuple[IndicatorSeries, ...]:
    """Return every indicator series with its latest value and trend, catalogue order."""
    catalogue: list[IndicatorDef] = all_indicators(session)
    order = {ind.id: i for i, ind in enumerate(catalogue)}
    by_id = {ind.id: ind for ind in catalogue}
    found: list[IndicatorSeries] = []
    for item in series(session):
        indicator = by_id.get(item.indicator_id)
        latest, previous = latest_and_previous(item.points)
        if indicator is None or latest is None:
            continue
        found.append(
            IndicatorSeries(
                indicator.id,
                indicator.label(tr),
                indicator.unit_label(tr),
                indicator.unit_kind,
                indicator.direction,
                place_name(item.place, names, tr),
                tuple(item.points),
                latest,
                previous,
            )
        )
    found.sort(
        key=lambda s: (order.get(s.indicator_id, 999), s.place != tr(t.PLACE_COUNTY), s.place)
    )
    return tuple(found)


# ----------------------------------------------------------------------------------- summary


def build_summary(session: Session, config: Config, tr: Texts, now: datetime) -> StatusSummary:
    """Compute the whole status summary for the period since the last owners' meeting."""
    window = window_for(session, config, now)
    orgs = organizations(session)
    names = {o.id: o.name for o in organizations(session, include_inactive=True)}
    in_order = [(o.id, o.name) for o in orgs]
    min_answers = config.evaluations.min_answers
    return StatusSummary(
        name=config.collaboration.name,
        generated_at=now,
        window=window,
        needs=needs_part(session, window, names, config.collaboration.tz),
        meetings=meetings_part(session, window, names),
        trainings=trainings_part(session, window, tr, min_answers),
        report_back=report_back_part(session, window, in_order),
        indicators=indicator_series(session, names, tr),
        min_answers=min_answers,
        actions=actions_part(session, window.start, window.end, _today(config, now), names),
    )


def _today(config: Config, now: datetime) -> date:
    """Return the collaboration's date at now (actions are due by dates)."""
    return now.astimezone(config.collaboration.tz).date()
