"""Access on the server: every button the bot shows, pressed by someone it is not for."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import inspect, text

from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage.db import Database
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    OUTSIDER,
    RunningBot,
)
from tests.test_behov import submit_need
from tests.test_meetings import CALL_TIME, CONFIG

# Kept as they are by a refusal: everything but caches, logs and the outbox.
NOT_DOMAIN = {"outbox", "processed_requests", "people", "audit_log", "alembic_version"}
# What a person outside the collaboration may do: answer an evaluation they were sent.
OPEN_TO_ALL = {"training_answer"}
# What any partner may do, whichever organisation the thing belongs to.
PARTNER_ACTIONS = ("meeting_rsvp", "meeting_agenda", "home_new_need", "action_new")


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Return every domain table's rows, to compare before and after a refused click."""
    tables = sorted(set(inspect(db.engine).get_table_names()) - NOT_DOMAIN)
    with db.engine.connect() as connection:
        return {
            name: sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"')).all()))
            for name in tables
        }


@pytest.fixture
def busy(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """A collaboration with a need, a called meeting and Home tabs, on SQLite."""
    running = RunningBot(standin, sqlite_url, now=CALL_TIME, config=CONFIG)
    submit_need(running)
    running.listeners.wait_idle()
    running.tick()
    for user in (COORDINATOR, ANNA):
        event = {"type": "app_home_opened", "user": user, "tab": "home"}
        running.post(
            req.event_callback(event, event_id=f"Ev{user}"), content_type="application/json"
        )
    running.standin.wait_for("views.publish", 2)
    running.listeners.wait_idle()
    yield running
    running.stop()


def surfaces(
    standin: SimulatedSlack,
) -> list[tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]]:
    """Return (button, message, view) for every button the bot has shown in this test."""
    found: list[tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]] = []
    seen: set[str] = set()
    for messages in standin.messages.values():
        for message in messages:
            for button in _buttons(message.get("blocks", [])):
                if button["action_id"] not in seen:
                    seen.add(button["action_id"])
                    found.append((button, message, None))
    for call in standin.calls_to("views.publish"):
        view = call.args["view"]
        for button in _buttons(view.get("blocks", [])):
            if button["action_id"] not in seen:
                seen.add(button["action_id"])
                found.append((button, None, {**view, "id": "VHOME", "type": "home"}))
    return found


def _buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    buttons = []
    for block in blocks:
        elements = block.get("elements", []) + (
            [block["accessory"]] if "accessory" in block else []
        )
        for element in elements:
            if (
                element.get("type") == "button"
                and element.get("action_id")
                and not element.get("url")
            ):
                buttons.append({**element, "block_id": block.get("block_id", "")})
    return buttons


@pytest.mark.parametrize("intruder", [OUTSIDER, BERIT])
def test_every_button_refuses_those_it_is_not_for_and_changes_nothing(
    busy: RunningBot, intruder: str
) -> None:
    buttons = surfaces(busy.standin)
    shown = sorted(b["action_id"].split(":")[0] for b, _, _ in buttons)
    assert {
        "need_move",
        "need_decline",
        "need_edit",
        "need_withdraw",
        "meeting_rsvp_yes",
        "home_status",
        "home_export",
    } <= set(shown), shown
    unanswered: list[str] = []
    for button, message, view in buttons:
        action = button["action_id"].split(":")[0]
        if intruder == BERIT and action.startswith(PARTNER_ACTIONS):
            continue  # a partner may answer a call, add agenda items, submit needs, propose
        if action in OPEN_TO_ALL or action == "need_list_filter":
            continue
        before = snapshot(busy.bot.db)
        busy.standin.reset()
        channel = None if view else (message or {}).get("channel", "C0ARBETS1")
        body = req.block_actions(
            {"action_id": button["action_id"], "block_id": button["block_id"]},
            user_id=intruder,
            response_url=None if view else busy.standin.response_url("acc"),
            channel_id=channel,
            message=message,
            view=view,
            trigger_id=busy.trigger(),
        )
        assert busy.post(body).status == 200, action
        busy.listeners.wait_idle()
        assert snapshot(busy.bot.db) == before, f"{action} changed data for {intruder}"
        answers = [
            c
            for c in busy.standin.calls
            if (c.method == "chat.postEphemeral" and c.args.get("user") == intruder)
            or (c.method == "chat.postMessage" and c.args.get("channel") == intruder)
        ]
        views = [
            c.args["view"] for c in busy.standin.calls if c.method in ("views.open", "views.update")
        ]
        forms = [v for v in views if v.get("callback_id") not in ("loading", "notice")]
        notices = [v for v in views if v.get("callback_id") == "notice"]
        if forms:
            unanswered.append(
                f"{action} opened a form for {intruder}: {json.dumps(forms[0])[:200]}"
            )
        elif not answers and not notices and not busy.standin.responses:
            unanswered.append(f"{action} gave {intruder} no answer")
    assert unanswered == []
