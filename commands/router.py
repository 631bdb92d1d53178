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

        def on_command(
            ack: Ack,
            body: dict[str, Any],
            command: dict[str, Any],
            client: WebClient,
            context: BoltContext,
            respond: Respond,
        ) -> None:
            name = str(command.get("command", ""))
            available = {
                "ack": ack,
                "body": body,
                "command": command,
                "client": client,
                "context": context,
                "respond": respond,
            }
            _dispatch(self.commands.get(name), "command", name, ack, available)

        def on_action(
            ack: Ack,
            body: dict[str, Any],
            action: dict[str, Any],
            client: WebClient,
            context: BoltContext,
            respond: Respond,
        ) -> None:
            action_id = str(action.get("action_id", ""))
            available = {
                "ack": ack,
                "body": body,
                "action": action,
                "client": client,
                "context": context,
                "respond": respond,
            }
            _dispatch(self.find_action(action_id), "action", action_id, ack, available)

        def on_view(
            ack: Ack,
            body: dict[str, Any],
            view: dict[str, Any],
            client: WebClient,
            context: BoltContext,
        ) -> None:
            callback_id = str(view.get("callback_id", ""))
            available = {
                "ack": ack,
                "body": body,
                "view": view,
                "client": client,
                "context": context,
            }
            _dispatch(self.views.get(callback_id), "form", callback_id, ack, available)

        def on_event(
            ack: Ack,
            body: dict[str, Any],
            event: dict[str, Any],
            client: WebClient,
            context: BoltContext,
        ) -> None:
            event_type = str(event.get("type", ""))
            available = {
                "ack": ack,
                "body": body,
                "event": event,
                "client": client,
                "context": context,
            }
            _dispatch(self.events.get(event_type), "event", event_type, ack, available)

        # Each listener matches only the ids routed here, so Bolt still answers anything
        # else as unhandled (404), as it would with a listener per id.
        if self.commands:
            app.command(_one_of(self.commands))(on_command)
        if self.actions or self.action_prefixes:
            app.block_action(_one_of(self.actions, self.action_prefixes))(on_action)
        if self.views:
            app.view_submission(_one_of(self.views))(on_view)
        for event_type in self.events:
            app.event(event_type)(on_event)


def _one_of(exact: dict[str, _Route], prefixes: dict[str, _Route] | None = None) -> re.Pattern[str]:
    """Return a pattern matching exactly the given ids, or ids starting with a prefix."""
    choices = [re.escape(key) for key in exact]
    choices += [re.escape(prefix) + ".*" for prefix in prefixes or {}]
    return re.compile("^(?:" + "|".join(choices) + ")$", re.DOTALL)


def _dispatch(
    route: _Route | None, kind: str, key: str, ack: Ack, available: dict[str, Any]
) -> None:
    """Call the route with the request's arguments; acknowledge what nothing handles."""
    if route is None:  # cannot happen: the listener matches routed ids only
        log.error("no handler for the %s %r", kind, key)
        ack()
        return
    route(available)
