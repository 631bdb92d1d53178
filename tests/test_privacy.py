"""Privacy: erasing a person, removing old data, and the audit log."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import String, cast, func, select

from storage.models import AuditEntry, Need, NeedEvent, OutboxMessage, Person
from tests.harness import ANNA, COORDINATOR, RunningBot
from tests.test_behov import posted_card, submit_need


def test_erase_user_anonymises_everything_about_one_person(running: RunningBot) -> None:
    submit_need(running)
    running.standin.wait_for("chat.postMessage", 2)
    with running.bot.db.transaction() as session:
        from storage.privacy import erase_person

        counts = erase_person(session, ANNA)
    assert counts["needs_anonymised"] == 1
    assert counts["people_removed"] == 1
    with running.bot.db.reading() as session:
        need = session.scalars(select(Need)).one()
        assert need.submitted_by is None
        assert need.title  # the organisation's need itself stays
        assert session.get(Person, ANNA) is None
        assert (
            session.scalar(
                select(func.count()).select_from(NeedEvent).where(NeedEvent.actor == ANNA)
            )
            == 0
        )
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == ANNA)
            )
            == 0
        )
        assert (
            session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(
                    cast(OutboxMessage.payload, String).contains(ANNA)
                    | (OutboxMessage.channel == ANNA)
                )
            )
            == 0
        )


def test_erase_user_from_the_command_line_says_what_it_did(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "erase-user", "U0ANNA001"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Erased Slack user U0ANNA001:" in result.stdout
    assert "needs anonymised: 0" in result.stdout
    assert "meeting answers" in result.stdout or "answers" in result.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "erase-user", "anna"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert bad.returncode == 2
    assert "'anna' is not a Slack user id" in bad.stderr


def test_retention_removes_closed_needs_and_old_logs_only(running: RunningBot) -> None:
    submit_need(running, need_title="Gammalt behov")
    submit_need(running, need_title="Öppet behov")
    running.standin.wait_for("chat.postMessage", 4)
    card = posted_card(running, 1)
    from tests.harness import find_button

    running.click(find_button(card["blocks"], "need_withdraw"), ANNA, message=card)
    running.standin.wait_for("chat.update", 1)
    running.clock.advance(running.bot.config.retention.needs + timedelta(days=1))
    running.tick()
    with running.bot.db.reading() as session:
        titles = session.scalars(select(Need.title)).all()
        assert titles == ["Öppet behov"]
        entries = session.scalars(select(AuditEntry)).all()
        assert [e.action for e in entries] == ["retention"]


def test_coordinators_see_the_audit_log_and_others_do_not(running: RunningBot) -> None:
    submit_need(running)
    running.command("/samverkan", "logg", COORDINATOR)
    log = running.standin.wait_for_response(1)[-1]
    assert "Anna (Tullverket) lämnade behov #1" in str(log)
    running.command("/samverkan", "logg", ANNA)
    refusal = running.standin.wait_for_response(2)[-1]
    assert "lämnade behov" not in str(refusal)
    assert "samverkansledarna" in refusal["text"]
