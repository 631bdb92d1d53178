"""A bridge for surfaces not yet moved onto the edge: their Bolt-style handlers, routed here.

Temporary: each surface moves to typed handlers (see commands/needs) and its bridge goes.
The edge has parsed and routed the request already; the old handler gets Bolt's argument
names (ack, body, command/action/view/event, client, context, respond) as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from commands.edge.interaction import Click, Command, HomeOpened, Interaction, Submission
from commands.edge.surface import ClickRoute, FormRoute, Surface
from commands.router import Router, _Route


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
    )
