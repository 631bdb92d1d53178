"""The trainings' planner: opens evaluations when trainings end, reminds once, closes them.

Every step is a conditional UPDATE of the training plus outbox rows with unique keys, in
one transaction, so two scheduler processes or a restart never send anything twice:

- `training:<id>:evaluation` (or `...:evaluation:<user>` per participant): the message with
  the answer button, when the training ends or a coordinator presses "send now";
- `training:<id>:evaluation-reminder`: once, `reminder_after` later, only if there are
  fewer answers than expected participants;
- on closing (`close_after` after opening): the evaluation messages lose their button, the
  coordinators get a summary, and the submitters of the needs the training answers hear how
  it went (`training:<id>:need:<need_id>:closed`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.survey_stats import summarize
from bot.domain.trainings import evaluation_deadlines, needs_reminder
from bot.texts import trainings as t
from commands.blocks import escape
from commands.render.trainings import (
    created_notice,
    evaluation_closed_message,
    evaluation_message,
    figures_sentence,
    local_date,
    reminder_message,
    title_text,
    training_card,
)
from storage import outbox
from storage.directory import organization_names
from storage.models import Training
from storage.outbox import OutboxKey
from storage.trainings import (
    answer_count,
    answer_pairs,
    anything_due,
    close_evaluation,
    due_reminders,
    due_to_close,
    due_to_open,
    linked_needs,
    mark_reminder_done,
    open_evaluation,
)

UPDATE_EXPIRY = timedelta(days=1)


def card_key(training_id: int) -> OutboxKey:
    """Return the outbox key of a training's channel message."""
    return OutboxKey.training_card(training_id)


def evaluation_key(training_id: int, user: str | None = None) -> OutboxKey:
    """Return the outbox key of the evaluation message (in the channel, or to one participant)."""
    return OutboxKey.training_evaluation(training_id, user)


def card_channel(bot: BotContext, training: Training) -> str | None:
    """Return where a training's message is posted: the working group, else its channel."""
    return bot.config.channels.working_group or training.evaluation_channel


def _recipients(training: Training) -> list[tuple[str, str | None]]:
    """Return (channel, participant) pairs the evaluation goes to."""
    if training.evaluation_channel:
        return [(training.evaluation_channel, None)]
    return [(user, user) for user in training.evaluation_participants]


def queue_card(
    bot: BotContext, session: Session, training: Training, *, update: bool
) -> OutboxKey | None:
    """Queue a training's channel message (first post, or an update); return the outbox key."""
    channel = card_channel(bot, training)
    if channel is None:
        return None
    names = organization_names(session)
    needs = [need.id for need in linked_needs(session, training.id)]
    payload = training_card(
        bot.texts,
        training,
        names,
        bot.config.collaboration.tz,
        need_ids=needs,
        answers=answer_count(session, training.id),
    )
    now = bot.clock.now()
    key = card_key(training.id).for_update() if update else card_key(training.id)
    outbox.enqueue(
        session,
        key=key,
        kind="training_card",
        channel=channel,
        payload=payload,
        now=now,
        op="update" if update else "post",
        ref_key=card_key(training.id) if update else None,
        expires_at=now + UPDATE_EXPIRY if update else None,
    )
    return key


def queue_created_notice(bot: BotContext, session: Session, training: Training) -> OutboxKey | None:
    """Queue the private confirmation to whoever registered the training."""
    if not training.created_by:
        return None
    key = OutboxKey.training_created(training.id)
    outbox.enqueue(
        session,
        key=key,
        kind="training_notice",
        channel=training.created_by,
        payload=created_notice(bot.texts, training, bot.config.collaboration.tz),
        now=bot.clock.now(),
    )
    return key


def open_and_queue(
    bot: BotContext, session: Session, training: Training, now: datetime
) -> list[OutboxKey]:
    """Open a training's evaluation and queue its messages; [] if it was already open."""
    reminder_at, closes_at = evaluation_deadlines(now, bot.config.evaluations)
    if not open_evaluation(
        session, training.id, now=now, reminder_at=reminder_at, closes_at=closes_at
    ):
        return []
    session.refresh(training)
    payload = evaluation_message(bot.texts, training, bot.config.collaboration.tz)
    keys: list[OutboxKey] = []
    for channel, user in _recipients(training):
        key = evaluation_key(training.id, user)
        outbox.enqueue(
            session,
            key=key,
            kind="training_evaluation",
            channel=channel,
            payload=payload,
            now=now,
            expires_at=closes_at,
        )
        keys.append(key)
    if card := queue_card(bot, session, training, update=True):
        keys.append(card)
    return keys


def remind(bot: BotContext, session: Session, training: Training, now: datetime) -> list[OutboxKey]:
    """Decide the one reminder: queue it if there are fewer answers than expected."""
    if not mark_reminder_done(session, training.id, now):
        return []
    if not needs_reminder(answer_count(session, training.id), training.expected_participants):
        return []
    payload = reminder_message(bot.texts, training, bot.config.collaboration.tz)
    keys: list[OutboxKey] = []
    for channel, user in _recipients(training):
        key = OutboxKey.training_evaluation_reminder(training.id, user)
        outbox.enqueue(
            session,
            key=key,
            kind="training_reminder",
            channel=channel,
            payload=payload,
            now=now,
            expires_at=training.evaluation_closes_at,
        )
        keys.append(key)
    return keys


def _notice(session: Session, key: OutboxKey, channel: str, text: str, now: datetime) -> OutboxKey:
    """Queue a plain-text notice."""
    outbox.enqueue(
        session, key=key, kind="training_notice", channel=channel, payload={"text": text}, now=now
    )
    return key


def close_and_queue(
    bot: BotContext, session: Session, training: Training, now: datetime
) -> list[OutboxKey]:
    """Close an evaluation: update its messages, tell the coordinators and the needs' submitters."""
    if not close_evaluation(session, training.id, now):
        return []
    session.refresh(training)
    tr, tz = bot.texts, bot.config.collaboration.tz
    answers = answer_count(session, training.id)
    stats = summarize(
        answer_pairs(session, training.id),
        expected=training.expected_participants,
        min_answers=bot.config.evaluations.min_answers,
    )
    keys: list[OutboxKey] = []
    closed: dict[str, Any] = evaluation_closed_message(tr, training, answers)
    for channel, user in _recipients(training):
        ref = evaluation_key(training.id, user)
        key = ref.for_update()
        outbox.enqueue(
            session,
            key=key,
            kind="training_evaluation",
            channel=channel,
            payload=closed,
            now=now,
            op="update",
            ref_key=ref,
            expires_at=now + UPDATE_EXPIRY,
        )
        keys.append(key)
    if card := queue_card(bot, session, training, update=True):
        keys.append(card)
    figures = figures_sentence(tr, stats)
    summary = tr(
        t.CLOSED_SUMMARY, id=training.id, title=title_text(training), n=answers, figures=figures
    )
    coordinators = bot.config.channels.coordinators
    if coordinators:
        keys.append(
            _notice(
                session,
                OutboxKey.training_evaluation_closed(training.id),
                coordinators,
                summary,
                now,
            )
        )
    if training.created_by and training.created_by not in bot.config.roles.coordinators:
        keys.append(
            _notice(
                session,
                OutboxKey.training_evaluation_closed(training.id, registrar=True),
                training.created_by,
                summary,
                now,
            )
        )
    for need in linked_needs(session, training.id):
        if not need.submitted_by:
            continue
        text = tr(
            t.NEED_CLOSED,
            need_id=need.id,
            need_title=escape(need.title.replace("*", "")),
            title=title_text(training),
            date=local_date(training.starts_at, tz),
            n=answers,
            figures=figures,
        )
        keys.append(
            _notice(
                session,
                OutboxKey.training_need_closed(training.id, need.id),
                need.submitted_by,
                text,
                now,
            )
        )
    return keys


def plan_trainings(bot: BotContext) -> None:
    """Open, remind and close what has fallen due (one scheduler tick)."""
    now = bot.clock.now()
    with bot.db.reading() as session:
        if not anything_due(session, now):
            return
    with bot.db.transaction() as session:
        for training in due_to_open(session, now):
            open_and_queue(bot, session, training, now)
        for training in due_reminders(session, now):
            remind(bot, session, training, now)
        for training in due_to_close(session, now):
            close_and_queue(bot, session, training, now)


