"""/samverkan möten: the coming meetings, and for the coordinators their series and tools."""

from __future__ import annotations

from bot.domain.meetings import may_manage
from bot.texts import common as c
from bot.texts import meetings as t
from commands.edge import words as w
from commands.edge.interaction import Command
from commands.meetings.queries import list_message
from commands.meetings.series import open_series_form


def meetings_command(ix: Command) -> None:
    """Handle /samverkan möten [ny|hjälp]: list the coming meetings, or open the series form."""
    word = ix.args.casefold()
    if w.HELP.matches(word):
        ix.answer(t.MEETINGS_HELP)
        return
    actor = ix.actor
    if not actor.in_collaboration:
        ix.answer(c.NO_ORGANIZATION)
    elif not w.NEW.matches(word):
        ix.respond(**list_message(ix.bot, actor))
    elif not may_manage(actor):
        ix.answer(c.NOT_ALLOWED, who=ix.text(c.WHO_COORDINATORS))
    else:
        open_series_form(ix)
