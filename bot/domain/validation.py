"""Checks of free-text fields shared by every form: required, length, identity numbers."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from bot.domain.identity import scan_identity_numbers
from bot.texts import Msg
from bot.texts.common import IDENTITY_NUMBER, REQUIRED, TOO_LONG, TOO_SHORT

SHOWN_NUMBERS_MAX = 3


@dataclass(frozen=True)
class FieldError:
    """A problem with one form field, shown inline next to it."""

    field: str
    msg: Msg
    params: dict[str, Any] = dataclass_field(default_factory=dict)


def clean_text(value: str | None) -> str:
    """Strip a text field and normalise its line endings."""
    return (value or "").replace("\r\n", "\n").strip()


def escape_mrkdwn(text: str) -> str:
    """Escape text for Slack mrkdwn so that it cannot mention, ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted(numbers: list[str]) -> str:
    """List the first numbers found, each in Swedish quotation marks."""
    unique = list(dict.fromkeys(numbers))
    shown = ", ".join(f"”{escape_mrkdwn(number)}”" for number in unique[:SHOWN_NUMBERS_MAX])
    return shown + (" …" if len(unique) > SHOWN_NUMBERS_MAX else "")


def check_text(
    name: str,
    value: str,
    *,
    max_length: int,
    min_length: int = 0,
    required: bool = True,
) -> FieldError | None:
    """Return the first problem with a cleaned free-text value, or None when it is fine.

    An identity number's error carries `found`: the characters that looked like one, quoted
    and escaped for mrkdwn.
    """
    if not value:
        return FieldError(name, REQUIRED) if required else None
    if len(value) > max_length:
        return FieldError(name, TOO_LONG, {"limit": max_length, "length": len(value)})
    if len(value) < min_length:
        return FieldError(name, TOO_SHORT, {"limit": min_length, "length": len(value)})
    if numbers := scan_identity_numbers(value):
        return FieldError(name, IDENTITY_NUMBER, {"found": _quoted([n.shown for n in numbers])})
    return None
