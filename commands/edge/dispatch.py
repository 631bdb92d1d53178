"""The edge: every Slack request parsed once, routed by id, answered within Slack's 3 seconds.

HTTP bodies (after the signature check) and Socket Mode envelopes come here. What does not
parse, names no handler, or carries a value the bot did not write is answered here, in one
place: HTTP 200 (or the Socket Mode ack), a private polite answer in the person's language or
an inline form error, one log line without the body or any text a person typed, and no change.

The Bolt app runs with process_before_response, so every ack is decided in the request's own
thread and never waits for a pool: commands, clicks and events are acknowledged at once and
their handlers run afterwards in the work pool; a form's handler decides its ack (storing what
it must first), and the Slack calls it asks for run afterwards in the work pool. While an ack is
being decided, the database is waited for at most ACK_WAIT: a form whose work cannot be stored
in time is answered "try again" (with nothing stored) while Slack still listens, never stored
after Slack has told the person that it failed.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any, TypeVar

from slack_bolt import Ack, App, BoltContext, BoltResponse, Respond
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from bot.context import BotContext
from bot.delivery import slack_refused
from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.tracebacks import withheld
from commands.edge.codec import CodecError, Value, decode
from commands.edge.interaction import (
    Click,
    Command,
    HomeOpened,
    HomePublisher,
    Interaction,
    Submission,
    Suggestion,
    post_private,
)
from commands.edge.requests import (
    BlockActions,
    BlockSuggestion,
    EventCallback,
    Ignored,
    Incoming,
    Parsed,
    Sender,
    SlashCommand,
    Unparsable,
    UrlVerification,
    ViewClosed,
    ViewSubmission,
    parse_http,
    parse_socket,
)
from commands.edge.surface import (
    ClickRoute,
    CommandHandler,
    EventHandler,
    FormRoute,
    SuggestHandler,
    Surface,
)
from storage.db import (
    Commits,
    CommitUncertain,
    DatabaseUnavailable,
    counting_commits,
    wait_limit,
)
from storage.models import ProcessedRequest
from storage.upsert import insert_ignore

log = logging.getLogger(__name__)

_RUN = "samverkansbot_run"  # Bolt context key of what the edge decided for this request
_ANY = re.compile(".*", re.DOTALL)
_JSON: dict[str, str | Sequence[str]] = {"content-type": ["application/json;charset=utf-8"]}

T = TypeVar("T")
Run = Callable[[Ack, Respond, WebClient], None]

# Seconds an ack may wait for the database, counted from the request's arrival: Slack waits
# 3 s for the answer (Slack's "Acknowledgment response"), and the rest is kept for the network.
ACK_WAIT = 2.0


def _merge(tables: Sequence[Mapping[str, T]], what: str) -> dict[str, T]:
    """Merge the surfaces' tables; an id routed twice raises ValueError."""
    merged: dict[str, T] = {}
    for table in tables:
        for key, value in table.items():
            if key in merged:
                raise ValueError(f"two handlers for the {what} {key!r}")
            merged[key] = value
    return merged


def route_key(action_id: str) -> str:
    """Return the routed part of an action id: buttons may add ":<suffix>" to stay unique."""
    return action_id.split(":", 1)[0]


class Edge:
    """Parses, refuses or routes every Slack request, and hands routed ones to Bolt."""

    def __init__(
        self,
        bot: BotContext,
        app: App,
        surfaces: Sequence[Surface],
        work: Executor,
        home: HomePublisher | None = None,
    ) -> None:
        """Route the surfaces' listeners; handlers after an ack run in work.

        home publishes a person's Home tab, for handlers that refresh it.
        """
        self.bot = bot
        self.app = app
        self.work = work
        self.home = home
        self.commands: dict[str, CommandHandler] = _merge([s.commands for s in surfaces], "command")
        self.clicks: dict[str, ClickRoute] = _merge([s.clicks for s in surfaces], "action id")
        self.forms: dict[str, FormRoute] = _merge([s.forms for s in surfaces], "callback id")
        self.suggestions: dict[str, SuggestHandler] = _merge(
            [s.suggestions for s in surfaces], "options action id"
        )
        self.events: dict[str, EventHandler] = _merge([s.events for s in surfaces], "event")
        for bad in [k for k in self.clicks if ":" in k]:
            raise ValueError(f"a routed action id holds ':' ({bad!r})")
        app.command(_ANY)(_listener)
        app.block_action(_ANY)(_listener)
        app.view_submission(_ANY)(_listener)
        app.block_suggestion(_ANY)(_listener)
        for event in self.events:
            app.event(event)(_listener)
        app.error(_bolt_error)

    # ---------------------------------------------------------------------- entry points

    def http(self, body: str, content_type: str | None) -> BoltResponse:
        """Answer one verified HTTP request from Slack."""
        return self._answer(lambda: parse_http(body, content_type))

    def socket(self, envelope_type: str, payload: Any) -> BoltResponse:
        """Answer one Socket Mode envelope (its ack payload is the response's JSON body)."""
        return self._answer(lambda: parse_socket(envelope_type, payload))

    def _answer(self, parse: Callable[[], Parsed]) -> BoltResponse:
        with wait_limit(ACK_WAIT):
            try:
                parsed = parse()
            except Unparsable as exc:
                return self.refuse_unparsable(exc)
            except Ignored:
                return BoltResponse(status=200, body="")
            return self.dispatch(parsed)

    def dispatch(self, parsed: Parsed) -> BoltResponse:
        """Route a parsed request: run its handler through Bolt, or refuse it politely."""
        incoming = parsed.incoming
        if isinstance(incoming, UrlVerification):
            return _json_response({"challenge": incoming.challenge})
        try:
            run = self._decide(incoming)
        except _Refused as refused:
            log.info("refused a %s: %s", incoming.kind, refused.why)
            return self._refuse(incoming, refused.msg, refused.params)
        if run is None:
            return BoltResponse(status=200, body="")
        request = BoltRequest(
            body=parsed.raw,
            # Bolt takes a parsed body (a dict) only in its socket_mode; the body was parsed
            # here, and the signature was checked before (request verification is off).
            mode="socket_mode",
            context={_RUN: run},
        )
        return self.app.dispatch(request)

    # ------------------------------------------------------------------------ routing

    def _decide(self, incoming: Incoming) -> Run | None:
        """Return what to run for a routed request; raise _Refused when it cannot be routed."""
        if isinstance(incoming, SlashCommand):
            return self._command(incoming)
        if isinstance(incoming, BlockActions):
            return self._click(incoming)
        if isinstance(incoming, ViewSubmission):
            return self._submission(incoming)
        if isinstance(incoming, BlockSuggestion):
            return self._suggestion(incoming)
        if isinstance(incoming, EventCallback):
            return self._event(incoming)
        if isinstance(incoming, ViewClosed):
            return None  # closing a form needs no answer and changes nothing
        raise _Refused("no route for this kind", c.BAD_REQUEST)

    def _command(self, command: SlashCommand) -> Run:
        handler = self.commands.get(command.command)
        if handler is None:
            raise _Refused("unknown command", c.UNKNOWN_COMMAND, command=command.command)

        def run(ack: Ack, respond: Respond, client: WebClient) -> None:
            ack()
            ix = Command(
                self.bot,
                client,
                command.user_id,
                command.channel_id,
                command.trigger_id,
                command.response_url,
                respond,
                request=command,
                args=command.text.strip(),
            )
            self._later(handler, ix)

        return run

    def _click(self, actions: BlockActions) -> Run:
        action = actions.action
        route = self.clicks.get(route_key(action.action_id))
        if route is None:
            raise _Refused("unknown action id", c.STALE_BUTTON)
        value = _decoded(route.value, action.value, c.STALE_BUTTON)

        def run(ack: Ack, respond: Respond, client: WebClient) -> None:
            ack()
            received_at = self.bot.clock.now()
            ix: Click[Any] = Click(
                self.bot,
                client,
                actions.user,
                actions.channel,
                actions.trigger_id,
                actions.response_url,
                respond,
                request=actions,
                value=value,
                received_at=received_at,
            )
            self._later(route.handler, ix)

        return run

    def _submission(self, submission: ViewSubmission) -> Run:
        route = self.forms.get(submission.view.callback_id)
        if route is None:
            raise _Refused("unknown callback id", c.UNKNOWN_FORM)
        metadata = _decoded(route.metadata, submission.view.private_metadata, c.UNKNOWN_FORM)

        def run(ack: Ack, respond: Respond, client: WebClient) -> None:
            ix: Submission[Any] = Submission(
                self.bot,
                client,
                submission.user,
                None,
                submission.trigger_id,
                None,
                respond,
                [],
                request=submission,
                metadata=metadata,
                _ack=ack,
            )
            with counting_commits() as commits:
                try:
                    _before_sessions(ix)
                    route.handler(ix)
                except Exception as exc:
                    _log_failure(exc, "form")
                    ix.fail(_failure_message(exc, commits))
            ix.done()
            deferred, ix._deferred = ix._deferred or [], None
            if deferred:
                self._submit(_run_all, deferred)

        return run

    def _suggestion(self, suggestion: BlockSuggestion) -> Run:
        handler = self.suggestions.get(route_key(suggestion.action_id))

        def run(ack: Ack, respond: Respond, client: WebClient) -> None:
            if handler is None:
                ack(options=[])
                return
            ix = Suggestion(self.bot, client, suggestion.user, None, request=suggestion)
            try:
                _before_sessions(ix)
                options = list(handler(ix))
            except Exception as exc:
                _log_failure(exc, "options request")
                options = []
            ack(options=[o.to_dict() for o in options])

        return run

    def _event(self, callback: EventCallback) -> Run | None:
        event = callback.event
        handler = self.events.get(event.type)
        if handler is None or event.tab != "home":
            return None
        try:
            with self.bot.db.transaction() as session:
                first = insert_ignore(
                    session,
                    ProcessedRequest,
                    {"key": f"event:{callback.event_id}", "at": self.bot.clock.now()},
                )
        except DatabaseUnavailable:  # the tab is drawn again when the person next opens it
            log.warning("database unavailable; a %s event was not acted on", event.type)
            return None
        if not first:  # Slack's retry of an event already handled
            return None

        def run(ack: Ack, respond: Respond, client: WebClient) -> None:
            ack()
            ix = HomeOpened(self.bot, client, event.user, None, event=event)
            self._later(handler, ix)

        return run

    # ------------------------------------------------------------------- after the ack

    def _later(self, handler: Callable[[Any], None], ix: Interaction) -> None:
        """Run a handler after the ack, in the work pool; every failure gets an answer."""
        ix.home = self.home
        self._submit(_guarded, handler, ix)

    def _submit(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            self.work.submit(fn, *args)
        except RuntimeError:  # the pool is shutting down: finish here
            fn(*args)

    # ------------------------------------------------------------------------ refusals

    def refuse_unparsable(self, exc: Unparsable) -> BoltResponse:
        """Answer a request that does not parse: privately to its sender when known."""
        sender = exc.sender
        log.info("refused an unreadable %s request: %s", sender.kind, exc.why)
        text = self._texts_of(sender.user)(c.BAD_REQUEST)
        if sender.kind == "command":
            return _json_response({"response_type": "ephemeral", "text": text})
        if sender.kind == "view_submission" and sender.input_block:
            return _json_response(
                {"response_action": "errors", "errors": {sender.input_block: text}}
            )
        if sender.user is not None and sender.kind != "block_suggestion":
            self._submit(self._tell_sender, sender, text)
        if sender.kind == "block_suggestion":
            return _json_response({"options": []})
        return BoltResponse(status=200, body="")

    def _refuse(self, incoming: Incoming, msg: Msg, params: dict[str, Any]) -> BoltResponse:
        """Answer a parsed request that cannot be routed, privately and within the ack."""
        user = None if isinstance(incoming, UrlVerification) else incoming.user
        text = self._texts_of(user)(msg, **params)
        if isinstance(incoming, SlashCommand):
            return _json_response({"response_type": "ephemeral", "text": text})
        if isinstance(incoming, ViewSubmission):
            blocks = incoming.view.input_block_ids()
            if blocks:
                return _json_response({"response_action": "errors", "errors": {blocks[0]: text}})
        if isinstance(incoming, BlockSuggestion):
            return _json_response({"options": []})
        sender = Sender(
            incoming.kind,
            user=incoming.user if not isinstance(incoming, UrlVerification) else None,
            channel=getattr(incoming, "channel", None),
            response_url=getattr(incoming, "response_url", None),
        )
        if sender.user is not None:
            self._submit(self._tell_sender, sender, text)
        return BoltResponse(status=200, body="")

    def _texts_of(self, user: str | None) -> Texts:
        """Return the texts in a sender's stored language (the configured one if not known).

        Within the ack: Slack is not asked, and a database that does not answer in time is
        passed over.
        """
        if user is None:
            return self.bot.texts
        try:
            with self.bot.db.reading() as session:
                return self.bot.texts_for(session, user)
        except DatabaseUnavailable:
            return self.bot.texts

    def _tell_sender(self, sender: Sender, text: str) -> None:
        """Tell the sender of a refused request why, privately."""
        assert sender.user is not None
        client = self.app.client
        if sender.response_url is not None:
            try:
                WebhookClient(sender.response_url, timeout=5).send(
                    text=text, response_type="ephemeral", replace_original=False
                )
                return
            except Exception as exc:
                log.info("response_url failed: %s", type(exc).__name__)
        post_private(client, sender.channel, sender.user, text)


class _Refused(Exception):
    """A parsed request that names no handler or carries a value the bot did not write."""

    def __init__(self, why: str, msg: Msg, **params: Any) -> None:
        super().__init__(why)
        self.why = why
        self.msg = msg
        self.params = params


V = TypeVar("V", bound=Value)


def _decoded(kind: type[V], raw: str | None, msg: Msg) -> V:
    try:
        return decode(kind, raw)
    except CodecError as exc:
        raise _Refused(str(exc), msg) from exc


def _listener(ack: Ack, respond: Respond, client: WebClient, context: BoltContext) -> None:
    """The one Bolt listener: run what the edge decided for this request."""
    run: Run = context[_RUN]
    run(ack, respond, client)


def _bolt_error(error: Exception) -> None:
    """Log a failure that reached Bolt (in the edge itself), without its message.

    Bolt's own handler would log the message, which may quote what a person typed.
    """
    _log_failure(error, "request in Bolt")


def _before_sessions(ix: Interaction) -> None:
    """Find the person's language before the handler opens a database session.

    Every answer needs it, and for someone the bot has not stored it is asked of Slack, which
    is never called while a unit of work is open (the actor is read the same way in the
    handlers, before their sessions).
    """
    ix.language  # noqa: B018 (resolved and kept)


def _guarded(handler: Callable[[Any], None], ix: Interaction) -> None:
    """Run a handler after its ack; tell the person when it fails, log it once."""
    with counting_commits() as commits:
        try:
            _before_sessions(ix)
            handler(ix)
        except Exception as exc:
            _log_failure(exc, "request")
            try:
                ix.answer(_failure_message(exc, commits))
            except Exception as unanswered:  # the pool would keep it unseen in a Future
                _log_failure(unanswered, "failure's answer")


def _failure_message(exc: Exception, commits: Commits) -> Msg:
    """Say what a failed handler means for the person: "nothing was saved" only when true.

    Once a unit of work of the handler has committed (or a COMMIT's outcome is unknown), the
    person is told to look before trying again instead.
    """
    if commits.count or isinstance(exc, CommitUncertain):
        return c.UNSURE_IF_SAVED
    return c.DATABASE_DOWN if isinstance(exc, DatabaseUnavailable) else c.TEMPORARY_ERROR


def _run_all(calls: list[Callable[[], object]]) -> None:
    """Make the Slack calls a form asked for, after its ack; a failure does not stop the rest."""
    for call in calls:
        try:
            call()
        except Exception as exc:
            _log_failure(exc, "call after a form")


def _log_failure(exc: Exception, what: str) -> None:
    """Log a failed handler once: expected faults in a line, anything else with its traceback."""
    if isinstance(exc, DatabaseUnavailable):
        log.warning("database unavailable while handling a %s", what)
    elif isinstance(exc, SlackApiError):
        error = slack_refused(exc) or "no readable answer"
        log.warning("Slack refused a call while handling a %s: %s", what, error)
    elif isinstance(exc, SlackClientError | OSError):
        log.warning("Slack did not answer while handling a %s: %s", what, type(exc).__name__)
    else:  # the traceback without its messages, which may quote what a person typed
        log.error("unhandled error while handling a %s:\n%s", what, withheld(exc))


def _json_response(data: dict[str, Any]) -> BoltResponse:
    return BoltResponse(status=200, body=json.dumps(data, ensure_ascii=False), headers=_JSON)
