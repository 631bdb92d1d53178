"""The Bolt app and its Web API client: one client with retries, acks decided before responding."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.settings import Settings

WEB_API_TIMEOUT = 10  # seconds per Web API call


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


def build_bolt(settings: Settings, client: WebClient, *, token_verification: bool = True) -> App:
    """Return the Bolt app, with no listeners yet (the edge adds them).

    process_before_response: a listener runs in the request's own thread and Bolt answers when
    it returns, so an ack never waits for a pool; the edge keeps listeners short and sends
    everything else to the work pool. Request verification is off: the HTTP layer checks the
    signature before anything is parsed, and Socket Mode needs none.
    """
    return App(
        name="samverkansbot",  # without a name Bolt inspects the call stack, slow at start-up
        client=client,
        signing_secret=(
            settings.SLACK_SIGNING_SECRET.get_secret_value()
            if settings.SLACK_SIGNING_SECRET
            else ""
        ),
        process_before_response=True,
        request_verification_enabled=False,
        token_verification_enabled=token_verification,
        ignoring_self_events_enabled=True,
        url_verification_enabled=False,
        ssl_check_enabled=False,
        logger=logging.getLogger("slack_bolt"),
    )
