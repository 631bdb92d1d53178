"""How the meetings listeners answer: outcomes told, forms opened or closed, who acts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.views import View

from bot.domain.access import Actor, roles_of
from bot.domain.validation import FieldError
from bot.texts import Texts
from commands.edge.ids import Field
from commands.edge.interaction import Click, Interaction, Submission
from commands.edge.outcome import Done, Refusal
from commands.edge.requests import FormState
from commands.meetings import usecases
from commands.meetings.notices import info_of
from commands.meetings.render.forms import MEETING_FIELDS
from commands.meetings.render.messages import MeetingInfo
from commands.meetings.values import MeetingForm, MeetingRef, SeriesForm

# A form about one meeting, as render/forms.py builds it: (texts, zone, meeting, channel).
MeetingModal = Callable[[Texts, ZoneInfo, MeetingInfo, str | None], View]


def coordinator(ix: Interaction) -> Actor:
    """Return who acts by their configured roles alone: all that the coordinators' tools need."""
    return Actor(ix.user, None, roles_of(ix.user, ix.bot.config.roles))


def tell_outcome(ix: Interaction, outcome: Done | Refusal, *, answer: bool = False) -> bool:
    """Send what a use case queued and tell the person how it went; tell whether it was done.

    answer: through the request's response URL (a command's answer), else privately.
    """
    say: Callable[..., None] = ix.answer if answer else ix.tell
    if isinstance(outcome, Refusal):
        say(outcome.msg, **outcome.params)
        return False
    ix.deliver(outcome.keys)
    if outcome.msg is not None:
        say(outcome.msg, **outcome.params)
    return True


def show_form(ix: Interaction, form: View | Refusal) -> None:
    """Open a form, or tell the person privately why it does not open."""
    if isinstance(form, Refusal):
        ix.tell(form.msg, **form.params)
    else:
        ix.open_view(form)


def open_meeting_form(
    ix: Click[MeetingRef],
    build: usecases.FormBuilder,
    *,
    manage: bool = False,
    ended: bool = False,
) -> None:
    """Open a form about the clicked meeting for whoever may use it (see usecases.meeting_form)."""
    actor = coordinator(ix) if manage else ix.actor
    with ix.bot.db.reading() as session:
        form = usecases.meeting_form(
            ix.bot, session, actor, ix.value.meeting, build, manage=manage, ended=ended
        )
    show_form(ix, form)


def modal(ix: Click[Any], form: MeetingModal) -> usecases.FormBuilder:
    """Return a builder of a form about one meeting, answered in the click's channel."""
    bot = ix.bot
    return lambda _session, meeting: form(
        ix.texts, bot.config.collaboration.tz, info_of(bot, meeting), ix.channel
    )


def finish_form(
    ix: Submission[MeetingForm] | Submission[SeriesForm],
    outcome: Done | Refusal,
    inline: Field | None = None,
) -> None:
    """Close a meeting form and tell the outcome in the channel it came from.

    A refusal is shown under the inline field instead, the form staying open, when one is given.
    """
    if isinstance(outcome, Refusal) and inline is not None:
        ix.errors({inline: ix.text(outcome.msg, **outcome.params)})
        return
    ix.done()
    ix.channel = ix.metadata.channel
    tell_outcome(ix, outcome)


def valid(ix: Submission[Any], checked: tuple[str, FieldError | None]) -> str | None:
    """Return a checked text, or show its error under its field (the form staying open)."""
    text, error = checked
    if error is not None:
        ix.field_errors([error], MEETING_FIELDS)
        return None
    return text


def picked(form: FormState, day: Field, moment: Field) -> tuple[str | None, str | None]:
    """Return a date and a time picker's values as the domain reads them (YYYY-MM-DD, HH:MM)."""
    chosen_day, chosen_time = form.date(day), form.time(moment)
    return (
        chosen_day.isoformat() if chosen_day else None,
        chosen_time.strftime("%H:%M") if chosen_time else None,
    )
