"""Each person is answered in their Slack locale's language; commands are named in it too."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

import bot.texts
from bot.domain.indicators import parse_period, period_shown
from bot.domain.needs import STATUS_LABELS, NeedStatus
from bot.texts import Language, Msg, Texts, language_of
from bot.texts import actions as at
from bot.texts import followup as ft
from bot.texts import meetings as mt
from bot.texts import needs as nt
from bot.texts import samverkan as sam
from bot.texts import trainings as tt
from commands.edge import words as w
from commands.edge.ids import Action, Field
from slack_sim.web_api import SimulatedSlack
from storage.models import Person
from tests.conftest import NOW
from tests.harness import (
    ANNA,
    BERIT,
    COORDINATOR,
    WORKING_GROUP,
    RunningBot,
    all_text,
    find_button,
)
from tests.test_meetings import (
    CALL_TIME,
    CONFIG,
    REMINDER_TIME,
    call_of,
    click,
    ephemeral_to,
    list_for,
    posts_to,
    tick,
)

SLASH_COMMANDS = ("/behov", "/utbildning", "/samverkan")
WORDS = [value for value in vars(w).values() if isinstance(value, w.Word)]
SWEDISH_ONLY = {word.sv for word in WORDS} - {word.en for word in WORDS}
ENGLISH_ONLY = {word.en for word in WORDS} - {word.sv for word in WORDS}
FOREIGN = {"sv": ENGLISH_ONLY, "en": SWEDISH_ONLY}


def catalogue() -> list[tuple[str, Msg]]:
    """Return every message of the catalogue with its module and name."""
    found = []
    for module in pkgutil.iter_modules(bot.texts.__path__):
        texts = importlib.import_module(f"bot.texts.{module.name}")
        for name, value in vars(texts).items():
            if isinstance(value, Msg):
                found.append((f"{module.name}.{name}", value))
    return found


def named_words(text: str) -> list[str]:
    """Return the command words a text names in `code`: after a slash command, or leading."""
    named = []
    for code in re.findall(r"`([^`]*)`", text):
        parts = code.split()
        if parts and parts[0] in SLASH_COMMANDS:
            named.extend(parts[1:])
        elif parts and parts[0] in SWEDISH_ONLY | ENGLISH_ONLY:
            named.extend(parts)
    return named


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_message_names_a_command_word_of_the_other_language(language: Language) -> None:
    """Help, hints and errors name each subcommand in the language they are written in."""
    wrong = [
        (name, word)
        for name, msg in catalogue()
        for word in named_words(getattr(msg, language))
        if word.casefold() in FOREIGN[language]
    ]
    assert wrong == []


def test_every_word_a_command_takes_has_both_names_and_is_taken_in_both() -> None:
    """A word shown in either language is also accepted, whatever the person's language."""
    for word in WORDS:
        assert word.sv
        assert word.en
        assert word.matches(word.sv.upper())
        assert word.matches(f" {word.en} ")
        assert word.shown("sv") == word.sv
        assert word.shown("en") == word.en


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("sv-SE", "sv"),
        ("sv-FI", "sv"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de-DE", "fallback"),
        ("", "fallback"),
        (None, "fallback"),
    ],
)
def test_a_slack_locale_gives_swedish_or_english_else_the_configured_language(
    locale: str | None, language: str
) -> None:
    """Swedish and English locales pick their language; any other the configured one."""
    for configured in ("sv", "en"):
        expected = configured if language == "fallback" else language
        assert language_of(locale, configured) == expected


def test_a_message_parameter_that_is_a_message_is_rendered_in_the_same_language() -> None:
    """A Msg given as a parameter follows the language of the text it goes into."""
    outer = Msg("Bara {who}.", "Only {who}.")
    who = Msg("samverkansledarna", "the coordinators")
    assert Texts("en")(outer, who=who) == "Only the coordinators."
    assert Texts("sv")(outer, who=who) == "Bara samverkansledarna."


# ------------------------------------------------------------ through Slack, person by person

EMMA = "U0EMMA001"  # Tullverket, Slack in English (en-US)
SV, EN = Texts("sv"), Texts("en")


@pytest.fixture
def english_emma(standin: SimulatedSlack) -> str:
    """Add Emma, whose Slack is in American English, to the stand-in's workspace."""
    standin.add_user(EMMA, "emma.eriksson@tullverket.se", locale="en-US")
    return EMMA


def answered(running: RunningBot, command: str, text: str, user: str) -> dict[str, Any]:
    """Send a slash command and return the bot's answer through the response URL."""
    before = len(running.standin.responses)
    assert running.command(command, text, user).status == 200
    return running.standin.wait_for_response(before + 1)[-1]


def shown_words(text: str) -> set[str]:
    """Return the command words a rendered text names, case-folded."""
    return {word.casefold() for word in named_words(text)}


def test_a_person_whose_slack_is_in_english_gets_english_help_in_a_swedish_collaboration(
    running: RunningBot, english_emma: str
) -> None:
    """Every command's help is in the person's language and names the words in it."""
    assert running.bot.texts.language == "sv"
    name = running.bot.config.collaboration.name
    helps = {
        ("/samverkan", "help"): EN(sam.HELP_HEADER, name=name),
        ("/behov", "help"): EN(nt.HELP),
        ("/utbildning", "help"): EN(tt.HELP),
        ("/samverkan", "meetings help"): EN(mt.MEETINGS_HELP),
        ("/samverkan", "indicator help"): EN(ft.HELP_INDICATOR),
        ("/samverkan", "minutes help"): EN(at.HELP_MINUTES),
    }
    for (command, text), expected in helps.items():
        shown = answered(running, command, text, english_emma)["text"]
        assert expected in shown
        assert not shown_words(shown) & SWEDISH_ONLY, (command, text)
    umbrella = answered(running, "/samverkan", "hjälp", english_emma)["text"]
    assert "`/behov help`" in umbrella
    assert "`/samverkan meetings`" in umbrella
    listed = answered(running, "/behov", "list", english_emma)
    assert EN(nt.LIST_EMPTY) in json.dumps(listed, ensure_ascii=False)
    # One users.info call gave the language and then the organisation, which are stored.
    calls = running.standin.calls_to("users.info")
    assert [call.args.get("include_locale") for call in calls if call.args["user"] == EMMA] == ["1"]
    with running.bot.db.reading() as session:
        person = session.get(Person, EMMA)
        assert person is not None
        assert person.locale == "en-US"
        assert person.organization_id == "tullverket"


def test_a_person_whose_slack_is_in_swedish_gets_swedish_help(running: RunningBot) -> None:
    """Anna's Slack is in Swedish: the help names the Swedish words."""
    shown = answered(running, "/samverkan", "help", ANNA)["text"]
    assert SV(sam.HELP_HELP) in shown
    assert "`/behov hjälp`" in shown
    assert not shown_words(shown) & ENGLISH_ONLY


def test_an_english_speaker_gets_an_english_form_and_reply_while_the_channel_stays_swedish(
    running: RunningBot, english_emma: str
) -> None:
    """The form and the confirmation follow Emma's Slack; the card in the channel does not."""
    assert running.command("/behov", "", english_emma).status == 200
    view = running.standin.wait_for("views.update", 1)[-1].args["view"]
    assert view["title"]["text"] == EN(nt.FORM_TITLE)
    answers = {
        Field.NEED_TITLE: "Drug signs training for customs staff",
        Field.NEED_DESCRIPTION: "Half a day on drug signs for the staff at Gävle harbour.",
        Field.NEED_FOCUS: "training",
        Field.NEED_SCOPE: "county",
        Field.NEED_URGENCY: "normal",
        Field.NEED_SUPPORT: ["training"],
    }
    assert running.submit(view, answers, english_emma, view_id="V0EMMA1").status == 200
    posts = running.standin.wait_for("chat.postMessage", 2)
    dm = next(call for call in posts if call.args["channel"] == english_emma)
    assert dm.args["text"].startswith("Thank you! Your need *#1")
    card = next(call for call in posts if call.args["channel"] == WORKING_GROUP)
    card_text = json.dumps(card.args, ensure_ascii=False)
    assert SV(STATUS_LABELS[NeedStatus.NEW]) in card_text
    assert EN(STATUS_LABELS[NeedStatus.NEW]) not in card_text
    # The coordinator (Swedish Slack) moves it: the card stays Swedish, Emma hears in English.
    button = find_button(card.args["blocks"], f"{Action.NEED_MOVE}:taken_up")
    running.click(button, COORDINATOR)
    running.listeners.wait_idle()
    notices = [
        call.args["text"]
        for call in running.standin.calls_to("chat.postMessage")
        if call.args["channel"] == english_emma
    ]
    assert notices[-1] == EN(
        nt.NOTICE_MOVED,
        id=1,
        title="Drug signs training for customs staff",
        actor=COORDINATOR,
        status=STATUS_LABELS[NeedStatus.TAKEN_UP],
    )
    updates = running.standin.calls_to("chat.update")
    assert SV(STATUS_LABELS[NeedStatus.TAKEN_UP]) in json.dumps(
        updates[-1].args, ensure_ascii=False
    )


def test_english_period_hints_and_labels_use_english_spellings() -> None:
    """English names periods 2026-H1 and 2026-W12, never VT2026 or 2026-v12."""
    swedish_spellings = re.compile(r"\b(?:VT|HT)[0-9]{4}\b|\b[0-9]{4}-v[0-9]{1,2}\b")
    wrong = [name for name, msg in catalogue() if swedish_spellings.search(msg.en)]
    assert wrong == []
    assert "2026-W12" in EN(ft.FIELD_PERIOD_HINT)
    assert "2026-v12" in SV(ft.FIELD_PERIOD_HINT)
    assert parse_period("2026-W12") == parse_period("2026-v12")
    assert period_shown("2026-v12", "en") == "2026-W12"
    assert period_shown("2026-v12", "sv") == "2026-v12"
    assert period_shown("2026-H1", "en") == "2026-H1"


@pytest.fixture
def meetings(standin: SimulatedSlack, sqlite_url: str) -> Iterator[RunningBot]:
    """Serve the bot with the plan's meeting series (tests/test_meetings.py), on SQLite."""
    running = RunningBot(standin, sqlite_url, now=NOW, config=CONFIG)
    yield running
    running.stop()


def test_a_scheduled_reminder_follows_the_persons_language_and_the_channels_stays_swedish(
    meetings: RunningBot, english_emma: str
) -> None:
    """The scheduler's private reminder to Emma is in English; the channel's in Swedish."""
    answered(meetings, "/behov", "list", english_emma)  # the bot meets Emma (Tullverket)
    tick(meetings, CALL_TIME)
    response = list_for(meetings, COORDINATOR)
    meetings.click(find_button(response["blocks"], Action.MEETING_CONTACTS_OPEN), COORDINATOR)
    meetings.standin.wait_for("views.open", 1)
    form = meetings.opened_view()
    meetings.submit(form, {Field.MEETING_CONTACT_USERS: [english_emma, BERIT]}, COORDINATOR)
    meetings.listeners.wait_idle()
    tick(meetings, REMINDER_TIME)
    tick(meetings, REMINDER_TIME + timedelta(hours=1))
    channel = all_text(posts_to(meetings, WORKING_GROUP)[-1].args["blocks"])
    assert "*Påminnelse:* *Arbetsgruppsmöte*" in channel
    english = all_text(posts_to(meetings, english_emma)[-1].args["blocks"])
    assert "You have not answered the call to *Arbetsgruppsmöte*" in english
    swedish = all_text(posts_to(meetings, BERIT)[-1].args["blocks"])
    assert "Du har inte svarat på kallelsen till *Arbetsgruppsmöte*" in swedish


def test_an_english_speakers_answer_to_a_call_is_english_through_and_through(
    meetings: RunningBot, english_emma: str
) -> None:
    """The reply's parts (the meeting's day and time) are in English too, not only its frame."""
    tick(meetings, CALL_TIME)
    click(meetings, call_of(meetings), Action.MEETING_RSVP_YES, english_emma)
    reply = ephemeral_to(meetings, english_emma)
    assert reply.startswith("Thank you! You are signed up for *Arbetsgruppsmöte* ")
    assert "Tuesday 12 January 2027" in reply, reply
    assert not {"tisdag", "januari", "kl."} & set(reply.replace("*", " ").split()), reply
    channel = all_text(call_of(meetings)["blocks"])
    assert "*Kommer:* Tullverket" in channel  # the call itself stays Swedish
