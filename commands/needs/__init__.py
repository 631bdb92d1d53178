"""The needs register (/behov): partners' needs, their statuses, the channel cards."""

from __future__ import annotations

from commands.edge.ids import Action, Callback, Field
from commands.edge.suggestions import suggest_organizations
from commands.edge.surface import Surface, click, form
from commands.needs import listeners as on
from commands.needs.home import needs_section
from commands.needs.values import ListScope, NeedAt, NeedMove, NeedRef

SURFACE = Surface(
    name="needs",
    commands={"/behov": on.handle_behov},
    clicks={
        Action.NEED_MOVE: click(on.handle_move, NeedMove),
        Action.NEED_DECLINE: click(on.handle_decline_button, NeedAt),
        Action.NEED_EDIT: click(on.handle_edit_button, NeedRef),
        Action.NEED_WITHDRAW: click(on.handle_withdraw, NeedAt),
        Action.NEED_LIST_FILTER: click(on.handle_list_filter, ListScope),
        Action.HOME_NEW_NEED: click(on.handle_new_need),
    },
    forms={
        Callback.NEED_FORM: form(on.handle_need_submission),
        Callback.NEED_EDIT: form(on.handle_edit_submission, NeedRef),
        Callback.NEED_DECLINE: form(on.handle_decline_submission, NeedAt),
    },
    suggestions={
        Field.NEED_ORGANIZATION: suggest_organizations(on.organizations_offered),
        Field.NEED_MUNICIPALITIES: suggest_organizations(on.municipalities_offered),
    },
    home_sections=(needs_section,),
)
