"""The audit log: who did what, to what (as it was called then), and what changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from storage.models import AuditEntry

# One change: the field (a key the audit log's renderer knows), its old and its new value, as
# stored (codes, ids and numbers as text); None where there was no value.
Change = tuple[str, str | None, str | None]
LABEL_MAX = 300


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    subject: str,
    now: datetime,
    detail: str = "",
    label: str = "",
    changes: Sequence[Change] = (),
) -> None:
    """Add an audit entry in the caller's unit of work.

    subject names the object ("need:12"); label is what it was called when this happened (a
    need's title), kept so that the log reads the same after the object changes or is removed;
    changes are the fields that changed, each with its old and new value.
    """
    data: dict[str, Any] | None = None
    if label or changes:
        data = {"label": label[:LABEL_MAX], "changes": [list(change) for change in changes]}
    session.add(
        AuditEntry(
            at=now, actor=actor, action=action, subject=subject[:100], detail=detail, data=data
        )
    )


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: by who acted, by object number, by time (UTC, [start, end))."""

    actors: tuple[str, ...] | None = None
    number: int | None = None
    start: datetime | None = None
    end: datetime | None = None


def recent(
    session: Session, limit: int = 50, where: AuditFilter | None = None
) -> list[AuditEntry]:
    """Return the newest audit entries first, those the filter lets through."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    conditions: list[ColumnElement[bool]] = []
    if where is not None:
        if where.actors is not None:
            conditions.append(AuditEntry.actor.in_(where.actors))
        if where.number is not None:
            conditions.append(
                or_(
                    AuditEntry.subject.like(f"%:{where.number}"),
                    AuditEntry.subject.like(f"%:{where.number}:%"),
                )
            )
        if where.start is not None:
            conditions.append(AuditEntry.at >= where.start)
        if where.end is not None:
            conditions.append(AuditEntry.at < where.end)
    if conditions:
        query = query.where(and_(*conditions))
    return list(session.scalars(query))
