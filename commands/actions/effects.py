"""What follows from an action's change, inside the caller's unit of work.

Telling the responsible, moving the needs it answers ("Åtgärd planerad" when linked, "Klart"
with "you said, we did" when all its actions are done) and keeping the next call's list of
actions current. Each function queues outbox rows in the caller's session and returns their
keys; none makes a Slack call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor, Role
from bot.domain.actions import ActionStatus
from bot.domain.meetings import MeetingKind, MeetingStatus
from bot.domain.needs import NeedStatus, is_open
from bot.texts import Msg, Texts
from bot.texts import actions as t
from commands import blocks as b
from commands.actions import phrases as p
from commands.actions.render_messages import done_lines, personal_message
from commands.edge.outcome import Done
from commands.meetings.notices import refresh_call
from commands.needs.usecases import move_need
from storage import actions as store
from storage import meetings as meetings_store
from storage import outbox
from storage.models import Action, Need
from storage.outbox import OutboxKey


def today(bot: BotContext) -> date:
    """Return today's date in the collaboration's time zone."""
    return bot.clock.now().astimezone(bot.config.collaboration.tz).date()


def responsible_people(session: Session, action: Action) -> list[str]:
    """Return who hears about an action: its organisations' contact persons, and the named one."""
    contacts = meetings_store.contacts(session)
    people: set[str] = set()
    for organization in action.organization_ids:
        people |= contacts.get(organization, set())
    if action.contact_user:
        people.add(action.contact_user)
    return sorted(people)


def queue_personal(
    bot: BotContext,
    session: Session,
    action: Action,
    keys: list[OutboxKey],
    msg: Msg,
    fallback: Msg,
    *,
    meeting: Callable[[Texts], str] | None = None,
    kind: str = "action_notice",
    **timing: object,
) -> list[OutboxKey]:
    """Queue one private message about an action per key (each key names its recipient).

    Each is in its recipient's language; meeting says in a language which meeting it came from.
    """
    names = bot.organization_names(session)
    queued = []
    for key in keys:
        assert key.recipient is not None
        tr = bot.texts_for(session, key.recipient)
        said = meeting(tr) if meeting is not None else ""
        payload = personal_message(tr, action, names, msg, fallback, meeting=said)
        if outbox.enqueue(
            session,
            key=key,
            kind=kind,
            channel=key.recipient,
            payload=payload,
            now=bot.clock.now(),
            **timing,  # type: ignore[arg-type]
        ):
            queued.append(key)
    return queued


def _from_meeting(
    bot: BotContext, session: Session, action: Action
) -> Callable[[Texts], str] | None:
    """Return what says which meeting the action came from, in a language; None if none."""
    if action.meeting_id is None:
        return None
    found = meetings_store.get_meeting(session, action.meeting_id)
    if found is None:
        return None
    tz, title = bot.config.collaboration.tz, b.escape(found.series.title)
    return lambda tr: tr(t.ASSIGNED_MEETING, title=title, date=p.meeting_day(tr, found, tz))


def queue_assigned(bot: BotContext, session: Session, action: Action) -> list[OutboxKey]:
    """Tell the responsible privately that an action is theirs (once per person)."""
    meeting = _from_meeting(bot, session, action)
    people = responsible_people(session, action)
    keys = [OutboxKey.action_assigned(action.id, person) for person in people]
    return queue_personal(
        bot, session, action, keys, t.ASSIGNED, t.ASSIGNED_FALLBACK, meeting=meeting
    )


def queue_notice(
    bot: BotContext, session: Session, action: Action, user: str, text: str
) -> OutboxKey:
    """Queue a private notice about an action to one person (a proposer hearing the outcome)."""
    key = OutboxKey.action_notice(action.id, user)
    outbox.enqueue(
        session,
        key=key,
        kind="action_notice",
        channel=user,
        payload={"text": text},
        now=bot.clock.now(),
    )
    return key


def plan_needs(bot: BotContext, session: Session, actor: Actor, action: Action) -> list[OutboxKey]:
    """Move the needs a planned action answers to "Åtgärd planerad" (new or taken up ones)."""
    keys: list[OutboxKey] = []
    for need_id in action.need_ids:
        need = session.get(Need, need_id)
        if need is None or need.status not in (NeedStatus.NEW.value, NeedStatus.TAKEN_UP.value):
            continue
        outcome = move_need(
            bot, session, actor, need_id, NeedStatus(need.status), NeedStatus.PLANNED
        )
        if isinstance(outcome, Done):
            keys += outcome.keys
    return keys


def by_rule(actor: Actor) -> Actor:
    """Return who moves a need to Klart by the actions' rule: the reporter, with the right to."""
    return Actor(actor.user_id, actor.organization_id, actor.roles | {Role.COORDINATOR})


def finish_needs(
    bot: BotContext, session: Session, actor: Actor, action: Action
) -> tuple[list[OutboxKey], list[int]]:
    """Move to Klart each open need whose actions are all closed and at least one done.

    Its submitter is told what was done ("you said, we did"). Return the keys queued and the
    needs moved.
    """
    keys: list[OutboxKey] = []
    moved: list[int] = []
    names = bot.organization_names(session)
    for need_id, linked in store.actions_of_needs(session, action.need_ids).items():
        need = session.get(Need, need_id)
        if need is None or not is_open(NeedStatus(need.status)):
            continue
        statuses = {a.status for a in linked}
        if ActionStatus.DONE.value not in statuses or not statuses <= {
            ActionStatus.DONE.value,
            ActionStatus.CANCELLED.value,
        }:
            continue
        done = [a for a in linked if a.status == ActionStatus.DONE.value]
        notes = store.last_notes(session, [a.id for a in done])
        told = bot.texts_for(session, need.submitted_by) if need.submitted_by else bot.texts
        notice = told(
            t.YOU_SAID_WE_DID,
            id=need.id,
            title=b.escape(need.title),
            actions=done_lines(told, done, names, notes),
        )
        outcome = move_need(
            bot,
            session,
            by_rule(actor),
            need_id,
            NeedStatus(need.status),
            NeedStatus.DONE,
            notice=notice,
        )
        if isinstance(outcome, Done):
            keys += outcome.keys
            moved.append(need_id)
    return keys, moved


def refresh_next_call(bot: BotContext, session: Session) -> list[OutboxKey]:
    """Bring the next working-group call up to date (its actions), if it has gone out."""
    coming = meetings_store.coming_meetings(
        session, bot.clock.now(), [MeetingKind.WORKING_GROUP.value], limit=1
    )
    if not coming or coming[0].status != MeetingStatus.SCHEDULED.value:
        return []
    key = refresh_call(bot, session, coming[0])
    return [key] if key is not None else []
