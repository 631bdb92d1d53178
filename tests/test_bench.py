"""The benchmark's RSVP load end to end at its smallest: served bot and bare app, rows after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.load import summarize
from bench.scenarios import (
    SECRET,
    BenchStandIn,
    acked,
    back_to_back,
    meeting_call,
    people,
    progress,
    rsvp_answers,
    rsvp_plan,
    start_served_bot,
    wait_settled,
)
from bench.servers import start_bare


@pytest.fixture
def bench_standin() -> Iterator[BenchStandIn]:
    """Run the benchmark's own Slack stand-in for one test."""
    standin = BenchStandIn()
    standin.start()
    yield standin
    standin.stop()


def test_the_rsvp_load_presses_a_posted_call_and_stores_one_answer_per_person(
    bench_standin: BenchStandIn, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/bench.db"
    served = start_served_bot(bench_standin, url, tmp_path, "bot")
    bare = start_bare(SECRET, bench_standin.api_url, tmp_path)
    try:
        for user, email in people(3, "T"):
            bench_standin.add_user(user, email)
        users = [user for user, _ in people(3, "T")]
        rsvp = rsvp_plan(bench_standin, meeting_call(bench_standin, 0), users, 2)
        bare_samples = back_to_back(bare.url, rsvp.plan)
        before = progress(bench_standin)
        bot_samples = back_to_back(served.url, rsvp.plan)
        wait_settled(bench_standin, before, rsvp.plan, bot_samples, timeout=20)
    finally:
        served.stop()
        bare.stop()

    assert summarize(bot_samples, acked).failed == 0
    assert summarize(bare_samples, acked).failed == 0
    assert len(bot_samples) == len(bare_samples) == 6
    stored = rsvp_answers(url)
    assert sorted(stored) == sorted(users)
    assert all(len(answers) == 1 for answers in stored.values())
