"""Block Kit for the status summary: its parts in the plan's order, split into messages."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.indicators import PeriodKind, Trend, format_number
from bot.domain.needs import STATUS_LABELS, NeedStatus
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
from commands.edge.ids import Action

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


def local_date(moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date."""
    return moment.astimezone(tz).strftime("%Y-%m-%d")


def _sections(lines: Sequence[str]) -> list[SlackBlock]:
    """Return sections holding the lines, split where a section would be too long."""
    return [b.section(text) for text in b.chunk_lines(lines)]


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
                date=local_date(need.created_at, tz),
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
PERIOD_KIND_WORDS = {
    PeriodKind.YEAR: t.KIND_YEAR,
    PeriodKind.HALF: t.KIND_HALF,
    PeriodKind.QUARTER: t.KIND_QUARTER,
    PeriodKind.MONTH: t.KIND_MONTH,
    PeriodKind.WEEK: t.KIND_WEEK,
    PeriodKind.DAY: t.KIND_DAY,
}


def indicator_trend(tr: Texts, item: IndicatorSeries) -> str:
    """Say how an indicator moved since the period before of the same kind, naming both.

    A series with only one value says so; one whose earlier values are of another kind (a year
    before a quarter) says there is no earlier period of this kind to compare with.
    """
    moved = item.trend
    if moved is Trend.FIRST or item.previous is None:
        if len(item.points) <= 1:
            return tr(t.INDICATOR_FIRST)
        return tr(t.INDICATOR_NO_LIKE, kind=tr(PERIOD_KIND_WORDS[item.latest.period.kind]))
    wanted = item.wanted
    return tr(
        t.INDICATOR_COMPARED,
        arrow=TREND_ARROWS[moved],
        word=tr(TREND_WORDS[moved]),
        value=format_number(item.previous.value, tr.language),
        unit=b.escape(item.unit),
        period=item.latest.period.label,
        previous=item.previous.period.label,
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
                start=local_date(window.start, tz),
                end=local_date(window.end, tz),
                previous_start=local_date(window.previous_start, tz),
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
        start=local_date(summary.window.start, tz),
        end=local_date(summary.window.end, tz),
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
        yes, no = tr(t.PUBLISH_CONFIRM_YES), tr(c.CANCEL)
        confirm = b.confirm(tr(t.PUBLISH_CONFIRM_TITLE), tr(t.PUBLISH_CONFIRM_TEXT), yes, no)
        publish = b.button(
            tr(t.BUTTON_PUBLISH), Action.SUMMARY_PUBLISH, style="primary", confirm=confirm
        )
        trailer.append(b.actions([publish]))
    return split_messages(
        summary_blocks(summary, tr, tz), summary_fallback(summary, tr, tz), tr, trailer
    )
