"""Run every benchmark and print one table: figure, value, bare Bolt app, ratio, goal, met?

    .venv/bin/python -m bench.run            # SQLite and PostgreSQL, 1 and 2 workers
    .venv/bin/python -m bench.run --quick    # a smoke run: few requests, SQLite only

The bot is started as an operator starts it (`python -m bot serve`: gunicorn, one worker,
eight threads, the scheduler in-process) and as the Procfile's `web` (two workers); the bare
Bolt app is served the same way with as many workers, and both get the same signed requests
from 16 users in the same run; the Slack Web API is the tests' stand-in on 127.0.0.1.
PostgreSQL is reached at TEST_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); each run uses a fresh database.
"""

from __future__ import annotations

import argparse
import compileall
import math
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import Sample, Summary, summarize
from bench.scenarios import (
    PG_ADMIN_URL,
    SECRET,
    WORKING_GROUP,
    BenchStandIn,
    MonthFigures,
    Plan,
    Progress,
    RushFigures,
    acked,
    back_to_back,
    database,
    form_plan,
    list_plan,
    meeting_call,
    month_first_day,
    needs_titled,
    open_form,
    people,
    progress,
    replay,
    rsvp_answers,
    rsvp_plan,
    start_procfile,
    start_served_bot,
    training_rush,
    wait_settled,
)
from bench.servers import Served, machine, postgres_version, start_bare
from tests.harness import COORDINATOR

P50_RATIO = 1.25
P99_RATIO = 1.5
QUICK_P99_MS = 250.0  # clicks and lists
SLOW_P99_MS = 500.0  # form submissions and the rush
ACK_MAX_MS = 3000.0
RUSH_WINDOW_S = 10.0
PSS_MB = 150.0
STARTUP_S = 2.0
EXTRA_DELAY_S = 1.0


@dataclass
class Row:
    """One line of the table."""

    figure: str
    value: str
    bare: str = "–"
    ratio: str = "–"
    goal: str = "–"
    met: bool | None = None


def _ms(value: float) -> str:
    """Format milliseconds."""
    return "–" if math.isnan(value) else f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _ratio(value: float, bare: float) -> str:
    """Format the ratio of the bot's figure to the bare app's."""
    return "–" if not bare or math.isnan(value) or math.isnan(bare) else f"{value / bare:.2f}×"


def _mark(met: bool | None) -> str:
    """Format whether a goal is met."""
    return {True: "yes", False: "NO", None: "–"}[met]


def month_rows(label: str, month: MonthFigures) -> list[Row]:
    """Rows for the month's first day."""
    return [
        Row(
            f"{label}: first day, call + reminders posted",
            f"{month.posted} of {month.expected} (doubled {month.doubled}, unsent {month.unsent})",
            goal="all, once",
            met=month.posted == month.expected and month.doubled == 0 and month.unsent == 0,
        ),
        Row(
            f"{label}: first day, 429 answers from Slack",
            str(month.rate_limited),
            goal="retried, never lost",
            met=month.unsent == 0,
        ),
        Row(
            f"{label}: first day, first to last post",
            f"{month.makespan:.2f} s (first {month.first_post_after_start:.1f} s after start)",
            goal=f"≈ forced by 1 msg/s/channel: {month.forced_makespan:.2f} s",
            met=month.makespan <= month.forced_makespan + EXTRA_DELAY_S,
        ),
        Row(
            f"{label}: first day, longest delay beyond the limit",
            f"{month.max_extra_delay:.2f} s",
            goal=f"≤ {EXTRA_DELAY_S:.0f} s",
            met=month.max_extra_delay <= EXTRA_DELAY_S,
        ),
    ]


def memory_rows(label: str, when: str, bot: Served, bare: Served, what: str = "serve") -> list[Row]:
    """Rows for the memory of gunicorn's master and worker(s) against the bare app.

    Workers are forked from the master, so their RSS share pages; PSS counts a shared page
    once, split between the processes, and is what they take together.
    """
    total, bare_total = bot.pss_mb(), bare.pss_mb()
    return [
        Row(
            f"{label}: memory of {what} {when}: PSS, all processes (RSS workers, master)",
            f"{total:.0f} MB ({bot.worker_rss_mb():.0f}, {bot.master_rss_mb():.0f} MB)",
            f"{bare_total:.0f} MB ({bare.worker_rss_mb():.0f}, {bare.master_rss_mb():.0f} MB)",
            _ratio(total, bare_total),
            f"< {PSS_MB:.0f} MB",
            total < PSS_MB,
        )
    ]


def startup_row(label: str, seconds: float, bare: Served | None) -> Row:
    """A row for the start-up time to a healthy /healthz."""
    base = bare.startup_seconds if bare is not None else math.nan
    return Row(
        label,
        f"{seconds:.2f} s",
        "–" if math.isnan(base) else f"{base:.2f} s",
        _ratio(seconds, base),
        f"< {STARTUP_S:.0f} s",
        seconds < STARTUP_S,
    )


def print_table(rows: list[Row]) -> None:
    """Print the rows as a Markdown table."""
    header = ["Figure", "Value", "Bare Bolt app", "Ratio", "Goal", "Met?"]
    cells = [[r.figure, r.value, r.bare, r.ratio, r.goal, _mark(r.met)] for r in rows]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    for line in [header, ["-" * w for w in widths], *cells]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")


LOADS = {
    "lista": ("/behov lista", QUICK_P99_MS),
    "rsvp": ("RSVP presses on one call", QUICK_P99_MS),
    "form": ("need form submissions", SLOW_P99_MS),
}


def load_row(
    figure: str, bot: Summary, bare: Summary, p99_goal: float, cpu: tuple[float, float]
) -> Row:
    """A row for one load's ack latency against the bare app's under the same load.

    cpu: the CPU time the bot's and the bare app's processes used per request (ms), the
    bot's work after the acks included.
    """
    met = (
        bot.failed == 0
        and bot.p50_ms <= P50_RATIO * bare.p50_ms
        and bot.p99_ms <= P99_RATIO * bare.p99_ms
        and bot.p99_ms < p99_goal
        and bot.max_ms < ACK_MAX_MS
    )
    failed = f"; {bot.failed} of {bot.count} not acked" if bot.failed else ""
    return Row(
        f"{figure}: ack p50 / p99 (max); CPU per request",
        f"{_ms(bot.p50_ms)} / {_ms(bot.p99_ms)} ({_ms(bot.max_ms)}); CPU {cpu[0]:.1f} ms{failed}",
        f"{_ms(bare.p50_ms)} / {_ms(bare.p99_ms)} ({_ms(bare.max_ms)}); CPU {cpu[1]:.1f} ms",
        f"{_ratio(bot.p50_ms, bare.p50_ms)} / {_ratio(bot.p99_ms, bare.p99_ms)}",
        f"≤ {P50_RATIO}× / {P99_RATIO}×; p99 < {p99_goal:.0f} ms; max < {ACK_MAX_MS / 1000:.0f} s",
        met,
    )


def rush_rows(label: str, rush: RushFigures, bare: Summary, cpu: tuple[float, float]) -> list[Row]:
    """Rows for the training rush: its acks against the bare app's, and the answers stored."""
    whole = rush.stored == rush.people and rush.doubled == 0 and rush.lost == 0
    figure = f"{label}, training rush, {rush.people} people ({rush.acks.count} requests)"
    return [
        load_row(figure, rush.acks, bare, SLOW_P99_MS, cpu),
        Row(
            f"{label}, training rush: answers stored; forms opened (p99 press → open)",
            f"{rush.stored} of {rush.people} (doubled {rush.doubled}, lost {rush.lost}, "
            f"changed {rush.wrong}); {rush.forms_opened} opened ({_ms(rush.open_p99_ms)})",
            goal=f"{rush.people}, none doubled or lost; all opened",
            met=whole and rush.wrong == 0 and rush.forms_opened == rush.people,
        ),
        Row(
            f"{label}, training rush: last answer stored after",
            f"{rush.span_seconds:.1f} s",
            goal=f"≤ {RUSH_WINDOW_S:.0f} s",
            met=0 < rush.span_seconds <= RUSH_WINDOW_S,
        ),
    ]


@dataclass
class Setup:
    """What every phase of one backend shares: the people, their forms and the meeting's call."""

    users: list[str]
    forms: dict[str, dict[str, Any]]
    call: dict[str, Any]


def per_request_ms(cpu_before: float, served: Served, requests: int) -> float:
    """Return the CPU time served used since cpu_before, per request, in ms."""
    return (served.cpu_seconds() - cpu_before) * 1000 / max(1, requests)


@dataclass(frozen=True)
class Outcome:
    """One load's samples from the bot and the bare app, and what the bot did after its acks."""

    bot: list[Sample]
    bare: list[Sample]
    cpu: tuple[float, float]  # CPU ms per request: the bot (work after the acks included), bare
    done: Progress


def run_load(plan: Plan, standin: BenchStandIn, served: Served, bare: Served) -> Outcome:
    """Send a plan to the bare app, then to the bot; wait until the bot's work is done."""
    cpu = bare.cpu_seconds()
    bare_samples = back_to_back(bare.url, plan)
    bare_cpu = per_request_ms(cpu, bare, plan.count)
    before, cpu = progress(standin), served.cpu_seconds()
    bot_samples = back_to_back(served.url, plan)
    done = wait_settled(standin, before, plan, bot_samples)
    return Outcome(
        bot_samples, bare_samples, (per_request_ms(cpu, served, plan.count), bare_cpu), done
    )


def measure(
    label: str,
    args: argparse.Namespace,
    standin: BenchStandIn,
    url: str,
    served: Served,
    bare: Served,
    setup: Setup,
) -> list[Row]:
    """Run the loads against the bot and the bare app; check what the bot stored."""
    tag = "".join(word[0] for word in label.split()).upper()
    warm: list[Plan] = [
        list_plan(standin, setup.users, 1),
        rsvp_plan(standin, setup.call, setup.users, 1).plan,
        form_plan(setup.forms, 1, tag + "W"),
    ]
    print(f"[{label}] warm-up", flush=True)
    for plan in warm:
        run_load(plan, standin, served, bare)
    rows: list[Row] = []
    per = args.requests
    rsvp = rsvp_plan(standin, setup.call, setup.users, per)
    lists = list_plan(standin, setup.users, per)
    forms = form_plan(setup.forms, per, tag)

    def lists_answered(outcome: Outcome) -> list[Row]:
        """Every list answered once, through its response URL."""
        answered = outcome.done.responses
        return [
            Row(
                f"{label}, /behov lista: lists answered",
                f"{answered} of {lists.count}",
                goal="all, once",
                met=answered == lists.count,
            )
        ]

    def rsvp_stored(outcome: Outcome) -> list[Row]:
        """One answer per person, none doubled or lost, and whether it is their last press."""
        stored = rsvp_answers(url)
        doubled = sum(len(found) - 1 for found in stored.values() if len(found) > 1)
        lost = sum(1 for user in rsvp.last if user not in stored)
        older = sum(1 for user, last in rsvp.last.items() if stored.get(user, [last]) != [last])
        return [
            Row(
                f"{label}, RSVP: answers stored",
                f"{len(stored)} of {len(rsvp.last)} (doubled {doubled}, lost {lost})",
                goal="one each",
                met=len(stored) == len(rsvp.last) and doubled == 0 and lost == 0,
            ),
            Row(
                f"{label}, RSVP: answers that are not the person's last press",
                f"{older} of {len(rsvp.last)}",
                goal="none",
                met=older == 0,
            ),
        ]

    def needs_stored(outcome: Outcome) -> list[Row]:
        """Each need submitted stored once."""
        stored = needs_titled(url, tag)
        return [
            Row(
                f"{label}, need form: needs stored",
                f"{stored} of {forms.count}",
                goal="each once",
                met=stored == forms.count,
            )
        ]

    plans: list[tuple[Plan, Callable[[Outcome], list[Row]]]] = [
        (lists, lists_answered),
        (rsvp.plan, rsvp_stored),
        (forms, needs_stored),
    ]
    users = len(setup.users)
    for plan, check in plans:
        name, p99_goal = LOADS[plan.kind]
        print(f"[{label}] {name}", flush=True)
        outcome = run_load(plan, standin, served, bare)
        figure = f"{label}, {name}, {users} users × {per} back to back"
        bot_acks, bare_acks = summarize(outcome.bot, acked), summarize(outcome.bare, acked)
        rows.append(load_row(figure, bot_acks, bare_acks, p99_goal, outcome.cpu))
        rows += check(outcome)
    print(f"[{label}] training rush: {args.rush} people", flush=True)
    cpu = served.cpu_seconds()
    rush = training_rush(served, standin, url, count=args.rush, window=args.window)
    bot_cpu = per_request_ms(cpu, served, rush.acks.count)
    cpu = bare.cpu_seconds()
    bare_rush = summarize(replay(bare.url, rush.sent))
    bare_cpu = per_request_ms(cpu, bare, bare_rush.count)
    rows += rush_rows(label, rush, bare_rush, (bot_cpu, bare_cpu))
    for problem in rush.problems[:5]:
        print(f"  rush problem: {problem}", flush=True)
    return rows


def run_backend(
    backend: str, args: argparse.Namespace, standin: BenchStandIn, workdir: Path, rows: list[Row]
) -> None:
    """Run the loads on one database backend with one worker and with two; then the first day.

    The rows are added to as the figures come, so that a failure keeps those before it.
    """
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[backend]
    with database(backend, workdir) as url:
        seen = len(standin.messages.get(WORKING_GROUP, []))
        for workers in args.workers:
            label = f"{name}, {workers} worker{'s' if workers > 1 else ''}"
            bare = start_bare(SECRET, standin.api_url, workdir, workers=workers)
            if workers == 1:
                served = start_served_bot(standin, url, workdir, f"bot-{backend}", args.extra_env)
                what = "serve"
            else:
                served = start_procfile(standin, url, workdir, args.extra_env)
                what = f"Procfile web ({workers} workers)"
            try:
                if workers == args.workers[0]:
                    rows.append(
                        startup_row(
                            f"{label}: start-up to healthy /healthz, new database",
                            served.startup_seconds,
                            bare,
                        )
                    )
                    users = people(args.users, "B")
                    for user, email in users:
                        standin.add_user(user, email)
                    standin.add_user(COORDINATOR, "ledare@lansstyrelsen.se")
                    setup = Setup(
                        [user for user, _ in users],
                        {user: open_form(served, standin, "/behov", user) for user, _ in users},
                        meeting_call(standin, seen),
                    )
                rows += memory_rows(label, "after start", served, bare, what)
                rows += measure(label, args, standin, url, served, bare, setup)
                rows += memory_rows(label, "after the loads", served, bare, what)
            finally:
                served.stop()
                bare.stop()
        restarted = start_served_bot(
            standin, url, workdir, f"bot-{backend}-restart", args.extra_env
        )
        restarted.stop()
        rows.append(
            startup_row(
                f"{name}: start-up to healthy /healthz, restart", restarted.startup_seconds, None
            )
        )
    if not args.skip_month:
        print(f"[{name}] month's first day", flush=True)
        with database(backend, workdir) as url:
            rows += month_rows(name, month_first_day(standin, url, workdir, env=args.extra_env))


def compile_project() -> None:
    """Byte-compile the bot's packages, as installing it does, so start-up is not compiling.

    An editable install leaves them uncompiled and PYTHONDONTWRITEBYTECODE (set on this
    machine) keeps Python from caching them, so every process would compile them afresh.
    """
    root = Path(__file__).resolve().parent.parent
    for package in ("bot", "commands", "storage"):
        compileall.compile_dir(root / package, quiet=1)


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="sqlite, postgresql or both (both)"
    )
    parser.add_argument(
        "--workers", default="1,2", help="gunicorn workers: 1 (serve), 2 (Procfile web) (1,2)"
    )
    parser.add_argument("--users", type=int, default=16, help="concurrent users (16)")
    parser.add_argument("--requests", type=int, default=20, help="requests per user per load (20)")
    parser.add_argument("--rush", type=int, default=300, help="people in the training rush (300)")
    parser.add_argument("--window", type=float, default=7.0, help="s over which they press (7)")
    parser.add_argument("--skip-month", action="store_true", help="leave out the month's first day")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: SQLite, 3 requests per user, a rush of 30 in 2 s, no first day",
    )
    parser.add_argument(
        "--bot-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the bot's processes, e.g. MALLOC_ARENA_MAX=2",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.backends, args.requests, args.rush, args.window = "sqlite", 3, 30, 2.0
        args.skip_month = True
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    args.workers = [int(w) for w in args.workers.split(",") if w.strip()]
    args.extra_env = dict(item.split("=", 1) for item in args.bot_env)
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table; exit 1 when a goal is missed."""
    args = parse(argv)
    backends = args.backends
    if "postgresql" in backends and postgres_version(PG_ADMIN_URL) is None:
        print(f"PostgreSQL is not reachable at {PG_ADMIN_URL}; SQLite only.", flush=True)
        backends.remove("postgresql")
    began = time.monotonic()
    compile_project()
    about = machine(PG_ADMIN_URL)
    rows: list[Row] = []
    standin = BenchStandIn()
    standin.start()
    try:
        with tempfile.TemporaryDirectory(prefix="samverkan-bench-") as tmp:
            for backend in backends:
                try:
                    run_backend(backend, args, standin, Path(tmp), rows)
                except Exception as exc:  # reported in the table; the next backend still runs
                    traceback.print_exc()
                    rows.append(Row(f"{backend}: the run stopped", repr(exc)[:200], met=False))
    finally:
        standin.stop()

    print()
    print("Machine:")
    for name, value in about:
        print(f"- {name}: {value}")
    command = " ".join(["python -m bench.run", *(argv if argv is not None else sys.argv[1:])])
    print(f"- Command: `{command}` ({time.monotonic() - began:.0f} s)")
    print()
    print_table(rows)
    if standin.violations:
        print(f"\nStand-in contract breaches: {len(standin.violations)}")
        for violation in standin.violations[:5]:
            print(f"- {violation[:300]}")
    missed = [row for row in rows if row.met is False]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} rows meet their goal or have none.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
