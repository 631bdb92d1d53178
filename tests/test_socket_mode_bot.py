"""The bot end to end over Socket Mode and over HTTP: the same scenarios through both doors.

Over Socket Mode the bot connects out to the simulated Slack's WebSocket endpoint
(tests/socket_mode.py), gets each request as Slack's envelope and answers in its ack: inline
form errors travel in the ack's payload. A refresh or a dropped connection loses nothing, and an
envelope Slack delivers again is acted on once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.texts import Texts
from bot.texts import common as c
from commands.edge.ids import Action, Field
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage.models import Need
from tests.conftest import NOW
from tests.harness import ANNA, BASE_CONFIG, COORDINATOR, RunningBot, find_button
from tests.test_behov import GOOD, need_count, open_form, posted_card, submit_need

tr = Texts("sv")
WORKING_GROUP_SERIES = {
    "kind": "working_group",
    "title": "Arbetsgruppsmöte",
    "rrule": "FREQ=MONTHLY;BYDAY=2TU",
    "start": "2027-01-12T09:00",
    "duration": "2h",
    "call_before": "7d",
}


def _serve(standin: SimulatedSlack, sqlite_url: str, *, socket_mode: bool) -> Iterator[RunningBot]:
    config = {**BASE_CONFIG, "meetings": [WORKING_GROUP_SERIES]}
    bot = RunningBot(standin, sqlite_url, now=NOW, config=config, socket_mode=socket_mode)
    yield bot
    bot.stop()
    if bot.socket is not None:
        assert bot.socket.problems == []


@pytest.fixture(params=["http", "socket"])
def door(
    request: pytest.FixtureRequest, standin: SimulatedSlack, sqlite_url: str
) -> Iterator[RunningBot]:
    """Serve the bot over HTTP, or connected over Socket Mode."""
    yield from _serve(standin, sqlite_url, socket_mode=request.param == "socket")


@pytest.fixture
def connected(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """The bot connected over Socket Mode."""
    yield from _serve(standin, sqlite_url, socket_mode=True)


def test_behov_opens_the_form(door: RunningBot) -> None:
    form = open_form(door)
    assert form["callback_id"] == "need_form"


def test_an_identity_number_gets_the_inline_error_in_the_ack(door: RunningBot) -> None:
    answer = submit_need(door, **{Field.NEED_DESCRIPTION: "Ring Tolvan, 19121212-1212."}).json()
    assert answer["response_action"] == "errors"
    assert Field.NEED_DESCRIPTION in answer["errors"]
    assert need_count(door) == 0


def test_a_valid_need_is_stored_and_posted(door: RunningBot) -> None:
    assert submit_need(door).body in (b"", b"null")
    assert need_count(door) == 1
    door.standin.wait_for("chat.postMessage", 2)
    assert posted_card(door, 1)["blocks"][0]["text"]["text"].startswith("Behov #1")


def test_a_button_press_moves_a_need(door: RunningBot) -> None:
    submit_need(door)
    door.standin.wait_for("chat.postMessage", 2)
    card = posted_card(door, 1)
    button = find_button(card["blocks"], f"{Action.NEED_MOVE}:taken_up")
    door.click(button, COORDINATOR, message=card)
    door.standin.wait_for("chat.update", 1)
    with door.bot.db.reading() as session:
        assert session.scalar(select(Need.status)) == "taken_up"


def test_opening_the_home_tab_publishes_it(door: RunningBot) -> None:
    event = req.event_callback({"type": "app_home_opened", "user": ANNA, "tab": "home"})
    door.post(event, content_type="application/json")
    published = door.standin.wait_for("views.publish", 1)[0]
    assert published.args["user_id"] == ANNA


def test_the_scheduler_posts_the_meeting_call(door: RunningBot) -> None:
    door.clock.set(NOW + timedelta(days=1, hours=1))  # 2027-01-05 09:00, a week before
    door.tick()
    call = door.standin.wait_for("chat.postMessage", 1)[0]
    assert call.args["channel"] == "C0ARBETS1"
    assert "Arbetsgruppsmöte" in call.args["text"]


def test_after_a_refresh_requests_reach_the_bot_over_the_new_connection(
    connected: RunningBot,
) -> None:
    socket = connected.socket
    assert socket is not None
    socket.refresh()
    socket.wait_for_connections(2)
    assert submit_need(connected).body in (b"", b"null")
    assert need_count(connected) == 1


def test_a_dropped_connection_loses_no_submission_and_a_redelivery_doubles_none(
    connected: RunningBot,
) -> None:
    socket = connected.socket
    assert socket is not None
    view = open_form(connected)
    values = req.input_values(view, GOOD)
    body = req.view_submission(view, values, user_id=ANNA, view_id="VDROP1")
    socket.drop()
    socket.wait_for_connections(2)
    first = socket.send(body)
    socket.wait_for_ack(first)
    again = socket.send(body)  # Slack delivers it again when it missed the ack
    socket.wait_for_ack(again)
    connected.listeners.wait_idle()
    with connected.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Need)) == 1
    cards = [
        c
        for c in connected.standin.calls_to("chat.postMessage")
        if c.args["channel"] == "C0ARBETS1"
    ]
    assert len(cards) == 1


def test_healthz_reports_the_socket_connection(connected: RunningBot) -> None:
    socket = connected.socket
    assert socket is not None
    status, _, body = connected.web.health()
    assert (status, b'"socket_mode": "connected"' in body) == (200, True)
    connected.handler.disconnect()  # type: ignore[union-attr]
    status, _, body = connected.web.health()
    assert (status, b'"socket_mode": "disconnected"' in body) == (503, True)
    assert socket is not None


def test_a_bad_envelope_gets_a_polite_ack(connected: RunningBot) -> None:
    socket = connected.socket
    assert socket is not None
    ack = socket.wait_for_ack(
        socket.send(kind="slash_commands", payload={"command": "/behov", "user_id": "x"})
    )
    assert ack == {"response_type": "ephemeral", "text": tr(c.BAD_REQUEST)}
