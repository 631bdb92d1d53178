"""The unlucky day: the database goes away mid-run and comes back; Slack fails and recovers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, func, select, text

from bot.texts import Texts
from bot.texts import common as c
from commands.edge.ids import Field
from slack_sim.web_api import SimulatedSlack
from storage.models import Need, OutboxMessage
from tests.conftest import NOW, PG_ADMIN_URL, POSTGRES
from tests.harness import ANNA, WORKING_GROUP, RunningBot
from tests.tcp_proxy import TcpProxy
from tests.test_behov import GOOD, need_count, open_form

tr = Texts("sv")


@pytest.fixture
def proxied(standin: SimulatedSlack) -> Iterator[tuple[RunningBot, TcpProxy]]:
    """Serve the bot on a fresh PostgreSQL database reached through a proxy the test can cut."""
    if not POSTGRES:
        pytest.skip("PostgreSQL is not reachable")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    proxy = TcpProxy("127.0.0.1", 5432).start()
    running = RunningBot(
        standin, f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/{name}", now=NOW
    )
    try:
        yield running, proxy
    finally:
        running.stop()
        proxy.stop()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_database_outage_loses_and_doubles_nothing(
    proxied: tuple[RunningBot, TcpProxy],
) -> None:
    running, proxy = proxied
    view = open_form(running)
    assert running.submit(view, GOOD, ANNA, view_id="VOUT1").status == 200
    assert need_count(running) == 1

    proxy.stop()
    assert running.request("GET", "/healthz").status == 503
    during = running.submit(view, GOOD, ANNA, view_id="VOUT2")
    assert during.status == 200
    assert during.json() == {
        "response_action": "errors",
        "errors": {Field.NEED_ORGANIZATION: tr(c.DATABASE_DOWN)},
    }
    running.command("/behov", "lista", ANNA)
    assert running.standin.wait_for_response(1)[-1]["text"] == tr(c.DATABASE_DOWN)
    assert running.tick() == 0

    proxy.start()
    assert running.request("GET", "/healthz").status == 200
    again = running.submit(view, GOOD, ANNA, view_id="VOUT2")
    assert again.status == 200
    assert again.body in (b"", b"null")
    running.submit(view, GOOD, ANNA, view_id="VOUT2")  # Slack retries the same submission
    assert need_count(running) == 2
    with running.bot.db.reading() as session:
        titles = session.scalars(select(Need.title)).all()
        assert titles == [GOOD["need_title"]] * 2


def test_slack_faults_are_retried_until_every_message_arrives_once(running: RunningBot) -> None:
    running.standin.fail("chat.postMessage", times=4, status=429, retry_after=1)
    running.standin.fail("chat.postMessage", times=3, status=503)
    view = open_form(running)
    running.submit(view, GOOD, ANNA, view_id="VFAULT")
    running.listeners.wait_idle()  # the immediate attempt gave up and left both for the scheduler
    for _ in range(6):
        running.clock.advance(timedelta(minutes=5))
        running.tick()
    with running.bot.db.reading() as session:
        statuses = session.scalars(select(OutboxMessage.status)).all()
        assert statuses == ["sent", "sent"]
        assert session.scalar(select(func.count()).select_from(Need)) == 1
    delivered = [
        call for call in running.standin.calls_to("chat.postMessage") if call.error is None
    ]
    assert sorted(call.args["channel"] for call in delivered) == sorted([WORKING_GROUP, ANNA])
