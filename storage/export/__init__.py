"""The follow-up export: its sheets, built from parts, and what it says about itself.

Each part (needs, meetings, trainings, indicators) returns its sheets for one export context;
PARTS lists them in the workbook's order, and the "Om exporten" sheet ends it, saying the
period and what is left out for anonymity. A new part of the export (actions) adds a module
here with its sheets function and one entry in PARTS. Rows are streamed from the database:
write the sheets inside the session that built them. People are named as Slack's profile
names them (stored when they act), never by Slack id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from bot.config import Config
from bot.domain.export import Sheet
from bot.texts import Texts
from bot.texts import followup as t
from storage.directory import organizations, people_directory
from storage.export.actions import actions_sheets
from storage.export.context import ExportContext
from storage.export.indicators import indicator_sheets
from storage.export.meetings import meeting_sheets
from storage.export.needs import need_sheets
from storage.export.trainings import training_sheets
from storage.summary import window_for

# One part of the export: its sheets, in order.
ExportPart = Callable[[Session, ExportContext], Sequence[Sheet]]
PARTS: tuple[ExportPart, ...] = (
    need_sheets,
    meeting_sheets,
    training_sheets,
    indicator_sheets,
    actions_sheets,
)

__all__ = ["PARTS", "ExportContext", "ExportPart", "export_sheets"]


def export_sheets(session: Session, config: Config, tr: Texts, now: datetime) -> list[Sheet]:
    """Return the export's sheets (every part's, then "Om exporten"), as of now."""
    context = ExportContext(
        config=config,
        tr=tr,
        now=now,
        window=window_for(session, config, now),
        names={o.id: o.name for o in organizations(session, include_inactive=True)},
        in_order=[(o.id, o.name) for o in organizations(session)],
        people=people_directory(session),
    )
    sheets = [sheet for part in PARTS for sheet in part(session, context)]
    return [*sheets, about_sheet(context)]


def about_sheet(context: ExportContext) -> Sheet:
    """Return the sheet that says what the export is: when, the period, what is left out."""
    tr, tz = context.tr, context.tz
    text = tr(
        t.ABOUT_LINES,
        name=context.config.collaboration.name,
        date=context.now.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        period=context.period_dates[0],
        previous=context.period_dates[1],
        min_answers=context.min_answers,
    )
    return Sheet(
        tr(t.SHEET_ABOUT), [tr(t.SHEET_ABOUT)], [[line] for line in text.split("\n")], widths=(120,)
    )
