"""The audit log in words: `/samverkan logg [namn | #nummer | datum]` (coordinators only).

Each entry reads as a sentence ("Anna Andersson (Tullverket) drog tillbaka behov #12 ”…”;
status Nytt → Tillbakadraget"): who (their name from Slack's profile and organisation), what
(the action, the object as it was called then) and what changed from what to what.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.domain.indicators import format_number
from bot.domain.meetings import MeetingStatus
from bot.domain.needs import FOCUS_LABELS, STATUS_LABELS, SUPPORT_LABELS, URGENCY_LABELS
from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.texts import formats as cldr
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.interaction import Command
from storage import audit as audit_log
from storage.audit import AuditFilter
from storage.directory import people_directory, people_matching
from storage.models import AuditEntry

AUDIT_LINES = 40
TEXT_SHOWN = 60  # characters of a free text shown as an old or new value
_NUMBER = re.compile(r"^#?([0-9]{1,9})$")
_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")

ACTIONS: dict[str, Msg] = {
    "need_created": t.AUDIT_NEED_CREATED,
    "need_edited": t.AUDIT_NEED_EDITED,
    "need_withdrawn": t.AUDIT_NEED_WITHDRAWN,
    "need_declined": t.AUDIT_NEED_DECLINED,
    "need_taken_up": t.AUDIT_NEED_MOVED,
    "need_planned": t.AUDIT_NEED_MOVED,
    "need_done": t.AUDIT_NEED_MOVED,
    "need_new": t.AUDIT_NEED_REOPENED,
    "meeting_moved": t.AUDIT_MEETING_MOVED,
    "meeting_cancelled": t.AUDIT_MEETING_CANCELLED,
    "meeting_invited": t.AUDIT_MEETING_INVITED,
    "meeting_attendance": t.AUDIT_MEETING_ATTENDANCE,
    "meeting_confirmed": t.AUDIT_MEETING_CONFIRMED,
    "meeting_not_held": t.AUDIT_MEETING_NOT_HELD,
    "meeting_contacts": t.AUDIT_MEETING_CONTACTS,
    "series_created": t.AUDIT_SERIES_CREATED,
    "series_changed": t.AUDIT_SERIES_CHANGED,
    "series_paused": t.AUDIT_SERIES_PAUSED,
    "series_resumed": t.AUDIT_SERIES_RESUMED,
    "training_created": t.AUDIT_TRAINING_CREATED,
    "training_reported": t.AUDIT_TRAINING_REPORTED,
    "training_evaluation_sent": t.AUDIT_TRAINING_EVALUATION_SENT,
    "indicator_recorded": t.AUDIT_INDICATOR_RECORDED,
    "indicator_corrected": t.AUDIT_INDICATOR_CORRECTED,
    "indicator_added": t.AUDIT_INDICATOR_ADDED,
    "export": t.AUDIT_EXPORT,
    "summary_published": t.AUDIT_SUMMARY_PUBLISHED,
    "organization_chosen": t.AUDIT_ORGANIZATION_CHOSEN,
    "retention": t.AUDIT_RETENTION,
    "erase_user": t.AUDIT_ERASE_USER,
}
FIELDS: dict[str, Msg] = {
    "need_status": t.FIELD_STATUS,
    "meeting_status": t.FIELD_STATUS,
    "organization": t.FIELD_ORGANIZATION,
    "title": t.FIELD_TITLE,
    "description": t.FIELD_DESCRIPTION,
    "focus_area": t.FIELD_FOCUS,
    "municipalities": t.FIELD_MUNICIPALITIES,
    "urgency": t.FIELD_URGENCY,
    "support": t.FIELD_SUPPORT,
    "reason": t.FIELD_REASON,
    "start": t.FIELD_START,
    "attendance": t.FIELD_ATTENDANCE,
    "value": t.FIELD_VALUE,
    "source": t.FIELD_SOURCE,
    "note": t.FIELD_NOTE,
    "unit": t.FIELD_UNIT,
}
MEETING_STATUSES: dict[str, Msg] = {
    MeetingStatus.SCHEDULED.value: t.MEETING_SCHEDULED,
    MeetingStatus.HELD.value: t.MEETING_HELD,
    MeetingStatus.UNCONFIRMED.value: t.MEETING_UNCONFIRMED,
    MeetingStatus.CANCELLED.value: t.MEETING_CANCELLED,
    MeetingStatus.DROPPED.value: t.MEETING_DROPPED,
}
SYSTEM_ACTORS = {"samverkansbot": t.ACTOR_BOT, "operator": t.ACTOR_OPERATOR}


@dataclass(frozen=True)
class Reader:
    """What an entry needs to be read: texts, zone, people and organisation names."""

    tr: Texts
    tz: ZoneInfo
    people: Mapping[str, tuple[str, str | None]]
    organizations: Mapping[str, str]

    def who(self, actor: str) -> str:
        """Name who acted: their name and organisation, else a mention Slack shows by name."""
        if actor in SYSTEM_ACTORS:
            return self.tr(SYSTEM_ACTORS[actor])
        if actor == "raderad":
            return self.tr(t.ACTOR_ERASED)
        name, organization = self.people.get(actor, ("", None))
        shown = b.escape(name) if name else (f"<@{actor}>" if actor[:1] in "UW" else actor)
        if organization:
            org = b.escape(self.organizations.get(organization, organization))
            return self.tr(t.ACTOR_WITH_ORGANIZATION, name=shown, organization=org)
        return shown

    def names(self, ids: str) -> str:
        """Write comma-separated organisation ids as their names."""
        return ", ".join(b.escape(self.organizations.get(i, i)) for i in ids.split(",") if i)

    def label(self, labels: Mapping[str, Msg], codes: str) -> str:
        """Write comma-separated codes with their labels."""
        words = codes.split(",")
        return ", ".join(self.tr(labels[x]) if x in labels else b.escape(x) for x in words)

    def value(self, field: str, stored: str) -> str:
        """Write one stored value of a field as people read it."""
        formats: dict[str, Callable[[str], str]] = {
            "need_status": lambda v: self.label({s.value: m for s, m in STATUS_LABELS.items()}, v),
            "meeting_status": lambda v: self.label(MEETING_STATUSES, v),
            "focus_area": lambda v: self.label({f.value: m for f, m in FOCUS_LABELS.items()}, v),
            "urgency": lambda v: self.label({u.value: m for u, m in URGENCY_LABELS.items()}, v),
            "support": lambda v: self.label({s.value: m for s, m in SUPPORT_LABELS.items()}, v),
            "organization": self.names,
            "municipalities": self.names,
            "attendance": self.names,
            "start": self.moment,
            "value": self.number,
        }
        format_value = formats.get(field)
        if format_value is not None:
            return format_value(stored) or "–"
        return "”" + b.escape(b.clip(stored, TEXT_SHOWN)) + "”"

    def moment(self, stored: str) -> str:
        """Write a stored ISO moment in local time."""
        try:
            local = datetime.fromisoformat(stored).astimezone(self.tz)
            return cldr.short_date_time(self.tr.language, local)
        except ValueError:
            return b.escape(stored)

    def number(self, stored: str) -> str:
        """Write a stored number the collaboration's way."""
        try:
            return format_number(float(stored), self.tr.language)
        except ValueError:
            return b.escape(stored)

    def change(self, field: str, old: str | None, new: str | None) -> str:
        """Write one change: the field, what it was and what it became."""
        name = self.tr(FIELDS[field]) if field in FIELDS else field
        shown_new = self.value(field, new) if new else "–"
        if old is None:
            return self.tr(t.CHANGE_SET, field=name, new=shown_new)
        return self.tr(t.CHANGE, field=name, old=self.value(field, old) or "–", new=shown_new)

    def line(self, entry: AuditEntry) -> str:
        """Write an entry as a sentence: when, who did what to what, and what changed."""
        data = entry.data or {}
        number = entry.subject.partition(":")[2]
        label = str(data.get("label") or "")
        msg = ACTIONS.get(entry.action)
        shown = b.clip(label, TEXT_SHOWN) if label else entry.subject
        if msg is None:
            shown = f"{entry.action} · {shown}"
        params = {
            "actor": self.who(entry.actor),
            "number": b.escape(number),
            "label": b.escape(shown),
            "detail": b.escape(b.clip(entry.detail, TEXT_SHOWN)),
        }
        said = self.tr(msg or t.AUDIT_OTHER, **params)
        changes = [
            self.change(str(field), old, new)
            for field, old, new in data.get("changes") or []
            if field in FIELDS
        ]
        at = cldr.short_date_time(self.tr.language, entry.at.astimezone(self.tz))
        return self.tr(t.AUDIT_LINE, at=at, said=said, changes="".join(f"; {c}" for c in changes))


@dataclass(frozen=True)
class Wanted:
    """A parsed filter: the entries it lets through, how to say it, or what was not understood."""

    where: AuditFilter | None
    said: str = ""
    problem: str | None = None


def parse_filter(text: str, session: Session, reader: Reader) -> Wanted:
    """Read `logg`'s words: a #number, a date (YYYY-MM-DD or YYYY-MM), a person or a name.

    A name matches the stored names of people and the names of organisations (everyone who
    acts for it). Words combine; nothing given lets every entry through.
    """
    words = text.split()
    if not words:
        return Wanted(None)
    number: int | None = None
    start = end = None
    name_words: list[str] = []
    actors: set[str] | None = None
    for word in words:
        if match := _NUMBER.match(word):
            number = int(match.group(1))
        elif (day := _day(word)) is not None:
            start = _local_start(day, reader.tz)
            end = _local_start(day + timedelta(days=1), reader.tz)
        elif (month := _month(word)) is not None:
            following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            start, end = _local_start(month, reader.tz), _local_start(following, reader.tz)
        elif match := _MENTION.match(word):
            actors = {match.group(1)}
        else:
            name_words.append(word)
    if name_words:
        name = " ".join(name_words)
        folded = name.casefold()
        found = set(people_matching(session, name))
        orgs = {oid for oid, org in reader.organizations.items() if folded in org.casefold()}
        found |= {pid for pid, (_, org) in reader.people.items() if org in orgs}
        if not found:
            return Wanted(None, problem=reader.tr(t.AUDIT_NOBODY, name=b.escape(name)))
        actors = found if actors is None else actors & found
    where = AuditFilter(
        actors=tuple(sorted(actors)) if actors is not None else None,
        number=number,
        start=start,
        end=end,
    )
    return Wanted(where, said=" ".join(words))


def _day(word: str) -> date | None:
    """Read YYYY-MM-DD, or None."""
    match = _DAY.match(word)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _month(word: str) -> date | None:
    """Read YYYY-MM as the month's first day, or None."""
    match = _MONTH.match(word)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def _local_start(day: date, tz: ZoneInfo) -> datetime:
    """Return local midnight of day as an aware moment."""
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def lines_of(entries: Sequence[AuditEntry], reader: Reader) -> list[str]:
    """Write entries as lines, newest first."""
    return [reader.line(entry) for entry in entries]


def audit(ix: Command) -> None:
    """Show the audit log in words, filtered by person, object or date (coordinators only)."""
    if not ix.actor.is_coordinator:
        ix.answer(c.NOT_ALLOWED, who=ix.text(c.WHO_COORDINATORS))
        return
    tz = ix.bot.config.collaboration.tz
    with ix.bot.db.reading() as session:
        reader = Reader(ix.texts, tz, people_directory(session), ix.bot.organization_names(session))
        wanted = parse_filter(ix.args, session, reader)
        if wanted.problem is not None:
            ix.respond(text=wanted.problem)
            return
        lines = lines_of(audit_log.recent(session, AUDIT_LINES, wanted.where), reader)
    heading = ix.text(t.AUDIT_HEADER)
    if wanted.said:
        heading = ix.text(t.AUDIT_HEADER_FILTERED, filter=wanted.said)
    empty = t.AUDIT_NONE_FOUND if wanted.said else t.AUDIT_EMPTY
    chunks = b.chunk_lines(lines) or [ix.text(empty)]
    blocks = [b.header(b.clip(heading, 150)), *(b.section(chunk) for chunk in chunks)]
    blocks.append(b.context(ix.text(t.AUDIT_FOOTER, count=AUDIT_LINES)))
    ix.respond(text=heading, blocks=b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX]))
