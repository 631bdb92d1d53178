"""Queries of trainings, and totals of their evaluations.

Totals are computed with SQL aggregates; no function here returns who answered what, and
every figure about the answers comes from views that may be shown (storage/answers.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import and_, case, delete, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot.domain.anonymity import answer_key
from bot.domain.trainings import Origin, ReportDraft, TrainingDraft
from storage.answers import answer_counts_by_training, shown_views
from storage.models import (
    EvaluationView,
    Need,
    Organization,
    SurveyResponse,
    Training,
    TrainingNeed,
)
from storage.upsert import insert_once

DEFAULT_MIN_ANSWERS = 3


# --- registering ---------------------------------------------------------------------------------


def create_training(
    session: Session,
    draft: TrainingDraft,
    *,
    created_by: str,
    source_key: str | None,
    now: datetime,
) -> Training | None:
    """Store a registered training and the needs it answers; None if source_key was used."""
    training = Training(
        origin=Origin.REGISTERED.value,
        title=draft.title,
        subject=draft.subject.value,
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        organizer_id=draft.organizer_id,
        target_organizations=list(draft.target_organizations),
        expected_participants=draft.expected_participants,
        reported_participants=None,
        place=draft.place,
        evaluation_channel=draft.evaluation_channel,
        evaluation_participants=list(draft.evaluation_participants),
        created_by=created_by,
        source_key=source_key,
        created_at=now,
        updated_at=now,
    )
    if not insert_once(session, training, Training.source_key, source_key):
        return None
    for need_id in draft.need_ids:
        session.add(TrainingNeed(training_id=training.id, need_id=need_id))
    return training


def create_report(
    session: Session, draft: ReportDraft, *, reported_by: str, source_key: str | None, now: datetime
) -> Training | None:
    """Store a training reported back by a partner; None if source_key was used."""
    training = Training(
        origin=Origin.REPORTED.value,
        title=draft.title,
        subject=draft.subject.value,
        starts_at=draft.starts_at,
        ends_at=draft.starts_at,
        organizer_id=draft.organization_id,
        target_organizations=[],
        expected_participants=None,
        reported_participants=draft.participants,
        place="",
        evaluation_channel=None,
        evaluation_participants=[],
        created_by=reported_by,
        source_key=source_key,
        created_at=now,
        updated_at=now,
    )
    if not insert_once(session, training, Training.source_key, source_key):
        return None
    return training


def get_training(session: Session, training_id: int) -> Training | None:
    """Return a training by id."""
    return session.get(Training, training_id)


def linked_needs(session: Session, training_id: int) -> list[Need]:
    """Return the needs a training answers."""
    return list(
        session.scalars(
            select(Need)
            .join(TrainingNeed, TrainingNeed.need_id == Need.id)
            .where(TrainingNeed.training_id == training_id)
            .order_by(Need.id)
        )
    )


def latest_evaluated(
    session: Session, *, organization_id: str | None = None, created_by: str | None = None
) -> Training | None:
    """Return the latest evaluated training; with filters, of that organiser or registrar only."""
    query = select(Training).where(Training.evaluation_opened_at.is_not(None))
    if organization_id is not None or created_by is not None:
        query = query.where(
            (Training.organizer_id == organization_id) | (Training.created_by == created_by)
        )
    return session.scalar(
        query.order_by(Training.evaluation_opened_at.desc(), Training.id.desc()).limit(1)
    )


def coming_trainings(session: Session, now: datetime, limit: int = 15) -> list[Training]:
    """Return registered trainings that have not ended, soonest first."""
    return list(
        session.scalars(
            select(Training)
            .where(Training.origin == Origin.REGISTERED.value, Training.ends_at > now)
            .order_by(Training.starts_at, Training.id)
            .limit(limit)
        )
    )


def recent_trainings(
    session: Session, now: datetime, since: datetime, limit: int = 15
) -> list[Training]:
    """Return trainings (registered or reported) that ended since `since`, newest first."""
    return list(
        session.scalars(
            select(Training)
            .where(Training.ends_at <= now, Training.ends_at >= since)
            .order_by(Training.ends_at.desc(), Training.id.desc())
            .limit(limit)
        )
    )


# --- answers -------------------------------------------------------------------------------------


def answer_count(session: Session, training_id: int) -> int:
    """Count the answers of one training."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(SurveyResponse)
            .where(SurveyResponse.training_id == training_id)
        )
        or 0
    )


def answer_counts(session: Session, training_ids: Sequence[int]) -> dict[int, int]:
    """Count the answers of several trainings."""
    if not training_ids:
        return {}
    rows = session.execute(
        select(SurveyResponse.training_id, func.count())
        .where(SurveyResponse.training_id.in_(list(training_ids)))
        .group_by(SurveyResponse.training_id)
    ).all()
    return {int(training_id): int(count) for training_id, count in rows}


# --- the evaluation's life -----------------------------------------------------------------------


def anything_due(session: Session, now: datetime) -> bool:
    """Tell cheaply whether any evaluation is due to open, be reminded of or close."""
    open_now = (Training.evaluation_opened_at.is_not(None)) & (
        Training.evaluation_closed_at.is_(None)
    )
    due = session.scalar(
        select(Training.id)
        .where(
            (
                (Training.origin == Origin.REGISTERED.value)
                & Training.evaluation_opened_at.is_(None)
                & (Training.ends_at <= now)
            )
            | (open_now & Training.reminder_done_at.is_(None) & (Training.reminder_due_at <= now))
            | (open_now & (Training.evaluation_closes_at <= now))
        )
        .limit(1)
    )
    return due is not None


def due_to_open(session: Session, now: datetime) -> list[Training]:
    """Return registered trainings that have ended and whose evaluation has not been sent."""
    return list(
        session.scalars(
            select(Training)
            .where(
                Training.origin == Origin.REGISTERED.value,
                Training.evaluation_opened_at.is_(None),
                Training.ends_at <= now,
            )
            .order_by(Training.ends_at, Training.id)
        )
    )


def open_evaluation(
    session: Session, training_id: int, *, now: datetime, reminder_at: datetime, closes_at: datetime
) -> bool:
    """Open a training's evaluation unless it already is; tell whether this call opened it."""
    result = session.execute(
        update(Training)
        .where(
            Training.id == training_id,
            Training.origin == Origin.REGISTERED.value,
            Training.evaluation_opened_at.is_(None),
        )
        .values(
            evaluation_opened_at=now,
            reminder_due_at=reminder_at,
            evaluation_closes_at=closes_at,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def due_reminders(session: Session, now: datetime) -> list[Training]:
    """Return open evaluations whose reminder moment has come and is not yet decided."""
    return list(
        session.scalars(
            select(Training)
            .where(
                Training.evaluation_opened_at.is_not(None),
                Training.evaluation_closed_at.is_(None),
                Training.reminder_done_at.is_(None),
                Training.reminder_due_at <= now,
            )
            .order_by(Training.id)
        )
    )


def mark_reminder_done(session: Session, training_id: int, now: datetime) -> bool:
    """Record that a training's one reminder was decided; tell whether this call did it."""
    result = session.execute(
        update(Training)
        .where(Training.id == training_id, Training.reminder_done_at.is_(None))
        .values(reminder_done_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def due_to_close(session: Session, now: datetime) -> list[Training]:
    """Return open evaluations whose closing moment has come."""
    return list(
        session.scalars(
            select(Training)
            .where(
                Training.evaluation_opened_at.is_not(None),
                Training.evaluation_closed_at.is_(None),
                Training.evaluation_closes_at <= now,
            )
            .order_by(Training.id)
        )
    )


def close_evaluation(session: Session, training_id: int, now: datetime) -> bool:
    """Close an open evaluation; tell whether this call closed it."""
    result = session.execute(
        update(Training)
        .where(
            Training.id == training_id,
            Training.evaluation_opened_at.is_not(None),
            Training.evaluation_closed_at.is_(None),
        )
        .values(evaluation_closed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def open_evaluations_for(
    session: Session, user_id: str, now: datetime, *, secret: bytes
) -> list[Training]:
    """Return open evaluations the person may answer and has not answered, closing soonest first.

    Those are the evaluations sent to them privately, and those open in a channel. Whether
    they answered is checked with the keyed hash, so `secret` (the bot's key) is needed.
    """
    candidates = [
        training
        for training in session.scalars(
            select(Training)
            .where(
                Training.origin == Origin.REGISTERED.value,
                Training.evaluation_opened_at.is_not(None),
                Training.evaluation_closed_at.is_(None),
                Training.evaluation_closes_at > now,
            )
            .order_by(Training.evaluation_closes_at, Training.id)
        )
        if training.evaluation_channel is not None or user_id in training.evaluation_participants
    ]
    if not candidates:
        return []
    keys = [answer_key(secret, training.id, user_id) for training in candidates]
    answered = set(
        session.scalars(select(SurveyResponse.training_id).where(SurveyResponse.key.in_(keys)))
    )
    return [training for training in candidates if training.id not in answered]


# --- totals for the follow-up --------------------------------------------------------------------


@dataclass(frozen=True)
class _Totals:
    """Totals over the trainings of a period, participants kept apart by kind.

    trainings_held counts both kinds: registered (announced ahead, evaluated by the bot) and
    reported (reported back afterwards by a partner). expected_participants is what the
    registrations expected, reported_participants what the report-backs say took part, and
    answers how many answered an evaluation; they are never added together.
    """

    trainings_held: int
    registered: int
    reported: int
    expected_participants: int
    reported_participants: int
    answers: int
    shown_answers: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    response_rate: float | None


@dataclass(frozen=True)
class SubjectTotals(_Totals):
    """Totals of one subject.

    expected_participants are the participants expected at registered trainings,
    reported_participants those reported back, answers every answer stored; response_rate is
    answers per expected participant of the trainings that sent an evaluation. The means pool
    the views that may be shown (shown_answers answers in all) and nothing else, so that no
    hidden training can be computed from a total; they are None when there is no such view.
    """

    subject: str = ""


@dataclass(frozen=True)
class OrganizationTotals(_Totals):
    """Totals of one organiser organisation (see SubjectTotals)."""

    organization_id: str = ""


def _number(value: Any) -> int:
    """Return an aggregate as an int (SQL gives None for no rows)."""
    return int(value or 0)


def _totals_rows(
    session: Session,
    start: datetime,
    end: datetime,
    group: InstrumentedAttribute[str],
    min_answers: int,
) -> list[Any]:
    """Aggregate trainings, their answer counts and their shown views in SQL, by one column."""
    counts, views = answer_counts_by_training(), shown_views(min_answers)
    evaluated_expected = case(
        (
            Training.evaluation_opened_at.is_not(None),
            func.coalesce(Training.expected_participants, 0),
        ),
        else_=0,
    )
    reported = Training.origin == Origin.REPORTED.value
    expected = func.coalesce(Training.expected_participants, 0)
    took_part = func.coalesce(Training.reported_participants, 0)
    return list(
        session.execute(
            select(
                group,
                func.count(Training.id),
                func.sum(case((reported, 0), else_=1)),
                func.sum(case((reported, 1), else_=0)),
                func.sum(case((reported, 0), else_=expected)),
                func.sum(case((reported, took_part), else_=0)),
                func.sum(func.coalesce(counts.c.n, 0)),
                func.sum(views.c.sum_before),
                func.sum(views.c.sum_after),
                func.sum(evaluated_expected),
                func.sum(func.coalesce(views.c.n, 0)),
            )
            .outerjoin(counts, counts.c.training_id == Training.id)
            .outerjoin(views, views.c.training_id == Training.id)
            .where(Training.starts_at >= start, Training.starts_at < end)
            .group_by(group)
            .order_by(group)
        ).all()
    )


def _figures(row: Any) -> dict[str, Any]:
    """Turn one aggregate row into the fields of a totals record."""
    answers, expected, pooled = _number(row[6]), _number(row[9]), _number(row[10])
    before = _number(row[7]) / pooled if pooled else None
    after = _number(row[8]) / pooled if pooled else None
    return {
        "trainings_held": _number(row[1]),
        "registered": _number(row[2]),
        "reported": _number(row[3]),
        "expected_participants": _number(row[4]),
        "reported_participants": _number(row[5]),
        "answers": answers,
        "shown_answers": pooled,
        "mean_before": before,
        "mean_after": after,
        "mean_change": after - before if after is not None and before is not None else None,
        "response_rate": answers / expected if expected else None,
    }


def training_totals(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    min_answers: int = DEFAULT_MIN_ANSWERS,
) -> list[SubjectTotals]:
    """Return totals per subject of the trainings starting in [start, end)."""
    return [
        SubjectTotals(subject=str(row[0]), **_figures(row))
        for row in _totals_rows(session, start, end, Training.subject, min_answers)
    ]


def training_totals_by_organization(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    min_answers: int = DEFAULT_MIN_ANSWERS,
) -> list[OrganizationTotals]:
    """Return totals per organiser organisation of the trainings starting in [start, end)."""
    return [
        OrganizationTotals(organization_id=str(row[0]), **_figures(row))
        for row in _totals_rows(session, start, end, Training.organizer_id, min_answers)
    ]


def report_back_status(session: Session, start: datetime, end: datetime) -> dict[str, int]:
    """Return organisation id -> trainings reported back in [start, end); 0 for the silent ones."""
    counts = {
        str(organization): int(count)
        for organization, count in session.execute(
            select(Training.organizer_id, func.count())
            .where(
                Training.origin == Origin.REPORTED.value,
                Training.starts_at >= start,
                Training.starts_at < end,
            )
            .group_by(Training.organizer_id)
        ).all()
    }
    status = {
        org_id: counts.pop(org_id, 0)
        for org_id in session.scalars(
            select(Organization.id)
            .where(Organization.active.is_(True))
            .order_by(Organization.position, Organization.name)
        )
    }
    status.update(counts)
    return status


class BeforeAfter(NamedTuple):
    """One training's shown view for the follow-up charts: title, start, means and answers."""

    title: str
    starts_at: datetime
    mean_before: float
    mean_after: float
    n: int


def per_training_before_after(
    session: Session,
    start: datetime,
    end: datetime,
    *,
    min_answers: int = DEFAULT_MIN_ANSWERS,
) -> list[BeforeAfter]:
    """Return the means of every training starting in [start, end) whose view may be shown.

    Trainings without such a view are left out: they have nothing to show.
    """
    views = shown_views(min_answers)
    rows = session.execute(
        select(Training.title, Training.starts_at, views.c.sum_before, views.c.sum_after, views.c.n)
        .join(views, views.c.training_id == Training.id)
        .where(Training.starts_at >= start, Training.starts_at < end)
        .order_by(Training.starts_at, Training.id)
    ).all()
    return [
        BeforeAfter(str(title), starts, int(before) / int(n), int(after) / int(n), int(n))
        for title, starts, before, after, n in rows
    ]


# --- privacy: erasure and retention --------------------------------------------------------------


def erase_training_person(session: Session, slack_id: str) -> dict[str, int]:
    """Forget a person as registrar and as a recipient of evaluations (answers name no one)."""
    registrar = session.execute(
        update(Training)
        .where(Training.created_by == slack_id)
        .values(created_by=None)
        .execution_options(synchronize_session=False)
    )
    lists = 0
    for training in session.scalars(
        select(Training).where(Training.origin == Origin.REGISTERED.value)
    ):
        if slack_id in training.evaluation_participants:
            training.evaluation_participants = [
                p for p in training.evaluation_participants if p != slack_id
            ]
            lists += 1
    return {
        "trainings_registrar_anonymised": int(getattr(registrar, "rowcount", 0) or 0),
        "training_recipient_lists": lists,
    }


def retain_answers(session: Session, now: datetime, ages: dict[str, timedelta]) -> dict[str, int]:
    """Remove evaluation answers older than the `answers` retention age, and views holding them.

    A view goes when the oldest answer it holds does.
    """
    cutoff = (now - ages["answers"]).date()
    result = session.execute(delete(SurveyResponse).where(SurveyResponse.answered_on < cutoff))
    views = session.execute(
        delete(EvaluationView).where(
            or_(
                EvaluationView.answered_from < cutoff,
                and_(EvaluationView.answered_from.is_(None), EvaluationView.shown_on < cutoff),
            )
        )
    )
    return {
        "survey_answers": int(getattr(result, "rowcount", 0) or 0),
        "evaluation_views": int(getattr(views, "rowcount", 0) or 0),
    }
