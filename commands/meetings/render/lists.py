"""Block Kit of the meeting lists: the private list of coming meetings, and the Home section."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.meetings import KIND_LABELS, MeetingKind, MeetingStatus, holiday_name
from bot.texts import Texts, formats
from bot.texts import meetings as t
from commands import blocks as b
from commands.edge.codec import encode
from commands.edge.ids import Action, Block
from commands.meetings.render.messages import MeetingInfo, minutes_buttons, name_of, rsvp_actions
from commands.meetings.render.phrases import (
    answer_label,
    clock,
    day_text,
    describe_rule,
    duration_words,
    join,
    location_suffix,
    reason_suffix,
    when,
)
from commands.meetings.values import MeetingRef, SeriesRef

LIST_MEETINGS = 8
LIST_SERIES = 8
HOME_MEETINGS = 3


@dataclass(frozen=True)
class SeriesLine:
    """One series in the coordinators' list."""

    id: int
    title: str
    kind: MeetingKind
    rrule: str
    start: datetime  # naive local
    duration_s: int
    skip_months: Sequence[int]
    paused: bool


def _list_line(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, answer: str | None) -> str:
    """Describe one meeting in the list or on the Home tab."""
    named = name_of(tr, tz, meeting)
    if meeting.status is MeetingStatus.CANCELLED:
        reason = reason_suffix(tr, meeting.cancel_reason)
        return tr(t.LIST_ITEM_CANCELLED, **named, reason=reason)
    where, answered = location_suffix(tr, meeting.location), answer_label(tr, answer)
    line = tr(t.LIST_ITEM, **named, location=where, answer=answered)
    if meeting.moved_from is not None:
        holiday = holiday_name(meeting.moved_from, tr.language) or ""
        line += tr(t.LIST_HOLIDAY, date=day_text(tr, meeting.moved_from), holiday=holiday)
    return line


def series_line(tr: Texts, series: SeriesLine) -> str:
    """Describe one series for the coordinators."""
    months = [formats.month_name(tr.language, m) for m in sorted(series.skip_months)]
    kind = tr(KIND_LABELS[series.kind])
    return tr(
        t.SERIES_LINE,
        title=b.escape(series.title),
        kind=tr(t.SERIES_KIND_SUFFIX, kind=kind) if kind != series.title else "",
        rule=describe_rule(tr, series.rrule),
        time=tr(
            t.SERIES_TIME,
            time=clock(tr, series.start),
            duration=duration_words(tr, series.duration_s),
        ),
        skips=" · " + tr(t.SKIPS, months=join(tr, months)) if months else "",
        paused=tr(t.SERIES_PAUSED_MARK) if series.paused else "",
    )


def meeting_list(
    tr: Texts,
    tz: ZoneInfo,
    items: Sequence[tuple[MeetingInfo, str | None]],
    *,
    manage: bool,
    series: Sequence[SeriesLine] = (),
    warning: str | None = None,
    last_held: tuple[MeetingInfo, int] | None = None,
    more: bool = False,
) -> dict[str, Any]:
    """Return the private list of coming meetings; coordinators also get series and tools."""
    blocks: list[SlackBlock] = [b.header(tr(t.LIST_HEADER))]
    if warning:
        blocks.append(b.section(warning))
    if not items:
        blocks.append(b.section(tr(t.LIST_EMPTY)))
    for meeting, answer in items[:LIST_MEETINGS]:
        blocks.append(b.section(_list_line(tr, tz, meeting, answer)))
        if meeting.status is MeetingStatus.SCHEDULED:
            invite = manage and meeting.kind is MeetingKind.PLANNING
            blocks.append(rsvp_actions(tr, meeting.id, "list", invite=invite, manage=manage))
    if more:
        blocks.append(b.context(tr(t.LIST_MORE)))
    if manage:
        blocks.append(b.divider())
        if last_held is not None:
            held, count = last_held
            blocks.append(
                b.section(
                    tr(t.LIST_LAST_HELD, when=when(tr, held.start, held.end, tz), count=count),
                    accessory=b.button(
                        tr(t.BUTTON_FOLLOWUP),
                        Action.MEETING_FOLLOWUP_OPEN,
                        encode(MeetingRef(meeting=held.id)),
                    ),
                )
            )
            blocks.append(minutes_buttons(tr, held.id, "list"))
        lines = [series_line(tr, s) for s in series[:LIST_SERIES]]
        blocks.append(
            b.section(tr(t.SERIES_HEADER) + "\n" + ("\n".join(lines) or tr(t.SERIES_NONE)))
        )
        for line in series[:LIST_SERIES]:
            value = encode(SeriesRef(series=line.id))
            toggle = (
                b.button(tr(t.BUTTON_RESUME), Action.MEETING_SERIES_RESUME, value)
                if line.paused
                else b.button(tr(t.BUTTON_PAUSE), Action.MEETING_SERIES_PAUSE, value)
            )
            blocks.append(
                b.actions(
                    [
                        b.button(
                            f"{tr(t.BUTTON_EDIT_SERIES)}: {b.clip(line.title, 50)}",
                            Action.MEETING_SERIES_EDIT,
                            value,
                        ),
                        toggle,
                    ],
                    block_id=f"{Block.MEETING_SERIES_ACTIONS}:{line.id}",
                )
            )
        blocks.append(
            b.actions(
                [
                    b.button(tr(t.BUTTON_NEW_SERIES), Action.MEETING_SERIES_NEW, style="primary"),
                    b.button(tr(t.BUTTON_CONTACTS), Action.MEETING_CONTACTS_OPEN),
                ],
                block_id=f"{Block.MEETING_SERIES_ACTIONS}:new",
            )
        )
    blocks.append(b.context(tr(t.LIST_CONTEXT)))
    return {"text": tr(t.LIST_HEADER), "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def home_section(
    tr: Texts, tz: ZoneInfo, items: Sequence[tuple[MeetingInfo, str | None]]
) -> list[SlackBlock]:
    """Return the Home tab's next meetings with the person's answer and the answer buttons."""
    blocks: list[SlackBlock] = [b.divider(), b.section(tr(t.HOME_MEETINGS))]
    if not items:
        blocks.append(b.section(tr(t.HOME_NO_MEETINGS)))
    for meeting, answer in items[:HOME_MEETINGS]:
        blocks.append(b.section(_list_line(tr, tz, meeting, answer)))
        if meeting.status is MeetingStatus.SCHEDULED:
            blocks.append(rsvp_actions(tr, meeting.id, "home"))
    return blocks
