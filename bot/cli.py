"""The command line: python -m bot serve | clock | shell | demo | db upgrade."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from bot.errors import StartupError
from bot.settings import Settings, load_settings

Command = Callable[[argparse.Namespace, Settings], int]
BUILT_IN = ("serve", "clock", "db")
# A command beyond the built-in ones: (help, configure its parser, run it).
Extra = tuple[str, Callable[[argparse.ArgumentParser], None], Command]


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.serve import serve_http, serve_socket_mode

    settings.require("SLACK_BOT_TOKEN", "BOT_SECRET_KEY")
    if settings.socket_mode:
        serve_socket_mode(settings, with_scheduler=not args.no_scheduler)
        return 0
    settings.require("SLACK_SIGNING_SECRET")
    serve_http(settings, with_scheduler=not args.no_scheduler)
    return 0


def _clock(args: argparse.Namespace, settings: Settings) -> int:
    from bot import scheduler
    from bot.delivery import Deliverer
    from bot.runtime import start_context
    from bot.slack_app import build_client
    from bot.wiring import planners, renderers

    settings.require("SLACK_BOT_TOKEN", "BOT_SECRET_KEY")
    bot = start_context(settings)
    token = settings.SLACK_BOT_TOKEN.get_secret_value() if settings.SLACK_BOT_TOKEN else ""
    client = build_client(token, settings.SLACK_API_URL)
    bot.deliverer = Deliverer(bot.db, client, bot.clock, renderers=renderers(bot))
    scheduler.run_blocking(bot, planners(), settings.BOT_TICK_SECONDS)
    return 0


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import start_context

    start_context(settings)
    print(f"The database is up to date ({settings.DATABASE_URL.split('://')[0]}).")
    return 0


def extra_commands() -> dict[str, Extra]:
    """Return the commands beyond serve, clock and db: the shell, the demo, export, erasure."""
    from bot import export_cli, privacy, shell

    return {
        "shell": ("talk to the bot in a terminal, no Slack needed", *shell.SHELL),
        "demo": ("play a scripted month of the collaboration in the terminal", *shell.DEMO),
        "erase-user": (
            "remove or anonymise everything stored about one Slack user",
            *privacy.ERASE_USER,
        ),
        "export": (
            "write the follow-up export (needs, meetings, trainings, report-back, indicators)",
            *export_cli.EXPORT,
        ),
    }


def build_parser(extras: dict[str, Extra] | None = None) -> argparse.ArgumentParser:
    """Return the argument parser with the built-in commands and the extras given."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Samverkansbot")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the bot (HTTP, or Socket Mode with SLACK_APP_TOKEN)")
    serve.add_argument("--no-scheduler", action="store_true", help="do not run the scheduler here")
    serve.set_defaults(run=_serve)
    clock = sub.add_parser("clock", help="run the scheduler alone")
    clock.set_defaults(run=_clock)
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply the migrations").set_defaults(run=_db)
    for name, (help_text, configure, run) in (extras or {}).items():
        extra = sub.add_parser(name, help=help_text)
        configure(extra)
        extra.set_defaults(run=run)
    return parser


def configure_logging(level: int = logging.INFO) -> None:
    """Log to standard error in one line per record; secrets are never passed to the log.

    Here rather than with the runtime, so that `serve`'s gunicorn master, which only watches its
    worker, imports nothing of the bot it does not need.
    """
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("slack_sdk").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a bad setting ends with one line on standard error and exit code 2."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    # serve, clock and db start faster and smaller without the extras' modules
    extras = extra_commands() if not arguments or arguments[0] not in BUILT_IN else None
    args = build_parser(extras).parse_args(arguments)
    configure_logging()
    try:
        settings = load_settings()
        result: int = args.run(args, settings)
    except StartupError as exc:
        print(f"samverkansbot: {exc}", file=sys.stderr)
        return 2
    return result
