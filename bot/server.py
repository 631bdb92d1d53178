"""The HTTP side: Slack requests verified and handed to Bolt, /healthz, and extra routes."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from http import HTTPStatus
from typing import Any

from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.context import BotContext

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 512 * 1024
Response = tuple[int, list[tuple[str, str]], bytes]
Route = Callable[[BotContext, dict[str, Any]], Response]

# Other surfaces add GET routes here (e.g. /calendar.ics).
ROUTES: dict[str, Route] = {}

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

    def __init__(self, bot: BotContext, app: App) -> None:
        """Serve app's Slack requests, verified with the signing secret."""
        self.bot = bot
        self.app = app
        secret = bot.settings.SLACK_SIGNING_SECRET
        # Socket Mode needs no signing secret; without one, no request over HTTP is Slack's.
        self.verifier = SignatureVerifier(secret.get_secret_value()) if secret else None

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
            healthy = self.bot.db.healthy()
            return _json(
                200 if healthy else 503,
                {"status": "ok" if healthy else "unavailable", "database": healthy},
            )
        if path == "/slack/events":
            if method != "POST":
                return _json(405, {"error": "method not allowed"})
            return self.slack(environ)
        route = ROUTES.get(path)
        if route is not None and method in {"GET", "HEAD"}:
            return route(self.bot, environ)
        return _json(404, {"error": "not found"})

    def slack(self, environ: dict[str, Any]) -> Response:
        """Verify a Slack request's signature and size, then let Bolt handle it."""
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _json(400, {"error": "bad content length"})
        if length > MAX_BODY_BYTES:
            log.warning("refused a Slack request of %d bytes", length)
            return _json(413, {"error": "request too large"})
        body = environ["wsgi.input"].read(length) if length else b""
        headers = _headers(environ)
        if self.verifier is None or not self.verifier.is_valid_request(body, headers):
            log.warning(
                "refused a request with a wrong, missing or stale signature (%s bytes)", len(body)
            )
            return _json(401, {"error": "invalid request"})
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _json(400, {"error": "body is not UTF-8"})
        bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
        with self.bot.acks.answering():
            response = self.app.dispatch(BoltRequest(body=text, headers=bolt_headers))
        out_headers = [
            (name, value)
            for name, values in response.headers.items()
            for value in values
            if name.lower() != "content-length"
        ]
        return response.status, out_headers, response.body.encode("utf-8")
