"""Erasure of one person and removal of data past its retention age."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import String, cast, delete, select, update
from sqlalchemy.orm import Session

from storage.actions import erase_action_person, retain_actions
from storage.meetings import erase_meeting_person, retain_meeting_answers
from storage.models import (
    AuditEntry,
    Need,
    NeedEvent,
    OrganizationRequest,
    OutboxMessage,
    Person,
    ProcessedRequest,
)
from storage.outbox import FAILED, PENDING, SENT
from storage.trainings import erase_training_person, retain_answers

ERASED = "raderad"

def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def erase_core(session: Session, slack_id: str) -> dict[str, int]:
    """Anonymise a person in needs, history, audit and outbox; forget their organisation."""
    counts = {
        "needs_anonymised": _count(
            session.execute(
                update(Need).where(Need.submitted_by == slack_id).values(submitted_by=None)
            )
        ),
        "need_events_anonymised": _count(
            session.execute(update(NeedEvent).where(NeedEvent.actor == slack_id).values(actor=None))
        ),
        "audit_entries_anonymised": _count(
            session.execute(
                update(AuditEntry).where(AuditEntry.actor == slack_id).values(actor=ERASED)
            )
        ),
        "people_removed": _count(
            session.execute(delete(Person).where(Person.slack_id == slack_id))
        ),
        "organization_requests_removed": _count(
            session.execute(
                delete(OrganizationRequest).where(OrganizationRequest.user_id == slack_id)
            )
        ),
    }
    session.execute(
        update(OrganizationRequest)
        .where(OrganizationRequest.decided_by == slack_id)
        .values(decided_by=ERASED)
    )
    rows = session.scalars(
        select(OutboxMessage).where(
            (OutboxMessage.channel == slack_id)
            | (OutboxMessage.user == slack_id)
            | cast(OutboxMessage.payload, String).contains(slack_id)
        )
    ).all()
    removed = scrubbed = 0
    for row in rows:
        if row.status == PENDING and slack_id in (row.channel, row.user):
            session.delete(row)
            removed += 1
            continue
        row.payload = {"text": ERASED}
        if row.channel == slack_id:
            row.channel = ERASED
        if row.user == slack_id:
            row.user = ERASED
        scrubbed += 1
    counts["messages_not_sent_removed"] = removed
    counts["messages_scrubbed"] = scrubbed
    return counts


def erase_person(session: Session, slack_id: str) -> dict[str, int]:
    """Remove or anonymise everything stored about one Slack user; return what was done."""
    counts = erase_core(session, slack_id)
    for eraser in (erase_meeting_person, erase_training_person, erase_action_person):
        counts.update(eraser(session, slack_id))
    return counts


def retain_core(session: Session, now: datetime, ages: dict[str, timedelta]) -> dict[str, int]:
    """Remove closed needs, logs and delivered messages older than their retention ages."""
    closed = ("done", "declined", "withdrawn")
    old_needs = select(Need.id).where(
        Need.status.in_(closed), Need.updated_at < now - ages["needs"]
    )
    session.execute(delete(NeedEvent).where(NeedEvent.need_id.in_(old_needs)))
    return {
        "needs": _count(
            session.execute(
                delete(Need).where(Need.status.in_(closed), Need.updated_at < now - ages["needs"])
            )
        ),
        "audit_entries": _count(
            session.execute(delete(AuditEntry).where(AuditEntry.at < now - ages["logs"]))
        ),
        "messages": _count(
            session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.status.in_((SENT, FAILED, "expired", "superseded")),
                    OutboxMessage.created_at < now - ages["logs"],
                )
            )
        ),
        "organization_requests": _count(
            session.execute(
                delete(OrganizationRequest).where(
                    OrganizationRequest.status != "pending",
                    OrganizationRequest.decided_at < now - ages["logs"],
                )
            )
        ),
        "processed_requests": _count(
            session.execute(
                delete(ProcessedRequest).where(ProcessedRequest.at < now - timedelta(days=2))
            )
        ),
    }


def apply_retention(session: Session, now: datetime, ages: dict[str, timedelta]) -> dict[str, int]:
    """Remove everything past its retention age; return counts by kind."""
    counts = retain_core(session, now, ages)
    for retainer in (retain_meeting_answers, retain_answers, retain_actions):
        counts.update(retainer(session, now, ages))
    return counts
