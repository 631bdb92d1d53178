"""Use cases after a meeting: record its attendance, confirm it was held or did not take place.

A meeting counts as held only when attendance was recorded or a coordinator confirmed it
(bot.domain.meetings.MeetingStatus); these use cases are how the coordinators follow one up.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.meetings import MeetingStatus, may_manage
from bot.domain.needs import NeedStatus
from bot.texts import Phrase
from bot.texts import meetings as t
from commands.edge.outcome import Done, Refusal, coordinators_only
from commands.meetings.notices import refresh_call
from commands.meetings.usecases import ended_meeting, meeting_entry, phrases
from commands.needs.usecases import move_need
from storage import meetings as store
from storage.models import Meeting
from storage.outbox import OutboxKey

FOLLOWED_UP = {
    MeetingStatus.HELD.value: t.FOLLOWED_UP_HELD,
    MeetingStatus.CANCELLED.value: t.FOLLOWED_UP_CANCELLED,
}


def _settle_held(bot: BotContext, session: Session, meeting: Meeting) -> bool:
    """Settle a meeting not yet followed up as held; tell whether this call did it."""
    settled = store.follow_up(session, meeting.id, MeetingStatus.HELD, bot.clock.now())
    if settled:
        session.expire(meeting, ["status", "updated_at", "cancel_reason"])
    return settled


def not_held(
    bot: BotContext, session: Session, meeting: Meeting, *, overrule_held: bool = False
) -> list[OutboxKey] | None:
    """Record that an ended meeting did not take place: it counts as cancelled everywhere.

    Its attendance is removed, nothing more is sent about it, and its call says so; return the
    key of the call's update, or None when the meeting was followed up already (with
    overrule_held, a meeting counted as held may still be marked as not held).
    """
    reason = bot.texts(t.NOT_HELD_REASON)
    now = bot.clock.now()
    if not store.follow_up(
        session, meeting.id, MeetingStatus.CANCELLED, now, reason, overrule_held=overrule_held
    ):
        return None
    session.expire(meeting, ["status", "updated_at", "cancel_reason"])
    meeting.revision += 1
    store.record_attendance(
        session, meeting.id, [], source="coordinator", recorded_by=None, now=now
    )
    store.supersede_pending(session, meeting.id)
    session.flush()
    key = refresh_call(bot, session, meeting)
    return [key] if key else []


def settle_held(bot: BotContext, session: Session, meeting: Meeting) -> list[OutboxKey]:
    """Count a meeting not yet followed up as held (its attendance was recorded); return the
    key of its call's update, if this call settled it."""
    if not _settle_held(bot, session, meeting):
        return []
    key = refresh_call(bot, session, meeting)
    return [key] if key else []


def record_attendance(
    bot: BotContext,
    session: Session,
    actor: Actor,
    meeting_id: int,
    attended: set[str],
    need_ids: list[int],
) -> Done | Refusal:
    """Record which organisations attended an ended meeting, and mark the needs taken up.

    Recording attendance follows the meeting up: one not followed up counts as held from now
    on. Unknown organisations are left out; a need that is no longer new stays where it is.
    """
    if not may_manage(actor):
        return coordinators_only(bot)
    meeting = ended_meeting(bot, store.get_meeting(session, meeting_id))
    if isinstance(meeting, Refusal):
        return meeting
    now = bot.clock.now()
    before = sorted(store.attendance_of(session, meeting.id))
    present = attended & {o.id for o in bot.organizations}
    store.record_attendance(
        session, meeting.id, present, source="coordinator", recorded_by=actor.user_id, now=now
    )
    old_status = meeting.status
    keys = settle_held(bot, session, meeting)
    moved = 0
    for need_id in need_ids:
        outcome = move_need(bot, session, actor, need_id, NeedStatus.NEW, NeedStatus.TAKEN_UP)
        if isinstance(outcome, Done):
            keys += outcome.keys
            moved += 1
    changes = [("attendance", ",".join(before) or None, ",".join(sorted(present)) or None)]
    if old_status != meeting.status:
        changes.append(("meeting_status", old_status, meeting.status))
    detail = f"organizations={len(present)} needs={moved}"
    meeting_entry(bot, session, actor, "meeting_attendance", meeting, detail, changes)
    params = {
        "present": Phrase(lambda tr: tr.count(t.ORGANIZATIONS_PRESENT, len(present))),
        "needs": Phrase(lambda tr: tr.count(t.NEEDS_TAKEN_UP, moved)),
        **phrases(bot, meeting),
    }
    return Done(keys, t.ATTENDANCE_SAVED, params)


def confirm_meeting(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, *, held: bool
) -> Done | Refusal:
    """Follow up an ended meeting: it was held, or it did not take place (coordinators only).

    A meeting followed up already stays as it is, and the coordinator hears how it counts.
    The call message shows the outcome; the change is audited.
    """
    if not may_manage(actor):
        return coordinators_only(bot)
    meeting = ended_meeting(bot, store.get_meeting(session, meeting_id))
    if isinstance(meeting, Refusal):
        return meeting
    old_status = meeting.status
    keys = settle_held(bot, session, meeting) if held else not_held(bot, session, meeting)
    if keys is None or meeting.status == old_status:
        status = FOLLOWED_UP.get(meeting.status, t.FOLLOWED_UP_HELD)
        return Done([], t.ALREADY_FOLLOWED_UP, {"status": status, **phrases(bot, meeting)})
    action = "meeting_confirmed" if held else "meeting_not_held"
    changes = [("meeting_status", old_status, meeting.status)]
    meeting_entry(bot, session, actor, action, meeting, changes=changes)
    msg = t.CONFIRMED_HELD if held else t.CONFIRMED_NOT_HELD
    return Done(keys, msg, phrases(bot, meeting))
