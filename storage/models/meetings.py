"""The meeting rhythm: series, meetings, answers, agenda, attendance, contacts, invitations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime


class MeetingSeries(Base):
    """A recurring meeting: from the configuration file or created by a coordinator in Slack."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    source: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(100))
    rrule: Mapped[str] = mapped_column(String(300))
    start_local: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    duration_s: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(200), default="")
    call_before_s: Mapped[int] = mapped_column(Integer)
    reminder_before_s: Mapped[int] = mapped_column(Integer)
    summary_before_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    skip_months: Mapped[list[int]] = mapped_column(JSON, default=list)
    on_holiday: Mapped[str] = mapped_column(String(20))
    agenda: Mapped[list[str]] = mapped_column(JSON, default=list)
    paused: Mapped[bool] = mapped_column(default=False)
    edited_in_slack: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Meeting(Base):
    """One meeting of a series, planned from its rule and possibly moved or cancelled."""

    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("series_id", "rule_key"),
        Index("ix_meetings_status_start", "status", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("meeting_series.id"), index=True)
    rule_key: Mapped[str] = mapped_column(String(10))
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    manual: Mapped[bool] = mapped_column(default=False)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    series: Mapped[MeetingSeries] = relationship(lazy="joined")


class MeetingAnswer(Base):
    """A person's answer to a meeting call: attending, not attending, or a substitute."""

    __tablename__ = "meeting_answers"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[str] = mapped_column(String(40), index=True)
    organization_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    answer: Mapped[str] = mapped_column(String(12))
    substitute: Mapped[str | None] = mapped_column(String(100), nullable=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AgendaItem(Base):
    """An item a partner added to one meeting's agenda."""

    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    added_by: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)


class Attendance(Base):
    """An organisation that attended a meeting: from the answers, or as a coordinator recorded."""

    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    source: Mapped[str] = mapped_column(String(12))
    recorded_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MeetingContact(Base):
    """A working-group contact person of an organisation, reminded when they have not answered."""

    __tablename__ = "meeting_contacts"

    organization_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    source: Mapped[str] = mapped_column(String(12))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MeetingInvitation(Base):
    """A person invited to one meeting (a communicator called in to a planning meeting)."""

    __tablename__ = "meeting_invitations"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    invited_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime)
