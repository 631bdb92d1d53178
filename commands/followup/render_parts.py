"""Block Kit for each part of the status summary, in the plan's order.

Every part is a function of (texts, summary, zone) returning its blocks; PARTS lists them, and
render_summary.py puts them together. A new part of the summary (its data on StatusSummary)
adds its function here and to PARTS. Counts say zero in words ("inga"), and rankings name
everyone tied at the top, or count them when there are many.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.indicators import PeriodKind, Trend, format_number, period_shown
from bot.domain.needs import STATUS_LABELS, NeedStatus
from bot.domain.summary import (
    MISSED_NAMED,
    Attendance,
    Compared,
    IndicatorSeries,
    StatusSummary,
    SubjectFigures,
)
from bot.texts import Texts, formats
from bot.texts import followup as t
from commands import blocks as b
from commands.actions.render_summary import actions_blocks
from commands.trainings.render_format import participants_phrase

ORGANIZATIONS_SHOWN = 25
SUBJECTS_SHOWN = 12
INDICATORS_SHOWN = 40

# One part of the summary: its blocks, from the whole summary (see StatusSummary).
Part = Callable[[Texts, StatusSummary, ZoneInfo], list[SlackBlock]]


def number(tr: Texts, value: float, decimals: int = 1) -> str:
    """Write a number with one decimal, with a decimal comma in Swedish."""
    return formats.number(tr.language, value, decimals, fixed=True)


def percent(tr: Texts, share: float | None) -> str:
    """Write a share 0-1 as a whole percentage."""
    if share is None:
        return "–"
    return formats.percent(tr.language, share)


def signed(tr: Texts, value: float) -> str:
    """Write a change with its sign."""
    return ("+" if value > 0 else "") + number(tr, value)


def figure(tr: Texts, value: float) -> str:
    """Write a count, zero in words ("inga")."""
    count = round(value)
    return tr(t.NONE_WORD) if count == 0 else str(count)


def compared(tr: Texts, pair: Compared) -> dict[str, str]:
    """Return a figure, the one before (both zero in words) and its arrow, for a text."""
    return {
        "now": figure(tr, pair.current),
        "before": figure(tr, pair.previous),
        "arrow": pair.arrow,
    }


def local_date(tr: Texts, moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date briefly: 2026-12-08, 8 Dec 2026."""
    return formats.short_date(tr.language, moment.astimezone(tz).date())


def sections(lines: Sequence[str]) -> list[SlackBlock]:
    """Return sections holding the lines, split where a section would be too long."""
    return [b.section(text) for text in b.chunk_lines(lines)]


# ------------------------------------------------------------------------------------ needs


def needs_part(tr: Texts, summary: StatusSummary, tz: ZoneInfo) -> list[SlackBlock]:
    """Return the needs part: figures, by status, by organisation, the oldest open."""
    part, now = summary.needs, summary.generated_at
    new, done = compared(tr, part.new), compared(tr, part.done)
    lines = [
        tr(t.NEEDS_TITLE),
        tr(
            t.NEEDS_FIGURES,
            new=new["now"],
            new_before=new["before"],
            new_arrow=new["arrow"],
            done=done["now"],
            done_before=done["before"],
            done_arrow=done["arrow"],
            open=figure(tr, part.open_now),
        ),
    ]
    if part.by_status:
        statuses = " · ".join(
            f"{tr(STATUS_LABELS[s])} {part.by_status[s]}" for s in NeedStatus if s in part.by_status
        )
        lines.append(tr(t.NEEDS_BY_STATUS, statuses=statuses))
    blocks = sections(lines)
    active = [o for o in part.by_organization if o.new or o.new_before or o.open_now]
    org_lines = [tr(t.NEEDS_BY_ORGANIZATION)]
    org_lines += [
        tr(
            t.NEEDS_ORG_LINE,
            organization=b.escape(o.name),
            new=figure(tr, o.new),
            new_before=figure(tr, o.new_before),
            open=tr.count(t.NEEDS_OPEN_COUNT, o.open_now),
        )
        for o in active[:ORGANIZATIONS_SHOWN]
    ] or [tr(t.NEEDS_NO_NEW)]
    if len(active) > ORGANIZATIONS_SHOWN:
        org_lines.append(tr(t.NEEDS_OTHER_ORGS, count=len(active) - ORGANIZATIONS_SHOWN))
    blocks += sections(org_lines)
    if part.oldest_open:
        old_lines = [tr(t.NEEDS_OLDEST)] + [
            tr(
                t.NEEDS_OLD_LINE,
                id=need.id,
                title=b.escape(b.clip(need.title, 80)),
                organization=b.escape(need.organization),
                status=tr(STATUS_LABELS[need.status]),
                date=local_date(tr, need.created_at, tz),
                days=max((now - need.created_at).days, 0),
            )
            for need in part.oldest_open
        ]
        blocks += sections(old_lines)
    return blocks


# --------------------------------------------------------------------------------- meetings


def attendance_line(tr: Texts, row: Attendance) -> str:
    """Say how many of the meetings it was invited to an organisation attended."""
    if row.attended == 0:
        return tr(t.MEETINGS_ATTENDANCE_NONE, organization=b.escape(row.name), held=row.held)
    return tr(
        t.MEETINGS_ATTENDANCE_LINE,
        organization=b.escape(row.name),
        attended=row.attended,
        held=row.held,
        rate=percent(tr, row.rate),
    )


def missed_line(tr: Texts, summary: StatusSummary) -> str:
    """Say who missed the most meetings: every organisation tied at the top, or how many."""
    ranking = summary.meetings.missed_ranking
    if ranking is None:
        return tr(t.MEETINGS_NONE_MISSED)
    of = tr.count(t.MEETINGS_OF_INVITED, ranking.invited, missed=ranking.missed)
    names = ranking.names
    if len(names) > MISSED_NAMED:
        return tr(t.MEETINGS_MISSED_COUNTED, count=len(names), of=of)
    if len(names) == 1:
        return tr(t.MEETINGS_MISSED_ONE, organization=b.escape(names[0]), of=of)
    listed = formats.join(tr.language, [b.escape(name) for name in names])
    return tr(t.MEETINGS_MISSED_TIED, organizations=listed, of=of)


def meetings_part(tr: Texts, summary: StatusSummary, _tz: ZoneInfo) -> list[SlackBlock]:
    """Return the meetings part: held, not followed up, attendance, who missed the most."""
    part = summary.meetings
    if not part.available:
        return sections([tr(t.MEETINGS_TITLE), tr(t.NOT_AVAILABLE)])
    working, every = compared(tr, part.working_group), compared(tr, part.all_meetings)
    lines = [
        tr(t.MEETINGS_TITLE),
        tr(
            t.MEETINGS_FIGURES,
            working=working["now"],
            working_before=working["before"],
            arrow=working["arrow"],
            all=every["now"],
            all_before=every["before"],
        ),
    ]
    if part.not_followed_up:
        lines.append(tr.count(t.MEETINGS_NOT_FOLLOWED_UP, part.not_followed_up))
    held = [a for a in part.attendance if a.held]
    if not held:
        lines.append(tr(t.MEETINGS_NONE))
        return sections(lines)
    blocks = sections(lines)
    attendance = [tr(t.MEETINGS_ATTENDANCE)]
    attendance += [attendance_line(tr, a) for a in held[:ORGANIZATIONS_SHOWN]]
    if len(held) > ORGANIZATIONS_SHOWN:
        attendance.append(tr(t.NEEDS_OTHER_ORGS, count=len(held) - ORGANIZATIONS_SHOWN))
    attendance.append(missed_line(tr, summary))
    return blocks + sections(attendance)


# -------------------------------------------------------------------------------- trainings


def _participants(tr: Texts, subject: SubjectFigures) -> str:
    """Say a subject's trainings and participants by kind: expected, reported, answered."""
    counts = subject.participants
    return participants_phrase(
        tr,
        held=subject.held,
        registered=subject.registered,
        reported=subject.reported_trainings,
        expected_participants=counts.expected,
        reported_participants=counts.reported,
        answers=counts.answered,
    )


def _subject_line(tr: Texts, subject: SubjectFigures) -> str:
    """Return a subject's line: trainings, participants by kind, and the knowledge gain."""
    common = {"subject": b.escape(subject.subject), "figures": _participants(tr, subject)}
    if subject.shown and subject.mean_before is not None and subject.mean_after is not None:
        return tr(
            t.TRAININGS_SUBJECT,
            before=number(tr, subject.mean_before),
            after=number(tr, subject.mean_after),
            change=signed(tr, subject.mean_after - subject.mean_before),
            rate=percent(tr, subject.response_rate),
            **common,
        )
    if not subject.registered:
        return tr(t.TRAININGS_SUBJECT_REPORTED, **common)
    if not subject.answers:
        return tr(t.TRAININGS_SUBJECT_UNANSWERED, **common)
    return tr(t.TRAININGS_SUBJECT_HIDDEN, answers=subject.answers, **common)


def trainings_part(tr: Texts, summary: StatusSummary, _tz: ZoneInfo) -> list[SlackBlock]:
    """Return the trainings part: held, participants kept apart by kind, knowledge per subject."""
    part = summary.trainings
    if not part.available:
        return sections([tr(t.TRAININGS_TITLE), tr(t.NOT_AVAILABLE)])
    held, expected = compared(tr, part.held), compared(tr, part.expected)
    reported, answered = compared(tr, part.reported), compared(tr, part.answered)
    lines = [
        tr(t.TRAININGS_TITLE),
        tr(t.TRAININGS_FIGURES, held=held["now"], held_before=held["before"], arrow=held["arrow"]),
        tr(
            t.TRAININGS_PARTICIPANTS,
            reported=reported["now"],
            reported_before=reported["before"],
            expected=expected["now"],
            expected_before=expected["before"],
            answered=answered["now"],
            answered_before=answered["before"],
        ),
    ]
    if not part.subjects:
        lines.append(tr(t.TRAININGS_NONE))
        return sections(lines)
    lines += [_subject_line(tr, subject) for subject in part.subjects[:SUBJECTS_SHOWN]]
    if len(part.subjects) > SUBJECTS_SHOWN:
        lines.append(tr(t.TRAININGS_MORE, count=len(part.subjects) - SUBJECTS_SHOWN))
    return [*sections(lines), b.context(tr(t.TRAININGS_SCALE))]


# ------------------------------------------------------------------------------ report-back


def report_back_part(tr: Texts, summary: StatusSummary, _tz: ZoneInfo) -> list[SlackBlock]:
    """Return the report-back part: who has reported and who has not."""
    part = summary.report_back
    if not part.available:
        return sections([tr(t.REPORTS_TITLE), tr(t.NOT_AVAILABLE)])
    reported = ", ".join(
        tr(t.REPORTS_ITEM, organization=b.escape(name), count=count)
        for name, count in part.reported
    )
    missing = ", ".join(b.escape(name) for name in part.missing)
    return sections(
        [
            tr(t.REPORTS_TITLE),
            tr(t.REPORTS_DONE, organizations=reported or tr(t.REPORTS_NOBODY)),
            tr(t.REPORTS_MISSING, organizations=missing or tr(t.REPORTS_EVERYBODY)),
        ]
    )


# ------------------------------------------------------------------------------- indicators

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
        period=period_shown(item.latest.period.label, tr.language),
        previous=period_shown(item.previous.period.label, tr.language),
        wanted="" if wanted is None else tr(t.WANTED_YES if wanted else t.WANTED_NO),
    )


def indicators_part(tr: Texts, summary: StatusSummary, _tz: ZoneInfo) -> list[SlackBlock]:
    """Return the indicators part: each series' latest value and trend."""
    series = summary.indicators
    lines = [tr(t.INDICATORS_TITLE)]
    if not series:
        lines.append(tr(t.INDICATORS_NONE))
        return sections(lines)
    for item in series[:INDICATORS_SHOWN]:
        lines.append(
            tr(
                t.INDICATOR_LINE,
                indicator=b.escape(item.name),
                place=b.escape(item.place),
                value=format_number(item.latest.value, tr.language),
                unit=b.escape(item.unit),
                period=period_shown(item.latest.period.label, tr.language),
                trend=indicator_trend(tr, item),
            )
        )
    if len(series) > INDICATORS_SHOWN:
        lines.append(tr(t.INDICATORS_MORE, count=len(series) - INDICATORS_SHOWN))
    return sections(lines)


# The summary's parts in the plan's order (a new part of the summary is added here).
def actions_part(tr: Texts, summary: StatusSummary, tz: ZoneInfo) -> list[SlackBlock]:
    """Return the actions part: planned, done, overdue and cancelled in the period."""
    return actions_blocks(tr, summary.actions)


PARTS: tuple[Part, ...] = (
    needs_part,
    meetings_part,
    trainings_part,
    report_back_part,
    indicators_part,
    actions_part,
)
