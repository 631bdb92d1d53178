"""The one codec for values the bot writes into Slack and reads back: button values, metadata.

A button's `value` (at most 2,000 characters) and a view's `private_metadata` (at most 3,000)
come back from Slack as the bot wrote them, or from anyone who can sign a request. Each is a
small pydantic model, written as compact JSON and read back strictly: a value the bot did not
write (another shape, a float for an id, a number beyond 64 bits, a non-ASCII digit) raises
`CodecError` here, in one place.
"""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from commands.edge.requests import MAX_METADATA, MAX_VALUE

RowId = Annotated[int, Field(ge=1, le=2**63 - 1)]  # a database row's id (64-bit, positive)


class Value(BaseModel):
    """Base of every value the bot writes into a button or a view's private_metadata."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class NoValue(Value):
    """A button that carries nothing (its action id says it all)."""


class CodecError(ValueError):
    """A value that this bot did not write."""


V = TypeVar("V", bound=Value)


def encode(value: Value, *, limit: int = MAX_VALUE) -> str:
    """Write value as compact JSON; raise ValueError if it would not fit Slack's limit."""
    text = value.model_dump_json(exclude_none=True)
    if len(text) > limit:
        raise ValueError(f"{type(value).__name__} is {len(text)} characters, over {limit}")
    return text


def encode_metadata(value: Value) -> str:
    """Write a view's private_metadata (at most 3,000 characters)."""
    return encode(value, limit=MAX_METADATA)


def decode(kind: type[V], raw: str | None) -> V:
    """Read a value of the given kind back; raise CodecError when it is not one the bot wrote.

    A missing or empty value reads as the kind with no fields set, which only a kind whose
    fields all have defaults (such as NoValue) accepts.
    """
    try:
        if not raw:
            return kind.model_validate({}, strict=True)
        return kind.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise CodecError(f"not a {kind.__name__}") from exc
