"""Runs the real bot over HTTP against the Slack stand-in, and sends it signed requests."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot import scheduler
from bot.clock import FrozenClock
from bot.config import Config, parse_config
from bot.context import BotContext
from bot.runtime import prepare_database
from bot.server import WebApp
from bot.settings import Settings
from bot.socket_mode import EdgeSocketModeHandler
from bot.wiring import wire
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage.db import Database
from tests.socket_mode import SocketModeServer

SIGNING_SECRET = "test-signing-secret-0123456789"
SECRET_KEY = "test-answer-key-0123456789"  # BOT_SECRET_KEY of the running bot
APP_TOKEN = "xapp-1-A0SAMVERK1-1-socketmode"
METHODS_DIR = next(
    (
        parent / "shared" / "slack" / "methods"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "slack" / "methods").is_dir()
    ),
    Path("/work/shared/slack/methods"),
)

COORDINATOR = "U0LEDARE1"
OWNER = "U0AGARE01"
COMMUNICATOR = "U0KOMM001"
ANNA = "U0ANNA001"  # Tullverket
ERIK = "U0ERIK001"  # Tullverket, a colleague of Anna
BERIT = "U0BERIT01"  # Gävle kommun
OUTSIDER = "U0OKAND01"  # no organisation
WORKING_GROUP = "C0ARBETS1"
COORDINATOR_CHANNEL = "C0PLAN0001"
OWNERS_CHANNEL = "C0AGARE001"

PEOPLE = {
    COORDINATOR: "ledare@lansstyrelsen.se",
    OWNER: "agare@lansstyrelsen.se",
    COMMUNICATOR: "kommunikator@lansstyrelsen.se",
    ANNA: "anna@tullverket.se",
    ERIK: "erik@tullverket.se",
    BERIT: "berit@gavle.se",
    OUTSIDER: "someone@example.com",
}

BASE_CONFIG: dict[str, Any] = {
    "collaboration": {"name": "Gävleborg mot narkotika", "timezone": "Europe/Stockholm"},
    "channels": {
        "working_group": WORKING_GROUP,
        "coordinators": COORDINATOR_CHANNEL,
        "owners": OWNERS_CHANNEL,
    },
    "roles": {"coordinators": [COORDINATOR], "owners": [OWNER], "communicators": [COMMUNICATOR]},
}


class TrackingExecutor(ThreadPoolExecutor):
    """Bolt's listener pool, which can tell a test when every listener has finished."""

    def __init__(self) -> None:
        super().__init__(max_workers=16, thread_name_prefix="listener")
        self._busy = 0
        self._idle = threading.Condition()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run fn in the pool, counting it until it returns."""
        with self._idle:
            self._busy += 1

        def run() -> Any:
            try:
                return fn(*args, **kwargs)
            finally:
                with self._idle:
                    self._busy -= 1
                    self._idle.notify_all()

        return super().submit(run)

    def wait_idle(self, timeout: float = 15.0) -> None:
        """Block until no listener is running."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._busy == 0, timeout):
                raise AssertionError(f"{self._busy} listeners still running after {timeout}s")


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # as a real server's backlog: a crowd's connections are not dropped


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


@dataclass
class HttpResult:
    """An HTTP answer of the bot."""

    status: int
    body: bytes

    def json(self) -> Any:
        """Decode the body as JSON."""
        return json.loads(self.body) if self.body else None


class RunningBot:
    """The bot served over HTTP on 127.0.0.1, wired to the stand-in, on a frozen clock.

    With socket_mode, the same bot connects out over Socket Mode instead (the stand-in hands it
    a local WebSocket endpoint), and every request is sent as Slack's envelope. api_url, when
    given, is where the bot reaches the stand-in's Web API (e.g. through a proxy a test cuts).
    """

    def __init__(
        self,
        standin: SimulatedSlack,
        database_url: str,
        *,
        now: datetime,
        config: dict[str, Any] | None = None,
        sender: Executor | None = None,
        socket_mode: bool = False,
        api_url: str | None = None,
    ) -> None:
        self.standin = standin
        settings = Settings(
            SLACK_BOT_TOKEN="xoxb-test-token",
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            BOT_SECRET_KEY=SECRET_KEY,
            SLACK_API_URL=api_url or standin.api_url,
            DATABASE_URL=database_url,
        )
        self.clock = FrozenClock(now)
        parsed: Config = parse_config(config or BASE_CONFIG)
        self.bot = BotContext(settings, parsed, Database(database_url), self.clock)
        prepare_database(self.bot)
        self.listeners = TrackingExecutor()
        self.wiring = wire(
            self.bot,
            token_verification=True,
            work_executor=self.listeners,
            sender_executor=sender,
        )
        self.app = self.wiring.app
        self.web = WebApp(self.bot, self.wiring)
        self.server = make_server("127.0.0.1", 0, self.web, _Server, _Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self._trigger = 0
        self.socket: SocketModeServer | None = None
        self.handler: EdgeSocketModeHandler | None = None
        if socket_mode:
            self.socket = SocketModeServer(standin).start()
            self.handler = EdgeSocketModeHandler(self.wiring, APP_TOKEN, ping_interval=0.2)
            self.web.connection = self.handler.client.is_connected
            self.handler.connect()  # type: ignore[no-untyped-call]
            self.socket.wait_for_connections(1)

    def tick(self) -> int:
        """Run one scheduler tick now, with the bot's planners; return how many were claimed."""
        return scheduler.tick(self.bot, self.wiring.planners)

    def stop(self) -> None:
        """Stop serving and close the database."""
        if self.handler is not None:
            self.handler.close()  # type: ignore[no-untyped-call]
        if self.socket is not None:
            self.socket.stop()
        self.server.shutdown()
        self.server.server_close()
        self.bot.finish()
        self.bot.db.dispose()

    # --- raw HTTP -------------------------------------------------------------------------

    def post(
        self,
        body: bytes,
        *,
        content_type: str = "application/x-www-form-urlencoded",
        headers: dict[str, str] | None = None,
        signed: bool = True,
        timestamp: int | None = None,
    ) -> HttpResult:
        """POST a body to /slack/events, signed as Slack signs it unless told otherwise.

        Over Socket Mode, the body goes as Slack's envelope instead, and the ack's payload
        comes back as the answer's body.
        """
        if self.socket is not None:
            payload = self.socket.request(body)
            return HttpResult(200, json.dumps(payload).encode() if payload else b"")
        all_headers = {"Content-Type": content_type}
        if signed:
            all_headers |= req.sign(SIGNING_SECRET, body, timestamp)
        all_headers |= headers or {}
        return self.request("POST", "/slack/events", body, all_headers)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> HttpResult:
        """Send one HTTP request to the bot."""
        request = urllib.request.Request(
            self.url + path, data=body, method=method, headers=headers or {}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return HttpResult(response.status, response.read())
        except urllib.error.HTTPError as exc:
            return HttpResult(exc.code, exc.read())

    # --- what Slack sends -----------------------------------------------------------------

    def trigger(self) -> str:
        """Return a fresh trigger id."""
        self._trigger += 1
        return f"{self._trigger}.98765.trigger"

    def command(
        self, command: str, text: str, user: str, *, channel: str = WORKING_GROUP
    ) -> HttpResult:
        """Send a slash command as Slack does."""
        body = req.slash_command(
            command,
            text,
            user_id=user,
            response_url=self.standin.response_url("cmd"),
            channel_id=channel,
            trigger_id=self.trigger(),
        )
        return self.post(body)

    def click(
        self,
        action: dict[str, Any],
        user: str,
        *,
        message: dict[str, Any] | None = None,
        channel: str | None = WORKING_GROUP,
        view: dict[str, Any] | None = None,
    ) -> HttpResult:
        """Press a button or choose in a select, as Slack sends it."""
        body = req.block_actions(
            action,
            user_id=user,
            response_url=self.standin.response_url("act"),
            channel_id=channel,
            message=message,
            view=view,
            trigger_id=self.trigger(),
        )
        return self.post(body)

    def submit(
        self,
        view: dict[str, Any],
        answers: dict[str, Any],
        user: str,
        *,
        view_id: str = "V0000001",
        forged: bool = False,
    ) -> HttpResult:
        """Submit a modal the bot opened, with answers keyed by action id.

        A forged submission may leave required inputs empty, as only a hand-made request can.
        """
        values = req.input_values(view, answers, allow_missing_required=forged)
        return self.post(req.view_submission(view, values, user_id=user, view_id=view_id))

    def suggest(
        self, view: dict[str, Any], action_id: str, typed: str, user: str
    ) -> list[dict[str, Any]]:
        """Type into an external select of a modal the bot opened; return the options answered.

        Fails when the answer is not one Slack shows: at most 100 options of plain text (75
        characters at most) with a value (150 at most).
        """
        body = req.block_suggestion(
            view, block_id=action_id, action_id=action_id, value=typed, user_id=user
        )
        answer = self.post(body)
        assert answer.status == 200, answer.body
        found = answer.json()
        assert isinstance(found, dict), found
        assert set(found) == {"options"}, found
        options = list(found["options"])
        assert len(options) <= 100
        for option in options:
            assert option["text"]["type"] == "plain_text"
            assert 0 < len(option["text"]["text"]) <= 75
            assert 0 < len(option["value"]) <= 150
        return options

    def opened_view(self, index: int = -1) -> dict[str, Any]:
        """Return the view of the latest views.open call."""
        return dict(self.standin.calls_to("views.open")[index].args["view"])


def find_button(
    blocks: list[dict[str, Any]], action_prefix: str, value: str | None = None
) -> dict[str, Any]:
    """Find a button in message blocks by its action id prefix (and value)."""
    for block in blocks:
        for element in block.get("elements", []) + (
            [block["accessory"]] if "accessory" in block else []
        ):
            if str(element.get("action_id", "")).startswith(action_prefix) and (
                value is None or element.get("value") == value
            ):
                return {**element, "block_id": block.get("block_id", "")}
    raise AssertionError(f"no button {action_prefix} {value} in {json.dumps(blocks)[:2000]}")


def all_text(blocks: list[dict[str, Any]]) -> str:
    """Return every text in blocks, joined, for assertions."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return "\n".join(found)
