"""Queries of actions and minutes: storing, moving, listing, the summary's part, the export.

Every function takes an open session; none commits. Status changes are conditional UPDATEs,
so two people (or a retried request) never move one action twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.domain.actions import (
    CLOSED_STATUSES,
    KIND_LABELS,
    OPEN_STATUSES,
    STATUS_LABELS,
    ActionDraft,
    ActionKind,
    ActionsPart,
    ActionStatus,
    OrganizationActions,
    OverdueAction,
)
from bot.domain.export import Cell, Sheet
from bot.domain.meetings import MeetingStatus
from bot.texts import Texts
from bot.texts import actions as t
from storage.meetings import attendance_of
from storage.models import (
    Action,
    ActionEvent,
    ActionNeed,
    ActionOrganization,
    Meeting,
    MeetingSeries,
    Minutes,
    Organization,
)
from storage.upsert import insert_once

OPEN = [s.value for s in OPEN_STATUSES]
CLOSED = [s.value for s in CLOSED_STATUSES]
OLDEST_OVERDUE = 5


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


# ----------------------------------------------------------------------------- actions


def create_action(
    session: Session,
    draft: ActionDraft,
    *,
    status: ActionStatus,
    created_by: str,
    meeting_id: int | None,
    source_key: str | None,
    now: datetime,
) -> Action | None:
    """Store a new action with its organisations, needs and first event; None if key was used."""
    action = Action(
        title=draft.title,
        description=draft.description,
        kind=draft.kind.value,
        status=status.value,
        due_date=draft.due_date,
        due_set_at=now,
        contact_user=draft.contact,
        meeting_id=meeting_id,
        created_by=created_by,
        source_key=source_key,
        created_at=now,
        updated_at=now,
        organizations=[
            ActionOrganization(organization_id=org, position=index)
            for index, org in enumerate(draft.organizations)
        ],
        needs=[ActionNeed(need_id=need) for need in draft.needs],
    )
    if status is not ActionStatus.PROPOSED:
        action.confirmed_by, action.confirmed_at = created_by, now
    if not insert_once(session, action, Action.source_key, source_key):
        return None
    kind = "proposed" if status is ActionStatus.PROPOSED else "created"
    add_event(session, action.id, kind, created_by, now, to_status=status.value)
    return action


def get_action(session: Session, action_id: int) -> Action | None:
    """Return one action, or None."""
    return session.get(Action, action_id)


def add_event(
    session: Session,
    action_id: int,
    kind: str,
    actor: str | None,
    now: datetime,
    *,
    note: str = "",
    from_status: str | None = None,
    to_status: str | None = None,
    due: date | None = None,
) -> None:
    """Add one step to an action's history."""
    session.add(
        ActionEvent(
            action_id=action_id,
            at=now,
            actor=actor,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            due_date=due,
            note=note,
        )
    )


def move_action(
    session: Session,
    action_id: int,
    *,
    expected: Iterable[ActionStatus],
    target: ActionStatus,
    now: datetime,
    values: dict[str, Any] | None = None,
) -> bool:
    """Move an action to target only if its status is one expected; tell whether this moved it."""
    changes: dict[str, Any] = {"status": target.value, "updated_at": now, **(values or {})}
    if target in CLOSED_STATUSES:
        changes["closed_at"] = now
    result = session.execute(
        update(Action)
        .where(Action.id == action_id, Action.status.in_([s.value for s in expected]))
        .values(**changes)
        .execution_options(synchronize_session=False)
    )
    return _count(result) > 0


def set_due(session: Session, action: Action, due: date, now: datetime) -> None:
    """Give an action a new due date (its reminders then follow the new date)."""
    action.due_date, action.due_set_at, action.updated_at = due, now, now


def events_of(session: Session, action_id: int) -> list[ActionEvent]:
    """Return an action's history, oldest first."""
    return list(
        session.scalars(
            select(ActionEvent).where(ActionEvent.action_id == action_id).order_by(ActionEvent.id)
        )
    )


def last_notes(session: Session, action_ids: Sequence[int]) -> dict[int, str]:
    """Return each action's latest non-empty progress note (done or progress)."""
    if not action_ids:
        return {}
    rows = session.execute(
        select(ActionEvent.action_id, ActionEvent.note)
        .where(
            ActionEvent.action_id.in_(list(action_ids)),
            ActionEvent.kind.in_(["progress", "done"]),
            ActionEvent.note != "",
        )
        .order_by(ActionEvent.id)
    ).all()
    return {int(action_id): str(note) for action_id, note in rows}


@dataclass(frozen=True)
class ActionPage:
    """A page of actions and how many more there were."""

    actions: list[Action]
    more: int


def _of_organization(query: Select[Any], organization_id: str | None) -> Select[Any]:
    if organization_id is None:
        return query
    responsible = select(ActionOrganization.action_id).where(
        ActionOrganization.organization_id == organization_id
    )
    return query.where(Action.id.in_(responsible))


def list_actions(
    session: Session,
    *,
    organization_id: str | None = None,
    statuses: Sequence[ActionStatus],
    limit: int,
) -> ActionPage:
    """Return actions in statuses (of one organisation), earliest due first (overdue first)."""
    wanted = [s.value for s in statuses]
    query = _of_organization(select(Action).where(Action.status.in_(wanted)), organization_id)
    count = _of_organization(
        select(func.count()).select_from(Action).where(Action.status.in_(wanted)), organization_id
    )
    found = list(session.scalars(query.order_by(Action.due_date, Action.id).limit(limit)))
    total = int(session.scalar(count) or 0)
    return ActionPage(found, max(total - len(found), 0))


def closed_actions(
    session: Session, *, organization_id: str | None = None, limit: int
) -> ActionPage:
    """Return done and cancelled actions (of one organisation), most recently closed first."""
    query = _of_organization(select(Action).where(Action.status.in_(CLOSED)), organization_id)
    count = _of_organization(
        select(func.count()).select_from(Action).where(Action.status.in_(CLOSED)), organization_id
    )
    found = list(
        session.scalars(query.order_by(Action.closed_at.desc(), Action.id.desc()).limit(limit))
    )
    total = int(session.scalar(count) or 0)
    return ActionPage(found, max(total - len(found), 0))


def overdue_actions(session: Session, today: date, limit: int = 20) -> ActionPage:
    """Return open actions whose due date has passed, the oldest first."""
    condition = (Action.status.in_(OPEN), Action.due_date < today)
    found = list(
        session.scalars(select(Action).where(*condition).order_by(Action.due_date).limit(limit))
    )
    total = int(session.scalar(select(func.count()).select_from(Action).where(*condition)) or 0)
    return ActionPage(found, max(total - len(found), 0))


def proposals_count(session: Session) -> int:
    """Count the proposals waiting for a coordinator."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Action)
            .where(Action.status == ActionStatus.PROPOSED.value)
        )
        or 0
    )


def due_between(session: Session, first: date, last: date) -> list[Action]:
    """Return open actions due in [first, last] (the planner's reminders and overdue notices)."""
    return list(
        session.scalars(
            select(Action)
            .where(Action.status.in_(OPEN), Action.due_date >= first, Action.due_date <= last)
            .order_by(Action.due_date, Action.id)
        )
    )


def actions_of_needs(session: Session, need_ids: Sequence[int]) -> dict[int, list[Action]]:
    """Return the actions linked to each of the needs."""
    if not need_ids:
        return {}
    rows = session.execute(
        select(ActionNeed.need_id, Action)
        .join(Action, Action.id == ActionNeed.action_id)
        .where(ActionNeed.need_id.in_(list(need_ids)))
        .order_by(Action.id)
    ).all()
    linked: dict[int, list[Action]] = {need: [] for need in need_ids}
    for need_id, action in rows:
        linked[int(need_id)].append(action)
    return linked


def actions_of_meeting(session: Session, meeting_id: int) -> list[Action]:
    """Return the actions that came from one meeting, in order."""
    return list(
        session.scalars(select(Action).where(Action.meeting_id == meeting_id).order_by(Action.id))
    )


def open_for_call(session: Session, limit: int) -> ActionPage:
    """Return the open actions a meeting call follows up, earliest due (overdue) first."""
    return list_actions(session, statuses=OPEN_STATUSES, limit=limit)


# ----------------------------------------------------------------------------- minutes


def minutes_of(session: Session, meeting_id: int) -> Minutes | None:
    """Return a meeting's minutes, if written."""
    return session.scalars(select(Minutes).where(Minutes.meeting_id == meeting_id)).first()


def get_minutes(session: Session, minutes_id: int) -> Minutes | None:
    """Return minutes by id."""
    return session.get(Minutes, minutes_id)


def save_minutes(
    session: Session,
    meeting_id: int,
    notes: Sequence[tuple[str, str]],
    decisions: Sequence[str],
    *,
    by: str,
    now: datetime,
) -> tuple[Minutes, bool]:
    """Write or rewrite a meeting's minutes; return them and whether they are new.

    Two coordinators writing the first minutes at once: the second rewrites the first's.
    """
    stored = [{"item": item, "text": text} for item, text in notes]
    minutes = minutes_of(session, meeting_id)
    if minutes is None:
        minutes = Minutes(
            meeting_id=meeting_id,
            notes=stored,
            decisions=list(decisions),
            written_by=by,
            updated_by=by,
            revision=0,
            created_at=now,
            updated_at=now,
        )
        try:
            with session.begin_nested():
                session.add(minutes)
                session.flush()
            return minutes, True
        except IntegrityError:
            minutes = minutes_of(session, meeting_id)
            if minutes is None:
                raise
    minutes.notes, minutes.decisions = stored, list(decisions)
    minutes.updated_by, minutes.updated_at = by, now
    minutes.revision += 1
    return minutes, False


def recent_minutes(session: Session, limit: int) -> list[tuple[Minutes, Meeting]]:
    """Return the latest minutes with their meetings, the newest meeting first."""
    rows = session.execute(
        select(Minutes, Meeting)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .order_by(Meeting.start.desc())
        .limit(limit)
    ).all()
    return [(minutes, meeting) for minutes, meeting in rows]


def previous_minutes(
    session: Session, kind: str, before: datetime
) -> tuple[Minutes, Meeting] | None:
    """Return the minutes of the latest meeting of a kind that started before a moment."""
    row = session.execute(
        select(Minutes, Meeting)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
        .where(MeetingSeries.kind == kind, Meeting.start < before)
        .order_by(Meeting.start.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row is not None else None


def held_without_minutes(session: Session, since: datetime, limit: int) -> list[Meeting]:
    """Return meetings held (or ended and not followed up) since a moment without minutes, newest
    first."""
    written = select(Minutes.meeting_id)
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.status.in_([MeetingStatus.HELD.value, MeetingStatus.UNCONFIRMED.value]),
                Meeting.start >= since,
                Meeting.id.not_in(written),
            )
            .order_by(Meeting.start.desc())
            .limit(limit)
        )
    )


def action_counts(session: Session, meeting_ids: Sequence[int]) -> dict[int, int]:
    """Count the actions that came from each meeting."""
    if not meeting_ids:
        return {}
    rows = session.execute(
        select(Action.meeting_id, func.count())
        .where(Action.meeting_id.in_(list(meeting_ids)))
        .group_by(Action.meeting_id)
    ).all()
    return {int(meeting): int(count) for meeting, count in rows if meeting is not None}


# ------------------------------------------------------------------------- the summary


def actions_part(
    session: Session, start: datetime, end: datetime, today: date, names: dict[str, str]
) -> ActionsPart:
    """Count actions planned, done and cancelled in [start, end), and overdue today.

    Planned counts the actions confirmed (or created by a coordinator) in the period. Per
    organisation, an action with several responsible organisations counts for each.
    """
    rows = session.execute(
        select(
            ActionOrganization.organization_id,
            Action.id,
            Action.status,
            Action.confirmed_at,
            Action.closed_at,
            Action.due_date,
        ).join(Action, Action.id == ActionOrganization.action_id)
    ).all()
    per: dict[str, dict[str, int]] = {}
    planned: set[int] = set()
    done: set[int] = set()
    cancelled: set[int] = set()
    overdue: set[int] = set()
    open_now: set[int] = set()

    def within(moment: datetime | None) -> bool:
        return moment is not None and start <= moment < end

    for organization, action_id, status, confirmed_at, closed_at, due in rows:
        counts = per.setdefault(
            str(organization), {"planned": 0, "done": 0, "cancelled": 0, "overdue": 0}
        )
        if within(confirmed_at):
            counts["planned"] += 1
            planned.add(action_id)
        if status == ActionStatus.DONE.value and within(closed_at):
            counts["done"] += 1
            done.add(action_id)
        if status == ActionStatus.CANCELLED.value and within(closed_at):
            counts["cancelled"] += 1
            cancelled.add(action_id)
        if status in OPEN:
            open_now.add(action_id)
            if due < today:
                counts["overdue"] += 1
                overdue.add(action_id)
    order = {
        str(org_id): index
        for index, org_id in enumerate(
            session.scalars(select(Organization.id).order_by(Organization.position))
        )
    }
    by_organization = tuple(
        OrganizationActions(org, names.get(org, org), **counts)
        for org, counts in sorted(per.items(), key=lambda item: (order.get(item[0], 999), item[0]))
        if any(counts.values())
    )
    oldest = overdue_actions(session, today, OLDEST_OVERDUE).actions
    return ActionsPart(
        planned=len(planned),
        done=len(done),
        cancelled=len(cancelled),
        overdue=len(overdue),
        open_now=len(open_now),
        by_organization=by_organization,
        oldest_overdue=tuple(
            OverdueAction(
                a.id,
                a.title,
                ", ".join(names.get(o, o) for o in a.organization_ids),
                a.due_date,
                (today - a.due_date).days,
            )
            for a in oldest
        ),
    )


# -------------------------------------------------------------------------- the export


def _local(moment: datetime | None, tz: ZoneInfo) -> datetime | None:
    """Return a moment in the collaboration's time zone."""
    return moment.astimezone(tz) if moment is not None else None


def _meeting_labels(session: Session, tz: ZoneInfo) -> dict[int, str]:
    rows = session.execute(
        select(Meeting.id, Meeting.start, MeetingSeries.title).join(
            MeetingSeries, MeetingSeries.id == Meeting.series_id
        )
    ).all()
    return {
        int(meeting_id): f"{start.astimezone(tz).date().isoformat()} {title}"
        for meeting_id, start, title in rows
    }


def _action_rows(
    session: Session, tr: Texts, names: dict[str, str], tz: ZoneInfo, today: date
) -> Iterator[list[Cell]]:
    meetings = _meeting_labels(session, tz)
    yes, no = tr(t.YES), tr(t.NO)
    for action in session.scalars(select(Action).order_by(Action.id)):
        overdue = action.status in OPEN and action.due_date < today
        yield [
            action.id,
            action.title,
            action.description,
            tr(KIND_LABELS[ActionKind(action.kind)]),
            tr(STATUS_LABELS[ActionStatus(action.status)]),
            ", ".join(names.get(o, o) for o in action.organization_ids),
            action.due_date,
            yes if overdue else no,
            ", ".join(f"#{n}" for n in action.need_ids),
            meetings.get(action.meeting_id or 0, ""),
            _local(action.created_at, tz),
            _local(action.closed_at, tz),
            action.cancel_reason or "",
        ]


def _history_rows(
    session: Session, tr: Texts, tz: ZoneInfo, person: Callable[[str | None], str | None]
) -> Iterator[list[Cell]]:
    for event in session.scalars(
        select(ActionEvent).order_by(ActionEvent.action_id, ActionEvent.id)
    ):
        yield [
            event.action_id,
            _local(event.at, tz),
            event_label(tr, event.kind, event.due_date),
            event.due_date,
            event.note,
            person(event.actor) or "",
        ]


def _minutes_rows(
    session: Session, tr: Texts, names: dict[str, str], tz: ZoneInfo
) -> Iterator[list[Cell]]:
    rows = session.execute(
        select(Minutes, Meeting.start, MeetingSeries.title)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
        .order_by(Meeting.start)
    ).all()
    for minutes, start, title in rows:
        day = start.astimezone(tz).date()
        present = sorted(names.get(o, o) for o in attendance_of(session, minutes.meeting_id))
        yield [day, title, tr(t.PART_PRESENT), "", ", ".join(present)]
        for note in minutes.notes:
            item = str(note.get("item") or "") or tr(t.MINUTES_OTHER)
            yield [day, title, tr(t.PART_NOTE), item, str(note.get("text") or "")]
        for decision in minutes.decisions:
            yield [day, title, tr(t.PART_DECISION), "", decision]


EVENT_LABELS = {
    "proposed": t.EVENT_PROPOSED,
    "created": t.EVENT_CREATED,
    "confirmed": t.EVENT_CONFIRMED,
    "progress": t.EVENT_PROGRESS,
    "done": t.EVENT_DONE,
    "cancelled": t.EVENT_CANCELLED,
    "declined": t.EVENT_DECLINED,
}


def event_label(tr: Texts, kind: str, due: date | None) -> str:
    """Name one step of an action's history."""
    if kind == "due":
        return tr(t.EVENT_DUE, due=due.isoformat() if due else "")
    return tr(EVENT_LABELS[kind]) if kind in EVENT_LABELS else kind


def action_sheets(
    session: Session,
    tr: Texts,
    names: dict[str, str],
    tz: ZoneInfo,
    today: date,
    person: Callable[[str | None], str | None],
) -> list[Sheet]:
    """Return the export's sheets of actions, their history and the minutes (rows streamed).

    person names whoever acted (never by Slack id).
    """
    return [
        Sheet(
            tr(t.SHEET_ACTIONS),
            [
                tr(m)
                for m in (
                    t.COL_ID,
                    t.COL_TITLE,
                    t.COL_DESCRIPTION,
                    t.COL_KIND,
                    t.COL_STATUS,
                    t.COL_ORGANIZATIONS,
                    t.COL_DUE,
                    t.COL_OVERDUE,
                    t.COL_NEEDS,
                    t.COL_MEETING,
                    t.COL_CREATED,
                    t.COL_CLOSED,
                    t.COL_REASON,
                )
            ],
            _action_rows(session, tr, names, tz, today),
            widths=(6, 40, 50, 22, 12, 30, 12, 9, 12, 30, 17, 17, 30),
        ),
        Sheet(
            tr(t.SHEET_HISTORY),
            [
                tr(m)
                for m in (t.COL_ACTION, t.COL_AT, t.COL_EVENT, t.COL_NEW_DUE, t.COL_NOTE, t.COL_BY)
            ],
            _history_rows(session, tr, tz, person),
            widths=(10, 17, 26, 14, 60, 14),
        ),
        Sheet(
            tr(t.SHEET_MINUTES),
            [tr(m) for m in (t.COL_DATE, t.COL_MEETING, t.COL_PART, t.COL_ITEM, t.COL_TEXT)],
            _minutes_rows(session, tr, names, tz),
            widths=(12, 30, 14, 36, 80),
        ),
    ]


# ---------------------------------------------------------------------------- privacy


def erase_action_person(session: Session, slack_id: str) -> dict[str, int]:
    """Anonymise a person in actions (creator, confirmer, named contact), history and minutes."""
    touched = session.scalar(
        select(func.count())
        .select_from(Action)
        .where(or_(Action.created_by == slack_id, Action.confirmed_by == slack_id))
    )
    for column in (Action.created_by, Action.confirmed_by):
        session.execute(update(Action).where(column == slack_id).values({column: None}))
    written = session.scalar(
        select(func.count())
        .select_from(Minutes)
        .where(or_(Minutes.written_by == slack_id, Minutes.updated_by == slack_id))
    )
    for column in (Minutes.written_by, Minutes.updated_by):
        session.execute(update(Minutes).where(column == slack_id).values({column: None}))
    return {
        "actions_anonymised": int(touched or 0),
        "action_contacts_removed": _count(
            session.execute(
                update(Action).where(Action.contact_user == slack_id).values(contact_user=None)
            )
        ),
        "action_events_anonymised": _count(
            session.execute(
                update(ActionEvent).where(ActionEvent.actor == slack_id).values(actor=None)
            )
        ),
        "minutes_anonymised": int(written or 0),
    }


def retain_actions(session: Session, now: datetime, ages: dict[str, timedelta]) -> dict[str, int]:
    """Remove closed actions (with their history) and minutes older than their retention ages.

    An age not given ("actions", "minutes") keeps that kind.
    """
    counts = {"actions": 0, "minutes": 0}
    if "actions" in ages:
        old = select(Action.id).where(
            Action.status.in_(CLOSED), Action.closed_at < now - ages["actions"]
        )
        for model in (ActionEvent, ActionNeed, ActionOrganization):
            session.execute(delete(model).where(model.action_id.in_(old)))
        counts["actions"] = _count(
            session.execute(
                delete(Action).where(
                    Action.status.in_(CLOSED), Action.closed_at < now - ages["actions"]
                )
            )
        )
    if "minutes" in ages:
        old_meetings = select(Meeting.id).where(Meeting.end < now - ages["minutes"])
        counts["minutes"] = _count(
            session.execute(delete(Minutes).where(Minutes.meeting_id.in_(old_meetings)))
        )
    return counts
