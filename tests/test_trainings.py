"""Trainings end to end: signed requests in, Web API calls out, rows left behind; and the rules."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, inspect, select, text

from bot.config import Evaluations
from bot.domain.access import Actor, Role
from bot.domain.organizations import merge_organizations
from bot.domain.trainings import (
    PAST_LIMIT,
    ReportInput,
    TrainingInput,
    evaluation_deadlines,
    may_open_now,
    may_see_results,
    needs_reminder,
    validate_report,
    validate_training,
)
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import results as rt
from bot.texts import trainings as t
from commands.edge.ids import Action, Callback, Field
from slack_sim import requests as req
from slack_sim.contract import view_problems
from slack_sim.web_api import SimulatedSlack
from storage.answers import ViewKind, release_view, save_answer
from storage.db import Database
from storage.directory import sync_organizations
from storage.export import export_sheets
from storage.migrate import upgrade
from storage.models import OutboxMessage, SurveyResponse, Training
from storage.trainings import (
    create_report,
    create_training,
    open_evaluation,
    open_evaluations_for,
    per_training_before_after,
    report_back_status,
    training_totals,
    training_totals_by_organization,
)
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    OUTSIDER,
    SECRET_KEY,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)
from tests.test_behov import submit_need

tr = Texts("sv")
TZ = ZoneInfo("Europe/Stockholm")
NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)  # 09:00 in Gävle, the harness's frozen clock
SECRET = SECRET_KEY.encode()
TRAINING_1 = '{"training":1}'  # the value of training #1's buttons

# Six participants who answer; their ids and names must never show up in what is stored.
RESPONDENTS = {
    "U0SVAR001": ("lisa.lindqvist@gavle.se", "Lisa Lindqvist"),
    "U0SVAR002": ("omar.haddad@sandviken.se", "Omar Haddad"),
    "U0SVAR003": ("karin.berg@hofors.se", "Karin Berg"),
    "U0SVAR004": ("jonas.ek@ljusdal.se", "Jonas Ek"),
    "U0SVAR005": ("sara.nyman@bollnas.se", "Sara Nyman"),
    "U0SVAR006": ("peter.holm@tullverket.se", "Peter Holm"),
}
R = list(RESPONDENTS)

TRAINING: dict[str, Any] = {
    Field.TRAINING_TITLE: "Drogtecken för socialtjänsten",
    Field.TRAINING_SUBJECT: "drug_signs",
    Field.TRAINING_DATE: date(2027, 1, 4),
    Field.TRAINING_START: time(10, 0),
    Field.TRAINING_END: time(12, 0),
    Field.TRAINING_ORGANIZER: "lansstyrelsen",
    Field.TRAINING_TARGETS: ["gavle", "tullverket"],
    Field.TRAINING_EXPECTED: 8,
    Field.TRAINING_PLACE: "Länsstyrelsen, Gävle",
    Field.TRAINING_TARGET: "channel",
}


@pytest.fixture(autouse=True)
def respondents(standin: SimulatedSlack) -> None:
    """Make the six participants known to the stand-in, with no messages left from other tests."""
    with standin._lock:
        standin.messages.clear()
    for user, (email, name) in RESPONDENTS.items():
        standin.add_user(user, email, name)


# --- helpers -------------------------------------------------------------------------------------


def open_form(running: RunningBot, user: str, text: str = "") -> dict[str, Any]:
    """Run /utbildning and return the form the bot opened."""
    before = len(running.standin.calls_to("views.open"))
    assert running.command("/utbildning", text, user).status == 200
    running.standin.wait_for("views.open", before + 1)
    return running.opened_view()


def register(running: RunningBot, user: str = COORDINATOR, **changes: Any) -> Any:
    """Register a training through the form; None in changes leaves a field untouched."""
    view = open_form(running, user)
    answers = {k: v for k, v in {**TRAINING, **changes}.items() if v is not None}
    count = len(running.standin.calls_to("views.open"))
    result = running.submit(view, answers, user, view_id=f"VTRAIN{count:04d}")
    if result.body in (b"", b"null"):
        settle(running)
    return result


def settle(running: RunningBot) -> None:
    """Wait until the newest training's confirmation is sent, before the test moves the clock."""
    with running.bot.db.reading() as session:
        newest = session.scalar(select(func.max(Training.id)))
    key = f"training:{newest}:created"
    running.standin.wait_for(
        "chat.postMessage",
        1,
        where=lambda call: (
            (call.args.get("metadata") or {}).get("event_payload", {}).get("key") == key
        ),
    )


def training_row(running: RunningBot, training_id: int = 1) -> Training:
    with running.bot.db.reading() as session:
        found = session.get(Training, training_id)
        assert found is not None
        return found


def tick(running: RunningBot) -> None:
    running.tick()


def end_training(running: RunningBot) -> None:
    """Move the clock to the end of the 10-12 training and let the scheduler run."""
    running.clock.set(datetime(2027, 1, 4, 11, 0, tzinfo=UTC))
    tick(running)


def evaluation_post(running: RunningBot, channel: str = WORKING_GROUP) -> dict[str, Any]:
    """Return the latest message in channel that carries the answer button."""
    for message in reversed(running.standin.messages.get(channel, [])):
        if Action.TRAINING_ANSWER in json.dumps(message.get("blocks", [])):
            return message
    raise AssertionError(f"no evaluation message in {channel}")


def answer(
    running: RunningBot,
    user: str,
    after: int,
    before: int,
    *,
    used: str = "",
    missing: str = "",
    channel: str = WORKING_GROUP,
) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """Answer through the button and both pages; return page 1, page 2 and the final reply."""
    message = evaluation_post(running, channel)
    opened = len(running.standin.calls_to("views.open"))
    running.click(
        find_button(message["blocks"], Action.TRAINING_ANSWER),
        user,
        message=message,
        channel=channel,
    )
    running.standin.wait_for("views.open", opened + 1)
    page1 = running.opened_view()
    pushed = running.submit(page1, {Field.TRAINING_EVAL_AFTER: str(after)}, user)
    reply = pushed.json()
    assert reply["response_action"] == "push", reply
    page2 = reply["view"]
    assert view_problems(page2, "modal") == []
    answers: dict[str, Any] = {Field.TRAINING_EVAL_BEFORE: str(before)}
    if used:
        answers[Field.TRAINING_EVAL_USED] = used
    if missing:
        answers[Field.TRAINING_EVAL_MISSING] = missing
    final = running.submit(page2, answers, user)
    return page1, page2, final


def dump_database(running: RunningBot) -> str:
    """Return every value of every row of every table, as one text."""
    parts: list[str] = []
    with running.bot.db.reading() as session:
        for table in inspect(session.get_bind()).get_table_names():
            for row in session.execute(text(f'SELECT * FROM "{table}"')):
                parts.append(f"{table}: {tuple(row)!r}")
    return "\n".join(parts)


def initial_value(view: dict[str, Any], block_id: str) -> Any:
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    element = block["element"]
    return element.get("initial_option", {}).get("value") or element.get("initial_value")


# --- registering ---------------------------------------------------------------------------------


def test_utbildning_opens_the_form_with_the_partners_own_organisation(running: RunningBot) -> None:
    view = open_form(running, ANNA)
    assert view["callback_id"] == Callback.TRAINING_FORM
    assert view_problems(view, "modal") == []
    organizer = next(b for b in view["blocks"] if b.get("block_id") == Field.TRAINING_ORGANIZER)
    assert [o["value"] for o in organizer["element"]["options"]] == ["tullverket"]
    assert organizer["element"]["initial_option"]["value"] == "tullverket"
    channel = next(b for b in view["blocks"] if b.get("block_id") == Field.TRAINING_CHANNEL)
    assert channel["element"]["initial_conversation"] == WORKING_GROUP
    assert "Anonym" in all_text(view["blocks"]) or "anonym" in all_text(view["blocks"])


def test_an_outsider_cannot_register(running: RunningBot) -> None:
    running.command("/utbildning", "", OUTSIDER)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(c.NO_ORGANIZATION)
    assert running.standin.calls_to("views.open") == []


def test_a_registered_training_is_stored_posted_and_confirmed(running: RunningBot) -> None:
    result = register(running)
    assert result.status == 200
    assert result.body in (b"", b"null")
    training = training_row(running)
    assert training.origin == "registered"
    assert training.starts_at == datetime(2027, 1, 4, 9, 0, tzinfo=UTC)
    assert training.ends_at == datetime(2027, 1, 4, 11, 0, tzinfo=UTC)
    assert (training.organizer_id, training.expected_participants) == ("lansstyrelsen", 8)
    assert training.target_organizations == ["gavle", "tullverket"]
    assert training.evaluation_channel == WORKING_GROUP
    assert training.evaluation_opened_at is None
    posts = running.standin.wait_for("chat.postMessage", 2)
    card = next(p for p in posts if p.args["channel"] == WORKING_GROUP)
    assert "Drogtecken för socialtjänsten" in all_text(card.args["blocks"])
    assert "2027-01-04 10.00–12.00" in all_text(card.args["blocks"])
    find_button(card.args["blocks"], Action.TRAINING_POST_NOW, TRAINING_1)
    notice = next(p for p in posts if p.args["channel"] == COORDINATOR)
    assert notice.args["text"].startswith("Tack! Utbildningen *#1 Drogtecken")


def test_bad_training_input_is_shown_inline_and_nothing_is_stored(running: RunningBot) -> None:
    result = register(
        running,
        **{
            Field.TRAINING_END: time(9, 0),
            Field.TRAINING_PLACE: "Gäller 19121212-1212",
            Field.TRAINING_TARGET: "participants",
        },
    )
    errors = result.json()["errors"]
    assert errors == {
        Field.TRAINING_END: tr(t.END_BEFORE_START),
        Field.TRAINING_PLACE: tr(c.IDENTITY_NUMBER, found="”19121212-1212”"),
        Field.TRAINING_PARTICIPANTS: tr(t.PARTICIPANTS_MISSING),
    }
    with running.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Training)) == 0
    assert running.standin.calls_to("chat.postMessage") == []


def test_a_partner_cannot_name_another_organisation_as_organiser(running: RunningBot) -> None:
    view = open_form(running, BERIT)
    block = next(b for b in view["blocks"] if b.get("block_id") == Field.TRAINING_ORGANIZER)
    block["element"]["options"].append(
        {"text": {"type": "plain_text", "text": "Tullverket"}, "value": "tullverket"}
    )
    result = running.submit(view, {**TRAINING, Field.TRAINING_ORGANIZER: "tullverket"}, BERIT)
    assert result.json()["errors"] == {Field.TRAINING_ORGANIZER: tr(c.UNKNOWN_CHOICE)}


# --- the evaluation ------------------------------------------------------------------------------


def test_six_people_answer_one_twice_and_the_results_are_right_and_anonymous(
    running_any: RunningBot,
) -> None:
    running = running_any
    register(running)
    running.standin.wait_for("chat.postMessage", 2)
    tick(running)  # before the end nothing is sent
    assert len(running.standin.calls_to("chat.postMessage")) == 2
    end_training(running)
    evaluation = evaluation_post(running)
    assert "Utvärdering av utbildningen Drogtecken för socialtjänsten" in all_text(
        evaluation["blocks"]
    )
    card_update = running.standin.wait_for("chat.update", 1)[0]
    assert Action.TRAINING_POST_NOW not in json.dumps(card_update.args["blocks"])

    # The first answer of R[0] is replaced later: (after 2, before 2) becomes (5, 1).
    page1, page2, final = answer(running, R[0], 2, 2, used="Inget särskilt")
    assert page1["callback_id"] == Callback.TRAINING_EVAL_AFTER
    assert "anonyma" in all_text(page1["blocks"])
    assert page2["callback_id"] == Callback.TRAINING_EVAL_BEFORE
    assert final.json()["response_action"] == "update"
    assert final.json()["view"]["clear_on_close"] is True
    thanks = all_text(final.json()["view"]["blocks"])
    assert thanks.startswith(tr(t.THANKS_TEXT, closes="2027-01-18"))
    assert tr(t.WHO_SEES_WHAT, organizer="Länsstyrelsen Gävleborg", min=3) in thanks
    answers = [(4, 2, "Samtalsmetoden", ""), (4, 3, "", "Mer om cannabis"), (3, 3, "", "")]
    answers += [(5, 2, "Checklistan vid hembesök", ""), (3, 4, "", "Fler exempel")]
    for user, (after, before, used, missing) in zip(R[1:], answers, strict=True):
        answer(running, user, after, before, used=used, missing=missing)
    page1, page2, final = answer(running, R[0], 5, 1, used="Allt om tecknen")
    assert initial_value(page1, Field.TRAINING_EVAL_AFTER) == "2"
    assert tr(t.ALREADY_ANSWERED) in all_text(page1["blocks"])
    assert initial_value(page2, Field.TRAINING_EVAL_BEFORE) == "2"
    assert initial_value(page2, Field.TRAINING_EVAL_USED) == "Inget särskilt"
    thanks = all_text(final.json()["view"]["blocks"])
    assert thanks.startswith(tr(t.THANKS_REPLACED, closes="2027-01-18"))

    with running.bot.db.reading() as session:
        rows = session.scalars(select(SurveyResponse)).all()
        pairs = sorted((r.knowledge_before, r.knowledge_after) for r in rows)
    assert pairs == [(1, 5), (2, 4), (2, 5), (3, 3), (3, 4), (4, 3)]

    # While the evaluation is open only the count is shown.
    running.command("/utbildning", "resultat 1", COORDINATOR)
    shown = all_text(running.standin.wait_for_response(1, timeout=60)[-1]["blocks"])
    assert "*6 svar* (förväntade deltagare: 8, svarsfrekvens 75\u00a0%)" in shown
    assert rt.SHOWN_AT_CLOSE.sv in shown
    assert "Allt om tecknen" not in shown
    assert "skattade sin kunskap" not in shown

    running.clock.advance(timedelta(days=14))
    tick(running)
    running.command("/utbildning", "resultat 1", COORDINATOR)
    # The first results of a process import scipy and matplotlib: allow for a loaded machine.
    result = running.standin.wait_for_response(2, timeout=60)[-1]
    shown = all_text(result["blocks"])
    # Before 15/6 = 2,5; after 24/6 = 4,0; changes +4 +2 +1 0 +3 -1: mean 1,5, sd √3,5;
    # half width t(0,975; 5) · sd / √6 = 1,96; Pratt ranks R+ 17,5, R− 2,5: p = 6/32.
    assert "*6 svar* (förväntade deltagare: 8, svarsfrekvens 75\u00a0%)" in shown
    # The plain sentence comes first, the statistics under their heading after it.
    assert shown.index("Deltagarna skattade") < shown.index(rt.TECHNICAL.sv)
    assert (
        "i genomsnitt 1,5 steg högre efter utbildningen (95 % konfidensintervall −0,5 till "
        "+3,5 steg, så skillnaden kan lika gärna vara slumpen); 4 av 6 skattade högre." in shown
    )
    shares = (
        "*67\u00a0%* skattade sin kunskap högre efter utbildningen, 17\u00a0% lika högt "
        "och 17\u00a0% lägre."
    )
    assert shares in shown
    assert "Medelvärde före utbildningen 2,5 och efter 4,0" in shown
    interval = "förändring +1,50, 95 % konfidensintervall −0,46 till +3,46."
    assert f"*Parat t-intervall:* {interval}" in shown
    assert "p = 0,19, exakt, alla teckenkombinationer" in shown
    assert "*Rangbiserial korrelation:* r = 0,71." in shown
    assert "*Cohens d_z:* 0,80." in shown
    assert "Före         1   2   2   1   0" in shown
    assert "Efter        0   0   2   2   2" in shown
    assert "Allt om tecknen" in shown
    assert "Inget särskilt" not in shown  # the replaced free text is gone
    assert "Mer om cannabis" in shown

    complete = running.standin.wait_for("files.completeUploadExternal", 1, timeout=60)[0]
    upload = running.standin.calls_to("files.getUploadURLExternal")[0]
    assert upload.args["filename"] == "utvardering-1.png"
    png = running.standin.uploads[complete.args["files"][0]["id"]]
    assert png.startswith(b"\x89PNG")
    assert complete.args["channel_id"] == "D" + COORDINATOR[1:]

    # No trace of who answered: not in any row, not in the results, chart or export.
    with running.bot.db.reading() as session:
        sheets = export_sheets(session, running.bot.config, tr, running.clock.now())
        export = [[list(sheet.headers), *map(list, sheet.rows)] for sheet in sheets]
    everything = "\n".join(
        [dump_database(running), json.dumps(result), json.dumps(export, default=str)]
        + [
            json.dumps(call.args, default=str)
            for call in running.standin.calls_to("files.completeUploadExternal")
        ]
    )
    for user, (email, name) in RESPONDENTS.items():
        for trace in (user, email, name, user.lower(), name.split()[0]):
            assert trace not in everything, trace


def test_answers_with_identity_numbers_are_refused_and_nothing_is_stored(
    running: RunningBot,
) -> None:
    register(running)
    end_training(running)
    _, page2, _ = answer(running, R[0], 4, 2)
    with running.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SurveyResponse)) == 1
    refused = running.submit(
        page2,
        {Field.TRAINING_EVAL_BEFORE: "1", Field.TRAINING_EVAL_MISSING: "Fallet 811228-9874"},
        R[0],
    )
    assert refused.json() == {
        "response_action": "errors",
        "errors": {Field.TRAINING_EVAL_MISSING: tr(c.IDENTITY_NUMBER, found="”811228-9874”")},
    }
    with running.bot.db.reading() as session:
        stored = session.scalars(select(SurveyResponse)).one()
        assert (stored.knowledge_before, stored.was_missing) == (2, "")


def test_page_one_needs_a_rating(running: RunningBot) -> None:
    register(running)
    end_training(running)
    message = evaluation_post(running)
    running.click(find_button(message["blocks"], Action.TRAINING_ANSWER), R[0], message=message)
    running.standin.wait_for("views.open", 2)
    page1 = running.opened_view()
    result = running.submit(page1, {}, R[0], forged=True)
    assert result.json()["errors"] == {Field.TRAINING_EVAL_AFTER: tr(c.CHOOSE_ONE)}


def test_a_coordinator_sends_the_evaluation_now_and_others_are_refused(
    running: RunningBot,
) -> None:
    register(running)
    running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == WORKING_GROUP
    )
    card = copy.deepcopy(
        next(
            m
            for m in running.standin.messages[WORKING_GROUP]
            if Action.TRAINING_POST_NOW in json.dumps(m.get("blocks", []))
        )
    )
    button = find_button(card["blocks"], Action.TRAINING_POST_NOW)
    running.click(button, BERIT, message=card)
    refusal = running.standin.wait_for("chat.postEphemeral", 1)[0]
    assert refusal.args["text"] == tr(c.NOT_ALLOWED, who=tr(t.WHO_REGISTRAR))
    assert training_row(running).evaluation_opened_at is None
    running.click(button, COORDINATOR, message=card)
    running.standin.wait_for("chat.postEphemeral", 2)
    opened = training_row(running)
    assert opened.evaluation_opened_at == NOW
    assert opened.evaluation_closes_at == NOW + timedelta(days=14)
    evaluation_post(running)
    # Pressing again (or the training ending later) sends nothing more.
    running.click(button, COORDINATOR, message=card)
    again = running.standin.wait_for("chat.postEphemeral", 3)[-1]
    assert again.args["text"].startswith(
        "Utvärderingen av *Drogtecken för socialtjänsten* är redan"
    )
    end_training(running)
    with running.bot.db.reading() as session:
        keys = session.scalars(
            select(OutboxMessage.key).where(OutboxMessage.kind == "training_evaluation")
        ).all()
    assert keys == ["training:1:evaluation"]


def test_the_reminder_is_posted_once_and_only_below_the_expected_count(
    running: RunningBot,
) -> None:
    register(running)
    register(running, **{Field.TRAINING_TITLE: "Välfärdsbrott", Field.TRAINING_EXPECTED: 2})
    end_training(running)
    for user in R[:2]:
        answer(running, user, 4, 2)
    running.clock.advance(timedelta(hours=23))
    tick(running)
    assert not [m for m in running.standin.messages[WORKING_GROUP] if "Påminnelse" in m["text"]]
    running.clock.advance(timedelta(hours=2))
    tick(running)
    tick(running)
    running.clock.advance(timedelta(days=2))
    tick(running)
    reminders = [m for m in running.standin.messages[WORKING_GROUP] if "Påminnelse" in m["text"]]
    assert len(reminders) == 1
    assert "Drogtecken för socialtjänsten" in reminders[0]["text"]
    find_button(reminders[0]["blocks"], Action.TRAINING_ANSWER, TRAINING_1)
    with running.bot.db.reading() as session:
        trainings = session.scalars(select(Training).order_by(Training.id)).all()
        assert all(x.reminder_done_at is not None for x in trainings)


def test_closing_updates_the_message_and_tells_the_needs_submitter(running: RunningBot) -> None:
    submit_need(running)  # Anna's need #1
    running.standin.wait_for("chat.postMessage", 2)
    view = open_form(running, COORDINATOR)
    offered = running.suggest(view, Field.TRAINING_NEEDS, "", COORDINATOR)
    assert [o["value"] for o in offered] == ["1"]
    running.submit(view, {**TRAINING, Field.TRAINING_NEEDS: ["1"]}, COORDINATOR)
    settle(running)
    end_training(running)
    for user, (after, before) in zip(R[:3], [(4, 2), (5, 3), (3, 3)], strict=True):
        answer(running, user, after, before)
    evaluation = copy.deepcopy(evaluation_post(running))
    running.clock.advance(timedelta(days=14))
    tick(running)
    closed = next(m for m in running.standin.messages[WORKING_GROUP] if m["ts"] == evaluation["ts"])
    assert Action.TRAINING_ANSWER not in json.dumps(closed["blocks"])
    assert "är stängd" in closed["text"]
    notice = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: "Ni sa, vi gjorde" in str(call.args.get("text"))
    )[0]
    assert notice.args["channel"] == ANNA
    assert "i genomsnitt 1,3 steg högre efter utbildningen" in notice.args["text"]
    summary = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == COORDINATOR_CHANNEL
    )[0]
    assert "3 svar" in summary.args["text"]
    # An old button now answers privately that the evaluation is closed.
    running.click(
        find_button(evaluation["blocks"], Action.TRAINING_ANSWER), R[4], message=evaluation
    )
    refusal = running.standin.wait_for("chat.postEphemeral", 1)[-1]
    assert refusal.args["text"].startswith(
        "Utvärderingen av *Drogtecken för socialtjänsten* stängdes"
    )
    tick(running)
    texts = [call.args["text"] for call in running.standin.calls_to("chat.postMessage")]
    assert len(texts) == len(set(texts)), texts
    # The training's message now offers the results, privately and only to those allowed.
    card = copy.deepcopy(
        next(
            m
            for m in running.standin.messages[WORKING_GROUP]
            if Action.TRAINING_RESULTS in json.dumps(m.get("blocks", []))
        )
    )
    assert tr(t.CARD_CLOSED, closed="2027-01-18", count=3) in all_text(card["blocks"])
    results = find_button(card["blocks"], Action.TRAINING_RESULTS, TRAINING_1)
    running.click(results, BERIT, message=card)
    refusal = running.standin.wait_for(
        "chat.postEphemeral", 1, where=lambda call: call.args["user"] == BERIT
    )[0]
    assert refusal.args["text"] == tr(c.NOT_ALLOWED, who=tr(t.WHO_ORGANIZER))
    running.click(results, COORDINATOR, message=card)
    shown = running.standin.wait_for(
        "chat.postEphemeral", 1, where=lambda call: call.args["user"] == COORDINATOR, timeout=60
    )[0]
    assert shown.args["text"] == "Utvärdering #1: Drogtecken för socialtjänsten"
    assert "*3 svar* (förväntade deltagare: 8," in all_text(shown.args["blocks"])
    running.standin.wait_for("files.completeUploadExternal", 1, timeout=60)


def test_a_private_evaluation_reaches_each_participant_and_their_home(running: RunningBot) -> None:
    register(
        running,
        **{
            Field.TRAINING_TARGET: "participants",
            Field.TRAINING_PARTICIPANTS: [R[0], R[1]],
        },
    )
    end_training(running)
    dms = running.standin.wait_for(
        "chat.postMessage", 2, where=lambda call: call.args["channel"] in (R[0], R[1])
    )
    assert sorted(call.args["channel"] for call in dms) == sorted([R[0], R[1]])
    running.post(
        req.event_callback(
            {"type": "app_home_opened", "user": R[0], "tab": "home"}, event_id="EvH1"
        ),
        content_type="application/json",
    )
    home = running.standin.wait_for("views.publish", 1)[0].args["view"]
    find_button(home["blocks"], Action.TRAINING_ANSWER, TRAINING_1)
    answer(running, R[0], 4, 2, channel="D" + R[0][1:])
    running.post(
        req.event_callback(
            {"type": "app_home_opened", "user": R[0], "tab": "home"}, event_id="EvH2"
        ),
        content_type="application/json",
    )
    home = running.standin.wait_for("views.publish", 2)[-1].args["view"]
    assert Action.TRAINING_ANSWER not in json.dumps(home["blocks"])
    # Someone not chosen cannot answer with a participant's button.
    message = evaluation_post(running, "D" + R[1][1:])
    running.click(
        find_button(message["blocks"], Action.TRAINING_ANSWER),
        R[2],
        message=message,
        channel="D" + R[1][1:],
    )
    refusal = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == R[2]
    )[0]
    assert refusal.args["text"] == tr(t.NOT_A_PARTICIPANT, title="Drogtecken för socialtjänsten")
    with running.bot.db.reading() as session:
        stored = session.scalars(select(SurveyResponse)).one()
        assert R[0] not in json.dumps([stored.key, stored.will_use, stored.was_missing])


def test_below_the_minimum_the_results_show_only_the_count(running: RunningBot) -> None:
    register(running)
    end_training(running)
    answer(running, R[0], 4, 2, used="Bra exempel")
    answer(running, R[1], 5, 3)
    running.command("/utbildning", "resultat", COORDINATOR)
    result = running.standin.wait_for_response(1)[-1]
    shown = all_text(result["blocks"])
    assert "*2 svar* (förväntade deltagare: 8," in shown
    assert tr(rt.TOO_FEW, min=3) in shown
    assert "Kunskap före" not in shown
    assert "Bra exempel" not in shown
    assert running.standin.calls_to("files.getUploadURLExternal") == []


def test_results_are_refused_to_other_partners(running: RunningBot) -> None:
    register(running)
    end_training(running)
    running.command("/utbildning", "resultat", BERIT)  # the latest of Gävle's own: none
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(rt.NONE_FOUND)
    running.command("/utbildning", "resultat 1", BERIT)
    refusal = running.standin.wait_for_response(2)[-1]
    assert refusal["text"] == tr(c.NOT_ALLOWED, who=tr(t.WHO_ORGANIZER))
    running.command("/utbildning", "resultat tre", COORDINATOR)
    assert running.standin.wait_for_response(3)[-1]["text"] == tr(rt.BAD_ID)
    running.command("/utbildning", "resultat 99", COORDINATOR)
    assert running.standin.wait_for_response(4)[-1]["text"] == tr(t.NOT_FOUND, id="99")


# --- report-back, lists, totals, help ------------------------------------------------------------


def test_a_partner_reports_back_and_the_totals_show_who_has_not(running: RunningBot) -> None:
    view = open_form(running, ANNA, "rapportera")
    assert view["callback_id"] == Callback.TRAINING_REPORT
    assert view_problems(view, "modal") == []
    future = running.submit(
        view,
        {
            Field.TRAINING_REPORT_TITLE: "Narkotikahundar i hamnen",
            Field.TRAINING_REPORT_SUBJECT: "narcotics",
            Field.TRAINING_REPORT_DATE: date(2027, 1, 5),
            Field.TRAINING_REPORT_PARTICIPANTS: 14,
        },
        ANNA,
    )
    assert future.json()["errors"] == {Field.TRAINING_REPORT_DATE: tr(t.FUTURE_REPORT)}
    done = running.submit(
        view,
        {
            Field.TRAINING_REPORT_TITLE: "Narkotikahundar i hamnen",
            Field.TRAINING_REPORT_SUBJECT: "narcotics",
            Field.TRAINING_REPORT_DATE: date(2027, 1, 3),
            Field.TRAINING_REPORT_PARTICIPANTS: 14,
        },
        ANNA,
        view_id="VREPORT01",
    )
    assert done.status == 200
    confirmation = running.standin.wait_for("chat.postMessage", 1)[0]
    assert confirmation.args["channel"] == ANNA
    assert "14 deltagare" in confirmation.args["text"]
    report = training_row(running)
    assert (report.origin, report.organizer_id, report.reported_participants) == (
        "reported",
        "tullverket",
        14,
    )
    running.command("/utbildning", "sammanställning 2027", COORDINATOR)
    totals = all_text(running.standin.wait_for_response(1)[-1]["blocks"])
    assert "Tullverket: 1" in totals
    assert "*Har inte återrapporterat:*" in totals
    silent = totals.split("*Har inte återrapporterat:*")[1]
    assert "Gävle kommun" in silent
    assert "Tullverket" not in silent
    assert "*Narkotika i allmänhet*: 1 utbildning, 14 deltagare enligt återrapport" in totals
    running.command("/utbildning", "lista", ANNA)
    listing = all_text(running.standin.wait_for_response(2)[-1]["blocks"])
    assert "Narkotikahundar i hamnen" in listing
    assert "återrapporterad, 14 deltagare" in listing


def test_lista_shows_coming_trainings_with_their_evaluation_state(running: RunningBot) -> None:
    register(running)
    running.command("/utbildning", "lista", BERIT)
    listing = all_text(running.standin.wait_for_response(1)[-1]["blocks"])
    assert "#1 *Drogtecken för socialtjänsten* · 2027-01-04 10.00–12.00" in listing
    assert tr(t.STATUS_SCHEDULED) in listing


def test_help_and_unknown_words_answer_with_help(running: RunningBot) -> None:
    running.command("/utbildning", "hjälp", ANNA)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(t.HELP)
    running.command("/utbildning", "<!channel> gör *något*", ANNA)
    unknown = running.standin.wait_for_response(2)[-1]["text"]
    assert unknown.startswith("Jag känner inte igen `&lt;!channel&gt;`.")
    assert unknown.endswith(tr(t.HELP))
    running.command("/utbildning", "sammanställning i år", ANNA)
    assert running.standin.wait_for_response(3)[-1]["text"] == tr(t.PERIOD_BAD)


@pytest.mark.parametrize(
    ("text", "msg"),
    [
        ("resultat ²", rt.BAD_ID),
        ("resultat ٤", rt.BAD_ID),
        ("resultat -1", rt.BAD_ID),
        ("resultat 99999999999999999999", rt.BAD_ID),
        ("sammanställning ٢٠٢٧", t.PERIOD_BAD),
        ("sammanställning 0001", t.PERIOD_BAD),
        ("sammanställning 20270101 20271231", t.PERIOD_BAD),
        ("sammanställning 9999-12-31 9999-12-31", t.PERIOD_BAD),
        ("sammanställning 2027-02-01 2027-01-01", t.PERIOD_BAD),
        ("sammanställning 2027-02-30 2027-03-01", t.PERIOD_BAD),
    ],
)
def test_hostile_numbers_and_periods_are_refused_politely(
    running: RunningBot, text: str, msg: Any
) -> None:
    """Only ASCII digits are read, and a period the bot cannot compute is refused."""
    running.command("/utbildning", text, COORDINATOR)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(msg)


def test_a_button_posted_before_the_codec_still_opens_the_evaluation(running: RunningBot) -> None:
    """An answer button still carrying the bare id of an older message ("1") opens the form."""
    register(running)
    end_training(running)
    message = evaluation_post(running)
    button = {**find_button(message["blocks"], Action.TRAINING_ANSWER, TRAINING_1), "value": "1"}
    running.click(button, R[0], message=message)
    running.standin.wait_for("views.open", 2)
    assert running.opened_view()["callback_id"] == Callback.TRAINING_EVAL_AFTER


@pytest.mark.parametrize(
    "metadata",
    ['{"training":1,"after":9}', '{"training":1,"after":"4"}', '{"training":1}', "4", "{}"],
)
def test_tampered_page_two_metadata_stores_nothing(running: RunningBot, metadata: str) -> None:
    """Page 2 carries page 1's rating in its metadata: a value the bot did not write is refused."""
    register(running)
    end_training(running)
    _, page2, _ = answer(running, R[0], 4, 2)
    forged = {**page2, "private_metadata": metadata}
    result = running.submit(forged, {Field.TRAINING_EVAL_BEFORE: "1"}, R[0])
    assert result.json() == {
        "response_action": "errors",
        "errors": {Field.TRAINING_EVAL_BEFORE: tr(c.UNKNOWN_FORM)},
    }
    with running.bot.db.reading() as session:
        stored = session.scalars(select(SurveyResponse)).one()
        assert (stored.knowledge_before, stored.knowledge_after) == (2, 4)


# --- storage on both backends --------------------------------------------------------------------


def _database(url: str) -> Database:
    db = Database(url)
    upgrade(db.engine)
    with db.transaction() as session:
        sync_organizations(session, merge_organizations([]))
    return db


def _draft(title: str, subject: str, organizer: str, expected: int, day: int) -> Any:
    check = validate_training(
        TrainingInput(
            title=title,
            subject=subject,
            date=f"2027-02-{day:02d}",
            start="09:00",
            end="12:00",
            organizer=organizer,
            targets=[],
            expected=str(expected),
            place="Gävle",
            target="channel",
            channel=WORKING_GROUP,
            participants=[],
            needs=[],
        ),
        allowed_organizers={organizer},
        organization_ids={organizer},
        open_need_ids=set(),
        tz=TZ,
        now=NOW,
    )
    assert check.draft is not None, check.errors
    return check.draft


def test_totals_are_sql_aggregates_per_subject_and_organisation(database_url: str) -> None:
    db = _database(database_url)
    now = datetime(2027, 3, 1, tzinfo=UTC)
    answers = {
        1: [(2, 4), (3, 4), (1, 3)],  # drug signs, Länsstyrelsen
        2: [(3, 5), (2, 2)],  # drug signs, Gävle: only two answers
        3: [],  # welfare crime, Gävle: nobody answered
    }
    with db.transaction() as session:
        ids = [
            create_training(
                session, _draft(*args), created_by=COORDINATOR, source_key=None, now=now
            ).id  # type: ignore[union-attr]
            for args in (
                ("Drogtecken A", "drug_signs", "lansstyrelsen", 10, 1),
                ("Drogtecken B", "drug_signs", "gavle", 4, 8),
                ("Välfärdsbrott", "welfare_crime", "gavle", 5, 15),
            )
        ]
        for training_id in ids:
            open_evaluation(session, training_id, now=now, reminder_at=now, closes_at=now)
        for training_id, pairs in answers.items():
            for index, (before, after) in enumerate(pairs):
                save_answer(
                    session,
                    key=f"r{training_id}{index}",
                    training_id=training_id,
                    before=before,
                    after=after,
                    will_use="",
                    was_missing="",
                    today=now.date(),
                )
        save_answer(  # a replaced answer counts once
            session,
            key="r10",
            training_id=1,
            before=1,
            after=5,
            will_use="",
            was_missing="",
            today=now.date(),
        )
        report = validate_report(
            ReportInput("tullverket", "Hundar", "narcotics", "2027-02-03", "12"),
            allowed_organizations={"tullverket"},
            tz=TZ,
            now=now,
        ).draft
        assert report is not None
        create_report(session, report, reported_by=ANNA, source_key=None, now=now)
        for training_id in ids:  # the evaluations close: only #1 has enough answers to show
            view = release_view(
                session, training_id, min_answers=3, kind=ViewKind.FINAL, today=now.date()
            )
            assert (view is not None) == (training_id == 1)
    start, end = datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    with db.reading() as session:
        subjects = {s.subject: s for s in training_totals(session, start, end)}
        organizations = {
            o.organization_id: o for o in training_totals_by_organization(session, start, end)
        }
        reported = report_back_status(session, start, end)
        charts = per_training_before_after(session, start, end)
        empty = training_totals(session, end, end + timedelta(days=365))
    drugs = subjects["drug_signs"]
    assert (drugs.trainings_held, drugs.registered, drugs.reported) == (2, 2, 0)
    assert (drugs.expected_participants, drugs.reported_participants, drugs.answers) == (14, 0, 5)
    # Only #1's shown view is pooled: #2's two answers stay out, so that the subject minus #1
    # (shown per organiser and per training) cannot reveal them.
    assert drugs.shown_answers == 3
    assert drugs.mean_before == pytest.approx((1 + 3 + 1) / 3)
    assert drugs.mean_after == pytest.approx((5 + 4 + 3) / 3)
    assert drugs.mean_change == pytest.approx(7 / 3)
    assert drugs.response_rate == pytest.approx(5 / 14)
    welfare = subjects["welfare_crime"]
    assert (welfare.answers, welfare.mean_before, welfare.response_rate) == (0, None, 0.0)
    narcotics = subjects["narcotics"]
    assert (narcotics.trainings_held, narcotics.registered, narcotics.reported) == (1, 0, 1)
    assert (narcotics.expected_participants, narcotics.reported_participants) == (0, 12)
    assert (narcotics.answers, narcotics.response_rate) == (0, None)
    gavle = organizations["gavle"]
    assert (gavle.trainings_held, gavle.answers, gavle.mean_before) == (2, 2, None)  # below 3
    assert organizations["lansstyrelsen"].mean_after == pytest.approx(12 / 3)
    assert reported["tullverket"] == 1
    assert reported["gavle"] == 0
    assert len(reported) == 20
    assert [(x.title, x.n) for x in charts] == [("Drogtecken A", 3)]
    assert charts[0].mean_before == pytest.approx(5 / 3)
    assert empty == []


def test_open_evaluations_for_skips_what_the_person_answered(database_url: str) -> None:
    db = _database(database_url)
    from bot.domain.anonymity import answer_key

    with db.transaction() as session:
        first = create_training(
            session,
            _draft("Kanal", "other", "gavle", 5, 1),
            created_by=COORDINATOR,
            source_key=None,
            now=NOW,
        )
        assert first is not None
        open_evaluation(
            session, first.id, now=NOW, reminder_at=NOW, closes_at=NOW + timedelta(days=14)
        )
        save_answer(
            session,
            key=answer_key(SECRET, first.id, ANNA),
            training_id=first.id,
            before=2,
            after=4,
            will_use="",
            was_missing="",
            today=NOW.date(),
        )
    with db.reading() as session:
        assert open_evaluations_for(session, ANNA, NOW, secret=SECRET) == []
        waiting = open_evaluations_for(session, BERIT, NOW, secret=SECRET)
        assert [x.title for x in waiting] == ["Kanal"]
        assert open_evaluations_for(session, BERIT, NOW + timedelta(days=15), secret=SECRET) == []


# --- the rules -----------------------------------------------------------------------------------


def _input(**changes: Any) -> TrainingInput:
    base: dict[str, Any] = {
        "title": "Drogtecken",
        "subject": "drug_signs",
        "date": "2027-01-10",
        "start": "09:00",
        "end": "12:00",
        "organizer": "gavle",
        "targets": [],
        "expected": "10",
        "place": "Gävle",
        "target": "channel",
        "channel": WORKING_GROUP,
        "participants": [],
        "needs": [],
    }
    return TrainingInput(**{**base, **changes})


def _errors(**changes: Any) -> dict[str, Any]:
    check = validate_training(
        _input(**changes),
        allowed_organizers={"gavle"},
        organization_ids={"gavle", "tullverket"},
        open_need_ids={3},
        tz=TZ,
        now=NOW,
    )
    return {e.field: e.msg for e in check.errors}


def test_a_good_training_becomes_a_draft_in_utc() -> None:
    check = validate_training(
        _input(needs=["3"], targets=["tullverket"]),
        allowed_organizers={"gavle"},
        organization_ids={"gavle", "tullverket"},
        open_need_ids={3},
        tz=TZ,
        now=NOW,
    )
    assert check.errors == ()
    assert check.draft is not None
    assert check.draft.starts_at == datetime(2027, 1, 10, 8, 0, tzinfo=UTC)
    assert check.draft.need_ids == (3,)


def test_summer_time_is_respected() -> None:
    check = validate_training(
        _input(date="2027-06-10"),
        allowed_organizers={"gavle"},
        organization_ids={"gavle"},
        open_need_ids=set(),
        tz=TZ,
        now=NOW,
    )
    assert check.draft is not None
    assert check.draft.starts_at == datetime(2027, 6, 10, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("changes", "field", "msg"),
    [
        ({"title": "ab"}, "title", c.TOO_SHORT),
        ({"subject": "cooking"}, "subject", c.UNKNOWN_CHOICE),
        ({"date": None}, "date", c.REQUIRED),
        ({"end": "08:00"}, "end", t.END_BEFORE_START),
        ({"date": "2026-11-01"}, "date", t.TOO_OLD),
        ({"date": "2030-01-01"}, "date", t.TOO_FAR),
        ({"organizer": "tullverket"}, "organizer", c.UNKNOWN_CHOICE),
        ({"targets": ["nowhere"]}, "targets", c.UNKNOWN_CHOICE),
        ({"expected": "0"}, "expected", t.NUMBER_INVALID),
        ({"expected": "12.5"}, "expected", t.NUMBER_INVALID),
        ({"place": ""}, "place", c.REQUIRED),
        ({"target": None}, "target", c.CHOOSE_ONE),
        ({"channel": None}, "channel", t.CHANNEL_MISSING),
        (
            {"target": "participants", "participants": ["U1", "bad"]},
            "participants",
            c.UNKNOWN_CHOICE,
        ),
        (
            {"target": "participants", "participants": [f"U{i:04d}" for i in range(101)]},
            "participants",
            t.PARTICIPANTS_TOO_MANY,
        ),
        ({"needs": ["4"]}, "needs", c.UNKNOWN_CHOICE),
    ],
)
def test_bad_training_fields_are_named(changes: dict[str, Any], field: str, msg: Any) -> None:
    assert _errors(**changes).get(field) == msg


def test_a_past_training_is_allowed_within_the_limit() -> None:
    recent = (NOW - PAST_LIMIT + timedelta(days=1)).astimezone(TZ).date().isoformat()
    assert _errors(date=recent) == {}


def test_the_evaluation_timeline_follows_the_configuration() -> None:
    opened = datetime(2027, 1, 4, 11, 0, tzinfo=UTC)
    reminder, closes = evaluation_deadlines(opened, Evaluations())
    assert (reminder, closes) == (opened + timedelta(days=1), opened + timedelta(days=14))
    short = Evaluations(close_after=timedelta(hours=12), reminder_after=timedelta(days=1))
    assert evaluation_deadlines(opened, short) == (opened + timedelta(hours=12),) * 2
    assert needs_reminder(3, 8)
    assert not needs_reminder(8, 8)
    assert needs_reminder(0, None)


def test_who_may_send_now_and_see_results() -> None:
    coordinator = Actor(COORDINATOR, "lansstyrelsen", frozenset({Role.COORDINATOR}))
    owner = Actor("U0AGARE01", "lansstyrelsen", frozenset({Role.OWNER}))
    berit = Actor(BERIT, "gavle")
    anna = Actor(ANNA, "tullverket")
    assert may_open_now(coordinator, ANNA)
    assert may_open_now(anna, ANNA)
    assert not may_open_now(berit, ANNA)
    assert may_see_results(owner, "gavle", ANNA)
    assert may_see_results(berit, "gavle", ANNA)
    assert not may_see_results(anna, "gavle", COORDINATOR)


def test_erasure_and_retention_reach_trainings_and_answers(database_url: str) -> None:
    from storage.privacy import apply_retention, erase_person

    db = _database(database_url)
    with db.transaction() as session:
        draft = _draft("Privat", "other", "gavle", 5, 1)
        private = create_training(
            session,
            replace(draft, evaluation_channel=None, evaluation_participants=(ANNA, BERIT)),
            created_by=ANNA,
            source_key=None,
            now=NOW,
        )
        assert private is not None
        for index, day in enumerate((date(2021, 1, 1), date(2027, 1, 1))):
            save_answer(
                session,
                key=f"r{index}",
                training_id=private.id,
                before=2,
                after=4,
                will_use="",
                was_missing="",
                today=day,
            )
    with db.transaction() as session:
        counts = erase_person(session, ANNA)
        removed = apply_retention(
            session,
            NOW,
            {
                "needs": timedelta(days=1825),
                "answers": timedelta(days=1825),
                "logs": timedelta(days=730),
            },
        )
    assert counts["trainings_registrar_anonymised"] == 1
    assert counts["training_recipient_lists"] == 1
    assert removed["survey_answers"] == 1
    with db.reading() as session:
        stored = session.get(Training, private.id)
        assert stored is not None
        assert (stored.created_by, stored.evaluation_participants) == (None, [BERIT])
        assert session.scalar(select(func.count()).select_from(SurveyResponse)) == 1
