"""The simulated Slack in strict mode and the request builders, tried through real clients."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from slack_sim import requests as slack_requests
from slack_sim.web_api import SimulatedSlack
from slack_sim.workspace import Person, Source
from tests.harness import METHODS_DIR

CHANNEL = "C0ARBETS1"
SECRET = "signing-secret"


@pytest.fixture
def standin() -> Iterator[SimulatedSlack]:
    """Run a stand-in for one test."""
    with SimulatedSlack(METHODS_DIR) as running:
        yield running


@pytest.fixture
def client(standin: SimulatedSlack) -> WebClient:
    """Return a WebClient that talks to the stand-in."""
    return WebClient(token="xoxb-test", base_url=standin.api_url, timeout=5)


def section(text: str, block_id: str | None = None) -> dict[str, Any]:
    """Build a mrkdwn section block."""
    block: dict[str, Any] = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if block_id:
        block["block_id"] = block_id
    return block


def modal(title: str = "Nytt behov", blocks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Build a modal view with a submit button."""
    return {
        "type": "modal",
        "callback_id": "behov",
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": "Skicka"},
        "blocks": blocks if blocks is not None else [section("Beskriv behovet")],
    }


NEED_FORM: dict[str, Any] = modal(
    blocks=[
        {
            "type": "input",
            "block_id": "rubrik",
            "label": {"type": "plain_text", "text": "Rubrik"},
            "element": {"type": "plain_text_input", "action_id": "text", "max_length": 100},
        },
        {
            "type": "input",
            "block_id": "org",
            "label": {"type": "plain_text", "text": "Organisation"},
            "element": {
                "type": "static_select",
                "action_id": "val",
                "options": [
                    {"text": {"type": "plain_text", "text": "Tullverket"}, "value": "tull"},
                    {"text": {"type": "plain_text", "text": "Gävle kommun"}, "value": "gavle"},
                ],
            },
        },
        {
            "type": "input",
            "block_id": "datum",
            "optional": True,
            "label": {"type": "plain_text", "text": "Senast"},
            "element": {"type": "datepicker", "action_id": "dag"},
        },
        {
            "type": "input",
            "block_id": "vilka",
            "optional": True,
            "label": {"type": "plain_text", "text": "Berörda"},
            "element": {"type": "multi_users_select", "action_id": "personer"},
        },
    ]
)


def test_post_message_is_recorded_and_stored(standin: SimulatedSlack, client: WebClient) -> None:
    """It records chat.postMessage with its decoded args and stores the message in the channel."""
    blocks = [section("*Kallelse* till arbetsgruppen", "kallelse")]
    first = client.chat_postMessage(channel=CHANNEL, text="Kallelse", blocks=blocks)
    second = client.chat_postMessage(channel=CHANNEL, text="Påminnelse")

    calls = standin.wait_for("chat.postMessage", 2)
    assert [call.args["text"] for call in calls] == ["Kallelse", "Påminnelse"]
    assert calls[0].args["blocks"] == blocks
    assert calls[0].token == "xoxb-test"
    assert first["channel"] == CHANNEL
    assert float(second["ts"]) > float(first["ts"])
    stored = standin.messages[CHANNEL]
    assert [m["ts"] for m in stored] == [first["ts"], second["ts"]]
    assert stored[0]["blocks"][0]["block_id"] == "kallelse"
    assert stored[0]["user"] == standin.bot_user_id
    assert first["message"]["bot_id"] == standin.bot_id
    assert standin.violations == []


def test_form_encoded_call_has_its_json_args_decoded(
    standin: SimulatedSlack, client: WebClient
) -> None:
    """It accepts form bodies and decodes the JSON strings slack-sdk sends in them."""
    blocks = [section("Hej")]
    client.api_call(
        "chat.postMessage", data={"channel": CHANNEL, "blocks": json.dumps(blocks), "text": "Hej"}
    )
    assert standin.calls_to("chat.postMessage")[0].args["blocks"] == blocks
    assert standin.violations == []


def test_missing_required_argument_is_refused(standin: SimulatedSlack, client: WebClient) -> None:
    """A call without a required argument gets invalid_arguments and a violation naming it."""
    with pytest.raises(SlackApiError) as raised:
        client.api_call("chat.postMessage", json={"text": "Ingen kanal"})
    assert raised.value.response["error"] == "invalid_arguments"
    assert len(standin.violations) == 1
    assert "chat.postMessage" in standin.violations[0]
    assert "'channel'" in standin.violations[0]
    assert standin.calls_to("chat.postMessage")[0].error == "invalid_arguments"


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_message_without_content_missing_token_and_unknown_method(standin: SimulatedSlack) -> None:
    """It answers no_text, not_authed and unknown_method, each with a violation."""
    client = WebClient(token="xoxb-test", base_url=standin.api_url)
    with pytest.raises(SlackApiError, match="no_text"):
        client.chat_postMessage(channel=CHANNEL)
    with pytest.raises(SlackApiError, match="not_authed"):
        WebClient(base_url=standin.api_url).chat_postMessage(channel=CHANNEL, text="x")
    with pytest.raises(SlackApiError, match="unknown_method"):
        client.api_call("chat.postMesage", json={"channel": CHANNEL, "text": "x"})
    assert [v.split(":")[0] for v in standin.violations] == [
        "chat.postMessage",
        "chat.postMessage",
        "chat.postMesage",
    ]
    assert standin.messages == {}


def test_too_many_blocks_are_refused(standin: SimulatedSlack, client: WebClient) -> None:
    """It takes 50 blocks in a message and refuses 51."""
    client.chat_postMessage(channel=CHANNEL, text="50", blocks=[section(f"{i}") for i in range(50)])
    assert standin.violations == []
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(
            channel=CHANNEL, text="51", blocks=[section(f"{i}") for i in range(51)]
        )
    assert raised.value.response["error"] == "invalid_blocks"
    assert "51 blocks" in standin.violations[0]
    assert len(standin.messages[CHANNEL]) == 1


def test_long_texts_are_refused(standin: SimulatedSlack, client: WebClient) -> None:
    """It refuses a text over 40,000 characters and blocks holding over 13,000."""
    with pytest.raises(SlackApiError, match="msg_too_long"):
        client.chat_postMessage(channel=CHANNEL, text="x" * 40_001)
    with pytest.raises(SlackApiError, match="msg_blocks_too_long"):
        client.chat_postMessage(
            channel=CHANNEL, text="lång", blocks=[section("y" * 2900) for _ in range(5)]
        )
    with pytest.raises(SlackApiError, match="invalid_blocks"):
        client.chat_postMessage(channel=CHANNEL, text="sektion", blocks=[section("z" * 3001)])
    assert len(standin.violations) == 3


def test_modal_title_longer_than_24_is_refused(standin: SimulatedSlack, client: WebClient) -> None:
    """views.open accepts a 24-character title and refuses 25 characters."""
    opened = client.views_open(trigger_id=slack_requests.new_trigger_id(), view=modal("x" * 24))
    assert opened["view"]["id"] in standin.views
    assert opened["view"]["callback_id"] == "behov"
    assert standin.violations == []
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id=slack_requests.new_trigger_id(), view=modal("x" * 25))
    assert raised.value.response["error"] == "invalid_arguments"
    assert "view.title" in standin.violations[0]
    assert "more than 24" in standin.violations[0]


@pytest.mark.parametrize(
    ("blocks", "submit", "breach"),
    [
        ([section("a", "x"), section("b", "x")], True, "duplicate block_id"),
        (NEED_FORM["blocks"], False, "needs a submit"),
        (
            [
                {
                    "type": "actions",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "b",
                            "text": {"type": "plain_text", "text": "1"},
                        },
                        {
                            "type": "button",
                            "action_id": "b",
                            "text": {"type": "plain_text", "text": "2"},
                        },
                    ],
                }
            ],
            True,
            "duplicate action_id",
        ),
        (
            [
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": "Välj"},
                    "accessory": {
                        "type": "button",
                        "action_id": "b",
                        "text": {"type": "plain_text", "text": "k" * 76},
                    },
                }
            ],
            True,
            "more than 75",
        ),
        (
            [
                {
                    "type": "input",
                    "label": {"type": "plain_text", "text": "Text"},
                    "element": {"type": "plain_text_input", "action_id": "t", "max_length": 3001},
                }
            ],
            True,
            "max_length",
        ),
        ([{"type": "header", "text": {"type": "mrkdwn", "text": "Rubrik"}}], True, "plain_text"),
        ([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}], True, "no text"),
    ],
)
def test_broken_modals_are_refused(
    standin: SimulatedSlack, client: WebClient, blocks: list[Any], submit: bool, breach: str
) -> None:
    """views.open refuses a modal that breaks a Block Kit rule, and names the rule."""
    view = modal(blocks=blocks)
    if not submit:
        del view["submit"]
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.views_open(trigger_id=slack_requests.new_trigger_id(), view=view)
    assert len(standin.violations) == 1
    assert breach in standin.violations[0]


def test_trigger_id_is_used_once(standin: SimulatedSlack, client: WebClient) -> None:
    """A trigger_id opens one modal; using it again is refused."""
    trigger = slack_requests.new_trigger_id()
    client.views_open(trigger_id=trigger, view=modal())
    with pytest.raises(SlackApiError, match="exchanged_trigger_id"):
        client.views_push(trigger_id=trigger, view=modal())
    assert len(standin.views) == 1
    assert "used twice" in standin.violations[0]


def test_views_update_and_publish(standin: SimulatedSlack, client: WebClient) -> None:
    """views.update replaces a stored modal by id; views.publish takes only home views."""
    opened = client.views_open(trigger_id=slack_requests.new_trigger_id(), view=modal())["view"]
    updated = client.views_update(view_id=opened["id"], view=modal("Tack"))["view"]
    assert updated["id"] == opened["id"]
    assert updated["hash"] != opened["hash"]
    assert standin.views[opened["id"]]["title"]["text"] == "Tack"
    home = {"type": "home", "blocks": [section("Välkommen")]}
    client.views_publish(user_id="U0ANNA001", view=home)
    assert standin.home_views["U0ANNA001"]["blocks"][0]["text"]["text"] == "Välkommen"
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.views_publish(user_id="U0ANNA001", view=modal())
    assert len(standin.violations) == 1


def test_rate_limit_fault_is_retried_by_the_retry_handler(
    standin: SimulatedSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 429 fault carries Retry-After; RateLimitErrorRetryHandler waits as told and retries."""
    waits: list[float] = []
    monkeypatch.setattr("slack_sdk.http_retry.builtin_handlers.time.sleep", waits.append)
    standin.fail("chat.postMessage", status=429, retry_after=2)
    client = WebClient(
        token="xoxb-test",
        base_url=standin.api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
    )
    response = client.chat_postMessage(channel=CHANNEL, text="Till slut")

    calls = standin.calls_to("chat.postMessage")
    assert [(call.faulted, call.error) for call in calls] == [(True, "ratelimited"), (False, None)]
    assert response["ts"] == standin.messages[CHANNEL][0]["ts"]
    assert len(standin.messages[CHANNEL]) == 1
    assert len(waits) == 1
    assert 2 <= waits[0] < 3
    assert standin.violations == []


def test_rate_limit_fault_reaches_a_client_without_retries(
    standin: SimulatedSlack, client: WebClient
) -> None:
    """Without a retry handler the 429 and its Retry-After header reach the caller."""
    standin.fail("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel=CHANNEL, text="x")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"


def test_server_error_and_error_faults(standin: SimulatedSlack, client: WebClient) -> None:
    """Faults answer a 5xx status or ok:false with the error, then the method works again."""
    standin.fail("users.info", status=503)
    standin.fail("chat.postMessage", error="channel_not_found", times=2)
    standin.add_user("U0ANNA001", "anna.svensson@gavle.se")
    with pytest.raises(SlackApiError) as raised:
        client.users_info(user="U0ANNA001")
    assert raised.value.response.status_code == 503
    assert client.users_info(user="U0ANNA001")["ok"] is True
    for _ in range(2):
        with pytest.raises(SlackApiError, match="channel_not_found"):
            client.chat_postMessage(channel=CHANNEL, text="x")
    client.chat_postMessage(channel=CHANNEL, text="x")
    assert [c.faulted for c in standin.calls_to("chat.postMessage")] == [True, True, False]
    assert standin.violations == []


@pytest.mark.parametrize("applied", [False, True])
def test_body_fault_answers_a_page_that_is_not_json(
    standin: SimulatedSlack, client: WebClient, applied: bool
) -> None:
    """A body fault answers that text (an HTML error page); applied, Slack acts all the same."""
    before = len(standin.messages.get(CHANNEL, []))
    standin.fail("chat.postMessage", body="<html>502 Bad Gateway</html>", applied=applied)
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel=CHANNEL, text="Kanske")
    assert raised.value.response.status_code == 200
    assert "non-JSON" in str(raised.value.response["error"])
    assert len(standin.messages.get(CHANNEL, [])) - before == int(applied)
    assert [c.faulted for c in standin.calls_to("chat.postMessage")] == [True]
    with pytest.raises(ValueError, match="a fault needs"):
        standin.fail("chat.postMessage", applied=True)


def test_delay_fault_lets_the_client_time_out(standin: SimulatedSlack) -> None:
    """A delay fault outlasts the client's timeout; Slack still acts on the call afterwards."""
    standin.fail("chat.postMessage", delay=0.3)
    impatient = WebClient(token="xoxb-test", base_url=standin.api_url, timeout=0.1)  # type: ignore[arg-type]
    with pytest.raises(TimeoutError):
        impatient.chat_postMessage(channel=CHANNEL, text="Kanske")
    [call] = standin.wait_for("chat.postMessage", timeout=2)
    assert call.faulted
    assert [m["text"] for m in standin.messages[CHANNEL]] == ["Kanske"]


def test_per_channel_rate_limit(standin: SimulatedSlack, client: WebClient) -> None:
    """Past its per-channel rate it answers 429 and counts it, without a violation."""
    standin.rate_limit_per_channel = 1.0
    client.chat_postMessage(channel=CHANNEL, text="1")
    client.chat_postMessage(channel="C0PLAN0001", text="annan kanal")
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel=CHANNEL, text="2")
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "1"
    assert standin.rate_limited == 1
    assert standin.violations == []


def test_users_info(standin: SimulatedSlack, client: WebClient) -> None:
    """users.info describes known users with e-mail and time zone and refuses unknown ones."""
    standin.add_user("U0ANNA001", "anna.svensson@gavle.se")
    user = client.users_info(user="U0ANNA001")["user"]
    assert user["id"] == "U0ANNA001"
    assert user["real_name"] == "Anna Svensson"
    assert user["tz"] == "Europe/Stockholm"
    assert user["tz_offset"] in (3600, 7200)
    assert user["profile"]["email"] == "anna.svensson@gavle.se"
    with pytest.raises(SlackApiError, match="user_not_found"):
        client.users_info(user="U0NOBODY1")
    by_mail = client.users_lookupByEmail(email="Anna.Svensson@gavle.se")
    assert by_mail["user"]["id"] == "U0ANNA001"
    assert standin.violations == []


def test_files_upload_v2(standin: SimulatedSlack, client: WebClient) -> None:
    """files_upload_v2 gets an upload URL, uploads the bytes and shares the file in the channel."""
    content = "organisation;utbildningar\nGävle;3\n".encode()
    response = client.files_upload_v2(
        channel=CHANNEL,
        content=content,
        filename="export.csv",
        title="Export",
        initial_comment="Här är exporten",
    )
    file_id = response["file"]["id"]
    assert standin.uploads[file_id] == content
    [complete] = standin.calls_to("files.completeUploadExternal")
    assert complete.args["files"] == [{"id": file_id, "title": "Export"}]
    assert complete.args["channel_id"] == CHANNEL
    [shared] = standin.messages[CHANNEL]
    assert shared["text"] == "Här är exporten"
    assert shared["files"][0]["id"] == file_id
    assert standin.violations == []


def test_history_update_and_delete(standin: SimulatedSlack, client: WebClient) -> None:
    """History is newest first and honours oldest, limit and include_all_metadata."""
    metadata = {"event_type": "meeting_call", "event_payload": {"meeting": 7}}
    old = client.chat_postMessage(channel=CHANNEL, text="gammal")["ts"]
    mid = client.chat_postMessage(channel=CHANNEL, text="mitten", metadata=metadata)["ts"]
    new = client.chat_postMessage(channel=CHANNEL, text="ny")["ts"]

    history = client.conversations_history(channel=CHANNEL, oldest=old)
    assert [m["ts"] for m in history["messages"]] == [new, mid]
    assert "metadata" not in history["messages"][1]
    limited = client.conversations_history(channel=CHANNEL, limit=1, include_all_metadata=True)
    assert [m["ts"] for m in limited["messages"]] == [new]
    assert limited["has_more"] is True
    with_meta = client.conversations_history(channel=CHANNEL, include_all_metadata=True)
    assert with_meta["messages"][1]["metadata"] == metadata

    client.chat_update(channel=CHANNEL, ts=mid, text="ändrad")
    client.chat_delete(channel=CHANNEL, ts=old)
    assert [m["text"] for m in standin.messages[CHANNEL]] == ["ändrad", "ny"]
    assert standin.violations == []
    with pytest.raises(SlackApiError, match="message_not_found"):
        client.chat_update(channel=CHANNEL, ts=old, text="borta")
    assert "message_not_found" in standin.violations[0]


def test_wait_for_times_out_with_the_calls_seen(standin: SimulatedSlack, client: WebClient) -> None:
    """wait_for raises AssertionError listing the calls it saw."""
    client.chat_postMessage(channel=CHANNEL, text="bara en")
    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"(?s)got 1.*chat\.postMessage.*bara en"):
        standin.wait_for("chat.postMessage", 2, timeout=0.2)
    assert time.monotonic() - started < 1
    with pytest.raises(AssertionError, match=r"views\.open"):
        standin.wait_for("views.open", timeout=0.05)


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_reset_forgets_calls_but_keeps_state(standin: SimulatedSlack, client: WebClient) -> None:
    """reset() forgets calls, violations and faults but keeps users and messages."""
    standin.add_user("U0ANNA001", "anna@gavle.se")
    client.chat_postMessage(channel=CHANNEL, text="kvar")
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel=CHANNEL)
    standin.fail("chat.postMessage", status=500)
    standin.reset()
    assert (standin.calls, standin.violations) == ([], [])
    client.chat_postMessage(channel=CHANNEL, text="efter")
    assert [m["text"] for m in standin.messages[CHANNEL]] == ["kvar", "efter"]
    assert "U0ANNA001" in standin.users


def test_response_url_records_posts(standin: SimulatedSlack) -> None:
    """Posts to a response_url are recorded; a bad message there is a violation."""
    url = standin.response_url("behov")
    assert WebhookClient(url).send(text="Tack!", response_type="ephemeral").status_code == 200
    assert standin.wait_for_response() == [{"text": "Tack!", "response_type": "ephemeral"}]
    assert standin.responses[0][0].startswith("/response/behov/")
    assert WebhookClient(url).send(blocks=[section("x" * 3001)]).status_code == 400
    assert len(standin.violations) == 1


def test_signature_verifies_with_slack_sdk() -> None:
    """sign() produces headers that slack-sdk's verifier accepts, and only for that body."""
    body = slack_requests.slash_command(
        "/behov", "lista", user_id="U0ANNA001", response_url="http://127.0.0.1:9/r"
    )
    headers = slack_requests.sign(SECRET, body)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid(
        body.decode(), headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )
    assert not verifier.is_valid(
        body.decode() + "x", headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )
    fields = {key: value[0] for key, value in parse_qs(body.decode()).items()}
    assert fields["command"] == "/behov"
    assert fields["text"] == "lista"
    assert fields["channel_id"] == CHANNEL


def test_input_values_shapes() -> None:
    """input_values gives each element type Slack's state shape, with None for untouched ones."""
    values = slack_requests.input_values(NEED_FORM, {"text": "Narkotikahundar", "val": "gavle"})
    assert values == {
        "rubrik": {"text": {"type": "plain_text_input", "value": "Narkotikahundar"}},
        "org": {
            "val": {
                "type": "static_select",
                "selected_option": {
                    "text": {"type": "plain_text", "text": "Gävle kommun"},
                    "value": "gavle",
                },
            }
        },
        "datum": {"dag": {"type": "datepicker", "selected_date": None}},
        "vilka": {"personer": {"type": "multi_users_select", "selected_users": []}},
    }
    with pytest.raises(ValueError, match="option value 'ockelbo'"):
        slack_requests.input_values(NEED_FORM, {"text": "x", "val": "ockelbo"})
    with pytest.raises(ValueError, match="nonexistent"):
        slack_requests.input_values(NEED_FORM, {"text": "x", "val": "tull", "nonexistent": 1})
    with pytest.raises(ValueError, match="required input"):
        slack_requests.input_values(NEED_FORM, {"text": "x"})
    with pytest.raises(ValueError, match="Slack lets users type"):
        slack_requests.input_values(NEED_FORM, {"text": "x" * 101, "val": "tull"})


def test_bolt_app_round_trip(standin: SimulatedSlack) -> None:
    """A Bolt app gets a signed command, opens a modal, answers and handles the submission."""
    client = WebClient(token="xoxb-test", base_url=standin.api_url)
    app = App(client=client, signing_secret=SECRET)
    submitted: list[dict[str, Any]] = []

    def open_form(ack: Any, body: dict[str, Any], respond: Any) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=NEED_FORM)
        respond(text="Formuläret är öppet")

    def take_form(ack: Any, view: dict[str, Any]) -> None:
        ack()
        submitted.append(view)
        values = view["state"]["values"]
        client.chat_postMessage(channel=CHANNEL, text=values["rubrik"]["text"]["value"])

    app.command("/behov")(open_form)
    app.view("behov")(take_form)

    def dispatch(body: bytes) -> int:
        headers = slack_requests.sign(SECRET, body)
        return app.dispatch(BoltRequest(body=body.decode(), headers=dict(headers))).status

    command = slack_requests.slash_command(
        "/behov", "", user_id="U0ANNA001", response_url=standin.response_url()
    )
    assert dispatch(command) == 200
    [opened] = standin.wait_for("views.open")
    assert standin.wait_for_response() == [{"text": "Formuläret är öppet"}]
    view = standin.views[next(iter(standin.views))]
    values = slack_requests.input_values(view, {"text": "Fler hundar", "val": "tull"})
    assert dispatch(slack_requests.view_submission(view, values, user_id="U0ANNA001")) == 200
    [posted] = standin.wait_for("chat.postMessage")
    assert posted.args["text"] == "Fler hundar"
    assert submitted[0]["id"] == view["id"]
    assert submitted[0]["private_metadata"] == ""
    assert opened.args["view"]["callback_id"] == "behov"
    assert standin.violations == []


def test_block_actions_payload_names_the_clicked_element(standin: SimulatedSlack) -> None:
    """block_actions completes the action from the message and carries the container."""
    button = {
        "type": "button",
        "action_id": "rsvp_yes",
        "value": "meeting-7",
        "text": {"type": "plain_text", "text": "Jag kommer"},
    }
    message = {
        "ts": "1700000000.000100",
        "blocks": [{"type": "actions", "block_id": "rsvp", "elements": [button]}],
    }
    body = slack_requests.block_actions(
        {"action_id": "rsvp_yes"},
        user_id="U0ANNA001",
        channel_id=CHANNEL,
        message=message,
        response_url=standin.response_url(),
    )
    payload = json.loads(parse_qs(body.decode())["payload"][0])
    assert payload["type"] == "block_actions"
    assert payload["container"]["message_ts"] == "1700000000.000100"
    [action] = payload["actions"]
    assert (action["block_id"], action["value"], action["type"]) == ("rsvp", "meeting-7", "button")
    assert action["action_ts"]
    with pytest.raises(ValueError, match="rsvp_no"):
        slack_requests.block_actions(
            {"action_id": "rsvp_no"}, user_id="U", channel_id=CHANNEL, message=message
        )


# --- the shell's mode: no method reference, no contract checks; what a person sees


@pytest.fixture
def shell_slack(tmp_path: Path) -> Iterator[SimulatedSlack]:
    """Run the simulation as the shell does: no method reference, files saved, a fixed clock."""
    people = [Person("U0ANNA001", "Anna", "anna@tullverket.se")]
    slack = SimulatedSlack(
        users=people, files_dir=tmp_path, now=lambda: SHELL_NOW, trigger_ttl=None
    ).start()
    yield slack
    slack.stop()


SHELL_NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)


def test_without_the_method_reference_unknown_methods_answer_ok_and_checks_are_off(
    shell_slack: SimulatedSlack,
) -> None:
    """The shell's simulation answers methods it does not simulate and lets long texts through."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    assert client.api_call("reactions.add", json={"name": "tada"})["ok"] is True
    posted = client.chat_postMessage(channel=CHANNEL, blocks=[section("x" * 3001)], text="lång")
    assert posted["ok"] is True
    assert shell_slack.unknown_methods == {"reactions.add"}
    assert shell_slack.violations == []


def test_without_the_method_reference_a_missing_argument_is_refused(
    shell_slack: SimulatedSlack,
) -> None:
    """A call without an argument the method needs is refused, not a crash of the simulation."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    with pytest.raises(SlackApiError, match="invalid_arguments"):
        client.api_call("chat.postMessage", json={"text": "Ingen kanal"})
    assert shell_slack.violations == [
        "chat.postMessage: invalid_arguments: missing argument 'channel'"
    ]


def test_messages_carry_the_simulated_time_and_are_shown_as_events(
    shell_slack: SimulatedSlack,
) -> None:
    """A post, its update and its deletion are events at the simulated time; ts follow the clock."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    ts = client.chat_postMessage(channel="U0ANNA001", text="Hej")["ts"]
    client.chat_update(channel="D0ANNA001", ts=ts, text="Hej igen")
    client.chat_delete(channel="D0ANNA001", ts=ts)

    events = shell_slack.take_events()
    assert [(e.kind, e.channel, e.at) for e in events] == [
        ("post", "D0ANNA001", SHELL_NOW),
        ("update", "D0ANNA001", SHELL_NOW),
        ("delete", "D0ANNA001", SHELL_NOW),
    ]
    assert int(float(ts)) == int(SHELL_NOW.timestamp())
    assert shell_slack.take_events() == []


def test_an_ephemeral_message_is_kept_for_its_person_only(shell_slack: SimulatedSlack) -> None:
    """postEphemeral keeps the message apart, found by channel and ts; strangers are refused."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    ts = client.chat_postEphemeral(channel=CHANNEL, user="U0ANNA001", text="Bara du")["message_ts"]
    message = shell_slack.find_message(CHANNEL, ts)
    assert message is not None
    assert (message["ephemeral_user"], message["text"]) == ("U0ANNA001", "Bara du")
    assert CHANNEL not in shell_slack.messages
    with pytest.raises(SlackApiError, match="user_not_in_channel"):
        client.chat_postEphemeral(channel=CHANNEL, user="U0OKAND01", text="Vem?")


def test_a_response_url_with_a_source_answers_privately_then_replaces_and_deletes(
    shell_slack: SimulatedSlack,
) -> None:
    """A response URL shows a private answer; replace_original and delete_original act on it."""
    posted = WebClient(token="x", base_url=shell_slack.api_url).chat_postMessage(
        channel=CHANNEL, text="Kallelse"
    )
    source = Source(CHANNEL, posted["ts"], "U0ANNA001", ephemeral=False)
    url = shell_slack.response_url("shell", source=source)
    shell_slack.take_events()

    WebhookClient(url).send(text="Tack för svaret")
    WebhookClient(url).send(text="Kallelse (svarat)", replace_original=True)
    WebhookClient(url).send(text="", delete_original=True)

    events = shell_slack.take_events()
    assert [(e.kind, e.user, e.message.get("text")) for e in events] == [
        ("ephemeral", "U0ANNA001", "Tack för svaret"),
        ("update", "U0ANNA001", "Kallelse (svarat)"),
        ("delete", None, "Kallelse (svarat)"),
    ]
    assert events[1].replaced is True
    assert shell_slack.messages[CHANNEL] == []


def test_modals_stack_on_push_and_reopen_on_open(shell_slack: SimulatedSlack) -> None:
    """views.open starts the stack, views.push stacks on it naming the view below."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    first = client.views_open(trigger_id="1.2.shell", view=modal("Första"))["view"]
    second = client.views_push(trigger_id="2.2.shell", view=modal("Andra"))["view"]
    assert shell_slack.modal_stack == [first["id"], second["id"]]
    assert second["previous_view_id"] == first["id"]
    assert second["root_view_id"] == second["id"]
    shell_slack.pop_view()
    assert shell_slack.modal_stack == [first["id"]]
    third = client.views_open(trigger_id="3.2.shell", view=modal("Tredje"))["view"]
    assert shell_slack.modal_stack == [third["id"]]


def test_a_shared_file_without_a_channel_is_saved_and_shown_to_nobody_in_particular(
    shell_slack: SimulatedSlack, tmp_path: Path
) -> None:
    """An upload shared in no channel is still saved, and shown as a file event without channel."""
    client = WebClient(token="xoxb-shell", base_url=shell_slack.api_url)
    client.files_upload_v2(content="a;b\n", filename="lista.csv")
    client.files_upload_v2(content="c;d\n", filename="lista.csv")

    files = [e for e in shell_slack.take_events() if e.kind == "file"]
    assert [(e.channel, e.path) for e in files] == [
        (None, tmp_path / "lista.csv"),
        (None, tmp_path / "lista-2.csv"),
    ]
    assert (tmp_path / "lista-2.csv").read_text(encoding="utf-8") == "c;d\n"


def test_users_info_gives_the_locale_when_asked(standin: SimulatedSlack, client: WebClient) -> None:
    """users.info and users.list add each person's locale only with include_locale."""
    standin.add_user("U0ERIK001", "erik@tullverket.se", locale="en-GB")
    assert "locale" not in client.users_info(user="U0ERIK001")["user"]
    assert client.users_info(user="U0ERIK001", include_locale=True)["user"]["locale"] == "en-GB"
    members = client.users_list(include_locale=True)["members"]
    assert [m["locale"] for m in members] == ["en-GB"]
    assert standin.violations == []
