"""/utbildning: lista, rapportera, resultat [nr], sammanställning [år], hjälp, else the form."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.validation import parse_count, parse_date
from bot.texts import common as c
from bot.texts import results as rt
from bot.texts import trainings as t
from commands import blocks as b
from commands.edge import words as w
from commands.edge.interaction import Click, Command, Interaction
from commands.edge.outcome import Done, Refusal, tell_outcome
from commands.edge.surface import Subcommand, Subcommands
from commands.trainings import usecases, usecases_results
from commands.trainings.registration import open_report_form, open_training_form
from commands.trainings.values import TrainingRef

UNKNOWN_WORD_SHOWN = 40
TOTALS_DEFAULT = timedelta(days=365)
PERIOD_FIRST = date(1900, 1, 1)  # a period outside these days is refused, not computed
PERIOD_LAST = date(2999, 12, 31)


def show_results(ix: Interaction, training_id: int | None, *, by_response: bool) -> None:
    """Show one evaluation's results to an allowed person, and send its chart to them.

    by_response: answer through the request's response URL (a command), else privately where
    the button was pressed.
    """

    def say(message: dict[str, Any]) -> None:
        if by_response:
            ix.respond(**message)
        else:
            ix.tell_text(message["text"], message.get("blocks"))

    actor = ix.actor
    with ix.bot.db.reading() as session:
        results = usecases_results.evaluation_results(ix.bot, session, actor, training_id)
    if isinstance(results, Refusal):
        say({"text": ix.text(results.msg, **results.params)})
        return
    say(results.message)
    if not results.shown.stats.shown:
        return
    chart = usecases_results.results_chart_file(ix.bot, ix.texts, results)
    with ix.bot.db.transaction() as session:
        keys = usecases_results.queue_chart(ix.bot, session, ix.user, results, chart)
    ix.deliver(keys)


def results_command(ix: Command) -> None:
    """Show the results of a training (default: the latest evaluated)."""
    word = ix.args.strip().lstrip("#")
    training_id = parse_count(word) if word else None
    if word and training_id is None:
        ix.answer(rt.BAD_ID)
        return
    show_results(ix, training_id, by_response=True)


def handle_results_button(ix: Click[TrainingRef]) -> None:
    """Show a training's results privately to an allowed person."""
    show_results(ix, ix.value.training, by_response=False)


def handle_release_button(ix: Click[TrainingRef]) -> None:
    """Release an open evaluation's interim results (coordinators), then show them privately."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        outcome = usecases_results.release_interim(ix.bot, session, actor, ix.value.training)
    tell_outcome(ix, outcome)
    if isinstance(outcome, Done):
        show_results(ix, ix.value.training, by_response=False)


def parse_period(text: str, now: datetime, tz: ZoneInfo) -> tuple[date, date] | None:
    """Parse a period: empty (the last 12 months), a year, or two dates; end date inclusive.

    Only ASCII digits are read; a period outside 1900-2999 or ending before it starts is None.
    """
    words = text.split()
    today = now.astimezone(tz).date()
    if not words:
        return today - TOTALS_DEFAULT + timedelta(days=1), today
    if len(words) == 1 and len(words[0]) == 4:
        year = parse_count(words[0], PERIOD_FIRST.year, PERIOD_LAST.year)
        return (date(year, 1, 1), date(year, 12, 31)) if year is not None else None
    if len(words) == 2:
        first, last = parse_date(words[0]), parse_date(words[1])
        if first is not None and last is not None and PERIOD_FIRST <= first <= last <= PERIOD_LAST:
            return first, last
    return None


def totals_command(ix: Command) -> None:
    """Show totals per subject and organiser, and who has reported back."""
    if not ix.actor.in_collaboration:
        ix.answer(c.NO_ORGANIZATION)
        return
    period = parse_period(ix.args, ix.bot.clock.now(), ix.bot.config.collaboration.tz)
    if period is None:
        ix.answer(t.PERIOD_BAD)
        return
    with ix.bot.db.reading() as session:
        message = usecases.totals(ix.bot, session, ix.texts, *period)
    ix.respond(**message)


def list_command(ix: Command) -> None:
    """List coming and recent trainings."""
    if not ix.actor.in_collaboration:
        ix.answer(c.NO_ORGANIZATION)
        return
    with ix.bot.db.reading() as session:
        message = usecases.trainings_list(ix.bot, session, ix.texts)
    ix.respond(**message)


def help_command(ix: Command) -> None:
    """Show the help."""
    ix.answer(t.HELP)


SUBCOMMANDS = Subcommands(
    [
        Subcommand(w.LIST, list_command),
        Subcommand(w.REPORT, open_report_form),
        Subcommand(w.RESULTS, results_command),
        Subcommand(w.TOTALS, totals_command),
        Subcommand(w.HELP, help_command),
    ]
)


def handle_utbildning(ix: Command) -> None:
    """Handle /utbildning [lista|rapportera|resultat [nr]|sammanställning [år]|hjälp]."""
    found = SUBCOMMANDS.find(ix.args)
    if found is not None:
        handler, ix.args = found
        handler(ix)
        return
    if ix.args:
        word = b.escape(b.clip(ix.args.partition(" ")[0], UNKNOWN_WORD_SHOWN)).replace("`", "'")
        ix.respond(text=ix.text(t.UNKNOWN_SUBCOMMAND, word=word) + "\n" + ix.text(t.HELP))
        return
    open_training_form(ix)
