"""Try the bot without Slack: `python -m bot shell` (a terminal) and `python -m bot demo` (a month).

Both go through the production Bolt app and listeners; only Slack is simulated, in process.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from bot.errors import StartupError
from bot.settings import Settings, load_settings

SHELL_DATABASE = "sqlite:///samverkansbot-shell.db"
FILES_DIR = Path("shell-files")
# Beside an SQLite database: what a shell session needs to go on in a later one.
STATE_SUFFIX = ".shell.json"
# Beside an SQLite database: the shell's own BOT_SECRET_KEY, when none is set.
KEY_SUFFIX = ".key"


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


def _sqlite_path(database: str) -> Path | None:
    """Return the file of an SQLite database URL, or None for other databases and memory."""
    from sqlalchemy.engine import make_url

    url = make_url(database)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _state_file(database: str) -> Path | None:
    """Return the file beside an SQLite database where the shell keeps a session's state.

    It holds the time, who you were, the simulated Slack and the numbered buttons, so that a
    later session goes on where this one ended (see ShellSession.state).
    """
    path = _sqlite_path(database)
    return None if path is None else path.with_name(path.name + STATE_SUFFIX)


def with_secret_key(settings: Settings, database: str) -> Settings:
    """Return settings with a BOT_SECRET_KEY: the one set, else the shell's own.

    The shell's own key is random. Beside an SQLite database file it is kept in a file of
    its own (readable by you only), so that a later session on that database still finds
    each person's earlier answer; other databases get a new key every session.
    """
    if settings.BOT_SECRET_KEY is not None:
        return settings
    import secrets

    from pydantic import SecretStr

    path = _sqlite_path(database)
    keyfile = None if path is None else path.with_name(path.name + KEY_SUFFIX)
    key = ""
    if keyfile is not None and keyfile.is_file():
        key = keyfile.read_text(encoding="utf-8").strip()
    if len(key) < 16:
        key = secrets.token_urlsafe(32)
        if keyfile is not None:
            keyfile.touch(mode=0o600)
            keyfile.write_text(key + "\n", encoding="utf-8")
    return settings.model_copy(update={"BOT_SECRET_KEY": SecretStr(key)})


def _read_state(path: Path | None) -> dict[str, Any] | None:
    """Return the state an earlier session saved in path, if there is one."""
    if path is None or not path.is_file():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = None
    # One that cannot be read is returned as a state ShellSession.restore refuses, to say so.
    return state if isinstance(state, dict) else {"version": None}


def _write_state(path: Path, state: dict[str, Any]) -> None:
    """Write state to path whole, or not at all."""
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    part.replace(path)


def _saved_time(state: dict[str, Any] | None) -> datetime | None:
    """Return the time a previous shell session on this database ended at, if it was saved."""
    if state is None:
        return None
    try:
        saved = datetime.fromisoformat(str(state.get("time")))
    except ValueError:
        return None
    return saved if saved.tzinfo is not None else None


def _empty_database(args: argparse.Namespace, folder: str) -> str:
    """Return --database (which must not exist yet, if a file), else a new file in folder."""
    if not args.database:
        return f"sqlite:///{folder}/demo.db"
    database = load_settings({"DATABASE_URL": args.database}).DATABASE_URL
    path = _sqlite_path(database)
    if path is not None and path.exists():
        raise StartupError(
            f"--database {args.database}: {path} already exists; the demo plays its month into "
            "a new database (name a file that does not exist)"
        )
    return database


def _configure_shell(parser: argparse.ArgumentParser) -> None:
    """Add the shell's options."""
    parser.add_argument(
        "--script",
        type=Path,
        metavar="FILE",
        help="run the lines of FILE instead of asking; a refused line stops it (exit status 1)",
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
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start on a fresh copy of the demo's month (in --database if given, which must "
        "not exist yet; else in a temporary file)",
    )


def run_shell(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdout: TextIO | None = None,
) -> int:
    """Talk to the bot in a terminal (or run a script of what one would type).

    Returns 0, or 1 when a line of a script was refused (the line and why go to stderr).
    """
    from bot.shell.console import (
        Console,
        ConsoleAnswerer,
        DemoAnswerer,
        Output,
        ScriptConsole,
        ScriptStopped,
    )
    from bot.shell.demo import MONTH, START, play
    from bot.shell.session import ShellSession
    from bot.shell.world import load_world
    from bot.texts import Texts
    from bot.texts import shell as t

    _quiet_logging()
    if args.demo and (args.config or args.start):
        raise StartupError(
            "--demo plays the demo's own month (built-in configuration, from "
            f"{START.isoformat(timespec='minutes')}): leave out --config and --start"
        )
    stream = stdout or sys.stdout
    out = Output(stream, color=stream.isatty() and args.script is None)
    world = load_world(None if args.demo else args.config or settings.BOT_CONFIG)
    lines: list[str] | None = None
    if args.script is not None:
        try:
            lines = args.script.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise StartupError(f"{args.script}: cannot be read ({exc.strerror})") from None
    console = ScriptConsole(out, lines) if lines is not None else Console(out)
    tr = Texts(world.config.collaboration.language)
    answerer = ConsoleAnswerer(console, tr, strict=lines is not None)
    tz = world.config.collaboration.tz
    with contextlib.ExitStack() as stack:
        state: dict[str, Any] | None = None
        if args.demo:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="samverkansbot-"))
            database = _empty_database(args, folder)
            start = START.replace(tzinfo=tz)
        else:
            database = _database(args, settings, SHELL_DATABASE)
            start = _start(args.start, tz)
            if args.start is None:
                state = _read_state(_state_file(database))
                saved = _saved_time(state)
                start = max(start, saved) if saved is not None else start
        session = ShellSession(
            world,
            settings=with_secret_key(settings, database),
            database_url=database,
            start=start,
            files_dir=args.files,
            out=out,
            answerer=answerer,
            resume=args.start is None and not args.demo,
        )
        state_file = _state_file(database)
        try:
            if args.demo:
                if args.database:
                    session.say(t.DEMO_PLAYING_INTO, database=args.database)
                else:
                    session.say(t.DEMO_PLAYING)
                player = DemoAnswerer(out, tr)
                session.use_answerer(player)
                with out.muted():
                    play(session, player, MONTH)
                session.use_answerer(answerer)
            session.say(
                t.BANNER,
                name=world.config.collaboration.name,
                config=str(world.source) if world.source else tr(t.BUILT_IN_CONFIG),
                database=_database_name(database),
                files=str(args.files),
            )
            if state is not None:
                try:
                    session.restore(state)
                    session.note(t.RESUMED)
                except ValueError:
                    session.note(t.STATE_UNREADABLE, file=str(state_file))
            session.tick()
            while (line := console.read(session.prompt())) is not None:
                if not session.run_line(line):
                    break
        except ScriptStopped as stopped:
            where = tr(t.SCRIPT_WHERE, file=str(args.script), line=stopped.line)
            sys.stderr.write(f"{where}: {stopped.message}\n")
            return 1
        finally:
            if state_file is not None:
                _write_state(state_file, session.state())
            session.close()
    return 0


def _database_name(database: str) -> str:
    """Return how the banner names a database: its file, else the kind of database."""
    path = _sqlite_path(database)
    if path is not None:
        return str(path)
    return "PostgreSQL" if database.startswith("postgres") else database.split(":", 1)[0]


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
        help="SQLAlchemy URL of a new database to keep the month in, for `python -m bot shell "
        "--database URL` afterwards (default: a temporary SQLite file)",
    )


def run_demo(
    args: argparse.Namespace,
    settings: Settings,
    *,
    stdout: TextIO | None = None,
) -> int:
    """Play a scripted month of the collaboration and print it; return 0."""
    from bot.shell.console import DemoAnswerer, Output
    from bot.shell.demo import MONTH, START, play
    from bot.shell.session import ShellSession
    from bot.shell.world import load_world
    from bot.texts import Texts
    from bot.texts import shell as t

    _quiet_logging()
    stream = stdout or sys.stdout
    out = Output(stream, color=stream.isatty())
    world = load_world(None)
    tr = Texts(world.config.collaboration.language)
    answerer = DemoAnswerer(out, tr)
    with tempfile.TemporaryDirectory(prefix="samverkansbot-demo-") as folder:
        database = _empty_database(args, folder)
        session = ShellSession(
            world,
            settings=with_secret_key(settings, database),
            database_url=database,
            start=START.replace(tzinfo=world.config.collaboration.tz),
            files_dir=args.files,
            out=out,
            answerer=answerer,
        )
        try:
            play(session, answerer, MONTH)
            out.line()
            if args.database:
                session.say(t.DEMO_END_KEPT, files=str(args.files), database=args.database)
            else:
                session.say(t.DEMO_END, files=str(args.files))
        finally:
            state_file = _state_file(database)
            if args.database and state_file is not None:
                _write_state(state_file, session.state())
            session.close()
    return 0


SHELL = (_configure_shell, run_shell)
DEMO = (_configure_demo, run_demo)

__all__ = ["DEMO", "SHELL", "run_demo", "run_shell"]
