"""The Socket Mode endpoint of the simulated Slack, tried with slack_sdk's own SocketModeClient."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from bot.texts import Texts
from bot.texts import needs as t
from slack_sim import requests as req
from slack_sim.web_api import WAIT_SECONDS, SimulatedSlack
from slack_sim.workspace import API_APP_ID
from tests.harness import ANNA, SECRET_KEY
from tests.socket_mode import SocketModeServer, envelope_for
from tests.test_serve_process import CONFIG, free_port

APP_TOKEN = "xapp-1-A0SAMVERK1-1-socketmode"
Listener = Callable[[SocketModeClient, SocketModeRequest], None]


class Inbox:
    """Every message a client received over its WebSocket, decoded, in order."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self._changed = threading.Condition()

    def take(self, raw: str) -> None:
        """Keep one raw message."""
        with self._changed:
            self.messages.append(json.loads(raw))
            self._changed.notify_all()

    def wait_for(self, count: int = 1, **fields: Any) -> list[dict[str, Any]]:
        """Block until count messages with these top-level fields came; return all of them."""

        def matching() -> list[dict[str, Any]]:
            return [m for m in self.messages if all(m.get(k) == v for k, v in fields.items())]

        with self._changed:
            if not self._changed.wait_for(lambda: len(matching()) >= count, WAIT_SECONDS):
                raise AssertionError(f"no message with {fields} in {self.messages}")
            return matching()


@dataclass
class Case:
    """The simulated Slack, its Socket Mode server, and the clients a test connects."""

    slack: SimulatedSlack
    server: SocketModeServer
    clients: list[SocketModeClient] = field(default_factory=list)

    def connect(
        self, listener: Listener | None = None, *, ping_interval: float = 5
    ) -> tuple[SocketModeClient, Inbox]:
        """Connect a SocketModeClient (listener answers its requests); return it and its inbox."""
        inbox = Inbox()
        client = SocketModeClient(
            app_token=APP_TOKEN,
            web_client=WebClient(base_url=self.slack.api_url),
            ping_interval=ping_interval,
            on_message_listeners=[inbox.take],
        )
        self.clients.append(client)
        if listener is not None:
            client.socket_mode_request_listeners.append(listener)
        client.connect()
        return client, inbox

    def command(self, text: str = "hjälp") -> bytes:
        """Return the body Slack posts for /behov with text, from Anna."""
        url = self.slack.response_url("sm")
        return req.slash_command("/behov", text, user_id=ANNA, response_url=url)


@pytest.fixture
def case(standin: SimulatedSlack) -> Iterator[Case]:
    """Serve Socket Mode for the simulated Slack; fail the test on any protocol breach."""
    server = SocketModeServer(standin).start()
    running = Case(standin, server)
    yield running
    for client in running.clients:
        client.auto_reconnect_enabled = False
    server.close_connections()  # a close frame ends a client's read loop at once
    for client in running.clients:
        client.close()
    server.stop()
    assert server.problems == []


def answer(payload: dict[str, Any] | None) -> Listener:
    """Return a listener that acknowledges every request, with payload when given."""

    def ack(client: SocketModeClient, request: SocketModeRequest) -> None:
        client.send_socket_mode_response(SocketModeResponse(request.envelope_id, payload=payload))

    return ack


def test_a_client_is_greeted_with_hello_on_a_url_it_asked_for_with_its_app_token(
    case: Case,
) -> None:
    """apps.connections.open hands the app-level token a ws:// URL; the connection says hello."""
    _, inbox = case.connect()

    [hello] = inbox.wait_for(type="hello")
    assert hello == {
        "type": "hello",
        "num_connections": 1,
        "debug_info": {
            "host": "applink-sim-1",
            "build_number": 1,
            "approximate_connection_time": 18060,
        },
        "connection_info": {"app_id": API_APP_ID},
    }
    [opened] = case.slack.calls_to("apps.connections.open")
    assert opened.token == APP_TOKEN
    assert (case.server.connections, case.server.open_connections) == (1, 1)
    assert case.server.tokens == [APP_TOKEN]


def test_a_url_serves_one_connection_only(case: Case) -> None:
    """A second connection on a URL already used is refused, as Slack's tickets are single-use."""
    url = case.server.open_url(APP_TOKEN)
    with connect(url) as first:
        assert json.loads(first.recv(timeout=WAIT_SECONDS))["type"] == "hello"
        with pytest.raises(InvalidStatus, match="403"):
            connect(url)
    assert len(case.server.problems) == 1
    case.server.problems.clear()


def test_only_an_app_level_token_may_open_a_connection(case: Case) -> None:
    """apps.connections.open with a bot token is refused (not_allowed_token_type), a breach."""
    with pytest.raises(SlackApiError, match="not_allowed_token_type"):
        WebClient(base_url=case.slack.api_url).apps_connections_open(app_token="xoxb-test-token")
    assert len(case.slack.violations) == 1
    case.slack.violations.clear()


def test_a_slash_command_arrives_as_an_envelope_and_its_ack_payload_comes_back(case: Case) -> None:
    """The command's fields are the payload; the ack's payload is what the test gets back."""
    _, inbox = case.connect(answer({"text": "Hjälp om /behov"}))
    body = case.command()

    envelope = case.server.send(body)
    assert case.server.wait_for_ack(envelope) == {"text": "Hjälp om /behov"}

    [received] = inbox.wait_for(envelope_id=envelope.envelope_id)
    assert received == {
        "envelope_id": envelope.envelope_id,
        "type": "slash_commands",
        "payload": envelope_for(body)[1],
        "accepts_response_payload": True,
    }
    assert received["payload"]["command"] == "/behov"
    assert envelope.deliveries == 1


def test_a_view_submission_is_answered_with_inline_errors_in_the_ack(case: Case) -> None:
    """An interactive envelope accepts a response payload: response_action and errors."""
    errors = {"response_action": "errors", "errors": {"beskrivning": "Inget personnummer."}}
    _, inbox = case.connect(answer(errors))
    view = {"type": "modal", "callback_id": "behov", "blocks": []}
    body = req.view_submission(view, {}, user_id=ANNA)

    assert case.server.request(body) == errors
    [received] = inbox.wait_for(type="interactive")
    assert received["payload"]["type"] == "view_submission"
    assert received["accepts_response_payload"] is True


def test_an_event_arrives_with_its_retry_fields_and_accepts_no_payload(case: Case) -> None:
    """events_api envelopes carry retry_attempt 0 and an empty retry_reason."""
    _, inbox = case.connect(answer(None))

    assert case.server.request(req.home_opened(ANNA)) == {}
    [received] = inbox.wait_for(type="events_api")
    assert received["payload"]["event"]["type"] == "app_home_opened"
    assert (received["retry_attempt"], received["retry_reason"]) == (0, "")
    assert received["accepts_response_payload"] is False


def test_a_refresh_makes_the_client_reconnect_on_a_new_url_and_requests_go_on(case: Case) -> None:
    """disconnect refresh_requested: the client opens a new URL, leaves the old connection."""
    _, inbox = case.connect(answer({"text": "ok"}))
    case.server.wait_for_connections(1)

    case.server.refresh()

    case.server.wait_for_connections(2)
    [disconnect] = inbox.wait_for(type="disconnect")
    assert disconnect == {
        "type": "disconnect",
        "reason": "refresh_requested",
        "debug_info": {"host": "applink-sim-1"},
    }
    assert len(case.slack.calls_to("apps.connections.open")) == 2
    case.server.wait_until(lambda: case.server.open_connections == 1)
    assert case.server.request(case.command()) == {"text": "ok"}


@pytest.mark.parametrize("reason", ["warning", "link_disabled"])
def test_the_other_disconnect_reasons_reach_the_client(reason: str, case: Case) -> None:
    """A warning or link_disabled reaches the client as a disconnect with that reason."""
    _, inbox = case.connect()
    case.server.wait_for_connections(1)

    case.server.disconnect(reason)

    [disconnect] = inbox.wait_for(type="disconnect")
    assert disconnect["reason"] == reason
    case.server.wait_for_connections(2)  # slack_sdk's client reconnects on any disconnect


def test_a_dropped_connection_is_reopened_and_the_unacked_envelope_comes_again(case: Case) -> None:
    """After a drop the client reconnects; the envelope it never acked is redelivered once."""
    received: list[SocketModeRequest] = []

    def ack_the_second_delivery(client: SocketModeClient, request: SocketModeRequest) -> None:
        received.append(request)
        if len(received) > 1:
            client.send_socket_mode_response(SocketModeResponse(request.envelope_id, {"ok": 1}))

    _, inbox = case.connect(ack_the_second_delivery, ping_interval=0.2)
    case.server.wait_for_connections(1)
    envelope = case.server.send(case.command())
    inbox.wait_for(envelope_id=envelope.envelope_id)

    case.server.drop()

    assert case.server.wait_for_ack(envelope) == {"ok": 1}
    first, second = inbox.wait_for(2, envelope_id=envelope.envelope_id)
    assert "retry_attempt" not in first
    assert (second["retry_attempt"], second["retry_reason"]) == (1, "timeout")
    assert second["payload"] == first["payload"]
    assert (envelope.deliveries, case.server.connections) == (2, 2)
    assert [r.envelope_id for r in received] == [envelope.envelope_id] * 2


def test_an_envelope_sent_while_no_connection_is_open_waits_for_the_next_one(case: Case) -> None:
    """An envelope sent before the app connects is delivered right after the hello."""
    envelope = case.server.send(case.command())

    _, inbox = case.connect(answer({"text": "sent"}))

    assert case.server.wait_for_ack(envelope) == {"text": "sent"}
    assert [m["type"] for m in inbox.messages] == ["hello", "slash_commands"]


def test_an_unacked_envelope_is_redelivered_when_slacks_time_is_up(case: Case) -> None:
    """redeliver_unacked sends every envelope without an ack again, retry_attempt one higher."""
    _, inbox = case.connect()
    envelope = case.server.send(case.command())
    inbox.wait_for(envelope_id=envelope.envelope_id)

    assert case.server.redeliver_unacked() == [envelope]

    _, again = inbox.wait_for(2, envelope_id=envelope.envelope_id)
    assert (again["retry_attempt"], again["retry_reason"]) == (1, "timeout")


def test_an_ack_for_an_envelope_never_sent_is_a_problem(case: Case) -> None:
    """Acknowledging an unknown envelope_id is recorded as a breach of the protocol."""
    client, _ = case.connect()
    case.server.wait_for_connections(1)

    client.send_socket_mode_response({"envelope_id": "not-sent"})

    case.server.wait_until(lambda: bool(case.server.problems))
    assert case.server.problems == ["an ack for an envelope never sent: not-sent"]
    case.server.problems.clear()


@pytest.mark.parametrize(
    ("body", "kind", "key", "value"),
    [
        (
            req.slash_command("/behov", "lista", user_id=ANNA, response_url="http://r"),
            "slash_commands",
            "text",
            "lista",
        ),
        (req.view_closed({"type": "modal"}, user_id=ANNA), "interactive", "type", "view_closed"),
        (
            req.event_callback({"type": "app_home_opened", "user": ANNA}),
            "events_api",
            "type",
            "event_callback",
        ),
    ],
)
def test_a_request_body_becomes_the_envelope_payload_slack_sends(
    body: bytes, kind: str, key: str, value: str
) -> None:
    """Slash commands, interactions and events map to their envelope type and payload."""
    found_kind, payload = envelope_for(body)
    assert (found_kind, payload[key]) == (kind, value)


@pytest.mark.parametrize(
    "body", [b"", b"[]", b"payload=%5B%5D", b"text=hej", b'{"type": "url_verification"}']
)
def test_a_body_slack_would_not_send_over_socket_mode_is_refused(body: bytes) -> None:
    """Anything but a command, an interaction or an event callback raises ValueError."""
    with pytest.raises(ValueError, match=r"no event_callback|neither a slash command"):
        envelope_for(body)


def post_signed(url: str, body: bytes) -> int:
    """POST a body signed with some secret; return the HTTP status."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", **req.sign("guess", body)}
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_the_bot_in_socket_mode_answers_a_command_over_the_socket(
    case: Case, tmp_path: Path
) -> None:
    """`python -m bot serve` with SLACK_APP_TOKEN connects, acks /behov hjälp and answers it."""
    config = tmp_path / "samverkan.toml"
    config.write_text(CONFIG, encoding="utf-8")
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_APP_TOKEN": APP_TOKEN,
        "BOT_SECRET_KEY": SECRET_KEY,
        "SLACK_API_URL": case.slack.api_url,
        "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db",
        "BOT_CONFIG": str(config),
        "PORT": str(free_port()),
    }
    env.pop("SLACK_SIGNING_SECRET", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--no-scheduler"],
            env=env,
            cwd=tmp_path,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        case.server.wait_for_connections(1, timeout=60)
        envelope = case.server.send(case.command())
        case.server.wait_for_ack(envelope)
        [help_text] = case.slack.wait_for_response(1)
        assert help_text["text"] == Texts("sv")(t.HELP)
        refused = post_signed(f"http://127.0.0.1:{env['PORT']}/slack/events", case.command())
        assert refused == 401  # without a signing secret nothing over HTTP is Slack's
    finally:
        process.kill()
        process.wait(10)
    assert APP_TOKEN not in log.read_text(encoding="utf-8")
