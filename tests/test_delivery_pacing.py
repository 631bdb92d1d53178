"""Slack's per-channel rate limit: a limited channel waits, the other channels are sent at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from sqlalchemy import select

from bot import scheduler
from bot.clock import FrozenClock
from bot.delivery import Deliverer, retry_after
from bot.slack_app import build_client
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.db import Database
from storage.migrate import upgrade
from storage.models import OutboxMessage
from tests.harness import ANNA, BERIT, ERIK, OWNER, OWNERS_CHANNEL, WORKING_GROUP, RunningBot

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
OTHERS = {"dm-anna": ANNA, "dm-erik": ERIK, "dm-berit": BERIT, "dm-owner": OWNER}


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def limited(standin: SimulatedSlack) -> Iterator[SimulatedSlack]:
    """The stand-in, allowing one message a second per channel as Slack does."""
    standin.limit_rate(1.0)
    yield standin
    standin.limit_rate(None)


def slack_second_passes(standin: SimulatedSlack) -> None:
    """Let Slack's second pass: the stand-in's buckets run on real time, so refill them."""
    standin.next_second()


def queue(db: Database, key: str, channel: str) -> None:
    with db.transaction() as session:
        outbox.enqueue(session, key=key, kind="t", channel=channel, payload={"text": key}, now=NOW)


def row(db: Database, key: str) -> OutboxMessage:
    with db.reading() as session:
        return session.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()


def posts(standin: SimulatedSlack) -> list[tuple[str, str | None]]:
    """Return (outbox key, error) of every chat.postMessage the stand-in answered, in order."""
    return [
        (str(call.args["metadata"]["event_payload"]["key"]), call.error)
        for call in standin.calls_to("chat.postMessage")
    ]


def sender(db: Database, standin: SimulatedSlack, woken: list[datetime]) -> Deliverer:
    return Deliverer(db, build_client("xoxb-test", standin.api_url), FrozenClock(NOW), woken.append)


def test_a_rate_limited_channel_waits_while_the_other_channels_are_sent(
    db: Database, limited: SimulatedSlack
) -> None:
    queue(db, "c1", WORKING_GROUP)
    queue(db, "c2", WORKING_GROUP)
    for key, user in OTHERS.items():
        queue(db, key, user)
    queue(db, "owners", OWNERS_CHANNEL)
    woken: list[datetime] = []
    deliverer = sender(db, limited, woken)
    assert isinstance(deliverer.clock, FrozenClock)

    assert deliverer.deliver_due() == 7
    for key in ["c1", *OTHERS, "owners"]:
        assert row(db, key).status == "sent", key
    c2 = row(db, "c2")
    assert (c2.status, c2.attempts, c2.last_error) == ("pending", 0, "ratelimited")
    assert c2.next_attempt_at == NOW + SECOND
    assert limited.rate_limited == 1
    assert [key for key, error in posts(limited) if error is not None] == ["c2"]
    assert woken == [NOW + SECOND]

    assert deliverer.deliver_due() == 0  # not before Retry-After has passed
    assert len(posts(limited)) == 7

    deliverer.clock.advance(SECOND)
    slack_second_passes(limited)
    assert deliverer.deliver_due() == 1
    c2 = row(db, "c2")
    assert (c2.status, c2.attempts) == ("sent", 1)
    sent = Counter(key for key, error in posts(limited) if error is None)
    assert sent == dict.fromkeys(["c1", "c2", *OTHERS, "owners"], 1)
    assert limited.rate_limited == 1
    assert woken == [NOW + SECOND]


def test_further_rows_of_a_limited_channel_are_given_back_without_asking_slack(
    db: Database, limited: SimulatedSlack
) -> None:
    for key in ("c1", "c2", "c3"):
        queue(db, key, WORKING_GROUP)
    queue(db, "dm-anna", ANNA)
    woken: list[datetime] = []
    deliverer = sender(db, limited, woken)
    assert isinstance(deliverer.clock, FrozenClock)

    deliverer.deliver_due()
    assert posts(limited) == [("c1", None), ("c2", "ratelimited"), ("dm-anna", None)]
    for key in ("c2", "c3"):
        waiting = row(db, key)
        assert (waiting.status, waiting.attempts) == ("pending", 0)
        assert waiting.next_attempt_at == NOW + SECOND
    assert woken == [NOW + SECOND]

    # One a second: c2 goes, c3 is refused once more and waits another second.
    deliverer.clock.advance(SECOND)
    slack_second_passes(limited)
    deliverer.deliver_due()
    assert posts(limited)[3:] == [("c2", None), ("c3", "ratelimited")]
    assert row(db, "c3").next_attempt_at == NOW + 2 * SECOND
    assert woken == [NOW + SECOND, NOW + 2 * SECOND]

    deliverer.clock.advance(SECOND)
    slack_second_passes(limited)
    deliverer.deliver_due()
    assert posts(limited)[5:] == [("c3", None)]
    assert [(row(db, k).status, row(db, k).attempts) for k in ("c1", "c2", "c3")] == [
        ("sent", 1),
        ("sent", 1),
        ("sent", 1),
    ]
    assert limited.rate_limited == 2


def test_only_the_deliverers_client_leaves_429s_and_5xx_to_the_deliverer(
    standin: SimulatedSlack,
) -> None:
    client = build_client("xoxb-test", standin.api_url)
    deliverer = Deliverer(Database("sqlite://"), client, FrozenClock(NOW))
    assert deliverer.client is not client
    left_out = (RateLimitErrorRetryHandler, ServerErrorRetryHandler)
    assert not any(isinstance(h, left_out) for h in deliverer.client.retry_handlers)
    for kind in left_out:
        assert any(isinstance(h, kind) for h in client.retry_handlers)
    assert len(deliverer.client.retry_handlers) == len(client.retry_handlers) - 2
    deliverer.db.dispose()


def test_retry_after_is_read_from_the_header_or_taken_as_one_second() -> None:
    assert retry_after({"Retry-After": "3"}) == timedelta(seconds=3)
    assert retry_after({"retry-after": "2"}) == timedelta(seconds=2)
    assert retry_after({}) == SECOND
    assert retry_after(None) == SECOND
    assert retry_after({"Retry-After": "soon"}) == SECOND
    assert retry_after({"Retry-After": "0"}) == SECOND


@pytest.fixture
def paused() -> Iterator[tuple[BackgroundScheduler, datetime]]:
    """A paused scheduler with a tick job due in an hour; nothing runs."""
    due = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    timer = BackgroundScheduler(timezone=UTC)
    timer.add_job(lambda: None, "interval", seconds=30, id=scheduler.TICK_JOB, next_run_time=due)
    timer.start(paused=True)
    yield timer, due
    timer.shutdown(wait=False)


def next_run(timer: BackgroundScheduler) -> datetime:
    job = timer.get_job(scheduler.TICK_JOB)
    assert job is not None
    return job.next_run_time  # type: ignore[no-any-return]


def test_the_wake_moves_the_tick_earlier_never_later(
    paused: tuple[BackgroundScheduler, datetime],
) -> None:
    timer, due = paused
    wake = scheduler.Waker(timer)
    wake(due + timedelta(seconds=10))
    assert next_run(timer) == due
    wake(due - timedelta(minutes=10))
    assert next_run(timer) == due - timedelta(minutes=10)
    wake(due)
    assert next_run(timer) == due - timedelta(minutes=10)
    wake(due - timedelta(minutes=20))
    assert next_run(timer) == due - timedelta(minutes=20)


def test_a_wake_up_that_fell_during_a_long_tick_is_not_lost(
    paused: tuple[BackgroundScheduler, datetime],
) -> None:
    timer, due = paused
    wake = scheduler.Waker(timer)
    started = due - timedelta(seconds=30)  # the tick that asks, still running at `due - 29 s`
    wake(due - timedelta(seconds=29))
    # APScheduler skipped that run (the tick was still running) and set the next one 30 s on.
    job = timer.get_job(scheduler.TICK_JOB)
    assert job is not None
    job.modify(next_run_time=due + timedelta(seconds=1))
    wake.tick_done(JobExecutionEvent(EVENT_JOB_EXECUTED, scheduler.TICK_JOB, "default", started))
    assert next_run(timer) == due - timedelta(seconds=29)
    # The run it asked for has happened: a later end of a tick moves nothing.
    job.modify(next_run_time=due + timedelta(seconds=1))
    wake.tick_done(JobExecutionEvent(EVENT_JOB_EXECUTED, scheduler.TICK_JOB, "default", due))
    assert next_run(timer) == due + timedelta(seconds=1)


def test_the_background_scheduler_gives_the_deliverer_its_wake(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    far = datetime(2100, 1, 4, 8, 0, tzinfo=UTC)  # the first tick never comes during the test
    running = RunningBot(standin, sqlite_url, now=far)
    timer = scheduler.start_background(running.bot, running.wiring.planners, 30)
    try:
        assert running.bot.deliverer is not None
        assert running.bot.deliverer.wake is not None
        running.bot.deliverer.wake(far - timedelta(hours=1))
        assert next_run(timer) == far - timedelta(hours=1)
        running.bot.deliverer.wake(far)
        assert next_run(timer) == far - timedelta(hours=1)
    finally:
        timer.shutdown(wait=False)
        running.stop()
