"""The export's indicator sheet: every value, corrected ones included, with who recorded it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy.orm import Session

from bot.domain.export import Cell, Sheet
from bot.domain.indicators import COUNTY
from bot.texts import followup as t
from storage.export.context import ExportContext, columns_sheet
from storage.indicators import all_indicators, all_values

COLUMNS = (
    (t.COL_ID, 6),
    (t.COL_INDICATOR, 40),
    (t.COL_PLACE, 20),
    (t.COL_PERIOD, 12),
    (t.COL_VALUE, 10),
    (t.COL_UNIT, 16),
    (t.COL_SOURCE, 30),
    (t.COL_NOTE, 40),
    (t.COL_RECORDED, 17),
    (t.COL_RECORDED_BY, 22),
    (t.COL_CURRENT, 9),
    (t.COL_REPLACED_BY, 11),
    (t.COL_PERIOD_START, 12),
    (t.COL_PERIOD_END, 12),
)


def indicator_sheets(session: Session, context: ExportContext) -> Sequence[Sheet]:
    """Return the indicators sheet."""
    tr = context.tr
    return [
        columns_sheet(tr, t.SHEET_INDICATORS, COLUMNS, indicator_rows(session, context))
    ]


def indicator_rows(session: Session, context: ExportContext) -> Iterator[list[Cell]]:
    """Stream every indicator value, series by series in period order, history included."""
    tr = context.tr
    catalogue = {i.id: i for i in all_indicators(session)}
    yes, no, county = tr(t.YES), tr(t.NO), tr(t.PLACE_COUNTY)
    for value in all_values(session):
        indicator = catalogue.get(value.indicator_id)
        yield [
            value.id,
            indicator.label(tr) if indicator else value.indicator_id,
            county if value.place == COUNTY else context.names.get(value.place, value.place),
            value.period_label,
            value.value,
            indicator.unit_label(tr) if indicator else "",
            value.source,
            value.note,
            context.local(value.recorded_at),
            context.person(value.recorded_by),
            no if value.replaced_at is not None else yes,
            value.replaced_by_id,
            value.period_start,
            value.period_end,
        ]
