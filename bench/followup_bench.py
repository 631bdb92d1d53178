"""Time the status summary and the export on five years of a busy collaboration.

The database is filled one year at a time (20 organisations; per year 2,000 needs,
600 trainings, 20,000 evaluation answers, 60 meetings, and indicator values), and after
each year the summary and the export are timed, so that the growth from one to five
years shows. The goal is under one second each for five years.

    .venv/bin/python bench/followup_bench.py                       # SQLite in a temp dir
    .venv/bin/python bench/followup_bench.py --database postgresql+psycopg://postgres@127.0.0.1/bench
    .venv/bin/python bench/followup_bench.py --charts               # also time the charts

A PostgreSQL database given with --database must exist and be empty.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from bot.config import parse_config
from bot.domain.charts import summary_charts
from bot.domain.export import xlsx_bytes
from bot.domain.indicators import BUILT_IN_INDICATORS, COUNTY, parse_period
from bot.domain.organizations import BUILT_IN
from bot.texts import Texts
from storage.db import Database
from storage.directory import sync_organizations
from storage.export import export_sheets
from storage.migrate import upgrade
from storage.models import (
    Attendance,
    EvaluationView,
    IndicatorValue,
    Meeting,
    MeetingSeries,
    Need,
    NeedEvent,
    SurveyResponse,
    Training,
)
from storage.summary import build_summary

START = datetime(2022, 1, 1, 8, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
NEEDS_PER_YEAR = 2000
TRAININGS_PER_YEAR = 600
ANSWERS_PER_YEAR = 20000
STATUSES = ["new", "taken_up", "planned", "done", "declined", "withdrawn"]
WEIGHTS = [10, 10, 15, 50, 10, 5]
SUBJECTS = ["drug_signs", "narcotics", "welfare_crime", "other"]
ORGS = [o.id for o in BUILT_IN]
MUNICIPALITIES = [o.id for o in BUILT_IN if o.kind == "municipality"]
CONFIG = parse_config({"collaboration": {"name": "Gävleborg mot narkotika"}})
TZ = CONFIG.collaboration.tz
GOAL_SECONDS = 1.0


def _series(db: Database) -> dict[str, int]:
    """Create the three meeting series and return their ids by kind."""
    ids: dict[str, int] = {}
    with db.transaction() as session:
        for kind, title in (
            ("working_group", "Arbetsgruppsmöte"),
            ("planning", "Planeringsmöte"),
            ("owners", "Ägarmöte"),
        ):
            row = MeetingSeries(
                key=f"bench:{kind}",
                source="config",
                kind=kind,
                title=title,
                rrule="FREQ=MONTHLY",
                start_local=datetime(2022, 1, 1, 9, 0),
                duration_s=7200,
                location="",
                call_before_s=7 * 86400,
                reminder_before_s=86400,
                summary_before_s=14 * 86400 if kind == "owners" else None,
                skip_months=[],
                on_holiday="next_weekday",
                agenda=[],
                paused=False,
                edited_in_slack=False,
                created_at=START,
                updated_at=START,
            )
            session.add(row)
            session.flush()
            ids[kind] = row.id
    return ids


def fill_year(db: Database, year: int, series: dict[str, int], rng: random.Random) -> None:
    """Add one year of a busy collaboration, in bulk inserts."""
    begin = START + year * YEAR
    with db.transaction() as session:
        first_need = (session.query(Need.id).order_by(Need.id.desc()).limit(1).scalar() or 0) + 1
        needs: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for index in range(NEEDS_PER_YEAR):
            created = begin + timedelta(seconds=rng.randrange(int(YEAR.total_seconds())))
            status = rng.choices(STATUSES, WEIGHTS)[0]
            need_id = first_need + index
            needs.append(
                {
                    "id": need_id,
                    "organization_id": rng.choice(ORGS),
                    "title": f"Behov {need_id}: utbildning om drogtecken",
                    "description": "Beskrivning av behovet. " * 5,
                    "focus_area": rng.choice(["training", "information", "collaboration"]),
                    "municipalities": rng.sample(MUNICIPALITIES, rng.randrange(3)),
                    "urgency": "normal",
                    "support": ["training"],
                    "status": status,
                    "submitted_by": "U0ANNA001",
                    "created_at": created,
                    "updated_at": created + timedelta(days=20),
                }
            )
            events.append(
                {
                    "need_id": need_id,
                    "at": created,
                    "actor": "U0ANNA001",
                    "action": "created",
                    "to_status": "new",
                    "note": "",
                }
            )
            if status != "new":
                events.append(
                    {
                        "need_id": need_id,
                        "at": created + timedelta(days=20),
                        "actor": "U0LEDARE1",
                        "action": "moved",
                        "from_status": "new",
                        "to_status": status,
                        "note": "",
                    }
                )
        session.execute(insert(Need), needs)
        session.execute(insert(NeedEvent), events)

        first_training = (
            session.query(Training.id).order_by(Training.id.desc()).limit(1).scalar() or 0
        ) + 1
        trainings: list[dict[str, Any]] = []
        for index in range(TRAININGS_PER_YEAR):
            starts = begin + timedelta(seconds=rng.randrange(int(YEAR.total_seconds())))
            reported = index % 3 == 0
            trainings.append(
                {
                    "id": first_training + index,
                    "origin": "reported" if reported else "registered",
                    "title": f"Utbildning {first_training + index}",
                    "subject": rng.choice(SUBJECTS),
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=3),
                    "organizer_id": rng.choice(ORGS),
                    "target_organizations": [],
                    "expected_participants": None if reported else 50,
                    "reported_participants": rng.randrange(5, 60) if reported else None,
                    "place": "",
                    "evaluation_channel": None if reported else "C0ARBETS1",
                    "evaluation_participants": [],
                    "created_at": starts,
                    "updated_at": starts,
                    "evaluation_opened_at": None if reported else starts + timedelta(hours=3),
                }
            )
        session.execute(insert(Training), trainings)
        evaluated = [t["id"] for t in trainings if t["origin"] == "registered"]
        per_training = ANSWERS_PER_YEAR // len(evaluated)
        answers: list[dict[str, Any]] = []
        views: list[dict[str, Any]] = []
        for training_id in evaluated:
            first = len(answers)
            for number in range(per_training):
                before = rng.randint(1, 4)
                answers.append(
                    {
                        "training_id": training_id,
                        "key": f"{training_id}-{number}",
                        "knowledge_before": before,
                        "knowledge_after": min(5, before + rng.randint(0, 2)),
                        "will_use": "",
                        "was_missing": "",
                        "answered_on": date(2022 + year, 6, 1),
                    }
                )
            held = answers[first:]
            views.append(  # the final view the evaluation closed with
                {
                    "training_id": training_id,
                    "number": 1,
                    "kind": "final",
                    "shown_on": date(2022 + year, 6, 15),
                    "current": True,
                    "answer_count": len(held),
                    "sum_before": sum(a["knowledge_before"] for a in held),
                    "sum_after": sum(a["knowledge_after"] for a in held),
                    "answered_from": date(2022 + year, 6, 1),
                    "content": sorted(
                        [a["knowledge_before"], a["knowledge_after"], "", ""] for a in held
                    ),
                }
            )
        session.execute(insert(SurveyResponse), answers)
        session.execute(insert(EvaluationView), views)

        kinds = ["working_group"] * 12 + ["planning"] * 46 + ["owners"] * 2
        for number, kind in enumerate(kinds):
            start = begin + timedelta(days=6 * number + 1)
            meeting = Meeting(
                series_id=series[kind],
                rule_key=f"{year}-{number}",
                start=start,
                end=start + timedelta(hours=2),
                location="",
                status="held",
                manual=False,
                revision=0,
                created_at=start,
                updated_at=start,
            )
            session.add(meeting)
            session.flush()
            if kind == "working_group":
                session.execute(
                    insert(Attendance),
                    [
                        {
                            "meeting_id": meeting.id,
                            "organization_id": org,
                            "source": "answers",
                            "recorded_at": start,
                        }
                        for org in rng.sample(ORGS, rng.randrange(10, 20))
                    ],
                )

        values: list[dict[str, Any]] = []
        for indicator in BUILT_IN_INDICATORS:
            places = [COUNTY] if indicator.county_only else [COUNTY, "gavle", "sandviken"]
            for place in places:
                for quarter in range(1, 5):
                    period = parse_period(f"{2022 + year}-Q{quarter}")
                    assert period is not None
                    values.append(
                        {
                            "indicator_id": indicator.id,
                            "place": place,
                            "period_label": period.label,
                            "period_start": period.start,
                            "period_end": period.end,
                            "value": rng.uniform(1, 50),
                            "source": "Bench",
                            "note": "",
                            "recorded_by": "U0LEDARE1",
                            "recorded_at": begin,
                        }
                    )
        session.execute(insert(IndicatorValue), values)


def timed(work: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Return the median wall time and the median CPU time of work, in seconds.

    The CPU time shows what the work costs when the machine is busy with other things.
    """
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - began_cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    """Fill the database year by year and print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="an empty database URL (default: SQLite in a temp dir)")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--charts", action="store_true", help="also time drawing the charts")
    args = parser.parse_args()
    tr = Texts("sv")
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/bench.db"
        db = Database(url)
        upgrade(db.engine)
        with db.transaction() as session:
            sync_organizations(session, BUILT_IN)
        series = _series(db)
        rng = random.Random(20270104)
        print(f"database: {url.split('://')[0]}; goal: under {GOAL_SECONDS:.1f} s each")
        header = f"{'years':>5} {'needs':>7} {'trainings':>9} {'answers':>8} {'meetings':>8}"
        header += f" {'summary s (cpu)':>16} {'export s (cpu)':>15} {'xlsx kB':>8}"
        print(header + (f" {'charts s':>9}" if args.charts else ""))
        results: list[tuple[float, float]] = []
        for year in range(args.years):
            fill_year(db, year, series, rng)
            now = START + (year + 1) * YEAR

            def summary(now: datetime = now) -> object:
                """Compute the summary as of now."""
                with db.reading() as session:
                    return build_summary(session, CONFIG, tr, now)

            def export(now: datetime = now) -> bytes:
                """Write the export as of now."""
                with db.reading() as session:
                    return xlsx_bytes(export_sheets(session, CONFIG, tr, now))

            summary_s, summary_cpu = timed(summary)
            export_s, export_cpu = timed(export)
            size = len(export()) // 1024
            line = (
                f"{year + 1:>5} {NEEDS_PER_YEAR * (year + 1):>7} "
                f"{TRAININGS_PER_YEAR * (year + 1):>9} {ANSWERS_PER_YEAR * (year + 1):>8} "
                f"{60 * (year + 1):>8} {summary_s:>8.3f} ({summary_cpu:.3f})"
                f" {export_s:>7.3f} ({export_cpu:.3f}) {size:>8}"
            )
            if args.charts:
                built = summary()
                charts_s, _ = timed(lambda b=built: summary_charts(b, tr, TZ), 1)  # type: ignore[misc]
                line += f" {charts_s:>9.3f}"
            print(line, flush=True)
            results.append((summary_s, export_s))
        db.dispose()
    first, last = results[0], results[-1]
    print(
        f"growth from 1 to {args.years} years: summary ×{last[0] / first[0]:.1f}, "
        f"export ×{last[1] / first[1]:.1f} (wall time)"
    )
    slow = [name for name, s in zip(("summary", "export"), last, strict=True) if s >= GOAL_SECONDS]
    load = os.getloadavg()[0]
    print(f"load average now {load:.1f} on {os.cpu_count()} CPUs (wall time grows with it)")
    print("goal met" if not slow else f"goal missed on wall time: {', '.join(slow)}")
    return 0 if not slow else 1


if __name__ == "__main__":
    raise SystemExit(main())
