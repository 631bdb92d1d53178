"""Slack's Socket Mode for tests: a WebSocket server that apps.connections.open hands out.

It speaks the protocol Slack documents (api.slack.com/apis/socket-mode and
api.slack.com/apis/connections/socket-implement):

- apps.connections.open (app-level xapp- token) returns a single-use
  ws://127.0.0.1:PORT/link/?ticket=...&app_id=... URL;
- on connecting, the app gets {"type": "hello", "num_connections", "debug_info",
  "connection_info": {"app_id"}};
- requests come as envelopes {"envelope_id", "type": slash_commands | interactive | events_api,
  "payload", "accepts_response_payload"} (events_api ones, and every redelivery, also carry
  "retry_attempt" and "retry_reason");
- the app acknowledges each with {"envelope_id", "payload"?} (the payload is what an HTTP
  answer would have carried: a response_action, inline form errors, options);
- Slack asks the app to reconnect with {"type": "disconnect", "reason": "refresh_requested"}
  (also "warning", and "link_disabled" when Socket Mode is turned off), and a connection
  may also simply drop; an envelope that was not acknowledged on a connection that went away
  is delivered again on the next one, with retry_attempt one higher.

Only the tests use it, so the bot's runtime does not need the `websockets` package.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import struct
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs, parse_qsl, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from slack_sim.web_api import WAIT_SECONDS, SimulatedSlack
from slack_sim.workspace import API_APP_ID, JSONDict

ENVELOPE_TYPES = ("slash_commands", "interactive", "events_api")
DISCONNECT_REASONS = ("refresh_requested", "warning", "link_disabled")
# The retry_reason of an envelope delivered again because it was not acknowledged in time.
RETRY_REASON = "timeout"
# Seconds Slack keeps a connection open after asking the app to reconnect.
REFRESH_GRACE = 10.0
# Interaction types whose acknowledgement may carry a payload over Socket Mode.
_ANSWERED_INTERACTIONS = frozenset({"view_submission", "block_suggestion"})


def envelope_for(body: bytes) -> tuple[str, JSONDict]:
    """Return the Socket Mode (type, payload) of an HTTP request body Slack would have posted.

    Takes a body from slack_sim.requests: a slash command's form, an interaction's
    payload=<json> form or an Events API JSON body. Raises ValueError for anything else.
    """
    text = body.decode("utf-8")
    if text.startswith("{"):
        event = json.loads(text)
        if isinstance(event, dict) and event.get("type") == "event_callback":
            return "events_api", event
        raise ValueError("a JSON body that is no event_callback")
    fields = dict(parse_qsl(text, keep_blank_values=True))
    if "command" in fields:
        return "slash_commands", fields
    if set(fields) == {"payload"}:
        payload = json.loads(fields["payload"])
        if isinstance(payload, dict):
            return "interactive", payload
    raise ValueError("neither a slash command, an interaction nor an event")


def accepts_response_payload(kind: str, payload: JSONDict) -> bool:
    """Tell whether Slack lets the app answer this envelope with a payload in its ack."""
    if kind == "slash_commands":
        return True
    return kind == "interactive" and payload.get("type") in _ANSWERED_INTERACTIONS


@dataclass
class Envelope:
    """One request sent to the app over Socket Mode, and what became of it."""

    envelope_id: str
    type: str
    payload: JSONDict
    accepts_response_payload: bool
    retry_attempt: int = 0
    retry_reason: str = ""
    deliveries: int = 0
    acks: list[JSONDict] = field(default_factory=list)

    def message(self) -> JSONDict:
        """Return the envelope as Slack sends it over the WebSocket."""
        message: JSONDict = {
            "envelope_id": self.envelope_id,
            "type": self.type,
            "payload": self.payload,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.type == "events_api" or self.retry_attempt:
            message |= {"retry_attempt": self.retry_attempt, "retry_reason": self.retry_reason}
        return message


@dataclass(eq=False)
class _Link:
    """One WebSocket connection of the app."""

    number: int
    ws: ServerConnection
    open: bool = True
    greeted: bool = False
    leaving: bool = False
    unacked: dict[str, Envelope] = field(default_factory=dict)
    timer: threading.Timer | None = None

    @property
    def host(self) -> str:
        """Name the simulated host, as debug_info does."""
        return f"applink-sim-{self.number}"


class SocketModeServer:
    """Slack's Socket Mode endpoint on ws://127.0.0.1:PORT, attached to a SimulatedSlack.

    Breaches of the protocol by the app (an ack for an envelope never sent, a message that
    is no JSON object) are recorded in problems.
    """

    def __init__(
        self,
        slack: SimulatedSlack,
        *,
        app_id: str = API_APP_ID,
        refresh_grace: float = REFRESH_GRACE,
    ) -> None:
        """Prepare the server for slack's apps.connections.open; call start() to serve."""
        self.slack = slack
        self.app_id = app_id
        self.refresh_grace = refresh_grace
        self.envelopes: list[Envelope] = []
        self.problems: list[str] = []
        self.tokens: list[str] = []
        self.connections = 0
        self._changed = threading.Condition()
        self._links: list[_Link] = []
        self._pending: list[Envelope] = []
        self._tickets: set[str] = set()
        self._numbers = itertools.count(1)
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> SocketModeServer:
        """Serve on an ephemeral loopback port and attach to the simulated Slack."""
        self._server = serve(
            self._serve_link,
            "127.0.0.1",
            0,
            process_request=self._check_ticket,
            compression=None,
            ping_interval=None,
            close_timeout=1,
        )
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="socket-mode", daemon=True
        )
        self._thread.start()
        self.slack.socket_mode = self
        return self

    def stop(self) -> None:
        """Detach from the simulated Slack, close every connection and stop serving."""
        if self.slack.socket_mode is self:
            self.slack.socket_mode = None
        self.close_connections()
        if self._server is not None:
            self._server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def port(self) -> int:
        """Return the port served on (RuntimeError when stopped)."""
        if self._server is None:
            raise RuntimeError("the Socket Mode server is not started")
        return int(self._server.socket.getsockname()[1])

    def open_url(self, app_token: str) -> str:
        """Return a fresh single-use URL for one connection (apps.connections.open's answer)."""
        ticket = uuid.uuid4().hex
        with self._changed:
            self._tickets.add(ticket)
            self.tokens.append(app_token)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"

    # --------------------------------------------------------------- test API

    @property
    def open_connections(self) -> int:
        """Return how many connections are open now."""
        with self._changed:
            return sum(1 for link in self._links if link.open)

    def wait_for_connections(self, count: int, *, timeout: float = WAIT_SECONDS) -> None:
        """Block until `count` connections in all have been greeted with hello."""
        with self._changed:
            if not self._changed.wait_for(lambda: self.connections >= count, timeout):
                raise AssertionError(
                    f"waited {timeout}s for {count} Socket Mode connection(s), "
                    f"got {self.connections}; problems: {self.problems}"
                )

    def wait_until(self, condition: Callable[[], bool], *, timeout: float = WAIT_SECONDS) -> None:
        """Block until condition() holds, re-checked whenever a connection or ack changes."""
        with self._changed:
            if not self._changed.wait_for(condition, timeout):
                raise AssertionError(f"waited {timeout}s; problems: {self.problems}")

    def send(
        self,
        body: bytes | None = None,
        *,
        kind: str | None = None,
        payload: JSONDict | None = None,
        accepts_payload: bool | None = None,
    ) -> Envelope:
        """Send the app one envelope: of a request body (see envelope_for), or kind and payload.

        It goes over the newest open connection that is not being replaced, or, when there
        is none, over the next connection right after its hello. Returns the envelope.
        """
        if body is not None:
            kind, payload = envelope_for(body)
        if kind not in ENVELOPE_TYPES or payload is None:
            raise ValueError(f"an envelope needs a type of {ENVELOPE_TYPES} and a payload")
        if accepts_payload is None:
            accepts_payload = accepts_response_payload(kind, payload)
        envelope = Envelope(str(uuid.uuid4()), kind, payload, accepts_payload)
        with self._changed:
            self.envelopes.append(envelope)
        self._deliver(envelope)
        return envelope

    def wait_for_ack(self, envelope: Envelope, *, timeout: float = WAIT_SECONDS) -> JSONDict:
        """Block until the app acknowledges envelope; return the ack's payload ({} without)."""
        with self._changed:
            if not self._changed.wait_for(lambda: bool(envelope.acks), timeout):
                raise AssertionError(
                    f"waited {timeout}s for the ack of {envelope.type} {envelope.envelope_id} "
                    f"(delivered {envelope.deliveries} time(s)); problems: {self.problems}"
                )
            payload = envelope.acks[0].get("payload")
        return payload if isinstance(payload, dict) else {}

    def request(self, body: bytes, *, timeout: float = WAIT_SECONDS) -> JSONDict:
        """Send an envelope of a request body and return the payload of its ack."""
        return self.wait_for_ack(self.send(body), timeout=timeout)

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Tell every open connection to go away, with reason, as Slack does.

        refresh_requested and warning: the connection gets no new envelopes and Slack closes
        it refresh_grace seconds later (the app should reconnect at once); link_disabled:
        Slack closes it now.
        """
        if reason not in DISCONNECT_REASONS:
            raise ValueError(f"reason must be one of {DISCONNECT_REASONS}")
        with self._changed:
            links = [link for link in self._links if link.open and not link.leaving]
            for link in links:
                link.leaving = True
        for link in links:
            message = {"type": "disconnect", "reason": reason, "debug_info": {"host": link.host}}
            try:
                link.ws.send(json.dumps(message))
            except ConnectionClosed:
                continue
            if reason == "link_disabled":
                link.ws.close()
            else:
                link.timer = threading.Timer(self.refresh_grace, link.ws.close)
                link.timer.daemon = True
                link.timer.start()

    def close_connections(self) -> None:
        """Close every connection with a close frame, as Slack does when it shuts a link."""
        with self._changed:
            links = list(self._links)
        for link in links:
            if link.timer is not None:
                link.timer.cancel()
            link.ws.close()

    def refresh(self) -> None:
        """Ask the app to reconnect, as Slack does every few hours."""
        self.disconnect("refresh_requested")

    def drop(self) -> None:
        """Drop every open connection at once: no disconnect message, no close frame (a reset)."""
        with self._changed:
            links = [link for link in self._links if link.open]
        for link in links:
            sock = link.ws.socket
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                continue  # already gone

    def redeliver_unacked(self) -> list[Envelope]:
        """Deliver again every envelope not acknowledged yet, as Slack does when its time is up."""
        with self._changed:
            late = [envelope for link in self._links for envelope in link.unacked.values()]
            for link in self._links:
                link.unacked.clear()
            for envelope in late:
                self._retry(envelope)
        for envelope in late:
            self._deliver(envelope)
        return late

    # --------------------------------------------------------------- serving

    def _check_ticket(self, ws: ServerConnection, request: Request) -> Response | None:
        """Refuse a connection whose URL apps.connections.open did not hand out (or used)."""
        query = parse_qs(urlsplit(request.path).query)
        ticket = (query.get("ticket") or [""])[0]
        with self._changed:
            if ticket in self._tickets:
                self._tickets.discard(ticket)
                return None
            self.problems.append(f"a connection with an unknown or used ticket: {request.path}")
        return ws.respond(HTTPStatus.FORBIDDEN, "invalid ticket\n")

    def _serve_link(self, ws: ServerConnection) -> None:
        """Greet one connection, deliver what waits, take its acks until it closes."""
        with self._changed:
            link = _Link(next(self._numbers), ws)
            self._links.append(link)
            hello = {
                "type": "hello",
                "num_connections": sum(1 for other in self._links if other.open),
                "debug_info": {
                    "host": link.host,
                    "build_number": 1,
                    "approximate_connection_time": 18060,
                },
                "connection_info": {"app_id": self.app_id},
            }
        try:
            ws.send(json.dumps(hello))
            with self._changed:
                link.greeted = True
                self.connections += 1
                waiting, self._pending = self._pending, []
                self._changed.notify_all()
            for envelope in waiting:
                self._deliver(envelope)
            for raw in ws:
                self._take(raw)
        except ConnectionClosed:
            pass
        finally:
            self._close(link)

    def _take(self, raw: str | bytes) -> None:
        """Take one message from the app: an acknowledgement."""
        try:
            message = json.loads(raw)
        except ValueError:
            message = None
        with self._changed:
            self._changed.notify_all()
            if not isinstance(message, dict) or not isinstance(message.get("envelope_id"), str):
                self.problems.append(f"a message that is no acknowledgement: {raw!r:.200}")
                return
            envelope_id = message["envelope_id"]
            envelope = next((e for e in self.envelopes if e.envelope_id == envelope_id), None)
            if envelope is None:
                self.problems.append(f"an ack for an envelope never sent: {envelope_id}")
                return
            if "payload" in message and not isinstance(message["payload"], dict):
                self.problems.append(f"an ack whose payload is no object: {raw!r:.200}")
            envelope.acks.append(message)
            for link in self._links:
                link.unacked.pop(envelope_id, None)
            if envelope in self._pending:
                self._pending.remove(envelope)

    def _deliver(self, envelope: Envelope) -> None:
        """Send envelope over the newest open connection that stays, or keep it for the next."""
        with self._changed:
            link = next(
                (
                    link
                    for link in reversed(self._links)
                    if link.open and link.greeted and not link.leaving
                ),
                None,
            )
            if link is None:
                self._pending.append(envelope)
                return
            link.unacked[envelope.envelope_id] = envelope
            envelope.deliveries += 1
            message = json.dumps(envelope.message(), ensure_ascii=False)
        # If the connection is gone, _close delivers it again: it is unacknowledged there.
        with contextlib.suppress(ConnectionClosed):
            link.ws.send(message)

    def _close(self, link: _Link) -> None:
        """Forget a closed connection; deliver what it left unacknowledged again."""
        with self._changed:
            link.open = False
            if link.timer is not None:
                link.timer.cancel()
            self._links.remove(link)
            lost = [e for e in link.unacked.values() if not e.acks]
            link.unacked.clear()
            for envelope in lost:
                self._retry(envelope)
            self._changed.notify_all()
        for envelope in lost:
            self._deliver(envelope)

    @staticmethod
    def _retry(envelope: Envelope) -> None:
        """Mark envelope as delivered again: one more retry_attempt, Slack's retry_reason."""
        envelope.retry_attempt += 1
        envelope.retry_reason = RETRY_REASON
