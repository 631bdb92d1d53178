"""The export's sheets of actions, their history and the minutes (storage/actions.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from bot.domain.export import Sheet
from storage.actions import action_sheets
from storage.export.context import ExportContext


def actions_sheets(session: Session, context: ExportContext) -> Sequence[Sheet]:
    """Return the sheets of actions (with history) and minutes, as of the export's moment."""
    today = context.now.astimezone(context.tz).date()
    names = dict(context.names)
    return action_sheets(session, context.tr, names, context.tz, today, context.person)
