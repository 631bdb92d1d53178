"""/samverkan's own listeners: the help and the audit log (organisations: membership.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.interaction import Command
from commands.edge.surface import CommandHandler, Subcommands
from storage import audit as audit_log

AUDIT_LINES = 40


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


def audit(ix: Command) -> None:
    """Show the latest entries of the audit log (coordinators only)."""
    if not ix.actor.is_coordinator:
        ix.answer(c.NOT_ALLOWED, who=ix.text(c.WHO_COORDINATORS))
        return
    tz = ix.bot.config.collaboration.tz
    with ix.bot.db.reading() as session:
        lines = [
            ix.text(
                t.AUDIT_LINE,
                at=entry.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                actor=f"<@{entry.actor}>" if entry.actor[:1] in "UW" else entry.actor,
                action=entry.action,
                subject=b.escape(entry.subject),
            )
            for entry in audit_log.recent(session, AUDIT_LINES)
        ]
    heading = ix.text(t.AUDIT_HEADER)
    chunks = b.chunk_lines(lines) or [ix.text(t.AUDIT_EMPTY)]
    blocks = [b.header(heading), *(b.section(chunk) for chunk in chunks)]
    ix.respond(text=heading, blocks=b.blocks_dict(blocks))
