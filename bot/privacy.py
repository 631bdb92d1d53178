"""Privacy jobs: the retention planner and `python -m bot erase-user SLACK_ID`."""

from __future__ import annotations

import argparse
import logging
import re
from datetime import datetime, timedelta

from bot.context import BotContext
from bot.errors import StartupError
from bot.settings import Settings
from storage import audit
from storage.privacy import apply_retention, erase_person

log = logging.getLogger(__name__)

RETENTION_EVERY = timedelta(hours=6)
_last_run: dict[int, datetime] = {}


def retention_ages(bot: BotContext) -> dict[str, timedelta]:
    """Return the configured retention ages by kind."""
    retention = bot.config.retention
    return {
        "needs": retention.needs,
        "answers": retention.answers,
        "logs": retention.logs,
        "actions": retention.actions,
        "minutes": retention.minutes,
    }


def plan_retention(bot: BotContext) -> None:
    """Remove data past its retention age, at most every few hours per process."""
    now = bot.clock.now()
    last = _last_run.get(id(bot))
    if last is not None and now - last < RETENTION_EVERY:
        return
    with bot.db.transaction() as session:
        counts = apply_retention(session, now, retention_ages(bot))
        if any(counts.values()):
            audit.record(
                session,
                actor="samverkansbot",
                action="retention",
                subject="all",
                now=now,
                detail=", ".join(f"{k}={v}" for k, v in counts.items() if v),
            )
    _last_run[id(bot)] = now
    if any(counts.values()):
        log.info("retention removed %s", counts)



SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slack_id", help="the Slack user id, e.g. U0ANNA001")


def _erase(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import start_context

    if not SLACK_ID.match(args.slack_id):
        raise StartupError(f"{args.slack_id!r} is not a Slack user id; use e.g. U0ANNA001")
    bot = start_context(settings)
    with bot.db.transaction() as session:
        counts = erase_person(session, args.slack_id)
        audit.record(
            session,
            actor="operator",
            action="erase_user",
            subject="user:erased",
            now=bot.clock.now(),
            detail=", ".join(f"{k}={v}" for k, v in counts.items()),
        )
    print(f"Erased Slack user {args.slack_id}:")
    for label, count in counts.items():
        print(f"  {label.replace('_', ' ')}: {count}")
    return 0


ERASE_USER = (_configure, _erase)
