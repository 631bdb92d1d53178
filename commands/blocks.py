"""Small typed builders of Block Kit objects on top of slack_sdk.models, and payload readers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    ContextBlock,
    DatePickerElement,
    DividerBlock,
    ExternalDataMultiSelectElement,
    ExternalDataSelectElement,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    StaticMultiSelectElement,
    StaticSelectElement,
    TimePickerElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

SECTION_TEXT_MAX = 3000
MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
MODAL_TITLE_MAX = 24
OPTION_TEXT_MAX = 75
# A static select holds at most 100 options, and an options answer carries at most 100 (Slack's
# Block Kit reference); longer lists are external selects whose options the bot serves.
STATIC_OPTIONS_MAX = 100


def escape(text: str) -> str:
    """Escape user text for mrkdwn so that it cannot mention, ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Shorten text to at most limit characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chunk_lines(lines: Sequence[str], limit: int = SECTION_TEXT_MAX - 100) -> list[str]:
    """Join lines into as few texts as fit in a section each, never splitting a line."""
    chunks: list[str] = []
    current = ""
    for raw in lines:
        line = clip(raw, limit)
        if current and len(current) + len(line) + 1 > limit:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def plain(text: str) -> PlainTextObject:
    """Return a plain_text object."""
    return PlainTextObject(text=text, emoji=True)


def header(text: str) -> HeaderBlock:
    """Return a header block (clipped to Slack's 150 characters)."""
    return HeaderBlock(text=plain(clip(text, 150)))


def section(text: str, *, block_id: str | None = None, accessory: Any = None) -> SectionBlock:
    """Return a mrkdwn section (clipped to Slack's 3000 characters)."""
    return SectionBlock(
        text=MarkdownTextObject(text=clip(text, SECTION_TEXT_MAX)),
        block_id=block_id,
        accessory=accessory,
    )


def fields_section(fields: Sequence[str]) -> SectionBlock:
    """Return a section of up to ten mrkdwn fields."""
    return SectionBlock(fields=[MarkdownTextObject(text=clip(f, 2000)) for f in fields[:10]])


def context(*texts: str) -> ContextBlock:
    """Return a context block of mrkdwn texts."""
    return ContextBlock(elements=[MarkdownTextObject(text=clip(t, 3000)) for t in texts[:10]])


def divider() -> DividerBlock:
    """Return a divider."""
    return DividerBlock()


def button(
    text: str,
    action_id: str,
    value: str = "",
    *,
    style: str | None = None,
    confirm: ConfirmObject | None = None,
) -> ButtonElement:
    """Return a button."""
    return ButtonElement(
        text=clip(text, 75), action_id=action_id, value=value or None, style=style, confirm=confirm
    )


def confirm(title: str, text: str, yes: str, no: str) -> ConfirmObject:
    """Return a confirmation dialog for a dangerous button."""
    return ConfirmObject(title=clip(title, 100), text=text, confirm=yes, deny=no, style="danger")


def actions(elements: Sequence[Any], *, block_id: str | None = None) -> ActionsBlock:
    """Return an actions block of up to 25 elements."""
    return ActionsBlock(elements=list(elements)[:25], block_id=block_id)


def option(text: str, value: str) -> Option:
    """Return a select or checkbox option."""
    return Option(text=plain(clip(text, OPTION_TEXT_MAX)), value=value)


def text_input(
    label: str,
    field: str,
    *,
    multiline: bool = False,
    max_length: int | None = None,
    initial: str | None = None,
    hint: str | None = None,
    optional: bool = False,
    placeholder: str | None = None,
) -> InputBlock:
    """Return an input block with a plain-text field."""
    return InputBlock(
        label=plain(label),
        block_id=field,
        element=PlainTextInputElement(
            action_id=field,
            multiline=multiline,
            max_length=max_length,
            initial_value=initial or None,
            placeholder=plain(placeholder) if placeholder else None,
        ),
        hint=plain(hint) if hint else None,
        optional=optional,
    )


def select_input(
    label: str,
    field: str,
    options: Sequence[Option],
    *,
    initial: str | None = None,
    optional: bool = False,
    hint: str | None = None,
    served: bool = False,
) -> InputBlock:
    """Return an input block with a single static select (initial: the value chosen).

    Slack's static select holds 100 options: with served, a longer list is an external select
    instead, keeping the choice, whose options the surface serves for field (see
    commands.edge.suggestions); without, it is cut at 100.
    """
    chosen = next((o for o in options if o.value == initial), None)
    if served and len(options) > STATIC_OPTIONS_MAX:
        return external_select_input(label, field, initial=chosen, optional=optional, hint=hint)
    element = StaticSelectElement(
        action_id=field, options=list(options)[:STATIC_OPTIONS_MAX], initial_option=chosen
    )
    return input_block(label, element, optional=optional, hint=hint)


def multi_select_input(
    label: str,
    field: str,
    options: Sequence[Option],
    *,
    initial: Sequence[str] = (),
    optional: bool = False,
    hint: str | None = None,
    served: bool = False,
) -> InputBlock:
    """Return an input block with a multi static select (initial: the values chosen).

    With served, a list longer than 100 is a multi external select (see select_input).
    """
    chosen = [o for o in options if o.value in initial]
    if served and len(options) > STATIC_OPTIONS_MAX:
        return multi_external_select_input(
            label, field, initial=chosen, optional=optional, hint=hint
        )
    element = StaticMultiSelectElement(
        action_id=field,
        options=list(options)[:STATIC_OPTIONS_MAX],
        initial_options=chosen or None,
    )
    return input_block(label, element, optional=optional, hint=hint)


def external_select_input(
    label: str,
    field: str,
    *,
    initial: Option | None = None,
    optional: bool = False,
    hint: str | None = None,
    placeholder: str | None = None,
) -> InputBlock:
    """Return an input block with a single select whose options the bot serves for field.

    The surface routes field's block_suggestion requests (Surface.suggestions); the menu asks
    as soon as it opens (min_query_length 0). initial is the option shown chosen.
    """
    element = ExternalDataSelectElement(
        action_id=field,
        initial_option=initial,
        min_query_length=0,
        placeholder=plain(placeholder) if placeholder else None,
    )
    return input_block(label, element, optional=optional, hint=hint)


def multi_external_select_input(
    label: str,
    field: str,
    *,
    initial: Sequence[Option] = (),
    optional: bool = False,
    hint: str | None = None,
    placeholder: str | None = None,
) -> InputBlock:
    """Return an input block with a multi select whose options the bot serves for field.

    As external_select_input; initial are the options shown chosen (at most 100).
    """
    element = ExternalDataMultiSelectElement(
        action_id=field,
        initial_options=list(initial)[:STATIC_OPTIONS_MAX] or None,
        min_query_length=0,
        placeholder=plain(placeholder) if placeholder else None,
    )
    return input_block(label, element, optional=optional, hint=hint)


def radio_input(
    label: str,
    field: str,
    options: Sequence[Option],
    *,
    initial: str | None = None,
    optional: bool = False,
) -> InputBlock:
    """Return an input block with radio buttons."""
    chosen = next((o for o in options if o.value == initial), None)
    return InputBlock(
        label=plain(label),
        block_id=field,
        element=RadioButtonsElement(action_id=field, options=list(options), initial_option=chosen),
        optional=optional,
    )


def checkbox_input(
    label: str,
    field: str,
    options: Sequence[Option],
    *,
    initial: Sequence[str] = (),
    optional: bool = True,
) -> InputBlock:
    """Return an input block with checkboxes."""
    chosen = [o for o in options if o.value in initial]
    return InputBlock(
        label=plain(label),
        block_id=field,
        element=CheckboxesElement(
            action_id=field, options=list(options), initial_options=chosen or None
        ),
        optional=optional,
    )


def input_block(
    label: str, element: Any, *, optional: bool = False, hint: str | None = None
) -> InputBlock:
    """Return an input block around any element; its action id is the field's one id."""
    return InputBlock(
        label=plain(label),
        block_id=element.action_id,
        element=element,
        optional=optional,
        hint=plain(hint) if hint else None,
    )


def date_input(label: str, field: str, *, initial: str | None = None) -> InputBlock:
    """Return an input block with a date picker (initial: YYYY-MM-DD)."""
    return input_block(label, DatePickerElement(action_id=field, initial_date=initial or None))


def time_input(label: str, field: str, *, initial: str | None = None) -> InputBlock:
    """Return an input block with a time picker (initial: HH:MM)."""
    return input_block(label, TimePickerElement(action_id=field, initial_time=initial or None))


def users_input(
    label: str, field: str, *, initial: Sequence[str] = (), optional: bool = False
) -> InputBlock:
    """Return an input block with a multi users select (at most 100 chosen at first)."""
    element = UserMultiSelectElement(action_id=field, initial_users=list(initial)[:100] or None)
    return input_block(label, element, optional=optional)


def modal(
    title: str,
    blocks: Sequence[Block],
    *,
    callback_id: str,
    submit: str | None = None,
    close: str | None = None,
    private_metadata: str = "",
) -> View:
    """Return a modal view; the title is clipped to Slack's 24 characters."""
    return View(
        type="modal",
        title=plain(clip(title, MODAL_TITLE_MAX)),
        submit=plain(clip(submit, MODAL_TITLE_MAX)) if submit else None,
        close=plain(clip(close, MODAL_TITLE_MAX)) if close else None,
        callback_id=callback_id,
        blocks=list(blocks)[:VIEW_BLOCKS_MAX],
        private_metadata=private_metadata or None,
    )


def blocks_dict(blocks: Sequence[Block]) -> list[dict[str, Any]]:
    """Validate and serialise blocks for a message (at most 50)."""
    if len(blocks) > MESSAGE_BLOCKS_MAX:
        raise ValueError(f"{len(blocks)} blocks is more than a message holds")
    return [block.to_dict() for block in blocks]
