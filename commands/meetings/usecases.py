"""Use cases of one meeting: answer it, add an agenda item, invite, move, cancel, attendance.

Each takes the bot and an open session and does its whole unit of work in it: check who may,
store, queue the outbox rows (the call's update, notices, invitations) and write the audit
entry. None makes a Slack call: the caller sends the queued rows by their keys once the
transaction is committed, and tells the person what the outcome says.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.meetings import (
    Answer,
    MeetingKind,
    MeetingStatus,
    kinds_for,
    may_manage,
)
from bot.domain.needs import NeedStatus
from bot.texts import Phrase, Texts
from bot.texts import common as c
from bot.texts import meetings as t
from commands.blocks import escape
from commands.edge.outcome import Done, Refusal, coordinators_only
from commands.meetings.notices import (
    Told,
    apply_cancel,
    apply_move,
    info_of,
    queue_invitation,
    refresh_call,
)
from commands.meetings.queries import CALENDAR_MEETINGS, calendar_file, coming_for
from commands.meetings.render.forms import attendance_form
from commands.meetings.render.phrases import when
from storage import audit, outbox
from storage import meetings as store
from storage.models import Meeting
from storage.needs import any_needs
from storage.outbox import OutboxKey, UploadFile

ANSWER_SAVED = {
    Answer.YES: t.RSVP_SAVED_YES,
    Answer.NO: t.RSVP_SAVED_NO,
    Answer.SUBSTITUTE: t.RSVP_SAVED_SUBSTITUTE,
}
CHANGE_DONE = {"meeting_moved": t.MOVE_DONE, "meeting_cancelled": t.CANCEL_DONE}
# The needs the attendance form offers: new ones, which taking up moves to Taken up.
NEEDS_TAKEN_UP_FROM = (NeedStatus.NEW,)


# ----------------------------------------------------------------------------- checks


def phrases(bot: BotContext, meeting: Meeting) -> dict[str, str | Phrase]:
    """Return a meeting's title, and its time as said in the language of whoever reads it."""
    info, tz = info_of(bot, meeting), bot.config.collaboration.tz
    return {
        "title": escape(info.title),
        "when": Phrase(lambda tr: when(tr, info.start, info.end, tz)),
    }


def audit_entry(
    bot: BotContext,
    session: Session,
    actor: Actor,
    action: str,
    subject: str,
    detail: str = "",
    *,
    label: str = "",
    changes: Sequence[audit.Change] = (),
) -> None:
    """Write the audit entry of what the actor did, in the use case's unit of work."""
    audit.record(
        session,
        actor=actor.user_id,
        action=action,
        subject=subject,
        now=bot.clock.now(),
        detail=detail,
        label=label,
        changes=changes,
    )


def meeting_entry(
    bot: BotContext,
    session: Session,
    actor: Actor,
    action: str,
    meeting: Meeting,
    detail: str = "",
    changes: Sequence[audit.Change] = (),
) -> None:
    """Audit what the actor did to a meeting, keeping its title and time as they were."""
    info = info_of(bot, meeting)
    label = f"{info.title} {when(bot.texts, info.start, info.end, bot.config.collaboration.tz)}"
    subject = f"meeting:{meeting.id}"
    audit_entry(bot, session, actor, action, subject, detail, label=label, changes=changes)



def _coming(bot: BotContext, meeting: Meeting | None) -> Meeting | Refusal:
    """Return a meeting that still takes answers and agenda items, or why it does not."""
    if meeting is None or meeting.status == MeetingStatus.DROPPED.value:
        return Refusal(t.MEETING_NOT_FOUND)
    if meeting.status == MeetingStatus.CANCELLED.value:
        return Refusal(t.MEETING_CANCELLED, phrases(bot, meeting))
    if meeting.status != MeetingStatus.SCHEDULED.value or meeting.start <= bot.clock.now():
        return Refusal(t.RSVP_CLOSED, phrases(bot, meeting))
    return meeting


def ended_meeting(bot: BotContext, meeting: Meeting | None) -> Meeting | Refusal:
    """Return a meeting whose attendance can be recorded (it has ended), or why not."""
    if meeting is None or meeting.status in {
        MeetingStatus.DROPPED.value,
        MeetingStatus.CANCELLED.value,
    }:
        return Refusal(t.MEETING_NOT_FOUND)
    if meeting.end > bot.clock.now():
        return Refusal(t.ATTENDANCE_NOT_YET)
    return meeting


def coming_meeting(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, *, manage: bool = False
) -> Meeting | Refusal:
    """Return a coming meeting the actor takes part in (by kind, or invited), or why not.

    For the coordinators' tools (manage), a meeting that has started is "already started".
    """
    meeting = _coming(bot, store.get_meeting(session, meeting_id))
    if isinstance(meeting, Refusal):
        if manage and meeting.msg is t.RSVP_CLOSED:
            return Refusal(t.ALREADY_STARTED, meeting.params)
        return meeting
    kind = MeetingKind(meeting.series.kind)
    if kind not in kinds_for(actor) and actor.user_id not in store.invited(session, meeting.id):
        return Refusal(c.NOT_ALLOWED, {"who": t.KIND_PARTICIPANTS})
    return meeting


# ------------------------------------------------------------------------------ forms

FormBuilder = Callable[[Session, Meeting], View]


def meeting_form(
    bot: BotContext,
    session: Session,
    actor: Actor,
    meeting_id: int,
    build: FormBuilder,
    *,
    manage: bool = False,
    ended: bool = False,
) -> View | Refusal:
    """Return a form about one meeting for whoever may use it, or why not.

    manage: the coordinators' forms (move, cancel, attendance); ended: attendance, which opens
    once the meeting has ended; else the meeting must be coming and the actor's.
    """
    if manage and not may_manage(actor):
        return coordinators_only(bot)
    if ended:
        meeting = ended_meeting(bot, store.get_meeting(session, meeting_id))
    else:
        meeting = coming_meeting(bot, session, actor, meeting_id, manage=manage)
    return meeting if isinstance(meeting, Refusal) else build(session, meeting)


def attendance_view(
    bot: BotContext, session: Session, tr: Texts, meeting: Meeting, channel: str | None
) -> View:
    """Return the attendance form: the organisations, who was there, the new needs."""
    return attendance_form(
        tr,
        bot.config.collaboration.tz,
        info_of(bot, meeting),
        [(o.id, o.name) for o in bot.organizations],
        store.attendance_of(session, meeting.id),
        any_needs(session, NEEDS_TAKEN_UP_FROM),
        channel,
    )


# -------------------------------------------------------------------------- use cases


def answer_meeting(
    bot: BotContext,
    session: Session,
    actor: Actor,
    meeting_id: int,
    answer: Answer,
    substitute: str | None = None,
    at: datetime | None = None,
) -> Done | Refusal:
    """Store a person's answer to a coming meeting of theirs, and update its call.

    at (UTC) is when the answer was given (the click's ack; None: now). An answer older than
    the one stored changes nothing, so of two quick presses handled out of order the last one
    stays. A working-group answer also makes the person a contact of their organisation.
    """
    if not actor.in_collaboration:
        return Refusal(c.NO_ORGANIZATION)
    meeting = coming_meeting(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    now = bot.clock.now()
    organization = actor.organization_id
    given = at or now
    if not store.set_answer(
        session, meeting.id, actor.user_id, organization, answer, substitute, given
    ):
        return Done([])  # a later press of theirs is stored, and answered, already
    if meeting.series.kind == MeetingKind.WORKING_GROUP.value and organization:
        store.add_contact(session, organization, actor.user_id, "answer", now)
    key = refresh_call(bot, session, meeting)
    params = phrases(bot, meeting)
    if answer is Answer.SUBSTITUTE:
        params["name"] = escape(substitute or "")
    return Done([key] if key else [], ANSWER_SAVED[answer], params)


def add_agenda_item(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, text: str, *, source: str
) -> Done | Refusal:
    """Add an agenda item to a coming meeting of the actor's and update its call.

    source (the form's view id) makes a retried submission add nothing a second time.
    """
    meeting = coming_meeting(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        closed = meeting.msg is t.RSVP_CLOSED
        return Refusal(t.AGENDA_CLOSED, meeting.params) if closed else meeting
    added = store.add_agenda_item(
        session,
        meeting.id,
        text,
        organization_id=actor.organization_id,
        added_by=actor.user_id,
        source_key=f"agenda:{source}",
        now=bot.clock.now(),
    )
    if not added:
        return Done([])
    key = refresh_call(bot, session, meeting)
    return Done([key] if key else [], t.AGENDA_SAVED, phrases(bot, meeting))


def invite_communicators(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int
) -> Done | Refusal:
    """Invite the communicators to one coming meeting, each once (coordinators only)."""
    if not may_manage(actor):
        return coordinators_only(bot)
    communicators = list(bot.config.roles.communicators)
    if not communicators:
        return Refusal(t.INVITE_NONE)
    meeting = _coming(bot, store.get_meeting(session, meeting_id))
    if isinstance(meeting, Refusal):
        return meeting
    now = bot.clock.now()
    keys = [
        queue_invitation(bot, session, meeting, person)
        for person in communicators
        if store.invite(session, meeting.id, person, actor.user_id, now)
    ]
    if keys:
        meeting_entry(bot, session, actor, "meeting_invited", meeting, ",".join(communicators))
    mentions = ", ".join(f"<@{person}>" for person in communicators)
    return Done(keys, t.INVITE_DONE if keys else t.INVITE_ALREADY, {"users": mentions})


def _told_text(told: Told) -> Phrase:
    """Say who a change was announced to, in the language of whoever reads it."""

    def render(tr: Texts) -> str:
        if not told.channel and not told.people:
            return tr(t.NOBODY_TOLD)
        return tr(
            t.TOLD,
            channel=tr(t.TOLD_CHANNEL) if told.channel else tr(t.TOLD_NO_CHANNEL),
            people=tr(t.TOLD_PEOPLE, count=told.people) if told.people else "",
        )

    return Phrase(render)


def _managed(bot: BotContext, session: Session, actor: Actor, meeting_id: int) -> Meeting | Refusal:
    """Return a coming meeting that a coordinator is changing, or why it cannot be changed."""
    if not may_manage(actor):
        return coordinators_only(bot)
    return coming_meeting(bot, session, actor, meeting_id, manage=True)


def _changed(
    bot: BotContext,
    session: Session,
    actor: Actor,
    meeting: Meeting,
    told: Told,
    action: str,
    detail: str,
    changes: Sequence[audit.Change] = (),
) -> Done:
    """Audit a change of a meeting; return what to send and what to tell the coordinator."""
    meeting_entry(bot, session, actor, action, meeting, detail, changes)
    params = {"told": _told_text(told), **phrases(bot, meeting)}
    return Done(told.keys, CHANGE_DONE[action], params)


def move_meeting(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, start: datetime, reason: str
) -> Done | Refusal:
    """Move a coming meeting to start (UTC), its length kept, and tell all who heard of it.

    Coordinators only; a meeting moved by hand is no longer moved by its series' rule.
    """
    meeting = _managed(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    old_start = meeting.start.isoformat()
    end, location = start + (meeting.end - meeting.start), meeting.location
    told = apply_move(
        bot, session, meeting, start=start, end=end, location=location, reason=reason, manual=True
    )
    changes = [("start", old_start, start.isoformat()), ("reason", None, reason)]
    return _changed(
        bot, session, actor, meeting, told, "meeting_moved", start.isoformat(), changes
    )


def cancel_meeting(
    bot: BotContext, session: Session, actor: Actor, meeting_id: int, reason: str
) -> Done | Refusal:
    """Cancel a coming meeting and tell everyone who heard of it (coordinators only)."""
    meeting = _managed(bot, session, actor, meeting_id)
    if isinstance(meeting, Refusal):
        return meeting
    old_status = meeting.status
    told = apply_cancel(bot, session, meeting, reason=reason)
    changes = [
        ("meeting_status", old_status, MeetingStatus.CANCELLED.value),
        ("reason", None, reason),
    ]
    return _changed(bot, session, actor, meeting, told, "meeting_cancelled", reason, changes)


def send_calendar(bot: BotContext, session: Session, actor: Actor) -> Done | Refusal:
    """Queue an .ics file of the actor's coming meetings, sent to them privately."""
    if not actor.in_collaboration:
        return Refusal(c.NO_ORGANIZATION)
    meetings = coming_for(bot, session, actor, CALENDAR_MEETINGS)
    coming = [m for m in meetings if m.status == MeetingStatus.SCHEDULED.value]
    if not coming:
        return Refusal(t.CALENDAR_EMPTY)
    key = OutboxKey.calendar(actor.user_id)
    tr = bot.texts_in(actor.language)
    title = tr(t.CALENDAR_NAME, name=bot.config.collaboration.name)
    outbox.enqueue_upload(
        session,
        key=key,
        kind="calendar",
        channel=actor.user_id,
        now=bot.clock.now(),
        files=[UploadFile("samverkan-moten.ics", title, "", calendar_file(bot, meetings))],
        comment=tr(t.CALENDAR_SENT, count=len(coming)),
    )
    return Done([key], t.CALENDAR_IN_DM)
