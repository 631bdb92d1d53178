"""Selects longer than Slack's 100 options: the bot serves them as the person types (issue 18).

Needs are always searched (external selects); organisations only when the configuration makes
them more than 100. Slack asks with block_suggestion requests, signed over HTTP (the manifest's
options load URL) or as Socket Mode envelopes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.models.blocks import Option
from sqlalchemy import select

from bot.domain.needs import NeedStatus
from bot.domain.organizations import BUILT_IN
from bot.domain.search import SearchQuery
from bot.settings import Settings
from bot.shell.console import ConsoleAnswerer, Output, ScriptConsole
from bot.shell.forms import Choice, Directory, FormFiller, Question, Refused, Stopped
from bot.shell.render import Renderer, Style
from bot.shell.session import ShellSession
from bot.shell.world import load_world
from bot.texts import Texts
from bot.texts import shell as shell_texts
from commands import blocks as b
from commands.edge.ids import Action, Callback, Field
from commands.edge.suggestions import matching
from commands.needs.search import need_option
from slack_sim import requests as req
from slack_sim.web_api import SimulatedSlack
from storage.db import Database
from storage.directory import sync_organizations
from storage.migrate import upgrade
from storage.models import Need, Training, TrainingNeed
from storage.needs import NeedTitle, create_need, search_needs
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    OUTSIDER,
    RunningBot,
)
from tests.test_behov import open_form as open_need_form
from tests.test_meetings import CALL_TIME, CONFIG, WG_START, call_of, click, meeting_id, posted
from tests.test_meetings import tick as meetings_tick
from tests.test_storage import draft
from tests.test_trainings import TRAINING, settle

NOW = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)
NEEDS = 250
FIRST_SUBMITTED = NOW - timedelta(days=400)  # need n was submitted n minutes after this
OLDEST = "Narkotikahundar i Gävle hamn"
# Enough partners added by the configuration that their selects cannot be static.
MANY = [{"id": f"forening-{n}", "name": f"Förening {n}", "kind": "other"} for n in range(1, 151)]
EXTERNAL = {"external_select", "multi_external_select"}
TR = Texts("sv")


def title_of(number: int) -> str:
    """Return the title of need number: the oldest has a word no other has."""
    return OLDEST if number == 1 else f"Drogtecken i skolan, del {number}"


def seed_needs(
    db: Database, count: int = NEEDS, status: dict[int, NeedStatus] | None = None
) -> None:
    """Store count open needs of Tullverket, a minute apart, oldest first (need 1)."""
    with db.transaction() as session:
        for number in range(1, count + 1):
            need = create_need(
                session,
                draft(title_of(number)),
                submitted_by=ANNA,
                source_key=None,
                now=FIRST_SUBMITTED + timedelta(minutes=number),
            )
            assert need is not None
            assert need.id == number
        for number, moved in (status or {}).items():
            row = session.get(Need, number)
            assert row is not None
            row.status = moved.value


def values(options: list[dict[str, Any]]) -> list[str]:
    """Return the options' values."""
    return [o["value"] for o in options]


def element_of(view: dict[str, Any], field: str) -> dict[str, Any]:
    """Return the element of a view's input block."""
    block = next(b for b in view["blocks"] if b.get("block_id") == field)
    element: dict[str, Any] = block["element"]
    return element


def open_view(running: RunningBot, command: str, text: str, user: str) -> dict[str, Any]:
    """Run a command that opens a form; return the form."""
    before = len(running.standin.calls_to("views.open"))
    assert running.command(command, text, user).status == 200
    running.standin.wait_for("views.open", before + 1)
    return running.opened_view()


def views_shown(standin: SimulatedSlack) -> Iterator[dict[str, Any]]:
    """Yield every view the bot opened, updated or pushed."""
    for method in ("views.open", "views.update", "views.push"):
        for call in standin.calls_to(method):
            yield call.args["view"]


def assert_every_external_select_is_served(running: RunningBot) -> None:
    """Check that each external select the bot drew has its options routed at the edge."""
    drawn = {
        element["action_id"]
        for view in views_shown(running.standin)
        for _, element in req.iter_elements(view.get("blocks"))
        if element.get("type") in EXTERNAL
    }
    assert drawn
    assert drawn <= set(running.wiring.edge.suggestions)


# ------------------------------------------------------------------------------ the query


@pytest.mark.parametrize(
    ("typed", "title", "number", "matches"),
    [
        ("", "Vad som helst", 7, True),
        ("hamn", OLDEST, 1, True),
        ("HAMN gävle", OLDEST, 1, True),
        ("GÄVLE  narkotikahund", OLDEST, 1, True),
        ("hamn skolan", OLDEST, 1, False),
        ("#12", "Titel", 12, True),
        ("#12", "Titel", 120, True),
        ("12", "Titel", 1205, True),
        ("#12", "Titel", 21, False),
        ("012", "Titel", 12, True),
        ("12", "Plan för 2012", 3, True),
        ("#", "Titel", 1, False),
        ("١٢", "Titel", 12, False),  # Arabic-Indic digits are no need number
        ("１２", "Titel", 12, False),  # nor are full-width ones
        ("\x00", "Titel", 1, False),
        ("%", "Titel", 1, False),  # no SQL wildcard: matched as text
        ("_", "Titel", 1, False),
        ("100 %", "Minska med 100 %", 9, True),
        ("STRASSE", "Straße", 1, True),
        ("<@U0ANNA001>", "Titel", 1, False),
    ],
)
def test_a_query_matches_words_in_any_case_and_numbers_by_their_first_digits(
    typed: str, title: str, number: int, matches: bool
) -> None:
    assert SearchQuery.parse(typed).matches(title, number) is matches


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("#12", 12),
        ("12", 12),
        (" 12 ", 12),
        ("012", 12),
        ("12 hamn", None),
        ("#", None),
        ("#-1", None),
        ("1" * 19, None),
        ("x" * 5000, None),
        ("", None),
    ],
)
def test_a_query_names_a_need_number_only_when_it_is_one(typed: str, number: int | None) -> None:
    assert SearchQuery.parse(typed).number == number


def test_a_huge_query_is_cut_to_ten_words() -> None:
    query = SearchQuery.parse("ord " * 5000)
    assert query.tokens == ("ord",) * 10


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """Yield a migrated database on each backend, with the built-in organisations."""
    database = Database(database_url)
    upgrade(database.engine)
    with database.transaction() as session:
        sync_organizations(session, BUILT_IN)
    yield database
    database.dispose()


def test_the_search_names_the_need_first_then_the_newest_at_most_100(db: Database) -> None:
    seed_needs(db, status={2: NeedStatus.DONE})
    open_ones = (NeedStatus.NEW, NeedStatus.TAKEN_UP, NeedStatus.PLANNED)

    def found(typed: str, statuses: Any = open_ones) -> list[int]:
        with db.reading() as session:
            query = SearchQuery.parse(typed)
            return [n.id for n in search_needs(session, query, statuses=statuses, limit=100)]

    assert found("") == list(range(250, 150, -1))
    by_number = found("#1")
    assert by_number[:3] == [1, 199, 198]  # 1, then 199..100 and 19..10 newest first
    assert len(by_number) == 100
    assert found("1")[0] == 1
    assert found("narkotikahundar") == found("HAMN gävle") == [1]
    assert found("#2")[:2] == [250, 249]  # need 2 is done: not open
    assert 2 not in found("#2")
    assert found("#2", statuses=None)[0] == 2
    assert found("del 249") == [249]
    assert found("nothing like it") == []


# ------------------------------------------------------------------------ the Block Kit


def _options(count: int) -> list[Option]:
    return [b.option(f"Förening {n}", f"forening-{n}") for n in range(1, count + 1)]


def test_a_list_that_fits_stays_static_and_a_longer_one_is_served_keeping_its_choice() -> None:
    fits = b.select_input(
        "Arrangör", "f", _options(100), initial="forening-7", served=True
    ).to_dict()
    longer = b.select_input(
        "Arrangör", "f", _options(101), initial="forening-7", served=True
    ).to_dict()
    many = b.multi_select_input(
        "Målgrupp", "m", _options(101), initial=["forening-2"], served=True
    ).to_dict()
    cut = b.select_input("Ämne", "s", _options(101)).to_dict()  # not served: cut, as before

    assert fits["element"]["type"] == "static_select"
    assert len(fits["element"]["options"]) == 100
    assert values([fits["element"]["initial_option"]]) == ["forening-7"]
    assert cut["element"]["type"] == "static_select"
    assert len(cut["element"]["options"]) == 100
    assert longer == {
        "type": "input",
        "block_id": "f",
        "label": {"type": "plain_text", "text": "Arrangör", "emoji": True},
        "optional": False,
        "element": {
            "type": "external_select",
            "action_id": "f",
            "min_query_length": 0,
            "initial_option": {
                "text": {"type": "plain_text", "text": "Förening 7", "emoji": True},
                "value": "forening-7",
            },
        },
    }
    assert many["element"]["type"] == "multi_external_select"
    assert values(many["element"]["initial_options"]) == ["forening-2"]
    assert "options" not in many["element"]


def test_a_need_is_offered_by_number_and_title_clipped_to_what_slack_shows() -> None:
    option = need_option(NeedTitle(12345, "Lång rubrik " * 10)).to_dict()
    assert option["value"] == "12345"
    assert option["text"]["text"].startswith("#12345 Lång rubrik Lång")
    assert len(option["text"]["text"]) == 75
    assert option["text"]["text"].endswith("…")


def test_served_options_hold_every_word_typed_and_are_at_most_100() -> None:
    options = _options(150)
    assert [o.value for o in matching(options, "FÖRENING 14")] == [
        "forening-14",
        "forening-114",
        *(f"forening-{n}" for n in range(140, 150)),
    ]
    assert len(matching(options, "")) == 100
    assert matching(options, "kommun") == []


# ---------------------------------------------------------------- over HTTP and Socket Mode


@pytest.mark.parametrize("socket_mode", [False, True], ids=["http", "socket_mode"])
def test_the_oldest_of_250_open_needs_is_found_and_linked_to_a_training(
    standin: SimulatedSlack, sqlite_url: str, socket_mode: bool
) -> None:
    running = RunningBot(standin, sqlite_url, now=NOW, socket_mode=socket_mode)
    try:
        seed_needs(running.bot.db)
        view = open_view(running, "/utbildning", "", COORDINATOR)
        element = element_of(view, Field.TRAINING_NEEDS)
        assert element["type"] == "multi_external_select"
        assert element["min_query_length"] == 0
        assert "options" not in element

        def suggest(typed: str, user: str = COORDINATOR) -> list[dict[str, Any]]:
            return running.suggest(view, Field.TRAINING_NEEDS, typed, user)

        assert values(suggest("")) == [str(n) for n in range(250, 150, -1)]
        assert values(suggest("#1"))[:2] == ["1", "199"]
        assert values(suggest("1"))[0] == "1"
        [oldest] = suggest("hamn GÄVLE")
        assert oldest == {
            "text": {"type": "plain_text", "text": f"#1 {OLDEST}", "emoji": True},
            "value": "1",
        }
        assert suggest("hamn", OUTSIDER) == []
        running.submit(view, {**TRAINING, Field.TRAINING_NEEDS: [oldest]}, COORDINATOR)
        settle(running)
        with running.bot.db.reading() as session:
            training = session.scalars(select(Training)).one()
            linked = session.scalars(select(TrainingNeed.need_id)).all()
        assert training.title == TRAINING[Field.TRAINING_TITLE]
        assert linked == [1]
        card = running.standin.calls_to("chat.postMessage")[0].args
        assert "#1" in str(card["blocks"])
        assert_every_external_select_is_served(running)
    finally:
        running.stop()


def test_a_need_that_is_not_open_is_refused_inline_though_typed_in_by_hand(
    running: RunningBot,
) -> None:
    seed_needs(running.bot.db, count=3, status={3: NeedStatus.DECLINED})
    view = open_view(running, "/utbildning", "", COORDINATOR)
    assert "3" not in values(running.suggest(view, Field.TRAINING_NEEDS, "", COORDINATOR))
    answer = running.submit(view, {**TRAINING, Field.TRAINING_NEEDS: ["3"]}, COORDINATOR)
    assert set(answer.json()["errors"]) == {Field.TRAINING_NEEDS}
    with running.bot.db.reading() as session:
        assert session.scalars(select(Training)).all() == []


def test_the_attendance_form_offers_new_needs_to_coordinators_and_keeps_who_attended(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    config = {**CONFIG, "organizations": MANY}
    running = RunningBot(standin, sqlite_url, now=NOW, config=config)
    try:
        seed_needs(running.bot.db, status={1: NeedStatus.PLANNED})
        meetings_tick(running, CALL_TIME)
        click(running, call_of(running), Action.MEETING_RSVP_YES, ANNA)
        running.standin.wait_for("chat.update", 1)
        meetings_tick(running, WG_START + timedelta(hours=2))
        followup = posted(running, f"meeting:{meeting_id(running)}:followup")
        click(
            running,
            followup,
            Action.MEETING_FOLLOWUP_OPEN,
            COORDINATOR,
            channel=COORDINATOR_CHANNEL,
        )
        running.standin.wait_for("views.open", 1)
        form = running.opened_view()
        attended = element_of(form, Field.MEETING_ATTENDED)
        assert attended["type"] == "multi_external_select"  # 170 organisations
        assert values(attended["initial_options"]) == ["tullverket"]  # reopened: kept
        assert element_of(form, Field.MEETING_NEEDS_TAKEN_UP)["type"] == "multi_external_select"

        def suggest(field: str, typed: str, user: str = COORDINATOR) -> list[str]:
            return values(running.suggest(form, field, typed, user))

        assert suggest(Field.MEETING_NEEDS_TAKEN_UP, "hamn") == []  # need 1 is planned
        assert suggest(Field.MEETING_NEEDS_TAKEN_UP, "#2")[0] == "2"
        assert suggest(Field.MEETING_NEEDS_TAKEN_UP, "#2", ANNA) == []
        assert suggest(Field.MEETING_ATTENDED, "förening 150") == ["forening-150"]
        assert suggest(Field.MEETING_ATTENDED, "tull", ANNA) == []
        running.submit(
            form,
            {
                Field.MEETING_ATTENDED: ["tullverket", "forening-150"],
                Field.MEETING_NEEDS_TAKEN_UP: ["2"],
            },
            COORDINATOR,
        )
        running.standin.wait_for("chat.postEphemeral", 1)
        with running.bot.db.reading() as session:
            need = session.get(Need, 2)
            assert need is not None
            assert need.status == NeedStatus.TAKEN_UP.value
        assert_every_external_select_is_served(running)
    finally:
        running.stop()


def test_with_many_organisations_their_selects_are_searched_and_keep_their_choice(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(
        standin, sqlite_url, now=NOW, config={**BASE_CONFIG, "organizations": MANY}
    )
    try:
        coordinator_form = open_view(running, "/utbildning", "", COORDINATOR)
        organizer = element_of(coordinator_form, Field.TRAINING_ORGANIZER)
        assert organizer["type"] == "external_select"
        assert element_of(coordinator_form, Field.TRAINING_TARGETS)["type"] == (
            "multi_external_select"
        )
        [tull] = running.suggest(coordinator_form, Field.TRAINING_ORGANIZER, "TULL", COORDINATOR)
        assert tull["value"] == "tullverket"
        assert (
            len(running.suggest(coordinator_form, Field.TRAINING_TARGETS, "", COORDINATOR)) == 100
        )

        partner_form = open_view(running, "/utbildning", "", ANNA)
        own = element_of(partner_form, Field.TRAINING_ORGANIZER)
        assert own["type"] == "static_select"  # a partner registers for their own only
        assert values([own["initial_option"]]) == ["tullverket"]
        assert running.suggest(partner_form, Field.TRAINING_ORGANIZER, "polis", ANNA) == []

        needs_form = open_need_form(running, COORDINATOR)
        organization = element_of(needs_form, Field.NEED_ORGANIZATION)
        assert organization["type"] == "external_select"
        assert organization["initial_option"]["value"] == "lansstyrelsen"

        outsider_form = open_view(running, "/samverkan", "organisation", OUTSIDER)
        assert element_of(outsider_form, Field.ORGANIZATION_CHOICE)["type"] == "external_select"
        found = running.suggest(outsider_form, Field.ORGANIZATION_CHOICE, "förening 9", OUTSIDER)
        assert values(found)[:2] == ["forening-9", "forening-19"]

        running.submit(
            coordinator_form,
            {**TRAINING, Field.TRAINING_ORGANIZER: tull, Field.TRAINING_TARGETS: ["forening-3"]},
            COORDINATOR,
        )
        settle(running)
        with running.bot.db.reading() as session:
            training = session.scalars(select(Training)).one()
        assert training.organizer_id == "tullverket"
        assert training.target_organizations == ["forening-3"]
        assert_every_external_select_is_served(running)
    finally:
        running.stop()


def test_the_need_edit_form_reopens_with_its_organisation_among_many(
    standin: SimulatedSlack, sqlite_url: str
) -> None:
    running = RunningBot(
        standin, sqlite_url, now=NOW, config={**BASE_CONFIG, "organizations": MANY}
    )
    try:
        seed_needs(running.bot.db, count=1)
        before = len(running.standin.calls_to("views.open"))
        running.click(
            {"type": "button", "action_id": Action.NEED_EDIT, "value": '{"need":1}'},
            COORDINATOR,
        )
        running.standin.wait_for("views.open", before + 1)
        form = running.opened_view()
        assert form["callback_id"] == Callback.NEED_EDIT
        organization = element_of(form, Field.NEED_ORGANIZATION)
        assert organization["type"] == "external_select"
        assert organization["initial_option"] == {
            "text": {"type": "plain_text", "text": "Tullverket", "emoji": True},
            "value": "tullverket",
        }
    finally:
        running.stop()


# ---------------------------------------------------------------------------- the shell


class _Scripted:
    """Answers a form's questions from a list; records why each was asked again."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = answers
        self.problems: list[str] = []

    def answer(self, question: Question, problem: str) -> str | None:
        """Give the next answer; None when there is none."""
        self.problems.append(problem)
        return self.answers.pop(0) if self.answers else None

    def confirm(self, title: str, text: str) -> bool | None:
        """Say yes."""
        return True


def _filler(answers: list[str], found: dict[str, list[Choice]]) -> tuple[FormFiller, _Scripted]:
    """Return a form filler answering from answers, whose bot suggests found[typed]."""
    scripted = _Scripted(answers)

    def suggest(question: Question, typed: str) -> list[Choice]:
        return found.get(typed.casefold(), [])

    directory = Directory(list, list, ZoneInfo("Europe/Stockholm"), NOW.date)
    renderer = Renderer(TR, _NoNames(), Style(color=False))
    return FormFiller(TR, renderer, scripted, directory, suggest=suggest), scripted


class _NoNames:
    """Names for the renderer: ids as they are."""

    def user(self, user_id: str) -> str:
        """Return the id."""
        return user_id

    def channel(self, channel_id: str) -> str:
        """Return the id."""
        return channel_id


def _need(number: int) -> Choice:
    option = {"text": {"type": "plain_text", "text": f"#{number} {title_of(number)}"}}
    return Choice(f"#{number} {title_of(number)}", {**option, "value": str(number)})


def test_the_shell_picks_a_served_option_by_word_by_number_or_from_the_matches_listed() -> None:
    several = [_need(n) for n in (250, 249, 248)]
    found = {"hamn": [_need(1)], "drogtecken": several, "#12": [_need(12), _need(120)]}
    many = Question("b", "a", "multi_external_select", "Behov", required=False)
    one = Question("b", "a", "external_select", "Behov")

    filler, _ = _filler([], found)
    assert filler.parse(many, "hamn, #12") == [_need(1).value, _need(12).value]
    with pytest.raises(Refused) as listed:
        filler.parse(one, "drogtecken")
    assert listed.value.msg is shell_texts.PICK_SUGGESTION
    assert filler.parse(one, "2") == several[1].value  # a number picks among those listed
    assert filler.parse(one, "#12") == _need(12).value
    with pytest.raises(Refused) as none:
        filler.parse(many, "hamn, inget")
    assert none.value.params == {"text": "inget"}


def test_listing_matches_again_and_again_is_not_counted_as_a_failed_answer() -> None:
    several = [_need(n) for n in (250, 249, 248)]
    answers = ["drogtecken"] * 5 + ["3"]
    filler, scripted = _filler(answers, {"drogtecken": several})
    question = Question("b", "a", "external_select", "Behov")
    entry = filler.ask(question)
    assert entry == {"type": "external_select", "selected_option": several[2].value}
    assert scripted.problems == ["", *[TR(shell_texts.PICK_SUGGESTION)] * 5]

    filler, _ = _filler(["inget", "inget", "inget"], {})
    with pytest.raises(Stopped):
        filler.ask(Question("b", "a", "external_select", "Behov"))


def test_in_the_shell_a_coordinator_links_the_oldest_of_many_needs_by_word_and_number(
    tmp_path: Path,
) -> None:
    stream = io.StringIO()
    out = Output(stream)
    form = ["Kurs", "1", "2027-01-19", "13:00", "16:00", "1", "", "40", "Gävle", "", "", ""]
    lines = ["/jag ledare", "/utbildning", *form, "drogtecken", "1, HAMN gävle"]
    console = ScriptConsole(out, lines)
    session = ShellSession(
        load_world(None),
        settings=Settings(BOT_CONFIG=None),
        database_url=f"sqlite:///{tmp_path}/shell.db",
        start=NOW,
        files_dir=tmp_path,
        out=out,
        answerer=ConsoleAnswerer(console, TR, strict=True),
    )
    try:
        seed_needs(session.bot.db, count=150)
        while (line := console.read(session.prompt())) is not None:
            session.run_line(line)
        with session.bot.db.reading() as db_session:
            linked = sorted(db_session.scalars(select(TrainingNeed.need_id)).all())
    finally:
        session.close()
    output = stream.getvalue()
    assert "1) #150 Drogtecken i skolan, del 150" in output  # "drogtecken" listed the newest
    assert linked == [1, 150]
