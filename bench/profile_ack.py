"""Where the CPU of one request goes: the bot's WSGI app in one process, under cProfile.

    .venv/bin/python -m bench.profile_ack                         # SQLite, 300 of each
    .venv/bin/python -m bench.profile_ack --backend postgresql --requests 300 --top 30

The bot is built as `serve` builds it (`bot.runtime.start_context`, `bot.wiring.wire`,
`bot.server.WebApp`) against the Web API stand-in, but its work after the ack is collected
instead of run in a pool, so that the request thread's CPU up to the answer (the ack) and
the CPU of the work after it are measured apart, request by request, with
`time.thread_time`. The figures are first taken without a profiler; a second pass under
cProfile shares each total out over where the time went (by module: signature and HTTP,
parsing, Bolt, validation, database, rendering, Slack calls, the bot's own code), scaled
to the unprofiled total. Slack's side (the stand-in) runs in other threads and is not counted.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bench.scenarios import (
    ANSWER_KEY,
    BOT_TOKEN,
    SECRET,
    WORKING_GROUP,
    BenchStandIn,
    Plan,
    database,
    form_plan,
    list_plan,
    meeting_call,
    people,
    rsvp_plan,
    serve_config,
)
from bot import scheduler
from bot.runtime import start_context
from bot.server import WebApp
from bot.settings import Settings
from bot.wiring import wire
from slack_sim import requests as req

Job = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class Deferred(Executor):
    """An executor that keeps what it is given, to be run later in the caller's thread."""

    def __init__(self) -> None:
        """Start with nothing kept."""
        self.jobs: list[Job] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Keep fn to be run by run_all."""
        self.jobs.append((fn, args, kwargs))
        future: Future[Any] = Future()
        future.set_result(None)
        return future

    def run_all(self) -> None:
        """Run what was kept, and what that submits, until nothing is left."""
        while self.jobs:
            fn, args, kwargs = self.jobs.pop(0)
            fn(*args, **kwargs)


def flat(plan: Plan) -> list[bytes]:
    """Return a plan's requests, user after user."""
    return [body for user in plan.requests for body in user]


def call(web: WebApp, body: bytes) -> int:
    """Send one signed Slack request through the WSGI app; return the HTTP status."""
    headers = req.sign(SECRET, body)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    status, _, _ = web.handle(environ)
    return status


BUCKETS: list[tuple[str, tuple[str, ...]]] = [
    ("Bolt", ("/slack_bolt/",)),
    (
        "database (SQLAlchemy, driver, storage/)",
        ("/sqlalchemy/", "/psycopg", "sqlite3", "/storage/"),
    ),
    (
        "rendering (Block Kit, texts)",
        ("commands/blocks", "render", "bot/texts", "slack_sdk/models"),
    ),
    ("Slack calls (slack_sdk, HTTP client)", ("/slack_sdk/", "http/client", "socket", "ssl")),
    ("signature check and WSGI (bot/server.py)", ("bot/server.py", "hmac", "hashlib")),
    (
        "parsing and JSON (edge, form body, JSON in and out)",
        ("edge/requests", "edge/codec", "/json/", "_json", "parse.py"),
    ),
    ("validation (bot/domain, pydantic)", ("bot/domain", "/pydantic")),
    ("the bot's other code (edge, handlers, use cases)", ("/commands/", "/bot/")),
    ("logging", ("/logging/",)),
]


OTHER = "Python itself (stdlib)"


def bucket(filename: str, name: str) -> str:
    """Return where a function's own time belongs (builtins: by their name, else OTHER)."""
    where = filename if filename != "~" else name
    for label, marks in BUCKETS:
        if any(mark in where for mark in marks):
            return label
    return OTHER


@contextmanager
def profiled(profile: cProfile.Profile | None) -> Iterator[None]:
    """Profile the block when a profiler is given."""
    if profile is None:
        yield
        return
    profile.enable()
    try:
        yield
    finally:
        profile.disable()


def measure(
    web: WebApp,
    deferred: Deferred,
    bodies: list[bytes],
    ack: cProfile.Profile | None = None,
    after: cProfile.Profile | None = None,
) -> tuple[float, float, float]:
    """Send each body and run its work after the ack; return CPU ms per request for each part.

    The third figure is the wall-clock time up to the ack, waits (disk, database server) included.
    """
    ack_cpu = after_cpu = ack_wall = 0.0
    for body in bodies:
        started, began = time.thread_time(), time.perf_counter()
        with profiled(ack):
            status = call(web, body)
        acked = time.thread_time()
        ack_wall += time.perf_counter() - began
        with profiled(after):
            deferred.run_all()
        after_cpu += time.thread_time() - acked
        ack_cpu += acked - started
        if status != 200:
            raise RuntimeError(f"the bot answered {status}")
    return (
        ack_cpu / len(bodies) * 1000,
        after_cpu / len(bodies) * 1000,
        ack_wall / len(bodies) * 1000,
    )


def shares(profile: cProfile.Profile) -> dict[str, float]:
    """Return each bucket's share of a profile's own (not cumulative) time."""
    stats = pstats.Stats(profile)
    found: dict[str, float] = defaultdict(float)
    for (filename, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        own, callers = row[2], row[4]
        where = bucket(filename, name)
        if filename == "~" and where == OTHER and callers:
            # a builtin (list.append, getattr, ...) counts where it was called from
            weight = sum(call[2] for call in callers.values()) or 1.0
            for (caller_file, _, caller_name), call in callers.items():
                found[bucket(caller_file, caller_name)] += own * (call[2] or 0) / weight
            continue
        found[where] += own
    total = sum(found.values()) or 1.0
    return {label: value / total for label, value in found.items()}


def report(
    kind: str,
    ack_ms: float,
    after_ms: float,
    wall_ms: float,
    ack: cProfile.Profile,
    after: cProfile.Profile,
) -> None:
    """Print one kind's CPU per request, shared out by bucket, as a Markdown table."""
    first, second = shares(ack), shares(after)
    print(
        f"\n{kind}: {ack_ms:.1f} ms of CPU up to the ack ({wall_ms:.1f} ms of wall-clock time), "
        f"{after_ms:.1f} ms after it\n"
    )
    print("| Where | Up to the ack | After the ack |")
    print("| --- | --- | --- |")
    labels = [label for label, _ in BUCKETS] + [OTHER]
    for label in sorted(
        labels, key=lambda x: -(first.get(x, 0) * ack_ms + second.get(x, 0) * after_ms)
    ):
        before, later = first.get(label, 0) * ack_ms, second.get(label, 0) * after_ms
        print(f"| {label} | {before:.1f} ms | {later:.1f} ms |")
    print(f"| **total** | **{ack_ms:.1f} ms** | **{after_ms:.1f} ms** |")


def top(profile: cProfile.Profile, count: int) -> None:
    """Print a profile's functions with the most cumulative time."""
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(count)
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    """Profile need-form submissions, `/behov lista` and RSVP presses; print where the CPU goes."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.profile_ack", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--backend", default="sqlite", help="sqlite or postgresql (sqlite)")
    parser.add_argument("--requests", type=int, default=300, help="of each kind (300)")
    parser.add_argument("--top", type=int, default=0, help="also print the top N functions")
    args = parser.parse_args(argv)
    users = 16
    per_user = max(1, args.requests // users)
    standin = BenchStandIn()
    standin.start()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="samverkan-profile-") as tmp,
            database(args.backend, Path(tmp)) as url,
        ):
            settings = Settings(
                SLACK_BOT_TOKEN=SecretStr(BOT_TOKEN),
                SLACK_SIGNING_SECRET=SecretStr(SECRET),
                BOT_SECRET_KEY=SecretStr(ANSWER_KEY),
                SLACK_API_URL=standin.api_url,
                DATABASE_URL=url,
                BOT_CONFIG=serve_config(Path(tmp)),
            )
            bot = start_context(settings)
            deferred = Deferred()
            wiring = wire(bot, work_executor=deferred)
            web = WebApp(bot, wiring)
            scheduler.tick(bot, wiring.planners)  # posts the meeting's call
            meeting = meeting_call(standin, 0)
            found = people(users, "P")
            forms: dict[str, dict[str, Any]] = {}
            for user, email in found:
                standin.add_user(user, email)
                trigger = req.new_trigger_id()
                opened = standin.expect_form(trigger)
                call(
                    web,
                    req.slash_command(
                        "/behov",
                        "",
                        user_id=user,
                        channel_id=WORKING_GROUP,
                        response_url=standin.response_url("form"),
                        trigger_id=trigger,
                    ),
                )
                deferred.run_all()
                if not opened.done.wait(10) or opened.view is None:
                    raise RuntimeError(f"no need form opened for {user}")
                forms[user] = opened.view
            names = [user for user, _ in found]
            measure(
                web, deferred, flat(form_plan(forms, 2, "PW")) + flat(list_plan(standin, names, 2))
            )
            kinds = {
                "need form submission": (
                    flat(form_plan(forms, per_user, "PM")),
                    flat(form_plan(forms, per_user, "PP")),
                ),
                "/behov lista": (
                    flat(list_plan(standin, names, per_user)),
                    flat(list_plan(standin, names, per_user)),
                ),
                "RSVP press": (
                    flat(rsvp_plan(standin, meeting, names, per_user).plan),
                    flat(rsvp_plan(standin, meeting, names, per_user).plan),
                ),
            }
            for kind, (plain, again) in kinds.items():
                ack_ms, after_ms, wall_ms = measure(web, deferred, plain)
                ack, after = cProfile.Profile(), cProfile.Profile()
                measure(web, deferred, again, ack, after)
                report(kind, ack_ms, after_ms, wall_ms, ack, after)
                if args.top:
                    print(f"\n{kind}, up to the ack:")
                    top(ack, args.top)
                    print(f"\n{kind}, after the ack:")
                    top(after, args.top)
            bot.finish()
            bot.db.dispose()
    finally:
        standin.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
