"""Actions, decisions and minutes end to end: signed requests and ticks in, Web API calls out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.texts import Texts
from bot.texts import actions as t
from commands.edge.ids import Action as ActionId
from commands.edge.ids import Field
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.models import Action, Minutes, Need, OutboxMessage
from storage.outbox import OutboxKey
from storage.summary import export_sheets
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    OWNER,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)
from tests.test_behov import submit_need
from tests.test_followup import open_home
from tests.test_meetings import CONFIG as MEETINGS_CONFIG
from tests.test_meetings import call_of, click, dms_to, meeting_id, posted, tick

tr = Texts("sv")
CONFIG: dict[str, Any] = {**MEETINGS_CONFIG, "actions": {"reminder_before": "7d"}}
WG_START = datetime(2027, 1, 12, 8, 0, tzinfo=UTC)  # 09:00 in Stockholm
CALL_TIME = WG_START - timedelta(days=7)
AFTER_MEETING = WG_START + timedelta(hours=3)
NINE = timedelta(hours=8)  # 09:00 in Stockholm in winter, as UTC
GAVLE_DUE = date(2027, 1, 25)  # a Monday: reminded Monday 18 January
CUSTOMS_DUE = date(2027, 2, 6)  # a Saturday: reminded Friday 29 January, overdue Monday 8 February


def at_nine(day: date) -> datetime:
    """Return 09:00 Stockholm time (winter) on day, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + NINE


@pytest.fixture
def bot(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """Serve the bot with the plan's meeting series and [actions], on SQLite."""
    running = RunningBot(standin, sqlite_url, now=NOW, config=CONFIG)
    yield running
    running.stop()


# ----------------------------------------------------------------------------- helpers


def need_of(running: RunningBot, need_id: int) -> Need:
    with running.bot.db.reading() as session:
        need = session.get(Need, need_id)
        assert need is not None
        return need


def actions(running: RunningBot) -> list[Action]:
    with running.bot.db.reading() as session:
        return list(session.scalars(select(Action).order_by(Action.id)))


def hold_meeting(running: RunningBot, answers: dict[str, str] | None = None) -> dict[str, Any]:
    """Post the January call, let people answer it, end the meeting; return the follow-up."""
    tick(running, CALL_TIME)
    call = call_of(running)
    for user, button in (answers or {ANNA: "meeting_rsvp_yes", BERIT: "meeting_rsvp_yes"}).items():
        click(running, call, button, user)
        running.listeners.wait_idle()
    tick(running, AFTER_MEETING)
    return posted(running, OutboxKey.meeting_followup(meeting_id(running)))


def open_minutes(running: RunningBot, followup: dict[str, Any]) -> dict[str, Any]:
    """Press Minnesanteckningar on the follow-up message; return the form."""
    before = len(running.standin.calls_to("views.open"))
    click(running, followup, ActionId.MINUTES_OPEN, COORDINATOR, channel=COORDINATOR_CHANNEL)
    running.standin.wait_for("views.open", before + 1)
    return running.opened_view()


def two_actions(need: int) -> dict[str, Any]:
    """Return the minutes form's answers: notes, decisions and two actions for two organisations."""
    return {
        f"{Field.MINUTES_NOTE}:0": "Gävle och Tullverket berättade om läget.",
        Field.MINUTES_DECISIONS: "Ta fram föräldramaterial\nBeslut om utbildning i hamnen",
        Field.MINUTES_ACTION1_TITLE: "Ta fram ett föräldramaterial om cannabis",
        Field.MINUTES_ACTION1_ORGANIZATIONS: ["gavle"],
        Field.MINUTES_ACTION1_DUE: GAVLE_DUE.isoformat(),
        Field.MINUTES_ACTION1_NEEDS: [str(need)],
        Field.MINUTES_ACTION2_TITLE: "Beslut om halvdag om drogtecken i hamnen",
        Field.MINUTES_ACTION2_ORGANIZATIONS: ["tullverket"],
        Field.MINUTES_ACTION2_DUE: CUSTOMS_DUE.isoformat(),
        Field.MINUTES_ACTION2_KIND: "decision",
    }


def write_minutes(running: RunningBot) -> tuple[int, dict[str, Any]]:
    """Submit Anna's need, hold the meeting and write its minutes with two actions."""
    submit_need(running, ANNA)
    need = 1
    followup = hold_meeting(running)
    form = open_minutes(running, followup)
    result = running.submit(form, two_actions(need), COORDINATOR, view_id="VMINUTES1")
    assert result.status == 200
    assert result.json() is None  # closed: nothing inline
    running.listeners.wait_idle()
    return need, form


def dm_texts(running: RunningBot, user: str) -> list[str]:
    return [
        all_text(call.args.get("blocks") or []) or str(call.args.get("text"))
        for call in running.standin.calls_to("chat.postMessage")
        if call.args["channel"] == user
    ]


def keys_like(running: RunningBot, prefix: str) -> list[str]:
    with running.bot.db.reading() as session:
        return sorted(
            session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.like(prefix + "%")))
        )


def press(running: RunningBot, key: str, action_id: str, user: str) -> None:
    """Press a button of the message sent as an outbox key (in a channel or a DM)."""
    with running.bot.db.reading() as session:
        found = outbox.posted_ts(session, key)
    assert found is not None, f"{key} was not posted"
    channel, _ = found
    message = posted(running, key)
    button = find_button(message["blocks"], action_id)
    running.click(button, user, message=message, channel=channel)
    running.listeners.wait_idle()


def respond_to(running: RunningBot, command: str, text: str, user: str) -> dict[str, Any]:
    before = len(running.standin.responses)
    running.command(command, text, user)
    return running.standin.wait_for_response(before + 1)[-1]


# ------------------------------------------------------------------- done when (issue 15)


def test_minutes_with_two_actions_are_reminded_done_and_overdue_everywhere(
    bot: RunningBot,
) -> None:
    """The issue's "Done when": minutes, reminders, one done (need told), one overdue."""
    need, _ = write_minutes(bot)
    # The minutes are posted in the thread of the meeting's call and kept.
    call = call_of(bot)
    thread = [
        m
        for m in bot.standin.messages[WORKING_GROUP]
        if m.get("thread_ts") == call["ts"] and m["ts"] != call["ts"]
    ]
    assert len(thread) == 1
    assert "Ta fram ett föräldramaterial om cannabis" in all_text(thread[0]["blocks"])
    with bot.bot.db.reading() as session:
        minutes = session.scalars(select(Minutes)).one()
        assert minutes.decisions == ["Ta fram föräldramaterial", "Beslut om utbildning i hamnen"]
    gavle, customs = actions(bot)
    assert (gavle.organization_ids, gavle.due_date, gavle.status) == (
        ["gavle"],
        GAVLE_DUE,
        "planned",
    )
    assert (customs.kind, customs.organization_ids) == ("decision", ["tullverket"])
    assert need_of(bot, need).status == "planned"
    # Each organisation's contact heard the action is theirs.
    assert any("Ta fram ett föräldramaterial" in text for text in dm_texts(bot, BERIT))
    assert any("Beslut om halvdag" in text for text in dm_texts(bot, ANNA))

    # Reminders: 09:00 seven days before (Saturday's due date: the Friday before), once each.
    bot.standin.reset()
    tick(bot, at_nine(date(2027, 1, 18)) - timedelta(minutes=1))
    assert keys_like(bot, "action:1:reminder") == []
    tick(bot, at_nine(date(2027, 1, 18)))
    tick(bot)
    assert keys_like(bot, "action:1:reminder") == [f"action:1:reminder:2027-01-25:{BERIT}"]
    reminder = dms_to(bot, BERIT)[-1]
    assert "ska vara klar" in all_text(reminder.args["blocks"])
    tick(bot, at_nine(date(2027, 1, 29)))
    assert keys_like(bot, "action:2:reminder") == [f"action:2:reminder:2027-02-06:{ANNA}"]

    # Berit reports hers done from the reminder; Anna, who submitted the need, hears of it.
    press(bot, f"action:1:reminder:2027-01-25:{BERIT}", ActionId.ACTION_DONE, BERIT)
    assert actions(bot)[0].status == "done"
    assert need_of(bot, need).status == "done"
    said = dms_to(bot, ANNA)[-1]
    assert "Ni sa, vi gjorde" in said.args["text"]
    assert "Ta fram ett föräldramaterial om cannabis" in said.args["text"]

    # The other becomes overdue: one notice, the next call (already out) updated to say so.
    tick(bot, at_nine(date(2027, 2, 2)))  # the February call goes out
    february = posted(bot, OutboxKey.meeting_call(meeting_id(bot, index=1)))
    assert "Förra mötets minnesanteckningar" in all_text(february["blocks"])
    assert "försenad" not in all_text(february["blocks"])
    tick(bot, at_nine(date(2027, 2, 8)))
    tick(bot)
    assert keys_like(bot, "action:2:overdue") == [f"action:2:overdue:2027-02-06:{ANNA}"]
    february = posted(bot, OutboxKey.meeting_call(meeting_id(bot, index=1)))
    assert "#2 Beslut om halvdag om drogtecken i hamnen (Tullverket)" in all_text(
        february["blocks"]
    )
    assert "försenad" in all_text(february["blocks"])

    # The Home tab, the status summary and the export show it.
    home = open_home(bot, COORDINATOR, "EvHOME1")
    assert "Försenade åtgärder (1)" in all_text(home["blocks"])
    summary = respond_to(bot, "/samverkan", "status", OWNER)
    text = all_text(summary["blocks"])
    assert "6. Åtgärder och beslut" in text
    assert "1 klara" in text
    assert "varav 1 försenade" in text
    with bot.bot.db.reading() as session:
        sheets = export_sheets(session, bot.bot.config, tr, bot.clock.now())
        rows = {s.title: [list(r) for r in s.rows] for s in sheets}
    assert [[*r[0:2], r[7]] for r in rows[tr(t.SHEET_ACTIONS)]] == [
        [1, "Ta fram ett föräldramaterial om cannabis", "nej"],
        [2, "Beslut om halvdag om drogtecken i hamnen", "ja"],
    ]
    assert [r[2] for r in rows[tr(t.SHEET_HISTORY)]] == ["planerad", "klar", "planerad"]
    assert [r[2] for r in rows[tr(t.SHEET_MINUTES)]] == [
        "Närvarande",
        "Anteckning",
        "Beslut",
        "Beslut",
    ]
