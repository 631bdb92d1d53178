"""A meeting counts as held only when attendance was recorded or a coordinator confirmed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain.meetings import MeetingStatus
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import followup as ft
from bot.texts import meetings as t
from commands.edge.ids import Action, Callback, Field
from commands.meetings.render.phrases import when
from slack_sim.web_api import SimulatedSlack
from storage import meetings as store
from storage import outbox
from storage.models import AuditEntry, Meeting
from storage.outbox import OutboxKey
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    RunningBot,
    all_text,
)
from tests.test_meetings import (
    WG_START,
    call_of,
    click,
    ephemeral_to,
    meeting_id,
    meetings,  # noqa: F401 - the fixture
    posted,
    posts_to,
    tick,
)

tr = Texts("sv")
PLANNING_END = datetime(2027, 1, 19, 13, 30, tzinfo=UTC)  # 14:30 in Stockholm
YEAR = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))


def status_of(running: RunningBot, ident: int) -> str:
    with running.bot.db.reading() as session:
        meeting = session.get(Meeting, ident)
        assert meeting is not None
        return meeting.status


def held(running: RunningBot, kind: str | None = None) -> int:
    with running.bot.db.reading() as session:
        return store.meetings_held(session, *YEAR, kind=kind)


def test_a_meeting_nobody_answered_is_not_followed_up_and_the_coordinators_are_asked_once(
    meetings: RunningBot,  # noqa: F811
) -> None:
    tick(meetings)  # plans the meetings
    tick(meetings, datetime(2027, 1, 17, 12, 0, tzinfo=UTC))  # the planning meeting's call
    tick(meetings, PLANNING_END + timedelta(minutes=1))
    tick(meetings, PLANNING_END + timedelta(hours=1))
    planning = meeting_id(meetings, "planning")
    assert status_of(meetings, planning) == MeetingStatus.UNCONFIRMED
    call = all_text(call_of(meetings, "planning")["blocks"])
    assert tr(t.CALL_UNCONFIRMED_BANNER) in call
    assert "genomfört" not in call
    asked = [
        post
        for post in posts_to(meetings, COORDINATOR_CHANNEL)
        if post.args["text"] == tr(t.UNCONFIRMED_FALLBACK, title="Planeringsmöte")
    ]
    assert len(asked) == 1
    assert held(meetings) == 0

    question = posted(meetings, OutboxKey.meeting_followup(planning))
    click(meetings, question, Action.MEETING_CONFIRM_HELD, ANNA, channel=COORDINATOR_CHANNEL)
    assert ephemeral_to(meetings, ANNA) == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    assert status_of(meetings, planning) == MeetingStatus.UNCONFIRMED

    click(meetings, question, Action.MEETING_CONFIRM_HELD, COORDINATOR, channel=COORDINATOR_CHANNEL)
    named = {
        "title": "Planeringsmöte",
        "when": when(
            tr,
            PLANNING_END - timedelta(minutes=90),
            PLANNING_END,
            meetings.bot.config.collaboration.tz,
        ),
    }
    assert ephemeral_to(meetings, COORDINATOR) == tr(t.CONFIRMED_HELD, **named)
    assert status_of(meetings, planning) == MeetingStatus.HELD
    assert held(meetings, "planning") == 1
    meetings.standin.wait_for("chat.update", 1)
    assert tr(t.CALL_HELD_BANNER) in all_text(call_of(meetings, "planning")["blocks"])
    with meetings.bot.db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "meeting_confirmed")
        ).one()
        assert entry.data == {
            "label": f"{named['title']} {named['when']}",
            "changes": [["meeting_status", "unconfirmed", "held"]],
        }

    click(
        meetings,
        question,
        Action.MEETING_CONFIRM_NOT_HELD,
        COORDINATOR,
        channel=COORDINATOR_CHANNEL,
    )
    already = tr(t.ALREADY_FOLLOWED_UP, status=tr(t.FOLLOWED_UP_HELD), **named)
    assert ephemeral_to(meetings, COORDINATOR, count=2) == already
    assert status_of(meetings, planning) == MeetingStatus.HELD


def test_a_working_group_meeting_that_did_not_take_place_is_not_counted(
    meetings: RunningBot,  # noqa: F811
) -> None:
    tick(meetings)
    tick(meetings, WG_START + timedelta(hours=2, minutes=1))
    working = meeting_id(meetings)
    assert status_of(meetings, working) == MeetingStatus.UNCONFIRMED
    question = posted(meetings, OutboxKey.meeting_followup(working))
    assert "ingen organisation svarade att den skulle komma" in all_text(question["blocks"])
    click(
        meetings,
        question,
        Action.MEETING_CONFIRM_NOT_HELD,
        COORDINATOR,
        channel=COORDINATOR_CHANNEL,
    )
    ephemeral_to(meetings, COORDINATOR)
    assert status_of(meetings, working) == MeetingStatus.CANCELLED
    assert held(meetings) == 0
    with meetings.bot.db.reading() as session:
        attendance = store.attendance_by_organization(session, *YEAR)
    assert attendance["tullverket"] == (0, 0)


def test_recording_attendance_follows_up_a_working_group_meeting_nobody_answered(
    meetings: RunningBot,  # noqa: F811
) -> None:
    tick(meetings)
    tick(meetings, WG_START + timedelta(hours=2, minutes=1))
    working = meeting_id(meetings)
    question = posted(meetings, OutboxKey.meeting_followup(working))
    click(
        meetings, question, Action.MEETING_FOLLOWUP_OPEN, COORDINATOR, channel=COORDINATOR_CHANNEL
    )
    meetings.standin.wait_for("views.open", 1)
    form = meetings.opened_view()
    assert form["callback_id"] == Callback.MEETING_ATTENDANCE
    meetings.submit(form, {Field.MEETING_ATTENDED: ["tullverket", "gavle"]}, COORDINATOR)
    ephemeral_to(meetings, COORDINATOR)
    assert status_of(meetings, working) == MeetingStatus.HELD
    with meetings.bot.db.reading() as session:
        attendance = store.attendance_by_organization(session, *YEAR)
        assert store.meetings_unconfirmed(session, *YEAR) == 0
    assert (attendance["tullverket"], attendance["hofors"]) == ((1, 1), (0, 1))


def test_the_summary_counts_held_meetings_only_and_says_how_many_are_not_followed_up(
    meetings: RunningBot,  # noqa: F811
) -> None:
    tick(meetings)
    tick(meetings, PLANNING_END + timedelta(days=2))
    meetings.command("/samverkan", "status", ANNA)
    text = all_text(meetings.standin.wait_for_response(1)[-1]["blocks"])
    assert (
        tr(
            ft.MEETINGS_FIGURES,
            working="inga",
            working_before="inga",
            arrow="→",
            all="inga",
            all_before="inga",
        )
        in text
    )
    assert tr.count(ft.MEETINGS_NOT_FOLLOWED_UP, 2) in text
    assert tr(ft.MEETINGS_NONE) in text


ASCENSION = {
    **BASE_CONFIG,
    "meetings": [
        {
            "kind": "planning",
            "title": "Planeringsmöte",
            "rrule": "FREQ=MONTHLY;BYDAY=1TH,3TH",
            "start": "2027-01-07T13:00",
            "duration": "1h",
            "call_before": "3d",
            "reminder_before": "1d",
            "on_holiday": "next_weekday",
        }
    ],
}


def test_the_reminder_of_a_meeting_moved_off_ascension_day_goes_out_the_day_before_it(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(standin, sqlite_url, now=NOW, config=ASCENSION)
    try:
        tick(running)
        with running.bot.db.reading() as session:
            moved = session.scalars(select(Meeting).where(Meeting.rule_key == "2027-05-06")).one()
            assert moved.start == datetime(2027, 5, 7, 11, 0, tzinfo=UTC)  # Friday 13:00
        reminder = OutboxKey.meeting_reminder(moved.id, moved.revision)
        tick(running, datetime(2027, 5, 5, 10, 59, tzinfo=UTC))
        with running.bot.db.reading() as session:
            assert outbox.status_of(session, reminder) is None
        tick(running, datetime(2027, 5, 5, 11, 0, tzinfo=UTC))  # Wednesday 13:00
        with running.bot.db.reading() as session:
            assert outbox.status_of(session, reminder) == outbox.SENT
    finally:
        running.stop()
