"""The WSGI entry point for `gunicorn bot.wsgi:application` (the Procfile's web process)."""

from bot.serve import create_web_app
from bot.settings import load_settings

_settings = load_settings()
_settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "BOT_SECRET_KEY")
application = create_web_app(_settings, with_scheduler=False)
