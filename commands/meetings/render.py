"""Block Kit for the meeting rhythm: call, reminders, notices, list, Home section and forms."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import (
    DatePickerElement,
    InputBlock,
    TimePickerElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.domain.meetings import (
    AGENDA_ITEM_MAX,
    FREQUENCY_LABELS,
    KIND_LABELS,
    LOCATION_MAX,
    ON_HOLIDAY_LABELS,
    REASON_MAX,
    RRULE_MAX,
    SUBSTITUTE_MAX,
    TITLE_MAX,
    WEEK_LABELS,
    Answer,
    Frequency,
    MeetingKind,
    MeetingStatus,
    OrganizationAnswers,
    SeriesInput,
    friendly_rule,
    holiday_name,
    to_local,
)
from bot.durations import format_duration
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import meetings as t
from commands import blocks as b
from commands.edge.ids import Action, Block, Callback

CALL_ITEM_MAX = 150
CALL_AGENDA_ITEMS = 20
SECTION_MAX = 2900
LIST_MEETINGS = 8
LIST_SERIES = 8
HOME_MEETINGS = 3

SERIES_FIELD_BLOCKS: dict[str, Block] = {
    "kind": Block.MEETING_KIND,
    "title": Block.MEETING_TITLE,
    "first_date": Block.MEETING_FIRST_DATE,
    "first_time": Block.MEETING_FIRST_TIME,
    "duration": Block.MEETING_DURATION,
    "frequency": Block.MEETING_FREQUENCY,
    "weeks": Block.MEETING_WEEKS,
    "rrule": Block.MEETING_RRULE,
    "location": Block.MEETING_LOCATION,
    "call_before": Block.MEETING_CALL_BEFORE,
    "reminder_before": Block.MEETING_REMINDER_BEFORE,
    "summary_before": Block.MEETING_SUMMARY_BEFORE,
    "skip_months": Block.MEETING_SKIP_MONTHS,
    "on_holiday": Block.MEETING_ON_HOLIDAY,
    "agenda": Block.MEETING_AGENDA_LINES,
}
MOVE_FIELD_BLOCKS: dict[str, Block] = {
    "date": Block.MEETING_MOVE_DATE,
    "time": Block.MEETING_MOVE_TIME,
    "reason": Block.MEETING_REASON,
}
OTHER_FIELD_BLOCKS: dict[str, Block] = {
    "reason": Block.MEETING_REASON,
    "agenda_item": Block.MEETING_AGENDA_ITEM,
    "substitute": Block.MEETING_SUBSTITUTE_NAME,
}
ANSWER_LABELS = {Answer.YES: t.ANSWER_YES, Answer.NO: t.ANSWER_NO}


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


# ----------------------------------------------------------------------------- phrases


def clock(tr: Texts, local: datetime) -> str:
    """Write a wall-clock time: 09.00 in Swedish, 09:00 in English."""
    return tr(t.CLOCK, hour=local.hour, minute=local.minute)


def day_text(tr: Texts, day: date) -> str:
    """Write a date: 12 januari 2027."""
    return tr(t.DATE, day=day.day, month=tr(t.MONTHS[day.month - 1]), year=day.year)


def when(tr: Texts, start: datetime, end: datetime, tz: ZoneInfo) -> str:
    """Write a meeting's time: tisdag 12 januari 2027 kl. 09.00–11.00."""
    local_start, local_end = to_local(start, tz), to_local(end, tz)
    return tr(
        t.WHEN,
        weekday=tr(t.WEEKDAYS[local_start.weekday()]),
        day=local_start.day,
        month=tr(t.MONTHS[local_start.month - 1]),
        year=local_start.year,
        start=clock(tr, local_start),
        end=clock(tr, local_end),
    )


def when_start(tr: Texts, start: datetime, tz: ZoneInfo) -> str:
    """Write a meeting's start: tisdag 12 januari 2027 kl. 09.00."""
    local = to_local(start, tz)
    return tr(
        t.WHEN_START,
        weekday=tr(t.WEEKDAYS[local.weekday()]),
        day=local.day,
        month=tr(t.MONTHS[local.month - 1]),
        year=local.year,
        start=clock(tr, local),
    )


def location_suffix(tr: Texts, location: str) -> str:
    """Write ' (place)' after a time, or nothing."""
    return tr(t.LOCATION_SUFFIX, location=b.escape(b.clip(location, 120))) if location else ""


def join(tr: Texts, items: Sequence[str]) -> str:
    """Join words as a sentence does: a, b och c."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + tr(t.AND) + items[-1]


def answer_label(tr: Texts, answer: str | None, substitute: str | None = None) -> str:
    """Name a person's answer."""
    if answer == Answer.SUBSTITUTE:
        return tr(t.ANSWER_SUBSTITUTE, name=b.escape(substitute or "?"))
    if answer in ANSWER_LABELS:
        return tr(ANSWER_LABELS[Answer(answer)])
    return tr(t.ANSWER_NONE)


def describe_rule(tr: Texts, rrule: str) -> str:
    """Describe a series' rule in words when the form could have made it, else show it."""
    friendly = friendly_rule(rrule)
    if friendly is None:
        return tr(t.RULE_CUSTOM, rule=b.clip(rrule, 120).replace("`", "'"))
    weekday = tr(t.WEEKDAYS[friendly.weekday])
    if friendly.frequency is Frequency.WEEKLY:
        return tr(t.RULE_WEEKLY, weekday=weekday)
    if friendly.frequency is Frequency.BIWEEKLY:
        return tr(t.RULE_BIWEEKLY, weekday=weekday)
    weeks = join(tr, [tr(WEEK_LABELS[w]).lower() for w in friendly.weeks])
    template = t.RULE_MONTHLY if friendly.frequency is Frequency.MONTHLY else t.RULE_HALF_YEARLY
    return tr(template, weeks=weeks, weekday=tr(t.WEEKDAYS_DEFINITE[friendly.weekday]))


def _chunks(lines: Sequence[str], limit: int = SECTION_MAX) -> list[str]:
    """Split lines into section-sized texts."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


# ----------------------------------------------------------------------------- buttons


def rsvp_actions(
    tr: Texts,
    meeting_id: int,
    block_id: str,
    *,
    agenda: bool = True,
    invite: bool = False,
    manage: bool = False,
) -> SlackBlock:
    """Return the answer buttons of a meeting (and the coordinators' buttons when asked)."""
    value = str(meeting_id)
    buttons = [
        b.button(tr(t.BUTTON_YES), Action.MEETING_RSVP_YES, value, style="primary"),
        b.button(tr(t.BUTTON_NO), Action.MEETING_RSVP_NO, value),
        b.button(tr(t.BUTTON_SUBSTITUTE), Action.MEETING_RSVP_SUBSTITUTE, value),
    ]
    if agenda:
        buttons.append(b.button(tr(t.BUTTON_AGENDA), Action.MEETING_AGENDA_ADD, value))
    if invite:
        buttons.append(b.button(tr(t.BUTTON_INVITE), Action.MEETING_INVITE, value))
    if manage:
        buttons.append(b.button(tr(t.BUTTON_MOVE), Action.MEETING_MOVE_OPEN, value))
        buttons.append(
            b.button(tr(t.BUTTON_CANCEL), Action.MEETING_CANCEL_OPEN, value, style="danger")
        )
    return b.actions(buttons, block_id=block_id)


def _block_id(meeting_id: int, where: str) -> str:
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
        reason = tr(t.REASON_SUFFIX, reason=b.escape(meeting.cancel_reason or ""))
        blocks.append(
            b.section(tr(t.CALL_CANCELLED_BANNER, reason=reason if meeting.cancel_reason else ""))
        )
    elif meeting.status is MeetingStatus.HELD:
        blocks.append(b.section(tr(t.CALL_HELD_BANNER)))
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
    blocks += [b.section(chunk) for chunk in _chunks(agenda_lines)[:3]]
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
    answers = [tr(t.CALL_ANSWERS), *_answer_lines(tr, content)]
    blocks.append(b.section(b.clip("\n".join(answers), SECTION_MAX)))
    if meeting.status is MeetingStatus.SCHEDULED:
        blocks.append(
            rsvp_actions(
                tr, meeting.id, _block_id(meeting.id, "call"), invite=content.invite_button
            )
        )
        blocks.append(b.context(tr(t.CALL_CONTEXT)))
    text = tr(t.CALL_FALLBACK, title=b.escape(meeting.title), when=moment)
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def reminder_message(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, attending: int, *, invite: bool
) -> dict[str, Any]:
    """Return the channel reminder, with the answer buttons."""
    moment = when(tr, meeting.start, meeting.end, tz)
    text = tr(
        t.REMINDER_CHANNEL,
        title=b.escape(meeting.title),
        when=moment,
        location=location_suffix(tr, meeting.location),
        attending=tr(t.ATTENDING_COUNT, count=attending),
    )
    blocks = [
        b.section(text),
        rsvp_actions(tr, meeting.id, _block_id(meeting.id, "reminder"), invite=invite),
    ]
    fallback = tr(t.REMINDER_FALLBACK, title=b.escape(meeting.title), when=moment)
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def personal_message(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, msg: Any) -> dict[str, Any]:
    """Return a private reminder or invitation to one person, with the answer buttons."""
    moment = when(tr, meeting.start, meeting.end, tz)
    text = tr(
        msg,
        title=b.escape(meeting.title),
        when=moment,
        location=location_suffix(tr, meeting.location),
    )
    blocks = [b.section(text), rsvp_actions(tr, meeting.id, _block_id(meeting.id, "dm"))]
    fallback = tr(t.REMINDER_FALLBACK, title=b.escape(meeting.title), when=moment)
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def moved_notice(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, old_start: datetime, reason: str
) -> dict[str, Any]:
    """Return the notice that a meeting has moved."""
    text = tr(
        t.NOTICE_MOVED,
        title=b.escape(meeting.title),
        old=when_start(tr, old_start, tz),
        new=when(tr, meeting.start, meeting.end, tz),
        location=location_suffix(tr, meeting.location),
        reason=tr(t.REASON_SUFFIX, reason=b.escape(reason)) if reason else "",
    )
    return {"text": text}


def cancelled_notice(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, reason: str) -> dict[str, Any]:
    """Return the notice that a meeting is cancelled."""
    text = tr(
        t.NOTICE_CANCELLED,
        title=b.escape(meeting.title),
        when=when(tr, meeting.start, meeting.end, tz),
        reason=tr(t.REASON_SUFFIX, reason=b.escape(reason)) if reason else "",
    )
    return {"text": text}


def followup_message(
    tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, count: int, total: int
) -> dict[str, Any]:
    """Return the coordinators' message after a working-group meeting."""
    text = tr(
        t.FOLLOWUP_MESSAGE,
        title=b.escape(meeting.title),
        when=when(tr, meeting.start, meeting.end, tz),
        count=count,
        total=total,
    )
    blocks = [
        b.section(text),
        b.actions(
            [
                b.button(
                    tr(t.BUTTON_FOLLOWUP),
                    Action.MEETING_FOLLOWUP_OPEN,
                    str(meeting.id),
                    style="primary",
                )
            ],
            block_id=_block_id(meeting.id, "followup"),
        ),
    ]
    fallback = tr(t.FOLLOWUP_FALLBACK, title=b.escape(meeting.title))
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def alert_message(tr: Texts, text: str) -> dict[str, Any]:
    """Return a coordinator's private alert that a meeting message could not be delivered."""
    return {"text": tr(t.ALERT_FALLBACK), "blocks": b.blocks_dict([b.section(text)])}


# ----------------------------------------------------------------------- list and Home


def _list_line(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, answer: str | None) -> str:
    """Describe one meeting in the list or on the Home tab."""
    moment = when(tr, meeting.start, meeting.end, tz)
    if meeting.status is MeetingStatus.CANCELLED:
        reason = meeting.cancel_reason
        return tr(
            t.LIST_ITEM_CANCELLED,
            title=b.escape(meeting.title),
            when=moment,
            reason=tr(t.REASON_SUFFIX, reason=b.escape(reason)) if reason else "",
        )
    line = tr(
        t.LIST_ITEM,
        title=b.escape(meeting.title),
        when=moment,
        location=location_suffix(tr, meeting.location),
        answer=answer_label(tr, answer),
    )
    if meeting.moved_from is not None:
        holiday = holiday_name(meeting.moved_from, tr.language) or ""
        line += tr(t.LIST_HOLIDAY, date=day_text(tr, meeting.moved_from), holiday=holiday)
    return line


def series_line(tr: Texts, series: SeriesLine) -> str:
    """Describe one series for the coordinators."""
    months = [tr(t.MONTHS[m - 1]) for m in sorted(series.skip_months)]
    kind = tr(KIND_LABELS[series.kind])
    return tr(
        t.SERIES_LINE,
        title=b.escape(series.title),
        kind=tr(t.SERIES_KIND_SUFFIX, kind=kind) if kind != series.title else "",
        rule=describe_rule(tr, series.rrule),
        time=tr(
            t.SERIES_TIME,
            time=clock(tr, series.start),
            duration=format_duration_words(series.duration_s),
        ),
        skips=" · " + tr(t.SKIPS, months=join(tr, months)) if months else "",
        paused=tr(t.SERIES_PAUSED_MARK) if series.paused else "",
    )


def format_duration_words(seconds: int) -> str:
    """Write a length of time as the configuration does (2h, 90m)."""
    return format_duration(timedelta(seconds=seconds))


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
            blocks.append(
                rsvp_actions(
                    tr,
                    meeting.id,
                    _block_id(meeting.id, "list"),
                    invite=manage and meeting.kind is MeetingKind.PLANNING,
                    manage=manage,
                )
            )
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
                        tr(t.BUTTON_FOLLOWUP), Action.MEETING_FOLLOWUP_OPEN, str(held.id)
                    ),
                )
            )
        lines = [series_line(tr, s) for s in series[:LIST_SERIES]]
        blocks.append(
            b.section(tr(t.SERIES_HEADER) + "\n" + ("\n".join(lines) or tr(t.SERIES_NONE)))
        )
        for line in series[:LIST_SERIES]:
            toggle = (
                b.button(tr(t.BUTTON_RESUME), Action.MEETING_SERIES_RESUME, str(line.id))
                if line.paused
                else b.button(tr(t.BUTTON_PAUSE), Action.MEETING_SERIES_PAUSE, str(line.id))
            )
            blocks.append(
                b.actions(
                    [
                        b.button(
                            f"{tr(t.BUTTON_EDIT_SERIES)}: {b.clip(line.title, 50)}",
                            Action.MEETING_SERIES_EDIT,
                            str(line.id),
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
            blocks.append(rsvp_actions(tr, meeting.id, _block_id(meeting.id, "home")))
    return blocks


# ------------------------------------------------------------------------------ modals


def _intro(tr: Texts, tz: ZoneInfo, msg: Any, meeting: MeetingInfo) -> SlackBlock:
    """Return a form's first section naming the meeting."""
    return b.section(
        tr(msg, title=b.escape(meeting.title), when=when(tr, meeting.start, meeting.end, tz))
    )


def _meta(meeting: MeetingInfo, **extra: Any) -> str:
    """Return a meeting form's private metadata."""
    return json.dumps({"meeting": meeting.id, **extra})


def substitute_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that asks for the substitute's name."""
    return b.modal(
        tr(t.SUBSTITUTE_TITLE),
        [
            _intro(tr, tz, t.SUBSTITUTE_INTRO, meeting),
            b.text_input(
                tr(t.SUBSTITUTE_LABEL),
                Block.MEETING_SUBSTITUTE_NAME,
                max_length=SUBSTITUTE_MAX,
                hint=tr(t.SUBSTITUTE_HINT),
            ),
        ],
        callback_id=Callback.MEETING_SUBSTITUTE,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=_meta(meeting, channel=channel),
    )


def agenda_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal where a partner adds an agenda item."""
    return b.modal(
        tr(t.AGENDA_TITLE),
        [
            _intro(tr, tz, t.AGENDA_INTRO, meeting),
            b.text_input(
                tr(t.AGENDA_LABEL),
                Block.MEETING_AGENDA_ITEM,
                multiline=True,
                max_length=AGENDA_ITEM_MAX,
                hint=tr(t.AGENDA_HINT, limit=AGENDA_ITEM_MAX),
            ),
        ],
        callback_id=Callback.MEETING_AGENDA,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=_meta(meeting, channel=channel),
    )


def _reason_input(tr: Texts) -> InputBlock:
    """Return the optional reason input."""
    return b.text_input(
        tr(t.REASON_LABEL),
        Block.MEETING_REASON,
        multiline=True,
        max_length=REASON_MAX,
        hint=tr(t.REASON_HINT),
        optional=True,
    )


def _date_input(label: str, block: Block, initial: str | None) -> InputBlock:
    """Return a date picker input."""
    return InputBlock(
        label=b.plain(label),
        block_id=block,
        element=DatePickerElement(action_id=block, initial_date=initial or None),
    )


def _time_input(label: str, block: Block, initial: str | None) -> InputBlock:
    """Return a time picker input."""
    return InputBlock(
        label=b.plain(label),
        block_id=block,
        element=TimePickerElement(action_id=block, initial_time=initial or None),
    )


def move_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that moves one meeting."""
    local = to_local(meeting.start, tz)
    return b.modal(
        tr(t.MOVE_TITLE),
        [
            _intro(tr, tz, t.MOVE_INTRO, meeting),
            _date_input(
                tr(t.MOVE_DATE),
                Block.MEETING_MOVE_DATE,
                local.date().isoformat(),
            ),
            _time_input(
                tr(t.MOVE_TIME),
                Block.MEETING_MOVE_TIME,
                local.strftime("%H:%M"),
            ),
            _reason_input(tr),
        ],
        callback_id=Callback.MEETING_MOVE,
        submit=tr(t.MOVE_SUBMIT),
        close=tr(c.CANCEL),
        private_metadata=_meta(meeting, channel=channel),
    )


def cancel_form(tr: Texts, tz: ZoneInfo, meeting: MeetingInfo, channel: str | None) -> View:
    """Return the modal that cancels one meeting."""
    return b.modal(
        tr(t.CANCEL_TITLE),
        [_intro(tr, tz, t.CANCEL_INTRO, meeting), _reason_input(tr)],
        callback_id=Callback.MEETING_CANCEL,
        submit=tr(t.CANCEL_SUBMIT),
        close=tr(c.CLOSE),
        private_metadata=_meta(meeting, channel=channel),
    )


def attendance_form(
    tr: Texts,
    tz: ZoneInfo,
    meeting: MeetingInfo,
    organizations: Sequence[tuple[str, str]],
    attended: set[str],
    needs: Sequence[tuple[int, str]],
    channel: str | None,
) -> View:
    """Return the modal where a coordinator records attendance and the needs taken up."""
    blocks: list[SlackBlock] = [
        _intro(tr, tz, t.ATTENDANCE_INTRO, meeting),
        b.multi_select_input(
            tr(t.ATTENDANCE_LABEL),
            Block.MEETING_ATTENDED,
            [b.option(name, org) for org, name in organizations],
            initial=sorted(attended),
            optional=True,
        ),
    ]
    if needs:
        blocks.append(
            b.multi_select_input(
                tr(t.ATTENDANCE_NEEDS_LABEL),
                Block.MEETING_NEEDS_TAKEN_UP,
                [b.option(f"#{need_id} {title}", str(need_id)) for need_id, title in needs[:100]],
                optional=True,
                hint=tr(t.ATTENDANCE_NEEDS_HINT),
            )
        )
    else:
        blocks.append(b.context(tr(t.ATTENDANCE_NO_NEEDS)))
    return b.modal(
        tr(t.ATTENDANCE_TITLE),
        blocks,
        callback_id=Callback.MEETING_ATTENDANCE,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=_meta(meeting, channel=channel),
    )


def contacts_form(tr: Texts, current: Sequence[str]) -> View:
    """Return the modal where a coordinator chooses the working group's contact persons."""
    return b.modal(
        tr(t.CONTACTS_TITLE),
        [
            b.section(tr(t.CONTACTS_INTRO)),
            InputBlock(
                label=b.plain(tr(t.CONTACTS_LABEL)),
                block_id=Block.MEETING_CONTACT_USERS,
                element=UserMultiSelectElement(
                    action_id=Action.MEETING_CONTACT_USERS,
                    initial_users=sorted(current)[:100] or None,
                ),
                optional=True,
            ),
        ],
        callback_id=Callback.MEETING_CONTACTS,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
    )


def series_input_from(
    *,
    kind: str,
    title: str,
    rrule: str,
    start: datetime,
    duration_s: int,
    location: str,
    call_before_s: int,
    reminder_before_s: int,
    summary_before_s: int | None,
    skip_months: Sequence[int],
    on_holiday: str,
    agenda: Sequence[str],
) -> SeriesInput:
    """Return a stored series as form input, to fill in the change form."""
    friendly = friendly_rule(rrule)
    return SeriesInput(
        kind=kind,
        title=title,
        first_date=start.date().isoformat(),
        first_time=start.strftime("%H:%M"),
        duration=format_duration_words(duration_s),
        frequency=friendly.frequency.value if friendly else None,
        weeks=list(friendly.weeks) if friendly else [],
        rrule=None if friendly else rrule,
        location=location,
        call_before=format_duration_words(call_before_s),
        reminder_before=format_duration_words(reminder_before_s),
        summary_before=format_duration_words(summary_before_s) if summary_before_s else None,
        skip_months=[str(m) for m in skip_months],
        on_holiday=on_holiday,
        agenda="\n".join(agenda),
    )


NEW_SERIES = SeriesInput(
    kind=MeetingKind.WORKING_GROUP.value,
    title=None,
    first_date=None,
    first_time="09:00",
    duration="2h",
    frequency=Frequency.MONTHLY.value,
    weeks=[],
    rrule=None,
    location=None,
    call_before="7d",
    reminder_before="1d",
    summary_before=None,
    skip_months=["7"],
    on_holiday="next_weekday",
    agenda=None,
)


def series_form(
    tr: Texts, initial: SeriesInput, series_id: int | None, channel: str | None = None
) -> View:
    """Return the form that creates or changes a meeting series."""
    duration_hint = tr(t.DURATION_HINT)
    lead_hint = tr(t.LEAD_HINT)
    blocks: list[SlackBlock] = [
        b.section(tr(t.SERIES_INTRO)),
        b.select_input(
            tr(t.SERIES_KIND),
            Block.MEETING_KIND,
            [b.option(tr(label), kind.value) for kind, label in KIND_LABELS.items()],
            initial=initial.kind,
        ),
        b.text_input(
            tr(t.SERIES_NAME),
            Block.MEETING_TITLE,
            max_length=TITLE_MAX,
            initial=initial.title,
        ),
        _date_input(
            tr(t.SERIES_FIRST_DATE),
            Block.MEETING_FIRST_DATE,
            initial.first_date,
        ),
        _time_input(
            tr(t.SERIES_FIRST_TIME),
            Block.MEETING_FIRST_TIME,
            initial.first_time,
        ),
        b.text_input(
            tr(t.SERIES_DURATION),
            Block.MEETING_DURATION,
            max_length=10,
            initial=initial.duration,
            hint=duration_hint,
        ),
        b.select_input(
            tr(t.SERIES_FREQUENCY),
            Block.MEETING_FREQUENCY,
            [b.option(tr(label), f.value) for f, label in FREQUENCY_LABELS.items()],
            initial=initial.frequency,
            optional=True,
        ),
        b.multi_select_input(
            tr(t.SERIES_WEEKS),
            Block.MEETING_WEEKS,
            [b.option(tr(label), value) for value, label in WEEK_LABELS.items()],
            initial=initial.weeks,
            optional=True,
            hint=tr(t.WEEKS_HINT),
        ),
        b.text_input(
            tr(t.SERIES_RRULE),
            Block.MEETING_RRULE,
            max_length=RRULE_MAX,
            initial=initial.rrule,
            hint=tr(t.RRULE_HINT),
            optional=True,
        ),
        b.text_input(
            tr(t.SERIES_LOCATION),
            Block.MEETING_LOCATION,
            max_length=LOCATION_MAX,
            initial=initial.location,
            optional=True,
        ),
        b.text_input(
            tr(t.SERIES_CALL_BEFORE),
            Block.MEETING_CALL_BEFORE,
            max_length=10,
            initial=initial.call_before,
            hint=lead_hint,
        ),
        b.text_input(
            tr(t.SERIES_REMINDER_BEFORE),
            Block.MEETING_REMINDER_BEFORE,
            max_length=10,
            initial=initial.reminder_before,
            hint=lead_hint,
        ),
        b.text_input(
            tr(t.SERIES_SUMMARY_BEFORE),
            Block.MEETING_SUMMARY_BEFORE,
            max_length=10,
            initial=initial.summary_before,
            hint=tr(t.SUMMARY_HINT),
            optional=True,
        ),
        b.multi_select_input(
            tr(t.SERIES_SKIP_MONTHS),
            Block.MEETING_SKIP_MONTHS,
            [b.option(tr(name).capitalize(), str(i + 1)) for i, name in enumerate(t.MONTHS)],
            initial=initial.skip_months,
            optional=True,
        ),
        b.radio_input(
            tr(t.SERIES_ON_HOLIDAY),
            Block.MEETING_ON_HOLIDAY,
            [b.option(tr(label), rule.value) for rule, label in ON_HOLIDAY_LABELS.items()],
            initial=initial.on_holiday,
        ),
        b.text_input(
            tr(t.SERIES_AGENDA),
            Block.MEETING_AGENDA_LINES,
            multiline=True,
            max_length=3000,
            initial=initial.agenda,
            hint=tr(t.AGENDA_LINES_HINT),
            optional=True,
        ),
    ]
    title = t.SERIES_TITLE_EDIT if series_id is not None else t.SERIES_TITLE_NEW
    return b.modal(
        tr(title),
        blocks,
        callback_id=Callback.MEETING_SERIES_FORM,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=json.dumps({"series": series_id, "channel": channel}),
    )
