"""The shell's world: the configuration it runs with and the people of the simulated workspace."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.config import USER_ID, Config, parse_config
from bot.errors import StartupError
from bot.texts import Language
from slack_sim.workspace import Person

DEMO_CONFIG = Path(__file__).with_name("demo.toml")


class _Person(BaseModel):
    """One [[shell.people]] entry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=USER_ID)]
    name: str = Field(min_length=1, max_length=80)
    email: str = ""
    # Slack's locale for the person ("en-US"); empty: the configured language's.
    locale: str = Field(default="", max_length=20)


class _Shell(BaseModel):
    """The [shell] table, which only the shell reads."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    people: list[_Person] = []


@dataclass(frozen=True)
class World:
    """The configuration and the people the shell runs with."""

    config: Config
    people: list[Person]
    source: Path | None


def _read(path: Path) -> dict[str, Any]:
    """Read a TOML file, or raise StartupError naming it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StartupError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise StartupError(f"{path}: is not valid TOML ({exc})") from None


def _people(data: Any, source: Path) -> list[Person]:
    """Validate the [shell] table and return its people."""
    try:
        shell = _Shell.model_validate(data or {})
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise StartupError(f"{source}: shell.{where} {error['msg']}") from None
    return [Person(p.id, p.name, p.email, locale=p.locale) for p in shell.people]


def locale_for(language: Language) -> str:
    """Return the Slack locale the shell gives people whose locale is not set (the config's)."""
    return "en-GB" if language == "en" else "sv-SE"


def load_world(path: Path | None = None) -> World:
    """Read a configuration (the built-in demo when path is None) and the people to simulate.

    The demo's people are always there; anyone else a role names gets a placeholder.
    """
    demo = _read(DEMO_CONFIG)
    people = _people(demo.pop("shell", None), DEMO_CONFIG)
    data = demo
    if path is not None:
        data = _read(path)
        people = _people(data.pop("shell", None), path) + people
    config = parse_config(data, str(path or DEMO_CONFIG))
    known = {p.id for p in people}
    roles = config.roles
    for user_id in [*roles.coordinators, *roles.owners, *roles.communicators]:
        if user_id not in known:
            known.add(user_id)
            people.append(Person(user_id, user_id, locale=""))
    unique: dict[str, Person] = {}
    spoken = locale_for(config.collaboration.language)
    for person in people:
        unique.setdefault(person.id, replace(person, locale=person.locale or spoken))
    return World(config, list(unique.values()), path)
