"""What a user surface contributes, declared as one value that the composition root wires.

A surface (needs, meetings, trainings, follow-up, Home, the /samverkan umbrella) lists its
listeners (commands, clicks, forms, option suggestions, events), its scheduler planners, its
Home tab sections, its HTTP routes, its /samverkan subcommands, its help lines and the renderers
that draw the files of its uploads at delivery time. Nothing is
registered by importing a module: `bot/wiring.py` gathers the surfaces and hands each part on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import Option

from bot.context import BotContext
from bot.delivery import Renderer
from bot.domain.access import Actor
from bot.texts import Msg
from commands.edge.codec import NoValue, Value
from commands.edge.interaction import Click, Command, HomeOpened, Submission, Suggestion
from commands.edge.words import Word

CommandHandler = Callable[[Command], None]
ClickHandler = Callable[[Click[Any]], None]
FormHandler = Callable[[Submission[Any]], None]
SuggestHandler = Callable[[Suggestion], Sequence[Option]]
EventHandler = Callable[[HomeOpened], None]
# Queues what has fallen due (calls, reminders, surveys, summaries) as outbox rows. Every tick
# runs every planner, so each must be idempotent.
Planner = Callable[[BotContext], None]
# One part of a person's Home tab.
HomeSection = Callable[[BotContext, Actor], list[SlackBlock]]
# A GET route beside /slack/events: (status, headers, body) for the WSGI environ.
HttpResponse = tuple[int, list[tuple[str, str]], bytes]
HttpRoute = Callable[[BotContext, dict[str, Any]], HttpResponse]
# Makes the renderer that draws an upload's files when the deliverer sends it (an upload queued
# with renderer=<name> instead of files, e.g. charts drawn as the data stood when queued).
RendererFactory = Callable[[BotContext], Renderer]


@dataclass(frozen=True)
class ClickRoute:
    """A click handler and the type of the value its buttons carry."""

    handler: ClickHandler
    value: type[Value] = NoValue


@dataclass(frozen=True)
class FormRoute:
    """A form's submission handler and the type of the form's private_metadata."""

    handler: FormHandler
    metadata: type[Value] = NoValue


def click(handler: ClickHandler, value: type[Value] = NoValue) -> ClickRoute:
    """Route a click to handler, its buttons' values decoded as value."""
    return ClickRoute(handler, value)


def form(handler: FormHandler, metadata: type[Value] = NoValue) -> FormRoute:
    """Route a form's submission to handler, its private_metadata decoded as metadata."""
    return FormRoute(handler, metadata)


@dataclass(frozen=True)
class Subcommand:
    """A subcommand: its word (the name in the person's language is shown in help) and handler."""

    word: Word
    handler: CommandHandler

    @property
    def names(self) -> tuple[str, ...]:
        """Return every spelling that picks the subcommand."""
        return self.word.names


class Subcommands:
    """A table of subcommand names; a command's first word picks one, case-insensitively."""

    def __init__(self, entries: Sequence[Subcommand] = ()) -> None:
        """Index the entries by every name; a name given twice raises ValueError."""
        self._table: dict[str, CommandHandler] = {}
        self.entries = tuple(entries)
        for entry in entries:
            for name in entry.names:
                key = name.casefold()
                if key in self._table:
                    raise ValueError(f"two subcommands named {name!r}")
                self._table[key] = entry.handler

    def names(self) -> list[str]:
        """Return every name, as matched."""
        return list(self._table)

    def find(self, text: str) -> tuple[CommandHandler, str] | None:
        """Return the handler named by text's first word and the rest of the text."""
        first, _, rest = text.strip().partition(" ")
        handler = self._table.get(first.casefold())
        if handler is None:
            return None
        return handler, rest.strip()


@dataclass(frozen=True)
class Surface:
    """Everything one user surface adds to the bot."""

    name: str
    commands: Mapping[str, CommandHandler] = field(default_factory=dict)
    clicks: Mapping[str, ClickRoute] = field(default_factory=dict)
    forms: Mapping[str, FormRoute] = field(default_factory=dict)
    suggestions: Mapping[str, SuggestHandler] = field(default_factory=dict)
    events: Mapping[str, EventHandler] = field(default_factory=dict)
    umbrella: tuple[Subcommand, ...] = ()
    planners: tuple[Planner, ...] = ()
    home_sections: tuple[HomeSection, ...] = ()
    http_routes: Mapping[str, HttpRoute] = field(default_factory=dict)
    help_lines: tuple[Msg, ...] = ()
    renderers: Mapping[str, RendererFactory] = field(default_factory=dict)
