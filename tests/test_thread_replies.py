"""Replies in a thread through the outbox: they wait for their message and are posted once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.delivery import Deliverer
from bot.slack_app import build_client
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.db import Database
from storage.migrate import upgrade
from storage.models import OutboxMessage
from storage.outbox import OutboxKey
from tests.conftest import NOW

CALL = OutboxKey.meeting_call(7)
MINUTES = OutboxKey.minutes_post(3)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def deliverer(db: Database, standin: SimulatedSlack) -> tuple[Deliverer, FrozenClock]:
    clock = FrozenClock(NOW)
    return Deliverer(db, build_client("xoxb-test-token", standin.api_url), clock), clock


def _status(db: Database, key: OutboxKey) -> str:
    with db.reading() as session:
        return session.scalars(
            select(OutboxMessage.status).where(OutboxMessage.key == str(key))
        ).one()


def _queue(
    db: Database,
    key: OutboxKey,
    now: datetime,
    ref_key: OutboxKey | None = None,
    due_at: datetime | None = None,
) -> None:
    with db.transaction() as session:
        outbox.enqueue(
            session,
            key=key,
            kind="t",
            channel="C0ARBETS1",
            payload={"text": str(key)},
            now=now,
            ref_key=ref_key,
            due_at=due_at,
        )


def test_a_reply_waits_for_its_message_and_goes_into_its_thread(
    db: Database, standin: SimulatedSlack, deliverer: tuple[Deliverer, FrozenClock]
) -> None:
    sender, clock = deliverer
    _queue(db, CALL, clock.now(), due_at=clock.now() + timedelta(minutes=1))
    _queue(db, MINUTES, clock.now(), ref_key=CALL)
    sender.deliver_due()
    assert _status(db, MINUTES) == "pending"
    assert standin.calls_to("chat.postMessage") == []
    clock.advance(timedelta(minutes=5))
    sender.deliver_due()
    sender.deliver_due()
    call, reply = standin.calls_to("chat.postMessage")
    assert call.args.get("thread_ts") is None
    with db.reading() as session:
        posted = outbox.posted_ts(session, CALL)
    assert posted is not None
    assert reply.args["thread_ts"] == posted[1]
    assert _status(db, MINUTES) == "sent"


def test_a_reply_interrupted_by_a_crash_is_found_in_the_thread_not_posted_twice(
    db: Database, standin: SimulatedSlack, deliverer: tuple[Deliverer, FrozenClock]
) -> None:
    sender, clock = deliverer
    clock.set(datetime.now(UTC))  # Slack's message timestamps are real time
    _queue(db, CALL, clock.now())
    sender.deliver_due()
    _queue(db, MINUTES, clock.now(), ref_key=CALL)
    with db.transaction() as session:
        [row] = outbox.claim(session, clock.now())
        channel, ts = outbox.posted_ts(session, CALL) or ("", "")
    # The process posts the reply, then dies before it can record it.
    sender.client.chat_postMessage(
        channel=channel,
        thread_ts=ts,
        text="minutes",
        metadata={"event_type": "samverkansbot_outbox", "event_payload": {"key": row.key}},
    )
    clock.advance(outbox.STALE_CLAIM + timedelta(seconds=1))
    sender.deliver_due()
    assert _status(db, MINUTES) == "sent"
    assert len(standin.calls_to("chat.postMessage")) == 2  # the call and the one reply
    assert standin.calls_to("conversations.replies")
