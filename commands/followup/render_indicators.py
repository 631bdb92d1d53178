"""Block Kit for the indicators: the value form, the new-indicator form and the value list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.domain.indicators import (
    COUNTY,
    NOTE_MAX,
    SOURCE_MAX,
    Direction,
    IndicatorDef,
    format_number,
    period_shown,
)
from bot.domain.organizations import OrganizationInfo
from bot.texts import Texts
from bot.texts import common as c
from bot.texts import followup as t
from commands import blocks as b
from commands.edge.codec import encode, encode_metadata
from commands.edge.ids import Action, Block, Callback, Field
from commands.followup.render_parts import local_date
from commands.followup.render_summary import MESSAGE_BLOCKS
from commands.followup.values import ValueForm, ValueRef
from storage.indicators import ValuePage
from storage.models import IndicatorValue


def _place_options(tr: Texts, municipalities: Sequence[OrganizationInfo]) -> list[Any]:
    """Return the places a value can be for: the county, then each municipality."""
    return [b.option(tr(t.PLACE_COUNTY), COUNTY)] + [b.option(m.name, m.id) for m in municipalities]


def value_form(
    tr: Texts,
    indicators: Sequence[IndicatorDef] = (),
    municipalities: Sequence[OrganizationInfo] = (),
    *,
    correcting: IndicatorValue | None = None,
    intro: str | None = None,
) -> View:
    """Return the form that records a value of one of indicators, or corrects the value given.

    A correction keeps the indicator, place and period: its form asks only for the value, the
    source and the note, filled in as they were.
    """
    blocks: list[SlackBlock] = [b.section(intro or tr(t.VALUE_FORM_INTRO))]
    if correcting is None:
        blocks += [
            b.select_input(
                tr(t.FIELD_INDICATOR),
                Field.INDICATOR_CHOICE,
                [b.option(i.label(tr), i.id) for i in indicators],
            ),
            b.select_input(
                tr(t.FIELD_PLACE),
                Field.INDICATOR_PLACE,
                _place_options(tr, municipalities),
                initial=COUNTY,
            ),
            b.text_input(
                tr(t.FIELD_PERIOD),
                Field.INDICATOR_PERIOD,
                max_length=20,
                hint=tr(t.FIELD_PERIOD_HINT),
            ),
        ]
    blocks += [
        b.text_input(
            tr(t.FIELD_VALUE),
            Field.INDICATOR_AMOUNT,
            max_length=20,
            initial=(
                format_number(correcting.value, tr.language, grouping=False) if correcting else None
            ),
            hint=tr(t.FIELD_VALUE_HINT),
        ),
        b.text_input(
            tr(t.FIELD_SOURCE),
            Field.INDICATOR_SOURCE,
            max_length=SOURCE_MAX,
            initial=correcting.source if correcting else None,
            hint=tr(t.FIELD_SOURCE_HINT),
        ),
        b.text_input(
            tr(t.FIELD_NOTE),
            Field.INDICATOR_NOTE,
            multiline=True,
            max_length=NOTE_MAX,
            initial=correcting.note if correcting else None,
            hint=tr(t.FIELD_NOTE_HINT),
            optional=True,
        ),
    ]
    metadata = ValueForm(correcting=correcting.id if correcting is not None else None)
    return b.modal(
        tr(t.CORRECT_FORM_TITLE if correcting is not None else t.VALUE_FORM_TITLE),
        blocks,
        callback_id=Callback.INDICATOR_VALUE,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=encode_metadata(metadata),
    )


DIRECTION_LABELS = {
    Direction.DOWN: t.DIRECTION_DOWN,
    Direction.UP: t.DIRECTION_UP,
    Direction.NONE: t.DIRECTION_NONE,
}


def indicator_form(tr: Texts) -> View:
    """Return the form where a coordinator adds an indicator of their own."""
    return b.modal(
        tr(t.NEW_INDICATOR_TITLE),
        [
            b.text_input(tr(t.FIELD_NAME), Field.INDICATOR_NAME, max_length=100),
            b.text_input(
                tr(t.FIELD_UNIT),
                Field.INDICATOR_UNIT,
                max_length=30,
                hint=tr(t.FIELD_UNIT_HINT),
            ),
            b.radio_input(
                tr(t.FIELD_DIRECTION),
                Field.INDICATOR_DIRECTION,
                [b.option(tr(label), d.value) for d, label in DIRECTION_LABELS.items()],
                initial=Direction.DOWN.value,
            ),
        ],
        callback_id=Callback.INDICATOR_NEW,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
    )


def describe_value(tr: Texts, row: IndicatorValue, tz: ZoneInfo) -> str:
    """Describe an older value briefly: value, source and when it was recorded."""
    return tr(
        t.LIST_OLD,
        value=format_number(row.value, tr.language),
        source=b.escape(b.clip(row.source, 60)),
        date=local_date(tr, row.recorded_at, tz),
    )


def value_list(
    tr: Texts,
    page: ValuePage,
    catalogue: dict[str, IndicatorDef],
    place_names: dict[str, str],
    tz: ZoneInfo,
    *,
    can_correct: bool,
) -> dict[str, Any]:
    """Return the latest values in force, each with a correct button for coordinators."""
    blocks: list[SlackBlock] = [b.header(tr(t.LIST_HEADER))]
    values = page.values
    if not values:
        blocks.append(b.section(tr(t.LIST_EMPTY)))
    for row in values[: MESSAGE_BLOCKS - 5]:
        indicator = catalogue.get(row.indicator_id)
        name = indicator.label(tr) if indicator else row.indicator_id
        unit = indicator.unit_label(tr) if indicator else ""
        old = page.replaced.get(row.replaces_id or -1)
        text = tr(
            t.LIST_LINE,
            indicator=b.escape(name),
            place=b.escape(place_names.get(row.place, row.place)),
            period=period_shown(row.period_label, tr.language),
            value=format_number(row.value, tr.language),
            unit=b.escape(unit),
            source=b.escape(row.source),
            note=tr(t.LIST_NOTE, note=b.escape(b.clip(row.note, 300))) if row.note else "",
            history=tr(t.LIST_HISTORY, old=describe_value(tr, old, tz)) if old else "",
        )
        accessory = (
            b.button(tr(t.BUTTON_CORRECT), Action.INDICATOR_CORRECT, encode(ValueRef(value=row.id)))
            if can_correct
            else None
        )
        blocks.append(
            b.section(text, block_id=f"{Block.INDICATOR_VALUE_ROW}:{row.id}", accessory=accessory)
        )
    hidden = page.more + max(len(values) - (MESSAGE_BLOCKS - 5), 0)
    if hidden:
        blocks.append(b.context(tr(t.LIST_MORE, count=hidden)))
    if can_correct:
        blocks.append(
            b.actions(
                [
                    b.button(tr(t.BUTTON_NEW_VALUE), Action.INDICATOR_OPEN_FORM, style="primary"),
                    b.button(tr(t.BUTTON_NEW_INDICATOR), Action.INDICATOR_OPEN_NEW),
                ]
            )
        )
    return {"text": tr(t.LIST_HEADER), "blocks": b.blocks_dict(blocks)}
