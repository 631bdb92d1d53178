"""The Home tab tells a coordinator truthfully what waits among the needs."""

from __future__ import annotations

from bot.domain.needs import NeedStatus
from bot.texts import Texts
from bot.texts import samverkan as t
from storage.needs import move_need
from tests.harness import ANNA, COORDINATOR, RunningBot, all_text
from tests.test_behov import submit_need
from tests.test_followup import open_home

tr = Texts("sv")


def move(running: RunningBot, need_id: int, target: NeedStatus) -> None:
    with running.bot.db.transaction() as session:
        assert move_need(
            session,
            need_id,
            expected=NeedStatus.NEW,
            target=target,
            actor=COORDINATOR,
            now=running.clock.now(),
        )


def test_a_coordinators_home_counts_open_needs_under_way_instead_of_saying_there_are_none(
    running: RunningBot,
) -> None:
    submit_need(running, need_title="Utbildning i drogtecken")
    submit_need(running, need_title="Material om cannabis")
    running.standin.wait_for("chat.postMessage", 4)
    move(running, 1, NeedStatus.TAKEN_UP)
    move(running, 2, NeedStatus.TAKEN_UP)
    text = all_text(open_home(running, COORDINATOR, "EvH1")["blocks"])
    assert tr(t.HOME_NO_NEEDS) not in text
    assert tr(t.HOME_NO_NEW_NEEDS) in text
    assert tr.count(t.HOME_NEEDS_UNDER_WAY, 2, statuses="Taget upp på möte 2") in text


def test_a_coordinator_sees_every_new_need_the_longest_waiting_first(running: RunningBot) -> None:
    for number in range(12):
        submit_need(running, need_title=f"Behov nummer {number + 1}")
    running.standin.wait_for("chat.postMessage", 24)
    move(running, 1, NeedStatus.PLANNED)
    text = all_text(open_home(running, COORDINATOR, "EvH2")["blocks"])
    assert "#2 *Behov nummer 2*" in text
    assert text.index("#2 *") < text.index("#11 *")
    assert "#12 *" not in text
    assert tr(t.HOME_NEEDS_MORE, count=1) in text
    assert tr.count(t.HOME_NEEDS_UNDER_WAY, 1, statuses="Åtgärd planerad 1") in text
    partner = all_text(open_home(running, ANNA, "EvH3")["blocks"])
    assert "#12 *Behov nummer 12*" in partner
    assert tr(t.HOME_NEEDS_MORE, count=2) in partner
