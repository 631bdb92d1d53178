"""Exactly once: restarts, two scheduler processes, kill -9 mid-send, Slack faults, DST nights."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.domain.meetings import holiday_name
from bot.texts import Texts
from bot.texts import meetings as t
from commands.meetings.alerts import failure_reason
from slack_sim.web_api import SimulatedSlack
from storage.db import Database
from storage.models import OutboxMessage
from tests.conftest import NOW
from tests.harness import (
    BASE_CONFIG,
    COORDINATOR,
    OWNER,
    OWNERS_CHANNEL,
    SECRET_KEY,
    WORKING_GROUP,
    RunningBot,
    all_text,
)
from tests.test_meetings import CALL_TIME, CONFIG, REMINDER_TIME, WG_START

tr = Texts("sv")
TZ = ZoneInfo("Europe/Stockholm")
ROOT = Path(__file__).resolve().parents[1]


def tick(running: RunningBot, at: datetime | None = None) -> None:
    """Move the clock (if told) and run one scheduler tick."""
    if at is not None:
        running.clock.set(at)
    running.tick()


def meeting_posts(standin: SimulatedSlack) -> list[str]:
    """Return the outbox keys of every meeting message Slack accepted, in order."""
    keys = []
    for call in standin.calls_to("chat.postMessage"):
        if call.error is not None:
            continue
        key = ((call.args.get("metadata") or {}).get("event_payload") or {}).get("key", "")
        if key.startswith("meeting:"):
            keys.append(key)
    return keys


def rows(db: Database, prefix: str = "meeting:") -> list[OutboxMessage]:
    """Return the outbox rows whose keys start with prefix."""
    with db.reading() as session:
        return list(
            session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.key.like(prefix + "%"))
                .order_by(OutboxMessage.id)
            )
        )


def single_series(**changes: Any) -> dict[str, Any]:
    """Return a configuration with only the working group's series, changed as told."""
    series = {**CONFIG["meetings"][0], **changes}
    return {**BASE_CONFIG, "meetings": [series]}


# ------------------------------------------------------------------------------ restarts


def test_a_restart_catches_up_on_what_fell_due_but_never_on_what_is_too_late(
    standin: SimulatedSlack, database_url: str
) -> None:
    first = RunningBot(standin, database_url, now=NOW, config=CONFIG)
    tick(first)
    first.stop()  # the bot is down when the call falls due
    second = RunningBot(standin, database_url, now=CALL_TIME + timedelta(hours=5), config=CONFIG)
    tick(second)
    tick(second)
    assert meeting_posts(standin) == ["meeting:1:call"]
    second.stop()  # down again through the reminder and the meeting's start
    third = RunningBot(standin, database_url, now=WG_START + timedelta(minutes=1), config=CONFIG)
    tick(third)
    assert meeting_posts(standin) == ["meeting:1:call"]
    assert [r.key for r in rows(third.bot.db)] == ["meeting:1:call"]  # no reminder queued
    tick(third, WG_START + timedelta(hours=2))
    assert meeting_posts(standin) == ["meeting:1:call", "meeting:1:followup"]
    third.stop()


def test_messages_held_up_until_the_meeting_started_expire_unsent(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(standin, sqlite_url, now=REMINDER_TIME, config=single_series())
    standin.fail("chat.postMessage", times=2, error="internal_error")  # Slack has trouble
    tick(running)
    assert meeting_posts(standin) == []
    tick(running, WG_START + timedelta(seconds=1))  # the retry falls after the start
    assert meeting_posts(standin) == []
    statuses = {r.key: (r.status, r.last_error) for r in rows(running.bot.db)}
    assert statuses["meeting:1:call"] == ("expired", "too_late")
    assert statuses["meeting:1:reminder"] == ("expired", "too_late")
    running.stop()


# ---------------------------------------------------------------------- Slack faults


def test_server_errors_are_retried_with_backoff_and_never_lost(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(standin, sqlite_url, now=CALL_TIME, config=single_series())
    standin.fail("chat.postMessage", status=503)  # the deliverer's client does not retry it
    tick(running)
    (call,) = rows(running.bot.db)
    # Slack may have posted before failing: the next attempt looks for the post first.
    assert (call.status, call.attempts, call.last_error) == ("pending", 1, "interrupted")
    assert call.next_attempt_at == CALL_TIME + timedelta(seconds=15)
    tick(running, CALL_TIME + timedelta(seconds=14))
    assert meeting_posts(standin) == []
    tick(running, CALL_TIME + timedelta(seconds=15))
    assert meeting_posts(standin) == ["meeting:1:call"]
    (call,) = rows(running.bot.db)
    assert (call.status, call.attempts) == ("sent", 2)
    running.stop()


def test_a_rate_limit_is_waited_out_as_slack_asks(standin: SimulatedSlack, sqlite_url: str) -> None:
    running = RunningBot(standin, sqlite_url, now=CALL_TIME, config=single_series())
    standin.fail("chat.postMessage", times=1, status=429, retry_after=1)
    tick(running)
    assert meeting_posts(standin) == []
    (call,) = rows(running.bot.db)
    assert (call.status, call.attempts) == ("pending", 0)  # a rate limit is not an attempt
    assert call.next_attempt_at.replace(tzinfo=UTC) == CALL_TIME + timedelta(seconds=1)
    tick(running, CALL_TIME + timedelta(seconds=1))
    assert meeting_posts(standin) == ["meeting:1:call"]
    assert [c.faulted for c in standin.calls_to("chat.postMessage")] == [True, False]
    running.stop()


def test_a_timed_out_post_is_retried_without_posting_twice(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    before = len(standin.messages.get(WORKING_GROUP, []))  # the stand-in outlives tests
    running = RunningBot(standin, sqlite_url, now=CALL_TIME, config=single_series())
    assert running.bot.deliverer is not None
    running.bot.deliverer.client.timeout = 0.3  # type: ignore[assignment]
    standin.fail("chat.postMessage", delay=0.8)  # Slack posts, but answers too late
    tick(running)
    standin.wait_for("chat.postMessage", 1)
    tick(running, CALL_TIME + timedelta(minutes=1))
    assert rows(running.bot.db)[0].status == "sent"  # never lost
    running.stop()
    assert len(standin.messages[WORKING_GROUP]) - before == 1


def test_a_permanent_error_is_recorded_and_shown_to_the_coordinators(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(standin, sqlite_url, now=CALL_TIME, config=single_series())
    standin.fail("chat.postMessage", error="channel_not_found")
    tick(running)
    (call,) = rows(running.bot.db)
    assert (call.status, call.last_error) == ("failed", "channel_not_found")
    tick(running)
    tick(running, CALL_TIME + timedelta(hours=1))
    alerts = [c for c in standin.calls_to("chat.postMessage") if c.args["channel"] == COORDINATOR]
    assert len(alerts) == 1
    reason = failure_reason(running.bot.texts, "channel_not_found", WORKING_GROUP)
    assert reason == tr(t.ERROR_CHANNEL_NOT_FOUND, channel=f"<#{WORKING_GROUP}>")
    assert "kunde inte skicka kallelsen för *Arbetsgruppsmöte*" in all_text(
        alerts[0].args["blocks"]
    )
    assert reason in all_text(alerts[0].args["blocks"])
    running.command("/samverkan", "möten", COORDINATOR)
    listing = all_text(standin.wait_for_response(1)[-1]["blocks"])
    assert "*1 mötesmeddelanden kunde inte skickas.* Senaste: kallelsen" in listing
    assert [r.status for r in rows(running.bot.db, "meeting:1:call")] == ["failed"]
    running.stop()


# --------------------------------------------------------------------- daylight saving


@pytest.mark.parametrize(
    ("local_start", "lead", "due_utc"),
    [
        # October: 02:00-03:00 happens twice; the reminder falls in the second pass.
        (datetime(2027, 10, 31, 9, 0), "7h", datetime(2027, 10, 31, 1, 0, tzinfo=UTC)),
        # March: 02:00-03:00 never happens; the reminder falls just before the gap.
        (datetime(2028, 3, 26, 9, 0), "390m", datetime(2028, 3, 26, 0, 30, tzinfo=UTC)),
    ],
)
def test_a_reminder_in_the_switch_night_is_sent_exactly_once(
    standin: SimulatedSlack, sqlite_url: str, local_start: datetime, lead: str, due_utc: datetime
) -> None:
    config = single_series(
        rrule="FREQ=WEEKLY;COUNT=1",
        start=local_start.isoformat(timespec="minutes"),
        call_before="7d",
        reminder_before=lead,
    )
    begin = due_utc - timedelta(hours=3)
    running = RunningBot(standin, sqlite_url, now=begin, config=config)
    sent_at: list[datetime] = []
    moment = begin
    while moment <= due_utc + timedelta(hours=3):
        before = len(meeting_posts(standin))
        tick(running, moment)
        if "meeting:1:reminder" in meeting_posts(standin)[before:]:
            sent_at.append(moment)
        moment += timedelta(minutes=10)
    assert sent_at == [due_utc]
    assert Counter(meeting_posts(standin)) == {"meeting:1:call": 1, "meeting:1:reminder": 1}
    running.stop()


# ------------------------------------------------------------- real scheduler processes


def _soon_config(
    tmp_path: Path,
    *,
    reminder: str,
    channels: tuple[str, str, str] = (WORKING_GROUP, "C0PLAN0001", OWNERS_CHANNEL),
) -> Path:
    """Write a configuration whose meetings start in two hours (real time), calls due now."""
    start = datetime.now(TZ).replace(second=0, microsecond=0, tzinfo=None) + timedelta(hours=2)
    while holiday_name(start.date()) is not None:
        start += timedelta(days=1)
    series = ""
    for kind, title in (
        ("working_group", "Arbetsgruppsmöte"),
        ("planning", "Planeringsmöte"),
        ("owners", "Ägarmöte"),
    ):
        series += f"""
[[meetings]]
kind = "{kind}"
title = "{title}"
rrule = "FREQ=DAILY;COUNT=1"
start = "{start.isoformat(timespec="minutes")}"
duration = "1h"
call_before = "8d"
reminder_before = "{reminder}"
on_holiday = "skip"
"""
    path = tmp_path / "samverkan.toml"
    path.write_text(
        f"""[channels]
working_group = "{channels[0]}"
coordinators = "{channels[1]}"
owners = "{channels[2]}"
[roles]
coordinators = ["{COORDINATOR}"]
owners = ["{OWNER}"]
{series}""",
        encoding="utf-8",
    )
    return path


def _clock(standin: SimulatedSlack, database_url: str, config: Path) -> subprocess.Popen[bytes]:
    """Start `python -m bot clock` against the stand-in."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "BOT_SECRET_KEY": SECRET_KEY,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": database_url,
        "BOT_CONFIG": str(config),
        "BOT_TICK_SECONDS": "1",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "clock"],
        env=env,
        cwd=config.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Collect the scheduler processes a test starts, and kill any left running."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stderr:
            process.stderr.close()


def _poll(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll another process's progress in the database until condition holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout}s for {what}")
        time.sleep(0.05)


def _meeting_call(call: Any) -> bool:
    """Tell whether a Web API call posted a meeting message."""
    metadata = call.args.get("metadata") or {}
    return str(metadata.get("event_payload", {}).get("key", "")).startswith("meeting:")


def test_two_scheduler_processes_on_one_database_post_everything_exactly_once(
    standin: SimulatedSlack,
    database_url: str,
    tmp_path: Path,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    config = _soon_config(tmp_path, reminder="8d")
    processes += [_clock(standin, database_url, config) for _ in range(2)]
    # Each meeting: a call and a reminder in its channel; the planning meeting reminds the
    # coordinator privately and the owners' meeting the owner.
    standin.wait_for("chat.postMessage", 8, timeout=60, where=_meeting_call)
    with pytest.raises(AssertionError):  # two more ticks of both processes: nothing more
        standin.wait_for("chat.postMessage", 9, timeout=2, where=_meeting_call)
    posted = Counter(meeting_posts(standin))
    assert len(posted) == 8
    assert set(posted.values()) == {1}
    assert {k.split(":", 2)[2] for k in posted} == {
        "call",
        "reminder",
        f"reminder:dm:{COORDINATOR}",
        f"reminder:dm:{OWNER}",
    }
    db = Database(database_url)
    assert {r.status for r in rows(db)} == {"sent"}
    db.dispose()
    for process in processes:
        process.send_signal(signal.SIGTERM)
    assert [process.wait(20) for process in processes] == [0, 0]


def test_a_process_killed_mid_send_never_posts_twice_after_a_restart(
    standin: SimulatedSlack,
    sqlite_url: str,
    tmp_path: Path,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    # Channels of its own: the stand-in keeps earlier tests' messages, with the same keys.
    config = _soon_config(tmp_path, reminder="1h", channels=("C0KILL001", "C0KILL002", "C0KILL003"))
    db = Database(sqlite_url)
    standin.fail("chat.postMessage", delay=2.0)  # the first post hangs; Slack still posts it

    def sending() -> bool:
        """Tell whether the first process has claimed rows and is sending."""
        try:
            return any(r.status == "sending" for r in rows(db))
        except Exception:  # the tables appear once the process has migrated the database
            return False

    processes.append(_clock(standin, sqlite_url, config))
    # Kill only once the post has reached Slack: the stand-in takes its fault on arrival.
    _poll(
        lambda: sending() and not standin._faults.get("chat.postMessage"),
        60,
        "the first post to reach Slack",
    )
    processes[0].send_signal(signal.SIGKILL)
    processes[0].wait(10)
    first = standin.wait_for("chat.postMessage", 1, timeout=10)[0]  # Slack has it; the bot not
    first_key = first.args["metadata"]["event_payload"]["key"]
    stuck = [r.key for r in rows(db) if r.status == "sending"]
    assert first_key in stuck
    with db.transaction() as session:  # five minutes pass: the claims count as abandoned
        for row in session.scalars(select(OutboxMessage).where(OutboxMessage.status == "sending")):
            row.claimed_at = (row.claimed_at or NOW) - timedelta(minutes=6)
    processes.append(_clock(standin, sqlite_url, config))
    _poll(lambda: [r.status for r in rows(db)] == ["sent"] * 3, 60, "the restarted process")
    assert standin.calls_to("conversations.history")
    posted = Counter(meeting_posts(standin))
    assert len(posted) == 3
    assert set(posted.values()) == {1}
    recovered = next(r for r in rows(db) if r.key == first_key)
    in_channel = [
        m["ts"]
        for m in standin.messages[recovered.result_channel or ""]
        if m.get("metadata", {}).get("event_payload", {}).get("key") == first_key
    ]
    assert in_channel == [recovered.ts]  # the row points at the one message Slack holds
    db.dispose()
