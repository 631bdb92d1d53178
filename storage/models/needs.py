"""The needs register: needs and their history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime


class Need(Base):
    """A need presented by a partner organisation."""

    __tablename__ = "needs"
    __table_args__ = (Index("ix_needs_status_created", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    description: Mapped[str] = mapped_column(Text)
    focus_area: Mapped[str] = mapped_column(String(30))
    municipalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    urgency: Mapped[str] = mapped_column(String(10))
    support: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="new")
    decline_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    submitted_by: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    events: Mapped[list[NeedEvent]] = relationship(
        back_populates="need", order_by="NeedEvent.id", cascade="all, delete-orphan"
    )


class NeedEvent(Base):
    """One step in a need's history: created, edited, moved, withdrawn."""

    __tablename__ = "need_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("needs.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str | None] = mapped_column(String(40), nullable=True)
    action: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    need: Mapped[Need] = relationship(back_populates="events")
