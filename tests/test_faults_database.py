"""Faults never lie, the database's part: a locked database is answered "try again" in time.

Slack waits 3 seconds for a form's answer and then tells the person that it failed. So a
submission must be either stored and answered within that time, or answered "try again" with
nothing stored; never stored after Slack has given up (the person would try again and be told
twice, or believe that their need was lost). A second process (SQLite) or a second connection
(PostgreSQL) holds the database's write lock for longer than Slack waits while people submit.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.texts import Texts
from bot.texts import common as c
from commands.edge.ids import Field
from storage.db import Database, DatabaseBusy, wait_limit
from storage.migrate import upgrade
from storage.models import AuditEntry, Need, OutboxMessage
from tests.conftest import NOW
from tests.harness import ANNA, RunningBot
from tests.test_behov import GOOD, open_form

tr = Texts("sv")

SLACK_WAITS = 3.0  # seconds Slack waits for a form's answer
LOCKED_FOR = 6.0  # the longest the rival holds the lock if the test never lets go (seconds)

# A second process: takes SQLite's write lock and holds it until told (or LOCKED_FOR passes).
SQLITE_HOLDER = """
import select, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))
connection.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held(url: str, table: str = "needs") -> Iterator[Callable[[], None]]:
    """Hold the database's write lock from another process or connection; yield a release.

    On PostgreSQL the second connection locks one table against writes (reads go on).
    """
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        holder = subprocess.Popen(
            [sys.executable, "-c", SQLITE_HOLDER, path, str(LOCKED_FOR)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None
        assert holder.stdin is not None
        assert holder.stdout.readline().strip() == "locked"
        stdin = holder.stdin

        def release() -> None:
            if not stdin.closed:
                stdin.close()

        try:
            yield release
        finally:
            release()
            holder.wait(timeout=LOCKED_FOR + 5)
        return
    engine = create_engine(url)
    connection = engine.connect()
    connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))
    timer = threading.Timer(LOCKED_FOR, connection.rollback)
    timer.start()
    released = threading.Lock()

    def let_go() -> None:
        timer.cancel()
        if released.acquire(blocking=False):
            connection.rollback()

    try:
        yield let_go
    finally:
        let_go()
        connection.close()
        engine.dispose()


def stored_views(running: RunningBot) -> list[str]:
    """Return the view ids (source keys) of the stored needs, one per stored need."""
    with running.bot.db.reading() as session:
        return [str(key) for key in session.scalars(select(Need.source_key))]


def submit_all(
    running: RunningBot, view: dict[str, Any], view_ids: list[str]
) -> dict[str, tuple[float, Any]]:
    """Submit the form once per view id, all at once; return each answer and its seconds."""

    def one(view_id: str) -> tuple[str, tuple[float, Any]]:
        started = time.monotonic()
        answer = running.submit(view, GOOD, ANNA, view_id=view_id)
        assert answer.status == 200
        return view_id, (time.monotonic() - started, answer.json())

    with ThreadPoolExecutor(len(view_ids)) as pool:
        return dict(pool.map(one, view_ids))


TRY_AGAIN = {"response_action": "errors", "errors": {Field.NEED_TITLE: tr(c.DATABASE_DOWN)}}


def test_a_form_meeting_a_locked_database_is_answered_in_time_and_never_stored_late(
    running_any: RunningBot,
) -> None:
    running = running_any
    view = open_form(running)
    running.listeners.wait_idle()
    first = [f"VLOCKA{i:02d}" for i in range(16)]
    second = [f"VLOCKB{i:02d}" for i in range(8)]
    with write_lock_held(running.bot.db.url) as release:
        answers = submit_all(running, view, first)  # the lock is held throughout
        with ThreadPoolExecutor(1) as pool:
            later = pool.submit(submit_all, running, view, second)
            time.sleep(0.5)  # the rival's lock outlasts Slack's wait by this much, then goes
            release()
            answers |= later.result()
    running.listeners.wait_idle()

    stored = stored_views(running)
    assert len(stored) == len(set(stored))  # none stored twice
    for view_id, (seconds, answer) in answers.items():
        assert seconds < SLACK_WAITS, (view_id, seconds)
        if answer is None:  # the form closed: the need is stored
            assert view_id in stored
        else:
            assert answer == TRY_AGAIN
            assert view_id not in stored
    assert all(answers[view_id][1] == TRY_AGAIN for view_id in first)

    # Trying again stores each need once, and every stored need gets its card and notice.
    waiting = [v for v, (_, a) in answers.items() if a is not None]
    for _ in range(5):  # a busy machine may say "try again" to a crowd once more: try again
        retried = submit_all(running, view, waiting)
        waiting = [v for v, (_, answer) in retried.items() if answer is not None]
        if not waiting:
            break
    assert waiting == []
    running.listeners.wait_idle()
    assert sorted(stored_views(running)) == sorted(first + second)
    with running.bot.db.reading() as session:
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "need_created")
        )
        queued = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert audited == len(first + second)
    assert queued == 2 * len(first + second)


def test_a_unit_of_work_gives_up_at_its_wait_limit_and_stores_nothing(
    database_url: str,
) -> None:
    database = Database(database_url)
    upgrade(database.engine)
    try:

        def write() -> None:
            with wait_limit(0.5), database.transaction() as session:
                session.add(AuditEntry(at=NOW, actor=ANNA, action="x", subject="y"))

        with write_lock_held(database_url, "audit_log"):
            started = time.monotonic()
            with pytest.raises(DatabaseBusy):
                write()
            assert 0.4 < time.monotonic() - started < 1.5
        with database.reading() as session:
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
    finally:
        database.dispose()
