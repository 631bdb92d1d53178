"""Gunicorn settings of the Procfile's web process (`gunicorn -c python:bot.gunicorn_conf`).

The master imports the bot's modules once, before it forks its workers, and moves what they
made out of the garbage collector's reach (`gc.freeze`, Python's documentation of `gc`), so
that the workers share those pages instead of each importing its own copy. Nothing is built in
the master: no settings are read, no database is opened, no thread is started; each worker
builds the app (`bot.wsgi`) as before.
"""

from __future__ import annotations

import gc
from typing import Any


def on_starting(_server: Any) -> None:
    """Import the modules every worker needs, then freeze them before the first fork."""
    import bot.runtime
    import bot.scheduler
    import bot.server
    import bot.wiring

    bot.wiring.surfaces()  # the surfaces' modules too
    gc.freeze()
