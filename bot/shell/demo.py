"""A scripted month of the collaboration, played through the shell: `python -m bot demo`.

Each step is what people would type in Slack, with the answers they give in forms. A step
names the commands it needs; when this version of the bot has not got one, the step is
skipped with a note. To extend the demo, add a Step: lines are shell lines, answers are
keyed by a regular expression matched against an input's action id, block id or label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.shell.console import DemoAnswerer
from bot.shell.press import parse_press
from bot.shell.session import ShellSession
from bot.texts import Msg
from bot.texts import shell as t

# Monday 4 January 2027, 08:00 local time: a week before the year's first working-group meeting.
START = datetime(2027, 1, 4, 8, 0)  # noqa: DTZ001 - made aware in the collaboration's zone


@dataclass(frozen=True)
class Step:
    """One scene of the demo: a title, the lines typed, the form answers given."""

    title: Msg
    lines: Sequence[str]
    answers: Mapping[str, str | list[str]] = field(default_factory=dict)
    needs: Sequence[str] = ()


def missing(session: ShellSession, needs: Sequence[str]) -> str | None:
    """Return the first command a step needs that the bot does not have, if any."""
    for need in needs:
        if not session.has_command(need.partition(" ")[0]):
            return need
    return None


def play(session: ShellSession, answerer: DemoAnswerer, steps: Sequence[Step]) -> None:
    """Play steps one by one, echoing each line as if typed, skipping what cannot run."""
    out, style = session.out, session.style
    name = session.world.config.collaboration.name
    out.lines(style.bold(line) for line in session.tr(t.DEMO_INTRO, name=name).split("\n"))
    session.tick()
    for step in steps:
        out.line()
        out.line(style.bold(session.tr(t.DEMO_STEP, title=session.tr(step.title))))
        lacking = missing(session, step.needs)
        if lacking is not None:
            reason = session.tr(t.DEMO_MISSING_COMMAND, command=lacking)
            session.note(t.DEMO_SKIPPED, reason=reason)
            continue
        answerer.give(dict(step.answers))
        for line in step.lines:
            press = line.removeprefix("/tryck ")
            if press != line and session.find_press(press) is None:
                labels = "”, ”".join(parse_press(press).labels)
                session.note(t.DEMO_NO_BUTTON, labels=labels)
                break
            out.line(style.dim(session.prompt()) + style.accent(line))
            session.run_line(line)


NEED_ANNA: dict[str, str | list[str]] = {
    "need_title": "Utbildning i drogtecken för tullpersonal",
    "need_description": [
        "Vi behöver en halvdag om drogtecken för personalen i Gävle hamn. "
        "Fråga Tolvan, 19121212-1212.",
        "Vi behöver en halvdag om drogtecken för personalen i Gävle hamn, gärna under våren.",
    ],
    "need_focus_area": "Utbildning",
    "need_scope": "Hela länet",
    "need_urgency": "Inom några månader",
    "need_support": "Utbildning, Expertstöd",
}
NEED_BERIT = {
    "need_description": "Skolorna i Gävle och Sandviken vill ha ett gemensamt material om "
    "cannabis till föräldramöten i årskurs 8.",
    "need_focus_area": "Information",
    "need_scope": "Valda kommuner",
    "need_municipalities": "Gävle, Sandviken",
    "need_urgency": "Kan vänta",
    "need_support": "Informationsmaterial",
}
TRAINING = {
    "namn|title|name": "Drogtecken för skolpersonal",
    "ämne|subject": "Drogtecken",
    "^datum|^date": "2027-01-19",
    "start": "13:00",
    "slut|end": "16:00",
    "plats|place|location": "Gävle, Konserthuset",
    "förväntat|expected": "40",
    "vart|where should": "1",
}
ATTENDANCE = {
    "var med|närvar|present|attend": "Länsstyrelsen, Polis, Tullverket, Region Gävleborg",
    "behov|needs": "cannabis",
}
MINUTES = {
    "minutes_note:0": "Tullverket och Gävle presenterade sina behov; Region Gävleborg har "
    "material från ett liknande arbete.",
    "minutes_decisions": "Region Gävleborg tar fram ett föräldramaterial om cannabis\n"
    "Tullverket tar ställning till en halvdag om drogtecken i Gävle hamn",
    "minutes_action1_title": "Ta fram ett föräldramaterial om cannabis",
    "minutes_action1_organizations": "Region Gävleborg",
    "minutes_action1_due_date": "2027-01-22",
    "minutes_action1_needs": "cannabis",
    "minutes_action2_title": "Beslut om en halvdag om drogtecken i Gävle hamn",
    "minutes_action2_organizations": "Tullverket",
    "minutes_action2_due_date": "2027-02-01",
    "minutes_action2_kind": "Beslutsinhämtning",
    "minutes_action2_needs": "drogtecken",
}
REPORT = {
    "namn|title|name": "Föräldrakväll om cannabis",
    "ämne|subject": "Narkotika",
    "datum|date": "2027-01-14",
    "antal|participants|number": "25",
}


def _evaluation(before: str, after: str, used: str = "") -> dict[str, str | list[str]]:
    """Return one participant's answers to the evaluation."""
    return {"före|innan|before": before, "efter|nu|after|now": after, "använda|use": used}


MONTH: list[Step] = [
    Step(
        Msg(
            "Måndag morgon. Anna på Tullverket lämnar ett behov, men råkar skriva ett "
            "personnummer; formuläret säger till, och hon rättar.",
            "Monday morning. Anna at Swedish Customs submits a need but happens to type an "
            "identity number; the form objects, and she corrects it.",
        ),
        ["/jag anna@tullverket.se", "/behov"],
        NEED_ANNA,
    ),
    Step(
        Msg(
            "Berit på Gävle kommun lämnar ett behov som gäller två kommuner.",
            "Berit at Gävle municipality submits a need for two municipalities.",
        ),
        ["/jag berit.berglund@gavle.se", "/behov Material om cannabis till föräldramöten"],
        NEED_BERIT,
    ),
    Step(
        Msg(
            "Samverkansledaren Lena ser de öppna behoven och tar upp Annas behov; Anna får besked.",
            "The coordinator Lena looks at the open needs and takes Anna's need up; Anna is told.",
        ),
        ["/jag ledare", "/behov lista", '/tryck "Taget upp på möte" på Behov #1'],
    ),
    Step(
        Msg(
            "Tiden går till tisdag: kallelsen till januaris arbetsgruppsmöte skickas en vecka "
            "före, med de öppna behoven.",
            "Time moves to Tuesday: the call to January's working-group meeting goes out a "
            "week before, with the open needs.",
        ),
        ["/tid 2027-01-05T10:00"],
    ),
    Step(
        Msg(
            "Parterna svarar på kallelsen.",
            "The partners answer the call.",
        ),
        [
            "/jag anna@tullverket.se",
            '/tryck "Jag kommer" | "Kommer" på Arbetsgruppsmöte',
            "/jag erik.ek@regiongavleborg.se",
            '/tryck "Jag kommer" | "Kommer" på Arbetsgruppsmöte',
            "/jag berit.berglund@gavle.se",
            '/tryck "Jag kommer inte" | "Kommer inte" på Arbetsgruppsmöte',
        ],
        needs=["/samverkan möten"],
    ),
    Step(
        Msg(
            "Lena registrerar en utbildning om drogtecken den 19 januari.",
            "Lena registers a training on drug signs on 19 January.",
        ),
        ["/jag ledare", "/utbildning"],
        TRAINING,
        needs=["/utbildning"],
    ),
    Step(
        Msg(
            "Dagen före mötet: de som inte har svarat får en påminnelse.",
            "The day before the meeting: those who have not answered are reminded.",
        ),
        ["/tid 2027-01-11T10:00"],
    ),
    Step(
        Msg(
            "Mötet hålls. Lena för in närvaron och vilka behov som togs upp.",
            "The meeting is held. Lena records attendance and which needs were taken up.",
        ),
        ["/tid 2027-01-12T12:00", "/jag ledare", "/tryck Närvaro och behov | Närvaro"],
        ATTENDANCE,
        needs=["/samverkan möten"],
    ),
    Step(
        Msg(
            "Lena skriver minnesanteckningarna med två åtgärder: Region Gävleborg tar fram "
            "föräldramaterialet som Berit bad om, och Tullverket tar ställning till Annas "
            "utbildning. Anteckningarna hamnar i tråden under kallelsen; de ansvariga får besked.",
            "Lena writes the minutes with two actions: Region Gävleborg makes the parents' "
            "material Berit asked for, and Swedish Customs decides on Anna's training. The "
            "minutes go into the call's thread; those responsible are told.",
        ),
        ["/tryck Minnesanteckningar"],
        MINUTES,
        needs=["/samverkan protokoll"],
    ),
    Step(
        Msg(
            "Utbildningen är slut: utvärderingen skickas, och fyra deltagare svarar anonymt.",
            "The training is over: the evaluation goes out, and four participants answer "
            "anonymously.",
        ),
        [
            "/tid 2027-01-19T16:30",
            "/jag anna@tullverket.se",
            "/tryck Svara på utvärderingen | Svara",
        ],
        _evaluation("2", "4", "Hur man känner igen påverkan vid kontroller."),
        needs=["/utbildning"],
    ),
    Step(
        Msg("Erik svarar.", "Erik answers."),
        ["/jag erik.ek@regiongavleborg.se", "/tryck Svara på utvärderingen | Svara"],
        _evaluation("3", "4"),
        needs=["/utbildning"],
    ),
    Step(
        Msg("Sara svarar.", "Sara answers."),
        ["/jag sara.sandberg@sandviken.se", "/tryck Svara på utvärderingen | Svara"],
        _evaluation("1", "4", "Samtal med föräldrar."),
        needs=["/utbildning"],
    ),
    Step(
        Msg("Olof svarar.", "Olof answers."),
        ["/jag olof.olsson@hudiksvall.se", "/tryck Svara på utvärderingen | Svara"],
        _evaluation("2", "5"),
        needs=["/utbildning"],
    ),
    Step(
        Msg(
            "Olof rapporterar en utbildning som Hudiksvall höll själva.",
            "Olof reports a training Hudiksvall held itself.",
        ),
        ["/jag olof.olsson@hudiksvall.se", "/utbildning rapportera"],
        REPORT,
        needs=["/utbildning"],
    ),
    Step(
        Msg(
            "Erik fick en påminnelse om sin åtgärd i fredags. Materialet är klart: han "
            "markerar åtgärden som klar, och Berit, som lämnade behovet, får veta vad som gjordes.",
            "Erik was reminded of his action on Friday. The material is ready: he marks the "
            "action done, and Berit, who submitted the need, hears what was done.",
        ),
        ["/jag erik.ek@regiongavleborg.se", '/tryck "Klart" på Påminnelse: åtgärd #1'],
        needs=["/samverkan åtgärder"],
    ),
    Step(
        Msg(
            "Måndag: Anna påminns om Tullverkets beslut, som ska vara klart den 1 februari.",
            "Monday: Anna is reminded of Customs' decision, due by 1 February.",
        ),
        ["/tid 2027-01-25T10:00"],
        needs=["/samverkan åtgärder"],
    ),
    Step(
        Msg(
            "Det blev inget beslut i tid. Den 2 februari är Tullverkets åtgärd försenad: Anna "
            "får besked, och kallelsen till februarimötet visar förra mötets minnesanteckningar "
            "och åtgärderna, den försenade markerad.",
            "No decision in time. On 2 February Customs' action is overdue: Anna is told, and "
            "the call to February's meeting shows the last minutes and the actions, the overdue "
            "one marked.",
        ),
        ["/tid 2027-02-02T10:00"],
        needs=["/samverkan åtgärder"],
    ),
    Step(
        Msg(
            "En månad har gått. Utvärderingen har stängts, och två veckor före ägarmötet får "
            "samverkansägarna sin statussammanfattning.",
            "A month has passed. The evaluation has closed, and two weeks before the owners' "
            "meeting the owners get their status summary.",
        ),
        ["/tid 2027-02-04T11:00"],
    ),
    Step(
        Msg(
            "Lena tittar på utbildningens resultat: kunskap före och efter.",
            "Lena looks at the training's results: knowledge before and after.",
        ),
        ["/jag ledare", "/utbildning resultat"],
        needs=["/utbildning"],
    ),
    Step(
        Msg(
            "Landshövdingen Greta, samverkansägare, ber om läget.",
            "The governor Greta, an owner, asks for the status.",
        ),
        ["/jag ägare", "/samverkan status"],
        needs=["/samverkan status"],
    ),
    Step(
        Msg(
            "Lena tar ut allt underlag till Excel: namn i stället för Slack-id, filter på varje "
            "blad och ett blad om vad exporten innehåller.",
            "Lena takes out all the figures as an Excel file: names instead of Slack ids, "
            "filters on every sheet and a sheet on what the export holds.",
        ),
        ["/jag ledare", "/samverkan export"],
        needs=["/samverkan export"],
    ),
    Step(
        Msg(
            "Lenas hemflik: det hon har att göra.",
            "Lena's Home tab: what she has to do.",
        ),
        ["/jag ledare", "/hem"],
    ),
    Step(
        Msg(
            "Lena går igenom åtgärderna, de försenade först, och exporterar allt till Excel: "
            "åtgärderna med sin historik och minnesanteckningarna får egna blad.",
            "Lena goes through the actions, overdue first, and exports everything to Excel: "
            "the actions with their history and the minutes get sheets of their own.",
        ),
        ["/samverkan åtgärder alla", "/samverkan export"],
        needs=["/samverkan åtgärder"],
    ),
]
