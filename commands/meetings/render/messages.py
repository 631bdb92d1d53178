"""Block Kit of the messages the meeting rhythm posts: call, reminders, notices, prompts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.meetings import (
    MeetingKind,
    MeetingStatus,
    OrganizationAnswers,
    holiday_name,
)
from bot.texts import Msg, Texts
from bot.texts import actions as at
from bot.texts import common as c
from bot.texts import meetings as t
from commands import blocks as b
from commands.edge.codec import encode
from commands.edge.ids import Action, Block
from commands.meetings.render.phrases import (
    day_text,
    location_suffix,
    reason_suffix,
    when,
    when_start,
)
from commands.meetings.values import MeetingRef

CALL_ITEM_MAX = 150
CALL_AGENDA_ITEMS = 20
SECTION_MAX = 2900


@dataclass(frozen=True)
class MeetingInfo:
    """What every message about one meeting shows."""

    id: int
    kind: MeetingKind
    title: str
    start: datetime
    end: datetime
    location: str
    status: MeetingStatus
    moved_from: date | None = None
    cancel_reason: str | None = None


@dataclass(frozen=True)
class CallContent:
    """Everything the call message shows."""

    meeting: MeetingInfo
    standing_agenda: Sequence[str]
    added_agenda: Sequence[tuple[str, str]]  # text, organisation name
    needs: Sequence[tuple[int, str, str]]  # id, title, organisation name
    needs_more: int
    answers: Sequence[tuple[str, OrganizationAnswers]]  # organisation name, its answers
    waiting: Sequence[str]  # organisations that have not answered
    show_needs: bool
    invite_button: bool
    follow_up: Sequence[SlackBlock] = ()  # the last minutes and the open actions (working group)


def name_of(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo) -> dict[str, str]:
    """Return a meeting's title and time as the texts name it (title, when)."""
    return {"title": b.escape(meeting.title), "when": when(tr, meeting.start, meeting.end, tz)}


# ----------------------------------------------------------------------------- buttons


def rsvp_actions(
    tr: Texts, meeting_id: int, where: str, *, invite: bool = False, manage: bool = False
) -> SlackBlock:
    """Return a meeting's answer buttons on one surface (where), and the coordinators' if asked."""
    value = encode(MeetingRef(meeting=meeting_id))
    buttons = [
        b.button(tr(t.BUTTON_YES), Action.MEETING_RSVP_YES, value, style="primary"),
        b.button(tr(t.BUTTON_NO), Action.MEETING_RSVP_NO, value),
        b.button(tr(t.BUTTON_SUBSTITUTE), Action.MEETING_RSVP_SUBSTITUTE, value),
        b.button(tr(t.BUTTON_AGENDA), Action.MEETING_AGENDA_ADD, value),
    ]
    if invite:
        buttons.append(b.button(tr(t.BUTTON_INVITE), Action.MEETING_INVITE, value))
    if manage:
        buttons.append(b.button(tr(t.BUTTON_MOVE), Action.MEETING_MOVE_OPEN, value))
        buttons.append(
            b.button(tr(t.BUTTON_CANCEL), Action.MEETING_CANCEL_OPEN, value, style="danger")
        )
    return b.actions(buttons, block_id=buttons_block_id(meeting_id, where))


def minutes_buttons(tr: Texts, meeting_id: int, where: str) -> SlackBlock:
    """Return an ended meeting's buttons for the coordinators: the minutes, or not held."""
    value = encode(MeetingRef(meeting=meeting_id))
    not_held = b.confirm(
        tr(at.NOT_HELD_CONFIRM_TITLE),
        tr(at.NOT_HELD_CONFIRM_TEXT),
        tr(at.NOT_HELD_CONFIRM_YES),
        tr(c.CANCEL),
    )
    return b.actions(
        [
            b.button(tr(at.BUTTON_MINUTES), Action.MINUTES_OPEN, value, style="primary"),
            b.button(tr(at.BUTTON_NOT_HELD), Action.MEETING_NOT_HELD, value, confirm=not_held),
        ],
        block_id=buttons_block_id(meeting_id, f"minutes-{where}"),
    )


def buttons_block_id(meeting_id: int, where: str) -> str:
    """Return a unique block id for a meeting's buttons on one surface."""
    return f"{Block.MEETING_ACTIONS}:{where}:{meeting_id}"


# --------------------------------------------------------------------------- messages


def _answer_lines(tr: Texts, content: CallContent) -> list[str]:
    """Write the answers per organisation, and who has not answered."""
    yes = [
        b.escape(name) + (f" ({a.yes})" if a.yes > 1 else "")
        for name, a in content.answers
        if a.yes
    ]
    substitutes = [
        f"{b.escape(name)} ({b.escape(', '.join(a.substitutes))})"
        for name, a in content.answers
        if a.substitutes and not a.yes
    ]
    no = [b.escape(name) for name, a in content.answers if a.no and not a.attending]
    lines = []
    if yes:
        lines.append(tr(t.ANSWER_LINE_YES, list=", ".join(yes)))
    if substitutes:
        lines.append(tr(t.ANSWER_LINE_SUBSTITUTE, list=", ".join(substitutes)))
    if no:
        lines.append(tr(t.ANSWER_LINE_NO, list=", ".join(no)))
    if not lines:
        lines.append(tr(t.ANSWERS_NONE))
    if content.waiting:
        lines.append(tr(t.ANSWER_LINE_WAITING, list=", ".join(map(b.escape, content.waiting))))
    return lines


def call_message(tr: Texts, tz: ZoneInfo, content: CallContent) -> dict[str, Any]:
    """Return the call: time, place, agenda, open needs, answers per organisation, buttons."""
    meeting = content.meeting
    moment = when(tr, meeting.start, meeting.end, tz)
    blocks: list[SlackBlock] = [b.header(tr(t.CALL_HEADER, title=meeting.title))]
    if meeting.status is MeetingStatus.CANCELLED:
        reason = reason_suffix(tr, meeting.cancel_reason)
        blocks.append(b.section(tr(t.CALL_CANCELLED_BANNER, reason=reason)))
    elif meeting.status is MeetingStatus.HELD:
        blocks.append(b.section(tr(t.CALL_HELD_BANNER)))
    elif meeting.status is MeetingStatus.UNCONFIRMED:
        blocks.append(b.section(tr(t.CALL_UNCONFIRMED_BANNER)))
    facts = [tr(t.CALL_WHEN, when=moment)]
    facts.append(
        tr(t.CALL_WHERE, location=b.escape(meeting.location))
        if meeting.location
        else tr(t.CALL_NO_LOCATION)
    )
    if meeting.moved_from is not None:
        holiday = holiday_name(meeting.moved_from, tr.language) or ""
        facts.append(
            tr(t.CALL_HOLIDAY_MOVED, date=day_text(tr, meeting.moved_from), holiday=holiday)
        )
    blocks.append(b.section("\n".join(facts)))
    agenda = [f"• {b.escape(b.clip(item, CALL_ITEM_MAX))}" for item in content.standing_agenda]
    agenda += [
        "• "
        + tr(
            t.AGENDA_ITEM_BY,
            text=b.escape(b.clip(text, CALL_ITEM_MAX)),
            organization=b.escape(organization),
        )
        for text, organization in content.added_agenda[:CALL_AGENDA_ITEMS]
    ]
    agenda_lines = [tr(t.CALL_AGENDA), *(agenda or [tr(t.CALL_AGENDA_EMPTY)])]
    blocks += [b.section(chunk) for chunk in b.chunk_lines(agenda_lines, SECTION_MAX)[:3]]
    if content.show_needs:
        count = len(content.needs) + content.needs_more
        lines = [tr(t.CALL_NEEDS, count=count)]
        lines += [
            "• "
            + tr(
                t.CALL_NEED_ITEM,
                id=need_id,
                title=b.escape(b.clip(title, 100)),
                organization=b.escape(organization),
            )
            for need_id, title, organization in content.needs
        ]
        if content.needs_more:
            lines.append(tr(t.CALL_NEEDS_MORE, count=content.needs_more))
        if not count:
            lines.append(tr(t.CALL_NEEDS_NONE))
        blocks.append(b.section(b.clip("\n".join(lines), SECTION_MAX)))
    blocks += content.follow_up
    answers = [tr(t.CALL_ANSWERS), *_answer_lines(tr, content)]
    blocks.append(b.section(b.clip("\n".join(answers), SECTION_MAX)))
    if meeting.status is MeetingStatus.SCHEDULED:
        blocks.append(rsvp_actions(tr, meeting.id, "call", invite=content.invite_button))
        blocks.append(b.context(tr(t.CALL_CONTEXT)))
    text = tr(t.CALL_FALLBACK, title=b.escape(meeting.title), when=moment)
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def reminder_message(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, attending: int, *, invite: bool
) -> dict[str, Any]:
    """Return the channel reminder, with the answer buttons."""
    named = name_of(tr, tz, meeting)
    text = tr(
        t.REMINDER_CHANNEL,
        **named,
        location=location_suffix(tr, meeting.location),
        attending=tr.count(t.ATTENDING_COUNT, attending),
    )
    blocks = [b.section(text), rsvp_actions(tr, meeting.id, "reminder", invite=invite)]
    return {"text": tr(t.REMINDER_FALLBACK, **named), "blocks": b.blocks_dict(blocks)}


def personal_message(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, msg: Msg) -> dict[str, Any]:
    """Return a private reminder or invitation to one person, with the answer buttons."""
    named = name_of(tr, tz, meeting)
    text = tr(msg, **named, location=location_suffix(tr, meeting.location))
    blocks = [b.section(text), rsvp_actions(tr, meeting.id, "dm")]
    return {"text": tr(t.REMINDER_FALLBACK, **named), "blocks": b.blocks_dict(blocks)}


def moved_notice(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, old_start: datetime, reason: str
) -> dict[str, Any]:
    """Return the notice that a meeting has moved."""
    new = when(tr, meeting.start, meeting.end, tz)
    where, why = location_suffix(tr, meeting.location), reason_suffix(tr, reason)
    title, old = b.escape(meeting.title), when_start(tr, old_start, tz)
    return {"text": tr(t.NOTICE_MOVED, title=title, old=old, new=new, location=where, reason=why)}


def cancelled_notice(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, reason: str) -> dict[str, Any]:
    """Return the notice that a meeting is cancelled."""
    return {
        "text": tr(t.NOTICE_CANCELLED, **name_of(tr, tz, meeting), reason=reason_suffix(tr, reason))
    }


def followup_message(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, count: int, total: int
) -> dict[str, Any]:
    """Return the coordinators' message after a working-group meeting, with the form's button."""
    text = tr(t.FOLLOWUP_MESSAGE, **name_of(tr, tz, meeting), count=count, total=total)
    value = encode(MeetingRef(meeting=meeting.id))
    button = b.button(tr(t.BUTTON_FOLLOWUP), Action.MEETING_FOLLOWUP_OPEN, value, style="primary")
    blocks = [
        b.section(text),
        b.actions([button], block_id=buttons_block_id(meeting.id, "followup")),
        b.context(tr(at.FOLLOWUP_MINUTES)),
        minutes_buttons(tr, meeting.id, "followup"),
    ]
    fallback = tr(t.FOLLOWUP_FALLBACK, title=b.escape(meeting.title))
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def unconfirmed_message(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo) -> dict[str, Any]:
    """Return the coordinators' question about an ended meeting with no attendance: was it held?

    A working-group meeting gets the attendance form's button (recording attendance confirms
    it); any other gets "it was held"; both get "it did not take place".
    """
    working = meeting.kind is MeetingKind.WORKING_GROUP
    msg = t.UNCONFIRMED_WORKING_GROUP if working else t.UNCONFIRMED_MESSAGE
    text = tr(msg, **name_of(tr, tz, meeting))
    value = encode(MeetingRef(meeting=meeting.id))
    label, action = (
        (t.BUTTON_FOLLOWUP, Action.MEETING_FOLLOWUP_OPEN)
        if working
        else (t.BUTTON_CONFIRM_HELD, Action.MEETING_CONFIRM_HELD)
    )
    held = b.button(tr(label), action, value, style="primary")
    not_held = b.button(tr(t.BUTTON_NOT_HELD), Action.MEETING_CONFIRM_NOT_HELD, value)
    blocks = [
        b.section(text),
        b.actions([held, not_held], block_id=buttons_block_id(meeting.id, "followup")),
    ]
    fallback = tr(t.UNCONFIRMED_FALLBACK, title=b.escape(meeting.title))
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def alert_message(tr: Texts, text: str) -> dict[str, Any]:
    """Return a coordinator's private alert that a meeting message could not be delivered."""
    return {"text": tr(t.ALERT_FALLBACK), "blocks": b.blocks_dict([b.section(text)])}
