"""Acks never wait behind other work: a full work pool does not hold up a single ack."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from bot.texts import Texts
from bot.texts import needs as t
from commands.edge.ids import Field
from storage.models import Need
from tests.harness import ANNA, RunningBot

ACK_SECONDS = 1.0  # far inside Slack's 3 s, far above a lone request's time here


def test_a_full_work_pool_delays_no_ack_and_loses_no_work(running: RunningBot) -> None:
    """More slow jobs after their acks than threads, and new requests are still acked at once."""
    running.command("/behov", "", ANNA)
    form = running.standin.wait_for("views.update", 1)[-1].args["view"]
    release = threading.Event()
    started = threading.Semaphore(0)

    def slow_job() -> None:
        started.release()
        release.wait(timeout=30)

    threads = running.listeners._max_workers
    for _ in range(threads + 4):
        running.listeners.submit(slow_job)
    for _ in range(threads):
        assert started.acquire(timeout=10)
    try:
        before = time.monotonic()
        command = running.command("/behov", "hjälp", ANNA)
        command_ack = time.monotonic() - before
        answers = {
            Field.NEED_TITLE: "Material om narkotika för föräldrar",
            Field.NEED_DESCRIPTION: "Ett gemensamt material till föräldramöten i årskurs 8.",
            Field.NEED_FOCUS: "information",
            Field.NEED_SCOPE: "county",
            Field.NEED_URGENCY: "low",
        }
        before = time.monotonic()
        submitted = running.submit(form, answers, ANNA, view_id="VACKS1")
        form_ack = time.monotonic() - before
        assert running.standin.responses == []  # the help waits for a free thread
    finally:
        release.set()
    assert (command.status, submitted.status) == (200, 200)
    assert command_ack < ACK_SECONDS
    assert form_ack < ACK_SECONDS
    with running.bot.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Need)) == 1
    answer = running.standin.wait_for_response(1)[0]
    assert answer["text"] == Texts("sv")(t.HELP)
