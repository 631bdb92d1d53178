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

    def add(self, *names: str, after_acks: bool = False) -> Callable[[Handler], Handler]:
        """Register a handler under names (matched case-insensitively as the first word).

        after_acks: the handler only answers with a message (a list, a summary, a file), so it
        runs once the requests waiting for their ack have had them (see BotContext.give_way).
        A handler that opens a form must not wait: its trigger expires in 3 s.
        """

        def decorate(handler: Handler) -> Handler:
            run = _after_acks(handler) if after_acks else handler
            for name in names:
                self._table[name.casefold()] = run
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


def _after_acks(handler: Handler) -> Handler:
    """Wrap handler so that it gives way to pending acks first."""

    def run(
        bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
    ) -> None:
        bot.give_way()
        handler(bot, client, command, rest, respond)

    return run
