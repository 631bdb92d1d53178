"""The App Home tab: what each person has to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.domain.access import Actor, Role
from bot.texts import samverkan as t
from commands import blocks as b
from commands.common import bot_of, resolve_actor
from commands.needs.home import needs_section
from commands.router import Router

ROLE_LABELS = {
    Role.COORDINATOR: t.HOME_ROLE_COORDINATOR,
    Role.OWNER: t.HOME_ROLE_OWNER,
    Role.COMMUNICATOR: t.HOME_ROLE_COMMUNICATOR,
}

# Other surfaces add sections here: each takes the context and the actor, returns blocks.
HomeSection = Callable[[BotContext, Actor], list[SlackBlock]]
SECTIONS: list[HomeSection] = []


def home_view(bot: BotContext, actor: Actor) -> View:
    """Return the Home tab of actor."""
    tr = bot.texts
    blocks: list[SlackBlock] = [b.header(tr(t.HOME_HEADER, name=bot.config.collaboration.name))]
    if actor.organization_id is None and not actor.roles:
        blocks.append(b.section(tr(t.HOME_NO_ORGANIZATION)))
    else:
        roles = ", ".join(tr(ROLE_LABELS[r]) for r in sorted(actor.roles))
        blocks.append(
            b.section(
                tr(
                    t.HOME_WHO,
                    organization=b.escape(bot.organization_name(actor.organization_id)),
                    roles=tr(t.HOME_ROLES, roles=roles) if roles else "",
                )
            )
        )
    for build in [needs_section, *SECTIONS]:
        blocks += build(bot, actor)
    return View(type="home", blocks=blocks[: b.VIEW_BLOCKS_MAX])


def publish_home(bot: BotContext, client: WebClient, user_id: str) -> None:
    """Render and publish the Home tab of one person."""
    actor = resolve_actor(bot, client, user_id)
    client.views_publish(user_id=user_id, view=home_view(bot, actor))


def handle_home_opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Publish the Home tab when a person opens it."""
    if event.get("tab", "home") != "home":
        return
    publish_home(bot_of(context), client, event["user"])


def register(routes: Router) -> None:
    """Register the Home tab."""
    routes.event("app_home_opened")(handle_home_opened)
