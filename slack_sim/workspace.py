"""What a simulated Slack keeps for one bot, and how each simulated Web API method changes it.

People, channels, messages (ephemeral ones too), modals and their stack, Home tabs and shared
files, with the ids and defaults Slack adds. Everything the bot does is also recorded as an
Event for a terminal to show. Serving it over HTTP is `slack_sim.web_api`'s job.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sim.contract import message_problem, view_problems

JSONDict = dict[str, Any]
Handler = Callable[[JSONDict], JSONDict]

TEAM_ID = "T0TEAM001"
TEAM_DOMAIN = "samverkan"
API_APP_ID = "A0SAMVERK1"
BOT_USER_ID = "UBOT00001"
BOT_ID = "BBOT00001"

_TRIGGER_ISSUED_MS = re.compile(r"^\d+\.(\d{13})\.\w+$")
_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class Person:
    """Someone in the simulated workspace, as users.info describes them."""

    id: str
    name: str
    email: str = ""
    tz: str = "Europe/Stockholm"
    display_name: str = ""
    locale: str = "sv-SE"


@dataclass
class Event:
    """Something the bot did in Slack that a terminal shows.

    kind is post, update, delete, ephemeral, home or file; at is the simulated time.
    """

    kind: str
    at: datetime
    channel: str | None = None
    user: str | None = None
    ts: str | None = None
    message: JSONDict = field(default_factory=dict)
    path: Path | None = None
    replaced: bool = False


@dataclass(frozen=True)
class Source:
    """Where a response URL answers to: a message, or a command (no message, ts None)."""

    channel: str | None
    ts: str | None
    user: str
    ephemeral: bool


def dm_channel(user_id: str) -> str:
    """Return the direct-message channel id of a user (as the simulation names it)."""
    return "D" + user_id[1:]


def user_of_dm(channel: str) -> str:
    """Return the user a direct-message channel belongs to."""
    return "U" + channel[1:]


def person_id_for(email_address: str) -> str:
    """Return a stable Slack-like user id for an e-mail address."""
    digest = hashlib.sha256(email_address.casefold().encode()).hexdigest().upper()
    return "U0" + "".join(ch for ch in digest if ch.isalnum())[:8]


def truthy(value: Any) -> bool:
    """Read a Slack boolean argument (true, "true", "1")."""
    return value is True or str(value).lower() in ("1", "true")


def _decimal_ts(value: Any) -> Decimal | None:
    """Parse a Slack timestamp, or None when it is not one."""
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _utc_now() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


class Workspace:
    """One bot's Slack workspace: its state and the Web API methods that change it.

    In strict mode every message and view is checked against Slack's Block Kit rules, and a
    breach is refused as Slack refuses it and recorded in violations.
    """

    def __init__(
        self,
        *,
        strict: bool,
        users: Iterable[Person] = (),
        files_dir: Path | None = None,
        now: Callable[[], datetime] = _utc_now,
        trigger_ttl: float | None = 3.0,
    ) -> None:
        """Know users; save shared files in files_dir (if any); stamp messages with now().

        trigger_ttl is how many seconds a trigger_id stays valid (None: forever).
        """
        self.strict = strict
        self.files_dir = files_dir
        self.now = now
        self.bot_user_id = BOT_USER_ID
        self.bot_id = BOT_ID
        self.team_id = TEAM_ID
        self.app_id = API_APP_ID
        self.trigger_ttl = trigger_ttl

        self.users: dict[str, Person] = {person.id: person for person in users}
        self.channels: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, list[JSONDict]] = {}
        self.ephemerals: list[JSONDict] = []
        self.views: dict[str, JSONDict] = {}
        self.modal_stack: list[str] = []
        self.home_views: dict[str, JSONDict] = {}
        self.uploads: dict[str, bytes] = {}
        self.events: list[Event] = []
        self.violations: list[str] = []

        self._lock = threading.RLock()
        self._files: dict[str, JSONDict] = {}
        self._used_triggers: set[str] = set()
        self._issued_ids = 0
        self._last_ts_micros = 0
        self._handlers: dict[str, Handler] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "conversations.info": self._conversations_info,
            "conversations.members": self._conversations_members,
            "users.info": self._users_info,
            "users.lookupByEmail": self._users_lookup_by_email,
            "users.list": self._users_list,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "files.upload": self._files_upload,
        }

    @property
    def base_url(self) -> str:
        """Return the http://127.0.0.1:PORT that upload and file URLs point to."""
        raise NotImplementedError

    # ------------------------------------------------------------ what a test or person adds

    def add_user(
        self,
        user_id: str,
        email: str,
        real_name: str | None = None,
        *,
        tz: str = "Europe/Stockholm",
        display_name: str | None = None,
        locale: str = "sv-SE",
    ) -> Person:
        """Add a member that users.info and users.lookupByEmail know; name them from email."""
        local = email.split("@", 1)[0]
        name = real_name or " ".join(
            part.capitalize() for part in re.split(r"[._-]+", local) if part
        )
        person = Person(user_id, name, email, tz, display_name or "", locale)
        self.add_person(person)
        return person

    def add_person(self, person: Person) -> None:
        """Add someone to the workspace (replacing anyone with the same id)."""
        with self._lock:
            self.users[person.id] = person

    def add_channel(
        self,
        channel_id: str,
        name: str,
        members: list[str] | None = None,
        *,
        private: bool = False,
    ) -> None:
        """Add a channel that conversations.info and conversations.members know.

        members None: everyone is a member. private: a private channel (modern ones have C ids).
        """
        with self._lock:
            self.channels[channel_id] = {
                "name": name,
                "members": list(members) if members is not None else None,
                "private": private,
            }

    def conversation_kind(self, channel: Any) -> str:
        """Name the kind of conversation a channel id is: public, private, im, or "" for none."""
        text = str(channel or "")
        if self.channels.get(text, {}).get("private") or text.startswith("G"):
            return "private"
        if text.startswith("C"):
            return "public"
        if text.startswith(("D", "U", "W")):
            return "im"
        return ""

    def add_message(self, channel: str, text: str, *, user: str, **fields: Any) -> str:
        """Put a message from a person into a channel's history and return its ts."""
        with self._lock:
            ts = self._next_ts()
            message = {"type": "message", "user": user, "text": text, "ts": ts}
            message |= {"team": self.team_id, **fields}
            self.messages.setdefault(channel, []).append(message)
            return ts

    def snapshot(self) -> JSONDict:
        """Return what a person saw and could press (people, channels, messages, Home tabs).

        Plain JSON, for restore() in a later process; open modals, files and calls are left out.
        """
        with self._lock:
            return copy.deepcopy(
                {
                    "users": [asdict(person) for person in self.users.values()],
                    "channels": self.channels,
                    "messages": self.messages,
                    "ephemerals": self.ephemerals,
                    "home_views": self.home_views,
                    "last_ts_micros": self._last_ts_micros,
                    "issued_ids": self._issued_ids,
                }
            )

    def restore(self, snapshot: JSONDict) -> None:
        """Take back what snapshot() returned; people known now are kept. Raises ValueError."""
        try:
            users = [Person(**person) for person in snapshot["users"]]
            channels = dict(snapshot["channels"])
            messages = {str(k): list(v) for k, v in snapshot["messages"].items()}
            ephemerals = list(snapshot["ephemerals"])
            home_views = dict(snapshot["home_views"])
            last_ts, issued = int(snapshot["last_ts_micros"]), int(snapshot["issued_ids"])
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"not a snapshot of a simulated Slack ({exc})") from None
        with self._lock:
            for person in users:
                self.users.setdefault(person.id, person)
            self.channels.update(channels)
            self.messages = messages
            self.ephemerals = ephemerals
            self.home_views = home_views
            self._last_ts_micros = max(self._last_ts_micros, last_ts)
            self._issued_ids = max(self._issued_ids, issued)

    def take_events(self) -> list[Event]:
        """Return and forget the events recorded so far."""
        with self._lock:
            events, self.events = self.events, []
        return events

    def find_message(self, channel: str, ts: str) -> JSONDict | None:
        """Return the message with ts in channel, or among the ephemeral messages shown there."""
        with self._lock:
            for message in [*self.messages.get(channel, []), *self.ephemerals]:
                if message.get("ts") == ts and message.get("channel", channel) == channel:
                    return message
        return None

    def close_modals(self) -> None:
        """Close every open modal, as a person pressing Cancel does."""
        with self._lock:
            self.modal_stack.clear()

    def pop_view(self) -> None:
        """Close the top modal (the one below, if any, shows again)."""
        with self._lock:
            if self.modal_stack:
                self.modal_stack.pop()

    def push_view(self, view: JSONDict) -> JSONDict:
        """Push a modal, as an answer with response_action push does; return it as stored."""
        with self._lock:
            return self._push(view)

    def replace_view(self, view_id: str, view: JSONDict) -> JSONDict:
        """Replace an open modal, as an answer with response_action update does."""
        with self._lock:
            return self._store_view(view, view_id=view_id)

    def add_ephemeral(self, channel: str, user: str, message: JSONDict) -> None:
        """Show a message privately, as Slack shows a command's immediate answer."""
        with self._lock:
            self._chat_post_ephemeral({**message, "channel": channel, "user": user})

    def answer_response(self, source: Source, payload: JSONDict) -> None:
        """Show a response_url post: a new private or public answer, or a change of the source."""
        with self._lock:
            if truthy(payload.get("delete_original")) and source.ts is not None:
                target = self._source_message(source)
                if target is not None:
                    self._drop(source, target)
                    self._event("delete", channel=source.channel, ts=source.ts, message=target)
                return
            if truthy(payload.get("replace_original")) and source.ts is not None:
                target = self._source_message(source)
                if target is not None:
                    target["text"] = payload.get("text") or ""
                    target["blocks"] = self._with_ids(payload.get("blocks") or [])
                    self._event(
                        "ephemeral" if source.ephemeral else "update",
                        channel=source.channel,
                        user=source.user,
                        ts=target["ts"],
                        message=copy.deepcopy(target),
                        replaced=True,
                    )
                    return
            message = self._bot_message(payload, self._next_ts())
            channel = source.channel or dm_channel(source.user)
            if payload.get("response_type") == "in_channel":
                self.messages.setdefault(channel, []).append(message)
                self._event(
                    "post", channel=channel, ts=message["ts"], message=copy.deepcopy(message)
                )
                return
            message |= {"channel": channel, "ephemeral_user": source.user}
            self.ephemerals.append(message)
            self._event(
                "ephemeral",
                channel=channel,
                user=source.user,
                ts=message["ts"],
                message=copy.deepcopy(message),
            )

    def _source_message(self, source: Source) -> JSONDict | None:
        """Return the message a response URL answers to, if it is still there."""
        if source.ephemeral:
            return next((m for m in self.ephemerals if m.get("ts") == source.ts), None)
        return self._find(source.channel or "", source.ts)

    def _drop(self, source: Source, message: JSONDict) -> None:
        """Remove the message a response URL answers to."""
        if source.ephemeral:
            self.ephemerals.remove(message)
        else:
            self.messages.get(source.channel or "", []).remove(message)

    # ------------------------------------------------------------------ recording

    def _event(self, kind: str, **fields: Any) -> None:
        """Record something a terminal shows, stamped with the simulated time."""
        self.events.append(Event(kind, self.now(), **fields))

    def _violate(self, method: str, why: str) -> None:
        """Record a breach of Slack's contract."""
        self.violations.append(f"{method}: {why}")

    def _refuse(self, method: str, error: str, why: str, *, breach: bool = True) -> JSONDict:
        """Answer ok:false, recording a violation when the caller broke the contract."""
        if breach:
            self._violate(method, f"{error}: {why}")
        return {"ok": False, "error": error}

    def _message_problem(
        self, args: JSONDict, *, require_content: bool = True
    ) -> tuple[str, str] | None:
        """Return (error, why) when Slack refuses a message: all its rules in strict mode."""
        if self.strict:
            return message_problem(args, require_content=require_content)
        content = any(args.get(key) for key in ("text", "blocks", "attachments", "markdown_text"))
        if require_content and not content:
            return "no_text", "no text, blocks or attachments"
        return None

    # ------------------------------------------------------------------ ids

    def _next_ts(self) -> str:
        """Return a unique, increasing message ts at the simulated time."""
        micros = max(int(self.now().timestamp() * 1_000_000), self._last_ts_micros + 100)
        self._last_ts_micros = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _next_id(self) -> int:
        """Return a number not handed out before (for view, file, block and URL ids)."""
        self._issued_ids += 1
        return self._issued_ids

    def _short_id(self) -> str:
        """Return a short id like the block ids Slack generates."""
        number, out = self._next_id() * 7919, ""
        for _ in range(5):
            number, digit = divmod(number, len(_ID_ALPHABET))
            out += _ID_ALPHABET[digit]
        return out

    def _with_ids(self, blocks: Any) -> Any:
        """Copy blocks, giving blocks and elements without ids the ids Slack would generate."""
        blocks = copy.deepcopy(blocks)
        if not isinstance(blocks, list):
            return blocks
        for block in blocks:
            if not isinstance(block, dict):
                continue
            block.setdefault("block_id", self._short_id())
            elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
            elements += [block[key] for key in ("accessory", "element") if key in block]
            for element in elements:
                if isinstance(element, dict) and element.get("type") not in ("image", None):
                    element.setdefault("action_id", self._short_id())
        return blocks

    def _channel(self, channel: Any) -> str:
        """Map a user id used as a channel to that user's DM channel."""
        name = str(channel or "")
        return dm_channel(name) if name[:1] in ("U", "W") else name

    def _find(self, channel: str, ts: Any) -> JSONDict | None:
        """Find a message by channel and ts."""
        return next((m for m in self.messages.get(channel, []) if m.get("ts") == ts), None)

    # ----------------------------------------------------------------- methods: chat

    def _auth_test(self, args: JSONDict) -> JSONDict:
        """Answer auth.test for the bot token."""
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "Samverkan",
            "user": "samverkansbot",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _bot_message(self, args: JSONDict, ts: str) -> JSONDict:
        """Build the message Slack stores for a bot post."""
        message: JSONDict = {
            "type": "message",
            "text": args.get("text") or "",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
        }
        if args.get("blocks") is not None:
            message["blocks"] = self._with_ids(args["blocks"])
        for key in ("attachments", "metadata"):
            if args.get(key) is not None:
                message[key] = copy.deepcopy(args[key])
        if args.get("thread_ts"):
            message["thread_ts"] = str(args["thread_ts"])
            if truthy(args.get("reply_broadcast")):
                message["subtype"] = "thread_broadcast"
        return message

    def _chat_post_message(self, args: JSONDict) -> JSONDict:
        """Post a message and store it in its channel."""
        problem = self._message_problem(args)
        if problem is not None:
            return self._refuse("chat.postMessage", *problem)
        channel = self._channel(args["channel"])
        if not channel:
            return self._refuse("chat.postMessage", "channel_not_found", "empty channel")
        thread_ts = args.get("thread_ts")
        if thread_ts and self._find(channel, str(thread_ts)) is None:
            self._violate("chat.postMessage", f"thread_ts {thread_ts} is no message in {channel}")
        message = self._bot_message(args, self._next_ts())
        self.messages.setdefault(channel, []).append(message)
        self._event("post", channel=channel, ts=message["ts"], message=copy.deepcopy(message))
        return {
            "ok": True,
            "channel": channel,
            "ts": message["ts"],
            "message": copy.deepcopy(message),
        }

    def _chat_update(self, args: JSONDict) -> JSONDict:
        """Replace the text, blocks, attachments or metadata of a stored message."""
        problem = self._message_problem(args, require_content=False)
        if problem is not None:
            return self._refuse("chat.update", *problem)
        channel = self._channel(args["channel"])
        message = self._find(channel, args["ts"])
        if message is None:
            return self._refuse(
                "chat.update", "message_not_found", f"no ts {args['ts']} in {channel}"
            )
        if message.get("bot_id") != self.bot_id:
            return self._refuse(
                "chat.update", "cant_update_message", "the message is not the bot's"
            )
        if "text" in args:
            message["text"] = args["text"] or ""
        if "blocks" in args:
            message["blocks"] = self._with_ids(args["blocks"] or [])
        for key in ("attachments", "metadata"):
            if key in args:
                message[key] = copy.deepcopy(args[key])
        message["edited"] = {"user": self.bot_user_id, "ts": self._next_ts()}
        self._event("update", channel=channel, ts=message["ts"], message=copy.deepcopy(message))
        return {
            "ok": True,
            "channel": channel,
            "ts": message["ts"],
            "text": message["text"],
            "message": copy.deepcopy(message),
        }

    def _chat_delete(self, args: JSONDict) -> JSONDict:
        """Delete a stored message."""
        channel = self._channel(args["channel"])
        message = self._find(channel, args["ts"])
        if message is None:
            return self._refuse(
                "chat.delete", "message_not_found", f"no ts {args['ts']} in {channel}"
            )
        self.messages[channel].remove(message)
        self._event("delete", channel=channel, ts=message["ts"], message=message)
        return {"ok": True, "channel": channel, "ts": message["ts"]}

    def _chat_post_ephemeral(self, args: JSONDict) -> JSONDict:
        """Show a message to one member of a channel; it is kept apart from the channel's."""
        problem = self._message_problem(args)
        if problem is not None:
            return self._refuse("chat.postEphemeral", *problem)
        channel, user = self._channel(args["channel"]), str(args["user"])
        if user not in self._members(channel):
            return {"ok": False, "error": "user_not_in_channel"}
        message = self._bot_message(args, self._next_ts())
        message |= {"channel": channel, "ephemeral_user": user}
        self.ephemerals.append(message)
        self._event(
            "ephemeral",
            channel=channel,
            user=user,
            ts=message["ts"],
            message=copy.deepcopy(message),
        )
        return {"ok": True, "message_ts": message["ts"]}

    def _chat_get_permalink(self, args: JSONDict) -> JSONDict:
        """Return a permalink to a stored message."""
        channel = self._channel(args["channel"])
        ts = str(args["message_ts"])
        if self._find(channel, ts) is None:
            return self._refuse(
                "chat.getPermalink", "message_not_found", f"no ts {ts} in {channel}"
            )
        link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    # --------------------------------------------------------- methods: conversations

    def _conversations_open(self, args: JSONDict) -> JSONDict:
        """Open a DM (one user) or group DM (several users)."""
        if args.get("channel"):
            return {"ok": True, "channel": {"id": str(args["channel"])}}
        users = [u.strip() for u in str(args.get("users") or "").split(",") if u.strip()]
        if not users:
            return self._refuse(
                "conversations.open", "users_list_not_supplied", "no users or channel"
            )
        if len(users) == 1:
            channel: JSONDict = {"id": self._channel(users[0])}
        else:
            channel = {"id": "G" + "".join(sorted(u[-3:] for u in users))[:10]}
        if truthy(args.get("return_im")):
            channel |= {"is_im": len(users) == 1, "user": users[0], "is_open": True}
        return {"ok": True, "channel": channel}

    def _page(
        self, method: str, items: list[Any], args: JSONDict, default_limit: int
    ) -> tuple[list[Any], str] | None:
        """Cut one page out of a list using limit and cursor, returning the next cursor."""
        try:
            limit = int(args.get("limit") or default_limit)
            start = int(args.get("cursor") or 0)
        except ValueError:
            self._violate(
                method, f"bad limit or cursor: {args.get('limit')!r}, {args.get('cursor')!r}"
            )
            return None
        limit = min(max(limit, 1), 999)
        page = items[start : start + limit]
        return page, (str(start + limit) if start + limit < len(items) else "")

    def _messages_page(
        self, method: str, messages: list[JSONDict], args: JSONDict, default_limit: int
    ) -> JSONDict:
        """Answer one page of messages as history does (metadata only when asked for)."""
        page = self._page(method, messages, args, default_limit)
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        shown = copy.deepcopy(page[0])
        if not truthy(args.get("include_all_metadata")):
            for message in shown:
                message.pop("metadata", None)
        return {
            "ok": True,
            "messages": shown,
            "has_more": bool(page[1]),
            "response_metadata": {"next_cursor": page[1]},
        }

    def _conversations_history(self, args: JSONDict) -> JSONDict:
        """Return a channel's top-level messages newest first."""
        method = "conversations.history"
        oldest = _decimal_ts(args.get("oldest") or 0)
        latest = _decimal_ts(args["latest"]) if args.get("latest") else None
        if oldest is None or (args.get("latest") and latest is None):
            return self._refuse(method, "invalid_ts_oldest", "oldest/latest are not timestamps")
        inclusive = truthy(args.get("inclusive"))
        found = []
        for message in reversed(self.messages.get(self._channel(args["channel"]), [])):
            ts = Decimal(message["ts"])
            thread_ts = message.get("thread_ts")
            if (
                thread_ts not in (None, message["ts"])
                and message.get("subtype") != "thread_broadcast"
            ):
                continue
            after_oldest = ts > oldest or (inclusive and ts == oldest)
            before_latest = latest is None or ts < latest or (inclusive and ts == latest)
            if after_oldest and before_latest:
                found.append(message)
        return self._messages_page(method, found, args, 100) | {"pin_count": 0}

    def _conversations_replies(self, args: JSONDict) -> JSONDict:
        """Return a thread: its parent and replies, oldest first."""
        channel, ts = self._channel(args["channel"]), str(args["ts"])
        if self._find(channel, ts) is None:
            return self._refuse(
                "conversations.replies", "thread_not_found", f"no ts {ts} in {channel}"
            )
        thread = [m for m in self.messages[channel] if m["ts"] == ts or m.get("thread_ts") == ts]
        return self._messages_page("conversations.replies", thread, args, 1000)

    def _conversations_info(self, args: JSONDict) -> JSONDict:
        """Describe a channel (known ones by name; others generically)."""
        channel = self._channel(args["channel"])
        known = self.channels.get(channel, {})
        is_im = channel.startswith("D")
        info: JSONDict = {
            "id": channel,
            "name": known.get("name", channel.lower()),
            "is_channel": channel.startswith("C"),
            "is_group": channel.startswith("G"),
            "is_im": is_im,
            "is_mpim": False,
            "is_private": bool(known.get("private")) or not channel.startswith("C"),
            "is_archived": False,
            "is_member": True,
            "created": 1_700_000_000,
        }
        if is_im:
            info["user"] = user_of_dm(channel)
        if truthy(args.get("include_num_members")):
            info["num_members"] = len(self._members(channel))
        return {"ok": True, "channel": info}

    def _members(self, channel: str) -> list[str]:
        """Return a channel's members: the known list, else every user plus the bot."""
        known = self.channels.get(channel, {}).get("members")
        if known is not None:
            return list(known)
        return [*self.users, self.bot_user_id]

    def _conversations_members(self, args: JSONDict) -> JSONDict:
        """List a channel's members."""
        page = self._page(
            "conversations.members", self._members(self._channel(args["channel"])), args, 100
        )
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        return {"ok": True, "members": page[0], "response_metadata": {"next_cursor": page[1]}}

    # ----------------------------------------------------------------- methods: users

    def _user_object(self, person: Person, *, include_locale: bool = False) -> JSONDict:
        """Describe a person as users.info does, with the e-mail the bot maps to a partner."""
        try:
            now = self.now().astimezone(ZoneInfo(person.tz))
        except ZoneInfoNotFoundError:
            now = self.now().astimezone(UTC)
        offset = now.utcoffset()
        user: JSONDict = {
            "id": person.id,
            "team_id": self.team_id,
            "name": person.email.split("@", 1)[0] if person.email else person.id.lower(),
            "deleted": False,
            "real_name": person.name,
            "tz": person.tz,
            "tz_label": now.tzname() or person.tz,
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "is_admin": False,
            "is_owner": False,
            "is_bot": False,
            "is_app_user": False,
            "profile": {
                "email": person.email,
                "real_name": person.name,
                "real_name_normalized": person.name,
                "display_name": person.display_name,
                "display_name_normalized": person.display_name,
                "team": self.team_id,
            },
        }
        if include_locale:
            user["locale"] = person.locale
        return user

    def _users_info(self, args: JSONDict) -> JSONDict:
        """Describe a known user, or the bot."""
        user_id = str(args["user"])
        if user_id == self.bot_user_id:
            bot: JSONDict = {"id": user_id, "team_id": self.team_id, "name": "samverkansbot"}
            bot |= {"deleted": False, "real_name": "Samverkansbot", "is_bot": True}
            return {"ok": True, "user": bot | {"profile": {"bot_id": self.bot_id}}}
        person = self.users.get(user_id)
        if person is None:
            return {"ok": False, "error": "user_not_found"}
        locale = truthy(args.get("include_locale"))
        return {"ok": True, "user": self._user_object(person, include_locale=locale)}

    def _users_lookup_by_email(self, args: JSONDict) -> JSONDict:
        """Find a known user by e-mail address (case does not matter)."""
        wanted = str(args["email"]).casefold()
        for person in self.users.values():
            if person.email and person.email.casefold() == wanted:
                return {"ok": True, "user": self._user_object(person)}
        return {"ok": False, "error": "users_not_found"}

    def _users_list(self, args: JSONDict) -> JSONDict:
        """List the known users."""
        locale = truthy(args.get("include_locale"))
        everyone = [self._user_object(p, include_locale=locale) for p in self.users.values()]
        page = self._page("users.list", everyone, args, 100)
        if page is None:
            return {"ok": False, "error": "invalid_cursor"}
        return {"ok": True, "members": page[0], "response_metadata": {"next_cursor": page[1]}}

    # ----------------------------------------------------------------- methods: views

    def _exchange_trigger(self, method: str, args: JSONDict) -> JSONDict | None:
        """Use up a trigger_id or interactivity_pointer; return a refusal if it cannot be."""
        trigger = args.get("trigger_id") or args.get("interactivity_pointer")
        if not trigger:
            return self._refuse(
                method, "invalid_arguments", "needs trigger_id or interactivity_pointer"
            )
        trigger = str(trigger)
        if trigger in self._used_triggers:
            return self._refuse(method, "exchanged_trigger_id", f"trigger_id {trigger} used twice")
        self._used_triggers.add(trigger)
        issued = _TRIGGER_ISSUED_MS.match(trigger)
        if issued and self.trigger_ttl is not None:
            age = time.time() - int(issued.group(1)) / 1000
            if self.trigger_ttl < age < 86_400:
                why = f"trigger_id used {age:.1f}s after issue; Slack allows {self.trigger_ttl}s"
                return self._refuse(method, "expired_trigger_id", why)
        return None

    def _store_view(self, view: Any, *, view_id: str | None = None) -> JSONDict:
        """Store a view as Slack returns it (id, hash, state and defaults) and return a copy."""
        if not isinstance(view, dict):
            view = {}
        previous = self.views.get(view_id) if view_id else None
        number = self._next_id()
        view_id = view_id or f"VS{number:07d}"
        stored: JSONDict = {
            "id": view_id,
            "team_id": self.team_id,
            "type": view.get("type"),
            "title": None,
            "close": None,
            "submit": None,
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "state": {"values": {}},
            "clear_on_close": False,
            "notify_on_close": False,
            "previous_view_id": previous["previous_view_id"] if previous else None,
            "root_view_id": previous["root_view_id"] if previous else view_id,
            "app_id": self.app_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        stored.update(copy.deepcopy(view))
        stored["id"] = view_id
        stored["blocks"] = self._with_ids(stored.get("blocks") or [])
        stored["hash"] = f"{int(self.now().timestamp())}.{number:08x}"
        self.views[view_id] = stored
        return copy.deepcopy(stored)

    def _push(self, view: Any) -> JSONDict:
        """Store a modal on top of the open ones and return it."""
        below = self.modal_stack[-1] if self.modal_stack else None
        stored = self._store_view(view)
        if below is not None:
            stored["previous_view_id"] = self.views[stored["id"]]["previous_view_id"] = below
        self.modal_stack.append(stored["id"])
        return stored

    def _open_or_push(self, method: str, args: JSONDict) -> JSONDict:
        """Open (replacing any open modal) or push a modal, using up the trigger."""
        if self.strict:
            problems = view_problems(args["view"], "modal")
            if problems:
                return self._refuse(method, "invalid_arguments", "; ".join(problems))
        refusal = self._exchange_trigger(method, args)
        if refusal is not None:
            return refusal
        external_id = args["view"].get("external_id")
        if external_id and any(v.get("external_id") == external_id for v in self.views.values()):
            return self._refuse(
                method, "duplicate_external_id", f"external_id {external_id} in use"
            )
        if method == "views.open":
            self.modal_stack.clear()
        return {"ok": True, "view": self._push(args["view"])}

    def _views_open(self, args: JSONDict) -> JSONDict:
        """Open a modal."""
        return self._open_or_push("views.open", args)

    def _views_push(self, args: JSONDict) -> JSONDict:
        """Push a modal onto the stack."""
        return self._open_or_push("views.push", args)

    def _views_update(self, args: JSONDict) -> JSONDict:
        """Update an open modal by view_id or external_id."""
        method = "views.update"
        if self.strict:
            problems = view_problems(args["view"], "modal")
            if problems:
                return self._refuse(method, "invalid_arguments", "; ".join(problems))
        view_id, external_id = args.get("view_id"), args.get("external_id")
        if not view_id and not external_id:
            return self._refuse(method, "invalid_arguments", "needs view_id or external_id")
        stored = (
            self.views.get(str(view_id))
            if view_id
            else next((v for v in self.views.values() if v.get("external_id") == external_id), None)
        )
        if stored is None:
            return self._refuse(method, "not_found", f"no view {view_id or external_id}")
        if args.get("hash") and args["hash"] != stored["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": self._store_view(args["view"], view_id=stored["id"])}

    def _views_publish(self, args: JSONDict) -> JSONDict:
        """Publish a user's Home tab."""
        if self.strict:
            problems = view_problems(args["view"], "home")
            if problems:
                return self._refuse("views.publish", "invalid_arguments", "; ".join(problems))
        user_id = str(args["user_id"])
        current = self.home_views.get(user_id)
        if args.get("hash") and current is not None and args["hash"] != current["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        view = self._store_view(args["view"], view_id=current["id"] if current else None)
        self.home_views[user_id] = view
        self._event("home", user=user_id, message=copy.deepcopy(view))
        return {"ok": True, "view": view}

    # ----------------------------------------------------------------- methods: files

    def _file_object(self, info: JSONDict) -> JSONDict:
        """Describe an uploaded file as Slack does."""
        return {
            "id": info["id"],
            "created": int(self.now().timestamp()),
            "name": info["name"],
            "title": info["title"],
            "user": self.bot_user_id,
            "size": info["size"],
            "mode": "hosted",
            "url_private": f"{self.base_url}/files/{info['id']}/{info['name']}",
            "permalink": f"https://{TEAM_DOMAIN}.slack.com/files/{self.bot_user_id}/{info['id']}",
            "channels": list(info.get("channels", [])),
        }

    def _save(self, name: str, data: bytes) -> Path | None:
        """Save a shared file in files_dir under a name not used yet; None without files_dir."""
        if self.files_dir is None:
            return None
        self.files_dir.mkdir(parents=True, exist_ok=True)
        stem, dot, suffix = name.rpartition(".")
        path = self.files_dir / name
        for number in itertools.count(2):
            if not path.exists():
                break
            path = self.files_dir / (f"{stem}-{number}.{suffix}" if dot else f"{name}-{number}")
        path.write_bytes(data)
        return path

    def _share(self, args: JSONDict, infos: list[JSONDict]) -> list[JSONDict]:
        """Post the message that shares uploaded files in each channel given; save the files."""
        channels = [c for c in str(args.get("channels") or "").split(",") if c]
        if args.get("channel_id"):
            channels.insert(0, str(args["channel_id"]))
        channels = [self._channel(c) for c in channels]
        for info in infos:
            info["channels"] = channels
        files = [self._file_object(info) for info in infos]
        paths = [self._save(info["name"], self.uploads.get(info["id"], b"")) for info in infos]
        shared: list[str | None] = [*channels] or [None]
        post = {"text": args.get("initial_comment"), "thread_ts": args.get("thread_ts")}
        for channel in shared:
            message = self._bot_message(post, self._next_ts())
            message |= {"files": copy.deepcopy(files), "upload": True}
            if channel is not None:
                self.messages.setdefault(channel, []).append(message)
            for path in paths:
                shown = copy.deepcopy(message)
                self._event("file", channel=channel, ts=message["ts"], message=shown, path=path)
        return files

    def _files_get_upload_url(self, args: JSONDict) -> JSONDict:
        """Announce an upload and hand out a loopback upload URL."""
        try:
            length = int(args["length"])
        except ValueError:
            length = 0
        if length < 1:
            return self._refuse(
                "files.getUploadURLExternal", "invalid_arguments", "length must be >= 1"
            )
        file_id = f"FS{self._next_id():07d}"
        name = Path(str(args["filename"])).name or "file"
        self._files[file_id] = {"id": file_id, "name": name, "title": name, "size": length}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def take_upload(self, file_id: str, body: bytes) -> bool:
        """Keep the bytes posted to an upload URL; False when no such upload was announced."""
        info = self._files.get(file_id)
        if info is None:
            self._violate("upload", f"upload to unknown file id {file_id}")
            return False
        if len(body) != info["size"]:
            self._violate("upload", f"{file_id}: {len(body)} bytes sent, {info['size']} announced")
        self.uploads[file_id] = body
        info["uploaded"] = True
        return True

    def _files_complete_upload(self, args: JSONDict) -> JSONDict:
        """Finish uploads and share them in the channel given, if any."""
        method = "files.completeUploadExternal"
        items = args["files"]
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and i.get("id") for i in items
        ):
            return self._refuse(method, "invalid_arguments", "files must be a list of {id, title}")
        done = []
        for item in items:
            info = self._files.get(str(item["id"]))
            if info is None or not info.get("uploaded"):
                return self._refuse(method, "file_not_found", f"{item['id']} was never uploaded")
            if item.get("title"):
                info["title"] = str(item["title"])
            done.append(info)
        return {"ok": True, "files": self._share(args, done)}

    def _files_upload(self, args: JSONDict) -> JSONDict:
        """Accept the legacy files.upload in one call (strict mode notes it is deprecated)."""
        content = args.get("file", args.get("content"))
        data = content if isinstance(content, bytes) else str(content or "").encode()
        if not data:
            return self._refuse("files.upload", "no_file_data", "neither file nor content")
        file_id = f"FS{self._next_id():07d}"
        name = Path(str(args.get("filename") or "file")).name or "file"
        title = str(args.get("title") or name)
        info = {"id": file_id, "name": name, "title": title, "size": len(data), "uploaded": True}
        self._files[file_id] = info
        self.uploads[file_id] = data
        return {"ok": True, "file": self._share(args, [info])[0]}
