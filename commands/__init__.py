"""Slack listeners, one module per user surface; each module has register(routes)."""

from slack_bolt import App


def register_all(app: App) -> None:
    """Register every surface's handlers, routed through one Bolt listener per kind."""
    from commands import behov, followup, home, meetings, samverkan, trainings
    from commands.router import Router

    routes = Router()
    for surface in (samverkan, behov, meetings, trainings, followup, home):
        surface.register(routes)
    routes.install(app)
