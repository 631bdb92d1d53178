"""The Bolt app: one Web API client with retries, the context middleware, the error handler."""

from __future__ import annotations

import json
import logging
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.context import BotContext
from bot.delivery import Deliverer
from bot.texts import common as c
from commands import register_all, renderers
from storage.db import DatabaseUnavailable
from storage.models import ProcessedRequest
from storage.upsert import insert_ignore

log = logging.getLogger(__name__)

WEB_API_TIMEOUT = 10
LISTENER_THREADS = 16
SENDER_THREADS = 2
# Work after an ack (sending, lists) waits at most this long for other requests' acks; the
# shell and the tests run listeners one at a time or track them, and do not wait.
GIVE_WAY_SECONDS = 1.0


def _form_error(response: BoltResponse, view: dict[str, Any], text: str) -> None:
    """Turn a failed form submission into an inline error, so the form and its input stay open."""
    inputs = [b["block_id"] for b in view.get("blocks", []) if b.get("type") == "input"]
    if not inputs:
        return
    response.status = 200
    response.body = json.dumps({"response_action": "errors", "errors": {inputs[0]: text}})
    response.headers = {"content-type": ["application/json;charset=utf-8"]}


def build_client(token: str, base_url: str) -> WebClient:
    """Return the Web API client: retries 429 (honouring Retry-After), 5xx and lost connections."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=WEB_API_TIMEOUT,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def build_app(
    bot: BotContext,
    *,
    token_verification: bool = True,
    listener_executor: Executor | None = None,
    sender_executor: Executor | None = None,
) -> App:
    """Build the Bolt app with every listener; requests are verified by the HTTP layer.

    listener_executor runs the listeners (Bolt's thread pool when None; the shell runs them
    in its own thread so that it knows when a request is done). sender_executor sends what
    the listeners queue after their ack: a small pool of its own by default, but when only
    listener_executor is given, each listener sends its own before it returns.
    """
    settings = bot.settings
    token = settings.SLACK_BOT_TOKEN.get_secret_value() if settings.SLACK_BOT_TOKEN else "xoxb-"
    client = build_client(token, settings.SLACK_API_URL)
    bot.listeners = listener_executor or ThreadPoolExecutor(
        max_workers=LISTENER_THREADS, thread_name_prefix="listener"
    )
    if listener_executor is None:
        bot.gives_way = GIVE_WAY_SECONDS
    if sender_executor is None and listener_executor is None:
        sender_executor = ThreadPoolExecutor(
            max_workers=SENDER_THREADS, thread_name_prefix="sender"
        )
    bot.sender = sender_executor
    app = App(
        name="samverkansbot",  # without a name Bolt inspects the call stack, slow at start-up
        client=client,
        signing_secret=(
            settings.SLACK_SIGNING_SECRET.get_secret_value()
            if settings.SLACK_SIGNING_SECRET
            else ""
        ),
        request_verification_enabled=False,
        token_verification_enabled=token_verification,
        ignoring_self_events_enabled=True,
        url_verification_enabled=True,
        ssl_check_enabled=True,
        logger=logging.getLogger("slack_bolt"),
        listener_executor=bot.listeners,
    )
    bot.deliverer = Deliverer(bot.db, client, bot.clock, renderers=renderers(bot))

    def inject(context: Any, next: Any) -> None:  # noqa: A002 - Bolt's argument name
        context["bot"] = bot
        next()

    def dedupe_events(body: dict[str, Any], next: Any) -> BoltResponse | None:  # noqa: A002
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id:
            with bot.db.transaction() as session:
                first = insert_ignore(
                    session, ProcessedRequest, {"key": f"event:{event_id}", "at": bot.clock.now()}
                )
            if not first:
                return BoltResponse(status=200, body="")
        next()
        return None

    app.use(inject)
    app.use(dedupe_events)
    app.error(_on_error)
    register_all(app)
    return app


def _on_error(
    error: Exception, body: dict[str, Any], context: Any, respond: Any, response: Any
) -> None:
    """Log unexpected errors once, and tell the person what happened when we can."""
    bot: BotContext | None = context.get("bot") if context else None
    if isinstance(error, DatabaseUnavailable):
        log.warning("database unavailable while handling a request")
        msg = c.DATABASE_DOWN
    else:
        log.error("unhandled error in a listener", exc_info=error)
        msg = c.TEMPORARY_ERROR
    if bot is None:
        return
    if body.get("type") == "view_submission" and response is not None:
        _form_error(response, body.get("view") or {}, bot.texts(msg))
        return
    has_url = bool(body.get("response_url") or body.get("response_urls"))
    if respond is None or not has_url:
        return
    try:
        respond(text=bot.texts(msg), response_type="ephemeral", replace_original=False)
    except Exception:
        log.warning("could not tell the user about the error")
