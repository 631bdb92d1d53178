"""The Slack side of the shell, simulated in process: a tiny Web API on 127.0.0.1 and payloads.

The bot talks to it exactly as it talks to Slack (through its WebClient, its response URLs
and its file uploads); what the bot sends is kept as state (channels, views, the Home tab)
and recorded as events for the terminal to show.
"""

from __future__ import annotations

import copy
import email.policy
import hashlib
import itertools
import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]

TEAM_ID = "T0SHELL01"
TEAM_DOMAIN = "samverkan"
APP_ID = "A0SHELL01"
BOT_USER_ID = "UBOTSHELL"
BOT_ID = "BBOTSHELL"
# Arguments slack-sdk may send as JSON strings in form bodies.
_JSON_ARGS = frozenset({"blocks", "attachments", "metadata", "view", "files", "user_ids"})
# Element type -> (key in state.values, value when unanswered).
STATE_SHAPES: dict[str, tuple[str, Any]] = {
    "plain_text_input": ("value", None),
    "number_input": ("value", None),
    "email_text_input": ("value", None),
    "url_text_input": ("value", None),
    "rich_text_input": ("rich_text_value", None),
    "static_select": ("selected_option", None),
    "external_select": ("selected_option", None),
    "radio_buttons": ("selected_option", None),
    "multi_static_select": ("selected_options", []),
    "multi_external_select": ("selected_options", []),
    "checkboxes": ("selected_options", []),
    "datepicker": ("selected_date", None),
    "timepicker": ("selected_time", None),
    "datetimepicker": ("selected_date_time", None),
    "users_select": ("selected_user", None),
    "multi_users_select": ("selected_users", []),
    "conversations_select": ("selected_conversation", None),
    "multi_conversations_select": ("selected_conversations", []),
    "channels_select": ("selected_channel", None),
    "multi_channels_select": ("selected_channels", []),
    "file_input": ("files", []),
}


@dataclass(frozen=True)
class Person:
    """Someone in the simulated workspace."""

    id: str
    name: str
    email: str = ""


@dataclass
class Event:
    """Something the bot did in Slack that the terminal shows.

    kind is post, update, delete, ephemeral, response, home, file or note.
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
    """Where a response URL answers to: a message, or a command (no message)."""

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


class SimulatedSlack:
    """Slack's Web API, response URLs and file uploads, for one bot, in this process."""

    def __init__(self, people: list[Person], files_dir: Path, now: Callable[[], datetime]) -> None:
        """Know people, save shared files in files_dir, stamp events with now()."""
        self.people: dict[str, Person] = {p.id: p for p in people}
        self.files_dir = files_dir
        self.now = now
        self.messages: dict[str, list[JSONDict]] = {}
        self.ephemerals: list[JSONDict] = []
        self.views: dict[str, JSONDict] = {}
        self.modal_stack: list[str] = []
        self.home: dict[str, JSONDict] = {}
        self.events: list[Event] = []
        self.unknown_methods: set[str] = set()
        self._sources: dict[str, Source] = {}
        self._uploads: dict[str, JSONDict] = {}
        self._ids = itertools.count(1)
        self._ts = itertools.count(1)
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._handlers: dict[str, Callable[[JSONDict], JSONDict]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.delete": self._delete,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.getPermalink": self._permalink,
            "conversations.open": self._conversations_open,
            "conversations.history": self._history,
            "conversations.info": self._conversations_info,
            "conversations.members": self._members,
            "users.info": self._users_info,
            "users.lookupByEmail": self._lookup_by_email,
            "users.list": self._users_list,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "files.upload": self._files_upload,
        }

    # ------------------------------------------------------------------ serving

    def start(self) -> SimulatedSlack:
        """Serve on an ephemeral loopback port in a daemon thread."""
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.slack = self  # type: ignore[attr-defined]
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True, name="shell-slack").start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def base_url(self) -> str:
        """Return http://127.0.0.1:PORT."""
        if self._server is None:
            raise RuntimeError("the simulated Slack is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """Return the Web API base URL for the bot's WebClient."""
        return self.base_url + "/api/"

    def response_url(self, source: Source) -> str:
        """Return a fresh response URL that answers to source."""
        with self._lock:
            name = f"R{next(self._ids):06d}"
            self._sources[name] = source
        return f"{self.base_url}/response/{name}"

    def take_events(self) -> list[Event]:
        """Return and forget the events recorded so far."""
        with self._lock:
            events, self.events = self.events, []
        return events

    def add_person(self, person: Person) -> None:
        """Add someone to the workspace."""
        with self._lock:
            self.people[person.id] = person

    def find_message(self, channel: str, ts: str) -> JSONDict | None:
        """Return the message with ts in channel (or among ephemeral messages)."""
        with self._lock:
            for message in [*self.messages.get(channel, []), *self.ephemerals]:
                if message.get("ts") == ts and message.get("channel", channel) == channel:
                    return message
        return None

    def close_modals(self) -> None:
        """Close every open modal, as the person pressing Cancel does."""
        with self._lock:
            self.modal_stack.clear()

    def pop_view(self) -> None:
        """Close the top modal (the one below, if any, shows again)."""
        with self._lock:
            if self.modal_stack:
                self.modal_stack.pop()

    def push_view(self, view: JSONDict) -> JSONDict:
        """Push a modal, as an answer with response_action push does."""
        with self._lock:
            return self._views_push({"view": view})["view"]  # type: ignore[no-any-return]

    def replace_view(self, view_id: str, view: JSONDict) -> JSONDict:
        """Replace an open modal, as an answer with response_action update does."""
        with self._lock:
            return self._store_view(view, view_id=view_id)

    def add_ephemeral(self, channel: str, user: str, message: JSONDict) -> None:
        """Show a message privately, as Slack shows a command's immediate answer."""
        with self._lock:
            self._post_ephemeral({**message, "channel": channel, "user": user})

    # ------------------------------------------------------------------- HTTP

    def handle(self, verb: str, target: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Answer one HTTP request from the bot."""
        path = urlsplit(target).path
        if path.startswith("/api/"):
            args = _parse_args(urlsplit(target).query, headers, body)
            method = path.removeprefix("/api/")
            with self._lock:
                handler = self._handlers.get(method)
                if handler is None:
                    if method not in self.unknown_methods:
                        log.info("the shell does not simulate %s; answering ok", method)
                    self.unknown_methods.add(method)
                    return _Reply.json({"ok": True})
                return _Reply.json(handler(args))
        if path.startswith("/response/") and verb == "POST":
            return self._respond(path.removeprefix("/response/"), body)
        if path.startswith("/upload/") and verb == "POST":
            return self._upload(path.removeprefix("/upload/"), body)
        return _Reply.json({"ok": False, "error": "not_found"}, 404)

    # -------------------------------------------------------------- internals

    def _event(self, kind: str, **fields: Any) -> None:
        """Record something the terminal shows, stamped with the simulated time."""
        self.events.append(Event(kind, self.now(), **fields))

    def _next_ts(self) -> str:
        """Return a unique message ts at the simulated time."""
        return f"{int(self.now().timestamp())}.{next(self._ts):06d}"

    def _channel(self, channel: Any) -> str:
        """Map a user id used as a channel to that user's direct-message channel."""
        name = str(channel or "")
        return dm_channel(name) if name[:1] in ("U", "W") else name

    def _find(self, channel: str, ts: Any) -> JSONDict | None:
        """Find a message by channel and ts."""
        return next((m for m in self.messages.get(channel, []) if m.get("ts") == str(ts)), None)

    def _with_ids(self, blocks: Any) -> Any:
        """Give blocks and elements without ids the ids Slack would generate."""
        blocks = copy.deepcopy(blocks)
        if not isinstance(blocks, list):
            return []
        for block in blocks:
            if not isinstance(block, dict):
                continue
            block.setdefault("block_id", f"b{next(self._ids)}")
            elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
            elements += [block[key] for key in ("accessory", "element") if key in block]
            for element in elements:
                if isinstance(element, dict) and element.get("type") not in ("image", None):
                    element.setdefault("action_id", f"a{next(self._ids)}")
        return blocks

    def _message(self, args: JSONDict, ts: str) -> JSONDict:
        """Build the message Slack stores for a bot post."""
        message: JSONDict = {
            "type": "message",
            "text": args.get("text") or "",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": ts,
            "blocks": self._with_ids(args.get("blocks") or []),
        }
        for key in ("attachments", "metadata", "thread_ts"):
            if args.get(key) is not None:
                message[key] = copy.deepcopy(args[key])
        return message

    def _auth_test(self, args: JSONDict) -> JSONDict:
        """Answer auth.test for the bot token."""
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "Samverkan",
            "user": "samverkansbot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _post_message(self, args: JSONDict) -> JSONDict:
        """Post a message in a channel or a direct message."""
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        channel = self._channel(args["channel"])
        message = self._message(args, self._next_ts())
        self.messages.setdefault(channel, []).append(message)
        self._event("post", channel=channel, ts=message["ts"], message=copy.deepcopy(message))
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    def _update(self, args: JSONDict) -> JSONDict:
        """Change a posted message."""
        channel = self._channel(args.get("channel"))
        message = self._find(channel, args.get("ts"))
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        if "text" in args:
            message["text"] = args["text"] or ""
        if "blocks" in args:
            message["blocks"] = self._with_ids(args["blocks"] or [])
        if "metadata" in args:
            message["metadata"] = copy.deepcopy(args["metadata"])
        self._event("update", channel=channel, ts=message["ts"], message=copy.deepcopy(message))
        return {"ok": True, "channel": channel, "ts": message["ts"], "text": message["text"]}

    def _delete(self, args: JSONDict) -> JSONDict:
        """Remove a posted message."""
        channel = self._channel(args.get("channel"))
        message = self._find(channel, args.get("ts"))
        if message is None:
            return {"ok": False, "error": "message_not_found"}
        self.messages[channel].remove(message)
        self._event("delete", channel=channel, ts=message["ts"], message=message)
        return {"ok": True, "channel": channel, "ts": message["ts"]}

    def _post_ephemeral(self, args: JSONDict) -> JSONDict:
        """Show a message to one person only."""
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        channel, user = self._channel(args.get("channel")), str(args.get("user") or "")
        if user not in self.people:
            return {"ok": False, "error": "user_not_in_channel"}
        message = self._message(args, self._next_ts())
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

    def _permalink(self, args: JSONDict) -> JSONDict:
        """Return a permalink to a message."""
        channel = self._channel(args.get("channel"))
        ts = str(args.get("message_ts") or "")
        link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _conversations_open(self, args: JSONDict) -> JSONDict:
        """Open a direct message with a user."""
        users = [u.strip() for u in str(args.get("users") or "").split(",") if u.strip()]
        if args.get("channel"):
            return {"ok": True, "channel": {"id": str(args["channel"])}}
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        return {"ok": True, "channel": {"id": dm_channel(users[0])}}

    def _history(self, args: JSONDict) -> JSONDict:
        """Return a channel's messages, newest first."""
        channel = self._channel(args.get("channel"))
        oldest = float(args.get("oldest") or 0)
        found = [
            copy.deepcopy(m)
            for m in reversed(self.messages.get(channel, []))
            if float(m["ts"].split(".")[0]) >= oldest - 1
        ]
        return {"ok": True, "messages": found, "has_more": False}

    def _conversations_info(self, args: JSONDict) -> JSONDict:
        """Describe a channel."""
        channel = self._channel(args.get("channel"))
        info: JSONDict = {
            "id": channel,
            "name": channel.lower(),
            "is_channel": channel.startswith("C"),
            "is_im": channel.startswith("D"),
            "is_private": not channel.startswith("C"),
            "is_archived": False,
            "is_member": True,
        }
        return {"ok": True, "channel": info}

    def _members(self, args: JSONDict) -> JSONDict:
        """List a channel's members: everyone in the workspace and the bot."""
        return {
            "ok": True,
            "members": [*self.people, BOT_USER_ID],
            "response_metadata": {"next_cursor": ""},
        }

    def _user(self, person: Person) -> JSONDict:
        """Describe a person as users.info does, with the e-mail the bot maps to an organisation."""
        return {
            "id": person.id,
            "team_id": TEAM_ID,
            "name": person.email.split("@")[0] if person.email else person.id.lower(),
            "real_name": person.name,
            "deleted": False,
            "is_bot": False,
            "tz": "Europe/Stockholm",
            "profile": {
                "real_name": person.name,
                "display_name": person.name,
                "email": person.email,
            },
        }

    def _users_info(self, args: JSONDict) -> JSONDict:
        """Describe a person."""
        person = self.people.get(str(args.get("user")))
        if person is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": self._user(person)}

    def _lookup_by_email(self, args: JSONDict) -> JSONDict:
        """Find a person by e-mail address."""
        wanted = str(args.get("email") or "").casefold()
        for person in self.people.values():
            if person.email.casefold() == wanted:
                return {"ok": True, "user": self._user(person)}
        return {"ok": False, "error": "users_not_found"}

    def _users_list(self, args: JSONDict) -> JSONDict:
        """List the people in the workspace."""
        members = [self._user(p) for p in self.people.values()]
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}

    def _store_view(self, view: Any, view_id: str | None = None) -> JSONDict:
        """Store a view as Slack returns it (id, hash, state) and return a copy."""
        if not isinstance(view, dict):
            view = {}
        number = next(self._ids)
        view_id = view_id or f"V{number:08d}"
        previous = self.views.get(view_id)
        stored: JSONDict = {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": view.get("type", "modal"),
            "title": None,
            "submit": None,
            "close": None,
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "state": {"values": {}},
            "hash": f"{number:08x}",
            "clear_on_close": False,
            "notify_on_close": False,
            "previous_view_id": None,
            "root_view_id": previous["root_view_id"] if previous else view_id,
            "app_id": APP_ID,
            "bot_id": BOT_ID,
        }
        stored.update(copy.deepcopy(view))
        stored["blocks"] = self._with_ids(stored.get("blocks") or [])
        stored["id"] = view_id
        stored["hash"] = f"{number:08x}"
        self.views[view_id] = stored
        return copy.deepcopy(stored)

    def _views_open(self, args: JSONDict) -> JSONDict:
        """Open a modal (replacing any open one)."""
        if not args.get("trigger_id") and not args.get("interactivity_pointer"):
            return {"ok": False, "error": "invalid_arguments"}
        view = self._store_view(args.get("view"))
        self.modal_stack[:] = [view["id"]]
        return {"ok": True, "view": view}

    def _views_push(self, args: JSONDict) -> JSONDict:
        """Push a modal onto the open one."""
        view = self._store_view(args.get("view"))
        if self.modal_stack:
            view["previous_view_id"] = self.modal_stack[-1]
            self.views[view["id"]]["previous_view_id"] = self.modal_stack[-1]
        self.modal_stack.append(view["id"])
        return {"ok": True, "view": view}

    def _views_update(self, args: JSONDict) -> JSONDict:
        """Replace an open modal, by view id or external id."""
        view_id = args.get("view_id")
        external_id = args.get("external_id")
        stored = (
            self.views.get(str(view_id))
            if view_id
            else next((v for v in self.views.values() if v.get("external_id") == external_id), None)
        )
        if stored is None:
            return {"ok": False, "error": "not_found"}
        if args.get("hash") and args["hash"] != stored["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": self._store_view(args.get("view"), view_id=stored["id"])}

    def _views_publish(self, args: JSONDict) -> JSONDict:
        """Publish a person's Home tab."""
        user = str(args.get("user_id") or "")
        current = self.home.get(user)
        view = self._store_view(args.get("view"), view_id=current["id"] if current else None)
        self.home[user] = view
        self._event("home", user=user, message=copy.deepcopy(view))
        return {"ok": True, "view": view}

    def _get_upload_url(self, args: JSONDict) -> JSONDict:
        """Announce an upload and hand out a loopback upload URL."""
        file_id = f"F{next(self._ids):08d}"
        name = Path(str(args.get("filename") or "fil")).name or "fil"
        self._uploads[file_id] = {"id": file_id, "name": name, "title": name, "data": None}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def _upload(self, file_id: str, body: bytes) -> _Reply:
        """Take the bytes of an announced upload."""
        with self._lock:
            info = self._uploads.get(file_id)
            if info is None:
                return _Reply(404, b"file not found", "text/plain")
            info["data"] = body
        return _Reply(200, f"OK - {len(body)}".encode(), "text/plain")

    def _save(self, name: str, data: bytes) -> Path:
        """Save a shared file in the files folder under a name not used yet."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        stem, dot, suffix = name.rpartition(".")
        base = f"{stem}{dot}{suffix}" if dot else name
        path = self.files_dir / base
        for number in itertools.count(2):
            if not path.exists():
                break
            path = self.files_dir / (f"{stem}-{number}.{suffix}" if dot else f"{name}-{number}")
        path.write_bytes(data)
        return path

    def _share(self, args: JSONDict, infos: list[JSONDict]) -> list[JSONDict]:
        """Save uploaded files and post the messages that share them."""
        channels = [c for c in str(args.get("channels") or "").split(",") if c]
        if args.get("channel_id"):
            channels.insert(0, str(args["channel_id"]))
        channels = [self._channel(c) for c in channels] or [""]
        files = []
        for info in infos:
            path = self._save(info["name"], info["data"] or b"")
            file = {"id": info["id"], "name": info["name"], "title": info["title"]}
            files.append(file)
            for channel in channels:
                ts = self._next_ts()
                message = {
                    "type": "message",
                    "text": str(args.get("initial_comment") or ""),
                    "user": BOT_USER_ID,
                    "bot_id": BOT_ID,
                    "ts": ts,
                    "files": [file],
                }
                if channel:
                    self.messages.setdefault(channel, []).append(message)
                self._event(
                    "file",
                    channel=channel or None,
                    ts=ts,
                    message=copy.deepcopy(message),
                    path=path,
                )
        return files

    def _complete_upload(self, args: JSONDict) -> JSONDict:
        """Finish uploads and share the files."""
        items = args.get("files")
        if not isinstance(items, list):
            return {"ok": False, "error": "invalid_arguments"}
        infos = []
        for item in items:
            info = self._uploads.get(str(item.get("id")))
            if info is None or info["data"] is None:
                return {"ok": False, "error": "file_not_found"}
            if item.get("title"):
                info["title"] = str(item["title"])
            infos.append(info)
        return {"ok": True, "files": self._share(args, infos)}

    def _files_upload(self, args: JSONDict) -> JSONDict:
        """Take a file in one call (the older upload method) and share it."""
        content = args.get("file", args.get("content"))
        data = content if isinstance(content, bytes) else str(content or "").encode()
        name = Path(str(args.get("filename") or "fil")).name
        info = {
            "id": f"F{next(self._ids):08d}",
            "name": name,
            "title": str(args.get("title") or name),
            "data": data,
        }
        return {"ok": True, "file": self._share(args, [info])[0]}

    def _respond(self, name: str, body: bytes) -> _Reply:
        """Take a post to a response URL."""
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        with self._lock:
            source = self._sources.get(name)
            if source is None or not isinstance(payload, dict):
                return _Reply.json({"ok": False, "error": "invalid_payload"}, 404)
            self._answer(source, payload)
        return _Reply.json({"ok": True})

    def _answer(self, source: Source, payload: JSONDict) -> None:
        """Show a response_url post: a new private answer, or a change of the source message."""
        replace = _truthy(payload.get("replace_original")) and source.ts is not None
        if _truthy(payload.get("delete_original")) and source.ts is not None:
            target = self._source_message(source)
            if target is not None:
                self._drop(source, target)
                self._event("delete", channel=source.channel, ts=source.ts, message=target)
            return
        in_channel = payload.get("response_type") == "in_channel"
        if replace:
            target = self._source_message(source)
            if target is not None:
                target["text"] = payload.get("text") or ""
                target["blocks"] = self._with_ids(payload.get("blocks") or [])
                kind = "ephemeral" if source.ephemeral else "update"
                self._event(
                    kind,
                    channel=source.channel,
                    user=source.user,
                    ts=target["ts"],
                    message=copy.deepcopy(target),
                    replaced=True,
                )
                return
        message = self._message(payload, self._next_ts())
        channel = source.channel or dm_channel(source.user)
        if in_channel:
            self.messages.setdefault(channel, []).append(message)
            self._event("post", channel=channel, ts=message["ts"], message=copy.deepcopy(message))
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


@dataclass
class _Reply:
    """An HTTP answer."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"

    @classmethod
    def json(cls, payload: JSONDict, status: int = 200) -> _Reply:
        """Answer with a JSON body."""
        return cls(status, json.dumps(payload, ensure_ascii=False).encode())


class _Handler(BaseHTTPRequestHandler):
    """Hand each request to the SimulatedSlack that owns the server."""

    def do_GET(self) -> None:
        """Answer a GET."""
        self._answer("GET")

    def do_POST(self) -> None:
        """Answer a POST."""
        self._answer("POST")

    def _answer(self, verb: str) -> None:
        """Read the request, let the simulated Slack answer it, write the reply."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in self.headers.items()}
        slack: SimulatedSlack = self.server.slack  # type: ignore[attr-defined]
        reply = slack.handle(verb, self.path, headers, body)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Stay quiet."""


def _parse_args(query: str, headers: dict[str, str], body: bytes) -> JSONDict:
    """Merge query and body arguments (form, JSON or multipart); decode JSON-string arguments."""
    args: JSONDict = dict(parse_qsl(query, keep_blank_values=True))
    content_type = headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime == "application/json":
        decoded = json.loads(body or b"{}")
        if isinstance(decoded, dict):
            args.update(decoded)
    elif mime == "multipart/form-data":
        args.update(_multipart(content_type, body))
    elif body:
        args.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    for key in _JSON_ARGS & args.keys():
        if isinstance(args[key], str) and args[key]:
            try:
                args[key] = json.loads(args[key])
            except ValueError:
                args[key] = None
    return args


def _multipart(content_type: str, body: bytes) -> JSONDict:
    """Parse a multipart/form-data body into fields (str) and files (bytes)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: JSONDict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload if part.get_filename() else payload.decode("utf-8")
    return fields


def _truthy(value: Any) -> bool:
    """Tell whether a Slack flag (true, "true", "1") is set."""
    return value is True or str(value).lower() in {"true", "1"}


# ------------------------------------------------------------------ payloads to the app

_serial = itertools.count(1)


def trigger_id() -> str:
    """Return a fresh trigger id."""
    return f"{next(_serial)}.{TEAM_ID}.shell"


def _user(user_id: str) -> JSONDict:
    """Describe the acting user as interaction payloads do."""
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": TEAM_ID}


def _team() -> JSONDict:
    """Describe the workspace as interaction payloads do."""
    return {"id": TEAM_ID, "domain": TEAM_DOMAIN}


def _form(payload: JSONDict) -> str:
    """Encode an interaction payload as Slack does: payload=<json> in a form body."""
    return urlencode({"payload": json.dumps(payload, ensure_ascii=False)})


def slash_command(command: str, text: str, user_id: str, channel_id: str, response_url: str) -> str:
    """Return the form body Slack posts for a slash command."""
    return urlencode(
        {
            "token": "shell",
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": "directmessage" if channel_id.startswith("D") else channel_id.lower(),
            "user_id": user_id,
            "user_name": user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id(),
        }
    )


def block_actions(
    action: JSONDict,
    user_id: str,
    *,
    channel: str | None = None,
    message: JSONDict | None = None,
    ephemeral: bool = False,
    view: JSONDict | None = None,
    response_url: str | None = None,
) -> str:
    """Return the form body Slack posts when someone presses a button or picks in a menu."""
    payload: JSONDict = {
        "type": "block_actions",
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "token": "shell",
        "trigger_id": trigger_id(),
        "team": _team(),
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view["id"]}
        payload["view"] = view
        payload["state"] = view.get("state") or {"values": {}}
    elif channel is not None and message is not None:
        payload["container"] = {
            "type": "message",
            "message_ts": message["ts"],
            "channel_id": channel,
            "is_ephemeral": ephemeral,
        }
        if not ephemeral:
            payload["message"] = message
    if channel is not None:
        payload["channel"] = {"id": channel, "name": channel.lower()}
    if response_url is not None:
        payload["response_url"] = response_url
    return _form(payload)


def view_submission(view: JSONDict, values: JSONDict, user_id: str) -> str:
    """Return the form body Slack posts when someone submits a modal."""
    full = copy.deepcopy(view)
    full["state"] = {"values": values}
    payload = {
        "type": "view_submission",
        "team": _team(),
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "token": "shell",
        "trigger_id": trigger_id(),
        "view": full,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _form(payload)


def view_closed(view: JSONDict, user_id: str) -> str:
    """Return the form body Slack posts when someone closes a modal that asked to be told."""
    payload = {
        "type": "view_closed",
        "team": _team(),
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "token": "shell",
        "view": view,
        "is_cleared": False,
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return _form(payload)


def block_suggestion(
    view: JSONDict, block_id: str, action_id: str, value: str, user_id: str
) -> str:
    """Return the form body Slack posts to ask an external select for options."""
    payload = {
        "type": "block_suggestion",
        "user": _user(user_id),
        "team": _team(),
        "api_app_id": APP_ID,
        "token": "shell",
        "container": {"type": "view", "view_id": view["id"]},
        "view": view,
        "block_id": block_id,
        "action_id": action_id,
        "value": value,
    }
    return _form(payload)


_event_ids = itertools.count(1)


def home_opened(user_id: str) -> str:
    """Return the JSON body the Events API posts when someone opens the bot's Home tab."""
    number = next(_event_ids)
    event = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": dm_channel(user_id),
        "tab": "home",
        "event_ts": f"{number}.000000",
    }
    return json.dumps(
        {
            "token": "shell",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": f"EvSHELL{uuid.uuid4().hex[:16].upper()}",
            "event_time": number,
            "authorizations": [
                {"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True, "enterprise_id": None}
            ],
        },
        ensure_ascii=False,
    )
