"""Shared fixtures: the Slack stand-in, SQLite and PostgreSQL databases, the running bot."""

from __future__ import annotations

import os
import traceback
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from slack_sim.web_api import SimulatedSlack
from tests.harness import COORDINATOR_CHANNEL, METHODS_DIR, PEOPLE, RunningBot

PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)


def _postgres_reachable() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception:
        return False
    return True


POSTGRES = _postgres_reachable()


@pytest.fixture(autouse=True)
def no_slack_call_in_a_unit_of_work(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test whose bot called Slack while its thread held a database session open."""
    from slack_sdk import WebClient

    from storage.db import session_open

    calls: list[str] = []
    api_call = WebClient.api_call

    def guarded(self: WebClient, api_method: str, *args: Any, **kwargs: Any) -> Any:
        if session_open():
            calls.append(f"{api_method}, from:\n{''.join(traceback.format_stack(limit=12))}")
        return api_call(self, api_method, *args, **kwargs)

    monkeypatch.setattr(WebClient, "api_call", guarded)
    yield
    assert calls == [], "Slack called inside a database unit of work: " + "\n".join(calls)
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql", marks=pytest.mark.skipif(not POSTGRES, reason="PostgreSQL is not reachable")
    ),
]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[str]:
    """Yield the URL of a fresh, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/bot.db"
        return
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE datname = '{name}'"
                )
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: object) -> str:
    """Return the URL of a fresh SQLite database file."""
    return f"sqlite:///{tmp_path}/bot.db"


@pytest.fixture(scope="session")
def standin_server() -> Iterator[SimulatedSlack]:
    """Run one Slack Web API stand-in for the whole session."""
    server = SimulatedSlack(METHODS_DIR).start()
    for user, email in PEOPLE.items():
        server.add_user(user, email)
    server.add_channel(COORDINATOR_CHANNEL, "samverkansledare", private=True)
    yield server
    server.stop()


@pytest.fixture
def standin(standin_server: SimulatedSlack) -> Iterator[SimulatedSlack]:
    """Yield the stand-in, cleared, and fail the test on any contract breach.

    Messages posted by earlier tests are forgotten too: every test's database numbers its rows
    from 1, and an interrupted post is looked for by its outbox key, which must not be found
    among another test's messages.
    """
    standin_server.reset()
    with standin_server._lock:
        standin_server.messages.clear()
    yield standin_server
    assert standin_server.violations == []


@pytest.fixture
def running(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """Serve the bot over HTTP on SQLite, wired to the stand-in."""
    bot = RunningBot(standin, sqlite_url, now=NOW)
    yield bot
    bot.stop()


@pytest.fixture
def running_any(standin: SimulatedSlack, database_url: str) -> Iterator[RunningBot]:
    """Serve the bot over HTTP on each database backend."""
    bot = RunningBot(standin, database_url, now=NOW)
    yield bot
    bot.stop()


# ------------------------------------------------------------------ the manifest's scopes
# Once the whole suite has run, the Web API calls it made (in every xdist worker) tell which
# OAuth scopes the bot needs; both manifests must ask for exactly those (tests/test_manifest.py).
_WORKER_USAGE: set[tuple[str, str, str]] = set()


def pytest_testnodedown(node: Any, error: Any) -> None:
    """Collect the calls an xdist worker recorded."""
    for method, kind, token in getattr(node, "workeroutput", {}).get("slack_usage", []):
        _WORKER_USAGE.add((method, kind, token))


def _whole_suite(session: pytest.Session) -> bool:
    """Tell whether every test ran (no selection by path, keyword, marker or deselection)."""
    option = session.config.option
    tests = Path(__file__).resolve().parent
    paths = [Path(arg.split("::")[0]).resolve() for arg in session.config.args]
    chosen = all(path == tests for path in paths)
    return chosen and not option.keyword and not option.markexpr and not option.deselect


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Hand a worker's calls on; after the whole suite, compare the scopes with the manifests."""
    from slack_sim.web_api import USAGE

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["slack_usage"] = sorted(USAGE)
        return
    if exitstatus != 0 or not _whole_suite(session):
        return
    from tests.test_manifest import bot_calls, scope_problems

    problems = scope_problems(bot_calls(USAGE | _WORKER_USAGE))
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for problem in problems:
            if reporter is not None:
                reporter.write_line(f"MANIFEST SCOPES: {problem}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
