"""Block Kit of minutes: the minutes posted in the call's thread, the list, the next call's part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_sdk.models.blocks import Block as SlackBlock

from bot.texts import Texts
from bot.texts import actions as t
from commands import blocks as b
from commands.actions import phrases as p
from commands.actions.values import MinutesRef
from commands.edge.codec import encode
from commands.edge.ids import Action as ActionId
from commands.edge.ids import Block
from commands.meetings.render.messages import minutes_buttons
from commands.meetings.values import MeetingRef
from storage.models import Action, Minutes

ACTIONS_SHOWN = 20
CALL_ACTIONS_SHOWN = 12


@dataclass(frozen=True)
class MinutesView:
    """Minutes as shown: the meeting's title and time, who attended, the actions from it."""

    minutes: Minutes
    title: str
    when: str
    present: Sequence[str]  # organisation names
    actions: Sequence[Action]
    names: dict[str, str]
    changed: str | None = None  # the date of the last change, when changed after writing


def minutes_blocks(tr: Texts, view: MinutesView) -> list[SlackBlock]:
    """Return the blocks of minutes: who was there, notes per item, decisions, actions."""
    minutes = view.minutes
    context = [tr(t.MINUTES_CONTEXT, when=view.when, user=minutes.written_by or "–")]
    if view.changed and minutes.updated_by:
        context.append(tr(t.MINUTES_CHANGED, date=view.changed, user=minutes.updated_by))
    blocks: list[SlackBlock] = [
        b.header(tr(t.MINUTES_HEADER, title=view.title)),
        b.context(*context),
    ]
    present = (
        tr(
            t.MINUTES_PRESENT,
            count=len(view.present),
            organizations=b.escape(", ".join(view.present)),
        )
        if view.present
        else tr(t.MINUTES_PRESENT_NONE)
    )
    blocks.append(b.section(present))
    for note in minutes.notes:
        item = str(note.get("item") or "") or tr(t.MINUTES_OTHER)
        text = str(note.get("text") or "")
        blocks.append(b.section(tr(t.MINUTES_ITEM, item=b.escape(item)) + "\n" + b.escape(text)))
    if minutes.decisions:
        lines = [tr(t.MINUTES_DECISIONS_HEADER)]
        lines += [f"• {b.escape(decision)}" for decision in minutes.decisions]
        blocks += [b.section(chunk) for chunk in b.chunk_lines(lines)]
    if view.actions:
        lines = [tr(t.MINUTES_NEW_ACTIONS)]
        lines += [
            tr(
                t.MINUTES_ACTION_LINE,
                id=a.id,
                title=p.title(a),
                organizations=p.organizations(tr, view.names, a.organization_ids),
                due=p.due(tr, a.due_date),
                status=p.status(tr, a),
            )
            for a in view.actions[:ACTIONS_SHOWN]
        ]
        blocks += [b.section(chunk) for chunk in b.chunk_lines(lines)]
    more = b.button(
        tr(t.BUTTON_MORE_ACTIONS),
        ActionId.ACTION_NEW_FROM_MEETING,
        encode(MeetingRef(meeting=minutes.meeting_id)),
    )
    blocks.append(b.actions([more], block_id=f"{Block.MINUTES_BUTTONS}:more:{minutes.meeting_id}"))
    return blocks[: b.MESSAGE_BLOCKS_MAX]


def minutes_message(tr: Texts, view: MinutesView) -> dict[str, Any]:
    """Return minutes as a message (posted in the call's thread, or shown privately)."""
    fallback = tr(t.MINUTES_FALLBACK, title=view.title, when=view.when)
    return {"text": fallback, "blocks": b.blocks_dict(minutes_blocks(tr, view))}


@dataclass(frozen=True)
class MinutesLine:
    """One meeting in the minutes list."""

    minutes_id: int | None
    meeting_id: int
    title: str
    when: str
    decisions: int = 0
    actions: int = 0


def minutes_list(
    tr: Texts, written: Sequence[MinutesLine], missing: Sequence[MinutesLine], *, manage: bool
) -> dict[str, Any]:
    """Return the list of past minutes (each with Show); coordinators also see what is missing."""
    heading = tr(t.MINUTES_LIST_HEADER)
    blocks: list[SlackBlock] = [b.header(heading)]
    if not written:
        blocks.append(b.section(tr(t.MINUTES_LIST_EMPTY)))
    for line in written:
        text = tr(
            t.MINUTES_LIST_ITEM,
            title=b.escape(line.title),
            when=line.when,
            decisions=tr.count(t.DECISIONS_COUNT, line.decisions),
            actions=tr.count(t.ACTIONS_COUNT, line.actions),
        )
        show = b.button(
            tr(t.BUTTON_SHOW),
            ActionId.MINUTES_SHOW,
            encode(MinutesRef(minutes=line.minutes_id or 0)),
        )
        block_id = f"{Block.MINUTES_ROW}:{line.meeting_id}"
        blocks.append(b.section(text, block_id=block_id, accessory=show))
    if manage and missing:
        blocks.append(b.divider())
        blocks.append(b.section(tr(t.MINUTES_MISSING)))
        for line in missing:
            blocks.append(
                b.section(tr(t.MINUTES_MISSING_ITEM, title=b.escape(line.title), when=line.when))
            )
            blocks.append(minutes_buttons(tr, line.meeting_id, "list"))
    blocks.append(b.context(tr(t.MINUTES_LIST_MORE)))
    return {"text": heading, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def call_blocks(
    tr: Texts,
    previous: MinutesLine | None,
    actions: Sequence[Action],
    more: int,
    names: dict[str, str],
    today: date,
) -> list[SlackBlock]:
    """Return the call's part about follow-up: the last minutes, the open and overdue actions."""
    blocks: list[SlackBlock] = []
    if previous is not None and previous.minutes_id is not None:
        text = tr(
            t.CALL_PREVIOUS,
            when=previous.when,
            decisions=tr.count(t.DECISIONS_COUNT, previous.decisions),
            actions=tr.count(t.NEW_ACTIONS_COUNT, previous.actions),
        )
        show = b.button(
            tr(t.BUTTON_MINUTES_SHOW),
            ActionId.MINUTES_SHOW,
            encode(MinutesRef(minutes=previous.minutes_id)),
        )
        blocks.append(b.section(text, accessory=show))
    if actions:
        lines = [tr(t.CALL_ACTIONS, count=len(actions) + more)]
        lines += [
            tr(
                t.CALL_ACTION_ITEM,
                id=a.id,
                title=p.title(a),
                organizations=p.organizations(tr, names, a.organization_ids),
                due=p.due(tr, a.due_date),
                late=tr(t.CALL_ACTION_LATE) if p.late(a, today) else "",
            )
            for a in actions[:CALL_ACTIONS_SHOWN]
        ]
        hidden = more + max(len(actions) - CALL_ACTIONS_SHOWN, 0)
        if hidden:
            lines.append(tr(t.CALL_ACTIONS_MORE, count=hidden))
        blocks.append(b.section(b.clip("\n".join(lines), 2900)))
    return blocks
