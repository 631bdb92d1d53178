"""Every action, block and callback id the bot uses, in one place.

Ids are unique across the whole app: Bolt routes by them, and a test or the shell
presses a button by its id. A block id that carries data appends it after a colon.
"""

from __future__ import annotations

from enum import StrEnum


class Callback(StrEnum):
    """Callback ids of modals."""

    NEED_FORM = "need_form"
    NEED_EDIT = "need_edit"
    NEED_DECLINE = "need_decline"
    ORGANIZATION_FORM = "organization_form"
    # meetings (issue 3)
    # trainings (issue 4)
    # follow-up (issue 5)


class Block(StrEnum):
    """Block ids of inputs and of blocks the bot finds again."""

    NEED_ORGANIZATION = "need_organization"
    NEED_TITLE = "need_title"
    NEED_DESCRIPTION = "need_description"
    NEED_FOCUS = "need_focus"
    NEED_SCOPE = "need_scope"
    NEED_MUNICIPALITIES = "need_municipalities"
    NEED_URGENCY = "need_urgency"
    NEED_SUPPORT = "need_support"
    NEED_CONFIRM_CONTACT = "need_confirm_contact"
    NEED_REASON = "need_reason"
    NEED_ACTIONS = "need_actions"
    ORGANIZATION_CHOICE = "organization_choice"
    # meetings (issue 3)
    # trainings (issue 4)
    # follow-up (issue 5)


class Action(StrEnum):
    """Action ids of buttons, selects and inputs."""

    NEED_ORGANIZATION = "need_organization"
    NEED_TITLE = "need_title"
    NEED_DESCRIPTION = "need_description"
    NEED_FOCUS = "need_focus"
    NEED_SCOPE = "need_scope"
    NEED_MUNICIPALITIES = "need_municipalities"
    NEED_URGENCY = "need_urgency"
    NEED_SUPPORT = "need_support"
    NEED_CONFIRM_CONTACT = "need_confirm_contact"
    NEED_REASON = "need_reason"
    NEED_MOVE = "need_move"
    NEED_DECLINE = "need_decline"
    NEED_EDIT = "need_edit"
    NEED_WITHDRAW = "need_withdraw"
    NEED_LIST_FILTER = "need_list_filter"
    ORGANIZATION_CHOICE = "organization_choice"
    HOME_NEW_NEED = "home_new_need"
    # meetings (issue 3)
    # trainings (issue 4)
    # follow-up (issue 5)


# Form fields: the form's field name (as domain validation names it) -> its block id.
NEED_FIELD_BLOCKS: dict[str, Block] = {
    "organization": Block.NEED_ORGANIZATION,
    "title": Block.NEED_TITLE,
    "description": Block.NEED_DESCRIPTION,
    "focus_area": Block.NEED_FOCUS,
    "scope": Block.NEED_SCOPE,
    "municipalities": Block.NEED_MUNICIPALITIES,
    "urgency": Block.NEED_URGENCY,
    "support": Block.NEED_SUPPORT,
    "reason": Block.NEED_REASON,
}
