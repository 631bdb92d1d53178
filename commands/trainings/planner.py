"""The trainings' planner: opens evaluations when trainings end, reminds once, closes them.

Every step is a conditional UPDATE of the training plus outbox rows with unique keys, in
one transaction, so two scheduler processes or a restart never send anything twice:

- `training:<id>:evaluation` (or `...:evaluation:<user>` per participant): the message with
  the answer button, when the training ends or a coordinator presses "send now";
- `training:<id>:evaluation-reminder`: once, `reminder_after` later, only if there are
  fewer answers than expected participants;
- on closing (`close_after` after opening): the final view of the results is released when
  the anonymity rule allows (bot/domain/anonymity.py) and the answers are written again in
  key order; the evaluation messages lose their button, the coordinators get a summary, and
  the submitters of the needs the training answers hear how it went
  (`training:<id>:need:<need_id>:closed`), all from the view shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.trainings import evaluation_deadlines, needs_reminder
from bot.texts import Texts
from bot.texts import results as rt
from commands.blocks import escape
from commands.trainings.render_format import local_date, title_text
from commands.trainings.render_messages import (
    created_notice,
    evaluation_closed_message,
    evaluation_message,
    reminder_message,
    training_card,
)
from commands.trainings.render_results import figures_sentence
from commands.trainings.shown import shown_results
from storage import answers as answer_store
from storage import outbox
from storage import trainings as store
from storage.directory import organization_names
from storage.models import Training
from storage.outbox import OutboxKey

UPDATE_EXPIRY = timedelta(days=1)


def _queue(
    session: Session,
    key: OutboxKey,
    kind: str,
    channel: str,
    payload: dict[str, Any],
    now: datetime,
    *,
    update: bool = False,
    expires_at: datetime | None = None,
) -> OutboxKey:
    """Queue one message under key, or an update of the message posted under it."""
    queued = key.for_update() if update else key
    outbox.enqueue(
        session,
        key=queued,
        kind=kind,
        channel=channel,
        payload=payload,
        now=now,
        op="update" if update else "post",
        ref_key=key if update else None,
        expires_at=expires_at,
    )
    return queued


def queue_notice(
    session: Session, key: OutboxKey, channel: str, text: str, now: datetime
) -> OutboxKey:
    """Queue a plain-text notice about a training."""
    return _queue(session, key, "training_notice", channel, {"text": text}, now)


def _to_recipients(
    bot: BotContext,
    session: Session,
    training: Training,
    key_of: Callable[[int, str | None], OutboxKey],
    kind: str,
    render: Callable[[Texts], dict[str, Any]],
    now: datetime,
    **options: Any,
) -> list[OutboxKey]:
    """Queue a message to the evaluation's channel, or to each participant privately.

    render draws the message in a language: the configured one for the channel, each
    participant's own (their Slack locale's) for a private message.
    """
    if training.evaluation_channel:
        key = key_of(training.id, None)
        channel = training.evaluation_channel
        return [_queue(session, key, kind, channel, render(bot.texts), now, **options)]
    return [
        _queue(
            session,
            key_of(training.id, user),
            kind,
            user,
            render(bot.texts_for(session, user)),
            now,
            **options,
        )
        for user in training.evaluation_participants
    ]


def queue_card(
    bot: BotContext, session: Session, training: Training, *, update: bool
) -> OutboxKey | None:
    """Queue a training's channel message (first post, or an update); return the outbox key.

    It goes to the working group, else to the evaluation's channel, else nowhere.
    """
    channel = bot.config.channels.working_group or training.evaluation_channel
    if channel is None:
        return None
    payload = training_card(
        bot.texts,
        training,
        organization_names(session),
        bot.config.collaboration.tz,
        need_ids=[need.id for need in store.linked_needs(session, training.id)],
        answers=store.answer_count(session, training.id),
    )
    now = bot.clock.now()
    key = OutboxKey.training_card(training.id)
    expires_at = now + UPDATE_EXPIRY if update else None
    return _queue(
        session, key, "training_card", channel, payload, now, update=update, expires_at=expires_at
    )


def queue_created_notice(bot: BotContext, session: Session, training: Training) -> OutboxKey | None:
    """Queue the private confirmation to whoever registered the training."""
    if not training.created_by:
        return None
    told = bot.texts_for(session, training.created_by)
    payload = created_notice(told, training, bot.config.collaboration.tz)
    key = OutboxKey.training_created(training.id)
    return _queue(session, key, "training_notice", training.created_by, payload, bot.clock.now())


def open_and_queue(
    bot: BotContext, session: Session, training: Training, now: datetime
) -> list[OutboxKey]:
    """Open a training's evaluation and queue its messages; [] if it was already open."""
    reminder_at, closes_at = evaluation_deadlines(now, bot.config.evaluations)
    if not store.open_evaluation(
        session, training.id, now=now, reminder_at=reminder_at, closes_at=closes_at
    ):
        return []
    session.refresh(training)
    tz = bot.config.collaboration.tz
    keys = _to_recipients(
        bot,
        session,
        training,
        OutboxKey.training_evaluation,
        "training_evaluation",
        lambda tr: evaluation_message(tr, training, tz),
        now,
        expires_at=closes_at,
    )
    card = queue_card(bot, session, training, update=True)
    return [*keys, card] if card else keys


def remind(bot: BotContext, session: Session, training: Training, now: datetime) -> list[OutboxKey]:
    """Decide the one reminder: queue it if there are fewer answers than expected."""
    if not store.mark_reminder_done(session, training.id, now):
        return []
    if not needs_reminder(store.answer_count(session, training.id), training.expected_participants):
        return []
    tz = bot.config.collaboration.tz
    return _to_recipients(
        bot,
        session,
        training,
        OutboxKey.training_evaluation_reminder,
        "training_reminder",
        lambda tr: reminder_message(tr, training, tz),
        now,
        expires_at=training.evaluation_closes_at,
    )


def close_and_queue(
    bot: BotContext, session: Session, training: Training, now: datetime
) -> list[OutboxKey]:
    """Close an evaluation: release its final view, update its messages, tell who should know.

    The coordinators, the registrar and the needs' submitters get the figures of the view
    shown (none when there were too few answers), or are told truthfully that none came in.
    """
    if not store.close_evaluation(session, training.id, now):
        return []
    session.refresh(training)
    tr, tz = bot.texts, bot.config.collaboration.tz
    answer_store.release_view(
        session,
        training.id,
        min_answers=bot.config.evaluations.min_answers,
        kind=answer_store.ViewKind.FINAL,
        today=now.astimezone(tz).date(),
    )
    answer_store.rewrite_in_key_order(session, training.id)
    shown = shown_results(bot, session, training)
    answers = shown.answers
    keys = _to_recipients(
        bot,
        session,
        training,
        OutboxKey.training_evaluation,
        "training_evaluation",
        lambda told: evaluation_closed_message(told, training, answers),
        now,
        update=True,
        expires_at=now + UPDATE_EXPIRY,
    )
    if card := queue_card(bot, session, training, update=True):
        keys.append(card)
    title = title_text(training)

    def closed_summary(told: Texts) -> str:
        """Say how the evaluation closed, in told's language."""
        if not answers:
            return told(rt.CLOSED_SUMMARY_NONE, id=training.id, title=title)
        figures = figures_sentence(told, shown)
        return told(rt.CLOSED_SUMMARY, id=training.id, title=title, n=answers, figures=figures)

    closed = OutboxKey.training_evaluation_closed
    if coordinators := bot.config.channels.coordinators:
        notice = closed_summary(tr)
        keys.append(queue_notice(session, closed(training.id), coordinators, notice, now))
    if training.created_by and training.created_by not in bot.config.roles.coordinators:
        key = closed(training.id, registrar=True)
        notice = closed_summary(bot.texts_for(session, training.created_by))
        keys.append(queue_notice(session, key, training.created_by, notice, now))
    for need in store.linked_needs(session, training.id):
        if not need.submitted_by:
            continue
        told = bot.texts_for(session, need.submitted_by)
        text = told(
            rt.NEED_CLOSED if answers else rt.NEED_CLOSED_NONE,
            need_id=need.id,
            need_title=escape(need.title.replace("*", "")),
            title=title,
            date=local_date(told, training.starts_at, tz),
            n=answers,
            figures=figures_sentence(told, shown),
        )
        key = OutboxKey.training_need_closed(training.id, need.id)
        keys.append(queue_notice(session, key, need.submitted_by, text, now))
    return keys


def plan_trainings(bot: BotContext) -> None:
    """Open, remind and close what has fallen due (one scheduler tick)."""
    now = bot.clock.now()
    with bot.db.reading() as session:
        if not store.anything_due(session, now):
            return
    with bot.db.transaction() as session:
        for training in store.due_to_open(session, now):
            open_and_queue(bot, session, training, now)
        for training in store.due_reminders(session, now):
            remind(bot, session, training, now)
        for training in store.due_to_close(session, now):
            close_and_queue(bot, session, training, now)
