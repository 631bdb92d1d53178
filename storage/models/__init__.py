"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.base import Base
from storage.models.core import AuditEntry, Organization, OutboxMessage, Person, ProcessedRequest
from storage.models.indicators import ChartFile, ChartUpload, Indicator, IndicatorValue
from storage.models.meetings import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingAnswer,
    MeetingContact,
    MeetingInvitation,
    MeetingSeries,
)
from storage.models.needs import Need, NeedEvent
from storage.models.trainings import SurveyResponse, Training, TrainingNeed

__all__ = [
    "AgendaItem",
    "Attendance",
    "AuditEntry",
    "Base",
    "ChartFile",
    "ChartUpload",
    "Indicator",
    "IndicatorValue",
    "Meeting",
    "MeetingAnswer",
    "MeetingContact",
    "MeetingInvitation",
    "MeetingSeries",
    "Need",
    "NeedEvent",
    "Organization",
    "OutboxMessage",
    "Person",
    "ProcessedRequest",
    "SurveyResponse",
    "Training",
    "TrainingNeed",
]
