"""Checks of free-text fields shared by every form: required, length, identity numbers."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from bot.domain.identity import contains_identity_number
from bot.texts import Msg
from bot.texts.common import IDENTITY_NUMBER, REQUIRED, TOO_LONG, TOO_SHORT


@dataclass(frozen=True)
class FieldError:
    """A problem with one form field, shown inline next to it."""

    field: str
    msg: Msg
    params: dict[str, Any] = dataclass_field(default_factory=dict)


def clean_text(value: str | None) -> str:
    """Strip a text field and normalise its line endings."""
    return (value or "").replace("\r\n", "\n").strip()


def check_text(
    name: str,
    value: str,
    *,
    max_length: int,
    min_length: int = 0,
    required: bool = True,
) -> FieldError | None:
    """Return the first problem with a free-text value, or None when it is fine."""
    if not value:
        return FieldError(name, REQUIRED) if required else None
    if len(value) > max_length:
        return FieldError(name, TOO_LONG, {"limit": max_length, "length": len(value)})
    if len(value) < min_length:
        return FieldError(name, TOO_SHORT, {"limit": min_length, "length": len(value)})
    if contains_identity_number(value):
        return FieldError(name, IDENTITY_NUMBER)
    return None
