"""/samverkan: the umbrella command, with the subcommands and help lines of every surface."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import Msg
from bot.texts import samverkan as t
from commands.edge.ids import Callback
from commands.edge.surface import Subcommand, Subcommands, Surface, form
from commands.samverkan import listeners as on
from commands.samverkan.audit import audit


def surface(subcommands: Sequence[Subcommand], help_lines: Sequence[Msg]) -> Surface:
    """Return /samverkan with its own subcommands and those of the other surfaces.

    The help lists this surface's lines, then help_lines (the other surfaces', in order).
    """
    lines = (t.HELP_ORGANIZATION, t.HELP_AUDIT, *help_lines, t.HELP_HELP)
    table = Subcommands(
        [
            Subcommand(("hjälp", "hjalp", "help", "?"), on.help_handler(lines)),
            Subcommand(("logg", "log", "audit"), audit),
            Subcommand(("organisation", "organization", "org"), on.organization),
            *subcommands,
        ]
    )
    return Surface(
        name="samverkan",
        commands={"/samverkan": on.umbrella(table, lines)},
        forms={Callback.ORGANIZATION_FORM: form(on.handle_organization_submission)},
    )
