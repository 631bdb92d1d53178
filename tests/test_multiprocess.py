"""Several processes on one PostgreSQL database: each request handled once, each message sent once.

The deployment of the Procfile, twice over: `gunicorn bot.wsgi:application --workers 2`
and `python -m bot serve --no-scheduler` as two web processes, and two `python -m bot
clock` processes, all on one fresh PostgreSQL database and the Slack Web API stand-in.
Needs are submitted through both web processes, some twice (a double press or a Slack
retry, sent to the other process at the same moment), Home tab events are delivered to
both, and the clocks post a meeting's call and reminders while the web processes post
need cards. Nothing may be lost and nothing may be posted twice.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

import pytest
from pydantic import SecretStr
from sqlalchemy import create_engine, func, select, text

from bot.domain.organizations import BUILT_IN
from bot.runtime import start_context
from bot.settings import Settings
from commands.edge.ids import Field
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage import meetings as meeting_store
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Need, NeedEvent, OutboxMessage, ProcessedRequest
from storage.upsert import insert_ignore
from tests.conftest import NOW, PG_ADMIN_URL, POSTGRES
from tests.harness import SECRET_KEY, SIGNING_SECRET

TZ = ZoneInfo("Europe/Stockholm")
WORKING_GROUP = "C0ARBETS1"
FORM = "application/x-www-form-urlencoded"
SUBMITTERS = [(f"U0MP{i:05d}", f"kontakt{i}@{BUILT_IN[i].email_domains[0]}") for i in range(20)]
CONTACTS = [(f"U0MK{i:05d}", BUILT_IN[i].id) for i in range(20)]
HOME_VISITORS = [user for user, _ in SUBMITTERS[:5]]
TWICE = {1, 4, 7, 10, 13, 16}  # submissions also sent to the other web process at once
ANSWERS: dict[str, Any] = {
    Field.NEED_DESCRIPTION: "Vi behöver en halvdag om drogtecken för vår personal.",
    Field.NEED_FOCUS: "training",
    Field.NEED_SCOPE: "county",
    Field.NEED_URGENCY: "normal",
    Field.NEED_SUPPORT: ["training"],
}


def poll_until(condition: Callable[[], bool], timeout: float) -> None:
    """Poll until condition() holds: other processes' commits announce themselves to no one."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not done within {timeout} s")
        time.sleep(0.05)  # polling another process's database: nothing to wait on but time


def config_text() -> str:
    """Return a configuration whose working-group meeting has its call and reminder due now."""
    start = datetime.combine(datetime.now(TZ).date() + timedelta(days=2), clock_time(9, 0))
    return f"""
[channels]
working_group = "{WORKING_GROUP}"
coordinators = "C0PLAN0001"

[roles]
coordinators = ["U0LEDARE1"]

[[meetings]]
kind = "working_group"
title = "Arbetsgruppsmöte"
rrule = "FREQ=YEARLY"
start = "{start:%Y-%m-%dT%H:%M}"
call_before = "14d"
reminder_before = "10d"
"""


@pytest.fixture
def pg_url() -> Iterator[str]:
    """Yield the URL of a fresh PostgreSQL database, dropped afterwards."""
    name = f"t_mp_{uuid.uuid4().hex[:10]}"
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


def free_port() -> int:
    """Return a free port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Poll /healthz until it answers 200; fail with the log if the process dies or hangs."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url} exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)  # polling a separate process's port: nothing to wait on but time
    raise AssertionError(f"{url} never became healthy:\n{log.read_text()[-3000:]}")


class Deployment:
    """Two web processes and two clocks on one database, stopped by SIGTERM at the end."""

    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        """Start everything at once and wait until both web processes answer /healthz."""
        self.tmp = tmp
        self.processes: list[tuple[str, subprocess.Popen[bytes], Path]] = []
        port_a, port_b = free_port(), free_port()
        procfile_web = [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:bot.gunicorn_conf",
            "--worker-class",
            "gthread",
            "--workers",
            "2",
            "--threads",
            "8",
            "--bind",
            f"127.0.0.1:{port_a}",
            "bot.wsgi:application",
        ]
        self._start("web-gunicorn", procfile_web, env)
        serve = [sys.executable, "-m", "bot", "serve", "--no-scheduler"]
        self._start("web-serve", serve, {**env, "PORT": str(port_b)})
        for name in ("clock-1", "clock-2"):
            self._start(name, [sys.executable, "-m", "bot", "clock"], env)
        self.web = [f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"]
        try:
            for url, (_, process, log) in zip(self.web, self.processes, strict=False):
                wait_healthy(url, process, log)
        except AssertionError:
            self.stop()
            raise

    def _start(self, name: str, argv: list[str], env: dict[str, str]) -> None:
        """Start one process with its output in a log file."""
        log = self.tmp / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(argv, env=env, cwd=self.tmp, stdout=out, stderr=out)
        self.processes.append((name, process, log))

    def post(
        self, index: int, body: bytes, json_body: bool = False, retry: bool = False
    ) -> tuple[int, bytes]:
        """POST a signed body to web process index, as a Slack retry if told; return the answer."""
        headers = {
            "Content-Type": "application/json" if json_body else FORM,
            **req.sign(SIGNING_SECRET, body),
        }
        if retry:
            headers |= {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        request = urllib.request.Request(
            self.web[index] + "/slack/events", data=body, method="POST", headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stop(self) -> dict[str, int | None]:
        """Stop every process with SIGTERM, as the platform does; return their exit codes."""
        for _, process, _ in self.processes:
            if process.poll() is None:
                process.terminate()
        codes: dict[str, int | None] = {}
        for name, process, _ in self.processes:
            try:
                codes[name] = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                codes[name] = process.wait(10)
        return codes

    def logs(self) -> str:
        """Return every process's output, for failure messages."""
        return "\n".join(
            f"--- {name}\n{log.read_text()[-2000:]}" for name, _, log in self.processes
        )


def seed(database_url: str, config: Path, standin: SimulatedSlack) -> None:
    """Migrate the database and make one contact person per partner (as a coordinator would)."""
    settings = Settings(
        SLACK_BOT_TOKEN=SecretStr("xoxb-test-token"),
        SLACK_SIGNING_SECRET=SecretStr(SIGNING_SECRET),
        BOT_SECRET_KEY=SecretStr(SECRET_KEY),
        SLACK_API_URL=standin.api_url,
        DATABASE_URL=database_url,
        BOT_CONFIG=config,
    )
    bot = start_context(settings)
    with bot.db.transaction() as session:
        for user, organization in CONTACTS:
            meeting_store.add_contact(session, organization, user, "coordinator", bot.clock.now())
    bot.db.dispose()


def forms_shown(standin: SimulatedSlack) -> list[dict[str, Any]]:
    """Return the forms the bot has shown: opened at once, or filled into a loading view."""
    return [
        dict(call.args["view"])
        for call in standin.calls
        if call.method in {"views.open", "views.update"}
        and call.error is None
        and call.args["view"].get("callback_id") != "loading"
    ]


def open_form(deployment: Deployment, standin: SimulatedSlack, index: int, user: str) -> Any:
    """Run /behov through one web process and return the form it showed."""
    before = len(forms_shown(standin))
    body = req.slash_command(
        "/behov",
        "",
        user_id=user,
        response_url=standin.response_url("mp"),
        channel_id=WORKING_GROUP,
    )
    assert deployment.post(index, body)[0] == 200
    standin.wait_until(lambda: len(forms_shown(standin)) > before, timeout=15)
    return forms_shown(standin)[-1]


def posted_keys(standin: SimulatedSlack) -> Counter[str]:
    """Count the messages the bot posted, by the outbox key in their metadata."""
    return Counter(
        str(call.args["metadata"]["event_payload"]["key"])
        for call in standin.calls_to("chat.postMessage")
        if call.error is None and call.args.get("metadata")
    )


class Send(NamedTuple):
    """One request to send: to which web process, the body, JSON or form, a retry or not."""

    process: int
    body: bytes
    json_body: bool
    retry: bool


def requests_to_send(forms: list[dict[str, Any]]) -> list[Send]:
    """Return the submissions (some twice, to the other process) and the Home events (to both)."""
    sends: list[Send] = []
    for i, ((user, _), form) in enumerate(zip(SUBMITTERS, forms, strict=True)):
        answers = {**ANSWERS, Field.NEED_TITLE: f"Utbildningsbehov nummer {i + 1}"}
        body = req.view_submission(
            form, req.input_values(form, answers), user_id=user, view_id=f"VMP{i:04d}"
        )
        sends.append(Send(i % 2, body, json_body=False, retry=False))
        if i in TWICE:
            sends.append(Send((i + 1) % 2, body, json_body=False, retry=True))
    for number, user in enumerate(HOME_VISITORS):
        event = req.event_callback(
            {"type": "app_home_opened", "user": user, "tab": "home"}, event_id=f"EvMP{number}"
        )
        sends += [Send(0, event, json_body=True, retry=False), Send(1, event, True, True)]
    return sends


def everything_sent(database_url: str, standin: SimulatedSlack) -> bool:
    """Tell whether every need is stored, every outbox row sent and every Home published."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            ids = connection.scalars(select(Need.id)).all()
            statuses = set(connection.scalars(select(OutboxMessage.status).distinct()))
    finally:
        engine.dispose()
    keys = set(posted_keys(standin))
    wanted = {f"need:{n}:card" for n in ids} | {f"need:{n}:created" for n in ids}
    return (
        len(ids) == len(SUBMITTERS)
        and statuses == {"sent"}
        and wanted <= keys
        and any(key.endswith(":reminder") for key in keys)
        and len(standin.calls_to("views.publish")) >= len(HOME_VISITORS)
    )


@pytest.mark.skipif(not POSTGRES, reason="PostgreSQL is not reachable")
def test_two_web_processes_and_two_clocks_handle_each_request_and_post_each_message_once(
    standin: SimulatedSlack, pg_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "samverkan.toml"
    config.write_text(config_text(), encoding="utf-8")
    for user, email in SUBMITTERS:
        standin.add_user(user, email)
    seed(pg_url, config, standin)
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BOT_SECRET_KEY": SECRET_KEY,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": pg_url,
        "BOT_CONFIG": str(config),
        "BOT_TICK_SECONDS": "1",
    }
    deployment = Deployment(tmp_path, env)
    try:
        forms = [open_form(deployment, standin, i % 2, u) for i, (u, _) in enumerate(SUBMITTERS)]
        sends = requests_to_send(forms)
        with ThreadPoolExecutor(max_workers=len(sends)) as pool:
            replies = list(
                pool.map(lambda s: deployment.post(s.process, s.body, s.json_body, s.retry), sends)
            )
        poll_until(lambda: everything_sent(pg_url, standin), timeout=30)
    finally:
        codes = deployment.stop()
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        needs = connection.execute(select(Need.id, Need.title, Need.submitted_by)).all()
        created = connection.scalar(
            select(func.count()).select_from(NeedEvent).where(NeedEvent.action == "created")
        )
        events = connection.scalars(select(ProcessedRequest.key)).all()
        outbox = connection.execute(
            select(OutboxMessage.key, OutboxMessage.op, OutboxMessage.status)
        ).all()
    engine.dispose()

    # Every request, the repeated ones too, is acknowledged plainly: 200 and an empty body.
    unexpected = [(status, body) for status, body in replies if (status, body) != (200, b"")]
    assert unexpected == [], deployment.logs()
    # Each need is stored once, whichever process got it first and however often it came.
    assert sorted((title, user) for _, title, user in needs) == sorted(
        (f"Utbildningsbehov nummer {i + 1}", user) for i, (user, _) in enumerate(SUBMITTERS)
    )
    assert created == len(SUBMITTERS)
    # Each Home event is acted on once, though both web processes received it.
    assert sorted(events) == sorted(f"event:EvMP{n}" for n in range(len(HOME_VISITORS)))
    published = Counter(call.args["user_id"] for call in standin.calls_to("views.publish"))
    assert published == Counter(HOME_VISITORS)
    # Every message is posted exactly once: the need cards and confirmations by the web
    # processes (or by a clock that claimed them first), the call and reminders by the clocks.
    posted = posted_keys(standin)
    assert [key for key, times in posted.items() if times > 1] == []
    assert set(posted) == {key for key, op, status in outbox if op == "post" and status == "sent"}
    for need_id, _, _ in needs:
        assert {f"need:{need_id}:card", f"need:{need_id}:created"} <= set(posted)
    meeting = [key for key in posted if key.startswith("meeting:")]
    assert len([key for key in meeting if key.endswith((":call", ":reminder"))]) == 2
    reminded = sorted(key.rsplit(":", 1)[1] for key in meeting if ":dm:" in key)
    assert reminded == sorted(user for user, _ in CONTACTS)
    channel = [
        c for c in standin.calls_to("chat.postMessage") if c.args["channel"] == WORKING_GROUP
    ]
    assert len(channel) == len(SUBMITTERS) + 2
    # All four stop cleanly on SIGTERM.
    assert codes == {"web-gunicorn": 0, "web-serve": 0, "clock-1": 0, "clock-2": 0}


def test_insert_ignore_tells_a_new_row_from_a_duplicate_on_each_backend(database_url: str) -> None:
    db = Database(database_url)
    upgrade(db.engine)
    try:
        answers = []
        for _ in range(2):
            with db.transaction() as session:
                answers.append(
                    insert_ignore(session, ProcessedRequest, {"key": "event:Ev1", "at": NOW})
                )
        with db.reading() as session:
            stored = session.scalars(select(ProcessedRequest.key)).all()
    finally:
        db.dispose()
    assert answers == [True, False]
    assert stored == ["event:Ev1"]
