"""Block Kit of organisation membership: the request form, the request card, the overview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block as SlackBlock
from slack_sdk.models.views import View

from bot.domain.organizations import OrganizationInfo, Source
from bot.texts import Msg, Texts, formats
from bot.texts import common as c
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.codec import encode
from commands.edge.ids import Action, Block, Callback, Field
from commands.edge.suggestions import organization_options
from commands.samverkan.values import MemberRef, RequestRef

# Blocks per message of the overview, inside Slack's 50.
OVERVIEW_BLOCKS = 45
# Requests named in the one notice of the waiting ones; the rest are counted.
WAITING_LINES = 20

SOURCE_LABELS: dict[Source, Msg] = {
    Source.EMAIL: t.SOURCE_EMAIL,
    Source.CONFIG: t.SOURCE_CONFIG,
    Source.APPROVAL: t.SOURCE_APPROVAL,
}


@dataclass(frozen=True)
class Member:
    """One person representing an organisation, where that comes from, and who approved it."""

    user: str
    source: Source
    approved_by: str | None = None


@dataclass(frozen=True)
class Waiting:
    """A pending request: its id, who asks, for which organisation, since when."""

    id: int
    user: str
    organization_id: str
    requested_at: datetime


@dataclass(frozen=True)
class Overview:
    """What a coordinator sees: the pending requests and the members of each organisation."""

    pending: list[Waiting]
    members: dict[str, list[Member]]


def organization_form(
    tr: Texts, organizations: Sequence[OrganizationInfo], pending: OrganizationInfo | None
) -> View:
    """Return the form where a person asks to represent an organisation."""
    intro = (
        tr(t.ORGANIZATION_INTRO_PENDING, organization=b.escape(pending.name))
        if pending is not None
        else tr(t.ORGANIZATION_INTRO)
    )
    return b.modal(
        tr(t.ORGANIZATION_TITLE),
        [
            b.section(intro),
            b.select_input(
                tr(t.ORGANIZATION_LABEL),
                Field.ORGANIZATION_CHOICE,
                organization_options(organizations),
                initial=pending.id if pending is not None else None,
                served=True,
            ),
        ],
        callback_id=Callback.ORGANIZATION_FORM,
        submit=tr(t.ORGANIZATION_SUBMIT),
        close=tr(c.CANCEL),
    )


def _decision_buttons(tr: Texts, request_id: int) -> list[Any]:
    value = encode(RequestRef(request=request_id))
    return [
        b.button(
            tr(t.BUTTON_APPROVE),
            f"{Action.ORGANIZATION_APPROVE}:{request_id}",
            value,
            style="primary",
        ),
        b.button(tr(t.BUTTON_DECLINE), f"{Action.ORGANIZATION_DECLINE}:{request_id}", value),
    ]


def request_card(
    tr: Texts, request_id: int, user: str, organization: str, outcome: str | None = None
) -> dict[str, Any]:
    """Return the coordinators' card of a request: Approve and Decline, or its outcome."""
    card = t.REQUEST_CARD if outcome is None else t.REQUEST_CARD_DECIDED
    text = tr(card, user=user, organization=b.escape(organization))
    blocks: list[SlackBlock] = [b.section(text)]
    if outcome is None:
        blocks.append(
            b.actions(
                _decision_buttons(tr, request_id),
                block_id=f"{Block.ORGANIZATION_REQUEST}:{request_id}",
            )
        )
    else:
        blocks.append(b.context(outcome))
    return {"text": text, "blocks": b.blocks_dict(blocks)}


def _member_block(tr: Texts, organization: OrganizationInfo, member: Member) -> SlackBlock:
    if member.approved_by:
        source = tr(t.SOURCE_APPROVED_BY, by=member.approved_by)
    else:
        source = tr(SOURCE_LABELS[member.source])
    text = tr(t.OVERVIEW_MEMBER, user=member.user, source=source)
    if member.source is Source.CONFIG:
        return b.section(text)
    revoke = b.button(
        tr(t.BUTTON_REVOKE),
        f"{Action.ORGANIZATION_REVOKE}:{member.user}",
        encode(MemberRef(user=member.user, organization=organization.id)),
        confirm=b.confirm(
            tr(t.REVOKE_CONFIRM_TITLE),
            tr(t.REVOKE_CONFIRM_TEXT, organization=organization.name),
            tr(t.REVOKE_CONFIRM_YES),
            tr(c.CANCEL),
        ),
    )
    return b.section(text, accessory=revoke)


def overview_messages(
    tr: Texts, overview: Overview, organizations: Sequence[OrganizationInfo], tz: ZoneInfo
) -> list[dict[str, Any]]:
    """Return the coordinators' overview as messages of at most OVERVIEW_BLOCKS blocks each."""
    names = {o.id: o.name for o in organizations}
    heading = tr(t.OVERVIEW_HEADER)
    blocks: list[SlackBlock] = [b.header(heading), b.section(tr(t.OVERVIEW_PENDING))]
    if not overview.pending:
        blocks.append(b.context(tr(t.OVERVIEW_NO_PENDING)))
    for waiting in overview.pending:
        line = tr(
            t.OVERVIEW_REQUEST,
            user=waiting.user,
            organization=b.escape(names.get(waiting.organization_id, waiting.organization_id)),
            date=formats.short_date(tr.language, waiting.requested_at.astimezone(tz).date()),
        )
        blocks += [b.section(line), b.actions(_decision_buttons(tr, waiting.id))]
    blocks += [b.divider(), b.section(tr(t.OVERVIEW_MEMBERS))]
    without: list[str] = []
    for organization in organizations:
        members = overview.members.get(organization.id, [])
        if not members:
            without.append(organization.name)
            continue
        blocks.append(b.section(f"*{b.escape(organization.name)}*"))
        blocks += [_member_block(tr, organization, member) for member in members]
    if without:
        blocks.append(b.context(tr(t.OVERVIEW_WITHOUT, organizations=b.escape(", ".join(without)))))
    parts = [blocks[i : i + OVERVIEW_BLOCKS] for i in range(0, len(blocks), OVERVIEW_BLOCKS)]
    return [{"text": heading, "blocks": b.blocks_dict(part)} for part in parts]


def waiting_notice(
    tr: Texts, waiting: Sequence[Waiting], organizations: Sequence[OrganizationInfo]
) -> dict[str, Any]:
    """Return the one notice to the coordinators that requests are waiting for them."""
    names = {o.id: o.name for o in organizations}
    lines = [
        tr(
            t.WAITING_LINE,
            user=w.user,
            organization=b.escape(names.get(w.organization_id, w.organization_id)),
        )
        for w in waiting[:WAITING_LINES]
    ]
    if len(waiting) > WAITING_LINES:
        lines.append(tr(t.WAITING_MORE, count=len(waiting) - WAITING_LINES))
    text = tr(t.WAITING_NOTICE, count=len(waiting), lines="\n".join(lines))
    return {"text": text, "blocks": b.blocks_dict([b.section(text)])}
