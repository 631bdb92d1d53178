"""Slack listeners, one module per user surface; each module has register(app)."""

from slack_bolt import App


def register_all(app: App) -> None:
    """Register every surface's listeners on app."""
    from commands import behov, followup, home, meetings, samverkan, trainings

    samverkan.register(app)
    behov.register(app)
    meetings.register(app)
    trainings.register(app)
    followup.register(app)
    home.register(app)
