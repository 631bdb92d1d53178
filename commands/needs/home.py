"""The needs register's part of the Home tab: what waits, told as it is."""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.needs import FOCUS_LABELS, OPEN_STATUSES, STATUS_LABELS, FocusArea, NeedStatus
from bot.texts import Texts
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.ids import Action
from storage.models import Need
from storage.needs import needs_with_status, open_by_status, open_needs

NEEDS_SHOWN = 10


def _line(tr: Texts, need: Need) -> str:
    """Return one need as a line: number, title, focus area."""
    focus = tr(FOCUS_LABELS[FocusArea(need.focus_area)])
    return f"• #{need.id} *{b.escape(b.clip(need.title, 80))}* · {focus}"


def coordinator_lines(bot: BotContext, tr: Texts) -> list[str]:
    """Return what waits for the coordinators: every new need, and how many others are open.

    New needs wait for them to take a stand, the longest waiting first; the needs further on
    (taken up, action planned) are counted by status, so that the tab never says there are no
    open needs while there are.
    """
    with bot.db.reading() as session:
        page = needs_with_status(session, NeedStatus.NEW, limit=NEEDS_SHOWN)
        counts = open_by_status(session)
    lines = [tr(t.HOME_NEEDS_ALL)]
    lines += [_line(tr, need) for need in page.needs] or [tr(t.HOME_NO_NEW_NEEDS)]
    if page.more:
        lines.append(tr(t.HOME_NEEDS_MORE, count=page.more))
    going = {s: n for s, n in counts.items() if s is not NeedStatus.NEW}
    if going:
        statuses = ", ".join(
            f"{tr(STATUS_LABELS[s])} {going[s]}" for s in OPEN_STATUSES if s in going
        )
        lines.append(tr.count(t.HOME_NEEDS_UNDER_WAY, sum(going.values()), statuses=statuses))
    return lines


def needs_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """List what waits among the needs: for coordinators all, for a partner their own."""
    tr = bot.texts_in(actor.language)
    if actor.is_coordinator:
        lines = coordinator_lines(bot, tr)
    elif actor.organization_id is not None:
        with bot.db.reading() as session:
            page = open_needs(session, organization_id=actor.organization_id, limit=NEEDS_SHOWN)
        lines = [tr(t.HOME_NEEDS)]
        lines += [_line(tr, need) for need in page.needs] or [tr(t.HOME_NO_NEEDS)]
        if page.more:
            lines.append(tr(t.HOME_NEEDS_MORE, count=page.more))
    else:
        return []
    return [
        b.divider(),
        b.section("\n".join(lines)),
        b.actions([b.button(tr(t.HOME_NEW_NEED), Action.HOME_NEW_NEED, style="primary")]),
    ]
