"""Every text of the catalogue, rendered in both languages with counts 0, 1 and 2, reads right."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest

import bot.texts
from bot.texts import Count, Msg, Texts

# Placeholders that hold a number; every other placeholder gets a word.
NUMERIC = {
    "count",
    "n",
    "days",
    "min",
    "limit",
    "length",
    "tries",
    "most",
    "least",
    "participants",
    "expected",
    "reported",
    "answered",
    "held",
    "attended",
    "new",
    "open",
    "done",
    "closed",
    "late",
    "overdue",
    "planned",
    "cancelled",
    "decisions",
    "actions",
    "needs",
    "total",
    "changed",
    "shown",
    "improved",
    "same",
    "declined",
    "missed",
    "low",
    "high",
    "part",
    "parts",
    "answers",
    "working",
    "all",
    "new_before",
    "done_before",
    "held_before",
    "working_before",
    "all_before",
    "expected_before",
    "reported_before",
    "answered_before",
    "attending",
}
# Placeholders that hold a number in some texts and words in others.
WORDY_IN = {
    "needs": {
        "actions.DONE_NEEDS",
        "actions.DETAIL_NEEDS",
        "trainings.CARD_NEEDS",
        "meetings.ATTENDANCE_SAVED",
    },
    "actions": {"actions.MINUTES_SAVED", "actions.CALL_PREVIOUS", "actions.MINUTES_LIST_ITEM"},
    "decisions": {"actions.CALL_PREVIOUS", "actions.MINUTES_LIST_ITEM"},
}
WORDS = {
    "title": "Drogfri skolstart",
    "organization": "Gävle kommun",
    "organizations": "Gävle kommun och Region Gävleborg",
    "date": "8 december 2026",
    "when": "tisdag 8 december 2026 kl. 09.00",
    "name": "Anna Andersson",
    "status": "Nytt",
    "user": "<@U1>",
    "actor": "Anna Andersson",
    "label": "Svara",
    "period": "2026",
    "id": "12",
    "number": "3",
    "due": "8 december 2026",
}
# A standalone 1 followed by a Swedish plural: 1 utbildningar, 1 organisationer, 1 öppna.
SV_ONE_PLURAL = re.compile(
    r"\b1 (?:nya |öppna |förväntade |kommande |fler )?"
    r"(\w+(?:ar|er|or|na)|nya|möten|meddelanden|värden|ämnen|svaren)\b"
)
SV_ALLOWED = {
    "har",
    "var",
    "är",
    "eller",
    "efter",
    "under",
    "över",
    "per",
    "sedan",
    "kommer",
    "mer",
    "senare",
    "svarar",
    "gäller",
    "svar",
    "betyder",
}
EN_ONE_PLURAL = re.compile(r"\b1 (?:new |more |open |expected |proposed |coming )?(\w+s|people)\b")
EN_ALLOWED = {"is", "was", "has", "plus", "this", "its", "minus", "means", "series"}
DOUBLED = re.compile(r"(?<![\w-])(\(?\b\w+\b\)?)\s+\1(?![\w-])", re.IGNORECASE)
DOUBLED_ALLOWED = {"–"}
SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
CODE = re.compile(r"`[^`]*`")
# Names that keep their Swedish letters in English: places, bodies and the Swedish originals.
EN_SWEDISH_ALLOWED = re.compile(
    r"Gävle\w*|Länsstyrelsen|Ägarmöte|Region Gävleborg|Söderhamn|Ljusdal|Hälsingland|"
    r"Bollnäs|Nordanstig|Hudiksvall|Ovanåker|Ockelbo|Sandviken|Duvbacken|Folkhälsomyndigheten|"
    r"”|“|”"
)


def _catalogue() -> list[tuple[str, Msg | Count]]:
    """Return every Msg and Count of every module in bot.texts, named module.NAME."""
    found: list[tuple[str, Msg | Count]] = []
    for info in pkgutil.iter_modules(bot.texts.__path__):
        module = importlib.import_module(f"bot.texts.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Msg | Count):
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, tuple) and any(isinstance(v, Msg | Count) for v in value):
                found.extend((f"{info.name}.{name}[{i}]", v) for i, v in enumerate(value))
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _words(text: str) -> list[str]:
    """Return the words of a template, placeholders and code left out."""
    return re.findall(r"[^\W\d_]+", CODE.sub("", re.sub(r"\{[^}]*\}", "", text)))


def _number_fields(text: str) -> set[str]:
    """Return the placeholders formatted as integers ({hour:02d})."""
    parsed = string.Formatter().parse(text)
    return {n for _, n, spec, _ in parsed if n and (spec or "").endswith("d")}


def _params(name: str, fields: set[str], count: int) -> dict[str, object]:
    """Fill numeric placeholders with count and the others with a plausible word."""
    params: dict[str, object] = {}
    for field in fields:
        base = field.split(".")[0].split("[")[0]
        numeric = base in NUMERIC and name not in WORDY_IN.get(base, set())
        params[base] = count if numeric else WORDS.get(base, f"‹{base}›")
    return params


def _msgs(phrase: Msg | Count) -> tuple[Msg, ...]:
    return phrase.msgs() if isinstance(phrase, Count) else (phrase,)


def _fill(name: str, phrase: Msg | Count, count: int) -> dict[str, object]:
    """Return the placeholders of every phrasing of phrase, filled for count."""
    fields: set[str] = set()
    for msg in _msgs(phrase):
        fields |= _fields(msg.sv) | _fields(msg.en)
    params = _params(name, fields, count)
    for msg in _msgs(phrase):
        params.update(dict.fromkeys(_number_fields(msg.sv) | _number_fields(msg.en), count))
    if isinstance(phrase, Count):
        params[phrase.by] = count
    return params


def problems(name: str, phrase: Msg | Count) -> list[str]:
    """Return what a reader would notice in phrase, rendered with counts 0, 1 and 2."""
    found: list[str] = []
    for msg in _msgs(phrase):
        if _fields(msg.sv) != _fields(msg.en):
            found.append(f"{name}: placeholders differ: {msg.sv!r} / {msg.en!r}")
        words = _words(msg.sv)
        if words and words == _words(msg.en) and " ".join(words).lower() not in SAME:
            found.append(f"{name}: English is the Swedish text: {msg.sv!r}")
    for count in (0, 1, 2):
        params = _fill(name, phrase, count)
        rendered = {lang: Texts(lang)(phrase, **params) for lang in ("sv", "en")}
        for lang, text in rendered.items():
            where = f"{name} [{lang}, {count}]: {text!r}"
            prose = CODE.sub("", text)
            if "{" in prose or "}" in prose:
                found.append(f"placeholder left in {where}")
            pattern, allowed = (
                (SV_ONE_PLURAL, SV_ALLOWED) if lang == "sv" else (EN_ONE_PLURAL, EN_ALLOWED)
            )
            for match in pattern.finditer(prose):
                if match.group(1).lower() not in allowed:
                    found.append(f"'1 {match.group(1)}' in {where}")
            for match in DOUBLED.finditer(prose):
                if match.group(1) not in DOUBLED_ALLOWED and not match.group(1).isdigit():
                    found.append(f"doubled {match.group(1)!r} in {where}")
        if isinstance(phrase, Count) and phrase.zero is None and count == 0:
            continue
        sv, en = rendered["sv"], rendered["en"]
        if (not sv.strip() or not en.strip()) and name not in EMPTY_ALLOWED:
            found.append(f"{name} [{count}]: empty text: {sv!r} / {en!r}")
        english = EN_SWEDISH_ALLOWED.sub("", CODE.sub("", en))
        for value in params.values():
            english = english.replace(str(value), "")
        if SWEDISH_LETTERS.search(english):
            found.append(f"{name} [{count}]: Swedish letters in English: {en!r}")
    return found


# Texts that are spelt the same in Swedish and English.
SAME = {"status", "period", "organisation", "text", "samverkansbot", "dm", "n"}
# Texts that are empty on purpose (nothing to add).
EMPTY_ALLOWED = {"shell.GUIDE_NONE"}

CATALOGUE = _catalogue()


def test_the_catalogue_is_found() -> None:
    """The catalogue has hundreds of texts, from every module in bot/texts."""
    modules = {name.split(".")[0] for name, _ in CATALOGUE}
    assert len(CATALOGUE) > 500
    assert {"common", "meetings", "needs", "followup", "trainings", "actions"} <= modules


@pytest.mark.parametrize(("name", "phrase"), CATALOGUE, ids=[n for n, _ in CATALOGUE])
def test_every_text_reads_right_in_both_languages(name: str, phrase: Msg | Count) -> None:
    """No 1 with a plural, no doubled word, no placeholder left, both languages said."""
    assert problems(name, phrase) == []


@pytest.mark.parametrize(
    "planted",
    [
        Msg("{count} utbildningar", "{count} trainings"),
        Msg("{count} organisationer har svarat", "{count} organisations have answered"),
        Msg("kanalen och {count} personer", "the channel and {count} people"),
        Msg("Skäl (valfritt) (valfritt)", "Reason (optional)"),
        Msg("Klart ({count} dagar)", "Done ({count} days)"),
        Msg("Det här är the the fel", "This is the the mistake"),
        Msg("Hej {{name}}", "Hello {{name}}"),
        Msg("", "Empty in Swedish"),
        Msg("Skicka", "Skicka"),
        Count(one=Msg("1 svar", "1 answers"), other=Msg("{count} svar", "{count} answers")),
    ],
)
def test_a_planted_mistake_is_found(planted: Msg | Count) -> None:
    """The check finds each kind of mistake it looks for, so the catalogue test can fail."""
    assert problems("planted", planted)


def test_plural_forms_follow_cldr() -> None:
    """A Count says 1 utbildning, 2 utbildningar and, when it has one, the zero phrasing."""
    phrase = Count(
        one=Msg("{count} utbildning", "{count} training"),
        other=Msg("{count} utbildningar", "{count} trainings"),
        zero=Msg("inga utbildningar", "no trainings"),
    )
    sv, en = Texts("sv"), Texts("en")
    assert [sv.count(phrase, n) for n in (0, 1, 2)] == [
        "inga utbildningar",
        "1 utbildning",
        "2 utbildningar",
    ]
    assert [en(phrase, count=n) for n in (0, 1, 2)] == ["no trainings", "1 training", "2 trainings"]
