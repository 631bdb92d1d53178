"""Settings and the configuration file: valid values load, bad ones name the key and the fix."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import OrganizationEntry, load_config, parse_config
from bot.domain.organizations import BUILT_IN, merge_organizations, organization_for_email
from bot.durations import format_duration, parse_duration
from bot.errors import StartupError
from bot.settings import load_settings

DESIGN_SAMPLE = """
[collaboration]
name = "Gävleborg mot narkotika"
timezone = "Europe/Stockholm"
language = "sv"

[channels]
working_group = "C0ARBETS1"
coordinators = "C0PLAN0001"
owners = "C0AGARE001"

[roles]
coordinators = ["U0LEDARE1"]
owners = ["U0AGARE01"]
communicators = ["U0KOMM001"]

[[organizations]]
name = "Tullverket"
email_domains = ["tullverket.se"]

[[meetings]]
kind = "working_group"
title = "Arbetsgruppsmöte"
rrule = "FREQ=MONTHLY;BYDAY=2TU"
start = "2027-01-12T09:00"
duration = "2h"
location = "Länsstyrelsen, Gävle / Teams"
call_before = "7d"
reminder_before = "1d"
summary_before = "14d"
skip_months = [7]
on_holiday = "next_weekday"
"""


def test_the_design_sample_configuration_loads(tmp_path: Path) -> None:
    path = tmp_path / "samverkan.toml"
    path.write_text(DESIGN_SAMPLE, encoding="utf-8")
    config = load_config(path)
    meeting = config.meetings[0]
    assert (meeting.call_before, meeting.reminder_before) == (timedelta(days=7), timedelta(days=1))
    assert meeting.skip_months == [7]
    assert config.roles.coordinators == ["U0LEDARE1"]
    assert config.collaboration.tz.key == "Europe/Stockholm"


def test_no_file_gives_the_defaults() -> None:
    config = load_config(None)
    assert config.collaboration.language == "sv"
    assert config.channels.working_group is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"channels": {"owners": "general"}},
            "samverkan.toml: channels.owners is 'general'; use a channel id such as C0ARBETS1",
        ),
        (
            {"roles": {"coordinators": ["anna"]}},
            "samverkan.toml: roles.coordinators[0] is 'anna'; use a user id such as U0LEDARE1",
        ),
        (
            {"collaboration": {"language": "de"}},
            "samverkan.toml: collaboration.language is 'de'; use 'sv' or 'en'",
        ),
        (
            {"collaboration": {"timezone": "Mars/Olympus"}},
            "samverkan.toml: collaboration.timezone 'Mars/Olympus' is not a time zone; "
            "use e.g. Europe/Stockholm",
        ),
        (
            {"collaboration": {"colour": "blue"}},
            "samverkan.toml: collaboration.colour is not a known key",
        ),
        (
            {
                "meetings": [
                    {
                        "kind": "working_group",
                        "title": "M",
                        "rrule": "FREQ=MONTHLY",
                        "start": "2027-01-12T09:00",
                        "call_before": "7x",
                    }
                ]
            },
            "samverkan.toml: meetings[0].call_before '7x' is not a duration; use a whole number "
            "followed by s, m, h or d, e.g. 30s, 90m, 2h, 7d",
        ),
        (
            {"meetings": [{"kind": "working_group", "title": "M", "rrule": "FREQ=MONTHLY"}]},
            "samverkan.toml: meetings[0].start is missing",
        ),
    ],
)
def test_a_configuration_error_names_the_file_the_key_and_the_fix(
    data: dict[str, object], message: str
) -> None:
    with pytest.raises(StartupError) as error:
        parse_config(data, "samverkan.toml")
    assert str(error.value) == message


def test_a_bad_rrule_is_refused() -> None:
    with pytest.raises(StartupError, match=r"meetings\[0\]\.rrule .* is not an RFC 5545 rule"):
        parse_config(
            {
                "meetings": [
                    {
                        "kind": "planning",
                        "title": "P",
                        "rrule": "EVERY TUESDAY",
                        "start": "2027-01-12T09:00",
                    }
                ]
            },
            "x.toml",
        )


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[channels\nowners = ", encoding="utf-8")
    with pytest.raises(StartupError, match=r"broken.toml: is not valid TOML"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30s", timedelta(seconds=30)),
        ("90m", timedelta(minutes=90)),
        ("2h", timedelta(hours=2)),
        ("7d", timedelta(days=7)),
    ],
)
def test_durations_parse_and_format(text: str, value: timedelta) -> None:
    assert parse_duration(text) == value
    assert parse_duration(format_duration(value)) == value


@pytest.mark.parametrize("text", ["", "7", "d7", "7 days", "-1d", "1.5h"])
def test_malformed_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_settings_default_to_embedded_sqlite() -> None:
    settings = load_settings({})
    assert settings.DATABASE_URL == "sqlite:///samverkansbot.db"
    assert (settings.PORT, settings.BOT_TICK_SECONDS) == (3000, 30)
    assert not settings.socket_mode


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        (
            {"SLACK_BOT_TOKEN": "xoxp-user"},
            "SLACK_BOT_TOKEN is malformed (does not start with xoxb-); "
            "set it to a bot token that starts with xoxb-",
        ),
        ({"PORT": "http"}, "PORT is malformed"),
        ({"BOT_TICK_SECONDS": "0"}, "BOT_TICK_SECONDS is malformed"),
        ({"DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL is malformed (names a database other"),
        ({"SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN is malformed"),
        ({"BOT_CONFIG": "/nonexistent/samverkan.toml"}, "BOT_CONFIG is malformed"),
    ],
)
def test_a_malformed_setting_is_named_with_a_valid_example(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(StartupError) as error:
        load_settings(environ)
    assert str(error.value).startswith(message)


def test_a_missing_required_setting_is_named() -> None:
    with pytest.raises(StartupError, match="SLACK_SIGNING_SECRET is not set; set it to"):
        load_settings({}).require("SLACK_SIGNING_SECRET")


def test_secrets_never_appear_in_the_settings_text() -> None:
    settings = load_settings(
        {"SLACK_BOT_TOKEN": "xoxb-very-secret", "SLACK_SIGNING_SECRET": "signing-very-secret"}
    )
    assert "very-secret" not in repr(settings)
    assert "very-secret" not in str(settings)


def test_serve_with_a_bad_setting_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        env={
            "PATH": "/usr/bin:/bin",
            "SLACK_BOT_TOKEN": "xoxb-x",
            "PORT": "99999",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("samverkansbot:")]
    assert lines == [
        "samverkansbot: PORT is malformed (Input should be less than or equal to "
        "65535); set it to a port number from 1 to 65535"
    ]


def test_serve_without_a_token_says_which_setting_is_missing(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert (
        "SLACK_BOT_TOKEN is not set; set it to a bot token that starts with xoxb-" in result.stderr
    )


def test_the_plans_partners_are_built_in() -> None:
    names = [o.name for o in BUILT_IN]
    assert len(names) == 20
    assert names[:2] == ["Länsstyrelsen Gävleborg", "Polismyndigheten Region Mitt"]
    assert sum(o.kind == "municipality" for o in BUILT_IN) == 10


def test_the_configuration_renames_and_adds_organisations() -> None:
    merged = merge_organizations(
        [
            OrganizationEntry(id="polisen", name="Polisen Gävleborg"),
            OrganizationEntry(name="Tullverket", email_domains=["tullverket.se", "tull.se"]),
            OrganizationEntry(name="Kriminalvården", email_domains=["kriminalvarden.se"]),
        ]
    )
    by_id = {o.id: o for o in merged}
    assert by_id["polisen"].name == "Polisen Gävleborg"
    assert by_id["tullverket"].email_domains == ("tullverket.se", "tull.se")
    assert by_id["kriminalvarden"].name == "Kriminalvården"
    assert organization_for_email("x@tull.se", merged) == "tullverket"
    assert organization_for_email("x@mail.gavle.se", merged) == "gavle"
    assert organization_for_email("x@example.com", merged) is None


def test_the_actions_table_has_the_designs_defaults_and_takes_other_leads() -> None:
    defaults = load_config(None).actions
    assert (defaults.reminder_before, defaults.report_reminder_before) == (
        timedelta(days=7),
        timedelta(days=30),
    )
    config = parse_config({"actions": {"reminder_before": "3d", "report_reminder_before": "21d"}})
    assert (config.actions.reminder_before, config.actions.report_reminder_before) == (
        timedelta(days=3),
        timedelta(days=21),
    )
    assert config.retention.actions == config.retention.minutes == timedelta(days=1825)


@pytest.mark.parametrize(
    ("actions", "message"),
    [
        (
            {"reminder_before": "7x"},
            "samverkan.toml: actions.reminder_before '7x' is not a duration; use a whole number "
            "followed by s, m, h or d, e.g. 30s, 90m, 2h, 7d",
        ),
        (
            {"reminder_before": 7},
            "samverkan.toml: actions.reminder_before is 7; use a whole number followed by s, m, "
            "h or d, e.g. 30s, 90m, 2h, 7d",
        ),
        (
            {"report_reminder_before": "0d"},
            "samverkan.toml: actions.report_reminder_before is 0s; use more than 0 and at most "
            "365d, e.g. 7d",
        ),
        (
            {"reminder_before": "400d"},
            "samverkan.toml: actions.reminder_before is 400d; use more than 0 and at most 365d, "
            "e.g. 7d",
        ),
        ({"remind": "7d"}, "samverkan.toml: actions.remind is not a known key"),
    ],
)
def test_a_bad_actions_table_names_the_key_and_a_valid_value(
    actions: dict[str, object], message: str
) -> None:
    with pytest.raises(StartupError) as error:
        parse_config({"actions": actions}, "samverkan.toml")
    assert str(error.value) == message
