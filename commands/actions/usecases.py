"""Use cases of actions: propose or create, confirm (reporting is in usecases_progress).

Each takes the bot, an open session and who acts, and does its whole unit of work in it:
check who may, validate, store, queue the outbox rows (the notices, the proposal's message,
the needs' moves, the next call's update) and write the audit entry. None makes a Slack call;
the caller sends the queued rows by their keys once the transaction is committed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.actions import (
    STATUS_LABELS,
    ActionDraft,
    ActionInput,
    ActionStatus,
    may_manage,
    may_propose,
    validate_action,
)
from bot.domain.organizations import OrganizationInfo
from bot.texts import actions as t
from bot.texts import common as c
from commands.actions import effects
from commands.actions import phrases as p
from commands.actions.render_messages import proposal_message
from commands.edge.outcome import Done, Invalid, Refusal, coordinators_only
from storage import actions as store
from storage import audit, outbox
from storage import meetings as meetings_store
from storage.models import Action
from storage.needs import open_needs
from storage.outbox import OutboxKey

NEEDS_IN_FORM = 100




def record(
    bot: BotContext, session: Session, actor: Actor, action: str, subject: str, detail: str = ""
) -> None:
    """Write the audit entry of what the actor did, in the use case's unit of work."""
    audit.record(
        session,
        actor=actor.user_id,
        action=action,
        subject=subject,
        now=bot.clock.now(),
        detail=detail,
    )


def refuse_proposal(bot: BotContext, actor: Actor) -> Refusal:
    """Say why the actor may not create or propose actions: no organisation, or an owner."""
    if actor.organization_id is None:
        return Refusal(c.NO_ORGANIZATION)
    return Refusal(c.NOT_ALLOWED, {"who": bot.texts(t.WHO_PROPOSE)})


def organizations_for(bot: BotContext, actor: Actor) -> list[OrganizationInfo]:
    """Return the organisations the actor may make responsible: all, or a partner's own."""
    return [o for o in bot.organizations if actor.is_coordinator or o.id == actor.organization_id]


def needs_for_form(session: Session) -> list[tuple[int, str]]:
    """Return the open needs an action can answer, newest first (a static select's 100)."""
    return [(n.id, n.title) for n in open_needs(session, limit=NEEDS_IN_FORM).needs]


def _told(bot: BotContext, keys: list[OutboxKey]) -> str:
    """Say how many of the responsible were told, or that nobody could be."""
    people = {k.recipient for k in keys if k.kind == "assigned"}
    if not people:
        return bot.texts(t.TOLD_NOBODY)
    return bot.texts(t.TOLD_CONTACTS, count=len(people))


def action_params(bot: BotContext, action: Action) -> dict[str, object]:
    """Return an action's id, title and due date as the texts name them."""
    return {"id": action.id, "title": p.title(action), "due": p.due(bot.texts, action.due_date)}


# ------------------------------------------------------------------------------ create


def validate(
    bot: BotContext, session: Session, actor: Actor, data: ActionInput
) -> ActionDraft | Invalid:
    """Validate the action form for actor: their organisations, the open needs, a due date."""
    check = validate_action(
        data,
        allowed_organizations={o.id for o in organizations_for(bot, actor)},
        need_ids={need for need, _ in needs_for_form(session)},
        today=effects.today(bot),
    )
    return check.draft if check.draft is not None else Invalid(check.errors)


def submit_action(
    bot: BotContext,
    session: Session,
    actor: Actor,
    data: ActionInput,
    *,
    source_key: str,
    meeting_id: int | None = None,
) -> Done | Refusal | Invalid:
    """Store an action from the form: planned (coordinators) or proposed (a partner's own).

    A coordinator's action tells the responsible and moves its needs to "Åtgärd planerad"; a
    partner's proposal goes to the coordinators' channel to be confirmed. source_key (the
    form's view id) makes a retried submission store nothing a second time.
    """
    if not may_propose(actor):
        return refuse_proposal(bot, actor)
    draft = validate(bot, session, actor, data)
    if isinstance(draft, Invalid):
        return draft
    if meeting_id is not None and meetings_store.get_meeting(session, meeting_id) is None:
        meeting_id = None  # a meeting gone since the form opened: the action stands alone
    return create(bot, session, actor, draft, source_key=source_key, meeting_id=meeting_id)


def create(
    bot: BotContext,
    session: Session,
    actor: Actor,
    draft: ActionDraft,
    *,
    source_key: str,
    meeting_id: int | None = None,
    refresh: bool = True,
) -> Done:
    """Store a validated action (see submit_action); the minutes' actions come this way too.

    refresh: bring the next call's list of actions up to date (the minutes do that once).
    """
    manage = may_manage(actor)
    status = ActionStatus.PLANNED if manage else ActionStatus.PROPOSED
    action = store.create_action(
        session,
        draft,
        status=status,
        created_by=actor.user_id,
        meeting_id=meeting_id,
        source_key=source_key,
        now=bot.clock.now(),
    )
    if action is None:
        return Done([])
    session.flush()
    if not manage:
        keys = _queue_proposal(bot, session, action)
        record(bot, session, actor, "action_proposed", f"action:{action.id}")
        return Done(keys, t.PROPOSED, action_params(bot, action))
    keys = effects.queue_assigned(bot, session, action)
    told = _told(bot, keys)
    keys += effects.plan_needs(bot, session, actor, action)
    if refresh:
        keys += effects.refresh_next_call(bot, session)
    record(bot, session, actor, "action_created", f"action:{action.id}")
    return Done(keys, t.CREATED, {**action_params(bot, action), "told": told})


def _queue_proposal(bot: BotContext, session: Session, action: Action) -> list[OutboxKey]:
    """Post a partner's proposal to the coordinators' channel, with Confirm and Decline."""
    channel = bot.config.channels.coordinators
    if channel is None:
        return []
    key = OutboxKey.action_proposed(action.id)
    organization = ", ".join(bot.organization_name(o) for o in action.organization_ids)
    outbox.enqueue(
        session,
        key=key,
        kind="action_proposed",
        channel=channel,
        payload=proposal_message(bot.texts, action, organization),
        now=bot.clock.now(),
    )
    return [key]


def update_proposal(
    bot: BotContext, session: Session, action: Action, outcome: str
) -> list[OutboxKey]:
    """Show a decided proposal's outcome in its message instead of the buttons."""
    original = OutboxKey.action_proposed(action.id)
    if outbox.status_of(session, original) is None or bot.config.channels.coordinators is None:
        return []
    key = original.for_update()
    organization = ", ".join(bot.organization_name(o) for o in action.organization_ids)
    outbox.enqueue(
        session,
        key=key,
        kind="action_proposed_update",
        channel=bot.config.channels.coordinators,
        payload=proposal_message(bot.texts, action, organization, outcome=outcome),
        now=bot.clock.now(),
        op=outbox.UPDATE,
        ref_key=original,
    )
    return [key]


def found_action(bot: BotContext, session: Session, action_id: int) -> Action | Refusal:
    """Return an action by id, or say that it no longer exists."""
    action = store.get_action(session, action_id)
    return action if action is not None else Refusal(t.NOT_FOUND, {"id": action_id})


def managed_action(
    bot: BotContext, session: Session, actor: Actor, action_id: int
) -> Action | Refusal:
    """Return an action for a coordinator to decide on, or why not (not one, or no action)."""
    if not may_manage(actor):
        return coordinators_only(bot)
    return found_action(bot, session, action_id)


def status_text(bot: BotContext, action: Action) -> str:
    """Name an action's status in running text (lower case)."""
    return bot.texts(STATUS_LABELS[ActionStatus(action.status)]).lower()


def confirm_action(
    bot: BotContext, session: Session, actor: Actor, action_id: int
) -> Done | Refusal:
    """Confirm a partner's proposal (coordinators): it is planned, and the responsible told."""
    action = managed_action(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    now = bot.clock.now()
    moved = store.move_action(
        session,
        action.id,
        expected=[ActionStatus.PROPOSED],
        target=ActionStatus.PLANNED,
        now=now,
        values={"confirmed_by": actor.user_id, "confirmed_at": now, "due_set_at": now},
    )
    session.refresh(action)
    if not moved:
        return Refusal(t.NOT_A_PROPOSAL, {"id": action.id, "status": status_text(bot, action)})
    store.add_event(
        session,
        action.id,
        "confirmed",
        actor.user_id,
        now,
        from_status=ActionStatus.PROPOSED.value,
        to_status=ActionStatus.PLANNED.value,
    )
    keys = effects.queue_assigned(bot, session, action)
    told = _told(bot, keys)
    keys += update_proposal(
        bot, session, action, bot.texts(t.PROPOSAL_CONFIRMED, user=actor.user_id)
    )
    if action.created_by and action.created_by != actor.user_id:
        text = bot.texts(t.NOTICE_CONFIRMED, **action_params(bot, action), user=actor.user_id)
        keys.append(effects.queue_notice(bot, session, action, action.created_by, text))
    keys += effects.plan_needs(bot, session, actor, action)
    keys += effects.refresh_next_call(bot, session)
    record(bot, session, actor, "action_confirmed", f"action:{action.id}")
    return Done(keys, t.CONFIRMED, {**action_params(bot, action), "told": told})
