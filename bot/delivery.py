"""Sends claimed outbox rows to Slack, retrying what can be retried and recording the rest.

Posts, updates, private messages and file uploads go the same way: claimed atomically,
given back uncounted for Slack's Retry-After, retried with backoff after other errors,
recorded for the coordinators when Slack refuses them for good, and looked for in Slack
before a second try when the first got no readable answer. An answer that is not Slack's
(a 5xx, an HTML error page or any body that is not a JSON object, even with status 200) is no
answer: Slack may have carried the call out. Whatever fails, a claimed row never stays
"sending" in a running process: it is given back, recorded, or left for the recovery of
abandoned claims.
"""

from __future__ import annotations

import copy
import logging
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock
from bot.tracebacks import withheld
from storage import outbox
from storage.db import Database, DatabaseUnavailable
from storage.outbox import OutboxKey, UploadFile

log = logging.getLogger(__name__)

METADATA_EVENT = "samverkansbot_outbox"
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_blocks",
        "invalid_blocks_format",
        "msg_too_long",
        "msg_blocks_too_long",
        "no_text",
        "invalid_arguments",
        "user_not_found",
        "cannot_dm_bot",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "missing_scope",
        "restricted_action",
        "message_not_found",
        "cant_update_message",
        "edit_window_closed",
        "user_not_in_channel",
        "channel_is_archived",
    }
)
MAX_BACKOFF = timedelta(hours=1)
HISTORY_LOOKBACK = 100
RATE_LIMITED = "ratelimited"
SLACK_ERROR = re.compile(r"[a-z0-9_.]{1,100}")  # Slack's error codes, e.g. "channel_not_found"
NO_ANSWER = "no_answer"  # recorded for a row that got no readable answer and need not be looked for
UNREACHABLE = "unreachable"  # the connection was refused: the call never reached Slack
DEFAULT_RETRY_AFTER = timedelta(seconds=1)

WAIT_FOR_ORIGINAL = timedelta(seconds=5)
# Slack limits files.* per method and workspace, not per channel: a 429 on an upload holds
# back the other uploads, not the posts to its channel.
UPLOAD_SCOPE = "files"
# An interrupted upload is looked for among the messages shared since a little before its row
# was queued (our clock and Slack's may differ slightly).
CLOCK_MARGIN = timedelta(minutes=1)

# Asks the scheduler to run its tick at the given moment (if it would not run earlier anyway).
Wake = Callable[[datetime], None]
# Draws the files of an upload queued without them (see storage.outbox.enqueue_upload).
Renderer = Callable[[outbox.Claimed], Sequence[UploadFile]]


def backoff(attempts: int) -> timedelta:
    """Return how long to wait before attempt number attempts + 1."""
    return min(timedelta(seconds=15 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def without_rate_limit_retries(client: WebClient) -> WebClient:
    """Return a copy of client that answers a 429 or a 5xx at once instead of trying again.

    The deliverer waits out Retry-After without holding a thread, and tries again after a 5xx
    only once it has looked for what the first try may have posted.
    """
    own = copy.copy(client)
    own.retry_handlers = [
        handler
        for handler in client.retry_handlers
        if not isinstance(handler, RateLimitErrorRetryHandler | ServerErrorRetryHandler)
    ]
    return own


def retry_after(headers: Mapping[str, Any] | None) -> timedelta:
    """Return how long Slack's Retry-After header asks to wait (1 s when missing or unreadable)."""
    wait = retry_after_seconds(_header(headers or {}, "Retry-After"))
    return wait if wait > timedelta(0) else DEFAULT_RETRY_AFTER


def is_rate_limited(exc: SlackApiError) -> bool:
    """Tell whether Slack refused a call for its rate limit (HTTP 429, error "ratelimited")."""
    response = exc.response
    return getattr(response, "status_code", None) == 429 or _error_of(exc) == RATE_LIMITED


def slack_refused(exc: SlackApiError) -> str | None:
    """Return Slack's error code when Slack itself answered (HTTP 2xx-4xx, its JSON), else None.

    A 5xx, or a body that is not a JSON object with "ok" (an HTML error page from a proxy,
    an empty or garbled body: slack-sdk then makes up an "error" holding the body's start),
    is no answer from Slack: the call may or may not have been carried out.
    """
    status = getattr(exc.response, "status_code", None)
    data = getattr(exc.response, "data", None)
    if not isinstance(status, int) or status >= 500 or not isinstance(data, dict):
        return None
    error = data.get("error")
    if "ok" not in data or not isinstance(error, str) or not SLACK_ERROR.fullmatch(error):
        return None
    return error


def _error_of(exc: SlackApiError) -> str | None:
    """Return the "error" of Slack's answer, if there is a readable one."""
    data = getattr(exc.response, "data", None)
    error = data.get("error") if isinstance(data, dict) else None
    return error if isinstance(error, str) else None


class Deliverer:
    """Claims due outbox rows and sends them through the Web API."""

    # A rate-limited channel is not waited for in the sending thread: its rows are given back
    # until Slack's Retry-After has passed (rows for other channels go on), and wake, when set
    # (by the scheduler), is asked to run the next tick then.

    def __init__(
        self,
        db: Database,
        client: WebClient,
        clock: Clock,
        wake: Wake | None = None,
        renderers: Mapping[str, Renderer] | None = None,
    ) -> None:
        """Send through a copy of client that does not sleep on 429, reading time from clock.

        renderers draw the files of uploads queued with a renderer's name instead of files.
        """
        self.db = db
        self.client = without_rate_limit_retries(client)
        self.clock = clock
        self.wake = wake
        self.renderers: dict[str, Renderer] = dict(renderers or {})
        self._lock = threading.Lock()
        self._in_flight: set[int] = set()
        self._blocked: dict[str, datetime] = {}  # channel -> when Slack takes its posts again

    def deliver(self, keys: Iterable[OutboxKey]) -> None:
        """Send the named rows now if they are due; a failure leaves them for the scheduler."""
        wanted = list(keys)
        if not wanted:
            return
        try:
            with self.db.transaction() as session:
                claimed = outbox.claim(session, self.clock.now(), keys=wanted, limit=len(wanted))
                self._hold(claimed)
        except DatabaseUnavailable:
            log.warning("database unavailable; %d messages wait for the scheduler", len(wanted))
            return
        self._send_all(claimed)

    def deliver_due(self, limit: int = 50) -> int:
        """Send every due row, in batches; return how many were claimed."""
        total = 0
        while True:
            now = self.clock.now()
            with self._lock:
                in_flight = set(self._in_flight)
            with self.db.transaction() as session:
                outbox.expire_and_recover(session, now, in_flight)
                claimed = outbox.claim(session, now, limit=min(limit, 20))
                self._hold(claimed)
            self._send_all(claimed)
            total += len(claimed)
            if len(claimed) < min(limit, 20) or total >= limit:
                return total

    def _hold(self, rows: list[outbox.Claimed]) -> None:
        """Mark claimed rows as this process's own until they are sent or given back."""
        with self._lock:
            self._in_flight.update(row.id for row in rows)

    def _send_all(self, rows: list[outbox.Claimed]) -> None:
        """Send claimed rows in turn; rows not reached when one fails are let go of too.

        A row let go of while still "sending" (its outcome could not be recorded) is taken
        for abandoned after outbox.STALE_CLAIM and tried again, looked for first.
        """
        try:
            for row in rows:
                self._send_claimed(row)
        finally:
            with self._lock:
                self._in_flight.difference_update(row.id for row in rows)

    def _blocked_until(self, scope: str) -> datetime | None:
        """Return until when a channel (or uploads) is rate-limited, or None when it is not."""
        now = self.clock.now()
        with self._lock:
            until = self._blocked.get(scope)
            if until is not None and until <= now:
                del self._blocked[scope]
                return None
            return until

    def _rate_limited(self, row: outbox.Claimed, wait: timedelta) -> None:
        """Block the row's channel for wait, give the row back uncounted, and ask for a wake-up."""
        until = self.clock.now() + wait
        scope = _scope(row)
        with self._lock:
            self._blocked[scope] = max(until, self._blocked.get(scope, until))
        log.info("%s is rate-limited; message %s waits %s", scope, row.key, wait)
        self._give_back(row, until)
        if self.wake is not None:
            try:
                self.wake(until)
            except Exception:
                log.exception("could not ask the scheduler for an earlier tick")

    def _give_back(self, row: outbox.Claimed, until: datetime, error: str = RATE_LIMITED) -> None:
        """Give a row back to be sent at until, without counting this as an attempt."""
        with self.db.transaction() as session:
            outbox.mark_retry(session, row, _still_looking(row, error), until, count=False)

    def _send_claimed(self, row: outbox.Claimed) -> None:
        blocked = self._blocked_until(_scope(row))
        if blocked is not None:
            self._give_back(row, blocked)
            return
        try:
            channel, ts = self._call(row)
        except _NotReady as exc:
            self._give_back(row, self.clock.now() + WAIT_FOR_ORIGINAL, str(exc))
            return
        except _Refused as exc:
            self._record_failure(row, str(exc), None, permanent=True)
            return
        except _NothingToSend as exc:
            with self.db.transaction() as session:
                outbox.mark_sent(session, row, self.clock.now(), None, None, note=str(exc))
            return
        except _RenderFailed:
            self._record_failure(row, "render_failed", None)
            return
        except SlackApiError as exc:
            headers = getattr(exc.response, "headers", None) or {}
            if is_rate_limited(exc):
                self._rate_limited(row, retry_after(headers))
                return
            error = slack_refused(exc)
            if error is None:
                status = getattr(exc.response, "status_code", None)
                self._no_answer(row, f"an unreadable answer (HTTP {status})")
                return
            self._record_failure(row, error, _header(headers, "Retry-After"))
            return
        except (SlackClientError, OSError) as exc:
            if _unreachable(exc):
                self._record_failure(row, UNREACHABLE, None)
                return
            self._no_answer(row, type(exc).__name__)  # a timeout, a lost connection
            return
        except Exception as exc:
            # Not one of the faults above (e.g. an answer slack-sdk cannot even read): the call
            # may have been made, so the row is treated as one that got no answer.
            text = withheld(exc)  # not log.exception: messages may quote people's text
            log.error("sending message %s failed unexpectedly:\n%s", row.key, text)  # noqa: TRY400
            self._no_answer(row, type(exc).__name__)
            return
        with self.db.transaction() as session:
            outbox.mark_sent(session, row, self.clock.now(), channel, ts)

    def _no_answer(self, row: outbox.Claimed, what: str) -> None:
        """Retry a row whose call got no readable answer; posts and uploads are looked for first.

        Slack may have carried the call out all the same, so the next attempt at a post or an
        upload looks in the channel before posting again; updates and private messages
        (ephemeral) may simply be sent again.
        """
        log.warning("message %s got no answer (%s)", row.key, what)
        looks_first = row.op in (outbox.POST, outbox.UPLOAD)
        self._record_failure(row, outbox.INTERRUPTED if looks_first else NO_ANSWER, None)

    def _record_failure(
        self, row: outbox.Claimed, error: str, retry_after: Any, *, permanent: bool = False
    ) -> None:
        with self.db.transaction() as session:
            if permanent or error in PERMANENT_ERRORS:
                log.error("message %s failed for good: %s", row.key, error)
                outbox.mark_failed(session, row, error)
                return
            wait = backoff(row.attempts)
            if retry_after is not None:
                wait = max(wait, retry_after_seconds(retry_after))
            log.warning("message %s failed (%s); retrying in %s", row.key, error, wait)
            outbox.mark_retry(session, row, _still_looking(row, error), self.clock.now() + wait)

    def _call(self, row: outbox.Claimed) -> tuple[str, str | None]:
        payload = dict(row.payload)
        if row.op == outbox.UPDATE:
            return self._update(row, payload)
        if row.op == outbox.UPLOAD:
            return self._upload(row)
        if row.op == outbox.EPHEMERAL:
            response = self.client.chat_postEphemeral(
                channel=row.channel, user=row.user or "", **payload
            )
            return row.channel, str(response.get("message_ts", ""))
        channel, thread_ts = row.channel, None
        if row.ref_key is not None:  # a reply in the thread of the message posted as ref_key
            channel, thread_ts = self._original(row.ref_key)
            payload["thread_ts"] = thread_ts
        if row.interrupted and (found := self._find_posted(row, channel, thread_ts)) is not None:
            return found
        metadata = {"event_type": METADATA_EVENT, "event_payload": {"key": row.key}}
        response = self.client.chat_postMessage(channel=channel, metadata=metadata, **payload)
        return str(response["channel"]), str(response["ts"])

    def _update(self, row: outbox.Claimed, payload: dict[str, Any]) -> tuple[str, str]:
        if row.ref_key is None:
            raise _NotReady("update without a reference")
        with self.db.reading() as session:
            target = outbox.posted_ts(session, row.ref_key)
        if target is None:
            raise _NotReady("waiting for the original message")
        channel, ts = target
        self.client.chat_update(channel=channel, ts=ts, **payload)
        return channel, ts

    def _upload(self, row: outbox.Claimed) -> tuple[str, str | None]:
        """Upload a row's files into its channel, a person's DM, or its message's thread."""
        channel, thread_ts = row.channel, None
        if row.ref_key is not None:
            channel, thread_ts = self._original(row.ref_key)
        files = self._files(row)
        if channel.startswith(("U", "W")):
            channel = self._direct_channel(channel)
        if row.interrupted and self._uploaded(row, channel, thread_ts, files):
            return channel, None
        self.client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            initial_comment=row.payload.get("initial_comment") or None,
            file_uploads=[
                {
                    "file": f.data,
                    "filename": f.filename,
                    "title": f.title,
                    "alt_txt": f.alt_text or None,
                }
                for f in files
            ],
        )
        return channel, None

    def _original(self, ref_key: str) -> tuple[str, str]:
        """Return (channel, ts) of the message an upload goes under; it may never be posted."""
        with self.db.reading() as session:
            target = outbox.posted_ts(session, ref_key)
            status = outbox.status_of(session, ref_key) if target is None else outbox.SENT
        if target is not None:
            return target
        if status is None or status in outbox.NEVER_POSTED:
            raise _Refused(status or "missing")
        raise _NotReady("waiting for the original message")

    def _files(self, row: outbox.Claimed) -> list[UploadFile]:
        """Return an upload's files: those kept, or those its renderer draws now (then kept)."""
        with self.db.reading() as session:
            kept = outbox.files_of(session, row.id)
        if kept:
            return kept
        name = row.payload.get("renderer")
        if name is None:
            raise _Refused("no_files")
        renderer = self.renderers.get(str(name))
        if renderer is None:
            raise _Refused("unknown_renderer")
        try:
            drawn = list(renderer(row))
        except Exception as exc:
            log.exception("drawing the files of %s failed", row.key)
            raise _RenderFailed from exc
        if not drawn:
            raise _NothingToSend("nothing_to_draw")
        try:
            with self.db.transaction() as session:
                return outbox.keep_files(session, row, drawn)
        except IntegrityError:  # kept meanwhile by a process that took this row for abandoned
            with self.db.reading() as session:
                return outbox.files_of(session, row.id)

    def _direct_channel(self, user: str) -> str:
        """Return the id of the bot's direct message with a person."""
        opened = self.client.conversations_open(users=user)
        return str(opened["channel"]["id"])

    def _uploaded(
        self,
        row: outbox.Claimed,
        channel: str,
        thread_ts: str | None,
        files: list[UploadFile],
    ) -> bool:
        """Tell whether the files were shared by an attempt that got no answer."""
        if thread_ts is not None:
            found = self.client.conversations_replies(
                channel=channel, ts=thread_ts, limit=HISTORY_LOOKBACK
            )
        else:
            found = self.client.conversations_history(channel=channel, limit=HISTORY_LOOKBACK)
        names = sorted(f.filename for f in files)
        since = (row.created_at - CLOCK_MARGIN).timestamp()
        messages: list[dict[str, Any]] = found.get("messages", [])
        for message in messages:
            shared = sorted(str(f.get("name")) for f in message.get("files") or [])
            if shared == names and _seconds(message.get("ts")) >= since:
                return True
        return False

    def _find_posted(
        self, row: outbox.Claimed, channel: str, thread_ts: str | None = None
    ) -> tuple[str, str] | None:
        """Look in the channel (or the thread) for a message this row posted before a crash."""
        if channel.startswith(("U", "W")):
            channel = self._direct_channel(channel)
        # An interrupted post is recent: the channel's latest messages are enough to look in.
        if thread_ts is not None:
            history = self.client.conversations_replies(
                channel=channel, ts=thread_ts, include_all_metadata=True, limit=HISTORY_LOOKBACK
            )
        else:
            history = self.client.conversations_history(
                channel=channel, include_all_metadata=True, limit=HISTORY_LOOKBACK
            )
        messages: list[dict[str, Any]] = history.get("messages", [])
        for message in messages:
            meta = message.get("metadata") or {}
            if meta.get("event_payload", {}).get("key") == row.key:
                return channel, str(message["ts"])
        return None


def _still_looking(row: outbox.Claimed, error: str) -> str:
    """Return the error to record for a retry: an interrupted post stays one to look for.

    An attempt that fails before it could look (or look to the end) must not make the next
    attempt post blindly.
    """
    if row.interrupted and row.op in (outbox.POST, outbox.UPLOAD):
        return outbox.INTERRUPTED
    return error


def retry_after_seconds(value: Any) -> timedelta:
    """Read a Retry-After header's value (seconds), at most MAX_BACKOFF; 0 when unreadable."""
    raw = value[0] if isinstance(value, list | tuple) and value else value
    try:
        seconds = float(raw)
    except (TypeError, ValueError):
        return timedelta(0)
    if not seconds > 0:  # also NaN
        return timedelta(0)
    return timedelta(seconds=min(seconds, MAX_BACKOFF.total_seconds()))


def _header(headers: Mapping[str, Any], name: str) -> Any:
    """Return a header's value by its name in any case, or None."""
    for key, value in headers.items():
        if str(key).lower() == name.lower():
            return value
    return None


def _unreachable(exc: Exception) -> bool:
    """Tell whether a call never reached Slack (its connection was refused)."""
    reason = getattr(exc, "reason", None)
    return isinstance(exc, ConnectionRefusedError) or isinstance(reason, ConnectionRefusedError)


def _scope(row: outbox.Claimed) -> str:
    """Return what a 429 on this row holds back: its channel, or every upload."""
    return UPLOAD_SCOPE if row.op == outbox.UPLOAD else row.channel


def _seconds(ts: object) -> float:
    """Read a Slack timestamp ("1700000000.000100"); 0 when unreadable."""
    try:
        return float(str(ts))
    except ValueError:
        return 0.0


class _NotReady(Exception):
    """The row cannot be sent yet (its original message is not posted)."""


class _Refused(Exception):
    """The row can never be sent (its original message will never be posted, or no files)."""


class _NothingToSend(Exception):
    """The row has nothing to send after all (its renderer drew no files)."""


class _RenderFailed(Exception):
    """The row's renderer failed; it is tried again later."""
