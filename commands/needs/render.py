"""Block Kit for the needs register: the form, the channel card, the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.domain.needs import (
    DESCRIPTION_MAX,
    FOCUS_LABELS,
    REASON_MAX,
    STATUS_LABELS,
    SUPPORT_LABELS,
    TITLE_MAX,
    TRANSITIONS,
    URGENCY_LABELS,
    FocusArea,
    NeedInput,
    NeedStatus,
    Support,
    Urgency,
    is_open,
)
from bot.domain.organizations import OrganizationInfo
from bot.texts import Texts, formats
from bot.texts import common as c
from bot.texts import needs as t
from commands import blocks as b
from commands.edge.codec import NoValue, Value, encode, encode_metadata
from commands.edge.ids import Action, Block, Callback, Field
from commands.edge.suggestions import organization_options
from commands.needs.values import ListScope, NeedAt, NeedMove, NeedRef
from storage.models import Need, NeedEvent

MOVE_BUTTONS = {
    NeedStatus.TAKEN_UP: t.BUTTON_TAKEN_UP,
    NeedStatus.PLANNED: t.BUTTON_PLANNED,
    NeedStatus.DONE: t.BUTTON_DONE,
    NeedStatus.NEW: t.BUTTON_REOPEN,
}


@dataclass(frozen=True)
class FormChoices:
    """What the needs form offers: organisations the person may choose, and municipalities."""

    organizations: list[OrganizationInfo]
    municipalities: list[OrganizationInfo]


def need_input_from(need: Need) -> NeedInput:
    """Return a stored need as form input, to fill in the edit form."""
    return NeedInput(
        organization_id=need.organization_id,
        title=need.title,
        description=need.description,
        focus_area=need.focus_area,
        scope="municipalities" if need.municipalities else "county",
        municipalities=list(need.municipalities),
        urgency=need.urgency,
        support=list(need.support),
    )


def need_form(
    tr: Texts,
    choices: FormChoices,
    initial: NeedInput,
    *,
    callback_id: Callback = Callback.NEED_FORM,
    metadata: Value | None = None,
    ask_contact_confirmation: bool = False,
) -> View:
    """Return the needs form, filled in with initial."""
    blocks: list[SlackBlock] = [b.section(tr(t.FORM_INTRO))]
    if ask_contact_confirmation:
        blocks.append(b.section(f":warning: {tr(t.CONTACT_WARNING)}"))
    blocks += [
        b.select_input(
            tr(t.ORGANIZATION),
            Field.NEED_ORGANIZATION,
            organization_options(choices.organizations),
            initial=initial.organization_id
            or (choices.organizations[0].id if len(choices.organizations) == 1 else None),
            served=True,
        ),
        b.text_input(
            tr(t.TITLE),
            Field.NEED_TITLE,
            max_length=TITLE_MAX,
            initial=initial.title,
            hint=tr(t.TITLE_HINT, limit=TITLE_MAX),
        ),
        b.text_input(
            tr(t.DESCRIPTION),
            Field.NEED_DESCRIPTION,
            multiline=True,
            max_length=DESCRIPTION_MAX,
            initial=initial.description,
            hint=tr(t.DESCRIPTION_HINT, limit=DESCRIPTION_MAX),
        ),
        b.select_input(
            tr(t.FOCUS),
            Field.NEED_FOCUS,
            [b.option(tr(label), area.value) for area, label in FOCUS_LABELS.items()],
            initial=initial.focus_area,
        ),
        b.radio_input(
            tr(t.SCOPE),
            Field.NEED_SCOPE,
            [
                b.option(tr(t.SCOPE_COUNTY), "county"),
                b.option(tr(t.SCOPE_MUNICIPALITIES), "municipalities"),
            ],
            initial=initial.scope or "county",
        ),
        b.multi_select_input(
            tr(t.MUNICIPALITIES),
            Field.NEED_MUNICIPALITIES,
            organization_options(choices.municipalities),
            initial=initial.municipalities,
            optional=True,
            hint=tr(t.MUNICIPALITIES_HINT),
            served=True,
        ),
        b.radio_input(
            tr(t.URGENCY),
            Field.NEED_URGENCY,
            [b.option(tr(label), u.value) for u, label in URGENCY_LABELS.items()],
            initial=initial.urgency or "normal",
        ),
        b.checkbox_input(
            tr(t.SUPPORT),
            Field.NEED_SUPPORT,
            [b.option(tr(label), s.value) for s, label in SUPPORT_LABELS.items()],
            initial=initial.support,
        ),
    ]
    if ask_contact_confirmation:
        blocks.append(
            b.checkbox_input(
                tr(t.CONTACT_CONFIRM),
                Field.NEED_CONFIRM_CONTACT,
                [b.option(tr(t.CONTACT_CONFIRM_OPTION), "yes")],
            )
        )
    title = t.FORM_TITLE if callback_id is Callback.NEED_FORM else t.EDIT_TITLE
    return b.modal(
        tr(title),
        blocks,
        callback_id=callback_id,
        submit=tr(c.SEND if callback_id is Callback.NEED_FORM else c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=encode_metadata(metadata or NoValue()),
    )


def decline_form(tr: Texts, need: Need) -> View:
    """Return the modal that asks a coordinator why a need is declined."""
    return b.modal(
        tr(t.DECLINE_TITLE),
        [
            b.section(tr(t.CARD_TITLE, id=need.id, title=b.escape(need.title))),
            b.text_input(
                tr(t.DECLINE_REASON),
                Field.NEED_REASON,
                multiline=True,
                max_length=REASON_MAX,
                hint=tr(t.DECLINE_REASON_HINT),
            ),
        ],
        callback_id=Callback.NEED_DECLINE,
        submit=tr(c.SAVE),
        close=tr(c.CANCEL),
        private_metadata=encode_metadata(NeedAt(need=need.id, status=NeedStatus(need.status))),
    )


def _date(tr: Texts, moment: datetime, tz: ZoneInfo) -> str:
    """Write a moment's local date briefly: 2026-12-08, 8 Dec 2026."""
    return formats.short_date(tr.language, moment.astimezone(tz).date())


def scope_text(tr: Texts, need: Need, names: dict[str, str]) -> str:
    """Say where a need applies: the county, or the chosen municipalities."""
    if not need.municipalities:
        return tr(t.SCOPE_COUNTY)
    return ", ".join(names.get(m, m) for m in need.municipalities)


def need_card(tr: Texts, need: Need, names: dict[str, str], tz: ZoneInfo) -> dict[str, Any]:
    """Return the channel message of a need, with the buttons its status allows."""
    status = NeedStatus(need.status)
    organization = names.get(need.organization_id, need.organization_id)
    support = ", ".join(tr(SUPPORT_LABELS[s]) for s in map(Support, need.support)) or tr(
        t.NONE_CHOSEN
    )
    fields = [
        tr(t.CARD_FROM, organization=b.escape(organization)),
        tr(t.CARD_STATUS, status=tr(STATUS_LABELS[status])),
        tr(t.CARD_FOCUS, focus=tr(FOCUS_LABELS[FocusArea(need.focus_area)])),
        tr(t.CARD_URGENCY, urgency=_urgency_label(tr, need.urgency)),
        tr(t.CARD_SCOPE, scope=b.escape(scope_text(tr, need, names))),
        tr(t.CARD_SUPPORT, support=support),
    ]
    blocks: list[SlackBlock] = [
        b.header(tr(t.CARD_TITLE, id=need.id, title=need.title)),
        b.section(b.escape(need.description)),
        b.fields_section(fields),
    ]
    if status is NeedStatus.DECLINED and need.decline_reason:
        blocks.append(b.section(tr(t.CARD_DECLINE_REASON, reason=b.escape(need.decline_reason))))
    dates = {"date": _date(tr, need.created_at, tz), "updated": _date(tr, need.updated_at, tz)}
    if need.submitted_by:
        blocks.append(b.context(tr(t.CARD_SUBMITTED, user=need.submitted_by, **dates)))
    else:
        blocks.append(b.context(tr(t.CARD_SUBMITTED_ANON, **dates)))
    buttons = [
        b.button(
            tr(MOVE_BUTTONS[target]),
            f"{Action.NEED_MOVE}:{target.value}",
            encode(NeedMove(need=need.id, status=status, target=target)),
            style="primary" if target is NeedStatus.DONE else None,
        )
        for target in TRANSITIONS[status]
        if target in MOVE_BUTTONS
    ]
    if NeedStatus.DECLINED in TRANSITIONS[status]:
        buttons.append(
            b.button(
                tr(t.BUTTON_DECLINE),
                Action.NEED_DECLINE,
                encode(NeedAt(need=need.id, status=status)),
            )
        )
    if is_open(status):
        buttons.append(b.button(tr(t.BUTTON_EDIT), Action.NEED_EDIT, encode(NeedRef(need=need.id))))
        buttons.append(
            b.button(
                tr(t.BUTTON_WITHDRAW),
                Action.NEED_WITHDRAW,
                encode(NeedAt(need=need.id, status=status)),
                style="danger",
                confirm=b.confirm(
                    tr(t.WITHDRAW_CONFIRM_TITLE),
                    tr(t.WITHDRAW_CONFIRM_TEXT),
                    tr(t.WITHDRAW_CONFIRM_YES),
                    tr(c.CANCEL),
                ),
            )
        )
    if buttons:
        blocks.append(b.actions(buttons, block_id=f"{Block.NEED_ACTIONS}:{need.id}"))
    text = tr(
        t.CARD_FALLBACK,
        id=need.id,
        organization=b.escape(organization),
        title=b.escape(need.title),
        status=tr(STATUS_LABELS[status]),
    )
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def need_list(
    tr: Texts,
    needs: list[Need],
    more: int,
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    own_organization: str | None,
    can_filter: bool,
) -> dict[str, Any]:
    """Return the list of open needs grouped by status, newest first, within Slack's limits."""
    heading = (
        tr(t.LIST_HEADER_OWN, organization=names.get(own_organization, own_organization))
        if own_organization
        else tr(t.LIST_HEADER)
    )
    blocks: list[SlackBlock] = [b.header(heading)]
    if not needs:
        empty = (
            tr(
                t.LIST_EMPTY_OWN,
                organization=b.escape(names.get(own_organization, own_organization)),
            )
            if own_organization
            else tr(t.LIST_EMPTY)
        )
        blocks.append(b.section(empty))
    for status in (NeedStatus.NEW, NeedStatus.TAKEN_UP, NeedStatus.PLANNED):
        group = [n for n in needs if n.status == status.value]
        if not group:
            continue
        lines = [tr(t.LIST_GROUP, status=tr(STATUS_LABELS[status]), count=len(group))]
        for need in group:
            lines.append(
                "• "
                + tr(
                    t.LIST_ITEM,
                    id=need.id,
                    title=b.escape(b.clip(need.title, 80)),
                    organization=b.escape(names.get(need.organization_id, need.organization_id)),
                    focus=tr(FOCUS_LABELS[FocusArea(need.focus_area)]),
                    urgency=_urgency_label(tr, need.urgency),
                    date=_date(tr, need.created_at, tz),
                )
            )
        blocks += [b.section(chunk) for chunk in b.chunk_lines(lines)]
    if more:
        blocks.append(b.context(tr(t.LIST_MORE, count=more)))
    if can_filter:
        label, scope = (
            (tr(t.LIST_FILTER_ALL), "all") if own_organization else (tr(t.LIST_FILTER_OWN), "own")
        )
        value = encode(ListScope(scope=scope))  # type: ignore[arg-type]
        blocks.append(b.actions([b.button(label, Action.NEED_LIST_FILTER, value)]))
    return {"text": heading, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


def _urgency_label(tr: Texts, value: str) -> str:
    return tr(URGENCY_LABELS[Urgency(value)])


def history_list(
    tr: Texts,
    heading: str,
    needs: list[Need],
    history: dict[int, list[NeedEvent]],
    more: int,
    names: dict[str, str],
    tz: ZoneInfo,
    *,
    empty: str,
) -> dict[str, Any]:
    """Return needs of any status, each with its status history, within Slack's limits."""
    blocks: list[SlackBlock] = [b.header(heading)]
    if not needs:
        blocks.append(b.section(empty))
    lines = []
    for need in needs:
        lines.append(
            "• "
            + tr(
                t.HISTORY_ITEM,
                id=need.id,
                title=b.escape(b.clip(need.title, 80)),
                organization=b.escape(names.get(need.organization_id, need.organization_id)),
                status=tr(STATUS_LABELS[NeedStatus(need.status)]),
            )
        )
        steps = [
            tr(
                t.HISTORY_STEP,
                date=_date(tr, event.at, tz),
                status=tr(STATUS_LABELS[NeedStatus(event.to_status)]),
            )
            for event in history.get(need.id, [])
            if event.to_status
        ]
        reason = need.decline_reason if need.status == NeedStatus.DECLINED.value else None
        if reason:
            steps.append(tr(t.HISTORY_REASON, reason=b.escape(b.clip(reason, 200))))
        if steps:
            lines.append("      " + " → ".join(steps))
    blocks += [b.section(chunk) for chunk in b.chunk_lines(lines)]
    if more:
        blocks.append(b.context(tr(t.HISTORY_MORE, count=more)))
    return {"text": heading, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}
