"""The benchmarks themselves: ack latency, the training rush and the month's first day.

Each drives a served process through signed HTTP requests (or, for the month's first
day, lets `python -m bot clock` post on its own) with the Slack Web API stand-in of the
tests as SLACK_API_URL, and returns figures; `bench.run` prints them as a table.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy import create_engine, func, select, text

from bench.load import Connection, Sample, Summary, percentile, run_users, summarize
from bench.servers import Served, child_env, start_bot, start_procfile_web
from bot.domain.meetings import Answer
from bot.domain.organizations import BUILT_IN
from bot.runtime import start_context
from bot.settings import Settings
from commands.edge.ids import Action, Field
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from slack_sim.workspace import JSONDict
from storage import meetings as meeting_store
from storage.models import MeetingAnswer, Need, OutboxMessage, SurveyResponse
from tests.harness import METHODS_DIR, find_button

SECRET = "bench-signing-secret-0123456789"
ANSWER_KEY = "bench-answer-key-0123456789"
BOT_TOKEN = "xoxb-bench-token"
WORKING_GROUP = "C0ARBETS1"
COORDINATOR = "U0LEDARE1"
TZ = ZoneInfo("Europe/Stockholm")
PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

CONFIG = """
[collaboration]
name = "Gävleborg mot narkotika"
timezone = "Europe/Stockholm"

[channels]
working_group = "C0ARBETS1"
coordinators = "C0PLAN0001"
owners = "C0AGARE001"

[roles]
coordinators = ["U0LEDARE1"]
owners = ["U0AGARE01"]
"""

NEED_ANSWERS: dict[str, Any] = {
    Field.NEED_DESCRIPTION: "Vi behöver en halvdag om drogtecken för personalen i vår verksamhet.",
    Field.NEED_FOCUS: "training",
    Field.NEED_SCOPE: "county",
    Field.NEED_URGENCY: "normal",
    Field.NEED_SUPPORT: ["training", "expert"],
}


# --------------------------------------------------------------------------- the stand-in


@dataclass
class OpenedForm:
    """A form a person waits for: set when the bot opens it with the person's trigger_id."""

    done: threading.Event = field(default_factory=threading.Event)
    view: dict[str, Any] | None = None
    error: str | None = None
    at: float = 0.0


class BenchStandIn(SimulatedSlack):
    """The tests' Slack stand-in, which also tells a waiting person that their form opened.

    A form counts as open when the bot opens it with the person's trigger_id, or, when it
    first opens a loading view (callback_id "loading"), when it updates that view with the form.
    """

    def __init__(self) -> None:
        """Prepare the stand-in with Slack's method reference."""
        super().__init__(METHODS_DIR)
        self._waiting: dict[str, OpenedForm] = {}
        self._loading: dict[str, OpenedForm] = {}
        self.posted = 0

    def expect_form(self, trigger_id: str) -> OpenedForm:
        """Return what will be set when a form is opened with trigger_id."""
        opened = OpenedForm()
        self._waiting[trigger_id] = opened
        return opened

    @staticmethod
    def _settle(opened: OpenedForm, view: dict[str, Any], answer: JSONDict) -> None:
        """Hand the opened form (or the error) to whoever waits for it."""
        opened.view = dict(view) if answer.get("ok") else None
        opened.error = None if answer.get("ok") else str(answer.get("error"))
        opened.at = time.perf_counter()
        opened.done.set()

    def _views_open(self, args: JSONDict) -> JSONDict:
        """Open the modal as the stand-in does, and wake whoever waits for it."""
        answer = super()._views_open(args)
        opened = self._waiting.pop(str(args.get("trigger_id")), None)
        if opened is None:
            return answer
        if answer.get("ok") and args["view"].get("callback_id") == "loading":
            self._loading[str(answer["view"]["id"])] = opened
        else:
            self._settle(opened, args["view"], answer)
        return answer

    def _views_update(self, args: JSONDict) -> JSONDict:
        """Update the modal as the stand-in does; a loading view's update is the form."""
        answer = super()._views_update(args)
        opened = self._loading.pop(str(args.get("view_id")), None)
        if opened is not None:
            self._settle(opened, args["view"], answer)
        return answer

    def _chat_post_message(self, args: JSONDict) -> JSONDict:
        """Post as the stand-in does, counting the messages posted."""
        answer = super()._chat_post_message(args)
        if answer.get("ok"):
            self.posted += 1
        return answer


def people(count: int, prefix: str) -> list[tuple[str, str]]:
    """Return (user id, e-mail) of count people spread over the twenty partners."""
    found = []
    for index in range(count):
        organization = BUILT_IN[index % len(BUILT_IN)]
        user = f"U0{prefix}{index:06d}"
        found.append((user, f"person{index}@{organization.email_domains[0]}"))
    return found


# --------------------------------------------------------------------------- databases


@contextlib.contextmanager
def database(backend: str, workdir: Path) -> Iterator[str]:
    """Yield the URL of a fresh, empty database of the backend; drop it afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir}/bench-{uuid.uuid4().hex[:8]}.db"
        return
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE datname = '{name}'"
                )
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def bot_env(standin: SimulatedSlack, database_url: str, config: Path) -> dict[str, str]:
    """Return the environment `python -m bot serve|clock` runs with in the benchmarks."""
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "BOT_SECRET_KEY": ANSWER_KEY,
        "SLACK_API_URL": standin.api_url,
        "DATABASE_URL": database_url,
        "BOT_CONFIG": str(config),
    }


def count_rows(database_url: str, statement: Any) -> Any:
    """Run one query against the bot's database and return its scalar result."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(statement).scalar()
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- ack latency


def open_form(
    served: Served, standin: BenchStandIn, command: str, user: str, text_: str = ""
) -> dict[str, Any]:
    """Send a slash command that opens a form and return the form the bot opened."""
    trigger = req.new_trigger_id()
    opened = standin.expect_form(trigger)
    body = req.slash_command(
        command,
        text_,
        user_id=user,
        response_url=standin.response_url("form"),
        channel_id=WORKING_GROUP,
        trigger_id=trigger,
    )
    sample = Connection(served.url, SECRET).post("open", body)
    if sample.status != 200 or not opened.done.wait(10) or opened.view is None:
        raise RuntimeError(f"{command} did not open a form for {user}: {opened.error}")
    return opened.view


@dataclass(frozen=True)
class Plan:
    """One load's requests, built beforehand: per user, the bodies they send one after another."""

    kind: str
    requests: list[list[bytes]]

    @property
    def count(self) -> int:
        """Count the requests of the plan."""
        return sum(len(user) for user in self.requests)


def list_plan(standin: SimulatedSlack, users: list[str], per_user: int) -> Plan:
    """Plan per_user `/behov lista` commands per user."""
    return Plan(
        "lista",
        [
            [
                req.slash_command(
                    "/behov",
                    "lista",
                    user_id=user,
                    response_url=standin.response_url("lista"),
                    channel_id=WORKING_GROUP,
                )
                for _ in range(per_user)
            ]
            for user in users
        ],
    )


def form_plan(forms: dict[str, dict[str, Any]], per_user: int, tag: str) -> Plan:
    """Plan per_user need form submissions per user, each a new need titled with tag."""
    plan: list[list[bytes]] = []
    for index, (user, view) in enumerate(forms.items()):
        bodies = []
        for number in range(per_user):
            answers = {**NEED_ANSWERS, Field.NEED_TITLE: f"Behov nummer {number} i mätning {tag}"}
            values = req.input_values(view, answers)
            view_id = f"V{tag}{index:02d}X{number:04d}"
            bodies.append(req.view_submission(view, values, user_id=user, view_id=view_id))
        plan.append(bodies)
    return Plan("form", plan)


@dataclass(frozen=True)
class RsvpPlan:
    """Presses on a meeting call's RSVP buttons, and each person's answer after the last press."""

    plan: Plan
    last: dict[str, str]


def rsvp_plan(
    standin: SimulatedSlack, call: dict[str, Any], users: list[str], per_user: int
) -> RsvpPlan:
    """Plan per_user presses per user on the call, alternating yes and no."""
    buttons = {
        Answer.YES.value: find_button(call["blocks"], Action.MEETING_RSVP_YES),
        Answer.NO.value: find_button(call["blocks"], Action.MEETING_RSVP_NO),
    }
    plan: list[list[bytes]] = []
    last: dict[str, str] = {}
    for index, user in enumerate(users):
        bodies = []
        for number in range(per_user):
            answer = Answer.YES.value if (index + number) % 2 == 0 else Answer.NO.value
            last[user] = answer
            bodies.append(
                req.block_actions(
                    buttons[answer],
                    user_id=user,
                    response_url=standin.response_url("rsvp"),
                    channel_id=WORKING_GROUP,
                    message=call,
                    trigger_id=req.new_trigger_id(),
                )
            )
        plan.append(bodies)
    return RsvpPlan(Plan("rsvp", plan), last)


def meeting_call(standin: SimulatedSlack, seen: int, timeout: float = 20) -> dict[str, Any]:
    """Wait until a meeting's call is posted after the channel's first seen messages; return it."""

    def find() -> dict[str, Any] | None:
        """Return the newest message with the RSVP buttons."""
        for message in reversed(standin.messages.get(WORKING_GROUP, [])[seen:]):
            if Action.MEETING_RSVP_YES in json.dumps(message.get("blocks", [])):
                return dict(message)
        return None

    standin.wait_until(lambda: find() is not None, timeout=timeout)
    found = find()
    assert found is not None
    return json.loads(json.dumps(found))


def acked(sample: Sample) -> bool:
    """Tell whether a request was acknowledged plainly: 200 and an empty body."""
    return sample.status == 200 and sample.body in (b"", b"null")


def back_to_back(url: str, plan: Plan) -> list[Sample]:
    """Send the plan with one thread per user, all starting together, each without pauses."""

    def script(index: int, connection: Connection) -> list[Sample]:
        """Send one user's requests one after another."""
        return [connection.post(plan.kind, body) for body in plan.requests[index]]

    return run_users(url, SECRET, len(plan.requests), script)


@dataclass(frozen=True)
class Progress:
    """What the bot has done after its acks so far, as the stand-in saw it."""

    posted: int
    responses: int
    ephemerals: int


def progress(standin: BenchStandIn) -> Progress:
    """Return the stand-in's count of posted messages, response-URL answers and ephemerals."""
    return Progress(
        standin.posted, len(standin.responses), len(standin.calls_to("chat.postEphemeral"))
    )


def wait_settled(
    standin: BenchStandIn, before: Progress, plan: Plan, samples: list[Sample], timeout: float = 120
) -> Progress:
    """Wait until the bot's work after the acks of a load is done; return what was done since.

    A list is answered through its response URL, a need posts its card and the person's
    confirmation, an RSVP press tells the person privately. After timeout, what was done so
    far is returned.
    """
    done = sum(1 for s in samples if acked(s))
    want = {
        "lista": Progress(before.posted, before.responses + done, before.ephemerals),
        "form": Progress(before.posted + 2 * done, before.responses, before.ephemerals),
        "rsvp": Progress(before.posted, before.responses, before.ephemerals + done),
    }[plan.kind]

    def reached() -> bool:
        """Tell whether the stand-in saw all the work."""
        now = progress(standin)
        return (
            now.posted >= want.posted
            and now.responses >= want.responses
            and now.ephemerals >= want.ephemerals
        )

    with contextlib.suppress(AssertionError):
        standin.wait_until(reached, timeout=timeout)
    now = progress(standin)
    return Progress(
        now.posted - before.posted,
        now.responses - before.responses,
        now.ephemerals - before.ephemerals,
    )


def needs_titled(database_url: str, tag: str) -> int:
    """Count the needs a form load with tag stored."""
    return int(
        count_rows(
            database_url,
            select(func.count()).select_from(Need).where(Need.title.like(f"% i mätning {tag}")),
        )
        or 0
    )


def rsvp_answers(database_url: str) -> dict[str, list[str]]:
    """Return every person's stored answers to meetings (one each when nothing is doubled)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(MeetingAnswer.user_id, MeetingAnswer.answer)).all()
    finally:
        engine.dispose()
    found: dict[str, list[str]] = {}
    for user, answer in rows:
        found.setdefault(str(user), []).append(str(answer))
    return found


# --------------------------------------------------------------------------- the training rush

TRAINING_ANSWERS: dict[str, Any] = {
    Field.TRAINING_TITLE: "Drogtecken för socialtjänsten",
    Field.TRAINING_SUBJECT: "drug_signs",
    Field.TRAINING_START: clock_time(10, 0),
    Field.TRAINING_END: clock_time(12, 0),
    Field.TRAINING_ORGANIZER: "lansstyrelsen",
    Field.TRAINING_TARGETS: ["gavle", "tullverket"],
    Field.TRAINING_EXPECTED: 300,
    Field.TRAINING_PLACE: "Länsstyrelsen, Gävle",
    Field.TRAINING_TARGET: "channel",
}


def evaluation_message(
    served: Served, standin: BenchStandIn, database_url: str
) -> tuple[int, dict[str, Any]]:
    """Register yesterday's training as a coordinator; return its id and its evaluation message."""
    seen = len(standin.messages.get(WORKING_GROUP, []))
    form = open_form(served, standin, "/utbildning", COORDINATOR)
    yesterday = datetime.now(TZ).date() - timedelta(days=1)
    answers = {**TRAINING_ANSWERS, Field.TRAINING_DATE: yesterday}
    body = req.view_submission(
        form,
        req.input_values(form, answers),
        user_id=COORDINATOR,
        view_id=f"VTRAINING{uuid.uuid4().hex[:8].upper()}",
    )
    sample = Connection(served.url, SECRET).post("register", body)
    if not acked(sample):
        raise RuntimeError(f"the training was not registered: {sample.status} {sample.body!r}")

    def find() -> dict[str, Any] | None:
        """Return the newest message with the evaluation button."""
        for message in reversed(standin.messages.get(WORKING_GROUP, [])[seen:]):
            if Action.TRAINING_ANSWER in json.dumps(message.get("blocks", [])):
                return dict(message)
        return None

    standin.wait_until(lambda: find() is not None, timeout=20)
    message = find()
    assert message is not None
    button = find_button(message["blocks"], Action.TRAINING_ANSWER)
    return int(json.loads(button["value"])["training"]), json.loads(json.dumps(message))


@dataclass
class Person:
    """One participant's answers and what happened to them."""

    user: str
    start: float
    before: int
    after: int
    samples: list[Sample] = field(default_factory=list)
    sent: list[tuple[float, str, bytes]] = field(default_factory=list)
    opened_after: float | None = None
    problem: str | None = None
    done_at: float = 0.0


@dataclass(frozen=True)
class RushFigures:
    """What the training rush left behind."""

    people: int
    forms_opened: int
    stored: int
    doubled: int
    lost: int
    wrong: int
    problems: list[str]
    acks: Summary
    open_p99_ms: float
    span_seconds: float
    sent: list[list[tuple[float, str, bytes]]]


def _answer(
    url: str,
    standin: BenchStandIn,
    message: dict[str, Any],
    person: Person,
    t0: float,
) -> None:
    """Press the button, wait for the form, answer page 1 and page 2, as one person does."""
    connection = Connection(url, SECRET)
    try:
        delay = t0 + person.start - time.perf_counter()
        if delay > 0:
            time.sleep(delay)  # this person presses the button at their moment in the rush
        trigger = req.new_trigger_id()
        opened = standin.expect_form(trigger)
        button = find_button(message["blocks"], Action.TRAINING_ANSWER)
        click = req.block_actions(
            button,
            user_id=person.user,
            response_url=standin.response_url("rush"),
            channel_id=WORKING_GROUP,
            message=message,
            trigger_id=trigger,
        )
        person.sent.append((time.perf_counter() - t0, "click", click))
        pressed = connection.post("click", click)
        person.samples.append(pressed)
        if not acked(pressed):
            person.problem = f"click answered {pressed.status} {pressed.body[:80]!r}"
            return
        if not opened.done.wait(10) or opened.view is None:
            person.problem = f"the form did not open ({opened.error or 'no views.open'})"
            return
        person.opened_after = opened.at - pressed.started
        page1 = opened.view
        values = req.input_values(page1, {Field.TRAINING_EVAL_AFTER: str(person.after)})
        body = req.view_submission(page1, values, user_id=person.user, view_id=f"VR{person.user}")
        person.sent.append((time.perf_counter() - t0, "page1", body))
        first = connection.post("page1", body)
        person.samples.append(first)
        pushed = json.loads(first.body or b"null") if first.status == 200 else None
        if not isinstance(pushed, dict) or pushed.get("response_action") != "push":
            person.problem = f"page 1 answered {first.status} {first.body[:120]!r}"
            return
        page2 = pushed["view"]
        values = req.input_values(page2, {Field.TRAINING_EVAL_BEFORE: str(person.before)})
        body = req.view_submission(page2, values, user_id=person.user, view_id=f"VR{person.user}")
        person.sent.append((time.perf_counter() - t0, "page2", body))
        second = connection.post("page2", body)
        person.samples.append(second)
        thanks = json.loads(second.body or b"null") if second.status == 200 else None
        if not isinstance(thanks, dict) or thanks.get("response_action") != "update":
            person.problem = f"page 2 answered {second.status} {second.body[:120]!r}"
            return
        person.done_at = time.perf_counter()
    finally:
        connection.close()


def training_rush(
    served: Served,
    standin: BenchStandIn,
    database_url: str,
    *,
    count: int = 300,
    window: float = 7.0,
) -> RushFigures:
    """Let count people press the evaluation button within window seconds and answer both pages."""
    training_id, message = evaluation_message(served, standin, database_url)
    rng = random.Random(300)
    crowd = [
        Person(user, rng.uniform(0, window), before=rng.randint(1, 3), after=rng.randint(3, 5))
        for user, _ in people(count, "R")
    ]
    t0 = time.perf_counter() + 0.2
    threads = [
        threading.Thread(target=_answer, args=(served.url, standin, message, person, t0))
        for person in crowd
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples = [sample for person in crowd for sample in person.samples]
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            stored = connection.execute(
                select(SurveyResponse.knowledge_before, SurveyResponse.knowledge_after).where(
                    SurveyResponse.training_id == training_id
                )
            ).all()
            doubled = connection.execute(
                select(func.count()).select_from(
                    select(SurveyResponse.key)
                    .where(SurveyResponse.training_id == training_id)
                    .group_by(SurveyResponse.key)
                    .having(func.count() > 1)
                    .subquery()
                )
            ).scalar()
    finally:
        engine.dispose()
    sent = Counter((p.before, p.after) for p in crowd if p.problem is None)
    kept = Counter((int(b), int(a)) for b, a in stored)
    opened = [p.opened_after * 1000 for p in crowd if p.opened_after is not None]
    finished = [p.done_at for p in crowd if p.done_at]
    return RushFigures(
        people=count,
        forms_opened=len(opened),
        stored=len(stored),
        doubled=int(doubled or 0),
        lost=sum((sent - kept).values()),
        wrong=sum((kept - sent).values()),
        problems=[f"{p.user}: {p.problem}" for p in crowd if p.problem],
        acks=summarize(samples, lambda s: s.status == 200),
        open_p99_ms=percentile(opened, 99) if opened else 0.0,
        span_seconds=(max(finished) - t0) if finished else 0.0,
        sent=[p.sent for p in crowd],
    )


def replay(url: str, sent: list[list[tuple[float, str, bytes]]]) -> list[Sample]:
    """Send what each person of a rush sent, at the same moments after the start, to url."""
    results: list[list[Sample]] = [[] for _ in sent]
    t0 = time.perf_counter() + 0.2

    def person(index: int) -> None:
        """Send one person's requests on their own connection."""
        connection = Connection(url, SECRET)
        try:
            for offset, kind, body in sent[index]:
                delay = t0 + offset - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)  # the moment this person sent the request to the bot
                results[index].append(connection.post(kind, body))
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(i,)) for i in range(len(sent))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [sample for found in results for sample in found]


# --------------------------------------------------------------------------- the month's first day


@dataclass(frozen=True)
class MonthFigures:
    """How the call and its reminders went out under Slack's per-channel rate."""

    expected: int
    posted: int
    doubled: int
    unsent: int
    rate_limited: int
    makespan: float
    forced_makespan: float
    max_extra_delay: float
    first_post_after_start: float


def meeting_config(start: datetime, reminder_before: str = "10d") -> str:
    """Return the configuration with one working-group meeting whose call (and reminder) is due."""
    return (
        CONFIG
        + f"""
[[meetings]]
kind = "working_group"
title = "Arbetsgruppsmöte"
rrule = "FREQ=YEARLY"
start = "{start:%Y-%m-%dT%H:%M}"
duration = "2h"
location = "Länsstyrelsen, Gävle / Teams"
call_before = "14d"
reminder_before = "{reminder_before}"
agenda = ["Behov från parterna", "Aktuellt läge i länet"]
"""
    )


def earliest_allowed(arrivals: list[tuple[str, float]], rate: float) -> list[float]:
    """Return, per post in arrival order, the earliest moment Slack's per-channel rate allows it.

    Every post could go at the first post's moment; a channel's next post one interval after
    the channel's previous earliest moment.
    """
    if not arrivals:
        return []
    first = min(at for _, at in arrivals)
    last_in: dict[str, float] = {}
    earliest = []
    for channel, _ in arrivals:
        moment = max(first, last_in[channel] + 1 / rate) if channel in last_in else first
        last_in[channel] = moment
        earliest.append(moment)
    return earliest


def month_first_day(
    standin: BenchStandIn,
    database_url: str,
    workdir: Path,
    *,
    contacts_per_organization: int = 2,
    rate: float = 1.0,
    timeout: float = 60.0,
    env: dict[str, str] | None = None,
) -> MonthFigures:
    """Start `python -m bot clock` when a call and all its reminders are due; time their posting."""
    start_local = datetime.combine(datetime.now(TZ).date() + timedelta(days=2), clock_time(9, 0))
    config = workdir / f"month-{uuid.uuid4().hex[:6]}.toml"
    config.write_text(meeting_config(start_local), encoding="utf-8")
    settings = Settings(
        SLACK_BOT_TOKEN=SecretStr(BOT_TOKEN),
        SLACK_SIGNING_SECRET=SecretStr(SECRET),
        BOT_SECRET_KEY=SecretStr(ANSWER_KEY),
        SLACK_API_URL=standin.api_url,
        DATABASE_URL=database_url,
        BOT_CONFIG=config,
    )
    bot = start_context(settings)
    contacts = people(len(BUILT_IN) * contacts_per_organization, "K")
    with bot.db.transaction() as session:
        for index, (user, _) in enumerate(contacts):
            organization = BUILT_IN[index % len(BUILT_IN)].id
            meeting_store.add_contact(session, organization, user, "coordinator", bot.clock.now())
    bot.db.dispose()
    expected = 2 + len(contacts)  # the call and the channel reminder, and one reminder each

    before = len(standin.calls)
    standin.limit_rate(rate)
    child = child_env(**bot_env(standin, database_url, config), BOT_TICK_SECONDS="1", **(env or {}))
    log = (workdir / "clock.log").open("wb")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "clock"], env=child, cwd=workdir, stdout=log, stderr=log
    )

    def meeting_posts() -> list[Any]:
        """Return the meeting messages posted since the clock started."""
        return [
            call
            for call in standin.calls[before:]
            if call.method == "chat.postMessage"
            and call.error is None
            and str(
                (call.args.get("metadata") or {}).get("event_payload", {}).get("key", "")
            ).startswith("meeting:")
        ]

    try:
        with contextlib.suppress(AssertionError):
            standin.wait_until(lambda: len(meeting_posts()) >= expected, timeout=timeout)
        time.sleep(2.5)  # two more ticks of both kinds of work: nothing more may be posted
    finally:
        process.terminate()
        process.wait(30)
        log.close()
        standin.limit_rate(None)

    with standin._lock:
        posts = meeting_posts()
        limited = sum(
            1 for call in standin.calls[before:] if call.error == "ratelimited" and call.faulted
        )
    keys = Counter(str(call.args["metadata"]["event_payload"]["key"]) for call in posts)
    arrivals = [(str(call.args["channel"]), call.at) for call in posts]
    earliest = earliest_allowed(arrivals, rate)
    unsent = count_rows(
        database_url,
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.key.like("meeting:%"), OutboxMessage.status != "sent"),
    )
    first = min((at for _, at in arrivals), default=started)
    last = max((at for _, at in arrivals), default=started)
    return MonthFigures(
        expected=expected,
        posted=len(keys),
        doubled=sum(n - 1 for n in keys.values()),
        unsent=int(unsent or 0),
        rate_limited=limited,
        makespan=last - first,
        forced_makespan=max(earliest, default=first) - first,
        max_extra_delay=max(
            (at - allowed for (_, at), allowed in zip(arrivals, earliest, strict=True)), default=0.0
        ),
        first_post_after_start=first - started,
    )


# --------------------------------------------------------------------------- helpers for run


def serve_config(workdir: Path) -> Path:
    """Write the served bot's configuration: a meeting in two days whose call is due at once."""
    config = workdir / "samverkan.toml"
    if not config.exists():
        start = datetime.combine(datetime.now(TZ).date() + timedelta(days=2), clock_time(9, 0))
        config.write_text(meeting_config(start, reminder_before="1d"), encoding="utf-8")
    return config


def start_served_bot(
    standin: BenchStandIn,
    database_url: str,
    workdir: Path,
    name: str,
    extra_env: dict[str, str] | None = None,
) -> Served:
    """Start `python -m bot serve` on the database with the benchmark's configuration."""
    env = {**bot_env(standin, database_url, serve_config(workdir)), **(extra_env or {})}
    return start_bot(env, workdir, name)


def start_procfile(
    standin: BenchStandIn,
    database_url: str,
    workdir: Path,
    extra_env: dict[str, str] | None = None,
) -> Served:
    """Start the Procfile's web process (two gunicorn workers) with the benchmark's config."""
    return start_procfile_web(
        {**bot_env(standin, database_url, serve_config(workdir)), **(extra_env or {})}, workdir
    )
