"""The working-group call's part about follow-up: the last minutes, the open and overdue actions.

The meetings surface renders this into each working-group call it posts or updates, so the
next call links the previous minutes and lists what is still to be done, overdue first.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.meetings import MeetingKind
from commands.actions import phrases as p
from commands.actions.effects import today
from commands.actions.render_minutes import CALL_ACTIONS_SHOWN, MinutesLine, call_blocks
from storage import actions as store
from storage.models import Meeting


def call_section(bot: BotContext, session: Session, meeting: Meeting) -> list[SlackBlock]:
    """Return the blocks a working-group call shows about minutes and actions (else none)."""
    if meeting.series.kind != MeetingKind.WORKING_GROUP.value:
        return []
    tr, tz = bot.texts, bot.config.collaboration.tz
    line = None
    previous = store.previous_minutes(session, meeting.series.kind, meeting.start)
    if previous is not None:
        minutes, held = previous
        line = MinutesLine(
            minutes_id=minutes.id,
            meeting_id=held.id,
            title=held.series.title,
            when=p.meeting_day(tr, held, tz),
            decisions=len(minutes.decisions),
            actions=store.action_counts(session, [held.id]).get(held.id, 0),
        )
    page = store.open_for_call(session, CALL_ACTIONS_SHOWN)
    names = bot.organization_names(session)
    return call_blocks(tr, line, page.actions, page.more, names, today(bot))
