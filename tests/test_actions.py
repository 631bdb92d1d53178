"""Actions, decisions and minutes end to end: signed requests and ticks in, Web API calls out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.domain.trainings import ReportDraft, Subject
from bot.texts import Texts
from bot.texts import actions as t
from bot.texts import common as c
from bot.texts import meetings as mt
from commands.actions.values import ActionRef, NewAction
from commands.edge.codec import encode
from commands.edge.ids import Action as ActionId
from commands.edge.ids import Callback, Field
from slack_sim.web_api import SimulatedSlack
from storage import meetings as meetings_store
from storage import outbox
from storage.actions import retain_actions
from storage.export import export_sheets
from storage.models import Action, ActionEvent, AuditEntry, Meeting, Minutes, Need, OutboxMessage
from storage.outbox import OutboxKey
from storage.privacy import erase_person
from storage.trainings import create_report
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    ERIK,
    OUTSIDER,
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


@pytest.fixture
def bot_any(standin: SimulatedSlack, database_url: str) -> Iterator[RunningBot]:
    """Serve the bot with the plan's meeting series and [actions], on each database."""
    running = RunningBot(standin, database_url, now=NOW, config=CONFIG)
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
    bot_any: RunningBot,
) -> None:
    """The issue's "Done when": minutes, reminders, one done (need told), one overdue."""
    bot = bot_any
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
    assert "klara 1" in text
    assert "varav försenade 1" in text
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


# ------------------------------------------------------------------- proposing, confirming


def contacts(running: RunningBot, **people: str) -> None:
    """Make people contact persons of organisations (as answering a call would)."""
    with running.bot.db.transaction() as session:
        for organization, user in people.items():
            meetings_store.add_contact(session, organization, user, "answer", NOW)


def action_form(running: RunningBot, user: str) -> dict[str, Any]:
    """Run /samverkan åtgärd as user; return the form (opened as loading, then filled in)."""
    before = len(running.standin.calls_to("views.update"))
    assert running.command("/samverkan", "åtgärd", user).status == 200
    return dict(running.standin.wait_for("views.update", before + 1)[-1].args["view"])


def answers(**changes: Any) -> dict[str, Any]:
    good = {
        Field.ACTION_TITLE: "Beslut om en halvdag om drogtecken",
        Field.ACTION_ORGANIZATIONS: ["tullverket"],
        Field.ACTION_DUE: "2027-02-01",
    }
    return {k: v for k, v in {**good, **changes}.items() if v is not None}


def forged(view: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    """Return a copy of a form whose select offers one more option (a tampered client)."""
    copy = json.loads(json.dumps(view))
    for block in copy["blocks"]:
        if block.get("block_id") == field:
            block["element"]["options"].append(
                {"text": {"type": "plain_text", "text": value}, "value": value}
            )
    return copy


def audit_actions(running: RunningBot) -> list[str]:
    with running.bot.db.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_partner_proposes_for_their_own_organisation_and_a_coordinator_confirms(
    bot: RunningBot,
) -> None:
    contacts(bot, tullverket=ERIK)
    view = action_form(bot, ANNA)
    assert view["callback_id"] == Callback.ACTION_FORM
    organizations = next(
        b for b in view["blocks"] if b.get("block_id") == Field.ACTION_ORGANIZATIONS
    )
    assert [o["value"] for o in organizations["element"]["options"]] == ["tullverket"]
    # A tampered form naming another organisation is refused inline, and nothing is stored.
    tampered = forged(view, Field.ACTION_ORGANIZATIONS, "gavle")
    result = bot.submit(tampered, answers(**{Field.ACTION_ORGANIZATIONS: ["gavle"]}), ANNA)
    assert result.json() == {
        "response_action": "errors",
        "errors": {Field.ACTION_ORGANIZATIONS: tr(t.ORGANIZATIONS_NOT_YOURS)},
    }
    assert actions(bot) == []
    assert bot.submit(view, answers(), ANNA, view_id="VPROPOSE1").json() is None
    bot.listeners.wait_idle()
    (proposal,) = actions(bot)
    assert proposal.status == "proposed"
    message = posted(bot, OutboxKey.action_proposed(proposal.id))
    assert "Förslag till åtgärd #1" in all_text(message["blocks"])
    assert keys_like(bot, "action:1:assigned") == []  # nobody is told before it is confirmed
    # Another partner may not confirm it; a coordinator does.
    press(bot, "action:1:proposed", ActionId.ACTION_CONFIRM, BERIT)
    assert actions(bot)[0].status == "proposed"
    assert bot.standin.calls_to("chat.postEphemeral")[-1].args["text"] == tr(
        c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS)
    )
    press(bot, "action:1:proposed", ActionId.ACTION_CONFIRM, COORDINATOR)
    assert actions(bot)[0].status == "planned"
    updated = posted(bot, OutboxKey.action_proposed(proposal.id))
    assert tr(t.PROPOSAL_CONFIRMED, user=COORDINATOR) in all_text(updated["blocks"])
    assert not any(
        b.get("type") == "actions" for b in updated["blocks"]
    )  # the buttons are gone once decided
    assert keys_like(bot, "action:1:assigned") == [f"action:1:assigned:{ERIK}"]
    assert any("är bekräftat" in text for text in dm_texts(bot, ANNA))
    assert audit_actions(bot)[-2:] == ["action_proposed", "action_confirmed"]
    # A second press (another coordinator's old copy of the message) changes nothing more.
    value = encode(ActionRef(action=1))
    bot.click({"action_id": ActionId.ACTION_CONFIRM, "value": value}, COORDINATOR)
    bot.listeners.wait_idle()
    assert audit_actions(bot).count("action_confirmed") == 1
    assert bot.standin.calls_to("chat.postEphemeral")[-1].args["text"] == tr(
        t.NOT_A_PROPOSAL, id=1, status="planerad"
    )


def test_a_declined_proposal_is_cancelled_and_the_proposer_hears_why(bot: RunningBot) -> None:
    view = action_form(bot, ANNA)
    bot.submit(view, answers(), ANNA, view_id="VPROPOSE2")
    bot.listeners.wait_idle()
    press(bot, "action:1:proposed", ActionId.ACTION_CANCEL_OPEN, COORDINATOR)
    form = bot.opened_view()
    assert form["callback_id"] == Callback.ACTION_CANCEL
    short = bot.submit(form, {Field.ACTION_CANCEL_REASON: "x"}, COORDINATOR)
    assert short.json()["errors"] == {
        Field.ACTION_CANCEL_REASON: tr(c.TOO_SHORT, limit=3, length=1)
    }
    bot.submit(form, {Field.ACTION_CANCEL_REASON: "Det gör Polisen redan."}, COORDINATOR)
    bot.listeners.wait_idle()
    (declined,) = actions(bot)
    assert (declined.status, declined.cancel_reason) == ("cancelled", "Det gör Polisen redan.")
    assert any(
        "avböjdes" in text and "Det gör Polisen redan." in text for text in dm_texts(bot, ANNA)
    )
    assert audit_actions(bot)[-1] == "action_declined"


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (OUTSIDER, c.NO_ORGANIZATION),
        (OWNER, c.NOT_ALLOWED),
    ],
)
def test_outsiders_and_owners_get_no_action_form(bot: RunningBot, user: str, expected: Any) -> None:
    view = action_form(bot, user)
    assert view["callback_id"] == "notice"
    who = {"who": tr(t.WHO_PROPOSE)} if expected is c.NOT_ALLOWED else {}
    assert tr(expected, **who) in all_text(view["blocks"])


# ------------------------------------------------------------------------- reporting


def test_progress_is_kept_as_history_and_a_new_due_date_needs_a_reason(bot: RunningBot) -> None:
    contacts(bot, tullverket=ANNA)
    bot.submit(action_form(bot, COORDINATOR), answers(), COORDINATOR, view_id="VCREATE1")
    bot.listeners.wait_idle()
    assert keys_like(bot, "action:1:assigned") == [f"action:1:assigned:{ANNA}"]
    # Someone of another organisation may not report on it.
    press(bot, f"action:1:assigned:{ANNA}", ActionId.ACTION_REPORT, BERIT)
    refusal = dms_to(bot, BERIT)[-1].args["text"]
    assert refusal == tr(c.NOT_ALLOWED, who=tr(t.WHO_RESPONSIBLE))
    # Erik, Anna's colleague at Customs, may.
    press(bot, f"action:1:assigned:{ANNA}", ActionId.ACTION_REPORT, ERIK)
    form = bot.opened_view()
    assert form["callback_id"] == Callback.ACTION_PROGRESS
    later = {Field.ACTION_PROGRESS_DUE: "2027-03-01"}
    result = bot.submit(form, later, ERIK)
    assert result.json()["errors"] == {Field.ACTION_PROGRESS_REASON: tr(t.REASON_FOR_DATE)}
    result = bot.submit(
        form,
        {
            **later,
            Field.ACTION_PROGRESS_REASON: "Beslutet tas på ledningsmötet i februari.",
            Field.ACTION_PROGRESS_TEXT: "Underlaget är skrivet.",
        },
        ERIK,
    )
    assert result.json() is None
    bot.listeners.wait_idle()
    (action,) = actions(bot)
    assert (action.status, action.due_date) == ("in_progress", date(2027, 3, 1))
    with bot.bot.db.reading() as session:
        events = session.scalars(select(ActionEvent).order_by(ActionEvent.id)).all()
        assert [(e.kind, e.actor, e.note) for e in events] == [
            ("created", COORDINATOR, ""),
            ("due", ERIK, "Beslutet tas på ledningsmötet i februari."),
            ("progress", ERIK, "Underlaget är skrivet."),
        ]
    # The new date is reminded (the old one is not): 09:00 on Monday 22 February.
    tick(bot, at_nine(date(2027, 1, 25)))
    tick(bot, at_nine(date(2027, 2, 22)))
    assert keys_like(bot, "action:1:reminder") == [f"action:1:reminder:2027-03-01:{ANNA}"]
    # The history shows on the action.
    before = len(bot.standin.responses)
    press(bot, f"action:1:assigned:{ANNA}", ActionId.ACTION_REPORT, ANNA)  # a form, no answer
    bot.click({"action_id": ActionId.ACTION_SHOW, "value": encode(ActionRef(action=1))}, ANNA)
    shown = bot.standin.wait_for_response(before + 1)[-1]
    text = all_text(shown["blocks"])
    assert "Underlaget är skrivet." in text
    assert "nytt slutdatum 1 mars 2027: Beslutet tas på ledningsmötet i februari." in text


def test_an_action_done_twice_is_done_once(bot: RunningBot) -> None:
    contacts(bot, tullverket=ANNA)
    bot.submit(action_form(bot, COORDINATOR), answers(), COORDINATOR, view_id="VCREATE2")
    bot.listeners.wait_idle()
    press(bot, f"action:1:assigned:{ANNA}", ActionId.ACTION_DONE, ANNA)
    press(bot, f"action:1:assigned:{ANNA}", ActionId.ACTION_DONE, ANNA)
    assert actions(bot)[0].status == "done"
    assert audit_actions(bot).count("action_done") == 1
    second = dms_to(bot, ANNA)[-1].args["text"]
    assert second == tr(t.ALREADY_CLOSED, id=1, status="klar")


# --------------------------------------------------------------------------- minutes


def test_minutes_refuse_an_identity_number_inline_and_store_nothing(bot: RunningBot) -> None:
    followup = hold_meeting(bot)
    form = open_minutes(bot, followup)
    result = bot.submit(
        form,
        {f"{Field.MINUTES_NOTE}:1": "Ring Tolvan på 19121212-1212."},
        COORDINATOR,
    )
    errors = result.json()["errors"]
    assert list(errors) == [f"{Field.MINUTES_NOTE}:1"]
    assert "personnummer" in errors[f"{Field.MINUTES_NOTE}:1"]
    with bot.bot.db.reading() as session:
        assert session.scalars(select(Minutes)).all() == []


def test_minutes_written_again_update_the_thread_and_add_no_actions_twice(bot: RunningBot) -> None:
    write_minutes(bot)
    form = open_minutes(bot, posted(bot, OutboxKey.meeting_followup(meeting_id(bot))))
    decisions = next(b for b in form["blocks"] if b.get("block_id") == Field.MINUTES_DECISIONS)
    assert decisions["element"]["initial_value"] == (
        "Ta fram föräldramaterial\nBeslut om utbildning i hamnen"
    )
    attended = next(b for b in form["blocks"] if b.get("block_id") == Field.MINUTES_ATTENDED)
    assert sorted(o["value"] for o in attended["element"]["initial_options"]) == [
        "gavle",
        "tullverket",
    ]
    before = len(bot.standin.calls_to("chat.update"))
    bot.submit(form, {Field.MINUTES_DECISIONS: "Ta fram föräldramaterial"}, COORDINATOR)
    bot.listeners.wait_idle()
    updates = bot.standin.wait_for("chat.update", before + 1)
    assert any("Ändrade" in all_text(u.args.get("blocks") or []) for u in updates[before:])
    assert len(actions(bot)) == 2
    with bot.bot.db.reading() as session:
        minutes = session.scalars(select(Minutes)).one()
        assert (minutes.decisions, minutes.revision) == (["Ta fram föräldramaterial"], 1)
    assert audit_actions(bot)[-1] == "minutes_changed"


def test_a_meeting_not_held_counts_as_cancelled_and_takes_no_minutes(bot: RunningBot) -> None:
    followup = hold_meeting(bot)
    click(bot, followup, ActionId.MEETING_NOT_HELD, ANNA, channel=COORDINATOR_CHANNEL)
    bot.listeners.wait_idle()
    with bot.bot.db.reading() as session:
        assert session.get(Meeting, meeting_id(bot)).status == "held"  # type: ignore[union-attr]
    click(bot, followup, ActionId.MEETING_NOT_HELD, COORDINATOR, channel=COORDINATOR_CHANNEL)
    bot.listeners.wait_idle()
    with bot.bot.db.reading() as session:
        meeting = session.get(Meeting, meeting_id(bot))
        assert meeting is not None
        assert (meeting.status, meeting.cancel_reason) == ("cancelled", tr(mt.NOT_HELD_REASON))
        assert meetings_store.attendance_of(session, meeting.id) == set()
        assert meetings_store.meetings_held(session, NOW, bot.clock.now(), "working_group") == 0
    assert "Mötet är inställt" in all_text(call_of(bot)["blocks"])
    click(bot, followup, ActionId.MINUTES_OPEN, COORDINATOR, channel=COORDINATOR_CHANNEL)
    bot.listeners.wait_idle()
    assert bot.standin.calls_to("chat.postEphemeral")[-1].args["text"] == tr(t.MINUTES_CANCELLED)


def test_samverkan_protokoll_lists_the_minutes_and_shows_them(bot: RunningBot) -> None:
    write_minutes(bot)
    listed = respond_to(bot, "/samverkan", "protokoll", ANNA)
    assert "Arbetsgruppsmöte* tisdag 12 januari 2027 kl. 09.00–11.00 · 2 beslut · 2 åtgärder" in (
        all_text(listed["blocks"])
    )
    assert "Möten utan minnesanteckningar" not in all_text(listed["blocks"])
    before = len(bot.standin.responses)
    bot.click(find_button(listed["blocks"], ActionId.MINUTES_SHOW), ANNA)
    shown = bot.standin.wait_for_response(before + 1)[-1]
    assert "Gävle och Tullverket berättade om läget." in all_text(shown["blocks"])
    # Coordinators also see the held meetings that have no minutes, with the buttons.
    tick(bot, datetime(2027, 1, 20, 8, tzinfo=UTC))  # the planning meeting of the 19th is held
    coordinators = respond_to(bot, "/samverkan", "minutes", COORDINATOR)
    text = all_text(coordinators["blocks"])
    assert "Möten utan minnesanteckningar" in text
    assert "Planeringsmöte" in text
    find_button(coordinators["blocks"], ActionId.MINUTES_OPEN)


def test_the_list_puts_overdue_first_and_filters_on_ones_own_organisation(bot: RunningBot) -> None:
    write_minutes(bot)
    tick(bot, datetime(2027, 1, 27, 8, tzinfo=UTC))  # the Gävle action is two days late
    listed = all_text(respond_to(bot, "/samverkan", "åtgärder", BERIT)["blocks"])
    assert listed.index("Försenade (1)") < listed.index("#1 *Ta fram") < listed.index("Öppna (1)")
    own = all_text(respond_to(bot, "/samverkan", "åtgärder egna", ANNA)["blocks"])
    assert "Öppna åtgärder för Tullverket" in own
    assert "#1" not in own
    press(bot, f"action:2:assigned:{ANNA}", ActionId.ACTION_DONE, ANNA)
    assert "#2" not in all_text(respond_to(bot, "/samverkan", "actions", ANNA)["blocks"])
    closed = all_text(respond_to(bot, "/samverkan", "åtgärder alla", ANNA)["blocks"])
    assert "Avslutade (1)" in closed
    assert "#2 *Beslut om halvdag" in closed
    refused = respond_to(bot, "/samverkan", "åtgärder", OUTSIDER)
    assert refused["text"] == tr(c.NO_ORGANIZATION)


# --------------------------------------------------------------- report-back reminder


def test_partners_that_reported_nothing_are_reminded_once_before_the_owners_meeting(
    bot: RunningBot,
) -> None:
    contacts(bot, tullverket=ANNA, gavle=BERIT)
    with bot.bot.db.transaction() as session:
        draft = ReportDraft(
            "gavle",
            "Föräldrakväll",
            Subject.NARCOTICS,
            date(2027, 1, 14),
            datetime(2027, 1, 14, 17, tzinfo=UTC),
            20,
        )
        create_report(session, draft, reported_by=BERIT, source_key=None, now=NOW)
    owners = datetime(2027, 4, 1, 8, tzinfo=UTC)  # 10:00 summer time
    due = at_nine(date(2027, 3, 2))  # 30 days before, at nine
    tick(bot, due - timedelta(minutes=1))
    assert keys_like(bot, "report:") == []
    tick(bot, due)
    tick(bot)
    meeting = meeting_id(bot, "owners")
    assert keys_like(bot, "report:") == [f"report:{meeting}:reminder:{ANNA}"]
    assert "Tullverket har inte återrapporterat" in dms_to(bot, ANNA)[-1].args["text"]
    assert owners > due


# --------------------------------------------------------------------------- privacy


def test_erasing_a_person_removes_them_from_actions_and_minutes(bot: RunningBot) -> None:
    write_minutes(bot)
    with bot.bot.db.transaction() as session:
        counts = erase_person(session, COORDINATOR)
    assert counts["actions_anonymised"] == 2
    assert counts["minutes_anonymised"] == 1
    with bot.bot.db.reading() as session:
        assert {a.created_by for a in session.scalars(select(Action))} == {None}
        assert session.scalars(select(Minutes)).one().written_by is None
        assert COORDINATOR not in {e.actor for e in session.scalars(select(ActionEvent))}


def test_closed_actions_and_old_minutes_go_at_their_retention_age(bot: RunningBot) -> None:
    write_minutes(bot)
    press(bot, f"action:1:assigned:{BERIT}", ActionId.ACTION_DONE, BERIT)
    later = bot.clock.now() + timedelta(days=11)
    ages = {"actions": timedelta(days=10), "minutes": timedelta(days=30)}
    with bot.bot.db.transaction() as session:
        assert retain_actions(session, later, ages) == {"actions": 1, "minutes": 0}
    with bot.bot.db.reading() as session:
        assert [a.id for a in session.scalars(select(Action))] == [2]
        assert session.scalars(select(ActionEvent.action_id)).all() == [2]
    with bot.bot.db.transaction() as session:
        assert retain_actions(session, later + timedelta(days=30), ages)["minutes"] == 1


def test_one_more_action_from_the_minutes_comes_from_that_meeting(bot: RunningBot) -> None:
    write_minutes(bot)
    minutes_key = keys_like(bot, "minutes:")[0]
    before = len(bot.standin.calls_to("views.update"))
    press(bot, minutes_key, ActionId.ACTION_NEW_FROM_MEETING, COORDINATOR)
    view = bot.standin.wait_for("views.update", before + 1)[-1].args["view"]
    assert "Från mötet Arbetsgruppsmöte tisdag 12 januari 2027" in all_text(view["blocks"])
    bot.submit(view, answers(), COORDINATOR, view_id="VMORE1")
    bot.listeners.wait_idle()
    assert actions(bot)[-1].meeting_id == meeting_id(bot)
    # A form naming a meeting that does not exist makes an action of its own, no error.
    stale = {**view, "private_metadata": encode(NewAction(meeting=999999))}
    assert bot.submit(stale, answers(), COORDINATOR, view_id="VMORE2").json() is None
    bot.listeners.wait_idle()
    assert (len(actions(bot)), actions(bot)[-1].meeting_id) == (4, None)
