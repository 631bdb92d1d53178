"""Use cases of an evaluation's results: show them, release an interim view, draw the chart.

Results are shown from released views only (commands/trainings/shown.py): the final view
when the evaluation closes, or an interim view a coordinator releases while it is open, when
the anonymity rule allows (bot/domain/anonymity.py). Releasing is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain import chart_style, charts
from bot.domain.access import Actor
from bot.domain.trainings import EvaluationState, Origin, evaluation_state, may_see_results
from bot.texts import Texts, formats
from bot.texts import charts as ct
from bot.texts import common as c
from bot.texts import results as rt
from bot.texts import trainings as t
from commands.edge.outcome import Done, Refusal
from commands.trainings.render_format import local_date, title_text
from commands.trainings.render_results import results_message
from commands.trainings.shown import ShownResults, shown_results
from commands.trainings.usecases import audit_training
from storage import answers as answer_store
from storage import outbox
from storage import trainings as store
from storage.directory import organization_names
from storage.models import Training
from storage.outbox import OutboxKey, UploadFile


@dataclass(frozen=True)
class Results:
    """One evaluation's results as a message, and what its chart is drawn from."""

    training: Training
    shown: ShownResults
    message: dict[str, Any]


def _allowed(
    bot: BotContext, session: Session, actor: Actor, training_id: int | None
) -> Training | Refusal:
    """Return the training whose results the actor asks for, or why they cannot see them.

    Without an id: the latest evaluated training (for a partner, of their organisation or
    registered by them).
    """
    if training_id is not None:
        training = store.get_training(session, training_id)
    elif actor.reads_everything:
        training = store.latest_evaluated(session)
    else:
        training = store.latest_evaluated(
            session, organization_id=actor.organization_id, created_by=actor.user_id
        )
    if training is None:
        missing = t.NOT_FOUND if training_id is not None else rt.NONE_FOUND
        return Refusal(missing, {"id": training_id})
    if training.origin != Origin.REGISTERED:
        return Refusal(t.NO_EVALUATION_FOR_REPORT, {"id": training.id})
    if not may_see_results(actor, training.organizer_id, training.created_by):
        return Refusal(c.NOT_ALLOWED, {"who": t.WHO_ORGANIZER})
    return training


def evaluation_results(
    bot: BotContext, session: Session, actor: Actor, training_id: int | None
) -> Results | Refusal:
    """Return a training's results as they may be shown, for someone allowed to see them."""
    training = _allowed(bot, session, actor, training_id)
    if isinstance(training, Refusal):
        return training
    shown = shown_results(bot, session, training)
    message = results_message(
        bot.texts_in(actor.language),
        training,
        shown,
        organization_names(session),
        bot.config.collaboration.tz,
        min_answers=bot.config.evaluations.min_answers,
        offer_release=actor.is_coordinator,
    )
    return Results(training, shown, message)


def release_interim(
    bot: BotContext, session: Session, actor: Actor, training_id: int
) -> Done | Refusal:
    """Show an open evaluation's answers as they stand as an interim view (coordinators).

    Refused, changing nothing, unless the evaluation is open and at least min_answers answers
    are new or changed since the view shown before (bot/domain/anonymity.py). Audited.
    """
    if not actor.is_coordinator:
        return Refusal(c.NOT_ALLOWED, {"who": rt.WHO_COORDINATORS})
    training = store.get_training(session, training_id)
    if training is None:
        return Refusal(t.NOT_FOUND, {"id": training_id})
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is not EvaluationState.OPEN:
        return Refusal(rt.RELEASE_NOT_OPEN, {"title": title_text(training)})
    now = bot.clock.now()
    minimum = bot.config.evaluations.min_answers
    today = now.astimezone(bot.config.collaboration.tz).date()
    view = answer_store.release_view(
        session, training.id, min_answers=minimum, kind=answer_store.ViewKind.INTERIM, today=today
    )
    if view is None:
        changed = answer_store.view_status(session, training.id, minimum).changed
        return Refusal(rt.RELEASE_TOO_FEW, {"min": minimum, "changed": changed})
    answer_store.rewrite_in_key_order(session, training.id)
    detail = f"view {view.number}, {view.answer_count} answers"
    audit_training(session, actor, "training_results_released", training, now, detail)
    return Done([], rt.RELEASED, {"n": view.answer_count})


def results_chart_file(bot: BotContext, tr: Texts, results: Results) -> UploadFile:
    """Draw the shown view's chart as a PNG file in tr (slow: call it outside a transaction)."""
    training, shown = results.training, results.shown
    tz = bot.config.collaboration.tz
    heading = tr(
        ct.EVALUATION_TITLE,
        title=training.title,
        date=local_date(tr, training.starts_at, tz),
        n=shown.stats.n,
    )
    if shown.interim and shown.view_on is not None:
        heading += ", " + tr(
            ct.EVALUATION_INTERIM, date=formats.short_date(tr.language, shown.view_on)
        )
    png = chart_style.png(charts.evaluation(tr, heading, shown.stats))
    return UploadFile(tr(ct.EVALUATION_FILE, id=training.id), heading, tr(ct.EVALUATION_ALT), png)


def queue_chart(
    bot: BotContext, session: Session, user: str, results: Results, chart: UploadFile
) -> list[OutboxKey]:
    """Queue the results' chart for the person's direct message; a failure is retried."""
    training = results.training
    key = OutboxKey.training_chart(training.id, user)
    outbox.enqueue_upload(
        session,
        key=key,
        kind="training_chart",
        channel=user,
        now=bot.clock.now(),
        files=[chart],
        comment=bot.texts_for(session, user)(
            ct.EVALUATION_COMMENT, title=title_text(training), n=results.shown.stats.n
        ),
    )
    return [key]
