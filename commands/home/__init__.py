"""The App Home tab: what each person has to do, gathered from every surface's section."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.domain.access import Actor, Role
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.actor import resolve_actor
from commands.edge.interaction import HomeOpened
from commands.edge.surface import HomeSection, Surface

ROLE_LABELS = {
    Role.COORDINATOR: t.HOME_ROLE_COORDINATOR,
    Role.OWNER: t.HOME_ROLE_OWNER,
    Role.COMMUNICATOR: t.HOME_ROLE_COMMUNICATOR,
}


@dataclass(frozen=True)
class HomeTab:
    """The Home tab, made of the surfaces' sections in order."""

    sections: tuple[HomeSection, ...]

    def view(self, bot: BotContext, actor: Actor) -> View:
        """Return the Home tab of actor (at most Slack's 100 blocks)."""
        tr = bot.texts
        blocks: list[SlackBlock] = [
            b.header(tr(t.HOME_HEADER, name=bot.config.collaboration.name))
        ]
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
        for section in self.sections:
            blocks += section(bot, actor)
        return View(type="home", blocks=blocks[: b.VIEW_BLOCKS_MAX])

    def publish(self, bot: BotContext, client: WebClient, user_id: str) -> None:
        """Render and publish one person's Home tab (views.publish)."""
        actor = resolve_actor(bot, client, user_id)
        client.views_publish(user_id=user_id, view=self.view(bot, actor))


def surface(sections: Sequence[HomeSection]) -> tuple[Surface, HomeTab]:
    """Return the Home surface and its tab, made of the given sections in order."""
    tab = HomeTab(tuple(sections))

    def handle_home_opened(ix: HomeOpened) -> None:
        """Publish the Home tab when a person opens it."""
        tab.publish(ix.bot, ix.client, ix.user)

    return Surface(name="home", events={"app_home_opened": handle_home_opened}), tab
