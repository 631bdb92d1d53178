"""Inserts that tolerate a duplicate: ON CONFLICT DO NOTHING, and keyed inserts in a savepoint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.models import Base

T = TypeVar("T")


def insert_ignore(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """Insert a row unless it would break a unique constraint; tell whether it was inserted."""
    if session.get_bind().dialect.name == "postgresql":
        statement: Any = postgresql.insert(model).values(**values).on_conflict_do_nothing()
    else:
        statement = sqlite.insert(model).values(**values).on_conflict_do_nothing()
    # SQLAlchemy keeps an INSERT's rowcount only when asked: without preserve_rowcount it is
    # -1 on PostgreSQL (psycopg), and every duplicate would look new.
    result = session.execute(statement.execution_options(preserve_rowcount=True))
    return bool(getattr(result, "rowcount", 0) > 0)


def key_stored(session: Session, column: InstrumentedAttribute[Any], key: str | None) -> bool:
    """Tell whether a row with this key in a unique column is stored (by anyone, committed)."""
    return (
        key is not None and session.scalar(select(column).where(column == key).limit(1)) is not None
    )


def write_once(
    session: Session, write: Callable[[], T], column: InstrumentedAttribute[Any], key: str | None
) -> T | None:
    """Run write (it must flush) in a savepoint; None if it clashed with a key stored meanwhile."""
    # Two processes given the same submission at once both find the key free, and on
    # PostgreSQL the second then breaks the unique index. The savepoint keeps the caller's
    # transaction usable; any other clash, or one without a key, is raised as before.
    try:
        with session.begin_nested():
            return write()
    except IntegrityError:
        if not key_stored(session, column, key):
            raise
        return None


def insert_once(
    session: Session, row: Base, column: InstrumentedAttribute[Any], key: str | None
) -> bool:
    """Insert row unless its key is already stored, now or by a concurrent transaction."""
    if key_stored(session, column, key):
        return False

    def write() -> bool:
        session.add(row)
        session.flush()
        return True

    return write_once(session, write, column, key) is not None
