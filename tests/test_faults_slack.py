"""Faults never lie, Slack's part: an answer that is not Slack's is no answer, and nothing sticks.

A proxy's HTML error page, a 5xx or a garbled body (even with status 200) may come after Slack
carried the call out, so the outbox row is retried with backoff and its post is looked for
(by the metadata key) before it is posted again; no row stays "sending". When Slack cannot be
reached at all while a form is submitted, the need is stored and the person answered at once,
and what is to be posted waits in the outbox until Slack is back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.texts import Msg, Texts
from bot.texts import common as c
from slack_sim.web_api import SimulatedSlack
from storage import outbox
from storage.models import Need, OutboxMessage
from tests.conftest import NOW
from tests.harness import ANNA, WORKING_GROUP, RunningBot
from tests.tcp_proxy import TcpProxy
from tests.test_behov import GOOD, open_form

tr = Texts("sv")
HTML_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
CARD = "need:1:card"


def rows(running: RunningBot) -> dict[str, OutboxMessage]:
    """Return the outbox rows by key."""
    with running.bot.db.reading() as session:
        return {row.key: row for row in session.scalars(select(OutboxMessage))}


def posted_with_key(standin: SimulatedSlack, channel: str, key: str) -> int:
    """Count the messages in channel that carry the outbox key in their metadata."""
    return sum(
        1
        for message in standin.messages.get(channel, [])
        if (message.get("metadata") or {}).get("event_payload", {}).get("key") == key
    )


@pytest.mark.parametrize(
    ("status", "body", "posted_anyway"),
    [
        pytest.param(200, HTML_PAGE, True, id="200-html-after-posting"),
        pytest.param(200, HTML_PAGE, False, id="200-html-before-posting"),
        pytest.param(502, HTML_PAGE, True, id="502-html-after-posting"),
        pytest.param(503, None, True, id="503-json-after-posting"),
        pytest.param(200, "", False, id="200-empty"),
        pytest.param(200, "{}", False, id="200-empty-object"),
        pytest.param(200, "null", False, id="200-null"),
        pytest.param(200, "[]", False, id="200-array"),
        pytest.param(200, '{"ok": false, "error": "<b>oops</b>"}', True, id="200-error-not-a-code"),
    ],
)
def test_an_answer_that_is_not_slacks_is_retried_looked_for_first_and_posted_once(
    running: RunningBot, status: int, body: str | None, posted_anyway: bool
) -> None:
    running.standin.fail("chat.postMessage", status=status, body=body, applied=posted_anyway)
    view = open_form(running)
    assert running.submit(view, GOOD, ANNA, view_id="VFAULTY").status == 200
    running.listeners.wait_idle()  # the immediate attempt is over

    after_first = rows(running)
    assert {key: row.status for key, row in after_first.items()} == {
        CARD: "pending",
        "need:1:created": "sent",
    }
    card = after_first[CARD]
    assert (card.last_error, card.attempts) == (outbox.INTERRUPTED, 1)
    assert card.next_attempt_at == NOW + timedelta(seconds=15)  # backoff, not at once
    assert posted_with_key(running.standin, WORKING_GROUP, CARD) == int(posted_anyway)

    running.clock.advance(timedelta(seconds=15))
    running.tick()
    assert rows(running)[CARD].status == "sent"
    assert posted_with_key(running.standin, WORKING_GROUP, CARD) == 1
    methods = [call.method for call in running.standin.calls]
    looked = methods.index("conversations.history")
    assert looked > methods.index("chat.postMessage")  # looked for before any second post
    assert methods.count("chat.postMessage") == 2 + (0 if posted_anyway else 1)


def test_an_unreadable_answer_leaves_no_row_sending_and_the_others_go_on(
    running: RunningBot,
) -> None:
    # slack-sdk itself trips over a JSON array (AttributeError): the card's claim is let go
    # of and retried, and the notice claimed with it is still sent at once.
    running.standin.fail("chat.postMessage", body="[]")
    view = open_form(running)
    running.submit(view, GOOD, ANNA, view_id="VSTUCK")
    running.listeners.wait_idle()
    assert {key: row.status for key, row in rows(running).items()} == {
        CARD: "pending",
        "need:1:created": "sent",
    }
    running.clock.advance(timedelta(minutes=1))
    running.tick()
    assert {row.status for row in rows(running).values()} == {"sent"}
    assert posted_with_key(running.standin, WORKING_GROUP, CARD) == 1


def test_a_lookup_that_fails_keeps_the_next_attempt_looking(
    running: RunningBot,
) -> None:
    running.standin.fail("chat.postMessage", body=HTML_PAGE, applied=True)
    running.standin.fail("conversations.history", status=429, retry_after=1)
    view = open_form(running)
    running.submit(view, GOOD, ANNA, view_id="VLOOK")
    running.listeners.wait_idle()
    for _ in range(2):  # the lookup is rate-limited once, then finds the card
        running.clock.advance(timedelta(seconds=15))
        running.tick()
        assert rows(running)[CARD].last_error in (outbox.INTERRUPTED, None)
    assert rows(running)[CARD].status == "sent"
    assert posted_with_key(running.standin, WORKING_GROUP, CARD) == 1


@pytest.fixture
def slack_behind_proxy(
    standin: SimulatedSlack, sqlite_url: str
) -> Iterator[tuple[RunningBot, TcpProxy]]:
    """Serve the bot reaching the stand-in's Web API through a proxy the test can cut."""
    port = int(standin.base_url.rsplit(":", 1)[1])
    proxy = TcpProxy("127.0.0.1", port).start()
    running = RunningBot(
        standin, sqlite_url, now=NOW, api_url=f"http://127.0.0.1:{proxy.port}/api/"
    )
    try:
        yield running, proxy
    finally:
        running.stop()
        proxy.stop()


@pytest.mark.parametrize("fault", ["unreachable", "api_error"])
def test_a_form_submitted_while_slack_fails_is_stored_answered_and_posted_later(
    slack_behind_proxy: tuple[RunningBot, TcpProxy],
    caplog: pytest.LogCaptureFixture,
    fault: str,
) -> None:
    running, proxy = slack_behind_proxy
    view = open_form(running)
    running.listeners.wait_idle()
    # A week later the person's e-mail domain is due to be checked again with users.info.
    running.clock.advance(timedelta(days=8))
    if fault == "unreachable":
        proxy.stop()
    else:
        for method in ("users.info", "chat.postMessage"):
            running.standin.fail(method, times=2, error="fatal_error")

    caplog.set_level(logging.INFO)
    started = time.monotonic()
    answer = running.submit(view, GOOD, ANNA, view_id="VNOSLACK")
    assert time.monotonic() - started < 3.0
    assert (answer.status, answer.json()) == (200, None)  # the form closes: stored
    running.listeners.wait_idle()
    with running.bot.db.reading() as session:
        assert session.scalars(select(Need.source_key)).all() == ["VNOSLACK"]
    assert {row.status for row in rows(running).values()} == {"pending"}  # waiting, not lost

    if fault == "unreachable":
        proxy.start()
    running.clock.advance(timedelta(minutes=1))
    running.tick()
    assert {row.status for row in rows(running).values()} == {"sent"}
    assert posted_with_key(running.standin, WORKING_GROUP, CARD) == 1
    ours = [r for r in caplog.records if r.name.split(".")[0] in ("bot", "commands", "storage")]
    assert [r.getMessage() for r in ours if r.exc_info or r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize(
    ("fault", "told"),
    [
        pytest.param({"error": "expired_trigger_id"}, c.TRIGGER_EXPIRED, id="expired"),
        pytest.param({"error": "view_too_large"}, c.TEMPORARY_ERROR, id="refused-otherwise"),
        pytest.param({"body": HTML_PAGE}, c.TEMPORARY_ERROR, id="html-page"),
    ],
)
def test_a_form_that_cannot_open_is_told_as_what_happened(
    running: RunningBot, fault: dict[str, Any], told: Msg
) -> None:
    running.standin.fail("views.open", **fault)
    assert running.command("/behov", "", ANNA).status == 200
    running.listeners.wait_idle()
    assert [body["text"] for body in running.standin.wait_for_response(1)] == [tr(told)]
