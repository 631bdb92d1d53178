"""Running the bot: gunicorn in HTTP mode, or Socket Mode, with the scheduler beside it."""

from __future__ import annotations

import logging
import threading
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from gunicorn.app.base import BaseApplication

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.server import WebApp

# The bot's modules are imported where the app is built, in gunicorn's worker: the master only
# watches its one worker, and what it imported it would hold besides (measured: 145 MB of
# proportional set size after start with them imported in the master, 126 MB without).

log = logging.getLogger(__name__)

THREADS = 8
GRACEFUL_SECONDS = 25


def create_web_app(settings: Settings, *, with_scheduler: bool = False) -> WebApp:
    """Build the context, the Bolt app and the WSGI app; optionally start the scheduler here."""
    from bot import scheduler
    from bot.runtime import limit_malloc_arenas, start_context
    from bot.server import WebApp
    from bot.wiring import wire

    limit_malloc_arenas()
    bot = start_context(settings)
    wiring = wire(bot)
    web = WebApp(bot, wiring)
    if with_scheduler:
        web.scheduler = scheduler.start_background(  # type: ignore[attr-defined]
            bot, wiring.planners, settings.BOT_TICK_SECONDS
        )
    return web


class _Gunicorn(BaseApplication):  # type: ignore[misc]
    """Gunicorn embedded: one worker process with threads, the app built in the worker."""

    def __init__(self, settings: Settings, *, with_scheduler: bool, bind: str) -> None:
        self.settings = settings
        self.with_scheduler = with_scheduler
        self.bind = bind
        super().__init__()

    def load_config(self) -> None:
        cfg: Any = self.cfg
        cfg.set("bind", self.bind)
        cfg.set("workers", 1)
        cfg.set("worker_class", "gthread")
        cfg.set("threads", THREADS)
        cfg.set("timeout", 30)
        cfg.set("graceful_timeout", GRACEFUL_SECONDS)
        cfg.set("accesslog", None)
        cfg.set("worker_exit", _worker_exit)

    def load(self) -> WebApp:
        return create_web_app(self.settings, with_scheduler=self.with_scheduler)


def _worker_exit(_server: Any, worker: Any) -> None:
    """Stop the scheduler after the last tick, when gunicorn stops the worker (SIGTERM)."""
    from bot.server import WebApp

    web = getattr(worker, "wsgi", None)
    running = getattr(web, "scheduler", None)
    if running is not None:
        running.shutdown(wait=True)
    if isinstance(web, WebApp):
        web.bot.finish()


def serve_http(settings: Settings, *, with_scheduler: bool) -> None:
    """Serve Slack over HTTP under gunicorn on $PORT."""
    _Gunicorn(settings, with_scheduler=with_scheduler, bind=f"0.0.0.0:{settings.PORT}").run()


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


def serve_socket_mode(settings: Settings, *, with_scheduler: bool) -> None:
    """Connect over Socket Mode; /healthz (and the extra routes) stay on $PORT."""
    from bot import scheduler
    from bot.runtime import limit_malloc_arenas, start_context
    from bot.server import WebApp
    from bot.socket_mode import EdgeSocketModeHandler
    from bot.wiring import wire

    limit_malloc_arenas()
    bot = start_context(settings)
    wiring = wire(bot)
    web = WebApp(bot, wiring)
    http = make_server("0.0.0.0", settings.PORT, web, _ThreadingWSGIServer, _QuietHandler)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    running = (
        scheduler.start_background(bot, wiring.planners, settings.BOT_TICK_SECONDS)
        if with_scheduler
        else None
    )
    app_token = settings.SLACK_APP_TOKEN.get_secret_value() if settings.SLACK_APP_TOKEN else ""
    try:
        handler = EdgeSocketModeHandler(wiring, app_token)
        web.connection = handler.client.is_connected
        handler.start()  # type: ignore[no-untyped-call]
    finally:
        if running is not None:
            running.shutdown(wait=True)
        http.shutdown()
        bot.finish()
