"""Apply the Alembic migrations to a database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision of each branch, leaving out a head that a later revision depends on
# (0003, which 0008 needs; 0002, which 0009 needs): Alembic stamps an up-to-date database with
# exactly these, and start-up then skips loading Alembic (a test keeps this in step with the
# migration scripts).
HEADS = frozenset({"0006", "0007", "0008", "0010"})


def alembic_config(url: str) -> AlembicConfig:
    """Build an Alembic configuration for the database at url, without an ini file."""
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def current_revisions(engine: Engine) -> frozenset[str]:
    """Return the revisions the database is stamped with (none for a new database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        rows = connection.execute(text("SELECT version_num FROM alembic_version"))
        return frozenset(str(row[0]) for row in rows)


def upgrade(engine: Engine) -> None:
    """Bring the database up to the newest revision, one process at a time."""
    if current_revisions(engine) == HEADS:
        return
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(74207001)")
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
