"""Rules of trainings: subjects, the training and report-back forms, answers, who may do what."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.config import Evaluations
from bot.domain.access import Actor
from bot.domain.survey_stats import SCALE_MAX, SCALE_MIN
from bot.domain.validation import (
    FieldError,
    check_text,
    clean_text,
    parse_count,
    parse_date,
    parse_time,
)
from bot.texts import Msg
from bot.texts import trainings as t
from bot.texts.common import CHOOSE_ONE, REQUIRED, UNKNOWN_CHOICE

TITLE_MIN = 3
TITLE_MAX = 100
PLACE_MAX = 150
FREE_TEXT_MAX = 1000
PARTICIPANTS_MAX = 5000
PRIVATE_RECIPIENTS_MAX = 100
PAST_LIMIT = timedelta(days=30)
FUTURE_LIMIT = timedelta(days=2 * 365)

_CHANNEL = re.compile(r"^[CG][A-Z0-9]{2,}$")
_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")


class Subject(StrEnum):
    """What a training is about."""

    DRUG_SIGNS = "drug_signs"
    NARCOTICS = "narcotics"
    WELFARE_CRIME = "welfare_crime"
    OTHER = "other"


class Origin(StrEnum):
    """How a training came into the register."""

    REGISTERED = "registered"
    REPORTED = "reported"


class EvaluationTarget(StrEnum):
    """Where the evaluation is sent."""

    CHANNEL = "channel"
    PARTICIPANTS = "participants"


class EvaluationState(StrEnum):
    """Where a training's evaluation stands."""

    NONE = "none"
    SCHEDULED = "scheduled"
    OPEN = "open"
    CLOSED = "closed"


SUBJECT_LABELS: dict[Subject, Msg] = {
    Subject.DRUG_SIGNS: t.SUBJECT_DRUG_SIGNS,
    Subject.NARCOTICS: t.SUBJECT_NARCOTICS,
    Subject.WELFARE_CRIME: t.SUBJECT_WELFARE_CRIME,
    Subject.OTHER: t.SUBJECT_OTHER,
}
SUBJECT_TOPICS: dict[Subject, Msg] = {
    Subject.DRUG_SIGNS: t.TOPIC_DRUG_SIGNS,
    Subject.NARCOTICS: t.TOPIC_NARCOTICS,
    Subject.WELFARE_CRIME: t.TOPIC_WELFARE_CRIME,
    Subject.OTHER: t.TOPIC_OTHER,
}


@dataclass(frozen=True)
class TrainingInput:
    """What a person typed and chose in the training form, before validation."""

    title: str | None
    subject: str | None
    date: str | None
    start: str | None
    end: str | None
    organizer: str | None
    targets: list[str]
    expected: str | None
    place: str | None
    target: str | None
    channel: str | None
    participants: list[str]
    needs: list[str]


@dataclass(frozen=True)
class TrainingDraft:
    """A validated training, ready to store."""

    title: str
    subject: Subject
    starts_at: datetime
    ends_at: datetime
    organizer_id: str
    target_organizations: tuple[str, ...]
    expected_participants: int
    place: str
    evaluation_channel: str | None
    evaluation_participants: tuple[str, ...]
    need_ids: tuple[int, ...]


@dataclass(frozen=True)
class TrainingCheck:
    """The outcome of validating the training form."""

    draft: TrainingDraft | None
    errors: tuple[FieldError, ...]


@dataclass(frozen=True)
class ReportInput:
    """What a person typed and chose in the report-back form."""

    organization: str | None
    title: str | None
    subject: str | None
    date: str | None
    participants: str | None


@dataclass(frozen=True)
class ReportDraft:
    """A validated report-back of a training held."""

    organization_id: str
    title: str
    subject: Subject
    held_on: date
    starts_at: datetime
    participants: int


@dataclass(frozen=True)
class ReportCheck:
    """The outcome of validating the report-back form."""

    draft: ReportDraft | None
    errors: tuple[FieldError, ...]


@dataclass(frozen=True)
class AnswerCheck:
    """The outcome of validating the second page of the evaluation form."""

    before: int | None
    used: str
    missing: str
    errors: tuple[FieldError, ...]


def local_moment(day: date, at: time, tz: ZoneInfo) -> datetime:
    """Return the aware UTC moment of a local date and wall-clock time."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def _subject(value: str | None, errors: list[FieldError]) -> Subject | None:
    """Return the chosen subject, or note why it cannot be used."""
    if not value:
        errors.append(FieldError("subject", CHOOSE_ONE))
        return None
    try:
        return Subject(value)
    except ValueError:
        errors.append(FieldError("subject", UNKNOWN_CHOICE))
        return None


def _organization(
    name: str, value: str | None, allowed: set[str], errors: list[FieldError]
) -> str | None:
    """Return the chosen organisation if allowed, or note why not."""
    if not value:
        errors.append(FieldError(name, CHOOSE_ONE))
        return None
    if value not in allowed:
        errors.append(FieldError(name, UNKNOWN_CHOICE))
        return None
    return value


def _target(data: TrainingInput, errors: list[FieldError]) -> tuple[str | None, tuple[str, ...]]:
    """Check where the evaluation goes; return (channel, participants)."""
    if data.target == EvaluationTarget.CHANNEL:
        if not data.channel:
            errors.append(FieldError("channel", t.CHANNEL_MISSING))
        elif not _CHANNEL.match(data.channel):
            errors.append(FieldError("channel", UNKNOWN_CHOICE))
        return data.channel, ()
    if data.target == EvaluationTarget.PARTICIPANTS:
        people = tuple(dict.fromkeys(p for p in data.participants if p))
        if not people:
            errors.append(FieldError("participants", t.PARTICIPANTS_MISSING))
        elif len(people) > PRIVATE_RECIPIENTS_MAX:
            errors.append(
                FieldError(
                    "participants", t.PARTICIPANTS_TOO_MANY, {"limit": PRIVATE_RECIPIENTS_MAX}
                )
            )
        elif not all(_USER.match(p) for p in people):
            errors.append(FieldError("participants", UNKNOWN_CHOICE))
        return None, people
    errors.append(FieldError("target", CHOOSE_ONE))
    return None, ()


def _needs(values: list[str], open_need_ids: set[int], errors: list[FieldError]) -> tuple[int, ...]:
    """Return the chosen open needs' ids, or note an unknown one."""
    ids: list[int] = []
    for value in values:
        need_id = parse_count(value)
        if need_id is None or need_id not in open_need_ids:
            errors.append(FieldError("needs", UNKNOWN_CHOICE))
            return ()
        ids.append(need_id)
    return tuple(sorted(set(ids)))


def _when(
    data: TrainingInput, tz: ZoneInfo, now: datetime, errors: list[FieldError]
) -> tuple[datetime, datetime] | None:
    """Return the training's start and end in UTC, or note what is wrong with them."""
    day = parse_date(data.date)
    start = parse_time(data.start)
    end = parse_time(data.end)
    if day is None:
        errors.append(FieldError("date", REQUIRED))
    if start is None:
        errors.append(FieldError("start", REQUIRED))
    if end is None:
        errors.append(FieldError("end", REQUIRED))
    if day is None or start is None or end is None:
        return None
    starts_at, ends_at = local_moment(day, start, tz), local_moment(day, end, tz)
    if ends_at <= starts_at:
        errors.append(FieldError("end", t.END_BEFORE_START))
        return None
    if ends_at < now - PAST_LIMIT:
        errors.append(FieldError("date", t.TOO_OLD, {"days": PAST_LIMIT.days}))
        return None
    if starts_at > now + FUTURE_LIMIT:
        errors.append(FieldError("date", t.TOO_FAR))
        return None
    return starts_at, ends_at


def validate_training(
    data: TrainingInput,
    *,
    allowed_organizers: set[str],
    organization_ids: set[str],
    open_need_ids: set[int],
    tz: ZoneInfo,
    now: datetime,
) -> TrainingCheck:
    """Validate the training form on the server; return a draft or the inline errors."""
    errors: list[FieldError] = []
    title = clean_text(data.title)
    place = clean_text(data.place)
    if error := check_text("title", title, max_length=TITLE_MAX, min_length=TITLE_MIN):
        errors.append(error)
    subject = _subject(data.subject, errors)
    when = _when(data, tz, now, errors)
    organizer = _organization("organizer", data.organizer, allowed_organizers, errors)
    targets = tuple(dict.fromkeys(data.targets))
    if any(target not in organization_ids for target in targets):
        errors.append(FieldError("targets", UNKNOWN_CHOICE))
    expected = parse_count(data.expected, 1, PARTICIPANTS_MAX)
    if expected is None:
        errors.append(
            FieldError("expected", t.NUMBER_INVALID, {"low": 1, "high": PARTICIPANTS_MAX})
        )
    if error := check_text("place", place, max_length=PLACE_MAX):
        errors.append(error)
    channel, participants = _target(data, errors)
    need_ids = _needs(data.needs, open_need_ids, errors)
    if errors or subject is None or when is None or organizer is None or expected is None:
        return TrainingCheck(None, tuple(errors))
    draft = TrainingDraft(
        title=title,
        subject=subject,
        starts_at=when[0],
        ends_at=when[1],
        organizer_id=organizer,
        target_organizations=targets,
        expected_participants=expected,
        place=place,
        evaluation_channel=channel,
        evaluation_participants=participants,
        need_ids=need_ids,
    )
    return TrainingCheck(draft, ())


def validate_report(
    data: ReportInput, *, allowed_organizations: set[str], tz: ZoneInfo, now: datetime
) -> ReportCheck:
    """Validate the report-back form; a report is of a training already held."""
    errors: list[FieldError] = []
    title = clean_text(data.title)
    if error := check_text("title", title, max_length=TITLE_MAX, min_length=TITLE_MIN):
        errors.append(error)
    organization = _organization("organization", data.organization, allowed_organizations, errors)
    subject = _subject(data.subject, errors)
    held_on = parse_date(data.date)
    if held_on is None:
        errors.append(FieldError("date", REQUIRED))
    elif held_on > now.astimezone(tz).date():
        errors.append(FieldError("date", t.FUTURE_REPORT))
    participants = parse_count(data.participants, 1, PARTICIPANTS_MAX)
    if participants is None:
        errors.append(
            FieldError("participants", t.NUMBER_INVALID, {"low": 1, "high": PARTICIPANTS_MAX})
        )
    if errors or organization is None or subject is None or held_on is None or not participants:
        return ReportCheck(None, tuple(errors))
    draft = ReportDraft(
        organization_id=organization,
        title=title,
        subject=subject,
        held_on=held_on,
        starts_at=local_moment(held_on, time(0, 0), tz),
        participants=participants,
    )
    return ReportCheck(draft, ())


def parse_rating(value: str | None) -> int | None:
    """Parse a rating on the 1-5 scale from the form."""
    return parse_count(value, SCALE_MIN, SCALE_MAX)


def validate_rating(name: str, value: str | None) -> tuple[int | None, FieldError | None]:
    """Return the rating, or the inline error of its field."""
    rating = parse_rating(value)
    if rating is None:
        return None, FieldError(name, CHOOSE_ONE)
    return rating, None


def validate_answer(before: str | None, used: str | None, missing: str | None) -> AnswerCheck:
    """Validate the second page: the rating before, and the two optional free texts."""
    errors: list[FieldError] = []
    rating, error = validate_rating("before", before)
    if error is not None:
        errors.append(error)
    used_text = clean_text(used, multiline=True)
    missing_text = clean_text(missing, multiline=True)
    for name, text in (("used", used_text), ("missing", missing_text)):
        if error := check_text(name, text, max_length=FREE_TEXT_MAX, required=False):
            errors.append(error)
    return AnswerCheck(rating, used_text, missing_text, tuple(errors))


def may_register(actor: Actor) -> bool:
    """Tell whether the actor may register or report trainings (coordinators and partners)."""
    return actor.is_coordinator or actor.organization_id is not None


def organizer_choices(actor: Actor, organization_ids: list[str]) -> list[str]:
    """Return the organisations the actor may name as organiser (own; coordinators any)."""
    if actor.is_coordinator:
        return list(organization_ids)
    return [o for o in organization_ids if o == actor.organization_id]


def may_open_now(actor: Actor, created_by: str | None) -> bool:
    """Tell whether the actor may send a training's evaluation before it ends.

    Coordinators may, and whoever registered it while they are in the collaboration.
    """
    return actor.is_coordinator or (
        actor.in_collaboration and created_by is not None and created_by == actor.user_id
    )


def may_see_results(actor: Actor, organizer_id: str, created_by: str | None) -> bool:
    """Tell whether the actor may see a training's results (aggregates and free texts)."""
    return (
        actor.reads_everything
        or actor.organization_id == organizer_id
        or (actor.in_collaboration and created_by is not None and created_by == actor.user_id)
    )


def evaluation_state(
    origin: str, opened_at: datetime | None, closed_at: datetime | None
) -> EvaluationState:
    """Tell where a training's evaluation stands."""
    if origin != Origin.REGISTERED:
        return EvaluationState.NONE
    if opened_at is None:
        return EvaluationState.SCHEDULED
    return EvaluationState.OPEN if closed_at is None else EvaluationState.CLOSED


def evaluation_deadlines(opened_at: datetime, settings: Evaluations) -> tuple[datetime, datetime]:
    """Return when an evaluation opened at opened_at gets its reminder, and when it closes."""
    closes_at = opened_at + settings.close_after
    return min(opened_at + settings.reminder_after, closes_at), closes_at


def needs_reminder(answers: int, expected: int | None) -> bool:
    """Tell whether to remind: fewer answers than expected participants."""
    return expected is None or answers < expected
