"""Block Kit of actions shown to one person: one action with its history, the list, Home."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.actions import KIND_LABELS, ActionKind, ActionStatus
from bot.texts import Msg, Texts, formats
from bot.texts import actions as t
from commands import blocks as b
from commands.actions import phrases as p
from commands.actions.render_messages import action_buttons
from commands.actions.values import ActionList, ActionRef
from commands.edge.codec import encode
from commands.edge.ids import Action as ActionId
from commands.edge.ids import Block
from storage.actions import event_label
from storage.models import Action, ActionEvent

HISTORY_SHOWN = 25
HOME_SHOWN = 8


@dataclass(frozen=True)
class Rights:
    """What the person looking at an action may do with it."""

    report: bool = False
    manage: bool = False


@dataclass(frozen=True)
class Detail:
    """One action as shown: the action, its history, names and the meeting it came from."""

    action: Action
    events: Sequence[ActionEvent]
    names: dict[str, str]
    needs: Sequence[tuple[int, str]]
    meeting: str | None
    today: date
    rights: Rights = field(default_factory=Rights)


def _history(tr: Texts, events: Sequence[ActionEvent], tz: ZoneInfo) -> list[str]:
    lines = [tr(t.HISTORY)]
    for event in events[-HISTORY_SHOWN:]:
        due = p.due(tr, event.due_date) if event.due_date else ""
        what = (
            tr(t.EVENT_DUE, due=due) if event.kind == "due" else event_label(tr, event.kind, None)
        )
        lines.append(
            tr(
                t.HISTORY_LINE,
                date=formats.short_date(tr.language, event.at.astimezone(tz).date()),
                what=what,
                note=tr(t.NOTE_SUFFIX, note=b.escape(b.clip(event.note, 300)))
                if event.note
                else "",
                who=tr(t.HISTORY_BY, user=event.actor) if event.actor else "",
            )
        )
    return lines


def detail_message(tr: Texts, detail: Detail, tz: ZoneInfo) -> dict[str, Any]:
    """Return one action: its facts, description, history and the buttons the person may use."""
    action = detail.action
    facts = [
        tr(t.DETAIL_KIND, kind=tr(KIND_LABELS[ActionKind(action.kind)])),
        tr(t.DETAIL_STATUS, status=p.status(tr, action)),
        tr(
            t.DETAIL_ORGANIZATIONS,
            organizations=p.organizations(tr, detail.names, action.organization_ids),
        ),
        p.detail_due(tr, action, detail.today),
    ]
    if action.contact_user:
        facts.append(tr(t.DETAIL_CONTACT, user=action.contact_user))
    if detail.needs:
        needs = ", ".join(f"#{need} {b.escape(b.clip(title, 60))}" for need, title in detail.needs)
        facts.append(tr(t.DETAIL_NEEDS, needs=needs))
    if detail.meeting:
        facts.append(tr(t.DETAIL_MEETING, meeting=detail.meeting))
    blocks: list[SlackBlock] = [
        b.header(tr(t.DETAIL_HEADER, id=action.id, title=action.title)),
        b.fields_section(facts),
    ]
    if action.description:
        blocks.append(b.section(b.escape(action.description)))
    if action.cancel_reason:
        blocks.append(b.section(tr(t.DETAIL_REASON, reason=b.escape(action.cancel_reason))))
    blocks += [b.section(chunk) for chunk in b.chunk_lines(_history(tr, detail.events, tz))]
    status = ActionStatus(action.status)
    is_open = status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
    rights = detail.rights
    report = rights.report and is_open
    confirm = rights.manage and status is ActionStatus.PROPOSED
    cancel = rights.manage and is_open
    if report or confirm or cancel:
        blocks.append(
            action_buttons(tr, action, "detail", report=report, confirm=confirm, cancel=cancel)
        )
    text = tr(t.DETAIL_HEADER, id=action.id, title=p.title(action))
    return {"text": text, "blocks": b.blocks_dict(blocks[: b.MESSAGE_BLOCKS_MAX])}


@dataclass(frozen=True)
class Listing:
    """What the list shows: its groups, and how the person may filter it."""

    overdue: Sequence[Action]
    open: Sequence[Action]
    proposed: Sequence[Action]
    closed: Sequence[Action]
    more: int
    names: dict[str, str]
    today: date
    own_organization: str | None
    with_closed: bool
    can_filter: bool


def _row(tr: Texts, action: Action, names: dict[str, str]) -> SlackBlock:
    text = tr(
        t.LIST_ITEM,
        id=action.id,
        title=p.title(action),
        organizations=p.organizations(tr, names, action.organization_ids),
        due=p.due(tr, action.due_date),
        status=p.status(tr, action),
    )
    show = b.button(tr(t.BUTTON_SHOW), ActionId.ACTION_SHOW, encode(ActionRef(action=action.id)))
    return b.section(text, block_id=f"{Block.ACTION_ROW}:{action.id}", accessory=show)


def list_message(tr: Texts, listing: Listing) -> dict[str, Any]:
    """Return the list: overdue first, then open, proposals and (if asked) closed actions."""
    own = listing.own_organization
    name = b.escape(listing.names.get(own or "", own or ""))
    if listing.with_closed:
        heading = tr(t.LIST_HEADER_ALL_OWN, organization=name) if own else tr(t.LIST_HEADER_ALL)
    else:
        heading = tr(t.LIST_HEADER_OWN, organization=name) if own else tr(t.LIST_HEADER)
    blocks: list[SlackBlock] = [b.header(heading)]
    groups: list[tuple[Msg, Sequence[Action]]] = [
        (t.LIST_OVERDUE, listing.overdue),
        (t.LIST_OPEN, listing.open),
        (t.LIST_PROPOSED, listing.proposed),
        (t.LIST_CLOSED, listing.closed),
    ]
    budget = b.MESSAGE_BLOCKS_MAX - 5
    shown = 0
    for title, actions in groups:
        if not actions:
            continue
        blocks.append(b.section(tr(title, count=len(actions))))
        for action in actions:
            if len(blocks) >= budget:
                break
            blocks.append(_row(tr, action, listing.names))
            shown += 1
    total = sum(len(actions) for _, actions in groups) + listing.more
    if shown == 0:
        blocks.append(b.section(tr(t.LIST_EMPTY)))
    if total > shown:
        blocks.append(b.context(tr(t.LIST_MORE, count=total - shown)))
    blocks.append(b.context(tr(t.LIST_CONTEXT)))
    if listing.can_filter:
        label = t.BUTTON_FILTER_ALL if own else t.BUTTON_FILTER_OWN
        value = ActionList(scope="all" if own else "own", closed=listing.with_closed)
        blocks.append(b.actions([b.button(tr(label), ActionId.ACTION_LIST, encode(value))]))
    return {"text": heading, "blocks": b.blocks_dict(blocks)}


def home_blocks(
    tr: Texts,
    own: Sequence[Action] | None,
    overdue: Sequence[Action] | None,
    proposals: int,
    names: dict[str, str],
    today: date,
) -> list[SlackBlock]:
    """Return the Home section: the organisation's open actions; overdue ones for coordinators."""
    lines: list[str] = []
    if own is not None:
        lines.append(tr(t.HOME_OWN))
        lines += [
            tr(
                t.HOME_ITEM,
                id=a.id,
                title=p.title(a),
                due=p.due(tr, a.due_date),
                late=tr(t.HOME_LATE) if p.late(a, today) else "",
            )
            for a in own[:HOME_SHOWN]
        ] or [tr(t.HOME_NONE)]
    if overdue:
        lines.append(tr(t.HOME_OVERDUE, count=len(overdue)))
        lines += [
            tr(
                t.HOME_OVERDUE_ITEM,
                id=a.id,
                title=p.title(a),
                organizations=p.organizations(tr, names, a.organization_ids),
                due=p.due(tr, a.due_date),
            )
            for a in overdue[:HOME_SHOWN]
        ]
    if proposals:
        lines.append(tr(t.HOME_PROPOSALS, count=proposals))
    if not lines:
        return []
    buttons = [
        b.button(tr(t.BUTTON_NEW), ActionId.ACTION_NEW),
        b.button(tr(t.BUTTON_LIST), ActionId.ACTION_LIST, encode(ActionList(scope="all"))),
    ]
    return [
        b.divider(),
        *(b.section(chunk) for chunk in b.chunk_lines(lines)),
        b.actions(buttons, block_id=Block.ACTIONS_HOME),
    ]
