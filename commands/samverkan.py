"""/samverkan: the umbrella command; other surfaces add their subcommands and help lines."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import BotContext
from bot.texts import Msg
from bot.texts import common as c
from bot.texts import samverkan as t
from commands import blocks as b
from commands.blocks import ViewState
from commands.common import bot_of, post_private, resolve_actor
from commands.edge.ids import Block, Callback
from commands.router import Router
from commands.subcommands import Subcommands
from storage import audit
from storage.directory import get_person, remember_person

SUBCOMMANDS = Subcommands()
HELP_LINES: list[Msg] = [t.HELP_ORGANIZATION, t.HELP_AUDIT]


def add_help(line: Msg) -> None:
    """Add a help line for a subcommand registered by another surface."""
    if line not in HELP_LINES:
        HELP_LINES.append(line)


def help_text(bot: BotContext) -> str:
    """Return the umbrella help, listing every registered subcommand."""
    lines = [bot.texts(t.HELP_HEADER, name=bot.config.collaboration.name)]
    lines += [bot.texts(line) for line in [*HELP_LINES, t.HELP_HELP]]
    lines.append(bot.texts(t.HELP_OTHER_COMMANDS))
    return "\n".join(lines)


@SUBCOMMANDS.add("hjälp", "hjalp", "help", "?")
def _help(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    respond(text=help_text(bot), response_type="ephemeral")


AUDIT_LINES = 40


@SUBCOMMANDS.add("logg", "log", "audit")
def _audit(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.is_coordinator:
        respond(
            text=bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS)),
            response_type="ephemeral",
        )
        return
    tz = bot.config.collaboration.tz
    with bot.db.reading() as session:
        lines = [
            bot.texts(
                t.AUDIT_LINE,
                at=entry.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                actor=f"<@{entry.actor}>" if entry.actor[:1] in "UW" else entry.actor,
                action=entry.action,
                subject=b.escape(entry.subject),
            )
            for entry in audit.recent(session, AUDIT_LINES)
        ]
    heading = bot.texts(t.AUDIT_HEADER)
    chunks = b.chunk_lines(lines) or [bot.texts(t.AUDIT_EMPTY)]
    blocks = [b.header(heading), *(b.section(chunk) for chunk in chunks)]
    respond(text=heading, blocks=b.blocks_dict(blocks), response_type="ephemeral")


def organization_modal(bot: BotContext, current: str | None) -> Any:
    """Return the modal where a person chooses their organisation."""
    options = [b.option(o.name, o.id) for o in bot.organizations]
    return b.modal(
        bot.texts(t.ORGANIZATION_TITLE),
        [
            b.section(bot.texts(t.ORGANIZATION_INTRO)),
            b.select_input(
                bot.texts(t.ORGANIZATION_LABEL),
                Block.ORGANIZATION_CHOICE,
                options,
                initial=current,
            ),
        ],
        callback_id=Callback.ORGANIZATION_FORM,
        submit=bot.texts(c.SAVE),
        close=bot.texts(c.CANCEL),
    )


@SUBCOMMANDS.add("organisation", "organization", "org")
def _organization(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    user = command["user_id"]
    actor = resolve_actor(bot, client, user)
    with bot.db.reading() as session:
        person = get_person(session, user)
        source = person.organization_source if person else "none"
    if source == "email" and actor.organization_id:
        respond(
            text=bot.texts(
                t.ORGANIZATION_FROM_EMAIL, organization=bot.organization_name(actor.organization_id)
            ),
            response_type="ephemeral",
        )
        return
    try:
        client.views_open(
            trigger_id=command["trigger_id"], view=organization_modal(bot, actor.organization_id)
        )
    except SlackApiError:
        respond(text=bot.texts(c.TRIGGER_EXPIRED), response_type="ephemeral")


def handle_organization_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Remember the organisation a person chose (only when their e-mail does not tell)."""
    bot = bot_of(context)
    user = body["user"]["id"]
    choice = ViewState(view).selected(Block.ORGANIZATION_CHOICE)
    if choice not in {o.id for o in bot.organizations}:
        ack(response_action="errors", errors={Block.ORGANIZATION_CHOICE: bot.texts(c.CHOOSE_ONE)})
        return
    actor = resolve_actor(bot, client, user)
    with bot.db.transaction() as session:
        person = get_person(session, user)
        if person is not None and person.organization_source == "email" and actor.organization_id:
            ack()
            return
        remember_person(session, user, choice, "choice", bot.clock.now())
        audit.record(
            session,
            actor=user,
            action="organization_chosen",
            subject=f"user:{user}",
            now=bot.clock.now(),
            detail=choice or "",
        )
    ack()
    post_private(
        client,
        None,
        user,
        bot.texts(t.ORGANIZATION_SAVED, organization=bot.organization_name(choice)),
    )


def handle_samverkan(
    ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """Dispatch /samverkan to its subcommand; anything else gets the help."""
    ack()
    bot = bot_of(context)
    text = command.get("text") or ""
    found = SUBCOMMANDS.find(text)
    if found is not None:
        handler, rest = found
        handler(bot, client, command, rest, respond)
        return
    word = b.escape(b.clip(text.strip().partition(" ")[0], 40)).replace("`", "'")
    prefix = bot.texts(t.UNKNOWN_SUBCOMMAND, word=word) + "\n" if word else ""
    respond(text=prefix + help_text(bot), response_type="ephemeral")


def register(routes: Router) -> None:
    """Register the umbrella command."""
    routes.command("/samverkan")(handle_samverkan)
    routes.view(Callback.ORGANIZATION_FORM.value)(handle_organization_submission)
