"""Who is acting: roles, and an organisation from the configuration, a coordinator or e-mail."""

from __future__ import annotations

import copy
import logging
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.context import BotContext
from bot.domain.access import Actor, roles_of
from bot.domain.organizations import DECIDED, configured_organization, organization_for_email
from bot.texts import Language
from storage.db import counting_commits, time_left
from storage.directory import get_person, remember_email_lookup, remember_profile

log = logging.getLogger(__name__)

EMAIL_RECHECK = timedelta(days=7)
# While an ack is due, users.info gets one try of at most this long (seconds): what is
# remembered serves meanwhile, and the answer must reach Slack within its 3 seconds. So does
# the lookup of a language only (a form's trigger lasts 3 seconds too).
LOOKUP_BEFORE_ACK = 1
NAME_MAX = 100  # people.display_name
# How long a users.info answer is kept in memory, and for how many people at most.
LOOKUP_KEPT = timedelta(minutes=5)
LOOKUPS_KEPT_MAX = 1000


def profile_name(user: dict[str, object]) -> str:
    """Return the name Slack's profile shows: the display name, else the full name, else ""."""
    profile = user.get("profile")
    fields = profile if isinstance(profile, dict) else {}
    for name in (fields.get("display_name"), fields.get("real_name"), user.get("real_name")):
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())[:NAME_MAX]
    return ""


def resolve_actor(bot: BotContext, client: WebClient, user_id: str) -> Actor:
    """Find the actor's roles, organisation and language.

    In order: the configuration's members of an organisation; a coordinator's decision
    (approved, or revoked: then no organisation); the e-mail domain. users.info is asked at
    most once every EMAIL_RECHECK (for everyone, the configuration's members too, since a person
    may change the language of their Slack; and once for a person whose name is not stored
    yet). It gives the e-mail domain, the name Slack's profile shows and the person's locale
    (include_locale), which are stored: the name for the export and the audit log, the locale
    for answering the person in Swedish or English (else the configured language). When Slack
    does not answer (an error, a timeout, a refused connection), what is remembered is used;
    while an ack is due, the lookup is one short try.
    A pending request gives no organisation (DESIGN.md, "Who may do what").
    """
    roles = roles_of(user_id, bot.config.roles)
    configured = configured_organization(user_id, bot.organizations)
    now = bot.clock.now()
    with bot.db.reading() as session:
        person = get_person(session, user_id)
        decided = person is not None and person.organization_source in DECIDED
        locale = person.locale if person is not None else None
        known = (
            person is not None
            and person.display_name is not None
            and _recent(person.locale_checked_at, now)
            and (configured is not None or decided or _recent(person.email_checked_at, now))
        )
        organization = person.organization_id if person is not None else None
    if configured is not None:
        organization = configured
    if known:
        return Actor(user_id, organization, roles, bot.language_of(locale))
    user = lookup_user(bot, client, user_id)
    if user is None:
        return Actor(user_id, organization, roles, bot.language_of(locale))
    profile = user.get("profile") or {}
    locale = str(user.get("locale") or "")
    language = bot.language_of(locale)
    # Bookkeeping, not the person's work: counted apart from what the handler commits.
    if configured is not None:
        with counting_commits(), bot.db.transaction() as session:
            remember_profile(session, user_id, now, display_name=profile_name(user), locale=locale)
        return Actor(user_id, configured, roles, language)
    email = str(profile.get("email") or "")
    mapped = organization_for_email(email, bot.organizations) if email else None
    with counting_commits(), bot.db.transaction() as session:
        remember_email_lookup(
            session, user_id, mapped, now, display_name=profile_name(user), locale=locale
        )
    if decided:
        return Actor(user_id, organization, roles, language)
    return Actor(user_id, mapped, roles, language)


def _recent(checked_at: datetime | None, now: datetime) -> bool:
    """Tell whether Slack was asked at checked_at, less than EMAIL_RECHECK before now."""
    return checked_at is not None and now - checked_at < EMAIL_RECHECK


def person_language(bot: BotContext, client: WebClient, user_id: str) -> Language:
    """Return the language a person is answered in, without storing anything about them.

    Their stored Slack locale; for someone the bot has not stored, or stored before it kept
    locales, users.info's (see lookup_user), so that answering, say, an anonymous evaluation
    leaves no trace.
    """
    with bot.db.reading() as session:
        person = get_person(session, user_id)
        locale = person.locale if person is not None else None
    if locale is None:
        user = lookup_user(bot, client, user_id, quick=True)
        locale = str(user.get("locale") or "") if user is not None else None
    return bot.language_of(locale)


def lookup_user(
    bot: BotContext, client: WebClient, user_id: str, *, quick: bool = False
) -> dict[str, Any] | None:
    """Return users.info's user (with the locale), asked now or at most LOOKUP_KEPT ago.

    The answer is kept in memory only, so the person's language and then their organisation
    cost one call. quick: one short try (as while an ack is due), for a lookup that a form
    waits for. None when Slack does not answer.
    """
    now = bot.clock.now()
    kept = bot.lookups.get(user_id)
    if kept is not None and timedelta(0) <= now - kept[0] < LOOKUP_KEPT:
        return kept[1]
    try:
        asked = _quick(client) if quick else _before_ack(client)
        info = asked.users_info(user=user_id, include_locale=True)
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.warning("users.info failed for a user: %s", type(exc).__name__)
        return None
    found = info.get("user")
    user: dict[str, Any] = dict(found) if isinstance(found, dict) else {}
    if len(bot.lookups) >= LOOKUPS_KEPT_MAX:
        bot.lookups.clear()
    bot.lookups[user_id] = (now, user)
    return user


def _before_ack(client: WebClient) -> WebClient:
    """Return client, or while an ack is due a copy that tries once, briefly."""
    if time_left() is None:
        return client
    return _quick(client)


def _quick(client: WebClient) -> WebClient:
    """Return a copy of client that tries once, for at most LOOKUP_BEFORE_ACK seconds."""
    quick = copy.copy(client)
    quick.timeout = min(client.timeout, LOOKUP_BEFORE_ACK)
    quick.retry_handlers = []
    return quick
