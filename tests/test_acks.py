"""Work after an ack gives way to requests still waiting for theirs."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.acks import AckWatch
from commands.subcommands import Subcommands


def test_nothing_waits_when_no_request_waits_for_its_ack() -> None:
    watch = AckWatch()
    assert watch.waiting() == 0
    assert watch.wait_quiet(timeout=0) is True


def test_work_waits_while_a_request_waits_for_its_ack_but_not_forever() -> None:
    watch = AckWatch()
    with watch.answering():
        assert watch.waiting() == 1
        assert watch.wait_quiet(timeout=0.01) is False
    assert watch.waiting() == 0


def test_waiting_work_goes_on_as_soon_as_the_last_ack_is_out() -> None:
    watch = AckWatch()
    started = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        with watch.answering(), watch.answering():

            def background() -> bool:
                started.set()
                return watch.wait_quiet(timeout=30)

            done = pool.submit(background)
            assert started.wait(timeout=30)
            assert not done.done()
        assert done.result(timeout=30) is True


def test_a_failed_request_counts_as_answered() -> None:
    watch = AckWatch()
    with pytest.raises(ValueError, match="listener failed"), watch.answering():
        raise ValueError("listener failed")
    assert watch.waiting() == 0


def test_a_subcommand_that_only_answers_gives_way_and_one_that_opens_a_form_does_not() -> None:
    order: list[str] = []

    class Bot:
        def give_way(self) -> None:
            order.append("gave way")

    table = Subcommands()
    table.add("lista", after_acks=True)(lambda *_: order.append("listed"))
    table.add("ny")(lambda *_: order.append("opened a form"))
    for text in ("lista", "ny"):
        found = table.find(text)
        assert found is not None
        handler, rest = found
        handler(Bot(), None, {}, rest, None)  # type: ignore[arg-type]
    assert order == ["gave way", "listed", "opened a form"]
