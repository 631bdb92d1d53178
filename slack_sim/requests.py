"""What Slack sends to an app: slash commands, interactions and events, signed as Slack signs them.

Each builder returns the body Slack posts over HTTP (a form body, or JSON for events); the
Socket Mode envelope of the same request carries the decoded payload. `input_values` builds the
state values of a submitted view from answers keyed by action id.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import itertools
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from datetime import date
from datetime import time as clock_time
from typing import Any
from urllib.parse import urlencode

from slack_sim.workspace import (
    API_APP_ID,
    BOT_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    JSONDict,
    dm_channel,
)

# Slack's legacy verification token in payloads; apps check signatures instead.
VERIFICATION_TOKEN = "verification-token"  # noqa: S105 - not a secret

StateValues = dict[str, dict[str, dict[str, Any]]]

# Element type -> (key in state.values, value when unanswered).
STATE_SHAPES: dict[str, tuple[str, Any]] = {
    "plain_text_input": ("value", None),
    "number_input": ("value", None),
    "email_text_input": ("value", None),
    "url_text_input": ("value", None),
    "rich_text_input": ("rich_text_value", None),
    "static_select": ("selected_option", None),
    "external_select": ("selected_option", None),
    "radio_buttons": ("selected_option", None),
    "multi_static_select": ("selected_options", []),
    "multi_external_select": ("selected_options", []),
    "checkboxes": ("selected_options", []),
    "datepicker": ("selected_date", None),
    "timepicker": ("selected_time", None),
    "datetimepicker": ("selected_date_time", None),
    "users_select": ("selected_user", None),
    "multi_users_select": ("selected_users", []),
    "conversations_select": ("selected_conversation", None),
    "multi_conversations_select": ("selected_conversations", []),
    "channels_select": ("selected_channel", None),
    "multi_channels_select": ("selected_channels", []),
    "file_input": ("files", []),
}
# Element type -> the key of its initial value in the view.
INITIAL_KEYS: dict[str, str] = {
    "plain_text_input": "initial_value",
    "number_input": "initial_value",
    "email_text_input": "initial_value",
    "url_text_input": "initial_value",
    "rich_text_input": "initial_value",
    "static_select": "initial_option",
    "external_select": "initial_option",
    "radio_buttons": "initial_option",
    "multi_static_select": "initial_options",
    "multi_external_select": "initial_options",
    "checkboxes": "initial_options",
    "datepicker": "initial_date",
    "timepicker": "initial_time",
    "datetimepicker": "initial_date_time",
    "users_select": "initial_user",
    "multi_users_select": "initial_users",
    "conversations_select": "initial_conversation",
    "multi_conversations_select": "initial_conversations",
    "channels_select": "initial_channel",
    "multi_channels_select": "initial_channels",
}
# Element types whose state is option objects taken from the element's own options.
_OPTION_KINDS = frozenset({"static_select", "radio_buttons", "multi_static_select", "checkboxes"})

_serial = itertools.count(1)


def new_trigger_id() -> str:
    """Return a fresh trigger_id that records when it was issued (the simulation checks its age)."""
    return f"{next(_serial)}.{int(time.time() * 1000)}.{secrets.token_hex(8)}"


def _action_ts() -> str:
    """Return an action_ts for now."""
    return f"{time.time():.6f}"


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """Return the X-Slack-Request-Timestamp and X-Slack-Signature headers for a body.

    Slack's v0 scheme: HMAC-SHA256 over "v0:<timestamp>:<body>" with the signing secret.
    """
    ts = int(time.time()) if timestamp is None else timestamp
    base = b"v0:" + str(ts).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


def _user(user_id: str, team_id: str = TEAM_ID) -> dict[str, str]:
    """Describe the acting user as interaction payloads do."""
    name = user_id.lower()
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def _team(team_id: str = TEAM_ID) -> dict[str, str]:
    """Describe the workspace as interaction payloads do."""
    return {"id": team_id, "domain": TEAM_DOMAIN}


def _channel_name(channel_id: str) -> str:
    """Name a channel the way Slack does for DMs, else by its id."""
    if channel_id.startswith("D"):
        return "directmessage"
    return "privategroup" if channel_id.startswith("G") else channel_id.lower()


def _form(payload: dict[str, Any]) -> bytes:
    """Encode an interaction payload as Slack does: payload=<json> in a form body."""
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)}).encode()


def slash_command(
    command: str,
    text: str,
    *,
    user_id: str,
    response_url: str,
    channel_id: str = "C0ARBETS1",
    trigger_id: str | None = None,
    team_id: str = TEAM_ID,
    user_name: str = "user",
) -> bytes:
    """Return the form body Slack posts for a slash command."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": _channel_name(channel_id),
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": API_APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or new_trigger_id(),
    }
    return urlencode(fields).encode()


def iter_elements(blocks: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Yield (block, element) for every interactive element in a list of blocks."""
    for block in blocks or []:
        if not isinstance(block, dict):
            continue
        elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
        elements += [block[key] for key in ("accessory", "element") if key in block]
        for element in elements:
            if isinstance(element, dict):
                yield block, element


def _complete_action(action: dict[str, Any], blocks: Any) -> dict[str, Any]:
    """Fill an action from the element it names in the surface's blocks, as Slack would."""
    for block, element in iter_elements(blocks):
        if element.get("action_id") != action.get("action_id"):
            continue
        wanted, actual = action.get("block_id"), block.get("block_id")
        if wanted and actual and wanted != actual:
            continue
        known: dict[str, Any] = {
            key: element[key] for key in ("type", "text", "value", "style") if key in element
        }
        return {**known, **action, "block_id": wanted or actual or "block0"}
    where = f" in block {action['block_id']!r}" if action.get("block_id") else ""
    raise ValueError(f"no element with action_id {action.get('action_id')!r}{where} to click")


def _surface_view(view: dict[str, Any], state_values: StateValues | None) -> dict[str, Any]:
    """Return a view as it appears in a payload: ids, hash and the current state."""
    full = _full_view(view, None)
    if state_values is not None:
        full["state"] = {"values": state_values}
    return full


def block_actions(
    action: dict[str, Any],
    *,
    user_id: str,
    response_url: str | None = None,
    channel_id: str | None = None,
    message: dict[str, Any] | None = None,
    ephemeral: bool = False,
    view: dict[str, Any] | None = None,
    trigger_id: str | None = None,
    state_values: StateValues | None = None,
) -> bytes:
    """Return the form body Slack posts when a user clicks or picks in a message or view.

    Given the message or view, an action with just an action_id is completed from the
    element it names (type, block_id, text, value); an unknown action_id raises ValueError.
    An ephemeral message is named in the container only, as Slack does.
    """
    if message is not None and view is not None:
        raise ValueError("an action comes from a message or from a view, not both")
    surface_blocks = (message or view or {}).get("blocks")
    if message is not None or view is not None:
        action = _complete_action(action, surface_blocks)
    action = {**action, "action_ts": action.get("action_ts") or _action_ts()}
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or new_trigger_id(),
        "team": _team(),
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": state_values or {}},
        "actions": [action],
    }
    if message is not None:
        if channel_id is None or "ts" not in message:
            raise ValueError("an action in a message needs channel_id and the message's ts")
        payload["container"] = {
            "type": "message",
            "message_ts": message["ts"],
            "channel_id": channel_id,
            "is_ephemeral": ephemeral,
        }
        if not ephemeral:
            payload["message"] = copy.deepcopy(message)
    elif view is not None:
        full = _surface_view(view, state_values)
        payload["container"] = {"type": "view", "view_id": full["id"]}
        payload["view"] = full
        payload["state"] = full["state"]
    if channel_id is not None:
        payload["channel"] = {"id": channel_id, "name": _channel_name(channel_id)}
        payload.setdefault("container", {"type": "message", "channel_id": channel_id})
    if response_url is not None:
        payload["response_url"] = response_url
    return _form(payload)


def _full_view(view: dict[str, Any], view_id: str | None) -> dict[str, Any]:
    """Return a view with the fields Slack adds (id, hash, state, app ids)."""
    full: dict[str, Any] = {
        "id": view_id or view.get("id") or "V0000001",
        "team_id": TEAM_ID,
        "type": view.get("type", "modal"),
        "blocks": [],
        "private_metadata": "",
        "callback_id": "",
        "state": {"values": {}},
        "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
        "title": None,
        "clear_on_close": False,
        "notify_on_close": False,
        "close": None,
        "submit": None,
        "previous_view_id": None,
        "app_id": API_APP_ID,
        "external_id": "",
        "app_installed_team_id": TEAM_ID,
        "bot_id": BOT_ID,
    }
    full.update(copy.deepcopy(view))
    if view_id is not None:
        full["id"] = view_id
    full.setdefault("root_view_id", full["id"])
    if full["root_view_id"] is None:
        full["root_view_id"] = full["id"]
    return full


def view_submission(
    view: dict[str, Any],
    values: StateValues,
    *,
    user_id: str,
    view_id: str | None = None,
    trigger_id: str | None = None,
    response_urls: list[dict[str, Any]] | None = None,
) -> bytes:
    """Return the form body Slack posts when a user submits a modal.

    The view keeps its callback_id and private_metadata; its id is view_id, else the
    view's own id (as returned by views.open), else "V0000001".
    """
    full = _full_view(view, view_id)
    full["state"] = {"values": copy.deepcopy(values)}
    payload = {
        "type": "view_submission",
        "team": _team(),
        "user": _user(user_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or new_trigger_id(),
        "view": full,
        "response_urls": response_urls or [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _form(payload)


def view_closed(view: dict[str, Any], *, user_id: str) -> bytes:
    """Return the form body Slack posts when a user closes a modal with notify_on_close."""
    payload = {
        "type": "view_closed",
        "team": _team(),
        "user": _user(user_id),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "view": _full_view(view, None),
        "is_cleared": False,
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _form(payload)


def block_suggestion(
    view: dict[str, Any], *, block_id: str, action_id: str, value: str, user_id: str
) -> bytes:
    """Return the form body Slack posts to ask an external select in a view for options."""
    full = _full_view(view, None)
    payload = {
        "type": "block_suggestion",
        "user": _user(user_id),
        "team": _team(),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {"type": "view", "view_id": full["id"]},
        "view": full,
        "block_id": block_id,
        "action_id": action_id,
        "value": value,
    }
    return _form(payload)


def event_callback(
    event: dict[str, Any], *, event_id: str = "Ev0001", team_id: str = TEAM_ID
) -> bytes:
    """Return the JSON body the Events API posts for one event."""
    now = time.time()
    payload = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "api_app_id": API_APP_ID,
        "event": {"event_ts": f"{now:.6f}", **event},
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(now),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{secrets.token_hex(8)}",
    }
    return json.dumps(payload, ensure_ascii=False).encode()


def home_opened(user_id: str) -> bytes:
    """Return the JSON body the Events API posts when a user opens the bot's Home tab."""
    event = {"type": "app_home_opened", "user": user_id, "channel": dm_channel(user_id)}
    event_id = f"Ev{uuid.uuid4().hex[:16].upper()}"
    return event_callback({**event, "tab": "home"}, event_id=event_id)


def _options_of(element: dict[str, Any]) -> list[dict[str, Any]]:
    """Return every option of an element, including those in option groups."""
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options += group.get("options") or []
    return options


def _pick(element: dict[str, Any], value: Any, where: str) -> dict[str, Any]:
    """Return the view's option whose value matches, as Slack sends it.

    An external select's options are not in the view: an option the app served (a dict with its
    text) is sent as it is, a bare value with the value as its text.
    """
    if element["type"].endswith("external_select"):
        if isinstance(value, dict) and isinstance(value.get("text"), dict):
            return copy.deepcopy(value)
        value = value.get("value") if isinstance(value, dict) else value
        return {"text": {"type": "plain_text", "text": str(value)}, "value": str(value)}
    if isinstance(value, dict):
        value = value.get("value")
    for option in _options_of(element):
        if option.get("value") == value:
            return copy.deepcopy(option)
    known = [option.get("value") for option in _options_of(element)]
    raise ValueError(f"{where}: option value {value!r} is not in the view (options: {known})")


def _answer(element: dict[str, Any], answer: Any, where: str) -> Any:
    """Turn a test's answer into the value Slack sends for this element type."""
    kind = element["type"]
    if kind in ("static_select", "external_select", "radio_buttons"):
        return _pick(element, answer, where)
    if kind in ("multi_static_select", "multi_external_select", "checkboxes"):
        if isinstance(answer, str | dict):
            raise ValueError(f"{where}: {kind} takes a list of option values")
        return [_pick(element, value, where) for value in answer]
    if kind.startswith("multi_"):
        if isinstance(answer, str):
            raise ValueError(f"{where}: {kind} takes a list of ids")
        return list(answer)
    if kind == "datepicker" and isinstance(answer, date):
        return answer.isoformat()
    if kind == "timepicker" and isinstance(answer, clock_time):
        return answer.strftime("%H:%M")
    if kind == "number_input" and isinstance(answer, int | float):
        return str(answer)
    if kind == "plain_text_input":
        if not isinstance(answer, str):
            raise ValueError(f"{where}: plain_text_input takes a str, not {answer!r}")
        least, most = element.get("min_length", 0), element.get("max_length", 3000)
        if not least <= len(answer) <= most:
            raise ValueError(
                f"{where}: {len(answer)} characters; Slack lets users type {least}..{most}"
            )
    return answer


def initial_state(element: JSONDict) -> JSONDict:
    """Return the state Slack sends for an untouched element: its initial value, else nothing.

    Takes a stateful element (its type is in STATE_SHAPES; KeyError otherwise); returns
    {"type": ..., <state key>: value}. An initial option is sent as the element's own option
    with that value (as given when the element has none); a datetimepicker's is an int.
    """
    kind = element["type"]
    key, empty = STATE_SHAPES[kind]
    initial = element.get(INITIAL_KEYS.get(kind, ""))
    value: Any = copy.deepcopy(empty if initial is None else initial)
    if initial is not None and kind in _OPTION_KINDS:
        chosen = value if isinstance(value, list) else [value]
        values = {str(option.get("value")): option for option in _options_of(element)}
        picked = [
            copy.deepcopy(values.get(str(option.get("value")), option))
            if isinstance(option, dict)
            else option
            for option in chosen
        ]
        value = picked if isinstance(value, list) else picked[0]
    if kind == "datetimepicker" and isinstance(value, str) and value.isdigit():
        value = int(value)
    return {"type": kind, key: value}


def input_values(
    view: dict[str, Any],
    answers: dict[str, Any],
    *,
    allow_missing_required: bool = False,
) -> StateValues:
    """Build a view's state.values from answers keyed by action_id (or "block_id.action_id").

    Untouched elements are present as Slack sends them: their initial value, else None or [].
    A required input left unanswered raises ValueError (Slack's client would not submit),
    unless allow_missing_required; so do unknown action_ids and option values.
    """
    values: StateValues = {}
    used: set[str] = set()
    counts: dict[str, int] = {}
    stateful = [
        (block, element)
        for block, element in iter_elements(view.get("blocks"))
        if element.get("type") in STATE_SHAPES
    ]
    for _, element in stateful:
        counted = str(element.get("action_id"))
        counts[counted] = counts.get(counted, 0) + 1
    fallback_ids = {
        id(block): f"block{index}" for index, block in enumerate(view.get("blocks") or [])
    }
    for block, element in stateful:
        block_id = str(block.get("block_id") or fallback_ids[id(block)])
        action_id = element.get("action_id")
        if not action_id:
            raise ValueError(f"block {block_id!r}: an input element needs an action_id")
        key, _ = STATE_SHAPES[element["type"]]
        qualified = f"{block_id}.{action_id}"
        where = f"{qualified} ({element['type']})"
        name = qualified if qualified in answers else action_id
        if name == action_id and action_id in answers and counts[action_id] > 1:
            raise ValueError(f"action_id {action_id!r} is in several blocks: key it {qualified!r}")
        if name in answers:
            used.add(name)
            value = _answer(element, answers[name], where)
        else:
            value = initial_state(element)[key]
            required = block.get("type") == "input" and not block.get("optional", False)
            if required and value in (None, []) and not allow_missing_required:
                raise ValueError(f"{where}: required input left unanswered")
        values.setdefault(block_id, {})[action_id] = {"type": element["type"], key: value}
    unknown = sorted(set(answers) - used)
    if unknown:
        known = sorted({str(element.get("action_id")) for _, element in stateful})
        raise ValueError(f"answers for {unknown} match no input in the view (inputs: {known})")
    return values
