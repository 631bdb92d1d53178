"""Every text the bot says is in Swedish and English, with the same placeholders in both."""

from __future__ import annotations

import importlib
import pkgutil
import string

import bot.texts
from bot.texts import Count, Msg, Texts


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _catalogue() -> list[tuple[str, Msg]]:
    found: list[tuple[str, Msg]] = []
    for module in pkgutil.iter_modules(bot.texts.__path__):
        texts = importlib.import_module(f"bot.texts.{module.name}")
        for name, value in vars(texts).items():
            values = value.msgs() if isinstance(value, Count) else (value,)
            found += [(f"{module.name}.{name}", msg) for msg in values if isinstance(msg, Msg)]
    return found


def test_every_text_has_english_and_the_same_placeholders() -> None:
    catalogue = _catalogue()
    assert len(catalogue) > 900
    assert [name for name, msg in catalogue if bool(msg.sv) != bool(msg.en)] == []
    assert [name for name, msg in catalogue if _names(msg.sv) != _names(msg.en)] == []


def test_a_count_says_zero_in_words_and_one_in_the_singular() -> None:
    from bot.texts import followup as t

    sv, en = Texts("sv"), Texts("en")
    assert sv.count(t.TRAININGS_COUNT, 0) == "inga utbildningar"
    assert sv.count(t.TRAININGS_COUNT, 1) == "1 utbildning"
    assert sv.count(t.TRAININGS_COUNT, 2) == "2 utbildningar"
    assert en.count(t.PARTICIPANTS_ANSWERED, 0) == "no answers"
    assert en.count(t.PARTICIPANTS_ANSWERED, 1) == "1 answer"
