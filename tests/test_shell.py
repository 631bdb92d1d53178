"""The terminal shell and the demo: scripts typed as in Slack, through the production app."""

from __future__ import annotations

import importlib
import io
import itertools
import os
import pkgutil
import re
import resource
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient
from sqlalchemy import func, select

import bot.texts
from bot.cli import main
from bot.settings import Settings
from bot.shell.console import Console, ConsoleAnswerer, Output, ScriptConsole
from bot.shell.demo import MONTH
from bot.shell.forms import Choice, Directory, FormFiller, Question, Refused
from bot.shell.press import PressQuery, PressSyntaxError, parse_press
from bot.shell.render import EMOJI, Press, Renderer, Style, mrkdwn
from bot.shell.session import ShellSession
from bot.shell.world import load_world
from bot.texts import Msg, Texts, trainings
from bot.texts import common as c
from bot.texts import results as result_texts
from bot.texts import shell as t
from commands.edge.interaction import Click, Command, Submission
from commands.edge.surface import click, form
from slack_sim import Person, SimulatedSlack
from storage import outbox
from storage.db import Database
from storage.models import (
    Attendance,
    MeetingAnswer,
    Need,
    OutboxMessage,
    SurveyResponse,
    Training,
)
from tests.figures_demo import check_export, check_home, check_summary

tr = Texts("sv")
REPO = Path(__file__).resolve().parents[1]
START = "2027-01-04T08:00"
TITLE = "Utbildning i drogtecken för tullpersonal"
GOOD_DESCRIPTION = "Vi behöver en halvdag om drogtecken för personalen i Gävle hamn."
# The needs form, field by field: organisation (kept), title, description, focus area,
# scope (kept), municipalities (none), urgency (kept), support.
NEED_FORM = ["", TITLE, GOOD_DESCRIPTION, "1", "", "", "", "1,2"]


def flat(output: str) -> str:
    """Return the output as one line of words, without the message frames."""
    return " ".join(output.replace("│", " ").replace("╭─", " ").split())


def run_script(
    tmp_path: Path,
    lines: list[str],
    capsys: pytest.CaptureFixture[str],
    *,
    start: str | None = START,
) -> str:
    """Run python -m bot shell --script with lines, on this test's database; return stdout."""
    script = tmp_path / "script.txt"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["shell", "--script", str(script), "--database", f"sqlite:///{tmp_path}/shell.db"]
    argv += ["--files", str(tmp_path / "files"), "--config", str(REPO / "bot/shell/demo.toml")]
    if start is not None:
        argv += ["--start", start]
    assert main(argv) == 0
    return capsys.readouterr().out


def needs_in(tmp_path: Path) -> list[Need]:
    """Return the needs stored in this test's shell database."""
    db = Database(f"sqlite:///{tmp_path}/shell.db")
    try:
        with db.reading() as session:
            return list(session.scalars(select(Need).order_by(Need.id)))
    finally:
        db.dispose()


def test_a_need_with_an_identity_number_is_refused_inline_and_stored_once_corrected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = list(NEED_FORM)
    form[2] = "Vi behöver en halvdag om drogtecken. Ring Tolvan på 19121212-1212."
    output = run_script(
        tmp_path, ["/jag anna@tullverket.se", "/behov", *form, GOOD_DESCRIPTION], capsys
    )

    text = flat(output)
    assert "Du är nu Anna Andersson (anna@tullverket.se), Tullverket." in text
    assert f"⚠ {tr(c.IDENTITY_NUMBER, found='”19121212-1212”')}" in text
    assert text.count("→ Skicka") == 2
    assert f"#arbetsgrupp · mån 4 jan. 08.00 ━━ Behov #1: {TITLE} ━━" in text
    assert "Direktmeddelande till dig" in text
    assert "[1] Taget upp på möte [2] Åtgärd planerad" in text
    [need] = needs_in(tmp_path)
    assert need.organization_id == "tullverket"
    assert need.description == GOOD_DESCRIPTION
    assert need.focus_area == "training"
    assert need.support == ["training", "material"]


def test_a_button_is_pressed_by_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = run_script(
        tmp_path,
        ["/jag anna@tullverket.se", "/behov", *NEED_FORM, "/jag ledare", "/kanal", "1"],
        capsys,
    )

    text = flat(output)
    assert "Du trycker på ”Taget upp på möte”." in text
    assert "✎ Ändrat i #arbetsgrupp" in text
    assert "Direktmeddelande till Anna Andersson" in text
    assert "har nu status Taget upp på möte. Ändrat av @Lena Lindqvist" in text
    [need] = needs_in(tmp_path)
    assert need.status == "taken_up"


def test_moving_time_sends_what_falls_due_at_its_moment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_script(tmp_path, ["/tid"], capsys)
    db = Database(f"sqlite:///{tmp_path}/shell.db")
    with db.transaction() as session:
        outbox.enqueue(
            session,
            key="test:reminder",
            kind="test_reminder",
            channel="C0ARBETS1",
            payload={"text": "Påminnelse från testet: läs protokollet."},
            now=datetime(2027, 1, 4, 7, 0, tzinfo=UTC),
            due_at=datetime(2027, 1, 6, 9, 0, tzinfo=UTC),
        )
    db.dispose()

    output = run_script(tmp_path, ["/kanal", "/tid +3d"], capsys)

    before, _, after = flat(output).partition("/tid +3d")
    assert "Påminnelse från testet" not in before
    assert "⏰ onsdag 6 januari 2027 kl. 10.00" in after
    assert "#arbetsgrupp · ons 6 jan. 10.00 Påminnelse från testet: läs protokollet." in after
    assert "Tiden flyttades fram till torsdag 7 januari 2027 kl. 08.00." in after
    db = Database(f"sqlite:///{tmp_path}/shell.db")
    with db.reading() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "test:reminder"))
        sent = row.one()
        assert sent.status == outbox.SENT
        assert sent.sent_at == datetime(2027, 1, 6, 9, 0, tzinfo=UTC)
    db.dispose()


def test_moving_time_posts_the_working_group_call_and_then_its_reminder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings = pytest.importorskip("bot.texts.meetings")

    output = flat(run_script(tmp_path, ["/tid 2027-01-11T10:00"], capsys))

    call = tr(meetings.CALL_HEADER, title="Arbetsgruppsmöte")
    assert (
        f"⏰ tisdag 5 januari 2027 kl. 09.00 #arbetsgrupp · tis 5 jan. 09.00 ━━ {call} ━━" in output
    )
    reminder_at = output.index(
        "⏰ måndag 11 januari 2027 kl. 09.00 #arbetsgrupp · mån 11 jan. 09.00"
    )
    assert "⏰ Påminnelse: Arbetsgruppsmöte tisdag 12 januari 2027" in output[reminder_at:]
    assert "[1] Jag kommer" in output


def test_a_form_can_be_closed_and_nothing_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = run_script(tmp_path, ["/behov", "", "/avbryt"], capsys)

    assert tr(t.FORM_CANCELLED) in output
    assert needs_in(tmp_path) == []


def test_the_home_tab_is_shown_and_its_button_opens_the_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = run_script(
        tmp_path, ["/jag anna@tullverket.se", "/hem", "/tryck Nytt behov", "/avbryt"], capsys
    )

    text = flat(output)
    assert "🏠 Din hemflik" in text
    assert "Du företräder Tullverket" in text
    assert "Du trycker på ”Nytt behov”." in text
    assert "📝 Formulär: Nytt behov" in text


def test_unknown_commands_and_time_going_backwards_are_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = flat(run_script(tmp_path, ["/finnsinte", "/tid 2026-12-01T08:00", "7", "hej"], capsys))

    assert "`/finnsinte` är inget av botens kommandon" in output
    assert "Tiden kan bara flyttas framåt" in output
    assert flat(tr(t.NO_BUTTONS)) in output
    assert "Skriv ett kommando som i Slack" in output


def _count(database: str, model: Any) -> int:
    """Return how many rows of model a database holds."""
    db = Database(database)
    try:
        with db.reading() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.dispose()


def _steps(output: str) -> dict[str, str]:
    """Return the demo's output per step, keyed by the step's title."""
    sections = flat(output).split("▶ ")[1:]
    titles = [tr(step.title) for step in MONTH]
    found: dict[str, str] = {}
    for section in sections:
        title = next(title for title in titles if section.startswith(title))
        found[title] = section
    return found


def test_the_demo_plays_every_step_of_the_month_quickly_as_a_subprocess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "BOT_CONFIG"}}
    env["PYTHONPATH"] = str(REPO)
    database = f"sqlite:///{tmp_path}/demo.db"
    files = tmp_path / "files"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--files", str(files), "--database", database],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Processor time, not wall time: the machine may be busy with other tests.
    cpu_seconds = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    assert result.returncode == 0, result.stderr[-3000:]
    assert cpu_seconds < 30
    for failure in ("hoppas över", "skipped", "Traceback"):
        assert failure not in result.stdout + result.stderr
    text = flat(result.stdout)
    steps = _steps(result.stdout)
    assert list(steps) == [tr(step.title) for step in MONTH]
    assert "En månad i Gävleborg mot narkotika, på en minut." in text
    # The needs: Anna's refused once for the identity number, then stored; Lena takes it up.
    assert tr(c.IDENTITY_NUMBER, found="”19121212-1212”") in text
    assert f"Behov #1: {TITLE}" in text
    assert "Behov #1 är nu: Taget upp på möte." in text
    assert _count(database, Need) == 2
    # The call is answered by three partners, and attendance is recorded at the meeting.
    assert _count(database, MeetingAnswer) == 3
    assert _count(database, Attendance) >= 4
    # The training, its evaluation answered by four people, and a partner's report-back.
    assert _count(database, Training) == 2
    assert _count(database, SurveyResponse) == 4
    assert text.count(tr(t.FORM_TITLE, title=tr(trainings.THANKS_TITLE))) == 4
    # The results (shown once the evaluation closed) with their chart.
    results = next(output for title, output in steps.items() if title.startswith("Lena tittar"))
    assert tr(result_texts.HEADER, id=1, title="Drogtecken för skolpersonal") in results
    assert "Hur man känner igen påverkan vid kontroller." in results
    assert "📎 Fil i direktmeddelande med Lena Lindqvist" in results
    # The charts: every file the bot shared was written, and is a PNG image.
    saved = re.findall(r"Sparad som: (\S+\.png)", text)
    assert len(saved) >= 3
    assert any(Path(path).parent == files for path in saved)
    for path in map(Path, saved):
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), path
        assert path.stat().st_size > 1000
    # The figures of the month: the summary, the Home tab and the export say what is true.
    check_summary(next(out for title, out in steps.items() if title.startswith("Landshövdingen")))
    check_home(next(out for title, out in steps.items() if title.startswith("Lenas hemflik")))
    check_export(files / "samverkan-export-2027-02-04.xlsx")
    # It says how to go on, and the shell goes on in the same month, its buttons still there.
    assert flat(tr(t.DEMO_END_KEPT, database=database, files=str(files))) in text
    assert not (tmp_path / "samverkansbot-shell.db").exists()
    script = tmp_path / "more.txt"
    script.write_text("/tryck Visa resultat\n/tid\n", encoding="utf-8")
    argv = ["shell", "--database", database, "--files", str(files), "--script", str(script)]
    assert main(argv) == 0
    more = flat(capsys.readouterr().out)
    assert tr(t.RESUMED) in more
    assert "lena.lindqvist@lansstyrelsen.se · tors 4 feb. 11.00 › /tryck Visa resultat" in more
    assert tr(result_texts.HEADER, id=1, title="Drogtecken för skolpersonal") in more


# ----------------------------------------------------------------------- the parts


class _Names:
    """Names for rendering tests."""

    def user(self, user_id: str) -> str:
        """Return a person's name."""
        return {"U0ANNA001": "Anna Andersson"}.get(user_id, user_id)

    def channel(self, channel_id: str) -> str:
        """Return a channel's name."""
        return "#arbetsgrupp" if channel_id == "C0ARBETS1" else channel_id


def test_mrkdwn_names_mentions_spells_out_links_and_drops_markup() -> None:
    text = "*Från:* <@U0ANNA001> i <#C0ARBETS1> &lt;ok&gt; <https://a.se/x|läs mer> :warning:"

    assert mrkdwn(text, _Names(), Style(color=False)) == (
        "Från: @Anna Andersson i #arbetsgrupp <ok> läs mer (https://a.se/x) ⚠️"
    )


def test_buttons_are_numbered_in_order_and_remember_their_action() -> None:
    pressed: list[Press] = []

    def number(press: Press) -> str:
        """Record a pressable and return its number."""
        pressed.append(press)
        return str(len(pressed))

    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Kallelse"}},
        {
            "type": "actions",
            "block_id": "rsvp",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Ja"}, "action_id": "y"},
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Nej"},
                    "action_id": "n",
                    "value": "7",
                },
            ],
        },
    ]

    lines = Renderer(tr, _Names(), Style(color=False)).blocks(blocks, number)

    assert lines == ["", "━━ Kallelse ━━", "[1] Ja  [2] Nej"]
    assert [p.action["action_id"] for p in pressed] == ["y", "n"]
    assert pressed[1].action == {
        "type": "button",
        "action_id": "n",
        "block_id": "rsvp",
        "text": {"type": "plain_text", "text": "Nej"},
        "value": "7",
    }


class _NoAnswers:
    """An answerer for parsing tests: it never answers."""

    def answer(self, question: Question, problem: str) -> str | None:
        """Stop."""
        return None

    def confirm(self, title: str, text: str) -> bool | None:
        """Stop."""
        return None


def _filler() -> FormFiller:
    """Return a form filler with a small directory, on 4 January 2027."""
    directory = Directory(
        lambda: [Choice("Anna", "U0ANNA001")],
        lambda: [Choice("#arbetsgrupp", "C0ARBETS1")],
        ZoneInfo("Europe/Stockholm"),
        lambda: date(2027, 1, 4),
    )
    return FormFiller(tr, Renderer(tr, _Names(), Style(color=False)), _NoAnswers(), directory)


def _plain_text(text: str) -> dict[str, str]:
    """Return a plain_text object."""
    return {"type": "plain_text", "text": text}


def _option(text: str, value: str) -> dict[str, Any]:
    """Return a select option as Block Kit writes it."""
    return {"text": {"type": "plain_text", "text": text}, "value": value}


def test_answers_are_read_as_slack_would_send_them() -> None:
    filler = _filler()
    options = [_option("Hela länet", "county"), _option("Valda kommuner", "municipalities")]
    select = Question("b", "a", "static_select", "Var?", element={"options": options})
    select.choices = filler.choices({"type": "static_select", "options": options})
    many = Question("b", "a", "checkboxes", "Stöd", required=False, choices=select.choices)
    day = Question("b", "a", "datepicker", "Datum")

    assert filler.parse(select, "2") == options[1]
    assert filler.parse(select, "valda") == options[1]
    assert filler.parse(many, "1, 2") == options
    assert filler.parse(many, "") == []
    assert filler.parse(day, "+7d") == "2027-01-11"
    assert filler.parse(day, "idag") == "2027-01-04"


@pytest.mark.parametrize(
    ("kind", "element", "answer", "msg"),
    [
        ("plain_text_input", {}, "", t.REQUIRED),
        ("plain_text_input", {"max_length": 5}, "sex tecken", t.TOO_LONG),
        ("number_input", {"min_value": "1", "max_value": "5"}, "9", t.NUMBER_RANGE),
        ("number_input", {}, "tre", t.NOT_A_WHOLE_NUMBER),
        ("datepicker", {}, "i övermorgon", t.NOT_A_DATE),
        ("timepicker", {}, "25:00", t.NOT_A_TIME),
    ],
)
def test_answers_slacks_client_would_not_send_are_refused(
    kind: str, element: dict[str, Any], answer: str, msg: Any
) -> None:
    question = Question("b", "a", kind, "Fält", element={"type": kind, **element})

    with pytest.raises(Refused) as refused:
        _filler().parse(question, answer)

    assert refused.value.msg is msg


def test_a_shared_file_is_saved_and_shown(tmp_path: Path) -> None:
    slack = SimulatedSlack(
        users=[Person("U0ANNA001", "Anna")],
        files_dir=tmp_path,
        now=lambda: datetime(2027, 1, 4, tzinfo=UTC),
    ).start()
    try:
        client = WebClient(token="xoxb-shell", base_url=slack.api_url)
        client.files_upload_v2(
            channel="C0ARBETS1",
            content="behov;status\n1;nytt\n",
            filename="behov.csv",
            initial_comment="Exporten",
        )
    finally:
        slack.stop()

    [event] = [e for e in slack.take_events() if e.kind == "file"]
    assert event.path == tmp_path / "behov.csv"
    assert event.path.read_text(encoding="utf-8") == "behov;status\n1;nytt\n"
    assert event.channel == "C0ARBETS1"
    assert event.message["text"] == "Exporten"


def test_a_second_session_on_the_same_database_goes_on_at_the_time_the_first_ended(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_script(tmp_path, ["/tid +1d"], capsys, start="2090-01-02T08:00")

    output = run_script(tmp_path, ["/tid"], capsys, start=None)

    assert "Klockan är tisdag 3 januari 2090 kl. 08.00." in output


def _radio_view(*, with_municipality: bool) -> dict[str, Any]:
    """Return a test modal whose choice of place adds a municipality field."""
    blocks: list[dict[str, Any]] = [
        {
            "type": "input",
            "block_id": "plats",
            "dispatch_action": True,
            "label": {"type": "plain_text", "text": "Var?"},
            "element": {
                "type": "radio_buttons",
                "action_id": "plats",
                "options": [_option("Hela länet", "lan"), _option("En kommun", "kommun")],
            },
        }
    ]
    if with_municipality:
        blocks.append(
            {
                "type": "input",
                "block_id": "kommun",
                "label": {"type": "plain_text", "text": "Vilken kommun?"},
                "element": {"type": "plain_text_input", "action_id": "kommun"},
            }
        )
    blocks.append(
        {
            "type": "input",
            "block_id": "kommentar",
            "optional": True,
            "label": {"type": "plain_text", "text": "Kommentar"},
            "element": {"type": "plain_text_input", "action_id": "kommentar"},
        }
    )
    return {
        "type": "modal",
        "callback_id": "prova",
        "title": {"type": "plain_text", "text": "Prova"},
        "submit": {"type": "plain_text", "text": "Spara"},
        "blocks": blocks,
    }


def test_a_form_that_grows_as_it_is_answered_is_asked_to_the_end(tmp_path: Path) -> None:
    stream = io.StringIO()
    out = Output(stream)
    console = ScriptConsole(out, ["/prova", "2", "Gävle", "", "Gävle kommun"])
    session = ShellSession(
        load_world(None),
        settings=Settings(BOT_CONFIG=None),
        database_url=f"sqlite:///{tmp_path}/shell.db",
        start=datetime(2027, 1, 4, 7, 0, tzinfo=UTC),
        files_dir=tmp_path,
        out=out,
        answerer=ConsoleAnswerer(console, tr),
    )
    submitted: list[dict[str, Any]] = []

    def open_form(ix: Command) -> None:
        ix.open_view(_radio_view(with_municipality=False))

    def picked(ix: Click[Any]) -> None:
        assert ix.view is not None
        ix.client.views_update(
            view_id=ix.view.id, hash=ix.view.hash, view=_radio_view(with_municipality=True)
        )

    def saved(ix: Submission[Any]) -> None:
        values = ix.form.model_dump()["values"]
        submitted.append(values)
        if ix.form.text("kommun") != "Gävle kommun":
            ix.errors({"kommun": "Skriv hela namnet."})
            return
        ix.done()
        ix.client.chat_postMessage(channel="C0ARBETS1", text="Sparat för *Gävle kommun*.")
        assert values["kommun"]["kommun"]["value"] == "Gävle kommun"

    edge = session.wiring.edge
    edge.commands["/prova"] = open_form
    edge.clicks["plats"] = click(picked)
    edge.forms["prova"] = form(saved)
    try:
        while (line := console.read(session.prompt())) is not None:
            session.run_line(line)
    finally:
        session.close()

    output = flat(stream.getvalue())
    assert output.count("📝 Formulär: Prova") == 1
    assert "Vilken kommun? › Gävle" in output
    assert "⚠ Skriv hela namnet." in output
    assert "#arbetsgrupp · mån 4 jan. 08.00 Sparat för Gävle kommun." in output
    assert [v["kommun"]["kommun"]["value"] for v in submitted] == ["Gävle", "Gävle kommun"]
    assert submitted[-1]["plats"]["plats"]["selected_option"]["value"] == "kommun"
    comment = submitted[-1]["kommentar"]["kommentar"]
    assert (comment["type"], comment["value"]) == ("plain_text_input", None)


# ----------------------------------------------------------------------- the shell never traps

CTRL_C = "^C"


class TypingConsole(Console):
    """A terminal where lines are typed: CTRL_C presses Ctrl-C; after the last line, Ctrl-D."""

    def __init__(self, out: Output, lines: Iterable[str]) -> None:
        """Type lines in order."""
        self.out = out
        self._lines = iter(lines)

    def _input(self, prompt: str) -> str:
        """Return the next line typed (echoed after prompt)."""
        line = next(self._lines, None)
        if line is None:
            raise EOFError
        self.out.line(prompt + line)
        if line == CTRL_C:
            raise KeyboardInterrupt
        return line


class BoundedStream(io.StringIO):
    """A stream that fails a test writing more than 5,000 lines: a shell looping, not hanging."""

    def write(self, text: str) -> int:
        """Write text, or fail when the stream has too many lines."""
        if self.getvalue().count("\n") > 5000:
            raise AssertionError("the shell is looping: more than 5,000 lines")
        return super().write(text)


def run_typed(tmp_path: Path, lines: Iterable[str]) -> str:
    """Type lines into an interactive shell on this test's database; return what it printed."""
    stream = BoundedStream()
    out = Output(stream)
    console = TypingConsole(out, lines)
    session = ShellSession(
        load_world(None),
        settings=Settings(BOT_CONFIG=None),
        database_url=f"sqlite:///{tmp_path}/shell.db",
        start=datetime(2027, 1, 4, 7, 0, tzinfo=UTC),
        files_dir=tmp_path / "files",
        out=out,
        answerer=ConsoleAnswerer(console, tr),
    )
    try:
        while (line := console.read(session.prompt())) is not None:
            if not session.run_line(line):
                break
    finally:
        session.close()
    return stream.getvalue()


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param(["", "", ""], id="empty"),
        pytest.param(["-", "-", "-"], id="emptied"),
        pytest.param([CTRL_C, CTRL_C, CTRL_C], id="ctrl-c"),
        pytest.param(["x" * 101, "", CTRL_C], id="too-long-empty-ctrl-c"),
    ],
)
def test_a_question_is_asked_three_times_then_the_form_closes_and_the_shell_goes_on(
    tmp_path: Path, answers: list[str]
) -> None:
    lines = ["/jag anna@tullverket.se", "/behov", "", *answers, "/jag ledare"]

    output = flat(run_typed(tmp_path, lines))

    closed = flat(tr(t.FORM_GAVE_UP, label="Rubrik", tries=3))
    assert output.count(closed) == 1
    assert output.count("Rubrik En kort mening") == 1  # asked once, then only told why again
    assert output.index(closed) < output.index("Du är nu Lena Lindqvist")
    if answers[0] == CTRL_C:
        assert tr(t.INTERRUPTED) in output
    assert needs_in(tmp_path) == []


def test_a_form_the_bot_keeps_sending_back_closes_after_three_tries(tmp_path: Path) -> None:
    # Leaving the contact-details confirmation empty once looped forever; here Enter is held.
    lines = [
        "/jag anna@tullverket.se",
        "/behov",
        "",
        TITLE,
        "Ring mig på anna@tullverket.se",
        "1",
        *itertools.repeat("", 300),
    ]

    output = run_typed(tmp_path, lines)

    assert flat(tr(t.FORM_REFUSED_TOO_OFTEN, tries=3)) in flat(output)
    assert output.count(tr(t.FORM_SENDING, submit="Skicka")) == 4  # the first, then three
    until_closed = output[: output.index(tr(t.FORM_REFUSED_TOO_OFTEN, tries=3)[:40])]
    assert len(until_closed.splitlines()) < 400  # once 12,694 lines in ten seconds
    assert needs_in(tmp_path) == []


@pytest.mark.parametrize("word", ["/avbryt", "/cancel", "/AVBRYT"])
def test_cancel_closes_a_form_and_outside_one_says_none_is_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    output = run_script(tmp_path, [word, "/behov", "", word, "/tid"], capsys)

    assert flat(tr(t.NO_FORM_OPEN)) in flat(output)
    assert tr(t.FORM_CANCELLED) in output
    assert "Klockan är måndag 4 januari 2027 kl. 08.00." in output
    assert needs_in(tmp_path) == []


@pytest.mark.parametrize(
    ("lines", "line", "error"),
    [
        pytest.param(
            ["/behov", "", ""],
            4,
            tr(t.SCRIPT_REFUSED, label="Rubrik", error=tr(t.REQUIRED)),
            id="empty-required",
        ),
        pytest.param(
            ["/behov", "", TITLE, GOOD_DESCRIPTION, "nio"],
            6,
            tr(
                t.SCRIPT_REFUSED,
                label="Fokusområde",
                error=tr(t.NO_SUCH_CHOICE, text="nio", count=5),
            ),
            id="no-such-choice",
        ),
        pytest.param(
            ["/behov", "", "/jag ledare"],
            4,
            tr(t.SCRIPT_COMMAND_IN_FORM, label="Rubrik", line="/jag ledare"),
            id="command-in-a-form",
        ),
    ],
)
def test_a_refused_script_line_stops_the_script_with_its_number_and_the_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lines: list[str],
    line: int,
    error: str,
) -> None:
    script = tmp_path / "script.txt"
    rest = [*NEED_FORM[1:], "/jag berit.berglund@gavle.se"]
    script.write_text("\n".join(["/jag anna@tullverket.se", *lines, *rest]), encoding="utf-8")
    argv = ["shell", "--script", str(script), "--database", f"sqlite:///{tmp_path}/shell.db"]

    status = main([*argv, "--files", str(tmp_path / "files"), "--start", START])

    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == f"{script}, rad {line}: {error}\n"
    assert "berit" not in captured.out
    assert needs_in(tmp_path) == []


def test_buttons_shown_in_an_earlier_session_are_pressed_by_number_and_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_script(tmp_path, ["/jag anna@tullverket.se", "/behov", *NEED_FORM], capsys)

    second = run_script(tmp_path, ["/jag ledare", "1"], capsys, start=None)
    [need] = needs_in(tmp_path)
    assert need.status == "taken_up"
    third = run_script(tmp_path, ['/tryck "Åtgärd planerad" på Behov #1'], capsys, start=None)
    [need] = needs_in(tmp_path)

    assert tr(t.RESUMED) in flat(second)
    assert "Du trycker på ”Taget upp på möte”." in second
    assert "lena.lindqvist@lansstyrelsen.se · mån 4 jan. 08.00 › /tryck" in third
    assert "Du trycker på ”Åtgärd planerad”." in third
    assert need.status == "planned"


def test_a_saved_session_that_cannot_be_read_is_named_and_the_shell_starts_afresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_script(tmp_path, ["/tid +1d"], capsys, start="2090-01-02T08:00")
    state = tmp_path / "shell.db.shell.json"
    state.write_text("{not json", encoding="utf-8")

    output = run_script(tmp_path, ["1", "/tid"], capsys, start=None)

    assert flat(tr(t.STATE_UNREADABLE, file=str(state))) in flat(output)
    assert flat(tr(t.NO_BUTTONS)) in flat(output)
    assert "Klockan är måndag 2 januari 2090" in output  # the database's last moment


def test_the_shell_starts_on_a_fresh_copy_of_the_demos_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.shell.demo.MONTH", MONTH[:3])  # the needs, quicker than a month
    script = tmp_path / "script.txt"
    script.write_text("/tryck Åtgärd planerad\n", encoding="utf-8")
    argv = ["shell", "--demo", "--script", str(script), "--files", str(tmp_path / "files")]

    assert main(argv) == 0
    assert main(argv) == 0

    outputs = capsys.readouterr().out.split(tr(t.DEMO_PLAYING))[1:]
    assert len(outputs) == 2
    for output in outputs:
        text = flat(output)
        assert "▶" not in text  # the month is played quietly
        assert "lena.lindqvist@lansstyrelsen.se · mån 4 jan. 08.00 › /tryck" in text
        assert "har nu status Åtgärd planerad. Ändrat av @Lena Lindqvist" in text
    assert list(tmp_path.glob("*.db")) == []


def test_the_demos_month_needs_a_new_database_and_no_other_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "used.db").write_bytes(b"")

    assert main(["shell", "--demo", "--start", START]) == 2
    assert main(["demo", "--database", f"sqlite:///{tmp_path}/used.db"]) == 2

    errors = capsys.readouterr().err.splitlines()
    assert "leave out --config and --start" in errors[0]
    assert "already exists" in errors[1]


# ----------------------------------------------------------------------- pressing by label


@pytest.mark.parametrize(
    ("text", "labels", "context"),
    [
        ("Svara på utvärderingen", ("Svara på utvärderingen",), ""),
        ("Svara på utvärderingen | Svara", ("Svara på utvärderingen", "Svara"), ""),
        ("  Tagen upp  ", ("Tagen upp",), ""),
        ('"Tagen upp" på Behov #1', ("Tagen upp",), "Behov #1"),
        (
            "”Jag kommer” | “Kommer” PÅ Arbetsgruppsmöte",
            ("Jag kommer", "Kommer"),
            "Arbetsgruppsmöte",
        ),
        ('"I\'m attending" on Arbetsgruppsmöte', ("I'm attending",), "Arbetsgruppsmöte"),
        ('"Svara på | utvärderingen"', ("Svara på | utvärderingen",), ""),
        ('"på" på på', ("på",), "på"),
    ],
)
def test_a_press_takes_each_label_whole(text: str, labels: tuple[str, ...], context: str) -> None:
    assert parse_press(text) == PressQuery(labels, context)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "|",
        "Svara |",
        "| Svara",
        '"Svara',
        '""',
        '"Svara" sedan',
        '"Svara" på',
        '"A" |',
        '"A" | B',
    ],
)
def test_a_press_that_names_no_label_is_refused(text: str) -> None:
    with pytest.raises(PressSyntaxError):
        parse_press(text)


def test_a_label_with_pa_in_it_is_pressed_and_a_bad_press_is_explained(tmp_path: Path) -> None:
    stream = io.StringIO()
    out = Output(stream)
    session = ShellSession(
        load_world(None),
        settings=Settings(BOT_CONFIG=None),
        database_url=f"sqlite:///{tmp_path}/shell.db",
        start=datetime(2027, 1, 4, 7, 0, tzinfo=UTC),
        files_dir=tmp_path,
        out=out,
        answerer=ConsoleAnswerer(TypingConsole(out, []), tr),
    )
    pressed: list[str] = []

    def post(ix: Command) -> None:
        buttons = [
            {
                "type": "button",
                "action_id": f"svara{n}",
                "text": {"type": "plain_text", "text": label},
            }
            for n, label in enumerate(["Svara", "Svara på utvärderingen"])
        ]
        ix.client.chat_postMessage(
            channel="C0ARBETS1",
            text="Utvärdering",
            blocks=[{"type": "actions", "elements": buttons}],
        )

    def record(ix: Click[Any]) -> None:
        pressed.append(ix.action_id)

    session.wiring.edge.commands["/prova"] = post
    session.wiring.edge.clicks["svara0"] = click(record)
    session.wiring.edge.clicks["svara1"] = click(record)
    try:
        for line in ["/prova", "/tryck Svara på utvärderingen", "/tryck Svara", '/tryck "Svara']:
            session.run_line(line)
    finally:
        session.close()

    assert pressed == ["svara1", "svara0"]
    assert flat(tr(t.PRESS_SYNTAX)) in flat(stream.getvalue())


# ----------------------------------------------------------------------- emoji and language


def _catalogue() -> list[Msg]:
    """Return every text of the bot's catalogue."""
    found: list[Msg] = []
    for module in pkgutil.iter_modules(bot.texts.__path__):
        texts = importlib.import_module(f"bot.texts.{module.name}")
        found += [value for value in vars(texts).values() if isinstance(value, Msg)]
    return found


def test_every_emoji_code_the_bot_writes_is_shown_as_an_emoji() -> None:
    codes = {
        code
        for msg in _catalogue()
        for text in (msg.sv, msg.en)
        for code in re.findall(r":([a-z0-9_+-]+):", text)
    }

    assert "pencil2" in codes
    assert sorted(code for code in codes if code not in EMOJI) == []
    assert mrkdwn(":pencil2: Rättat :no_such_code: kl. 10:30:", _Names(), Style(False)) == (
        "✏️ Rättat :no_such_code: kl. 10:30:"
    )


def test_the_shell_speaks_english_and_takes_english_commands_when_configured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "en.toml"
    demo = (REPO / "bot/shell/demo.toml").read_text(encoding="utf-8")
    config.write_text(demo.replace('language = "sv"', 'language = "en"'), encoding="utf-8")
    en = Texts("en")
    lines = [
        "/help",
        "/me anna@tullverket.se",
        "/time +1h",
        "/cancel",
        "/channel",
        "/press No such button",
        "/home",
        "/quit",
        "/me",
    ]
    script = tmp_path / "script.txt"
    script.write_text("\n".join(lines), encoding="utf-8")
    argv = ["shell", "--script", str(script), "--database", f"sqlite:///{tmp_path}/shell.db"]

    assert main([*argv, "--config", str(config), "--start", START]) == 0

    output = flat(capsys.readouterr().out)
    for msg, params in [
        (t.HELP, {}),
        (t.YOU_ARE, {"name": "Anna Andersson", "email": "anna@tullverket.se"}),
        (t.NO_FORM_OPEN, {}),
        (t.NO_BUTTON_NAMED, {"text": "No such button"}),
        (t.BYE, {}),
    ]:
        head = en(msg, **{"organization": "", "roles": "", **params}).split(".")[0]
        assert flat(mrkdwn(head, _Names(), Style(False))) in output
    assert "Time moved forward to Monday 4 January 2027 at 09:00." in output
    assert "🏠 Your Home tab" in output
    assert output.count("› /me") == 1  # nothing after /quit
    for swedish in ("/hjälp", "/jag", "/tid", "/tryck", "/kanal", "/sluta", "/avbryt", "Du är"):
        assert swedish not in output
