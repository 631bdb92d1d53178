"""One Bolt listener per kind of request, routing to the surfaces' handlers by id.

Bolt tries every listener's matchers in turn for every request, and each matcher costs a
round of argument injection; with a listener per button and form that was about a fifth of
the work of a simple request. Here Bolt sees four listeners, and a dictionary finds the
handler, which is called with the arguments it names (as Bolt would call it).
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

log = logging.getLogger(__name__)

Handler = Callable[..., None]


@dataclass(frozen=True)
class _Route:
    """A handler and the names of the arguments it takes."""

    handler: Handler
    arguments: tuple[str, ...]

    def __call__(self, available: dict[str, Any]) -> None:
        """Call the handler with the arguments it names."""
        self.handler(**{name: available[name] for name in self.arguments})


def _route(handler: Handler) -> _Route:
    return _Route(handler, tuple(inspect.signature(handler).parameters))


class Router:
    """Collects handlers by command, action id, callback id and event type."""

    def __init__(self) -> None:
        """Start with no routes."""
        self.commands: dict[str, _Route] = {}
        self.actions: dict[str, _Route] = {}
        self.action_prefixes: dict[str, _Route] = {}
        self.views: dict[str, _Route] = {}
        self.events: dict[str, _Route] = {}

    def command(self, name: str) -> Callable[[Handler], Handler]:
        """Route a slash command (e.g. "/behov") to the decorated handler."""
        return self._adder(self.commands, name)

    def action(self, action_id: str) -> Callable[[Handler], Handler]:
        """Route a button or select with this action id."""
        return self._adder(self.actions, action_id)

    def action_prefix(self, prefix: str) -> Callable[[Handler], Handler]:
        """Route every button whose action id starts with prefix (ids that carry a value)."""
        return self._adder(self.action_prefixes, prefix)

    def view(self, callback_id: str) -> Callable[[Handler], Handler]:
        """Route the submission of a form with this callback id."""
        return self._adder(self.views, callback_id)

    def event(self, event_type: str) -> Callable[[Handler], Handler]:
        """Route an Events API event of this type."""
        return self._adder(self.events, event_type)

    @staticmethod
    def _adder(table: dict[str, _Route], key: str) -> Callable[[Handler], Handler]:
        def add(handler: Handler) -> Handler:
            if key in table:
                raise ValueError(f"two handlers for {key!r}")
            table[key] = _route(handler)
            return handler

        return add

    def find_action(self, action_id: str) -> _Route | None:
        """Return the route of an action id, exact or by prefix."""
        found = self.actions.get(action_id)
        if found is not None:
            return found
        for prefix, route in self.action_prefixes.items():
            if action_id.startswith(prefix):
                return route
        return None

    def install(self, app: App) -> None:
        """Register one Bolt listener per kind of request on app."""
        # Each listener matches only the ids routed here, so Bolt still answers anything
        # else as unhandled (404), as it would with a listener per id.
        if self.commands:
            listener = _listener("command", self.commands.get, "command")
            app.command(_one_of(self.commands))(listener)
        if self.actions or self.action_prefixes:
            listener = _listener("action", self.find_action, "action_id")
            app.block_action(_one_of(self.actions, self.action_prefixes))(listener)
        if self.views:
            listener = _listener("view", self.views.get, "callback_id")
            app.view_submission(_one_of(self.views))(listener)
        for event_type in self.events:
            app.event(event_type)(_listener("event", self.events.get, "type"))


def _listener(kind: str, lookup: Callable[[str], _Route | None], field: str) -> Handler:
    """Return a Bolt listener that finds the route by the payload's field and calls it.

    The payload is passed under the name Bolt gives it for this kind of request (command,
    action, view or event), with the other arguments the surfaces' handlers take.
    """

    def listener(
        ack: Ack,
        body: dict[str, Any],
        payload: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        respond: Respond,
    ) -> None:
        key = str(payload.get(field, ""))
        route = lookup(key)
        if route is None:  # cannot happen: the listener matches routed ids only
            log.error("no handler for the %s %r", kind, key)
            ack()
            return
        available = {"ack": ack, "body": body, "client": client, "context": context}
        route({**available, "respond": respond, kind: payload})

    return listener


def _one_of(exact: dict[str, _Route], prefixes: dict[str, _Route] | None = None) -> re.Pattern[str]:
    """Return a pattern matching exactly the given ids, or ids starting with a prefix."""
    choices = [re.escape(key) for key in exact]
    choices += [re.escape(prefix) + ".*" for prefix in prefixes or {}]
    return re.compile("^(?:" + "|".join(choices) + ")$", re.DOTALL)
