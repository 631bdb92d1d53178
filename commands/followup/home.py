"""The follow-up's parts of the Home tab: what needs the coordinators, the owners' figures."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block as SlackBlock

from bot.context import BotContext
from bot.domain.access import Actor
from bot.texts import Msg, Texts, formats
from bot.texts import followup as t
from commands import blocks as b
from commands.edge.ids import Action, Block
from storage import outbox
from storage.meetings import unconfirmed_meetings
from storage.summary import meetings_without_call, new_needs_count

MEETINGS_NAMED = 5


def coordinator_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the coordinators' Home section: what needs them, with buttons to the forms."""
    if not actor.is_coordinator:
        return []
    tr = bot.texts_in(actor.language)
    tz = bot.config.collaboration.tz
    with bot.db.reading() as session:
        new_needs = new_needs_count(session)
        no_call = [
            b.escape(f"{formats.short_date(tr.language, start.astimezone(tz).date())} {title}")
            for start, title in meetings_without_call(session, bot.clock.now())
        ]
        failed = outbox.count_by_status(session).get(outbox.FAILED, 0)
        unconfirmed = [
            b.escape(f"{formats.short_date(tr.language, start.astimezone(tz).date())} {title}")
            for start, title in unconfirmed_meetings(session)
        ]
    lines = [tr(t.HOME_TODO)]
    if new_needs:
        lines.append(tr(t.HOME_TODO_NEW_NEEDS, count=new_needs))
    if no_call:
        named = ", ".join(no_call[:MEETINGS_NAMED])
        lines.append(tr(t.HOME_TODO_NO_CALL, count=len(no_call), meetings=named))
    if unconfirmed:
        named = ", ".join(unconfirmed[:MEETINGS_NAMED])
        lines.append(tr.count(t.HOME_TODO_UNCONFIRMED, len(unconfirmed), meetings=named))
    if failed:
        lines.append(tr(t.HOME_TODO_FAILED, count=failed))
    if len(lines) == 1:
        lines.append(tr(t.HOME_TODO_NOTHING))
    buttons = [
        (t.BUTTON_STATUS, Action.HOME_STATUS),
        (t.BUTTON_NEW_VALUE, Action.INDICATOR_OPEN_FORM),
        (t.BUTTON_EXPORT, Action.HOME_EXPORT),
    ]
    return _section(tr, "\n".join(lines), buttons)


def owner_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the owners' Home section: the summary and the export (coordinators have theirs)."""
    if not actor.is_owner or actor.is_coordinator:
        return []
    buttons = [(t.BUTTON_STATUS, Action.HOME_STATUS), (t.BUTTON_EXPORT, Action.HOME_EXPORT)]
    tr = bot.texts_in(actor.language)
    return _section(tr, tr(t.HOME_FOLLOWUP), buttons)


def _section(tr: Texts, text: str, buttons: Sequence[tuple[Msg, Action]]) -> list[SlackBlock]:
    """Return a section of the Home tab: its text and its buttons."""
    return [
        b.divider(),
        b.section(text),
        b.actions(
            [b.button(tr(label), action) for label, action in buttons],
            block_id=Block.FOLLOWUP_HOME,
        ),
    ]
