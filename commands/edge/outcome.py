"""What a use case hands its listener: what it changed, or why it changed nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.context import BotContext
from bot.domain.validation import FieldError
from bot.texts import Msg
from bot.texts import common as c
from commands.edge.interaction import Interaction
from storage.outbox import OutboxKey


@dataclass(frozen=True)
class Refusal:
    """Why nothing was done, as a catalogue message with its parameters."""

    msg: Msg
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Invalid:
    """A form that does not validate: its errors, shown inline; nothing was stored."""

    errors: tuple[FieldError, ...]


@dataclass(frozen=True)
class Done:
    """What a use case changed: the outbox rows to send, and what to tell the person."""

    keys: list[OutboxKey]
    msg: Msg | None = None
    params: dict[str, Any] = field(default_factory=dict)


def tell_outcome(ix: Interaction, outcome: Done | Refusal) -> None:
    """Send what a use case queued (once its transaction is committed) and tell the person."""
    if isinstance(outcome, Refusal):
        ix.tell(outcome.msg, **outcome.params)
        return
    ix.deliver(list(outcome.keys))
    if outcome.msg is not None:
        ix.tell(outcome.msg, **outcome.params)


def coordinators_only(bot: BotContext) -> Refusal:
    """Say that only the coordinators may do this."""
    return Refusal(c.NOT_ALLOWED, {"who": c.WHO_COORDINATORS})
