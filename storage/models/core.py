"""Organisations, people, the audit log, processed requests, the outbox and its files."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime


class Organization(Base):
    """A partner of the collaboration; built in or added by the configuration."""

    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    email_domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Person(Base):
    """A Slack user the bot has met, with the organisation they act for and its source.

    organization_source is a bot.domain.organizations.Source: "email", "approval", "revoked"
    or "none" (configured members are read from the configuration, never stored).
    """

    __tablename__ = "people"

    slack_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id"), nullable=True
    )
    organization_source: Mapped[str] = mapped_column(String(10), default="none")
    display_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    email_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Slack's locale for the person ("sv-SE", "en-US"): None until asked, "" when none given.
    locale: Mapped[str | None] = mapped_column(String(20), nullable=True)
    locale_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class OrganizationRequest(Base):
    """A person's request to represent an organisation; it gives no rights until approved.

    status: "pending", then "approved", "declined" or "cancelled" (a newer request, or the
    person came to belong to an organisation otherwise). origin: "request" (asked in Slack) or
    "migration" (an organisation self-chosen before requests needed approval). announced_at:
    when the coordinators were told that it waits.
    """

    __tablename__ = "organization_requests"
    __table_args__ = (
        # One pending request per person.
        Index(
            "uq_organization_requests_pending",
            "user_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    origin: Mapped[str] = mapped_column(String(12), default="request")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(40), nullable=True)


class AuditEntry(Base):
    """Who did what, for the coordinators."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text, default="")
    # What the entry is about as it was then ({"label": ...}) and what changed
    # ({"changes": [[field, old, new], ...]}); None for entries from before it was kept.
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class ProcessedRequest(Base):
    """A Slack request already acted on, so that retries and double clicks act once."""

    __tablename__ = "processed_requests"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class OutboxMessage(Base):
    """A message to send to Slack exactly once: posted, updated or shown privately."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    op: Mapped[str] = mapped_column(String(10), default="post")
    channel: Mapped[str] = mapped_column(String(40))
    user: Mapped[str | None] = mapped_column(String(40), nullable=True)
    ref_key: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claim_token: Mapped[str | None] = mapped_column(String(40), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ts: Mapped[str | None] = mapped_column(String(40), nullable=True)
    result_channel: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class OutboxFile(Base):
    """One file of an upload in the outbox, kept until the upload is settled."""

    __tablename__ = "outbox_files"
    __table_args__ = (UniqueConstraint("message_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    alt_text: Mapped[str] = mapped_column(String(1000))
    data: Mapped[bytes] = mapped_column(LargeBinary)
