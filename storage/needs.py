"""Queries of the needs register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.domain.needs import OPEN_STATUSES, NeedDraft, NeedStatus
from storage.models import Need, NeedEvent
from storage.upsert import insert_once


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
