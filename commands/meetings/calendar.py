"""Calendar files: /samverkan kalender sends one's own meetings, GET /calendar.ics serves all."""

from __future__ import annotations

from typing import Any

from bot.context import BotContext
from commands.edge.interaction import Command
from commands.edge.surface import HttpResponse
from commands.meetings import usecases
from commands.meetings.queries import subscribed_calendar
from commands.meetings.replies import tell_outcome

CALENDAR_HEADERS = [
    ("Content-Type", "text/calendar; charset=utf-8"),
    ("Content-Disposition", 'inline; filename="samverkan.ics"'),
    ("Cache-Control", "max-age=300"),
]


def calendar_command(ix: Command) -> None:
    """Handle /samverkan kalender: send the person an .ics file of their coming meetings."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.send_calendar(ix.bot, session, actor)
    tell_outcome(ix, outcome, answer=True)


def calendar_route(bot: BotContext, environ: dict[str, Any]) -> HttpResponse:
    """Serve GET /calendar.ics: the working group's and the owners' meetings, to subscribe to."""
    return 200, list(CALENDAR_HEADERS), subscribed_calendar(bot)
