"""Block Kit for the follow-up: the status summary, the indicator forms and the value list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.domain.indicators import (
    COUNTY,
    NOTE_MAX,
    SOURCE_MAX,
    Direction,
    IndicatorDef,
    Trend,
    format_number,
)
from bot.domain.needs import STATUS_LABELS, NeedStatus
from bot.domain.organizations import OrganizationInfo
from bot.domain.summary import (
    IndicatorSeries,
    MeetingsPart,
    NeedsPart,
    ReportBackPart,
    StatusSummary,
    TrainingsPart,
)
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import followup as t
from commands import blocks as b
from commands.edge.ids import Action, Block, Callback
from storage.models import IndicatorValue

SECTION_MAX = 2900
MESSAGE_BLOCKS = 45
MESSAGE_CHARS = 11000
ORGANIZATIONS_SHOWN = 25
SUBJECTS_SHOWN = 12
INDICATORS_SHOWN = 40


def _number(tr: Texts, value: float, decimals: int = 1) -> str:
    """Write a number with one decimal, with a decimal comma in Swedish."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if tr.language == "sv" else text


def _percent(tr: Texts, share: float | None) -> str:
    """Write a share 0-1 as a whole percentage."""
    if share is None:
        return "–"
    return f"{round(100 * share)} %" if tr.language == "sv" else f"{round(100 * share)}%"


def _signed(tr: Texts, value: float) -> str:
    """Write a change with its sign."""
    return ("+" if value > 0 else "") + _number(tr, value)


def _whole(value: float) -> str:
    """Write a count."""
    return str(round(value))


def _date(moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date."""
    return moment.astimezone(tz).strftime("%Y-%m-%d")


def chunks(lines: Sequence[str], limit: int = SECTION_MAX) -> list[str]:
    """Join lines into as few texts as fit in a section, never splitting a line."""
    found: list[str] = []
    current = ""
    for raw in lines:
        line = b.clip(raw, limit)
        if current and len(current) + len(line) + 1 > limit:
            found.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        found.append(current)
    return found


def _sections(lines: Sequence[str]) -> list[SlackBlock]:
    """Return sections holding the lines, split where a section would be too long."""
    return [b.section(text) for text in chunks(lines)]


# ------------------------------------------------------------------------------- the summary


def _needs(tr: Texts, part: NeedsPart, tz: ZoneInfo, now: datetime) -> list[SlackBlock]:
    """Return the needs part: figures, by status, by organisation, the oldest open."""
    lines = [
        tr(t.NEEDS_TITLE),
        tr(
            t.NEEDS_FIGURES,
            new=_whole(part.new.current),
            new_before=_whole(part.new.previous),
            new_arrow=part.new.arrow,
            done=_whole(part.done.current),
            done_before=_whole(part.done.previous),
            done_arrow=part.done.arrow,
            open=part.open_now,
        ),
    ]
    if part.by_status:
        statuses = " · ".join(
            f"{tr(STATUS_LABELS[s])} {part.by_status[s]}" for s in NeedStatus if s in part.by_status
        )
        lines.append(tr(t.NEEDS_BY_STATUS, statuses=statuses))
    blocks = _sections(lines)
    active = [o for o in part.by_organization if o.new or o.new_before or o.open_now]
    org_lines = [tr(t.NEEDS_BY_ORGANIZATION)]
    org_lines += [
        tr(
            t.NEEDS_ORG_LINE,
            organization=b.escape(o.name),
            new=o.new,
            new_before=o.new_before,
            open=o.open_now,
        )
        for o in active[:ORGANIZATIONS_SHOWN]
    ] or [tr(t.NEEDS_NO_NEW)]
    if len(active) > ORGANIZATIONS_SHOWN:
        org_lines.append(tr(t.NEEDS_OTHER_ORGS, count=len(active) - ORGANIZATIONS_SHOWN))
    blocks += _sections(org_lines)
    if part.oldest_open:
        old_lines = [tr(t.NEEDS_OLDEST)] + [
            tr(
                t.NEEDS_OLD_LINE,
                id=need.id,
                title=b.escape(b.clip(need.title, 80)),
                organization=b.escape(need.organization),
                status=tr(STATUS_LABELS[need.status]),
                date=_date(need.created_at, tz),
                days=max((now - need.created_at).days, 0),
            )
            for need in part.oldest_open
        ]
        blocks += _sections(old_lines)
    return blocks


def _meetings(tr: Texts, part: MeetingsPart) -> list[SlackBlock]:
    """Return the meetings part: held, attendance per organisation, who missed most."""
    if not part.available:
        return _sections([tr(t.MEETINGS_TITLE), tr(t.NOT_AVAILABLE)])
    lines = [
        tr(t.MEETINGS_TITLE),
        tr(
            t.MEETINGS_FIGURES,
            working=_whole(part.working_group.current),
            working_before=_whole(part.working_group.previous),
            arrow=part.working_group.arrow,
            all=_whole(part.all_meetings.current),
            all_before=_whole(part.all_meetings.previous),
        ),
    ]
    held = [a for a in part.attendance if a.held]
    if not held:
        lines.append(tr(t.MEETINGS_NONE))
        return _sections(lines)
    blocks = _sections(lines)
    attendance = [tr(t.MEETINGS_ATTENDANCE)] + [
        tr(
            t.MEETINGS_ATTENDANCE_LINE,
            organization=b.escape(a.name),
            attended=a.attended,
            held=a.held,
            rate=_percent(tr, a.rate),
        )
        for a in held[:ORGANIZATIONS_SHOWN]
    ]
    if len(held) > ORGANIZATIONS_SHOWN:
        attendance.append(tr(t.NEEDS_OTHER_ORGS, count=len(held) - ORGANIZATIONS_SHOWN))
    missed = part.missed_most
    attendance.append(
        tr(
            t.MEETINGS_MISSED,
            organizations=", ".join(
                tr(t.MEETINGS_MISSED_ITEM, organization=b.escape(a.name), missed=a.missed)
                for a in missed
            ),
        )
        if missed
        else tr(t.MEETINGS_NONE_MISSED)
    )
    return blocks + _sections(attendance)


def _trainings(tr: Texts, part: TrainingsPart) -> list[SlackBlock]:
    """Return the trainings part: held, participants and knowledge gain per subject."""
    if not part.available:
        return _sections([tr(t.TRAININGS_TITLE), tr(t.NOT_AVAILABLE)])
    lines = [
        tr(t.TRAININGS_TITLE),
        tr(
            t.TRAININGS_FIGURES,
            held=_whole(part.held.current),
            held_before=_whole(part.held.previous),
            held_arrow=part.held.arrow,
            participants=_whole(part.participants.current),
            participants_before=_whole(part.participants.previous),
            participants_arrow=part.participants.arrow,
        ),
    ]
    if not part.subjects:
        lines.append(tr(t.TRAININGS_NONE))
        return _sections(lines)
    for subject in part.subjects[:SUBJECTS_SHOWN]:
        common = {
            "subject": b.escape(subject.subject),
            "held": subject.held,
            "participants": subject.participants,
            "answers": subject.answers,
        }
        if subject.shown and subject.mean_before is not None and subject.mean_after is not None:
            lines.append(
                tr(
                    t.TRAININGS_SUBJECT,
                    before=_number(tr, subject.mean_before),
                    after=_number(tr, subject.mean_after),
                    change=_signed(tr, subject.mean_after - subject.mean_before),
                    rate=_percent(tr, subject.response_rate),
                    **common,
                )
            )
        else:
            lines.append(tr(t.TRAININGS_SUBJECT_HIDDEN, **common))
    if len(part.subjects) > SUBJECTS_SHOWN:
        lines.append(tr(t.TRAININGS_MORE, count=len(part.subjects) - SUBJECTS_SHOWN))
    return [*_sections(lines), b.context(tr(t.TRAININGS_SCALE))]


def _report_back(tr: Texts, part: ReportBackPart) -> list[SlackBlock]:
    """Return the report-back part: who has reported and who has not."""
    if not part.available:
        return _sections([tr(t.REPORTS_TITLE), tr(t.NOT_AVAILABLE)])
    reported = ", ".join(
        tr(t.REPORTS_ITEM, organization=b.escape(name), count=count)
        for name, count in part.reported
    )
    missing = ", ".join(b.escape(name) for name in part.missing)
    return _sections(
        [
            tr(t.REPORTS_TITLE),
            tr(t.REPORTS_DONE, organizations=reported or tr(t.REPORTS_NOBODY)),
            tr(t.REPORTS_MISSING, organizations=missing or tr(t.REPORTS_EVERYBODY)),
        ]
    )


TREND_ARROWS = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.STABLE: "→"}
TREND_WORDS = {Trend.UP: t.TREND_UP, Trend.DOWN: t.TREND_DOWN, Trend.STABLE: t.TREND_STABLE}


def indicator_trend(tr: Texts, item: IndicatorSeries) -> str:
    """Say how an indicator moved since the value before, and whether the plan wants that."""
    moved = item.trend
    if moved is Trend.FIRST or item.previous is None:
        return tr(t.INDICATOR_FIRST)
    wanted = item.wanted
    return tr(
        t.INDICATOR_COMPARED,
        arrow=TREND_ARROWS[moved],
        word=tr(TREND_WORDS[moved]),
        value=format_number(item.previous.value, tr.language),
        period=item.previous.period.label,
        wanted="" if wanted is None else tr(t.WANTED_YES if wanted else t.WANTED_NO),
    )


def _indicators(tr: Texts, series: Sequence[IndicatorSeries]) -> list[SlackBlock]:
    """Return the indicators part: each series' latest value and trend."""
    lines = [tr(t.INDICATORS_TITLE)]
    if not series:
        lines.append(tr(t.INDICATORS_NONE))
        return _sections(lines)
    for item in series[:INDICATORS_SHOWN]:
        lines.append(
            tr(
                t.INDICATOR_LINE,
                indicator=b.escape(item.name),
                place=b.escape(item.place),
                value=format_number(item.latest.value, tr.language),
                unit=b.escape(item.unit),
                period=item.latest.period.label,
                trend=indicator_trend(tr, item),
            )
        )
    if len(series) > INDICATORS_SHOWN:
        lines.append(tr(t.INDICATORS_MORE, count=len(series) - INDICATORS_SHOWN))
    return _sections(lines)


def summary_blocks(summary: StatusSummary, tr: Texts, tz: ZoneInfo) -> list[SlackBlock]:
    """Return every block of the summary, in the plan's order, ending with the caution."""
    window = summary.window
    period = t.SUMMARY_PERIOD if window.since_owners_meeting else t.SUMMARY_PERIOD_DEFAULT
    blocks: list[SlackBlock] = [
        b.header(tr(t.SUMMARY_HEADER, name=summary.name)),
        b.context(
            tr(
                period,
                start=_date(window.start, tz),
                end=_date(window.end, tz),
                previous_start=_date(window.previous_start, tz),
            ),
            tr(
                t.SUMMARY_GENERATED,
                at=summary.generated_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            ),
        ),
    ]
    parts = [
        _needs(tr, summary.needs, tz, summary.generated_at),
        _meetings(tr, summary.meetings),
        _trainings(tr, summary.trainings),
        _report_back(tr, summary.report_back),
        _indicators(tr, summary.indicators),
    ]
    for part in parts:
        blocks.append(b.divider())
        blocks += part
    blocks += [b.divider(), b.section(tr(t.CAUTION))]
    return blocks


def summary_fallback(summary: StatusSummary, tr: Texts, tz: ZoneInfo) -> str:
    """Return the notification text of the summary."""
    return tr(
        t.SUMMARY_FALLBACK,
        name=summary.name,
        start=_date(summary.window.start, tz),
        end=_date(summary.window.end, tz),
        new=_whole(summary.needs.new.current),
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
        trailer.append(
            b.actions(
                [
                    b.button(
                        tr(t.BUTTON_PUBLISH),
                        Action.SUMMARY_PUBLISH,
                        "publish",
                        style="primary",
                        confirm=b.confirm(
                            tr(t.PUBLISH_CONFIRM_TITLE),
                            tr(t.PUBLISH_CONFIRM_TEXT),
                            tr(t.PUBLISH_CONFIRM_YES),
                            tr(c.CANCEL),
                        ),
                    )
                ]
            )
        )
    return split_messages(
        summary_blocks(summary, tr, tz), summary_fallback(summary, tr, tz), tr, trailer
    )


# ---------------------------------------------------------------------------- indicator forms


@dataclass(frozen=True)
class ValueFormData:
    """What the value form shows: the catalogue, the places, and values to fill in."""

    indicators: list[IndicatorDef]
    municipalities: list[OrganizationInfo]
    indicator_id: str | None = None
    place: str | None = None
    period: str | None = None
    value: str | None = None
    source: str | None = None
    note: str | None = None


def _place_options(tr: Texts, municipalities: Sequence[OrganizationInfo]) -> list[Any]:
    """Return the places a value can be for: the county, then each municipality."""
    return [b.option(tr(t.PLACE_COUNTY), COUNTY)] + [b.option(m.name, m.id) for m in municipalities]


def value_form(
    tr: Texts,
    data: ValueFormData,
    *,
    correcting: IndicatorValue | None = None,
    intro: str | None = None,
) -> View:
    """Return the form that records (or corrects) an indicator value."""
    blocks: list[SlackBlock] = [b.section(intro or tr(t.VALUE_FORM_INTRO))]
    if correcting is None:
        blocks.append(
            b.select_input(
                tr(t.FIELD_INDICATOR),
                Block.INDICATOR_CHOICE,
                [b.option(i.label(tr), i.id) for i in data.indicators],
                initial=data.indicator_id,
            )
        )
        blocks.append(
            b.select_input(
                tr(t.FIELD_PLACE),
                Block.INDICATOR_PLACE,
                _place_options(tr, data.municipalities),
                initial=data.place or COUNTY,
            )
        )
        blocks.append(
            b.text_input(
                tr(t.FIELD_PERIOD),
                Block.INDICATOR_PERIOD,
                max_length=20,
                initial=data.period,
                hint=tr(t.FIELD_PERIOD_HINT),
            )
        )
    blocks += [
        b.text_input(
            tr(t.FIELD_VALUE),
            Block.INDICATOR_AMOUNT,
            max_length=20,
            initial=data.value,
            hint=tr(t.FIELD_VALUE_HINT),
        ),
        b.text_input(
            tr(t.FIELD_SOURCE),
            Block.INDICATOR_SOURCE,
            max_length=SOURCE_MAX,
            initial=data.source,
            hint=tr(t.FIELD_SOURCE_HINT),
        ),
        b.text_input(
            tr(t.FIELD_NOTE),
            Block.INDICATOR_NOTE,
            multiline=True,
            max_length=NOTE_MAX,
            initial=data.note,
            hint=tr(t.FIELD_NOTE_HINT),
            optional=True,
        ),
    ]
    metadata = {"correcting": correcting.id} if correcting is not None else {}
    return b.modal(
        tr(t.CORRECT_FORM_TITLE if correcting is not None else t.VALUE_FORM_TITLE),
        blocks,
        callback_id=Callback.INDICATOR_VALUE,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=json.dumps(metadata),
    )


DIRECTION_LABELS = {
    Direction.DOWN: t.DIRECTION_DOWN,
    Direction.UP: t.DIRECTION_UP,
    Direction.NONE: t.DIRECTION_NONE,
}


def indicator_form(tr: Texts) -> View:
    """Return the form where a coordinator adds an indicator of their own."""
    return b.modal(
        tr(t.NEW_INDICATOR_TITLE),
        [
            b.text_input(
                tr(t.FIELD_NAME), Block.INDICATOR_NAME, max_length=100
            ),
            b.text_input(
                tr(t.FIELD_UNIT),
                Block.INDICATOR_UNIT,
                max_length=30,
                hint=tr(t.FIELD_UNIT_HINT),
            ),
            b.radio_input(
                tr(t.FIELD_DIRECTION),
                Block.INDICATOR_DIRECTION,
                [b.option(tr(label), d.value) for d, label in DIRECTION_LABELS.items()],
                initial=Direction.DOWN.value,
            ),
        ],
        callback_id=Callback.INDICATOR_NEW,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
    )


def describe_value(tr: Texts, row: IndicatorValue, tz: ZoneInfo) -> str:
    """Describe an older value briefly: value, source and when it was recorded."""
    return tr(
        t.LIST_OLD,
        value=format_number(row.value, tr.language),
        source=b.escape(b.clip(row.source, 60)),
        date=_date(row.recorded_at, tz),
    )


def value_list(
    tr: Texts,
    values: Sequence[IndicatorValue],
    replaced: dict[int, IndicatorValue],
    more: int,
    catalogue: dict[str, IndicatorDef],
    place_names: dict[str, str],
    tz: ZoneInfo,
    *,
    can_correct: bool,
) -> dict[str, Any]:
    """Return the latest values in force, each with a correct button for coordinators."""
    blocks: list[SlackBlock] = [b.header(tr(t.LIST_HEADER))]
    if not values:
        blocks.append(b.section(tr(t.LIST_EMPTY)))
    for row in values[: MESSAGE_BLOCKS - 5]:
        indicator = catalogue.get(row.indicator_id)
        name = indicator.label(tr) if indicator else row.indicator_id
        unit = indicator.unit_label(tr) if indicator else ""
        old = replaced.get(row.replaces_id or -1)
        text = tr(
            t.LIST_LINE,
            indicator=b.escape(name),
            place=b.escape(place_names.get(row.place, row.place)),
            period=row.period_label,
            value=format_number(row.value, tr.language),
            unit=b.escape(unit),
            source=b.escape(row.source),
            note=tr(t.LIST_NOTE, note=b.escape(b.clip(row.note, 300))) if row.note else "",
            history=tr(t.LIST_HISTORY, old=describe_value(tr, old, tz)) if old else "",
        )
        accessory = (
            b.button(tr(t.BUTTON_CORRECT), Action.INDICATOR_CORRECT, str(row.id))
            if can_correct
            else None
        )
        blocks.append(
            b.section(text, block_id=f"{Block.INDICATOR_VALUE_ROW}:{row.id}", accessory=accessory)
        )
    hidden = more + max(len(values) - (MESSAGE_BLOCKS - 5), 0)
    if hidden:
        blocks.append(b.context(tr(t.LIST_MORE, count=hidden)))
    if can_correct:
        blocks.append(
            b.actions(
                [
                    b.button(tr(t.BUTTON_NEW_VALUE), Action.INDICATOR_OPEN_FORM, style="primary"),
                    b.button(tr(t.BUTTON_NEW_INDICATOR), Action.INDICATOR_OPEN_NEW),
                ]
            )
        )
    return {"text": tr(t.LIST_HEADER), "blocks": b.blocks_dict(blocks)}
