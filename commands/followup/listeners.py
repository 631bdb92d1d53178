"""The follow-up's listeners: /samverkan status, indikator and export, their buttons and forms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.models.views import View
from sqlalchemy.exc import IntegrityError

from bot.domain.indicators import IndicatorInput, ValueInput
from bot.domain.validation import FieldError
from bot.texts import common as c
from bot.texts import followup as t
from commands.edge import words as w
from commands.edge.codec import NoValue
from commands.edge.ids import Field, form_fields
from commands.edge.interaction import Click, Command, Interaction, Submission
from commands.edge.outcome import Done, Invalid, Refusal
from commands.edge.requests import FormState
from commands.followup import summary, usecases
from commands.followup.usecases import only_coordinators
from commands.followup.values import ValueForm, ValueRef
from storage.db import DatabaseUnavailable

PRIVATE_PARTS_MAX = 4  # a response URL takes five messages
VALUE_FIELDS = form_fields("indicator_value_")
# A correction keeps the indicator, place and period: their errors are shown under the value.
CORRECTION_FIELDS = VALUE_FIELDS | dict.fromkeys(
    ("indicator", "place", "period"), Field.INDICATOR_AMOUNT.value
)
NEW_FIELDS = form_fields("indicator_new_")


def pass_on(ix: Interaction, answer: Done | Refusal) -> None:
    """Send what the use case queued, then tell the person what it says, privately (see show)."""
    if isinstance(answer, Done):
        ix.deliver(answer.keys)
    if answer.msg is not None:
        show(ix, {"text": ix.text(answer.msg, **answer.params)})


def show(ix: Interaction, message: Mapping[str, Any]) -> None:
    """Show the person a message privately (text, blocks).

    A command is answered through its response URL; a click or a form by an ephemeral message
    where it came from, else by a direct message (from the Home tab, or after a form).
    """
    if isinstance(ix, Command):
        ix.respond(**message)
    else:
        ix.tell_text(str(message["text"]), message.get("blocks"))


def reply(ix: Interaction, result: View | dict[str, Any] | Done | Refusal) -> None:
    """Open a form, show a message privately, or pass on a use case's answer."""
    if isinstance(result, Done | Refusal):
        pass_on(ix, result)
    elif isinstance(result, View):
        ix.open_view(result)
    else:
        show(ix, result)


def settle_form(
    ix: Submission[Any], answer: Done | Refusal | Invalid, fields: Mapping[str, str]
) -> None:
    """Keep the form open with the answer's errors under their fields, else close it and tell."""
    if isinstance(answer, Invalid):
        ix.field_errors(list(answer.errors), fields)
        return
    ix.done()
    pass_on(ix, answer)


# -------------------------------------------------------------------------------- status


def show_status(ix: Interaction) -> None:
    """Show the status summary privately to anyone in the collaboration (command, Home button)."""
    if not ix.actor.in_collaboration:
        pass_on(ix, Refusal(c.NO_ORGANIZATION))
        return
    actor = ix.actor
    with ix.bot.db.reading() as session:
        messages = summary.status_messages(ix.bot, session, actor)
    for message in messages[:PRIVATE_PARTS_MAX]:
        show(ix, message)


def handle_publish(ix: Click[NoValue]) -> None:
    """Publish the summary to the owners' channel (coordinators only), charts in its thread."""
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        answer = summary.publish_summary(ix.bot, session, actor, ix.action_ts)
    pass_on(ix, answer)


# -------------------------------------------------------------------------------- export


def export(ix: Interaction) -> None:
    """Send the export as a private file to a coordinator or owner; refuse others politely.

    A command hears at once that the file is on its way; the Home tab's button needs no word.
    """
    refusal = usecases.refuse_export(ix.bot, ix.actor)
    if refusal is not None:
        pass_on(ix, refusal)
        return
    if isinstance(ix, Command):
        ix.answer(t.EXPORT_WORKING)
    with ix.bot.db.reading() as session:
        workbook = usecases.export_workbook(ix.bot, session)
    with ix.bot.db.transaction() as session:
        answer = usecases.queue_export(ix.bot, session, ix.user, workbook)
    pass_on(ix, answer)


# ---------------------------------------------------------------------------- indicators


def open_value_form(ix: Interaction) -> None:
    """Open the form that records an indicator value (coordinators only)."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        view = usecases.new_value_form(ix.bot, session, actor)
    reply(ix, view)


def open_indicator_form(ix: Interaction) -> None:
    """Open the form where a coordinator adds an indicator (coordinators only)."""
    reply(ix, usecases.new_indicator_form(ix.bot, ix.actor))


def indicator(ix: Command) -> None:
    """Handle /samverkan indikator [lista | ny | hjälp]: without a word, the value form."""
    word = ix.args.casefold()
    if w.HELP.matches(word):
        ix.answer(t.HELP_INDICATOR)
        return
    if w.LIST.matches(word) or w.SHOW.matches(word):
        actor = ix.actor
        with ix.bot.db.reading() as session:
            reply(ix, usecases.value_list_message(ix.bot, session, actor))
        return
    if not ix.actor.is_coordinator:
        pass_on(ix, only_coordinators(ix.texts))
    elif w.NEW.matches(word):
        open_indicator_form(ix)
    elif word:
        ix.answer(t.HELP_INDICATOR)
    else:
        open_value_form(ix)


def handle_correct(ix: Click[ValueRef]) -> None:
    """Open the correction form of a value still in force (coordinators only)."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        view = usecases.correction_form(ix.bot, session, actor, ix.value.value)
    reply(ix, view)


def read_value(form: FormState) -> ValueInput:
    """Read the value form (a correction's form has no indicator, place or period)."""
    return ValueInput(
        indicator_id=form.selected(Field.INDICATOR_CHOICE),
        place=form.selected(Field.INDICATOR_PLACE),
        period=form.text(Field.INDICATOR_PERIOD),
        value=form.text(Field.INDICATOR_AMOUNT),
        source=form.text(Field.INDICATOR_SOURCE),
        note=form.text(Field.INDICATOR_NOTE),
    )


def handle_value_submission(ix: Submission[ValueForm]) -> None:
    """Record (or correct) an indicator value, or show the form's errors inline."""
    correcting = ix.metadata.correcting
    try:
        actor = ix.actor
        with ix.bot.db.transaction() as session:
            answer = usecases.record_value(
                ix.bot,
                session,
                actor,
                read_value(ix.form),
                correcting=correcting,
                source_key=f"view:{ix.view_id}",
            )
    except IntegrityError:  # stored meanwhile by another process
        answer = usecases.VALUE_GONE
    except DatabaseUnavailable:
        answer = Invalid((FieldError("value", c.DATABASE_DOWN),))
    settle_form(ix, answer, VALUE_FIELDS if correcting is None else CORRECTION_FIELDS)


def handle_indicator_submission(ix: Submission[NoValue]) -> None:
    """Add a coordinator's own indicator, or show the form's errors inline."""
    typed = IndicatorInput(
        name=ix.form.text(Field.INDICATOR_NAME),
        unit=ix.form.text(Field.INDICATOR_UNIT),
        direction=ix.form.selected(Field.INDICATOR_DIRECTION),
    )
    try:
        actor = ix.actor
        with ix.bot.db.transaction() as session:
            answer = usecases.add_indicator(ix.bot, session, actor, typed)
    except IntegrityError:  # added meanwhile by another process
        answer = Invalid((FieldError("name", t.INDICATOR_EXISTS),))
    settle_form(ix, answer, NEW_FIELDS)
