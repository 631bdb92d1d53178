"""Try the bot without Slack: `python -m bot shell` (a terminal) and `python -m bot demo` (a month).

Both go through the production Bolt app and listeners; only Slack is simulated, in process.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.errors import StartupError
from bot.settings import Settings, load_settings

SHELL_DATABASE = "sqlite:///samverkansbot-shell.db"
FILES_DIR = Path("shell-files")


def _quiet_logging() -> None:
    """Keep the terminal for the conversation: only warnings and errors are logged."""
    logging.getLogger().setLevel(logging.WARNING)
    logging.getLogger("slack_bolt").setLevel(logging.ERROR)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def _database(args: argparse.Namespace, settings: Settings, default: str) -> str:
    """Return --database, else DATABASE_URL when it is set, else default."""
    if args.database:
        return load_settings({"DATABASE_URL": args.database}).DATABASE_URL
    if "DATABASE_URL" in settings.model_fields_set:
        return settings.DATABASE_URL
    return default


def _start(text: str | None, tz: object) -> datetime:
    """Return the moment the clock starts: --start in local time, else now to the minute."""
    from bot.clock import SystemClock

    if text is None:
        return SystemClock().now().replace(second=0, microsecond=0)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        example = "2027-01-04T08:00"
        raise StartupError(f"--start {text!r} is not a date and time such as {example}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)  # type: ignore[arg-type]


def _clock_file(database: str) -> Path | None:
    """Return the file beside an SQLite database where the shell keeps its clock, if any."""
    from sqlalchemy.engine import make_url

    url = make_url(database)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(f"{url.database}.clock")


def _saved_time(clock_file: Path | None) -> datetime | None:
    """Return the time a previous shell session on this database ended at, if it was saved."""
    if clock_file is None or not clock_file.is_file():
        return None
    try:
        saved = datetime.fromisoformat(clock_file.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None
    return saved if saved.tzinfo is not None else None


def _configure_shell(parser: argparse.ArgumentParser) -> None:
    """Add the shell's options."""
    parser.add_argument(
        "--script", type=Path, metavar="FILE", help="run the lines of FILE instead of asking"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="the TOML configuration (default: BOT_CONFIG, else the built-in demo)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"SQLAlchemy URL (default: DATABASE_URL, else {SHELL_DATABASE})",
    )
    parser.add_argument(
        "--files",
        type=Path,
        default=FILES_DIR,
        metavar="DIR",
        help=f"where files the bot shares are saved (default: {FILES_DIR})",
    )
    parser.add_argument(
        "--start", metavar="TIME", help="start the clock at TIME, e.g. 2027-01-04T08:00 (local)"
    )


def run_shell(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdout: TextIO | None = None,
) -> int:
    """Talk to the bot in a terminal (or run a script of what one would type)."""
    from bot.shell.console import Console, ConsoleAnswerer, Output, ScriptConsole
    from bot.shell.session import ShellSession
    from bot.shell.world import load_world
    from bot.texts import Texts
    from bot.texts import shell as t

    _quiet_logging()
    stream = stdout or sys.stdout
    out = Output(stream, color=stream.isatty() and args.script is None)
    world = load_world(args.config or settings.BOT_CONFIG)
    lines: list[str] | None = None
    if args.script is not None:
        try:
            lines = args.script.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise StartupError(f"{args.script}: cannot be read ({exc.strerror})") from None
    console = ScriptConsole(out, lines) if lines is not None else Console(out)
    tr = Texts(world.config.collaboration.language)
    database = _database(args, settings, SHELL_DATABASE)
    clock_file = _clock_file(database)
    start = _start(args.start, world.config.collaboration.tz)
    saved = _saved_time(clock_file) if args.start is None else None
    session = ShellSession(
        world,
        settings=settings,
        database_url=database,
        start=max(start, saved) if saved is not None else start,
        files_dir=args.files,
        out=out,
        answerer=ConsoleAnswerer(console, tr),
        resume=args.start is None,
    )
    try:
        session.say(
            t.BANNER,
            name=world.config.collaboration.name,
            config=str(world.source) if world.source else tr(t.BUILT_IN_CONFIG),
            database=database.split("///")[-1] if database.startswith("sqlite") else "PostgreSQL",
            files=str(args.files),
        )
        session.tick()
        while (line := console.read(session.prompt())) is not None:
            if not session.run_line(line):
                break
    finally:
        if clock_file is not None:
            clock_file.write_text(session.clock.now().isoformat(), encoding="utf-8")
        session.close()
    return 0


def _configure_demo(parser: argparse.ArgumentParser) -> None:
    """Add the demo's options."""
    parser.add_argument(
        "--files",
        type=Path,
        default=FILES_DIR,
        metavar="DIR",
        help=f"where files the bot shares are saved (default: {FILES_DIR})",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy URL of an empty database (default: a temporary SQLite file)",
    )


def run_demo(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdout: TextIO | None = None,
) -> int:
    """Play a scripted month of the collaboration and print it."""
    from bot.shell.console import DemoAnswerer, Output
    from bot.shell.demo import MONTH, START, play
    from bot.shell.session import ShellSession
    from bot.shell.world import load_world
    from bot.texts import Texts

    _quiet_logging()
    stream = stdout or sys.stdout
    out = Output(stream, color=stream.isatty())
    world = load_world(None)
    tr = Texts(world.config.collaboration.language)
    answerer = DemoAnswerer(out, tr)
    with tempfile.TemporaryDirectory(prefix="samverkansbot-demo-") as folder:
        database = args.database or f"sqlite:///{folder}/demo.db"
        if args.database:
            database = load_settings({"DATABASE_URL": args.database}).DATABASE_URL
        session = ShellSession(
            world,
            settings=settings,
            database_url=database,
            start=START.replace(tzinfo=world.config.collaboration.tz),
            files_dir=args.files,
            out=out,
            answerer=answerer,
        )
        try:
            play(session, answerer, MONTH)
        finally:
            session.close()
    return 0


SHELL = (_configure_shell, run_shell)
DEMO = (_configure_demo, run_demo)

__all__ = ["DEMO", "SHELL", "run_demo", "run_shell"]
