"""/behov lista alla and stängda (closed needs with their history) and /behov sök."""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import Texts
from bot.texts import common as c
from bot.texts import needs as t
from commands.edge.ids import Action, Field
from tests.harness import ANNA, BERIT, COORDINATOR, OUTSIDER, RunningBot, all_text, find_button
from tests.test_behov import posted_card, submit_need

tr = Texts("sv")


def answer(running: RunningBot, text: str, user: str = COORDINATOR) -> dict[str, Any]:
    """Run /behov text as user; return the private answer."""
    before = len(running.standin.responses)
    running.command("/behov", text, user)
    return running.standin.wait_for_response(before + 1)[-1]


@pytest.fixture
def register(running: RunningBot) -> RunningBot:
    """Anna's need (withdrawn), then Berit's about Åtgärdsprogram för föräldrar (open)."""
    submit_need(running, ANNA)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    running.click(find_button(card["blocks"], Action.NEED_WITHDRAW), ANNA, message=card)
    running.listeners.wait_idle()
    submit_need(
        running,
        BERIT,
        **{
            Field.NEED_TITLE: "Åtgärdsprogram för föräldrar",
            Field.NEED_DESCRIPTION: "Material om CANNABIS till föräldramöten i årskurs 8.",
        },
    )
    running.listeners.wait_idle()
    return running


def test_lista_alla_shows_closed_needs_too_with_their_history(register: RunningBot) -> None:
    text = all_text(answer(register, "lista alla")["blocks"])
    assert tr(t.HISTORY_HEADER) in text
    assert "#1 *Utbildning i drogtecken för tullpersonal*: Tullverket · *Tillbakadraget*" in text
    assert "2027-01-04 Nytt → 2027-01-04 Tillbakadraget" in text
    assert "#2 *Åtgärdsprogram för föräldrar*: Gävle kommun · *Nytt*" in text


def test_lista_stangda_shows_only_the_closed_ones_and_egna_only_ones_own(
    register: RunningBot,
) -> None:
    closed = all_text(answer(register, "lista stängda")["blocks"])
    assert "#1 *Utbildning" in closed
    assert "#2" not in closed
    own = all_text(answer(register, "lista alla egna", BERIT)["blocks"])
    assert tr(t.HISTORY_HEADER_OWN, organization="Gävle kommun") in own
    assert "#1" not in own
    assert "#2 *Åtgärdsprogram" in own
    assert "#1" not in all_text(answer(register, "lista")["blocks"])  # open ones as before


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("cannabis", ["#2"]),
        ("CANNABIS föräldramöten", ["#2"]),
        ("åtgärdsprogram", ["#2"]),  # Å folds on every database
        ("ÅTGÄRDSPROGRAM föräldrar", ["#2"]),
        ("drogtecken", ["#1"]),  # withdrawn needs are found too
        ("personalen", ["#1"]),  # in the description
        ("cannabis drogtecken", []),  # every word must be there
    ],
)
def test_behov_sok_finds_needs_by_every_word_in_title_and_description(
    register: RunningBot, words: str, found: list[str]
) -> None:
    text = all_text(answer(register, f"sök {words}", ANNA)["blocks"])
    assert [n for n in ("#1", "#2") if f"{n} *" in text] == found
    if not found:
        assert "Inga behov innehåller" in text


def test_behov_sok_without_words_says_how_and_outsiders_are_refused(running: RunningBot) -> None:
    assert answer(running, "sök", ANNA)["text"] == tr(t.SEARCH_USAGE)
    assert answer(running, "sök cannabis", OUTSIDER)["text"] == tr(c.NO_ORGANIZATION)
    assert answer(running, "lista alla", OUTSIDER)["text"] == tr(c.NO_ORGANIZATION)
