"""Queries of the indicator register: own indicators, values, corrections, history."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from bot.domain.indicators import (
    BUILT_IN_INDICATORS,
    COUNTY,
    SERIES_POINTS,
    Direction,
    IndicatorDef,
    Point,
    ValueDraft,
    period_from_bounds,
    unit_kind_of,
)
from storage.models import Indicator, IndicatorValue
from storage.upsert import key_stored, write_once


def own_indicators(session: Session) -> list[IndicatorDef]:
    """Return the indicators coordinators added, in the order they were added."""
    rows = session.scalars(select(Indicator).order_by(Indicator.created_at, Indicator.id))
    return [
        IndicatorDef(
            row.id, row.name, row.unit, unit_kind_of(row.unit), Direction(row.direction), False
        )
        for row in rows
    ]


def all_indicators(session: Session) -> list[IndicatorDef]:
    """Return the plan's indicators followed by the coordinators' own."""
    return [*BUILT_IN_INDICATORS, *own_indicators(session)]


def add_indicator(session: Session, indicator: IndicatorDef, *, actor: str, now: datetime) -> bool:
    """Store a coordinator's new indicator; tell whether it was new (names are unique)."""
    if session.scalar(
        select(Indicator.id).where(
            (Indicator.id == indicator.id) | (Indicator.name == str(indicator.name))
        )
    ):
        return False
    session.add(
        Indicator(
            id=indicator.id,
            name=str(indicator.name),
            unit=str(indicator.unit),
            direction=indicator.direction.value,
            created_by=actor,
            created_at=now,
        )
    )
    session.flush()
    return True


@dataclass(frozen=True)
class Recorded:
    """The outcome of recording a value: the stored row and the row it replaced, if any."""

    value: IndicatorValue | None
    replaced: IndicatorValue | None
    unchanged: bool = False
    stale: bool = False


def current_value(
    session: Session, indicator_id: str, place: str, period_label: str
) -> IndicatorValue | None:
    """Return the value in force for one indicator, place and period, if any."""
    return session.scalar(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.place == place,
            IndicatorValue.period_label == period_label,
            IndicatorValue.replaced_at.is_(None),
        )
    )


def record_value(
    session: Session,
    draft: ValueDraft,
    *,
    actor: str,
    now: datetime,
    source_key: str | None = None,
    correcting: int | None = None,
) -> Recorded:
    """Store a value; one already in force for the same series and period is replaced, kept.

    When correcting names the row the person saw, and that row has been replaced since,
    nothing is stored (someone else corrected it first).
    """
    already = Recorded(None, None, unchanged=True)  # what a repeat of the same form gets
    if key_stored(session, IndicatorValue.source_key, source_key):
        return already
    if correcting is not None:
        seen = session.get(IndicatorValue, correcting)
        if seen is None or seen.replaced_at is not None:
            return Recorded(None, None, stale=True)
    old = current_value(session, draft.indicator_id, draft.place, draft.period.label)
    if correcting is not None and old is not None and old.id != correcting:
        return Recorded(None, None, stale=True)
    if (
        old is not None
        and old.value == draft.value
        and old.source == draft.source
        and old.note == draft.note
    ):
        return Recorded(old, None, unchanged=True)
    recorded = write_once(
        session,
        lambda: _store_value(session, draft, old, actor=actor, now=now, source_key=source_key),
        IndicatorValue.source_key,
        source_key,
    )
    if recorded is None:
        return already
    if recorded.stale and key_stored(session, IndicatorValue.source_key, source_key):
        return already  # the old value was replaced meanwhile by this very form
    return recorded


def _store_value(
    session: Session,
    draft: ValueDraft,
    old: IndicatorValue | None,
    *,
    actor: str,
    now: datetime,
    source_key: str | None,
) -> Recorded:
    """Mark old replaced unless someone else did first, and store the new value after it."""
    if old is not None:
        taken = session.execute(
            update(IndicatorValue)
            .where(IndicatorValue.id == old.id, IndicatorValue.replaced_at.is_(None))
            .values(replaced_at=now)
            .execution_options(synchronize_session=False)
        )
        if not getattr(taken, "rowcount", 0):
            return Recorded(None, None, stale=True)
    row = IndicatorValue(
        indicator_id=draft.indicator_id,
        place=draft.place,
        period_label=draft.period.label,
        period_start=draft.period.start,
        period_end=draft.period.end,
        value=draft.value,
        source=draft.source,
        note=draft.note,
        recorded_by=actor,
        recorded_at=now,
        replaces_id=old.id if old is not None else None,
        source_key=source_key,
    )
    session.add(row)
    session.flush()
    if old is not None:
        session.execute(
            update(IndicatorValue)
            .where(IndicatorValue.id == old.id)
            .values(replaced_by_id=row.id)
            .execution_options(synchronize_session=False)
        )
        session.refresh(old)
    return Recorded(row, old)


def history(session: Session, value_id: int) -> list[IndicatorValue]:
    """Return a value and every value it replaced, newest first."""
    found: list[IndicatorValue] = []
    current = session.get(IndicatorValue, value_id)
    while current is not None and len(found) < 100:
        found.append(current)
        current = session.get(IndicatorValue, current.replaces_id) if current.replaces_id else None
    return found


@dataclass(frozen=True)
class ValuePage:
    """Values in force, series by series, each series' periods latest first; how many more."""

    values: list[IndicatorValue]
    replaced: dict[int, IndicatorValue]
    more: int


def latest_values(
    session: Session, limit: int = 20, catalogue: Sequence[IndicatorDef] = BUILT_IN_INDICATORS
) -> ValuePage:
    """Return the values in force with the value each one replaced, ordered by period.

    Series follow the catalogue's order (indicators not in it last), the county before the
    municipalities; within a series the period that ends last comes first.
    """
    in_force = IndicatorValue.replaced_at.is_(None)
    position = case(
        {ind.id: index for index, ind in enumerate(catalogue)},
        value=IndicatorValue.indicator_id,
        else_=len(catalogue),
    )
    rows = list(
        session.scalars(
            select(IndicatorValue)
            .where(in_force)
            .order_by(
                position,
                IndicatorValue.indicator_id,
                case((IndicatorValue.place == COUNTY, 0), else_=1),
                IndicatorValue.place,
                IndicatorValue.period_end.desc(),
                IndicatorValue.period_start.desc(),
                IndicatorValue.id.desc(),
            )
            .limit(limit)
        )
    )
    total = session.scalar(select(func.count()).select_from(IndicatorValue).where(in_force)) or 0
    old_ids = [r.replaces_id for r in rows if r.replaces_id is not None]
    replaced = {
        old.id: old
        for old in session.scalars(select(IndicatorValue).where(IndicatorValue.id.in_(old_ids)))
    }
    return ValuePage(rows, replaced, max(total - len(rows), 0))


@dataclass(frozen=True)
class Series:
    """The latest values in force of one indicator at one place, oldest first."""

    indicator_id: str
    place: str
    points: list[Point]


def series(session: Session, points: int = SERIES_POINTS) -> list[Series]:
    """Return each (indicator, place) series with its newest values, by a window query."""
    ranked = (
        select(
            IndicatorValue.indicator_id,
            IndicatorValue.place,
            IndicatorValue.period_label,
            IndicatorValue.period_start,
            IndicatorValue.period_end,
            IndicatorValue.value,
            func.row_number()
            .over(
                partition_by=(IndicatorValue.indicator_id, IndicatorValue.place),
                order_by=(IndicatorValue.period_end.desc(), IndicatorValue.period_start.desc()),
            )
            .label("rank"),
        )
        .where(IndicatorValue.replaced_at.is_(None))
        .subquery()
    )
    rows = session.execute(
        select(ranked)
        .where(ranked.c.rank <= points)
        .order_by(ranked.c.indicator_id, ranked.c.place, ranked.c.period_end, ranked.c.period_start)
    ).all()
    found: dict[tuple[str, str], Series] = {}
    for row in rows:
        key = (row.indicator_id, row.place)
        if key not in found:
            found[key] = Series(row.indicator_id, row.place, [])
        found[key].points.append(
            Point(period_from_bounds(row.period_start, row.period_end), row.value)
        )
    return list(found.values())


def all_values(session: Session) -> Iterator[IndicatorValue]:
    """Stream every value, history included, for the export."""
    yield from session.scalars(
        select(IndicatorValue)
        .order_by(
            IndicatorValue.indicator_id,
            IndicatorValue.place,
            IndicatorValue.period_end,
            IndicatorValue.period_start,
            IndicatorValue.id,
        )
        .execution_options(yield_per=1000)
    )
