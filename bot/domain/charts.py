"""Charts of the status summary as PNG bytes, drawn with matplotlib's Agg backend.

Figures are built with the object API (no pyplot), so that charts can be drawn in
several threads at once without touching global state.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.domain.indicators import format_number
from bot.domain.needs import STATUS_LABELS, NeedStatus
from bot.domain.summary import (
    Attendance,
    IndicatorSeries,
    MonthCounts,
    StatusSummary,
    TrainingKnowledge,
)
from bot.texts import Msg, Texts
from bot.texts import followup as t

DPI = 100
PANELS_PER_IMAGE = 9
INDICATOR_IMAGES_MAX = 4
TRAININGS_MAX = 25
LABEL_MAX = 38
STATUS_COLOURS: dict[NeedStatus, str] = {
    NeedStatus.NEW: "#d62728",
    NeedStatus.TAKEN_UP: "#ff7f0e",
    NeedStatus.PLANNED: "#1f77b4",
    NeedStatus.DONE: "#2ca02c",
    NeedStatus.DECLINED: "#7f7f7f",
    NeedStatus.WITHDRAWN: "#c7c7c7",
}
BEFORE_COLOUR = "#9ecae1"
AFTER_COLOUR = "#08519c"
LINE_COLOUR = "#08519c"


@dataclass(frozen=True)
class Chart:
    """A drawn chart: file name, title, a text for those who cannot see it, and the PNG."""

    filename: str
    title: str
    alt_text: str
    png: bytes


def _png(figure: Figure) -> bytes:
    """Render a figure as PNG bytes."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def _short(text: str) -> str:
    """Shorten a label to fit beside a bar."""
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


def _month_label(month: date) -> str:
    """Write a month as 2026-05."""
    return f"{month.year}-{month.month:02d}"


def needs_by_status(months: Sequence[MonthCounts], tr: Texts) -> bytes:
    """Draw stacked bars: needs presented each month, split by their status now."""
    figure = Figure(figsize=(10, 4.8))
    axes = figure.add_subplot()
    positions = list(range(len(months)))
    bottoms = [0] * len(months)
    for status in NeedStatus:
        heights = [m.counts.get(status, 0) for m in months]
        if not any(heights):
            continue
        axes.bar(
            positions,
            heights,
            bottom=bottoms,
            color=STATUS_COLOURS[status],
            label=tr(STATUS_LABELS[status]),
            width=0.8,
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_xticks(positions, [_month_label(m.month) for m in months], rotation=45, ha="right")
    axes.set_ylabel(tr(t.CHART_NEEDS_Y))
    axes.set_title(tr(t.CHART_NEEDS_TITLE))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if any(bottoms):
        axes.legend(loc="upper left", fontsize="small")
    else:
        _no_data(axes, tr)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def attendance(rows: Sequence[Attendance], tr: Texts) -> bytes:
    """Draw horizontal bars: the share of working-group meetings each organisation attended."""
    shown = [r for r in rows if r.held]
    figure = Figure(figsize=(9, max(2.5, 0.34 * len(shown) + 1.2)))
    axes = figure.add_subplot()
    labels = [_short(r.name) for r in shown]
    shares = [100 * (r.rate or 0) for r in shown]
    positions = list(range(len(shown)))
    axes.barh(positions, shares, color=LINE_COLOUR)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 115)
    axes.set_xlabel(tr(t.CHART_ATTENDANCE_X))
    axes.set_title(tr(t.CHART_ATTENDANCE_TITLE))
    for position, row, share in zip(positions, shown, shares, strict=True):
        axes.text(share + 1, position, f"{row.attended}/{row.held}", va="center", fontsize=8)
    if not shown:
        _no_data(axes, tr)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def knowledge(trainings: Sequence[TrainingKnowledge], tr: Texts) -> bytes:
    """Draw paired bars: mean knowledge before and after, for the latest trainings."""
    shown = list(trainings)[-TRAININGS_MAX:]
    figure = Figure(figsize=(9, max(2.5, 0.45 * len(shown) + 1.2)))
    axes = figure.add_subplot()
    positions = list(range(len(shown)))
    height = 0.38
    axes.barh(
        [p - height / 2 for p in positions],
        [s.mean_before for s in shown],
        height=height,
        color=BEFORE_COLOUR,
        label=tr(t.CHART_BEFORE),
    )
    axes.barh(
        [p + height / 2 for p in positions],
        [s.mean_after for s in shown],
        height=height,
        color=AFTER_COLOUR,
        label=tr(t.CHART_AFTER),
    )
    axes.set_yticks(positions, [f"{_short(s.label)} (n={s.answers})" for s in shown])
    axes.invert_yaxis()
    axes.set_xlim(0, 5.5)
    axes.set_xticks([1, 2, 3, 4, 5])
    axes.set_title(tr(t.CHART_KNOWLEDGE_TITLE))
    if shown:
        axes.legend(loc="lower right", fontsize="small")
    else:
        _no_data(axes, tr)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def indicators(series: Sequence[IndicatorSeries], tr: Texts) -> list[bytes]:
    """Draw each indicator series as a small line chart, nine to an image, four images at most."""
    images: list[bytes] = []
    limit = PANELS_PER_IMAGE * INDICATOR_IMAGES_MAX
    chunks = [
        series[i : i + PANELS_PER_IMAGE]
        for i in range(0, min(len(series), limit), PANELS_PER_IMAGE)
    ]
    for chunk in chunks:
        columns = min(3, len(chunk))
        rows = math.ceil(len(chunk) / columns)
        figure = Figure(figsize=(4.4 * columns, 3.4 * rows))
        figure.suptitle(tr(t.CHART_INDICATORS_TITLE))
        for index, item in enumerate(chunk):
            axes = figure.add_subplot(rows, columns, index + 1)
            labels = [p.period.label for p in item.points]
            values = [p.value for p in item.points]
            axes.plot(range(len(values)), values, marker="o", color=LINE_COLOUR)
            axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=7)
            axes.set_title(f"{textwrap.fill(item.name, 46)}\n{_short(item.place)}", fontsize=8)
            axes.set_ylabel(_short(item.unit), fontsize=7)
            axes.tick_params(axis="y", labelsize=7)
            axes.annotate(
                format_number(values[-1], tr.language),
                (len(values) - 1, values[-1]),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=7,
            )
            if item.unit_kind.value in {"percent", "count"}:
                axes.set_ylim(bottom=0)
            axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        images.append(_png(figure))
    return images


def _no_data(axes: Any, tr: Texts) -> None:
    """Say in the middle of an empty chart that there is no data."""
    axes.text(0.5, 0.5, tr(t.CHART_NO_DATA), ha="center", va="center", transform=axes.transAxes)


def summary_charts(summary: StatusSummary, tr: Texts) -> list[Chart]:
    """Draw the charts that have something to show, in the order of the plan's parts."""
    charts: list[Chart] = []
    stamp = summary.generated_at.date().isoformat()

    def name(kind: Msg, number: int = 0) -> str:
        """Return a chart's file name: kind, date and number."""
        suffix = f"-{number}" if number else ""
        return f"{tr(kind)}-{stamp}{suffix}.png"

    if any(m.total for m in summary.needs.months):
        charts.append(
            Chart(
                name(t.CHART_FILE_NEEDS),
                tr(t.CHART_NEEDS_TITLE),
                tr(t.CHART_NEEDS_ALT),
                needs_by_status(summary.needs.months, tr),
            )
        )
    if summary.meetings.available and any(a.held for a in summary.meetings.attendance):
        charts.append(
            Chart(
                name(t.CHART_FILE_ATTENDANCE),
                tr(t.CHART_ATTENDANCE_TITLE),
                tr(t.CHART_ATTENDANCE_ALT),
                attendance(summary.meetings.attendance, tr),
            )
        )
    if summary.trainings.available and summary.trainings.per_training:
        charts.append(
            Chart(
                name(t.CHART_FILE_KNOWLEDGE),
                tr(t.CHART_KNOWLEDGE_TITLE),
                tr(t.CHART_KNOWLEDGE_ALT),
                knowledge(summary.trainings.per_training, tr),
            )
        )
    for number, png in enumerate(indicators(summary.indicators, tr), start=1):
        charts.append(
            Chart(
                name(t.CHART_FILE_INDICATORS, number if len(summary.indicators) > 9 else 0),
                tr(t.CHART_INDICATORS_TITLE),
                tr(t.CHART_INDICATORS_ALT),
                png,
            )
        )
    return charts
