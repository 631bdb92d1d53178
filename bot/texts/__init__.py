"""The catalogue of everything the bot says, in Swedish and English.

Each surface keeps its texts as named `Msg` constants in its own module here; a
listener never holds a user-facing string of its own.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.texts import formats
from bot.texts.formats import Language as Language


@dataclass(frozen=True)
class Msg:
    """One text of the bot in both languages, with {placeholders}."""

    sv: str
    en: str

    def fields(self) -> set[str]:
        """Return the placeholder names the Swedish text uses."""
        return {name for _, name, _, _ in string.Formatter().parse(self.sv) if name}


@dataclass(frozen=True, init=False)
class Count(Msg):
    """A counted phrase in both languages, chosen by CLDR's plural rules for the count.

    `one` and `other` are the plural forms (1 utbildning, 2 utbildningar); `zero`, when given,
    says none in words (inga utbildningar). `by` names the placeholder that holds the count.
    A Count is a Msg whose own text is the `other` form, so it goes wherever a Msg goes; `Texts`
    picks the form by the count it is given.
    """

    one: Msg
    other: Msg
    zero: Msg | None
    by: str

    def __init__(self, one: Msg, other: Msg, zero: Msg | None = None, by: str = "count") -> None:
        """Phrase a count: one, other and, if given, the zero phrasing; counted by `by`."""
        for name, value in (("sv", other.sv), ("en", other.en), ("one", one), ("other", other)):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "zero", zero)
        object.__setattr__(self, "by", by)

    def msgs(self) -> tuple[Msg, ...]:
        """Return every phrasing."""
        return (self.one, self.other) if self.zero is None else (self.zero, self.one, self.other)

    def choose(self, language: Language, count: object) -> Msg:
        """Return the phrasing for count in language."""
        if isinstance(count, str):
            count = _number(count)
        if not isinstance(count, int | float):
            return self.other
        if count == 0 and self.zero is not None:
            return self.zero
        return self.one if formats.plural_form(language, count) == "one" else self.other


def _number(text: str) -> float | None:
    """Read a count that was handed over as text, or None."""
    try:
        return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def language_of(locale: str | None, default: Language) -> Language:
    """Return the language for a Slack locale ("sv-SE", "en-US"): Swedish or English, else default."""
    tag = (locale or "").replace("_", "-").partition("-")[0].casefold()
    if tag == "sv":
        return "sv"
    if tag == "en":
        return "en"
    return default


@dataclass(frozen=True)
class Phrase:
    """A part of a message said in the language of whoever reads the message.

    A use case does not know who will read its answer; it hands over a date or a count as a
    Phrase, and `Texts` renders it in the reader's language with the message around it.
    """

    render: Callable[[Texts], str]


class Texts:
    """Renders catalogue messages in one language (the collaboration's, or a person's)."""

    def __init__(self, language: Language = "sv") -> None:
        """Speak language (sv or en)."""
        self.language: Language = language

    def __call__(self, msg: Msg, **params: Any) -> str:
        """Render msg with params in this language; a Count picks its form by its count, and a
        parameter that is a Msg or a Phrase is rendered in this language too."""
        if isinstance(msg, Count):
            msg = msg.choose(self.language, params.get(msg.by))
        template = msg.sv if self.language == "sv" else msg.en
        if not params:
            return template
        return template.format(**{name: self.part(value) for name, value in params.items()})

    def part(self, value: Any) -> Any:
        """Return a message's parameter as said in this language (a Msg or Phrase rendered)."""
        if isinstance(value, Msg):
            return self(value)
        if isinstance(value, Phrase):
            return value.render(self)
        return value

    def count(self, phrase: Count, count: int, **params: Any) -> str:
        """Render phrase for count, in the plural form CLDR gives count in this language."""
        return self(phrase, **{phrase.by: count}, **params)
