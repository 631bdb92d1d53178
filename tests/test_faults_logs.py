"""Faults never lie, and never tell: people's text reaches no log line, even when SQL fails.

SQL parameters hold what people typed, and SQLAlchemy puts them into every error message unless
the engine hides them; a failing statement is logged with its traceback by the edge. Request
bodies hold the same text. Every log record (its message and its formatted traceback) is
searched for a marker typed into the requests.
"""

from __future__ import annotations

import logging
import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from bot.domain.needs import FocusArea, NeedDraft, Support, Urgency
from bot.texts import Texts
from bot.texts import common as c
from bot.tracebacks import WITHHELD, withheld
from commands.edge.ids import Field
from slack_sim import requests as req
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Need
from storage.needs import create_need
from tests.conftest import NOW
from tests.harness import ANNA, RunningBot
from tests.test_behov import GOOD, open_form

tr = Texts("sv")
MARKER = "HEMLIG-ANTECKNING-Å-5521"  # typed by a person: must never reach a log record
_FORMAT = logging.Formatter()


def leaked(records: list[logging.LogRecord]) -> list[str]:
    """Return the records (message and traceback) that hold the marker."""
    found = []
    for record in records:
        shown = record.getMessage()
        if record.exc_info:
            shown += _FORMAT.formatException(record.exc_info)
        if record.stack_info:
            shown += record.stack_info
        if MARKER in shown:
            found.append(f"{record.name}: {shown[:300]}")
    return found


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture every record of the bot's own loggers (DEBUG) and of the rest (INFO)."""
    caplog.set_level(logging.INFO)
    for name in ("bot", "commands", "storage"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def test_a_failing_statement_logs_no_parameter_and_stores_nothing(
    running: RunningBot, everything_logged: pytest.LogCaptureFixture
) -> None:
    view = open_form(running)
    running.listeners.wait_idle()
    path = running.bot.db.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as rival:  # the database refuses every new need
        rival.execute(
            "CREATE TRIGGER refuse_needs BEFORE INSERT ON needs "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    answers = {**GOOD, Field.NEED_TITLE: f"Behov {MARKER}", Field.NEED_DESCRIPTION: MARKER}
    answer = running.submit(view, answers, ANNA, view_id="VSQLFAIL")
    running.listeners.wait_idle()

    assert answer.json() == {
        "response_action": "errors",
        "errors": {Field.NEED_ORGANIZATION: tr(c.TEMPORARY_ERROR)},
    }
    with running.bot.db.reading() as session:
        assert session.scalars(select(Need)).all() == []
    failures = [r.getMessage() for r in everything_logged.records if r.levelno >= logging.ERROR]
    assert len(failures) == 1  # logged once, with its traceback and without its message
    assert f"sqlalchemy.exc.IntegrityError {WITHHELD}" in failures[0]
    assert "refused by the test" not in failures[0]  # the driver's message is withheld too
    assert leaked(everything_logged.records) == []


def test_an_engine_error_holds_no_parameter(database_url: str) -> None:
    database = Database(database_url)
    upgrade(database.engine)
    draft = NeedDraft(
        organization_id="no-such-organisation",  # refused by the foreign key
        title=MARKER,
        description=MARKER,
        focus_area=FocusArea.TRAINING,
        municipalities=(),
        urgency=Urgency.NORMAL,
        support=(Support.TRAINING,),
    )
    try:
        with pytest.raises(DBAPIError) as failed, database.transaction() as session:
            create_need(session, draft, submitted_by=ANNA, source_key="V1", now=NOW)
        assert MARKER not in str(failed.value)
        assert "hide_parameters" in str(failed.value)
    finally:
        database.dispose()


def test_requests_with_typed_text_leave_it_out_of_every_log_record(
    running: RunningBot, everything_logged: pytest.LogCaptureFixture
) -> None:
    view = open_form(running)
    running.listeners.wait_idle()
    body = req.slash_command(
        "/behov", MARKER, user_id=ANNA, response_url=running.standin.response_url("c")
    )
    assert running.post(body, signed=False).status == 401  # a wrong signature
    assert running.post(body, headers={"X-Slack-Signature": "v0=" + "0" * 64}).status == 401
    assert running.post(b"payload=" + MARKER.encode() + b"{").status == 200  # does not parse
    assert running.command("/behov", MARKER, ANNA).status == 200  # the form, prefilled
    assert running.command("/okänt", MARKER, ANNA).status == 200  # a command not routed
    refused = {**GOOD, Field.NEED_DESCRIPTION: f"{MARKER} gäller 19121212-1212"}
    assert running.submit(view, refused, ANNA, view_id="VREFUSED").json()["errors"]
    running.listeners.wait_idle()
    assert leaked(everything_logged.records) == []


def test_a_traceback_keeps_its_frames_and_types_and_withholds_every_message() -> None:
    def parse(typed: str) -> int:
        return int(typed)

    try:
        try:
            parse(MARKER)
        except ValueError as exc:
            raise LookupError(f"no need named {MARKER}") from exc
    except LookupError as exc:
        shown = withheld(exc)
    assert MARKER not in shown
    assert shown.index(f"builtins.ValueError {WITHHELD}") < shown.index(
        f"builtins.LookupError {WITHHELD}"
    )
    assert "in parse" in shown
    assert "return int(typed)" in shown


def test_a_failure_inside_the_edge_is_logged_without_its_message(
    running: RunningBot,
    everything_logged: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> None:
        raise ValueError(f"invalid literal for int() with base 10: {MARKER!r}")

    monkeypatch.setattr(running.wiring.edge, "_later", broken)
    # Slack shows the person that the command failed (a 500), which is true.
    assert running.command("/behov", f"lista {MARKER}", ANNA).status == 500
    failures = [r.getMessage() for r in everything_logged.records if r.levelno >= logging.ERROR]
    assert len(failures) == 1
    assert f"builtins.ValueError {WITHHELD}" in failures[0]
    assert leaked(everything_logged.records) == []
