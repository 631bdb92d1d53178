"""/samverkan: the umbrella command, with the subcommands and help lines of every surface."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import Msg
from bot.texts import samverkan as t
from commands.edge import words as w
from commands.edge.ids import Action, Callback, Field
from commands.edge.suggestions import suggest_organizations
from commands.edge.surface import Subcommand, Subcommands, Surface, click, form
from commands.samverkan import listeners as on
from commands.samverkan import membership
from commands.samverkan.audit import audit
from commands.samverkan.usecases import plan_waiting_requests
from commands.samverkan.values import MemberRef, RequestRef


def surface(subcommands: Sequence[Subcommand], help_lines: Sequence[Msg]) -> Surface:
    """Return /samverkan with its own subcommands and those of the other surfaces.

    The help lists this surface's lines, then help_lines (the other surfaces', in order).
    """
    lines = (t.HELP_ORGANIZATION, t.HELP_AUDIT, *help_lines, t.HELP_HELP)
    table = Subcommands(
        [
            Subcommand(w.HELP, on.help_handler(lines)),
            Subcommand(w.AUDIT, audit),
            Subcommand(w.ORGANIZATION, membership.organization),
            *subcommands,
        ]
    )
    return Surface(
        name="samverkan",
        commands={"/samverkan": on.umbrella(table, lines)},
        clicks={
            Action.ORGANIZATION_APPROVE: click(membership.handle_approve, RequestRef),
            Action.ORGANIZATION_DECLINE: click(membership.handle_decline, RequestRef),
            Action.ORGANIZATION_REVOKE: click(membership.handle_revoke, MemberRef),
        },
        forms={Callback.ORGANIZATION_FORM: form(membership.handle_organization_submission)},
        planners=(plan_waiting_requests,),
        suggestions={
            Field.ORGANIZATION_CHOICE: suggest_organizations(membership.organizations_offered)
        },
    )
