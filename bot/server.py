"""The HTTP side: Slack requests verified and handed to Bolt, /healthz, and extra routes."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from bot.context import BotContext

if TYPE_CHECKING:
    from bot.wiring import Wiring

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 512 * 1024
SIGNATURE_MAX_AGE = 5 * 60  # seconds, Slack's replay window
Response = tuple[int, list[tuple[str, str]], bytes]

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def _status(code: int) -> str:
    return f"{code} {HTTPStatus(code).phrase}"


def _json(code: int, data: dict[str, Any]) -> Response:
    return code, [("Content-Type", "application/json")], json.dumps(data).encode()


def _headers(environ: dict[str, Any]) -> dict[str, str]:
    headers: dict[str, str] = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    return headers


class WebApp:
    """The WSGI application served by gunicorn."""

    def __init__(self, bot: BotContext, wiring: Wiring) -> None:
        """Serve the wired bot's Slack requests, verified with the signing secret."""
        self.bot = bot
        self.wiring = wiring
        # In Socket Mode: whether the WebSocket to Slack is up (reported by /healthz).
        self.connection: Callable[[], bool] | None = None
        secret = bot.settings.SLACK_SIGNING_SECRET
        # Socket Mode needs no signing secret; without one, no request over HTTP is Slack's.
        self.secret = secret.get_secret_value().encode() if secret else None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer one HTTP request."""
        status, headers, body = self.handle(environ)
        start_response(_status(status), [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def handle(self, environ: dict[str, Any]) -> Response:
        """Route a request to Slack, the health check or an extra route."""
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/healthz" and method in {"GET", "HEAD"}:
            return self.health()
        if path == "/slack/events":
            if method != "POST":
                return _json(405, {"error": "method not allowed"})
            return self.slack(environ)
        route = self.wiring.http_routes.get(path)
        if route is not None and method in {"GET", "HEAD"}:
            return route(self.bot, environ)
        return _json(404, {"error": "not found"})

    def health(self) -> Response:
        """Return /healthz: 200 when the database answers (in Socket Mode: and Slack is linked)."""
        database = self.bot.db.healthy()
        report: dict[str, Any] = {"database": database}
        healthy = database
        if self.connection is not None:
            connected = bool(self.connection())
            report["socket_mode"] = "connected" if connected else "disconnected"
            healthy = healthy and connected
        report = {"status": "ok" if healthy else "unavailable", **report}
        return _json(200 if healthy else 503, report)

    def signed(self, body: bytes, headers: dict[str, str]) -> bool:
        """Check Slack's request signature (v0 HMAC-SHA256 of the raw body, within five minutes).

        Slack's "Verifying requests from Slack": the signature base is
        v0:<X-Slack-Request-Timestamp>:<body>. Checked over the raw bytes here, because
        slack_sdk's SignatureVerifier raises on a body that is not UTF-8 or a timestamp that is
        not a number (a 500 instead of a 401).
        """
        if self.secret is None:
            return False
        timestamp = headers.get("x-slack-request-timestamp", "")
        signature = headers.get("x-slack-signature", "")
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            return False
        if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_AGE:
            return False
        base = b"v0:" + timestamp.encode() + b":" + body
        expected = "v0=" + hmac.new(self.secret, base, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))

    def slack(self, environ: dict[str, Any]) -> Response:
        """Verify a Slack request's signature and size, then let the edge answer it."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _json(400, {"error": "bad content length"})
        if length > MAX_BODY_BYTES:
            log.warning("refused a Slack request of %d bytes", length)
            return _json(413, {"error": "request too large"})
        body = environ["wsgi.input"].read(length) if length else b""
        headers = _headers(environ)
        if not self.signed(body, headers):
            log.warning(
                "refused a request with a wrong, missing or stale signature (%s bytes)", len(body)
            )
            return _json(401, {"error": "invalid request"})
        # Slack sends UTF-8; anything else is replaced and then refused by the parser.
        text = body.decode("utf-8", errors="replace")
        response = self.wiring.edge.http(text, headers.get("content-type"))
        out_headers = [
            (name, value)
            for name, values in response.headers.items()
            for value in values
            if name.lower() != "content-length"
        ]
        return response.status, out_headers, response.body.encode("utf-8")
