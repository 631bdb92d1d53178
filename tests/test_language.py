"""Each person is answered in their Slack locale's language; commands are named in it too."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import bot.texts
from bot.texts import Language, Msg, Texts, language_of
from commands.edge import words as w

SLASH_COMMANDS = ("/behov", "/utbildning", "/samverkan")
WORDS = [value for value in vars(w).values() if isinstance(value, w.Word)]
SWEDISH_ONLY = {word.sv for word in WORDS} - {word.en for word in WORDS}
ENGLISH_ONLY = {word.en for word in WORDS} - {word.sv for word in WORDS}
FOREIGN = {"sv": ENGLISH_ONLY, "en": SWEDISH_ONLY}


def catalogue() -> list[tuple[str, Msg]]:
    """Return every message of the catalogue with its module and name."""
    found = []
    for module in pkgutil.iter_modules(bot.texts.__path__):
        texts = importlib.import_module(f"bot.texts.{module.name}")
        for name, value in vars(texts).items():
            if isinstance(value, Msg):
                found.append((f"{module.name}.{name}", value))
    return found


def named_words(text: str) -> list[str]:
    """Return the command words a text names in `code`: after a slash command, or leading."""
    named = []
    for code in re.findall(r"`([^`]*)`", text):
        parts = code.split()
        if parts and parts[0] in SLASH_COMMANDS:
            named.extend(parts[1:])
        elif parts and parts[0] in SWEDISH_ONLY | ENGLISH_ONLY:
            named.extend(parts)
    return named


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_message_names_a_command_word_of_the_other_language(language: Language) -> None:
    """Help, hints and errors name each subcommand in the language they are written in."""
    wrong = [
        (name, word)
        for name, msg in catalogue()
        for word in named_words(getattr(msg, language))
        if word.casefold() in FOREIGN[language]
    ]
    assert wrong == []


def test_every_word_a_command_takes_has_both_names_and_is_taken_in_both() -> None:
    """A word shown in either language is also accepted, whatever the person's language."""
    for word in WORDS:
        assert word.sv
        assert word.en
        assert word.matches(word.sv.upper())
        assert word.matches(f" {word.en} ")
        assert word.shown("sv") == word.sv
        assert word.shown("en") == word.en


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("sv-SE", "sv"),
        ("sv-FI", "sv"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de-DE", "fallback"),
        ("", "fallback"),
        (None, "fallback"),
    ],
)
def test_a_slack_locale_gives_swedish_or_english_else_the_configured_language(
    locale: str | None, language: str
) -> None:
    """Swedish and English locales pick their language; any other the configured one."""
    for configured in ("sv", "en"):
        expected = configured if language == "fallback" else language
        assert language_of(locale, configured) == expected


def test_a_message_parameter_that_is_a_message_is_rendered_in_the_same_language() -> None:
    """A Msg given as a parameter follows the language of the text it goes into."""
    outer = Msg("Bara {who}.", "Only {who}.")
    who = Msg("samverkansledarna", "the coordinators")
    assert Texts("en")(outer, who=who) == "Only the coordinators."
    assert Texts("sv")(outer, who=who) == "Bara samverkansledarna."
