"""Who represents which organisation, and the requests to represent one.

A request is a row in organization_requests; at most one per person is pending (a partial
unique index). Deciding one is a conditional update, so that two coordinators clicking at
once decide it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain.organizations import Source
from storage.models import OrganizationRequest, Person
from storage.upsert import insert_ignore

PENDING = "pending"
APPROVED = "approved"
DECLINED = "declined"
CANCELLED = "cancelled"


def get_request(session: Session, request_id: int) -> OrganizationRequest | None:
    """Return the request with this id, if it exists."""
    return session.get(OrganizationRequest, request_id)


def pending_request(session: Session, user_id: str) -> OrganizationRequest | None:
    """Return the person's pending request, if any."""
    return session.scalars(
        select(OrganizationRequest).where(
            OrganizationRequest.user_id == user_id, OrganizationRequest.status == PENDING
        )
    ).first()


def pending_requests(session: Session) -> list[OrganizationRequest]:
    """Return every pending request, oldest first."""
    return list(
        session.scalars(
            select(OrganizationRequest)
            .where(OrganizationRequest.status == PENDING)
            .order_by(OrganizationRequest.requested_at, OrganizationRequest.id)
        )
    )


def cancel_pending(session: Session, user_id: str, now: datetime) -> int:
    """Cancel the person's pending request (a newer one replaces it); return how many."""
    result = session.execute(
        update(OrganizationRequest)
        .where(OrganizationRequest.user_id == user_id, OrganizationRequest.status == PENDING)
        .values(status=CANCELLED, decided_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def add_request(
    session: Session, user_id: str, organization_id: str, now: datetime, *, announced: bool
) -> OrganizationRequest | None:
    """Add a pending request (announced now, or later by the planner).

    Return None when another request of the person's is pending (stored at the same moment).
    """
    added = insert_ignore(
        session,
        OrganizationRequest,
        {
            "user_id": user_id,
            "organization_id": organization_id,
            "status": PENDING,
            "origin": "request",
            "requested_at": now,
            "announced_at": now if announced else None,
        },
    )
    if not added:
        return None
    return pending_request(session, user_id)


def decide(session: Session, request_id: int, status: str, decided_by: str, now: datetime) -> bool:
    """Mark a pending request approved or declined; tell whether this call decided it."""
    result = session.execute(
        update(OrganizationRequest)
        .where(OrganizationRequest.id == request_id, OrganizationRequest.status == PENDING)
        .values(status=status, decided_by=decided_by, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) > 0)


def unannounced_requests(session: Session) -> list[OrganizationRequest]:
    """Return the pending requests the coordinators have not been told about, oldest first."""
    return list(
        session.scalars(
            select(OrganizationRequest)
            .where(
                OrganizationRequest.status == PENDING,
                OrganizationRequest.announced_at.is_(None),
            )
            .order_by(OrganizationRequest.id)
        )
    )


def mark_announced(session: Session, request_ids: Sequence[int], now: datetime) -> None:
    """Record that the coordinators were told about these requests."""
    session.execute(
        update(OrganizationRequest)
        .where(OrganizationRequest.id.in_(list(request_ids)))
        .values(announced_at=now)
    )


def stored_members(session: Session) -> list[Person]:
    """Return the people stored with an organisation (by e-mail or approval), by organisation."""
    return list(
        session.scalars(
            select(Person)
            .where(
                Person.organization_id.is_not(None),
                Person.organization_source.in_([Source.EMAIL, Source.APPROVAL]),
            )
            .order_by(Person.organization_id, Person.slack_id)
        )
    )


def approvers(session: Session, user_ids: Sequence[str]) -> dict[str, str]:
    """Return, for people approved as members, who approved their latest approved request."""
    rows = session.execute(
        select(OrganizationRequest.user_id, OrganizationRequest.decided_by)
        .where(
            OrganizationRequest.user_id.in_(list(user_ids)),
            OrganizationRequest.status == APPROVED,
        )
        .order_by(OrganizationRequest.decided_at)
    ).all()
    return {str(user): str(by) for user, by in rows if by}
