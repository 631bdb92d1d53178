"""/samverkan organisation: who represents which organisation, asking to, and deciding."""

from __future__ import annotations

from bot.domain.organizations import OrganizationInfo
from bot.texts import common as c
from bot.texts import samverkan as t
from commands.blocks import escape
from commands.edge.codec import NoValue
from commands.edge.ids import Field
from commands.edge.interaction import Click, Command, Submission, Suggestion
from commands.edge.outcome import tell_outcome
from commands.samverkan import render, usecases
from commands.samverkan.values import MemberRef, RequestRef

RESPONSE_URL_USES = 5  # Slack allows five answers through one response URL


def organization(ix: Command) -> None:
    """Coordinators: the overview. Others: their organisation, or the form to ask for one."""
    actor = ix.actor
    bot = ix.bot
    if actor.is_coordinator:
        with bot.db.reading() as session:
            overview = usecases.overview(bot, session)
        messages = render.overview_messages(
            ix.texts, overview, bot.organizations, bot.config.collaboration.tz
        )
        for index, message in enumerate(messages):
            if index < RESPONSE_URL_USES:
                ix.respond(**message)
            else:
                ix.tell_text(message["text"], message["blocks"])
        return
    with bot.db.reading() as session:
        standing = usecases.standing_of(bot, session, actor)
    if standing.organization_id is not None:
        msg = usecases.FROM_SOURCE.get(standing.source, t.ORGANIZATION_FROM_EMAIL)
        ix.answer(msg, organization=escape(bot.organization_name(standing.organization_id)))
        return
    ix.open_view(render.organization_form(ix.texts, bot.organizations, standing.requested))


def handle_organization_submission(ix: Submission[NoValue]) -> None:
    """Send a request to represent the organisation chosen; it gives no rights until approved."""
    choice = ix.form.selected(Field.ORGANIZATION_CHOICE)
    if choice is None or choice not in {o.id for o in ix.bot.organizations}:
        ix.errors({Field.ORGANIZATION_CHOICE: ix.text(c.CHOOSE_ONE)})
        return
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.request_membership(ix.bot, session, actor, choice)
    ix.done()
    tell_outcome(ix, outcome)


def _decide(ix: Click[RequestRef], *, approve: bool) -> None:
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.decide_request(
            ix.bot, session, actor, ix.value.request, approve=approve
        )
    tell_outcome(ix, outcome)


def handle_approve(ix: Click[RequestRef]) -> None:
    """Approve a request to represent an organisation (coordinators only)."""
    _decide(ix, approve=True)


def handle_decline(ix: Click[RequestRef]) -> None:
    """Decline a request to represent an organisation (coordinators only)."""
    _decide(ix, approve=False)


def handle_revoke(ix: Click[MemberRef]) -> None:
    """Revoke a person's membership of an organisation (coordinators only)."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases.revoke_membership(
            ix.bot, session, actor, ix.value.user, ix.value.organization
        )
    tell_outcome(ix, outcome)


def organizations_offered(ix: Suggestion) -> list[OrganizationInfo]:
    """Return the organisations anyone may ask to represent (a coordinator approves it)."""
    return list(ix.bot.organizations)
