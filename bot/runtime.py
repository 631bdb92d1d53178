"""Start-up: settings and configuration checked, database migrated, organisations synced."""

from __future__ import annotations

import ctypes
import logging
import os
import sys

from bot.clock import Clock, SystemClock
from bot.config import Config, load_config
from bot.context import BotContext
from bot.settings import Settings
from storage.db import Database
from storage.directory import sync_organizations
from storage.migrate import upgrade

log = logging.getLogger(__name__)


def prepare_database(bot: BotContext) -> None:
    """Apply migrations and bring the organisations table in line with the configuration."""
    upgrade(bot.db.engine)
    with bot.db.transaction() as session:
        sync_organizations(session, bot.organizations)


def start_context(
    settings: Settings, *, config: Config | None = None, clock: Clock | None = None
) -> BotContext:
    """Build the bot's context from settings, with the database migrated and ready."""
    if config is None:
        config = load_config(settings.config_path())
    bot = BotContext(settings, config, Database(settings.DATABASE_URL), clock or SystemClock())
    prepare_database(bot)
    return bot


MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # glibc's mallopt parameter behind the MALLOC_ARENA_MAX variable


def limit_malloc_arenas(count: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas, as MALLOC_ARENA_MAX does; tell whether the cap was set.

    glibc gives busy threads arenas of their own (up to eight per core) and returns little of
    them, so a threaded web process grows by tens of megabytes under load; two arenas keep it
    small at no cost worth measuring here, since the interpreter lock runs one thread at a time.
    An operator's own MALLOC_ARENA_MAX is left alone, and so is any other C library.
    """
    if os.environ.get("MALLOC_ARENA_MAX") or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_ARENA_MAX, count))
    except (OSError, AttributeError):
        return False


