"""The forms of actions and minutes: a new action, progress, cancelling, the minutes.

Each input has one id in `Field`: "action_", "action_progress_" and "minutes_" and the
domain's field name, so inline errors map by `form_fields`. The minutes form's notes of
agenda item i are "minutes_note:<i>", and its slots of new actions "minutes_action<n>_".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.blocks import DatePickerElement, Option, UserSelectElement
from slack_sdk.models.views import View

from bot.domain.actions import (
    AGENDA_NOTES_MAX,
    DECISIONS_MAX,
    DESCRIPTION_MAX,
    KIND_LABELS,
    NOTE_MAX,
    PROGRESS_LABELS,
    PROGRESS_MAX,
    REASON_MAX,
    SLOTS,
    TITLE_MAX,
    ActionKind,
    Progress,
    note_field,
    slot_prefix,
)
from bot.domain.organizations import OrganizationInfo
from bot.texts import Msg, Texts
from bot.texts import actions as t
from bot.texts import common as c
from commands import blocks as b
from commands.actions.values import ActionForm, MinutesForm, NewAction
from commands.edge.codec import Value, encode_metadata
from commands.edge.ids import Callback, Field, form_fields

ACTION_FIELDS = form_fields("action_")
PROGRESS_FIELDS = form_fields("action_progress_")
CANCEL_FIELDS = {"reason": Field.ACTION_CANCEL_REASON.value}
NEEDS_SHOWN = 100
LABEL_ITEM = 120


def minutes_fields(items: int) -> dict[str, str]:
    """Map the minutes form's domain field names to block ids, the notes of items included."""
    notes = {note_field(i): f"{Field.MINUTES_NOTE}:{i}" for i in range(items)}
    return form_fields("minutes_") | notes


def slot_field(number: int, name: str) -> Field:
    """Return the field id of one input of slot number (1-based) of the minutes form."""
    return Field(f"minutes_{slot_prefix(number)}{name}")


@dataclass(frozen=True)
class Choices:
    """What an action form offers: organisations the person may choose, and the open needs."""

    organizations: Sequence[OrganizationInfo]
    needs: Sequence[tuple[int, str]]


def _need_options(tr: Texts, needs: Sequence[tuple[int, str]]) -> list[Option]:
    return [
        b.option(tr(t.NEED_OPTION, id=need, title=title), str(need))
        for need, title in needs[:NEEDS_SHOWN]
    ]


def _organization_options(organizations: Sequence[OrganizationInfo]) -> list[Option]:
    return [b.option(o.name, o.id) for o in organizations]


def _kind_options(tr: Texts) -> list[Option]:
    return [b.option(tr(label), kind.value) for kind, label in KIND_LABELS.items()]


def _modal(
    tr: Texts,
    title: Msg,
    blocks: list[SlackBlock],
    callback_id: Callback,
    metadata: Value,
    submit: Msg = c.SAVE,
) -> View:
    """Return one of these forms: its title, inputs, callback id, metadata, Save and Cancel."""
    return b.modal(
        tr(title),
        blocks,
        callback_id=callback_id,
        submit=tr(submit),
        close=tr(c.CANCEL),
        private_metadata=encode_metadata(metadata),
    )


def _optional_date(label: str, field: str, hint: str | None = None) -> SlackBlock:
    return b.input_block(label, DatePickerElement(action_id=field), optional=True, hint=hint)


def action_form(
    tr: Texts,
    choices: Choices,
    metadata: NewAction,
    *,
    partner: bool,
    lead: str,
    meeting_line: str | None = None,
) -> View:
    """Return the new-action form (a partner proposes one for their own organisation)."""
    intro = t.FORM_INTRO_PARTNER if partner else t.FORM_INTRO
    blocks: list[SlackBlock] = [b.section(tr(intro, lead=lead))]
    if meeting_line:
        blocks.append(b.context(meeting_line))
    only = [o.id for o in choices.organizations] if len(choices.organizations) == 1 else []
    blocks += [
        b.text_input(
            tr(t.TITLE),
            Field.ACTION_TITLE,
            max_length=TITLE_MAX,
            hint=tr(t.TITLE_HINT, limit=TITLE_MAX),
        ),
        b.text_input(
            tr(t.DESCRIPTION),
            Field.ACTION_DESCRIPTION,
            multiline=True,
            max_length=DESCRIPTION_MAX,
            optional=True,
            hint=tr(t.DESCRIPTION_HINT, limit=DESCRIPTION_MAX),
        ),
        b.multi_select_input(
            tr(t.ORGANIZATIONS),
            Field.ACTION_ORGANIZATIONS,
            _organization_options(choices.organizations),
            initial=only,
        ),
        b.input_block(
            tr(t.CONTACT),
            UserSelectElement(action_id=Field.ACTION_CONTACT),
            optional=True,
            hint=tr(t.CONTACT_HINT),
        ),
        b.date_input(tr(t.DUE), Field.ACTION_DUE),
        b.radio_input(
            tr(t.KIND), Field.ACTION_KIND, _kind_options(tr), initial=ActionKind.ACTION.value
        ),
    ]
    if choices.needs:
        blocks.append(
            b.multi_select_input(
                tr(t.NEEDS),
                Field.ACTION_NEEDS,
                _need_options(tr, choices.needs),
                optional=True,
                hint=tr(t.NEEDS_HINT),
            )
        )
    return _modal(
        tr,
        t.PROPOSE_TITLE if partner else t.FORM_TITLE,
        blocks,
        Callback.ACTION_FORM,
        metadata,
        c.SEND if partner else c.SAVE,
    )


def progress_form(tr: Texts, intro: str, metadata: ActionForm) -> View:
    """Return the form where the responsible report progress, done, or a new due date."""
    states = [b.option(tr(label), state.value) for state, label in PROGRESS_LABELS.items()]
    blocks: list[SlackBlock] = [
        b.section(intro),
        b.radio_input(
            tr(t.PROGRESS_STATE),
            Field.ACTION_PROGRESS_STATE,
            states,
            initial=Progress.IN_PROGRESS.value,
        ),
        b.text_input(
            tr(t.PROGRESS_TEXT),
            Field.ACTION_PROGRESS_TEXT,
            multiline=True,
            max_length=PROGRESS_MAX,
            optional=True,
            hint=tr(t.PROGRESS_TEXT_HINT, limit=PROGRESS_MAX),
        ),
        _optional_date(tr(t.PROGRESS_DUE), Field.ACTION_PROGRESS_DUE, tr(t.PROGRESS_DUE_HINT)),
        b.text_input(
            tr(t.PROGRESS_REASON),
            Field.ACTION_PROGRESS_REASON,
            multiline=True,
            max_length=REASON_MAX,
            optional=True,
        ),
    ]
    return _modal(tr, t.PROGRESS_TITLE, blocks, Callback.ACTION_PROGRESS, metadata)


def cancel_form(tr: Texts, intro: str, metadata: ActionForm, *, proposal: bool) -> View:
    """Return the form that asks a coordinator why an action is cancelled (or declined)."""
    blocks: list[SlackBlock] = [
        b.section(intro),
        b.text_input(
            tr(t.DECLINE_REASON if proposal else t.CANCEL_REASON),
            Field.ACTION_CANCEL_REASON,
            multiline=True,
            max_length=REASON_MAX,
            hint=tr(t.REASON_HINT),
        ),
    ]
    return _modal(
        tr,
        t.DECLINE_TITLE if proposal else t.CANCEL_TITLE,
        blocks,
        Callback.ACTION_CANCEL,
        metadata,
    )


@dataclass(frozen=True)
class MinutesContent:
    """What the minutes form opens with."""

    intro: str
    items: Sequence[str]  # agenda items, each with a notes field
    organizations: Sequence[OrganizationInfo]
    attended: Sequence[str]
    notes: dict[str, str]  # agenda item ("" for other notes) -> notes written before
    decisions: Sequence[str]
    needs: Sequence[tuple[int, str]]
    today: date


def _slot(tr: Texts, number: int, content: MinutesContent) -> list[SlackBlock]:
    """Return the inputs of one slot of new actions (all optional: an empty slot adds none)."""
    blocks: list[SlackBlock] = [
        b.text_input(
            tr(t.SLOT_TITLE, number=number),
            slot_field(number, "title"),
            max_length=TITLE_MAX,
            optional=True,
        ),
        b.multi_select_input(
            tr(t.SLOT_ORGANIZATIONS, number=number),
            slot_field(number, "organizations"),
            _organization_options(content.organizations),
            optional=True,
        ),
        _optional_date(tr(t.SLOT_DUE, number=number), slot_field(number, "due_date")),
        b.select_input(
            tr(t.SLOT_KIND, number=number),
            slot_field(number, "kind"),
            _kind_options(tr),
            optional=True,
        ),
    ]
    if content.needs:
        blocks.append(
            b.multi_select_input(
                tr(t.SLOT_NEEDS, number=number),
                slot_field(number, "needs"),
                _need_options(tr, content.needs),
                optional=True,
            )
        )
    return blocks


def minutes_form(tr: Texts, content: MinutesContent, metadata: MinutesForm) -> View:
    """Return the minutes form: attendance, notes per agenda item, decisions, new actions."""
    blocks: list[SlackBlock] = [
        b.section(content.intro),
        b.multi_select_input(
            tr(t.MINUTES_ATTENDED),
            Field.MINUTES_ATTENDED,
            _organization_options(content.organizations),
            initial=list(content.attended),
            optional=True,
            hint=tr(t.MINUTES_ATTENDED_HINT),
        ),
    ]
    for index, item in enumerate(content.items[:AGENDA_NOTES_MAX]):
        blocks.append(
            b.text_input(
                tr(t.MINUTES_NOTE, item=b.clip(item, LABEL_ITEM)),
                f"{Field.MINUTES_NOTE}:{index}",
                multiline=True,
                max_length=NOTE_MAX,
                optional=True,
                initial=content.notes.get(item),
            )
        )
    blocks += [
        b.text_input(
            tr(t.MINUTES_OTHER),
            Field.MINUTES_OTHER,
            multiline=True,
            max_length=NOTE_MAX,
            optional=True,
            initial=content.notes.get(""),
        ),
        b.text_input(
            tr(t.MINUTES_DECISIONS),
            Field.MINUTES_DECISIONS,
            multiline=True,
            max_length=DECISIONS_MAX,
            optional=True,
            initial="\n".join(content.decisions) or None,
            hint=tr(t.MINUTES_DECISIONS_HINT),
        ),
        b.divider(),
        b.section(tr(t.MINUTES_ACTIONS_HEADER, count=SLOTS)),
    ]
    for number in range(1, SLOTS + 1):
        blocks += _slot(tr, number, content)
    return _modal(tr, t.MINUTES_TITLE, blocks, Callback.MINUTES_FORM, metadata)
