"""Use cases of the coordinators' standing setup: meeting series and the contact persons.

As in usecases.py, each does its unit of work in the session it is given (check, store,
replan, queue, audit) and makes no Slack call; only the coordinators may use them.
"""

from __future__ import annotations

from collections.abc import Mapping

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.meetings import MeetingStatus, SeriesDraft, may_manage
from bot.texts import Msg, Phrase
from bot.texts import meetings as t
from commands.blocks import escape
from commands.edge.outcome import Done, Refusal, coordinators_only
from commands.meetings.planner import reconcile
from commands.meetings.queries import contact_people, series_input
from commands.meetings.render.forms import NEW_SERIES, contacts_form, series_form
from commands.meetings.render.phrases import when
from commands.meetings.usecases import audit_entry
from storage import meetings as store
from storage.models import MeetingSeries


def open_series_form(
    bot: BotContext, session: Session, actor: Actor, series_id: int | None, channel: str | None
) -> View | Refusal:
    """Return the form of a new series (series_id None) or of a stored one, or why not."""
    if not may_manage(actor):
        return coordinators_only(bot)
    initial = NEW_SERIES if series_id is None else series_input(session, series_id)
    if initial is None:
        return Refusal(t.SERIES_NOT_FOUND)
    return series_form(bot.texts_in(actor.language), initial, series_id, channel)


def _next_text(bot: BotContext, session: Session, series: MeetingSeries) -> Msg | Phrase:
    """Describe a series' next scheduled meeting, in the language of whoever reads it."""
    upcoming = [
        m
        for m in store.meetings_after(session, series.id, bot.clock.now())
        if m.status == MeetingStatus.SCHEDULED.value
    ]
    if not upcoming:
        return t.SERIES_NO_NEXT
    start, end, tz = upcoming[0].start, upcoming[0].end, bot.config.collaboration.tz
    return Phrase(lambda tr: when(tr, start, end, tz))


def save_series(
    bot: BotContext,
    session: Session,
    actor: Actor,
    series_id: int | None,
    draft: SeriesDraft,
    *,
    source: str,
) -> Done | Refusal:
    """Create a series (series_id None) or change one, then replan its coming meetings.

    source (the form's view id) makes a retried submission create nothing a second time.
    """
    if not may_manage(actor):
        return coordinators_only(bot)
    now = bot.clock.now()
    if series_id is not None:
        found = session.get(MeetingSeries, series_id)
        if found is None:
            return Refusal(t.SERIES_NOT_FOUND)
        series = found
        store.update_series(session, series, draft, now)
        action = "series_changed"
    else:
        key = f"slack:{source}"
        series = store.series_by_key(session, key) or store.create_series(session, draft, key, now)
        action = "series_created"
    session.flush()
    keys = reconcile(bot, session, series, now)
    audit_entry(bot, session, actor, action, f"series:{series.id}", draft.title)
    params = {"title": escape(series.title), "next": _next_text(bot, session, series)}
    return Done(keys, t.SERIES_SAVED, params)


def pause_series(
    bot: BotContext, session: Session, actor: Actor, series_id: int, *, pause: bool
) -> Done | Refusal:
    """Pause a series (its meetings nobody heard of are dropped) or resume it."""
    if not may_manage(actor):
        return coordinators_only(bot)
    series = session.get(MeetingSeries, series_id)
    if series is None:
        return Refusal(t.SERIES_NOT_FOUND)
    now = bot.clock.now()
    series.paused = pause
    series.updated_at = now
    session.flush()
    keys = reconcile(bot, session, series, now)
    action = "series_paused" if pause else "series_resumed"
    audit_entry(bot, session, actor, action, f"series:{series.id}")
    done = t.SERIES_PAUSED if pause else t.SERIES_RESUMED
    return Done(keys, done, {"title": escape(series.title)})


def save_contacts(
    bot: BotContext, session: Session, actor: Actor, chosen: Mapping[str, str | None]
) -> int | Refusal:
    """Make the people chosen the working group's contacts, each for their organisation.

    chosen maps each person to their organisation (None: unknown, left out). Return how many
    contacts were saved.
    """
    if not may_manage(actor):
        return coordinators_only(bot)
    now = bot.clock.now()
    current = set().union(*store.contacts(session).values())
    store.remove_contacts(session, current - set(chosen))
    saved = 0
    for person, organization in chosen.items():
        if organization is not None:
            store.add_contact(session, organization, person, "coordinator", now)
            saved += 1
    audit_entry(bot, session, actor, "meeting_contacts", "contacts", f"{saved} contacts")
    return saved


def open_contacts_form(bot: BotContext, session: Session, actor: Actor) -> View | Refusal:
    """Return the form of the working group's contact persons, as they are now, or why not."""
    if not may_manage(actor):
        return coordinators_only(bot)
    return contacts_form(bot.texts_in(actor.language), contact_people(session))
