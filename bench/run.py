"""Run every benchmark and print one table: figure, value, bare Bolt app, ratio, goal, met?

    .venv/bin/python -m bench.run                   # SQLite, and PostgreSQL when reachable
    .venv/bin/python -m bench.run --backends sqlite --requests 10 --rush 100   # quicker

The bot is started as an operator starts it (`python -m bot serve`: gunicorn, one worker,
eight threads, the scheduler in-process), the bare Bolt app the same way under gunicorn,
and both answer signed HTTP requests from 16 concurrent users; the Slack Web API is the
tests' stand-in on 127.0.0.1. PostgreSQL is reached at TEST_POSTGRES_URL (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); each run uses a fresh database.
"""

from __future__ import annotations

import argparse
import compileall
import math
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import Summary
from bench.scenarios import (
    PG_ADMIN_URL,
    SECRET,
    AckFigures,
    AckPlan,
    BenchStandIn,
    Load,
    MonthFigures,
    RushFigures,
    ack_figures,
    ack_latency,
    ack_plan,
    acked,
    database,
    month_first_day,
    needs_stored,
    open_form,
    people,
    start_procfile,
    start_served_bot,
    training_rush,
    wait_settled,
)
from bench.servers import Served, machine, postgres_version, start_bare
from tests.harness import COORDINATOR

ACK_RATIO = 1.25
ACK_P99_MS = 250.0
RUSH_ACK_MAX_MS = 3000.0
RUSH_P99_MS = 500.0
RUSH_WINDOW_S = 10.0
RSS_MB = 150.0
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


def ack_rows(label: str, mode: str, bot: AckFigures, bare: AckFigures) -> list[Row]:
    """Rows for the ack latency of the bot against the bare app under one kind of load."""
    rows: list[Row] = []
    kinds: list[tuple[str, Summary, Summary]] = [
        ("/behov lista", bot.lista, bare.lista),
        ("need form", bot.submit, bare.submit),
        ("all", bot.overall, bare.overall),
    ]
    for name, mine, theirs in kinds:
        met = (
            mine.p50_ms <= ACK_RATIO * theirs.p50_ms
            and mine.p99_ms <= ACK_RATIO * theirs.p99_ms
            and mine.p99_ms < ACK_P99_MS
        )
        rows.append(
            Row(
                f"{label}, {mode}: ack p50 / p99, {name}",
                f"{_ms(mine.p50_ms)} / {_ms(mine.p99_ms)}",
                f"{_ms(theirs.p50_ms)} / {_ms(theirs.p99_ms)}",
                f"{_ratio(mine.p50_ms, theirs.p50_ms)} / {_ratio(mine.p99_ms, theirs.p99_ms)}",
                f"≤ {ACK_RATIO}× bare; p99 < {ACK_P99_MS:.0f} ms",
                met,
            )
        )
    rows.append(
        Row(
            f"{label}, {mode}: requests/s; not acked plainly",
            f"{bot.overall.per_second:.0f}/s; {bot.overall.failed} of {bot.overall.count}",
            f"{bare.overall.per_second:.0f}/s; {bare.overall.failed} of {bare.overall.count}",
            _ratio(bot.overall.per_second, bare.overall.per_second),
            "none failed",
            bot.overall.failed == 0,
        )
    )
    return rows


def rush_rows(label: str, rush: RushFigures) -> list[Row]:
    """Rows for the training rush."""
    whole = rush.stored == rush.people and rush.doubled == 0 and rush.lost == 0
    return [
        Row(
            f"{label}: rush, answers stored",
            f"{rush.stored} of {rush.people} (doubled {rush.doubled}, lost {rush.lost}, "
            f"changed {rush.wrong})",
            goal=f"{rush.people}, none doubled or lost",
            met=whole and rush.wrong == 0,
        ),
        Row(
            f"{label}: rush, slowest ack",
            _ms(rush.acks.max_ms),
            goal=f"< {RUSH_ACK_MAX_MS / 1000:.0f} s",
            met=rush.acks.max_ms < RUSH_ACK_MAX_MS and rush.acks.failed == 0,
        ),
        Row(
            f"{label}: rush, ack p50 / p99 ({rush.acks.count} requests)",
            f"{_ms(rush.acks.p50_ms)} / {_ms(rush.acks.p99_ms)}",
            goal=f"p99 < {RUSH_P99_MS:.0f} ms",
            met=rush.acks.p99_ms < RUSH_P99_MS,
        ),
        Row(
            f"{label}: rush, forms opened (p99 press → form open)",
            f"{rush.forms_opened} of {rush.people} ({_ms(rush.open_p99_ms)})",
            goal="all, inside Slack's 3 s trigger",
            met=rush.forms_opened == rush.people,
        ),
        Row(
            f"{label}: rush, last answer stored after",
            f"{rush.span_seconds:.1f} s",
            goal=f"≤ {RUSH_WINDOW_S:.0f} s",
            met=0 < rush.span_seconds <= RUSH_WINDOW_S,
        ),
    ]


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
            f"< {RSS_MB:.0f} MB",
            total < RSS_MB,
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


def ack_phase(
    label: str,
    mode: str,
    plan: AckPlan,
    load: Load,
    standin: BenchStandIn,
    served: Served,
    bare: Served,
) -> list[Row]:
    """Send the plan to the bare app, then to the bot; wait until the bot's work is done."""
    print(f"[{label}] ack latency, {mode}", flush=True)
    bare_samples = ack_latency(bare.url, plan, load)
    posted, answered = standin.posted, len(standin.responses)
    bot_samples = ack_latency(served.url, plan, load)
    submitted = sum(1 for s in bot_samples if s.kind == "submit" and acked(s))
    listed = sum(1 for s in bot_samples if s.kind == "lista" and acked(s))
    wait_settled(standin, posted + 2 * submitted, answered + listed)
    return ack_rows(label, mode, ack_figures(bot_samples), ack_figures(bare_samples))


def procfile_phase(
    label: str,
    args: argparse.Namespace,
    standin: BenchStandIn,
    url: str,
    forms: dict[str, dict[str, Any]],
    workdir: Path,
) -> list[Row]:
    """Measure the Procfile's web process (two workers) against a bare app with two workers."""
    web = start_procfile(standin, url, workdir, args.extra_env)
    bare = start_bare(SECRET, standin.api_url, workdir, workers=2)
    rows: list[Row] = []
    try:
        name = f"{label}, Procfile web (2 workers)"
        tag = "PW"
        burst = ack_plan(standin, forms, args.bursts, tag + "B")
        saturation = ack_plan(standin, forms, args.saturation, tag + "S")
        ack_phase(
            name, "warm-up", ack_plan(standin, forms, 2, tag + "W"), Load(), standin, web, bare
        )
        together = Load((args.gap, args.gap), together=True)
        rows += ack_phase(name, f"burst, {args.users} at once", burst, together, standin, web, bare)
        rows += ack_phase(
            name,
            f"saturation, {args.users} users",
            saturation,
            Load(together=True),
            standin,
            web,
            bare,
        )
        rows += memory_rows(name, "after the benchmarks", web, bare, "web")
    finally:
        web.stop()
        bare.stop()
    return rows


def run_backend(
    backend: str,
    args: argparse.Namespace,
    standin: BenchStandIn,
    bare: Served,
    workdir: Path,
) -> list[Row]:
    """Run the HTTP benchmarks and the month's first day on one database backend."""
    label = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[backend]
    rows: list[Row] = []
    with database(backend, workdir) as url:
        served = start_served_bot(standin, url, workdir, f"bot-{backend}", args.extra_env)
        try:
            rows.append(
                startup_row(
                    f"{label}: start-up to healthy /healthz, new database",
                    served.startup_seconds,
                    bare,
                )
            )
            rows += memory_rows(label, "after start", served, bare)
            users = people(args.users, "B")
            for user, email in users:
                standin.add_user(user, email)
            forms = {user: open_form(served, standin, "/behov", user) for user, _ in users}
            tag = backend[:2].upper()
            plans = [
                ack_plan(standin, forms, 2, tag + "W"),
                ack_plan(standin, forms, args.requests, tag + "C"),
                ack_plan(standin, forms, args.bursts, tag + "B"),
                ack_plan(standin, forms, args.saturation, tag + "S"),
            ]
            pauses = (args.pause_min, args.pause_max)
            n = args.users
            modes = [
                ("warm-up", Load()),
                (f"crowd, {n} users pausing {pauses[0]:g}–{pauses[1]:g} s", Load(pauses)),
                (f"burst, {n} users pressing at once", Load((args.gap, args.gap), together=True)),
                (f"saturation, {n} users, no pauses", Load(together=True)),
            ]
            for (mode, load), plan in zip(modes, plans, strict=True):
                found = ack_phase(label, mode, plan, load, standin, served, bare)
                rows += found if plan is not plans[0] else []
            stored = needs_stored(url)
            expected = sum(plan.submissions for plan in plans)
            rows.append(
                Row(
                    f"{label}: needs stored after the submissions",
                    f"{stored} of {expected}",
                    goal="each once",
                    met=stored == expected,
                )
            )
            print(f"[{label}] training rush: {args.rush} people", flush=True)
            standin.add_user(COORDINATOR, "ledare@lansstyrelsen.se")
            rush = training_rush(served, standin, url, count=args.rush, window=args.window)
            rows += rush_rows(label, rush)
            for problem in rush.problems[:5]:
                print(f"  rush problem: {problem}", flush=True)
            rows += memory_rows(label, "after the benchmarks", served, bare)
        finally:
            served.stop()
        if backend in args.procfile:
            rows += procfile_phase(label, args, standin, url, forms, workdir)
        restarted = start_served_bot(
            standin, url, workdir, f"bot-{backend}-restart", args.extra_env
        )
        restarted.stop()
        rows.append(
            startup_row(
                f"{label}: start-up to healthy /healthz, restart", restarted.startup_seconds, None
            )
        )
    print(f"[{label}] month's first day", flush=True)
    with database(backend, workdir) as url:
        rows += month_rows(label, month_first_day(standin, url, workdir, env=args.extra_env))
    return rows


def compile_project() -> None:
    """Byte-compile the bot's packages, as installing it does, so start-up is not compiling.

    An editable install leaves them uncompiled and PYTHONDONTWRITEBYTECODE (set on this
    machine) keeps Python from caching them, so every process would compile them afresh.
    """
    root = Path(__file__).resolve().parent.parent
    for package in ("bot", "commands", "storage"):
        compileall.compile_dir(root / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="sqlite, postgresql or both (both)"
    )
    parser.add_argument("--users", type=int, default=16, help="concurrent users (16)")
    parser.add_argument("--requests", type=int, default=20, help="per user, crowd (20)")
    parser.add_argument("--bursts", type=int, default=10, help="rounds of 16 at once (10)")
    parser.add_argument("--gap", type=float, default=0.5, help="s between bursts (0.5)")
    parser.add_argument("--pause-min", type=float, default=0.25, help="crowd pause, s (0.25)")
    parser.add_argument("--pause-max", type=float, default=1.0, help="crowd pause, s (1)")
    parser.add_argument("--saturation", type=int, default=20, help="per user, no pauses (20)")
    parser.add_argument("--rush", type=int, default=300, help="people in the training rush (300)")
    parser.add_argument("--window", type=float, default=7.0, help="s over which they press (7)")
    parser.add_argument(
        "--procfile-backends",
        default="postgresql",
        help="backends on which to also measure the Procfile's web process (postgresql)",
    )
    parser.add_argument(
        "--bot-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the bot's processes, e.g. MALLOC_ARENA_MAX=2",
    )
    args = parser.parse_args(argv)

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    args.extra_env = dict(item.split("=", 1) for item in args.bot_env)
    args.procfile = [b.strip() for b in args.procfile_backends.split(",") if b.strip()]
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
            workdir = Path(tmp)
            bare = start_bare(SECRET, standin.api_url, workdir)
            try:
                for backend in backends:
                    rows += run_backend(backend, args, standin, bare, workdir)
            finally:
                bare.stop()
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
