"""Engines and units of work for SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15000
SQLITE_POOL_SIZE = 30


class DatabaseUnavailable(Exception):
    """The database cannot be reached now; the work can be tried again later."""


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
            **pool,
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=5,
        connect_args={"connect_timeout": 3},
    )


def _configure_sqlite(engine: Engine) -> None:
    """Turn on WAL and foreign keys, and take the write lock at BEGIN to avoid upgrade deadlocks."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")


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

    def _writer(self) -> AbstractContextManager[object]:
        """Return this process's turn to write on SQLite (nothing to wait for on PostgreSQL)."""
        return self._write_turn if self._write_turn is not None else nullcontext()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Open a unit of work that commits on success and rolls back on any error."""
        try:
            with self._writer(), self._sessions() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            if _is_disconnect(exc):
                raise DatabaseUnavailable(str(exc.orig)) from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Open a read-only unit of work (no write lock on SQLite)."""
        try:
            with self._read_sessions() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            if _is_disconnect(exc):
                raise DatabaseUnavailable(str(exc.orig)) from exc
            raise

    def healthy(self) -> bool:
        """Tell whether the database answers a trivial query."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


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
            "database is locked",
            "the database system is",
            "connection timeout",
            "timeout expired",
        )
    )
