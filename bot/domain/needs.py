"""Rules of the needs register: fields, limits, statuses and who may move what."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from bot.domain.access import Actor
from bot.domain.identity import contains_contact_details
from bot.domain.validation import FieldError, check_text, clean_text
from bot.texts import Msg
from bot.texts import needs as t
from bot.texts.common import CHOOSE_ONE, UNKNOWN_CHOICE

TITLE_MAX = 100
TITLE_MIN = 3
DESCRIPTION_MAX = 2000
REASON_MAX = 500

_E = TypeVar("_E", bound=StrEnum)


class FocusArea(StrEnum):
    """The focus area of a need."""

    TRAINING = "training"
    INFORMATION = "information"
    COLLABORATION = "collaboration"
    DECISION = "decision"
    OTHER = "other"


class Urgency(StrEnum):
    """How urgent a need is."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class Support(StrEnum):
    """The kinds of support a need can ask for."""

    TRAINING = "training"
    MATERIAL = "material"
    EXPERT = "expert"
    CONTACTS = "contacts"
    JOINT = "joint"
    OTHER = "other"


class NeedStatus(StrEnum):
    """Where a need is in its workflow."""

    NEW = "new"
    TAKEN_UP = "taken_up"
    PLANNED = "planned"
    DONE = "done"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = (NeedStatus.NEW, NeedStatus.TAKEN_UP, NeedStatus.PLANNED)
CLOSED_STATUSES = (NeedStatus.DONE, NeedStatus.DECLINED, NeedStatus.WITHDRAWN)

FOCUS_LABELS: dict[FocusArea, Msg] = {
    FocusArea.TRAINING: t.FOCUS_TRAINING,
    FocusArea.INFORMATION: t.FOCUS_INFORMATION,
    FocusArea.COLLABORATION: t.FOCUS_COLLABORATION,
    FocusArea.DECISION: t.FOCUS_DECISION,
    FocusArea.OTHER: t.FOCUS_OTHER,
}
URGENCY_LABELS: dict[Urgency, Msg] = {
    Urgency.LOW: t.URGENCY_LOW,
    Urgency.NORMAL: t.URGENCY_NORMAL,
    Urgency.HIGH: t.URGENCY_HIGH,
}
SUPPORT_LABELS: dict[Support, Msg] = {
    Support.TRAINING: t.SUPPORT_TRAINING,
    Support.MATERIAL: t.SUPPORT_MATERIAL,
    Support.EXPERT: t.SUPPORT_EXPERT,
    Support.CONTACTS: t.SUPPORT_CONTACTS,
    Support.JOINT: t.SUPPORT_JOINT,
    Support.OTHER: t.SUPPORT_OTHER,
}
STATUS_LABELS: dict[NeedStatus, Msg] = {
    NeedStatus.NEW: t.STATUS_NEW,
    NeedStatus.TAKEN_UP: t.STATUS_TAKEN_UP,
    NeedStatus.PLANNED: t.STATUS_PLANNED,
    NeedStatus.DONE: t.STATUS_DONE,
    NeedStatus.DECLINED: t.STATUS_DECLINED,
    NeedStatus.WITHDRAWN: t.STATUS_WITHDRAWN,
}

# The coordinators' moves; withdrawing is the organisation's own act, not a move.
TRANSITIONS: dict[NeedStatus, tuple[NeedStatus, ...]] = {
    NeedStatus.NEW: (NeedStatus.TAKEN_UP, NeedStatus.PLANNED, NeedStatus.DONE, NeedStatus.DECLINED),
    NeedStatus.TAKEN_UP: (NeedStatus.PLANNED, NeedStatus.DONE, NeedStatus.DECLINED),
    NeedStatus.PLANNED: (NeedStatus.DONE, NeedStatus.DECLINED),
    NeedStatus.DONE: (NeedStatus.NEW,),
    NeedStatus.DECLINED: (NeedStatus.NEW,),
    NeedStatus.WITHDRAWN: (),
}


def can_move(current: NeedStatus, target: NeedStatus) -> bool:
    """Tell whether a need may move from current to target."""
    return target in TRANSITIONS[current]


def is_open(status: NeedStatus) -> bool:
    """Tell whether a need with this status is still open."""
    return status in OPEN_STATUSES


def may_move(actor: Actor) -> bool:
    """Tell whether the actor may move needs between statuses."""
    return actor.is_coordinator


def may_change(actor: Actor, need_organization: str, submitted_by: str | None) -> bool:
    """Tell whether the actor may edit or withdraw a need of need_organization.

    Its organisation and the coordinators may; so may its submitter while they are in the
    collaboration (someone whose organisation was revoked, or never approved, may not).
    """
    return actor.acts_for(need_organization) or (
        actor.in_collaboration and submitted_by is not None and submitted_by == actor.user_id
    )


@dataclass(frozen=True)
class NeedInput:
    """What a person typed and chose in the needs form, before validation."""

    organization_id: str | None
    title: str | None
    description: str | None
    focus_area: str | None
    scope: str | None
    municipalities: list[str]
    urgency: str | None
    support: list[str]
    contact_confirmed: bool = False


@dataclass(frozen=True)
class NeedDraft:
    """A validated need, ready to store."""

    organization_id: str
    title: str
    description: str
    focus_area: FocusArea
    municipalities: tuple[str, ...]
    urgency: Urgency
    support: tuple[Support, ...]


@dataclass(frozen=True)
class NeedCheck:
    """The outcome of validating the needs form."""

    draft: NeedDraft | None
    errors: tuple[FieldError, ...]
    needs_contact_confirmation: bool = False


def validate_need(
    data: NeedInput,
    *,
    allowed_organizations: set[str],
    municipality_ids: set[str],
) -> NeedCheck:
    """Validate the needs form on the server; return a draft or the inline errors."""
    errors: list[FieldError] = []
    title = clean_text(data.title)
    description = clean_text(data.description, multiline=True)
    if error := check_text("title", title, max_length=TITLE_MAX, min_length=TITLE_MIN):
        errors.append(error)
    if error := check_text("description", description, max_length=DESCRIPTION_MAX):
        errors.append(error)
    organization = data.organization_id
    if not organization:
        errors.append(FieldError("organization", CHOOSE_ONE))
    elif organization not in allowed_organizations:
        errors.append(FieldError("organization", UNKNOWN_CHOICE))
    focus = _choice(FocusArea, data.focus_area, "focus_area", errors)
    urgency = _choice(Urgency, data.urgency, "urgency", errors)
    municipalities: tuple[str, ...] = ()
    if data.scope == "municipalities":
        unknown = [m for m in data.municipalities if m not in municipality_ids]
        if not data.municipalities:
            errors.append(FieldError("municipalities", t.MUNICIPALITIES_MISSING))
        elif unknown:
            errors.append(FieldError("municipalities", UNKNOWN_CHOICE))
        municipalities = tuple(sorted(set(data.municipalities)))
    elif data.scope != "county":
        errors.append(FieldError("scope", CHOOSE_ONE))
    support: list[Support] = []
    for value in data.support:
        try:
            support.append(Support(value))
        except ValueError:
            errors.append(FieldError("support", UNKNOWN_CHOICE))
            break
    if errors or focus is None or urgency is None or organization is None:
        return NeedCheck(None, tuple(errors))
    if not data.contact_confirmed and contains_contact_details(f"{title}\n{description}"):
        field = "description" if contains_contact_details(description) else "title"
        return NeedCheck(None, (FieldError(field, t.CONTACT_WARNING),), True)
    draft = NeedDraft(
        organization_id=organization,
        title=title,
        description=description,
        focus_area=focus,
        municipalities=municipalities,
        urgency=urgency,
        support=tuple(dict.fromkeys(support)),
    )
    return NeedCheck(draft, ())


def validate_reason(reason: str | None) -> tuple[str, FieldError | None]:
    """Validate a decline reason; return the cleaned text and the error, if any."""
    text = clean_text(reason, multiline=True)
    return text, check_text("reason", text, max_length=REASON_MAX)


def _choice(enum: type[_E], value: str | None, name: str, errors: list[FieldError]) -> _E | None:
    if not value:
        errors.append(FieldError(name, CHOOSE_ONE))
        return None
    try:
        return enum(value)
    except ValueError:
        errors.append(FieldError(name, UNKNOWN_CHOICE))
        return None
