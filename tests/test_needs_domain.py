"""Rules of the needs register: validation, statuses and who may do what."""

from __future__ import annotations

import pytest

from bot.domain.access import Actor, Role
from bot.domain.needs import (
    TRANSITIONS,
    NeedInput,
    NeedStatus,
    can_move,
    may_change,
    may_move,
    validate_need,
    validate_reason,
)
from bot.texts import common as c
from bot.texts import needs as t

MUNICIPALITIES = {"gavle", "sandviken"}


def need_input(**changes: object) -> NeedInput:
    values: dict[str, object] = {
        "organization_id": "tullverket",
        "title": "Utbildning i drogtecken",
        "description": "En halvdag för personalen.",
        "focus_area": "training",
        "scope": "county",
        "municipalities": [],
        "urgency": "normal",
        "support": ["training"],
    }
    values.update(changes)
    return NeedInput(**values)  # type: ignore[arg-type]


def check(**changes: object) -> object:
    return validate_need(
        need_input(**changes), allowed_organizations={"tullverket"}, municipality_ids=MUNICIPALITIES
    )


def test_a_complete_need_becomes_a_draft_with_trimmed_text() -> None:
    result = validate_need(
        need_input(title="  Utbildning  "),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert result.errors == ()
    assert result.draft is not None
    assert result.draft.title == "Utbildning"


def test_each_missing_field_is_reported_by_name() -> None:
    result = validate_need(
        need_input(
            title="",
            description=None,
            focus_area=None,
            urgency=None,
            scope=None,
            organization_id=None,
        ),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert result.draft is None
    assert {e.field: e.msg for e in result.errors} == {
        "title": c.REQUIRED,
        "description": c.REQUIRED,
        "organization": c.CHOOSE_ONE,
        "focus_area": c.CHOOSE_ONE,
        "urgency": c.CHOOSE_ONE,
        "scope": c.CHOOSE_ONE,
    }


def test_limits_are_enforced_on_the_server() -> None:
    result = validate_need(
        need_input(title="x" * 101, description="y" * 2001),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert [(e.field, e.params) for e in result.errors] == [
        ("title", {"limit": 100, "length": 101}),
        ("description", {"limit": 2000, "length": 2001}),
    ]


def test_an_identity_number_in_the_title_is_refused() -> None:
    result = validate_need(
        need_input(title="Gäller 121212-1212"),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert [(e.field, e.msg) for e in result.errors] == [("title", c.IDENTITY_NUMBER)]


def test_chosen_municipalities_must_be_given_and_known() -> None:
    missing = validate_need(
        need_input(scope="municipalities"),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert [e.msg for e in missing.errors] == [t.MUNICIPALITIES_MISSING]
    unknown = validate_need(
        need_input(scope="municipalities", municipalities=["oslo"]),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert [e.msg for e in unknown.errors] == [c.UNKNOWN_CHOICE]
    good = validate_need(
        need_input(scope="municipalities", municipalities=["sandviken", "gavle"]),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert good.draft is not None
    assert good.draft.municipalities == ("gavle", "sandviken")


def test_another_organisation_is_refused() -> None:
    result = validate_need(
        need_input(organization_id="gavle"),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert [(e.field, e.msg) for e in result.errors] == [("organization", c.UNKNOWN_CHOICE)]


def test_forged_choices_are_refused() -> None:
    result = validate_need(
        need_input(focus_area="hacking", urgency="now", support=["bribe"]),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert {e.field for e in result.errors} == {"focus_area", "urgency", "support"}


def test_contact_details_need_confirmation_once() -> None:
    asked = validate_need(
        need_input(description="Mejla anna@tullverket.se"),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert asked.needs_contact_confirmation
    assert asked.draft is None
    confirmed = validate_need(
        need_input(description="Mejla anna@tullverket.se", contact_confirmed=True),
        allowed_organizations={"tullverket"},
        municipality_ids=MUNICIPALITIES,
    )
    assert confirmed.draft is not None


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (NeedStatus.NEW, NeedStatus.TAKEN_UP, True),
        (NeedStatus.TAKEN_UP, NeedStatus.PLANNED, True),
        (NeedStatus.PLANNED, NeedStatus.DONE, True),
        (NeedStatus.NEW, NeedStatus.DECLINED, True),
        (NeedStatus.DONE, NeedStatus.NEW, True),
        (NeedStatus.PLANNED, NeedStatus.TAKEN_UP, False),
        (NeedStatus.DONE, NeedStatus.DECLINED, False),
        (NeedStatus.WITHDRAWN, NeedStatus.NEW, False),
    ],
)
def test_status_moves(current: NeedStatus, target: NeedStatus, allowed: bool) -> None:
    assert can_move(current, target) is allowed


def test_withdrawn_is_final() -> None:
    assert TRANSITIONS[NeedStatus.WITHDRAWN] == ()


def test_only_coordinators_move_and_an_organisation_changes_its_own() -> None:
    coordinator = Actor("U1", "lansstyrelsen", frozenset({Role.COORDINATOR}))
    owner = Actor("U2", "polisen", frozenset({Role.OWNER}))
    partner = Actor("U3", "tullverket")
    assert may_move(coordinator)
    assert not may_move(owner)
    assert not may_move(partner)
    assert may_change(partner, "tullverket", "U9")
    assert not may_change(partner, "gavle", "U9")
    assert may_change(partner, "gavle", "U3")
    assert may_change(coordinator, "gavle", None)
    assert not may_change(owner, "gavle", None)


def test_a_decline_reason_is_required_and_checked() -> None:
    assert validate_reason("  ")[1] is not None
    assert validate_reason("Utanför uppdraget")[1] is None
    _, error = validate_reason("Se 121212-1212")
    assert error is not None
    assert error.msg == c.IDENTITY_NUMBER
