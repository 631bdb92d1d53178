"""The export's training sheets: every training with its evaluation as aggregates, report-back.

Evaluations are exported only as aggregates per training, and their means only when at least
min_answers answered: single answers, free texts and who answered are never exported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from bot.domain.export import Cell, Sheet
from bot.domain.trainings import Origin
from bot.texts import followup as t
from storage.answers import evaluation_aggregates
from storage.export.context import ExportContext, columns_sheet, rounded
from storage.models import Need, Training, TrainingNeed
from storage.summary import subject_label

COLUMNS = (
    (t.COL_ID, 6),
    (t.COL_DATE, 17),
    (t.COL_ENDS, 17),
    (t.COL_TITLE, 40),
    (t.COL_SUBJECT, 22),
    (t.COL_ORGANIZER, 28),
    (t.COL_ORIGIN, 20),
    (t.COL_TARGETS, 40),
    (t.COL_PLACE, 28),
    (t.COL_EXPECTED, 12),
    (t.COL_REPORTED, 12),
    (t.COL_ANSWERS, 8),
    (t.COL_BEFORE, 12),
    (t.COL_AFTER, 12),
    (t.COL_CHANGE, 12),
    (t.COL_RESPONSE_RATE, 12),
    (t.COL_EVALUATION_TO, 26),
    (t.COL_NEEDS, 40),
    (t.COL_REGISTERED_BY, 22),
)


def training_sheets(session: Session, context: ExportContext) -> Sequence[Sheet]:
    """Return the trainings sheet and the report-back sheet."""
    tr = context.tr
    return [
        columns_sheet(tr, t.SHEET_TRAININGS, COLUMNS, training_rows(session, context)),
        Sheet(
            tr(t.SHEET_REPORTS),
            [
                tr(t.COL_ORGANIZATION),
                tr(t.COL_REPORTED_PERIOD, period=context.period_label),
                tr(t.COL_REPORTED_PERIOD, period=context.previous_label),
                tr(t.COL_TOTAL),
            ],
            report_rows(session, context),
            widths=(28, 26, 26, 10),
        ),
    ]


def _needs_answered(session: Session) -> dict[int, list[str]]:
    """Return, per training, the needs it answers as "#12 Title"."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(TrainingNeed.training_id, Need.id, Need.title)
        .join(Need, Need.id == TrainingNeed.need_id)
        .order_by(Need.id)
    ).all()
    for training_id, need_id, title in rows:
        found[int(training_id)].append(f"#{need_id} {title}")
    return found


def _evaluation_to(context: ExportContext, training: Any) -> str | None:
    """Say where a training's evaluation went: a channel, or chosen participants privately."""
    if training.origin != Origin.REGISTERED.value:
        return None
    if training.evaluation_channel is not None:
        return context.tr(t.EVALUATION_TO_CHANNEL)
    count = len(training.evaluation_participants)
    return context.tr(t.EVALUATION_TO_PEOPLE, count=count)


def training_rows(session: Session, context: ExportContext) -> Iterator[list[Cell]]:
    """Stream one row per training, its evaluation aggregated in SQL, never single answers.

    The means are those of the training's shown view (storage/answers.py), left out when
    fewer than min_answers answered.
    """
    tr = context.tr
    answers = evaluation_aggregates(context.min_answers)
    query = (
        select(
            Training.id,
            Training.origin,
            Training.starts_at,
            Training.ends_at,
            Training.title,
            Training.subject,
            Training.organizer_id,
            Training.target_organizations,
            Training.place,
            Training.expected_participants,
            Training.reported_participants,
            Training.evaluation_opened_at,
            Training.evaluation_channel,
            Training.evaluation_participants,
            Training.created_by,
            func.coalesce(answers.c.n, 0).label("n"),
            answers.c.before,
            answers.c.after,
        )
        .outerjoin(answers, answers.c.training_id == Training.id)
        .order_by(Training.starts_at, Training.id)
        .execution_options(yield_per=2000)
    )
    origins = {
        Origin.REGISTERED.value: tr(t.ORIGIN_REGISTERED),
        Origin.REPORTED.value: tr(t.ORIGIN_REPORTED),
    }
    needs = _needs_answered(session)
    minimum = max(context.min_answers, 1)
    for training in session.execute(query):
        count, before, after = training.n, training.before, training.after
        shown = count >= minimum and before is not None and after is not None
        expected = training.expected_participants
        opened = training.evaluation_opened_at is not None
        rate = rounded(100 * count / expected, 1) if opened and expected else None
        registered = training.origin == Origin.REGISTERED.value
        starts = context.local(training.starts_at)
        yield [
            training.id,
            starts if registered or starts is None else starts.date(),  # reported: a day
            context.local(training.ends_at) if registered else None,
            training.title,
            subject_label(tr, training.subject),
            context.names.get(training.organizer_id, training.organizer_id),
            origins.get(training.origin, training.origin),
            context.organizations(training.target_organizations),
            training.place,
            expected,
            training.reported_participants,
            int(count) if registered else None,
            rounded(before) if shown else None,
            rounded(after) if shown else None,
            rounded(float(after) - float(before)) if shown else None,
            rate,
            _evaluation_to(context, training),
            "\n".join(needs.get(training.id, [])),
            context.person(training.created_by),
        ]


def report_rows(session: Session, context: ExportContext) -> list[list[Cell]]:
    """Return trainings reported back per organisation: this period, the one before, in all."""
    window = context.window

    def counted(start: datetime, end: datetime) -> Any:
        """Count the rows that started in [start, end)."""
        inside = and_(Training.starts_at >= start, Training.starts_at < end)
        return func.coalesce(func.sum(case((inside, 1), else_=0)), 0)

    rows = session.execute(
        select(
            Training.organizer_id,
            counted(window.start, window.end),
            counted(window.previous_start, window.start),
            func.count(),
        )
        .where(Training.origin == Origin.REPORTED.value)
        .group_by(Training.organizer_id)
    ).all()
    counts = {str(oid): (int(a), int(b), int(c)) for oid, a, b, c in rows}
    return [[name, *counts.get(oid, (0, 0, 0))] for oid, name in context.in_order]
