"""The audit log in words, with old and new values, filtered by person, object and date."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.texts import Texts
from bot.texts import common as c
from bot.texts import samverkan as t
from commands.edge.ids import Action, Field
from storage.directory import get_person
from tests.harness import ANNA, COORDINATOR, ERIK, RunningBot, all_text, find_button
from tests.test_behov import GOOD, posted_card, submit_need

tr = Texts("sv")
TITLE = str(GOOD[Field.NEED_TITLE])


def log(running: RunningBot, words: str = "", user: str = COORDINATOR) -> str:
    """Run /samverkan logg [words] and return what it showed."""
    before = len(running.standin.responses)
    running.command("/samverkan", f"logg {words}".strip(), user)
    answer = running.standin.wait_for_response(before + 1)[-1]
    return all_text(answer.get("blocks") or []) or str(answer["text"])


@pytest.fixture
def withdrawn(running: RunningBot) -> RunningBot:
    """Anna submits a need; Erik, her colleague, renames it; Anna withdraws it the next day."""
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    card = posted_card(running, 1)
    running.click(find_button(card["blocks"], Action.NEED_EDIT), ERIK, message=card)
    running.standin.wait_for("views.open", 2)
    running.submit(running.opened_view(), {**GOOD, Field.NEED_TITLE: "Drogtecken i hamnen"}, ERIK)
    running.standin.wait_for("chat.update", 1)
    running.clock.set(running.clock.now() + timedelta(days=1))
    card = posted_card(running, 1)
    running.click(find_button(card["blocks"], Action.NEED_WITHDRAW), ANNA, message=card)
    running.standin.wait_for("chat.update", 2)
    return running


def test_the_log_says_who_did_what_to_what_and_what_changed(withdrawn: RunningBot) -> None:
    text = log(withdrawn)
    assert (
        "Anna (Tullverket) drog tillbaka behov #1 ”Drogtecken i hamnen”; "
        "status Nytt → Tillbakadraget" in text
    )
    assert (
        f"Erik (Tullverket) ändrade behov #1 ”Drogtecken i hamnen”; rubrik ”{TITLE}” → "
        "”Drogtecken i hamnen”" in text
    )
    assert f"Anna (Tullverket) lämnade behov #1 ”{TITLE}”; organisation: Tullverket" in text
    assert "need_withdrawn" not in text
    assert "need:1" not in text
    assert "U0ANNA001" not in text
    with withdrawn.bot.db.reading() as session:
        person = get_person(session, ANNA)
        assert person is not None
        assert person.display_name == "Anna"


@pytest.mark.parametrize(
    ("words", "present", "absent"),
    [
        ("Anna", ["drog tillbaka", "lämnade"], ["Erik"]),
        ("erik", ["ändrade behov"], ["drog tillbaka"]),
        ("Tullverket", ["drog tillbaka", "ändrade behov"], []),
        (f"<@{ERIK}|erik>", ["ändrade behov"], ["Anna (Tullverket)"]),
        ("#1", ["drog tillbaka", "ändrade behov", "lämnade"], []),
        ("2027-01-05", ["drog tillbaka"], ["ändrade behov"]),
        ("2027-01", ["drog tillbaka", "ändrade behov"], []),
        ("Anna 2027-01-04", ["lämnade"], ["drog tillbaka", "Erik"]),
        ("#2", [tr(t.AUDIT_NONE_FOUND)], ["Anna ("]),
        ("Okänd", [tr(t.AUDIT_NOBODY, name="Okänd")], ["Anna ("]),
    ],
)
def test_the_log_is_filtered_by_person_organisation_object_and_date(
    withdrawn: RunningBot, words: str, present: list[str], absent: list[str]
) -> None:
    text = log(withdrawn, words)
    for part in present:
        assert part in text
    for part in absent:
        assert part not in text


def test_only_coordinators_see_the_log(withdrawn: RunningBot) -> None:
    assert log(withdrawn, "", ANNA) == tr(c.NOT_ALLOWED, who=tr(c.WHO_COORDINATORS))
