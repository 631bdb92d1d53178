"""What actions read to show: the forms, one action, the list, the Home section.

Each takes an open session (or opens a reading one) and returns a view, a message or a
refusal; none changes anything or calls Slack.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.actions import (
    OPEN_STATUSES,
    ActionStatus,
    may_manage,
    may_propose,
    may_read,
    may_report,
)
from bot.texts import Texts
from bot.texts import actions as t
from bot.texts import common as c
from commands.actions import effects
from commands.actions import phrases as p
from commands.actions.render_forms import Choices, action_form, cancel_form, progress_form
from commands.actions.render_lists import (
    Detail,
    Listing,
    Rights,
    detail_message,
    home_blocks,
    list_message,
)
from commands.actions.usecases import needs_for_form, organizations_for, refuse_proposal
from commands.actions.usecases_progress import cancellable, reportable
from commands.actions.values import ActionForm, NewAction
from commands.edge.outcome import Refusal
from storage import actions as store
from storage import meetings as meetings_store
from storage.models import Action, Need

LIST_LIMIT = 40
HOME_LIMIT = 8


def new_action_form(
    bot: BotContext, session: Session, actor: Actor, metadata: NewAction
) -> View | Refusal:
    """Return the action form: coordinators create, partners propose for their organisation."""
    if not may_propose(actor):
        return refuse_proposal(bot, actor)
    tr = bot.texts_in(actor.language)
    meeting_line = None
    if metadata.meeting is not None:
        meeting = meetings_store.get_meeting(session, metadata.meeting)
        if meeting is not None:
            named = p.meeting_named(tr, meeting, bot.config.collaboration.tz)
            meeting_line = tr(t.FORM_MEETING, **named)
    choices = Choices(organizations_for(bot, actor), needs_for_form(session))
    return action_form(
        tr,
        choices,
        metadata,
        partner=not may_manage(actor),
        lead=p.lead(tr, bot.config.actions.reminder_before),
        meeting_line=meeting_line,
    )


def _intro(tr: Texts, bot: BotContext, session: Session, action: Action) -> str:
    return tr(
        t.PROGRESS_INTRO,
        id=action.id,
        title=p.title(action),
        organizations=p.organizations(tr, bot.organization_names(session), action.organization_ids),
        due=p.due(tr, action.due_date),
    )


def progress_view(
    bot: BotContext, session: Session, actor: Actor, action_id: int, channel: str | None
) -> View | Refusal:
    """Return the progress form of an open action the actor may report on, or why not."""
    action = reportable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    tr = bot.texts_in(actor.language)
    return progress_form(
        tr, _intro(tr, bot, session, action), ActionForm(action=action.id, channel=channel)
    )


def cancel_view(
    bot: BotContext, session: Session, actor: Actor, action_id: int, channel: str | None
) -> View | Refusal:
    """Return the cancel (or decline) form of an action, for coordinators, or why not."""
    action = cancellable(bot, session, actor, action_id)
    if isinstance(action, Refusal):
        return action
    proposal = action.status == ActionStatus.PROPOSED.value
    metadata = ActionForm(action=action.id, channel=channel)
    tr = bot.texts_in(actor.language)
    return cancel_form(tr, _intro(tr, bot, session, action), metadata, proposal=proposal)


def detail(
    bot: BotContext, session: Session, actor: Actor, action_id: int
) -> dict[str, Any] | Refusal:
    """Return one action with its history and the buttons the actor may use, or why not."""
    if not may_read(actor):
        return Refusal(c.NO_ORGANIZATION)
    action = store.get_action(session, action_id)
    if action is None:
        return Refusal(t.NOT_FOUND, {"id": action_id})
    tz = bot.config.collaboration.tz
    needs = [
        (need.id, need.title)
        for need in (session.get(Need, need_id) for need_id in action.need_ids)
        if need is not None
    ]
    meeting = None
    if action.meeting_id is not None:
        found = meetings_store.get_meeting(session, action.meeting_id)
        if found is not None:
            named = p.meeting_named(bot.texts_in(actor.language), found, tz)
            meeting = f"{named['title']} {named['when']}"
    rights = Rights(
        report=may_report(actor, action.organization_ids, action.contact_user),
        manage=may_manage(actor),
    )
    shown = Detail(
        action,
        store.events_of(session, action.id),
        bot.organization_names(session),
        needs,
        meeting,
        effects.today(bot),
        rights,
    )
    return detail_message(bot.texts_in(actor.language), shown, tz)


def listing(
    bot: BotContext, session: Session, actor: Actor, *, own: bool, closed: bool
) -> dict[str, Any] | Refusal:
    """Return the actions list: overdue first, then open; proposals; closed ones if asked.

    own limits it to the actor's organisation; proposals show to coordinators and to the
    organisation that made them.
    """
    if not may_read(actor):
        return Refusal(c.NO_ORGANIZATION)
    organization = actor.organization_id if own else None
    today = effects.today(bot)
    page = store.list_actions(
        session, organization_id=organization, statuses=OPEN_STATUSES, limit=LIST_LIMIT
    )
    overdue = [a for a in page.actions if p.late(a, today)]
    coming = [a for a in page.actions if not p.late(a, today)]
    proposed: list[Action] = []
    if may_manage(actor) or actor.organization_id is not None:
        scope = organization if (organization or may_manage(actor)) else actor.organization_id
        proposed = store.list_actions(
            session, organization_id=scope, statuses=[ActionStatus.PROPOSED], limit=LIST_LIMIT
        ).actions
    finished: list[Action] = []
    more = page.more
    if closed:
        closed_page = store.closed_actions(session, organization_id=organization, limit=LIST_LIMIT)
        finished, more = closed_page.actions, more + closed_page.more
    shown = Listing(
        overdue=overdue,
        open=coming,
        proposed=proposed,
        closed=finished,
        more=more,
        names=bot.organization_names(session),
        today=today,
        own_organization=organization,
        with_closed=closed,
        can_filter=actor.organization_id is not None,
    )
    return list_message(bot.texts_in(actor.language), shown)


def home_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the Home section: the organisation's open actions; coordinators the overdue ones."""
    if not may_read(actor):
        return []
    today = effects.today(bot)
    with bot.db.reading() as session:
        own = None
        if actor.organization_id is not None:
            own = store.list_actions(
                session,
                organization_id=actor.organization_id,
                statuses=OPEN_STATUSES,
                limit=HOME_LIMIT,
            ).actions
        overdue = None
        proposals = 0
        if may_manage(actor):
            overdue = store.overdue_actions(session, today, HOME_LIMIT).actions
            proposals = store.proposals_count(session)
        names = bot.organization_names(session)
        return home_blocks(bot.texts_in(actor.language), own, overdue, proposals, names, today)
