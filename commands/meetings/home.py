"""The meeting rhythm's part of the Home tab: one's next meetings, with the answer buttons."""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock

from bot.context import BotContext
from bot.domain.access import Actor
from commands.meetings.queries import coming_for, items_of
from commands.meetings.render.lists import HOME_MEETINGS, home_section


def home_meetings(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the Home tab's section: the person's next meetings, their answers and buttons."""
    if not actor.in_collaboration:
        return []
    with bot.db.reading() as session:
        meetings = coming_for(bot, session, actor, HOME_MEETINGS)
        items = items_of(bot, session, meetings, actor.user_id)
    return home_section(bot.texts_in(actor.language), bot.config.collaboration.tz, items)
