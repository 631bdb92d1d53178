"""All models, imported here so that metadata and Alembic see every table."""

from storage.models.base import Base
from storage.models.core import AuditEntry, Organization, OutboxMessage, Person, ProcessedRequest
from storage.models.needs import Need, NeedEvent

__all__ = [
    "AuditEntry",
    "Base",
    "Need",
    "NeedEvent",
    "Organization",
    "OutboxMessage",
    "Person",
    "ProcessedRequest",
]
