"""Dispatch of a slash command's text to its subcommand, longest name first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.context import BotContext

Handler = Callable[[BotContext, WebClient, dict[str, Any], str, Respond], None]


class Subcommands:
    """A table of subcommand names to handlers; any text that names none falls through."""

    def __init__(self) -> None:
        """Start with an empty table."""
        self._table: dict[str, Handler] = {}

    def add(self, *names: str) -> Callable[[Handler], Handler]:
        """Register a handler under names (matched case-insensitively as the first word)."""

        def decorate(handler: Handler) -> Handler:
            for name in names:
                self._table[name.casefold()] = handler
            return handler

        return decorate

    def names(self) -> list[str]:
        """Return the registered names."""
        return list(self._table)

    def find(self, text: str) -> tuple[Handler, str] | None:
        """Return the handler named by the text's first word and the rest of the text."""
        stripped = text.strip()
        first, _, rest = stripped.partition(" ")
        handler = self._table.get(first.casefold())
        if handler is None:
            return None
        return handler, rest.strip()
