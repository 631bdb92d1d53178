"""The composition root: every surface gathered and handed to Bolt, the scheduler and HTTP.

The surfaces are listed here, in the order their parts appear (Home tab sections, help lines).
Nothing registers itself on import: what a surface adds is in its `SURFACE` value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App

from bot.context import BotContext
from bot.delivery import Deliverer, Renderer
from bot.privacy import plan_retention
from bot.scheduler import Planner
from bot.slack_app import build_bolt, build_client
from commands import (
    actions,
    followup,
    home,
    meetings,
    needs,
    samverkan,
    trainings,
)
from commands.edge.dispatch import Edge
from commands.edge.surface import HttpRoute, Surface
from commands.home import HomeTab

WORK_THREADS = 16  # handlers after their ack (forms opened, lists, answers)
SENDER_THREADS = 2  # queued outbox rows sent right after a request


def surfaces() -> tuple[Surface, ...]:
    """Return the surfaces with listeners of their own, in order (Home sections, help lines)."""
    return (
        needs.SURFACE,
        meetings.surface(followup.queue_owners_summary),
        trainings.SURFACE,
        actions.SURFACE,
        followup.SURFACE,
    )


def assemble(parts: Sequence[Surface]) -> tuple[tuple[Surface, ...], HomeTab]:
    """Add /samverkan (with every part's subcommands and help) and the Home tab (their sections).

    Return every surface, and the Home tab for handlers that refresh it.
    """
    subcommands = [sub for part in parts for sub in part.umbrella]
    help_lines = [line for part in parts for line in part.help_lines]
    sections = [section for part in parts for section in part.home_sections]
    home_surface, tab = home.surface(sections)
    return (samverkan.surface(subcommands, help_lines), *parts, home_surface), tab


def planners() -> tuple[Planner, ...]:
    """Return every scheduler planner: retention first, then each surface's, in order."""
    every, _ = assemble(surfaces())
    return (plan_retention, *(p for s in every for p in s.planners))


def renderers(bot: BotContext) -> dict[str, Renderer]:
    """Return what draws the files of uploads queued without them (web and clock processes)."""
    return {name: make(bot) for part in surfaces() for name, make in part.renderers.items()}


@dataclass(frozen=True)
class Wiring:
    """The bot's parts, wired: the Bolt app and its edge, and the HTTP routes beside Slack's."""

    app: App
    edge: Edge
    http_routes: Mapping[str, HttpRoute]
    planners: tuple[Planner, ...]


def wire(
    bot: BotContext,
    *,
    token_verification: bool = True,
    work_executor: Executor | None = None,
    sender_executor: Executor | None = None,
) -> Wiring:
    """Build the Bolt app, the edge with every surface's listeners, and the deliverer.

    work_executor runs handlers after their ack (a pool of WORK_THREADS by default; the shell
    runs them inline so that it knows when a request is done). sender_executor sends what the
    handlers queue: a small pool of its own by default, but when only work_executor is given,
    each handler sends its own before it returns.
    """
    settings = bot.settings
    token = settings.SLACK_BOT_TOKEN.get_secret_value() if settings.SLACK_BOT_TOKEN else "xoxb-"
    client = build_client(token, settings.SLACK_API_URL)
    app = build_bolt(settings, client, token_verification=token_verification)
    work = work_executor or ThreadPoolExecutor(max_workers=WORK_THREADS, thread_name_prefix="work")
    if sender_executor is None and work_executor is None:
        sender_executor = ThreadPoolExecutor(
            max_workers=SENDER_THREADS, thread_name_prefix="sender"
        )
    bot.work = work
    bot.sender = sender_executor
    bot.deliverer = Deliverer(bot.db, client, bot.clock, renderers=renderers(bot))
    all_surfaces, tab = assemble(surfaces())
    edge = Edge(bot, app, all_surfaces, work, home=tab.publish)
    routes: dict[str, HttpRoute] = {}
    for surface in all_surfaces:
        routes |= dict(surface.http_routes)
    return Wiring(app, edge, routes, planners())
