"""Organisations and the people acting for them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from bot.domain.organizations import DECIDED, OrganizationInfo, Source
from storage.models import Organization, Person


def sync_organizations(session: Session, infos: Sequence[OrganizationInfo]) -> None:
    """Make the organisations table match the list; ones no longer listed stay, inactive."""
    if session.get_bind().dialect.name == "postgresql":
        # Processes starting at once on a new database would both insert the same rows.
        session.execute(text("SELECT pg_advisory_xact_lock(74207002)"))
    existing = {org.id: org for org in session.scalars(select(Organization))}
    for position, info in enumerate(infos):
        org = existing.pop(info.id, None)
        if org is None:
            session.add(
                Organization(
                    id=info.id,
                    name=info.name,
                    kind=info.kind,
                    email_domains=list(info.email_domains),
                    position=position,
                    active=True,
                )
            )
            continue
        org.name, org.kind, org.position, org.active = info.name, info.kind, position, True
        org.email_domains = list(info.email_domains)
    for org in existing.values():
        org.active = False


def organizations(session: Session, *, include_inactive: bool = False) -> list[Organization]:
    """Return the organisations in the plan's order."""
    query = select(Organization).order_by(Organization.position, Organization.name)
    if not include_inactive:
        query = query.where(Organization.active.is_(True))
    return list(session.scalars(query))


def organization_names(session: Session) -> dict[str, str]:
    """Return every organisation's name by id, inactive ones included."""
    return {org.id: org.name for org in organizations(session, include_inactive=True)}


def get_person(session: Session, slack_id: str) -> Person | None:
    """Return the person with this Slack id, if the bot has met them."""
    return session.get(Person, slack_id)


def remember_person(
    session: Session,
    slack_id: str,
    organization_id: str | None,
    source: str,
    now: datetime,
    *,
    display_name: str | None = None,
) -> Person:
    """Store or change the organisation a person acts for, and where that came from.

    source is a bot.domain.organizations.Source value; "email" and "none" also record that
    the e-mail address was looked up now. display_name (the name Slack's profile shows)
    replaces the stored one when given.
    """
    person = session.get(Person, slack_id)
    if person is None:
        person = Person(slack_id=slack_id, updated_at=now)
        session.add(person)
    person.organization_id = organization_id
    person.organization_source = source
    person.updated_at = now
    if display_name is not None:
        person.display_name = display_name
    if source in {Source.EMAIL, Source.NONE}:
        person.email_checked_at = now
    return person


def remember_email_lookup(
    session: Session,
    slack_id: str,
    organization_id: str | None,
    now: datetime,
    *,
    display_name: str | None = None,
    locale: str | None = None,
) -> None:
    """Store what a person's e-mail domain says, unless a coordinator has decided since.

    display_name, the name Slack's profile shows, and locale, Slack's locale for the person
    ("" when Slack gave none), are stored either way.
    """
    person = session.get(Person, slack_id, with_for_update=True)
    if person is None or person.organization_source not in DECIDED:
        source = Source.EMAIL if organization_id else Source.NONE
        person = remember_person(
            session, slack_id, organization_id, source, now, display_name=display_name
        )
    elif display_name is not None:
        person.display_name = display_name
    if locale is not None:
        person.locale, person.locale_checked_at = locale, now


def remember_profile(
    session: Session, slack_id: str, now: datetime, *, display_name: str, locale: str
) -> None:
    """Store a person's name and Slack locale, leaving their organisation as it is.

    For the configuration's members, whose organisation is read from the configuration.
    """
    person = session.get(Person, slack_id, with_for_update=True)
    if person is None:
        person = Person(slack_id=slack_id, organization_source=Source.NONE, updated_at=now)
        session.add(person)
    if display_name:
        person.display_name = display_name
    person.locale, person.locale_checked_at = locale, now


def person_locales(session: Session, slack_ids: Sequence[str]) -> dict[str, str | None]:
    """Return the stored Slack locale of each of these people the bot has met."""
    if not slack_ids:
        return {}
    rows = session.execute(
        select(Person.slack_id, Person.locale).where(Person.slack_id.in_(set(slack_ids)))
    ).all()
    return {str(slack_id): locale for slack_id, locale in rows}


def people_names(session: Session) -> dict[str, str]:
    """Return the stored name of everyone the bot has met by Slack id (empty names left out)."""
    return {slack_id: name for slack_id, (name, _) in people_directory(session).items() if name}


def people_directory(session: Session) -> dict[str, tuple[str, str | None]]:
    """Return everyone the bot has met by Slack id: their stored name ("" when unknown) and
    the organisation they act for."""
    rows = session.execute(
        select(Person.slack_id, Person.display_name, Person.organization_id)
    ).all()
    return {str(slack_id): (name or "", org) for slack_id, name, org in rows}


def people_matching(session: Session, text: str) -> list[str]:
    """Return the Slack ids of the people whose stored name contains text (case-insensitive)."""
    folded = text.casefold()
    rows = session.execute(select(Person.slack_id, Person.display_name)).all()
    return [str(slack_id) for slack_id, name in rows if name and folded in name.casefold()]
