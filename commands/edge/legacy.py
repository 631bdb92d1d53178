"""A bridge for surfaces not yet moved onto the edge: their Bolt-style handlers, routed here.

Temporary: each surface moves to typed handlers (see commands/needs) and its bridge goes.
The edge has parsed and routed the request already; the old handler gets Bolt's argument
names (ack, body, command/action/view/event, client, context, respond) as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.context import BotContext
from bot.texts import Msg
from commands.edge.interaction import (
    Click,
    Command,
    HomeOpened,
    HomePublisher,
    Interaction,
    Submission,
)
from commands.edge.surface import ClickRoute, FormRoute, HomeSection, Subcommand, Surface
from commands.router import Router, _Route
from commands.subcommands import Subcommands

# What bridged surfaces add when registered (the wiring hands these on).
SUBCOMMANDS = Subcommands()
HELP_LINES: list[Msg] = []
SECTIONS: list[HomeSection] = []
HOME: list[HomePublisher] = []  # set by the wiring


def add_help(line: Msg) -> None:
    """Add a /samverkan help line of a bridged surface."""
    if line not in HELP_LINES:
        HELP_LINES.append(line)


def publish_home(bot: BotContext, client: WebClient, user_id: str) -> None:
    """Publish one person's Home tab (for bridged surfaces)."""
    for publish in HOME[-1:]:
        publish(bot, client, user_id)


def subcommands() -> list[Subcommand]:
    """Return the bridged surfaces' /samverkan subcommands, with the new handler shape."""
    entries: dict[Any, list[str]] = {}
    for name in SUBCOMMANDS.names():
        found = SUBCOMMANDS.find(name)
        assert found is not None
        entries.setdefault(found[0], []).append(name)
    return [
        Subcommand(tuple(names), _subcommand(handler)) for handler, names in entries.items()
    ]


def _subcommand(handler: Any) -> Callable[[Command], None]:
    return lambda ix: handler(ix.bot, ix.client, ix.raw, ix.args, ix._respond)


def _noop_ack(*_: Any, **__: Any) -> None:
    """The edge acknowledged the request already."""


def _available(ix: Interaction, **extra: Any) -> dict[str, Any]:
    return {
        "ack": _noop_ack,
        "body": ix.raw,
        "client": ix.client,
        "context": {"bot": ix.bot},
        "respond": ix._respond,
        **extra,
    }


def _command(route: _Route) -> Callable[[Command], None]:
    return lambda ix: route(_available(ix, command=ix.raw))


def _click(route: _Route) -> Callable[[Click[Any]], None]:
    return lambda ix: route(_available(ix, action=ix.raw["actions"][0]))


def _form(route: _Route) -> Callable[[Submission[Any]], None]:
    def run(ix: Submission[Any]) -> None:
        route(_available(ix, view=ix.raw["view"], ack=ix._acknowledge))

    return run


def _event(route: _Route) -> Callable[[HomeOpened], None]:
    return lambda ix: route(_available(ix, event=ix.raw["event"]))


def legacy_surface(name: str, register: Callable[[Router], None]) -> Surface:
    """Return a surface routing the handlers that register adds to a Router."""
    routes = Router()
    SECTIONS.clear()  # register adds its Home sections here: they keep the surface's place
    register(routes)
    clicks = {key: ClickRoute(_click(r), None) for key, r in routes.actions.items()}
    clicks |= {
        prefix.rstrip(":"): ClickRoute(_click(r), None)
        for prefix, r in routes.action_prefixes.items()
    }
    return Surface(
        name=name,
        commands={key: _command(r) for key, r in routes.commands.items()},
        clicks=clicks,
        forms={key: FormRoute(_form(r), None) for key, r in routes.views.items()},
        events={key: _event(r) for key, r in routes.events.items()},
        home_sections=tuple(SECTIONS),
    )
