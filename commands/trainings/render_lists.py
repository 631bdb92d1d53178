"""Block Kit of the trainings' lists: coming and recent trainings, totals, the Home section."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.trainings import EvaluationState, evaluation_state
from bot.texts import Texts
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge.ids import Block
from commands.trainings.render_format import (
    decimal,
    local_date,
    participants_phrase,
    sections,
    signed,
    subject_label,
    title_text,
    when_text,
)
from commands.trainings.render_messages import answer_button
from storage.models import Training
from storage.trainings import OrganizationTotals, SubjectTotals

HOME_EVALUATIONS_MAX = 10


def status_text(tr: Texts, training: Training, answers: int) -> str:
    """Say where a training's evaluation stands, for the list."""
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is EvaluationState.NONE:
        return tr(t.STATUS_REPORTED, participants=training.reported_participants or 0)
    if state is EvaluationState.OPEN:
        return tr(t.STATUS_OPEN, n=answers)
    if state is EvaluationState.CLOSED:
        return tr(t.STATUS_CLOSED, n=answers)
    return tr(t.STATUS_SCHEDULED)


def training_list(
    tr: Texts,
    coming: list[Training],
    recent: list[Training],
    counts: dict[int, int],
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    days: int,
) -> dict[str, Any]:
    """Return the list of coming and recent trainings."""

    def line(training: Training) -> str:
        """Write one training as a list line."""
        return "• " + tr(
            t.LIST_ITEM,
            id=training.id,
            title=b.escape(b.clip(training.title.replace("*", ""), 80)),
            when=when_text(tr, training, tz),
            organizer=b.escape(names.get(training.organizer_id, training.organizer_id)),
            status=status_text(tr, training, counts.get(training.id, 0)),
        )

    blocks: list[SlackBlock] = [b.header(tr(t.LIST_HEADER))]
    for heading, group in ((tr(t.LIST_COMING), coming), (tr(t.LIST_RECENT, days=days), recent)):
        lines = [heading, *([line(x) for x in group] or [tr(t.LIST_NONE)])]
        blocks += sections(lines)
    blocks.append(b.context(tr(t.LIST_FOOTER)))
    return {"text": tr(t.LIST_HEADER), "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def _totals_line(tr: Texts, name: str, totals: SubjectTotals | OrganizationTotals) -> str:
    """Return one line of totals, with the means when there are enough answers."""
    figures = ""
    if totals.mean_before is not None and totals.mean_after is not None:
        figures = tr(
            t.TOTALS_FIGURES,
            before=decimal(tr, totals.mean_before),
            after=decimal(tr, totals.mean_after),
            change=signed(tr, totals.mean_after - totals.mean_before, 2),
            shown=totals.shown_answers,
        )
    said = participants_phrase(
        tr,
        held=totals.trainings_held,
        registered=totals.registered,
        reported=totals.reported,
        expected_participants=totals.expected_participants,
        reported_participants=totals.reported_participants,
        answers=totals.answers,
    )
    return tr(t.TOTALS_LINE, name=b.escape(name), participants=said, figures=figures)


def totals_message(
    tr: Texts,
    subjects: list[SubjectTotals],
    organizations: list[OrganizationTotals],
    reported: dict[str, int],
    names: dict[str, str],
    period: tuple[str, str],
) -> dict[str, Any]:
    """Return the totals per subject and per organiser, and who has reported back."""
    heading = tr(t.TOTALS_HEADER, start=period[0], end=period[1])
    blocks: list[SlackBlock] = [b.header(heading)]
    if not subjects:
        blocks.append(b.section(tr(t.TOTALS_EMPTY)))
    else:
        subject_lines = [tr(t.TOTALS_SUBJECT)] + [
            _totals_line(tr, subject_label(tr, s.subject), s) for s in subjects
        ]
        blocks += sections(subject_lines)
        org_lines = [tr(t.TOTALS_ORGANIZATION)] + [
            _totals_line(tr, names.get(o.organization_id, o.organization_id), o)
            for o in organizations
        ]
        blocks += sections(org_lines)
    blocks.append(b.divider())
    done = [
        tr(t.REPORTED_LINE, name=b.escape(names.get(org, org)), count=count)
        for org, count in reported.items()
        if count
    ]
    silent = [b.escape(names.get(org, org)) for org, count in reported.items() if not count]
    lines = [tr(t.REPORTED_HEADER), " · ".join(done) or tr(t.LIST_NONE)]
    lines.append(tr(t.NOT_REPORTED, names=", ".join(silent)) if silent else tr(t.ALL_REPORTED))
    blocks += sections(lines)
    return {"text": heading, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def home_blocks(tr: Texts, trainings: list[Training], tz: ZoneInfo) -> list[SlackBlock]:
    """Return the Home tab's section of evaluations waiting for the person's answer."""
    if not trainings:
        return []
    blocks: list[SlackBlock] = [b.divider(), b.section(tr(t.HOME_EVALUATIONS))]
    for training in trainings[:HOME_EVALUATIONS_MAX]:
        closes = training.evaluation_closes_at or training.ends_at
        blocks.append(
            b.section(
                tr(
                    t.HOME_EVALUATION,
                    title=title_text(training),
                    date=local_date(tr, training.starts_at, tz),
                    closes=local_date(tr, closes, tz),
                ),
                block_id=f"{Block.TRAINING_HOME}:{training.id}",
                accessory=answer_button(tr, training.id, primary=False),
            )
        )
    return blocks
