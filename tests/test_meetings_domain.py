"""Meeting rules as plain Python: recurrence, daylight saving, holidays, forms, calendars."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import parse_config
from bot.domain.meetings import (
    MAX_PER_YEAR,
    Answer,
    CalendarEntry,
    Frequency,
    MeetingKind,
    OnHoliday,
    SeriesInput,
    SeriesRule,
    build_rule,
    calendar_ics,
    count_answers,
    due_before,
    friendly_rule,
    holiday_name,
    plan_meetings,
    send_time,
    shift_for_holiday,
    swedish_holidays,
    to_local,
    to_utc,
    validate_move,
    validate_series,
    validate_substitute,
    week_of_month,
)
from bot.texts import common as c
from bot.texts import meetings as t

TZ = ZoneInfo("Europe/Stockholm")
YEAR_START = datetime(2027, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2028, 1, 1, tzinfo=UTC)

# The sample configuration of DESIGN.md, with the plan's three meetings.
SAMPLE = {
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
            "on_holiday": "next_weekday",
        },
        {
            "kind": "planning",
            "title": "Planeringsmöte",
            "rrule": "FREQ=MONTHLY;BYDAY=1TU,3TU",
            "start": "2027-01-05T13:00",
            "duration": "90m",
            "skip_months": [7],
        },
        {
            "kind": "owners",
            "title": "Ägarmöte",
            "rrule": "FREQ=YEARLY;BYMONTH=4,11;BYDAY=1TH",
            "start": "2027-04-01T10:00",
            "summary_before": "14d",
            "on_holiday": "next_weekday",
        },
    ]
}


def rule(text: str, start: datetime, **kwargs: object) -> SeriesRule:
    """Return a two-hour series rule."""
    return SeriesRule(text, start, timedelta(hours=2), **kwargs)  # type: ignore[arg-type]


def local_starts(
    series: SeriesRule, after: datetime = YEAR_START, until: datetime = YEAR_END
) -> list[datetime]:
    """Return the local start times a rule plans in a window."""
    return [to_local(p.start, TZ) for p in plan_meetings(series, TZ, after, until)]


def sample_rules() -> dict[str, SeriesRule]:
    """Return the sample configuration's rules by kind."""
    config = parse_config(SAMPLE)
    return {
        entry.kind: SeriesRule(
            entry.rrule,
            entry.start,
            entry.duration,
            frozenset(entry.skip_months),
            OnHoliday(entry.on_holiday),
        )
        for entry in config.meetings
    }


# --------------------------------------------------------------------- daylight saving


def test_a_weekly_meeting_stays_at_nine_across_the_march_switch() -> None:
    series = rule("FREQ=WEEKLY;BYDAY=MO", datetime(2027, 3, 15, 9, 0))
    planned = plan_meetings(
        series, TZ, datetime(2027, 3, 14, tzinfo=UTC), datetime(2027, 4, 6, tzinfo=UTC)
    )
    assert [to_local(p.start, TZ).time() for p in planned] == [time(9, 0)] * 4
    assert [p.start.hour for p in planned] == [8, 8, 7, 7]  # CET, CET, then CEST
    assert [p.end - p.start for p in planned] == [timedelta(hours=2)] * 4


def test_a_weekly_meeting_stays_at_nine_across_the_october_switch() -> None:
    series = rule("FREQ=WEEKLY;BYDAY=MO", datetime(2027, 10, 18, 9, 0))
    planned = plan_meetings(
        series, TZ, datetime(2027, 10, 17, tzinfo=UTC), datetime(2027, 11, 9, tzinfo=UTC)
    )
    assert [to_local(p.start, TZ) for p in planned] == [
        datetime(2027, 10, 18, 9),
        datetime(2027, 10, 25, 9),
        datetime(2027, 11, 1, 9),
        datetime(2027, 11, 8, 9),
    ]
    assert [p.start.hour for p in planned] == [7, 7, 8, 8]


def test_a_whole_day_lead_keeps_the_wall_clock_time_across_the_switch() -> None:
    monday = to_utc(datetime(2027, 3, 29, 9, 0), TZ)  # the day after the March switch
    assert to_local(due_before(monday, timedelta(days=1), TZ), TZ) == datetime(2027, 3, 28, 9, 0)
    assert to_local(due_before(monday, timedelta(days=7), TZ), TZ) == datetime(2027, 3, 22, 9, 0)
    sunday_noon = to_utc(datetime(2027, 3, 28, 12, 0), TZ)  # the switch day, 23 hours long
    day_before = due_before(sunday_noon, timedelta(days=1), TZ)
    assert to_local(day_before, TZ) == datetime(2027, 3, 27, 12, 0)
    assert sunday_noon - day_before == timedelta(hours=23)
    assert due_before(sunday_noon, timedelta(minutes=90), TZ) == sunday_noon - timedelta(minutes=90)


def test_a_time_in_the_spring_gap_moves_forward_and_the_autumn_overlap_is_the_first() -> None:
    assert to_utc(datetime(2027, 3, 28, 2, 30), TZ) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert to_local(to_utc(datetime(2027, 3, 28, 2, 30), TZ), TZ) == datetime(2027, 3, 28, 3, 30)
    assert to_utc(datetime(2027, 10, 31, 2, 30), TZ) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


# --------------------------------------------------------------------------- holidays


def test_holidays_are_swedish_public_and_de_facto_days_but_not_every_sunday() -> None:
    days = swedish_holidays(2027)
    assert days[date(2027, 6, 25)] == "Midsommarafton"
    assert days[date(2027, 12, 24)] == "Julafton"
    assert days[date(2027, 12, 31)] == "Nyårsafton"
    assert days[date(2027, 5, 6)] == "Kristi himmelsfärdsdag"
    assert date(2027, 1, 10) not in days  # an ordinary Sunday
    assert holiday_name(date(2027, 6, 25), "en") == "Midsummer Eve"
    assert len(days) == 16


def test_midsummer_eve_moves_skips_or_goes_back_as_the_series_says() -> None:
    last_friday_of_june = "FREQ=MONTHLY;BYMONTH=6;BYDAY=-1FR"
    start = datetime(2027, 6, 1, 10, 0)
    june = (datetime(2027, 6, 1, tzinfo=UTC), datetime(2027, 7, 1, tzinfo=UTC))
    assert local_starts(rule(last_friday_of_june, start), *june) == [datetime(2027, 6, 28, 10)]
    previous = rule(last_friday_of_june, start, on_holiday=OnHoliday.PREVIOUS_WEEKDAY)
    assert local_starts(previous, *june) == [datetime(2027, 6, 24, 10)]
    assert local_starts(rule(last_friday_of_june, start, on_holiday=OnHoliday.SKIP), *june) == []
    planned = plan_meetings(rule(last_friday_of_june, start), TZ, *june)
    assert planned[0].moved_from == date(2027, 6, 25)
    assert planned[0].rule_key == "2027-06-25"


def test_christmas_eve_and_new_years_eve_move_past_the_weekend_and_holidays() -> None:
    assert shift_for_holiday(date(2027, 12, 24), OnHoliday.NEXT_WEEKDAY) == date(2027, 12, 27)
    assert shift_for_holiday(date(2027, 12, 24), OnHoliday.PREVIOUS_WEEKDAY) == date(2027, 12, 23)
    assert shift_for_holiday(date(2027, 12, 31), OnHoliday.NEXT_WEEKDAY) == date(2028, 1, 3)
    assert shift_for_holiday(date(2027, 12, 24), OnHoliday.SKIP) is None
    assert shift_for_holiday(date(2027, 12, 23), OnHoliday.SKIP) == date(2027, 12, 23)
    monthly_24th = rule("FREQ=MONTHLY;BYMONTHDAY=24", datetime(2027, 11, 24, 13, 0))
    december = (datetime(2027, 12, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC))
    assert local_starts(monthly_24th, *december) == [datetime(2027, 12, 27, 13)]


def test_ascension_day_moves_the_first_thursday_of_may_to_friday() -> None:
    first_thursday = rule("FREQ=MONTHLY;BYDAY=1TH", datetime(2027, 1, 7, 9, 0))
    may = (datetime(2027, 5, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC))
    assert local_starts(first_thursday, *may) == [datetime(2027, 5, 7, 9)]


def test_a_sunday_meeting_is_kept_unless_the_sunday_is_a_holiday() -> None:
    sundays = rule("FREQ=WEEKLY;BYDAY=SU", datetime(2027, 3, 21, 18, 0), on_holiday=OnHoliday.SKIP)
    march = (datetime(2027, 3, 20, tzinfo=UTC), datetime(2027, 4, 5, tzinfo=UTC))
    assert [d.date() for d in local_starts(sundays, *march)] == [
        date(2027, 3, 21),
        date(2027, 4, 4),
    ]  # Easter Sunday, 28 March, is skipped


def test_the_july_break_skips_july() -> None:
    monthly = rule("FREQ=MONTHLY;BYDAY=2TU", datetime(2027, 1, 12, 9), skip_months=frozenset({7}))
    months = [d.month for d in local_starts(monthly)]
    assert 7 not in months
    assert months == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]


# --------------------------------------------------------------------------- rhythms


def test_twice_a_month_is_the_first_and_third_tuesday_not_every_other_week() -> None:
    twice = local_starts(rule("FREQ=MONTHLY;BYDAY=1TU,3TU", datetime(2027, 1, 5, 13, 0)))
    assert len(twice) == 24
    assert all(d.weekday() == 1 and d.day in {*range(1, 8), *range(15, 22)} for d in twice)
    fortnightly = local_starts(rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", datetime(2027, 1, 5, 13)))
    assert len(fortnightly) == 26
    assert {d.date() for d in twice} != {d.date() for d in fortnightly}
    assert date(2027, 3, 30) in {d.date() for d in fortnightly}  # a fifth Tuesday
    assert date(2027, 3, 30) not in {d.date() for d in twice}


def test_a_year_of_meetings_from_the_sample_configuration() -> None:
    rules = sample_rules()
    working = local_starts(rules["working_group"])
    assert [d.date() for d in working] == [
        date(2027, 1, 12),
        date(2027, 2, 9),
        date(2027, 3, 9),
        date(2027, 4, 13),
        date(2027, 5, 11),
        date(2027, 6, 8),
        date(2027, 8, 10),
        date(2027, 9, 14),
        date(2027, 10, 12),
        date(2027, 11, 9),
        date(2027, 12, 14),
    ]
    assert {d.time() for d in working} == {time(9, 0)}
    planning = local_starts(rules["planning"])
    assert len(planning) == 22  # twice a month, no July
    assert {d.time() for d in planning} == {time(13, 0)}
    owners = local_starts(rules["owners"])
    assert [d.date() for d in owners] == [date(2027, 4, 1), date(2027, 11, 4)]
    for day in working + planning + owners:
        assert holiday_name(day.date()) is None
        assert day.weekday() < 5


def test_the_first_planning_meeting_of_january_moves_off_epiphany() -> None:
    first_wednesday = rule("FREQ=MONTHLY;BYDAY=1WE", datetime(2027, 1, 6, 13))
    january = (datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 2, 1, tzinfo=UTC))
    assert local_starts(first_wednesday, *january) == [datetime(2027, 1, 7, 13)]


@settings(max_examples=40, deadline=None)
@given(
    weekday=st.integers(0, 4),
    hour=st.integers(7, 17),
    year=st.integers(2026, 2030),
)
def test_any_weekly_meeting_keeps_its_hour_and_avoids_every_holiday(
    weekday: int, hour: int, year: int
) -> None:
    first = datetime(year, 1, 1, hour) + timedelta(days=(weekday - date(year, 1, 1).weekday()) % 7)
    series = rule(build_rule(Frequency.WEEKLY, weekday, []), first)
    planned = local_starts(
        series, datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    )
    assert 45 <= len(planned) <= 53
    assert {d.hour for d in planned} == {hour}
    assert all(holiday_name(d.date()) is None and d.weekday() < 5 for d in planned)


# ------------------------------------------------------------------------ friendly rules


@pytest.mark.parametrize(
    ("text", "frequency", "weekday", "weeks"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", Frequency.WEEKLY, 0, ()),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", Frequency.BIWEEKLY, 2, ()),
        ("FREQ=MONTHLY;BYDAY=2TU", Frequency.MONTHLY, 1, ("2",)),
        ("FREQ=MONTHLY;BYDAY=1TU,3TU", Frequency.MONTHLY, 1, ("1", "3")),
        ("FREQ=MONTHLY;INTERVAL=6;BYDAY=-1FR", Frequency.HALF_YEARLY, 4, ("-1",)),
    ],
)
def test_rules_the_form_can_make_are_recognised_and_rebuilt(
    text: str, frequency: Frequency, weekday: int, weeks: tuple[str, ...]
) -> None:
    friendly = friendly_rule(text)
    assert friendly is not None
    assert (friendly.frequency, friendly.weekday, friendly.weeks) == (frequency, weekday, weeks)
    assert build_rule(frequency, weekday, weeks) == text


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=YEARLY;BYMONTH=4,11;BYDAY=1TH",
        "FREQ=MONTHLY;BYMONTHDAY=24",
        "FREQ=MONTHLY;BYDAY=1TU,3WE",
    ],
)
def test_other_rules_are_shown_as_written(text: str) -> None:
    assert friendly_rule(text) is None


def test_the_week_of_the_month_of_a_date() -> None:
    assert week_of_month(date(2027, 1, 12)) == "2"
    assert week_of_month(date(2027, 3, 30)) == "-1"
    assert week_of_month(date(2027, 3, 1)) == "1"


# ---------------------------------------------------------------------------- forms


def series_input(**changes: object) -> SeriesInput:
    """Return a valid series form input, changed as told."""
    values: dict[str, object] = {
        "kind": "working_group",
        "title": "Arbetsgruppsmöte",
        "first_date": "2027-01-12",
        "first_time": "09:00",
        "duration": "2h",
        "frequency": "monthly",
        "weeks": [],
        "rrule": None,
        "location": "Länsstyrelsen",
        "call_before": "7d",
        "reminder_before": "1d",
        "summary_before": None,
        "skip_months": ["7"],
        "on_holiday": "next_weekday",
        "agenda": "Behov från parterna\n- Aktuellt läge\n\n",
    }
    values.update(changes)
    return SeriesInput(**values)  # type: ignore[arg-type]


def test_a_valid_series_becomes_a_draft_with_the_week_of_its_first_meeting() -> None:
    check = validate_series(series_input())
    assert check.errors == ()
    assert check.draft is not None
    assert check.draft.rrule == "FREQ=MONTHLY;BYDAY=2TU"
    assert check.draft.kind is MeetingKind.WORKING_GROUP
    assert check.draft.start == datetime(2027, 1, 12, 9, 0)
    assert check.draft.agenda == ("Behov från parterna", "Aktuellt läge")
    assert check.draft.skip_months == (7,)
    assert check.draft.call_before == timedelta(days=7)


def test_a_custom_rule_overrides_the_choice() -> None:
    check = validate_series(series_input(rrule="freq=monthly; byday=1tu,3tu"))
    assert check.draft is not None
    assert check.draft.rrule == "FREQ=MONTHLY;BYDAY=1TU,3TU"


@pytest.mark.parametrize(
    ("changes", "field", "msg"),
    [
        ({"duration": "två timmar"}, "duration", t.BAD_DURATION),
        ({"duration": "48h"}, "duration", t.DURATION_RANGE),
        ({"reminder_before": "8d"}, "reminder_before", t.REMINDER_AFTER_CALL),
        ({"rrule": "FREQ=DAILY"}, "rrule", t.RULE_TOO_FREQUENT),
        ({"rrule": "NOT A RULE"}, "rrule", t.BAD_RRULE),
        ({"rrule": "DTSTART:20270101T090000\nRRULE:FREQ=WEEKLY"}, "rrule", t.BAD_RRULE),
        ({"title": "Möte om 19121212-1212"}, "title", c.IDENTITY_NUMBER),
        ({"title": ""}, "title", c.REQUIRED),
        ({"first_date": None}, "first_date", c.REQUIRED),
        ({"kind": "lunch"}, "kind", c.CHOOSE_ONE),
        ({"frequency": None}, "frequency", c.CHOOSE_ONE),
        ({"skip_months": ["13"]}, "skip_months", c.UNKNOWN_CHOICE),
    ],
)
def test_a_bad_series_is_refused_with_the_field_named(
    changes: dict[str, object], field: str, msg: object
) -> None:
    check = validate_series(series_input(**changes))
    assert check.draft is None
    assert (field, msg) in [(e.field, e.msg) for e in check.errors]


def test_a_rule_with_more_than_the_limit_a_year_is_too_frequent() -> None:
    assert MAX_PER_YEAR == 60
    check = validate_series(series_input(frequency="weekly"))
    assert check.draft is not None  # 52 a year is fine


def test_a_move_into_the_past_is_refused_and_a_future_one_localised() -> None:
    now = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    past = validate_move("2027-02-28", "10:00", "", now=now, tz=TZ)
    assert past.start is None
    assert [(e.field, e.msg) for e in past.errors] == [("date", t.MOVE_IN_PAST)]
    future = validate_move("2027-04-01", "10:00", " Lokalen är upptagen ", now=now, tz=TZ)
    assert future.start == datetime(2027, 4, 1, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert future.reason == "Lokalen är upptagen"


def test_a_substitute_name_is_cleaned_and_an_identity_number_refused() -> None:
    assert validate_substitute("  Kim   Larsson ") == ("Kim Larsson", None)
    _name, error = validate_substitute("Kim 19121212-1212")
    assert error is not None
    assert error.msg == c.IDENTITY_NUMBER


def test_answers_are_counted_per_organisation() -> None:
    counted = count_answers(
        [
            ("tullverket", Answer.YES.value, None),
            ("tullverket", Answer.NO.value, None),
            ("gavle", Answer.SUBSTITUTE.value, "Kim Larsson"),
            ("region", Answer.NO.value, None),
        ]
    )
    assert (counted["tullverket"].yes, counted["tullverket"].no) == (1, 1)
    assert counted["tullverket"].attending
    assert counted["gavle"].substitutes == ["Kim Larsson"]
    assert counted["gavle"].attending
    assert not counted["region"].attending


# ------------------------------------------------------------------------------ calendar


def test_the_calendar_has_one_event_per_meeting_in_utc_with_cancellations_marked() -> None:
    start = datetime(2027, 1, 12, 8, 0, tzinfo=UTC)
    entries = [
        CalendarEntry(
            "meeting-1@samverkansbot",
            "Arbetsgruppsmöte",
            start,
            start + timedelta(hours=2),
            "Länsstyrelsen, Gävle",
            False,
            0,
        ),
        CalendarEntry(
            "meeting-2@samverkansbot",
            "Ägarmöte",
            start + timedelta(days=90),
            start + timedelta(days=90, hours=2),
            "",
            True,
            2,
        ),
    ]
    text = calendar_ics(entries, "Gävleborg mot narkotika: möten", YEAR_START).decode()
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20270112T080000Z" in text
    assert "SUMMARY:Arbetsgruppsmöte" in text
    assert "LOCATION:Länsstyrelsen\\, Gävle" in text
    assert "STATUS:CANCELLED" in text
    assert "SEQUENCE:2" in text
    assert "UID:meeting-1@samverkansbot" in text


def test_every_meetings_text_has_the_same_placeholders_in_both_languages() -> None:
    import string

    from bot.texts import Msg

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    texts = [
        msg
        for value in vars(t).values()
        for msg in (value if isinstance(value, tuple) else (value,))
        if isinstance(msg, Msg)
    ]
    assert len(texts) > 150
    assert [(m.sv, m.en) for m in texts if names(m.sv) != names(m.en)] == []
    for title in (t.SUBSTITUTE_TITLE, t.AGENDA_TITLE, t.ATTENDANCE_TITLE, t.SERIES_TITLE_EDIT):
        assert len(title.sv) <= 24
        assert len(title.en) <= 24


@pytest.mark.parametrize(
    ("meeting", "lead", "sent"),
    [
        # Moved off Ascension Day (Thursday 6 May 2027) to the Friday: not on the holiday.
        (datetime(2027, 5, 7, 13, 0), timedelta(days=1), datetime(2027, 5, 5, 13, 0)),
        # Friday 7 January 2028, the day after Epiphany.
        (datetime(2028, 1, 7, 13, 0), timedelta(days=1), datetime(2028, 1, 5, 13, 0)),
        # A Monday meeting is reminded on the Friday, not on the Sunday.
        (datetime(2027, 2, 15, 9, 0), timedelta(days=1), datetime(2027, 2, 12, 9, 0)),
        # The Tuesday after Easter: Easter Monday, the weekend and Good Friday are passed over.
        (datetime(2027, 3, 30, 9, 0), timedelta(days=1), datetime(2027, 3, 25, 9, 0)),
        # A working day stays as it is; so does a lead within the meeting's own day.
        (datetime(2027, 2, 16, 9, 0), timedelta(days=7), datetime(2027, 2, 9, 9, 0)),
        (datetime(2027, 2, 13, 12, 0), timedelta(minutes=90), datetime(2027, 2, 13, 10, 30)),
    ],
)
def test_calls_and_reminders_go_out_on_the_working_day_before_a_weekend_or_holiday(
    meeting: datetime, lead: timedelta, sent: datetime
) -> None:
    assert to_local(send_time(to_utc(meeting, TZ), lead, TZ), TZ) == sent
