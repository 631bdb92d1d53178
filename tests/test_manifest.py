"""The app manifests: valid against Slack's published schema, asking for exactly the scopes needed.

The scopes the bot needs are derived from the Web API calls the whole test suite makes (recorded
by the simulated Slack, see slack_sim.web_api.USAGE) and the scopes Slack's method reference
gives for each method; tests/conftest.py compares them with both manifests once the whole suite
has run. The tests here check the derivation itself and the manifests' shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from tests.harness import METHODS_DIR

REPO = Path(__file__).resolve().parents[1]
MANIFESTS = (REPO / "manifest.yaml", REPO / "manifest-socket-mode.yaml")
SCHEMAS = Path(__file__).parent / "data" / "manifest-schema"
SCHEMA_URL = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/"
# Where the method reference offers a scope per kind of conversation, the one for this kind.
KIND_PREFIX = {"public": "channels:", "private": "groups:", "im": "im:", "mpim": "mpim:"}
# Scopes no single call shows: slash commands need `commands`; users.info returns the e-mail
# address (which gives a person's organisation) only with users:read.email (Slack's docs).
ALWAYS = {"commands"}
ALSO = {"users.info": {"users:read.email"}}
BOT_TOKEN = "xoxb-test-token"  # the bot's token in tests (tests/harness.py, served processes)


def method_scopes(method: str, kind: str) -> set[str]:
    """Return the bot scopes one call needs, by Slack's method reference (KeyError if unknown)."""
    reference = json.loads((METHODS_DIR / f"{method}.json").read_text(encoding="utf-8"))
    options: list[str] = list((reference.get("scope") or {}).get("bot") or [])
    if len(options) > 1:
        prefix = KIND_PREFIX.get(kind)
        chosen = [scope for scope in options if prefix and scope.startswith(prefix)]
        options = chosen[:1] or options[:1]
    return set(options) | ALSO.get(method, set())


def bot_calls(usage: Iterable[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """Keep the calls the bot made (with the bot token the tests give it) to methods Slack has."""
    return {
        (method, kind)
        for method, kind, token in usage
        if token == BOT_TOKEN and (METHODS_DIR / f"{method}.json").is_file()
    }


def needed_scopes(usage: Iterable[tuple[str, str]]) -> set[str]:
    """Return the scopes that the recorded (method, conversation kind) calls need."""
    needed = set(ALWAYS)
    for method, kind in usage:
        if method == "apps.connections.open":
            continue  # made with the app-level token (connections:write), not the bot's
        needed |= method_scopes(method, kind)
    return needed


def manifest(path: Path) -> dict[str, Any]:
    """Read a manifest."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def manifest_scopes(path: Path) -> set[str]:
    """Return the bot scopes a manifest asks for."""
    return set(manifest(path)["oauth_config"]["scopes"]["bot"])


def scope_problems(usage: Iterable[tuple[str, str]]) -> list[str]:
    """Say where a manifest's scopes differ from what the calls need (empty when they agree)."""
    needed = needed_scopes(usage)
    problems = []
    for path in MANIFESTS:
        asked = manifest_scopes(path)
        if asked - needed:
            problems.append(f"{path.name} asks for {sorted(asked - needed)}, which no call needs")
        if needed - asked:
            problems.append(f"{path.name} lacks {sorted(needed - asked)}, which calls need")
    return problems


def validator() -> Draft7Validator:
    """Return a validator of Slack's manifest schema, its references resolved to our copies."""
    resources = [
        (SCHEMA_URL + name, Resource.from_contents(json.loads((SCHEMAS / name).read_text())))
        for name in ("manifest.schema.1.0.0.json", "manifest.schema.2.0.0.json")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = json.loads((SCHEMAS / "manifest.schema.json").read_text())
    return Draft7Validator(schema, registry=registry)


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_the_manifest_is_valid_against_slacks_published_schema(path: Path) -> None:
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator().iter_errors(manifest(path))
    ]
    assert errors == []


def test_a_manifest_slack_would_refuse_is_found_invalid() -> None:
    broken = manifest(MANIFESTS[0])
    broken["features"]["slash_commands"][0]["command"] = "behov utan snedstreck"
    del broken["display_information"]["name"]
    assert len(list(validator().iter_errors(broken))) >= 1


def test_both_manifests_declare_the_same_commands_events_and_scopes() -> None:
    http, socket = (manifest(path) for path in MANIFESTS)
    commands = [[c["command"] for c in m["features"]["slash_commands"]] for m in (http, socket)]
    assert commands[0] == commands[1] == ["/behov", "/utbildning", "/samverkan"]
    assert http["oauth_config"] == socket["oauth_config"]
    assert http["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert socket["settings"]["socket_mode_enabled"] is True
    assert http["settings"]["socket_mode_enabled"] is False


def test_http_mode_loads_the_options_of_long_selects_from_the_bots_endpoint() -> None:
    http, socket = (manifest(path)["settings"]["interactivity"] for path in MANIFESTS)
    assert http["message_menu_options_url"] == http["request_url"]
    assert http["request_url"].endswith("/slack/events")
    assert "message_menu_options_url" not in socket  # Socket Mode: over the socket


def test_an_options_load_url_slack_would_refuse_is_found_invalid() -> None:
    broken = manifest(MANIFESTS[0])
    broken["settings"]["interactivity"]["message_menu_options_url"] = "samverkansbot/options"
    errors = list(validator().iter_errors(broken))
    assert errors
    causes = {tuple(cause.absolute_path) for error in errors for cause in error.context or []}
    assert ("settings", "interactivity", "message_menu_options_url") in causes


def test_scopes_are_derived_per_kind_of_conversation() -> None:
    usage = {
        ("chat.postMessage", "public"),
        ("conversations.open", "im"),
        ("conversations.history", "im"),
        ("conversations.history", "private"),
        ("users.info", ""),
        ("views.open", ""),
    }
    assert needed_scopes(usage) == {
        "commands",
        "chat:write",
        "im:write",
        "im:history",
        "groups:history",
        "users:read",
        "users:read.email",
    }


def test_a_scope_no_call_needs_is_reported() -> None:
    problems = scope_problems({("chat.postMessage", "public")})
    assert any("which no call needs" in problem for problem in problems)
