"""Block Kit of what actions send: the notice to the responsible, reminders, the proposal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block as SlackBlock

from bot.texts import Msg, Texts
from bot.texts import actions as t
from bot.texts import common as c
from commands import blocks as b
from commands.actions import phrases as p
from commands.actions.values import ActionRef
from commands.edge.codec import encode
from commands.edge.ids import Action as ActionId
from commands.edge.ids import Block
from storage.models import Action


def action_buttons(
    tr: Texts,
    action: Action,
    where: str,
    *,
    report: bool = True,
    show: bool = False,
    confirm: bool = False,
    cancel: bool = False,
) -> SlackBlock:
    """Return an action's buttons on one surface (where): report, done, and what else is asked."""
    value = encode(ActionRef(action=action.id))
    buttons = []
    if show:
        buttons.append(b.button(tr(t.BUTTON_SHOW), ActionId.ACTION_SHOW, value))
    if report:
        buttons.append(b.button(tr(t.BUTTON_REPORT), ActionId.ACTION_REPORT, value))
        done = b.confirm(
            tr(t.DONE_CONFIRM_TITLE), tr(t.DONE_CONFIRM_TEXT), tr(t.DONE_CONFIRM_YES), tr(c.CANCEL)
        )
        buttons.append(
            b.button(tr(t.BUTTON_DONE), ActionId.ACTION_DONE, value, style="primary", confirm=done)
        )
    if confirm:
        buttons.append(
            b.button(tr(t.BUTTON_CONFIRM), ActionId.ACTION_CONFIRM, value, style="primary")
        )
        buttons.append(b.button(tr(t.BUTTON_DECLINE), ActionId.ACTION_CANCEL_OPEN, value))
    if cancel:
        buttons.append(
            b.button(tr(t.BUTTON_CANCEL), ActionId.ACTION_CANCEL_OPEN, value, style="danger")
        )
    return b.actions(buttons, block_id=f"{Block.ACTION_BUTTONS}:{where}:{action.id}")


def _params(tr: Texts, action: Action, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": action.id,
        "title": p.title(action),
        "organizations": p.organizations(tr, names, action.organization_ids),
        "due": p.due(tr, action.due_date),
    }


def personal_message(
    tr: Texts,
    action: Action,
    names: dict[str, str],
    msg: Msg,
    fallback: Msg,
    *,
    meeting: str = "",
) -> dict[str, Any]:
    """Return a private message to a responsible person about an action, with its buttons.

    msg is the notice, the reminder or the overdue notice; meeting a phrase naming the
    meeting the action came from (the notice only).
    """
    params = _params(tr, action, names)
    text = tr(msg, **params, meeting=meeting) if "meeting" in msg.fields() else tr(msg, **params)
    blocks = [b.section(text), action_buttons(tr, action, "dm")]
    return {
        "text": tr(fallback, id=action.id, title=p.title(action)),
        "blocks": b.blocks_dict(blocks),
    }


def proposal_message(
    tr: Texts,
    action: Action,
    organization: str,
    *,
    outcome: str | None = None,
) -> dict[str, Any]:
    """Return a partner's proposal in the coordinators' channel; once decided, its outcome."""
    text = tr(
        t.PROPOSAL_MESSAGE,
        id=action.id,
        organization=b.escape(organization),
        user=action.created_by or "",
        title=p.title(action),
        due=p.due(tr, action.due_date),
    )
    blocks: list[SlackBlock] = [b.section(text)]
    if action.description:
        blocks.append(b.context(b.escape(b.clip(action.description, 2000))))
    if outcome is None:
        blocks.append(action_buttons(tr, action, "proposal", report=False, show=True, confirm=True))
    else:
        blocks.append(b.context(outcome))
    fallback = tr(t.PROPOSAL_FALLBACK, id=action.id, title=p.title(action))
    return {"text": fallback, "blocks": b.blocks_dict(blocks)}


def done_lines(
    tr: Texts, actions: Sequence[Action], names: dict[str, str], notes: dict[int, str]
) -> str:
    """List the actions done for a need, each with its last report ("you said, we did")."""
    lines = []
    for action in actions:
        note = notes.get(action.id, "")
        lines.append(
            tr(
                t.DONE_ACTION_LINE,
                id=action.id,
                title=p.title(action),
                organizations=p.organizations(tr, names, action.organization_ids),
                note=tr(t.NOTE_SUFFIX, note=b.escape(b.clip(note, 300))) if note else "",
            )
        )
    return "\n".join(lines)
