"""Who is acting: roles from the configuration, the organisation remembered or from e-mail."""

from __future__ import annotations

import logging
from datetime import timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.context import BotContext
from bot.domain.access import Actor, roles_of
from bot.domain.organizations import organization_for_email
from storage.directory import get_person, remember_person

log = logging.getLogger(__name__)

EMAIL_RECHECK = timedelta(days=7)
NAME_MAX = 100  # people.display_name


def profile_name(user: dict[str, object]) -> str:
    """Return the name Slack's profile shows: the display name, else the full name, else ""."""
    profile = user.get("profile")
    fields = profile if isinstance(profile, dict) else {}
    for name in (fields.get("display_name"), fields.get("real_name"), user.get("real_name")):
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())[:NAME_MAX]
    return ""


def resolve_actor(bot: BotContext, client: WebClient, user_id: str) -> Actor:
    """Find the actor's roles and organisation: remembered, else from their e-mail domain.

    users.info is asked at most once every EMAIL_RECHECK (and once for a person whose name is
    not stored yet); it gives the e-mail domain and the name Slack's profile shows, which is
    stored for the export and the audit log. When Slack does not answer, what is remembered
    is used. An organisation the person chose stays chosen unless their e-mail domain tells.
    """
    roles = roles_of(user_id, bot.config.roles)
    now = bot.clock.now()
    with bot.db.reading() as session:
        person = get_person(session, user_id)
        known = (
            person is not None
            and person.display_name is not None
            and (
                person.organization_source == "choice"
                or (
                    person.email_checked_at is not None
                    and now - person.email_checked_at < EMAIL_RECHECK
                )
            )
        )
        organization = person.organization_id if person is not None else None
        chosen = person is not None and person.organization_source == "choice"
    if known:
        return Actor(user_id, organization, roles)
    try:
        info = client.users_info(user=user_id)
    except (SlackApiError, SlackClientError) as exc:
        log.warning("users.info failed for a user: %s", type(exc).__name__)
        return Actor(user_id, organization, roles)
    user = info.get("user") or {}
    profile = user.get("profile") or {}
    email = str(profile.get("email") or "")
    mapped = organization_for_email(email, bot.organizations) if email else None
    source = "email" if mapped else "none"
    if mapped is None and chosen:
        mapped, source = organization, "choice"
    with bot.db.transaction() as session:
        remember_person(session, user_id, mapped, source, now, display_name=profile_name(user))
    return Actor(user_id, mapped, roles)
