"""One shell session: the production Bolt app, a simulated Slack, a chosen person, a frozen clock.

Each line typed is what a person would do in Slack: a slash command becomes the request Slack
would send, a number presses a button, a form is asked field by field and submitted. What the
bot then sends to the simulated Slack is printed. Nothing in commands/ knows about the shell.
"""

from __future__ import annotations

import copy
import io
import json
import re
import secrets
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from pydantic import SecretStr
from slack_bolt import BoltResponse
from sqlalchemy import func, select

from bot import scheduler
from bot.clock import FrozenClock
from bot.context import BotContext
from bot.domain.access import Role, roles_of
from bot.domain.organizations import DECIDED, configured_organization, organization_for_email
from bot.server import WebApp
from bot.settings import Settings
from bot.shell.console import Output
from bot.shell.forms import (
    MAX_TRIES,
    Answerer,
    Choice,
    Directory,
    FormFiller,
    Question,
    Stopped,
    Values,
    input_elements,
)
from bot.shell.press import PressSyntaxError, parse_press
from bot.shell.render import Press, Renderer, Style, mrkdwn, options_of
from bot.shell.world import World, locale_for
from bot.texts import Msg, Texts, formats
from bot.texts import samverkan as ts
from bot.texts import shell as t
from bot.wiring import wire
from slack_sim import requests as sim
from slack_sim.web_api import SimulatedSlack
from slack_sim.workspace import Event, Person, Source, dm_channel, person_id_for, user_of_dm
from storage import outbox
from storage.db import Database
from storage.directory import get_person
from storage.models import AuditEntry, OutboxMessage

P = ParamSpec("P")
R = TypeVar("R")
JSONDict = dict[str, Any]
FORM = "application/x-www-form-urlencoded"
# Time moves to each whole hour, ticking the scheduler there as the clock job would; on jumps
# longer than LONG_JUMP, only from DAY_STARTS to DAY_ENDS o'clock, the night in one step.
STEP = timedelta(hours=1)
LONG_JUMP = timedelta(days=3)
DAY_STARTS = 7
DAY_ENDS = 19
MAX_JUMP = timedelta(days=400)
CHANNEL_MESSAGES_SHOWN = 5
# The shape of state(): a session refuses a saved state of another version.
STATE_VERSION = 1
_DURATION = re.compile(r"(\d+)\s*([smhdvw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "v": 7 * 86400, "w": 7 * 86400}
ROLE_WORDS: dict[str, Role] = {
    "ledare": Role.COORDINATOR,
    "samverkansledare": Role.COORDINATOR,
    "coordinator": Role.COORDINATOR,
    "ägare": Role.OWNER,
    "agare": Role.OWNER,
    "samverkansägare": Role.OWNER,
    "owner": Role.OWNER,
    "kommunikatör": Role.COMMUNICATOR,
    "kommunikator": Role.COMMUNICATOR,
    "communicator": Role.COMMUNICATOR,
}
ROLE_LABELS = {
    Role.COORDINATOR: ts.HOME_ROLE_COORDINATOR,
    Role.OWNER: ts.HOME_ROLE_OWNER,
    Role.COMMUNICATOR: ts.HOME_ROLE_COMMUNICATOR,
}


class InlineExecutor(Executor):
    """Runs each listener at once in the calling thread: a request is done when dispatch returns."""

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        """Run fn now and return its finished future."""
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the future, as a thread pool would
            future.set_exception(exc)
        return future


@dataclass(frozen=True)
class Surface:
    """Where a pressable sits: a message (in a channel, a DM or privately) or a Home tab."""

    kind: str
    channel: str | None = None
    ts: str | None = None
    user: str | None = None
    ephemeral: bool = False


@dataclass(frozen=True)
class Pressable:
    """A numbered button or menu choice and where it is."""

    press: Press
    surface: Surface


@dataclass
class _Mode:
    """Which inputs of a form to ask: all, some block ids, or only required ones still empty."""

    only: set[str] | None = None
    missing: bool = False


class ShellSession:
    """The bot served to one terminal: type a line, see what the bot does in Slack."""

    def __init__(
        self,
        world: World,
        *,
        settings: Settings,
        database_url: str,
        start: datetime,
        files_dir: Path,
        out: Output,
        answerer: Answerer,
        resume: bool = False,
    ) -> None:
        """Start the simulated Slack and the bot on database_url, the clock frozen at start.

        With resume, a database used before keeps its time: the clock starts where the last
        session left things, if that is later than start.
        """
        self.world = world
        self.out = out
        self.style = out.style
        self.tr = Texts(world.config.collaboration.language)
        self.clock = FrozenClock(start)
        self.files_dir = files_dir
        self.slack = SimulatedSlack(
            users=world.people, files_dir=files_dir, now=self.clock.now, trigger_ttl=None
        ).start()
        shell_settings = settings.model_copy(
            update={
                "SLACK_BOT_TOKEN": SecretStr("xoxb-shell"),
                "SLACK_SIGNING_SECRET": SecretStr("shell-requests-are-not-signed"),
                "SLACK_APP_TOKEN": None,
                "SLACK_API_URL": self.slack.api_url,
                "DATABASE_URL": database_url,
                # the key of anonymous answers: the one given, else one of the shell's own
                "BOT_SECRET_KEY": settings.BOT_SECRET_KEY or SecretStr(secrets.token_urlsafe(32)),
            }
        )
        self.bot = BotContext(shell_settings, world.config, Database(database_url), self.clock)
        try:
            from bot.runtime import prepare_database

            prepare_database(self.bot)
            self.wiring = wire(self.bot, work_executor=InlineExecutor())
        except BaseException:
            self.slack.stop()
            raise
        if resume:
            self.clock.set(max(start, self._last_moment()))
        self.renderer = Renderer(self.tr, self, self.style)
        self.answerer = answerer
        self.forms = FormFiller(
            self.tr,
            self.renderer,
            answerer,
            Directory(self._people_choices, self._channel_choices, self.tz, self._today),
            suggest=self._suggest,
        )
        self.me: Person = self._default_person()
        self._presses: list[Pressable] = []
        self._pending: list[Pressable] | None = None
        self._home_wanted = False
        self._shell_commands: dict[str, Callable[[str], bool]] = {}
        for names, handler in (
            (("/jag", "/me"), self._cmd_me),
            (("/tid", "/time"), self._cmd_time),
            (("/hem", "/home"), self._cmd_home),
            (("/kanal", "/channel"), self._cmd_channel),
            (("/tryck", "/press"), self._cmd_press),
            (("/webb", "/web"), self._cmd_web),
            (("/hjälp", "/hjalp", "/help", "/?"), self._cmd_help),
            (("/sluta", "/quit", "/exit"), self._cmd_quit),
            (("/avbryt", "/cancel"), self._cmd_cancel),
        ):
            for name in names:
                self._shell_commands[name] = handler

    # ------------------------------------------------------------------ lifecycle

    def use_answerer(self, answerer: Answerer) -> None:
        """Answer forms and confirmations through answerer from now on."""
        self.answerer = answerer
        self.forms.answerer = answerer

    def state(self) -> JSONDict:
        """Return what a later session on the same database needs to go on where this one is.

        The time, who you are, the simulated Slack (messages, Home tabs, people) and the
        numbered buttons of the latest output, as plain JSON.
        """
        return {
            "version": STATE_VERSION,
            "time": self.clock.now().isoformat(),
            "me": self.me.id,
            "slack": self.slack.snapshot(),
            "buttons": [
                {"press": asdict(p.press), "surface": asdict(p.surface)} for p in self._presses
            ],
        }

    def restore(self, state: JSONDict) -> None:
        """Go on from state() of an earlier session; raise ValueError when it is not one."""
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise ValueError("not the state of a shell session")
        self.slack.restore(state.get("slack") or {})
        try:
            buttons = [
                Pressable(Press(**item["press"]), Surface(**item["surface"]))
                for item in state.get("buttons") or []
            ]
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not the state of a shell session ({exc})") from None
        self._presses = buttons
        self.me = self.slack.users.get(str(state.get("me")), self.me)

    def close(self) -> None:
        """Stop the simulated Slack and close the database."""
        self.slack.stop()
        self.bot.db.dispose()

    @property
    def tz(self) -> Any:
        """Return the collaboration's time zone."""
        return self.world.config.collaboration.tz

    def _last_moment(self) -> datetime:
        """Return the latest moment the database has recorded (UTC), or the epoch."""
        with self.bot.db.reading() as session:
            moments = [
                session.scalar(select(func.max(OutboxMessage.created_at))),
                session.scalar(select(func.max(OutboxMessage.sent_at))),
                session.scalar(select(func.max(AuditEntry.at))),
            ]
        known = [m for m in moments if m is not None]
        return max(known, default=datetime(1970, 1, 1, tzinfo=UTC)).replace(second=0, microsecond=0)

    def _today(self) -> date:
        """Return today's date in the collaboration's time zone."""
        return self.clock.now().astimezone(self.tz).date()

    def _default_person(self) -> Person:
        """Return who the shell starts as: the first person without a role."""
        roles = self.world.config.roles
        everyone = list(self.slack.users.values())
        plain = [p for p in everyone if p.email and not roles_of(p.id, roles)]
        return (plain or everyone or [Person("U0SHELL01", "Shell", locale="")])[0]

    def prompt(self) -> str:
        """Return the prompt: who you are and what time it is."""
        who = self.me.email or self.me.name
        return self.tr(t.PROMPT, who=who, time=self.short_time(self.clock.now()))

    def say(self, msg: Msg, **params: Any) -> None:
        """Print one of the shell's own texts."""
        self.out.lines(
            mrkdwn(line, self, self.style) for line in self.tr(msg, **params).split("\n")
        )

    def note(self, msg: Msg, **params: Any) -> None:
        """Print one of the shell's own texts, dimmed."""
        self.out.line(self.style.dim(mrkdwn(self.tr(msg, **params), self, self.style)))

    # ------------------------------------------------------------------ names

    def user(self, user_id: str) -> str:
        """Return a person's name."""
        person = self.slack.users.get(user_id)
        return person.name if person is not None else user_id

    def channel(self, channel_id: str) -> str:
        """Return a channel's name with its #, or a direct message's description."""
        if channel_id.startswith("D"):
            return self.tr(t.DM_WHERE, name=self.user(user_of_dm(channel_id)))
        return "#" + self.channel_name(channel_id)

    def channel_name(self, channel_id: str) -> str:
        """Return a configured channel's name without #."""
        channels = self.world.config.channels
        names = {
            channels.working_group: t.CHANNEL_WORKING_GROUP,
            channels.coordinators: t.CHANNEL_COORDINATORS,
            channels.owners: t.CHANNEL_OWNERS,
        }
        msg = names.get(channel_id)
        return self.tr(msg) if msg is not None else channel_id.lower()

    def _where(self, channel: str | None) -> str:
        """Name where a message went: a channel or a direct message."""
        return self.channel(channel) if channel else self.tr(t.YOU)

    def _name_or_you(self, user_id: str | None) -> str:
        """Return a person's name, or you for the current person."""
        if user_id is None or user_id == self.me.id:
            return self.tr(t.YOU)
        return self.user(user_id)

    def _moment(self, moment: datetime, template: Msg, *, long: bool) -> str:
        """Format a moment in local time with a template of the shell's texts."""
        local, language = moment.astimezone(self.tz), self.tr.language
        weekday, month = local.weekday(), local.month
        return self.tr(
            template,
            weekday=(formats.weekday_name if long else formats.weekday_short)(language, weekday),
            day=local.day,
            month=(formats.month_name if long else formats.month_short)(language, month),
            year=local.year,
            hour=formats.clock(language, local),
        )

    def short_time(self, moment: datetime) -> str:
        """Return e.g. tis 5 jan. 09.00."""
        return self._moment(moment, t.SHORT_MOMENT, long=False)

    def long_time(self, moment: datetime) -> str:
        """Return e.g. tisdag 5 januari 2027 kl. 09.00."""
        return self._moment(moment, t.LONG_MOMENT, long=True)

    def _people_choices(self) -> list[Choice]:
        """Return the people a user menu offers."""
        return [Choice(f"{p.name} ({p.email or p.id})", p.id) for p in self.slack.users.values()]

    def _channel_choices(self) -> list[Choice]:
        """Return the channels a channel menu offers."""
        channels = self.world.config.channels
        ids = [c for c in (channels.working_group, channels.coordinators, channels.owners) if c]
        return [Choice(self.channel(c), c) for c in ids]

    # ------------------------------------------------------------------ the lines

    def run_line(self, line: str) -> bool:
        """Act on one line typed; return False when the person wants to quit."""
        text = line.strip()
        if not text:
            return True
        self._pending = []
        try:
            if text.startswith("#"):
                self.out.line(self.style.dim(text))
                return True
            if text.isdigit():
                self._press_number(int(text))
                return True
            if text.startswith("/"):
                word, _, rest = text.partition(" ")
                handler = self._shell_commands.get(word.casefold())
                if handler is not None:
                    return handler(rest.strip())
                self.slash(word, rest.strip())
                return True
            self.say(t.TYPE_A_COMMAND)
            return True
        finally:
            if self._pending:
                self._presses = self._pending
            self._pending = None

    def command_channel(self) -> str:
        """Return the channel commands are typed in: the working group's, else a DM."""
        return self.world.config.channels.working_group or dm_channel(self.me.id)

    def slash(self, command: str, text: str) -> None:
        """Send a slash command as Slack does, then show what the bot did."""
        if not self.has_command(command):
            self.say(t.NOT_A_COMMAND, command=command)
            return
        channel = self.command_channel()
        body = self._slash_body(command, text, channel)
        response = self._dispatch(body, FORM)
        if response.status >= 400:
            self.note(t.BOT_ERROR, status=response.status)
        elif response.body:
            self._show_ack(response.body, channel)
        self._after()

    def has_command(self, command: str) -> bool:
        """Tell whether the bot has a slash command."""
        return command in self.wiring.edge.commands

    def _slash_body(self, command: str, text: str, channel: str) -> bytes:
        """Return the body Slack posts for a slash command typed by the current person."""
        source = Source(channel, None, self.me.id, ephemeral=True)
        return sim.slash_command(
            command,
            text,
            user_id=self.me.id,
            user_name=self.me.id.lower(),
            channel_id=channel,
            response_url=self.slack.response_url("shell", source=source),
        )

    def _dispatch(self, body: bytes, content_type: str) -> BoltResponse:
        """Hand a request body to the edge, as the HTTP layer does once the signature is good."""
        return self.wiring.edge.http(body.decode("utf-8"), content_type)

    def _show_ack(self, body: str, channel: str) -> None:
        """Show a command's immediate answer privately, as Slack does."""
        try:
            message = json.loads(body)
        except ValueError:
            message = {"text": body}
        if isinstance(message, dict) and (message.get("text") or message.get("blocks")):
            self.slack.add_ephemeral(channel, self.me.id, message)

    def _after(self) -> None:
        """Show what the bot did, ask any form it opened, and let the scheduler send what is due."""
        self.show_events()
        self._run_modals()
        self.tick()

    def tick(self) -> int:
        """Run one scheduler tick at the current time and show what it sent."""
        scheduler.tick(self.bot, self.wiring.planners)
        return self.show_events()

    # ------------------------------------------------------------------ showing

    def show_events(self, events: list[Event] | None = None) -> int:
        """Print what the bot did in Slack; return how many messages it posted or changed."""
        shown = 0
        for event in self.slack.take_events() if events is None else events:
            shown += self._show(event)
        return shown

    def _numberer(self, surface: Surface) -> Callable[[Press], str]:
        """Return a function that numbers pressables on surface for this output."""

        def number(press: Press) -> str:
            """Register a pressable and return its number."""
            if self._pending is None:
                return ""
            self._pending.append(Pressable(press, surface))
            return str(len(self._pending))

        return number

    def _box(self, head: str, lines: list[str]) -> None:
        """Print a message framed, under a head line that says where it went."""
        while lines and not lines[0].strip():
            lines = lines[1:]
        self.out.line()
        self.out.line(self.style.dim("╭─ ") + self.style.bold(head))
        bar = self.style.dim("│ ")
        for line in lines:
            self.out.line((bar + line).rstrip())

    def _show(self, event: Event) -> int:
        """Print one thing the bot did; return 1 if it was a message."""
        when = self.short_time(event.at)
        channel = event.channel or ""
        message = event.message
        if event.kind in ("post", "update"):
            dm_user = user_of_dm(channel) if channel.startswith("D") else None
            reply = message.get("thread_ts") not in (None, message.get("ts"))
            if event.kind == "update":
                head = self.tr(t.HEAD_UPDATED, where=self.channel(channel), time=when)
            elif reply and dm_user is None:
                head = self.tr(t.HEAD_THREAD, channel=self.channel_name(channel), time=when)
            elif dm_user is not None:
                head = self.tr(t.HEAD_DM, name=self._name_or_you(dm_user), time=when)
            else:
                head = self.tr(t.HEAD_CHANNEL, channel=self.channel_name(channel), time=when)
            surface = Surface("message", channel, event.ts, dm_user)
            self._box(head, self.renderer.message(message, self._numberer(surface)))
            return 1
        if event.kind == "ephemeral":
            head = self.tr(
                t.HEAD_EPHEMERAL,
                name=self._name_or_you(event.user),
                where=self.channel(channel),
                time=when,
            )
            surface = Surface("message", channel, event.ts, event.user, ephemeral=True)
            self._box(head, self.renderer.message(message, self._numberer(surface)))
            return 1
        if event.kind == "delete":
            self.out.line()
            self.note(t.HEAD_DELETED, where=self.channel(channel))
            return 1
        if event.kind == "home":
            if event.user == self.me.id and self._home_wanted:
                head = self.tr(t.HEAD_HOME, time=when)
                surface = Surface("home", user=event.user)
                self._box(head, self.renderer.view(message, self._numberer(surface)))
            elif event.user == self.me.id:
                self.note(t.HOME_UPDATED)
            return 0
        if event.kind == "file":
            head = self.tr(t.HEAD_FILE, where=self._where(event.channel), time=when)
            lines = self.renderer.message({"text": message.get("text", "")}, lambda _p: "")
            path = str(event.path) if event.path is not None else "?"
            self._box(head, [*lines, self.tr(t.FILE_SAVED, path=path)])
            return 1
        return 0

    # ------------------------------------------------------------------ pressing

    def _press_number(self, number: int) -> None:
        """Press the numbered button of the latest output that had buttons."""
        if not self._presses:
            self.say(t.NO_BUTTONS)
            return
        if not 1 <= number <= len(self._presses):
            self.say(t.NO_SUCH_BUTTON, number=number, count=len(self._presses))
            return
        self.press(self._presses[number - 1])

    def find_press(self, text: str) -> Pressable | None:
        """Find the button that `/tryck text` names (see bot.shell.press); None if there is none.

        The whole label is preferred to its beginning, and that to any part of it; the
        numbered buttons to anything else the person can see; newer to older. Raises
        PressSyntaxError when text is not a press.
        """
        query = parse_press(text)
        words = [label.casefold() for label in query.labels]
        context = query.context.casefold()
        tests: list[Callable[[str, str], bool]] = [
            lambda label, word: label == word,
            lambda label, word: label.startswith(word),
            lambda label, word: word in label,
        ]
        pools = [list(reversed(self._presses)), self._visible_presses()]
        texts: dict[Surface, str] = {}
        for test in tests:
            for pool in pools:
                for word in words:
                    for pressable in pool:
                        if not test(pressable.press.label.casefold(), word):
                            continue
                        if context:
                            surface = pressable.surface
                            if surface not in texts:
                                texts[surface] = self._surface_text(surface).casefold()
                            if context not in texts[surface]:
                                continue
                        return pressable
        return None

    def _container(self, surface: Surface) -> JSONDict | None:
        """Return the message or Home tab a surface names, as it is now."""
        if surface.kind == "home" and surface.user:
            return self.slack.home_views.get(surface.user)
        if surface.kind == "message" and surface.channel and surface.ts:
            return self.slack.find_message(surface.channel, surface.ts)
        return None

    def _surface_text(self, surface: Surface) -> str:
        """Return the readable text of a message or Home tab."""
        container = self._container(surface)
        if container is None:
            return ""
        plain = Renderer(self.tr, self, Style(color=False))
        if surface.kind == "home":
            return "\n".join(plain.view(container, lambda _press: ""))
        return "\n".join(plain.message(container, lambda _press: ""))

    def _visible_presses(self) -> list[Pressable]:
        """Return what the current person could press, newest first."""
        found: list[Pressable] = []

        def collect(surface: Surface) -> Callable[[Press], str]:
            """Return a function that collects pressables on surface."""

            def number(press: Press) -> str:
                """Register a pressable and return its number."""
                found.append(Pressable(press, surface))
                return ""

            return number

        me = self.me.id
        posted: list[tuple[str, str, JSONDict]] = [
            (channel, str(m.get("ts")), m)
            for channel, messages in self.slack.messages.items()
            if not channel.startswith("D") or user_of_dm(channel) == me
            for m in messages
        ]
        for channel, stamp, message in sorted(posted, key=lambda item: item[1], reverse=True):
            dm_user = user_of_dm(channel) if channel.startswith("D") else None
            self.renderer.message(message, collect(Surface("message", channel, stamp, dm_user)))
        for message in reversed(self.slack.ephemerals):
            if message.get("ephemeral_user") == me:
                surface = Surface("message", message.get("channel"), message["ts"], me, True)
                self.renderer.message(message, collect(surface))
        home = self.slack.home_views.get(me)
        if home is not None:
            self.renderer.view(home, collect(Surface("home", user=me)))
        return found

    def press(self, pressable: Pressable) -> None:
        """Press a button (or pick a menu choice) as the current person, then show the result."""
        surface, press = pressable.surface, pressable.press
        if surface.user is not None and surface.user != self.me.id:
            self.say(t.NOT_YOURS, name=self.user(surface.user))
            return
        container = self._container(surface)
        if container is None:
            self.say(t.MESSAGE_GONE)
            return
        if not _still_there(container.get("blocks") or [], press.action):
            self.say(t.BUTTON_GONE)
            return
        self.note(t.PRESSING, label=press.label)
        if press.confirm:
            title = _plain(press.confirm.get("title"))
            if not self.answerer.confirm(title, _plain(press.confirm.get("text"))):
                self.say(t.PRESS_CANCELLED)
                return
        action = copy.deepcopy(press.action)
        if press.asks is not None and not self._ask_for_press(action, press.asks):
            self.note(t.PRESS_CANCELLED)
            return
        action["action_ts"] = f"{self.clock.now().timestamp():.6f}"
        if surface.kind == "home":
            body = sim.block_actions(action, user_id=self.me.id, view=container)
        else:
            source = Source(surface.channel, surface.ts, self.me.id, surface.ephemeral)
            body = sim.block_actions(
                action,
                user_id=self.me.id,
                channel_id=surface.channel,
                message=copy.deepcopy(container),
                ephemeral=surface.ephemeral,
                response_url=self.slack.response_url("shell", source=source),
            )
        response = self._dispatch(body, FORM)
        if response.status == 404:
            self.note(t.BUTTON_UNHANDLED)
        elif response.status >= 400:
            self.note(t.BOT_ERROR, status=response.status)
        self._after()

    def _ask_for_press(self, action: JSONDict, kind: str) -> bool:
        """Ask the value a date picker or user menu in a message needs; False when stopped."""
        element = {"type": kind, "action_id": action.get("action_id")}
        question = Question(
            block_id=str(action.get("block_id")),
            action_id=str(action.get("action_id")),
            kind=kind,
            label=self.tr(t.CHOOSE),
            element=element,
        )
        question.choices = self.forms.choices(element)
        try:
            entry = self.forms.ask(question)
        except Stopped:  # the press is cancelled, and says so
            return False
        action.update({k: v for k, v in entry.items() if k != "type"})
        return True

    # ------------------------------------------------------------------ forms

    def _run_modals(self) -> None:
        """Ask every modal the bot opened, submit it, and follow the bot's answer."""
        mode = _Mode()
        errors: dict[str, str] = {}
        kept: dict[str, Values] = {}
        refusals = 0  # submissions in a row the bot sent back without the form growing
        shown_hash: str | None = None
        while self.slack.modal_stack:
            view_id = self.slack.modal_stack[-1]
            view = copy.deepcopy(self.slack.views[view_id])
            if view.get("hash") != shown_hash:
                self.out.line()
                self.out.lines(self.forms.head(view))
                shown_hash = view.get("hash")
            if not view.get("submit"):
                self._close_top(view)
                continue
            values = self.forms.initial_values(view)
            _overlay(values, kept.get(view_id))
            try:
                view, values = self._fill(view, values, mode, errors)
            except Stopped as stopped:
                self._cancel_modal(view, stopped.msg, **stopped.params)
                return
            shown_hash = view.get("hash")
            kept[view_id] = values
            submit = _plain(view.get("submit")) or self.tr(t.FORM_SUBMIT)
            self.out.line(self.style.accent(self.tr(t.FORM_SENDING, submit=submit)))
            before = list(self.slack.modal_stack)
            submission = sim.view_submission(view, values, user_id=self.me.id)
            response = self._dispatch(submission, FORM)
            self.show_events()
            if response.status >= 400:
                self.note(t.BOT_ERROR, status=response.status)
                self.slack.close_modals()
                return
            ack = _json(response.body)
            action = ack.get("response_action")
            errors = {}
            if action == "errors":
                refusals += 1
                if refusals >= MAX_TRIES:
                    self._cancel_modal(view, t.FORM_REFUSED_TOO_OFTEN, tries=MAX_TRIES)
                    return
                errors = {str(k): str(v) for k, v in (ack.get("errors") or {}).items()}
                self.say(t.FORM_ERRORS)
                inputs = {block["block_id"] for block, _ in input_elements(view)}
                mode = _Mode(only=set(errors) & inputs or None)
                for block_id, error in errors.items():
                    if block_id not in inputs:
                        self.out.line("  " + self.style.error("⚠ " + error))
                continue
            if action == "update" and isinstance(ack.get("view"), dict):
                old = {(b["block_id"], e["action_id"]) for b, e in input_elements(view)}
                new_view = self.slack.replace_view(view_id, ack["view"])
                kept.pop(view_id, None)
                added = {
                    b["block_id"]
                    for b, e in input_elements(new_view)
                    if (b.get("block_id"), e.get("action_id")) not in old
                }
                # A form that grew asks what is new. One the bot sent back without new inputs
                # was refused (the form says why): it is asked whole again, as a person would
                # read it again, and refused MAX_TRIES times in a row it is closed.
                refusals = 0 if added else refusals + 1
                if refusals >= MAX_TRIES:
                    self._cancel_modal(new_view, t.FORM_REFUSED_TOO_OFTEN, tries=MAX_TRIES)
                    return
                mode = _Mode(only=added, missing=True) if added else _Mode()
                continue
            if action == "push" and isinstance(ack.get("view"), dict):
                self.slack.push_view(ack["view"])
                mode = _Mode()
                continue
            if action == "clear":
                self.slack.close_modals()
                return
            if self.slack.modal_stack == before:
                self.slack.pop_view()
            mode = _Mode(only=set(), missing=True)

    def _fill(
        self, view: JSONDict, values: Values, mode: _Mode, errors: dict[str, str]
    ) -> tuple[JSONDict, Values]:
        """Ask the inputs mode selects; follow dispatch_action updates; raise Stopped to stop."""
        asked: set[tuple[str, str]] = set()
        while True:
            pending = [
                q
                for q in self.forms.questions(view, values)
                if (q.block_id, q.action_id) not in asked and _wanted(q, mode)
            ]
            if not pending:
                return view, values
            question = pending[0]
            asked.add((question.block_id, question.action_id))
            question.error = errors.get(question.block_id, "")
            entry = self.forms.ask(question)
            values.setdefault(question.block_id, {})[question.action_id] = entry
            if question.dispatch:
                changed = self._dispatch_input(view, values, question, entry)
                if changed is not None:
                    fresh = self.forms.initial_values(changed)
                    _overlay(fresh, values)
                    view, values = changed, fresh

    def _dispatch_input(
        self, view: JSONDict, values: Values, question: Question, entry: JSONDict
    ) -> JSONDict | None:
        """Tell the bot an input that dispatches actions changed; return the view if it changed."""
        before = view.get("hash")
        full = {**view, "state": {"values": values}}
        action = {
            "type": question.kind,
            "action_id": question.action_id,
            "block_id": question.block_id,
            **{k: v for k, v in entry.items() if k != "type"},
            "action_ts": f"{self.clock.now().timestamp():.6f}",
        }
        self._dispatch(sim.block_actions(action, user_id=self.me.id, view=full), FORM)
        self.show_events()
        current = self.slack.views.get(view["id"])
        if current is None or current.get("hash") == before:
            return None
        return copy.deepcopy(current)

    def _suggest(self, question: Question, text: str) -> list[Choice]:
        """Ask the bot for an external select's options matching text."""
        current = self.slack.views.get(self.slack.modal_stack[-1]) if self.slack.modal_stack else {}
        body = sim.block_suggestion(
            current or {},
            block_id=question.block_id,
            action_id=question.action_id,
            value=text,
            user_id=self.me.id,
        )
        answer = _json(self._dispatch(body, FORM).body)
        options = options_of(answer)
        return [Choice(_plain(o.get("text")), o) for o in options]

    def _close_top(self, view: JSONDict) -> None:
        """Close a modal that can only be read and closed (it has no submit button)."""
        if view.get("notify_on_close"):
            self._dispatch(sim.view_closed(view, user_id=self.me.id), FORM)
        if view.get("clear_on_close"):
            self.slack.close_modals()
        else:
            self.slack.pop_view()
        self.show_events()

    def _cancel_modal(self, view: JSONDict, msg: Msg, **params: Any) -> None:
        """Close every modal without sending, telling the bot if it asked; say why (msg)."""
        if view.get("notify_on_close"):
            self._dispatch(sim.view_closed(view, user_id=self.me.id), FORM)
        self.slack.close_modals()
        self.say(msg, **params)
        self.show_events()

    # ------------------------------------------------------------------ shell commands

    def _cmd_quit(self, rest: str) -> bool:
        """Quit the shell."""
        self.say(t.BYE)
        return False

    def _cmd_cancel(self, rest: str) -> bool:
        """Say that /avbryt closes a form, and that no form is open now."""
        self.say(t.NO_FORM_OPEN)
        return True

    def _cmd_help(self, rest: str) -> bool:
        """Show the shell's commands."""
        self.say(t.HELP)
        return True

    def _roles_text(self, user_id: str) -> str:
        """Return a person's roles, named."""
        roles = roles_of(user_id, self.world.config.roles)
        return ", ".join(self.tr(ROLE_LABELS[r]) for r in sorted(roles))

    def find_person(self, text: str) -> Person | None:
        """Find a person by role word, e-mail, id or (part of) name."""
        folded = text.casefold().strip()
        people = list(self.slack.users.values())
        role = ROLE_WORDS.get(folded)
        if role is not None:
            holders = {
                Role.COORDINATOR: self.world.config.roles.coordinators,
                Role.OWNER: self.world.config.roles.owners,
                Role.COMMUNICATOR: self.world.config.roles.communicators,
            }[role]
            return self.slack.users.get(holders[0]) if holders else None
        tests: list[Callable[[Person], bool]] = [
            lambda p: p.email.casefold() == folded,
            lambda p: p.id.casefold() == folded,
            lambda p: p.name.casefold() == folded,
            lambda p: p.name.casefold().startswith(folded),
        ]
        for test in tests:
            matches = [p for p in people if test(p)]
            if matches:
                return matches[0]
        return None

    def _cmd_me(self, rest: str) -> bool:
        """Switch person, or show who you are and who is there."""
        if not rest:
            self._say_who()
            self.say(t.PEOPLE_HEADER)
            for someone in self.slack.users.values():
                roles = self._roles_text(someone.id)
                self.out.line(
                    self.tr(
                        t.PERSON_LINE,
                        name=someone.name,
                        email=someone.email or self.tr(t.NO_EMAIL),
                        roles=f" · {roles}" if roles else "",
                    )
                )
            return True
        person = self.find_person(rest)
        if person is None and re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", rest.casefold()):
            local = rest.split("@", maxsplit=1)[0]
            name = " ".join(part.capitalize() for part in re.split(r"[._-]+", local) if part)
            person = Person(
                person_id_for(rest),
                name or rest,
                rest.casefold(),
                locale=locale_for(self.world.config.collaboration.language),
            )
            self.slack.add_person(person)
        if person is None:
            role = ROLE_WORDS.get(rest.casefold().strip())
            if role is not None:
                self.say(t.NO_ROLE_HOLDER, role=self.tr(ROLE_LABELS[role]))
            else:
                self.say(t.UNKNOWN_PERSON, text=rest)
            return True
        self.me = person
        self._say_who()
        return True

    def _say_who(self) -> None:
        """Say who the current person is."""
        person = self.me
        organization = self._organization_of(person)
        roles = self._roles_text(person.id)
        self.say(
            t.YOU_ARE,
            name=person.name,
            email=person.email or self.tr(t.NO_EMAIL),
            organization=self.tr(
                t.ORGANIZATION_PART, organization=self.bot.organization_name(organization)
            )
            if organization
            else "",
            roles=self.tr(t.ROLES_PART, roles=roles) if roles else "",
        )

    def _organization_of(self, person: Person) -> str | None:
        """Return a person's organisation: configured, decided by a coordinator, or by e-mail."""
        configured = configured_organization(person.id, self.bot.organizations)
        if configured is not None:
            return configured
        with self.bot.db.reading() as session:
            stored = get_person(session, person.id)
            if stored is not None and stored.organization_source in DECIDED:
                return stored.organization_id
        return organization_for_email(person.email, self.bot.organizations)

    def parse_moment(self, text: str) -> datetime | None:
        """Read /tid's argument: +7d, +3h, 2d12h, or a local date and time; None if unreadable."""
        cleaned = text.strip().removeprefix("+").strip()
        if cleaned and _DURATION.sub("", cleaned).strip() == "":
            seconds = sum(int(n) * _UNITS[u] for n, u in _DURATION.findall(cleaned))
            return self.clock.now() + timedelta(seconds=seconds)
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            try:
                moment = datetime.combine(date.fromisoformat(text.strip()), time(8, 0))
            except ValueError:
                return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.tz)
        return moment

    def _cmd_time(self, rest: str) -> bool:
        """Show the time, or move it forward and send what falls due."""
        now = self.clock.now()
        if not rest:
            self.say(t.TIME_NOW, time=self.long_time(now))
            return True
        target = self.parse_moment(rest)
        if target is None:
            self.say(t.TIME_BAD, text=rest)
            return True
        if target <= now:
            self.say(t.TIME_BACKWARDS, time=self.long_time(now))
            return True
        if target - now > MAX_JUMP:
            self.say(t.TIME_TOO_FAR, days=MAX_JUMP.days)
            return True
        sent = self.advance(target)
        self.out.line()
        self.say(t.TIME_MOVED, time=self.long_time(self.clock.now()), count=sent)
        return True

    def next_step(self, now: datetime, target: datetime, *, long_jump: bool) -> datetime:
        """Return the next moment to tick at: the next whole hour, but at most target.

        On a long jump the night is one step: nothing the plan schedules falls due between
        the evening and the morning, and a month of hourly ticks would be slow.
        """
        step = now.replace(minute=0, second=0, microsecond=0) + STEP
        local = step.astimezone(self.tz)
        if long_jump and not DAY_STARTS <= local.hour < DAY_ENDS:
            day = local.date() + timedelta(days=1 if local.hour >= DAY_ENDS else 0)
            step = datetime.combine(day, time(DAY_STARTS), tzinfo=self.tz)
        return min(step, target)

    def advance(self, target: datetime) -> int:
        """Move the clock to target in steps, ticking the scheduler; return messages sent."""
        sent = 0
        long_jump = target - self.clock.now() > LONG_JUMP
        while (now := self.clock.now()) < target:
            step = self.next_step(now, target, long_jump=long_jump)
            with self.bot.db.reading() as session:
                due = outbox.next_due(session)
            if due is not None and now < due < step:
                step = due
            self.clock.set(step)
            scheduler.tick(self.bot, self.wiring.planners)
            events = self.slack.take_events()
            if events:
                self.out.line()
                self.out.line(self.style.bold(self.tr(t.TIME_SEPARATOR, time=self.long_time(step))))
                sent += self.show_events(events)
        return sent

    def _cmd_home(self, rest: str) -> bool:
        """Open the current person's Home tab."""
        self._home_wanted = True
        try:
            self._dispatch(sim.home_opened(self.me.id), "application/json")
            self._after()
        finally:
            self._home_wanted = False
        return True

    def _channels(self) -> dict[str, str]:
        """Return the words /kanal accepts, each with its channel id."""
        channels = self.world.config.channels
        found: dict[str, str] = {}
        for channel_id, words in (
            (channels.working_group, ("arbetsgrupp", "arbetsgruppen", "working-group")),
            (channels.coordinators, ("ledare", "samverkansledare", "coordinators")),
            (channels.owners, ("ägare", "agare", "samverkansägare", "owners")),
        ):
            if channel_id:
                for word in (*words, channel_id.casefold(), self.channel_name(channel_id)):
                    found[word.casefold()] = channel_id
        found[self.tr(t.CHANNEL_WORDS_DM)] = dm_channel(self.me.id)
        return found

    def _cmd_channel(self, rest: str) -> bool:
        """Show a channel's latest messages with their buttons numbered."""
        known = self._channels()
        word = rest.casefold().strip().lstrip("#")
        if not word:
            channel = self.command_channel()
        elif word in known:
            channel = known[word]
        else:
            names = sorted({self.channel_name(c) for c in known.values() if not c.startswith("D")})
            self.say(t.CHANNEL_UNKNOWN, text=rest, known=", ".join([*names, "dm"]))
            return True
        messages = self.slack.messages.get(channel, [])[-CHANNEL_MESSAGES_SHOWN:]
        if not messages:
            self.say(t.CHANNEL_EMPTY, where=self.channel(channel))
            return True
        dm_user = user_of_dm(channel) if channel.startswith("D") else None
        for message in messages:
            seconds = int(str(message.get("ts", "0")).split(".")[0])
            when = self.short_time(datetime.fromtimestamp(seconds, self.tz))
            if dm_user is not None:
                head = self.tr(t.HEAD_DM, name=self._name_or_you(dm_user), time=when)
            else:
                head = self.tr(t.HEAD_CHANNEL, channel=self.channel_name(channel), time=when)
            surface = Surface("message", channel, str(message.get("ts")), dm_user)
            self._box(head, self.renderer.message(message, self._numberer(surface)))
        return True

    def _cmd_press(self, rest: str) -> bool:
        """Press a button by number or by label."""
        if rest.isdigit():
            self._press_number(int(rest))
            return True
        try:
            found = self.find_press(rest)
        except PressSyntaxError:
            self.say(t.PRESS_SYNTAX)
            return True
        if found is None:
            self.say(t.NO_BUTTON_NAMED, text=rest)
            return True
        self.press(found)
        return True

    def _cmd_web(self, rest: str) -> bool:
        """Fetch one of the bot's web routes and save the answer as a file."""
        path, _, query = (rest or "/").partition("?")
        path = path if path.startswith("/") else "/" + path
        environ = {
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REQUEST_METHOD": "GET",
            "wsgi.input": io.BytesIO(b""),
        }
        status, _headers, body = WebApp(self.bot, self.wiring).handle(environ)
        if status != 200:
            self.say(t.WEB_NOT_FOUND, path=path, status=status)
            return True
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = Path(path).name or "index.html"
        target = self.files_dir / name
        target.write_bytes(body)
        self.say(t.WEB_SAVED, path=path, status=status, file=str(target))
        return True


def _wanted(question: Question, mode: _Mode) -> bool:
    """Tell whether mode asks question."""
    if mode.only is None and not mode.missing:
        return True
    if mode.only is not None and question.block_id in mode.only:
        return True
    return mode.missing and question.required and question.current in (None, [], "")


def _overlay(values: Values, kept: Values | None) -> None:
    """Keep what was answered for inputs that are still in the view."""
    for block_id, actions in (kept or {}).items():
        for action_id, entry in actions.items():
            current = values.get(block_id, {}).get(action_id)
            if current is not None and current.get("type") == entry.get("type"):
                values[block_id][action_id] = copy.deepcopy(entry)


def _still_there(blocks: list[Any], action: JSONDict) -> bool:
    """Tell whether the element an action came from is still in the blocks."""
    for block in blocks:
        if not isinstance(block, dict):
            continue
        elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
        if isinstance(block.get("accessory"), dict):
            elements.append(block["accessory"])
        for element in elements:
            if not isinstance(element, dict) or element.get("action_id") != action.get("action_id"):
                continue
            if "value" in action and element.get("value") != action.get("value"):
                continue
            chosen = action.get("selected_option")
            if chosen is not None and chosen not in options_of(element):
                continue
            return True
    return False


def _plain(obj: Any) -> str:
    """Return the text of a text object or a string."""
    if isinstance(obj, dict):
        return str(obj.get("text") or "")
    return str(obj or "")


def _json(body: str) -> JSONDict:
    """Decode a JSON object body, or return an empty dict."""
    try:
        decoded = json.loads(body) if body else {}
    except ValueError:
        return {}
    return decoded if isinstance(decoded, dict) else {}
