"""Faults never lie at the commit: "nothing was saved" is said only when nothing was.

A handler that fails after one of its units of work committed, or whose COMMIT lost its
answer, must not tell the person that nothing was saved; a form closed (acknowledged as done)
before its work failed is kept open with the error instead, since Slack has not yet received
the answer. A test surface with handlers that fail where a real one might shows the edge's
part; the needs form shows a COMMIT whose answer is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select

import bot.wiring
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import needs as t
from commands.edge.codec import NoValue
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission
from commands.edge.surface import Surface, click, form
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage import audit
from storage.models import AuditEntry, Need
from tests.conftest import NOW
from tests.harness import ANNA, WORKING_GROUP, RunningBot
from tests.test_behov import GOOD, open_form

tr = Texts("sv")

NOTE = "faults_note"
FORM_VIEW: dict[str, Any] = {
    "type": "modal",
    "callback_id": "faults_form",
    "title": {"type": "plain_text", "text": "Prov"},
    "submit": {"type": "plain_text", "text": "Spara"},
    "blocks": [
        {
            "type": "input",
            "block_id": NOTE,
            "label": {"type": "plain_text", "text": "Anteckning"},
            "element": {"type": "plain_text_input", "action_id": NOTE},
        }
    ],
}


class Broken(Exception):
    """What goes wrong in the test surface's handlers."""


def _audit(ix: Any, what: str) -> None:
    with ix.bot.db.transaction() as session:
        audit.record(session, actor=ix.user, action=what, subject="test", now=ix.bot.clock.now())


def _closes_then_fails(ix: Submission[NoValue]) -> None:
    ix.done()  # said too early: the work below fails
    raise Broken


def _commits_then_fails(ix: Submission[NoValue]) -> None:
    _audit(ix, "form_saved")
    raise Broken


def _click_commits_then_fails(ix: Click[NoValue]) -> None:
    _audit(ix, "click_saved")
    raise Broken


def _click_fails(ix: Click[NoValue]) -> None:
    raise Broken


HANDLERS: dict[str, Callable[[Submission[NoValue]], None]] = {
    "closes_then_fails": _closes_then_fails,
    "commits_then_fails": _commits_then_fails,
}


@pytest.fixture
def with_test_surface(
    standin: SimulatedSlack, sqlite_url: str, monkeypatch: pytest.MonkeyPatch, request: Any
) -> Iterator[RunningBot]:
    """Serve the bot with one more surface whose form and buttons fail as the test says."""
    handler = HANDLERS[request.param]
    surface = Surface(
        "faults",
        forms={"faults_form": form(handler)},
        clicks={
            "faults_click_saved": click(_click_commits_then_fails),
            "faults_click_failed": click(_click_fails),
        },
    )
    real = bot.wiring.surfaces
    monkeypatch.setattr(bot.wiring, "surfaces", lambda: (*real(), surface))
    running = RunningBot(standin, sqlite_url, now=NOW)
    yield running
    running.stop()


def audited(running: RunningBot, action: str) -> int:
    """Count the audit entries of one action."""
    with running.bot.db.reading() as session:
        query = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
        return session.scalar(query) or 0


@pytest.mark.parametrize(
    ("with_test_surface", "expected", "saved"),
    [
        pytest.param("closes_then_fails", c.TEMPORARY_ERROR, 0, id="closed-then-failed"),
        pytest.param("commits_then_fails", c.UNSURE_IF_SAVED, 1, id="committed-then-failed"),
    ],
    indirect=["with_test_surface"],
)
def test_a_form_that_fails_keeps_the_form_open_and_says_only_what_is_true(
    with_test_surface: RunningBot, expected: Any, saved: int
) -> None:
    running = with_test_surface
    values = req.input_values(FORM_VIEW, {NOTE: "Hej"})
    answer = running.post(req.view_submission(FORM_VIEW, values, user_id=ANNA))
    running.listeners.wait_idle()
    assert answer.json() == {"response_action": "errors", "errors": {NOTE: tr(expected)}}
    assert audited(running, "form_saved") == saved
    assert running.standin.calls_to("chat.postMessage") == []  # told once, in the form


@pytest.mark.parametrize(
    ("with_test_surface", "action", "expected"),
    [
        pytest.param("closes_then_fails", "faults_click_saved", c.UNSURE_IF_SAVED, id="saved"),
        pytest.param("closes_then_fails", "faults_click_failed", c.TEMPORARY_ERROR, id="failed"),
    ],
    indirect=["with_test_surface"],
)
def test_a_click_that_fails_after_saving_does_not_say_nothing_was_saved(
    with_test_surface: RunningBot, action: str, expected: Any
) -> None:
    running = with_test_surface
    running.click({"action_id": action, "type": "button", "value": ""}, ANNA)
    running.listeners.wait_idle()
    assert [body["text"] for body in running.standin.wait_for_response(1)] == [tr(expected)]


def test_a_commit_whose_answer_is_lost_asks_to_submit_again_and_stores_once(
    running_any: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    running = running_any
    view = open_form(running)
    running.listeners.wait_idle()
    engine = running.bot.db.engine
    dialect = engine.dialect
    commit = dialect.do_commit
    armed: list[bool] = []  # set by the first need's INSERT: its COMMIT loses its answer

    def arm(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.startswith("INSERT INTO needs ") and not hasattr(arm, "done"):
            arm.done = True  # type: ignore[attr-defined]
            armed.append(True)

    def commit_then_lose_the_answer(connection: Any) -> None:
        commit(connection)
        if armed and armed.pop():
            raise dialect.loaded_dbapi.OperationalError("server closed the connection unexpectedly")

    event.listen(engine, "before_cursor_execute", arm)
    monkeypatch.setattr(dialect, "do_commit", commit_then_lose_the_answer)
    answer = running.submit(view, GOOD, ANNA, view_id="VLOST")
    assert answer.json() == {
        "response_action": "errors",
        "errors": {Field.NEED_TITLE: tr(t.MAYBE_SAVED)},
    }
    again = running.submit(view, GOOD, ANNA, view_id="VLOST")  # as the answer asks
    assert again.json() is None
    running.listeners.wait_idle()
    with running.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Need)) == 1
    running.tick()
    cards = [
        call
        for call in running.standin.calls_to("chat.postMessage")
        if call.args["channel"] == WORKING_GROUP
    ]
    assert len(cards) == 1
