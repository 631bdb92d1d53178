"""/samverkan's own listeners: the help and the audit log (organisations: membership.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import Msg, Texts
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.interaction import Command
from commands.edge.surface import CommandHandler, Subcommands


def help_text(texts: Texts, name: str, lines: Sequence[Msg]) -> str:
    """Return the umbrella help: every subcommand's line, then the other commands."""
    shown = [texts(t.HELP_HEADER, name=name), *(texts(line) for line in lines)]
    shown.append(texts(t.HELP_OTHER_COMMANDS))
    return "\n".join(shown)


def help_handler(lines: Sequence[Msg]) -> CommandHandler:
    """Return the handler of /samverkan hjälp, listing lines."""

    def show_help(ix: Command) -> None:
        ix.respond(text=help_text(ix.texts, ix.bot.config.collaboration.name, lines))

    return show_help


def umbrella(table: Subcommands, lines: Sequence[Msg]) -> CommandHandler:
    """Return the /samverkan handler: a subcommand by its first word, else the help."""

    def handle_samverkan(ix: Command) -> None:
        found = table.find(ix.args)
        if found is not None:
            handler, rest = found
            ix.args = rest
            handler(ix)
            return
        word = b.escape(b.clip(ix.args.partition(" ")[0], 40)).replace("`", "'")
        prefix = ix.text(t.UNKNOWN_SUBCOMMAND, word=word) + "\n" if word else ""
        name = ix.bot.config.collaboration.name
        ix.respond(text=prefix + help_text(ix.texts, name, lines))

    return handle_samverkan


