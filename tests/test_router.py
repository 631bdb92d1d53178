"""Requests reach their surface's handler through one Bolt listener per kind."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Texts
from bot.texts import common as c
from commands.edge.ids import Action, Callback
from commands.router import Router
from tests.harness import ANNA, RunningBot


def test_an_action_id_finds_its_handler_exactly_or_by_prefix() -> None:
    routes = Router()

    @routes.action("need_edit")
    def edit() -> None: ...

    @routes.action_prefix("need_move:")
    def move() -> None: ...

    assert routes.find_action("need_edit") is routes.actions["need_edit"]
    assert routes.find_action("need_move:taken_up") is routes.action_prefixes["need_move:"]
    assert routes.find_action("need_edit_more") is None
    assert routes.find_action("unknown") is None


def test_two_handlers_for_one_id_are_refused() -> None:
    routes = Router()
    routes.view("need_form")(lambda ack: None)
    with pytest.raises(ValueError, match="need_form"):
        routes.view("need_form")(lambda ack: None)


def test_a_handler_gets_the_arguments_it_names_and_no_others() -> None:
    routes = Router()
    got: dict[str, Any] = {}

    @routes.command("/behov")
    def handler(ack: Any, command: Any) -> None:
        got.update(ack=ack, command=command)

    available = {"ack": "ACK", "body": {}, "command": {"text": "lista"}, "client": None}
    routes.commands["/behov"](available)
    assert got == {"ack": "ACK", "command": {"text": "lista"}}


def test_a_button_no_surface_knows_gets_a_private_answer_and_changes_nothing(
    running: RunningBot,
) -> None:
    result = running.click({"type": "button", "action_id": "not_ours", "value": "1"}, ANNA)
    assert result.status == 200
    answer = running.standin.wait_for_response(1)[0]
    assert answer["text"] == Texts("sv")(c.STALE_BUTTON)
    assert answer["response_type"] == "ephemeral"


def test_a_known_button_reaches_its_handler(running: RunningBot) -> None:
    result = running.click({"type": "button", "action_id": Action.HOME_NEW_NEED, "value": ""}, ANNA)
    assert result.status == 200
    form = running.standin.wait_for("views.update", 1)[0].args["view"]
    assert form["callback_id"] == Callback.NEED_FORM
