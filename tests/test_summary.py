"""The owners' status summary: periods, figures from known data, and Slack's limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.config import parse_config
from bot.domain.charts import summary_charts
from bot.domain.indicators import (
    COUNTY,
    Direction,
    Point,
    Trend,
    UnitKind,
    ValueDraft,
    parse_period,
)
from bot.domain.needs import FocusArea, NeedDraft, NeedStatus, Urgency
from bot.domain.organizations import BUILT_IN
from bot.domain.summary import (
    Attendance,
    Compared,
    IndicatorSeries,
    MeetingsPart,
    Missed,
    MonthCounts,
    NeedsPart,
    OpenNeed,
    OrganizationNeeds,
    Participants,
    StatusSummary,
    SubjectFigures,
    TrainingKnowledge,
    TrainingsPart,
    month_starts,
    owners_meetings_from_config,
    report_back,
    subject_figures,
    summary_window,
)
from bot.domain.trainings import SUBJECT_LABELS, Subject
from bot.texts import Texts
from bot.texts import followup as t
from commands.followup.render_summary import summary_messages
from slack_sim.contract import message_problem
from storage import outbox
from storage.answers import ViewKind, release_view
from storage.db import Database
from storage.directory import sync_organizations
from storage.indicators import record_value
from storage.migrate import upgrade
from storage.models import (
    Attendance as MeetingAttendance,
)
from storage.models import (
    Meeting,
    MeetingSeries,
    OutboxMessage,
    SurveyResponse,
    Training,
)
from storage.needs import create_need, move_need
from storage.summary import build_summary, meetings_without_call
from tests.harness import all_text

UTC_NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
TZ = ZoneInfo("Europe/Stockholm")
OWNERS_LAST = datetime(2026, 6, 10, 7, 0, tzinfo=UTC)
OWNERS_BEFORE = datetime(2025, 12, 10, 8, 0, tzinfo=UTC)
CURRENT = OWNERS_LAST + timedelta(days=30)
PREVIOUS = OWNERS_BEFORE + timedelta(days=30)
tr = Texts("sv")
CONFIG = parse_config({"collaboration": {"name": "Gävleborg mot narkotika"}})


# ------------------------------------------------------------------------------ the period


def test_the_period_runs_from_the_last_owners_meeting_and_is_compared_with_the_one_before() -> None:
    window = summary_window(UTC_NOW, [OWNERS_BEFORE, OWNERS_LAST, UTC_NOW + timedelta(days=14)])
    assert (window.start, window.end, window.previous_start) == (
        OWNERS_LAST,
        UTC_NOW,
        OWNERS_BEFORE,
    )
    assert window.since_owners_meeting


def test_one_owners_meeting_gives_a_period_before_of_the_same_length() -> None:
    window = summary_window(UTC_NOW, [OWNERS_LAST])
    assert window.previous_start == OWNERS_LAST - (UTC_NOW - OWNERS_LAST)


def test_without_owners_meetings_the_period_is_the_last_half_year() -> None:
    window = summary_window(UTC_NOW, [])
    assert window.end - window.start == timedelta(days=182)
    assert window.start - window.previous_start == timedelta(days=182)
    assert not window.since_owners_meeting


def test_owners_meetings_are_expanded_from_the_configuration_in_local_time() -> None:
    config = parse_config(
        {
            "meetings": [
                {
                    "kind": "owners",
                    "title": "Ägarmöte",
                    "rrule": "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=10",
                    "start": "2025-06-10T09:00",
                },
                {
                    "kind": "working_group",
                    "title": "Arbetsgrupp",
                    "rrule": "FREQ=MONTHLY;BYDAY=2TU",
                    "start": "2025-01-14T09:00",
                },
            ]
        }
    )
    found = owners_meetings_from_config(config.meetings, TZ, UTC_NOW)
    assert found == [
        datetime(2026, 6, 10, 7, 0, tzinfo=UTC),  # 09:00 summer time
        datetime(2026, 12, 10, 8, 0, tzinfo=UTC),  # 09:00 winter time
    ]


def test_chart_months_cover_both_periods_in_local_months() -> None:
    window = summary_window(UTC_NOW, [OWNERS_BEFORE, OWNERS_LAST])
    starts = month_starts(window, TZ)
    assert starts[0] == datetime(2025, 12, 1, tzinfo=TZ)
    assert starts[-1] == datetime(2027, 1, 1, tzinfo=TZ)
    assert len(starts) == 14


def test_arrows_and_who_missed_most() -> None:
    assert [Compared(3, 2).arrow, Compared(1, 2).arrow, Compared(2, 2).arrow] == ["↑", "↓", "→"]
    part = MeetingsPart(
        True,
        attendance=(
            Attendance("a", "A", 6, 6),
            Attendance("b", "B", 2, 6),
            Attendance("c", "C", 4, 6),
            Attendance("d", "D", 2, 6),
            Attendance("e", "E", 5, 6),
        ),
    )
    assert [(a.name, a.missed) for a in part.missed_most] == [("B", 4), ("D", 4)]
    assert part.missed_ranking == Missed(4, 6, ("B", "D"))
    assert MeetingsPart(True, attendance=(Attendance("a", "A", 6, 6),)).missed_ranking is None


def test_report_back_names_who_reported_and_who_did_not() -> None:
    part = report_back(
        {"gavle": 2, "hofors": 0},
        [("gavle", "Gävle"), ("hofors", "Hofors"), ("ljusdal", "Ljusdal")],
    )
    assert part.reported == (("Gävle", 2),)
    assert part.missing == ("Hofors", "Ljusdal")


def test_knowledge_gain_is_hidden_below_the_minimum_number_of_answers() -> None:
    figures = subject_figures(
        "Drogtecken",
        held=1,
        registered=1,
        reported_trainings=0,
        participants=Participants(10, 0, 2),
        mean_before=2.0,
        mean_after=4.0,
        mean_change=2.0,
        response_rate=0.2,
        min_answers=3,
    )
    assert (figures.shown, figures.mean_before, figures.mean_change) == (False, None, None)
    assert figures.response_rate == 0.2


# ---------------------------------------------------------------------- figures from a database


def prepared(url: str) -> Database:
    database = Database(url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    return database


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A fresh database on each backend (the aggregate queries must agree on both)."""
    database = prepared(database_url)
    yield database
    database.dispose()


@pytest.fixture
def lite(sqlite_url: str) -> Iterator[Database]:
    """A fresh SQLite database, for what does not depend on the backend."""
    database = prepared(sqlite_url)
    yield database
    database.dispose()


def need(session: Session, organization: str, title: str, at: datetime) -> int:
    draft = NeedDraft(
        organization, title, "Beskrivning", FocusArea.TRAINING, (), Urgency.NORMAL, ()
    )
    created = create_need(session, draft, submitted_by="U0ANNA001", source_key=None, now=at)
    assert created is not None
    session.flush()
    return created.id


def move(session: Session, need_id: int, target: NeedStatus, at: datetime) -> None:
    assert move_need(
        session, need_id, expected=NeedStatus.NEW, target=target, actor="U0LEDARE1", now=at
    )


def meeting(session: Session, series: MeetingSeries, start: datetime, orgs: list[str]) -> None:
    row = Meeting(
        series_id=series.id,
        rule_key=start.strftime("%Y%m%d"),
        start=start,
        end=start + timedelta(hours=2),
        location="",
        status="held",
        manual=False,
        revision=0,
        created_at=start,
        updated_at=start,
    )
    session.add(row)
    session.flush()
    for org in orgs:
        session.add(
            MeetingAttendance(
                meeting_id=row.id, organization_id=org, source="answers", recorded_at=start
            )
        )


def series(session: Session, kind: str, title: str) -> MeetingSeries:
    row = MeetingSeries(
        key=f"test:{kind}",
        source="config",
        kind=kind,
        title=title,
        rrule="FREQ=MONTHLY",
        start_local=datetime(2025, 1, 1, 9, 0),
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
        created_at=OWNERS_BEFORE,
        updated_at=OWNERS_BEFORE,
    )
    session.add(row)
    session.flush()
    return row


def training(
    session: Session,
    title: str,
    start: datetime,
    *,
    subject: str = "drug_signs",
    organizer: str = "lansstyrelsen",
    origin: str = "registered",
    expected: int | None = 10,
    reported: int | None = None,
    answers: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> Training:
    row = Training(
        origin=origin,
        title=title,
        subject=subject,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        organizer_id=organizer,
        target_organizations=[],
        expected_participants=expected,
        reported_participants=reported,
        place="",
        evaluation_channel="C0ARBETS1" if origin == "registered" else None,
        evaluation_participants=[],
        created_at=start,
        updated_at=start,
        evaluation_opened_at=start + timedelta(hours=3) if origin == "registered" else None,
    )
    session.add(row)
    session.flush()
    for index, (before, after) in enumerate(answers):
        session.add(
            SurveyResponse(
                training_id=row.id,
                key=f"r{row.id}-{index}",
                knowledge_before=before,
                knowledge_after=after,
                will_use="",
                was_missing="",
                answered_on=start.date(),
            )
        )
    if answers:  # the results as shown when the evaluation closed
        release_view(session, row.id, min_answers=1, kind=ViewKind.FINAL, today=start.date())
    return row


def value(session: Session, indicator: str, place: str, period: str, number: float) -> None:
    found = parse_period(period)
    assert found is not None
    record_value(
        session, ValueDraft(indicator, place, found, number, "Källa", ""), actor="U1", now=UTC_NOW
    )


def seed(db: Database) -> None:
    """Fill a database with a known half year and the half year before it."""
    with db.transaction() as session:
        owners = series(session, "owners", "Ägarmöte")
        meeting(session, owners, OWNERS_BEFORE, [])
        meeting(session, owners, OWNERS_LAST, [])
        working = series(session, "working_group", "Arbetsgruppsmöte")
        planning = series(session, "planning", "Planeringsmöte")
        for month in range(3):
            orgs = ["tullverket", "gavle"] if month == 0 else ["tullverket"]
            meeting(session, working, CURRENT + timedelta(days=30 * month), orgs)
        for month in range(2):
            meeting(session, working, PREVIOUS + timedelta(days=30 * month), ["gavle"])
        meeting(session, planning, CURRENT + timedelta(days=3), [])

        done_before = need(session, "tullverket", "Gammalt klart behov", PREVIOUS)
        move(session, done_before, NeedStatus.DONE, PREVIOUS + timedelta(days=5))
        need(session, "sandviken", "Äldsta öppna behovet", PREVIOUS + timedelta(days=1))
        planned = need(session, "sandviken", "Planerat behov", PREVIOUS + timedelta(days=2))
        move(session, planned, NeedStatus.PLANNED, PREVIOUS + timedelta(days=3))
        first = need(session, "tullverket", "Drogtecken i hamnen", CURRENT)
        move(session, first, NeedStatus.DONE, CURRENT + timedelta(days=20))
        need(session, "tullverket", "Material till skolor", CURRENT + timedelta(days=1))
        need(session, "tullverket", "Samverkan om <kontroller>", CURRENT + timedelta(days=2))
        declined = need(session, "gavle", "Avböjt behov", CURRENT + timedelta(days=3))
        move(session, declined, NeedStatus.DECLINED, CURRENT + timedelta(days=4))

        training(session, "Drogtecken A", CURRENT, answers=[(2, 4)] * 4)
        training(session, "Drogtecken B", CURRENT + timedelta(days=7), answers=[(1, 3)] * 2)
        training(
            session,
            "Narkotika i Gävle",
            CURRENT + timedelta(days=9),
            subject="narcotics",
            organizer="gavle",
            origin="reported",
            expected=None,
            reported=25,
        )
        training(session, "Förra halvåret", PREVIOUS, answers=[(3, 4)] * 3)

        value(session, "can-ak9", COUNTY, "2024", 8.0)
        value(session, "can-ak9", COUNTY, "2026", 6.0)
        value(session, "avlopp-kokain", "gavle", "2026-Q1", 100.0)
        value(session, "avlopp-kokain", "gavle", "2026-Q2", 105.0)


def test_the_summary_counts_known_data_correctly(db: Database) -> None:
    seed(db)
    with db.reading() as session:
        summary = build_summary(session, CONFIG, tr, UTC_NOW)
    assert (summary.window.start, summary.window.previous_start) == (OWNERS_LAST, OWNERS_BEFORE)
    needs = summary.needs
    assert (needs.new, needs.done, needs.open_now) == (Compared(4, 3), Compared(1, 1), 4)
    assert needs.by_status == {NeedStatus.NEW: 2, NeedStatus.DONE: 1, NeedStatus.DECLINED: 1}
    by_org = {o.organization_id: (o.new, o.new_before, o.open_now) for o in needs.by_organization}
    assert by_org == {"tullverket": (3, 1, 2), "gavle": (1, 0, 0), "sandviken": (0, 2, 2)}
    assert [n.title for n in needs.oldest_open][:2] == ["Äldsta öppna behovet", "Planerat behov"]
    assert sum(m.total for m in needs.months) == 7
    assert sum(m.counts.get(NeedStatus.DONE, 0) for m in needs.months) == 2

    meetings = summary.meetings
    # the owners' meeting that opens each period counts in it
    assert (meetings.working_group, meetings.all_meetings) == (Compared(3, 2), Compared(5, 3))
    attendance = {a.organization_id: (a.attended, a.held) for a in meetings.attendance}
    assert attendance["tullverket"] == (3, 3)
    assert attendance["gavle"] == (1, 3)
    assert attendance["hofors"] == (0, 3)
    assert "Tullverket" not in [a.name for a in meetings.missed_most]

    trainings = summary.trainings
    assert (trainings.held, trainings.expected) == (Compared(3, 1), Compared(20, 10))
    assert (trainings.reported, trainings.answered) == (Compared(25, 0), Compared(6, 3))
    subjects = {s.subject: s for s in trainings.subjects}
    signs = subjects[tr(SUBJECT_LABELS[Subject.DRUG_SIGNS])]
    assert subjects[tr(SUBJECT_LABELS[Subject.NARCOTICS])].participants == Participants(0, 25, 0)
    assert signs.participants == Participants(20, 0, 6)
    assert (signs.answers, signs.shown) == (6, True)
    # Drogtecken B's two answers are too few to show, so they stay out of the subject's means:
    # else the subject minus Drogtecken A (shown per training below) would reveal them.
    assert signs.mean_before == pytest.approx(8 / 4)
    assert signs.mean_after == pytest.approx(16 / 4)
    assert signs.response_rate == pytest.approx(0.3)
    assert [(k.label, k.mean_before, k.mean_after) for k in trainings.per_training] == [
        ("Drogtecken A", 2.0, 4.0)
    ]
    assert summary.report_back.reported == (("Gävle kommun", 1),)
    assert "Tullverket" in summary.report_back.missing

    indicators = {(s.indicator_id, s.place): s for s in summary.indicators}
    can = indicators[("can-ak9", "Hela länet")]
    assert (can.latest.value, can.previous.value if can.previous else None) == (6.0, 8.0)
    assert (can.trend, can.wanted) == (Trend.DOWN, True)
    cocaine = indicators[("avlopp-kokain", "Gävle kommun")]
    assert (cocaine.trend, cocaine.wanted) == (Trend.STABLE, None)


def test_the_rendered_summary_follows_the_plan_and_ends_with_the_caution(lite: Database) -> None:
    seed(lite)
    with lite.reading() as session:
        summary = build_summary(session, CONFIG, tr, UTC_NOW)
    messages = summary_messages(summary, tr, TZ)
    assert len(messages) == 1
    text = all_text(messages[0]["blocks"])
    order = [
        tr(m)
        for m in (
            t.NEEDS_TITLE,
            t.MEETINGS_TITLE,
            t.TRAININGS_TITLE,
            t.REPORTS_TITLE,
            t.INDICATORS_TITLE,
        )
    ]
    assert [text.index(title) for title in order] == sorted(text.index(title) for title in order)
    assert "Nya behov: *4* (3) ↑" in text
    assert "Samverkan om &lt;kontroller&gt;" in text
    assert "• Tullverket: 3 av 3 (100\u00a0%)" in text
    assert "↓ minskar: 2026 jämfört med 2024 (8 %), i planens riktning" in text
    assert text.rstrip().endswith(tr(t.CAUTION))
    assert "2026-06-10 – 2027-01-04" in text
    assert message_problem(messages[0]) is None


def test_charts_are_drawn_for_each_part_with_data(lite: Database) -> None:
    seed(lite)
    with lite.reading() as session:
        summary = build_summary(session, CONFIG, tr, UTC_NOW)
    charts = summary_charts(summary, tr, TZ)
    assert [c.filename for c in charts] == [
        "behov-2027-01-04.png",
        "narvaro-2027-01-04.png",
        "kunskap-2027-01-04.png",
        "indikatorer-2027-01-04.png",
    ]
    assert all(c.png.startswith(b"\x89PNG\r\n\x1a\n") and c.alt_text for c in charts)


def test_an_empty_register_gives_a_summary_that_says_so(lite: Database) -> None:
    with lite.reading() as session:
        summary = build_summary(session, CONFIG, tr, UTC_NOW)
    assert summary.needs.new == Compared(0, 0)
    assert not summary.window.since_owners_meeting
    text = all_text(summary_messages(summary, tr, TZ)[0]["blocks"])
    assert tr(t.NEEDS_NO_NEW) in text
    assert tr(t.TRAININGS_NONE) in text
    assert tr(t.INDICATORS_NONE) in text
    assert summary_charts(summary, tr, TZ) == []


# ------------------------------------------------------------------------------ Slack's limits


def huge_summary() -> StatusSummary:
    """Return a summary with far more of everything than a message can hold."""
    window = summary_window(UTC_NOW, [OWNERS_BEFORE, OWNERS_LAST])
    long = "Ett mycket långt namn på en organisation som inte tar slut " * 2
    orgs = tuple(OrganizationNeeds(f"o{i}", f"{long}{i}", i, i, i) for i in range(1, 300))
    oldest = tuple(
        OpenNeed(i, "<b>" + "x" * 150, long, NeedStatus.NEW, OWNERS_BEFORE) for i in range(5)
    )
    months = tuple(MonthCounts(date(2026, m, 1), {NeedStatus.NEW: m}) for m in range(1, 13))
    subjects = tuple(
        SubjectFigures(
            f"Ämne {i} " + "y" * 60, 3, 2, 1, Participants(40, 9, 30), 2.0, 4.0, 2.0, 0.75, True
        )
        for i in range(400)
    )
    point = Point(parse_period("2026"), 1.0)  # type: ignore[arg-type]
    series = tuple(
        IndicatorSeries(
            f"egen-{i}",
            "Indikator " + "z" * 90,
            "st",
            UnitKind.COUNT,
            Direction.DOWN,
            long,
            (point,),
            point,
            None,
        )
        for i in range(300)
    )
    return StatusSummary(
        name="Gävleborg mot narkotika",
        generated_at=UTC_NOW,
        window=window,
        needs=NeedsPart(
            Compared(9, 9), Compared(1, 1), 9, {NeedStatus.NEW: 9}, orgs, oldest, months
        ),
        meetings=MeetingsPart(
            True,
            Compared(6, 6),
            Compared(9, 9),
            tuple(Attendance(f"o{i}", f"{long}{i}", i % 6, 6) for i in range(300)),
        ),
        trainings=TrainingsPart(
            True,
            Compared(1, 1),
            Compared(1, 1),
            Compared(1, 1),
            Compared(1, 1),
            subjects,
            tuple(TrainingKnowledge(f"T{i}", 2.0, 4.0, 5) for i in range(500)),
        ),
        report_back=report_back({}, [(f"o{i}", f"{long}{i}") for i in range(300)]),
        indicators=series,
        min_answers=3,
    )


@pytest.mark.parametrize("publish", [False, True])
def test_however_much_data_each_message_stays_within_slacks_limits(publish: bool) -> None:
    messages = summary_messages(huge_summary(), tr, TZ, publish_button=publish, charts_note=True)
    assert 1 < len(messages) <= 4
    for message in messages:
        assert message_problem(message) is None, message_problem(message)
        assert len(message["blocks"]) <= 45
        assert len(json.dumps(message["blocks"], ensure_ascii=False)) <= 11000
    assert messages[1]["text"] == tr(t.SUMMARY_PART, part=2, parts=len(messages))
    last = all_text(messages[-1]["blocks"])
    assert tr(t.CAUTION) in last
    text = "\n".join(all_text(m["blocks"]) for m in messages)
    assert tr(t.INDICATORS_MORE, count=260) in text
    assert tr(t.TRAININGS_MORE, count=388) in text
    assert "&lt;b&gt;" in text
    assert "<b>" not in text
    buttons = [m for m in messages if '"summary_publish"' in json.dumps(m["blocks"])]
    assert len(buttons) == (1 if publish else 0)
    if publish:
        assert buttons[0] is messages[-1]


def test_a_coming_meeting_whose_call_is_due_but_not_sent_needs_the_coordinators(
    lite: Database,
) -> None:
    with lite.transaction() as session:
        working = series(session, "working_group", "Arbetsgruppsmöte")
        row = Meeting(
            series_id=working.id,
            rule_key="20270107",
            start=UTC_NOW + timedelta(days=3),
            end=UTC_NOW + timedelta(days=3, hours=2),
            location="",
            status="scheduled",
            manual=False,
            revision=0,
            created_at=UTC_NOW,
            updated_at=UTC_NOW,
        )
        later = Meeting(
            series_id=working.id,
            rule_key="20270201",
            start=UTC_NOW + timedelta(days=28),
            end=UTC_NOW + timedelta(days=28, hours=2),
            location="",
            status="scheduled",
            manual=False,
            revision=0,
            created_at=UTC_NOW,
            updated_at=UTC_NOW,
        )
        session.add_all([row, later])
        session.flush()
        meeting_id = row.id
    with lite.reading() as session:
        assert meetings_without_call(session, UTC_NOW) == [
            (UTC_NOW + timedelta(days=3), "Arbetsgruppsmöte")
        ]
    with lite.transaction() as session:
        outbox.enqueue(
            session,
            key=f"meeting:{meeting_id}:call",
            kind="meeting_call",
            channel="C0ARBETS1",
            payload={"text": "Kallelse"},
            now=UTC_NOW,
        )
        session.execute(
            update(OutboxMessage).values(status="sent", ts="1.1", result_channel="C0ARBETS1")
        )
    with lite.reading() as session:
        assert meetings_without_call(session, UTC_NOW) == []
