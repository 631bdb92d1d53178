"""Dialect-aware INSERT … ON CONFLICT DO NOTHING for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import Base


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
