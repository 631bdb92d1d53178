"""Queries of the meeting rhythm: series, meetings, answers, agenda, attendance and contacts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.orm import Session

from bot.domain.meetings import Answer, MeetingKind, MeetingStatus, PlannedMeeting, SeriesDraft
from storage import outbox
from storage.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingAnswer,
    MeetingContact,
    MeetingInvitation,
    MeetingSeries,
    Organization,
    OutboxMessage,
)
from storage.outbox import FAILED, PENDING, SENDING, SENT, SUPERSEDED, OutboxKey
from storage.upsert import insert_ignore

VISIBLE = (
    MeetingStatus.SCHEDULED.value,
    MeetingStatus.CANCELLED.value,
    MeetingStatus.HELD.value,
    MeetingStatus.UNCONFIRMED.value,
)


@dataclass(frozen=True)
class UpcomingMeeting:
    """A coming meeting as the Home tab and the status summary show it."""

    id: int
    series_id: int
    kind: str
    title: str
    start: datetime
    end: datetime
    location: str
    status: str
    revision: int


def _upcoming(meeting: Meeting) -> UpcomingMeeting:
    """Describe a meeting for other surfaces."""
    return UpcomingMeeting(
        id=meeting.id,
        series_id=meeting.series_id,
        kind=meeting.series.kind,
        title=meeting.series.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        status=meeting.status,
        revision=meeting.revision,
    )


# ----------------------------------------------------------------------------- series


def all_series(session: Session) -> list[MeetingSeries]:
    """Return every series, oldest first."""
    return list(session.scalars(select(MeetingSeries).order_by(MeetingSeries.id)))


def series_values(draft: SeriesDraft) -> dict[str, object]:
    """Return the column values a validated series draft sets."""
    return {
        "kind": draft.kind.value,
        "title": draft.title,
        "rrule": draft.rrule,
        "start_local": draft.start,
        "duration_s": int(draft.duration.total_seconds()),
        "location": draft.location,
        "call_before_s": int(draft.call_before.total_seconds()),
        "reminder_before_s": int(draft.reminder_before.total_seconds()),
        "summary_before_s": (
            int(draft.summary_before.total_seconds()) if draft.summary_before else None
        ),
        "skip_months": list(draft.skip_months),
        "on_holiday": draft.on_holiday.value,
        "agenda": list(draft.agenda),
    }


def sync_config_series(
    session: Session, entries: Sequence[tuple[str, SeriesDraft]], now: datetime
) -> None:
    """Bring series from the configuration in; ones changed in Slack keep the Slack version."""
    existing = {
        s.key: s
        for s in session.scalars(select(MeetingSeries).where(MeetingSeries.source == "config"))
    }
    for key, draft in entries:
        values = series_values(draft)
        series = existing.pop(key, None)
        if series is None:
            insert_ignore(
                session,
                MeetingSeries,
                {
                    "key": key,
                    "source": "config",
                    "paused": False,
                    "edited_in_slack": False,
                    "created_at": now,
                    "updated_at": now,
                    **values,
                },
            )
            continue
        if series.edited_in_slack:
            continue
        changed = {k: v for k, v in values.items() if getattr(series, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(series, name, value)
            series.updated_at = now
    for series in existing.values():
        if not series.edited_in_slack and not series.paused:
            series.paused = True
            series.updated_at = now


def series_by_key(session: Session, key: str) -> MeetingSeries | None:
    """Return the series with a key, if stored."""
    return session.scalars(select(MeetingSeries).where(MeetingSeries.key == key)).first()


def create_series(session: Session, draft: SeriesDraft, key: str, now: datetime) -> MeetingSeries:
    """Store a series a coordinator created in Slack."""
    series = MeetingSeries(
        key=key,
        source="slack",
        paused=False,
        edited_in_slack=True,
        created_at=now,
        updated_at=now,
        **series_values(draft),
    )
    session.add(series)
    session.flush()
    return series


def update_series(
    session: Session, series: MeetingSeries, draft: SeriesDraft, now: datetime
) -> None:
    """Change a series from Slack; from now on the configuration no longer overrides it."""
    for name, value in series_values(draft).items():
        setattr(series, name, value)
    series.edited_in_slack = True
    series.updated_at = now


# --------------------------------------------------------------------------- meetings


def get_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """Return a meeting with its series."""
    return session.get(Meeting, meeting_id)


def meetings_after(session: Session, series_id: int, now: datetime) -> list[Meeting]:
    """Return a series' meetings that start after now, in any status."""
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.series_id == series_id, Meeting.start > now)
            .order_by(Meeting.start)
        )
    )


def rule_keys(session: Session, series_id: int) -> dict[str, Meeting]:
    """Return a series' meetings by rule key."""
    rows = session.scalars(select(Meeting).where(Meeting.series_id == series_id))
    return {m.rule_key: m for m in rows}


def add_planned(
    session: Session, series_id: int, planned: PlannedMeeting, location: str, now: datetime
) -> bool:
    """Store a planned meeting unless its rule date is already stored; tell whether it was."""
    return insert_ignore(
        session,
        Meeting,
        {
            "series_id": series_id,
            "rule_key": planned.rule_key,
            "start": planned.start,
            "end": planned.end,
            "location": location,
            "status": MeetingStatus.SCHEDULED.value,
            "manual": False,
            "revision": 0,
            "created_at": now,
            "updated_at": now,
        },
    )


def due_meetings(session: Session, now: datetime, lead: timedelta) -> list[Meeting]:
    """Return scheduled meetings that start after now and within lead."""
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.start > now,
                Meeting.start <= now + lead,
            )
            .order_by(Meeting.start, Meeting.id)
        )
    )


def ended_meetings(session: Session, now: datetime) -> list[Meeting]:
    """Return scheduled meetings that have ended."""
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.status == MeetingStatus.SCHEDULED.value, Meeting.end <= now)
            .order_by(Meeting.start)
        )
    )


def close_meeting(session: Session, meeting_id: int, status: MeetingStatus, now: datetime) -> bool:
    """Move an ended, scheduled meeting to held or unconfirmed, once; tell whether this did it."""
    result = session.execute(
        update(Meeting)
        .where(Meeting.id == meeting_id, Meeting.status == MeetingStatus.SCHEDULED.value)
        .values(status=status.value, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def follow_up(
    session: Session,
    meeting_id: int,
    status: MeetingStatus,
    now: datetime,
    reason: str = "",
    *,
    overrule_held: bool = False,
) -> bool:
    """Settle an ended meeting not yet followed up as held or cancelled; tell whether this did it.

    Only a meeting still scheduled (ended before the planner closed it) or unconfirmed moves;
    with overrule_held, one counted as held may be cancelled too.
    """
    settled = [MeetingStatus.SCHEDULED.value, MeetingStatus.UNCONFIRMED.value]
    if overrule_held:
        settled.append(MeetingStatus.HELD.value)
    values: dict[str, object] = {"status": status.value, "updated_at": now}
    if status is MeetingStatus.CANCELLED:
        values["cancel_reason"] = reason
    result = session.execute(
        update(Meeting)
        .where(
            Meeting.id == meeting_id,
            Meeting.status.in_(settled),
            Meeting.end <= now,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def unconfirmed_meetings(session: Session, limit: int = 20) -> list[tuple[datetime, str]]:
    """Return (start, title) of ended meetings nobody has followed up, oldest first."""
    return [
        (start, str(title))
        for start, title in session.execute(
            select(Meeting.start, MeetingSeries.title)
            .join(MeetingSeries, Meeting.series_id == MeetingSeries.id)
            .where(Meeting.status == MeetingStatus.UNCONFIRMED.value)
            .order_by(Meeting.start, Meeting.id)
            .limit(limit)
        ).all()
    ]


def meetings_unconfirmed(session: Session, start: datetime, end: datetime) -> int:
    """Count the meetings that started in [start, end) and are not followed up."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Meeting)
            .where(
                Meeting.status == MeetingStatus.UNCONFIRMED.value,
                Meeting.start >= start,
                Meeting.start < end,
            )
        )
        or 0
    )


def coming_meetings(
    session: Session,
    now: datetime,
    kinds: Iterable[str] | None = None,
    limit: int = 10,
    *,
    invited_user: str | None = None,
) -> list[Meeting]:
    """Return meetings that have not ended, scheduled or cancelled, soonest first.

    With kinds, only those kinds, plus any meeting invited_user is invited to.
    """
    query = (
        select(Meeting)
        .join(MeetingSeries)
        .where(
            Meeting.end > now,
            Meeting.status.in_([MeetingStatus.SCHEDULED.value, MeetingStatus.CANCELLED.value]),
        )
        .order_by(Meeting.start, Meeting.id)
        .limit(limit)
    )
    if kinds is not None:
        condition: ColumnElement[bool] = MeetingSeries.kind.in_(list(kinds))
        if invited_user is not None:
            invited_to = select(MeetingInvitation.meeting_id).where(
                MeetingInvitation.user_id == invited_user
            )
            condition = or_(condition, Meeting.id.in_(invited_to))
        query = query.where(condition)
    return list(session.scalars(query))


def calendar_meetings(session: Session, kinds: Iterable[str], since: datetime) -> list[Meeting]:
    """Return the meetings of some kinds from since on, for a calendar file."""
    return list(
        session.scalars(
            select(Meeting)
            .join(MeetingSeries)
            .where(
                MeetingSeries.kind.in_(list(kinds)),
                Meeting.end > since,
                Meeting.status.in_(VISIBLE),
            )
            .order_by(Meeting.start, Meeting.id)
            .limit(500)
        )
    )


def last_held(session: Session, kind: str, now: datetime) -> Meeting | None:
    """Return the latest held meeting of a kind."""
    return session.scalars(
        select(Meeting)
        .join(MeetingSeries)
        .where(
            MeetingSeries.kind == kind,
            Meeting.status == MeetingStatus.HELD.value,
            Meeting.end <= now,
        )
        .order_by(Meeting.start.desc())
        .limit(1)
    ).first()


def next_meetings(session: Session, now: datetime, limit: int = 5) -> list[UpcomingMeeting]:
    """Return the coming meetings (not yet ended, scheduled or cancelled), soonest first."""
    return [_upcoming(m) for m in coming_meetings(session, now, limit=limit)]


def next_owners_meeting(session: Session, now: datetime) -> UpcomingMeeting | None:
    """Return the next scheduled owners' meeting."""
    meeting = session.scalars(
        select(Meeting)
        .join(MeetingSeries)
        .where(
            MeetingSeries.kind == MeetingKind.OWNERS.value,
            Meeting.status == MeetingStatus.SCHEDULED.value,
            Meeting.start > now,
        )
        .order_by(Meeting.start)
        .limit(1)
    ).first()
    return _upcoming(meeting) if meeting is not None else None


def meetings_held(session: Session, start: datetime, end: datetime, kind: str | None = None) -> int:
    """Count the meetings held (of one kind, or all) that started in [start, end)."""
    query = (
        select(func.count())
        .select_from(Meeting)
        .join(MeetingSeries)
        .where(
            Meeting.status == MeetingStatus.HELD.value,
            Meeting.start >= start,
            Meeting.start < end,
        )
    )
    if kind is not None:
        query = query.where(MeetingSeries.kind == kind)
    return int(session.scalar(query) or 0)


def attendance_by_organization(
    session: Session, start: datetime, end: datetime
) -> dict[str, tuple[int, int]]:
    """Return per organisation id: (working-group meetings attended, held) in [start, end)."""
    held_ids = (
        select(Meeting.id)
        .join(MeetingSeries)
        .where(
            MeetingSeries.kind == MeetingKind.WORKING_GROUP.value,
            Meeting.status == MeetingStatus.HELD.value,
            Meeting.start >= start,
            Meeting.start < end,
        )
    )
    held = meetings_held(session, start, end, MeetingKind.WORKING_GROUP.value)
    attended = dict(
        session.execute(
            select(Attendance.organization_id, func.count())
            .where(Attendance.meeting_id.in_(held_ids))
            .group_by(Attendance.organization_id)
        ).all()
    )
    organizations = session.scalars(
        select(Organization.id).where(Organization.active.is_(True))
    ).all()
    result = {org: (int(attended.get(org, 0)), held) for org in organizations}
    for org, count in attended.items():
        result.setdefault(str(org), (int(count), held))
    return result


# -------------------------------------------------------------------- answers and agenda


def rsvp_of(session: Session, occurrence_id: int, user_id: str) -> str | None:
    """Return a person's answer to a meeting: yes, no, substitute, or None."""
    return session.scalar(
        select(MeetingAnswer.answer).where(
            MeetingAnswer.meeting_id == occurrence_id, MeetingAnswer.user_id == user_id
        )
    )


def answers_by_user(session: Session, meeting_ids: Sequence[int], user_id: str) -> dict[int, str]:
    """Return a person's answers to several meetings by meeting id."""
    if not meeting_ids:
        return {}
    rows = session.execute(
        select(MeetingAnswer.meeting_id, MeetingAnswer.answer).where(
            MeetingAnswer.meeting_id.in_(list(meeting_ids)), MeetingAnswer.user_id == user_id
        )
    ).all()
    return {int(m): str(a) for m, a in rows}


def answers_of(session: Session, meeting_id: int) -> list[MeetingAnswer]:
    """Return every answer to a meeting."""
    return list(
        session.scalars(
            select(MeetingAnswer)
            .where(MeetingAnswer.meeting_id == meeting_id)
            .order_by(MeetingAnswer.id)
        )
    )


def set_answer(
    session: Session,
    meeting_id: int,
    user_id: str,
    organization_id: str | None,
    answer: Answer,
    substitute: str | None,
    answered_at: datetime,
) -> bool:
    """Store or change a person's answer to a meeting, given at answered_at (UTC).

    Return False when an answer given later is stored already: that one stays, whatever
    order two quick answers are stored in.
    """
    values = {
        "organization_id": organization_id,
        "answer": answer.value,
        "substitute": substitute if answer is Answer.SUBSTITUTE else None,
        "answered_at": answered_at,
    }
    inserted = insert_ignore(
        session, MeetingAnswer, {"meeting_id": meeting_id, "user_id": user_id, **values}
    )
    if inserted:
        return True
    changed = session.execute(
        update(MeetingAnswer)
        .where(
            MeetingAnswer.meeting_id == meeting_id,
            MeetingAnswer.user_id == user_id,
            MeetingAnswer.answered_at <= answered_at,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(changed.rowcount)  # type: ignore[attr-defined]


def agenda_items(session: Session, meeting_id: int) -> list[AgendaItem]:
    """Return the items partners added to a meeting's agenda, oldest first."""
    return list(
        session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.id)
        )
    )


def add_agenda_item(
    session: Session,
    meeting_id: int,
    text: str,
    *,
    organization_id: str | None,
    added_by: str,
    source_key: str | None,
    now: datetime,
) -> bool:
    """Add an agenda item unless source_key was already used; tell whether it was added."""
    return insert_ignore(
        session,
        AgendaItem,
        {
            "meeting_id": meeting_id,
            "text": text,
            "organization_id": organization_id,
            "added_by": added_by,
            "added_at": now,
            "source_key": source_key,
        },
    )


# ---------------------------------------------------------- attendance, contacts, invitations


def attendance_of(session: Session, meeting_id: int) -> set[str]:
    """Return the organisations recorded as attending a meeting."""
    return set(
        session.scalars(
            select(Attendance.organization_id).where(Attendance.meeting_id == meeting_id)
        )
    )


def record_attendance(
    session: Session,
    meeting_id: int,
    organization_ids: Iterable[str],
    *,
    source: str,
    recorded_by: str | None,
    now: datetime,
) -> None:
    """Replace a meeting's attendance with the given organisations."""
    session.execute(delete(Attendance).where(Attendance.meeting_id == meeting_id))
    for organization in sorted(set(organization_ids)):
        session.add(
            Attendance(
                meeting_id=meeting_id,
                organization_id=organization,
                source=source,
                recorded_by=recorded_by,
                recorded_at=now,
            )
        )
    session.flush()


def contacts(session: Session) -> dict[str, set[str]]:
    """Return the working group's contact persons by organisation."""
    found: dict[str, set[str]] = {}
    for row in session.scalars(select(MeetingContact)):
        found.setdefault(row.organization_id, set()).add(row.user_id)
    return found


def add_contact(
    session: Session, organization_id: str, user_id: str, source: str, now: datetime
) -> bool:
    """Make a person a contact of their organisation (and of no other); tell whether it is new."""
    session.execute(
        delete(MeetingContact).where(
            MeetingContact.user_id == user_id, MeetingContact.organization_id != organization_id
        )
    )
    return insert_ignore(
        session,
        MeetingContact,
        {"organization_id": organization_id, "user_id": user_id, "source": source, "added_at": now},
    )


def remove_contacts(session: Session, user_ids: Iterable[str]) -> int:
    """Remove people as contact persons; return how many rows went."""
    result = session.execute(
        delete(MeetingContact).where(MeetingContact.user_id.in_(list(user_ids)))
    )
    return int(getattr(result, "rowcount", 0) or 0)


def invite(session: Session, meeting_id: int, user_id: str, by: str, now: datetime) -> bool:
    """Invite a person to one meeting; tell whether they were not invited before."""
    return insert_ignore(
        session,
        MeetingInvitation,
        {"meeting_id": meeting_id, "user_id": user_id, "invited_by": by, "invited_at": now},
    )


def invited(session: Session, meeting_id: int) -> set[str]:
    """Return the people invited to a meeting."""
    return set(
        session.scalars(
            select(MeetingInvitation.user_id).where(MeetingInvitation.meeting_id == meeting_id)
        )
    )


# ------------------------------------------------------------------------ outbox views


def reached_channel(session: Session, meeting_id: int) -> bool:
    """Tell whether a call or channel reminder of the meeting was sent (or is being sent)."""
    return any(
        key.kind == "call" or (key.kind == "reminder" and key.recipient is None)
        for key, _ in outbox.keys_about(session, "meeting", meeting_id, statuses=(SENT, SENDING))
    )


def told_people(session: Session, meeting_id: int) -> set[str]:
    """Return the people told privately about a meeting (reminders, invitations, notices)."""
    return {
        channel
        for key, channel in outbox.keys_about(
            session, "meeting", meeting_id, statuses=(SENT, SENDING)
        )
        if key.recipient is not None and channel[:1] in "UW"
    }


def supersede_pending(session: Session, meeting_id: int, *, keep: Sequence[OutboxKey] = ()) -> int:
    """Stop the meeting's messages that are waiting to be sent, except those in keep."""
    query = update(OutboxMessage).where(
        outbox.about("meeting", meeting_id),
        OutboxMessage.status == PENDING,
        OutboxMessage.op == outbox.POST,
    )
    if keep:
        query = query.where(OutboxMessage.key.not_in([str(key) for key in keep]))
    result = session.execute(
        query.values(status=SUPERSEDED).execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def replace_pending_payload(
    session: Session,
    key: OutboxKey,
    payload: dict[str, object],
    *,
    due_at: datetime,
    expires_at: datetime,
) -> bool:
    """Change a message still waiting to be sent; tell whether it was still waiting."""
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.key == str(key), OutboxMessage.status == PENDING)
        .values(payload=payload, due_at=due_at, next_attempt_at=due_at, expires_at=expires_at)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


def failed_meeting_messages(session: Session, since: datetime) -> list[OutboxMessage]:
    """Return meeting messages (and uploads) that failed for good since a moment, newest first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(
                outbox.about("meeting"),
                OutboxMessage.status == FAILED,
                OutboxMessage.created_at >= since,
            )
            .order_by(OutboxMessage.id.desc())
            .limit(50)
        )
    )


# ------------------------------------------------------------------------------ privacy


def erase_meeting_person(session: Session, slack_id: str) -> dict[str, int]:
    """Forget a person in the meeting rhythm: answers anonymised, contacts and invitations gone."""
    answers = session.scalars(select(MeetingAnswer).where(MeetingAnswer.user_id == slack_id)).all()
    for answer in answers:
        answer.user_id = f"erased:{answer.id}"
        answer.substitute = None
    agenda = session.execute(
        update(AgendaItem).where(AgendaItem.added_by == slack_id).values(added_by=None)
    )
    contacts_removed = remove_contacts(session, [slack_id])
    invitations = session.execute(
        delete(MeetingInvitation).where(MeetingInvitation.user_id == slack_id)
    )
    return {
        "meeting_answers_anonymised": len(answers),
        "agenda_items_anonymised": int(getattr(agenda, "rowcount", 0) or 0),
        "meeting_contacts_removed": contacts_removed,
        "meeting_invitations_removed": int(getattr(invitations, "rowcount", 0) or 0),
    }


def retain_meeting_answers(
    session: Session, now: datetime, ages: dict[str, timedelta]
) -> dict[str, int]:
    """Remove answers to meetings older than the answers' retention age (attendance stays)."""
    old = select(Meeting.id).where(Meeting.end < now - ages["answers"])
    result = session.execute(delete(MeetingAnswer).where(MeetingAnswer.meeting_id.in_(old)))
    return {"meeting_answers": int(getattr(result, "rowcount", 0) or 0)}
