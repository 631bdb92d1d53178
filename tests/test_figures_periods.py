"""Indicator periods: one period per spelling, ordered lists, like-with-like trends, migration."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from alembic import command
from sqlalchemy import select, text

from bot.texts import Texts
from bot.texts import followup as t
from commands.edge.ids import Field
from storage.db import Database
from storage.migrate import alembic_config, upgrade
from storage.models import IndicatorValue
from tests.harness import ANNA, COORDINATOR, RunningBot, all_text

tr = Texts("sv")


def record(running: RunningBot, period: str, amount: str, number: int) -> str:
    """Record a CAN year-9 value for the county through the form; return the bot's answer."""
    before = len(running.standin.calls_to("views.open"))
    running.command("/samverkan", "indikator", COORDINATOR)
    running.standin.wait_for("views.open", before + 1)
    answers = {
        Field.INDICATOR_CHOICE: "can-ak9",
        Field.INDICATOR_PLACE: "county",
        Field.INDICATOR_PERIOD: period,
        Field.INDICATOR_AMOUNT: amount,
        Field.INDICATOR_SOURCE: "CAN",
    }
    running.submit(running.opened_view(), answers, COORDINATOR, view_id=f"VP{number}")
    calls = running.standin.wait_for(
        "chat.postMessage", number, where=lambda call: call.args["channel"] == COORDINATOR
    )
    return str(calls[number - 1].args["text"])


def in_force(running: RunningBot) -> list[tuple[str, float]]:
    with running.bot.db.reading() as session:
        rows = session.scalars(
            select(IndicatorValue)
            .where(IndicatorValue.replaced_at.is_(None))
            .order_by(IndicatorValue.id)
        ).all()
        return [(r.period_label, r.value) for r in rows]


def listing(running: RunningBot, number: int) -> dict[str, Any]:
    running.command("/samverkan", "indikator lista", ANNA)
    return running.standin.wait_for_response(number)[-1]


def test_a_second_spelling_of_the_same_half_year_corrects_the_value_and_keeps_it(
    running: RunningBot,
) -> None:
    saved = record(running, "VT2026", "8", 1)
    assert "2026-H1" in saved
    replaced = record(running, "2026-H1", "7", 2)
    assert replaced.startswith("Sparat: *" + tr(t.IND_CAN_YEAR9))
    assert "ersätter 8 (CAN," in replaced
    assert in_force(running) == [("2026-H1", 7.0)]
    with running.bot.db.reading() as session:
        assert session.scalar(select(IndicatorValue.value).where(IndicatorValue.id == 1)) == 8.0


def test_the_list_is_ordered_by_period_and_the_summary_compares_like_with_like(
    running: RunningBot,
) -> None:
    for number, (period, amount) in enumerate(
        [("2026-Q3", "5"), ("2025", "9"), ("HT2026", "6"), ("2026", "7"), ("2026-v12", "4")],
        start=1,
    ):
        record(running, period, amount, number)
    lines = all_text(listing(running, 1)["blocks"])
    order = [lines.index(f"· {p}:") for p in ("2026-H2", "2026", "2026-Q3", "2026-v12", "2025")]
    assert order == sorted(order)

    running.command("/samverkan", "status", ANNA)
    summary = all_text(running.standin.wait_for_response(2)[-1]["blocks"])
    # 2026-H2 ends last (with 2026, but it is shorter); no earlier half-year to compare with.
    assert "*6 %* (2026-H2) " + tr(t.INDICATOR_NO_LIKE, kind=tr(t.KIND_HALF)) in summary
    assert "första värdet" not in summary


def test_a_year_is_compared_with_the_year_before_and_both_are_named(running: RunningBot) -> None:
    record(running, "2025", "9", 1)
    record(running, "2026-Q1", "3", 2)
    record(running, "2026", "7", 3)
    running.command("/samverkan", "status", ANNA)
    summary = all_text(running.standin.wait_for_response(1)[-1]["blocks"])
    compared = tr(
        t.INDICATOR_COMPARED,
        arrow="↓",
        word=tr(t.TREND_DOWN),
        period="2026",
        previous="2025",
        value="9",
        unit="%",
        wanted=tr(t.WANTED_YES),
    )
    assert f"*7 %* (2026) {compared}" in summary


def test_the_migration_gives_stored_periods_one_spelling_and_keeps_the_newest_in_force(
    sqlite_url: str,
) -> None:
    database = Database(sqlite_url)
    config = alembic_config(sqlite_url)
    command.upgrade(config, "0005")
    command.upgrade(config, "0002")
    rows = [
        (1, "VT2026", date(2026, 1, 1), date(2026, 6, 30), 8.0, datetime(2026, 8, 1, tzinfo=UTC)),
        (2, "2026-H1", date(2026, 1, 1), date(2026, 6, 30), 7.0, datetime(2026, 9, 1, tzinfo=UTC)),
        (3, "HT2025", date(2025, 7, 1), date(2025, 12, 31), 9.0, datetime(2026, 2, 1, tzinfo=UTC)),
        (4, "2026-Q3", date(2026, 7, 1), date(2026, 9, 30), 6.0, datetime(2026, 10, 1, tzinfo=UTC)),
    ]
    with database.engine.begin() as connection:
        for ident, label, start, end, amount, at in rows:
            connection.execute(
                text(
                    "INSERT INTO indicator_values (id, indicator_id, place, period_label, "
                    "period_start, period_end, value, source, note, recorded_by, recorded_at) "
                    "VALUES (:id, 'can-ak9', 'county', :label, :start, :end, :value, 'CAN', '', "
                    "'U1', :at)"
                ),
                {
                    "id": ident,
                    "label": label,
                    "start": start,
                    "end": end,
                    "value": amount,
                    "at": at.isoformat(" "),
                },
            )
    upgrade(database.engine)
    with database.reading() as session:
        stored = session.scalars(select(IndicatorValue).order_by(IndicatorValue.id)).all()
        found = [(v.id, v.period_label, v.replaced_at is None) for v in stored]
        kept = stored[1]
        assert (kept.replaces_id, stored[0].replaced_by_id) == (1, 2)
    database.dispose()
    assert found == [
        (1, "2026-H1", False),
        (2, "2026-H1", True),
        (3, "2025-H2", True),
        (4, "2026-Q3", True),
    ]
