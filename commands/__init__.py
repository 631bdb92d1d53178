"""Slack listeners, one module per user surface; each module has register(routes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_bolt import App

if TYPE_CHECKING:
    from bot.context import BotContext
    from bot.delivery import Renderer


def register_all(app: App) -> None:
    """Register every surface's handlers, routed through one Bolt listener per kind."""
    from commands import behov, followup, home, meetings, samverkan, trainings
    from commands.router import Router

    routes = Router()
    for surface in (samverkan, behov, meetings, trainings, followup, home):
        surface.register(routes)
    routes.install(app)


def renderers(bot: BotContext) -> dict[str, Renderer]:
    """Return the renderers the deliverer calls to draw files of uploads queued without them."""
    from commands import followup

    return {followup.SUMMARY_CHARTS: followup.summary_charts(bot)}
