"""Engines and units of work for SQLite and PostgreSQL.

A unit of work waits for the database (SQLite's single writer, a locked row on PostgreSQL) at
most until the wait limit of the code that runs it (`wait_limit`): the edge sets one while an
answer to Slack is due within 3 seconds, so that a person is told "try again" in time, with
nothing stored, rather than the work being done after Slack has given up on the answer.
Without a limit (the scheduler, the sender, the CLI) a unit of work waits as long as SQLite's
busy timeout. The engines hide SQL parameters (people's free text) from every error message.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15000
SQLITE_POOL_SIZE = 30

# When the code running now must stop waiting for the database (time.monotonic()), if ever.
_wait_until: ContextVar[float | None] = ContextVar("samverkansbot_wait_until", default=None)


class DatabaseUnavailable(Exception):
    """The database cannot be reached now; the work can be tried again later."""


class DatabaseBusy(DatabaseUnavailable):
    """The database stayed locked (by another process or transaction) past the wait limit.

    Nothing of the unit of work is stored: it was rolled back.
    """


class CommitUncertain(DatabaseUnavailable):
    """The connection broke during COMMIT: the unit of work may or may not be stored."""


@dataclass
class Commits:
    """How many units of work have committed inside a `counting_commits` block."""

    count: int = 0


_commits: ContextVar[Commits | None] = ContextVar("samverkansbot_commits", default=None)


@contextmanager
def counting_commits() -> Iterator[Commits]:
    """Count the units of work that commit in this block (in this thread)."""
    commits = Commits()
    token = _commits.set(commits)
    try:
        yield commits
    finally:
        _commits.reset(token)


@contextmanager
def wait_limit(seconds: float) -> Iterator[None]:
    """Let no unit of work opened in this block (in this thread) wait for the database longer.

    seconds counts from now; an outer, earlier limit still holds.
    """
    until = time.monotonic() + seconds
    outer = _wait_until.get()
    token = _wait_until.set(until if outer is None else min(outer, until))
    try:
        yield
    finally:
        _wait_until.reset(token)


def time_left() -> float | None:
    """Return the seconds left under the current wait limit (at least 0), or None without one."""
    until = _wait_until.get()
    return None if until is None else max(until - time.monotonic(), 0.0)


def create_db_engine(url: str) -> Engine:
    """Create an engine: SQLite with WAL, foreign keys and immediate writes, or PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # A file database does not drop connections, so none is pinged before use; the pool
        # keeps one per busy thread (listeners, web threads, senders, the scheduler), since
        # opening one costs its PRAGMAs every time.
        in_memory = parsed.database in (None, "", ":memory:")
        size = SQLITE_POOL_SIZE
        pool = {} if in_memory else {"pool_size": size, "max_overflow": size}
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
            **pool,
        )
        _configure_sqlite(engine)
        return engine
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=5,
        connect_args={"connect_timeout": 3},
        hide_parameters=True,
    )
    _configure_postgresql(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    """Turn on WAL and foreign keys, and take the write lock at BEGIN to avoid upgrade deadlocks."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        record.info["busy_timeout"] = SQLITE_BUSY_TIMEOUT_MS
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # The busy timeout is how long BEGIN waits for another writer: the wait limit, if any.
        left = time_left()
        busy = SQLITE_BUSY_TIMEOUT_MS if left is None else int(left * 1000)
        info = connection.connection.info
        if info.get("busy_timeout") != busy:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={busy}")
            info["busy_timeout"] = busy
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _configure_postgresql(engine: Engine) -> None:
    """Let no statement of a transaction under a wait limit run (or wait for a lock) past it."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        left = time_left()
        if left is not None:
            # SET LOCAL lasts until the transaction ends; at least 1 ms (0 would mean no limit).
            timeout = max(int(left * 1000), 1)
            connection.exec_driver_sql(f"SET LOCAL statement_timeout = {timeout}")


_open = threading.local()


def session_open() -> bool:
    """Tell whether this thread holds a unit of work open (Slack is not to be called then)."""
    return bool(getattr(_open, "depth", 0))


@contextmanager
def _holding() -> Iterator[None]:
    """Count a unit of work as open in this thread while it runs."""
    _open.depth = getattr(_open, "depth", 0) + 1
    try:
        yield
    finally:
        _open.depth -= 1


class Database:
    """The bot's database: opens units of work and answers health checks."""

    def __init__(self, url: str) -> None:
        """Connect lazily to the database at url."""
        self.url = url
        self.engine = create_db_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        read_engine = self.engine.execution_options(sqlite_begin="DEFERRED")
        self._read_sessions = sessionmaker(read_engine, expire_on_commit=False)
        # SQLite has one writer at a time. Threads of this process take turns here
        # instead of polling the file lock in SQLite's busy handler with growing sleeps; the
        # busy timeout still covers other processes.
        self._write_turn: threading.RLock | None = threading.RLock() if self.is_sqlite else None

    @contextmanager
    def _writer(self) -> Iterator[None]:
        """Wait for this process's turn to write on SQLite, within the wait limit.

        Raises DatabaseBusy when the limit passes first. On PostgreSQL nothing is waited for.
        """
        turn = self._write_turn
        if turn is None:
            yield
            return
        left = time_left()
        if not turn.acquire(timeout=-1 if left is None else left):
            raise DatabaseBusy("another writer of this process held the database too long")
        try:
            yield
        finally:
            turn.release()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Open a unit of work that commits on success and rolls back on any error.

        Raises DatabaseBusy when the database stays locked past the wait limit, and
        DatabaseUnavailable when it cannot be reached; in both cases nothing was stored. Raises
        CommitUncertain when the connection broke during COMMIT itself, when nobody can tell.
        """
        if time_left() == 0:
            raise DatabaseBusy("the wait limit passed before the unit of work began")
        committing = False
        try:
            with _holding(), self._writer(), self._sessions() as session, session.begin():
                yield session
                session.flush()
                committing = True  # only COMMIT is left; its failure leaves the outcome open
        except (OperationalError, DBAPIError) as exc:
            if committing and not _is_busy(exc) and _is_disconnect(exc):
                raise CommitUncertain(_reason(exc)) from exc
            _raise_unavailable(exc)
            raise
        counter = _commits.get()
        if counter is not None:
            counter.count += 1

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Open a read-only unit of work (no write lock on SQLite)."""
        try:
            with _holding(), self._read_sessions() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            _raise_unavailable(exc)
            raise

    def healthy(self) -> bool:
        """Tell whether the database answers a trivial query (a bug in asking raises)."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _raise_unavailable(exc: DBAPIError) -> None:
    """Raise DatabaseBusy or DatabaseUnavailable for an error that is one; else return."""
    reason = _reason(exc)
    if _is_busy(exc):
        raise DatabaseBusy(reason) from exc
    if _is_disconnect(exc):
        raise DatabaseUnavailable(reason) from exc


def _reason(exc: DBAPIError) -> str:
    """Return the driver's first line, which names the fault (never SQL or its parameters)."""
    return (str(exc.orig).splitlines() or [type(exc.orig).__name__])[0][:200]


def _is_busy(exc: DBAPIError) -> bool:
    """Tell whether an error means the database stayed locked past the time allowed."""
    message = str(exc.orig).lower()
    return any(
        part in message
        for part in ("database is locked", "statement timeout", "lock timeout", "database is busy")
    )


def _is_disconnect(exc: DBAPIError) -> bool:
    """Tell whether an error means the database is unreachable rather than a bug."""
    if exc.connection_invalidated:
        return True
    message = str(exc.orig).lower()
    return any(
        part in message
        for part in (
            "connection refused",
            "could not connect",
            "server closed",
            "terminating connection",
            "connection is closed",
            "the database system is",
            "connection timeout",
            "timeout expired",
        )
    )
