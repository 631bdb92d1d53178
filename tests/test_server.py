"""The HTTP edge: signatures, sizes, health, event retries, the umbrella command, Home."""

from __future__ import annotations

import logging
import socket
import time

import pytest

from bot.texts import Texts
from bot.texts import common as c
from bot.texts import samverkan as t
from commands.edge.ids import Action
from slack_sim import requests as req
from storage.db import Database
from tests.harness import ANNA, COORDINATOR, SIGNING_SECRET, RunningBot, all_text

tr = Texts("sv")


def test_healthz_answers_200_with_json_when_the_database_answers(running: RunningBot) -> None:
    result = running.request("GET", "/healthz")
    assert (result.status, result.json()) == (200, {"status": "ok", "database": True})


def test_healthz_answers_503_when_the_database_is_gone(running: RunningBot) -> None:
    original = running.bot.db
    running.bot.db = Database("sqlite:////nonexistent/dir/bot.db")
    try:
        result = running.request("GET", "/healthz")
        assert (result.status, result.json()) == (503, {"status": "unavailable", "database": False})
    finally:
        running.bot.db = original


@pytest.mark.parametrize(
    "headers",
    [
        {},  # missing
        {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=deadbeef"},
    ],
)
def test_requests_without_a_valid_signature_are_refused(
    running: RunningBot, headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    body = req.slash_command(
        "/behov", "hemlig text 123", user_id=ANNA, response_url=running.standin.response_url()
    )
    with caplog.at_level(logging.DEBUG):
        result = running.post(body, signed=False, headers=headers)
    assert result.status == 401
    assert [call.method for call in running.standin.calls] == ["auth.test"]
    assert "hemlig" not in caplog.text
    assert "refused a request" in caplog.text


def test_a_stale_signature_is_refused(running: RunningBot) -> None:
    body = req.slash_command(
        "/behov", "", user_id=ANNA, response_url=running.standin.response_url()
    )
    result = running.post(body, timestamp=int(time.time()) - 6 * 60)
    assert result.status == 401
    assert [call.method for call in running.standin.calls] == ["auth.test"]


def test_an_oversized_body_is_refused_before_it_is_read(running: RunningBot) -> None:
    with socket.create_connection(("127.0.0.1", running.server.server_port), timeout=5) as conn:
        conn.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 700000\r\n\r\npayload="
        )
        status_line = conn.recv(100).split(b"\r\n")[0]
    assert status_line == b"HTTP/1.0 413 Request Entity Too Large"
    assert [call.method for call in running.standin.calls] == ["auth.test"]


def test_unknown_paths_answer_404(running: RunningBot) -> None:
    assert running.request("GET", "/admin").status == 404
    assert running.request("GET", "/slack/events").status == 405


def test_a_retried_event_is_handled_once(running: RunningBot) -> None:
    event = {
        "type": "app_home_opened",
        "user": ANNA,
        "channel": "D0ANNA",
        "tab": "home",
        "event_ts": "1.2",
    }
    body = req.event_callback(event, event_id="Ev0HOME1")
    assert running.post(body, content_type="application/json").status == 200
    running.standin.wait_for("views.publish", 1)
    retry = running.post(
        body,
        content_type="application/json",
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status == 200
    another = req.event_callback(event, event_id="Ev0HOME2")
    running.post(another, content_type="application/json")
    running.standin.wait_for("views.publish", 2)
    assert len(running.standin.calls_to("views.publish")) == 2


def test_the_home_tab_shows_the_persons_organisation(running: RunningBot) -> None:
    body = req.event_callback(
        {"type": "app_home_opened", "user": ANNA, "tab": "home"}, event_id="Ev0HOME3"
    )
    running.post(body, content_type="application/json")
    view = running.standin.wait_for("views.publish", 1)[0].args["view"]
    assert "Tullverket" in all_text(view["blocks"])
    assert Action.HOME_NEW_NEED in str(view["blocks"])


def test_an_unknown_subcommand_answers_with_help(running: RunningBot) -> None:
    running.command("/samverkan", "<!channel> gör något *fett*", ANNA)
    answer = running.standin.wait_for_response(1)[-1]["text"]
    assert answer.startswith(tr(t.UNKNOWN_SUBCOMMAND, word="&lt;!channel&gt;"))
    assert "<!channel>" not in answer
    assert "/samverkan organisation" in answer


def test_a_person_mapped_by_e_mail_is_told_their_organisation(running: RunningBot) -> None:
    running.command("/samverkan", "organisation", ANNA)
    answer = running.standin.wait_for_response(1)[-1]["text"]
    assert answer == tr(t.ORGANIZATION_FROM_EMAIL, organization="Tullverket")
    assert running.standin.calls_to("views.open") == []


def test_an_expired_trigger_tells_the_user_to_try_again(running: RunningBot) -> None:
    running.standin.fail("views.open", error="expired_trigger_id")
    running.command("/behov", "", COORDINATOR)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(c.TRIGGER_EXPIRED)


def test_signing_uses_the_configured_secret() -> None:
    headers = req.sign(SIGNING_SECRET, b"x", 1)
    assert headers["X-Slack-Signature"].startswith("v0=")
