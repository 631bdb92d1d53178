"""The rules of actions and minutes: reminder days, validation of what people type, access."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.access import Actor, Role
from bot.domain.actions import (
    MINUTES_TOTAL_MAX,
    ActionInput,
    ActionKind,
    MinutesInput,
    Progress,
    ProgressInput,
    may_propose,
    may_report,
    overdue_at,
    reminder_at,
    report_reminder_at,
    validate_action,
    validate_minutes,
    validate_progress,
)
from bot.texts import actions as t
from bot.texts.common import IDENTITY_NUMBER, REQUIRED, TOO_LONG, UNKNOWN_CHOICE

TZ = ZoneInfo("Europe/Stockholm")
WEEK = timedelta(days=7)
TODAY = date(2027, 1, 12)


def local(day: date, hour: int = 9) -> datetime:
    """Return a local wall-clock moment in Stockholm, in UTC."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ).astimezone(UTC)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2027, 1, 25), date(2027, 1, 18)),  # a Monday: the Monday before
        (date(2027, 2, 6), date(2027, 1, 29)),  # a Saturday: Saturday, so the Friday before
        (date(2027, 2, 7), date(2027, 1, 29)),  # a Sunday: Sunday, so the Friday before
        (date(2027, 1, 13), date(2027, 1, 5)),  # 6 January is Epiphany: the Tuesday before
        (date(2027, 3, 26), date(2027, 3, 19)),  # Good Friday itself is the due date: fine
        (date(2027, 4, 2), date(2027, 3, 25)),  # 26 March is Good Friday: Maundy Thursday
        (date(2027, 4, 5), date(2027, 3, 25)),  # 29 March is Easter Monday: the Thursday
        (date(2027, 7, 2), date(2027, 6, 24)),  # 25 June is Midsummer Eve (de facto)
        (date(2027, 4, 20), date(2027, 4, 13)),  # summer time: still 09:00 local
    ],
)
def test_a_reminder_goes_at_nine_on_the_working_day_a_week_before(
    due: date, expected: date
) -> None:
    """It is never on a weekend or a holiday: the working day before instead."""
    assert reminder_at(due, WEEK, TZ) == local(expected)


def test_a_reminder_lead_in_hours_counts_back_from_nine_on_the_due_date() -> None:
    assert reminder_at(date(2027, 1, 26), timedelta(hours=24), TZ) == local(date(2027, 1, 25))


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2027, 1, 28), date(2027, 1, 29)),  # Thursday: Friday
        (date(2027, 1, 29), date(2027, 2, 1)),  # Friday: the Monday after
        (date(2027, 3, 25), date(2027, 3, 30)),  # Maundy Thursday: after Easter Monday
        (date(2027, 12, 23), date(2027, 12, 27)),  # before Christmas Eve and Christmas
    ],
)
def test_an_action_is_said_to_be_overdue_the_first_working_day_after(
    due: date, expected: date
) -> None:
    assert overdue_at(due, TZ) == local(expected)


def test_the_report_back_reminder_goes_its_lead_before_the_owners_meeting() -> None:
    meeting = local(date(2027, 2, 18), 10)
    assert report_reminder_at(meeting, timedelta(days=30), TZ) == local(date(2027, 1, 19))
    assert report_reminder_at(meeting, timedelta(days=32), TZ) == local(date(2027, 1, 15))


# ---------------------------------------------------------------------------- validation

GOOD = ActionInput(
    title="Ta fram ett föräldramaterial",
    description="Till föräldramöten i årskurs 8.",
    organizations=["gavle"],
    contact=None,
    due_date=date(2027, 2, 1),
    kind="action",
    needs=["3"],
)


def check(**changes: object) -> set[tuple[str, str]]:
    """Validate GOOD with changes; return (field, Swedish message template) of each error."""
    data = ActionInput(**{**GOOD.__dict__, **changes})  # type: ignore[arg-type]
    result = validate_action(
        data, allowed_organizations={"gavle", "tullverket"}, need_ids={3, 4}, today=TODAY
    )
    return {(e.field, e.msg.sv) for e in result.errors}


def test_a_good_action_gives_a_draft() -> None:
    result = validate_action(GOOD, allowed_organizations={"gavle"}, need_ids={3}, today=TODAY)
    assert result.draft is not None
    assert (result.draft.kind, result.draft.needs, result.draft.organizations) == (
        ActionKind.ACTION,
        (3,),
        ("gavle",),
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": None}, ("title", REQUIRED)),
        ({"title": "\u200b \u202e"}, ("title", REQUIRED)),
        ({"title": "x" * 151}, ("title", TOO_LONG)),
        ({"title": "Ring Tolvan, 19121212-1212"}, ("title", IDENTITY_NUMBER)),
        ({"description": "Se 201212121212 i ärendet"}, ("description", IDENTITY_NUMBER)),
        ({"organizations": []}, ("organizations", t.ORGANIZATIONS_MISSING)),
        ({"organizations": ["gavle", "polisen"]}, ("organizations", t.ORGANIZATIONS_NOT_YOURS)),
        ({"due_date": None}, ("due_date", REQUIRED)),
        ({"due_date": date(2027, 1, 11)}, ("due_date", t.DUE_PAST)),
        ({"due_date": date(2031, 1, 1)}, ("due_date", t.DUE_FAR)),
        ({"kind": "sabotage"}, ("kind", UNKNOWN_CHOICE)),
        ({"needs": ["5"]}, ("needs", UNKNOWN_CHOICE)),
        ({"needs": ["²"]}, ("needs", UNKNOWN_CHOICE)),
        ({"needs": ["٤"]}, ("needs", UNKNOWN_CHOICE)),
        ({"needs": ["1e3"]}, ("needs", UNKNOWN_CHOICE)),
        ({"needs": ["9" * 19]}, ("needs", UNKNOWN_CHOICE)),
        ({"contact": "<!channel>"}, ("contact", UNKNOWN_CHOICE)),
    ],
)
def test_what_an_action_form_may_not_hold_is_refused_inline(
    changes: dict[str, object], expected: tuple[str, object]
) -> None:
    field, msg = expected
    assert (field, msg.sv) in check(**changes)  # type: ignore[attr-defined]


def test_today_is_a_good_due_date() -> None:
    assert check(due_date=TODAY) == set()


@pytest.mark.parametrize(
    ("data", "field", "msg"),
    [
        (ProgressInput("in_progress", "", None, None), "text", t.PROGRESS_EMPTY),
        (ProgressInput("in_progress", "", date(2027, 3, 1), ""), "reason", t.REASON_FOR_DATE),
        (ProgressInput("in_progress", "", date(2027, 1, 1), "Sjukdom"), "due_date", t.DUE_PAST),
        (ProgressInput("finished", "x", None, None), "state", UNKNOWN_CHOICE),
        (ProgressInput("done", "Ring 19121212-1212", None, None), "text", IDENTITY_NUMBER),
    ],
)
def test_a_progress_report_must_say_something_and_a_new_date_needs_a_reason(
    data: ProgressInput, field: str, msg: object
) -> None:
    draft, errors = validate_progress(data, current_due=date(2027, 2, 1), today=TODAY)
    assert draft is None
    assert (field, msg) in {(e.field, e.msg) for e in errors}


def test_done_needs_no_words_and_the_same_date_is_no_new_date() -> None:
    draft, errors = validate_progress(
        ProgressInput("done", None, date(2027, 2, 1), None),
        current_due=date(2027, 2, 1),
        today=TODAY,
    )
    assert errors == ()
    assert draft is not None
    assert (draft.state, draft.new_due, draft.reason) == (Progress.DONE, None, "")


# ---------------------------------------------------------------------------- minutes

BLANK = ActionInput(None, None, [], None, None, None, [])


def minutes(**changes: object) -> MinutesInput:
    base = MinutesInput(
        attended=["gavle"],
        notes=[("Runda bordet", "Alla berättade.")],
        other=None,
        decisions="Ett beslut\n• Ett till\n\n",
        actions=[BLANK, BLANK, BLANK],
    )
    return MinutesInput(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def validate(data: MinutesInput) -> tuple[object, set[tuple[str, str]]]:
    draft, errors = validate_minutes(
        data, organizations={"gavle", "tullverket"}, need_ids={3}, today=TODAY
    )
    return draft, {(e.field, e.msg.sv) for e in errors}


def test_minutes_read_one_decision_a_line_and_ignore_empty_slots() -> None:
    draft, errors = validate(minutes())
    assert errors == set()
    assert draft is not None
    assert draft.decisions == ("Ett beslut", "Ett till")  # type: ignore[attr-defined]
    assert draft.actions == ()  # type: ignore[attr-defined]


def test_a_slot_begun_must_be_whole_and_its_errors_name_the_slot() -> None:
    half = ActionInput("Ett material", None, [], None, None, None, [])
    _, errors = validate(minutes(actions=[BLANK, half, BLANK]))
    assert ("action2_organizations", t.ORGANIZATIONS_MISSING.sv) in errors
    assert ("action2_due_date", REQUIRED.sv) in errors
    assert not any(field.startswith("action1_") for field, _ in errors)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"notes": [("Runda bordet", "Kontakta 19121212-1212")]}, ("note:0", IDENTITY_NUMBER.sv)),
        ({"other": "x" * 3001}, ("other", TOO_LONG.sv)),
        ({"attended": ["narnia"]}, ("attended", UNKNOWN_CHOICE.sv)),
        (
            {"decisions": "\n".join(f"beslut {n}" for n in range(31))},
            ("decisions", t.DECISIONS_TOO_MANY.sv),
        ),
        (
            {"notes": [(f"punkt {n}", "x" * 2900) for n in range(4)]},
            ("decisions", t.MINUTES_TOO_LONG.sv),
        ),
        (
            {"attended": [], "notes": [], "decisions": " "},
            ("decisions", t.MINUTES_EMPTY.sv),
        ),
    ],
)
def test_what_minutes_may_not_hold_is_refused_inline(
    changes: dict[str, object], expected: tuple[str, str]
) -> None:
    draft, errors = validate(minutes(**changes))
    assert draft is None
    assert expected in errors


def test_the_whole_minutes_may_reach_their_limit() -> None:
    notes = [(f"punkt {n}", "x" * ((MINUTES_TOTAL_MAX - 12) // 3)) for n in range(3)]
    draft, errors = validate(minutes(notes=notes, decisions="Tolv tecken."))
    assert errors == set()
    assert draft is not None


# ----------------------------------------------------------------------------- access

COORDINATOR = Actor("U1", "lansstyrelsen", frozenset({Role.COORDINATOR}))
OWNER = Actor("U2", "lansstyrelsen", frozenset({Role.OWNER}))
PARTNER = Actor("U3", "gavle")
OUTSIDER = Actor("U4")


@pytest.mark.parametrize(
    ("actor", "propose", "report_gavle", "report_named"),
    [
        (COORDINATOR, True, True, True),
        (OWNER, False, False, True),
        (PARTNER, True, True, True),
        (OUTSIDER, False, False, True),
    ],
)
def test_coordinators_manage_partners_act_for_their_own_and_owners_read(
    actor: Actor, propose: bool, report_gavle: bool, report_named: bool
) -> None:
    assert may_propose(actor) is propose
    assert may_report(actor, ["gavle"], None) is report_gavle
    assert may_report(actor, ["tullverket"], actor.user_id) is report_named
    assert may_report(PARTNER, ["tullverket"], None) is False
