"""How the trainings' listeners read their forms and answer with what a use case decided."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.texts import Texts
from bot.texts import common as c
from commands.edge.ids import Field
from commands.edge.interaction import Interaction, Submission
from commands.edge.outcome import Done, Invalid, Refusal
from commands.edge.requests import FormState
from storage.db import DatabaseUnavailable

T = TypeVar("T")


def day_text(form: FormState, field: Field) -> str | None:
    """Return a date picker's date as YYYY-MM-DD, for the domain's ASCII-only parse_date."""
    day = form.date(field)
    return day.isoformat() if day is not None else None


def clock_text(form: FormState, field: Field) -> str | None:
    """Return a time picker's time as HH:MM, for the domain's ASCII-only parse_time."""
    moment = form.time(field)
    return moment.strftime("%H:%M") if moment is not None else None


def open_form(ix: Interaction, offered: T | Refusal, form: Callable[[Texts, T], View]) -> None:
    """Open the form drawn from what it offers the person, or tell them why they may not."""
    if isinstance(offered, Refusal):
        ix.answer(offered.msg, **offered.params)
        return
    ix.open_view(form(ix.texts, offered))


def store(
    ix: Submission[Any],
    work: Callable[[Session], T | Invalid | Refusal],
    fields: Mapping[str, str],
    field: Field,
) -> T | None:
    """Run a form's use case in one transaction; return its result, or None when it answered.

    Invalid input is shown inline (fields maps domain field names to block ids); a refusal,
    or the database being down, is shown under field. The form stays open then.
    """
    try:
        with ix.bot.db.transaction() as session:
            outcome = work(session)
    except DatabaseUnavailable:
        ix.errors({field: ix.text(c.DATABASE_DOWN)})
        return None
    if isinstance(outcome, Invalid):
        ix.field_errors(list(outcome.errors), fields)
    elif isinstance(outcome, Refusal):
        ix.errors({field: ix.text(outcome.msg, **outcome.params)})
    else:
        return outcome
    return None


class FormUseCase(Protocol):
    """A use case storing a form for a person; source_key (the view id) stores it once."""

    def __call__(
        self, bot: BotContext, session: Session, actor: Actor, *, source_key: str
    ) -> Done | Invalid | Refusal:
        """Check and store the form."""


def submit(ix: Submission[Any], work: FormUseCase, fields: Mapping[str, str], field: Field) -> None:
    """Run a form's use case for the person (see store), then close the form and send."""
    actor = ix.actor  # resolved before the transaction: it may ask Slack who they are
    done = store(
        ix, lambda session: work(ix.bot, session, actor, source_key=ix.view_id), fields, field
    )
    if done is not None:
        ix.done()
        ix.deliver(list(done.keys))
