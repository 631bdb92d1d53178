"""Block Kit of one evaluation's results: a plain summary first, the statistics after.

The message opens with one sentence anyone can read (how much higher participants rated
their knowledge, with the confidence interval, and how many rated it higher) and the shares
who rated it higher, the same and lower; the technical statistics follow under a heading of
their own, each with a one-line explanation (issue 16).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN, PMethod, SurveyStats
from bot.texts import Msg, Texts, formats
from bot.texts import common as c
from bot.texts import results as t
from commands import blocks as b
from commands.edge.ids import Action, Block
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
from commands.trainings.render_messages import training_button
from commands.trainings.shown import ShownResults
from storage.models import Training

FREE_TEXT_SHOWN = 300
METHOD_LABELS: dict[PMethod, Msg] = {
    PMethod.EXACT: t.METHOD_EXACT,
    PMethod.PERMUTATION: t.METHOD_PERMUTATION,
    PMethod.NORMAL: t.METHOD_NORMAL,
}


def plain_sentence(tr: Texts, stats: SurveyStats) -> str:
    """Say in one sentence how much knowledge changed, how sure that is, and how many rose.

    E.g. "Deltagarna skattade sin kunskap i genomsnitt 1,8 steg högre efter utbildningen
    (95 % konfidensintervall 0,7–2,9); 5 av 6 skattade högre." stats must be shown.
    """
    change = stats.mean_change or 0.0
    rounded = round(change, 1)
    low, high = stats.ci_low, stats.ci_high
    if low is not None and high is not None:
        if low > 0 or high < 0:
            ends = sorted((abs(low), abs(high)))
            interval = tr(t.INTERVAL, low=decimal(tr, ends[0]), high=decimal(tr, ends[1]))
        else:
            interval = tr(t.INTERVAL_ZERO, low=signed(tr, low), high=signed(tr, high))
    else:
        interval = tr(t.ALL_EQUAL if stats.same < stats.n else t.NO_ONE_CHANGED)
    msg = t.PLAIN_UP if rounded > 0 else t.PLAIN_DOWN if rounded < 0 else t.PLAIN_SAME
    return tr(
        msg,
        change=decimal(tr, abs(change)),
        interval=interval,
        improved=stats.improved,
        n=stats.n,
    )


def _plain_lines(tr: Texts, stats: SurveyStats) -> list[str]:
    """Return the plain summary: the sentence, the shares, the means."""
    before, after = stats.mean_before or 0.0, stats.mean_after or 0.0
    return [
        plain_sentence(tr, stats),
        tr(
            t.SHARES,
            improved=percent(tr, stats.share(stats.improved)),
            same=percent(tr, stats.share(stats.same)),
            declined=percent(tr, stats.share(stats.declined)),
        ),
        tr(t.MEANS, before=decimal(tr, before), after=decimal(tr, after)),
    ]


def technical_lines(tr: Texts, stats: SurveyStats) -> list[str]:
    """Return the statistics, each with its one-line explanation, under their heading."""
    change = signed(tr, stats.mean_change or 0.0, 2)
    lines = [tr(t.TECHNICAL)]
    if stats.ci_low is not None and stats.ci_high is not None:
        low, high = signed(tr, stats.ci_low, 2), signed(tr, stats.ci_high, 2)
        lines.append(tr(t.CHANGE, change=change, low=low, high=high))
    else:
        lines.append(tr(t.CHANGE_NO_CI, change=change))
    if stats.p_value is not None and stats.p_method is not None:
        method = tr(METHOD_LABELS[stats.p_method])
        lines.append(tr(t.TEST, p=p_value(tr, stats.p_value), method=method))
    else:
        lines.append(tr(t.TEST_NONE))
    missing = tr(t.NOT_COMPUTABLE)
    r = decimal(tr, stats.rank_biserial, 2) if stats.rank_biserial is not None else missing
    dz = decimal(tr, stats.cohens_dz, 2) if stats.cohens_dz is not None else missing
    lines += [tr(t.RANK_BISERIAL, r=r), tr(t.COHENS_DZ, dz=dz)]
    return lines


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


def _count_line(tr: Texts, training: Training, answers: int) -> str:
    """Say how many answered, and the response rate when participants were expected."""
    expected = training.expected_participants
    if answers == 0:
        return tr(t.COUNT_NONE)
    if expected:
        rate = percent(tr, answers / expected)
        return tr(t.COUNT, n=answers, expected=expected, rate=rate)
    return tr(t.COUNT_PLAIN, n=answers)


def _state_line(tr: Texts, training: Training, tz: ZoneInfo) -> str:
    """Say whether the evaluation is open, closed or not yet sent."""
    if training.evaluation_closed_at is not None:
        return tr(t.CLOSED, closed=local_date(tr, training.evaluation_closed_at, tz))
    if training.evaluation_opened_at is not None and training.evaluation_closes_at is not None:
        return tr(t.OPEN, closes=local_datetime(tr, training.evaluation_closes_at, tz))
    return tr(t.NOT_SENT)


def _view_lines(tr: Texts, training: Training, shown: ShownResults, min_answers: int) -> list[str]:
    """Say which view of the results is shown, or why none is."""
    closed = training.evaluation_closed_at is not None
    day = formats.short_date(tr.language, shown.view_on) if shown.view_on else ""
    stats = shown.stats
    if not stats.shown:
        if closed:
            return [tr(t.NONE_CAME if shown.answers == 0 else t.TOO_FEW_CLOSED, min=min_answers)]
        lines = [tr(t.SHOWN_AT_CLOSE)]
        return lines + ([tr(t.TOO_FEW, min=min_answers)] if shown.answers < min_answers else [])
    if not closed:
        return [tr(t.INTERIM, date=day, n=stats.n)]
    if shown.held_back:
        return [tr(t.HELD_BACK, n=stats.n, date=day, late=shown.held_back)]
    return []


def _release_blocks(
    tr: Texts, training: Training, shown: ShownResults, min_answers: int
) -> list[SlackBlock]:
    """Offer a coordinator to show interim results, or say when that becomes possible."""
    if not shown.may_release:
        return [b.context(tr(t.RELEASE_NOT_YET, min=min_answers, changed=shown.changed))]
    confirm = b.confirm(
        tr(t.RELEASE_CONFIRM_TITLE),
        tr(t.RELEASE_CONFIRM_TEXT, n=shown.answers, min=min_answers),
        tr(t.RELEASE_CONFIRM_YES),
        tr(c.CANCEL),
    )
    button = training_button(
        tr(t.BUTTON_RELEASE), Action.TRAINING_RELEASE, training.id, confirm=confirm
    )
    return [b.actions([button], block_id=f"{Block.TRAINING_RESULTS_ACTIONS}:{training.id}")]


def _text_blocks(tr: Texts, heading: Msg, texts: list[str]) -> list[SlackBlock]:
    """Return the free texts under a heading, escaped and clipped, in the order given."""
    lines = [f"• {b.escape(b.clip(' '.join(text.split()), FREE_TEXT_SHOWN))}" for text in texts]
    return list(sections([tr(heading), *(lines or [tr(t.NO_TEXTS)])]))


def results_message(
    tr: Texts,
    training: Training,
    shown: ShownResults,
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    min_answers: int,
    offer_release: bool,
) -> dict[str, Any]:
    """Return the results of one evaluation as they may be shown; below the minimum the count.

    offer_release: the reader is a coordinator, who may show interim results while the
    evaluation is open (a button when the anonymity rule allows, else when it will).
    """
    heading = tr(t.HEADER, id=training.id, title=training.title)
    organizer = b.escape(names.get(training.organizer_id, training.organizer_id))
    about = tr(
        t.ABOUT,
        date=when_text(tr, training, tz),
        subject=subject_label(tr, training.subject),
        organizer=organizer,
    )
    status = _count_line(tr, training, shown.answers) + "\n" + _state_line(tr, training, tz)
    blocks: list[SlackBlock] = [b.header(heading), b.context(about), b.section(status)]
    if training.evaluation_opened_at is None:
        return {"text": heading, "blocks": b.blocks_dict(blocks)}
    blocks += [b.section(line) for line in _view_lines(tr, training, shown, min_answers)]
    if offer_release and training.evaluation_closed_at is None:
        blocks += _release_blocks(tr, training, shown, min_answers)
    stats = shown.stats
    if not stats.shown:
        return {"text": heading, "blocks": b.blocks_dict(blocks)}
    blocks.append(b.section("\n".join(_plain_lines(tr, stats))))
    blocks.append(b.divider())
    blocks.append(b.section("\n".join(technical_lines(tr, stats))))
    blocks.append(b.section(tr(t.DISTRIBUTION) + "\n" + _distribution_table(tr, stats)))
    blocks.append(b.divider())
    texts = _text_blocks(tr, t.USED, shown.used) + _text_blocks(tr, t.MISSING, shown.missing)
    room = b.MESSAGE_BLOCKS_MAX - len(blocks) - 1
    blocks += texts[:room]
    blocks.append(b.context(tr(t.TEXTS_NOTE), tr(t.CHART_SENT)))
    return {"text": heading, "blocks": b.blocks_dict(blocks)}


def figures_sentence(tr: Texts, shown: ShownResults) -> str:
    """Sum up the results shown in one sentence for the closing notices, or say why none."""
    if not shown.stats.shown:
        return tr(t.FIGURES_HIDDEN)
    sentence = plain_sentence(tr, shown.stats)
    if shown.held_back and shown.view_on is not None:
        day = formats.short_date(tr.language, shown.view_on)
        sentence += " " + tr(t.FIGURES_FROM_VIEW, n=shown.stats.n, date=day)
    return sentence
