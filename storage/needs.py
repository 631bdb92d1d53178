"""Queries of the needs register."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.domain.needs import OPEN_STATUSES, NeedDraft, NeedStatus
from bot.domain.search import SearchQuery
from storage.models import Need, NeedEvent
from storage.upsert import insert_once

SEARCH_BATCH = 500  # rows fetched at a time while a search reads titles, newest first


def create_need(
    session: Session, draft: NeedDraft, *, submitted_by: str, source_key: str | None, now: datetime
) -> Need | None:
    """Store a new need with its first history event; None if source_key was already used."""
    need = Need(
        organization_id=draft.organization_id,
        title=draft.title,
        description=draft.description,
        focus_area=draft.focus_area.value,
        municipalities=list(draft.municipalities),
        urgency=draft.urgency.value,
        support=[s.value for s in draft.support],
        status=NeedStatus.NEW.value,
        submitted_by=submitted_by,
        source_key=source_key,
        created_at=now,
        updated_at=now,
    )
    if not insert_once(session, need, Need.source_key, source_key):
        return None
    session.add(
        NeedEvent(
            need_id=need.id,
            at=now,
            actor=submitted_by,
            action="created",
            to_status=NeedStatus.NEW.value,
        )
    )
    return need


def edit_need(session: Session, need: Need, draft: NeedDraft, *, actor: str, now: datetime) -> None:
    """Replace a need's content and record the edit."""
    need.organization_id = draft.organization_id
    need.title = draft.title
    need.description = draft.description
    need.focus_area = draft.focus_area.value
    need.municipalities = list(draft.municipalities)
    need.urgency = draft.urgency.value
    need.support = [s.value for s in draft.support]
    need.updated_at = now
    session.add(NeedEvent(need_id=need.id, at=now, actor=actor, action="edited", note=""))


def move_need(
    session: Session,
    need_id: int,
    *,
    expected: NeedStatus,
    target: NeedStatus,
    actor: str,
    now: datetime,
    reason: str | None = None,
    action: str = "moved",
) -> bool:
    """Move a need only if it still has the expected status; tell whether this call moved it."""
    values: dict[str, object] = {"status": target.value, "updated_at": now}
    if target is NeedStatus.DECLINED:
        values["decline_reason"] = reason
    elif target is NeedStatus.NEW:
        values["decline_reason"] = None
    result = session.execute(
        update(Need)
        .where(Need.id == need_id, Need.status == expected.value)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        return False
    session.add(
        NeedEvent(
            need_id=need_id,
            at=now,
            actor=actor,
            action=action,
            from_status=expected.value,
            to_status=target.value,
            note=reason or "",
        )
    )
    return True


@dataclass(frozen=True)
class NeedPage:
    """A page of needs and how many more there were."""

    needs: list[Need]
    more: int


def open_needs(
    session: Session, *, organization_id: str | None = None, limit: int = 30
) -> NeedPage:
    """Return open needs, newest first, optionally of one organisation."""
    query = select(Need).where(Need.status.in_([s.value for s in OPEN_STATUSES]))
    count = (
        select(func.count())
        .select_from(Need)
        .where(Need.status.in_([s.value for s in OPEN_STATUSES]))
    )
    if organization_id is not None:
        query = query.where(Need.organization_id == organization_id)
        count = count.where(Need.organization_id == organization_id)
    needs = list(
        session.scalars(query.order_by(Need.created_at.desc(), Need.id.desc()).limit(limit))
    )
    total = session.scalar(count) or 0
    return NeedPage(needs, max(total - len(needs), 0))


@dataclass(frozen=True)
class NeedTitle:
    """A need as a select shows it: its number and title."""

    id: int
    title: str


def search_needs(
    session: Session,
    query: SearchQuery,
    *,
    statuses: Collection[NeedStatus] | None = None,
    limit: int = 100,
) -> list[NeedTitle]:
    """Return at most limit needs matching query: the one it names by number first, then newest.

    statuses (None: any) limits the needs searched. Words are matched against the titles here
    rather than in SQL, so that case folds alike for every letter (å, Ä, é) on every database.
    """
    base = select(Need.id, Need.title)
    if statuses is not None:
        base = base.where(Need.status.in_([s.value for s in statuses]))
    found: list[NeedTitle] = []
    named = query.number
    if named is not None:
        row = session.execute(base.where(Need.id == named)).first()
        if row is not None:
            found.append(NeedTitle(row.id, row.title))
    newest = base.order_by(Need.created_at.desc(), Need.id.desc())
    result = session.execute(newest.execution_options(yield_per=SEARCH_BATCH))
    try:
        for need_id, title in result:
            if len(found) >= limit:
                break
            if need_id != named and query.matches(title, need_id):
                found.append(NeedTitle(need_id, title))
    finally:
        result.close()
    return found[:limit]


def need_titles(
    session: Session, ids: Sequence[int], *, statuses: Collection[NeedStatus] | None = None
) -> list[NeedTitle]:
    """Return the needs among ids (in statuses; None: any), in the order of ids."""
    if not ids:
        return []
    query = select(Need.id, Need.title).where(Need.id.in_(list(ids)))
    if statuses is not None:
        query = query.where(Need.status.in_([s.value for s in statuses]))
    titles = {row.id: row.title for row in session.execute(query)}
    return [NeedTitle(i, titles[i]) for i in ids if i in titles]


def any_needs(session: Session, statuses: Collection[NeedStatus]) -> bool:
    """Tell whether any need has one of statuses."""
    query = select(Need.id).where(Need.status.in_([s.value for s in statuses])).limit(1)
    return session.execute(query).first() is not None


def needs_in(
    session: Session,
    statuses: Sequence[NeedStatus],
    *,
    organization_id: str | None = None,
    limit: int = 25,
) -> NeedPage:
    """Return needs in statuses, most recently changed first, optionally of one organisation."""
    wanted = [s.value for s in statuses]
    query = select(Need).where(Need.status.in_(wanted))
    count = select(func.count()).select_from(Need).where(Need.status.in_(wanted))
    if organization_id is not None:
        query = query.where(Need.organization_id == organization_id)
        count = count.where(Need.organization_id == organization_id)
    needs = list(
        session.scalars(query.order_by(Need.updated_at.desc(), Need.id.desc()).limit(limit))
    )
    total = session.scalar(count) or 0
    return NeedPage(needs, max(total - len(needs), 0))


def history_of(session: Session, need_ids: Sequence[int]) -> dict[int, list[NeedEvent]]:
    """Return each need's status changes (created, moved, withdrawn), oldest first."""
    found: dict[int, list[NeedEvent]] = {need: [] for need in need_ids}
    if not need_ids:
        return found
    rows = session.scalars(
        select(NeedEvent)
        .where(NeedEvent.need_id.in_(list(need_ids)), NeedEvent.to_status.is_not(None))
        .order_by(NeedEvent.id)
    )
    for event in rows:
        found[event.need_id].append(event)
    return found


def needs_with_words(
    session: Session, words: Sequence[str], *, limit: int = 25
) -> NeedPage:
    """Return the needs whose title and description hold every word (case folded), newest first.

    The comparison is made in Python with str.casefold, so Å and å are the same on every
    database; the register holds hundreds of needs, read as id, title and description only.
    """
    folded = [w.casefold() for w in words if w]
    rows = session.execute(
        select(Need.id, Need.title, Need.description).order_by(
            Need.created_at.desc(), Need.id.desc()
        )
    )
    matching = [
        need_id
        for need_id, title, description in rows
        if all(w in f"{title}\n{description}".casefold() for w in folded)
    ]
    shown = matching[:limit]
    needs = {n.id: n for n in session.scalars(select(Need).where(Need.id.in_(shown)))}
    return NeedPage([needs[i] for i in shown if i in needs], len(matching) - len(shown))


def needs_with_status(session: Session, status: NeedStatus, *, limit: int = 10) -> NeedPage:
    """Return the needs with one status, the longest waiting first, and how many more."""
    query = (
        select(Need)
        .where(Need.status == status.value)
        .order_by(Need.created_at, Need.id)
        .limit(limit)
    )
    needs = list(session.scalars(query))
    total = session.scalar(
        select(func.count()).select_from(Need).where(Need.status == status.value)
    )
    return NeedPage(needs, max(int(total or 0) - len(needs), 0))


def open_by_status(session: Session) -> dict[NeedStatus, int]:
    """Return how many needs are open in each open status (statuses with none left out)."""
    rows = session.execute(
        select(Need.status, func.count())
        .where(Need.status.in_([s.value for s in OPEN_STATUSES]))
        .group_by(Need.status)
    ).all()
    return {NeedStatus(status): int(count) for status, count in rows}
