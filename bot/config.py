"""The TOML configuration file, validated by pydantic models."""

from __future__ import annotations

import re
import tomllib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrulestr
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.durations import DURATION_HINT, format_duration, parse_duration
from bot.errors import StartupError

CHANNEL_ID = r"^[CGD][A-Z0-9]{2,}$"
USER_ID = r"^[UW][A-Z0-9]{2,}$"
ACTION_LEAD_MAX = timedelta(days=365)


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if not isinstance(value, str):
        raise ValueError(f"is {value!r}; use {DURATION_HINT}")  # noqa: TRY004 - shown as a key's error
    return parse_duration(value)


Duration = Annotated[timedelta, BeforeValidator(_duration)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Collaboration(_Section):
    """The [collaboration] table."""

    name: str = "Gävleborg mot narkotika"
    timezone: str = "Europe/Stockholm"
    language: Literal["sv", "en"] = "sv"

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone; use e.g. Europe/Stockholm") from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        """Return the collaboration's time zone."""
        return ZoneInfo(self.timezone)


class Channels(_Section):
    """The [channels] table: Slack channel ids."""

    working_group: str | None = Field(default=None, pattern=CHANNEL_ID)
    coordinators: str | None = Field(default=None, pattern=CHANNEL_ID)
    owners: str | None = Field(default=None, pattern=CHANNEL_ID)


class Roles(_Section):
    """The [roles] table: Slack user ids per role."""

    coordinators: list[Annotated[str, Field(pattern=USER_ID)]] = []
    owners: list[Annotated[str, Field(pattern=USER_ID)]] = []
    communicators: list[Annotated[str, Field(pattern=USER_ID)]] = []


class OrganizationEntry(_Section):
    """One [[organizations]] entry: adds a partner, or renames or changes a built-in one."""

    id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    name: str = Field(min_length=1, max_length=75)
    email_domains: list[Annotated[str, Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]] = []
    kind: Literal["state", "region", "municipality", "other"] | None = None
    # Slack users who represent the organisation, whatever their e-mail address says.
    members: list[Annotated[str, Field(pattern=USER_ID)]] = []


class MeetingSeries(_Section):
    """One [[meetings]] entry: a recurring meeting series."""

    kind: Literal["working_group", "planning", "owners"]
    title: str = Field(min_length=1, max_length=100)
    rrule: str
    start: datetime
    duration: Duration = timedelta(hours=2)
    location: str = ""
    call_before: Duration = timedelta(days=7)
    reminder_before: Duration = timedelta(days=1)
    summary_before: Duration | None = None
    skip_months: list[Annotated[int, Field(ge=1, le=12)]] = []
    on_holiday: Literal["skip", "next_weekday", "previous_weekday"] = "next_weekday"
    agenda: list[str] = []

    @field_validator("rrule")
    @classmethod
    def _rrule(cls, value: str) -> str:
        try:
            rrulestr(value, dtstart=datetime(2027, 1, 1))  # noqa: DTZ001 - local wall time
        except (ValueError, TypeError) as exc:
            raise ValueError(
                f"{value!r} is not an RFC 5545 rule ({exc}); use e.g. FREQ=MONTHLY;BYDAY=2TU"
            ) from None
        return value

    @field_validator("start")
    @classmethod
    def _naive_start(cls, value: datetime) -> datetime:
        if value.tzinfo is not None:
            raise ValueError("give the local time without an offset, e.g. 2027-01-12T09:00")
        return value


class Evaluations(_Section):
    """The [evaluations] table: training survey settings."""

    close_after: Duration = timedelta(days=14)
    reminder_after: Duration = timedelta(days=1)
    min_answers: int = Field(default=3, ge=1, le=100)


class Actions(_Section):
    """The [actions] table: when the responsible are reminded."""

    reminder_before: Duration = timedelta(days=7)
    report_reminder_before: Duration = timedelta(days=30)

    @field_validator("reminder_before", "report_reminder_before")
    @classmethod
    def _lead(cls, value: timedelta) -> timedelta:
        if not timedelta(0) < value <= ACTION_LEAD_MAX:
            shown = format_duration(value)
            raise ValueError(f"is {shown}; use more than 0 and at most 365d, e.g. 7d")
        return value


class Retention(_Section):
    """The [retention] table: how long stored data is kept."""

    needs: Duration = timedelta(days=5 * 365)
    answers: Duration = timedelta(days=5 * 365)
    logs: Duration = timedelta(days=2 * 365)
    actions: Duration = timedelta(days=5 * 365)
    minutes: Duration = timedelta(days=5 * 365)


class Config(_Section):
    """The whole configuration file."""

    collaboration: Collaboration = Collaboration()
    channels: Channels = Channels()
    roles: Roles = Roles()
    organizations: list[OrganizationEntry] = []
    meetings: list[MeetingSeries] = []
    evaluations: Evaluations = Evaluations()
    actions: Actions = Actions()
    retention: Retention = Retention()

    @model_validator(mode="after")
    def _unique_organizations(self) -> Config:
        names = [entry.name.casefold() for entry in self.organizations]
        for name in names:
            if names.count(name) > 1:
                raise ValueError(f"organization {name!r} is listed twice")
        seen: dict[str, str] = {}
        for entry in self.organizations:
            for member in entry.members:
                if seen.setdefault(member, entry.name) != entry.name:
                    raise ValueError(
                        f"user {member} is a member of both {seen[member]!r} and {entry.name!r};"
                        " a person represents one organisation"
                    )
        return self


def _location(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item}]" if parts else f"[{item}]"
        else:
            parts.append(item)
    return ".".join(parts) or "(top level)"


def _reason(error: Any) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "is not a known key"
    if kind == "missing":
        return "is missing"
    if kind == "string_pattern_mismatch":
        pattern = error["ctx"]["pattern"]
        example = {
            CHANNEL_ID: "a channel id such as C0ARBETS1",
            USER_ID: "a user id such as U0LEDARE1",
        }.get(pattern, f"text matching {pattern}")
        return f"is {error['input']!r}; use {example}"
    if kind == "literal_error":
        return f"is {error['input']!r}; use {error['ctx']['expected']}"
    return str(error["msg"]).removeprefix("Value error, ")


def parse_config(data: dict[str, Any], source: str = "configuration") -> Config:
    """Validate parsed TOML into a Config, or raise StartupError naming the key."""
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise StartupError(f"{source}: {_location(error['loc'])} {_reason(error)}") from None


def load_config(path: Path | None) -> Config:
    """Read and validate the configuration file; no file gives the defaults."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StartupError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise StartupError(f"{path}: is not valid TOML ({exc})") from None
    return parse_config(data, str(path))


_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Make a stable ascii id from an organisation name."""
    folded = name.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return _SLUG.sub("-", folded).strip("-")[:40] or "org"
