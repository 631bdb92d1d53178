"""Slack's Web API, response URLs and file uploads on 127.0.0.1, for one bot.

The bot talks to it exactly as it talks to Slack: through its WebClient (`SLACK_API_URL`), the
response URLs in the payloads it gets and the upload URLs it is handed. Every call is recorded;
a test can queue faults, limit the message rate per channel and wait for calls. In strict mode
(given Slack's method reference) every call is checked against Slack's contract and a breach
is recorded in `violations`; without it, methods it does not simulate simply answer ok.
"""

from __future__ import annotations

import email.policy
import json
import logging
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from slack_sim.contract import MethodReference, message_problem
from slack_sim.workspace import (
    JSONDict,
    Person,
    Source,
    Workspace,
    _utc_now,
    truthy,
)

log = logging.getLogger(__name__)

# Arguments that slack-sdk sends as JSON-encoded strings in form bodies.
JSON_STRING_ARGS = frozenset(
    {"blocks", "view", "attachments", "metadata", "files", "unfurls", "user_ids"}
)
# How often Slack lets one response_url be used.
RESPONSE_URL_MAX_USES = 5
# How long a test waits for the bot; generous, since a loaded machine is slow, not wrong.
WAIT_SECONDS = 15.0


class SocketModeEndpoint(Protocol):
    """Where apps.connections.open sends an app: a Socket Mode WebSocket server."""

    def open_url(self, app_token: str) -> str:
        """Return a fresh ws:// URL for one connection of the app with app_token."""


@dataclass(frozen=True)
class Call:
    """One Web API call received, with the error it was answered (None when ok)."""

    method: str
    args: dict[str, Any]
    token: str | None
    at: float
    faulted: bool = False
    error: str | None = None


# Every (method, conversation kind, token) called on any simulation in this process, never
# reset: the tests derive from it the OAuth scopes the bot needs (tests/test_manifest.py).
USAGE: set[tuple[str, str, str]] = set()


@dataclass(frozen=True)
class _Fault:
    """A fault queued by SimulatedSlack.fail for one call."""

    status: int
    error: str | None
    retry_after: int | None
    delay: float
    body: str | None = None
    applied: bool = False


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, body, content type and extra headers."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of_json(
        cls, payload: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Reply:
        """Build a JSON reply."""
        body = json.dumps(payload, ensure_ascii=False).encode()
        return cls(status, body, headers=tuple((headers or {}).items()))


class SimulatedSlack(Workspace):
    """A Slack Web API on 127.0.0.1 that keeps state, records calls and reports breaches.

    Given methods_dir (Slack's method reference), it runs in strict mode: calls are checked
    against the reference and Block Kit rules, and unknown methods are refused; the tests use
    it so. Without, as in the shell, methods it does not simulate answer {"ok": true}.
    """

    def __init__(
        self,
        methods_dir: Path | None = None,
        *,
        users: Iterable[Person] = (),
        files_dir: Path | None = None,
        now: Callable[[], datetime] = _utc_now,
        rate_limit_per_channel: float | None = None,
        trigger_ttl: float | None = 3.0,
    ) -> None:
        """Prepare the simulation; call start() to serve.

        Raises FileNotFoundError when methods_dir is given but is no folder.
        """
        self.reference = MethodReference(methods_dir) if methods_dir is not None else None
        super().__init__(
            strict=self.reference is not None,
            users=users,
            files_dir=files_dir,
            now=now,
            trigger_ttl=trigger_ttl,
        )
        self.methods_dir = methods_dir
        self.rate_limit_per_channel = rate_limit_per_channel
        self.socket_mode: SocketModeEndpoint | None = None

        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []
        self.rate_limited = 0
        self.unknown_methods: set[str] = set()

        self._condition = threading.Condition(self._lock)
        self._faults: dict[str, list[_Fault]] = {}
        self._buckets: dict[str, tuple[float, float]] = {}
        self._response_uses: dict[str, int] = {}
        self._sources: dict[str, Source] = {}
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> SimulatedSlack:
        """Serve on an ephemeral loopback port in a daemon thread."""
        if self._server is not None:
            return self
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="slack-sim",
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

    def __enter__(self) -> SimulatedSlack:
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
        """Return http://127.0.0.1:PORT of the running server (RuntimeError when stopped)."""
        if self._server is None:
            raise RuntimeError("the simulated Slack is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """Return the Web API base URL in slack-sdk's format (trailing slash)."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r", *, source: Source | None = None) -> str:
        """Return a fresh loopback response_url that records what is posted to it.

        With a source, a post also shows where Slack would show it (a private answer, a
        message in the channel, or a change of the source message).
        """
        with self._lock:
            path = f"/response/{name}/{self._next_id()}"
            if source is not None:
                self._sources[path] = source
        return self.base_url + path

    # ------------------------------------------------------------ test controls

    def fail(
        self,
        method: str,
        *,
        times: int = 1,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        delay: float = 0.0,
        body: str | None = None,
        applied: bool = False,
    ) -> None:
        """Queue a fault for the next `times` calls of a method.

        status other than 200 answers with that HTTP status (429 with Retry-After, 1 s unless
        retry_after); error answers ok:false with it; delay (seconds) holds the answer back;
        body answers with that text (as text/html) instead of Slack's JSON, as a proxy's or a
        load balancer's error page does. applied carries the call out all the same, so only
        its answer is lost (Slack posted, but the bot cannot tell).
        Raises ValueError for a fault that changes nothing.
        """
        if status == 200 and error is None and delay <= 0 and body is None:
            raise ValueError("a fault needs a non-200 status, an error, a delay or a body")
        fault = _Fault(status, error, retry_after, delay, body, applied)
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
        """Forget calls, responses, violations, faults, rate counters and the Socket Mode link.

        What Slack keeps (users, channels, messages, views) stays.
        """
        with self._lock:
            self.calls.clear()
            self.responses.clear()
            self.violations.clear()
            self.events.clear()
            self._faults.clear()
            self._buckets.clear()
            self._used_triggers.clear()
            self._response_uses.clear()
            self.rate_limited = 0
            self.socket_mode = None

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
        """Block until at least `count` matching calls arrived and return all matching calls.

        Raises AssertionError after timeout seconds, listing the calls seen.
        """

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

    def handle_http(self, verb: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
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
            return Reply.of_json({"ok": False, "error": "not_found"}, 404)
        except Exception:
            with self._condition:
                self.violations.append(
                    f"the simulated Slack failed on {verb} {path}:\n{traceback.format_exc()}"
                )
                self._condition.notify_all()
            return Reply.of_json({"ok": False, "error": "internal_error"}, 500)

    def _api(
        self, verb: str, method: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """Answer one Web API call: fault, rate limit or the method's behaviour."""
        arrived = time.monotonic()
        args, token, problems = _parse_args(query, headers, body)
        with self._lock:
            queued = self._faults.get(method)
            fault = queued.pop(0) if queued else None
        if fault is not None and fault.delay > 0:
            time.sleep(fault.delay)  # the fault is a slow answer: hold it back
        payload: JSONDict
        with self._condition:
            applied = None
            if fault is not None and fault.applied:
                applied = self._dispatch(verb, method, args, token, problems)
            if fault is not None and (
                fault.status != 200 or fault.error is not None or fault.body is not None
            ):
                reply, payload = _fault_reply(fault)
                faulted = True
            elif applied is not None:
                payload = applied
                reply, faulted = Reply.of_json(payload), True
            elif self._over_rate(method, args):
                self.rate_limited += 1
                payload = {"ok": False, "error": "ratelimited"}
                reply, faulted = Reply.of_json(payload, 429, {"Retry-After": "1"}), True
            else:
                payload = self._dispatch(verb, method, args, token, problems)
                reply, faulted = Reply.of_json(payload), fault is not None
            error = None if payload.get("ok") is True else str(payload.get("error"))
            self.calls.append(Call(method, args, token, arrived, faulted=faulted, error=error))
            kind = self.conversation_kind(args.get("channel") or args.get("channel_id"))
            if method == "conversations.open":
                kind = "im" if "," not in str(args.get("users", "")) else "mpim"
            USAGE.add((method, kind, token or ""))
            self._condition.notify_all()
        return reply

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
        """Check a call against the method reference (strict mode) and answer it."""
        if self.reference is not None:
            verdict = self.reference.check(method, verb, args, token)
            for note in verdict.notes:
                self._violate(method, note)
            refusal = verdict.refusal
            if refusal is not None and refusal[0] in ("unknown_method", "not_authed"):
                return self._refuse(method, *refusal)
            if problems:
                blocks = any(
                    "blocks" in problem or "attachments" in problem for problem in problems
                )
                error = "invalid_blocks_format" if blocks else "invalid_arguments"
                return self._refuse(method, error, "; ".join(problems))
            if refusal is not None:
                return self._refuse(method, *refusal)
        if method == "apps.connections.open":
            return self._apps_connections_open(token)
        handler = self._handlers.get(method)
        if handler is None:
            if self.reference is not None:
                return self.reference.example(method)
            if method not in self.unknown_methods:
                log.info("the simulated Slack does not simulate %s; answering ok", method)
                self.unknown_methods.add(method)
            return {"ok": True}
        if self.strict:
            return handler(args)
        try:
            return handler(args)
        except KeyError as absent:
            return self._refuse(method, "invalid_arguments", f"missing argument {absent}")

    def _apps_connections_open(self, token: str | None) -> JSONDict:
        """Hand an app-level token a Socket Mode URL, if a Socket Mode server is attached."""
        method = "apps.connections.open"
        if token is None or not token.startswith("xapp-"):
            return self._refuse(method, "not_allowed_token_type", "needs an app-level xapp- token")
        if self.socket_mode is None:
            return self._refuse(method, "internal_error", "no Socket Mode server is attached")
        return {"ok": True, "url": self.socket_mode.open_url(token)}

    def _response_post(self, path: str, body: bytes) -> Reply:
        """Record a post to a response_url, check it as a message and show it at its source."""
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        with self._condition:
            try:
                if not isinstance(payload, dict):
                    self._violate(path, "response_url post is not a JSON object")
                    return Reply.of_json({"ok": False, "error": "invalid_payload"}, 400)
                self.responses.append((path, payload))
                uses = self._response_uses[path] = self._response_uses.get(path, 0) + 1
                if uses > RESPONSE_URL_MAX_USES:
                    self._violate(path, f"response_url used {uses} times, Slack allows 5")
                    return Reply.of_json({"ok": False, "error": "used_url"}, 404)
                if self.strict:
                    delete = truthy(payload.get("delete_original"))
                    problem = message_problem(payload, require_content=not delete)
                    if problem is not None:
                        self._violate(path, f"{problem[0]}: {problem[1]}")
                        return Reply.of_json({"ok": False, "error": problem[0]}, 400)
                source = self._sources.get(path)
                if source is not None:
                    self.answer_response(source, payload)
                return Reply.of_json({"ok": True})
            finally:
                self._condition.notify_all()

    def _upload(self, file_id: str, body: bytes) -> Reply:
        """Take the bytes of a file announced by files.getUploadURLExternal."""
        with self._condition:
            taken = self.take_upload(file_id, body)
            self._condition.notify_all()
        if not taken:
            return Reply(404, b"file not found", "text/plain")
        return Reply(200, f"OK - {len(body)}".encode(), "text/plain")


def _fault_reply(fault: _Fault) -> tuple[Reply, JSONDict]:
    """Answer a queued fault."""
    headers: dict[str, str] = {}
    retry_after = fault.retry_after
    if retry_after is None and fault.status == 429:
        retry_after = 1
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    default = {429: "ratelimited", 503: "service_unavailable"}.get(fault.status, "fatal_error")
    payload = {"ok": False, "error": fault.error or default}
    if fault.body is not None:
        reply = Reply(fault.status, fault.body.encode(), "text/html; charset=utf-8")
        return replace(reply, headers=tuple(headers.items())), payload
    return Reply.of_json(payload, fault.status, headers), payload


def _parse_args(
    query: str, headers: Mapping[str, str], body: bytes
) -> tuple[JSONDict, str | None, list[str]]:
    """Merge query and body arguments (form, JSON or multipart), take out the token, decode JSON.

    Returns the arguments, the token (from the Authorization header or the token argument)
    and the problems found (a body or argument that is not valid JSON).
    """
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


def _parse_multipart(content_type: str, body: bytes) -> JSONDict:
    """Parse a multipart/form-data body into fields (str) and files (bytes)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: JSONDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload if part.get_filename() else payload.decode("utf-8")
    return fields


def _describe(call: Call) -> str:
    """Summarise a call for an assertion message."""
    args = json.dumps(call.args, ensure_ascii=False, default=repr)
    if len(args) > 300:
        args = args[:300] + "..."
    flags = " (faulted)" if call.faulted else ""
    outcome = f" -> {call.error}" if call.error else " -> ok"
    return f"{call.method}{flags} {args}{outcome}"


class _RequestHandler(BaseHTTPRequestHandler):
    """Hand every HTTP request to the SimulatedSlack that owns the server."""

    server: _Server

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer("GET")

    def do_POST(self) -> None:
        """Answer a POST."""
        self._answer("POST")

    def _answer(self, verb: str) -> None:
        """Read the request, let the simulation answer it, write the reply."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        reply = self.server.slack.handle_http(verb, self.path, headers, body)
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

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Stay quiet."""


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that knows its simulated Slack."""

    daemon_threads = True

    def __init__(self, slack: SimulatedSlack) -> None:
        """Listen on an ephemeral loopback port."""
        super().__init__(("127.0.0.1", 0), _RequestHandler)
        self.slack = slack
