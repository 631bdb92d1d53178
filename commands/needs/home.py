"""The needs register's part of the Home tab."""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.needs import FOCUS_LABELS, FocusArea, NeedStatus
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.ids import Action
from storage.needs import open_needs


def needs_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """List new needs for coordinators, the organisation's open needs for a partner."""
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
