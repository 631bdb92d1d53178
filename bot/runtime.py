"""Start-up: settings and configuration checked, database migrated, organisations synced."""

from __future__ import annotations

import logging

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


def configure_logging(level: int = logging.INFO) -> None:
    """Log to standard error in one line per record; secrets are never passed to the log."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("slack_sdk").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
