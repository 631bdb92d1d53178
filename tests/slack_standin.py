"""A local stand-in for the Slack Web API that records calls and checks Slack's contract."""

from __future__ import annotations

import copy
import email.policy
import itertools
import json
import re
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

JSONDict = dict[str, Any]
Handler = Callable[[JSONDict], JSONDict]

# Arguments that slack-sdk sends as JSON-encoded strings in form bodies.
JSON_STRING_ARGS = frozenset({"blocks", "view", "attachments", "metadata", "files", "unfurls"})

MESSAGE_MAX_BLOCKS = 50
VIEW_MAX_BLOCKS = 100
MESSAGE_BLOCKS_MAX_TEXT = 13_000
MESSAGE_TEXT_MAX = 40_000
VIEW_TEXT_MAX = 24
ID_MAX = 255
PRIVATE_METADATA_MAX = 3000
RESPONSE_URL_MAX_USES = 5

KNOWN_BLOCK_TYPES = frozenset(
    {
        "actions",
        "context",
        "divider",
        "file",
        "header",
        "image",
        "input",
        "markdown",
        "rich_text",
        "section",
        "table",
        "video",
    }
)
OPTION_LIMITS: dict[str, tuple[int, int]] = {
    # element type -> (min options, max options)
    "static_select": (1, 100),
    "multi_static_select": (1, 100),
    "overflow": (1, 5),
    "checkboxes": (1, 10),
    "radio_buttons": (1, 10),
}
_TRIGGER_ISSUED_MS = re.compile(r"^\d+\.(\d{13})\.\w+$")
_METHOD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")
_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


# How long a test waits for the bot; generous, since a loaded machine is slow, not wrong.
WAIT_SECONDS = 15.0


@dataclass(frozen=True)
class Call:
    """One Web API call the stand-in received, with the error it answered (None when ok)."""

    method: str
    args: dict[str, Any]
    token: str | None
    at: float
    faulted: bool = False
    error: str | None = None


@dataclass(frozen=True)
class _Fault:
    """A fault queued by SlackStandIn.fail for one call."""

    status: int
    error: str | None
    retry_after: int | None
    delay: float


@dataclass(frozen=True)
class _Reply:
    """An HTTP answer: status, extra headers, body."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of_json(
        cls, payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> _Reply:
        """Build a JSON reply."""
        body = json.dumps(payload, ensure_ascii=False).encode()
        return cls(status, body, headers=tuple((headers or {}).items()))


class BlockKitCheck:
    """Collect Block Kit breaches of one surface (a message, a modal or a home tab)."""

    def __init__(self) -> None:
        """Start with no problems and no block ids seen."""
        self.problems: list[str] = []
        self._block_ids: set[str] = set()

    def problem(self, where: str, what: str) -> None:
        """Note one breach."""
        self.problems.append(f"{where}: {what}")

    def longer_than(self, value: Any, maximum: int, where: str) -> None:
        """Note a string longer than Slack allows."""
        if isinstance(value, str) and len(value) > maximum:
            self.problem(where, f"{len(value)} characters, more than {maximum}")

    def text_object(
        self,
        obj: Any,
        where: str,
        maximum: int = 3000,
        *,
        plain_only: bool = False,
        required: bool = True,
    ) -> None:
        """Check a text object: its type, a non-empty text, and its length."""
        if obj is None:
            if required:
                self.problem(where, "missing text object")
            return
        if not isinstance(obj, dict):
            self.problem(where, f"text object must be an object, not {type(obj).__name__}")
            return
        kind = obj.get("type")
        if kind not in ("plain_text", "mrkdwn"):
            self.problem(where, f"text object type must be plain_text or mrkdwn, not {kind!r}")
        elif plain_only and kind != "plain_text":
            self.problem(where, "must be plain_text")
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            self.problem(where, "text object has no text")
            return
        self.longer_than(text, maximum, where)

    def blocks(self, blocks: Any, where: str = "blocks") -> None:
        """Check a list of blocks."""
        if not isinstance(blocks, list):
            self.problem(where, "blocks must be a list")
            return
        for index, block in enumerate(blocks):
            self.block(block, f"{where}[{index}]")

    def block(self, block: Any, where: str) -> None:
        """Check one block and the elements nested in it."""
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            self.problem(where, "a block must be an object with a type")
            return
        kind = block["type"]
        where = f"{where}({kind})"
        block_id = block.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not block_id:
                self.problem(where, "block_id must be a non-empty string")
            else:
                self.longer_than(block_id, ID_MAX, f"{where}.block_id")
                if block_id in self._block_ids:
                    self.problem(where, f"duplicate block_id {block_id!r}")
                self._block_ids.add(block_id)
        action_ids: set[str] = set()
        if kind not in KNOWN_BLOCK_TYPES:
            self.problem(where, f"unknown block type {kind!r}")
        elif kind == "section":
            self._section(block, where, action_ids)
        elif kind == "header":
            self.text_object(block.get("text"), f"{where}.text", 150, plain_only=True)
        elif kind == "context":
            self._context(block, where)
        elif kind == "actions":
            elements = block.get("elements")
            if not isinstance(elements, list) or not elements:
                self.problem(where, "actions block needs a non-empty elements list")
                return
            if len(elements) > 25:
                self.problem(where, f"{len(elements)} elements, more than 25")
            for index, element in enumerate(elements):
                self.element(element, f"{where}.elements[{index}]", action_ids)
        elif kind == "input":
            self.text_object(block.get("label"), f"{where}.label", 2000, plain_only=True)
            self.text_object(
                block.get("hint"), f"{where}.hint", 2000, plain_only=True, required=False
            )
            if "element" not in block:
                self.problem(where, "input block needs an element")
            else:
                self.element(block["element"], f"{where}.element", action_ids)
        elif kind == "image":
            self._image(block, where)
            self.text_object(
                block.get("title"), f"{where}.title", 2000, plain_only=True, required=False
            )
        elif kind == "markdown":
            text = block.get("text")
            if not isinstance(text, str) or not text:
                self.problem(where, "markdown block needs a text")
            self.longer_than(text, 12_000, f"{where}.text")

    def _section(self, block: JSONDict, where: str, action_ids: set[str]) -> None:
        """Check a section block."""
        fields = block.get("fields")
        if block.get("text") is None and not fields:
            self.problem(where, "section needs a text or fields")
        self.text_object(block.get("text"), f"{where}.text", 3000, required=False)
        if fields is not None:
            if not isinstance(fields, list):
                self.problem(f"{where}.fields", "must be a list")
            else:
                if len(fields) > 10:
                    self.problem(f"{where}.fields", f"{len(fields)} fields, more than 10")
                for index, item in enumerate(fields):
                    self.text_object(item, f"{where}.fields[{index}]", 2000)
        if "accessory" in block:
            self.element(block["accessory"], f"{where}.accessory", action_ids)

    def _context(self, block: JSONDict, where: str) -> None:
        """Check a context block."""
        elements = block.get("elements")
        if not isinstance(elements, list) or not elements:
            self.problem(where, "context block needs a non-empty elements list")
            return
        if len(elements) > 10:
            self.problem(where, f"{len(elements)} elements, more than 10")
        for index, element in enumerate(elements):
            place = f"{where}.elements[{index}]"
            if isinstance(element, dict) and element.get("type") == "image":
                self._image(element, place)
            else:
                self.text_object(element, place)

    def _image(self, image: JSONDict, where: str) -> None:
        """Check an image block or element."""
        if not image.get("image_url") and not image.get("slack_file"):
            self.problem(where, "image needs image_url or slack_file")
        self.longer_than(image.get("image_url"), 3000, f"{where}.image_url")
        alt_text = image.get("alt_text")
        if not isinstance(alt_text, str) or not alt_text:
            self.problem(where, "image needs an alt_text")
        self.longer_than(alt_text, 2000, f"{where}.alt_text")

    def element(self, element: Any, where: str, action_ids: set[str]) -> None:
        """Check an interactive element, its options and its confirm dialog."""
        if not isinstance(element, dict) or not isinstance(element.get("type"), str):
            self.problem(where, "an element must be an object with a type")
            return
        kind = element["type"]
        where = f"{where}({kind})"
        action_id = element.get("action_id")
        if action_id is not None:
            if not isinstance(action_id, str) or not action_id:
                self.problem(where, "action_id must be a non-empty string")
            else:
                self.longer_than(action_id, ID_MAX, f"{where}.action_id")
                if action_id in action_ids:
                    self.problem(where, f"duplicate action_id {action_id!r} in one block")
                action_ids.add(action_id)
        self.text_object(
            element.get("placeholder"), f"{where}.placeholder", 150, plain_only=True, required=False
        )
        if "confirm" in element:
            self._confirm(element["confirm"], f"{where}.confirm")
        if kind == "button":
            self.text_object(element.get("text"), f"{where}.text", 75, plain_only=True)
            self.longer_than(element.get("value"), 2000, f"{where}.value")
            self.longer_than(element.get("url"), 3000, f"{where}.url")
            style = element.get("style")
            if style is not None and style not in ("primary", "danger"):
                self.problem(where, f"button style must be primary or danger, not {style!r}")
        elif kind == "plain_text_input":
            self._plain_text_input(element, where)
        elif kind == "image":
            self._image(element, where)
        if kind in OPTION_LIMITS or "options" in element or "option_groups" in element:
            self._options(element, where, kind)

    def _plain_text_input(self, element: JSONDict, where: str) -> None:
        """Check the lengths of a plain_text_input."""
        max_length = element.get("max_length")
        min_length = element.get("min_length")
        if max_length is not None and (
            not isinstance(max_length, int) or not 0 < max_length <= 3000
        ):
            self.problem(where, f"max_length must be 1..3000, not {max_length!r}")
        if min_length is not None and (
            not isinstance(min_length, int) or not 0 <= min_length <= 3000
        ):
            self.problem(where, f"min_length must be 0..3000, not {min_length!r}")
        if isinstance(max_length, int) and isinstance(min_length, int) and min_length > max_length:
            self.problem(where, f"min_length {min_length} is above max_length {max_length}")
        initial = element.get("initial_value")
        if isinstance(max_length, int):
            self.longer_than(initial, max_length, f"{where}.initial_value")

    def _options(self, element: JSONDict, where: str, kind: str) -> None:
        """Check an element's options or option groups and its initial option(s)."""
        least, most = OPTION_LIMITS.get(kind, (1, 100))
        allow_mrkdwn = kind in ("checkboxes", "radio_buttons")
        options = element.get("options")
        groups = element.get("option_groups")
        values: list[Any] = []
        if options is not None and groups is not None:
            self.problem(where, "give options or option_groups, not both")
        if groups is not None:
            if not isinstance(groups, list) or not 1 <= len(groups) <= 100:
                self.problem(f"{where}.option_groups", "must be a list of 1..100 groups")
                groups = groups if isinstance(groups, list) else []
            for index, group in enumerate(groups):
                place = f"{where}.option_groups[{index}]"
                if not isinstance(group, dict):
                    self.problem(place, "must be an object")
                    continue
                self.text_object(group.get("label"), f"{place}.label", 75, plain_only=True)
                values += self._option_list(group.get("options"), place, 1, 100, allow_mrkdwn=False)
        elif options is not None:
            values += self._option_list(options, where, least, most, allow_mrkdwn=allow_mrkdwn)
        else:
            self.problem(where, "needs options")
        initial = element.get("initial_options")
        chosen = list(initial) if isinstance(initial, list) else []
        if isinstance(element.get("initial_option"), dict):
            chosen.append(element["initial_option"])
        for option in chosen:
            if not isinstance(option, dict) or option.get("value") not in values:
                self.problem(where, f"initial option {option!r} is not one of the options")

    def _option_list(
        self, options: Any, where: str, least: int, most: int, *, allow_mrkdwn: bool
    ) -> list[Any]:
        """Check a list of option objects and return their values."""
        if not isinstance(options, list) or not least <= len(options) <= most:
            count = len(options) if isinstance(options, list) else "no"
            self.problem(f"{where}.options", f"{count} options, allowed {least}..{most}")
            return []
        values = []
        for index, option in enumerate(options):
            place = f"{where}.options[{index}]"
            if not isinstance(option, dict):
                self.problem(place, "an option must be an object")
                continue
            self.text_object(option.get("text"), f"{place}.text", 75, plain_only=not allow_mrkdwn)
            self.text_object(option.get("description"), f"{place}.description", 75, required=False)
            value = option.get("value")
            if not isinstance(value, str) or not value:
                self.problem(place, "an option needs a non-empty string value")
            self.longer_than(value, 150, f"{place}.value")
            values.append(value)
        if len(set(map(str, values))) != len(values):
            self.problem(f"{where}.options", "duplicate option values")
        return values

    def _confirm(self, confirm: Any, where: str) -> None:
        """Check a confirmation dialog."""
        if not isinstance(confirm, dict):
            self.problem(where, "must be an object")
            return
        self.text_object(confirm.get("title"), f"{where}.title", 100, plain_only=True)
        self.text_object(confirm.get("text"), f"{where}.text", 300)
        self.text_object(confirm.get("confirm"), f"{where}.confirm", 30, plain_only=True)
        self.text_object(confirm.get("deny"), f"{where}.deny", 30, plain_only=True)


def message_problem(
    args: Mapping[str, Any], *, require_content: bool = True
) -> tuple[str, str] | None:
    """Return (Slack error, why) when a message breaks Slack's rules, else None."""
    content = [key for key in ("text", "blocks", "attachments", "markdown_text") if args.get(key)]
    if require_content and not content:
        return "no_text", "no text, blocks or attachments"
    text = args.get("text")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
        return "msg_too_long", f"text has {len(text)} characters, more than {MESSAGE_TEXT_MAX}"
    blocks = args.get("blocks")
    if blocks is not None:
        if not isinstance(blocks, list):
            return "invalid_blocks_format", "blocks is not a list"
        if len(blocks) > MESSAGE_MAX_BLOCKS:
            return "invalid_blocks", f"{len(blocks)} blocks, more than {MESSAGE_MAX_BLOCKS}"
        check = BlockKitCheck()
        check.blocks(blocks)
        if check.problems:
            return "invalid_blocks", "; ".join(check.problems)
        total = text_length(blocks)
        if total > MESSAGE_BLOCKS_MAX_TEXT:
            return "msg_blocks_too_long", f"blocks hold {total} characters of text"
    attachments = args.get("attachments")
    if attachments is not None and not isinstance(attachments, list):
        return "invalid_attachments", "attachments is not a list"
    metadata = args.get("metadata")
    if metadata is not None and (
        not isinstance(metadata, dict)
        or not isinstance(metadata.get("event_type"), str)
        or not isinstance(metadata.get("event_payload"), dict)
    ):
        return "invalid_metadata_format", "metadata needs event_type and an event_payload object"
    return None


def view_problems(view: Any, expected_type: str) -> list[str]:
    """Return every breach of Slack's rules in a modal or home tab view."""
    if not isinstance(view, dict):
        return ["view must be an object"]
    check = BlockKitCheck()
    if view.get("type") != expected_type:
        check.problem("view.type", f"must be {expected_type!r}, not {view.get('type')!r}")
    if expected_type == "modal":
        check.text_object(view.get("title"), "view.title", VIEW_TEXT_MAX, plain_only=True)
    for key in ("submit", "close"):
        check.text_object(
            view.get(key), f"view.{key}", VIEW_TEXT_MAX, plain_only=True, required=False
        )
    for key in ("callback_id", "external_id"):
        check.longer_than(view.get(key), ID_MAX, f"view.{key}")
    check.longer_than(view.get("private_metadata"), PRIVATE_METADATA_MAX, "view.private_metadata")
    blocks = view.get("blocks")
    if not isinstance(blocks, list):
        check.problem("view.blocks", "must be a list")
        return check.problems
    if len(blocks) > VIEW_MAX_BLOCKS:
        check.problem("view.blocks", f"{len(blocks)} blocks, more than {VIEW_MAX_BLOCKS}")
    check.blocks(blocks, "view.blocks")
    has_input = any(isinstance(block, dict) and block.get("type") == "input" for block in blocks)
    if expected_type == "modal" and has_input and not view.get("submit"):
        check.problem("view.submit", "a modal with input blocks needs a submit button")
    return check.problems


def text_length(node: Any) -> int:
    """Count the characters of every text string in a Block Kit structure."""
    if isinstance(node, list):
        return sum(text_length(item) for item in node)
    if isinstance(node, dict):
        return sum(
            len(value) if key == "text" and isinstance(value, str) else text_length(value)
            for key, value in node.items()
        )
    return 0


def _truthy(value: Any) -> bool:
    """Read a Slack boolean argument."""
    return value is True or str(value).lower() in ("1", "true")


def _missing(value: Any) -> bool:
    """Tell whether a required argument is absent."""
    return value is None or value == "" or value == [] or value == {}


def _decimal_ts(value: Any) -> Decimal | None:
    """Parse a Slack timestamp, or None when it is not one."""
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _parse_multipart(content_type: str, body: bytes) -> JSONDict:
    """Parse a multipart/form-data body into fields (str) and files (bytes)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: JSONDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        if part.get_filename() is None:
            fields[name] = payload.decode("utf-8")
        else:
            fields[name] = payload
    return fields


class _RequestHandler(BaseHTTPRequestHandler):
    """Hand every HTTP request to the SlackStandIn that owns the server."""

    server: _Server

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer("GET")

    def do_POST(self) -> None:
        """Answer a POST."""
        self._answer("POST")

    def _answer(self, verb: str) -> None:
        """Read the request, let the stand-in answer it, write the reply."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        reply = self.server.standin.handle_http(verb, self.path, headers, body)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for key, value in reply.headers:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a simulated timeout)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Stay quiet."""


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that knows its stand-in."""

    daemon_threads = True

    def __init__(self, standin: SlackStandIn) -> None:
        """Listen on an ephemeral loopback port."""
        super().__init__(("127.0.0.1", 0), _RequestHandler)
        self.standin = standin


class SlackStandIn:
    """A Slack Web API on 127.0.0.1 that records calls, keeps state and reports breaches."""

    def __init__(
        self,
        methods_dir: Path,
        *,
        bot_user_id: str = "UBOT00001",
        bot_id: str = "BBOT00001",
        team_id: str = "T0TEAM001",
        app_id: str = "A0SAMVERK1",
        rate_limit_per_channel: float | None = None,
        trigger_ttl: float | None = 3.0,
    ) -> None:
        """Prepare the stand-in; call start() to serve."""
        if not methods_dir.is_dir():
            raise FileNotFoundError(f"no Slack method reference at {methods_dir}")
        self.methods_dir = methods_dir
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.team_id = team_id
        self.app_id = app_id
        self.rate_limit_per_channel = rate_limit_per_channel
        self.trigger_ttl = trigger_ttl

        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []
        self.violations: list[str] = []
        self.rate_limited = 0
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.views: dict[str, dict[str, Any]] = {}
        self.home_views: dict[str, dict[str, Any]] = {}
        self.uploads: dict[str, bytes] = {}

        self._lock = threading.RLock()
        self._condition = threading.Condition(self._lock)
        self._faults: dict[str, list[_Fault]] = {}
        self._specs: dict[str, JSONDict | None] = {}
        self._files: dict[str, JSONDict] = {}
        self._used_triggers: set[str] = set()
        self._buckets: dict[str, tuple[float, float]] = {}
        self._response_uses: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._last_ts_micros = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._handlers: dict[str, Handler] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "conversations.info": self._conversations_info,
            "conversations.members": self._conversations_members,
            "users.info": self._users_info,
            "users.lookupByEmail": self._users_lookup_by_email,
            "users.list": self._users_list,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "files.upload": self._files_upload,
        }

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> SlackStandIn:
        """Serve on an ephemeral port in a daemon thread."""
        if self._server is not None:
            return self
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="slack-standin",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the port."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> SlackStandIn:
        """Start when entering a with block."""
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop when leaving a with block."""
        self.stop()

    @property
    def base_url(self) -> str:
        """Return http://127.0.0.1:PORT of the running server."""
        if self._server is None:
            raise RuntimeError("the Slack stand-in is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """Return the Web API base URL in slack-sdk's format (trailing slash)."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r") -> str:
        """Return a fresh loopback response_url that records what is posted to it."""
        return f"{self.base_url}/response/{name}/{next(self._ids)}"

    # ----------------------------------------------------------- test helpers

    def add_user(
        self,
        user_id: str,
        email: str,
        real_name: str | None = None,
        *,
        tz: str = "Europe/Stockholm",
        display_name: str | None = None,
    ) -> dict[str, Any]:
        """Add a workspace member that users.info and users.lookupByEmail know."""
        local = email.split("@", 1)[0]
        name = real_name or " ".join(
            part.capitalize() for part in re.split(r"[._-]+", local) if part
        )
        user = {"email": email, "real_name": name, "tz": tz, "display_name": display_name or ""}
        with self._lock:
            self.users[user_id] = user
        return user

    def add_channel(self, channel_id: str, name: str, members: list[str] | None = None) -> None:
        """Add a channel that conversations.info and conversations.members know."""
        with self._lock:
            self.channels[channel_id] = {"name": name, "members": list(members or [])}

    def add_message(self, channel: str, text: str, *, user: str, **fields: Any) -> str:
        """Put a message from a person into a channel's history and return its ts."""
        with self._lock:
            ts = self._next_ts()
            message = {
                "type": "message",
                "user": user,
                "text": text,
                "ts": ts,
                "team": self.team_id,
            }
            message.update(fields)
            self.messages.setdefault(channel, []).append(message)
            return ts

    def fail(
        self,
        method: str,
        *,
        times: int = 1,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        delay: float = 0.0,
    ) -> None:
        """Queue a fault for the next `times` calls of a method."""
        if status == 200 and error is None and delay <= 0:
            raise ValueError("a fault needs a non-200 status, an error or a delay")
        fault = _Fault(status, error, retry_after, delay)
        with self._lock:
            self._faults.setdefault(method, []).extend([fault] * times)

    def limit_rate(self, per_channel: float | None) -> None:
        """Allow per_channel messages a second in each channel (None: no limit), from now."""
        with self._lock:
            self.rate_limit_per_channel = per_channel
            self._buckets.clear()

    def next_second(self) -> None:
        """Refill every channel's allowance, as a second of Slack's rate limit passing would."""
        with self._lock:
            self._buckets.clear()

    def reset(self) -> None:
        """Forget calls, responses, violations, faults and rate counters; keep state."""
        with self._lock:
            self.calls.clear()
            self.responses.clear()
            self.violations.clear()
            self._faults.clear()
            self._buckets.clear()
            self._used_triggers.clear()
            self._response_uses.clear()
            self.rate_limited = 0

    def calls_to(self, method: str) -> list[Call]:
        """Return the calls of one method, oldest first."""
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        *,
        timeout: float = WAIT_SECONDS,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until at least `count` matching calls arrived and return all matching calls."""

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

        with self._condition:
            if self._condition.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            seen = "\n".join(f"  {_describe(call)}" for call in self.calls) or "  (none)"
            found = len(matching())
            raise AssertionError(
                f"waited {timeout}s for {count} call(s) of {method}, got {found}; "
                f"calls seen:\n{seen}"
                + (f"\nviolations: {self.violations}" if self.violations else "")
            )

    def wait_until(self, condition: Callable[[], bool], *, timeout: float = WAIT_SECONDS) -> None:
        """Block until condition() holds, re-checked whenever a call or response arrives."""
        with self._condition:
            if not self._condition.wait_for(condition, timeout):
                seen = [_describe(call) for call in self.calls]
                raise AssertionError(f"waited {timeout}s; calls seen: {seen}")

    def wait_for_response(
        self, count: int = 1, *, timeout: float = WAIT_SECONDS
    ) -> list[dict[str, Any]]:
        """Block until at least `count` posts to response URLs arrived and return their bodies."""
        with self._condition:
            if self._condition.wait_for(lambda: len(self.responses) >= count, timeout):
                return [body for _, body in self.responses]
            raise AssertionError(
                f"waited {timeout}s for {count} response_url post(s), got {len(self.responses)}: "
                f"{self.responses}; calls seen: {[_describe(call) for call in self.calls]}"
            )

    # ------------------------------------------------------------------- HTTP

    def handle_http(
        self, verb: str, target: str, headers: Mapping[str, str], body: bytes
    ) -> _Reply:
        """Answer one HTTP request (headers keyed in lower case)."""
        url = urlsplit(target)
        path = url.path
        try:
            if path.startswith("/api/"):
                return self._api(verb, path.removeprefix("/api/"), url.query, headers, body)
            if path.startswith("/response/") and verb == "POST":
                return self._response_post(path, body)
            if path.startswith("/upload/") and verb == "POST":
                return self._upload(path.removeprefix("/upload/"), body)
            return _Reply.of_json({"ok": False, "error": "not_found"}, 404)
        except Exception:
            with self._condition:
                self.violations.append(
                    f"stand-in failed on {verb} {path}:\n{traceback.format_exc()}"
                )
                self._condition.notify_all()
            return _Reply.of_json({"ok": False, "error": "internal_error"}, 500)

    def _api(
        self, verb: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> _Reply:
        """Answer one Web API call: fault, rate limit or the method's behaviour."""
        arrived = time.monotonic()
        args, token, problems = self._parse_args(query, headers, body)
        with self._lock:
            queued = self._faults.get(method)
            fault = queued.pop(0) if queued else None
        if fault is not None and fault.delay > 0:
            time.sleep(fault.delay)
        payload: JSONDict
        with self._condition:
            if fault is not None and (fault.status != 200 or fault.error is not None):
                reply, payload = self._fault_reply(fault)
                faulted = True
            elif self._over_rate(method, args):
                self.rate_limited += 1
                payload = {"ok": False, "error": "ratelimited"}
                reply, faulted = _Reply.of_json(payload, 429, {"Retry-After": "1"}), True
            else:
                payload = self._dispatch(verb, method, args, token, problems)
                reply, faulted = _Reply.of_json(payload), fault is not None
            error = None if payload.get("ok") is True else str(payload.get("error"))
            self.calls.append(Call(method, args, token, arrived, faulted=faulted, error=error))
            self._condition.notify_all()
        return reply

    @staticmethod
    def _parse_args(
        query: str, headers: Mapping[str, str], body: bytes
    ) -> tuple[JSONDict, str | None, list[str]]:
        """Merge query and body arguments, take out the token, decode JSON-string arguments."""
        problems: list[str] = []
        args: JSONDict = dict(parse_qsl(query, keep_blank_values=True))
        content_type = headers.get("content-type", "")
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime == "application/json":
            try:
                decoded = json.loads(body or b"{}")
            except ValueError:
                decoded = None
            if isinstance(decoded, dict):
                args.update(decoded)
            else:
                problems.append("the JSON body is not a JSON object")
        elif mime == "multipart/form-data":
            args.update(_parse_multipart(content_type, body))
        elif body:
            args.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        token = args.pop("token", None)
        authorization = headers.get("authorization", "")
        if authorization.lower().startswith("bearer "):
            token = authorization[7:].strip()
        for key in JSON_STRING_ARGS & args.keys():
            if isinstance(args[key], str) and args[key]:
                try:
                    args[key] = json.loads(args[key])
                except ValueError:
                    problems.append(f"argument {key!r} is not valid JSON")
        return args, (str(token) if token else None), problems

    def _fault_reply(self, fault: _Fault) -> tuple[_Reply, JSONDict]:
        """Answer a queued fault."""
        headers: dict[str, str] = {}
        retry_after = fault.retry_after
        if retry_after is None and fault.status == 429:
            retry_after = 1
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        default = {429: "ratelimited", 503: "service_unavailable"}.get(fault.status, "fatal_error")
        payload = {"ok": False, "error": fault.error or default}
        return _Reply.of_json(payload, fault.status, headers), payload

    def _over_rate(self, method: str, args: JSONDict) -> bool:
        """Apply the per-channel message rate (a token bucket)."""
        rate = self.rate_limit_per_channel
        if rate is None or method != "chat.postMessage":
            return False
        channel = str(args.get("channel"))
        now = time.monotonic()
        capacity = max(1.0, rate)
        tokens, last = self._buckets.get(channel, (capacity, now))
        tokens = min(capacity, tokens + (now - last) * rate)
        if tokens < 1:
            self._buckets[channel] = (tokens, now)
            return True
        self._buckets[channel] = (tokens - 1, now)
        return False

    def _dispatch(
        self, verb: str, method: str, args: JSONDict, token: str | None, problems: list[str]
    ) -> JSONDict:
        """Check a call against the method reference and answer it."""
        spec = self._spec(method) if _METHOD_NAME.match(method) else None
        if spec is None:
            return self._refuse(method, "unknown_method", "no such Web API method")
        if verb == "GET" and spec.get("http_method") != "GET":
            self._violate(method, "called with GET; this method takes POST")
        if spec.get("deprecated") or "method_deprecated" in (spec.get("warnings") or {}):
            self._violate(method, "the method is deprecated")
        required = (spec.get("args") or {}).get("required") or []
        if "token" in required and not token:
            return self._refuse(
                method, "not_authed", "no token (Authorization header or token arg)"
            )
        if problems:
            blocks = any("blocks" in problem or "attachments" in problem for problem in problems)
            error = "invalid_blocks_format" if blocks else "invalid_arguments"
            return self._refuse(method, error, "; ".join(problems))
        missing = [name for name in required if name != "token" and _missing(args.get(name))]
        if missing:
            return self._refuse(
                method, "invalid_arguments", f"missing required argument(s) {missing}"
            )
        handler = self._handlers.get(method)
        if handler is not None:
            return handler(args)
        return self._example(spec)

    def _spec(self, method: str) -> JSONDict | None:
        """Load (once) the method's reference, or None for an unknown method."""
        if method not in self._specs:
            path = self.methods_dir / f"{method}.json"
            spec = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
            self._specs[method] = spec if isinstance(spec, dict) and "args" in spec else None
        return self._specs[method]

    @staticmethod
    def _example(spec: JSONDict) -> JSONDict:
        """Answer with the reference's first successful example, else {"ok": true}."""
        for example in (spec.get("examples") or {}).values():
            body = example.get("example") if isinstance(example, dict) else None
            if isinstance(body, dict) and body.get("ok") is True:
                return copy.deepcopy(body)
        return {"ok": True}

    def _violate(self, method: str, why: str) -> None:
        """Record a contract breach."""
        self.violations.append(f"{method}: {why}")

    def _refuse(self, method: str, error: str, why: str, *, breach: bool = True) -> JSONDict:
        """Answer ok:false, recording a violation when the caller broke the contract."""
        if breach:
            self._violate(method, f"{error}: {why}")
        return {"ok": False, "error": error}

    def _response_post(self, path: str, body: bytes) -> _Reply:
        """Record a post to a response_url and check it as a message."""
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        with self._condition:
            try:
                if not isinstance(payload, dict):
                    self._violate(path, "response_url post is not a JSON object")
                    return _Reply.of_json({"ok": False, "error": "invalid_payload"}, 400)
                self.responses.append((path, payload))
                uses = self._response_uses[path] = self._response_uses.get(path, 0) + 1
                if uses > RESPONSE_URL_MAX_USES:
                    self._violate(path, f"response_url used {uses} times, Slack allows 5")
                    return _Reply.of_json({"ok": False, "error": "used_url"}, 404)
                delete = _truthy(payload.get("delete_original"))
                problem = message_problem(payload, require_content=not delete)
                if problem is not None:
                    self._violate(path, f"{problem[0]}: {problem[1]}")
                    return _Reply.of_json({"ok": False, "error": problem[0]}, 400)
                return _Reply.of_json({"ok": True})
            finally:
                self._condition.notify_all()

    def _upload(self, file_id: str, body: bytes) -> _Reply:
        """Take the bytes of a file announced by files.getUploadURLExternal."""
        with self._condition:
            info = self._files.get(file_id)
            if info is None:
                self._violate("upload", f"upload to unknown file id {file_id}")
                return _Reply(404, b"file not found", "text/plain")
            if len(body) != info["size"]:
                self._violate(
                    "upload", f"{file_id}: {len(body)} bytes sent, {info['size']} announced"
                )
            self.uploads[file_id] = body
            info["uploaded"] = True
            self._condition.notify_all()
        return _Reply(200, f"OK - {len(body)}".encode(), "text/plain")

    # ------------------------------------------------------------ id helpers

    def _next_ts(self) -> str:
        """Return a unique, increasing message ts near the current time."""
        micros = max(int(time.time() * 1_000_000), self._last_ts_micros + 100)
        self._last_ts_micros = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _short_id(self) -> str:
        """Return a short id like the block ids Slack generates."""
        number, out = next(self._ids) * 7919, ""
        for _ in range(5):
            number, digit = divmod(number, len(_ID_ALPHABET))
            out += _ID_ALPHABET[digit]
        return out

    def _with_ids(self, blocks: Any) -> Any:
        """Copy blocks, giving blocks and elements without ids the ids Slack would generate."""
        blocks = copy.deepcopy(blocks)
        if not isinstance(blocks, list):
            return blocks
        for block in blocks:
            if not isinstance(block, dict):
                continue
            block.setdefault("block_id", self._short_id())
            elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
            elements += [block[key] for key in ("accessory", "element") if key in block]
            for element in elements:
                if isinstance(element, dict) and element.get("type") not in ("image", None):
                    element.setdefault("action_id", self._short_id())
        return blocks

    def _channel(self, channel: Any) -> str:
        """Map a user id used as a channel to that user's DM channel."""
        name = str(channel)
        return "D" + name[1:] if name[:1] in ("U", "W") else name

    def _find(self, channel: str, ts: Any) -> dict[str, Any] | None:
        """Find a message by channel and ts."""
        return next((m for m in self.messages.get(channel, []) if m.get("ts") == ts), None)

    # ----------------------------------------------------------------- methods

    def _auth_test(self, args: JSONDict) -> JSONDict:
        """Answer auth.test for the bot token."""
        return {
            "ok": True,
            "url": "https://samverkan.slack.com/",
            "team": "Samverkan",
            "user": "samverkansbot",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _bot_message(self, args: JSONDict, ts: str) -> dict[str, Any]:
        """Build the message Slack stores for a bot post."""
        message: dict[str, Any] = {
            "type": "message",
            "text": args.get("text") or "",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
        }
        if args.get("blocks") is not None:
            message["blocks"] = self._with_ids(args["blocks"])
        for key in ("attachments", "metadata"):
            if args.get(key) is not None:
                message[key] = copy.deepcopy(args[key])
        if args.get("thread_ts"):
            message["thread_ts"] = str(args["thread_ts"])
            if _truthy(args.get("reply_broadcast")):
                message["subtype"] = "thread_broadcast"
        return message

    def _chat_post_message(self, args: JSONDict) -> JSONDict:
        """Post a message and store it in its channel."""
        problem = message_problem(args)
        if problem is not None:
            return self._refuse("chat.postMessage", *problem)
        channel = self._channel(args["channel"])
        thread_ts = args.get("thread_ts")
        if thread_ts and self._find(channel, str(thread_ts)) is None:
            self._violate("chat.postMessage", f"thread_ts {thread_ts} is no message in {channel}")
        message = self._bot_message(args, self._next_ts())
        self.messages.setdefault(channel, []).append(message)
        return {
            "ok": True,
            "channel": channel,
            "ts": message["ts"],
            "message": copy.deepcopy(message),
        }

    def _chat_update(self, args: JSONDict) -> JSONDict:
        """Replace the text, blocks, attachments or metadata of a stored message."""
        problem = message_problem(args, require_content=False)
        if problem is not None:
            return self._refuse("chat.update", *problem)
        channel = self._channel(args["channel"])
        message = self._find(channel, args["ts"])
        if message is None:
            return self._refuse(
                "chat.update", "message_not_found", f"no ts {args['ts']} in {channel}"
            )
        if message.get("bot_id") != self.bot_id:
            return self._refuse(
                "chat.update", "cant_update_message", "the message is not the bot's"
            )
        if "text" in args:
            message["text"] = args["text"] or ""
        if "blocks" in args:
            message["blocks"] = self._with_ids(args["blocks"] or [])
        for key in ("attachments", "metadata"):
            if key in args:
                message[key] = copy.deepcopy(args[key])
        message["edited"] = {"user": self.bot_user_id, "ts": self._next_ts()}
        return {
            "ok": True,
            "channel": channel,
            "ts": message["ts"],
            "text": message["text"],
            "message": copy.deepcopy(message),
        }

    def _chat_delete(self, args: JSONDict) -> JSONDict:
        """Delete a stored message."""
        channel = self._channel(args["channel"])
        message = self._find(channel, args["ts"])
        if message is None:
            return self._refuse(
                "chat.delete", "message_not_found", f"no ts {args['ts']} in {channel}"
            )
        self.messages[channel].remove(message)
        return {"ok": True, "channel": channel, "ts": message["ts"]}

    def _chat_post_ephemeral(self, args: JSONDict) -> JSONDict:
        """Accept an ephemeral message (it is not stored in the channel)."""
        problem = message_problem(args)
        if problem is not None:
            return self._refuse("chat.postEphemeral", *problem)
        return {"ok": True, "message_ts": self._next_ts()}

    def _chat_get_permalink(self, args: JSONDict) -> JSONDict:
        """Return a permalink to a stored message."""
        channel = self._channel(args["channel"])
        ts = str(args["message_ts"])
        if self._find(channel, ts) is None:
            return self._refuse(
                "chat.getPermalink", "message_not_found", f"no ts {ts} in {channel}"
            )
        link = f"https://samverkan.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _conversations_open(self, args: JSONDict) -> JSONDict:
        """Open a DM (one user) or group DM (several users)."""
        if args.get("channel"):
            return {"ok": True, "channel": {"id": str(args["channel"])}}
        users = [u for u in str(args.get("users") or "").split(",") if u.strip()]
        if not users:
            return self._refuse(
                "conversations.open", "users_list_not_supplied", "no users or channel"
            )
        if len(users) == 1:
            channel: dict[str, Any] = {"id": self._channel(users[0].strip())}
        else:
            channel = {"id": "G" + "".join(sorted(u.strip()[-3:] for u in users))[:10]}
        if _truthy(args.get("return_im")):
            channel |= {"is_im": len(users) == 1, "user": users[0].strip(), "is_open": True}
        return {"ok": True, "channel": channel}

    def _page(
        self, method: str, items: list[Any], args: JSONDict, default_limit: int
    ) -> tuple[list[Any], str] | None:
        """Cut one page out of a list using limit and cursor, returning the next cursor."""
        try:
            limit = int(args.get("limit") or default_limit)
            start = int(args.get("cursor") or 0)
        except ValueError:
            self._violate(
                method, f"bad limit or cursor: {args.get('limit')!r}, {args.get('cursor')!r}"
            )
            return None
        limit = min(max(limit, 1), 999)
        page = items[start : start + limit]
        return page, (str(start + limit) if start + limit < len(items) else "")

    def _history_view(self, message: dict[str, Any], include_metadata: bool) -> dict[str, Any]:
        """Copy a message as history returns it."""
        shown = copy.deepcopy(message)
        if not include_metadata:
            shown.pop("metadata", None)
        return shown

    def _conversations_history(self, args: JSONDict) -> JSONDict:
        """Return a channel's top-level messages newest first."""
        method = "conversations.history"
        oldest = _decimal_ts(args.get("oldest") or 0)
        latest = _decimal_ts(args["latest"]) if args.get("latest") else None
        if oldest is None or (args.get("latest") and latest is None):
            return self._refuse(method, "invalid_ts_oldest", "oldest/latest are not timestamps")
        inclusive = _truthy(args.get("inclusive"))
        found = []
        for message in reversed(self.messages.get(self._channel(args["channel"]), [])):
            ts = Decimal(message["ts"])
            thread_ts = message.get("thread_ts")
            if (
                thread_ts not in (None, message["ts"])
                and message.get("subtype") != "thread_broadcast"
            ):
                continue
            after_oldest = ts > oldest or (inclusive and ts == oldest)
            before_latest = latest is None or ts < latest or (inclusive and ts == latest)
            if after_oldest and before_latest:
                found.append(message)
        page = self._page(method, found, args, 100)
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        include_metadata = _truthy(args.get("include_all_metadata"))
        return {
            "ok": True,
            "messages": [self._history_view(m, include_metadata) for m in page[0]],
            "has_more": bool(page[1]),
            "pin_count": 0,
            "response_metadata": {"next_cursor": page[1]},
        }

    def _conversations_replies(self, args: JSONDict) -> JSONDict:
        """Return a thread: its parent and replies, oldest first."""
        channel, ts = self._channel(args["channel"]), str(args["ts"])
        if self._find(channel, ts) is None:
            return self._refuse(
                "conversations.replies", "thread_not_found", f"no ts {ts} in {channel}"
            )
        thread = [m for m in self.messages[channel] if m["ts"] == ts or m.get("thread_ts") == ts]
        page = self._page("conversations.replies", thread, args, 1000)
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        include_metadata = _truthy(args.get("include_all_metadata"))
        return {
            "ok": True,
            "messages": [self._history_view(m, include_metadata) for m in page[0]],
            "has_more": bool(page[1]),
            "response_metadata": {"next_cursor": page[1]},
        }

    def _conversations_info(self, args: JSONDict) -> JSONDict:
        """Describe a channel (known ones by name; others generically)."""
        channel = self._channel(args["channel"])
        known = self.channels.get(channel, {})
        is_im = channel.startswith("D")
        info: dict[str, Any] = {
            "id": channel,
            "name": known.get("name", channel.lower()),
            "is_channel": channel.startswith("C"),
            "is_group": channel.startswith("G"),
            "is_im": is_im,
            "is_mpim": False,
            "is_private": not channel.startswith("C"),
            "is_archived": False,
            "is_member": True,
            "created": 1_700_000_000,
        }
        if is_im:
            info["user"] = "U" + channel[1:]
        if _truthy(args.get("include_num_members")):
            info["num_members"] = len(self._members(channel))
        return {"ok": True, "channel": info}

    def _members(self, channel: str) -> list[str]:
        """Return a channel's members: the known list, else every user plus the bot."""
        if channel in self.channels:
            return list(self.channels[channel]["members"])
        return [*self.users, self.bot_user_id]

    def _conversations_members(self, args: JSONDict) -> JSONDict:
        """List a channel's members."""
        page = self._page(
            "conversations.members", self._members(self._channel(args["channel"])), args, 100
        )
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        return {"ok": True, "members": page[0], "response_metadata": {"next_cursor": page[1]}}

    def _user_object(self, user_id: str) -> dict[str, Any]:
        """Build a users.info user object from the stored user."""
        user = self.users[user_id]
        email_address = user["email"]
        tz = user.get("tz") or "Europe/Stockholm"
        try:
            now = datetime.now(ZoneInfo(tz))
        except ZoneInfoNotFoundError:
            now = datetime.now(UTC)
        offset = now.utcoffset()
        real_name = user.get("real_name") or ""
        display_name = user.get("display_name") or ""
        return {
            "id": user_id,
            "team_id": self.team_id,
            "name": email_address.split("@", 1)[0],
            "deleted": False,
            "real_name": real_name,
            "tz": tz,
            "tz_label": now.tzname() or tz,
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "is_admin": False,
            "is_owner": False,
            "is_bot": False,
            "is_app_user": False,
            "profile": {
                "email": email_address,
                "real_name": real_name,
                "real_name_normalized": real_name,
                "display_name": display_name,
                "display_name_normalized": display_name,
                "team": self.team_id,
            },
        }

    def _users_info(self, args: JSONDict) -> JSONDict:
        """Describe a known user."""
        user_id = str(args["user"])
        if user_id == self.bot_user_id:
            bot = {
                "id": user_id,
                "team_id": self.team_id,
                "name": "samverkansbot",
                "deleted": False,
            }
            bot |= {
                "real_name": "Samverkansbot",
                "is_bot": True,
                "profile": {"bot_id": self.bot_id},
            }
            return {"ok": True, "user": bot}
        if user_id not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": self._user_object(user_id)}

    def _users_lookup_by_email(self, args: JSONDict) -> JSONDict:
        """Find a known user by e-mail address."""
        email_address = str(args["email"]).lower()
        for user_id, user in self.users.items():
            if user["email"].lower() == email_address:
                return {"ok": True, "user": self._user_object(user_id)}
        return {"ok": False, "error": "users_not_found"}

    def _users_list(self, args: JSONDict) -> JSONDict:
        """List the known users."""
        page = self._page("users.list", [self._user_object(u) for u in self.users], args, 100)
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        return {"ok": True, "members": page[0], "response_metadata": {"next_cursor": page[1]}}

    def _exchange_trigger(self, method: str, args: JSONDict) -> JSONDict | None:
        """Use up a trigger_id or interactivity_pointer; return a refusal if it cannot be."""
        trigger = args.get("trigger_id") or args.get("interactivity_pointer")
        if not trigger:
            return self._refuse(
                method, "invalid_arguments", "needs trigger_id or interactivity_pointer"
            )
        trigger = str(trigger)
        if trigger in self._used_triggers:
            return self._refuse(method, "exchanged_trigger_id", f"trigger_id {trigger} used twice")
        self._used_triggers.add(trigger)
        issued = _TRIGGER_ISSUED_MS.match(trigger)
        if issued and self.trigger_ttl is not None:
            age = time.time() - int(issued.group(1)) / 1000
            if self.trigger_ttl < age < 86_400:
                why = f"trigger_id used {age:.1f}s after issue; Slack allows {self.trigger_ttl}s"
                return self._refuse(method, "expired_trigger_id", why)
        return None

    def _store_view(self, view: JSONDict, *, view_id: str | None = None) -> dict[str, Any]:
        """Store a view as Slack returns it (id, hash, state and defaults) and return a copy."""
        previous = self.views.get(view_id) if view_id else None
        number = next(self._ids)
        view_id = view_id or f"VS{number:07d}"
        stored: dict[str, Any] = {
            "id": view_id,
            "team_id": self.team_id,
            "type": view.get("type"),
            "title": None,
            "close": None,
            "submit": None,
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "state": {"values": {}},
            "clear_on_close": False,
            "notify_on_close": False,
            "previous_view_id": None,
            "root_view_id": previous["root_view_id"] if previous else view_id,
            "app_id": self.app_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        stored.update(copy.deepcopy(view))
        stored["blocks"] = self._with_ids(stored.get("blocks") or [])
        stored["hash"] = f"{int(time.time())}.{number:08x}"
        self.views[view_id] = stored
        return copy.deepcopy(stored)

    def _open_or_push(self, method: str, args: JSONDict) -> JSONDict:
        """Open or push a modal."""
        problems = view_problems(args["view"], "modal")
        if problems:
            return self._refuse(method, "invalid_arguments", "; ".join(problems))
        refusal = self._exchange_trigger(method, args)
        if refusal is not None:
            return refusal
        external_id = args["view"].get("external_id")
        if external_id and any(v.get("external_id") == external_id for v in self.views.values()):
            return self._refuse(
                method, "duplicate_external_id", f"external_id {external_id} in use"
            )
        return {"ok": True, "view": self._store_view(args["view"])}

    def _views_open(self, args: JSONDict) -> JSONDict:
        """Open a modal."""
        return self._open_or_push("views.open", args)

    def _views_push(self, args: JSONDict) -> JSONDict:
        """Push a modal onto the stack."""
        return self._open_or_push("views.push", args)

    def _views_update(self, args: JSONDict) -> JSONDict:
        """Update an open modal by view_id or external_id."""
        method = "views.update"
        problems = view_problems(args["view"], "modal")
        if problems:
            return self._refuse(method, "invalid_arguments", "; ".join(problems))
        view_id, external_id = args.get("view_id"), args.get("external_id")
        if not view_id and not external_id:
            return self._refuse(method, "invalid_arguments", "needs view_id or external_id")
        stored = (
            self.views.get(str(view_id))
            if view_id
            else next((v for v in self.views.values() if v.get("external_id") == external_id), None)
        )
        if stored is None:
            return self._refuse(method, "not_found", f"no view {view_id or external_id}")
        if args.get("hash") and args["hash"] != stored["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": self._store_view(args["view"], view_id=stored["id"])}

    def _views_publish(self, args: JSONDict) -> JSONDict:
        """Publish a user's home tab."""
        problems = view_problems(args["view"], "home")
        if problems:
            return self._refuse("views.publish", "invalid_arguments", "; ".join(problems))
        user_id = str(args["user_id"])
        current = self.home_views.get(user_id)
        if args.get("hash") and current is not None and args["hash"] != current["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        view = self._store_view(args["view"], view_id=current["id"] if current else None)
        self.home_views[user_id] = view
        return {"ok": True, "view": view}

    def _file_object(self, info: JSONDict) -> dict[str, Any]:
        """Describe an uploaded file as Slack does."""
        return {
            "id": info["id"],
            "created": int(time.time()),
            "name": info["name"],
            "title": info["title"],
            "user": self.bot_user_id,
            "size": info["size"],
            "mode": "hosted",
            "url_private": f"{self.base_url}/files/{info['id']}/{info['name']}",
            "permalink": f"https://samverkan.slack.com/files/{self.bot_user_id}/{info['id']}",
            "channels": list(info.get("channels", [])),
        }

    def _share_files(
        self, channels: list[str], files: list[dict[str, Any]], args: JSONDict
    ) -> None:
        """Post the message that shares uploaded files in channels."""
        for channel in channels:
            ts = self._next_ts()
            message = {
                "type": "message",
                "text": args.get("initial_comment") or "",
                "user": self.bot_user_id,
                "bot_id": self.bot_id,
                "team": self.team_id,
                "ts": ts,
                "files": copy.deepcopy(files),
                "upload": True,
            }
            if args.get("thread_ts"):
                message["thread_ts"] = str(args["thread_ts"])
            self.messages.setdefault(channel, []).append(message)

    def _files_get_upload_url(self, args: JSONDict) -> JSONDict:
        """Announce an upload and hand out a loopback upload URL."""
        try:
            length = int(args["length"])
        except ValueError:
            length = 0
        if length < 1:
            return self._refuse(
                "files.getUploadURLExternal", "invalid_arguments", "length must be >= 1"
            )
        file_id = f"FS{next(self._ids):07d}"
        name = str(args["filename"])
        self._files[file_id] = {"id": file_id, "name": name, "title": name, "size": length}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, args: JSONDict) -> JSONDict:
        """Finish uploads and share them in a channel if one is given."""
        method = "files.completeUploadExternal"
        items = args["files"]
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and i.get("id") for i in items
        ):
            return self._refuse(method, "invalid_arguments", "files must be a list of {id, title}")
        done = []
        for item in items:
            info = self._files.get(str(item["id"]))
            if info is None or not info.get("uploaded"):
                return self._refuse(method, "file_not_found", f"{item['id']} was never uploaded")
            if item.get("title"):
                info["title"] = str(item["title"])
            done.append(info)
        channels = [c for c in str(args.get("channels") or "").split(",") if c]
        if args.get("channel_id"):
            channels.insert(0, str(args["channel_id"]))
        channels = [self._channel(c) for c in channels]
        for info in done:
            info["channels"] = channels
        files = [self._file_object(info) for info in done]
        self._share_files(channels, files, args)
        return {"ok": True, "files": files}

    def _files_upload(self, args: JSONDict) -> JSONDict:
        """Accept a legacy files.upload (recorded; a deprecation violation is noted)."""
        content = args.get("file", args.get("content"))
        data = content if isinstance(content, bytes) else str(content or "").encode()
        if not data:
            return self._refuse("files.upload", "no_file_data", "neither file nor content")
        file_id = f"FS{next(self._ids):07d}"
        name = str(args.get("filename") or "file")
        channels = [self._channel(c) for c in str(args.get("channels") or "").split(",") if c]
        info = {
            "id": file_id,
            "name": name,
            "title": str(args.get("title") or name),
            "size": len(data),
            "uploaded": True,
            "channels": channels,
        }
        self._files[file_id] = info
        self.uploads[file_id] = data
        file = self._file_object(info)
        self._share_files(channels, [file], args)
        return {"ok": True, "file": file}


def _describe(call: Call) -> str:
    """Summarise a call for an assertion message."""
    args = json.dumps(call.args, ensure_ascii=False, default=repr)
    if len(args) > 300:
        args = args[:300] + "..."
    flags = " (faulted)" if call.faulted else ""
    outcome = f" -> {call.error}" if call.error else " -> ok"
    return f"{call.method}{flags} {args}{outcome}"
