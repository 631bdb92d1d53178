"""The trainings' part of the Home tab: evaluations waiting for the person's answer."""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock

from bot.context import BotContext
from bot.domain.access import Actor
from commands.trainings.render_lists import home_blocks
from storage.trainings import open_evaluations_for


def evaluations_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """List the open evaluations the person may answer and has not, closing soonest first."""
    with bot.db.reading() as session:
        waiting = open_evaluations_for(
            session, actor.user_id, bot.clock.now(), secret=bot.settings.secret_key()
        )
    return home_blocks(bot.texts_in(actor.language), waiting, bot.config.collaboration.tz)
