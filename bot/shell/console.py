"""Where the shell reads lines and form answers, and where it writes: terminal, script, demo."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from bot.shell.forms import CANCEL_WORDS, INTERRUPTED, SEARCH_KINDS, Question
from bot.shell.render import Style
from bot.texts import Msg, Texts
from bot.texts import shell as t


class Output:
    """Writes lines to a stream, with ANSI emphasis when it is a terminal."""

    def __init__(self, stream: TextIO, *, color: bool = False) -> None:
        """Write to stream."""
        self.stream = stream
        self.style = Style(color)
        self._muted = False

    def line(self, text: str = "") -> None:
        """Write one line (nothing while muted)."""
        if self._muted:
            return
        self.stream.write(text + "\n")
        self.stream.flush()

    @contextlib.contextmanager
    def muted(self) -> Iterator[None]:
        """Write nothing inside the with block."""
        self._muted = True
        try:
            yield
        finally:
            self._muted = False

    def lines(self, texts: Iterable[str]) -> None:
        """Write several lines."""
        for text in texts:
            self.line(text)


class ScriptStopped(Exception):
    """A script line was refused: the script stops at line (1-based) with message."""

    def __init__(self, line: int, message: str) -> None:
        """Stop at line with message."""
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


class Console:
    """Reads the person's lines: from the terminal, with line editing and history."""

    line_number = 0  # of the line read last, in a script

    def __init__(self, out: Output) -> None:
        """Prompt on out's terminal."""
        self.out = out
        with contextlib.suppress(ImportError):  # no readline on this platform: plain input()
            import readline  # noqa: F401 - line editing and history for input()

    def _input(self, prompt: str) -> str:
        """Return one line; raise EOFError at the end of input, KeyboardInterrupt on Ctrl-C."""
        return input(prompt)

    def read(self, prompt: str) -> str | None:
        """Return the next line typed, or None at the end of input (Ctrl-D) or on Ctrl-C."""
        try:
            return self._input(prompt)
        except (EOFError, KeyboardInterrupt):
            self.out.line()
            return None

    def read_answer(self, prompt: str) -> str | None:
        """Return the next answer typed in a form, INTERRUPTED on Ctrl-C, None at the end."""
        try:
            return self._input(prompt)
        except EOFError:
            self.out.line()
            return None
        except KeyboardInterrupt:
            self.out.line()
            return INTERRUPTED


class ScriptConsole(Console):
    """Reads lines from a script instead, echoing each after its prompt."""

    def __init__(self, out: Output, lines: Iterable[str]) -> None:
        """Read lines in order."""
        self.out = out
        self._lines: Iterator[str] = iter(lines)
        self.line_number = 0

    def _input(self, prompt: str) -> str:
        """Return the script's next line (echoed); raise EOFError at its end."""
        line = next(self._lines, None)
        if line is None:
            raise EOFError
        self.line_number += 1
        self.out.line(prompt + self.out.style.accent(line))
        return line

    def read(self, prompt: str) -> str | None:
        """Return the script's next line (echoed), or None at its end."""
        try:
            return self._input(prompt)
        except EOFError:
            return None

    def read_answer(self, prompt: str) -> str | None:
        """Return the script's next line as a form answer, or None at its end."""
        return self.read(prompt)


class ConsoleAnswerer:
    """Asks form questions on a console: label, hint, choices and current value, then a line.

    With strict (a script), an answer that is refused, or a command given where a form asks
    for a value, stops the script (ScriptStopped) instead of moving later lines to other fields.
    """

    def __init__(self, console: Console, texts: Texts, *, strict: bool = False) -> None:
        """Ask through console."""
        self.console = console
        self.tr = texts
        self.strict = strict

    def answer(self, question: Question, problem: str) -> str | None:
        """Print the question (and why the last answer was refused) and read the answer."""
        out, style = self.console.out, self.console.out.style
        if problem and self.strict and not question.listed:
            raise ScriptStopped(
                self.console.line_number,
                self.tr(t.SCRIPT_REFUSED, label=question.label, error=problem),
            )
        if not problem:
            mark = "" if question.required else " " + style.dim(self.tr(t.OPTIONAL))
            out.line(style.bold(question.label) + mark)
            if question.hint:
                out.line("  " + style.dim(question.hint))
            for number, choice in enumerate(question.choices, 1):
                out.line(f"  {number}) {choice.label}")
            guide = self.tr(_guide(question))
            if question.shown:
                guide += " " + self.tr(t.KEEP, value=question.shown)
            if guide:
                out.line("  " + style.dim(guide.strip()))
        if question.error:
            out.line("  " + style.error("⚠ " + question.error))
            question.error = ""
        if problem:
            out.line("  " + style.error("⚠ " + problem))
        if problem and question.listed:
            for number, choice in enumerate(question.choices, 1):
                out.line(f"  {number}) {choice.label}")
        answer = self.console.read_answer("  › ")
        if self.strict and answer is not None and _is_command(answer):
            raise ScriptStopped(
                self.console.line_number,
                self.tr(t.SCRIPT_COMMAND_IN_FORM, label=question.label, line=answer.strip()),
            )
        return answer

    def confirm(self, title: str, text: str) -> bool | None:
        """Ask yes or no; None at the end of input or on Ctrl-C."""
        self.console.out.line(self.console.out.style.bold(title))
        if text:
            self.console.out.line("  " + text)
        answer = self.console.read_answer("  " + self.tr(t.CONFIRM_PROMPT) + " ")
        if answer is None or answer == INTERRUPTED:
            return None
        return answer.strip().casefold() in {"j", "ja", "y", "yes"}


def _is_command(answer: str) -> bool:
    """Tell whether a form answer is a shell or slash command (other than /avbryt)."""
    text = answer.strip()
    return text.startswith("/") and text.split()[0].casefold() not in CANCEL_WORDS


def _guide(question: Question) -> Msg:
    """Return the line that tells how to answer a question of this kind."""
    kind = question.kind
    if question.choices:
        return t.GUIDE_MANY if question.multiple else t.GUIDE_ONE
    if kind == "datepicker":
        return t.GUIDE_DATE
    if kind == "timepicker":
        return t.GUIDE_TIME
    if kind == "datetimepicker":
        return t.GUIDE_DATETIME
    if kind == "number_input":
        return t.GUIDE_NUMBER
    if question.element.get("multiline"):
        return t.GUIDE_MULTILINE
    if kind in SEARCH_KINDS:
        return t.GUIDE_SEARCH_MANY if question.multiple else t.GUIDE_SEARCH
    return t.GUIDE_NONE


class DemoAnswerer:
    """Answers forms for the demo: from the step's answers by id or label, else sensibly."""

    def __init__(self, out: Output, texts: Texts) -> None:
        """Echo the answers on out."""
        self.out = out
        self.tr = texts
        self.answers: dict[str, list[str]] = {}
        self._given_last: set[str] = set()

    def give(self, answers: dict[str, str | list[str]]) -> None:
        """Use these answers (a key matches an action id, a block id or part of a label).

        A list gives one answer per time the input is asked (after the bot refused the last);
        its last answer is not given twice.
        """
        self.answers = {k: [v] if isinstance(v, str) else list(v) for k, v in answers.items()}
        self._given_last = set()

    def _given(self, question: Question) -> tuple[str | None, bool]:
        """Return the next answer for question and whether it is one not given before."""
        for key, values in self.answers.items():
            names = (question.action_id, question.block_id, question.label)
            if values and any(re.search(key, name, re.IGNORECASE) for name in names):
                if len(values) > 1:
                    return values.pop(0), True
                fresh = key not in self._given_last
                self._given_last.add(key)
                return values[0], fresh
        return None, False

    def answer(self, question: Question, problem: str) -> str | None:
        """Answer from the given answers, else keep the default or pick the first choice.

        When the bot or the client refuses an answer and there is no other to give, stop.
        """
        style = self.out.style
        refused = question.error or problem
        if refused:
            self.out.line("  " + style.error(f"⚠ {question.label}: {refused}"))
            question.error = ""
        given, fresh = self._given(question)
        if refused and not fresh:
            return None
        if given is None:
            given = self._default(question)
        shown = given or question.shown or "–"
        if question.choices and given.isdigit() and 0 < int(given) <= len(question.choices):
            shown = question.choices[int(given) - 1].label
        self.out.line(f"  {style.dim(question.label + ':')} {shown}")
        return given

    def _default(self, question: Question) -> str:
        """Return a sensible answer when the step gives none."""
        if question.shown or not question.required:
            return ""
        if question.choices:
            return "1"
        return {
            "datepicker": "idag",
            "timepicker": "13:00",
            "datetimepicker": "idag 13:00",
            "number_input": str(question.element.get("min_value") or 1),
        }.get(question.kind, self.tr(t.DEMO_TEXT))

    def confirm(self, title: str, text: str) -> bool | None:
        """Say yes."""
        self.out.line(f"  {self.out.style.dim(title)} {self.tr(t.YES)}")
        return True
