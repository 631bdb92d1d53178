"""The App Home tab: what each person has to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.domain.access import Actor, Role
from bot.domain.needs import FOCUS_LABELS, FocusArea, NeedStatus
from bot.texts import samverkan as t
from commands import blocks as b
from commands.behov import open_need_form
from commands.common import bot_of, post_private, resolve_actor
from commands.ids import Action
from commands.router import Router
from storage.needs import open_needs

ROLE_LABELS = {
    Role.COORDINATOR: t.HOME_ROLE_COORDINATOR,
    Role.OWNER: t.HOME_ROLE_OWNER,
    Role.COMMUNICATOR: t.HOME_ROLE_COMMUNICATOR,
}

# Other surfaces add sections here: each takes the context and the actor, returns blocks.
HomeSection = Callable[[BotContext, Actor], list[SlackBlock]]
SECTIONS: list[HomeSection] = []


def _needs_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    tr = bot.texts
    with bot.db.reading() as session:
        if actor.is_coordinator:
            page = open_needs(session, limit=10)
            needs = [n for n in page.needs if n.status == NeedStatus.NEW.value]
            title = tr(t.HOME_NEEDS_ALL)
        elif actor.organization_id is not None:
            needs = open_needs(session, organization_id=actor.organization_id, limit=10).needs
            title = tr(t.HOME_NEEDS)
        else:
            return []
    lines = [
        f"• #{n.id} *{b.escape(b.clip(n.title, 80))}* · {tr(FOCUS_LABELS[FocusArea(n.focus_area)])}"
        for n in needs
    ] or [tr(t.HOME_NO_NEEDS)]
    return [
        b.divider(),
        b.section(title + "\n" + "\n".join(lines)),
        b.actions([b.button(tr(t.HOME_NEW_NEED), Action.HOME_NEW_NEED, style="primary")]),
    ]


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
    for build in [_needs_section, *SECTIONS]:
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


def handle_new_need(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Open the needs form from the Home tab."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]

    def answer(**kwargs: Any) -> None:
        post_private(client, None, user, str(kwargs.get("text", "")))

    open_need_form(bot, client, body["trigger_id"], user, "", answer)  # type: ignore[arg-type]


def register(routes: Router) -> None:
    """Register the Home tab."""
    routes.event("app_home_opened")(handle_home_opened)
    routes.action(Action.HOME_NEW_NEED.value)(handle_new_need)
