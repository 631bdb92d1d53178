"""Use cases of the indicator register and the export.

Each takes an open session and does its whole unit of work in it: check who acts, validate,
store, queue outbox rows and write the audit entry. None makes a Slack call; the listener
sends the queued rows (by their keys) and tells the person once the transaction is committed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from slack_sdk.models.views import View
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.access import Actor
from bot.domain.export import xlsx_bytes
from bot.domain.indicators import (
    COUNTY,
    IndicatorInput,
    ValueInput,
    format_number,
    period_shown,
    validate_indicator,
    validate_value,
)
from bot.domain.validation import FieldError
from bot.texts import Texts, formats
from bot.texts import common as c
from bot.texts import followup as t
from commands import blocks as b
from commands.edge.outcome import Done, Invalid, Refusal
from commands.followup.render_indicators import (
    describe_value,
    indicator_form,
    value_form,
    value_list,
)
from storage import audit, outbox
from storage import indicators as store
from storage.export import export_sheets
from storage.models import IndicatorValue
from storage.outbox import OutboxKey, UploadFile


def only_coordinators(tr: Texts) -> Refusal:
    """Return the refusal of what only coordinators may do."""
    return Refusal(c.NOT_ALLOWED, {"who": c.WHO_COORDINATORS})


VALUE_GONE = Invalid((FieldError("value", t.VALUE_GONE),))


def place_names(bot: BotContext) -> dict[str, str]:
    """Return the names of the places a value can be for: the county and each municipality."""
    return {COUNTY: bot.texts(t.PLACE_COUNTY)} | {m.id: m.name for m in bot.municipalities()}


# ------------------------------------------------------------------------------- reading


def value_list_message(bot: BotContext, session: Session, actor: Actor) -> dict[str, Any] | Refusal:
    """Return the latest values in force (correct buttons for coordinators), or why not.

    Anyone in the collaboration may see them.
    """
    if not actor.in_collaboration:
        return Refusal(c.NO_ORGANIZATION)
    indicators = store.all_indicators(session)
    catalogue = {i.id: i for i in indicators}
    return value_list(
        bot.texts_in(actor.language),
        store.latest_values(session, catalogue=indicators),
        catalogue,
        place_names(bot),
        bot.config.collaboration.tz,
        can_correct=actor.is_coordinator,
    )


def new_value_form(bot: BotContext, session: Session, actor: Actor) -> View | Refusal:
    """Return the form that records an indicator value (coordinators only), or why not."""
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    tr = bot.texts_in(actor.language)
    return value_form(tr, store.all_indicators(session), bot.municipalities())


def new_indicator_form(bot: BotContext, actor: Actor) -> View | Refusal:
    """Return the form where a coordinator adds an indicator of their own, or why not."""
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    return indicator_form(bot.texts_in(actor.language))


def correction_form(
    bot: BotContext, session: Session, actor: Actor, value_id: int
) -> View | Refusal:
    """Return the form that corrects a value still in force (coordinators only), or why not."""
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    row = session.get(IndicatorValue, value_id)
    if row is None or row.replaced_at is not None:
        return Refusal(t.VALUE_GONE)
    tr = bot.texts_in(actor.language)
    indicator = {i.id: i for i in store.all_indicators(session)}.get(row.indicator_id)
    intro = tr(
        t.CORRECT_FORM_INTRO,
        indicator=b.escape(indicator.label(tr) if indicator else row.indicator_id),
        place=b.escape(place_names(bot).get(row.place, row.place)),
        period=period_shown(row.period_label, tr.language),
        value=format_number(row.value, tr.language),
        source=b.escape(row.source),
    )
    return value_form(tr, correcting=row, intro=intro)


# ------------------------------------------------------------------------------- storing


def record_value(
    bot: BotContext,
    session: Session,
    actor: Actor,
    typed: ValueInput,
    *,
    correcting: int | None,
    source_key: str,
) -> Done | Refusal | Invalid:
    """Record a value (or correct the one named by correcting) and audit it (coordinators only).

    A correction keeps the indicator, place and period of the value it corrects. A value
    replaced since the form opened is not corrected again (VALUE_GONE); source_key (the form's
    view id) makes a retried submission store nothing a second time. Raises IntegrityError
    when another process stored the same value meanwhile.
    """
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    if correcting is not None:
        seen = session.get(IndicatorValue, correcting)
        if seen is None:
            return VALUE_GONE
        typed = replace(
            typed, indicator_id=seen.indicator_id, place=seen.place, period=seen.period_label
        )
    catalogue = {i.id: i for i in store.all_indicators(session)}
    names = place_names(bot)
    check = validate_value(typed, indicators=catalogue, places=set(names))
    if check.draft is None:
        return Invalid(tuple(check.errors))
    draft = check.draft
    now = bot.clock.now()
    recorded = store.record_value(
        session, draft, actor=actor.user_id, now=now, source_key=source_key, correcting=correcting
    )
    if recorded.stale:
        return VALUE_GONE
    tr = bot.texts_in(actor.language)
    indicator = catalogue[draft.indicator_id]
    value = format_number(draft.value, tr.language)
    unit = b.escape(indicator.unit_label(tr))
    if recorded.value is None or recorded.unchanged:
        return Done([], t.VALUE_UNCHANGED, {"value": value, "unit": unit})
    params = {
        "indicator": b.escape(indicator.label(tr)),
        "place": b.escape(names.get(draft.place, draft.place)),
        "period": period_shown(draft.period.label, tr.language),
        "value": value,
        "unit": unit,
    }
    replaced = recorded.replaced
    audit.record(
        session,
        actor=actor.user_id,
        action="indicator_corrected" if replaced else "indicator_recorded",
        subject=f"indicator_value:{recorded.value.id}",
        now=now,
        detail=f"{draft.indicator_id} {draft.place} {draft.period.label}",
        label=f"{indicator.label(tr)}, {names.get(draft.place, draft.place)}, {draft.period.label}",
        changes=[
            (field, str(before) if before is not None else None, str(after))
            for field, before, after in (
                ("value", replaced.value if replaced else None, draft.value),
                ("source", replaced.source if replaced else None, draft.source),
                ("note", replaced.note if replaced else None, draft.note),
            )
            if after != before and (after or before)
        ],
    )
    if recorded.replaced is None:
        return Done([], t.VALUE_SAVED, params)
    old = describe_value(tr, recorded.replaced, bot.config.collaboration.tz)
    return Done([], t.VALUE_REPLACED, {"old": old, **params})


def add_indicator(
    bot: BotContext, session: Session, actor: Actor, typed: IndicatorInput
) -> Done | Refusal | Invalid:
    """Add a coordinator's own indicator and audit it (coordinators only; names are unique).

    Raises IntegrityError when another process added the same indicator meanwhile.
    """
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    tr = bot.texts_in(actor.language)
    check = validate_indicator(typed, existing=store.all_indicators(session), tr=tr)
    if check.indicator is None:
        return Invalid(tuple(check.errors))
    indicator = check.indicator
    now = bot.clock.now()
    if not store.add_indicator(session, indicator, actor=actor.user_id, now=now):
        return Invalid((FieldError("name", t.INDICATOR_EXISTS),))
    subject = f"indicator:{indicator.id}"
    audit.record(
        session,
        actor=actor.user_id,
        action="indicator_added",
        subject=subject,
        now=now,
        label=indicator.label(tr),
        changes=[("unit", None, indicator.unit_label(tr))],
    )
    name, unit = b.escape(indicator.label(tr)), b.escape(indicator.unit_label(tr))
    return Done([], t.INDICATOR_SAVED, {"name": name, "unit": unit})


# -------------------------------------------------------------------------------- export


def refuse_export(bot: BotContext, actor: Actor) -> Refusal | None:
    """Return the refusal of the export for anyone but coordinators and owners, else None."""
    if actor.is_coordinator or actor.is_owner:
        return None
    return Refusal(c.NOT_ALLOWED, {"who": c.WHO_COORDINATORS_AND_OWNERS})


@dataclass(frozen=True)
class Workbook:
    """The export as an Excel file, and the local date it was taken out."""

    data: bytes
    filename: str
    date: str


def export_workbook(bot: BotContext, session: Session) -> Workbook:
    """Return every sheet of the export as one Excel workbook, as of now."""
    now = bot.clock.now()
    data = xlsx_bytes(export_sheets(session, bot.config, bot.texts, now))
    day = now.astimezone(bot.config.collaboration.tz).date()
    shown = formats.short_date(bot.texts.language, day)
    return Workbook(data, f"samverkan-export-{day.isoformat()}.xlsx", shown)


def queue_export(bot: BotContext, session: Session, user: str, workbook: Workbook) -> Done:
    """Queue the workbook as a private upload to the person's direct message, and audit it.

    The audit log records every export taken out; a Slack failure is retried by the outbox.
    """
    key = OutboxKey.export(user)
    now = bot.clock.now()
    audit.record(session, actor=user, action="export", subject=workbook.filename, now=now)
    name = workbook.filename
    outbox.enqueue_upload(
        session,
        key=key,
        kind="export",
        channel=user,
        now=now,
        files=[UploadFile(name, name, "", workbook.data)],
        comment=bot.texts(t.EXPORT_DONE, name=bot.config.collaboration.name, date=workbook.date),
    )
    return Done([key])
