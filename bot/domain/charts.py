"""Every chart the bot draws: the owners' summary's charts and an evaluation's.

Each chart is a function that returns its matplotlib Figure (so that tests can read its axes
and labels); chart_style.png turns it into PNG bytes.

Rules they all keep (issue 16): the 1-5 knowledge scale is drawn as a scale from 1 to 5 with
dots and intervals, never as bars from 0; bars carry their values; every title names the
period it covers; an empty series gets no chart (the caller says so in a sentence, see
left_out). The look is shared through bot/domain/chart_style.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from bot.domain import chart_style as style
from bot.domain.indicators import format_number
from bot.domain.needs import STATUS_LABELS, NeedStatus
from bot.domain.summary import (
    Attendance,
    IndicatorSeries,
    MonthCounts,
    StatusSummary,
    TrainingKnowledge,
)
from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN, SurveyStats
from bot.texts import Msg, Texts, formats
from bot.texts import charts as t

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PANELS_PER_IMAGE = 9
INDICATOR_IMAGES_MAX = 4
TRAININGS_MAX = 25
STATUS_COLOURS: dict[NeedStatus, str] = {
    NeedStatus.NEW: "#d62728",
    NeedStatus.TAKEN_UP: "#ff7f0e",
    NeedStatus.PLANNED: "#1f77b4",
    NeedStatus.DONE: "#2ca02c",
    NeedStatus.DECLINED: "#7f7f7f",
    NeedStatus.WITHDRAWN: "#c7c7c7",
}


@dataclass(frozen=True)
class Chart:
    """A drawn chart: file name, title, a text for those who cannot see it, and the PNG."""

    filename: str
    title: str
    alt_text: str
    png: bytes


def _number(tr: Texts, value: float, digits: int = 1) -> str:
    """Write a number with the language's decimal mark (2,5 in Swedish)."""
    return formats.number(tr.language, value, digits, fixed=True)


def _percent(tr: Texts, share: float) -> str:
    """Write a share 0-1 as a whole percentage (75 % in Swedish)."""
    return formats.percent(tr.language, share)


def _month(tr: Texts, month: date) -> str:
    """Write a month with its year: maj 2026, May 2026."""
    return formats.month_year(tr.language, month)


def period_text(tr: Texts, start: datetime, end: datetime, tz: tzinfo) -> str:
    """Write a period as its first and last local day: 2026-09-17 – 2027-02-04."""
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    return tr(
        t.PERIOD,
        start=formats.short_date(tr.language, first),
        end=formats.short_date(tr.language, last),
    )


# --- the owners' summary -------------------------------------------------------------------------


def shown_months(months: Sequence[MonthCounts]) -> list[MonthCounts]:
    """Return the months from the first with a need to the last (now); [] when none had any."""
    first = next((i for i, m in enumerate(months) if m.total), None)
    return [] if first is None else list(months[first:])


def needs_by_status(months: Sequence[MonthCounts], tr: Texts) -> Figure:
    """Draw stacked bars of the needs presented each month, split by their status today.

    months must hold at least one need (see shown_months); the total is written on each bar.
    """
    figure = style.figure(max(7.5, 0.65 * len(months) + 3), 4.6)
    axes = figure.add_subplot()
    positions = list(range(len(months)))
    bottoms = [0] * len(months)
    for status in NeedStatus:
        heights = [m.counts.get(status, 0) for m in months]
        if any(heights):
            axes.bar(
                positions,
                heights,
                bottom=bottoms,
                color=STATUS_COLOURS[status],
                label=tr(STATUS_LABELS[status]),
                width=0.7,
            )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    totals = axes.bar(positions, [0] * len(months), bottom=bottoms, width=0.7)
    style.label_bars(axes, totals, [str(m.total) for m in months])
    axes.set_xticks(positions, [_month(tr, m.month) for m in months], rotation=45, ha="right")
    axes.set_ylabel(tr(t.NEEDS_Y), fontsize=style.FONT)
    axes.set_ylim(0, max(bottoms) * 1.18 + 0.5)
    style.whole_numbers(axes)
    period = tr(t.PERIOD, start=_month(tr, months[0].month), end=_month(tr, months[-1].month))
    style.title(axes, tr(t.NEEDS_TITLE, period=period))
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=style.SMALL, frameon=False)
    style.style(axes, grid="y")
    return figure


def attendance(rows: Sequence[Attendance], tr: Texts, period: str) -> Figure:
    """Draw horizontal bars: the share of the period's working-group meetings each attended.

    Only organisations with meetings held are drawn; there must be at least one.
    """
    shown = [r for r in rows if r.held]
    figure = style.figure(9, max(2.6, 0.32 * len(shown) + 1.4))
    axes = figure.add_subplot()
    positions = list(range(len(shown)))
    shares = [100 * (r.rate or 0) for r in shown]
    bars = axes.barh(positions, shares, color=style.AFTER, height=0.7)
    labels = [
        f"{tr(t.ATTENDANCE_LABEL, attended=r.attended, held=r.held)} ({_percent(tr, r.rate or 0)})"
        for r in shown
    ]
    style.label_bars(axes, bars, labels)
    axes.set_yticks(positions, [style.short(r.name) for r in shown])
    axes.invert_yaxis()
    axes.set_xlim(0, 125)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.set_xlabel(tr(t.ATTENDANCE_X), fontsize=style.FONT)
    style.title(axes, tr(t.ATTENDANCE_TITLE, period=period))
    style.style(axes, grid="x")
    return figure


def knowledge(trainings: Sequence[TrainingKnowledge], tr: Texts, period: str) -> Figure:
    """Draw each training's mean knowledge before and after as two dots on the 1-5 scale.

    An arrow runs from before to after, each dot carries its value; the latest trainings
    (at most TRAININGS_MAX) are drawn, and there must be at least one.
    """
    shown = list(trainings)[-TRAININGS_MAX:]
    figure = style.figure(9, max(2.4, 0.5 * len(shown) + 1.5))
    axes = figure.add_subplot()
    positions = list(range(len(shown)))
    for position, item in zip(positions, shown, strict=True):
        axes.annotate(
            "",
            xy=(item.mean_after, position),
            xytext=(item.mean_before, position),
            arrowprops={"arrowstyle": "->", "color": style.MUTED, "lw": 1.2},
        )
    axes.scatter(
        [s.mean_before for s in shown], positions, s=60, color=style.BEFORE, label=tr(t.BEFORE)
    )
    axes.scatter(
        [s.mean_after for s in shown], positions, s=60, color=style.AFTER, label=tr(t.AFTER)
    )
    for position, item in zip(positions, shown, strict=True):
        left, right = sorted((item.mean_before, item.mean_after))
        for value, side in ((left, "right"), (right, "left")):
            offset = -8 if side == "right" else 8
            axes.annotate(
                _number(tr, value),
                (value, position),
                xytext=(offset, 0),
                textcoords="offset points",
                ha=side,
                va="center",
                fontsize=style.SMALL,
            )
    labels = [tr(t.KNOWLEDGE_LABEL, title=style.short(s.label), n=s.answers) for s in shown]
    axes.set_yticks(positions, labels)
    axes.set_ylim(len(shown) - 0.4, -0.6)
    style.scale_axis(axes, tr(t.SCALE_AXIS))
    style.title(axes, tr(t.KNOWLEDGE_TITLE, period=period))
    axes.legend(loc="lower right", fontsize=style.SMALL, frameon=False, ncols=2)
    style.style(axes, grid="x")
    return figure


def indicators(series: Sequence[IndicatorSeries], tr: Texts, as_of: date) -> list[Figure]:
    """Draw each indicator series as a small line chart, nine to an image, four images at most.

    Each panel names the periods it spans; the last value is written beside its point.
    """
    images: list[Figure] = []
    limit = PANELS_PER_IMAGE * INDICATOR_IMAGES_MAX
    chunks = [
        series[i : i + PANELS_PER_IMAGE]
        for i in range(0, min(len(series), limit), PANELS_PER_IMAGE)
    ]
    for chunk in chunks:
        columns = min(3, len(chunk))
        rows = math.ceil(len(chunk) / columns)
        figure = style.figure(4.4 * columns, 3.5 * rows + 0.4)
        figure.suptitle(
            tr(t.INDICATORS_TITLE, date=formats.short_date(tr.language, as_of)),
            fontsize=style.TITLE,
            x=0.02,
            ha="left",
        )
        for index, item in enumerate(chunk):
            axes = figure.add_subplot(rows, columns, index + 1)
            labels = [p.period.label for p in item.points]
            values = [p.value for p in item.points]
            axes.plot(range(len(values)), values, marker="o", color=style.AFTER)
            axes.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=7)
            span = tr(t.INDICATOR_SPAN, first=labels[0], last=labels[-1])
            heading = f"{style.wrap(item.name, 46)}\n{style.short(item.place)} · {span}"
            axes.set_title(heading, fontsize=8, loc="left")
            axes.set_ylabel(style.short(item.unit), fontsize=7)
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
            style.style(axes, grid="y")
        images.append(figure)
    return images


def left_out(summary: StatusSummary, tr: Texts) -> list[str]:
    """Return a sentence for each summary chart that is not drawn because it has no data."""
    sentences: list[str] = []
    if not shown_months(summary.needs.months):
        sentences.append(tr(t.LEFT_OUT_NEEDS))
    if summary.meetings.available and not any(a.held for a in summary.meetings.attendance):
        sentences.append(tr(t.LEFT_OUT_ATTENDANCE))
    if summary.trainings.available and not summary.trainings.per_training:
        sentences.append(tr(t.LEFT_OUT_KNOWLEDGE))
    if not summary.indicators:
        sentences.append(tr(t.LEFT_OUT_INDICATORS))
    return sentences


def summary_charts(summary: StatusSummary, tr: Texts, tz: tzinfo) -> list[Chart]:
    """Draw the charts that have something to show, in the order of the plan's parts.

    tz is the collaboration's time zone, in which the period's days are written.
    """
    charts: list[Chart] = []
    stamp = summary.generated_at.astimezone(tz).date()
    window = summary.window
    period = period_text(tr, window.start, window.end, tz)

    def name(kind: Msg, number: int = 0) -> str:
        """Return a chart's file name: kind, date and number."""
        suffix = f"-{number}" if number else ""
        return f"{tr(kind)}-{stamp.isoformat()}{suffix}.png"

    if months := shown_months(summary.needs.months):
        span = tr(t.PERIOD, start=_month(tr, months[0].month), end=_month(tr, months[-1].month))
        charts.append(
            Chart(
                name(t.FILE_NEEDS),
                tr(t.NEEDS_TITLE, period=span),
                tr(t.NEEDS_ALT, period=span),
                style.png(needs_by_status(months, tr)),
            )
        )
    if summary.meetings.available and any(a.held for a in summary.meetings.attendance):
        charts.append(
            Chart(
                name(t.FILE_ATTENDANCE),
                tr(t.ATTENDANCE_TITLE, period=period),
                tr(t.ATTENDANCE_ALT, period=period),
                style.png(attendance(summary.meetings.attendance, tr, period)),
            )
        )
    if summary.trainings.available and summary.trainings.per_training:
        charts.append(
            Chart(
                name(t.FILE_KNOWLEDGE),
                tr(t.KNOWLEDGE_TITLE, period=period),
                tr(t.KNOWLEDGE_ALT, period=period),
                style.png(knowledge(summary.trainings.per_training, tr, period)),
            )
        )
    images = indicators(summary.indicators, tr, stamp)
    for number, image in enumerate(images, start=1):
        charts.append(
            Chart(
                name(t.FILE_INDICATORS, number if len(images) > 1 else 0),
                tr(t.INDICATORS_TITLE, date=formats.short_date(tr.language, stamp)),
                tr(t.INDICATORS_ALT),
                style.png(image),
            )
        )
    return charts


# --- one evaluation ------------------------------------------------------------------------------


def evaluation(tr: Texts, heading: str, stats: SurveyStats) -> Figure:
    """Draw one evaluation's shown view: means with 95 % intervals, and answers per step.

    heading is the chart's title (training, date, n). The left panel puts the mean before
    and after on the 1-5 scale, each with its t-interval; the right panel counts the
    answers per step, before and after, each bar labelled. stats must be shown.
    """
    if not stats.shown or stats.mean_before is None or stats.mean_after is None:
        raise ValueError("an evaluation chart needs results that may be shown")
    figure = style.figure(10, 4.2)
    means, counts = figure.subplots(1, 2, width_ratios=[1, 1.35])
    rows = (
        (1, tr(t.BEFORE), stats.mean_before, stats.interval_before, style.BEFORE),
        (0, tr(t.AFTER), stats.mean_after, stats.interval_after, style.AFTER),
    )
    for position, _label, mean, interval, colour in rows:
        if interval is not None:
            low, high = max(interval[0], SCALE_MIN), min(interval[1], SCALE_MAX)
            means.plot([low, high], [position, position], color=colour, lw=2.5, alpha=0.6)
        means.scatter([mean], [position], s=90, color=colour, zorder=3)
        means.annotate(
            _number(tr, mean),
            (mean, position),
            xytext=(0, 9),
            textcoords="offset points",
            ha="center",
            fontsize=style.SMALL,
        )
    means.set_yticks([row[0] for row in rows], [row[1] for row in rows])
    means.set_ylim(-0.7, 1.7)
    style.scale_axis(means, tr(t.SCALE_AXIS))
    means.set_title(tr(t.EVALUATION_MEANS), fontsize=style.FONT, loc="left")
    style.style(means, grid="x")

    steps = list(range(SCALE_MIN, SCALE_MAX + 1))
    width = 0.38
    for shift, label, values, colour in (
        (-width / 2, tr(t.BEFORE), stats.distribution_before, style.BEFORE),
        (width / 2, tr(t.AFTER), stats.distribution_after, style.AFTER),
    ):
        bars = counts.bar([s + shift for s in steps], values, width, label=label, color=colour)
        style.label_bars(counts, bars, [str(v) for v in values])
    counts.set_xticks(steps)
    counts.set_xlabel(tr(t.SCALE_AXIS), fontsize=style.FONT)
    counts.set_ylabel(tr(t.EVALUATION_COUNT_AXIS), fontsize=style.FONT)
    top = max([*stats.distribution_before, *stats.distribution_after, 1])
    counts.set_ylim(0, top * 1.2 + 0.5)
    style.whole_numbers(counts)
    counts.set_title(tr(t.EVALUATION_COUNTS), fontsize=style.FONT, loc="left")
    counts.legend(loc="upper left", fontsize=style.SMALL, frameon=False)
    style.style(counts, grid="y")
    figure.suptitle(style.wrap(heading, 100), fontsize=style.TITLE, x=0.01, ha="left")
    return figure
