"""What a handler receives: one typed interaction instead of Bolt's raw arguments.

Every interaction knows the bot, who acted, where, and how to answer them privately. The
person's roles and organisation (`actor`) are resolved on first use only. A command, a click
and an event are acknowledged before their handler runs, so their handlers run after the ack
in the work pool; a form submission's handler decides the ack itself (inline errors, a new
view, or closing), and every Slack call it asks for is made after the ack, in the work pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.views import View

from bot.context import BotContext
from bot.delivery import slack_refused
from bot.domain.access import Actor
from bot.domain.validation import FieldError
from bot.texts import Msg, Texts
from bot.texts import common as c
from commands import blocks as b
from commands.edge.actor import resolve_actor
from commands.edge.codec import Value
from commands.edge.requests import (
    AppHomeOpened,
    BlockActions,
    BlockSuggestion,
    FormState,
    SlashCommand,
    ViewPayload,
    ViewSubmission,
)
from storage.outbox import OutboxKey

log = logging.getLogger(__name__)

# Slack's refusals of views.open that mean the trigger can no longer open a view.
TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})

V = TypeVar("V", bound=Value)
M = TypeVar("M", bound=Value)
# Publishes one person's Home tab: (bot, client, user id).
HomePublisher = Callable[[BotContext, WebClient, str], None]


@dataclass
class Interaction:
    """A person's request, with the bot and the ways to answer them."""

    bot: BotContext
    client: WebClient
    user: str
    channel: str | None
    trigger_id: str | None = None
    response_url: str | None = None
    _respond: Respond | None = field(default=None, repr=False)
    # While a form's ack is being decided, Slack calls wait here and run after the ack.
    _deferred: list[Callable[[], object]] | None = field(default=None, repr=False)
    home: HomePublisher | None = field(default=None, repr=False)

    @property
    def texts(self) -> Texts:
        """Return the texts in the language this person is answered in."""
        return self.bot.texts

    @cached_property
    def actor(self) -> Actor:
        """Return the person's roles and organisation (resolved once, on first use)."""
        return resolve_actor(self.bot, self.client, self.user)

    def text(self, msg: Msg, **params: Any) -> str:
        """Render a catalogue message in this person's language."""
        return self.texts(msg, **params)

    def _call(self, call: Callable[[], object]) -> None:
        """Make a Slack call now, or after the ack while a form's ack is being decided."""
        if self._deferred is not None:
            self._deferred.append(call)
        else:
            call()

    def tell(self, msg: Msg, **params: Any) -> None:
        """Tell the person something privately (ephemeral in the channel, else a DM)."""
        self.tell_text(self.text(msg, **params))

    def tell_text(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        """Tell the person a rendered text privately (ephemeral in the channel, else a DM)."""
        self._call(lambda: post_private(self.client, self.channel, self.user, text, blocks))

    def respond(self, *, replace: bool = False, **message: Any) -> None:
        """Answer through the request's response URL (ephemeral), else privately as tell does."""
        respond = self._respond
        if respond is None or self.response_url is None:
            self.tell_text(str(message.get("text", "")), message.get("blocks"))
            return
        self._call(
            lambda: respond(response_type="ephemeral", replace_original=replace, **message)
        )

    def answer(self, msg: Msg, **params: Any) -> None:
        """Answer with a catalogue message through the response URL (see respond)."""
        self.respond(text=self.text(msg, **params))

    def open_view(self, view: View | dict[str, Any]) -> str | None:
        """Open a modal with the request's trigger; return its id, or tell the person it expired.

        Raises SlackApiError when Slack refuses the view for another reason (or gives no
        readable answer): that is a fault, not an expired trigger, and is told as one.
        """
        if self.trigger_id is None:
            self.answer(c.TRIGGER_EXPIRED)
            return None
        try:
            opened = self.client.views_open(trigger_id=self.trigger_id, view=view)
        except SlackApiError as exc:
            error = slack_refused(exc)
            if error not in TRIGGER_ERRORS:
                raise
            log.info("views.open failed: %s", error)
            self.answer(c.TRIGGER_EXPIRED)
            return None
        return str(opened["view"]["id"])

    def open_loading(self, title: Msg) -> str | None:
        """Open a loading modal at once (the trigger lasts 3 s); return its id, or None."""
        loading = b.modal(
            self.text(title),
            [b.section(self.text(c.LOADING))],
            callback_id="loading",
            close=self.text(c.CLOSE),
        )
        return self.open_view(loading)

    def update_view(self, view_id: str, view: View | dict[str, Any]) -> None:
        """Replace an open modal's content."""
        self._call(lambda: self.client.views_update(view_id=view_id, view=view))

    def notice(self, view_id: str, title: Msg, msg: Msg, **params: Any) -> None:
        """Replace an open modal with one that only tells the person something."""
        self.update_view(view_id, notice_modal(self.texts, title, self.text(msg, **params)))

    def publish_home(self) -> None:
        """Publish the person's Home tab again (after a click on it changed something)."""
        home = self.home
        if home is not None:
            self._call(lambda: home(self.bot, self.client, self.user))

    def later(self, work: Callable[[], object]) -> None:
        """Run slow work after the ack: a form's after its ack is decided, anything else now."""
        self._call(work)

    def deliver(self, keys: Sequence[OutboxKey | None]) -> None:
        """Send freshly queued outbox rows soon (they are stored: nothing is lost meanwhile)."""
        wanted = [k for k in keys if k]
        if wanted:
            self._call(lambda: self.bot.deliver(wanted))


@dataclass
class Command(Interaction):
    """A slash command, with the words after the subcommand's name in `args`."""

    request: SlashCommand | None = None
    args: str = ""

    @property
    def command(self) -> SlashCommand:
        """Return the parsed command."""
        assert self.request is not None
        return self.request


@dataclass
class Click(Interaction, Generic[V]):
    """A button pressed or an option chosen, with the value the bot wrote on it, decoded."""

    request: BlockActions | None = None
    value: V = None  # type: ignore[assignment]

    @property
    def action_id(self) -> str:
        """Return the pressed element's action id."""
        assert self.request is not None
        return self.request.action.action_id

    @property
    def view(self) -> ViewPayload | None:
        """Return the modal or Home tab the click was in, if any."""
        assert self.request is not None
        return self.request.view

    @property
    def from_home(self) -> bool:
        """Tell whether the click was on the Home tab."""
        return self.view is not None and self.view.type == "home"

    @property
    def message_ts(self) -> str | None:
        """Return the ts of the message the click was in, if any."""
        assert self.request is not None
        if self.request.message is not None:
            return self.request.message.ts
        container = self.request.container
        return container.message_ts if container is not None else None

    @property
    def action_ts(self) -> str | None:
        """Return when Slack saw the click ("1700000000.123456"), the same on Slack's retries."""
        assert self.request is not None
        return self.request.action.action_ts

    @property
    def selected(self) -> str | None:
        """Return the option chosen in a select or overflow, if that is what was clicked."""
        assert self.request is not None
        chosen = self.request.action.selected_option
        return chosen.value if chosen is not None else None


@dataclass
class Submission(Interaction, Generic[M]):
    """A submitted form: its state, its decoded metadata, and the ack to decide."""

    request: ViewSubmission | None = None
    metadata: M = None  # type: ignore[assignment]
    _ack: Ack | None = field(default=None, repr=False)
    acked: bool = False

    @property
    def view(self) -> ViewPayload:
        """Return the submitted view."""
        assert self.request is not None
        return self.request.view

    @property
    def form(self) -> FormState:
        """Return the submitted values."""
        return self.view.state

    @property
    def view_id(self) -> str:
        """Return the submitted view's id (stable across Slack's retries)."""
        return self.view.id

    def _acknowledge(self, **response: Any) -> None:
        if self.acked or self._ack is None:
            return
        self.acked = True
        self._ack(**response)

    def done(self) -> None:
        """Close the form (ack with nothing)."""
        self._acknowledge()

    def errors(self, errors: Mapping[str, str]) -> None:
        """Keep the form open with an error under each named field (block id -> text)."""
        self._acknowledge(response_action="errors", errors=dict(errors))

    def field_errors(self, errors: list[FieldError], fields: Mapping[str, str]) -> None:
        """Show domain field errors inline; fields maps domain field names to block ids."""
        self.errors(inline_errors(self.texts, errors, fields))

    def error(self, msg: Msg, **params: Any) -> None:
        """Show one error under the form's first input, the form staying open."""
        blocks = self.view.input_block_ids()
        if not blocks:
            self.done()
            self.tell(msg, **params)
            return
        self.errors({blocks[0]: self.text(msg, **params)})

    def fail(self, msg: Msg, **params: Any) -> None:
        """Answer a failed submission in the form, over any answer given before the failure.

        Slack has received no answer yet (the ack is sent when the handler returns), so a form
        closed as if all went well is kept open with the error instead.
        """
        self.acked = False
        self.error(msg, **params)

    def update(self, view: View | dict[str, Any]) -> None:
        """Replace the form with another view (e.g. a confirmation step)."""
        self._acknowledge(response_action="update", view=view)

    def push(self, view: View | dict[str, Any]) -> None:
        """Push another view on top of the form (e.g. the second page)."""
        self._acknowledge(response_action="push", view=view)


@dataclass
class Suggestion(Interaction):
    """A request for an external select's options, with what the person typed."""

    request: BlockSuggestion | None = None

    @property
    def query(self) -> str:
        """Return what the person typed in the select."""
        assert self.request is not None
        return self.request.value

    @property
    def action_id(self) -> str:
        """Return the select's action id."""
        assert self.request is not None
        return self.request.action_id


@dataclass
class HomeOpened(Interaction):
    """A person opened the app's Home tab."""

    event: AppHomeOpened | None = None


def inline_errors(
    texts: Texts, errors: list[FieldError], fields: Mapping[str, str]
) -> dict[str, str]:
    """Map domain field errors to Slack's response_action errors by block id (first wins)."""
    shown: dict[str, str] = {}
    for error in errors:
        block = fields.get(error.field)
        if block is not None and block not in shown:
            shown[block] = texts(error.msg, **error.params)
    return shown


def notice_modal(texts: Texts, title: Msg, text: str) -> View:
    """Return a modal that only tells the person something."""
    return b.modal(texts(title), [b.section(text)], callback_id="notice", close=texts(c.CLOSE))


def post_private(
    client: WebClient,
    channel: str | None,
    user_id: str,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
) -> None:
    """Tell one person something privately: ephemeral in the channel, else in a direct message."""
    if channel and channel.startswith(("C", "G")):
        try:
            client.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
            return
        except (SlackApiError, SlackClientError, OSError) as exc:
            log.info("ephemeral failed (%s); sending a direct message", type(exc).__name__)
    try:
        client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.warning("could not tell a person privately: %s", type(exc).__name__)
