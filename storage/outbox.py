"""The outbox: each message to Slack is a row with a unique key, claimed atomically, sent once."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import OutboxMessage
from storage.upsert import insert_ignore

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
EXPIRED = "expired"
SUPERSEDED = "superseded"
INTERRUPTED = "interrupted"

STALE_CLAIM = timedelta(minutes=5)


@dataclass(frozen=True)
class Claimed:
    """A row this process has claimed and must now send."""

    id: int
    key: str
    kind: str
    op: str
    channel: str
    user: str | None
    ref_key: str | None
    payload: dict[str, Any]
    attempts: int
    token: str
    interrupted: bool
    created_at: datetime


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    channel: str,
    payload: dict[str, Any],
    now: datetime,
    due_at: datetime | None = None,
    op: str = "post",
    ref_key: str | None = None,
    user: str | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """Add a message unless one with the same key exists; tell whether it was added."""
    if op == "update" and ref_key is not None:
        session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.ref_key == ref_key,
                OutboxMessage.op == "update",
                OutboxMessage.status == PENDING,
            )
            .values(status=SUPERSEDED)
        )
    due = due_at or now
    return insert_ignore(
        session,
        OutboxMessage,
        {
            "key": key,
            "kind": kind,
            "op": op,
            "channel": channel,
            "user": user,
            "ref_key": ref_key,
            "payload": payload,
            "due_at": due,
            "expires_at": expires_at,
            "status": PENDING,
            "attempts": 0,
            "next_attempt_at": due,
            "created_at": now,
        },
    )


def unique_key(prefix: str) -> str:
    """Return a fresh key for a message that is sent once per event, not once per thing."""
    return f"{prefix}:{uuid.uuid4().hex[:12]}"


def update_key(ref_key: str) -> str:
    """Return a fresh unique key for an update of the message posted as ref_key."""
    return unique_key(f"{ref_key}:update")


def expire_and_recover(session: Session, now: datetime, in_flight: Iterable[int] = ()) -> None:
    """Expire rows whose moment has passed and free claims left by a process that died.

    Rows this process is sending right now (in_flight) are never taken for abandoned.
    """
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == PENDING,
            OutboxMessage.expires_at.is_not(None),
            OutboxMessage.expires_at <= now,
        )
        .values(status=EXPIRED, last_error="too_late")
    )
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.status == SENDING,
            OutboxMessage.claimed_at <= now - STALE_CLAIM,
            OutboxMessage.id.not_in(list(in_flight)),
        )
        .values(status=PENDING, last_error=INTERRUPTED, next_attempt_at=now)
    )


def claim(
    session: Session, now: datetime, *, keys: list[str] | None = None, limit: int = 20
) -> list[Claimed]:
    """Claim due rows for this process with a conditional UPDATE; return only those it won."""
    token = uuid.uuid4().hex
    candidates = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
    )
    if keys is not None:
        candidates = candidates.where(OutboxMessage.key.in_(keys))
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == PENDING)
        .values(
            status=SENDING,
            claim_token=token,
            claimed_at=now,
            attempts=OutboxMessage.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.claim_token == token).order_by(OutboxMessage.id)
    ).all()
    return [
        Claimed(
            id=row.id,
            key=row.key,
            kind=row.kind,
            op=row.op,
            channel=row.channel,
            user=row.user,
            ref_key=row.ref_key,
            payload=row.payload,
            attempts=row.attempts,
            token=token,
            interrupted=row.last_error == INTERRUPTED,
            created_at=row.created_at,
        )
        for row in rows
    ]


def posted_ts(session: Session, key: str) -> tuple[str, str] | None:
    """Return (channel, ts) of the message sent as key, if it has been sent."""
    row = session.execute(
        select(OutboxMessage.result_channel, OutboxMessage.ts).where(
            OutboxMessage.key == key, OutboxMessage.status == SENT
        )
    ).first()
    if row is None or row[0] is None or row[1] is None:
        return None
    return row[0], row[1]


def mark_sent(session: Session, claimed: Claimed, now: datetime, channel: str, ts: str) -> None:
    """Record that a claimed row was delivered."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(status=SENT, sent_at=now, ts=ts, result_channel=channel, last_error=None)
    )


def mark_retry(
    session: Session, claimed: Claimed, error: str, next_attempt_at: datetime, *, count: bool = True
) -> None:
    """Give a claimed row back to be tried again at next_attempt_at."""
    values: dict[str, Any] = {
        "status": PENDING,
        "claim_token": None,
        "last_error": error[:200],
        "next_attempt_at": next_attempt_at,
    }
    if not count:
        values["attempts"] = OutboxMessage.attempts - 1
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(**values)
    )


def mark_failed(session: Session, claimed: Claimed, error: str) -> None:
    """Record a permanent failure, kept for the coordinators to see."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == claimed.id, OutboxMessage.claim_token == claimed.token)
        .values(status=FAILED, claim_token=None, last_error=error[:200])
    )


def failed_messages(session: Session, limit: int = 20) -> list[OutboxMessage]:
    """Return the messages that could not be delivered, newest first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.status == FAILED)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    )


def count_by_status(session: Session) -> dict[str, int]:
    """Count outbox rows per status."""
    rows = session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    return {str(status): int(count) for status, count in rows}


def next_due(session: Session) -> datetime | None:
    """Return when the next pending row falls due."""
    return session.scalar(
        select(func.min(OutboxMessage.next_attempt_at)).where(
            OutboxMessage.status.in_((PENDING, SENDING))
        )
    )
