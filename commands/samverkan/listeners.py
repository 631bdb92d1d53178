"""/samverkan's own listeners: the help, the audit log, and choosing one's organisation."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts import Msg, Texts
from bot.texts import common as c
from bot.texts import samverkan as t
from commands import blocks as b
from commands.edge.codec import NoValue
from commands.edge.ids import Block, Callback
from commands.edge.interaction import Command, Submission
from commands.edge.surface import CommandHandler, Subcommands
from storage import audit as audit_log
from storage.directory import get_person, remember_person


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


def organization(ix: Command) -> None:
    """Show the person's organisation, or let them choose one when their e-mail does not tell."""
    actor = ix.actor
    with ix.bot.db.reading() as session:
        person = get_person(session, ix.user)
        source = person.organization_source if person else "none"
    if source == "email" and actor.organization_id:
        name = ix.bot.organization_name(actor.organization_id)
        ix.answer(t.ORGANIZATION_FROM_EMAIL, organization=name)
        return
    options = [b.option(o.name, o.id) for o in ix.bot.organizations]
    ix.open_view(
        b.modal(
            ix.text(t.ORGANIZATION_TITLE),
            [
                b.section(ix.text(t.ORGANIZATION_INTRO)),
                b.select_input(
                    ix.text(t.ORGANIZATION_LABEL),
                    Block.ORGANIZATION_CHOICE,
                    options,
                    initial=actor.organization_id,
                ),
            ],
            callback_id=Callback.ORGANIZATION_FORM,
            submit=ix.text(c.SAVE),
            close=ix.text(c.CANCEL),
        )
    )


def handle_organization_submission(ix: Submission[NoValue]) -> None:
    """Remember the organisation a person chose (only when their e-mail does not tell)."""
    choice = ix.form.selected(Block.ORGANIZATION_CHOICE)
    if choice is None or choice not in {o.id for o in ix.bot.organizations}:
        ix.errors({Block.ORGANIZATION_CHOICE: ix.text(c.CHOOSE_ONE)})
        return
    actor = ix.actor
    with ix.bot.db.transaction() as session:
        person = get_person(session, ix.user)
        if person is not None and person.organization_source == "email" and actor.organization_id:
            ix.done()
            return
        now = ix.bot.clock.now()
        before = person.organization_id if person is not None else None
        remember_person(session, ix.user, choice, "choice", now)
        audit_log.record(
            session,
            actor=ix.user,
            action="organization_chosen",
            subject=f"user:{ix.user}",
            now=now,
            detail=choice,
            changes=[("organization", before, choice)],
        )
    ix.done()
    ix.tell(t.ORGANIZATION_SAVED, organization=ix.bot.organization_name(choice))
