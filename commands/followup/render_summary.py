"""Block Kit for the status summary: its parts (render_parts.PARTS), split into messages."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.summary import StatusSummary
from bot.texts import Texts, formats
from bot.texts import common as c
from bot.texts import followup as t
from commands import blocks as b
from commands.edge.ids import Action
from commands.followup.render_parts import PARTS, local_date

MESSAGE_BLOCKS = 45
MESSAGE_CHARS = 11000


def summary_blocks(summary: StatusSummary, tr: Texts, tz: ZoneInfo) -> list[SlackBlock]:
    """Return every block of the summary, in the plan's order, ending with the caution."""
    window = summary.window
    period = t.SUMMARY_PERIOD if window.since_owners_meeting else t.SUMMARY_PERIOD_DEFAULT
    blocks: list[SlackBlock] = [
        b.header(tr(t.SUMMARY_HEADER, name=summary.name)),
        b.context(
            tr(
                period,
                start=local_date(tr, window.start, tz),
                end=local_date(tr, window.end, tz),
                previous_start=local_date(tr, window.previous_start, tz),
            ),
            tr(
                t.SUMMARY_GENERATED,
                at=formats.short_date_time(tr.language, summary.generated_at.astimezone(tz)),
            ),
        ),
    ]
    for part in PARTS:
        blocks.append(b.divider())
        blocks += part(tr, summary, tz)
    blocks += [b.divider(), b.section(tr(t.CAUTION))]
    return blocks


def summary_fallback(summary: StatusSummary, tr: Texts, tz: ZoneInfo) -> str:
    """Return the notification text of the summary."""
    return tr(
        t.SUMMARY_FALLBACK,
        name=summary.name,
        start=local_date(tr, summary.window.start, tz),
        end=local_date(tr, summary.window.end, tz),
        new=round(summary.needs.new.current),
        open=summary.needs.open_now,
    )


def _size(block: SlackBlock) -> int:
    """Return how many characters a block takes in a message."""
    return len(json.dumps(block.to_dict(), ensure_ascii=False))


def split_messages(
    blocks: Sequence[SlackBlock], fallback: str, tr: Texts, trailer: Sequence[SlackBlock] = ()
) -> list[dict[str, Any]]:
    """Split blocks into messages within Slack's limits; later parts say which part they are.

    Each message holds at most 45 blocks and about 11,000 characters of blocks (Slack
    refuses 50 blocks or roughly 13,000 characters); the trailer ends the last message.
    """
    groups: list[list[SlackBlock]] = [[]]
    size = 0
    budget_blocks = MESSAGE_BLOCKS - 1
    for block in [*blocks, *trailer]:
        block_size = _size(block)
        if groups[-1] and (
            len(groups[-1]) >= budget_blocks or size + block_size > MESSAGE_CHARS - 300
        ):
            groups.append([])
            size = 0
        groups[-1].append(block)
        size += block_size
    messages: list[dict[str, Any]] = []
    for number, group in enumerate(groups, start=1):
        if number > 1:
            part = tr(t.SUMMARY_PART, part=number, parts=len(groups))
            messages.append({"text": part, "blocks": b.blocks_dict([b.context(part), *group])})
        else:
            messages.append({"text": fallback, "blocks": b.blocks_dict(group)})
    return messages


def summary_messages(
    summary: StatusSummary,
    tr: Texts,
    tz: ZoneInfo,
    *,
    publish_button: bool = False,
    charts_note: bool = False,
) -> list[dict[str, Any]]:
    """Return the summary as one or more messages, with the publish button for coordinators."""
    trailer: list[SlackBlock] = []
    if charts_note:
        trailer.append(b.context(tr(t.STATUS_CHARTS_NOTE)))
    if publish_button:
        yes, no = tr(t.PUBLISH_CONFIRM_YES), tr(c.CANCEL)
        confirm = b.confirm(tr(t.PUBLISH_CONFIRM_TITLE), tr(t.PUBLISH_CONFIRM_TEXT), yes, no)
        publish = b.button(
            tr(t.BUTTON_PUBLISH), Action.SUMMARY_PUBLISH, style="primary", confirm=confirm
        )
        trailer.append(b.actions([publish]))
    return split_messages(
        summary_blocks(summary, tr, tz), summary_fallback(summary, tr, tz), tr, trailer
    )
