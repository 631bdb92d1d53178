"""The same form stored at once by two processes: the second sees "already stored", not an error.

Each test lets a rival unit of work store the same submission (the same source key) and
commit after the unit under test has made its checks and before it writes, which is how
two web processes receiving one submission at once interleave on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session

from bot.domain.indicators import COUNTY, ValueDraft, parse_period
from bot.domain.needs import FocusArea, NeedDraft, Support, Urgency
from bot.domain.organizations import BUILT_IN
from bot.domain.trainings import ReportDraft, Subject, TrainingDraft
from storage import outbox
from storage.db import Database
from storage.directory import sync_organizations
from storage.indicators import record_value
from storage.migrate import upgrade
from storage.models import IndicatorValue, Need, NeedEvent, OutboxFile, OutboxMessage, Training
from storage.needs import create_need
from storage.outbox import OutboxKey, UploadFile
from storage.trainings import create_report, create_training

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    yield database
    database.dispose()


@contextmanager
def racing(db: Database, rival: Callable[[Session], object]) -> Iterator[Session]:
    """Yield a unit of work in which rival's own unit commits after the reads, before any write."""
    # On PostgreSQL the rival really commits at that moment. SQLite takes the write lock at
    # BEGIN, so two units cannot interleave there: the rival commits first and the reads made
    # before the first write find nothing, as if they had run before the rival's commit.
    wrote = False

    def first_write() -> None:
        nonlocal wrote
        if not wrote:
            wrote = True
            if not db.is_sqlite:
                with db.transaction() as other:
                    rival(other)

    if db.is_sqlite:
        with db.transaction() as other:
            rival(other)
    with db.transaction() as session:

        @event.listens_for(session, "do_orm_execute")
        def _on_execute(state: ORMExecuteState) -> None:
            if state.is_select and not wrote and db.is_sqlite:
                state.statement = state.statement.where(false())  # type: ignore[attr-defined]
            elif state.is_insert or state.is_update or state.is_delete:
                first_write()

        @event.listens_for(session, "before_flush")
        def _on_flush(*_: Any) -> None:
            first_write()

        yield session
    assert wrote, "the unit of work never wrote, so the rival never raced it"


def need_draft(title: str = "Utbildning") -> NeedDraft:
    return NeedDraft(
        "tullverket",
        title,
        "Beskrivning",
        FocusArea.TRAINING,
        (),
        Urgency.NORMAL,
        (Support.TRAINING,),
    )


def test_a_need_form_stored_meanwhile_by_another_process_counts_as_already_stored(
    db: Database,
) -> None:
    def rival(session: Session) -> None:
        assert create_need(session, need_draft(), submitted_by="U1", source_key="V1", now=NOW)

    with racing(db, rival) as session:
        assert (
            create_need(session, need_draft(), submitted_by="U1", source_key="V1", now=NOW) is None
        )
        assert create_need(
            session, need_draft("Nästa"), submitted_by="U1", source_key="V2", now=NOW
        )
    with db.reading() as session:
        assert session.scalars(select(Need.source_key).order_by(Need.id)).all() == ["V1", "V2"]
        assert session.scalar(select(func.count()).select_from(NeedEvent)) == 2


def training_draft(title: str = "Drogtecken") -> TrainingDraft:
    return TrainingDraft(
        title=title,
        subject=Subject.DRUG_SIGNS,
        starts_at=NOW + timedelta(days=7),
        ends_at=NOW + timedelta(days=7, hours=2),
        organizer_id="gavle",
        target_organizations=("tullverket",),
        expected_participants=8,
        place="Gävle",
        evaluation_channel=None,
        evaluation_participants=(),
        need_ids=(),
    )


def report_draft(title: str = "Hundar i tullen") -> ReportDraft:
    return ReportDraft(
        organization_id="tullverket",
        title=title,
        subject=Subject.NARCOTICS,
        held_on=date(2027, 2, 3),
        starts_at=datetime(2027, 2, 3, 9, 0, tzinfo=UTC),
        participants=12,
    )


def value_draft(value: float, period: str = "2026") -> ValueDraft:
    found = parse_period(period)
    assert found is not None
    return ValueDraft("can-ak9", COUNTY, found, value, "CAN", "")


def training_keys(db: Database) -> list[str | None]:
    with db.reading() as session:
        return list(session.scalars(select(Training.source_key).order_by(Training.id)))


def test_a_training_form_stored_meanwhile_by_another_process_counts_as_already_stored(
    db: Database,
) -> None:
    def rival(session: Session) -> None:
        assert create_training(session, training_draft(), created_by="U1", source_key="V1", now=NOW)

    with racing(db, rival) as session:
        second = create_training(
            session, training_draft(), created_by="U1", source_key="V1", now=NOW
        )
        assert second is None
        # The unit of work goes on: the next form is stored in the same transaction.
        other = create_training(
            session, training_draft("Nästa"), created_by="U1", source_key="V2", now=NOW
        )
        assert other is not None
    assert training_keys(db) == ["V1", "V2"]


def test_a_report_stored_meanwhile_by_another_process_counts_as_already_stored(
    db: Database,
) -> None:
    def rival(session: Session) -> None:
        assert create_report(session, report_draft(), reported_by="U1", source_key="R1", now=NOW)

    with racing(db, rival) as session:
        assert (
            create_report(session, report_draft(), reported_by="U1", source_key="R1", now=NOW)
            is None
        )
        assert create_report(
            session, report_draft("Nästa"), reported_by="U1", source_key="R2", now=NOW
        )
    assert training_keys(db) == ["R1", "R2"]


def values_in_db(db: Database) -> list[tuple[float, str | None, bool]]:
    with db.reading() as session:
        rows = session.scalars(select(IndicatorValue).order_by(IndicatorValue.id))
        return [(r.value, r.source_key, r.replaced_at is None) for r in rows]


def test_a_value_stored_meanwhile_by_another_process_counts_as_unchanged(db: Database) -> None:
    def rival(session: Session) -> None:
        assert record_value(session, value_draft(7.0), actor="U1", now=NOW, source_key="view:V1")

    with racing(db, rival) as session:
        second = record_value(session, value_draft(7.0), actor="U1", now=NOW, source_key="view:V1")
        assert (second.value, second.replaced, second.unchanged, second.stale) == (
            None,
            None,
            True,
            False,
        )
        other = record_value(
            session, value_draft(5.0, "2025"), actor="U1", now=NOW, source_key="view:V2"
        )
        assert other.value is not None
    assert values_in_db(db) == [(7.0, "view:V1", True), (5.0, "view:V2", True)]


def test_a_correction_stored_meanwhile_by_another_process_counts_as_unchanged(
    db: Database,
) -> None:
    with db.transaction() as session:
        record_value(session, value_draft(7.0), actor="U1", now=NOW)

    def rival(session: Session) -> None:
        recorded = record_value(
            session, value_draft(6.0), actor="U2", now=NOW, source_key="view:V1"
        )
        assert recorded.replaced is not None

    with racing(db, rival) as session:
        second = record_value(session, value_draft(6.0), actor="U2", now=NOW, source_key="view:V1")
        assert (second.value, second.replaced, second.unchanged, second.stale) == (
            None,
            None,
            True,
            False,
        )
        assert session.scalar(select(func.count()).select_from(IndicatorValue)) == 2
    assert values_in_db(db) == [(7.0, None, False), (6.0, "view:V1", True)]


def test_another_form_storing_the_same_series_meanwhile_still_breaks_the_unique_index(
    db: Database,
) -> None:
    def rival(session: Session) -> None:
        assert record_value(session, value_draft(7.0), actor="U1", now=NOW, source_key="view:V1")

    with pytest.raises(IntegrityError), racing(db, rival) as session:
        record_value(session, value_draft(8.0), actor="U2", now=NOW, source_key="view:V2")
    assert values_in_db(db) == [(7.0, "view:V1", True)]


def test_charts_queued_meanwhile_by_another_process_are_queued_once(db: Database) -> None:
    files = [UploadFile("a.png", "A", "Diagram A", b"\x89PNG")]
    summary = OutboxKey.meeting_summary(1)

    def queue(session: Session) -> bool:
        return outbox.enqueue_upload(
            session,
            key=summary.charts(),
            kind="owners_summary_charts",
            channel="C0AGARE001",
            now=NOW,
            files=files,
            ref_key=summary,
        )

    def rival(session: Session) -> None:
        assert queue(session)

    with racing(db, rival) as session:
        assert not queue(session)
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
    with db.reading() as session:
        assert session.scalars(select(OutboxMessage.key)).all() == ["meeting:1:summary:charts"]
        assert session.scalar(select(func.count()).select_from(OutboxFile)) == 1
