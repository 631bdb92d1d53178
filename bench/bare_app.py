"""The yardstick: a bare Bolt app whose only listeners acknowledge, served like the bot.

Gunicorn serves it with the bot's worker class, worker count and threads (see
`bench.servers.start_bare`), Bolt checks the signature itself, and `/healthz` answers
200 so that start-up is measured the same way. The app never calls the Web API.

    SLACK_SIGNING_SECRET=... SLACK_API_URL=... \\
        gunicorn --worker-class gthread --threads 8 bench.bare_app:application
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

if TYPE_CHECKING:
    from wsgiref.types import StartResponse


def only_ack(ack: Ack) -> None:
    """Acknowledge and do nothing else."""
    ack()


def build_bare_app(signing_secret: str, api_url: str) -> App:
    """Return a Bolt app that acknowledges every command, click and form, and does nothing.

    Like the bot, it checks its token with auth.test once at start (Bolt would otherwise
    call it on the first request), against the same Web API stand-in, and runs its listeners
    in the request's own thread (process_before_response), as the bot does: with Bolt's
    default, the request thread polls every 10 ms for the pool's ack (slack_bolt's
    listener/thread_runner.py), and that floor, not the app, would set its ack latency.
    """
    app = App(
        client=WebClient(token="xoxb-bare-app", base_url=api_url),
        signing_secret=signing_secret,
        process_before_response=True,
    )
    everything = re.compile(".*")
    app.command(everything)(only_ack)
    app.action(everything)(only_ack)
    app.view(everything)(only_ack)
    return app


def wsgi_application(app: App) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """Serve app's Slack requests at /slack/events, and 200 at /healthz."""
    slack = SlackRequestHandler(app)

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer one HTTP request."""
        if environ.get("PATH_INFO") == "/healthz":
            body = b'{"status": "ok"}'
            start_response(
                "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return slack(environ, start_response)

    return application


application = wsgi_application(
    build_bare_app(
        os.environ.get("SLACK_SIGNING_SECRET", ""),
        os.environ.get("SLACK_API_URL", "https://slack.com/api/"),
    )
)
