"""Organisations are verified: a request gives no rights until a coordinator approves it.

Everything goes through signed requests into the running bot and the Slack stand-in (issue 13,
"Organisations are verified"), plus the migration of self-chosen organisations (0006) on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, func, select

from bot.config import parse_config
from bot.domain.access import Actor
from bot.domain.meetings import kinds_for
from bot.domain.needs import may_change
from bot.domain.trainings import may_open_now, may_register, may_see_results
from bot.errors import StartupError
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import needs as tn
from bot.texts import results as tr_results
from bot.texts import samverkan as t
from bot.texts import trainings as tt
from commands.edge.codec import encode
from commands.edge.ids import Action, Callback, Field
from commands.samverkan.values import MemberRef, RequestRef
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.db import Database
from storage.migrate import alembic_config, upgrade
from storage.models import AuditEntry, Need, OrganizationRequest, OutboxMessage, Person
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    BERIT,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    OUTSIDER,
    OWNER,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)
from tests.test_behov import posted_card, submit_need
from tests.test_followup import status
from tests.test_trainings import end_training, register

tr = Texts("sv")
POLICE = "Polismyndigheten Region Mitt"
CONSULTANT = "U0KONSULT1"  # in no e-mail directory: the configuration names them


# --- helpers ---------------------------------------------------------------------------------


def ask(running: RunningBot, organization: str, user: str = OUTSIDER) -> dict[str, Any]:
    """Run /samverkan organisation, choose organization in the form and send it."""
    before = len(running.standin.calls_to("views.open"))
    running.command("/samverkan", "organisation", user)
    running.standin.wait_for("views.open", before + 1)
    view = running.opened_view()
    assert view["callback_id"] == Callback.ORGANIZATION_FORM
    running.submit(view, {Field.ORGANIZATION_CHOICE: organization}, user, view_id=f"VORG{before}")
    running.listeners.wait_idle()
    return view


def told(running: RunningBot, user: str) -> list[str]:
    """Return what the bot told a person privately (ephemeral or in a direct message), in order."""
    return [
        str(call.args.get("text"))
        for call in running.standin.calls
        if (call.method == "chat.postEphemeral" and call.args.get("user") == user)
        or (call.method == "chat.postMessage" and call.args.get("channel") == user)
    ]


def answers(running: RunningBot) -> list[dict[str, Any]]:
    """Return everything posted to response URLs so far."""
    return [body for _, body in running.standin.responses]


Posted = tuple[str, dict[str, Any]]  # a message in Slack: its channel, and itself


def posted(running: RunningBot, key: str) -> Posted:
    """Return the message posted under an outbox key, as it stands in Slack now."""
    with running.bot.db.reading() as session:
        found = outbox.posted_ts(session, key)
    assert found is not None, f"{key} not posted"
    channel, ts = found
    message = next(m for m in running.standin.messages[channel] if m["ts"] == ts)
    return channel, copy.deepcopy(message)


def press(running: RunningBot, where: Posted, action: str, user: str) -> None:
    """Press a button of a posted message, as Slack sends it."""
    channel, message = where
    running.click(find_button(message["blocks"], action), user, message=message, channel=channel)
    running.listeners.wait_idle()


def reply(running: RunningBot, command: str, text: str, user: str) -> dict[str, Any]:
    """Run a slash command and return its private answer."""
    before = len(running.standin.responses)
    running.command(command, text, user)
    return running.standin.wait_for_response(before + 1)[before]


def overview(running: RunningBot, user: str = COORDINATOR) -> list[dict[str, Any]]:
    """Run /samverkan organisation as a coordinator and return the overview's messages."""
    before = len(running.standin.responses)
    running.command("/samverkan", "organisation", user)
    running.listeners.wait_idle()
    return answers(running)[before:]


def person(running: RunningBot, user: str) -> tuple[str | None, str] | None:
    """Return a person's stored organisation and its source."""
    with running.bot.db.reading() as session:
        found = session.get(Person, user)
        return (found.organization_id, found.organization_source) if found else None


def requests(running: RunningBot) -> list[tuple[str, str, str, str]]:
    """Return every request as (user, organisation, status, origin), oldest first."""
    with running.bot.db.reading() as session:
        rows = session.scalars(select(OrganizationRequest).order_by(OrganizationRequest.id))
        return [(r.user_id, r.organization_id, r.status, r.origin) for r in rows]


def audited(running: RunningBot) -> list[tuple[str, str, str, str]]:
    """Return the audit entries about membership as (actor, action, subject, detail)."""
    with running.bot.db.reading() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action.like("organization%"))
            .order_by(AuditEntry.id)
        )
        return [(e.actor, e.action, e.subject, e.detail) for e in rows]


def need_status(running: RunningBot, need_id: int) -> str:
    with running.bot.db.reading() as session:
        need = session.get(Need, need_id)
        assert need is not None
        return need.status


def need_of(running: RunningBot, user: str, organization: str) -> Posted:
    """Have user register a need of organization; return its card."""
    submit_need(running, user, **{Field.NEED_ORGANIZATION: organization})
    running.listeners.wait_idle()
    with running.bot.db.reading() as session:
        newest = session.scalar(select(func.max(Need.id)))
    return WORKING_GROUP, posted_card(running, int(newest or 0))


# --- asking gives no rights ------------------------------------------------------------------


def test_a_request_is_sent_to_the_coordinators_and_gives_no_rights(running: RunningBot) -> None:
    view = ask(running, "polisen")
    assert tr(t.ORGANIZATION_INTRO) in all_text(view["blocks"])
    assert told(running, OUTSIDER) == [tr(t.ORGANIZATION_REQUESTED, organization=POLICE)]
    channel, card = posted(running, "membership:1:request")
    assert channel == COORDINATOR_CHANNEL
    assert all_text(card["blocks"]).startswith(
        tr(t.REQUEST_CARD, user=OUTSIDER, organization=POLICE)
    )
    approve = find_button(card["blocks"], Action.ORGANIZATION_APPROVE)
    assert approve["value"] == encode(RequestRef(request=1))
    assert find_button(card["blocks"], Action.ORGANIZATION_DECLINE)["value"] == approve["value"]
    assert requests(running) == [(OUTSIDER, "polisen", "pending", "request")]
    assert person(running, OUTSIDER) == (None, "none")
    assert audited(running) == [(OUTSIDER, "organization_requested", f"user:{OUTSIDER}", "polisen")]


def test_an_unverified_requester_can_do_nothing_for_the_organisation(running: RunningBot) -> None:
    card = need_of(running, COORDINATOR, "polisen")
    register(running, **{Field.TRAINING_ORGANIZER: "polisen"})
    end_training(running)
    ask(running, "polisen")
    running.standin.reset()

    press(running, card, Action.NEED_WITHDRAW, OUTSIDER)
    assert told(running, OUTSIDER) == [tr(c.NOT_ALLOWED, who=tr(c.WHO_OWN_ORGANIZATION))]
    assert need_status(running, 1) == "new"
    assert running.standin.calls_to("chat.update") == []
    refused = tr(c.NOT_ALLOWED, who=tr(tt.WHO_ORGANIZER))
    assert reply(running, "/utbildning", "resultat 1", OUTSIDER)["text"] == refused
    assert reply(running, "/utbildning", "resultat", OUTSIDER)["text"] == tr(tr_results.NONE_FOUND)
    assert [a["text"] for a in status(running, OUTSIDER)] == [tr(c.NO_ORGANIZATION)]
    assert reply(running, "/behov", "lista", OUTSIDER)["text"] == tr(c.NO_ORGANIZATION)
    assert running.standin.calls_to("chat.postMessage") == []  # nobody was told of a change


def test_after_approval_they_act_for_that_organisation_only(running: RunningBot) -> None:
    police = need_of(running, COORDINATOR, "polisen")
    customs = need_of(running, ANNA, "tullverket")
    register(running, **{Field.TRAINING_ORGANIZER: "polisen"})
    end_training(running)
    ask(running, "polisen")
    press(
        running, posted(running, "membership:1:request"), Action.ORGANIZATION_APPROVE, COORDINATOR
    )
    assert person(running, OUTSIDER) == ("polisen", "approval")
    assert tr(
        t.DECISION_APPROVED, organization=POLICE, collaboration="Gävleborg mot narkotika"
    ) in (told(running, OUTSIDER))
    assert told(running, COORDINATOR)[-1] == tr(t.APPROVED_DONE, user=OUTSIDER, organization=POLICE)
    running.standin.reset()

    press(running, customs, Action.NEED_WITHDRAW, OUTSIDER)
    assert told(running, OUTSIDER) == [tr(c.NOT_ALLOWED, who=tr(c.WHO_OWN_ORGANIZATION))]
    assert need_status(running, 2) == "new"
    press(running, police, Action.NEED_WITHDRAW, OUTSIDER)
    assert need_status(running, 1) == "withdrawn"
    assert told(running, OUTSIDER)[-1] == tr(
        tn.CONFIRM_WITHDRAWN, id=1, status=tr(tn.STATUS_WITHDRAWN)
    )
    assert "blocks" in reply(running, "/utbildning", "resultat 1", OUTSIDER)
    assert "blocks" in status(running, OUTSIDER)[0]


def test_the_coordinators_card_shows_the_outcome_and_a_second_click_changes_nothing(
    running: RunningBot,
) -> None:
    ask(running, "polisen")
    card = posted(running, "membership:1:request")
    press(running, card, Action.ORGANIZATION_APPROVE, ANNA)
    assert told(running, ANNA)[-1] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    assert requests(running)[0][2] == "pending"
    press(running, card, Action.ORGANIZATION_DECLINE, COORDINATOR)
    updated = running.standin.wait_for("chat.update", 1)[-1].args["blocks"]
    assert all_text(updated).splitlines() == [
        tr(t.REQUEST_CARD_DECIDED, user=OUTSIDER, organization=POLICE),
        tr(t.REQUEST_DECLINED_BY, by=COORDINATOR, date="2027-01-04 09.00"),
    ]
    assert Action.ORGANIZATION_APPROVE not in json.dumps(updated)
    assert told(running, OUTSIDER)[-1] == tr(
        t.DECISION_DECLINED, organization=POLICE, collaboration="Gävleborg mot narkotika"
    )
    press(running, card, Action.ORGANIZATION_APPROVE, COORDINATOR)
    assert told(running, COORDINATOR)[-1] == tr(
        t.REQUEST_ALREADY_DECIDED, user=OUTSIDER, status=tr(t.STATUS_DECLINED)
    )
    assert person(running, OUTSIDER) == (None, "none")
    assert requests(running) == [(OUTSIDER, "polisen", "declined", "request")]
    assert [a[1] for a in audited(running)] == ["organization_requested", "organization_declined"]


def test_a_new_request_replaces_the_pending_one_and_its_card(running: RunningBot) -> None:
    ask(running, "polisen")
    first = posted(running, "membership:1:request")
    running.command("/samverkan", "organisation", OUTSIDER)
    running.standin.wait_for("views.open", 2)
    intro = all_text(running.opened_view()["blocks"])
    assert tr(t.ORGANIZATION_INTRO_PENDING, organization=POLICE) in intro
    ask(running, "polisen")
    assert told(running, OUTSIDER)[-1] == tr(t.ORGANIZATION_ALREADY_REQUESTED, organization=POLICE)
    ask(running, "hofors")
    assert requests(running) == [
        (OUTSIDER, "polisen", "cancelled", "request"),
        (OUTSIDER, "hofors", "pending", "request"),
    ]
    updated = running.standin.wait_for("chat.update", 1)[-1].args
    assert updated["ts"] == first[1]["ts"]
    assert tr(t.REQUEST_REPLACED, date="2027-01-04 09.00") in all_text(updated["blocks"])
    press(running, first, Action.ORGANIZATION_APPROVE, COORDINATOR)
    assert told(running, COORDINATOR)[-1] == tr(
        t.REQUEST_ALREADY_DECIDED, user=OUTSIDER, status=tr(t.STATUS_CANCELLED)
    )
    assert person(running, OUTSIDER) == (None, "none")
    assert [a[1] for a in audited(running)] == [
        "organization_requested",
        "organization_request_replaced",
        "organization_requested",
    ]


def test_a_forged_submission_for_an_unknown_organisation_is_refused_inline(
    running: RunningBot,
) -> None:
    running.command("/samverkan", "organisation", OUTSIDER)
    running.standin.wait_for("views.open", 1)
    view = running.opened_view()
    view["blocks"][1]["element"]["options"].append(
        {"text": {"type": "plain_text", "text": "Nowhere"}, "value": "nowhere"}
    )
    reply = running.submit(view, {Field.ORGANIZATION_CHOICE: "nowhere"}, OUTSIDER).json()
    assert reply == {
        "response_action": "errors",
        "errors": {Field.ORGANIZATION_CHOICE: tr(c.CHOOSE_ONE)},
    }
    assert requests(running) == []


def test_every_rule_keeps_someone_without_an_organisation_outside() -> None:
    """What a person did while a self-chosen organisation counted gives them nothing now."""
    pending = Actor(OUTSIDER)  # a requester: no organisation, no role
    assert not pending.in_collaboration
    assert not may_change(pending, "polisen", submitted_by=OUTSIDER)
    assert not may_open_now(pending, created_by=OUTSIDER)
    assert not may_see_results(pending, "polisen", created_by=OUTSIDER)
    assert not may_register(pending)
    assert kinds_for(pending) == set()
    approved = Actor(OUTSIDER, "polisen")
    assert may_change(approved, "polisen", submitted_by=None)
    assert not may_change(approved, "tullverket", submitted_by=ANNA)
    assert may_see_results(approved, "polisen", created_by=None)
    assert not may_see_results(approved, "tullverket", created_by=ANNA)


# --- the coordinators' overview, revoking ------------------------------------------------------


CONFIGURED: dict[str, Any] = {
    **BASE_CONFIG,
    "organizations": [{"name": "Hofors kommun", "members": [CONSULTANT]}],
}


@pytest.fixture
def configured(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """The bot with a member of Hofors named in the configuration."""
    running = RunningBot(standin, sqlite_url, now=NOW, config=CONFIGURED)
    yield running
    running.stop()


def test_a_configured_member_belongs_at_once_and_is_changed_only_in_the_file(
    configured: RunningBot,
) -> None:
    running = configured
    running.command("/behov", "", CONSULTANT)
    form = running.standin.wait_for("views.update", 1)[-1].args["view"]
    organization = next(b for b in form["blocks"] if b.get("block_id") == Field.NEED_ORGANIZATION)
    assert organization["element"]["initial_option"]["value"] == "hofors"
    # Slack is asked only for the person's locale (the language); the organisation is the file's.
    asked = running.standin.calls_to("users.info")
    assert asked
    assert {call.args.get("include_locale") for call in asked} == {"1"}
    assert reply(running, "/samverkan", "organisation", CONSULTANT)["text"] == tr(
        t.ORGANIZATION_FROM_CONFIG, organization="Hofors kommun"
    )
    listed = overview(running)
    shown = all_text([b for m in listed for b in m["blocks"]])
    assert tr(t.OVERVIEW_MEMBER, user=CONSULTANT, source=tr(t.SOURCE_CONFIG)) in shown
    assert f"{Action.ORGANIZATION_REVOKE}:{CONSULTANT}" not in json.dumps(listed)
    forged = {
        "action_id": f"{Action.ORGANIZATION_REVOKE}:{CONSULTANT}",
        "value": encode(MemberRef(user=CONSULTANT, organization="hofors")),
    }
    running.click(forged, COORDINATOR)
    running.listeners.wait_idle()
    assert told(running, COORDINATOR)[-1] == tr(
        t.REVOKE_CONFIGURED, user=CONSULTANT, organization="Hofors kommun"
    )
    assert audited(running) == []


def test_the_overview_lists_members_with_their_source_and_pending_requests(
    configured: RunningBot,
) -> None:
    running = configured
    for user in (ANNA, BERIT):
        reply(running, "/samverkan", "organisation", user)
    ask(running, "polisen")
    listed = overview(running)
    assert len(listed) == 1
    blocks = listed[0]["blocks"]
    assert len(blocks) <= 50
    text = all_text(blocks)
    assert tr(t.OVERVIEW_REQUEST, user=OUTSIDER, organization=POLICE, date="2027-01-04") in text
    email = tr(t.SOURCE_EMAIL)
    for line in (
        tr(t.OVERVIEW_MEMBER, user=ANNA, source=email),
        tr(t.OVERVIEW_MEMBER, user=BERIT, source=email),
        tr(t.OVERVIEW_MEMBER, user=CONSULTANT, source=tr(t.SOURCE_CONFIG)),
    ):
        assert line in text
    assert text.index("*Tullverket*") < text.index(f"<@{ANNA}>") < text.index("*Gävle kommun*")
    assert POLICE in text.split(tr(t.OVERVIEW_MEMBERS))[1]  # among those without members
    assert find_button(blocks, f"{Action.ORGANIZATION_REVOKE}:{ANNA}")["value"] == encode(
        MemberRef(user=ANNA, organization="tullverket")
    )
    approve = find_button(blocks, Action.ORGANIZATION_APPROVE)
    running.click(approve, COORDINATOR)
    running.listeners.wait_idle()
    assert person(running, OUTSIDER) == ("polisen", "approval")
    text = all_text(overview(running)[0]["blocks"])
    assert tr(t.OVERVIEW_NO_PENDING) in text
    by = tr(t.SOURCE_APPROVED_BY, by=COORDINATOR)
    assert tr(t.OVERVIEW_MEMBER, user=OUTSIDER, source=by) in text


def test_a_revoked_member_is_outside_even_with_a_partner_e_mail(running: RunningBot) -> None:
    assert "blocks" in reply(running, "/behov", "lista", ANNA)
    blocks = overview(running)[0]["blocks"]
    revoke = find_button(blocks, f"{Action.ORGANIZATION_REVOKE}:{ANNA}")
    assert revoke["confirm"]["title"]["text"] == tr(t.REVOKE_CONFIRM_TITLE)
    running.click(revoke, COORDINATOR)
    running.listeners.wait_idle()
    assert told(running, COORDINATOR)[-1] == tr(
        t.REVOKED_DONE, user=ANNA, organization="Tullverket"
    )
    assert told(running, ANNA)[-1] == tr(
        t.REVOKED_NOTICE, organization="Tullverket", collaboration="Gävleborg mot narkotika"
    )
    assert person(running, ANNA) == (None, "revoked")
    running.clock.set(NOW + timedelta(days=30))  # long past the weekly e-mail check
    assert reply(running, "/behov", "lista", ANNA)["text"] == tr(c.NO_ORGANIZATION)
    running.click(revoke, COORDINATOR)  # the same button again
    running.listeners.wait_idle()
    assert told(running, COORDINATOR)[-1] == tr(
        t.REVOKE_STALE, user=ANNA, organization="Tullverket"
    )
    ask(running, "tullverket", ANNA)
    press(
        running, posted(running, "membership:1:request"), Action.ORGANIZATION_APPROVE, COORDINATOR
    )
    assert person(running, ANNA) == ("tullverket", "approval")
    assert [a[1:] for a in audited(running)] == [
        ("organization_revoked", f"user:{ANNA}", "tullverket (email)"),
        ("organization_requested", f"user:{ANNA}", "tullverket"),
        ("organization_approved", f"user:{ANNA}", "tullverket"),
    ]


def test_a_partner_cannot_see_the_overview_nor_revoke(running: RunningBot) -> None:
    reply(running, "/behov", "lista", ANNA)
    assert reply(running, "/samverkan", "organisation", BERIT)["text"] == tr(
        t.ORGANIZATION_FROM_EMAIL, organization="Gävle kommun"
    )
    forged = {
        "action_id": f"{Action.ORGANIZATION_REVOKE}:{ANNA}",
        "value": encode(MemberRef(user=ANNA, organization="tullverket")),
    }
    running.click(forged, BERIT)
    running.listeners.wait_idle()
    assert told(running, BERIT)[-1] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    assert person(running, ANNA) == ("tullverket", "email")


NO_COORDINATOR_CHANNEL: dict[str, Any] = {
    **BASE_CONFIG,
    "channels": {"working_group": WORKING_GROUP},
    "roles": {"coordinators": [COORDINATOR, OWNER]},  # OWNER is a coordinator here
}


def test_without_a_coordinators_channel_each_coordinator_is_told_privately(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(standin, sqlite_url, now=NOW, config=NO_COORDINATOR_CHANNEL)
    try:
        ask(running, "polisen")
        cards = [posted(running, f"membership:1:request:{user}") for user in (COORDINATOR, OWNER)]
        assert all(channel.startswith("D") for channel, _ in cards)
        press(running, cards[1], Action.ORGANIZATION_APPROVE, OWNER)  # a coordinator here
        updates = running.standin.wait_for("chat.update", 2)
        assert sorted(u.args["ts"] for u in updates) == sorted(m["ts"] for _, m in cards)
        assert person(running, OUTSIDER) == ("polisen", "approval")
    finally:
        running.stop()


# --- the configuration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organizations", "error"),
    [
        (
            [{"name": "Hofors", "members": ["anna"]}],
            "organizations[0].members[0] is 'anna'; use a user id such as U0LEDARE1",
        ),
        (
            [{"name": "Hofors", "members": ["U0ANNA001 "]}],
            "organizations[0].members[0] is 'U0ANNA001 '; use a user id such as U0LEDARE1",
        ),
        (
            [{"name": "Hofors", "members": "U0ANNA001"}],
            "organizations[0].members",
        ),
        (
            [
                {"name": "Hofors", "members": ["U0ANNA001"]},
                {"name": "Ockelbo", "members": ["U0ANNA001"]},
            ],
            "user U0ANNA001 is a member of both 'Hofors' and 'Ockelbo'",
        ),
    ],
)
def test_a_bad_member_in_the_configuration_is_named(
    organizations: list[dict[str, Any]], error: str
) -> None:
    with pytest.raises(StartupError, match=r"^samverkan\.toml: ") as raised:
        parse_config({"organizations": organizations}, "samverkan.toml")
    assert error in str(raised.value)


# --- the migration of self-chosen organisations (0006) -----------------------------------------


def _at_0005(database_url: str) -> Database:
    """Return a database migrated to 0005 with people who chose their organisation themselves."""
    database = Database(database_url)
    config = alembic_config(database.engine.url.render_as_string(hide_password=False))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        organizations = Table("organizations", MetaData(), autoload_with=connection)
        people = Table("people", MetaData(), autoload_with=connection)
        connection.execute(
            organizations.insert(),
            [
                {
                    "id": o,
                    "name": o,
                    "kind": "state",
                    "email_domains": [],
                    "position": 0,
                    "active": True,
                }
                for o in ("polisen", "hofors", "tullverket")
            ],
        )
        when = NOW - timedelta(days=40)
        connection.execute(
            people.insert(),
            [
                {
                    "slack_id": OUTSIDER,
                    "organization_id": "polisen",
                    "organization_source": "choice",
                    "email_checked_at": when,
                    "updated_at": when,
                },
                {
                    "slack_id": "U0GAMMAL1",
                    "organization_id": "hofors",
                    "organization_source": "choice",
                    "email_checked_at": None,
                    "updated_at": when + timedelta(days=1),
                },
                {
                    "slack_id": ANNA,
                    "organization_id": "tullverket",
                    "organization_source": "email",
                    "email_checked_at": when,
                    "updated_at": when,
                },
            ],
        )
    return database


def test_self_chosen_organisations_become_pending_and_coordinators_are_told_once(
    standin: SimulatedSlack, database_url: str
) -> None:
    database = _at_0005(database_url)
    upgrade(database.engine)
    with database.reading() as session:
        people = {p.slack_id: p for p in session.scalars(select(Person))}
        assert {u: (p.organization_id, p.organization_source) for u, p in people.items()} == {
            OUTSIDER: (None, "none"),
            "U0GAMMAL1": (None, "none"),
            ANNA: ("tullverket", "email"),
        }
        assert people[OUTSIDER].email_checked_at is None
        made = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [(e.actor, e.action, e.subject, e.detail) for e in made] == [
            ("samverkansbot", "organization_made_pending", f"user:{OUTSIDER}", "polisen"),
            ("samverkansbot", "organization_made_pending", "user:U0GAMMAL1", "hofors"),
        ]
    database.dispose()

    running = RunningBot(standin, database_url, now=NOW)
    try:
        assert requests(running) == [
            (OUTSIDER, "polisen", "pending", "migration"),
            ("U0GAMMAL1", "hofors", "pending", "migration"),
        ]
        assert [a["text"] for a in status(running, OUTSIDER)] == [tr(c.NO_ORGANIZATION)]
        running.tick()
        running.tick()
        with running.bot.db.reading() as session:
            notices = session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "membership_waiting")
            ).all()
            assert [(n.key, n.channel, n.status) for n in notices] == [
                ("membership:1:waiting", COORDINATOR_CHANNEL, "sent")
            ]
        _, notice = posted(running, "membership:1:waiting")
        assert notice["text"].startswith(tr(t.WAITING_NOTICE, count=2, lines="")[:60])
        for user, name in ((OUTSIDER, POLICE), ("U0GAMMAL1", "Hofors kommun")):
            assert tr(t.WAITING_LINE, user=user, organization=name) in notice["text"]
        approve = find_button(overview(running)[0]["blocks"], f"{Action.ORGANIZATION_APPROVE}:1")
        running.click(approve, COORDINATOR)
        running.listeners.wait_idle()
        assert person(running, OUTSIDER) == ("polisen", "approval")
        assert "blocks" in status(running, OUTSIDER)[0]
    finally:
        running.stop()


def test_the_migration_goes_back_to_self_chosen_organisations(database_url: str) -> None:
    database = _at_0005(database_url)
    upgrade(database.engine)
    config = alembic_config(database.engine.url.render_as_string(hide_password=False))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    with database.engine.connect() as connection:
        people = Table("people", MetaData(), autoload_with=connection)
        rows = connection.execute(
            select(
                people.c.slack_id, people.c.organization_id, people.c.organization_source
            ).order_by(people.c.slack_id)
        ).all()
    assert [tuple(r) for r in rows] == [
        (ANNA, "tullverket", "email"),
        ("U0GAMMAL1", "hofors", "choice"),
        (OUTSIDER, "polisen", "choice"),
    ]
    database.dispose()
