"""File uploads go through the outbox like posts: claimed once, retried, waited for, recorded."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select

from bot.clock import FrozenClock
from bot.delivery import WAIT_FOR_ORIGINAL, Deliverer, Renderer, backoff
from bot.slack_app import build_client
from bot.texts import Texts
from bot.texts import followup as ft
from slack_sim.web_api import Call, SimulatedSlack
from storage import outbox
from storage.db import Database
from storage.migrate import alembic_config, upgrade
from storage.models import OutboxFile, OutboxMessage
from storage.outbox import OutboxKey, UploadFile
from tests.harness import ANNA, COORDINATOR, OWNERS_CHANNEL, WORKING_GROUP, RunningBot, all_text
from tests.test_followup import open_home

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n chart"
COMPLETE = "files.completeUploadExternal"
tr = Texts("sv")


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    yield database
    database.dispose()


def deliverer(
    db: Database,
    standin: SimulatedSlack,
    clock: FrozenClock,
    woken: list[datetime] | None = None,
    renderers: dict[str, Renderer] | None = None,
) -> Deliverer:
    wake = woken.append if woken is not None else None
    client = build_client("xoxb-test", standin.api_url)
    return Deliverer(db, client, clock, wake, renderers=renderers)


def queue_upload(
    db: Database,
    key: OutboxKey,
    channel: str = WORKING_GROUP,
    *,
    files: Sequence[UploadFile] = (),
    renderer: str | None = None,
    ref_key: OutboxKey | None = None,
    now: datetime = NOW,
) -> None:
    with db.transaction() as session:
        assert outbox.enqueue_upload(
            session,
            key=key,
            kind="t",
            channel=channel,
            now=now,
            files=files,
            renderer=renderer,
            comment="Diagram",
            ref_key=ref_key,
        )


def queue_post(db: Database, key: OutboxKey, channel: str = OWNERS_CHANNEL) -> None:
    with db.transaction() as session:
        outbox.enqueue(session, key=key, kind="t", channel=channel, payload={"text": "x"}, now=NOW)


def row(db: Database, key: OutboxKey) -> OutboxMessage:
    with db.reading() as session:
        return session.scalars(select(OutboxMessage).where(OutboxMessage.key == str(key))).one()


def kept_files(db: Database) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxFile)) or 0)


def shared(standin: SimulatedSlack) -> list[Call]:
    """Return the uploads Slack completed (shared), oldest first."""
    return [call for call in standin.calls_to(COMPLETE) if call.error is None]


def titles(call: Call) -> list[str]:
    """Return the titles of the files one completed upload shared."""
    return [str(item["title"]) for item in call.args["files"]]


def chart(name: str = "a.png", data: bytes = PNG) -> UploadFile:
    return UploadFile(name, name.upper(), f"Diagram {name}", data)


def test_a_rate_limited_upload_waits_as_slack_asks_without_counting_an_attempt(
    db: Database, standin: SimulatedSlack
) -> None:
    clock, woken = FrozenClock(NOW), []
    sender = deliverer(db, standin, clock, woken)
    key = OutboxKey.export(ANNA)
    queue_upload(db, key, ANNA, files=[chart()])
    queue_post(db, OutboxKey.meeting_call(1), WORKING_GROUP)
    standin.fail(COMPLETE, status=429, retry_after=4)

    assert sender.deliver_due() == 2
    waiting = row(db, key)
    assert (waiting.status, waiting.attempts, waiting.last_error) == ("pending", 0, "ratelimited")
    assert waiting.next_attempt_at == NOW + timedelta(seconds=4)
    assert woken == [NOW + timedelta(seconds=4)]
    # A 429 on files.* holds back uploads, not the posts to a channel.
    assert row(db, OutboxKey.meeting_call(1)).status == "sent"
    assert shared(standin) == []

    clock.advance(timedelta(seconds=3))
    assert sender.deliver_due() == 0
    clock.advance(timedelta(seconds=1))
    assert sender.deliver_due() == 1
    done = row(db, key)
    assert (done.status, done.attempts, done.result_channel) == ("sent", 1, "D" + ANNA[1:])
    [upload] = shared(standin)
    assert upload.args["channel_id"] == "D" + ANNA[1:]
    assert kept_files(db) == 0  # let go once sent


def test_a_server_error_is_retried_with_backoff_and_the_same_drawn_files_go_up_once(
    db: Database, standin: SimulatedSlack
) -> None:
    clock = FrozenClock(NOW)
    drawn: list[int] = []

    def draw(claimed: outbox.Claimed) -> list[UploadFile]:
        drawn.append(claimed.id)
        return [chart("a.png", PNG + bytes([len(drawn)]))]

    sender = deliverer(db, standin, clock, renderers={"charts": draw})
    key = OutboxKey.meeting_summary(1).charts()
    queue_upload(db, key, renderer="charts")
    standin.fail(COMPLETE, status=500)  # the deliverer's client does not retry it

    sender.deliver_due()
    failed = row(db, key)
    assert (failed.status, failed.attempts) == ("pending", 1)
    assert failed.next_attempt_at == NOW + backoff(1)
    assert kept_files(db) == 1  # what was drawn is kept for the retry

    clock.advance(backoff(1) - timedelta(seconds=1))
    assert sender.deliver_due() == 0
    clock.advance(timedelta(seconds=1))
    assert sender.deliver_due() == 1
    assert (row(db, key).status, row(db, key).attempts) == ("sent", 2)
    assert drawn == [failed.id]  # drawn once
    [upload] = shared(standin)
    file_id = upload.args["files"][0]["id"]
    assert standin.uploads[file_id] == PNG + bytes([1])  # the very files drawn first


def test_a_permanent_error_is_recorded_and_shown_to_the_coordinators(
    running: RunningBot,
) -> None:
    running.standin.fail(COMPLETE, error="not_in_channel")
    running.command("/samverkan", "export", COORDINATOR)
    running.listeners.wait_idle()  # the listener sends what it queued before it returns
    with running.bot.db.reading() as session:
        upload = session.scalars(select(OutboxMessage).where(OutboxMessage.op == "upload")).one()
    assert (upload.kind, upload.status, upload.last_error) == ("export", "failed", "not_in_channel")
    assert upload.attempts == 1
    running.clock.advance(timedelta(hours=2))
    assert running.bot.deliverer is not None
    assert running.bot.deliverer.deliver_due() == 0  # not tried again
    home = open_home(running, COORDINATOR, "EvU1")
    assert tr(ft.HOME_TODO_FAILED, count=1) in all_text(home["blocks"])
    assert len(running.standin.calls_to(COMPLETE)) == 1


def test_an_upload_waits_uncounted_for_its_message_and_goes_into_its_thread(
    db: Database, standin: SimulatedSlack
) -> None:
    clock = FrozenClock(NOW)
    sender = deliverer(db, standin, clock)
    summary = OutboxKey.meeting_summary(2)
    standin.fail("chat.postMessage", error="internal_error")
    queue_post(db, summary)
    queue_upload(db, summary.charts(), OWNERS_CHANNEL, files=[chart()], ref_key=summary)

    sender.deliver_due()
    assert row(db, summary).status == "pending"
    waiting = row(db, summary.charts())
    assert (waiting.status, waiting.attempts) == ("pending", 0)
    assert waiting.last_error == "waiting for the original message"
    assert waiting.next_attempt_at == NOW + WAIT_FOR_ORIGINAL
    assert standin.calls_to("files.getUploadURLExternal") == []

    clock.advance(backoff(1))
    sender.deliver_due()
    channel, ts = row(db, summary).result_channel, row(db, summary).ts
    [upload] = shared(standin)
    assert (upload.args["channel_id"], upload.args["thread_ts"]) == (channel, ts)
    assert upload.args["initial_comment"] == "Diagram"
    assert (row(db, summary.charts()).status, row(db, summary.charts()).attempts) == ("sent", 1)


@pytest.mark.parametrize(
    ("error", "expected"),
    [("channel_not_found", "failed"), (None, "expired"), ("gone", "missing")],
)
def test_an_upload_fails_when_its_message_never_will_be_posted(
    db: Database, standin: SimulatedSlack, error: str | None, expected: str
) -> None:
    clock = FrozenClock(NOW)
    sender = deliverer(db, standin, clock)
    summary = OutboxKey.meeting_summary(3)
    if error == "channel_not_found":
        standin.fail("chat.postMessage", error=error)
        queue_post(db, summary)
    elif error is None:
        with db.transaction() as session:
            outbox.enqueue(
                session,
                key=summary,
                kind="t",
                channel=OWNERS_CHANNEL,
                payload={"text": "x"},
                now=NOW - timedelta(hours=2),
                expires_at=NOW - timedelta(hours=1),
            )
    queue_upload(db, summary.charts(), OWNERS_CHANNEL, files=[chart()], ref_key=summary)

    sender.deliver_due()
    charts = row(db, summary.charts())
    assert (charts.status, charts.last_error) == ("failed", expected)
    assert standin.calls_to("files.getUploadURLExternal") == []
    assert kept_files(db) == 0


def test_two_deliverers_never_upload_the_same_file_twice(
    db: Database, standin: SimulatedSlack
) -> None:
    names = [f"chart-{number}.png" for number in range(8)]
    for number, name in enumerate(names):
        queue_upload(db, OutboxKey.export(ANNA), ANNA, files=[chart(name, PNG + bytes([number]))])
    senders = [deliverer(db, standin, FrozenClock(NOW)) for _ in range(2)]
    start = threading.Barrier(len(senders))
    claimed: list[int] = []

    def run(sender: Deliverer) -> None:
        start.wait()
        claimed.append(sender.deliver_due())

    threads = [threading.Thread(target=run, args=(sender,)) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(claimed) == len(names)
    uploaded = [title for call in shared(standin) for title in titles(call)]
    assert sorted(uploaded) == sorted(name.upper() for name in names)
    with db.reading() as session:
        statuses = session.scalars(select(OutboxMessage.status)).all()
    assert statuses == ["sent"] * len(names)


def test_an_upload_that_got_no_answer_is_not_uploaded_again(
    db: Database, standin: SimulatedSlack
) -> None:
    clock = FrozenClock(datetime.now(UTC))  # Slack's message timestamps are real time
    sender = deliverer(db, standin, clock)
    sender.client.timeout = 0.3  # type: ignore[assignment]
    key = OutboxKey.calendar(ANNA)
    before = len(standin.messages.get("D" + ANNA[1:], []))  # the stand-in outlives tests
    queue_upload(
        db, key, ANNA, files=[chart("samverkan-moten.ics", b"BEGIN:VCALENDAR")], now=clock.now()
    )
    standin.fail(COMPLETE, delay=0.8)  # Slack shares the file, but answers too late

    sender.deliver_due()
    standin.wait_for(COMPLETE, 1)
    assert (row(db, key).status, row(db, key).last_error) == ("pending", "interrupted")
    clock.advance(backoff(1))
    sender.deliver_due()
    assert row(db, key).status == "sent"
    assert len(standin.calls_to(COMPLETE)) == 1
    [looked] = standin.calls_to("conversations.history")
    assert looked.args["channel"] == "D" + ANNA[1:]
    dm = standin.messages["D" + ANNA[1:]][before:]
    assert [[f["name"] for f in m.get("files", [])] for m in dm] == [["samverkan-moten.ics"]]


def test_an_upload_drawn_by_no_registered_renderer_fails_for_good(
    db: Database, standin: SimulatedSlack
) -> None:
    sender = deliverer(db, standin, FrozenClock(NOW))
    key = OutboxKey.meeting_summary(4).charts()
    queue_upload(db, key, OWNERS_CHANNEL, renderer="forgotten")
    sender.deliver_due()
    assert (row(db, key).status, row(db, key).last_error) == ("failed", "unknown_renderer")


def test_an_upload_needs_files_or_a_renderer(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    upgrade(database.engine)
    with pytest.raises(ValueError, match="files or a renderer"):
        queue_upload(database, OutboxKey.export(ANNA), ANNA)
    database.dispose()


# ------------------------------------------------------------------- the migration of 0005


def table(connection: Any, name: str) -> Any:
    from sqlalchemy import MetaData, Table

    return Table(name, MetaData(), autoload_with=connection)


def test_chart_uploads_not_yet_sent_move_into_the_outbox_with_their_files(
    database_url: str,
) -> None:
    database = Database(database_url)
    config = alembic_config(database.engine.url.render_as_string(hide_password=False))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    when = NOW - timedelta(minutes=3)
    with database.engine.begin() as connection:
        rows = table(connection, "outbox")
        uploads = table(connection, "chart_uploads")
        files = table(connection, "chart_files")
        connection.execute(
            rows.insert(),
            [
                {
                    "key": "meeting:7:summary",
                    "kind": "owners_summary",
                    "op": "post",
                    "channel": OWNERS_CHANNEL,
                    "payload": {"text": "x"},
                    "due_at": when,
                    "status": "sent",
                    "attempts": 1,
                    "next_attempt_at": when,
                    "created_at": when,
                }
            ],
        )

        def upload(number: int, status: str, attempts: int, error: str | None = None) -> Any:
            return {
                "id": number,
                "key": f"meeting:{number + 6}:summary:charts",
                "ref_key": f"meeting:{number + 6}:summary",
                "comment": "Diagram till statusrapporten.",
                "status": status,
                "attempts": attempts,
                "next_attempt_at": when,
                "last_error": error,
                "created_at": when,
            }

        connection.execute(
            uploads.insert(),
            [
                upload(1, "sending", 1),
                upload(2, "pending", 0),
                upload(3, "failed", 2, "expired"),
                upload(0, "sent", 1),
            ],
        )
        connection.execute(
            files.insert(),
            [
                {
                    "upload_id": 1,
                    "position": 0,
                    "filename": "a.png",
                    "title": "A",
                    "alt_text": "Diagram A",
                    "data": PNG,
                },
                {
                    "upload_id": 1,
                    "position": 1,
                    "filename": "b.png",
                    "title": "B",
                    "alt_text": "Diagram B",
                    "data": PNG + b"b",
                },
            ],
        )
    upgrade(database.engine)
    with database.reading() as session:
        moved = {
            r.key: r
            for r in session.scalars(select(OutboxMessage).where(OutboxMessage.op == "upload"))
        }
        first = moved["meeting:7:summary:charts"]
        kept = outbox.files_of(session, first.id)
    assert sorted(moved) == [
        "meeting:7:summary:charts",
        "meeting:8:summary:charts",
        "meeting:9:summary:charts",
    ]
    assert (first.status, first.last_error, first.attempts) == ("pending", "interrupted", 1)
    assert (first.channel, first.ref_key) == (OWNERS_CHANNEL, "meeting:7:summary")
    assert first.payload == {"initial_comment": "Diagram till statusrapporten."}
    assert kept == [
        UploadFile("a.png", "A", "Diagram A", PNG),
        UploadFile("b.png", "B", "Diagram B", PNG + b"b"),
    ]
    second = moved["meeting:8:summary:charts"]
    assert (second.status, second.payload["renderer"]) == ("pending", "summary_charts")
    third = moved["meeting:9:summary:charts"]
    assert (third.status, third.last_error) == ("failed", "expired")
    for key in moved:
        OutboxKey.parse(key)
    database.dispose()
