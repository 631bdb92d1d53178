"""The catalogue of everything the bot says, in Swedish and English.

Each surface keeps its texts as named `Msg` constants in its own module here; a
listener never holds a user-facing string of its own.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any, Literal

Language = Literal["sv", "en"]


@dataclass(frozen=True)
class Msg:
    """One text of the bot in both languages, with {placeholders}."""

    sv: str
    en: str

    def fields(self) -> set[str]:
        """Return the placeholder names the Swedish text uses."""
        return {name for _, name, _, _ in string.Formatter().parse(self.sv) if name}


@dataclass(frozen=True)
class Count:
    """A counted phrase in both languages: none said in words, one, and many ({count})."""

    zero: Msg
    one: Msg
    many: Msg

    def msgs(self) -> tuple[Msg, Msg, Msg]:
        """Return the three phrasings."""
        return (self.zero, self.one, self.many)


def language_of(locale: str | None, default: Language) -> Language:
    """Return the language for a Slack locale ("sv-SE", "en-US"): Swedish or English, else default."""
    tag = (locale or "").replace("_", "-").partition("-")[0].casefold()
    if tag == "sv":
        return "sv"
    if tag == "en":
        return "en"
    return default


class Texts:
    """Renders catalogue messages in one language (the collaboration's, or a person's)."""

    def __init__(self, language: Language = "sv") -> None:
        """Speak language (sv or en)."""
        self.language: Language = language

    def __call__(self, msg: Msg, **params: Any) -> str:
        """Render msg with params in this language; a parameter that is a Msg is rendered too."""
        template = msg.sv if self.language == "sv" else msg.en
        if not params:
            return template
        rendered = {k: self(v) if isinstance(v, Msg) else v for k, v in params.items()}
        return template.format(**rendered)

    def count(self, phrase: Count, count: int, **params: Any) -> str:
        """Render phrase for count: the zero phrasing for 0, the one for 1, else many."""
        msg = phrase.zero if count == 0 else phrase.one if count == 1 else phrase.many
        return self(msg, count=count, **params)
