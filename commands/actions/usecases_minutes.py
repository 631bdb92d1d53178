"""Use cases of minutes: write them (with new actions), mark a meeting not held, read them.

Writing the minutes records the attendance, keeps the notes and decisions, creates the new
actions (the responsible told, their needs moved), posts the minutes in the thread of the
meeting's call (or updates them there) and brings the next call up to date, in one unit of
work; none makes a Slack call.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.actions import (
    AGENDA_NOTES_MAX,
    MinutesInput,
    may_manage,
    may_read,
    validate_minutes,
)
from bot.domain.meetings import MeetingStatus, count_answers
from bot.texts import Msg, Phrase, Texts, formats
from bot.texts import actions as t
from bot.texts import common as c
from commands.actions import effects
from commands.actions import phrases as p
from commands.actions.render_forms import MinutesContent, minutes_form
from commands.actions.render_minutes import MinutesLine, MinutesView, minutes_list, minutes_message
from commands.actions.usecases import create, needs_for_form, record
from commands.actions.values import MinutesForm
from commands.edge.outcome import Done, Invalid, Refusal, coordinators_only
from commands.meetings.notices import channel_for
from commands.meetings.usecases_followup import not_held, settle_held
from storage import actions as store
from storage import meetings as meetings_store
from storage import outbox
from storage.models import Meeting, Minutes, ProcessedRequest
from storage.outbox import OutboxKey
from storage.upsert import insert_ignore

LISTED = 10
MISSING = 5
MISSING_SINCE = timedelta(days=120)
CALL_REACHABLE = {outbox.PENDING, outbox.SENDING, outbox.SENT}


def ended(bot: BotContext, meeting: Meeting | None) -> Meeting | Refusal:
    """Return a meeting that was held (it has ended and was not cancelled), or why not."""
    if meeting is None or meeting.status == MeetingStatus.DROPPED.value:
        return Refusal(t.MINUTES_NOT_FOUND)
    if meeting.status == MeetingStatus.CANCELLED.value:
        return Refusal(t.MINUTES_CANCELLED)
    if meeting.end > bot.clock.now():
        return Refusal(t.MINUTES_NOT_ENDED)
    return meeting


def _managed(bot: BotContext, session: Session, actor: Actor, meeting_id: int) -> Meeting | Refusal:
    if not may_manage(actor):
        return coordinators_only(bot)
    return ended(bot, meetings_store.get_meeting(session, meeting_id))


def agenda_of(session: Session, meeting: Meeting) -> list[str]:
    """Return the agenda items that get notes: the standing ones, then those partners added."""
    items = list(meeting.series.agenda)
    items += [item.text for item in meetings_store.agenda_items(session, meeting.id)]
    return list(dict.fromkeys(items))[:AGENDA_NOTES_MAX]


def attended(session: Session, meeting: Meeting) -> set[str]:
    """Return the organisations recorded as attending, else those that answered they come."""
    recorded = meetings_store.attendance_of(session, meeting.id)
    if recorded:
        return recorded
    answers = meetings_store.answers_of(session, meeting.id)
    counted = count_answers((a.organization_id, a.answer, a.substitute) for a in answers)
    return {org for org, answer in counted.items() if org and answer.attending}


def form_view(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, channel: str | None
) -> View | Refusal:
    """Return the minutes form of an ended meeting (written before: filled in), or why not."""
    meeting = _managed(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    tr, tz = bot.texts_in(actor.language), bot.config.collaboration.tz
    written = store.minutes_of(session, meeting.id)
    notes = {
        str(n.get("item") or ""): str(n.get("text") or "")
        for n in (written.notes if written else [])
    }
    content = MinutesContent(
        intro=tr(t.MINUTES_INTRO, **p.meeting_named(tr, meeting, tz)),
        items=agenda_of(session, meeting),
        organizations=bot.organizations,
        attended=sorted(attended(session, meeting)),
        notes=notes,
        decisions=list(written.decisions) if written else [],
        needs=needs_for_form(session),
        today=effects.today(bot),
    )
    return minutes_form(tr, content, MinutesForm(meeting=meeting.id, channel=channel))


def minutes_view(
    bot: BotContext, session: Session, minutes: Minutes, meeting: Meeting, tr: Texts
) -> MinutesView:
    """Return minutes as the message shows them to readers of tr's language."""
    tz = bot.config.collaboration.tz
    names = bot.organization_names(session)
    present = [
        info.name
        for info in bot.organizations
        if info.id in meetings_store.attendance_of(session, meeting.id)
    ]
    changed = (
        formats.short_date(tr.language, minutes.updated_at.astimezone(tz).date())
        if minutes.revision > 0
        else None
    )
    return MinutesView(
        minutes=minutes,
        title=meeting.series.title,
        when=p.meeting_when(tr, meeting, tz),
        present=present,
        actions=store.actions_of_meeting(session, meeting.id),
        names=names,
        changed=changed,
    )


def _queue_post(
    bot: BotContext, session: Session, minutes: Minutes, meeting: Meeting
) -> tuple[list[OutboxKey], Msg | Phrase]:
    """Post the minutes in the thread of the call (or the channel), or update them there.

    Return the keys queued and where they go, as the coordinator is told.
    """
    tr = bot.texts  # the channel's language
    channel = channel_for(bot, meeting.series.kind)
    if channel is None:
        return [], t.WHERE_NOWHERE
    payload = minutes_message(tr, minutes_view(bot, session, minutes, meeting, tr))
    now = bot.clock.now()
    key = OutboxKey.minutes_post(minutes.id)
    call = OutboxKey.meeting_call(meeting.id)
    in_thread = outbox.status_of(session, call) in CALL_REACHABLE
    where: Msg | Phrase = (
        t.WHERE_THREAD if in_thread else Phrase(lambda r: r(t.WHERE_CHANNEL, channel=channel))
    )
    if outbox.status_of(session, key) in CALL_REACHABLE:
        update = key.for_update()
        outbox.enqueue(
            session,
            key=update,
            kind="minutes_update",
            channel=channel,
            payload=payload,
            now=now,
            op=outbox.UPDATE,
            ref_key=key,
        )
        return [update], where
    outbox.enqueue(
        session,
        key=key,
        kind="minutes",
        channel=channel,
        payload=payload,
        now=now,
        ref_key=call if in_thread else None,
    )
    return [key], where


def save_minutes(
    bot: BotContext,
    session: Session,
    actor: Actor,
    meeting_id: int,
    data: MinutesInput,
    *,
    source_key: str,
) -> Done | Refusal | Invalid:
    """Keep a meeting's minutes, its attendance and new actions; post them (coordinators).

    source_key (the form's view id) makes a retried submission change nothing a second time.
    """
    meeting = _managed(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    draft, errors = validate_minutes(
        data,
        organizations={o.id for o in bot.organizations},
        need_ids={need for need, _ in needs_for_form(session)},
        today=effects.today(bot),
    )
    if draft is None:
        return Invalid(errors)
    now = bot.clock.now()
    if not insert_ignore(session, ProcessedRequest, {"key": f"minutes:{source_key}", "at": now}):
        return Done([])
    meetings_store.record_attendance(
        session,
        meeting.id,
        draft.attended,
        source="coordinator",
        recorded_by=actor.user_id,
        now=now,
    )
    minutes, new = store.save_minutes(
        session, meeting.id, draft.notes, draft.decisions, by=actor.user_id, now=now
    )
    keys: list[OutboxKey] = settle_held(bot, session, meeting)  # minutes follow a meeting up
    for number, action in enumerate(draft.actions, start=1):
        keys += create(
            bot,
            session,
            actor,
            action,
            source_key=f"minutes:{source_key}:{number}",
            meeting_id=meeting.id,
            refresh=False,
        ).keys
    session.flush()
    posted, where = _queue_post(bot, session, minutes, meeting)
    keys += posted + effects.refresh_next_call(bot, session)
    record(
        bot,
        session,
        actor,
        "minutes_written" if new else "minutes_changed",
        f"meeting:{meeting.id}",
        f"decisions={len(draft.decisions)} actions={len(draft.actions)}",
    )
    reader = bot.texts_in(actor.language)
    created = reader(t.MINUTES_ACTIONS_CREATED, count=len(draft.actions)) if draft.actions else ""
    named = p.meeting_named(reader, meeting, bot.config.collaboration.tz)
    return Done(keys, t.MINUTES_SAVED, {**named, "where": where, "actions": created})


def mark_not_held(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int
) -> Done | Refusal:
    """Mark an ended meeting as not held: it counts as cancelled everywhere (coordinators).

    Its attendance is removed and its call shows it cancelled; a meeting with minutes was held.
    """
    meeting = _managed(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    if store.minutes_of(session, meeting.id) is not None:
        return Refusal(t.NOT_HELD_HAS_MINUTES)
    named = p.meeting_named(bot.texts_in(actor.language), meeting, bot.config.collaboration.tz)
    keys = not_held(bot, session, meeting, overrule_held=True)
    if keys is None:
        return Done([], t.NOT_HELD_DONE, named)  # it counts as cancelled already
    record(bot, session, actor, "meeting_not_held", f"meeting:{meeting.id}")
    return Done(keys, t.NOT_HELD_DONE, named)


def show_minutes(
    bot: BotContext, session: Session, actor: Actor, minutes_id: int
) -> dict[str, Any] | Refusal:
    """Return a meeting's minutes to read privately (anyone in the collaboration), or why not."""
    if not may_read(actor):
        return Refusal(c.NO_ORGANIZATION)
    minutes = store.get_minutes(session, minutes_id)
    meeting = meetings_store.get_meeting(session, minutes.meeting_id) if minutes else None
    if minutes is None or meeting is None:
        return Refusal(t.MINUTES_NOT_FOUND)
    tr = bot.texts_in(actor.language)
    return minutes_message(tr, minutes_view(bot, session, minutes, meeting, tr))


def list_minutes(bot: BotContext, session: Session, actor: Actor) -> dict[str, Any] | Refusal:
    """Return the latest minutes; coordinators also the held meetings that have none yet."""
    if not may_read(actor):
        return Refusal(c.NO_ORGANIZATION)
    tr, tz = bot.texts_in(actor.language), bot.config.collaboration.tz
    recent = store.recent_minutes(session, LISTED)
    counts = store.action_counts(session, [meeting.id for _, meeting in recent])
    written = [
        MinutesLine(
            minutes.id,
            meeting.id,
            meeting.series.title,
            p.meeting_when(tr, meeting, tz),
            len(minutes.decisions),
            counts.get(meeting.id, 0),
        )
        for minutes, meeting in recent
    ]
    missing: list[MinutesLine] = []
    manage = may_manage(actor)
    if manage:
        since = bot.clock.now() - MISSING_SINCE
        missing = [
            MinutesLine(None, m.id, m.series.title, p.meeting_when(tr, m, tz))
            for m in store.held_without_minutes(session, since, MISSING)
        ]
    return minutes_list(tr, written, missing, manage=manage)
