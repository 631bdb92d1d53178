"""Helpers of the surfaces still on the legacy bridge (see commands/edge/legacy.py)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import cast

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.domain.validation import FieldError
from bot.texts import Msg
from bot.texts.common import CLOSE, LOADING
from commands import blocks as b
from commands.edge.actor import resolve_actor
from commands.edge.interaction import post_private

__all__ = [
    "bot_of",
    "inline_errors",
    "notice_modal",
    "open_loading",
    "post_private",
    "resolve_actor",
]

log = logging.getLogger(__name__)


def bot_of(context: BoltContext) -> BotContext:
    """Return the BotContext the legacy bridge put in the handler's context."""
    return cast(BotContext, context["bot"])

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
