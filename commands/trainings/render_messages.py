"""Block Kit of the trainings' messages: the training's card, the confirmation, the evaluation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import ButtonElement

from bot.domain.trainings import EvaluationState, evaluation_state
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge.codec import encode
from commands.edge.ids import Action, Block
from commands.trainings.render_format import (
    local_date,
    local_datetime,
    subject_label,
    title_text,
    when_text,
    where_text,
)
from commands.trainings.values import TrainingRef
from storage.models import Training


def training_button(label: str, action: Action, training_id: int, **options: Any) -> ButtonElement:
    """Return a button about one training (send now, results, answer)."""
    return b.button(label, action, encode(TrainingRef(training=training_id)), **options)


def answer_button(tr: Texts, training_id: int, *, primary: bool = True) -> ButtonElement:
    """Return the button that opens the evaluation form."""
    style = "primary" if primary else None
    return training_button(tr(t.BUTTON_ANSWER), Action.TRAINING_ANSWER, training_id, style=style)


def _status_line(tr: Texts, training: Training, tz: ZoneInfo, answers: int) -> str:
    """Say where a training's evaluation stands, for its message."""
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is EvaluationState.OPEN and training.evaluation_closes_at is not None:
        return tr(t.CARD_OPEN, closes=local_datetime(tr, training.evaluation_closes_at, tz))
    if state is EvaluationState.CLOSED and training.evaluation_closed_at is not None:
        closed = local_date(tr, training.evaluation_closed_at, tz)
        return tr(t.CARD_CLOSED if answers else t.CARD_CLOSED_NONE, closed=closed, count=answers)
    return tr(t.CARD_SCHEDULED, end=local_datetime(tr, training.ends_at, tz))


def _post_now_button(tr: Texts, training_id: int) -> ButtonElement:
    """Return the button that sends a training's evaluation at once (after a confirmation)."""
    confirm = b.confirm(
        tr(t.POST_NOW_CONFIRM_TITLE),
        tr(t.POST_NOW_CONFIRM_TEXT),
        tr(t.POST_NOW_CONFIRM_YES),
        tr(c.CANCEL),
    )
    return training_button(
        tr(t.BUTTON_POST_NOW),
        Action.TRAINING_POST_NOW,
        training_id,
        style="primary",
        confirm=confirm,
    )


def _training_actions(training_id: int, button: ButtonElement) -> SlackBlock:
    """Return the actions block of a training's card or confirmation."""
    return b.actions([button], block_id=f"{Block.TRAINING_ACTIONS}:{training_id}")


def training_card(
    tr: Texts,
    training: Training,
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    need_ids: Sequence[int] = (),
    answers: int = 0,
) -> dict[str, Any]:
    """Return the channel message of a training, with the buttons its evaluation's state allows."""
    targets = ", ".join(names.get(o, o) for o in training.target_organizations) or tr(
        t.ALL_PARTNERS
    )
    fields = [
        tr(t.CARD_SUBJECT, subject=subject_label(tr, training.subject)),
        tr(t.CARD_WHEN, when=when_text(tr, training, tz)),
        tr(t.CARD_PLACE, place=b.escape(training.place) or "–"),
        tr(t.CARD_ORGANIZER, organizer=b.escape(names.get(training.organizer_id, "–"))),
        tr(t.CARD_TARGETS, targets=b.escape(targets)),
        tr(t.CARD_EXPECTED, expected=training.expected_participants or "–"),
        tr(t.CARD_EVALUATION, where=where_text(tr, training)),
    ]
    blocks: list[SlackBlock] = [
        b.header(tr(t.CARD_HEADER, id=training.id, title=training.title)),
        b.fields_section(fields),
        b.section(_status_line(tr, training, tz, answers)),
    ]
    if need_ids:
        needs = ", ".join(f"#{n}" for n in need_ids)
        blocks.append(b.context(tr(t.CARD_NEEDS, needs=needs)))
    if training.created_by:
        blocks.append(
            b.context(
                tr(
                    t.CARD_REGISTERED_BY,
                    user=training.created_by,
                    date=local_date(tr, training.created_at, tz),
                )
            )
        )
    state = evaluation_state(
        training.origin, training.evaluation_opened_at, training.evaluation_closed_at
    )
    if state is EvaluationState.SCHEDULED:
        blocks.append(_training_actions(training.id, _post_now_button(tr, training.id)))
    if state in (EvaluationState.OPEN, EvaluationState.CLOSED):
        results = training_button(tr(t.BUTTON_RESULTS), Action.TRAINING_RESULTS, training.id)
        blocks.append(_training_actions(training.id, results))
    text = tr(
        t.CARD_FALLBACK,
        id=training.id,
        title=title_text(training),
        when=when_text(tr, training, tz),
    )
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def created_notice(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the private confirmation to whoever registered a training."""
    text = tr(
        t.CREATED,
        id=training.id,
        title=title_text(training),
        when=when_text(tr, training, tz),
        where=where_text(tr, training),
    )
    blocks = [b.section(text), _training_actions(training.id, _post_now_button(tr, training.id))]
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def _answer_actions(tr: Texts, training: Training) -> SlackBlock:
    """Return the evaluation's answer button, in a block of its own."""
    return b.actions(
        [answer_button(tr, training.id)],
        block_id=f"{Block.TRAINING_EVAL_ACTIONS}:{training.id}",
    )


def evaluation_message(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the short message with one button that opens the evaluation form."""
    closes = training.evaluation_closes_at or training.ends_at
    blocks = [
        b.section(
            tr(t.EVAL_TEXT, title=title_text(training), date=local_date(tr, training.starts_at, tz))
        ),
        _answer_actions(tr, training),
        b.context(tr(t.EVAL_OPEN_UNTIL, closes=local_datetime(tr, closes, tz))),
    ]
    return {
        "text": tr(t.EVAL_FALLBACK, title=title_text(training)),
        "blocks": b.blocks_dict(blocks),
    }


def reminder_message(tr: Texts, training: Training, tz: ZoneInfo) -> dict[str, Any]:
    """Return the one reminder to answer, with the same button."""
    text = tr(
        t.REMINDER_TEXT, title=title_text(training), date=local_date(tr, training.starts_at, tz)
    )
    blocks = [b.section(text), _answer_actions(tr, training)]
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def evaluation_closed_message(tr: Texts, training: Training, answers: int) -> dict[str, Any]:
    """Return the evaluation message as it reads once closed: no button, the answers counted."""
    closed = t.EVAL_CLOSED_TEXT if answers else t.EVAL_CLOSED_NONE
    text = tr(closed, title=title_text(training), count=answers)
    return {"text": text, "blocks": b.blocks_dict([b.section(text)])}
