"""Anonymity that survives comparison (issue 13): views, complements, storage order, the key."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, select, text

from bot.config import parse_config
from bot.domain.anonymity import Answer, answer_key, may_show_view, view_difference
from bot.domain.export import Sheet
from bot.errors import StartupError
from bot.settings import load_settings
from bot.shell import with_secret_key
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import followup as ft
from bot.texts import results as rt
from bot.texts import trainings as t
from commands.edge.ids import Action, Field
from commands.trainings.shown import shown_results
from slack_sim.web_api import SimulatedSlack
from storage.answers import ViewKind, release_view, rewrite_in_key_order, save_answer
from storage.db import Database
from storage.export import export_sheets
from storage.migrate import alembic_config
from storage.models import EvaluationView, SurveyResponse, Training
from storage.summary import build_summary
from storage.trainings import (
    create_training,
    open_evaluation,
    per_training_before_after,
    training_totals,
    training_totals_by_organization,
)
from tests.harness import (
    ANNA,
    BASE_CONFIG,
    BERIT,
    COORDINATOR,
    COORDINATOR_CHANNEL,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)
from tests.test_trainings import (
    RESPONDENTS,
    TRAINING,
    _database,
    _draft,
    answer,
    end_training,
    evaluation_post,
    register,
    tick,
)

tr = Texts("sv")
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
R = list(RESPONDENTS)


@pytest.fixture(autouse=True)
def respondents(standin: SimulatedSlack) -> None:
    """Make the six participants known to the stand-in."""
    for user, (email, name) in RESPONDENTS.items():
        standin.add_user(user, email, name)


# --- the rule ------------------------------------------------------------------------------------

A, B, C, D = (
    Answer(2, 4, "", ""),
    Answer(3, 4, "x", ""),
    Answer(1, 3, "", "y"),
    Answer(4, 4, "", ""),
)


@pytest.mark.parametrize(
    ("shown", "now", "difference", "allowed"),
    [
        (None, [A, B], 2, False),  # too few to show at all
        (None, [A, B, C], 3, True),  # the first view
        ([A, B, C], [A, B, C, D], 1, False),  # the fourth answer alone: the attack
        ([A, B, C], [A, B, C, D, D], 2, False),
        ([A, B, C], [A, B, C, D, D, A], 3, True),  # three more: a new view may come
        ([A, B, C], [A, B, Answer(1, 5, "", "y")], 1, False),  # one answer changed
        ([A, B, C], [D, D, D], 3, True),  # three changed
        ([A, B, C], [C, B, A], 0, False),  # order plays no part: nothing changed
    ],
)
def test_a_new_view_needs_min_answers_new_or_changed(
    shown: list[Answer] | None, now: list[Answer], difference: int, allowed: bool
) -> None:
    assert view_difference(shown or [], now) == difference
    assert may_show_view(shown, now, 3) is allowed


def test_the_answer_key_is_an_hmac_per_training_and_person() -> None:
    key = answer_key(b"k" * 32, 7, ANNA)
    assert len(key) == 64
    assert int(key, 16) >= 0
    assert key != answer_key(b"k" * 32, 8, ANNA)
    assert key != answer_key(b"x" * 32, 7, ANNA)


# --- the attack of the issue, end to end ---------------------------------------------------------


def _results(running: RunningBot, user: str = COORDINATOR) -> dict[str, Any]:
    """Ask for training #1's results as user; return the message."""
    before = len(running.standin.responses)
    running.command("/utbildning", "resultat 1", user)
    return running.standin.wait_for_response(before + 1, timeout=60)[-1]


def _figures(message: dict[str, Any]) -> str:
    """Return everything a results message says about what people answered, lines sorted.

    Sorted, because the free texts come in a new random order every time.
    """
    shown = all_text(message["blocks"])
    start = shown.find("Deltagarna skattade")
    return "\n".join(sorted(shown[start:].splitlines())) if start >= 0 else ""


def _release(running: RunningBot, message: dict[str, Any], user: str = COORDINATOR) -> str:
    """Press the release button of a results message; return what the person is told."""
    button = find_button(message["blocks"], Action.TRAINING_RELEASE)
    before = len(running.standin.calls_to("chat.postEphemeral"))
    running.click(button, user, channel=WORKING_GROUP)
    told = running.standin.wait_for(
        "chat.postEphemeral", before + 1, where=lambda call: call.args["user"] == user
    )
    return str(told[-1].args["text"])


def test_comparing_the_results_at_three_and_at_four_answers_reveals_nothing(
    running: RunningBot,
) -> None:
    register(running)
    end_training(running)
    for user, (after, before, used) in zip(
        R[:3], [(4, 2, "Samtalsmetoden"), (5, 3, ""), (3, 3, "Checklistan")], strict=True
    ):
        answer(running, user, after, before, used=used)

    # Three answers: the figures wait for the closing, and a coordinator may show them now.
    at_three = _results(running)
    assert "*3 svar*" in all_text(at_three["blocks"])
    assert _figures(at_three) == ""
    assert _release(running, at_three) == tr(rt.RELEASED, n=3)
    released = _results(running)
    assert tr(rt.INTERIM, date="2027-01-04", n=3) in all_text(released["blocks"])
    assert "3 av 3 skattade högre" not in _figures(released)  # (3, 3) stayed the same
    assert "2 av 3 skattade högre" in _figures(released)

    # The fourth person answers, with a rating and a text nobody else gave.
    answer(running, R[3], 1, 5, used="Något bara den fjärde skrev")
    at_four = _results(running)
    assert "*4 svar*" in all_text(at_four["blocks"])
    assert _figures(at_four) == _figures(released)  # the same view: nothing to subtract
    assert "den fjärde" not in json.dumps(at_four)
    hint = tr(rt.RELEASE_NOT_YET, min=3, changed=1)
    assert hint in all_text(at_four["blocks"])
    with pytest.raises(AssertionError, match="no button"):
        find_button(at_four["blocks"], Action.TRAINING_RELEASE)
    # An old release button does not help either.
    assert _release(running, at_three) == tr(rt.RELEASE_TOO_FEW, min=3, changed=1)

    # Closing: one answer since the view is still too few; the view stays, and says why.
    running.clock.advance(timedelta(days=14))
    tick(running)
    closed = _results(running)
    assert _figures(closed) == _figures(released)
    held_back = tr(rt.HELD_BACK, n=3, date="2027-01-04", late=1)
    assert held_back in all_text(closed["blocks"])
    summary = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == COORDINATOR_CHANNEL
    )[0]
    assert "4 svar" in summary.args["text"]
    assert "2 av 3 skattade högre" in summary.args["text"]
    with running.bot.db.reading() as session:
        sheets = export_sheets(session, running.bot.config, tr, running.clock.now())
    rows = _training_figures(sheets)
    # answers counted live (4); means of the view of three: before 8/3, after 12/3
    assert [row[1:] for row in rows] == [[4, 2.67, 4.0, 1.33]]
    everything = json.dumps([closed, summary.args, rows], default=str)
    assert "den fjärde" not in everything


def test_three_more_answers_allow_the_next_view(running: RunningBot) -> None:
    register(running)
    end_training(running)
    for user in R[:3]:
        answer(running, user, 4, 2)
    assert _release(running, _results(running)) == tr(rt.RELEASED, n=3)
    for user in R[3:5]:
        answer(running, user, 5, 1)
    assert tr(rt.RELEASE_NOT_YET, min=3, changed=2) in all_text(_results(running)["blocks"])
    answer(running, R[0], 3, 3)  # a changed answer counts as a change
    assert _release(running, _results(running)) == tr(rt.RELEASED, n=5)
    with running.bot.db.reading() as session:
        views = session.scalars(select(EvaluationView).order_by(EvaluationView.number)).all()
        assert [(v.number, v.kind, v.current, v.answer_count) for v in views] == [
            (1, "interim", False, 3),
            (2, "interim", True, 5),
        ]
        assert views[0].content == []  # the superseded view keeps its counts, not the answers
    with running.bot.db.reading() as session:
        logged = session.execute(
            text("SELECT action, subject FROM audit_log WHERE action = 'training_results_released'")
        ).all()
    assert [tuple(row) for row in logged] == [("training_results_released", "training:1")] * 2


@pytest.mark.parametrize(
    ("user", "closed", "expected"),
    [
        (BERIT, False, lambda: tr(c.NOT_ALLOWED, who=tr(rt.WHO_COORDINATORS))),
        (
            COORDINATOR,
            True,
            lambda: tr(rt.RELEASE_NOT_OPEN, title="Drogtecken för socialtjänsten"),
        ),
    ],
)
def test_only_a_coordinator_releases_and_only_while_open(
    running: RunningBot, user: str, closed: bool, expected: Callable[[], str]
) -> None:
    register(running)
    end_training(running)
    for respondent in R[:3]:
        answer(running, respondent, 4, 2)
    message = _results(running)
    if closed:
        running.clock.advance(timedelta(days=14))
        tick(running)
    assert _release(running, message, user) == expected()
    with running.bot.db.reading() as session:
        views = session.scalars(select(EvaluationView)).all()
        assert [v.kind for v in views] == (["final"] if closed else [])


def test_an_evaluation_without_answers_closes_saying_so(running: RunningBot) -> None:
    register(running)
    end_training(running)
    evaluation = evaluation_post(running)
    running.clock.advance(timedelta(days=14))
    tick(running)
    closed = next(m for m in running.standin.messages[WORKING_GROUP] if m["ts"] == evaluation["ts"])
    assert closed["text"] == tr(t.EVAL_CLOSED_NONE, title="Drogtecken för socialtjänsten")
    summary = running.standin.wait_for(
        "chat.postMessage", 1, where=lambda call: call.args["channel"] == COORDINATOR_CHANNEL
    )[0]
    assert summary.args["text"] == tr(
        rt.CLOSED_SUMMARY_NONE, id=1, title="Drogtecken för socialtjänsten"
    )
    texts = json.dumps([call.args for call in running.standin.calls])
    assert "0 svar" not in texts
    assert "Tack till alla som svarade" not in texts
    assert rt.NONE_CAME.sv in all_text(_results(running)["blocks"])


# --- complements ---------------------------------------------------------------------------------


def _closed_training(
    session: Any, title: str, organizer: str, subject: str, pairs: list[tuple[int, int]]
) -> int:
    """Store a closed evaluation with answers (before, after), its final view released."""
    training = create_training(
        session,
        _draft(title, subject, organizer, 10, 2),
        created_by=COORDINATOR,
        source_key=None,
        now=NOW,
    )
    assert training is not None
    open_evaluation(session, training.id, now=NOW, reminder_at=NOW, closes_at=NOW)
    for index, (before, after) in enumerate(pairs):
        save_answer(
            session,
            key=f"{title}-{index}",
            training_id=training.id,
            before=before,
            after=after,
            will_use=f"text {title} {index}",
            was_missing="",
            today=NOW.date(),
        )
    release_view(session, training.id, min_answers=3, kind=ViewKind.FINAL, today=NOW.date())
    return training.id


def test_a_total_minus_the_groups_shown_reveals_no_hidden_group(database_url: str) -> None:
    db = _database(database_url)
    with db.transaction() as session:
        _closed_training(session, "Länsstyrelsen", "lansstyrelsen", "drug_signs", [(2, 4)] * 4)
        _closed_training(session, "Tullen", "tullverket", "drug_signs", [(1, 5), (5, 1)])
        _closed_training(session, "Gävle", "gavle", "narcotics", [(3, 4), (3, 5), (2, 2)])
    start, end = datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    with db.reading() as session:
        subjects = {s.subject: s for s in training_totals(session, start, end)}
        organizers = {
            o.organization_id: o for o in training_totals_by_organization(session, start, end)
        }
        per_training = per_training_before_after(session, start, end)
    customs, county = organizers["tullverket"], organizers["lansstyrelsen"]
    signs = subjects["drug_signs"]
    # Tullverket's two answers are too few: hidden per organiser and per training ...
    assert (customs.answers, customs.shown_answers, customs.mean_before) == (2, 0, None)
    assert [row.title for row in per_training] == ["Länsstyrelsen", "Gävle"]
    # ... and the subject's total minus the organiser shown beside it leaves nothing of them.
    assert (signs.answers, signs.shown_answers) == (6, 4)
    assert signs.mean_before is not None
    assert county.mean_before is not None
    assert signs.mean_after is not None
    assert county.mean_after is not None
    left = (
        signs.shown_answers - county.shown_answers,
        signs.shown_answers * signs.mean_before - county.shown_answers * county.mean_before,
        signs.shown_answers * signs.mean_after - county.shown_answers * county.mean_after,
    )
    assert left == (0, pytest.approx(0), pytest.approx(0))


def _training_figures(sheets: list[Sheet]) -> list[list[object]]:
    """Return each training's title, answers and before, after and change, from the export."""
    sheet = next(s for s in sheets if s.title == tr(ft.SHEET_TRAININGS))
    wanted = [ft.COL_TITLE, ft.COL_ANSWERS, ft.COL_BEFORE, ft.COL_AFTER, ft.COL_CHANGE]
    where = [list(sheet.headers).index(tr(column)) for column in wanted]
    return [[row[i] for i in where] for row in sheet.rows]


def test_the_export_and_summary_leave_a_hidden_evaluation_out(database_url: str) -> None:
    config = parse_config(BASE_CONFIG)
    db = _database(database_url)
    with db.transaction() as session:
        _closed_training(session, "Visad", "lansstyrelsen", "drug_signs", [(2, 4)] * 4)
        _closed_training(session, "Dold", "tullverket", "drug_signs", [(1, 5), (5, 1)])
    now = NOW + timedelta(days=1)
    with db.reading() as session:
        sheets = export_sheets(session, config, tr, now)
        summary = build_summary(session, config, tr, now)
    rows = {row[0]: row[1:] for row in _training_figures(sheets)}
    assert rows["Dold"] == [2, None, None, None]
    assert rows["Visad"] == [4, 2.0, 4.0, 2.0]
    signs = next(s for s in summary.trainings.subjects if s.subject.startswith("Drogtecken"))
    assert (signs.answers, signs.mean_before, signs.mean_after) == (6, 2.0, 4.0)
    assert [k.label for k in summary.trainings.per_training] == ["Visad"]


# --- storage -------------------------------------------------------------------------------------


def test_stored_answers_reveal_no_order(database_url: str) -> None:
    db = _database(database_url)
    secret = b"a-key-for-this-test-0123456789"
    users = [f"U0ORDER{n:02d}" for n in range(8)]
    with db.transaction() as session:
        training = create_training(
            session,
            _draft("Ordning", "other", "gavle", 10, 2),
            created_by=COORDINATOR,
            source_key=None,
            now=NOW,
        )
        assert training is not None
        open_evaluation(session, training.id, now=NOW, reminder_at=NOW, closes_at=NOW)
        training_id = training.id
    keys = [answer_key(secret, training_id, user) for user in users]
    assert keys != sorted(keys)  # the order they come in is not the order of their keys
    for number, key in enumerate(keys):
        with db.transaction() as session:  # one transaction each, as people answer
            save_answer(
                session,
                key=key,
                training_id=training_id,
                before=1 + number % 5,
                after=5,
                will_use="",
                was_missing="",
                today=NOW.date() + timedelta(days=number),
            )
    with db.transaction() as session:  # the evaluation closes
        rewrite_in_key_order(session, training_id)
    with db.engine.connect() as connection:
        columns = {
            c["name"]: str(c["type"]) for c in inspect(connection).get_columns("survey_responses")
        }
        listed = connection.execute(text("SELECT * FROM survey_responses")).all()
        if connection.dialect.name == "postgresql":
            writers = connection.execute(text("SELECT DISTINCT xmin FROM survey_responses")).all()
            assert len(writers) == 1  # one transaction wrote them all
        else:
            with pytest.raises(Exception, match="rowid"):
                connection.execute(text("SELECT rowid FROM survey_responses")).all()
    assert set(columns) == {
        "key",
        "training_id",
        "knowledge_before",
        "knowledge_after",
        "will_use",
        "was_missing",
        "answered_on",
    }
    assert "INT" not in columns["key"].upper()
    assert columns["answered_on"].upper() == "DATE"
    assert [row[0] for row in listed] == sorted(keys)  # listed in key order, not arrival order
    with db.reading() as session:
        days = session.scalars(select(SurveyResponse.answered_on)).all()
        assert all(type(day) is date for day in days)


def test_free_texts_are_shown_in_random_order(running: RunningBot) -> None:
    register(running)
    end_training(running)
    for number, user in enumerate(R[:5]):
        answer(running, user, 4, 2, used=f"Text {number}")
    running.clock.advance(timedelta(days=14))
    tick(running)
    with running.bot.db.reading() as session:
        training = session.get(Training, 1)
        assert training is not None
        reversed_order = shown_results(
            running.bot, session, training, shuffle=lambda texts: texts.reverse()
        )
        orders = {tuple(shown_results(running.bot, session, training).used) for _ in range(30)}
    assert reversed_order.used == [f"Text {n}" for n in reversed(range(5))]
    assert len(orders) > 1


# --- the migration -------------------------------------------------------------------------------


def test_the_migration_keys_old_answers_by_their_hmac_and_shows_closed_evaluations(
    database_url: str,
) -> None:
    import alembic.command

    engine = create_engine(database_url)
    config = alembic_config(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        alembic.command.upgrade(config, "0005")
        alembic.command.upgrade(config, "0003")
        connection.execute(
            text(
                "INSERT INTO organizations (id, name, kind, position, active, email_domains) "
                "VALUES ('gavle', 'Gävle kommun', 'municipality', 1, true, '[]')"
            )
        )
        for ident, closed in ((1, "2027-02-01 10:00:00"), (2, None)):
            connection.execute(
                text(
                    "INSERT INTO trainings (id, origin, title, subject, starts_at, ends_at, "
                    "organizer_id, target_organizations, place, evaluation_participants, "
                    "created_at, updated_at, evaluation_opened_at, evaluation_closed_at) VALUES "
                    "(:id, 'registered', 'T', 'other', '2027-01-10 09:00:00', "
                    "'2027-01-10 11:00:00', 'gavle', '[]', '', '[]', '2027-01-01 09:00:00', "
                    "'2027-01-01 09:00:00', '2027-01-10 11:00:00', :closed)"
                ),
                {"id": ident, "closed": closed},
            )
        answers = [
            (1, "c" * 64, 2, 4),
            (1, "a" * 64, 3, 5),
            (1, "b" * 64, 1, 3),
            (2, "d" * 64, 2, 2),
        ]
        for number, (training, key, before, after) in enumerate(answers, start=1):
            connection.execute(
                text(
                    "INSERT INTO survey_responses (id, training_id, respondent, knowledge_before, "
                    "knowledge_after, will_use, was_missing, answered_on) VALUES "
                    "(:id, :training, :key, :before, :after, 'x', '', '2027-01-11')"
                ),
                {"id": number, "training": training, "key": key, "before": before, "after": after},
            )
    database = Database(database_url)
    try:
        from storage.migrate import upgrade

        upgrade(database.engine)
        with database.engine.connect() as connection:
            listed = connection.execute(text("SELECT * FROM survey_responses")).all()
            columns = [c["name"] for c in inspect(connection).get_columns("survey_responses")]
        assert "id" not in columns
        assert "respondent" not in columns
        assert sorted(row[0] for row in listed) == ["a" * 64, "b" * 64, "c" * 64, "d" * 64]
        with database.reading() as session:
            views = session.scalars(select(EvaluationView)).all()
            assert [
                (v.training_id, v.kind, v.answer_count, v.sum_before, v.sum_after) for v in views
            ] == [(1, "final", 3, 6, 12)]
            assert views[0].content == [[1, 3, "x", ""], [2, 4, "x", ""], [3, 5, "x", ""]]
            assert views[0].shown_on == date(2027, 2, 1)
    finally:
        database.dispose()
        engine.dispose()


# --- the key -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["serve", "clock"])
def test_serve_and_clock_refuse_to_start_without_the_secret_key(
    command: str, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", command],
        env={
            "PATH": "/usr/bin:/bin",
            "SLACK_BOT_TOKEN": "xoxb-x",
            "SLACK_SIGNING_SECRET": "signing-secret-0123456789",
            "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("samverkansbot:")]
    assert len(lines) == 1
    assert lines[0].startswith(
        "samverkansbot: BOT_SECRET_KEY is not set; set it to a random string"
    )
    assert not (tmp_path / "x.db").exists()  # nothing was started


def test_a_short_secret_key_is_refused() -> None:
    with pytest.raises(StartupError, match=r"BOT_SECRET_KEY is malformed \(is shorter than 16"):
        load_settings({"BOT_SECRET_KEY": "short"})


def test_the_shell_keeps_a_key_of_its_own_beside_its_database(tmp_path: Path) -> None:
    settings = load_settings({})
    database = f"sqlite:///{tmp_path}/shell.db"
    first = with_secret_key(settings, database).secret_key()
    assert len(first) >= 16
    assert with_secret_key(settings, database).secret_key() == first
    assert (tmp_path / "shell.db.key").stat().st_mode & 0o077 == 0
    memory = with_secret_key(settings, "sqlite://").secret_key()
    assert memory != with_secret_key(settings, "sqlite://").secret_key()
    given = load_settings({"BOT_SECRET_KEY": "a-key-given-0123456789"})
    assert with_secret_key(given, database).secret_key() == b"a-key-given-0123456789"


def test_the_answer_form_never_stores_the_slack_id(running: RunningBot) -> None:
    register(running, **{Field.TRAINING_TITLE: TRAINING[Field.TRAINING_TITLE]})
    end_training(running)
    answer(running, ANNA, 4, 2)
    with running.bot.db.reading() as session:
        stored = session.scalars(select(SurveyResponse)).one()
    assert stored.key == answer_key(running.bot.settings.secret_key(), 1, ANNA)
    assert ANNA not in json.dumps([stored.key, stored.will_use, stored.was_missing])
