"""Helpers every surface shares: the bot context, the actor, inline errors, private answers."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any, cast

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.domain.access import Actor, roles_of
from bot.domain.organizations import organization_for_email
from bot.domain.validation import FieldError
from bot.texts import Msg
from bot.texts.common import CLOSE, LOADING
from commands import blocks as b
from storage.directory import get_person, remember_person

log = logging.getLogger(__name__)

EMAIL_RECHECK = timedelta(days=7)


def bot_of(context: BoltContext) -> BotContext:
    """Return the BotContext the middleware put in Bolt's context."""
    return cast(BotContext, context["bot"])


def resolve_actor(bot: BotContext, client: WebClient, user_id: str) -> Actor:
    """Find the actor's roles and organisation: remembered, else from their e-mail domain."""
    roles = roles_of(user_id, bot.config.roles)
    now = bot.clock.now()
    with bot.db.reading() as session:
        person = get_person(session, user_id)
        known = person is not None and (
            person.organization_source == "choice"
            or (
                person.email_checked_at is not None
                and now - person.email_checked_at < EMAIL_RECHECK
            )
        )
        organization = person.organization_id if person is not None else None
    if known:
        return Actor(user_id, organization, roles)
    try:
        info = client.users_info(user=user_id)
    except (SlackApiError, SlackClientError) as exc:
        log.warning("users.info failed for a user: %s", type(exc).__name__)
        return Actor(user_id, organization, roles)
    email = str(((info.get("user") or {}).get("profile") or {}).get("email") or "")
    mapped = organization_for_email(email, bot.organizations) if email else None
    if mapped is None and person is not None and person.organization_source == "choice":
        mapped = person.organization_id
    with bot.db.transaction() as session:
        remember_person(session, user_id, mapped, "email" if mapped else "none", now)
    return Actor(user_id, mapped, roles)


def open_loading(bot: BotContext, client: WebClient, trigger_id: str, title: Msg) -> str | None:
    """Open a loading modal at once, inside the trigger's 3 seconds; return its view id."""
    loading = b.modal(
        bot.texts(title),
        [b.section(bot.texts(LOADING))],
        callback_id="loading",
        close=bot.texts(CLOSE),
    )
    try:
        response = client.views_open(trigger_id=trigger_id, view=loading)
    except SlackApiError as exc:
        log.warning("views.open failed: %s", exc.response.get("error"))
        return None
    return str(response["view"]["id"])


def notice_modal(bot: BotContext, title: Msg, text: Msg) -> View:
    """Return a modal that only tells the person something."""
    return b.modal(
        bot.texts(title), [b.section(bot.texts(text))], callback_id="notice", close=bot.texts(CLOSE)
    )


def inline_errors(
    bot: BotContext, errors: Iterable[FieldError], blocks: Mapping[str, str]
) -> dict[str, str]:
    """Map domain field errors to Slack's response_action errors by block id."""
    shown: dict[str, str] = {}
    for error in errors:
        block = blocks.get(error.field)
        if block is not None and block not in shown:
            shown[block] = bot.texts(error.msg, **error.params)
    return shown


def post_private(
    client: WebClient,
    channel: str | None,
    user_id: str,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
) -> None:
    """Tell one person something privately: ephemeral in the channel, else in a direct message."""
    try:
        if channel and channel.startswith(("C", "G")):
            client.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
            return
    except SlackApiError as exc:
        log.info("ephemeral failed (%s); sending a direct message", exc.response.get("error"))
    client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
