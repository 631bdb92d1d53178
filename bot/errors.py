"""Errors that stop the bot with one line that names the setting and a valid value."""


class StartupError(Exception):
    """A setting or configuration key is missing or malformed; the message is one line."""
