"""The export's meeting sheets: every meeting that has ended, and attendance per organisation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.export import Cell, Sheet
from bot.domain.meetings import Answer, MeetingKind, MeetingStatus
from bot.texts import followup as t
from storage import meetings
from storage.export.context import ExportContext, columns_sheet, rounded
from storage.models import AgendaItem, Meeting, MeetingAnswer, MeetingSeries
from storage.models import Attendance as MeetingAttendance

MEETING_KIND_LABELS = {
    MeetingKind.WORKING_GROUP.value: t.KIND_WORKING_GROUP,
    MeetingKind.PLANNING.value: t.KIND_PLANNING,
    MeetingKind.OWNERS.value: t.KIND_OWNERS,
}
MEETING_STATUS_LABELS = {
    MeetingStatus.HELD.value: t.MEETING_HELD,
    MeetingStatus.UNCONFIRMED.value: t.MEETING_UNCONFIRMED,
    MeetingStatus.CANCELLED.value: t.MEETING_CANCELLED,
}
COLUMNS = (
    (t.COL_DATE, 17),
    (t.COL_KIND, 22),
    (t.COL_MEETING, 36),
    (t.COL_PLACE, 28),
    (t.COL_STATUS, 16),
    (t.COL_CANCEL_REASON, 36),
    (t.COL_PRESENT, 14),
    (t.COL_PRESENT_NAMES, 60),
    (t.COL_ANSWERS_YES, 12),
    (t.COL_ANSWERS_SUBSTITUTE, 12),
    (t.COL_ANSWERS_NO, 12),
    (t.COL_AGENDA_ADDED, 60),
)


def meeting_sheets(session: Session, context: ExportContext) -> Sequence[Sheet]:
    """Return the meetings sheet and the attendance sheet."""
    tr = context.tr
    period, previous = context.period_label, context.previous_label
    attendance_headers = [
        tr(t.COL_ORGANIZATION),
        tr(t.COL_MEETINGS_HELD, period=period),
        tr(t.COL_ATTENDED, period=period),
        tr(t.COL_RATE, period=period),
        tr(t.COL_MEETINGS_HELD, period=previous),
        tr(t.COL_ATTENDED, period=previous),
        tr(t.COL_RATE, period=previous),
    ]
    return [
        columns_sheet(tr, t.SHEET_MEETINGS, COLUMNS, meeting_rows(session, context)),
        Sheet(
            tr(t.SHEET_ATTENDANCE),
            attendance_headers,
            attendance_rows(session, context),
            widths=(28, 22, 14, 14, 22, 14, 14),
        ),
    ]


def attendance_rows(session: Session, context: ExportContext) -> list[list[Cell]]:
    """Return working-group attendance per organisation for the period and the one before.

    Only held meetings count, each of them one every partner was invited to.
    """
    window = context.window
    now = meetings.attendance_by_organization(session, window.start, window.end)
    before = meetings.attendance_by_organization(session, window.previous_start, window.start)
    rows: list[list[Cell]] = []
    for oid, name in context.names.items():
        if oid not in now and oid not in before:
            continue
        attended, held = now.get(oid, (0, 0))
        attended_before, held_before = before.get(oid, (0, 0))
        rows.append(
            [
                name,
                held,
                attended,
                rounded(100 * attended / held, 1) if held else None,
                held_before,
                attended_before,
                rounded(100 * attended_before / held_before, 1) if held_before else None,
            ]
        )
    return rows


def _present(session: Session) -> dict[int, list[str]]:
    """Return the organisations recorded present at each meeting."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(MeetingAttendance.meeting_id, MeetingAttendance.organization_id)
    ).all()
    for meeting_id, organization in rows:
        found[int(meeting_id)].append(str(organization))
    return found


def _answers(session: Session) -> dict[int, dict[str, int]]:
    """Return how many answered yes, no and with a substitute, per meeting (no names)."""
    found: dict[int, dict[str, int]] = defaultdict(dict)
    rows = session.execute(
        select(MeetingAnswer.meeting_id, MeetingAnswer.answer, func.count()).group_by(
            MeetingAnswer.meeting_id, MeetingAnswer.answer
        )
    ).all()
    for meeting_id, answer, count in rows:
        found[int(meeting_id)][str(answer)] = int(count)
    return found


def _agenda(session: Session) -> dict[int, list[str]]:
    """Return the agenda items partners added, per meeting."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(AgendaItem.meeting_id, AgendaItem.text).order_by(AgendaItem.id)
    ).all()
    for meeting_id, text in rows:
        found[int(meeting_id)].append(str(text))
    return found


def meeting_rows(session: Session, context: ExportContext) -> Iterator[list[Cell]]:
    """Stream every meeting that has ended: held, not followed up or cancelled, oldest first."""
    tr = context.tr
    present, answers, agenda = _present(session), _answers(session), _agenda(session)
    kinds = {k: tr(label) for k, label in MEETING_KIND_LABELS.items()}
    statuses = {s: tr(label) for s, label in MEETING_STATUS_LABELS.items()}
    query = (
        select(Meeting, MeetingSeries.kind, MeetingSeries.title)
        .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
        .where(
            Meeting.status.in_(list(MEETING_STATUS_LABELS))
            & ((Meeting.status != MeetingStatus.CANCELLED.value) | (Meeting.start < context.now))
        )
        .order_by(Meeting.start, Meeting.id)
        .execution_options(yield_per=2000)
    )
    for meeting, kind, title in session.execute(query):
        orgs = present.get(meeting.id, [])
        counts = answers.get(meeting.id, {})
        yield [
            context.local(meeting.start),
            kinds.get(kind, kind),
            title,
            meeting.location,
            statuses.get(meeting.status, meeting.status),
            meeting.cancel_reason if meeting.status == MeetingStatus.CANCELLED.value else None,
            len(orgs),
            context.organizations(sorted(orgs, key=lambda o: context.names.get(o, o))),
            counts.get(Answer.YES.value, 0),
            counts.get(Answer.SUBSTITUTE.value, 0),
            counts.get(Answer.NO.value, 0),
            "\n".join(agenda.get(meeting.id, [])),
        ]
