"""The follow-up end to end: status, publishing, the owners' summary, export, indicators, Home."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from bot.texts import Texts
from bot.texts import actions as at
from bot.texts import common as c
from bot.texts import followup as t
from commands.edge.codec import encode
from commands.edge.ids import Action, Callback, Field
from commands.followup import queue_owners_summary
from commands.followup.values import ValueForm, ValueRef
from slack_sim import requests as req
from slack_sim.web_api import Call, SimulatedSlack
from storage import outbox
from storage.models import (
    AuditEntry,
    Indicator,
    IndicatorValue,
    Meeting,
    OutboxFile,
    OutboxMessage,
)
from storage.outbox import OutboxKey
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    COORDINATOR,
    OUTSIDER,
    OWNER,
    OWNERS_CHANNEL,
    RunningBot,
    all_text,
    find_button,
)

tr = Texts("sv")


def status(running: RunningBot, user: str) -> list[dict[str, Any]]:
    """Run /samverkan status and return the private answers."""
    before = len(running.standin.responses)
    running.command("/samverkan", "status", user)
    return running.standin.wait_for_response(before + 1)[before:]


def owners_posts(running: RunningBot, count: int = 1) -> list[Call]:
    return running.standin.wait_for(
        "chat.postMessage", count, where=lambda call: call.args["channel"] == OWNERS_CHANNEL
    )


def charts_row(running: RunningBot) -> OutboxMessage:
    """Return the outbox row that uploads the summary's charts."""
    with running.bot.db.reading() as session:
        return session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "owners_summary_charts")
        ).one()


def upload_of(running: RunningBot, channel_prefix: str = "") -> list[Call]:
    return running.standin.wait_for(
        "files.completeUploadExternal",
        1,
        where=lambda call: str(call.args.get("channel_id", "")).startswith(channel_prefix),
    )


# ------------------------------------------------------------------------------------ status


def test_status_is_shown_privately_to_a_partner_without_a_publish_button(
    running: RunningBot,
) -> None:
    answers = status(running, ANNA)
    assert len(answers) == 1
    answer = answers[0]
    assert answer["response_type"] == "ephemeral"
    text = all_text(answer["blocks"])
    assert tr(t.SUMMARY_HEADER, name="Gävleborg mot narkotika") in text
    assert tr(t.CAUTION) in text
    assert Action.SUMMARY_PUBLISH not in json.dumps(answer["blocks"])
    assert running.standin.calls_to("chat.postMessage") == []


def test_status_is_refused_to_someone_outside_the_collaboration(running: RunningBot) -> None:
    answers = status(running, OUTSIDER)
    assert [a["text"] for a in answers] == [tr(c.NO_ORGANIZATION)]
    assert "blocks" not in answers[0]


def test_a_coordinator_publishes_the_summary_with_charts_in_its_thread(
    running: RunningBot,
) -> None:
    answer = status(running, COORDINATOR)[-1]
    button = find_button(answer["blocks"], Action.SUMMARY_PUBLISH)
    running.click(button, COORDINATOR, channel="C0ARBETS1")
    post = owners_posts(running)[0]
    assert tr(t.SUMMARY_HEADER, name="Gävleborg mot narkotika") in all_text(post.args["blocks"])
    assert Action.SUMMARY_PUBLISH not in json.dumps(post.args["blocks"])
    confirm = running.standin.wait_for(
        "chat.postEphemeral", 1, where=lambda call: call.args["user"] == COORDINATOR
    )[0]
    assert confirm.args["text"] == tr(t.PUBLISHED, channel=OWNERS_CHANNEL)
    with running.bot.db.reading() as session:
        key = session.scalars(
            select(OutboxMessage.key).where(OutboxMessage.kind == "owners_summary")
        ).one()
        assert key.startswith(f"summary:published:{COORDINATOR}:")
        posted = outbox.posted_ts(session, key)
        audit = session.scalars(select(AuditEntry.action)).all()
    assert "summary_published" in audit
    assert posted is not None
    # No data yet: no charts to draw, so nothing is uploaded, and the upload is settled.
    upload = charts_row(running)
    assert (upload.op, upload.status, upload.last_error) == ("upload", "sent", "nothing_to_draw")
    assert upload.ref_key == key
    assert running.standin.calls_to("files.completeUploadExternal") == []


def test_the_publish_button_is_refused_to_a_partner_and_nothing_is_posted(
    running: RunningBot,
) -> None:
    answer = status(running, COORDINATOR)[-1]
    button = find_button(answer["blocks"], Action.SUMMARY_PUBLISH)
    running.click(button, ANNA, channel="C0ARBETS1")
    refusal = running.standin.wait_for("chat.postEphemeral", 1)[0]
    assert refusal.args["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    with running.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert running.standin.calls_to("chat.postMessage") == []


def test_slacks_retry_of_a_publish_click_publishes_nothing_more(running: RunningBot) -> None:
    answer = status(running, COORDINATOR)[-1]
    button = {**find_button(answer["blocks"], Action.SUMMARY_PUBLISH), "action_ts": "1800000000.5"}
    for _ in range(2):
        running.click(button, COORDINATOR, channel="C0ARBETS1")
    owners_posts(running)
    running.listeners.wait_idle()
    with running.bot.db.reading() as session:
        keys = session.scalars(
            select(OutboxMessage.key).where(OutboxMessage.kind == "owners_summary")
        ).all()
        audited = session.scalars(
            select(AuditEntry.subject).where(AuditEntry.action == "summary_published")
        ).all()
    assert keys == [f"summary:published:{COORDINATOR}:18000000005"]
    assert audited == keys
    assert len(owners_posts(running)) == 1


# ---------------------------------------------------------------------- indicators, end to end


def open_value_form(running: RunningBot, user: str = COORDINATOR) -> dict[str, Any]:
    before = len(running.standin.calls_to("views.open"))
    running.command("/samverkan", "indikator", user)
    running.standin.wait_for("views.open", before + 1)
    return running.opened_view()


VALUE = {
    Field.INDICATOR_CHOICE: "can-ak9",
    Field.INDICATOR_PLACE: "county",
    Field.INDICATOR_PERIOD: "2026",
    Field.INDICATOR_AMOUNT: "7,5",
    Field.INDICATOR_SOURCE: "CAN 2026",
}


def values(running: RunningBot) -> list[tuple[float, str, bool]]:
    with running.bot.db.reading() as session:
        rows = session.scalars(select(IndicatorValue).order_by(IndicatorValue.id)).all()
        return [(r.value, r.source, r.replaced_at is None) for r in rows]


def dm_texts(running: RunningBot, user: str, count: int) -> list[str]:
    calls = running.standin.wait_for(
        "chat.postMessage", count, where=lambda call: call.args["channel"] == user
    )
    return [str(call.args["text"]) for call in calls]


def test_a_coordinator_records_a_value_and_corrects_it_keeping_the_history(
    running: RunningBot,
) -> None:
    view = open_value_form(running)
    assert view["callback_id"] == Callback.INDICATOR_VALUE
    assert running.submit(view, VALUE, COORDINATOR, view_id="VIND1").body in (b"", b"null")
    saved = dm_texts(running, COORDINATOR, 1)[-1]
    assert saved == tr(
        t.VALUE_SAVED,
        indicator=tr(t.IND_CAN_YEAR9),
        place="Hela länet",
        period="2026",
        value="7,5",
        unit="%",
    )
    assert values(running) == [(7.5, "CAN 2026", True)]

    running.command("/samverkan", "indikator lista", COORDINATOR)
    listing = running.standin.wait_for_response(1)[-1]
    correct = find_button(listing["blocks"], Action.INDICATOR_CORRECT, encode(ValueRef(value=1)))
    running.click(correct, COORDINATOR, channel="C0ARBETS1")
    running.standin.wait_for("views.open", 2)
    form = running.opened_view()
    assert tr(t.CORRECT_FORM_TITLE) == form["title"]["text"]
    assert Field.INDICATOR_PERIOD not in json.dumps(form["blocks"])
    running.submit(
        form,
        {Field.INDICATOR_AMOUNT: "6,9", Field.INDICATOR_SOURCE: "CAN 2026, rättad tabell"},
        COORDINATOR,
        view_id="VIND2",
    )
    replaced = dm_texts(running, COORDINATOR, 2)[-1]
    assert replaced.startswith("Sparat: *" + tr(t.IND_CAN_YEAR9))
    assert "ersätter 7,5 (CAN 2026," in replaced
    assert values(running) == [(7.5, "CAN 2026", False), (6.9, "CAN 2026, rättad tabell", True)]
    with running.bot.db.reading() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["indicator_recorded", "indicator_corrected"]

    running.command("/samverkan", "indikator lista", ANNA)
    seen = running.standin.wait_for_response(2)[-1]
    text = all_text(seen["blocks"])
    assert "*6,9 %*" in text
    assert "Rättat; tidigare: 7,5 (CAN 2026" in text
    assert Action.INDICATOR_CORRECT not in json.dumps(seen["blocks"])


def test_correcting_a_value_already_corrected_is_refused_inline(running: RunningBot) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VA")
    running.command("/samverkan", "indikator lista", COORDINATOR)
    listing = running.standin.wait_for_response(1)[-1]
    correct = find_button(listing["blocks"], Action.INDICATOR_CORRECT, encode(ValueRef(value=1)))
    running.click(correct, COORDINATOR, channel="C0ARBETS1")
    running.standin.wait_for("views.open", 2)
    first_form = running.opened_view()
    running.click(correct, COORDINATOR, channel="C0ARBETS1")
    running.standin.wait_for("views.open", 3)
    second_form = running.opened_view()
    fix = {Field.INDICATOR_SOURCE: "CAN 2026"}
    running.submit(first_form, {**fix, Field.INDICATOR_AMOUNT: "7"}, COORDINATOR, view_id="VB")
    late = running.submit(
        second_form, {**fix, Field.INDICATOR_AMOUNT: "8"}, COORDINATOR, view_id="VC"
    )
    assert late.json() == {
        "response_action": "errors",
        "errors": {Field.INDICATOR_AMOUNT: tr(t.VALUE_GONE)},
    }
    assert [v[0] for v in values(running)] == [7.5, 7.0]


def test_bad_indicator_input_is_shown_inline_and_nothing_is_stored(running: RunningBot) -> None:
    view = open_value_form(running)
    result = running.submit(
        view,
        {**VALUE, Field.INDICATOR_PERIOD: "förra året", Field.INDICATOR_AMOUNT: "140"},
        COORDINATOR,
    )
    assert result.json() == {
        "response_action": "errors",
        "errors": {
            Field.INDICATOR_PERIOD: tr(t.PERIOD_INVALID),
            Field.INDICATOR_AMOUNT: tr(t.VALUE_PERCENT),
        },
    }
    assert values(running) == []


def test_only_coordinators_record_values(running: RunningBot) -> None:
    running.command("/samverkan", "indikator", ANNA)
    answer = running.standin.wait_for_response(1)[-1]
    assert answer["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    assert running.standin.calls_to("views.open") == []
    # A forged submission by a partner stores nothing either.
    view = open_value_form(running)
    running.submit(view, VALUE, ANNA)
    refusal = dm_texts(running, ANNA, 1)[-1]
    assert refusal == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    assert values(running) == []


def test_a_coordinator_adds_an_indicator_and_can_record_it(running: RunningBot) -> None:
    running.command("/samverkan", "indikator ny", COORDINATOR)
    running.standin.wait_for("views.open", 1)
    form = running.opened_view()
    assert form["callback_id"] == Callback.INDICATOR_NEW
    running.submit(
        form,
        {
            Field.INDICATOR_NAME: "Beslag av cannabis i Gävle hamn",
            Field.INDICATOR_UNIT: "kg",
            Field.INDICATOR_DIRECTION: "down",
        },
        COORDINATOR,
    )
    assert dm_texts(running, COORDINATOR, 1)[-1] == tr(
        t.INDICATOR_SAVED, name="Beslag av cannabis i Gävle hamn", unit="kg"
    )
    duplicate = running.submit(
        form,
        {
            Field.INDICATOR_NAME: "beslag av cannabis i gävle hamn",
            Field.INDICATOR_UNIT: "kg",
            Field.INDICATOR_DIRECTION: "down",
        },
        COORDINATOR,
    )
    assert duplicate.json()["errors"] == {Field.INDICATOR_NAME: tr(t.INDICATOR_EXISTS)}
    with running.bot.db.reading() as session:
        assert session.scalars(select(Indicator.id)).all() == [
            "egen-beslag-av-cannabis-i-gavle-hamn"
        ]
    view = open_value_form(running)
    choice = next(b for b in view["blocks"] if b.get("block_id") == Field.INDICATOR_CHOICE)
    assert choice["element"]["options"][-1]["value"] == "egen-beslag-av-cannabis-i-gavle-hamn"


@pytest.mark.parametrize("value", ["1", '{"value": 0}', '{"value": "1"}', '{"need": 1}'])
def test_a_correct_button_the_bot_did_not_write_is_refused_politely(
    running: RunningBot, value: str
) -> None:
    button = {"action_id": Action.INDICATOR_CORRECT, "value": value, "type": "button"}
    running.click(button, COORDINATOR, channel="C0ARBETS1")
    refusal = running.standin.wait_for_response(1)[-1]
    assert (refusal["text"], refusal["response_type"]) == (tr(c.STALE_BUTTON), "ephemeral")
    assert running.standin.calls_to("views.open") == []


def test_correcting_a_value_that_does_not_exist_is_refused_inline(running: RunningBot) -> None:
    form = {**open_value_form(running), "private_metadata": encode(ValueForm(correcting=99))}
    result = running.submit(form, VALUE, COORDINATOR, view_id="VGONE")
    assert result.json() == {
        "response_action": "errors",
        "errors": {Field.INDICATOR_AMOUNT: tr(t.VALUE_GONE)},
    }
    assert values(running) == []


# ------------------------------------------------------------------------------------- export


def test_export_is_refused_politely_to_a_partner_and_no_file_is_sent(
    running: RunningBot,
) -> None:
    running.command("/samverkan", "export", ANNA)
    answer = running.standin.wait_for_response(1)[-1]
    assert answer["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS_AND_OWNERS))
    assert running.standin.calls_to("files.getUploadURLExternal") == []
    assert running.standin.calls_to("conversations.open") == []


@pytest.mark.parametrize("user", [COORDINATOR, OWNER])
def test_export_arrives_as_a_private_file_with_every_sheet(running: RunningBot, user: str) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VEXP")
    running.command("/samverkan", "export", user)
    done = running.standin.wait_for("files.completeUploadExternal", 1)[0]
    opened = running.standin.calls_to("conversations.open")[-1]
    assert opened.args["users"] == user
    assert done.args["channel_id"].startswith("D")
    file_id = (
        done.args["files"][0]["id"]
        if isinstance(done.args["files"], list)
        else json.loads(done.args["files"])[0]["id"]
    )
    workbook = openpyxl.load_workbook(io.BytesIO(running.standin.uploads[file_id]))
    assert workbook.sheetnames == [
        tr(t.SHEET_NEEDS),
        tr(t.SHEET_MEETINGS),
        tr(t.SHEET_ATTENDANCE),
        tr(t.SHEET_TRAININGS),
        tr(t.SHEET_REPORTS),
        tr(t.SHEET_INDICATORS),
        tr(at.SHEET_ACTIONS),
        tr(at.SHEET_HISTORY),
        tr(at.SHEET_MINUTES),
        tr(t.SHEET_ABOUT),
    ]
    indicators = list(workbook[tr(t.SHEET_INDICATORS)].iter_rows(values_only=True))
    assert indicators[1][1:5] == (tr(t.IND_CAN_YEAR9), "Hela länet", "2026", 7.5)
    answers = running.standin.wait_for_response(1)
    assert answers[0]["text"] == tr(t.EXPORT_WORKING)
    with running.bot.db.reading() as session:
        assert "export" in session.scalars(select(AuditEntry.action)).all()


# ------------------------------------------------------------- the owners' summary on schedule


def test_the_owners_summary_is_posted_once_with_its_charts_in_the_thread(
    running: RunningBot,
) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VS1")
    running.submit(
        open_value_form(running),
        {**VALUE, Field.INDICATOR_PERIOD: "2024", Field.INDICATOR_AMOUNT: "9"},
        COORDINATOR,
        view_id="VS2",
    )
    meeting = SimpleNamespace(id=41, start=running.clock.now() + timedelta(days=14))
    for _ in range(2):  # the hook runs every tick while the meeting is near: queued once
        with running.bot.db.transaction() as session:
            queue_owners_summary(running.bot, session, meeting)
    running.tick()
    post = owners_posts(running)[0]
    trend = "↓ minskar: 2026 jämfört med 2024 (9 %), i planens riktning"
    assert trend in all_text(post.args["blocks"])
    running.tick()
    done = upload_of(running, OWNERS_CHANNEL)[0]
    with running.bot.db.reading() as session:
        channel, ts = outbox.posted_ts(session, OutboxKey.meeting_summary(41)) or ("", "")
        assert session.scalar(select(func.count()).select_from(OutboxFile)) == 0  # let go
    upload = charts_row(running)
    assert (upload.key, upload.status) == ("meeting:41:summary:charts", "sent")
    assert (done.args["channel_id"], done.args["thread_ts"]) == (channel, ts)
    thread = [m for m in running.standin.messages[OWNERS_CHANNEL] if m.get("thread_ts") == ts]
    assert [f["name"] for f in thread[0]["files"]] == ["indikatorer-2027-01-04.png"]
    for _ in range(2):
        running.tick()
    assert len(owners_posts(running)) == 1
    assert len(running.standin.calls_to("files.completeUploadExternal")) == 1


OWNERS_SERIES = {
    "kind": "owners",
    "title": "Ägarmöte",
    "rrule": "FREQ=YEARLY;BYMONTH=4,11;BYDAY=1TH",
    "start": "2027-04-01T10:00",
    "summary_before": "14d",
}


@pytest.fixture
def with_owners_meetings(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """Serve the bot with the plan's owners' meetings (first Thursday of April and November)."""
    bot = RunningBot(
        standin, sqlite_url, now=NOW, config={**BASE_CONFIG, "meetings": [OWNERS_SERIES]}
    )
    yield bot
    bot.stop()


def test_the_meetings_planner_posts_the_summary_fourteen_days_before_the_owners_meeting(
    with_owners_meetings: RunningBot,
) -> None:
    running = with_owners_meetings
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VP1")
    running.tick()
    assert running.standin.calls_to("chat.postMessage")[-1].args["channel"] == COORDINATOR
    # 2027-04-01 10:00 in Stockholm is 08:00 UTC; fourteen days before is 2027-03-18 09:00 UTC.
    running.clock.set(datetime(2027, 3, 18, 8, 59, tzinfo=UTC))
    running.tick()
    assert [
        c
        for c in running.standin.calls_to("chat.postMessage")
        if c.args["channel"] == OWNERS_CHANNEL
    ] == []
    running.clock.set(datetime(2027, 3, 18, 9, 0, tzinfo=UTC))
    running.tick()
    post = owners_posts(running)[0]
    assert tr(t.SUMMARY_HEADER, name="Gävleborg mot narkotika") in all_text(post.args["blocks"])
    with running.bot.db.reading() as session:
        meeting_id = session.scalars(
            select(Meeting.id).where(Meeting.start == datetime(2027, 4, 1, 8, 0, tzinfo=UTC))
        ).one()
        row = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "owners_summary")
        ).one()
        assert (row.key, row.expires_at) == (
            f"meeting:{meeting_id}:summary",
            datetime(2027, 4, 1, 8, 0, tzinfo=UTC),
        )
    running.tick()
    upload_of(running, OWNERS_CHANNEL)
    for _ in range(2):
        running.clock.advance(timedelta(hours=1))
        running.tick()
    assert len(owners_posts(running)) == 1
    assert len(running.standin.calls_to("files.completeUploadExternal")) == 1


def test_a_failed_chart_upload_is_retried_with_backoff(running: RunningBot) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VR1")
    meeting = SimpleNamespace(id=42, start=running.clock.now() + timedelta(days=14))
    with running.bot.db.transaction() as session:
        queue_owners_summary(running.bot, session, meeting)
    running.standin.fail("files.completeUploadExternal", error="internal_error")
    running.tick()  # the summary is posted, then its charts fail to go up
    owners_posts(running)
    upload = charts_row(running)
    assert (upload.status, upload.attempts) == ("pending", 1)
    running.clock.advance(timedelta(minutes=2))
    running.standin.reset()
    running.tick()
    upload_of(running, OWNERS_CHANNEL)
    assert charts_row(running).status == "sent"


def test_a_rate_limited_chart_upload_waits_as_slack_asks_without_counting_an_attempt(
    running: RunningBot,
) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VR1")
    meeting = SimpleNamespace(id=42, start=running.clock.now() + timedelta(days=14))
    with running.bot.db.transaction() as session:
        queue_owners_summary(running.bot, session, meeting)
    running.standin.fail("files.completeUploadExternal", status=429, retry_after=3)
    running.tick()  # the summary is posted, then its charts are rate-limited
    owners_posts(running)
    upload = charts_row(running)
    assert (upload.status, upload.attempts, upload.last_error) == ("pending", 0, "ratelimited")
    assert upload.next_attempt_at.replace(tzinfo=UTC) == running.clock.now() + timedelta(seconds=3)
    running.clock.advance(timedelta(seconds=3))
    running.tick()
    upload_of(running, OWNERS_CHANNEL)
    assert charts_row(running).status == "sent"


def test_an_expired_summary_takes_its_charts_with_it(running: RunningBot) -> None:
    running.submit(open_value_form(running), VALUE, COORDINATOR, view_id="VX1")
    meeting = SimpleNamespace(id=43, start=running.clock.now() + timedelta(hours=1))
    with running.bot.db.transaction() as session:
        queue_owners_summary(running.bot, session, meeting)
    running.clock.advance(timedelta(hours=2))
    running.tick()
    running.tick()
    assert [
        c
        for c in running.standin.calls_to("chat.postMessage")
        if c.args["channel"] == OWNERS_CHANNEL
    ] == []
    upload = charts_row(running)
    assert (upload.status, upload.last_error) == ("failed", "expired")


# --------------------------------------------------------------------------------- Home, help


def open_home(running: RunningBot, user: str, event_id: str) -> dict[str, Any]:
    before = len(running.standin.calls_to("views.publish"))
    running.post(
        req.event_callback(
            {"type": "app_home_opened", "user": user, "tab": "home"}, event_id=event_id
        ),
        content_type="application/json",
    )
    return dict(running.standin.wait_for("views.publish", before + 1)[-1].args["view"])


def test_the_home_tab_shows_a_coordinator_what_needs_them(running: RunningBot) -> None:
    with running.bot.db.transaction() as session:
        outbox.enqueue(
            session,
            key="lost",
            kind="test",
            channel="C0GONE",
            payload={"text": "x"},
            now=running.clock.now(),
        )
    running.standin.fail("chat.postMessage", error="channel_not_found")
    running.tick()
    home = open_home(running, COORDINATOR, "EvF1")
    text = all_text(home["blocks"])
    assert tr(t.HOME_TODO) in text
    assert tr(t.HOME_TODO_FAILED, count=1) in text
    find_button(home["blocks"], Action.HOME_STATUS)
    find_button(home["blocks"], Action.HOME_EXPORT)
    form_button = find_button(home["blocks"], Action.INDICATOR_OPEN_FORM)
    running.click(form_button, COORDINATOR, channel=None, view=home)
    assert running.standin.wait_for("views.open", 1)[-1].args["view"]["callback_id"] == (
        Callback.INDICATOR_VALUE
    )
    partner = open_home(running, ANNA, "EvF2")
    assert tr(t.HOME_TODO) not in all_text(partner["blocks"])
    assert Action.HOME_EXPORT not in json.dumps(partner["blocks"])


def test_the_home_status_button_sends_the_summary_privately(running: RunningBot) -> None:
    home = open_home(running, OWNER, "EvF3")
    running.click(find_button(home["blocks"], Action.HOME_STATUS), OWNER, channel=None, view=home)
    message = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == OWNER
    )[0]
    assert tr(t.CAUTION) in all_text(message.args["blocks"])
    assert Action.SUMMARY_PUBLISH not in json.dumps(message.args["blocks"])


def test_help_lists_the_follow_up_commands(running: RunningBot) -> None:
    running.command("/samverkan", "hjälp", ANNA)
    text = running.standin.wait_for_response(1)[-1]["text"]
    for line in (t.HELP_STATUS, t.HELP_INDICATOR, t.HELP_EXPORT):
        assert tr(line) in text
