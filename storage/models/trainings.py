"""Trainings, the needs they answer, and their anonymous evaluation answers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
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
    """One anonymous evaluation answer, keyed by a keyed hash that stands in for the person.

    Nothing here names the respondent or tells when, or in what order, answers came in: the
    primary key is HMAC-SHA256 of the training id and the Slack user id under the bot's
    secret key (bot/domain/anonymity.py), only the day of the answer is kept, and on SQLite
    the table is stored in key order (WITHOUT ROWID), so it has no hidden sequence either.
    """

    __tablename__ = "survey_responses"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), index=True
    )
    knowledge_before: Mapped[int] = mapped_column(Integer)
    knowledge_after: Mapped[int] = mapped_column(Integer)
    will_use: Mapped[str] = mapped_column(Text, default="")
    was_missing: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date] = mapped_column(Date)


class EvaluationView(Base):
    """One view of an evaluation's results as it was released: interim, or final at closing.

    A view is a fixed copy of the answers (ratings and free texts, sorted by content), so
    that everyone allowed sees the same figures until the next view, and the next view may
    only come when enough answers changed (bot/domain/anonymity.py). Exactly one view per
    training is `current`; earlier ones keep their counts as the record of what was shown,
    and lose their copy of the answers. Only days are kept.
    """

    __tablename__ = "evaluation_views"

    training_id: Mapped[int] = mapped_column(
        ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    shown_on: Mapped[date] = mapped_column(Date)
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    answer_count: Mapped[int] = mapped_column(Integer)
    sum_before: Mapped[int] = mapped_column(Integer)
    sum_after: Mapped[int] = mapped_column(Integer)
    answered_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    content: Mapped[list[list[Any]]] = mapped_column(JSON, default=list)
