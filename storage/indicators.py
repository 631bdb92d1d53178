"""Queries of the indicator register (own indicators, values, corrections, history) and
the queue of chart uploads that follow the owners' summary."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.domain.indicators import (
    BUILT_IN_INDICATORS,
    SERIES_POINTS,
    Direction,
    IndicatorDef,
    Point,
    ValueDraft,
    period_from_parts,
    unit_kind_of,
)
from storage.models import ChartFile, ChartUpload, Indicator, IndicatorValue, OutboxMessage
from storage.outbox import EXPIRED, FAILED, SENT, SUPERSEDED
from storage.upsert import insert_once, key_stored, write_once


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
    """Current values, newest period first, and how many more there are."""

    values: list[IndicatorValue]
    replaced: dict[int, IndicatorValue]
    more: int


def latest_values(session: Session, limit: int = 20) -> ValuePage:
    """Return the values in force, newest period first, with the value each one replaced."""
    in_force = IndicatorValue.replaced_at.is_(None)
    rows = list(
        session.scalars(
            select(IndicatorValue)
            .where(in_force)
            .order_by(
                IndicatorValue.period_start.desc(),
                IndicatorValue.indicator_id,
                IndicatorValue.place,
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
                order_by=(IndicatorValue.period_start.desc(), IndicatorValue.period_end.desc()),
            )
            .label("rank"),
        )
        .where(IndicatorValue.replaced_at.is_(None))
        .subquery()
    )
    rows = session.execute(
        select(ranked)
        .where(ranked.c.rank <= points)
        .order_by(ranked.c.indicator_id, ranked.c.place, ranked.c.period_start)
    ).all()
    found: dict[tuple[str, str], Series] = {}
    for row in rows:
        key = (row.indicator_id, row.place)
        if key not in found:
            found[key] = Series(row.indicator_id, row.place, [])
        found[key].points.append(
            Point(period_from_parts(row.period_start, row.period_end, row.period_label), row.value)
        )
    return list(found.values())


def all_values(session: Session) -> Iterator[IndicatorValue]:
    """Stream every value, history included, for the export."""
    yield from session.scalars(
        select(IndicatorValue)
        .order_by(
            IndicatorValue.indicator_id,
            IndicatorValue.place,
            IndicatorValue.period_start,
            IndicatorValue.id,
        )
        .execution_options(yield_per=1000)
    )


# ------------------------------------------------------------------------------ chart uploads
# The summary's charts go up once, into the thread of the summary message, after it is posted.

UPLOAD_PENDING = "pending"
UPLOAD_SENDING = "sending"
UPLOAD_SENT = "sent"
UPLOAD_FAILED = "failed"
STALE_UPLOAD = timedelta(minutes=5)


@dataclass(frozen=True)
class ChartData:
    """One file to upload: name, title, text for those who cannot see it, and the bytes."""

    filename: str
    title: str
    alt_text: str
    data: bytes


@dataclass(frozen=True)
class ClaimedUpload:
    """An upload this process has claimed and must now send."""

    id: int
    key: str
    ref_key: str
    comment: str
    attempts: int
    token: str
    files: list[ChartData]
    created_at: datetime


def queue_charts(
    session: Session,
    *,
    key: str,
    ref_key: str,
    comment: str,
    now: datetime,
    files: list[ChartData] | None = None,
) -> bool:
    """Queue files for the thread of the message sent as ref_key; once per key.

    Without files, the uploader draws them when the message is posted (see
    store_chart_files), as of now: the moment stored as created_at.
    """
    upload = ChartUpload(
        key=key,
        ref_key=ref_key,
        comment=comment,
        status=UPLOAD_PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    upload.files = [
        ChartFile(
            position=i,
            filename=f.filename[:100],
            title=f.title[:200],
            alt_text=f.alt_text[:1000],
            data=f.data,
        )
        for i, f in enumerate(files or [])
    ]
    return insert_once(session, upload, ChartUpload.key, key)


def store_chart_files(session: Session, upload_id: int, files: list[ChartData]) -> None:
    """Keep the drawn files of an upload, so that a retry sends the very same charts."""
    if session.scalar(select(ChartFile.id).where(ChartFile.upload_id == upload_id).limit(1)):
        return
    for i, f in enumerate(files):
        session.add(
            ChartFile(
                upload_id=upload_id,
                position=i,
                filename=f.filename[:100],
                title=f.title[:200],
                alt_text=f.alt_text[:1000],
                data=f.data,
            )
        )


def uploads_waiting(session: Session) -> bool:
    """Tell whether any upload is pending or being sent (a cheap read before claiming)."""
    return (
        session.scalar(
            select(ChartUpload.id)
            .where(ChartUpload.status.in_([UPLOAD_PENDING, UPLOAD_SENDING]))
            .limit(1)
        )
        is not None
    )


def claim_uploads(
    session: Session, now: datetime, *, keys: list[str] | None = None, limit: int = 5
) -> list[ClaimedUpload]:
    """Claim due uploads whose message is sent (or never will be) with a conditional UPDATE.

    Return only the uploads this process won.
    """
    session.execute(
        update(ChartUpload)
        .where(ChartUpload.status == UPLOAD_SENDING, ChartUpload.claimed_at <= now - STALE_UPLOAD)
        .values(status=UPLOAD_PENDING, claim_token=None)
        .execution_options(synchronize_session=False)
    )
    settled = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.key == ChartUpload.ref_key,
            OutboxMessage.status.in_([SENT, FAILED, EXPIRED, SUPERSEDED]),
        )
        .exists()
    )
    candidates = (
        select(ChartUpload.id)
        .where(ChartUpload.status == UPLOAD_PENDING, ChartUpload.next_attempt_at <= now, settled)
        .order_by(ChartUpload.id)
        .limit(limit)
    )
    if keys is not None:
        candidates = candidates.where(ChartUpload.key.in_(keys))
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    token = uuid.uuid4().hex
    session.execute(
        update(ChartUpload)
        .where(ChartUpload.id.in_(ids), ChartUpload.status == UPLOAD_PENDING)
        .values(
            status=UPLOAD_SENDING,
            claim_token=token,
            claimed_at=now,
            attempts=ChartUpload.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.scalars(select(ChartUpload).where(ChartUpload.claim_token == token)).all()
    return [
        ClaimedUpload(
            row.id,
            row.key,
            row.ref_key,
            row.comment,
            row.attempts,
            token,
            [ChartData(f.filename, f.title, f.alt_text, f.data) for f in row.files],
            row.created_at,
        )
        for row in rows
    ]


def finish_upload(
    session: Session,
    claimed: ClaimedUpload,
    *,
    status: str,
    now: datetime,
    error: str | None = None,
    retry_at: datetime | None = None,
    count: bool = True,
) -> None:
    """Record how an upload went: sent, failed for good, or pending again at retry_at."""
    values: dict[str, object] = {"status": status, "claim_token": None, "last_error": error}
    if status == UPLOAD_SENT:
        values["sent_at"] = now
    if retry_at is not None:
        values["next_attempt_at"] = retry_at
    if not count:
        values["attempts"] = ChartUpload.attempts - 1
    session.execute(
        update(ChartUpload)
        .where(ChartUpload.id == claimed.id, ChartUpload.claim_token == claimed.token)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def failed_uploads(session: Session) -> int:
    """Count the uploads that failed for good."""
    return int(
        session.scalar(
            select(func.count()).select_from(ChartUpload).where(ChartUpload.status == UPLOAD_FAILED)
        )
        or 0
    )
