"""The needs register end to end: signed requests in, Web API calls out, rows left behind."""

from __future__ import annotations

import copy
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.texts import Texts
from bot.texts import common as c
from bot.texts import needs as t
from commands.edge.ids import Action, Callback, Field
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.models import AuditEntry, Need, NeedEvent, OutboxMessage
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    ERIK,
    OUTSIDER,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)

tr = Texts("sv")

GOOD = {
    Field.NEED_TITLE: "Utbildning i drogtecken för tullpersonal",
    Field.NEED_DESCRIPTION: "Vi behöver en halvdag om drogtecken för personalen i Gävle hamn.",
    Field.NEED_FOCUS: "training",
    Field.NEED_SCOPE: "county",
    Field.NEED_URGENCY: "normal",
    Field.NEED_SUPPORT: ["training", "expert"],
}


def open_form(running: RunningBot, user: str = ANNA, text: str = "") -> dict[str, Any]:
    """Run /behov and return the form the bot opened."""
    before = len(running.standin.calls_to("views.update"))
    assert running.command("/behov", text, user).status == 200
    update = running.standin.wait_for("views.update", before + 1)[-1]
    loading = running.standin.calls_to("views.open")[-1]
    assert update.at > loading.at  # a loading view at once, then the form
    return dict(update.args["view"])


def need_count(running: RunningBot) -> int:
    with running.bot.db.reading() as session:
        return session.scalar(select(func.count()).select_from(Need)) or 0


def submit_need(running: RunningBot, user: str = ANNA, **changes: Any) -> Any:
    """Open the form and submit it with GOOD answers changed; None leaves a field empty."""
    view = open_form(running, user)
    answers = {k: v for k, v in {**GOOD, **changes}.items() if v is not None}
    return running.submit(
        view,
        answers,
        user,
        view_id=f"V{need_count(running)}X{user}",
        forged=len(answers) < len(GOOD),
    )


def posted_card(running: RunningBot, need_id: int) -> dict[str, Any]:
    """Return the need's card as it stands in the working-group channel now."""
    with running.bot.db.reading() as session:
        posted = outbox.posted_ts(session, f"need:{need_id}:card")
    assert posted is not None, "card not posted"
    channel, ts = posted
    return copy.deepcopy(next(m for m in running.standin.messages[channel] if m["ts"] == ts))


def test_behov_opens_the_form_preset_to_the_users_organisation(running: RunningBot) -> None:
    view = open_form(running)
    assert view["callback_id"] == Callback.NEED_FORM
    org_block = next(b for b in view["blocks"] if b.get("block_id") == Field.NEED_ORGANIZATION)
    assert org_block["element"]["initial_option"]["value"] == "tullverket"
    assert [o["value"] for o in org_block["element"]["options"]] == ["tullverket"]


def test_a_coordinator_may_choose_any_organisation(running: RunningBot) -> None:
    view = open_form(running, COORDINATOR)
    org_block = next(b for b in view["blocks"] if b.get("block_id") == Field.NEED_ORGANIZATION)
    assert len(org_block["element"]["options"]) == 20


def test_behov_with_text_fills_in_the_title(running: RunningBot) -> None:
    view = open_form(running, text="Material om cannabis till skolor")
    title = next(b for b in view["blocks"] if b.get("block_id") == Field.NEED_TITLE)
    assert title["element"]["initial_value"] == "Material om cannabis till skolor"


def test_a_valid_need_is_stored_confirmed_and_posted(running: RunningBot) -> None:
    result = submit_need(running)
    assert result.status == 200
    assert result.body in (b"", b"null")
    with running.bot.db.reading() as session:
        need = session.scalars(select(Need)).one()
        assert need.organization_id == "tullverket"
        assert need.status == "new"
        assert need.support == ["training", "expert"]
        events = session.scalars(select(NeedEvent)).all()
        assert [e.action for e in events] == ["created"]
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1
    posts = running.standin.wait_for("chat.postMessage", 2)
    channels = sorted(call.args["channel"] for call in posts)
    assert channels == sorted([WORKING_GROUP, ANNA])
    card = posted_card(running, need.id)
    assert "Utbildning i drogtecken" in all_text(card["blocks"])
    find_button(card["blocks"], f"{Action.NEED_MOVE}:taken_up")
    dm = next(call for call in posts if call.args["channel"] == ANNA)
    assert dm.args["text"].startswith("Tack! Ditt behov *#1")


def test_a_submission_is_acknowledged_before_its_messages_which_the_sender_then_posts(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    released = threading.Event()
    sender = ThreadPoolExecutor(max_workers=1)
    sender.submit(released.wait)  # the sender is busy until released
    running = RunningBot(standin, sqlite_url, now=NOW, sender=sender)
    try:
        assert submit_need(running).status == 200
        with running.bot.db.reading() as session:
            assert session.scalars(select(OutboxMessage.status)).all() == ["pending", "pending"]
        assert standin.calls_to("chat.postMessage") == []
        released.set()
        posts = standin.wait_for("chat.postMessage", 2)
        assert sorted(call.args["channel"] for call in posts) == sorted([WORKING_GROUP, ANNA])
        sender.shutdown(wait=True)
        with running.bot.db.reading() as session:
            assert session.scalars(select(OutboxMessage.status)).all() == ["sent", "sent"]
    finally:
        released.set()
        running.stop()


@pytest.mark.parametrize(
    "number",
    ["19121212-1212", "121212-1212", "1212121212", "191212121212", "701063-2391", "811228+9874"],
)
def test_a_personal_identity_number_is_refused_and_nothing_stored(
    running: RunningBot, number: str
) -> None:
    result = submit_need(running, **{Field.NEED_DESCRIPTION: f"Gäller person {number} i Gävle."})
    assert result.status == 200
    assert result.json() == {
        "response_action": "errors",
        "errors": {Field.NEED_DESCRIPTION: tr(c.IDENTITY_NUMBER, found=f"”{number}”")},
    }
    assert need_count(running) == 0
    assert running.standin.calls_to("chat.postMessage") == []


def test_missing_and_too_long_fields_are_shown_inline(running: RunningBot) -> None:
    view = open_form(running)
    for block in view["blocks"]:
        block.get("element", {}).pop("max_length", None)  # a forged client ignores the limits
    answers = {k: v for k, v in GOOD.items() if k != Field.NEED_TITLE}
    answers[Field.NEED_DESCRIPTION] = "x" * 2001
    result = running.submit(view, answers, ANNA, forged=True)
    errors = result.json()["errors"]
    assert errors[Field.NEED_TITLE] == tr(c.REQUIRED)
    assert errors[Field.NEED_DESCRIPTION] == tr(c.TOO_LONG, limit=2000, length=2001)
    assert need_count(running) == 0


def test_an_organisation_not_ones_own_is_refused(running: RunningBot) -> None:
    view = open_form(running, ANNA)
    # A forged submission: Anna's form only offers Tullverket; the server checks anyway.
    org = next(b for b in view["blocks"] if b.get("block_id") == Field.NEED_ORGANIZATION)
    org["element"]["options"].append(
        {"text": {"type": "plain_text", "text": "Gävle"}, "value": "gavle"}
    )
    result = running.submit(view, {**GOOD, Field.NEED_ORGANIZATION: "gavle"}, ANNA)
    assert result.json()["errors"] == {Field.NEED_ORGANIZATION: tr(c.UNKNOWN_CHOICE)}
    assert need_count(running) == 0


def test_a_retried_submission_creates_one_need(running: RunningBot) -> None:
    view = open_form(running)
    first = running.submit(view, GOOD, ANNA, view_id="VSAME0001")
    second = running.submit(view, GOOD, ANNA, view_id="VSAME0001")
    assert (first.status, second.status) == (200, 200)
    assert need_count(running) == 1


def test_contact_details_ask_for_confirmation_first(running: RunningBot) -> None:
    result = submit_need(running, **{Field.NEED_DESCRIPTION: "Ring mig på 070-123 45 67."})
    answer = result.json()
    assert answer["response_action"] == "update"
    assert need_count(running) == 0
    view = answer["view"]
    assert Field.NEED_CONFIRM_CONTACT in [b.get("block_id") for b in view["blocks"]]
    confirmed = running.submit(
        view,
        {
            **GOOD,
            Field.NEED_DESCRIPTION: "Ring mig på 070-123 45 67.",
            Field.NEED_CONFIRM_CONTACT: ["yes"],
        },
        ANNA,
    )
    assert confirmed.status == 200
    assert need_count(running) == 1


def test_only_coordinators_move_needs(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    button = find_button(card["blocks"], f"{Action.NEED_MOVE}:taken_up")
    running.click(button, ANNA, message=card)
    refusal = running.standin.wait_for("chat.postEphemeral", 1)[0]
    assert refusal.args["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
    with running.bot.db.reading() as session:
        assert session.get(Need, 1).status == "new"  # type: ignore[union-attr]


def test_a_coordinator_moves_a_need_and_the_submitter_hears(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    button = find_button(card["blocks"], f"{Action.NEED_MOVE}:taken_up")
    running.click(button, COORDINATOR, message=card)
    update = running.standin.wait_for("chat.update", 1)[0]
    assert update.args["ts"] == card["ts"]
    assert tr(t.STATUS_TAKEN_UP) in all_text(update.args["blocks"])
    notices = running.standin.wait_for(
        "chat.postMessage", 2, where=lambda call: call.args["channel"] == ANNA
    )
    assert "Taget upp på möte" in notices[-1].args["text"]
    # A double click (the same button again) acts once.
    running.click(button, COORDINATOR, message=card)
    running.standin.wait_for("chat.postEphemeral", 2)
    with running.bot.db.reading() as session:
        moves = session.scalars(select(NeedEvent).where(NeedEvent.action == "moved")).all()
        assert [(m.from_status, m.to_status) for m in moves] == [("new", "taken_up")]


def test_declining_asks_for_a_reason(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    running.click(find_button(card["blocks"], Action.NEED_DECLINE), COORDINATOR, message=card)
    running.standin.wait_for("views.open", 2)
    view = running.opened_view()
    assert view["callback_id"] == Callback.NEED_DECLINE
    empty = running.submit(view, {}, COORDINATOR, forged=True)
    assert empty.json()["errors"] == {Field.NEED_REASON: tr(c.REQUIRED)}
    running.submit(view, {Field.NEED_REASON: "Ligger utanför samverkans uppdrag."}, COORDINATOR)
    running.standin.wait_for("chat.update", 1)
    with running.bot.db.reading() as session:
        need = session.get(Need, 1)
        assert need is not None
        assert (need.status, need.decline_reason) == (
            "declined",
            "Ligger utanför samverkans uppdrag.",
        )


def test_a_colleague_edits_and_an_outsider_cannot(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    edit = find_button(card["blocks"], Action.NEED_EDIT)
    running.click(edit, BERIT, message=card)
    refusal = running.standin.wait_for("chat.postEphemeral", 1)[0]
    assert refusal.args["text"] == tr(c.NOT_ALLOWED, who=tr(c.WHO_OWN_ORGANIZATION))
    running.click(edit, ERIK, message=card)
    running.standin.wait_for("views.open", 2)
    view = running.opened_view()
    assert view["callback_id"] == Callback.NEED_EDIT
    running.submit(view, {**GOOD, Field.NEED_TITLE: "Drogtecken för hamnpersonal"}, ERIK)
    running.standin.wait_for("chat.update", 1)
    with running.bot.db.reading() as session:
        assert session.get(Need, 1).title == "Drogtecken för hamnpersonal"  # type: ignore[union-attr]


def test_the_submitter_withdraws_a_need(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    running.click(find_button(card["blocks"], Action.NEED_WITHDRAW), ANNA, message=card)
    update = running.standin.wait_for("chat.update", 1)[0]
    assert tr(t.STATUS_WITHDRAWN) in all_text(update.args["blocks"])
    assert Action.NEED_WITHDRAW not in str(update.args["blocks"])
    with running.bot.db.reading() as session:
        assert session.get(Need, 1).status == "withdrawn"  # type: ignore[union-attr]


def test_behov_lista_groups_open_needs_newest_first(running: RunningBot) -> None:
    submit_need(running, **{Field.NEED_TITLE: "Första behovet"})
    submit_need(running, BERIT, **{Field.NEED_TITLE: "Andra behovet"})
    running.command("/behov", "lista", ANNA)
    response = running.standin.wait_for_response(1)[-1]
    text = all_text(response["blocks"])
    assert text.index("Andra behovet") < text.index("Första behovet")
    running.command("/behov", "lista egna", ANNA)
    own = running.standin.wait_for_response(2)[-1]
    assert "Andra behovet" not in all_text(own["blocks"])
    assert "Första behovet" in all_text(own["blocks"])


def test_behov_help_explains_the_command(running: RunningBot) -> None:
    running.command("/behov", "hjälp", ANNA)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(t.HELP)


def test_an_outsider_is_told_to_choose_an_organisation(running: RunningBot) -> None:
    running.command("/behov", "", OUTSIDER)
    notice = running.standin.wait_for("views.update", 1)[-1].args["view"]
    assert notice["callback_id"] == "notice"
    assert all_text(notice["blocks"]) == tr(c.NO_ORGANIZATION)
    assert [b.get("type") for b in notice["blocks"]] == ["section"]


def test_a_failed_channel_post_is_kept_for_retry(running: RunningBot) -> None:
    running.standin.fail("chat.postMessage", times=10, status=500)
    submit_need(running)
    assert need_count(running) == 1
    with running.bot.db.reading() as session:
        rows = session.scalars(select(OutboxMessage)).all()
        assert {r.status for r in rows} <= {"pending", "sending"}
