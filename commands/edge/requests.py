"""Slack's requests parsed once into typed values: commands, clicks, forms, suggestions, events.

What Slack sends is read here and nowhere else. A body that is not what Slack sends (not JSON
where JSON is due, a wrong shape, a missing field, an id that is not an id, text with NUL or
lone surrogates) raises `Unparsable`, which carries what could still be read of the sender, so
that the edge can answer them privately. The shapes follow Slack's reference: "Slash commands"
(api.slack.com/interactivity/slash-commands), "Interaction payloads" (block_actions,
view_submission, view_closed, block_suggestion) and the Events API's `event_callback`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

MAX_TEXT = 4000  # a slash command's text and a text input's value (Slack caps inputs at 3000)
MAX_ID = 255  # action_id, block_id, callback_id (Slack's limit)
MAX_VALUE = 2000  # a button's value (Slack's limit)
MAX_METADATA = 3000  # a view's private_metadata (Slack's limit)
MAX_CHOICES = 100  # options in a multi select


def _clean(text: str) -> str:
    """Drop NUL and lone surrogates, which no text Slack sends holds and no database stores."""
    if "\x00" not in text and not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("", text.replace("\x00", ""))


_SURROGATE = re.compile("[\ud800-\udfff]")

Text = Annotated[str, AfterValidator(_clean)]
UserId = Annotated[str, StringConstraints(pattern=r"^[UWB][A-Z0-9]{1,40}$")]
TeamId = Annotated[str, StringConstraints(pattern=r"^[TE][A-Z0-9]{1,40}$")]
ChannelId = Annotated[str, StringConstraints(pattern=r"^[CDGUW][A-Z0-9]{1,40}$")]
ViewId = Annotated[str, StringConstraints(pattern=r"^V[A-Z0-9]{1,40}$")]
TriggerId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]{1,200}$")]
Ts = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,12}\.[0-9]{1,8}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[\x21-\x7e]{1,500}$")]
SlackKey = Annotated[str, StringConstraints(pattern=r"^[\x20-\x7e]{1,255}$")]
BlockId = Annotated[str, StringConstraints(pattern=r"^[\x20-\x7e]{0,255}$")]
CommandName = Annotated[str, StringConstraints(pattern=r"^/[a-z0-9_\-åäöéü]{1,31}$")]


class _Model(BaseModel):
    """Frozen, and blind to fields we do not read (Slack adds fields over time)."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class _Ref(_Model):
    id: str


class UserRef(_Model):
    """The person who acted."""

    id: UserId
    team_id: TeamId | None = None


class TeamRef(_Model):
    """The workspace."""

    id: TeamId


class ChannelRef(_Model):
    """The channel an action came from."""

    id: ChannelId


class Option(_Model):
    """A chosen option of a select, radio group or checkbox group."""

    value: Annotated[Text, Field(max_length=MAX_ID)]


class InputValue(_Model):
    """One input's state in a view: exactly the keys Slack sends for its element type."""

    type: Annotated[str, Field(max_length=64)]
    value: Annotated[Text, Field(max_length=MAX_TEXT)] | None = None
    selected_option: Option | None = None
    selected_options: Annotated[list[Option], Field(max_length=MAX_CHOICES)] | None = None
    selected_date: date | None = None
    selected_time: time | None = None
    selected_user: UserId | None = None
    selected_users: Annotated[list[UserId], Field(max_length=MAX_CHOICES)] | None = None
    selected_conversation: ChannelId | None = None
    selected_channel: ChannelId | None = None
    selected_conversations: Annotated[list[ChannelId], Field(max_length=MAX_CHOICES)] | None = (
        None
    )


StateValues = dict[SlackKey, dict[SlackKey, InputValue]]


class FormState(_Model):
    """A view's state: block id -> action id -> the input's value.

    Every form field of this bot uses one id as both its block id and its action id (see
    commands/edge/ids.py), so the readers take that one id.
    """

    values: StateValues = Field(default_factory=dict)

    def _input(self, field: str) -> InputValue | None:
        return self.values.get(field, {}).get(field)

    def text(self, field: str) -> str | None:
        """Return a text input's value, None when empty or absent."""
        found = self._input(field)
        return found.value if found is not None else None

    def selected(self, field: str) -> str | None:
        """Return the value chosen in a single select or radio group."""
        found = self._input(field)
        if found is None or found.selected_option is None:
            return None
        return found.selected_option.value

    def selected_many(self, field: str) -> list[str]:
        """Return the values chosen in a multi select or checkbox group."""
        found = self._input(field)
        return [o.value for o in (found.selected_options or [])] if found is not None else []

    def date(self, field: str) -> date | None:
        """Return a date picker's date."""
        found = self._input(field)
        return found.selected_date if found is not None else None

    def time(self, field: str) -> time | None:
        """Return a time picker's time (local time, as the person picked it)."""
        found = self._input(field)
        return found.selected_time if found is not None else None

    def users(self, field: str) -> list[str]:
        """Return the people chosen in a users select (single or multi)."""
        found = self._input(field)
        if found is None:
            return []
        if found.selected_users is not None:
            return list(found.selected_users)
        return [found.selected_user] if found.selected_user else []

    def conversation(self, field: str) -> str | None:
        """Return the channel chosen in a conversations or channels select."""
        found = self._input(field)
        if found is None:
            return None
        return found.selected_conversation or found.selected_channel


class ViewPayload(_Model):
    """A modal or Home tab as it comes back in an interaction."""

    id: ViewId
    type: Literal["modal", "home"] = "modal"
    callback_id: Annotated[Text, Field(max_length=MAX_ID)] = ""
    private_metadata: Annotated[Text, Field(max_length=MAX_METADATA)] = ""
    hash: Annotated[str, Field(max_length=MAX_ID)] | None = None
    state: FormState = Field(default_factory=FormState)
    root_view_id: ViewId | None = None
    previous_view_id: ViewId | None = None
    blocks: list[dict[str, Any]] = Field(default_factory=list, exclude=True)

    def input_block_ids(self) -> list[str]:
        """Return the block ids of the view's inputs, in order (for an inline error)."""
        return [
            str(block["block_id"])
            for block in self.blocks
            if isinstance(block, dict) and block.get("type") == "input" and block.get("block_id")
        ]


class MessageRef(_Model):
    """The message a button was pressed in."""

    ts: Ts
    thread_ts: Ts | None = None


class Container(_Model):
    """Where an action happened (a message, a view)."""

    type: Annotated[str, Field(max_length=32)]
    message_ts: Ts | None = None
    channel_id: ChannelId | None = None
    view_id: ViewId | None = None
    is_ephemeral: bool = False


class ActionPayload(_Model):
    """One pressed button or changed element of a block_actions payload."""

    action_id: SlackKey
    block_id: BlockId | None = None
    type: Annotated[str, Field(max_length=64)] = "button"
    value: Annotated[Text, Field(max_length=MAX_VALUE)] | None = None
    selected_option: Option | None = None
    selected_options: Annotated[list[Option], Field(max_length=MAX_CHOICES)] | None = None
    selected_date: date | None = None
    action_ts: Ts | None = None  # when Slack saw the click: the same on Slack's retries


class SlashCommand(_Model):
    """A slash command, as Slack posts it (form fields). `text` is unescaped (&amp; -> &)."""

    kind: Literal["command"] = "command"
    command: CommandName
    text: Annotated[Text, Field(max_length=MAX_TEXT)] = ""
    user_id: UserId
    team_id: TeamId
    channel_id: ChannelId | None = None
    trigger_id: TriggerId
    response_url: Url

    @property
    def user(self) -> str:
        """Return the user id."""
        return self.user_id

    @property
    def channel(self) -> str | None:
        """Return the channel the command was typed in."""
        return self.channel_id


class _Interaction(_Model):
    """An interaction payload: someone acted, in a modal unless a subclass knows a channel."""

    user_ref: UserRef = Field(alias="user")

    @property
    def user(self) -> str:
        """Return the user id."""
        return self.user_ref.id

    @property
    def channel(self) -> str | None:
        """Return the channel to answer in: none for a modal."""
        return None


class BlockActions(_Interaction):
    """A click or a choice in a message, a modal or the Home tab."""

    kind: Literal["block_actions"] = "block_actions"
    team: TeamRef | None = None
    trigger_id: TriggerId
    response_url: Url | None = None
    channel_ref: ChannelRef | None = Field(default=None, alias="channel")
    container: Container | None = None
    message: MessageRef | None = None
    view: ViewPayload | None = None
    actions: Annotated[list[ActionPayload], Field(min_length=1, max_length=5)]

    @property
    def channel(self) -> str | None:
        """Return the channel of the message the action was taken in, if any."""
        if self.channel_ref is not None:
            return self.channel_ref.id
        return self.container.channel_id if self.container is not None else None

    @property
    def action(self) -> ActionPayload:
        """Return the action (Slack sends one per click)."""
        return self.actions[0]


class ViewSubmission(_Interaction):
    """A submitted modal."""

    kind: Literal["view_submission"] = "view_submission"
    team: TeamRef | None = None
    trigger_id: TriggerId | None = None
    view: ViewPayload


class ViewClosed(_Interaction):
    """A modal closed with notify_on_close."""

    kind: Literal["view_closed"] = "view_closed"
    view: ViewPayload


class BlockSuggestion(_Interaction):
    """A request for the options of an external select, with what the person typed."""

    kind: Literal["block_suggestion"] = "block_suggestion"
    action_id: SlackKey
    block_id: BlockId | None = None
    value: Annotated[Text, Field(max_length=MAX_TEXT)] = ""
    view: ViewPayload | None = None


class AppHomeOpened(_Model):
    """The Events API's app_home_opened: a person opened the app's Home or Messages tab."""

    type: Literal["app_home_opened"]
    user: UserId
    channel: ChannelId | None = None
    tab: Literal["home", "messages"] = "home"


class EventCallback(_Model):
    """An Events API delivery of one event."""

    kind: Literal["event_callback"] = "event_callback"
    event_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,64}$")]
    team_id: TeamId | None = None
    event: AppHomeOpened

    @property
    def user(self) -> str:
        """Return the user the event is about."""
        return self.event.user

    @property
    def channel(self) -> str | None:
        """Events carry no channel to answer in."""
        return None


class UrlVerification(_Model):
    """The Events API's URL check, answered with its challenge."""

    kind: Literal["url_verification"] = "url_verification"
    challenge: Annotated[str, Field(max_length=200)]


Incoming = (
    SlashCommand
    | BlockActions
    | ViewSubmission
    | ViewClosed
    | BlockSuggestion
    | EventCallback
    | UrlVerification
)

_INTERACTIONS: dict[str, type[BaseModel]] = {
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "view_closed": ViewClosed,
    "block_suggestion": BlockSuggestion,
}


@dataclass(frozen=True)
class Sender:
    """What could be read of who sent a request that did not parse, to answer them privately."""

    kind: str = "unknown"
    user: str | None = None
    channel: str | None = None
    response_url: str | None = None
    input_block: str | None = None  # a view submission's first input, for an inline error


class Unparsable(Exception):
    """A request that is not what Slack sends; `sender` says whom to tell, if anyone."""

    def __init__(self, why: str, sender: Sender) -> None:
        """Keep the reason (no user text in it) and the sender."""
        super().__init__(why)
        self.why = why
        self.sender = sender


class Ignored(Exception):
    """A well-formed request the bot has nothing to do with (another event, an ssl_check)."""


def parse_form(body: str) -> dict[str, str]:
    """Read a form-encoded body into single values; repeated or non-text fields are refused.

    Bolt's own parser takes any body that holds the word "payload" for an interaction (a slash
    command's text with that word is lost); this one looks at the field names only.
    """
    try:
        fields = parse_qs(body, keep_blank_values=True, strict_parsing=True, errors="strict")
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unparsable("form body does not parse", Sender()) from exc
    if any(len(values) != 1 for values in fields.values()):
        raise Unparsable("a form field is repeated", Sender())
    return {name: values[0] for name, values in fields.items()}


@dataclass(frozen=True)
class Parsed:
    """A request read once: the typed value, and the raw body Bolt is handed (as a dict)."""

    incoming: Incoming
    raw: dict[str, Any]


def parse_http(body: str, content_type: str | None) -> Parsed:
    """Parse an HTTP body from Slack (form-encoded or JSON) into a typed request.

    Raises Unparsable for anything Slack would not send, Ignored for what needs no handling.
    """
    if (content_type or "").split(";")[0].strip().lower() == "application/json":
        return parse_event(_json(body, "event body is not JSON"))
    fields = parse_form(body)
    if "payload" in fields:
        if len(fields) != 1:
            raise Unparsable("interaction with extra form fields", Sender())
        return parse_interaction(_json(fields["payload"], "payload is not JSON"))
    if fields.get("ssl_check") == "1":
        raise Ignored("ssl_check")
    if "command" in fields:
        return parse_command(fields)
    raise Unparsable("neither a command nor an interaction", Sender())


def parse_socket(envelope_type: str, payload: Any) -> Parsed:
    """Parse a Socket Mode envelope's payload by the envelope's type."""
    if envelope_type == "slash_commands":
        if not isinstance(payload, dict):
            raise Unparsable("command is not an object", Sender("command"))
        return parse_command(payload)
    if envelope_type == "interactive":
        return parse_interaction(payload)
    if envelope_type == "events_api":
        return parse_event(payload)
    raise Ignored(envelope_type)


def _json(text: str, why: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise Unparsable(why, Sender()) from exc


def parse_command(fields: Mapping[str, Any]) -> Parsed:
    """Parse a slash command's fields; the text is unescaped as Slack escapes it."""
    sender = Sender(
        "command",
        user=_id_or_none(fields.get("user_id"), UserId),
        channel=_id_or_none(fields.get("channel_id"), ChannelId),
        response_url=_url_or_none(fields.get("response_url")),
    )
    text = fields.get("text", "")
    data = {**fields, "text": unescape(text) if isinstance(text, str) else text}
    return Parsed(_validate(SlashCommand, data, sender), dict(fields))


_ESCAPED = re.compile("&(amp|lt|gt);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


def unescape(text: str) -> str:
    """Undo Slack's escaping of &, < and > in a slash command's text (one pass, nothing else)."""
    return _ESCAPED.sub(lambda match: _UNESCAPED[match.group(1)], text)


def parse_interaction(payload: Any) -> Parsed:
    """Parse an interaction payload (the JSON of the `payload` form field, or Socket Mode's)."""
    if not isinstance(payload, dict):
        raise Unparsable("payload is not an object", Sender())
    sender = _sender_of(payload)
    model = _INTERACTIONS.get(str(payload.get("type")))
    if model is None:
        raise Unparsable("unknown interaction type", sender)
    return Parsed(_validate(model, payload, sender), payload)


def parse_event(data: Any) -> Parsed:
    """Parse an Events API envelope; events other than app_home_opened are Ignored."""
    if not isinstance(data, dict):
        raise Unparsable("event body is not an object", Sender())
    kind = data.get("type")
    if kind == "url_verification":
        return Parsed(_validate(UrlVerification, data, Sender()), data)
    if kind != "event_callback":
        raise Unparsable("unknown event envelope", Sender())
    event = data.get("event")
    if not isinstance(event, dict) or event.get("type") != "app_home_opened":
        raise Ignored("event not subscribed")
    return Parsed(_validate(EventCallback, data, Sender()), data)


def _validate(model: type[Any], data: Any, sender: Sender) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        where = ", ".join(
            ".".join(str(part) for part in error["loc"]) for error in exc.errors()[:3]
        )
        raise Unparsable(f"{model.__name__} does not validate at {where}", sender) from exc


def _id_or_none(value: Any, kind: Any) -> str | None:
    """Return value when it is a well-formed id of the given kind."""
    pattern = {UserId: r"^[UWB][A-Z0-9]{1,40}$", ChannelId: r"^[CDGUW][A-Z0-9]{1,40}$"}[kind]
    return value if isinstance(value, str) and re.match(pattern, value) else None


def _url_or_none(value: Any) -> str | None:
    """Return value when it is a plausible response URL."""
    if isinstance(value, str) and re.match(r"^https?://[\x21-\x7e]{1,500}$", value):
        return value
    return None


def _sender_of(payload: dict[str, Any]) -> Sender:
    """Read whom to answer from a payload that may not validate, field by field."""
    user = payload.get("user")
    channel = payload.get("channel")
    view = payload.get("view")
    blocks = view.get("blocks") if isinstance(view, dict) else None
    first_input = None
    if isinstance(blocks, list):
        first_input = next(
            (
                str(block["block_id"])
                for block in blocks
                if isinstance(block, dict)
                and block.get("type") == "input"
                and isinstance(block.get("block_id"), str)
                and re.match(r"^[\x20-\x7e]{1,255}$", block["block_id"])
            ),
            None,
        )
    return Sender(
        str(payload.get("type") or "unknown")[:32],
        user=_id_or_none(user.get("id") if isinstance(user, dict) else None, UserId),
        channel=_id_or_none(channel.get("id") if isinstance(channel, dict) else None, ChannelId),
        response_url=_url_or_none(payload.get("response_url")),
        input_block=first_input,
    )
