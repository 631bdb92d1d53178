"""The meeting rhythm end to end: signed requests and scheduler ticks in, Web API calls out."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import scheduler
from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.texts import meetings as t
from bot.texts import samverkan as st
from commands.edge.codec import CodecError, Value, decode, encode, encode_metadata
from commands.edge.ids import Action, Callback, Field
from commands.meetings.planner import planner
from commands.meetings.render.phrases import when
from commands.meetings.values import MeetingForm, MeetingRef, SeriesForm, SeriesRef
from slack_sim import requests as req
from slack_sim.web_api import Call, SimulatedSlack
from storage import meetings as store
from storage import outbox
from storage.models import Meeting, MeetingSeries, Need, OutboxMessage
from storage.outbox import OutboxKey
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    BERIT,
    COMMUNICATOR,
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

tr = Texts("sv")

CONFIG: dict[str, Any] = {
    **BASE_CONFIG,
    "meetings": [
        {
            "kind": "working_group",
            "title": "Arbetsgruppsmöte",
            "rrule": "FREQ=MONTHLY;BYDAY=2TU",
            "start": "2027-01-12T09:00",
            "duration": "2h",
            "location": "Länsstyrelsen, Gävle / Teams",
            "call_before": "7d",
            "reminder_before": "1d",
            "skip_months": [7],
            "agenda": ["Behov från parterna", "Aktuellt läge i länet"],
        },
        {
            "kind": "planning",
            "title": "Planeringsmöte",
            "rrule": "FREQ=MONTHLY;BYDAY=1TU,3TU",
            "start": "2027-01-19T13:00",
            "duration": "90m",
            "call_before": "2d",
            "reminder_before": "1d",
        },
        {
            "kind": "owners",
            "title": "Ägarmöte",
            "rrule": "FREQ=YEARLY;BYMONTH=4,11;BYDAY=1TH",
            "start": "2027-04-01T10:00",
            "call_before": "7d",
            "reminder_before": "1d",
            "summary_before": "14d",
        },
    ],
}
WG_START = datetime(2027, 1, 12, 8, 0, tzinfo=UTC)  # 09:00 in Stockholm
CALL_TIME = WG_START - timedelta(days=7)
REMINDER_TIME = WG_START - timedelta(days=1)
PLANNING_REMINDER = datetime(2027, 1, 18, 12, 0, tzinfo=UTC)  # 13:00 the day before


@pytest.fixture
def meetings(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """Serve the bot with the plan's three meeting series, on SQLite."""
    bot = RunningBot(standin, sqlite_url, now=NOW, config=CONFIG)
    yield bot
    bot.stop()


def tick(running: RunningBot, at: datetime | None = None) -> None:
    """Move the clock (if told) and run one scheduler tick."""
    if at is not None:
        running.clock.set(at)
    running.tick()


def meeting_id(running: RunningBot, kind: str = "working_group", index: int = 0) -> int:
    """Return the id of a kind's meeting, by start (0 = the first)."""
    with running.bot.db.reading() as session:
        ids = session.scalars(
            select(Meeting.id)
            .join(MeetingSeries)
            .where(MeetingSeries.kind == kind)
            .order_by(Meeting.start)
        ).all()
    return int(ids[index])


def posts_to(running: RunningBot, channel: str) -> list[Call]:
    """Return the chat.postMessage calls to one channel or person."""
    return [c for c in running.standin.calls_to("chat.postMessage") if c.args["channel"] == channel]


def posted(running: RunningBot, key: str) -> dict[str, Any]:
    """Return the message sent as an outbox key, as it stands in Slack now."""
    with running.bot.db.reading() as session:
        found = outbox.posted_ts(session, key)
    assert found is not None, f"{key} was not posted"
    channel, ts = found
    return copy.deepcopy(next(m for m in running.standin.messages[channel] if m["ts"] == ts))


def call_of(running: RunningBot, kind: str = "working_group") -> dict[str, Any]:
    """Return the first meeting of a kind's call as Slack holds it now."""
    return posted(running, OutboxKey.meeting_call(meeting_id(running, kind)))


def click(
    running: RunningBot,
    message: dict[str, Any],
    action_id: str,
    user: str,
    *,
    channel: str = WORKING_GROUP,
) -> None:
    """Press a button in a channel message."""
    running.click(find_button(message["blocks"], action_id), user, message=message, channel=channel)


def ephemeral_to(running: RunningBot, user: str, count: int = 1) -> str:
    """Wait for count private messages to user in a channel; return the last."""
    calls = running.standin.wait_for(
        "chat.postEphemeral", count, where=lambda call: call.args["user"] == user
    )
    return str(calls[-1].args["text"])


def dms_to(running: RunningBot, user: str, count: int = 1) -> list[Call]:
    """Wait for count direct messages to user; return them all."""
    return running.standin.wait_for(
        "chat.postMessage", count, where=lambda call: call.args["channel"] == user
    )


def list_for(running: RunningBot, user: str) -> dict[str, Any]:
    """Run /samverkan möten as user and return the private answer."""
    before = len(running.standin.responses)
    running.command("/samverkan", "möten", user)
    return running.standin.wait_for_response(before + 1)[-1]


def when_text(start: datetime) -> str:
    """Write a two-hour meeting's time as the bot does."""
    return when(tr, start, start + timedelta(hours=2), ZoneInfo("Europe/Stockholm"))


def outbox_rows(running: RunningBot, prefix: str) -> list[OutboxMessage]:
    """Return the outbox rows whose keys start with prefix."""
    with running.bot.db.reading() as session:
        return list(
            session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.key.like(prefix + "%"))
                .order_by(OutboxMessage.id)
            )
        )


# ---------------------------------------------------------------------------- the call


def test_the_call_is_posted_once_when_due_with_agenda_needs_and_buttons(
    meetings: RunningBot,
) -> None:
    submit_need(meetings)
    meetings.standin.wait_for("chat.postMessage", 2)
    tick(meetings)
    tick(meetings, CALL_TIME - timedelta(minutes=1))
    assert meetings.standin.calls_to("chat.postMessage")[2:] == []
    tick(meetings, CALL_TIME)
    tick(meetings)
    tick(meetings, CALL_TIME + timedelta(hours=3))
    calls = [
        c
        for c in posts_to(meetings, WORKING_GROUP)
        if c.args["metadata"]["event_payload"]["key"].startswith("meeting:")
    ]
    assert len(calls) == 1
    call = call_of(meetings)
    text = all_text(call["blocks"])
    assert "Kallelse: Arbetsgruppsmöte" in text
    assert "tisdag 12 januari 2027 kl. 09.00–11.00" in text
    assert "Länsstyrelsen, Gävle / Teams" in text
    assert "Behov från parterna" in text
    assert "Aktuellt läge i länet" in text
    assert "#1 Utbildning i drogtecken för tullpersonal _(Tullverket)_" in text
    for action in (
        Action.MEETING_RSVP_YES,
        Action.MEETING_RSVP_NO,
        Action.MEETING_RSVP_SUBSTITUTE,
        Action.MEETING_AGENDA_ADD,
    ):
        find_button(call["blocks"], action)
    rows = outbox_rows(meetings, "meeting:")
    assert [(r.key, r.status, r.expires_at) for r in rows] == [
        (f"meeting:{meeting_id(meetings)}:call", "sent", WG_START)
    ]


def test_answers_are_counted_per_organisation_on_the_call(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    click(meetings, call, Action.MEETING_RSVP_YES, ANNA)
    update = meetings.standin.wait_for("chat.update", 1)[0]
    assert update.args["ts"] == call["ts"]
    assert "✅ *Kommer:* Tullverket" in all_text(update.args["blocks"])
    assert ephemeral_to(meetings, ANNA) == tr(
        t.RSVP_SAVED_YES, title="Arbetsgruppsmöte", when=when_text(WG_START)
    )
    click(meetings, call, Action.MEETING_RSVP_NO, ERIK)
    meetings.standin.wait_for("chat.update", 2)
    click(meetings, call, Action.MEETING_RSVP_SUBSTITUTE, BERIT)
    meetings.standin.wait_for("views.open", 1)
    view = meetings.opened_view()
    assert view["callback_id"] == Callback.MEETING_SUBSTITUTE
    meetings.submit(view, {Field.MEETING_SUBSTITUTE_NAME: "  Kim  Larsson "}, BERIT)
    meetings.standin.wait_for("chat.update", 3)
    now_text = all_text(call_of(meetings)["blocks"])
    assert "✅ *Kommer:* Tullverket" in now_text
    assert "🔁 *Skickar ersättare:* Gävle kommun (Kim Larsson)" in now_text
    assert "Kommer inte" not in now_text  # Erik's colleague attends for Tullverket
    waiting = now_text.split("⏳ *Inget svar än:*")[1]
    assert "Tullverket" not in waiting
    assert "Gävle kommun" not in waiting
    with meetings.bot.db.reading() as session:
        mid = meeting_id(meetings)
        assert store.rsvp_of(session, mid, ANNA) == "yes"
        assert store.rsvp_of(session, mid, ERIK) == "no"
        assert store.rsvp_of(session, mid, BERIT) == "substitute"
        assert store.rsvp_of(session, mid, COORDINATOR) is None
        assert store.contacts(session) == {"tullverket": {ANNA, ERIK}, "gavle": {BERIT}}
    click(meetings, call, Action.MEETING_RSVP_NO, ANNA)  # Anna changes her mind
    meetings.standin.wait_for("chat.update", 4)
    final = all_text(call_of(meetings)["blocks"])
    assert "❌ *Kommer inte:* Tullverket" in final


def test_of_two_quick_presses_handled_out_of_order_the_last_one_stays(
    meetings: RunningBot,
) -> None:
    """Presses are acked at once and stored in a pool, so an earlier one may be stored later."""
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    meetings.clock.set(CALL_TIME + timedelta(seconds=2))
    click(meetings, call, Action.MEETING_RSVP_NO, ANNA)  # the last press, stored first
    meetings.standin.wait_for("chat.update", 1)
    assert ephemeral_to(meetings, ANNA) == tr(
        t.RSVP_SAVED_NO, title="Arbetsgruppsmöte", when=when_text(WG_START)
    )
    meetings.clock.set(CALL_TIME + timedelta(seconds=1))
    click(meetings, call, Action.MEETING_RSVP_YES, ANNA)  # the first press, stored second
    meetings.listeners.wait_idle()
    with meetings.bot.db.reading() as session:
        assert store.rsvp_of(session, meeting_id(meetings), ANNA) == "no"
    to_anna = [
        call.args["text"]
        for call in meetings.standin.calls
        if call.method == "chat.postEphemeral" and call.args["user"] == ANNA
    ]
    assert len(to_anna) == 1  # the stale press is not told "you attend"
    assert len([c for c in meetings.standin.calls if c.method == "chat.update"]) == 1
    meetings.clock.set(CALL_TIME + timedelta(seconds=3))
    click(meetings, call, Action.MEETING_RSVP_YES, ANNA)  # a new press after it counts
    meetings.standin.wait_for("chat.update", 2)
    with meetings.bot.db.reading() as session:
        assert store.rsvp_of(session, meeting_id(meetings), ANNA) == "yes"


def test_a_substitute_with_an_identity_number_is_refused_inline(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    click(meetings, call_of(meetings), Action.MEETING_RSVP_SUBSTITUTE, BERIT)
    meetings.standin.wait_for("views.open", 1)
    result = meetings.submit(
        meetings.opened_view(), {Field.MEETING_SUBSTITUTE_NAME: "Kim 19121212-1212"}, BERIT
    )
    assert result.json() == {
        "response_action": "errors",
        "errors": {Field.MEETING_SUBSTITUTE_NAME: tr(c.IDENTITY_NUMBER, found="”19121212-1212”")},
    }
    with meetings.bot.db.reading() as session:
        assert store.rsvp_of(session, meeting_id(meetings), BERIT) is None


def test_answers_from_outsiders_and_to_other_meetings_are_refused(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    click(meetings, call, Action.MEETING_RSVP_YES, OUTSIDER)
    assert ephemeral_to(meetings, OUTSIDER) == tr(c.NO_ORGANIZATION)
    tick(meetings, PLANNING_REMINDER)
    planning = call_of(meetings, "planning")
    click(meetings, planning, Action.MEETING_RSVP_YES, ANNA, channel=COORDINATOR_CHANNEL)
    assert ephemeral_to(meetings, ANNA) == tr(c.NOT_ALLOWED, who=tr(t.KIND_PARTICIPANTS))
    with meetings.bot.db.reading() as session:
        assert store.answers_of(session, meeting_id(meetings)) == []
        assert store.answers_of(session, meeting_id(meetings, "planning")) == []


def test_answers_and_agenda_items_close_when_the_meeting_starts(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    click(meetings, call, Action.MEETING_AGENDA_ADD, ANNA)
    meetings.standin.wait_for("views.open", 1)
    agenda_view = meetings.opened_view()
    assert agenda_view["callback_id"] == Callback.MEETING_AGENDA
    meetings.submit(agenda_view, {Field.MEETING_AGENDA_ITEM: "Nya narkotikaklassningar"}, ANNA)
    update = meetings.standin.wait_for("chat.update", 1)[0]
    assert "Nya narkotikaklassningar _(Tullverket)_" in all_text(update.args["blocks"])
    meetings.clock.set(WG_START + timedelta(minutes=5))
    late = meetings.submit(agenda_view, {Field.MEETING_AGENDA_ITEM: "En punkt för sent"}, ERIK)
    assert late.json()["errors"] == {
        Field.MEETING_AGENDA_ITEM: tr(
            t.AGENDA_CLOSED, title="Arbetsgruppsmöte", when=when_text(WG_START)
        )
    }
    click(meetings, call, Action.MEETING_RSVP_YES, ERIK)
    assert ephemeral_to(meetings, ERIK) == tr(
        t.RSVP_CLOSED, title="Arbetsgruppsmöte", when=when_text(WG_START)
    )
    with meetings.bot.db.reading() as session:
        items = store.agenda_items(session, meeting_id(meetings))
        assert [i.text for i in items] == ["Nya narkotikaklassningar"]
        assert store.answers_of(session, meeting_id(meetings)) == []


# --------------------------------------------------------------------------- reminders


def test_the_reminder_goes_to_the_channel_and_privately_to_contacts_who_have_not_answered(
    meetings: RunningBot,
) -> None:
    tick(meetings, CALL_TIME)
    click(meetings, call_of(meetings), Action.MEETING_RSVP_YES, ANNA)
    ephemeral_to(meetings, ANNA)
    response = list_for(meetings, COORDINATOR)
    meetings.click(find_button(response["blocks"], Action.MEETING_CONTACTS_OPEN), COORDINATOR)
    meetings.standin.wait_for("views.open", 1)
    form = meetings.opened_view()
    assert form["callback_id"] == Callback.MEETING_CONTACTS
    meetings.submit(form, {Field.MEETING_CONTACT_USERS: [ANNA, ERIK, BERIT, OUTSIDER]}, COORDINATOR)
    saved = dms_to(meetings, COORDINATOR)[-1].args["text"]
    assert saved == tr(t.CONTACTS_SAVED, count=3) + tr(t.CONTACTS_UNKNOWN, users=f"<@{OUTSIDER}>")
    tick(meetings, REMINDER_TIME - timedelta(minutes=1))
    assert len(posts_to(meetings, WORKING_GROUP)) == 1
    tick(meetings, REMINDER_TIME)
    tick(meetings, REMINDER_TIME + timedelta(hours=1))
    reminders = posts_to(meetings, WORKING_GROUP)[1:]
    assert len(reminders) == 1
    assert "*Påminnelse:* *Arbetsgruppsmöte*" in all_text(reminders[0].args["blocks"])
    assert "En organisation har svarat att den kommer." in all_text(reminders[0].args["blocks"])
    assert [len(posts_to(meetings, u)) for u in (ANNA, ERIK, BERIT, OUTSIDER)] == [0, 1, 1, 0]
    private = posts_to(meetings, ERIK)[0]
    assert "Du har inte svarat på kallelsen till *Arbetsgruppsmöte*" in all_text(
        private.args["blocks"]
    )
    find_button(private.args["blocks"], Action.MEETING_RSVP_YES)


def test_the_planning_reminder_lets_a_coordinator_invite_the_communicator(
    meetings: RunningBot,
) -> None:
    tick(meetings, PLANNING_REMINDER)
    mid = meeting_id(meetings, "planning")
    reminder = posted(meetings, f"meeting:{mid}:reminder")
    assert "*Påminnelse:* *Planeringsmöte*" in all_text(reminder["blocks"])
    assert len(posts_to(meetings, COORDINATOR)) == 1  # the coordinator has not answered
    click(meetings, reminder, Action.MEETING_INVITE, ANNA, channel=COORDINATOR_CHANNEL)
    assert ephemeral_to(meetings, ANNA) == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    click(meetings, reminder, Action.MEETING_INVITE, COORDINATOR, channel=COORDINATOR_CHANNEL)
    invitation = dms_to(meetings, COMMUNICATOR)[0]
    assert "bjuder in dig till *Planeringsmöte*" in all_text(invitation.args["blocks"])
    assert ephemeral_to(meetings, COORDINATOR) == tr(t.INVITE_DONE, users=f"<@{COMMUNICATOR}>")
    click(meetings, reminder, Action.MEETING_INVITE, COORDINATOR, channel=COORDINATOR_CHANNEL)
    assert ephemeral_to(meetings, COORDINATOR, 2) == tr(
        t.INVITE_ALREADY, users=f"<@{COMMUNICATOR}>"
    )
    assert len(posts_to(meetings, COMMUNICATOR)) == 1
    with meetings.bot.db.reading() as session:
        assert store.invited(session, mid) == {COMMUNICATOR}


# ------------------------------------------------------------ cancelling and moving


def open_from_list(
    running: RunningBot, action: str, value: int, user: str = COORDINATOR
) -> dict[str, Any]:
    """Press a coordinator's button in the list and return the form it opened."""
    response = list_for(running, user)
    before = len(running.standin.calls_to("views.open"))
    running.click(find_button(response["blocks"], action, encode(MeetingRef(meeting=value))), user)
    running.standin.wait_for("views.open", before + 1)
    return running.opened_view()


def test_a_cancelled_meeting_is_announced_to_everyone_who_was_told(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    click(meetings, call, Action.MEETING_RSVP_YES, ANNA)
    ephemeral_to(meetings, ANNA)  # the confirmation is the answer's last step
    mid = meeting_id(meetings)
    meetings.click(
        {
            "action_id": Action.MEETING_CANCEL_OPEN,
            "type": "button",
            "value": encode(MeetingRef(meeting=mid)),
        },
        ANNA,
    )
    assert ephemeral_to(meetings, ANNA, 2) == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    view = open_from_list(meetings, Action.MEETING_CANCEL_OPEN, mid)
    assert view["callback_id"] == Callback.MEETING_CANCEL
    meetings.submit(view, {Field.MEETING_REASON: "Lokalen är upptagen"}, COORDINATOR)
    notice = meetings.standin.wait_for(
        "chat.postMessage", 2, where=lambda c: c.args["channel"] == WORKING_GROUP
    )[-1]
    assert notice.args["text"] == tr(
        t.NOTICE_CANCELLED,
        title="Arbetsgruppsmöte",
        when=when_text(WG_START),
        reason=tr(t.REASON_SUFFIX, reason="Lokalen är upptagen"),
    )
    assert dms_to(meetings, ANNA)[0].args["text"] == notice.args["text"]
    cancelled = call_of(meetings)
    assert "Mötet är inställt." in all_text(cancelled["blocks"])
    assert Action.MEETING_RSVP_YES not in str(cancelled["blocks"])
    confirmation = ephemeral_to(meetings, COORDINATOR)
    assert confirmation.endswith(
        tr(t.TOLD, channel=tr(t.TOLD_CHANNEL), people=tr(t.TOLD_PEOPLE, count=1))
    )
    tick(meetings, REMINDER_TIME)
    assert len(posts_to(meetings, WORKING_GROUP)) == 2  # the call and the notice, no reminder
    click(meetings, call, Action.MEETING_RSVP_YES, ERIK)
    assert ephemeral_to(meetings, ERIK) == tr(
        t.MEETING_CANCELLED, title="Arbetsgruppsmöte", when=when_text(WG_START)
    )
    with meetings.bot.db.reading() as session:
        meeting = session.get(Meeting, mid)
        assert meeting is not None
        assert (meeting.status, meeting.cancel_reason) == ("cancelled", "Lokalen är upptagen")


def test_a_moved_meeting_keeps_its_new_time_and_everyone_told_hears(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    click(meetings, call_of(meetings), Action.MEETING_RSVP_YES, ANNA)
    ephemeral_to(meetings, ANNA)
    mid = meeting_id(meetings)
    view = open_from_list(meetings, Action.MEETING_MOVE_OPEN, mid)
    assert view["callback_id"] == Callback.MEETING_MOVE
    past = meetings.submit(
        view,
        {Field.MEETING_DATE: date(2027, 1, 4), Field.MEETING_TIME: "09:00"},
        COORDINATOR,
    )
    assert past.json()["errors"] == {Field.MEETING_DATE: tr(t.MOVE_IN_PAST)}
    meetings.submit(
        view,
        {Field.MEETING_DATE: date(2027, 1, 14), Field.MEETING_TIME: "13:00"},
        COORDINATOR,
    )
    new_start = datetime(2027, 1, 14, 12, 0, tzinfo=UTC)
    notice = dms_to(meetings, ANNA)[0]
    assert (
        "flyttat från tisdag 12 januari 2027 kl. 09.00 till "
        "*torsdag 14 januari 2027 kl. 13.00–15.00*" in notice.args["text"]
    )
    meetings.standin.wait_for("chat.update", 2)
    assert "torsdag 14 januari 2027 kl. 13.00–15.00" in all_text(call_of(meetings)["blocks"])
    tick(meetings, REMINDER_TIME)  # the old reminder time: nothing
    assert len(posts_to(meetings, WORKING_GROUP)) == 2
    tick(meetings, new_start - timedelta(days=1))
    reminder = posted(meetings, f"meeting:{mid}:reminder:r1")
    assert "torsdag 14 januari 2027" in all_text(reminder["blocks"])
    with meetings.bot.db.reading() as session:
        meeting = session.get(Meeting, mid)
        assert meeting is not None
        assert (meeting.start, meeting.manual, meeting.revision) == (new_start, True, 1)


# ------------------------------------------------------------------- list and series


def test_the_list_shows_each_person_their_meetings_and_answers(meetings: RunningBot) -> None:
    tick(meetings, CALL_TIME)
    click(meetings, call_of(meetings), Action.MEETING_RSVP_YES, ANNA)
    ephemeral_to(meetings, ANNA)
    anna = all_text(list_for(meetings, ANNA)["blocks"])
    assert "*Arbetsgruppsmöte* · tisdag 12 januari 2027 kl. 09.00–11.00" in anna
    assert "Ditt svar: *kommer*" in anna
    assert "Planeringsmöte" not in anna
    assert "Ägarmöte" not in anna
    assert "Mötesserier" not in anna
    coordinator = list_for(meetings, COORDINATOR)
    text = all_text(coordinator["blocks"])
    assert "Planeringsmöte" in text
    assert (
        "*Arbetsgruppsmöte* · andra tisdagen i månaden · kl. 09.00, 2 timmar · "
        "inget möte i juli" in text
    )
    assert "första och tredje tisdagen i månaden" in text
    assert "regel `FREQ=YEARLY;BYMONTH=4,11;BYDAY=1TH`" in text
    find_button(coordinator["blocks"], Action.MEETING_SERIES_NEW)
    owner = all_text(list_for(meetings, OWNER)["blocks"])
    assert "Ägarmöte" in owner
    assert "Planeringsmöte" not in owner
    before = len(meetings.standin.responses)
    meetings.command("/samverkan", "möten ny", ANNA)
    refusal = meetings.standin.wait_for_response(before + 1)[-1]
    assert refusal["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))


def series_answers(**changes: Any) -> dict[str, Any]:
    """Return a valid series form's answers, changed as told."""
    answers: dict[str, Any] = {
        Field.SERIES_KIND: "working_group",
        Field.SERIES_TITLE: "Länsträff om cannabis",
        Field.SERIES_FIRST_DATE: date(2027, 2, 3),
        Field.SERIES_FIRST_TIME: "10:00",
        Field.SERIES_DURATION: "2h",
        Field.SERIES_FREQUENCY: "monthly",
        Field.SERIES_CALL_BEFORE: "7d",
        Field.SERIES_REMINDER_BEFORE: "1d",
        Field.SERIES_ON_HOLIDAY: "next_weekday",
        Field.SERIES_LOCATION: "Teams",
    }
    answers.update(changes)
    return answers


def test_a_coordinator_creates_changes_pauses_and_resumes_a_series(meetings: RunningBot) -> None:
    response = list_for(meetings, COORDINATOR)
    meetings.click(find_button(response["blocks"], Action.MEETING_SERIES_NEW), COORDINATOR)
    meetings.standin.wait_for("views.open", 1)
    form = meetings.opened_view()
    assert form["callback_id"] == Callback.MEETING_SERIES_FORM
    bad = meetings.submit(form, series_answers(**{Field.SERIES_REMINDER_BEFORE: "8d"}), COORDINATOR)
    assert bad.json()["errors"] == {Field.SERIES_REMINDER_BEFORE: tr(t.REMINDER_AFTER_CALL)}
    meetings.submit(form, series_answers(), COORDINATOR, view_id="VSERIES01")
    meetings.submit(form, series_answers(), COORDINATOR, view_id="VSERIES01")  # a retry
    saved = ephemeral_to(meetings, COORDINATOR, 2)
    assert saved == tr(
        t.SERIES_SAVED,
        title="Länsträff om cannabis",
        next="onsdag 3 februari 2027 kl. 10.00–12.00",
    )
    with meetings.bot.db.reading() as session:
        created = session.scalars(
            select(MeetingSeries).where(MeetingSeries.source == "slack")
        ).one()
        assert (created.rrule, created.edited_in_slack) == ("FREQ=MONTHLY;BYDAY=1WE", True)
        planned = store.meetings_after(session, created.id, meetings.clock.now())
        assert len(planned) == 12  # monthly, July off as the form suggests
        series_id = created.id
    response = list_for(meetings, COORDINATOR)
    meetings.click(
        find_button(
            response["blocks"], Action.MEETING_SERIES_EDIT, encode(SeriesRef(series=series_id))
        ),
        COORDINATOR,
    )
    meetings.standin.wait_for("views.open", 2)
    edit = meetings.opened_view()
    time_block = next(b for b in edit["blocks"] if b.get("block_id") == Field.SERIES_FIRST_TIME)
    assert time_block["element"]["initial_time"] == "10:00"
    meetings.submit(edit, series_answers(**{Field.SERIES_FIRST_TIME: "11:30"}), COORDINATOR)
    ephemeral_to(meetings, COORDINATOR, 3)
    with meetings.bot.db.reading() as session:
        first = store.meetings_after(session, series_id, meetings.clock.now())[0]
        assert first.start == datetime(2027, 2, 3, 10, 30, tzinfo=UTC)
    meetings.click(
        {
            "action_id": Action.MEETING_SERIES_PAUSE,
            "type": "button",
            "value": encode(SeriesRef(series=series_id)),
        },
        COORDINATOR,
    )
    assert ephemeral_to(meetings, COORDINATOR, 4) == tr(
        t.SERIES_PAUSED, title="Länsträff om cannabis"
    )
    with meetings.bot.db.reading() as session:
        statuses = {m.status for m in store.meetings_after(session, series_id, NOW)}
        assert statuses == {"dropped"}
    listing = all_text(list_for(meetings, COORDINATOR)["blocks"])
    assert "*Länsträff om cannabis* (Arbetsgruppsmöte) · första onsdagen i månaden" in listing
    assert ":double_vertical_bar: _pausad_" in listing
    meetings.click(
        {
            "action_id": Action.MEETING_SERIES_RESUME,
            "type": "button",
            "value": encode(SeriesRef(series=series_id)),
        },
        COORDINATOR,
    )
    ephemeral_to(meetings, COORDINATOR, 5)
    with meetings.bot.db.reading() as session:
        statuses = {m.status for m in store.meetings_after(session, series_id, NOW)}
        assert statuses == {"scheduled"}


def test_help_explains_the_meetings(meetings: RunningBot) -> None:
    meetings.command("/samverkan", "möten hjälp", ANNA)
    assert meetings.standin.wait_for_response(1)[-1]["text"] == tr(t.MEETINGS_HELP)
    meetings.command("/samverkan", "hjälp", ANNA)
    help_text = meetings.standin.wait_for_response(2)[-1]["text"]
    assert tr(t.HELP_MEETINGS) in help_text
    assert tr(t.HELP_CALENDAR) in help_text
    assert tr(st.HELP_HELP) in help_text


# ----------------------------------------------------------------------- stale buttons

NO_ROW = 999_999


@pytest.mark.parametrize(
    ("action", "value", "user", "msg"),
    [
        (Action.MEETING_RSVP_YES, MeetingRef(meeting=NO_ROW), ANNA, t.MEETING_NOT_FOUND),
        (Action.MEETING_RSVP_SUBSTITUTE, MeetingRef(meeting=NO_ROW), ANNA, t.MEETING_NOT_FOUND),
        (Action.MEETING_AGENDA_ADD, MeetingRef(meeting=NO_ROW), ANNA, t.MEETING_NOT_FOUND),
        (Action.MEETING_INVITE, MeetingRef(meeting=NO_ROW), COORDINATOR, t.MEETING_NOT_FOUND),
        (Action.MEETING_MOVE_OPEN, MeetingRef(meeting=NO_ROW), COORDINATOR, t.MEETING_NOT_FOUND),
        (
            Action.MEETING_FOLLOWUP_OPEN,
            MeetingRef(meeting=NO_ROW),
            COORDINATOR,
            t.MEETING_NOT_FOUND,
        ),
        (Action.MEETING_SERIES_EDIT, SeriesRef(series=NO_ROW), COORDINATOR, t.SERIES_NOT_FOUND),
        (Action.MEETING_SERIES_PAUSE, SeriesRef(series=NO_ROW), COORDINATOR, t.SERIES_NOT_FOUND),
        (Action.MEETING_SERIES_PAUSE, SeriesRef(series=NO_ROW), ANNA, c.NOT_ALLOWED),
    ],
)
def test_a_button_naming_no_meeting_or_series_is_answered_privately_and_changes_nothing(
    meetings: RunningBot, action: str, value: Value, user: str, msg: Msg
) -> None:
    tick(meetings)
    before = outbox_rows(meetings, "")
    meetings.click({"action_id": action, "type": "button", "value": encode(value)}, user)
    expected = tr(msg, who=tr(c.WHO_COORDINATORS)) if msg is c.NOT_ALLOWED else tr(msg)
    assert ephemeral_to(meetings, user) == expected
    assert meetings.standin.calls_to("views.open") == []
    assert [r.key for r in outbox_rows(meetings, "")] == [r.key for r in before]


@pytest.mark.parametrize("value", ["1", '{"meeting": "1"}', '{"series": 1}', "", '{"meeting": 0}'])
def test_a_button_value_the_bot_did_not_write_is_refused_politely(
    meetings: RunningBot, value: str
) -> None:
    tick(meetings)
    meetings.click({"action_id": Action.MEETING_RSVP_YES, "type": "button", "value": value}, ANNA)
    assert meetings.standin.wait_for_response(1)[-1]["text"] == tr(c.STALE_BUTTON)
    with meetings.bot.db.reading() as session:
        assert store.answers_of(session, meeting_id(meetings)) == []


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        (MeetingRef, "1"),
        (MeetingRef, "{}"),
        (MeetingRef, '{"meeting": 1.0}'),
        (MeetingRef, '{"meeting": -1}'),
        (MeetingRef, '{"meeting": 9223372036854775808}'),
        (MeetingRef, '{"meeting": "\u0664"}'),
        (MeetingRef, '{"meeting": 1, "status": "new"}'),
        (SeriesRef, '{"meeting": 1}'),
        (MeetingForm, '{"meeting": 1, "channel": "#general"}'),
        (MeetingForm, '{"meeting": 1, "channel": "C0\u0000"}'),
        (SeriesForm, '{"series": 0}'),
        (SeriesForm, "not json"),
    ],
)
def test_meeting_values_refuse_what_the_bot_did_not_write(kind: type[Value], raw: str) -> None:
    with pytest.raises(CodecError):
        decode(kind, raw)


def test_meeting_values_read_back_what_the_bot_wrote() -> None:
    form = MeetingForm(meeting=12, channel=WORKING_GROUP)
    assert decode(MeetingForm, encode_metadata(form)) == form
    assert decode(SeriesForm, encode_metadata(SeriesForm())) == SeriesForm(series=None)


# ---------------------------------------------------------------------------- calendar


def test_the_calendar_command_sends_an_ics_file_of_ones_own_meetings(meetings: RunningBot) -> None:
    tick(meetings)
    meetings.command("/samverkan", "kalender", ANNA)
    assert meetings.standin.wait_for_response(1)[-1]["text"] == tr(t.CALENDAR_IN_DM)
    completed = meetings.standin.wait_for("files.completeUploadExternal", 1)[0]
    upload = meetings.standin.calls_to("files.getUploadURLExternal")[0]
    assert upload.args["filename"] == "samverkan-moten.ics"
    assert completed.args["channel_id"] == "D0ANNA001"  # privately, not in the channel
    file_id = completed.args["files"][0]["id"]
    data = meetings.standin.uploads.pop(file_id).decode()  # the stand-in's state is shared
    assert data.count("BEGIN:VEVENT") == 13  # 400 days ahead: to February 2028
    assert "SUMMARY:Arbetsgruppsmöte" in data
    assert "Planeringsmöte" not in data
    assert "DTSTART:20270112T080000Z" in data
    shared = meetings.standin.messages["D0ANNA001"][-1]
    assert shared["files"][0]["name"] == "samverkan-moten.ics"


def test_the_calendar_route_serves_the_working_group_and_owners_meetings(
    meetings: RunningBot,
) -> None:
    tick(meetings)
    result = meetings.request("GET", "/calendar.ics")
    assert result.status == 200
    text = result.body.decode()
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("SUMMARY:Arbetsgruppsmöte") == 13
    assert text.count("SUMMARY:Ägarmöte") == 2
    assert "Planeringsmöte" not in text
    assert "DTSTART:20270401T080000Z" in text  # 10:00 in summer time


# ------------------------------------------------------------------- after the meeting


def test_after_the_meeting_attendance_is_recorded_and_needs_marked_taken_up(
    meetings: RunningBot,
) -> None:
    submit_need(meetings)
    meetings.standin.wait_for("chat.postMessage", 2)
    tick(meetings, CALL_TIME)
    call = call_of(meetings)
    click(meetings, call, Action.MEETING_RSVP_YES, ANNA)
    meetings.standin.wait_for("chat.update", 1)
    click(meetings, call, Action.MEETING_RSVP_NO, BERIT)
    meetings.standin.wait_for("chat.update", 2)
    tick(meetings, WG_START + timedelta(hours=2))
    mid = meeting_id(meetings)
    followup = posted(meetings, f"meeting:{mid}:followup")
    assert "Enligt svaren var *1 av 20* organisationer med." in all_text(followup["blocks"])
    assert "Mötet är genomfört." in all_text(call_of(meetings)["blocks"])
    year = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    with meetings.bot.db.reading() as session:
        assert store.meetings_held(session, *year) == 1
        assert store.meetings_held(session, *year, kind="owners") == 0
        attendance = store.attendance_by_organization(session, *year)
        assert attendance["tullverket"] == (1, 1)
        assert attendance["gavle"] == (0, 1)
    click(meetings, followup, Action.MEETING_FOLLOWUP_OPEN, ANNA, channel=COORDINATOR_CHANNEL)
    assert ephemeral_to(meetings, ANNA, count=2) == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    click(
        meetings, followup, Action.MEETING_FOLLOWUP_OPEN, COORDINATOR, channel=COORDINATOR_CHANNEL
    )
    meetings.standin.wait_for("views.open", 2)
    form = meetings.opened_view()
    assert form["callback_id"] == Callback.MEETING_ATTENDANCE
    attended = next(b for b in form["blocks"] if b.get("block_id") == Field.MEETING_ATTENDED)
    assert [o["value"] for o in attended["element"]["initial_options"]] == ["tullverket"]
    meetings.submit(
        form,
        {
            Field.MEETING_ATTENDED: ["tullverket", "gavle", "region"],
            Field.MEETING_NEEDS_TAKEN_UP: ["1"],
        },
        COORDINATOR,
    )
    saved = ephemeral_to(meetings, COORDINATOR)
    assert saved == (
        f"Sparat för *Arbetsgruppsmöte* {when_text(WG_START)}: 3 organisationer var med och "
        "1 behov markerades som taget upp på mötet."
    )
    notice = dms_to(meetings, ANNA, 2)[-1]
    assert "Taget upp på möte" in notice.args["text"]
    with meetings.bot.db.reading() as session:
        need = session.get(Need, 1)
        assert need is not None
        assert need.status == "taken_up"
        attendance = store.attendance_by_organization(session, *year)
        assert [attendance[o] for o in ("tullverket", "gavle", "region", "hig")] == [
            (1, 1),
            (1, 1),
            (1, 1),
            (0, 1),
        ]


def test_a_summary_hook_runs_within_summary_before_an_owners_meeting(meetings: RunningBot) -> None:
    queued: list[int] = []

    def hook(bot: Any, session: Any, meeting: Meeting) -> None:
        """Queue a stand-in status summary, as the follow-up surface does."""
        queued.append(meeting.id)
        outbox.enqueue(
            session,
            key=f"meeting:{meeting.id}:summary",
            kind="status_summary",
            channel="C0AGARE001",
            payload={"text": "Statussammanfattning"},
            now=bot.clock.now(),
        )

    plan = planner(hook)  # the meetings planner with this hook instead of the follow-up's

    def hooked_tick(at: datetime | None = None) -> None:
        if at is not None:
            meetings.clock.set(at)
        scheduler.tick(meetings.bot, [plan])

    summary_time = datetime(2027, 3, 18, 9, 0, tzinfo=UTC)  # 10:00 two weeks before
    hooked_tick(summary_time - timedelta(minutes=1))
    assert queued == []
    hooked_tick(summary_time)
    hooked_tick()
    owners = meeting_id(meetings, "owners")
    assert queued == [owners, owners]
    summary = [r for r in outbox_rows(meetings, f"meeting:{owners}:summary") if r.op == "post"]
    assert [r.status for r in summary] == ["sent"]
    with meetings.bot.db.reading() as session:
        upcoming = store.next_owners_meeting(session, summary_time)
        assert upcoming is not None
        assert (upcoming.id, upcoming.start) == (owners, datetime(2027, 4, 1, 8, tzinfo=UTC))


# ----------------------------------------------------------------------------- the Home tab


def test_the_home_tab_shows_the_next_meetings_with_answer_buttons(meetings: RunningBot) -> None:
    tick(meetings)
    event = req.event_callback({"type": "app_home_opened", "user": ANNA, "tab": "home"})
    meetings.post(event, content_type="application/json")
    home = meetings.standin.wait_for("views.publish", 1)[0].args["view"]
    text = all_text(home["blocks"])
    assert "*Dina nästa möten*" in text
    assert "*Arbetsgruppsmöte* · tisdag 12 januari 2027 kl. 09.00–11.00" in text
    assert "Ditt svar: *inget svar än*" in text
    stored = meetings.standin.home_views[ANNA]
    meetings.click(
        {
            "action_id": Action.MEETING_RSVP_YES,
            "value": encode(MeetingRef(meeting=meeting_id(meetings))),
        },
        ANNA,
        view=stored,
        channel=None,
    )
    republished = meetings.standin.wait_for("views.publish", 2)[-1].args["view"]
    assert "Ditt svar: *kommer*" in all_text(republished["blocks"])
    confirmation = dms_to(meetings, ANNA)[0].args["text"]
    assert confirmation == tr(t.RSVP_SAVED_YES, title="Arbetsgruppsmöte", when=when_text(WG_START))
    with meetings.bot.db.reading() as session:
        upcoming = store.next_meetings(session, NOW, limit=2)
        assert [(m.kind, m.title, m.status) for m in upcoming] == [
            ("working_group", "Arbetsgruppsmöte", "scheduled"),
            ("planning", "Planeringsmöte", "scheduled"),
        ]
