"""Slack listeners, one module per user surface; each module has register(app)."""

from slack_bolt import App


def register_all(app: App) -> None:
    """Register every surface's listeners on app."""
    from commands import behov, home, samverkan

    samverkan.register(app)
    behov.register(app)
    home.register(app)
