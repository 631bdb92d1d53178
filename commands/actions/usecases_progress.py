"""Use cases of reporting on actions: progress, a new due date, done, cancel or decline.

Each takes the bot, an open session and who acts, and does its whole unit of work in it:
check who may, validate, store the step in the action's history, queue the outbox rows (the
needs' moves and "you said, we did", the proposer's notice, the next call's update) and write
the audit entry. None makes a Slack call.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.actions import (
    OPEN_STATUSES,
    ActionStatus,
    Progress,
    ProgressDraft,
    ProgressInput,
    may_report,
    validate_progress,
)
from bot.texts import actions as t
from bot.texts import common as c
from commands import blocks as b
from commands.actions import effects
from commands.actions import phrases as p
from commands.actions.usecases import (
    action_params,
    found_action,
    managed_action,
    record,
    status_text,
    update_proposal,
)
from commands.edge.outcome import Done, Invalid, Refusal
from storage import actions as store
from storage.models import Action
from storage.outbox import OutboxKey

# ------------------------------------------------------------------------ reporting


def reportable(bot: BotContext, session: Session, actor: Actor, action_id: int) -> Action | Refusal:
    """Return an open action the actor may report on, or why not."""
    action = found_action(bot, session, action_id)
    if isinstance(action, Refusal):
        return action
    if not may_report(actor, action.organization_ids, action.contact_user):
        return Refusal(c.NOT_ALLOWED, {"who": t.WHO_RESPONSIBLE})
    if action.status == ActionStatus.PROPOSED.value:
        return Refusal(t.NOT_YET_CONFIRMED, {"id": action.id})
    if action.status not in {s.value for s in OPEN_STATUSES}:
        return Refusal(
            t.ALREADY_CLOSED,
            {"id": action.id, "status": status_text(bot.texts_in(actor.language), action)},
        )
    return action


def submit_progress(
    bot: BotContext, session: Session, actor: Actor, action_id: int, data: ProgressInput
) -> Done | Refusal | Invalid:
    """Validate a progress report against the action's due date, then keep it."""
    action = reportable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    draft, errors = validate_progress(data, current_due=action.due_date, today=effects.today(bot))
    if draft is None:
        return Invalid(errors)
    return report_progress(bot, session, actor, action_id, draft)


def report_progress(
    bot: BotContext, session: Session, actor: Actor, action_id: int, draft: ProgressDraft
) -> Done | Refusal:
    """Keep a progress report: a text, a new due date with its reason, or done.

    Done closes the action, and each need whose actions are now all done moves to "Klart"
    with "you said, we did" to its submitter. Every report is kept in the history.
    """
    action = reportable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    now = bot.clock.now()
    subject = f"action:{action.id}"
    due_said = ""
    if draft.new_due is not None:
        store.add_event(
            session, action.id, "due", actor.user_id, now, note=draft.reason, due=draft.new_due
        )
        store.set_due(session, action, draft.new_due, now)
        record(bot, session, actor, "action_due_changed", subject, draft.new_due.isoformat())
        tr = bot.texts_in(actor.language)
        due_said = tr(t.DUE_SAVED, due=p.due(tr, draft.new_due))
    current = ActionStatus(action.status)
    if draft.state is Progress.DONE:
        return _done(bot, session, actor, action, draft.text)
    if draft.text:
        store.add_event(session, action.id, "progress", actor.user_id, now, note=draft.text)
    if current is ActionStatus.PLANNED:
        store.move_action(
            session, action.id, expected=[current], target=ActionStatus.IN_PROGRESS, now=now
        )
    else:
        action.updated_at = now
    session.flush()
    session.refresh(action)
    record(bot, session, actor, "action_progress", subject)
    keys = effects.refresh_next_call(bot, session)
    params = {
        **action_params(bot.texts_in(actor.language), action),
        "status": status_text(bot.texts_in(actor.language), action),
        "due": due_said,
    }
    return Done(keys, t.PROGRESS_SAVED, params)


def mark_done(bot: BotContext, session: Session, actor: Actor, action_id: int) -> Done | Refusal:
    """Mark an action done from its button (see report_progress)."""
    action = reportable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    return _done(bot, session, actor, action, "")


def _done(
    bot: BotContext, session: Session, actor: Actor, action: Action, note: str
) -> Done | Refusal:
    now = bot.clock.now()
    current = ActionStatus(action.status)
    moved = store.move_action(
        session, action.id, expected=OPEN_STATUSES, target=ActionStatus.DONE, now=now
    )
    session.refresh(action)
    if not moved:
        return Refusal(
            t.ALREADY_CLOSED,
            {"id": action.id, "status": status_text(bot.texts_in(actor.language), action)},
        )
    store.add_event(
        session,
        action.id,
        "done",
        actor.user_id,
        now,
        note=note,
        from_status=current.value,
        to_status=ActionStatus.DONE.value,
    )
    session.flush()
    keys, needs = effects.finish_needs(bot, session, actor, action)
    keys += effects.refresh_next_call(bot, session)
    record(bot, session, actor, "action_done", f"action:{action.id}")
    listed = ", ".join(f"#{n}" for n in needs)
    said = bot.texts_in(actor.language)(t.DONE_NEEDS, needs=listed) if needs else ""
    return Done(keys, t.DONE_SAVED, {"id": action.id, "title": p.title(action), "needs": said})


# --------------------------------------------------------------------------- cancel


def cancellable(
    bot: BotContext, session: Session, actor: Actor, action_id: int
) -> Action | Refusal:
    """Return an action a coordinator may cancel (or a proposal decline), or why not."""
    action = managed_action(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    if action.status in {ActionStatus.DONE.value, ActionStatus.CANCELLED.value}:
        return Refusal(
            t.ALREADY_CLOSED,
            {"id": action.id, "status": status_text(bot.texts_in(actor.language), action)},
        )
    return action


def cancel_action(
    bot: BotContext, session: Session, actor: Actor, action_id: int, reason: str
) -> Done | Refusal:
    """Cancel an action, or decline a proposal, with a reason (coordinators).

    A declined proposal's proposer is told; a cancelled action may leave a need whose other
    actions are all done, which then moves to "Klart".
    """
    action = cancellable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    now = bot.clock.now()
    current = ActionStatus(action.status)
    moved = store.move_action(
        session,
        action.id,
        expected=[current],
        target=ActionStatus.CANCELLED,
        now=now,
        values={"cancel_reason": reason},
    )
    session.refresh(action)
    if not moved:
        return Refusal(
            t.ALREADY_CLOSED,
            {"id": action.id, "status": status_text(bot.texts_in(actor.language), action)},
        )
    proposal = current is ActionStatus.PROPOSED
    store.add_event(
        session,
        action.id,
        "declined" if proposal else "cancelled",
        actor.user_id,
        now,
        note=reason,
        from_status=current.value,
        to_status=ActionStatus.CANCELLED.value,
    )
    session.flush()
    keys: list[OutboxKey] = []
    if proposal:
        outcome = bot.texts(t.PROPOSAL_DECLINED, user=actor.user_id, reason=b.escape(reason))
        keys += update_proposal(bot, session, action, outcome)
        if action.created_by and action.created_by != actor.user_id:
            told = bot.texts_for(session, action.created_by)
            text = told(
                t.NOTICE_DECLINED,
                **action_params(told, action),
                user=actor.user_id,
                reason=b.escape(reason),
            )
            keys.append(effects.queue_notice(bot, session, action, action.created_by, text))
    else:
        more, _ = effects.finish_needs(bot, session, actor, action)
        keys += more + effects.refresh_next_call(bot, session)
    record(
        bot,
        session,
        actor,
        "action_declined" if proposal else "action_cancelled",
        f"action:{action.id}",
        reason,
    )
    return Done(
        keys, t.DECLINED if proposal else t.CANCELLED, {"id": action.id, "title": p.title(action)}
    )
