"""What the meeting rhythm reads to show: the list, the Home section, the calendar, the forms.

Each takes an open session (or opens a reading one) and returns what a listener shows; none
changes anything or calls Slack.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.meetings import (
    KIND_LABELS,
    CalendarEntry,
    MeetingKind,
    MeetingStatus,
    SeriesInput,
    calendar_ics,
    kinds_for,
    may_manage,
)
from bot.texts import meetings as t
from commands.meetings.alerts import failures_warning
from commands.meetings.notices import info_of
from commands.meetings.render import forms
from commands.meetings.render.lists import (
    LIST_MEETINGS,
    SeriesLine,
    meeting_list,
)
from commands.meetings.render.messages import MeetingInfo
from storage import meetings as store
from storage.models import Meeting, MeetingSeries

CALENDAR_PAST = timedelta(days=90)
CALENDAR_MEETINGS = 200


def kinds(actor: Actor) -> list[str]:
    """Return the kinds of meeting the actor takes part in."""
    return [k.value for k in kinds_for(actor)]


def coming_for(bot: BotContext, session: Session, actor: Actor, limit: int) -> list[Meeting]:
    """Return the actor's coming meetings (by kind, or invited), at most limit."""
    return store.coming_meetings(
        session, bot.clock.now(), kinds(actor), limit, invited_user=actor.user_id
    )


def items_of(
    bot: BotContext, session: Session, meetings: list[Meeting], user: str
) -> list[tuple[MeetingInfo, str | None]]:
    """Pair meetings with the person's answers."""
    answers = store.answers_by_user(session, [m.id for m in meetings], user)
    return [(info_of(bot, m), answers.get(m.id)) for m in meetings]


def _series_lines(session: Session) -> list[SeriesLine]:
    """Return every series as the coordinators' list shows it."""
    return [
        SeriesLine(
            id=s.id,
            title=s.title,
            kind=MeetingKind(s.kind),
            rrule=s.rrule,
            start=s.start_local,
            duration_s=s.duration_s,
            skip_months=list(s.skip_months),
            paused=s.paused,
        )
        for s in store.all_series(session)
    ]


def list_message(bot: BotContext, actor: Actor) -> dict[str, Any]:
    """Return the coming meetings for actor; coordinators also get series, tools and warnings."""
    manage = may_manage(actor)
    with bot.db.reading() as session:
        meetings = coming_for(bot, session, actor, LIST_MEETINGS + 1)
        items = items_of(bot, session, meetings[:LIST_MEETINGS], actor.user_id)
        series: list[SeriesLine] = []
        warning = None
        last = None
        if manage:
            series = _series_lines(session)
            warning = failures_warning(bot, session, bot.texts_in(actor.language))
            held = store.last_held(session, MeetingKind.WORKING_GROUP.value, bot.clock.now())
            if held is not None:
                last = (info_of(bot, held), len(store.attendance_of(session, held.id)))
    return meeting_list(
        bot.texts_in(actor.language),
        bot.config.collaboration.tz,
        items,
        manage=manage,
        series=series,
        warning=warning,
        last_held=last,
        more=len(meetings) > LIST_MEETINGS,
    )


def _entries(bot: BotContext, meetings: list[Meeting]) -> list[CalendarEntry]:
    """Return meetings as calendar entries."""
    tr = bot.texts
    return [
        CalendarEntry(
            uid=f"meeting-{m.id}@samverkansbot",
            title=m.series.title,
            start=m.start,
            end=m.end,
            location=m.location,
            cancelled=m.status == MeetingStatus.CANCELLED.value,
            sequence=m.revision,
            description=tr(
                t.CALENDAR_DESCRIPTION,
                kind=tr(KIND_LABELS[MeetingKind(m.series.kind)]),
                name=bot.config.collaboration.name,
            ),
        )
        for m in meetings
    ]


def calendar_file(bot: BotContext, meetings: list[Meeting]) -> bytes:
    """Return an .ics file of meetings."""
    name = bot.texts(t.CALENDAR_NAME, name=bot.config.collaboration.name)
    return calendar_ics(_entries(bot, meetings), name, bot.clock.now())


def subscribed_calendar(bot: BotContext) -> bytes:
    """Return the .ics file to subscribe to: the working group's and the owners' meetings."""
    kinds = [MeetingKind.WORKING_GROUP.value, MeetingKind.OWNERS.value]
    with bot.db.reading() as session:
        meetings = store.calendar_meetings(session, kinds, bot.clock.now() - CALENDAR_PAST)
        return calendar_file(bot, meetings)


def series_input(session: Session, series_id: int) -> SeriesInput | None:
    """Return a stored series as the change form's input, or None when it does not exist."""
    series = session.get(MeetingSeries, series_id)
    return forms.series_input(series) if series is not None else None


def contact_people(session: Session) -> list[str]:
    """Return the working group's contact persons, of every organisation."""
    return sorted(set().union(*store.contacts(session).values()))
