"""The scheduler: one APScheduler tick job that materialises due work and sends the outbox."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler

from bot.context import BotContext
from storage.db import DatabaseUnavailable

log = logging.getLogger(__name__)

# Queues what has fallen due (calls, reminders, surveys, summaries) as outbox rows. Every tick
# runs every planner, so each must be idempotent. The composition root (bot/wiring.py) lists them.
Planner = Callable[[BotContext], None]


_tick_lock = threading.Lock()


def tick(bot: BotContext, planners: Sequence[Planner]) -> int:
    """Run every planner, then send what is due; return how many messages were claimed."""
    with _tick_lock:
        try:
            for plan in planners:
                plan(bot)
            if bot.deliverer is None:
                return 0
            return bot.deliverer.deliver_due(limit=200)
        except DatabaseUnavailable:
            log.warning("database unavailable; the scheduler tries again next tick")
            return 0


TICK_JOB = "tick"


class Waker:
    """Moves the tick job's next run earlier when the deliverer asks; never later."""

    def __init__(self, scheduler: BaseScheduler) -> None:
        """Wake the tick job of scheduler."""
        self.scheduler = scheduler
        self._lock = threading.Lock()
        self._asked: datetime | None = None

    def __call__(self, at: datetime) -> None:
        """Run the tick at `at` unless it runs earlier anyway."""
        with self._lock:
            if self._asked is None or at < self._asked:
                self._asked = at
            self._move(at)

    def _move(self, at: datetime) -> None:
        """Set the tick job's next run to at if that is earlier (call with the lock held)."""
        job = self.scheduler.get_job(TICK_JOB)
        if job is not None and job.next_run_time is not None and at < job.next_run_time:
            job.modify(next_run_time=at)

    def tick_done(self, event: JobExecutionEvent) -> None:
        """Ask again for a wake-up that fell while the tick still ran (APScheduler skips it)."""
        if event.job_id != TICK_JOB:
            return
        with self._lock:
            asked, self._asked = self._asked, None
            if asked is not None and asked > event.scheduled_run_time:
                self._move(asked)


def _configure(
    scheduler: BackgroundScheduler, bot: BotContext, planners: Sequence[Planner], seconds: int
) -> None:
    scheduler.add_job(
        tick,
        "interval",
        args=[bot, tuple(planners)],
        seconds=seconds,
        id=TICK_JOB,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=seconds,
        next_run_time=bot.clock.now(),
    )


def start_background(
    bot: BotContext, planners: Sequence[Planner], seconds: int
) -> BackgroundScheduler:
    """Start the tick every `seconds` in a background thread; the deliverer may wake it early."""
    scheduler = BackgroundScheduler(timezone=bot.config.collaboration.tz)
    _configure(scheduler, bot, planners, seconds)
    if bot.deliverer is not None:
        waker = Waker(scheduler)
        scheduler.add_listener(waker.tick_done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
        bot.deliverer.wake = waker
    scheduler.start()
    return scheduler


def run_blocking(bot: BotContext, planners: Sequence[Planner], seconds: int) -> None:
    """Run the tick until SIGTERM or SIGINT, then let a running tick finish (the clock process)."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    scheduler = start_background(bot, planners, seconds)
    log.info("scheduler running, ticking every %d s", seconds)
    stop.wait()
    scheduler.shutdown(wait=True)
    log.info("scheduler stopped")
