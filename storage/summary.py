"""The status summary's figures, by aggregate queries (GROUP BY, COUNT, SUM, AVG) only.

Nothing here loads all needs, trainings or answers into Python: each figure is one
aggregate query, and lists (the oldest needs, the indicator series) are limited in SQL.
The meetings and trainings registers are asked through their own query functions
where they offer one, else by aggregate queries on their tables.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from bot.config import Config
from bot.domain.export import Cell, Sheet
from bot.domain.indicators import COUNTY, IndicatorDef, latest_and_previous
from bot.domain.meetings import MeetingKind, MeetingStatus
from bot.domain.needs import FOCUS_LABELS, OPEN_STATUSES, STATUS_LABELS, URGENCY_LABELS, NeedStatus
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
from bot.domain.trainings import SUBJECT_LABELS, Origin, Subject
from bot.texts import Texts
from bot.texts import followup as t
from storage import meetings, trainings
from storage.directory import organizations
from storage.indicators import all_indicators, all_values, series
from storage.models import Attendance as MeetingAttendance
from storage.models import Meeting, MeetingSeries, Need, NeedEvent, SurveyResponse, Training
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
    )


# ------------------------------------------------------------------------------------ export


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Return a moment in the collaboration's time zone."""
    return moment.astimezone(tz) if moment is not None else None


CALL_LOOKAHEAD = timedelta(days=31)
MEETING_KIND_LABELS = {
    MeetingKind.WORKING_GROUP.value: t.KIND_WORKING_GROUP,
    MeetingKind.PLANNING.value: t.KIND_PLANNING,
    MeetingKind.OWNERS.value: t.KIND_OWNERS,
}


def _round(value: float | None, digits: int = 2) -> float | None:
    """Round a figure for the export, keeping None."""
    return round(float(value), digits) if value is not None else None


def needs_rows(
    session: Session, tr: Texts, names: dict[str, str], tz: ZoneInfo
) -> Iterator[list[Cell]]:
    """Stream the needs register, one row per need, oldest first."""
    query = (
        select(
            Need.id,
            Need.created_at,
            Need.organization_id,
            Need.title,
            Need.description,
            Need.focus_area,
            Need.urgency,
            Need.municipalities,
            Need.status,
            Need.updated_at,
        )
        .order_by(Need.id)
        .execution_options(yield_per=2000)
    )
    county = tr(t.PLACE_COUNTY)
    focus = {f.value: tr(label) for f, label in FOCUS_LABELS.items()}
    urgency = {u.value: tr(label) for u, label in URGENCY_LABELS.items()}
    status = {s.value: tr(label) for s, label in STATUS_LABELS.items()}
    for row in session.execute(query):
        scope = ", ".join(names.get(m, m) for m in row.municipalities) or county
        yield [
            row.id,
            _local(row.created_at, tz),
            names.get(row.organization_id, row.organization_id),
            row.title,
            row.description,
            focus.get(row.focus_area, row.focus_area),
            urgency.get(row.urgency, row.urgency),
            scope,
            status.get(row.status, row.status),
            _local(row.updated_at, tz),
        ]


def attendance_rows(session: Session, window: Window, names: dict[str, str]) -> list[list[Cell]]:
    """Return working-group attendance per organisation for the period and the one before."""
    now = meetings.attendance_by_organization(session, window.start, window.end)
    before = meetings.attendance_by_organization(session, window.previous_start, window.start)
    rows: list[list[Cell]] = []
    for oid, name in names.items():
        if oid not in now and oid not in before:
            continue
        attended, held = now.get(oid, (0, 0))
        attended_before, held_before = before.get(oid, (0, 0))
        rows.append(
            [
                name,
                held,
                attended,
                _round(100 * attended / held, 1) if held else None,
                held_before,
                attended_before,
                _round(100 * attended_before / held_before, 1) if held_before else None,
            ]
        )
    return rows


def meeting_rows(session: Session, tr: Texts, tz: ZoneInfo) -> Iterator[list[Cell]]:
    """Stream every held or cancelled meeting with how many organisations attended it."""
    attended = (
        select(MeetingAttendance.meeting_id, func.count().label("n"))
        .group_by(MeetingAttendance.meeting_id)
        .subquery()
    )
    query = (
        select(
            Meeting.start,
            MeetingSeries.kind,
            MeetingSeries.title,
            Meeting.status,
            func.coalesce(attended.c.n, 0),
        )
        .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .outerjoin(attended, attended.c.meeting_id == Meeting.id)
        .where(Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.CANCELLED.value]))
        .order_by(Meeting.start, Meeting.id)
        .execution_options(yield_per=2000)
    )
    kinds = {k: tr(label) for k, label in MEETING_KIND_LABELS.items()}
    statuses = {
        MeetingStatus.HELD.value: tr(t.MEETING_HELD),
        MeetingStatus.CANCELLED.value: tr(t.MEETING_CANCELLED),
    }
    for start, kind, title, status, count in session.execute(query):
        yield [
            _local(start, tz),
            kinds.get(kind, kind),
            title,
            statuses.get(status, status),
            int(count),
        ]


def training_rows(
    session: Session, tr: Texts, names: dict[str, str], tz: ZoneInfo, min_answers: int
) -> Iterator[list[Cell]]:
    """Stream one row per training with its evaluation aggregated in SQL, never single answers.

    The means are left out when fewer than min_answers answered.
    """
    answers = (
        select(
            SurveyResponse.training_id.label("training_id"),
            func.count().label("n"),
            func.avg(SurveyResponse.knowledge_before).label("before"),
            func.avg(SurveyResponse.knowledge_after).label("after"),
        )
        .group_by(SurveyResponse.training_id)
        .subquery()
    )
    query = (
        select(
            Training.id,
            Training.starts_at,
            Training.title,
            Training.subject,
            Training.organizer_id,
            Training.origin,
            func.coalesce(Training.reported_participants, Training.expected_participants),
            Training.expected_participants,
            Training.evaluation_opened_at,
            func.coalesce(answers.c.n, 0),
            answers.c.before,
            answers.c.after,
        )
        .outerjoin(answers, answers.c.training_id == Training.id)
        .order_by(Training.starts_at, Training.id)
        .execution_options(yield_per=2000)
    )
    origins = {
        Origin.REGISTERED.value: tr(t.ORIGIN_REGISTERED),
        Origin.REPORTED.value: tr(t.ORIGIN_REPORTED),
    }
    for row in session.execute(query):
        (
            ident,
            starts,
            title,
            subject,
            organizer,
            origin,
            participants,
            expected,
            opened,
            count,
            before,
            after,
        ) = row
        shown = count >= max(min_answers, 1) and before is not None and after is not None
        rate = _round(100 * count / expected, 1) if opened is not None and expected else None
        yield [
            ident,
            _local(starts, tz),
            title,
            subject_label(tr, subject),
            names.get(organizer, organizer),
            origins.get(origin, origin),
            participants,
            int(count),
            _round(before) if shown else None,
            _round(after) if shown else None,
            _round(float(after) - float(before)) if shown else None,
            rate,
        ]


def report_rows(
    session: Session, window: Window, in_order: Sequence[tuple[str, str]]
) -> list[list[Cell]]:
    """Return trainings reported back per organisation: this period, the one before, in all."""
    reported = Training.origin == Origin.REPORTED.value
    rows = session.execute(
        select(
            Training.organizer_id,
            _count_if(_between(Training.starts_at, window.start, window.end)),
            _count_if(_between(Training.starts_at, window.previous_start, window.start)),
            func.count(),
        )
        .where(reported)
        .group_by(Training.organizer_id)
    ).all()
    counts = {str(oid): (int(a), int(b), int(c)) for oid, a, b, c in rows}
    return [[name, *counts.get(oid, (0, 0, 0))] for oid, name in in_order]


def indicator_rows(
    session: Session, tr: Texts, names: dict[str, str], tz: ZoneInfo
) -> Iterator[list[Cell]]:
    """Stream every indicator value, corrected ones included, with what replaced them."""
    catalogue = {i.id: i for i in all_indicators(session)}
    yes, no = tr(t.YES), tr(t.NO)
    for value in all_values(session):
        indicator = catalogue.get(value.indicator_id)
        yield [
            value.id,
            indicator.label(tr) if indicator else value.indicator_id,
            place_name(value.place, names, tr),
            value.period_label,
            value.value,
            indicator.unit_label(tr) if indicator else "",
            value.source,
            value.note,
            _local(value.recorded_at, tz),
            value.recorded_by,
            no if value.replaced_at is not None else yes,
            value.replaced_by_id,
        ]


def export_sheets(session: Session, config: Config, tr: Texts, now: datetime) -> list[Sheet]:
    """Return the export's sheets; rows are streamed, so write them inside the session."""
    tz = config.collaboration.tz
    window = window_for(session, config, now)
    names = {o.id: o.name for o in organizations(session, include_inactive=True)}
    in_order = [(o.id, o.name) for o in organizations(session)]
    min_answers = config.evaluations.min_answers
    now_label = tr(
        t.PERIOD_NOW,
        start=window.start.astimezone(tz).date().isoformat(),
        end=window.end.astimezone(tz).date().isoformat(),
    )
    before_label = tr(
        t.PERIOD_NOW,
        start=window.previous_start.astimezone(tz).date().isoformat(),
        end=window.start.astimezone(tz).date().isoformat(),
    )
    meeting_headers = [
        tr(t.COL_ORGANIZATION),
        tr(t.COL_MEETINGS_HELD, period=now_label),
        tr(t.COL_ATTENDED, period=now_label),
        tr(t.COL_RATE, period=now_label),
        tr(t.COL_MEETINGS_HELD, period=before_label),
        tr(t.COL_ATTENDED, period=before_label),
        tr(t.COL_RATE, period=before_label),
    ]
    about = tr(
        t.ABOUT_LINES,
        name=config.collaboration.name,
        date=now.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        min_answers=min_answers,
    )
    return [
        Sheet(
            tr(t.SHEET_NEEDS),
            [
                tr(m)
                for m in (
                    t.COL_ID,
                    t.COL_CREATED,
                    t.COL_ORGANIZATION,
                    t.COL_TITLE,
                    t.COL_DESCRIPTION,
                    t.COL_FOCUS,
                    t.COL_URGENCY,
                    t.COL_SCOPE,
                    t.COL_STATUS,
                    t.COL_UPDATED,
                )
            ],
            needs_rows(session, tr, names, tz),
            widths=(6, 17, 28, 40, 60, 16, 10, 24, 18, 17),
        ),
        Sheet(
            tr(t.SHEET_MEETINGS),
            [tr(m) for m in (t.COL_DATE, t.COL_KIND, t.COL_MEETING, t.COL_STATUS, t.COL_PRESENT)],
            meeting_rows(session, tr, tz),
            widths=(17, 22, 36, 12, 14),
        ),
        Sheet(
            tr(t.SHEET_ATTENDANCE),
            meeting_headers,
            attendance_rows(session, window, names),
            widths=(28, 18, 14, 14, 18, 14, 14),
        ),
        Sheet(
            tr(t.SHEET_TRAININGS),
            [
                tr(m)
                for m in (
                    t.COL_ID,
                    t.COL_DATE,
                    t.COL_TITLE,
                    t.COL_SUBJECT,
                    t.COL_ORGANIZATION,
                    t.COL_ORIGIN,
                    t.COL_PARTICIPANTS,
                    t.COL_ANSWERS,
                    t.COL_BEFORE,
                    t.COL_AFTER,
                    t.COL_CHANGE,
                    t.COL_RESPONSE_RATE,
                )
            ],
            training_rows(session, tr, names, tz, min_answers),
            widths=(6, 17, 40, 22, 28, 20, 11, 8, 12, 12, 12, 12),
        ),
        Sheet(
            tr(t.SHEET_REPORTS),
            [
                tr(t.COL_ORGANIZATION),
                tr(t.COL_REPORTED_PERIOD, period=now_label),
                tr(t.COL_REPORTED_PERIOD, period=before_label),
                tr(t.COL_TOTAL),
            ],
            report_rows(session, window, in_order),
            widths=(28, 22, 22, 10),
        ),
        Sheet(
            tr(t.SHEET_INDICATORS),
            [
                tr(m)
                for m in (
                    t.COL_ID,
                    t.COL_INDICATOR,
                    t.COL_PLACE,
                    t.COL_PERIOD,
                    t.COL_VALUE,
                    t.COL_UNIT,
                    t.COL_SOURCE,
                    t.COL_NOTE,
                    t.COL_RECORDED,
                    t.COL_RECORDED_BY,
                    t.COL_CURRENT,
                    t.COL_REPLACED_BY,
                )
            ],
            indicator_rows(session, tr, names, tz),
            widths=(6, 40, 20, 10, 10, 16, 30, 40, 17, 14, 9, 11),
        ),
        Sheet(
            tr(t.SHEET_ABOUT),
            [tr(t.SHEET_ABOUT)],
            [[line] for line in about.split("\n")],
            widths=(100,),
        ),
    ]
