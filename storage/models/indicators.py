"""The follow-up: coordinators' own indicators, and indicator values with history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime


class Indicator(Base):
    """An indicator a coordinator added; the plan's indicators are built in and not stored."""

    __tablename__ = "indicators"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    unit: Mapped[str] = mapped_column(String(30))
    direction: Mapped[str] = mapped_column(String(10))
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IndicatorValue(Base):
    """One recorded value; a correction adds a new row and marks the old one replaced.

    A value is in force while replaced_at is empty; one per indicator, place and period.
    """

    __tablename__ = "indicator_values"
    __table_args__ = (
        Index("ix_indicator_values_series", "indicator_id", "place", "replaced_at"),
        Index(
            "uq_indicator_values_in_force",
            "indicator_id",
            "place",
            "period_label",
            unique=True,
            sqlite_where=text("replaced_at IS NULL"),
            postgresql_where=text("replaced_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[str] = mapped_column(String(40))
    place: Mapped[str] = mapped_column(String(40))
    period_label: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicator_values.id"), nullable=True
    )
    replaced_by_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
