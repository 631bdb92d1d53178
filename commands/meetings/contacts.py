"""The working group's contact persons, whom the coordinators choose (and answers add)."""

from __future__ import annotations

from bot.domain.meetings import may_manage
from bot.texts import meetings as t
from commands.edge.actor import resolve_actor
from commands.edge.codec import NoValue
from commands.edge.ids import Field
from commands.edge.interaction import Click, Submission
from commands.edge.outcome import coordinators_only
from commands.meetings import usecases_series
from commands.meetings.replies import coordinator, show_form, tell_outcome


def handle_contacts_button(ix: Click[NoValue]) -> None:
    """Open the form of the working group's contact persons (coordinators only)."""
    manager = coordinator(ix)
    with ix.bot.db.reading() as session:
        form = usecases_series.open_contacts_form(ix.bot, session, manager)
    show_form(ix, form)


def handle_contacts_submission(ix: Submission[NoValue]) -> None:
    """Save the contact persons chosen, each under the organisation they act for."""
    ix.done()
    chosen = [user for user in ix.form.users(Field.MEETING_CONTACT_USERS) if user[:1] in "UW"]
    ix.later(lambda: _save_contacts(ix, chosen))


def _save_contacts(ix: Submission[NoValue], chosen: list[str]) -> None:
    """Look up each person's organisation (after the ack: it may ask Slack), then save."""
    actor = coordinator(ix)
    if not may_manage(actor):
        tell_outcome(ix, coordinators_only(ix.bot))
        return
    organizations = {
        person: resolve_actor(ix.bot, ix.client, person).organization_id for person in chosen
    }
    with ix.bot.db.transaction() as session:
        saved = usecases_series.save_contacts(ix.bot, session, actor, organizations)
    if not isinstance(saved, int):
        tell_outcome(ix, saved)
        return
    text = ix.text(t.CONTACTS_SAVED, count=saved)
    unknown = [person for person, organization in organizations.items() if organization is None]
    if unknown:
        text += ix.text(t.CONTACTS_UNKNOWN, users=", ".join(f"<@{u}>" for u in unknown))
    ix.tell_text(text)
