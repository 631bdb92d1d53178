"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.actions import Action, ActionEvent, ActionNeed, ActionOrganization, Minutes
from storage.models.base import Base
from storage.models.core import (
    AuditEntry,
    Organization,
    OrganizationRequest,
    OutboxFile,
    OutboxMessage,
    Person,
    ProcessedRequest,
)
from storage.models.indicators import Indicator, IndicatorValue
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
from storage.models.trainings import EvaluationView, SurveyResponse, Training, TrainingNeed

__all__ = [
    "Action",
    "ActionEvent",
    "ActionNeed",
    "ActionOrganization",
    "AgendaItem",
    "Attendance",
    "AuditEntry",
    "Base",
    "EvaluationView",
    "Indicator",
    "IndicatorValue",
    "Meeting",
    "MeetingAnswer",
    "MeetingContact",
    "MeetingInvitation",
    "MeetingSeries",
    "Minutes",
    "Need",
    "NeedEvent",
    "Organization",
    "OrganizationRequest",
    "OutboxFile",
    "OutboxMessage",
    "Person",
    "ProcessedRequest",
    "SurveyResponse",
    "Training",
    "TrainingNeed",
]
