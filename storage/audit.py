"""The audit log: who did what."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AuditEntry


def record(
    session: Session, *, actor: str, action: str, subject: str, now: datetime, detail: str = ""
) -> None:
    """Add an audit entry in the caller's unit of work."""
    session.add(
        AuditEntry(at=now, actor=actor, action=action, subject=subject[:100], detail=detail)
    )


def recent(session: Session, limit: int = 50) -> list[AuditEntry]:
    """Return the newest audit entries first."""
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
