"""Modals in the terminal: each input asked in turn with its label, hint, choices and default."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.shell.render import Renderer, options_of, text_of
from bot.texts import Msg, Texts
from bot.texts import shell as t
from slack_sim.requests import STATE_SHAPES, initial_state

JSONDict = dict[str, Any]
Values = dict[str, dict[str, JSONDict]]
# Element types whose answer is a choice among the element's options.
CHOICE_KINDS = frozenset({"static_select", "radio_buttons", "external_select"})
MULTI_KINDS = frozenset({"multi_static_select", "checkboxes", "multi_external_select"})
# Element types whose options the bot serves as the person types (block_suggestion).
SEARCH_KINDS = frozenset({"external_select", "multi_external_select"})
TEXT_KINDS = frozenset(
    {"plain_text_input", "email_text_input", "url_text_input", "rich_text_input"}
)
CLEAR = "-"
CANCEL_WORDS = frozenset({"/avbryt", "/cancel"})
# What an answerer returns when the person pressed Ctrl-C instead of answering.
INTERRUPTED = "\x03"
# How many times a question (or a whole form the bot refuses) is tried before the form closes.
MAX_TRIES = 3
# How many searches a question that searches lists matches of before it counts them as tries.
MAX_SEARCHES = 10


@dataclass(frozen=True)
class Choice:
    """One choice a question offers: what is shown, and what Slack sends for it."""

    label: str
    value: Any


@dataclass
class Question:
    """One input of a form, as the terminal asks it."""

    block_id: str
    action_id: str
    kind: str
    label: str
    hint: str = ""
    required: bool = True
    choices: list[Choice] = field(default_factory=list)
    current: Any = None
    shown: str = ""
    error: str = ""
    element: JSONDict = field(default_factory=dict)
    dispatch: bool = False
    listed: bool = False  # choices holds fresh matches of a search, to pick from by number

    @property
    def multiple(self) -> bool:
        """Tell whether several choices may be picked."""
        return self.kind in MULTI_KINDS or self.kind.startswith("multi_")


class Answerer(Protocol):
    """Whoever answers the form: the person at the terminal, a script, or the demo."""

    def answer(self, question: Question, problem: str) -> str | None:
        """Return the answer to question (problem: why the last one was refused); None stops."""
        ...

    def confirm(self, title: str, text: str) -> bool | None:
        """Return whether the person confirms; None stops."""
        ...


class Stopped(Exception):
    """A form ends without being sent; msg (with params) says why."""

    def __init__(self, msg: Msg, **params: Any) -> None:
        """Stop with msg."""
        super().__init__(msg.sv)
        self.msg = msg
        self.params = params


class Refused(ValueError):
    """An answer the Slack client itself would not accept; the message says why."""

    def __init__(self, msg: Msg, **params: Any) -> None:
        """Refuse with msg."""
        super().__init__(msg.sv)
        self.msg = msg
        self.params = params


class Listed(Refused):
    """A search found several matches, now the question's choices: the person picks one."""


@dataclass(frozen=True)
class Directory:
    """The people and channels a user or channel menu offers."""

    people: Callable[[], list[Choice]]
    channels: Callable[[], list[Choice]]
    tz: ZoneInfo
    today: Callable[[], date]


class FormFiller:
    """Asks a modal's inputs and builds the state.values Slack would send."""

    def __init__(
        self,
        texts: Texts,
        renderer: Renderer,
        answerer: Answerer,
        directory: Directory,
        suggest: Callable[[Question, str], list[Choice]] | None = None,
    ) -> None:
        """Ask through answerer, offering directory's people and channels."""
        self.tr = texts
        self.renderer = renderer
        self.answerer = answerer
        self.directory = directory
        self.suggest = suggest

    # ------------------------------------------------------------------ reading views

    def initial_values(self, view: JSONDict) -> Values:
        """Return state.values of an untouched view: initial values, else empty."""
        values: Values = {}
        for block, element in input_elements(view):
            values.setdefault(block["block_id"], {})[element["action_id"]] = initial_state(element)
        return values

    def questions(self, view: JSONDict, values: Values) -> list[Question]:
        """Return the view's inputs as questions, with their current values."""
        found: list[Question] = []
        names, style = self.renderer.names, self.renderer.style
        for block, element in input_elements(view):
            kind = str(element["type"])
            key, _ = STATE_SHAPES[kind]
            current = values.get(block["block_id"], {}).get(element["action_id"], {}).get(key)
            question = Question(
                block_id=block["block_id"],
                action_id=element["action_id"],
                kind=kind,
                label=text_of(block.get("label"), names, style),
                hint=text_of(block.get("hint"), names, style),
                required=block.get("type") == "input" and not block.get("optional", False),
                choices=self.choices(element),
                current=current,
                element=element,
                dispatch=bool(block.get("dispatch_action")),
            )
            question.shown = self.show(question, current)
            found.append(question)
        return found

    def choices(self, element: JSONDict) -> list[Choice]:
        """Return what an element offers to choose from: its options, people or channels."""
        kind = str(element.get("type"))
        if kind in CHOICE_KINDS or kind in MULTI_KINDS:
            names, style = self.renderer.names, self.renderer.style
            return [Choice(text_of(o.get("text"), names, style), o) for o in options_of(element)]
        if kind in ("users_select", "multi_users_select"):
            return self.directory.people()
        if kind.endswith(("conversations_select", "channels_select")):
            return self.directory.channels()
        return []

    def show(self, question: Question, value: Any) -> str:
        """Return a value as the person reads it."""
        if value in (None, [], ""):
            return ""
        kind = question.kind
        if kind == "rich_text_input" and isinstance(value, dict):
            return _rich_plain(value)
        if kind == "datetimepicker":
            moment = datetime.fromtimestamp(int(value), self.directory.tz)
            return moment.strftime("%Y-%m-%d %H:%M")
        values = value if isinstance(value, list) else [value]
        labels = []
        for item in values:
            if isinstance(item, dict):
                labels.append(text_of(item.get("text"), self.renderer.names, self.renderer.style))
                continue
            match = next((c.label for c in question.choices if c.value == item), None)
            labels.append(match or str(item))
        return ", ".join(labels)

    # ------------------------------------------------------------------ asking

    def ask(self, question: Question) -> JSONDict:
        """Ask one question until the answer is one Slack's client accepts.

        Raises Stopped when the person cancels (/avbryt, end of input) and when MAX_TRIES
        answers in a row (an empty required answer, a refused value, Ctrl-C) were not accepted.
        """
        problem = ""
        if question.kind in SEARCH_KINDS:
            question.choices = []
        tries = searches = 0
        while tries < MAX_TRIES:
            answer = self.answerer.answer(question, problem)
            question.listed = False
            if answer is None or answer.strip().casefold() in CANCEL_WORDS:
                raise Stopped(t.FORM_CANCELLED)
            tries += 1
            if answer == INTERRUPTED:
                problem = self.tr(t.INTERRUPTED)
                continue
            try:
                value = self.parse(question, answer)
            except Listed as exc:  # not a failed try: the person now picks among the matches
                searches += 1
                if searches <= MAX_SEARCHES:
                    tries -= 1
                question.listed = True
                problem = self.tr(exc.msg, **exc.params)
                continue
            except Refused as exc:
                problem = self.tr(exc.msg, **exc.params)
                continue
            key, _ = STATE_SHAPES[question.kind]
            return {"type": question.kind, key: value}
        raise Stopped(t.FORM_GAVE_UP, label=question.label, tries=MAX_TRIES)

    def parse(self, question: Question, answer: str) -> Any:
        """Turn what was typed into the value Slack sends, or raise Refused."""
        text = answer.strip()
        kind = question.kind
        if text == "":
            if question.current not in (None, [], ""):
                return copy.deepcopy(question.current)
            if question.required:
                raise Refused(t.REQUIRED)
            return [] if question.multiple else None
        if text == CLEAR:
            if question.required:
                raise Refused(t.REQUIRED)
            return [] if question.multiple else None
        if kind in TEXT_KINDS:
            return self._text(question, answer.strip().replace("\\n", "\n"))
        if kind == "number_input":
            return _number(question.element, text)
        if kind == "datepicker":
            return _date(text, self.directory.today()).isoformat()
        if kind == "timepicker":
            return _time(text).strftime("%H:%M")
        if kind == "datetimepicker":
            return _datetime(text, self.directory)
        if kind in SEARCH_KINDS and self.suggest is not None:
            return self._search(question, text)
        picks = _picks(question.choices, text, multiple=question.multiple)
        chosen = [c.value for c in picks]
        if kind in CHOICE_KINDS or kind in MULTI_KINDS:
            chosen = [copy.deepcopy(v) for v in chosen]
        if question.multiple:
            most = question.element.get("max_selected_items")
            if isinstance(most, int) and len(chosen) > most:
                raise Refused(t.TOO_MANY, most=most)
            return chosen
        return chosen[0]

    def _search(self, question: Question, text: str) -> Any:
        """Pick in a select whose options the bot serves: by number among matches, else search.

        A number picks among the matches listed last; anything else (a word, "#12") asks the
        bot. One match, or one whose value or label is what was typed, is picked; several are
        listed to pick from (Listed); none is refused. Several, comma-separated, when multiple.
        """
        parts = [p.strip() for p in text.split(",")] if question.multiple else [text]
        chosen: list[Choice] = []
        for part in filter(None, parts):
            choice = self._searched(question, part)
            if choice not in chosen:
                chosen.append(choice)
        values = [copy.deepcopy(c.value) for c in chosen]
        if not question.multiple:
            return values[0]
        most = question.element.get("max_selected_items")
        if isinstance(most, int) and len(values) > most:
            raise Refused(t.TOO_MANY, most=most)
        return values

    def _searched(self, question: Question, part: str) -> Choice:
        """Return the one choice part names among the listed matches, or by asking the bot."""
        listed = question.choices
        if part.isascii() and part.isdigit() and 1 <= int(part) <= len(listed):
            return listed[int(part) - 1]
        assert self.suggest is not None
        found = self.suggest(question, part)
        folded = part.casefold()
        named = [
            c
            for c in found
            if folded in (c.label.casefold(), _value_text(c.value).casefold())
            or folded.lstrip("#") == _value_text(c.value).casefold()
        ]
        if len(found) == 1 or len(named) == 1:
            return (named or found)[0]
        if not found:
            raise Refused(t.NO_SUGGESTIONS_FOR, text=part)
        question.choices = found
        raise Listed(t.PICK_SUGGESTION)

    def _text(self, question: Question, text: str) -> Any:
        """Check a typed text as Slack's client does and return the value it sends."""
        element = question.element
        least, most = int(element.get("min_length") or 0), int(element.get("max_length") or 3000)
        if len(text) > most:
            raise Refused(t.TOO_LONG, most=most, length=len(text))
        if len(text) < least:
            raise Refused(t.TOO_SHORT, least=least, length=len(text))
        if question.kind == "email_text_input" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", text):
            raise Refused(t.NOT_EMAIL)
        if question.kind == "url_text_input" and not text.startswith(("http://", "https://")):
            raise Refused(t.NOT_URL)
        if question.kind == "rich_text_input":
            return {
                "type": "rich_text",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        return text

    def head(self, view: JSONDict) -> list[str]:
        """Return the lines that introduce a modal: its title and its non-input blocks."""
        style = self.renderer.style
        title = text_of(view.get("title"), self.renderer.names, style)
        lines = [style.bold(self.tr(t.FORM_TITLE, title=title))]
        for block in view.get("blocks") or []:
            if isinstance(block, dict) and block.get("type") != "input":
                lines += self.renderer.block(block, lambda _press: "")
        return lines


def input_elements(view: JSONDict) -> list[tuple[JSONDict, JSONDict]]:
    """Return (block, element) for each input of a view that has a state Slack sends."""
    found = []
    for index, block in enumerate(view.get("blocks") or []):
        if not isinstance(block, dict) or block.get("type") != "input":
            continue
        element = block.get("element")
        if isinstance(element, dict) and element.get("type") in STATE_SHAPES:
            block.setdefault("block_id", f"block{index}")
            element.setdefault("action_id", f"action{index}")
            found.append((block, element))
    return found


def _picks(choices: list[Choice], text: str, *, multiple: bool) -> list[Choice]:
    """Find the choices named by numbers or labels (several, comma-separated, when multiple)."""
    parts = [p.strip() for p in re.split(r"[,;]" if multiple else r"$^", text) if p.strip()]
    if multiple and all(p.isdigit() for p in text.replace(",", " ").split()):
        parts = text.replace(",", " ").split()
    picked: list[Choice] = []
    for part in parts or [text]:
        choice = _pick(choices, part)
        if choice not in picked:
            picked.append(choice)
    return picked


def _pick(choices: list[Choice], text: str) -> Choice:
    """Find the one choice named by a number, a label, a value or part of a label."""
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(choices):
            return choices[index - 1]
        raise Refused(t.NO_SUCH_CHOICE, text=text, count=len(choices))
    folded = text.casefold()
    for test in (
        lambda c: c.label.casefold() == folded,
        lambda c: _value_text(c.value).casefold() == folded,
        lambda c: c.label.casefold().startswith(folded),
        lambda c: folded in c.label.casefold(),
    ):
        matches = [c for c in choices if test(c)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise Refused(t.AMBIGUOUS_CHOICE, text=text)
    raise Refused(t.NO_SUCH_CHOICE, text=text, count=len(choices))


def _value_text(value: Any) -> str:
    """Return a choice's value as text."""
    if isinstance(value, dict):
        return str(value.get("value", ""))
    return str(value)


def _number(element: JSONDict, text: str) -> str:
    """Read a number as number_input sends it, within the element's bounds."""
    cleaned = text.replace(",", ".").replace(" ", "")
    decimals = bool(element.get("is_decimal_allowed"))
    pattern = r"-?\d+(\.\d+)?" if decimals else r"-?\d+"
    if not re.fullmatch(pattern, cleaned):
        raise Refused(t.NOT_A_NUMBER if decimals else t.NOT_A_WHOLE_NUMBER)
    number = float(cleaned)
    least, most = element.get("min_value"), element.get("max_value")
    if least is not None and number < float(least):
        raise Refused(t.NUMBER_RANGE, least=least, most=most if most is not None else "∞")
    if most is not None and number > float(most):
        raise Refused(t.NUMBER_RANGE, least=least if least is not None else "-∞", most=most)
    return cleaned


_RELATIVE = re.compile(r"^([+-])\s*(\d+)\s*d$")


def _date(text: str, today: date) -> date:
    """Read a date: ISO, today, tomorrow, or +Nd / -Nd from today."""
    folded = text.casefold()
    if folded in {"idag", "i dag", "today"}:
        return today
    if folded in {"imorgon", "i morgon", "tomorrow"}:
        return today + timedelta(days=1)
    relative = _RELATIVE.match(folded)
    if relative:
        days = int(relative.group(2))
        return today + timedelta(days=days if relative.group(1) == "+" else -days)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refused(t.NOT_A_DATE) from None


def _time(text: str) -> time:
    """Read a time of day such as 13:30."""
    match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?", text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise Refused(t.NOT_A_TIME)
    return time(int(match.group(1)), int(match.group(2) or 0))


def _datetime(text: str, directory: Directory) -> int:
    """Read a local date and time into the epoch seconds Slack sends."""
    day, _, clock = text.replace("T", " ").partition(" ")
    moment = datetime.combine(
        _date(day, directory.today()), _time(clock.strip() or "09:00"), tzinfo=directory.tz
    )
    return int(moment.timestamp())


def _rich_plain(value: JSONDict) -> str:
    """Return the plain text of a rich_text value."""
    out: list[str] = []

    def walk(node: Any) -> None:
        """Collect the text elements under node."""
        if isinstance(node, dict):
            if node.get("type") == "text":
                out.append(str(node.get("text", "")))
            for child in node.get("elements") or []:
                walk(child)

    walk(value)
    return "".join(out)
