"""Hostile requests: correctly signed but malformed or tampered, over every id the bot routes.

Each is answered with HTTP 200 within Slack's 3 seconds, with a private answer to whoever sent
it when they can be known (or an inline form error), a log line without the body or any text
typed, no traceback, and no change in the database. The corpus is built from the edge's own
routing tables, so a new command, button or form is covered as soon as it is routed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from commands.edge.actor import resolve_actor
from slack_sim import requests as req
from storage.models import Base
from tests.harness import ANNA, BERIT, COORDINATOR, OUTSIDER, WORKING_GROUP, RunningBot

MARKER = "FIENTLIG-Ö-7391"  # typed text: it must never reach the log
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
ANSWER_SECONDS = 3.0
IGNORED_TABLES = {"processed_requests"}  # Slack's event ids, kept so a retry is not run twice
NO_VALUE_WORK = {"home_export", "summary_publish"}  # buttons that work without any value

VALUES: list[str | None] = [
    None,
    "",
    "null",
    "[]",
    "{}",
    "1",
    "-1",
    "²",
    "٤",
    "1e400",
    "99999999999999999999",
    '{"need": 1}',
    '{"need": 999999, "status": "new", "target": "done"}',
    '{"need": "1", "status": "new"}',
    '{"need": 1.0, "status": "new"}',
    '{"need": 99999999999999999999, "status": "new"}',
    '{"need": 1, "status": "new", "extra": 2}',
    '{"need": 1, "status": "new"}',
    '{"need": 1, "status": "new", "target": "done"}',
    '{"meeting": 999999}',
    '{"training": 999999}',
    "1:new:done",
    "\u0000",
    json.dumps({"need": MARKER}),
    "A" * 2500,
]
METADATA: list[str] = [
    "",
    "not json",
    "[]",
    '{"need": 999999}',
    '{"need": 1e400}',
    '{"need": 1, "status": "withdrawn"}',
    json.dumps({"meeting": "x", "note": MARKER}),
    "\u0000",
]
STATES: list[dict[str, Any]] = [
    {},
    {"x": {"x": {"type": "plain_text_input", "value": "\u0000" + MARKER}}},
    {"need_title": {"need_title": {"type": "plain_text_input", "value": 12}}},
    {"d": {"d": {"type": "datepicker", "selected_date": "2027-13-45"}}},
    {"t": {"t": {"type": "timepicker", "selected_time": "25:99"}}},
    {"s": {"s": {"type": "static_select", "selected_option": "x"}}},
    {"u": {"u": {"type": "multi_users_select", "selected_users": ["<!channel>"]}}},
    {"m": {"m": {"type": "checkboxes", "selected_options": [{"value": "x"}] * 150}}},
]
COMMAND_TEXTS = [
    "",
    "\u0000",
    "²",
    "٤ ٤",
    "99999999999999999999",
    f"payload {MARKER}",
    "\u202e" + MARKER,
    "okänt-ord " + MARKER,
    "x" * 4500,
    "&amp;lt;script&amp;gt;",
]


@dataclass(frozen=True)
class Case:
    """One hostile request: its body, content type, and whom an answer should reach."""

    name: str
    body: bytes
    content_type: str = FORM
    user: str | None = None


def _payload_form(payload: Any) -> bytes:
    # A lone surrogate can only come as a JSON escape (\ud800), so the JSON is ASCII.
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return urlencode({"payload": text}).encode()


def _user(user: str) -> dict[str, str]:
    return {"id": user, "username": "x", "name": "x", "team_id": req.TEAM_ID}


def _click(action_id: str, value: str | None, user: str, url: str) -> dict[str, Any]:
    action: dict[str, Any] = {
        "type": "button",
        "action_id": action_id,
        "block_id": "b1",
        "action_ts": "1.1",
    }
    if value is not None:
        action["value"] = value
    return {
        "type": "block_actions",
        "user": _user(user),
        "team": {"id": req.TEAM_ID, "domain": "x"},
        "trigger_id": req.new_trigger_id(),
        "response_url": url,
        "channel": {"id": WORKING_GROUP, "name": "x"},
        "container": {"type": "message", "message_ts": "1700000000.000100"},
        "message": {"ts": "1700000000.000100", "text": "x"},
        "actions": [action],
    }


def _submission(callback: str, metadata: str, state: dict[str, Any], user: str) -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": _user(user),
        "team": {"id": req.TEAM_ID, "domain": "x"},
        "trigger_id": req.new_trigger_id(),
        "view": {
            "id": "VHOSTILE1",
            "type": "modal",
            "callback_id": callback,
            "private_metadata": metadata,
            "hash": "1.x",
            "blocks": [
                {"type": "input", "block_id": "need_title", "label": {}, "element": {}},
            ],
            "state": {"values": state},
        },
    }


class _Urls:
    """A fresh response URL for each request (Slack allows five uses of one)."""

    def __init__(self, running: RunningBot) -> None:
        self.running = running

    def __str__(self) -> str:
        return self.running.standin.response_url("hostile")


def corpus(running: RunningBot) -> Iterator[Case]:
    """Yield the hostile requests, over every command, action, form and event the bot routes."""
    edge = running.wiring.edge
    urls = _Urls(running)
    users = [ANNA, OUTSIDER]
    for index, (command, text) in enumerate(
        (c, t) for c in sorted(edge.commands) for t in COMMAND_TEXTS
    ):
        user = users[index % 2]
        body = req.slash_command(command, text, user_id=user, response_url=str(urls))
        yield Case(f"{command} {text[:20]!r}", body, user=user)
    for command in sorted(edge.commands):
        fields = {"command": command, "text": "lista", "response_url": str(urls)}
        yield Case(f"{command} without user", urlencode(fields).encode())
        bad = {**fields, "user_id": "U'; DROP", "team_id": req.TEAM_ID, "trigger_id": "1.1.x"}
        yield Case(f"{command} with a bad user id", urlencode(bad).encode())
        twice = urlencode([("command", command), ("command", "/x"), ("user_id", ANNA)]).encode()
        yield Case(f"{command} with a field twice", twice)
    yield Case(
        "an unknown command",
        req.slash_command("/okänd", "", user_id=ANNA, response_url=str(urls)),
        user=ANNA,
    )
    clicks = [*sorted(edge.clicks), "need_move:done", "unknown_action", "x" * 300]
    for index, (action_id, value) in enumerate(
        (a, v) for a in clicks for v in VALUES[index_of(a) % 5 :: 5]
    ):
        user = [ANNA, OUTSIDER, COORDINATOR][index % 3]
        if user == COORDINATOR and value is not None and '"status": "new"' in value:
            user = ANNA  # a coordinator's well-formed move would be a real change
        if user == COORDINATOR and action_id in NO_VALUE_WORK:
            user = ANNA  # so would a coordinator's export or publishing, which carry no value
        yield Case(
            f"click {action_id[:30]} {value!r:.30}",
            _payload_form(_click(action_id, value, user, str(urls))),
            user=user,
        )
    for index, (callback, metadata) in enumerate(
        (c, m) for c in sorted(edge.forms) for m in METADATA[index_of(c) % 2 :: 2]
    ):
        user = [ANNA, OUTSIDER][index % 2]
        state = STATES[index % len(STATES)]
        payload = _submission(callback, metadata, state, user)
        yield Case(f"form {callback} {metadata!r:.20}", _payload_form(payload), user=user)
    for callback in ("unknown_form", ""):
        payload = _submission(callback, "", {}, ANNA)
        yield Case(f"form {callback!r}", _payload_form(payload), user=ANNA)
    for action_id in [*sorted(edge.suggestions), "need_search", "unknown"]:
        for query in ("", "\u0000", MARKER, "x" * 5000):
            payload = {
                "type": "block_suggestion",
                "user": _user(ANNA),
                "action_id": action_id,
                "block_id": "b",
                "value": query,
                "view": {"id": "VHOSTILE2", "type": "modal", "callback_id": "need_form"},
            }
            yield Case(f"options {action_id} {query[:10]!r}", _payload_form(payload))
    yield from _broken_payloads(urls)
    yield from _events()


def index_of(name: str) -> int:
    """Spread the value variants over the ids, deterministically."""
    return sum(map(ord, name))


def _broken_payloads(urls: _Urls) -> Iterator[Case]:
    good = _click("need_edit", '{"need": 1}', ANNA, "http://127.0.0.1:9/unused")
    variants: dict[str, Any] = {
        "payload not JSON": "{not json",
        "payload an array": [1, 2],
        "payload a number": 12,
        "payload empty object": {},
        "payload of an unknown type": {**good, "type": "dialog_submission"},
        "no user": {k: v for k, v in good.items() if k != "user"},
        "user id hostile": {**good, "user": {"id": "' OR 1=1 --"}},
        "user a string": {**good, "user": "U0ANNA001"},
        "no actions": {k: v for k, v in good.items() if k != "actions"},
        "empty actions": {**good, "actions": []},
        "ten actions": {**good, "actions": good["actions"] * 10},
        "action without id": {**good, "actions": [{"type": "button", "value": "1"}]},
        "action id a number": {**good, "actions": [{"action_id": 7}]},
        "response url javascript": {**good, "response_url": "javascript:alert(1)"},
        "trigger with spaces": {**good, "trigger_id": "a b c"},
        "lone surrogate in value": {
            **good,
            "actions": [{"action_id": "need_edit", "value": "\ud800"}],
        },
        "NUL in action id": {**good, "actions": [{"action_id": "need_edit\u0000"}]},
        "view id hostile": {**good, "view": {"id": "<script>", "type": "modal"}},
        "channel id hostile": {**good, "channel": {"id": "#general"}},
    }
    for name, variant in variants.items():
        sent = variant
        user = ANNA if isinstance(variant, dict) and variant.get("user") == good["user"] else None
        if isinstance(variant, dict) and variant.get("response_url") == good["response_url"]:
            sent = {**variant, "response_url": str(urls)}
        yield Case(name, _payload_form(sent), user=user)
    yield Case("payload with other fields", urlencode({"payload": "{}", "x": "1"}).encode())
    yield Case("empty body", b"")
    yield Case("not a form", b"%ZZ&&==")
    yield Case("not UTF-8", b"command=%2Fbehov&text=\xff\xfe&user_id=U0ANNA001")
    yield Case("JSON sent as a form", b'{"type": "block_actions"}')


def _events() -> Iterator[Case]:
    good = json.loads(req.event_callback({"type": "app_home_opened", "user": ANNA, "tab": "home"}))
    variants: dict[str, Any] = {
        "event body not JSON": "{nope",
        "event body an array": [],
        "event without event": {k: v for k, v in good.items() if k != "event"},
        "event not an object": {**good, "event": "app_home_opened"},
        "event of another type": {**good, "event": {"type": "message", "text": MARKER}},
        "home opened by a hostile user": {
            **good,
            "event_id": "EvHOSTILE2",
            "event": {"type": "app_home_opened", "user": "<!channel>"},
        },
        "home opened without event id": {k: v for k, v in good.items() if k != "event_id"},
        "home opened with a huge event id": {**good, "event_id": "E" * 5000},
        "url verification without challenge": {"type": "url_verification"},
        "unknown envelope": {"type": "app_rate_limited"},
    }
    for name, body in variants.items():
        raw = body if isinstance(body, str) else json.dumps(body)
        yield Case(name, raw.encode(), content_type=JSON)


def snapshot(running: RunningBot) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table but Slack's event ids, in a stable order."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with running.bot.db.reading() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in IGNORED_TABLES:
                continue
            found = session.execute(select(table)).all()
            rows[table.name] = sorted((tuple(row) for row in found), key=repr)
    return rows


def answered(running: RunningBot, case: Case, calls_before: int, responses_before: int) -> bool:
    """Tell whether the person behind a request heard back (privately, or in a form)."""
    standin = running.standin
    if len(standin.responses) > responses_before:
        return True
    for call in standin.calls[calls_before:]:
        args = call.args
        if call.method == "chat.postEphemeral" and args.get("user") == case.user:
            return True
        if call.method == "chat.postMessage" and args.get("channel") == case.user:
            return True
        if call.method in {"views.open", "views.update", "views.push", "views.publish"}:
            return True
    return False


@pytest.fixture
def prepared(running_any: RunningBot) -> RunningBot:
    """A bot with one need of Berit's organisation, and every test person already known."""
    for user in (ANNA, BERIT, COORDINATOR, OUTSIDER):
        resolve_actor(running_any.bot, running_any.app.client, user)
    running_any.command("/behov", "", BERIT)
    view = running_any.standin.wait_for("views.update", 1)[-1].args["view"]
    answers = {
        "need_title": "Material om cannabis",
        "need_description": "Ett gemensamt material till föräldramöten.",
        "need_focus_area": "information",
        "need_scope": "county",
        "need_urgency": "low",
    }
    assert running_any.submit(view, answers, BERIT, view_id="VSETUP1").status == 200
    running_any.listeners.wait_idle()
    running_any.standin.reset()
    return running_any


def test_hostile_requests_get_200_an_answer_no_traceback_and_change_nothing(
    prepared: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Over 300 malformed or tampered requests, on every routed id, on SQLite and PostgreSQL."""
    running = prepared
    caplog.set_level(logging.INFO)
    before = snapshot(running)
    problems: list[str] = []
    sent = 0
    # Each case is made just before it is sent, as Slack issues a trigger (it lasts 3 s).
    for case in corpus(running):
        sent += 1
        calls, responses = len(running.standin.calls), len(running.standin.responses)
        started = time.monotonic()
        result = running.post(case.body, content_type=case.content_type)
        took = time.monotonic() - started
        running.listeners.wait_idle()
        if result.status != 200:
            problems.append(f"{case.name}: HTTP {result.status}")
        if took > ANSWER_SECONDS:
            problems.append(f"{case.name}: answered after {took:.1f} s")
        in_body = bool(result.body and result.body not in (b"null", b"{}"))
        if case.user is not None and not in_body and not answered(running, case, calls, responses):
            problems.append(f"{case.name}: no answer to {case.user}")
    assert sent >= 300
    assert not problems, "\n".join(problems)
    assert snapshot(running) == before
    tracebacks = [
        r for r in caplog.records if r.exc_info is not None or "Traceback" in r.getMessage()
    ]
    assert [r.getMessage() for r in tracebacks] == []
    leaked = [r.getMessage() for r in caplog.records if MARKER in r.getMessage()]
    assert leaked == []
