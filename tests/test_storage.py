"""Storage on SQLite and PostgreSQL: migrations, the outbox's exactly-once claim, needs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, inspect, select

from bot.clock import FrozenClock
from bot.delivery import Deliverer
from bot.domain.needs import FocusArea, NeedDraft, NeedStatus, Support, Urgency
from bot.domain.organizations import BUILT_IN
from bot.slack_app import build_client
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.db import Database, DatabaseUnavailable
from storage.directory import sync_organizations
from storage.migrate import upgrade
from storage.models import Need, NeedEvent, OutboxMessage
from storage.needs import create_need, move_need, open_needs
from tests.harness import ANNA, COORDINATOR_CHANNEL

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    yield database
    database.dispose()


def draft(title: str = "Utbildning", organization: str = "tullverket") -> NeedDraft:
    return NeedDraft(
        organization,
        title,
        "Beskrivning",
        FocusArea.TRAINING,
        (),
        Urgency.NORMAL,
        (Support.TRAINING,),
    )


def test_migrations_create_every_table_and_run_twice(db: Database) -> None:
    upgrade(db.engine)
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "organizations",
        "people",
        "needs",
        "need_events",
        "outbox",
        "audit_log",
        "processed_requests",
        "alembic_version",
    } <= tables


def test_the_known_heads_are_the_migration_scripts_heads() -> None:
    from alembic.script import ScriptDirectory

    from storage.migrate import HEADS, alembic_config

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    needed = {
        dependency
        for revision in script.walk_revisions()
        for dependency in (
            [revision.dependencies]
            if isinstance(revision.dependencies, str)
            else revision.dependencies or ()
        )
    }
    assert set(script.get_heads()) - needed == HEADS


def test_a_database_at_the_heads_is_not_migrated_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alembic.command

    from storage.migrate import HEADS, current_revisions

    assert current_revisions(db.engine) == HEADS

    def refuse(*_args: object) -> None:
        raise AssertionError("Alembic ran on an up-to-date database")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    upgrade(db.engine)


def test_a_database_behind_one_branch_is_brought_to_every_head(db: Database) -> None:
    import alembic.command

    from storage.migrate import HEADS, alembic_config, current_revisions

    config = alembic_config(db.engine.url.render_as_string(hide_password=False))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        alembic.command.downgrade(config, "0004")
    assert current_revisions(db.engine) == {"0002", "0003", "0004"}
    tables = set(inspect(db.engine).get_table_names())
    assert not {"outbox_files", "evaluation_views", "organization_requests", "actions"} & tables
    assert "display_name" not in {c["name"] for c in inspect(db.engine).get_columns("people")}
    upgrade(db.engine)
    assert current_revisions(db.engine) == HEADS
    tables = set(inspect(db.engine).get_table_names())
    assert {"outbox_files", "evaluation_views", "organization_requests", "actions"} <= tables
    assert not {"chart_uploads", "chart_files"} & tables


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_a_need_with_an_unknown_organisation_is_refused_by_the_database(db: Database) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"), db.transaction() as session:
        create_need(
            session, draft(organization="nowhere"), submitted_by="U1", source_key=None, now=NOW
        )
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Need)) == 0


def test_the_same_submission_creates_one_need(db: Database) -> None:
    with db.transaction() as session:
        assert create_need(session, draft(), submitted_by="U1", source_key="V1", now=NOW)
    with db.transaction() as session:
        assert create_need(session, draft(), submitted_by="U1", source_key="V1", now=NOW) is None
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Need)) == 1


def test_two_coordinators_moving_at_once_move_once(db: Database) -> None:
    with db.transaction() as session:
        need = create_need(session, draft(), submitted_by="U1", source_key=None, now=NOW)
        assert need is not None
        need_id = need.id
    results: list[bool] = []

    def move(actor: str) -> None:
        with db.transaction() as session:
            results.append(
                move_need(
                    session,
                    need_id,
                    expected=NeedStatus.NEW,
                    target=NeedStatus.TAKEN_UP,
                    actor=actor,
                    now=NOW,
                )
            )

    threads = [threading.Thread(target=move, args=(f"U{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 5 + [True]
    with db.reading() as session:
        moves = session.scalars(select(NeedEvent).where(NeedEvent.action == "moved")).all()
        assert len(moves) == 1


def test_open_needs_are_newest_first_and_count_the_rest(db: Database) -> None:
    with db.transaction() as session:
        for day in range(5):
            create_need(
                session,
                draft(f"Behov {day}"),
                submitted_by="U1",
                source_key=None,
                now=NOW + timedelta(days=day),
            )
    with db.reading() as session:
        page = open_needs(session, limit=3)
        assert [n.title for n in page.needs] == ["Behov 4", "Behov 3", "Behov 2"]
        assert page.more == 2
        assert open_needs(session, organization_id="gavle").needs == []


def test_an_outbox_key_is_queued_once(db: Database) -> None:
    for _ in range(2):
        with db.transaction() as session:
            outbox.enqueue(
                session,
                key="meeting:1:call",
                kind="call",
                channel="C1",
                payload={"text": "x"},
                now=NOW,
            )
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


def test_concurrent_claims_never_share_a_row(db: Database) -> None:
    with db.transaction() as session:
        for index in range(60):
            outbox.enqueue(
                session,
                key=f"k{index}",
                kind="t",
                channel="C1",
                payload={"text": str(index)},
                now=NOW,
            )
    claimed: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with db.transaction() as session:
                rows = outbox.claim(session, NOW, limit=5)
            if not rows:
                return
            with lock:
                claimed.extend(row.key for row in rows)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(f"k{i}" for i in range(60))


def test_rows_not_yet_due_or_expired_are_not_claimed(db: Database) -> None:
    with db.transaction() as session:
        outbox.enqueue(
            session,
            key="later",
            kind="t",
            channel="C1",
            payload={"text": "x"},
            now=NOW,
            due_at=NOW + timedelta(hours=1),
        )
        outbox.enqueue(
            session,
            key="too-late",
            kind="t",
            channel="C1",
            payload={"text": "x"},
            now=NOW - timedelta(days=1),
            expires_at=NOW - timedelta(minutes=1),
        )
    with db.transaction() as session:
        outbox.expire_and_recover(session, NOW)
        assert outbox.claim(session, NOW) == []
    with db.reading() as session:
        statuses = dict(session.execute(select(OutboxMessage.key, OutboxMessage.status)).all())
        assert statuses == {"later": "pending", "too-late": "expired"}


@pytest.fixture
def deliverer(db: Database, standin: SimulatedSlack) -> tuple[Deliverer, FrozenClock]:
    clock = FrozenClock(NOW)
    return Deliverer(db, build_client("xoxb-test-token", standin.api_url), clock), clock


def _queue(db: Database, key: str, channel: str = "C0ARBETS1") -> None:
    with db.transaction() as session:
        outbox.enqueue(session, key=key, kind="t", channel=channel, payload={"text": key}, now=NOW)


def _status(db: Database, key: str) -> tuple[str, int, str | None]:
    with db.reading() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()
        return row.status, row.attempts, row.last_error


def test_a_slack_server_error_is_retried_later_and_sent_once(
    db: Database, standin: SimulatedSlack, deliverer: tuple[Deliverer, FrozenClock]
) -> None:
    sender, clock = deliverer
    _queue(db, "a")
    standin.fail("chat.postMessage", status=500)  # the deliverer's client does not retry it
    sender.deliver_due()
    assert _status(db, "a")[0] == "pending"
    clock.advance(timedelta(minutes=1))
    sender.deliver_due()
    assert _status(db, "a")[0] == "sent"
    posted = [c for c in standin.calls_to("chat.postMessage") if c.error is None]
    assert len(posted) == 1


def test_a_permanent_error_is_recorded_not_retried(
    db: Database, standin: SimulatedSlack, deliverer: tuple[Deliverer, FrozenClock]
) -> None:
    sender, clock = deliverer
    _queue(db, "b", channel="C0NOWHERE")
    standin.fail("chat.postMessage", error="channel_not_found")
    sender.deliver_due()
    assert _status(db, "b") == ("failed", 1, "channel_not_found")
    clock.advance(timedelta(hours=2))
    assert sender.deliver_due() == 0


@pytest.mark.parametrize(
    "channel",
    ["C0ARBETS1", COORDINATOR_CHANNEL, ANNA],
    ids=["a public channel", "a private channel", "a direct message"],
)
def test_a_send_interrupted_by_a_crash_is_not_posted_twice(
    db: Database,
    standin: SimulatedSlack,
    deliverer: tuple[Deliverer, FrozenClock],
    channel: str,
) -> None:
    sender, clock = deliverer
    clock.set(datetime.now(UTC))  # Slack's message timestamps are real time
    with db.transaction() as session:
        outbox.enqueue(
            session, key="c", kind="t", channel=channel, payload={"text": "c"}, now=clock.now()
        )
    with db.transaction() as session:
        [row] = outbox.claim(session, clock.now())
    # The process posts, then dies before it can record the post.
    target = channel
    if channel.startswith("U"):
        target = sender.client.conversations_open(users=channel)["channel"]["id"]
    sender.client.chat_postMessage(
        channel=target,
        text="c",
        metadata={"event_type": "samverkansbot_outbox", "event_payload": {"key": row.key}},
    )
    clock.advance(outbox.STALE_CLAIM + timedelta(seconds=1))
    sender.deliver_due()
    assert _status(db, "c")[0] == "sent"
    assert len(standin.calls_to("chat.postMessage")) == 1


def test_the_database_down_is_reported_as_unavailable(tmp_path: object) -> None:
    database = Database("postgresql+psycopg://postgres@127.0.0.1:1/none")
    assert not database.healthy()
    with pytest.raises(DatabaseUnavailable), database.transaction() as session:
        session.execute(select(1))
