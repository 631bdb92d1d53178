"""The export's needs sheet: every need with every field its submitter and coordinators gave."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.export import Cell, Sheet
from bot.domain.needs import FOCUS_LABELS, STATUS_LABELS, SUPPORT_LABELS, URGENCY_LABELS
from bot.texts import followup as t
from storage.export.context import ExportContext, columns_sheet
from storage.models import Need

COLUMNS = (
    (t.COL_ID, 6),
    (t.COL_CREATED, 17),
    (t.COL_ORGANIZATION, 28),
    (t.COL_TITLE, 40),
    (t.COL_DESCRIPTION, 60),
    (t.COL_FOCUS, 16),
    (t.COL_URGENCY, 12),
    (t.COL_SCOPE, 24),
    (t.COL_SUPPORT, 30),
    (t.COL_STATUS, 18),
    (t.COL_DECLINE_REASON, 40),
    (t.COL_SUBMITTED_BY, 22),
    (t.COL_SUBMITTER_ORGANIZATION, 28),
    (t.COL_UPDATED, 17),
)


def need_sheets(session: Session, context: ExportContext) -> Sequence[Sheet]:
    """Return the needs sheet."""
    tr = context.tr
    return [
        columns_sheet(tr, t.SHEET_NEEDS, COLUMNS, need_rows(session, context))
    ]


def need_rows(session: Session, context: ExportContext) -> Iterator[list[Cell]]:
    """Stream the needs register, one row per need, oldest first."""
    tr = context.tr
    county = tr(t.PLACE_COUNTY)
    focus = {f.value: tr(label) for f, label in FOCUS_LABELS.items()}
    urgency = {u.value: tr(label) for u, label in URGENCY_LABELS.items()}
    support = {s.value: tr(label) for s, label in SUPPORT_LABELS.items()}
    status = {s.value: tr(label) for s, label in STATUS_LABELS.items()}
    query = (
        select(
            Need.id,
            Need.created_at,
            Need.organization_id,
            Need.title,
            Need.description,
            Need.focus_area,
            Need.urgency,
            Need.municipalities,
            Need.support,
            Need.status,
            Need.decline_reason,
            Need.submitted_by,
            Need.updated_at,
        )
        .order_by(Need.id)
        .execution_options(yield_per=2000)
    )
    tz, names = context.tz, context.names
    for need in session.execute(query):
        yield [
            need.id,
            need.created_at.astimezone(tz),
            names.get(need.organization_id, need.organization_id),
            need.title,
            need.description,
            focus.get(need.focus_area, need.focus_area),
            urgency.get(need.urgency, need.urgency),
            context.organizations(need.municipalities) or county,
            ", ".join(support.get(s, s) for s in need.support),
            status.get(need.status, need.status),
            need.decline_reason,
            context.person(need.submitted_by),
            context.person_organization(need.submitted_by),
            need.updated_at.astimezone(tz),
        ]
