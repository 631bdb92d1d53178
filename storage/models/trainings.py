"""Trainings, the needs they answer, and their anonymous evaluation answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime


class Training(Base):
    """A training: registered ahead (with an evaluation) or reported back afterwards."""

    __tablename__ = "trainings"
    __table_args__ = (
        Index("ix_trainings_evaluation", "origin", "evaluation_opened_at", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(150))
    subject: Mapped[str] = mapped_column(String(30), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    organizer_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    target_organizations: Mapped[list[str]] = mapped_column(JSON, default=list)
    expected_participants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reported_participants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    evaluation_channel: Mapped[str | None] = mapped_column(String(40), nullable=True)
    evaluation_participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    evaluation_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reminder_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reminder_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    evaluation_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    evaluation_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class TrainingNeed(Base):
    """A need (from /behov) that a training answers."""

    __tablename__ = "training_needs"

    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("needs.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SurveyResponse(Base):
    """One anonymous evaluation answer: a keyed hash stands in for the person.

    Nothing here names the respondent: `respondent` is HMAC-SHA256 of the training id and
    the Slack user id under the bot's secret key, and only the day of the answer is kept.
    """

    __tablename__ = "survey_responses"
    __table_args__ = (UniqueConstraint("training_id", "respondent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), index=True
    )
    respondent: Mapped[str] = mapped_column(String(64))
    knowledge_before: Mapped[int] = mapped_column(Integer)
    knowledge_after: Mapped[int] = mapped_column(Integer)
    will_use: Mapped[str] = mapped_column(Text, default="")
    was_missing: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date] = mapped_column(Date)
