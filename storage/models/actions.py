"""Actions and decisions, who is responsible, the needs they answer, their history; minutes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime


class Action(Base):
    """Something the working group decided a partner does, by a due date."""

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_status_due", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    due_date: Mapped[date] = mapped_column(Date)
    # When the due date was last set (or a proposal confirmed): a reminder whose moment lay
    # before it is not sent, since the responsible were just told.
    due_set_at: Mapped[datetime] = mapped_column(UTCDateTime)
    contact_user: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    confirmed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)

    organizations: Mapped[list[ActionOrganization]] = relationship(
        order_by="ActionOrganization.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    needs: Mapped[list[ActionNeed]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ActionNeed.need_id"
    )
    events: Mapped[list[ActionEvent]] = relationship(
        order_by="ActionEvent.id", cascade="all, delete-orphan"
    )

    @property
    def organization_ids(self) -> list[str]:
        """Return the responsible organisations' ids, in the order given."""
        return [o.organization_id for o in self.organizations]

    @property
    def need_ids(self) -> list[int]:
        """Return the ids of the needs the action answers."""
        return [n.need_id for n in self.needs]


class ActionOrganization(Base):
    """An organisation responsible for an action."""

    __tablename__ = "action_organizations"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)


class ActionNeed(Base):
    """A need (from /behov) that an action answers."""

    __tablename__ = "action_needs"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ActionEvent(Base):
    """One step in an action's history: proposed, planned, a report, a new date, done."""

    __tablename__ = "action_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Minutes(Base):
    """The minutes of one meeting: notes per agenda item and the decisions."""

    __tablename__ = "meeting_minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), unique=True
    )
    # [{"item": agenda item ("" for other notes), "text": the notes}]
    notes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    decisions: Mapped[list[str]] = mapped_column(JSON, default=list)
    written_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revision: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
