"""Rules of actions and minutes: fields, statuses, who may do what, and when reminders go.

An action is what the working group decided someone does: a title, the responsible
organisations, a due date, a kind (an action, or a decision to obtain in one's own
organisation), the needs it answers and the meeting it came from. A partner's proposal waits
for a coordinator's confirmation. Reminders go at 09:00 local time on working days only
(Swedish public and de facto holidays, as the meeting rhythm counts them, and weekends are
not): `reminder_before` the due date, moved to the working day before when that is no
working day, and once on the first working day after the due date has passed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.access import Actor
from bot.domain.meetings import is_workday, to_utc
from bot.domain.validation import FieldError, check_text, clean_text
from bot.texts import Msg
from bot.texts import actions as t
from bot.texts.common import REQUIRED, UNKNOWN_CHOICE

TITLE_MIN = 3
TITLE_MAX = 150
DESCRIPTION_MAX = 2000
PROGRESS_MAX = 1000
REASON_MAX = 500
NOTE_MAX = 3000
DECISIONS_MAX = 3000
DECISION_LINES_MAX = 30
MINUTES_TOTAL_MAX = 9000  # all notes and decisions: the posted minutes fit one message
SLOTS = 3  # new actions in one go in the minutes form
AGENDA_NOTES_MAX = 12  # agenda items that get a notes field of their own
DUE_MAX = timedelta(days=3 * 365)
REMINDER_TIME = time(9, 0)  # local time of reminders
DAY = timedelta(days=1)
ID_DIGITS = 18  # a row id as a form wrote it: ASCII digits within 64 bits


class ActionStatus(StrEnum):
    """Where an action is: proposed by a partner, planned, in progress, done or cancelled."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class ActionKind(StrEnum):
    """An action, or a decision a partner obtains in its own organisation."""

    ACTION = "action"
    DECISION = "decision"


class Progress(StrEnum):
    """What a progress report says: still in progress, or done."""

    IN_PROGRESS = "in_progress"
    DONE = "done"


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED)

STATUS_LABELS: dict[ActionStatus, Msg] = {
    ActionStatus.PROPOSED: t.STATUS_PROPOSED,
    ActionStatus.PLANNED: t.STATUS_PLANNED,
    ActionStatus.IN_PROGRESS: t.STATUS_IN_PROGRESS,
    ActionStatus.DONE: t.STATUS_DONE,
    ActionStatus.CANCELLED: t.STATUS_CANCELLED,
}
KIND_LABELS: dict[ActionKind, Msg] = {
    ActionKind.ACTION: t.KIND_ACTION,
    ActionKind.DECISION: t.KIND_DECISION,
}
PROGRESS_LABELS: dict[Progress, Msg] = {
    Progress.IN_PROGRESS: t.PROGRESS_IN_PROGRESS,
    Progress.DONE: t.PROGRESS_DONE,
}


def is_open(status: str) -> bool:
    """Tell whether an action with this status is still to be done (proposals are not yet)."""
    return status in {s.value for s in OPEN_STATUSES}


def is_overdue(status: str, due: date | None, today: date) -> bool:
    """Tell whether an open action's due date has passed."""
    return is_open(status) and due is not None and due < today


# -------------------------------------------------------------------------- who may


def may_manage(actor: Actor) -> bool:
    """Tell whether the actor creates, confirms and cancels actions and writes minutes."""
    return actor.is_coordinator


def acts_as_partner(actor: Actor) -> bool:
    """Tell whether the actor acts for their organisation (owners read, and do no more)."""
    return actor.organization_id is not None and not (actor.is_owner and not actor.is_coordinator)


def may_propose(actor: Actor) -> bool:
    """Tell whether the actor may open the action form (coordinators, or for their organisation)."""
    return actor.is_coordinator or acts_as_partner(actor)


def may_report(actor: Actor, organizations: Sequence[str], contact: str | None) -> bool:
    """Tell whether the actor may report progress: coordinators, the responsible, the named."""
    return (
        actor.is_coordinator
        or (acts_as_partner(actor) and actor.organization_id in organizations)
        or (contact is not None and contact == actor.user_id)
    )


def may_read(actor: Actor) -> bool:
    """Tell whether the actor may see actions and minutes (everyone in the collaboration)."""
    return actor.in_collaboration


# ------------------------------------------------------------------------ reminders


def working_day_on_or_before(day: date) -> date:
    """Return day, or the working day before it when it is a weekend day or a holiday."""
    while not is_workday(day):
        day -= DAY
    return day


def working_day_after(day: date) -> date:
    """Return the first working day after day."""
    day += DAY
    while not is_workday(day):
        day += DAY
    return day


def reminder_at(due: date, lead: timedelta, tz: ZoneInfo) -> datetime:
    """Return when the reminder of an action due on due goes (UTC): 09:00, lead before.

    The day is the due date's 09:00 minus lead, moved back to the working day before when it
    is a weekend day or a holiday; the reminder always goes at 09:00 local time.
    """
    day = (datetime.combine(due, REMINDER_TIME) - lead).date()
    return to_utc(datetime.combine(working_day_on_or_before(day), REMINDER_TIME), tz)


def overdue_at(due: date, tz: ZoneInfo) -> datetime:
    """Return when an action due on due is said to be overdue: 09:00 the next working day."""
    return to_utc(datetime.combine(working_day_after(due), REMINDER_TIME), tz)


def report_reminder_at(start: datetime, lead: timedelta, tz: ZoneInfo) -> datetime:
    """Return when the report-back reminder before a meeting at start goes (09:00, a workday)."""
    local = start.astimezone(tz).replace(tzinfo=None) - lead
    return to_utc(datetime.combine(working_day_on_or_before(local.date()), REMINDER_TIME), tz)


def end_of_day(day: date, tz: ZoneInfo) -> datetime:
    """Return the end of a local day (midnight after it), in UTC."""
    return to_utc(datetime.combine(day + DAY, time(0, 0)), tz)


# ---------------------------------------------------------------------------- forms


@dataclass(frozen=True)
class ActionInput:
    """What a person typed and chose for one action, before validation."""

    title: str | None
    description: str | None
    organizations: list[str]
    contact: str | None
    due_date: date | None
    kind: str | None
    needs: list[str]


@dataclass(frozen=True)
class ActionDraft:
    """A validated action, ready to store."""

    title: str
    description: str
    organizations: tuple[str, ...]
    contact: str | None
    due_date: date
    kind: ActionKind
    needs: tuple[int, ...]


@dataclass(frozen=True)
class ActionCheck:
    """The outcome of validating one action: a draft, or the inline errors."""

    draft: ActionDraft | None
    errors: tuple[FieldError, ...]


def row_ids(values: Sequence[str]) -> list[int] | None:
    """Read ids a form wrote (ASCII digits within 64 bits); None when one is not such an id."""
    ids: list[int] = []
    for value in values:
        if not (value.isascii() and value.isdigit() and 0 < len(value) <= ID_DIGITS):
            return None
        ids.append(int(value))
    return ids


def validate_action(
    data: ActionInput,
    *,
    allowed_organizations: set[str],
    need_ids: set[int],
    today: date,
    prefix: str = "",
) -> ActionCheck:
    """Validate one action on the server; field names in errors carry prefix (a form's slot).

    The due date must be today or later (within three years); organisations must be among
    allowed_organizations (a partner: only their own) and needs among need_ids (open ones).
    """
    errors: list[FieldError] = []
    title = clean_text(data.title)
    description = clean_text(data.description, multiline=True)
    if error := check_text("title", title, max_length=TITLE_MAX, min_length=TITLE_MIN):
        errors.append(error)
    if error := check_text("description", description, max_length=DESCRIPTION_MAX, required=False):
        errors.append(error)
    organizations = list(dict.fromkeys(data.organizations))
    if not organizations:
        errors.append(FieldError("organizations", t.ORGANIZATIONS_MISSING))
    elif any(o not in allowed_organizations for o in organizations):
        errors.append(FieldError("organizations", t.ORGANIZATIONS_NOT_YOURS))
    due = data.due_date
    if due is None:
        errors.append(FieldError("due_date", REQUIRED))
    elif due < today:
        errors.append(FieldError("due_date", t.DUE_PAST))
    elif due > today + DUE_MAX:
        errors.append(FieldError("due_date", t.DUE_FAR))
    kind = ActionKind.ACTION
    if data.kind:
        try:
            kind = ActionKind(data.kind)
        except ValueError:
            errors.append(FieldError("kind", UNKNOWN_CHOICE))
    needs = row_ids(data.needs)
    if needs is None or any(n not in need_ids for n in needs):
        errors.append(FieldError("needs", UNKNOWN_CHOICE))
    contact = data.contact
    if contact is not None and not (contact[:1] in "UW" and contact.isalnum()):
        errors.append(FieldError("contact", UNKNOWN_CHOICE))
    if errors or due is None or needs is None:
        return ActionCheck(None, tuple(_prefixed(errors, prefix)))
    draft = ActionDraft(
        title=title,
        description=description,
        organizations=tuple(organizations),
        contact=contact,
        due_date=due,
        kind=kind,
        needs=tuple(dict.fromkeys(needs)),
    )
    return ActionCheck(draft, ())


def _prefixed(errors: list[FieldError], prefix: str) -> list[FieldError]:
    """Return errors with their field names prefixed (a slot of the minutes form)."""
    if not prefix:
        return errors
    return [FieldError(prefix + e.field, e.msg, e.params) for e in errors]


def is_blank(data: ActionInput) -> bool:
    """Tell whether a slot of the minutes form was left empty (then it adds no action)."""
    return not (
        clean_text(data.title)
        or clean_text(data.description, multiline=True)
        or data.organizations
        or data.due_date
        or data.needs
        or data.contact
    )


@dataclass(frozen=True)
class ProgressInput:
    """A progress report as typed: the state, a short text, a new due date and its reason."""

    state: str | None
    text: str | None
    new_due: date | None
    reason: str | None


@dataclass(frozen=True)
class ProgressDraft:
    """A validated progress report."""

    state: Progress
    text: str
    new_due: date | None
    reason: str


def validate_progress(
    data: ProgressInput, *, current_due: date | None, today: date
) -> tuple[ProgressDraft | None, tuple[FieldError, ...]]:
    """Validate a progress report: something must be said, and a new date needs its reason."""
    errors: list[FieldError] = []
    try:
        state = Progress(data.state or Progress.IN_PROGRESS.value)
    except ValueError:
        errors.append(FieldError("state", UNKNOWN_CHOICE))
        state = Progress.IN_PROGRESS
    text = clean_text(data.text, multiline=True)
    reason = clean_text(data.reason, multiline=True)
    if error := check_text("text", text, max_length=PROGRESS_MAX, required=False):
        errors.append(error)
    new_due = data.new_due if data.new_due != current_due else None
    if new_due is not None:
        if new_due < today:
            errors.append(FieldError("due_date", t.DUE_PAST))
        elif new_due > today + DUE_MAX:
            errors.append(FieldError("due_date", t.DUE_FAR))
        if error := check_text("reason", reason, max_length=REASON_MAX):
            errors.append(FieldError("reason", t.REASON_FOR_DATE) if not reason else error)
    elif error := check_text("reason", reason, max_length=REASON_MAX, required=False):
        errors.append(error)
    if state is Progress.IN_PROGRESS and not text and new_due is None and not errors:
        errors.append(FieldError("text", t.PROGRESS_EMPTY))
    if errors:
        return None, tuple(errors)
    return ProgressDraft(state, text, new_due, reason if new_due is not None else ""), ()


def validate_reason(reason: str | None) -> tuple[str, FieldError | None]:
    """Validate the reason an action is cancelled or a proposal declined."""
    text = clean_text(reason, multiline=True)
    return text, check_text("reason", text, max_length=REASON_MAX, min_length=3)


# --------------------------------------------------------------------------- minutes


@dataclass(frozen=True)
class MinutesInput:
    """The minutes form as typed: attendance, notes per agenda item, decisions, new actions."""

    attended: list[str]
    notes: list[tuple[str, str | None]]  # agenda item, its notes
    other: str | None
    decisions: str | None
    actions: list[ActionInput]


@dataclass(frozen=True)
class MinutesDraft:
    """Validated minutes, with the new actions to create."""

    attended: tuple[str, ...]
    notes: tuple[tuple[str, str], ...]  # agenda item ("" for other notes), its notes
    decisions: tuple[str, ...]
    actions: tuple[ActionDraft, ...]


def note_field(index: int) -> str:
    """Return the domain name of the notes of agenda item number index (0-based)."""
    return f"note:{index}"


def slot_prefix(number: int) -> str:
    """Return the field-name prefix of slot number (1-based) of the minutes form."""
    return f"action{number}_"


def validate_minutes(
    data: MinutesInput,
    *,
    organizations: set[str],
    need_ids: set[int],
    today: date,
) -> tuple[MinutesDraft | None, tuple[FieldError, ...]]:
    """Validate minutes; a slot left empty adds no action, a slot begun must be whole.

    Attendance must name known organisations; each text is checked for length and identity
    numbers; decisions are read one per line.
    """
    errors: list[FieldError] = []
    attended = tuple(dict.fromkeys(data.attended))
    if any(o not in organizations for o in attended):
        errors.append(FieldError("attended", UNKNOWN_CHOICE))
    notes: list[tuple[str, str]] = []
    for index, (item, raw) in enumerate(data.notes):
        text = clean_text(raw, multiline=True)
        if error := check_text(note_field(index), text, max_length=NOTE_MAX, required=False):
            errors.append(error)
        elif text:
            notes.append((item, text))
    other = clean_text(data.other, multiline=True)
    if error := check_text("other", other, max_length=NOTE_MAX, required=False):
        errors.append(error)
    elif other:
        notes.append(("", other))
    decisions_text = clean_text(data.decisions, multiline=True)
    decisions = tuple(
        line.strip(" •-*\t") for line in decisions_text.split("\n") if line.strip(" •-*\t")
    )
    if error := check_text("decisions", decisions_text, max_length=DECISIONS_MAX, required=False):
        errors.append(error)
    elif len(decisions) > DECISION_LINES_MAX:
        errors.append(FieldError("decisions", t.DECISIONS_TOO_MANY, {"limit": DECISION_LINES_MAX}))
    drafts: list[ActionDraft] = []
    for number, slot in enumerate(data.actions, start=1):
        if is_blank(slot):
            continue
        check = validate_action(
            slot,
            allowed_organizations=organizations,
            need_ids=need_ids,
            today=today,
            prefix=slot_prefix(number),
        )
        errors += check.errors
        if check.draft is not None:
            drafts.append(check.draft)
    total = sum(len(text) for _, text in notes) + len(decisions_text)
    if not errors and total > MINUTES_TOTAL_MAX:
        errors.append(
            FieldError(
                "decisions", t.MINUTES_TOO_LONG, {"limit": MINUTES_TOTAL_MAX, "length": total}
            )
        )
    if not errors and not (notes or decisions or drafts or attended):
        errors.append(FieldError("decisions", t.MINUTES_EMPTY))
    if errors:
        return None, tuple(errors)
    return MinutesDraft(attended, tuple(notes), decisions, tuple(drafts)), ()


# ----------------------------------------------------------------------- the summary


@dataclass(frozen=True)
class OrganizationActions:
    """One organisation's actions in the summary's period, and overdue now."""

    organization_id: str
    name: str
    planned: int
    done: int
    cancelled: int
    overdue: int


@dataclass(frozen=True)
class OverdueAction:
    """One of the oldest overdue actions."""

    id: int
    title: str
    organizations: str
    due_date: date
    days: int


@dataclass(frozen=True)
class ActionsPart:
    """Actions in the period: planned, done, cancelled; overdue now; per organisation."""

    planned: int
    done: int
    cancelled: int
    overdue: int
    open_now: int
    by_organization: tuple[OrganizationActions, ...]
    oldest_overdue: tuple[OverdueAction, ...]
