"""/samverkan möten and kalender, the meeting buttons and forms, the Home section, /calendar.ics."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import Block as SlackBlock
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor, Role, roles_of
from bot.domain.meetings import (
    KIND_LABELS,
    Answer,
    CalendarEntry,
    MeetingKind,
    MeetingStatus,
    SeriesInput,
    calendar_ics,
    kinds_for,
    may_manage,
    validate_agenda_item,
    validate_move,
    validate_reason,
    validate_series,
    validate_substitute,
)
from bot.domain.needs import NeedStatus
from bot.server import ROUTES, Response
from bot.texts import Msg
from bot.texts import common as c
from bot.texts import meetings as t
from commands.blocks import ViewState, escape
from commands.common import bot_of, inline_errors, post_private, resolve_actor
from commands.edge.ids import Action, Block, Callback
from commands.edge.legacy import SECTIONS, SUBCOMMANDS, add_help, publish_home
from commands.meetings.planner import (
    apply_cancel,
    apply_move,
    failure_reason,
    info_of,
    meeting_of_key,
    queue_invitation,
    reconcile,
    refresh_call,
    what_failed,
)
from commands.meetings.render import (
    LIST_MEETINGS,
    MOVE_FIELD_BLOCKS,
    NEW_SERIES,
    OTHER_FIELD_BLOCKS,
    SERIES_FIELD_BLOCKS,
    MeetingInfo,
    SeriesLine,
    agenda_form,
    attendance_form,
    cancel_form,
    contacts_form,
    home_section,
    meeting_list,
    move_form,
    series_form,
    series_input_from,
    substitute_form,
    when,
)
from commands.needs.usecases import Done as NeedMoved
from commands.needs.usecases import move_need
from commands.router import Router
from storage import audit, outbox
from storage import meetings as store
from storage.models import Meeting, MeetingSeries
from storage.needs import open_needs
from storage.outbox import OutboxKey, UploadFile

log = logging.getLogger(__name__)

# Updates of one call message are sent one at a time, so an older count never lands last.
_CALL_UPDATES = threading.Lock()
CALENDAR_PAST = timedelta(days=90)
HELP_WORDS = {"hjälp", "hjalp", "help", "?"}


# ------------------------------------------------------------------------------ helpers


def _deliver(bot: BotContext, keys: Iterable[OutboxKey | None]) -> None:
    """Send queued rows now, one sender at a time (call updates stay in order)."""
    wanted = [k for k in keys if k]
    if wanted:
        with _CALL_UPDATES:
            bot.deliver(wanted)


def _channel_of(body: dict[str, Any]) -> str | None:
    """Return the channel an action came from, if any."""
    channel = (body.get("channel") or {}).get("id")
    return str(channel) if channel else None


def _tell(
    bot: BotContext, client: WebClient, user: str, channel: str | None, msg: Msg, **params: Any
) -> None:
    """Tell one person something privately."""
    post_private(client, channel, user, bot.texts(msg, **params))


def _meeting_id(value: Any) -> int | None:
    """Read a meeting or series id from a button value or metadata."""
    text = str(value or "")
    return int(text) if text.isdigit() else None


def _metadata(view: dict[str, Any]) -> dict[str, Any]:
    """Read a modal's private metadata."""
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _state(view: dict[str, Any], field: Block, key: str) -> Any:
    """Read one input's raw value (date, time, users) from a submitted view."""
    return ViewState(view).raw(field, key)


def _is_coordinator(bot: BotContext, user: str) -> bool:
    """Tell whether the configuration makes user a coordinator."""
    return Role.COORDINATOR in roles_of(user, bot.config.roles)


def _refuse_role(bot: BotContext, client: WebClient, user: str, channel: str | None) -> None:
    """Say privately that only the coordinators may do this."""
    _tell(bot, client, user, channel, c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS))


def _phrases(bot: BotContext, meeting: Meeting) -> dict[str, str]:
    """Return a meeting's title and time as texts show them."""
    return {
        "title": escape(meeting.series.title),
        "when": when(bot.texts, meeting.start, meeting.end, bot.config.collaboration.tz),
    }


def _closed(bot: BotContext, meeting: Meeting | None) -> tuple[Msg, dict[str, str]] | None:
    """Say why a meeting no longer takes answers or agenda items, if it does not."""
    if meeting is None or meeting.status == MeetingStatus.DROPPED.value:
        return t.MEETING_NOT_FOUND, {}
    if meeting.status == MeetingStatus.CANCELLED.value:
        return t.MEETING_CANCELLED, _phrases(bot, meeting)
    if meeting.status != MeetingStatus.SCHEDULED.value or meeting.start <= bot.clock.now():
        return t.RSVP_CLOSED, _phrases(bot, meeting)
    return None


def _takes_part(bot: BotContext, session: Session, actor: Actor, meeting: Meeting) -> bool:
    """Tell whether the actor takes part in the meeting (by kind, or invited)."""
    kind = MeetingKind(meeting.series.kind)
    return kind in kinds_for(actor) or actor.user_id in store.invited(session, meeting.id)


def _kinds(actor: Actor) -> list[str]:
    """Return the kinds of meeting the actor takes part in."""
    return [k.value for k in kinds_for(actor)]


def _items(
    bot: BotContext, session: Session, meetings: list[Meeting], user: str
) -> list[tuple[MeetingInfo, str | None]]:
    """Pair meetings with the person's answers."""
    answers = store.answers_by_user(session, [m.id for m in meetings], user)
    return [(info_of(bot, m), answers.get(m.id)) for m in meetings]


# ------------------------------------------------------------------------ the list


def _warning(bot: BotContext, session: Session) -> str | None:
    """Describe meeting messages that failed for good this week, if any."""
    failed = store.failed_meeting_messages(session, bot.clock.now() - timedelta(days=7))
    if not failed:
        return None
    latest = failed[0]
    latest_key = OutboxKey.parse(latest.key)
    meeting = meeting_of_key(session, latest_key)
    return bot.texts(
        t.FAILURES,
        count=len(failed),
        what=bot.texts(what_failed(latest_key)),
        title=escape(meeting.series.title) if meeting else "?",
        reason=failure_reason(bot, latest.last_error or "unknown_error", latest.channel),
    )


def _series_lines(session: Session) -> list[SeriesLine]:
    """Return every series as the coordinators' list shows it."""
    return [
        SeriesLine(
            id=s.id,
            title=s.title,
            kind=MeetingKind(s.kind),
            rrule=s.rrule,
            start=s.start_local,
            duration_s=s.duration_s,
            skip_months=list(s.skip_months),
            paused=s.paused,
        )
        for s in store.all_series(session)
    ]


def list_message(bot: BotContext, actor: Actor) -> dict[str, Any]:
    """Return the coming meetings for actor; coordinators also get series, tools and warnings."""
    now = bot.clock.now()
    manage = may_manage(actor)
    with bot.db.reading() as session:
        meetings = store.coming_meetings(
            session, now, _kinds(actor), LIST_MEETINGS + 1, invited_user=actor.user_id
        )
        items = _items(bot, session, meetings[:LIST_MEETINGS], actor.user_id)
        series: list[SeriesLine] = []
        warning = None
        last = None
        if manage:
            series = _series_lines(session)
            warning = _warning(bot, session)
            held = store.last_held(session, MeetingKind.WORKING_GROUP.value, now)
            if held is not None:
                last = (info_of(bot, held), len(store.attendance_of(session, held.id)))
    return meeting_list(
        bot.texts,
        bot.config.collaboration.tz,
        items,
        manage=manage,
        series=series,
        warning=warning,
        last_held=last,
        more=len(meetings) > LIST_MEETINGS,
    )


def meetings_command(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Handle /samverkan möten [ny|hjälp]: list the coming meetings, or open a form."""
    word = rest.strip().casefold()
    if word in HELP_WORDS:
        respond(text=bot.texts(t.MEETINGS_HELP), response_type="ephemeral")
        return
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    if word in {"ny", "new"}:
        if not may_manage(actor):
            respond(
                text=bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS)),
                response_type="ephemeral",
            )
            return
        _open_view(
            bot,
            client,
            command["trigger_id"],
            series_form(bot.texts, NEW_SERIES, None, command.get("channel_id")),
            command["user_id"],
            command.get("channel_id"),
        )
        return
    respond(response_type="ephemeral", **list_message(bot, actor))


def _open_view(
    bot: BotContext, client: WebClient, trigger_id: str, view: Any, user: str, channel: str | None
) -> None:
    """Open a modal, or say privately that the form could not be opened."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as exc:
        log.warning("views.open failed: %s", exc.response.get("error"))
        _tell(bot, client, user, channel, c.TRIGGER_EXPIRED)


# ------------------------------------------------------------------------- calendar


def _entries(bot: BotContext, meetings: list[Meeting]) -> list[CalendarEntry]:
    """Return meetings as calendar entries."""
    tr = bot.texts
    return [
        CalendarEntry(
            uid=f"meeting-{m.id}@samverkansbot",
            title=m.series.title,
            start=m.start,
            end=m.end,
            location=m.location,
            cancelled=m.status == MeetingStatus.CANCELLED.value,
            sequence=m.revision,
            description=tr(
                t.CALENDAR_DESCRIPTION,
                kind=tr(KIND_LABELS[MeetingKind(m.series.kind)]),
                name=bot.config.collaboration.name,
            ),
        )
        for m in meetings
    ]


def calendar_file(bot: BotContext, meetings: list[Meeting]) -> bytes:
    """Return an .ics file of meetings."""
    name = bot.texts(t.CALENDAR_NAME, name=bot.config.collaboration.name)
    return calendar_ics(_entries(bot, meetings), name, bot.clock.now())


def calendar_command(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Handle /samverkan kalender: send the person an .ics file of their coming meetings."""
    user = command["user_id"]
    actor = resolve_actor(bot, client, user)
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    with bot.db.reading() as session:
        meetings = store.coming_meetings(
            session, bot.clock.now(), _kinds(actor), 200, invited_user=user
        )
        data = calendar_file(bot, meetings)
    coming = [m for m in meetings if m.status == MeetingStatus.SCHEDULED.value]
    if not coming:
        respond(text=bot.texts(t.CALENDAR_EMPTY), response_type="ephemeral")
        return
    key = OutboxKey.calendar(user)
    title = bot.texts(t.CALENDAR_NAME, name=bot.config.collaboration.name)
    with bot.db.transaction() as session:
        outbox.enqueue_upload(
            session,
            key=key,
            kind="calendar",
            channel=user,
            now=bot.clock.now(),
            files=[UploadFile("samverkan-moten.ics", title, "", data)],
            comment=bot.texts(t.CALENDAR_SENT, count=len(coming)),
        )
    bot.deliver([key])
    respond(text=bot.texts(t.CALENDAR_IN_DM), response_type="ephemeral")


def calendar_route(bot: BotContext, environ: dict[str, Any]) -> Response:
    """Serve GET /calendar.ics: the working group's and the owners' meetings, to subscribe to."""
    kinds = [MeetingKind.WORKING_GROUP.value, MeetingKind.OWNERS.value]
    with bot.db.reading() as session:
        meetings = store.calendar_meetings(session, kinds, bot.clock.now() - CALENDAR_PAST)
        data = calendar_file(bot, meetings)
    headers = [
        ("Content-Type", "text/calendar; charset=utf-8"),
        ("Content-Disposition", 'inline; filename="samverkan.ics"'),
        ("Cache-Control", "max-age=300"),
    ]
    return 200, headers, data


# ----------------------------------------------------------------------- answers


def _answer(
    bot: BotContext,
    client: WebClient,
    user: str,
    channel: str | None,
    meeting_id: int,
    answer: Answer,
    substitute: str | None = None,
) -> bool:
    """Store a person's answer, update the call's count, and confirm privately."""
    actor = resolve_actor(bot, client, user)
    if not actor.in_collaboration:
        _tell(bot, client, user, channel, c.NO_ORGANIZATION)
        return False
    key: OutboxKey | None = None
    phrases: dict[str, str] = {}
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, meeting_id)
        refusal = _closed(bot, meeting)
        if (
            refusal is None
            and meeting is not None
            and not _takes_part(bot, session, actor, meeting)
        ):
            refusal = c.NOT_ALLOWED, {"who": bot.texts(t.KIND_PARTICIPANTS)}
        if refusal is None and meeting is not None:
            now = bot.clock.now()
            store.set_answer(
                session, meeting.id, user, actor.organization_id, answer, substitute, now
            )
            if meeting.series.kind == MeetingKind.WORKING_GROUP.value and actor.organization_id:
                store.add_contact(session, actor.organization_id, user, "answer", now)
            key = refresh_call(bot, session, meeting)
            phrases = _phrases(bot, meeting)
    if refusal is not None:
        _tell(bot, client, user, channel, refusal[0], **refusal[1])
        return False
    _deliver(bot, [key])
    if answer is Answer.YES:
        _tell(bot, client, user, channel, t.RSVP_SAVED_YES, **phrases)
    elif answer is Answer.NO:
        _tell(bot, client, user, channel, t.RSVP_SAVED_NO, **phrases)
    else:
        _tell(
            bot,
            client,
            user,
            channel,
            t.RSVP_SAVED_SUBSTITUTE,
            name=escape(substitute or ""),
            **phrases,
        )
    return True


def _from_home(body: dict[str, Any]) -> bool:
    """Tell whether an action came from the Home tab."""
    return (body.get("view") or {}).get("type") == "home"


def handle_rsvp(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record attending or not attending from a button."""
    ack()
    bot = bot_of(context)
    meeting_id = _meeting_id(action.get("value"))
    if meeting_id is None:
        return
    answer = Answer.YES if action.get("action_id") == Action.MEETING_RSVP_YES else Answer.NO
    user = body["user"]["id"]
    saved = _answer(bot, client, user, _channel_of(body), meeting_id, answer)
    if saved and _from_home(body):
        publish_home(bot, client, user)


def _open_for_meeting(
    bot: BotContext,
    client: WebClient,
    body: dict[str, Any],
    action: dict[str, Any],
    build: Any,
    *,
    manage: bool = False,
    after_end: bool = False,
) -> None:
    """Open a meeting's form for whoever may use it, or say privately why not."""
    user, channel = body["user"]["id"], _channel_of(body)
    if manage and not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    meeting_id = _meeting_id(action.get("value"))
    if meeting_id is None:
        return
    actor = resolve_actor(bot, client, user)
    with bot.db.reading() as session:
        meeting = store.get_meeting(session, meeting_id)
        if after_end:
            refusal = _not_ended(bot, meeting)
        else:
            refusal = _closed(bot, meeting)
            if (
                refusal is None
                and meeting is not None
                and not _takes_part(bot, session, actor, meeting)
            ):
                refusal = c.NOT_ALLOWED, {"who": bot.texts(t.KIND_PARTICIPANTS)}
        view = build(session, meeting) if refusal is None and meeting is not None else None
    if refusal is not None or view is None:
        message, params = refusal or (t.MEETING_NOT_FOUND, {})
        if manage and message is t.RSVP_CLOSED:
            message = t.ALREADY_STARTED
        _tell(bot, client, user, channel, message, **params)
        return
    _open_view(bot, client, body["trigger_id"], view, user, channel)


def handle_substitute_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form that asks for the substitute's name."""
    ack()
    bot = bot_of(context)
    channel = _channel_of(body)
    _open_for_meeting(
        bot,
        client,
        body,
        action,
        lambda session, m: substitute_form(
            bot.texts, bot.config.collaboration.tz, info_of(bot, m), channel
        ),
    )


def handle_substitute_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record that a substitute attends, or show what is wrong with the name."""
    bot = bot_of(context)
    name, error = validate_substitute(
        ViewState(view).text(Block.MEETING_SUBSTITUTE_NAME)
    )
    if error is not None:
        ack(response_action="errors", errors=inline_errors(bot, [error], OTHER_FIELD_BLOCKS))
        return
    ack()
    meta = _metadata(view)
    meeting_id = _meeting_id(meta.get("meeting"))
    if meeting_id is not None:
        _answer(
            bot,
            client,
            body["user"]["id"],
            meta.get("channel"),
            meeting_id,
            Answer.SUBSTITUTE,
            name,
        )


# --------------------------------------------------------------------------- agenda


def handle_agenda_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form where a partner adds an agenda item."""
    ack()
    bot = bot_of(context)
    channel = _channel_of(body)
    _open_for_meeting(
        bot,
        client,
        body,
        action,
        lambda session, m: agenda_form(
            bot.texts, bot.config.collaboration.tz, info_of(bot, m), channel
        ),
    )


def handle_agenda_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Add an agenda item until the meeting starts, and update the call."""
    bot = bot_of(context)
    user = body["user"]["id"]
    text, error = validate_agenda_item(
        ViewState(view).text(Block.MEETING_AGENDA_ITEM)
    )
    if error is not None:
        ack(response_action="errors", errors=inline_errors(bot, [error], OTHER_FIELD_BLOCKS))
        return
    meta = _metadata(view)
    meeting_id = _meeting_id(meta.get("meeting")) or 0
    actor = resolve_actor(bot, client, user)
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, meeting_id)
        refusal = _closed(bot, meeting)
        if refusal is not None or meeting is None:
            message, params = refusal or (t.MEETING_NOT_FOUND, {})
            if message is t.RSVP_CLOSED:
                message = t.AGENDA_CLOSED
            ack(
                response_action="errors",
                errors={Block.MEETING_AGENDA_ITEM: bot.texts(message, **params)},
            )
            return
        added = store.add_agenda_item(
            session,
            meeting.id,
            text,
            organization_id=actor.organization_id,
            added_by=user,
            source_key=f"agenda:{view.get('id', '')}",
            now=bot.clock.now(),
        )
        key = refresh_call(bot, session, meeting) if added else None
        phrases = _phrases(bot, meeting)
    ack()
    _deliver(bot, [key])
    if added:
        _tell(bot, client, user, meta.get("channel"), t.AGENDA_SAVED, **phrases)


# ---------------------------------------------------------------- coordinators' tools


def handle_invite(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Invite the communicators to one meeting (coordinators only)."""
    ack()
    bot = bot_of(context)
    user, channel = body["user"]["id"], _channel_of(body)
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    communicators = list(bot.config.roles.communicators)
    if not communicators:
        _tell(bot, client, user, channel, t.INVITE_NONE)
        return
    meeting_id = _meeting_id(action.get("value")) or 0
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, meeting_id)
        refusal = _closed(bot, meeting)
        keys: list[OutboxKey] = []
        if refusal is None and meeting is not None:
            now = bot.clock.now()
            for person in communicators:
                if store.invite(session, meeting.id, person, user, now):
                    keys.append(queue_invitation(bot, session, meeting, person))
            if keys:
                audit.record(
                    session,
                    actor=user,
                    action="meeting_invited",
                    subject=f"meeting:{meeting.id}",
                    now=now,
                    detail=",".join(communicators),
                )
    if refusal is not None:
        _tell(bot, client, user, channel, refusal[0], **refusal[1])
        return
    _deliver(bot, keys)
    mentions = ", ".join(f"<@{person}>" for person in communicators)
    _tell(bot, client, user, channel, t.INVITE_DONE if keys else t.INVITE_ALREADY, users=mentions)


def handle_move_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form that moves one meeting (coordinators only)."""
    ack()
    bot = bot_of(context)
    channel = _channel_of(body)
    _open_for_meeting(
        bot,
        client,
        body,
        action,
        lambda session, m: move_form(
            bot.texts, bot.config.collaboration.tz, info_of(bot, m), channel
        ),
        manage=True,
    )


def handle_cancel_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form that cancels one meeting (coordinators only)."""
    ack()
    bot = bot_of(context)
    channel = _channel_of(body)
    _open_for_meeting(
        bot,
        client,
        body,
        action,
        lambda session, m: cancel_form(
            bot.texts, bot.config.collaboration.tz, info_of(bot, m), channel
        ),
        manage=True,
    )


def _told_text(bot: BotContext, channel: bool, people: int) -> str:
    """Say who a change was announced to."""
    tr = bot.texts
    if not channel and not people:
        return tr(t.NOBODY_TOLD)
    return tr(
        t.TOLD,
        channel=tr(t.TOLD_CHANNEL) if channel else tr(t.TOLD_NO_CHANNEL),
        people=tr(t.TOLD_PEOPLE, count=people) if people else "",
    )


def handle_move_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Move one meeting and tell everyone who was told of it (coordinators only)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    meta = _metadata(view)
    if not _is_coordinator(bot, user):
        ack()
        _refuse_role(bot, client, user, meta.get("channel"))
        return
    check = validate_move(
        _state(view, Block.MEETING_MOVE_DATE, "selected_date"),
        _state(view, Block.MEETING_MOVE_TIME, "selected_time"),
        ViewState(view).text(Block.MEETING_REASON),
        now=bot.clock.now(),
        tz=bot.config.collaboration.tz,
    )
    if check.start is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, MOVE_FIELD_BLOCKS))
        return
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, _meeting_id(meta.get("meeting")) or 0)
        refusal = _closed(bot, meeting)
        if refusal is not None or meeting is None:
            message, params = refusal or (t.MEETING_NOT_FOUND, {})
            if message is t.RSVP_CLOSED:
                message = t.ALREADY_STARTED
            ack(
                response_action="errors",
                errors={Block.MEETING_MOVE_DATE: bot.texts(message, **params)},
            )
            return
        told = apply_move(
            bot,
            session,
            meeting,
            start=check.start,
            end=check.start + (meeting.end - meeting.start),
            location=meeting.location,
            reason=check.reason,
            manual=True,
        )
        audit.record(
            session,
            actor=user,
            action="meeting_moved",
            subject=f"meeting:{meeting.id}",
            now=bot.clock.now(),
            detail=check.start.isoformat(),
        )
        phrases = _phrases(bot, meeting)
    ack()
    _deliver(bot, told.keys)
    _tell(
        bot,
        client,
        user,
        meta.get("channel"),
        t.MOVE_DONE,
        told=_told_text(bot, told.channel, told.people),
        **phrases,
    )


def handle_cancel_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Cancel one meeting and tell everyone who was told of it (coordinators only)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    meta = _metadata(view)
    if not _is_coordinator(bot, user):
        ack()
        _refuse_role(bot, client, user, meta.get("channel"))
        return
    reason, error = validate_reason(
        ViewState(view).text(Block.MEETING_REASON)
    )
    if error is not None:
        ack(response_action="errors", errors=inline_errors(bot, [error], OTHER_FIELD_BLOCKS))
        return
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, _meeting_id(meta.get("meeting")) or 0)
        refusal = _closed(bot, meeting)
        if refusal is not None or meeting is None:
            message, params = refusal or (t.MEETING_NOT_FOUND, {})
            if message is t.RSVP_CLOSED:
                message = t.ALREADY_STARTED
            ack(
                response_action="errors",
                errors={Block.MEETING_REASON: bot.texts(message, **params)},
            )
            return
        told = apply_cancel(bot, session, meeting, reason=reason)
        audit.record(
            session,
            actor=user,
            action="meeting_cancelled",
            subject=f"meeting:{meeting.id}",
            now=bot.clock.now(),
            detail=reason,
        )
        phrases = _phrases(bot, meeting)
    ack()
    _deliver(bot, told.keys)
    _tell(
        bot,
        client,
        user,
        meta.get("channel"),
        t.CANCEL_DONE,
        told=_told_text(bot, told.channel, told.people),
        **phrases,
    )


# ------------------------------------------------------------ attendance and needs


def _not_ended(bot: BotContext, meeting: Meeting | None) -> tuple[Msg, dict[str, str]] | None:
    """Say why attendance cannot be recorded for a meeting yet, if it cannot."""
    if meeting is None or meeting.status in {
        MeetingStatus.DROPPED.value,
        MeetingStatus.CANCELLED.value,
    }:
        return t.MEETING_NOT_FOUND, {}
    if meeting.end > bot.clock.now():
        return t.ATTENDANCE_NOT_YET, {}
    return None


def handle_followup_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the attendance and needs form of an ended meeting (coordinators only)."""
    ack()
    bot = bot_of(context)
    channel = _channel_of(body)

    def build(session: Session, meeting: Meeting) -> Any:
        """Build the attendance form with the organisations and the new needs."""
        new_needs = [
            (n.id, n.title)
            for n in open_needs(session, limit=100).needs
            if n.status == NeedStatus.NEW.value
        ]
        return attendance_form(
            bot.texts,
            bot.config.collaboration.tz,
            info_of(bot, meeting),
            [(o.id, o.name) for o in bot.organizations],
            store.attendance_of(session, meeting.id),
            new_needs,
            channel,
        )

    _open_for_meeting(bot, client, body, action, build, manage=True, after_end=True)


def handle_attendance_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record attendance and move the needs taken up to Taken up (coordinators only)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    meta = _metadata(view)
    ack()
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, meta.get("channel"))
        return
    state = ViewState(view)
    known = {o.id for o in bot.organizations}
    attended = set(state.selected_many(Block.MEETING_ATTENDED))
    need_ids = [
        int(v)
        for v in state.selected_many(Block.MEETING_NEEDS_TAKEN_UP)
        if v.isdigit()
    ]
    keys: list[OutboxKey] = []
    moved = 0
    with bot.db.transaction() as session:
        meeting = store.get_meeting(session, _meeting_id(meta.get("meeting")) or 0)
        refusal = _not_ended(bot, meeting)
        if refusal is None and meeting is not None:
            now = bot.clock.now()
            store.record_attendance(
                session,
                meeting.id,
                attended & known,
                source="coordinator",
                recorded_by=user,
                now=now,
            )
            coordinator = Actor(user, None, roles_of(user, bot.config.roles))
            for need_id in need_ids:
                outcome = move_need(
                    bot, session, coordinator, need_id, NeedStatus.NEW, NeedStatus.TAKEN_UP
                )
                if isinstance(outcome, NeedMoved):
                    keys += outcome.keys
                    moved += 1
            audit.record(
                session,
                actor=user,
                action="meeting_attendance",
                subject=f"meeting:{meeting.id}",
                now=now,
                detail=f"organizations={len(attended & known)} needs={moved}",
            )
            phrases = _phrases(bot, meeting)
    if refusal is not None:
        _tell(bot, client, user, meta.get("channel"), refusal[0], **refusal[1])
        return
    bot.deliver(keys)
    _tell(
        bot,
        client,
        user,
        meta.get("channel"),
        t.ATTENDANCE_SAVED,
        count=len(attended & known),
        needs=moved,
        **phrases,
    )


# --------------------------------------------------------------------------- series


def read_series_input(view: dict[str, Any]) -> SeriesInput:
    """Parse the series form's state into a SeriesInput."""
    state = ViewState(view)
    return SeriesInput(
        kind=state.selected(Block.MEETING_KIND),
        title=state.text(Block.MEETING_TITLE),
        first_date=_state(
            view, Block.MEETING_FIRST_DATE, "selected_date"
        ),
        first_time=_state(
            view, Block.MEETING_FIRST_TIME, "selected_time"
        ),
        duration=state.text(Block.MEETING_DURATION),
        frequency=state.selected(Block.MEETING_FREQUENCY),
        weeks=state.selected_many(Block.MEETING_WEEKS),
        rrule=state.text(Block.MEETING_RRULE),
        location=state.text(Block.MEETING_LOCATION),
        call_before=state.text(Block.MEETING_CALL_BEFORE),
        reminder_before=state.text(Block.MEETING_REMINDER_BEFORE),
        summary_before=state.text(Block.MEETING_SUMMARY_BEFORE),
        skip_months=state.selected_many(Block.MEETING_SKIP_MONTHS),
        on_holiday=state.selected(Block.MEETING_ON_HOLIDAY),
        agenda=state.text(Block.MEETING_AGENDA_LINES),
    )


def handle_series_new(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form for a new meeting series (coordinators only)."""
    ack()
    bot = bot_of(context)
    user, channel = body["user"]["id"], _channel_of(body)
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    _open_view(
        bot,
        client,
        body["trigger_id"],
        series_form(bot.texts, NEW_SERIES, None, channel),
        user,
        channel,
    )


def handle_series_edit(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the change form of a meeting series (coordinators only)."""
    ack()
    bot = bot_of(context)
    user, channel = body["user"]["id"], _channel_of(body)
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    series_id = _meeting_id(action.get("value")) or 0
    with bot.db.reading() as session:
        series = session.get(MeetingSeries, series_id)
        initial = (
            series_input_from(
                kind=series.kind,
                title=series.title,
                rrule=series.rrule,
                start=series.start_local,
                duration_s=series.duration_s,
                location=series.location,
                call_before_s=series.call_before_s,
                reminder_before_s=series.reminder_before_s,
                summary_before_s=series.summary_before_s,
                skip_months=series.skip_months,
                on_holiday=series.on_holiday,
                agenda=series.agenda,
            )
            if series is not None
            else None
        )
    if initial is None:
        _tell(bot, client, user, channel, t.SERIES_NOT_FOUND)
        return
    _open_view(
        bot,
        client,
        body["trigger_id"],
        series_form(bot.texts, initial, series_id, channel),
        user,
        channel,
    )


def _next_text(bot: BotContext, session: Session, series: MeetingSeries) -> str:
    """Describe a series' next scheduled meeting."""
    upcoming = [
        m
        for m in store.meetings_after(session, series.id, bot.clock.now())
        if m.status == MeetingStatus.SCHEDULED.value
    ]
    if not upcoming:
        return bot.texts(t.SERIES_NO_NEXT)
    return when(bot.texts, upcoming[0].start, upcoming[0].end, bot.config.collaboration.tz)


def handle_series_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Create or change a meeting series, then plan its meetings (coordinators only)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    meta = _metadata(view)
    if not _is_coordinator(bot, user):
        ack()
        _refuse_role(bot, client, user, meta.get("channel"))
        return
    check = validate_series(read_series_input(view))
    if check.draft is None:
        ack(response_action="errors", errors=inline_errors(bot, check.errors, SERIES_FIELD_BLOCKS))
        return
    now = bot.clock.now()
    series_id = _meeting_id(meta.get("series"))
    with bot.db.transaction() as session:
        if series_id is not None:
            series = session.get(MeetingSeries, series_id)
            if series is None:
                ack()
                _tell(bot, client, user, meta.get("channel"), t.SERIES_NOT_FOUND)
                return
            store.update_series(session, series, check.draft, now)
            action = "series_changed"
        else:
            key = f"slack:{view.get('id') or now.isoformat()}"
            series = store.series_by_key(session, key) or store.create_series(
                session, check.draft, key, now
            )
            action = "series_created"
        session.flush()
        keys = reconcile(bot, session, series, now)
        audit.record(
            session,
            actor=user,
            action=action,
            subject=f"series:{series.id}",
            now=now,
            detail=check.draft.title,
        )
        title, next_text = escape(series.title), _next_text(bot, session, series)
    ack()
    _deliver(bot, keys)
    _tell(bot, client, user, meta.get("channel"), t.SERIES_SAVED, title=title, next=next_text)


def handle_series_pause(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Pause or resume a meeting series (coordinators only)."""
    ack()
    bot = bot_of(context)
    user, channel = body["user"]["id"], _channel_of(body)
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    pause = action.get("action_id") == Action.MEETING_SERIES_PAUSE
    now = bot.clock.now()
    with bot.db.transaction() as session:
        series = session.get(MeetingSeries, _meeting_id(action.get("value")) or 0)
        if series is None:
            keys: list[OutboxKey] = []
            title = None
        else:
            series.paused = pause
            series.updated_at = now
            session.flush()
            keys = reconcile(bot, session, series, now)
            audit.record(
                session,
                actor=user,
                action="series_paused" if pause else "series_resumed",
                subject=f"series:{series.id}",
                now=now,
            )
            title = escape(series.title)
    if title is None:
        _tell(bot, client, user, channel, t.SERIES_NOT_FOUND)
        return
    _deliver(bot, keys)
    _tell(bot, client, user, channel, t.SERIES_PAUSED if pause else t.SERIES_RESUMED, title=title)


# ------------------------------------------------------------------------- contacts


def handle_contacts_button(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the form of the working group's contact persons (coordinators only)."""
    ack()
    bot = bot_of(context)
    user, channel = body["user"]["id"], _channel_of(body)
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, channel)
        return
    with bot.db.reading() as session:
        current = sorted(set().union(*store.contacts(session).values()))
    _open_view(bot, client, body["trigger_id"], contacts_form(bot.texts, current), user, channel)


def handle_contacts_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Save the contact persons chosen, each under the organisation they act for."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]
    if not _is_coordinator(bot, user):
        _refuse_role(bot, client, user, None)
        return
    chosen = _state(
        view, Block.MEETING_CONTACT_USERS, "selected_users"
    )
    wanted = [str(u) for u in chosen or [] if str(u)[:1] in "UW"]
    organizations = {
        person: resolve_actor(bot, client, person).organization_id for person in wanted
    }
    unknown = [person for person, org in organizations.items() if org is None]
    now = bot.clock.now()
    with bot.db.transaction() as session:
        current = set().union(*store.contacts(session).values())
        store.remove_contacts(session, current - set(wanted))
        for person, org in organizations.items():
            if org is not None:
                store.add_contact(session, org, person, "coordinator", now)
        audit.record(
            session,
            actor=user,
            action="meeting_contacts",
            subject="contacts",
            now=now,
            detail=f"{len(wanted) - len(unknown)} contacts",
        )
    text = bot.texts(t.CONTACTS_SAVED, count=len(wanted) - len(unknown))
    if unknown:
        text += bot.texts(t.CONTACTS_UNKNOWN, users=", ".join(f"<@{u}>" for u in unknown))
    post_private(client, None, user, text)


# ------------------------------------------------------------------------- the Home tab


def home_meetings(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the Home tab's section: the person's next meetings, their answers and buttons."""
    if not actor.in_collaboration:
        return []
    with bot.db.reading() as session:
        meetings = store.coming_meetings(
            session, bot.clock.now(), _kinds(actor), 3, invited_user=actor.user_id
        )
        items = _items(bot, session, meetings, actor.user_id)
    return home_section(bot.texts, bot.config.collaboration.tz, items)


# ----------------------------------------------------------------------------- register


def register(routes: Router) -> None:
    """Register the meeting rhythm's subcommands, buttons, forms, Home section and route."""
    SUBCOMMANDS.add("möten", "moten", "möte", "meetings")(meetings_command)
    SUBCOMMANDS.add("kalender", "calendar")(calendar_command)
    add_help(t.HELP_MEETINGS)
    add_help(t.HELP_CALENDAR)
    ROUTES["/calendar.ics"] = calendar_route
    if home_meetings not in SECTIONS:
        SECTIONS.append(home_meetings)
    routes.action(Action.MEETING_RSVP_YES.value)(handle_rsvp)
    routes.action(Action.MEETING_RSVP_NO.value)(handle_rsvp)
    routes.action(Action.MEETING_RSVP_SUBSTITUTE.value)(handle_substitute_button)
    routes.action(Action.MEETING_AGENDA_ADD.value)(handle_agenda_button)
    routes.action(Action.MEETING_INVITE.value)(handle_invite)
    routes.action(Action.MEETING_MOVE_OPEN.value)(handle_move_button)
    routes.action(Action.MEETING_CANCEL_OPEN.value)(handle_cancel_button)
    routes.action(Action.MEETING_FOLLOWUP_OPEN.value)(handle_followup_button)
    routes.action(Action.MEETING_SERIES_NEW.value)(handle_series_new)
    routes.action(Action.MEETING_SERIES_EDIT.value)(handle_series_edit)
    routes.action(Action.MEETING_SERIES_PAUSE.value)(handle_series_pause)
    routes.action(Action.MEETING_SERIES_RESUME.value)(handle_series_pause)
    routes.action(Action.MEETING_CONTACTS_OPEN.value)(handle_contacts_button)
    routes.view(Callback.MEETING_SUBSTITUTE.value)(handle_substitute_submission)
    routes.view(Callback.MEETING_AGENDA.value)(handle_agenda_submission)
    routes.view(Callback.MEETING_MOVE.value)(handle_move_submission)
    routes.view(Callback.MEETING_CANCEL.value)(handle_cancel_submission)
    routes.view(Callback.MEETING_ATTENDANCE.value)(handle_attendance_submission)
    routes.view(Callback.MEETING_SERIES_FORM.value)(handle_series_submission)
    routes.view(Callback.MEETING_CONTACTS.value)(handle_contacts_submission)
