"""Block Kit and the chart of one evaluation's results, and the sentence that sums them up."""

from __future__ import annotations

import io
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN, PMethod, SurveyStats
from bot.texts import Msg, Texts
from bot.texts import trainings as t
from commands import blocks as b
from commands.trainings.render_format import (
    decimal,
    local_date,
    local_datetime,
    p_value,
    percent,
    sections,
    signed,
    subject_label,
    when_text,
)
from storage.models import Training

FREE_TEXT_SHOWN = 300
METHOD_LABELS: dict[PMethod, Msg] = {
    PMethod.EXACT: t.METHOD_EXACT,
    PMethod.PERMUTATION: t.METHOD_PERMUTATION,
    PMethod.NORMAL: t.METHOD_NORMAL,
}


def _distribution_table(tr: Texts, stats: SurveyStats) -> str:
    """Return the counts per scale step as a fixed-width table."""
    steps = range(SCALE_MIN, SCALE_MAX + 1)
    labels = [tr(t.ROW_SCALE), tr(t.ROW_BEFORE), tr(t.ROW_AFTER)]
    width = max(len(label) for label in labels) + 2
    rows = [
        labels[0].ljust(width) + "".join(f"{step:>4}" for step in steps),
        labels[1].ljust(width) + "".join(f"{n:>4}" for n in stats.distribution_before),
        labels[2].ljust(width) + "".join(f"{n:>4}" for n in stats.distribution_after),
    ]
    return "```\n" + "\n".join(rows) + "\n```"


def figure_lines(tr: Texts, stats: SurveyStats) -> list[str]:
    """Return the lines of figures of a shown evaluation (means, change, test, effect, shares)."""
    if stats.mean_before is None or stats.mean_after is None or stats.mean_change is None:
        return []
    lines = [
        tr(
            t.RESULTS_MEANS,
            before=decimal(tr, stats.mean_before),
            after=decimal(tr, stats.mean_after),
        )
    ]
    change = signed(tr, stats.mean_change, 2)
    if stats.ci_low is not None and stats.ci_high is not None:
        lines.append(
            tr(
                t.RESULTS_CHANGE,
                change=change,
                low=signed(tr, stats.ci_low, 2),
                high=signed(tr, stats.ci_high, 2),
            )
        )
    else:
        lines.append(tr(t.RESULTS_CHANGE_NO_CI, change=change))
    if stats.p_value is not None and stats.p_method is not None:
        lines.append(
            tr(
                t.RESULTS_TEST,
                p=p_value(tr, stats.p_value),
                method=tr(METHOD_LABELS[stats.p_method]),
            )
        )
    else:
        lines.append(tr(t.RESULTS_TEST_NONE))
    missing = tr(t.NOT_COMPUTABLE)
    lines.append(
        tr(
            t.RESULTS_EFFECT,
            r=decimal(tr, stats.rank_biserial, 2) if stats.rank_biserial is not None else missing,
            dz=decimal(tr, stats.cohens_dz, 2) if stats.cohens_dz is not None else missing,
        )
    )

    def share(count: int) -> str:
        """Write a count with its share of the answers."""
        return tr(t.SHARE, count=count, percent=percent(tr, stats.share(count)))

    lines.append(
        tr(
            t.RESULTS_SHARES,
            improved=share(stats.improved),
            same=share(stats.same),
            declined=share(stats.declined),
        )
    )
    return lines


def _count_line(tr: Texts, stats: SurveyStats) -> str:
    """Say how many answered, and the response rate when participants were expected."""
    if stats.expected and stats.response_rate is not None:
        return tr(
            t.RESULTS_COUNT,
            n=stats.n,
            expected=stats.expected,
            rate=percent(tr, stats.response_rate),
        )
    return tr(t.RESULTS_COUNT_PLAIN, n=stats.n)


def _state_line(tr: Texts, training: Training, tz: ZoneInfo) -> str:
    """Say whether the evaluation is open, closed or not yet sent."""
    if training.evaluation_closed_at is not None:
        return tr(t.RESULTS_CLOSED, closed=local_date(training.evaluation_closed_at, tz))
    if training.evaluation_opened_at is not None and training.evaluation_closes_at is not None:
        return tr(t.RESULTS_OPEN, closes=local_datetime(training.evaluation_closes_at, tz))
    return tr(t.RESULTS_NOT_SENT)


def _text_blocks(tr: Texts, heading: Msg, texts: list[str]) -> list[SlackBlock]:
    """Return the free texts under a heading, escaped and clipped."""
    lines = [f"• {b.escape(b.clip(' '.join(text.split()), FREE_TEXT_SHOWN))}" for text in texts]
    return list(sections([tr(heading), *(lines or [tr(t.RESULTS_NO_TEXTS)])]))


def results_message(
    tr: Texts,
    training: Training,
    stats: SurveyStats,
    texts: tuple[list[str], list[str]],
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    chart_sent: bool,
) -> dict[str, Any]:
    """Return the results of one evaluation; below the minimum only the count."""
    heading = tr(t.RESULTS_HEADER, id=training.id, title=training.title)
    blocks: list[SlackBlock] = [
        b.header(heading),
        b.context(
            tr(
                t.RESULTS_ABOUT,
                date=when_text(training, tz),
                subject=subject_label(tr, training.subject),
                organizer=b.escape(names.get(training.organizer_id, training.organizer_id)),
            )
        ),
        b.section(_count_line(tr, stats) + "\n" + _state_line(tr, training, tz)),
    ]
    if not stats.shown:
        blocks.append(b.section(tr(t.RESULTS_TOO_FEW, min=stats.min_answers)))
        return {"text": heading, "blocks": b.blocks_dict(blocks)}
    blocks.append(b.section("\n".join(figure_lines(tr, stats))))
    blocks.append(b.section(tr(t.RESULTS_DISTRIBUTION) + "\n" + _distribution_table(tr, stats)))
    used, missing = texts
    blocks.append(b.divider())
    text_blocks = _text_blocks(tr, t.RESULTS_USED, used) + _text_blocks(
        tr, t.RESULTS_MISSING, missing
    )
    room = b.MESSAGE_BLOCKS_MAX - len(blocks) - 2
    blocks += text_blocks[:room]
    notes = [tr(t.RESULTS_TEXTS_NOTE)]
    if chart_sent:
        notes.append(tr(t.RESULTS_CHART_SENT))
    blocks.append(b.context(*notes))
    return {"text": heading, "blocks": b.blocks_dict(blocks)}


def results_chart(tr: Texts, title: str, stats: SurveyStats) -> bytes:
    """Draw the before/after distribution as a PNG (matplotlib, Agg canvas, no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7.5, 4.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    steps = list(range(SCALE_MIN, SCALE_MAX + 1))
    width = 0.38
    before = axes.bar(
        [s - width / 2 for s in steps],
        stats.distribution_before,
        width,
        label=tr(t.ROW_BEFORE),
        color="#9aa5b1",
    )
    after = axes.bar(
        [s + width / 2 for s in steps],
        stats.distribution_after,
        width,
        label=tr(t.ROW_AFTER),
        color="#1d4f91",
    )
    axes.bar_label(before, padding=2, fontsize=9)
    axes.bar_label(after, padding=2, fontsize=9)
    axes.set_xticks(steps)
    axes.set_xlabel(tr(t.CHART_X))
    axes.set_ylabel(tr(t.CHART_Y))
    top = max([*stats.distribution_before, *stats.distribution_after, 1])
    axes.set_ylim(0, top * 1.2 + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(b.clip(tr(t.CHART_TITLE, title=title), 80), fontsize=11)
    if stats.mean_before is not None and stats.mean_after is not None:
        axes.text(
            0.01,
            0.97,
            tr(
                t.CHART_MEANS,
                before=decimal(tr, stats.mean_before),
                after=decimal(tr, stats.mean_after),
                n=stats.n,
            ),
            transform=axes.transAxes,
            va="top",
            fontsize=9,
        )
    axes.legend(loc="upper right")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def figures_sentence(tr: Texts, stats: SurveyStats) -> str:
    """Say in one sentence how knowledge changed, or that there are too few answers."""
    if not stats.shown or stats.mean_before is None or stats.mean_after is None:
        return tr(t.FIGURES_HIDDEN)
    return tr(
        t.FIGURES_SHOWN,
        before=decimal(tr, stats.mean_before),
        after=decimal(tr, stats.mean_after),
    )
