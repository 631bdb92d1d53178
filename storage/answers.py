"""Anonymous evaluation answers, and the views of the results released from them.

An answer's primary key is the keyed hash of training and person (bot/domain/anonymity.py);
only its day is kept, and nothing here lists answers in the order they came. Results are
shown from views (EvaluationView): copies of the answers released when the anonymity rule
allows. Every figure other modules compute about answers comes from `shown_views` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Float, Subquery, cast, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.domain.anonymity import Answer, may_show_view, view_difference
from storage.models import EvaluationView, SurveyResponse, Training


def find_answer(session: Session, key: str) -> SurveyResponse | None:
    """Return the answer stored under an answer key, to fill in the form again."""
    return session.get(SurveyResponse, key)


def save_answer(
    session: Session,
    *,
    key: str,
    training_id: int,
    before: int,
    after: int,
    will_use: str,
    was_missing: str,
    today: date,
) -> bool:
    """Store an answer under its key, replacing the respondent's earlier one; tell whether it did.

    today is the only time kept: the day, never the moment.
    """
    replaced = find_answer(session, key) is not None
    values: dict[str, Any] = {
        "key": key,
        "training_id": training_id,
        "knowledge_before": before,
        "knowledge_after": after,
        "will_use": will_use,
        "was_missing": was_missing,
        "answered_on": today,
    }
    changes = {k: v for k, v in values.items() if k not in {"key", "training_id"}}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(SurveyResponse)
        .values(**values)
        .on_conflict_do_update(index_elements=["key"], set_=changes)
    )
    session.execute(statement)
    return replaced


def stored_answers(session: Session, training_id: int) -> list[Answer]:
    """Return a training's answers as they stand, ordered by their content (never by arrival)."""
    rows = session.execute(
        select(
            SurveyResponse.knowledge_before,
            SurveyResponse.knowledge_after,
            SurveyResponse.will_use,
            SurveyResponse.was_missing,
        )
        .where(SurveyResponse.training_id == training_id)
        .order_by(
            SurveyResponse.knowledge_before,
            SurveyResponse.knowledge_after,
            SurveyResponse.will_use,
            SurveyResponse.was_missing,
        )
    ).all()
    return [Answer(int(b), int(a), str(u), str(m)) for b, a, u, m in rows]


def rewrite_in_key_order(session: Session, training_id: int) -> int:
    """Write a training's answers again, in key order, in this transaction; return how many.

    SQLite keeps the table in key order anyway (WITHOUT ROWID). PostgreSQL keeps rows where
    they were written and marks each with the transaction that wrote it, which can tell the
    order answers came in; written again together, in key order, they no longer do.
    """
    rows = session.execute(
        select(SurveyResponse.__table__)
        .where(SurveyResponse.training_id == training_id)
        .order_by(SurveyResponse.key)
    ).all()
    if not rows:
        return 0
    session.execute(delete(SurveyResponse).where(SurveyResponse.training_id == training_id))
    session.execute(insert(SurveyResponse), [dict(row._mapping) for row in rows])
    return len(rows)


# --- views of the results ------------------------------------------------------------------------


class ViewKind(StrEnum):
    """Why a view was released: by a coordinator while open, or when the evaluation closed."""

    INTERIM = "interim"
    FINAL = "final"


def current_view(session: Session, training_id: int) -> EvaluationView | None:
    """Return the view of a training's results that is shown now, if any."""
    return session.scalar(
        select(EvaluationView).where(
            EvaluationView.training_id == training_id, EvaluationView.current.is_(True)
        )
    )


def view_answers(view: EvaluationView | None) -> list[Answer]:
    """Return the answers a view holds (none for no view)."""
    if view is None:
        return []
    return [Answer(int(b), int(a), str(u), str(m)) for b, a, u, m in view.content]


@dataclass(frozen=True)
class ViewStatus:
    """Where a training's results stand: answers now, the view shown, and what may come next.

    changed counts the answers that are new or changed since the view shown (all of them
    when none was shown); may_release tells whether they may be shown as a new view now.
    """

    answers: int
    view: EvaluationView | None
    changed: int
    may_release: bool


def view_status(session: Session, training_id: int, min_answers: int) -> ViewStatus:
    """Return the answers now, the current view and whether a new view may be released."""
    answers = stored_answers(session, training_id)
    view = current_view(session, training_id)
    previous = view_answers(view) if view is not None else None
    return ViewStatus(
        answers=len(answers),
        view=view,
        changed=view_difference(previous or (), answers),
        may_release=may_show_view(previous, answers, min_answers),
    )


def release_view(
    session: Session, training_id: int, *, min_answers: int, kind: ViewKind, today: date
) -> EvaluationView | None:
    """Show the answers as they stand as a new view, if the anonymity rule allows; else None.

    The training's row is locked first (on PostgreSQL), so that two releases, or a release
    and the closing, cannot both number a view. The view before it stops being current and
    drops its copy of the answers, keeping its counts as the record of what was shown.
    """
    session.execute(select(Training.id).where(Training.id == training_id).with_for_update())
    answers = stored_answers(session, training_id)
    previous = current_view(session, training_id)
    if not may_show_view(view_answers(previous) if previous else None, answers, min_answers):
        return None
    number = session.scalar(
        select(func.coalesce(func.max(EvaluationView.number), 0)).where(
            EvaluationView.training_id == training_id
        )
    )
    session.execute(
        update(EvaluationView)
        .where(EvaluationView.training_id == training_id, EvaluationView.current.is_(True))
        .values(current=False, content=[])
        .execution_options(synchronize_session=False)
    )
    oldest = session.scalar(
        select(func.min(SurveyResponse.answered_on)).where(
            SurveyResponse.training_id == training_id
        )
    )
    view = EvaluationView(
        training_id=training_id,
        number=int(number or 0) + 1,
        kind=kind.value,
        shown_on=today,
        current=True,
        answer_count=len(answers),
        sum_before=sum(a.before for a in answers),
        sum_after=sum(a.after for a in answers),
        answered_from=oldest,
        content=[list(a) for a in answers],
    )
    session.add(view)
    session.flush()
    return view


def shown_views(min_answers: int) -> Subquery:
    """Return the current views that may be shown: training_id, n, sum_before, sum_after."""
    return (
        select(
            EvaluationView.training_id.label("training_id"),
            EvaluationView.answer_count.label("n"),
            EvaluationView.sum_before.label("sum_before"),
            EvaluationView.sum_after.label("sum_after"),
        )
        .where(
            EvaluationView.current.is_(True),
            EvaluationView.answer_count >= max(min_answers, 1),
        )
        .subquery()
    )


def answer_counts_by_training() -> Subquery:
    """Return the number of answers stored per training: training_id, n."""
    return (
        select(SurveyResponse.training_id.label("training_id"), func.count().label("n"))
        .group_by(SurveyResponse.training_id)
        .subquery()
    )


def evaluation_aggregates(min_answers: int) -> Subquery:
    """Return per training: training_id, n (answers stored), before and after (shown means).

    The means come from the training's current view, and are NULL unless that view may be
    shown; n counts every answer stored (a count tells nothing about what anyone answered).
    """
    counts, views = answer_counts_by_training(), shown_views(min_answers)
    return (
        select(
            counts.c.training_id.label("training_id"),
            counts.c.n.label("n"),
            (cast(views.c.sum_before, Float) / views.c.n).label("before"),
            (cast(views.c.sum_after, Float) / views.c.n).label("after"),
        )
        .outerjoin(views, views.c.training_id == counts.c.training_id)
        .subquery()
    )
