"""The follow-up: /samverkan status, indikator and export, the owners' summary and its charts.

The owners' summary goes through the outbox like every scheduled message: its messages
are rows with unique keys, and its charts follow once the first message is posted, as
one outbox upload into that message's thread, drawn by the renderer registered under
SUMMARY_CHARTS when it is first sent. The export goes as an outbox upload too.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import Block as SlackBlock
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.delivery import Renderer
from bot.domain.access import Actor
from bot.domain.export import xlsx_bytes
from bot.domain.indicators import (
    COUNTY,
    IndicatorDef,
    IndicatorInput,
    ValueInput,
    format_number,
    validate_indicator,
    validate_value,
)
from bot.domain.needs import NeedStatus
from bot.texts import common as c
from bot.texts import followup as t
from commands import blocks as b
from commands.blocks import ViewState
from commands.common import bot_of, inline_errors, post_private, resolve_actor
from commands.edge.ids import INDICATOR_FIELD_BLOCKS, Action, Block, Callback
from commands.edge.legacy import SECTIONS, SUBCOMMANDS, add_help
from commands.render.followup import (
    ValueFormData,
    describe_value,
    indicator_form,
    summary_messages,
    value_form,
    value_list,
)
from commands.router import Router
from storage import audit, outbox
from storage.db import DatabaseUnavailable
from storage.indicators import add_indicator, all_indicators, latest_values, record_value
from storage.models import IndicatorValue, Meeting, Need
from storage.outbox import OutboxKey, UploadFile
from storage.summary import build_summary, export_sheets, meetings_without_call

log = logging.getLogger(__name__)

PRIVATE_PARTS_MAX = 4
# The renderer that draws the summary's charts (Deliverer's renderers; see renderers()).
SUMMARY_CHARTS = "summary_charts"
STAMP_DIGITS = 40


# ------------------------------------------------------------------------------ the summary


def queue_summary(
    bot: BotContext,
    session: Session,
    *,
    key: OutboxKey,
    channel: str,
    expires_at: datetime | None = None,
) -> list[OutboxKey]:
    """Queue the summary (one or more messages) and its charts under key; once per key.

    Return the outbox keys queued now, the charts last (none when key was queued before).
    The charts are drawn by the deliverer, after the first message is posted, as of now.
    """
    if outbox.status_of(session, key) is not None:
        return []
    now = bot.clock.now()
    summary = build_summary(session, bot.config, bot.texts, now)
    messages = summary_messages(summary, bot.texts, bot.config.collaboration.tz)
    keys: list[OutboxKey] = []
    for number, payload in enumerate(messages, start=1):
        part_key = key if number == 1 else key.part(number)
        if outbox.enqueue(
            session,
            key=part_key,
            kind="owners_summary",
            channel=channel,
            payload=payload,
            now=now,
            expires_at=expires_at,
        ):
            keys.append(part_key)
    if outbox.enqueue_upload(
        session,
        key=key.charts(),
        kind="owners_summary_charts",
        channel=channel,
        now=now,
        renderer=SUMMARY_CHARTS,
        comment=bot.texts(t.CHARTS_COMMENT),
        ref_key=key,
    ):
        keys.append(key.charts())
    return keys


def queue_owners_summary(bot: BotContext, session: Session, meeting: Meeting) -> None:
    """Queue the owners' summary before an owners' meeting (a meetings planner hook).

    The meetings planner calls this every tick once the meeting is within its series'
    summary_before; the key OutboxKey.meeting_summary makes it happen once. A summary that
    could not be posted before the meeting starts is not posted at all.
    """
    channel = bot.config.channels.owners
    if channel is None:
        return
    queue_summary(
        bot,
        session,
        key=OutboxKey.meeting_summary(meeting.id),
        channel=channel,
        expires_at=meeting.start,
    )


def summary_charts(bot: BotContext) -> Renderer:
    """Return the renderer that draws the summary's charts as they stood when it was queued."""

    def draw(row: outbox.Claimed) -> list[UploadFile]:
        """Draw the charts of the summary queued with row (as of the row's created_at)."""
        from bot.domain.charts import summary_charts  # matplotlib loads only to draw charts

        with bot.db.reading() as session:
            summary = build_summary(session, bot.config, bot.texts, row.created_at)
        return [
            UploadFile(chart.filename, chart.title, chart.alt_text, chart.png)
            for chart in summary_charts(summary, bot.texts)
        ]

    return draw


# ----------------------------------------------------------------------------- /samverkan status


def _answer_parts(respond: Respond, messages: list[dict[str, Any]]) -> None:
    """Answer privately with each part of a message (response_url allows five)."""
    for message in messages[:PRIVATE_PARTS_MAX]:
        respond(response_type="ephemeral", replace_original=False, **message)


def status_messages(bot: BotContext, actor: Actor) -> list[dict[str, Any]]:
    """Return the summary as the actor may see it privately, with the publish button if allowed."""
    with bot.db.reading() as session:
        summary = build_summary(session, bot.config, bot.texts, bot.clock.now())
    return summary_messages(
        summary,
        bot.texts,
        bot.config.collaboration.tz,
        publish_button=actor.is_coordinator and bot.config.channels.owners is not None,
        charts_note=actor.is_coordinator,
    )


@SUBCOMMANDS.add("status", "statusrapport", "rapport")
def _status(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Show the status summary privately to anyone in the collaboration."""
    actor = resolve_actor(bot, client, command["user_id"])
    if not actor.in_collaboration:
        respond(text=bot.texts(c.NO_ORGANIZATION), response_type="ephemeral")
        return
    _answer_parts(respond, status_messages(bot, actor))


def _tell(client: WebClient, body: dict[str, Any], text: str) -> None:
    """Tell the person who clicked something privately."""
    channel = (body.get("channel") or {}).get("id")
    post_private(client, channel, body["user"]["id"], text)


def handle_publish(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Publish the summary to the owners' channel (coordinators only), charts in its thread."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not actor.is_coordinator:
        _tell(client, body, bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS)))
        return
    channel = bot.config.channels.owners
    if channel is None:
        _tell(client, body, bot.texts(t.NO_OWNERS_CHANNEL))
        return
    clicked = re.sub(r"[^0-9]", "", str(action.get("action_ts") or ""))[:STAMP_DIGITS]
    stamp = clicked or str(int(bot.clock.now().timestamp() * 1_000_000))
    key = OutboxKey.published_summary(user, stamp)
    with bot.db.transaction() as session:
        keys = queue_summary(bot, session, key=key, channel=channel)
        if keys:
            audit.record(
                session,
                actor=user,
                action="summary_published",
                subject=str(key),
                now=bot.clock.now(),
            )
    if not keys:
        return
    bot.deliver(keys)
    _tell(client, body, bot.texts(t.PUBLISHED, channel=channel))


# -------------------------------------------------------------------------- /samverkan indikator


def _catalogue(bot: BotContext) -> list[IndicatorDef]:
    """Return every indicator: the plan's and the coordinators' own."""
    with bot.db.reading() as session:
        return all_indicators(session)


def _place_names(bot: BotContext) -> dict[str, str]:
    """Return the names of the places a value can be for."""
    return {COUNTY: bot.texts(t.PLACE_COUNTY)} | {m.id: m.name for m in bot.municipalities()}


def open_value_form(bot: BotContext, client: WebClient, trigger_id: str, on_error: Any) -> None:
    """Open the form that records an indicator value."""
    data = ValueFormData(_catalogue(bot), bot.municipalities())
    try:
        client.views_open(trigger_id=trigger_id, view=value_form(bot.texts, data))
    except SlackApiError as exc:
        log.warning("views.open failed: %s", exc.response.get("error"))
        on_error(bot.texts(c.TRIGGER_EXPIRED))


def _not_coordinator(bot: BotContext) -> str:
    """Return the refusal for what only coordinators may do."""
    return bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS))


def list_values(bot: BotContext, actor: Actor) -> dict[str, Any]:
    """Return the list of the latest indicator values, with correct buttons for coordinators."""
    with bot.db.reading() as session:
        page = latest_values(session)
        catalogue = {i.id: i for i in all_indicators(session)}
    return value_list(
        bot.texts,
        page.values,
        page.replaced,
        page.more,
        catalogue,
        _place_names(bot),
        bot.config.collaboration.tz,
        can_correct=actor.is_coordinator,
    )


@SUBCOMMANDS.add("indikator", "indikatorer", "indicator", "indicators")
def _indicator(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Handle /samverkan indikator [lista|ny|hjälp]."""
    actor = resolve_actor(bot, client, command["user_id"])
    word = rest.strip().casefold()

    def say(text: str) -> None:
        """Answer privately."""
        respond(text=text, response_type="ephemeral")

    if word in {"hjälp", "hjalp", "help", "?"}:
        say(bot.texts(t.HELP_INDICATOR))
        return
    if word in {"lista", "list", "visa", "historik"}:
        if not actor.in_collaboration:
            say(bot.texts(c.NO_ORGANIZATION))
            return
        respond(response_type="ephemeral", **list_values(bot, actor))
        return
    if not actor.is_coordinator:
        say(_not_coordinator(bot))
        return
    if word in {"ny", "new", "lägg till", "lagg till"}:
        try:
            client.views_open(trigger_id=command["trigger_id"], view=indicator_form(bot.texts))
        except SlackApiError:
            say(bot.texts(c.TRIGGER_EXPIRED))
        return
    if word:
        say(bot.texts(t.HELP_INDICATOR))
        return
    open_value_form(bot, client, command["trigger_id"], say)


def _value_input(view: dict[str, Any], seen: IndicatorValue | None) -> ValueInput:
    """Read the value form; a correction keeps the indicator, place and period it had."""
    state = ViewState(view)
    return ValueInput(
        indicator_id=seen.indicator_id
        if seen
        else state.selected(Block.INDICATOR_CHOICE),
        place=seen.place if seen else state.selected(Block.INDICATOR_PLACE),
        period=seen.period_label
        if seen
        else state.text(Block.INDICATOR_PERIOD),
        value=state.text(Block.INDICATOR_AMOUNT),
        source=state.text(Block.INDICATOR_SOURCE),
        note=state.text(Block.INDICATOR_NOTE),
    )


def handle_value_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Record (or correct) an indicator value, or show the form's errors inline."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not actor.is_coordinator:
        ack()
        post_private(client, None, user, _not_coordinator(bot))
        return
    correcting = json.loads(view.get("private_metadata") or "{}").get("correcting")
    seen: IndicatorValue | None = None
    if correcting is not None:
        with bot.db.reading() as session:
            seen = session.get(IndicatorValue, int(correcting))
        if seen is None:
            ack(response_action="errors", errors={Block.INDICATOR_AMOUNT: bot.texts(t.VALUE_GONE)})
            return
    catalogue = {i.id: i for i in _catalogue(bot)}
    check = validate_value(
        _value_input(view, seen), indicators=catalogue, places=set(_place_names(bot))
    )
    if check.draft is None:
        blocks = dict(INDICATOR_FIELD_BLOCKS)
        if seen is not None:
            blocks |= dict.fromkeys(("indicator", "place", "period"), Block.INDICATOR_AMOUNT)
        ack(response_action="errors", errors=inline_errors(bot, check.errors, blocks))
        return
    draft = check.draft
    try:
        with bot.db.transaction() as session:
            recorded = record_value(
                session,
                draft,
                actor=user,
                now=bot.clock.now(),
                source_key=f"view:{view.get('id')}",
                correcting=seen.id if seen is not None else None,
            )
            if recorded.value is not None and not recorded.unchanged:
                audit.record(
                    session,
                    actor=user,
                    action="indicator_corrected" if recorded.replaced else "indicator_recorded",
                    subject=f"indicator_value:{recorded.value.id}",
                    now=bot.clock.now(),
                    detail=f"{draft.indicator_id} {draft.place} {draft.period.label}",
                )
    except IntegrityError:
        recorded = None
    except DatabaseUnavailable:
        ack(response_action="errors", errors={Block.INDICATOR_AMOUNT: bot.texts(c.DATABASE_DOWN)})
        return
    if recorded is None or recorded.stale:
        ack(response_action="errors", errors={Block.INDICATOR_AMOUNT: bot.texts(t.VALUE_GONE)})
        return
    ack()
    indicator = catalogue[draft.indicator_id]
    tr = bot.texts
    params = {
        "indicator": b.escape(indicator.label(tr)),
        "place": b.escape(_place_names(bot).get(draft.place, draft.place)),
        "period": draft.period.label,
        "value": format_number(draft.value, tr.language),
        "unit": b.escape(indicator.unit_label(tr)),
    }
    if recorded.unchanged:
        text = tr(t.VALUE_UNCHANGED, value=params["value"], unit=params["unit"])
    elif recorded.replaced is not None:
        old = describe_value(tr, recorded.replaced, bot.config.collaboration.tz)
        text = tr(t.VALUE_REPLACED, old=old, **params)
    else:
        text = tr(t.VALUE_SAVED, **params)
    post_private(client, None, user, text)


def handle_indicator_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Add a coordinator's own indicator, or show the form's errors inline."""
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not actor.is_coordinator:
        ack()
        post_private(client, None, user, _not_coordinator(bot))
        return
    state = ViewState(view)
    data = IndicatorInput(
        name=state.text(Block.INDICATOR_NAME),
        unit=state.text(Block.INDICATOR_UNIT),
        direction=state.selected(Block.INDICATOR_DIRECTION),
    )
    check = validate_indicator(data, existing=_catalogue(bot), tr=bot.texts)
    if check.indicator is None:
        ack(
            response_action="errors",
            errors=inline_errors(bot, check.errors, INDICATOR_FIELD_BLOCKS),
        )
        return
    indicator = check.indicator
    try:
        with bot.db.transaction() as session:
            added = add_indicator(session, indicator, actor=user, now=bot.clock.now())
            if added:
                audit.record(
                    session,
                    actor=user,
                    action="indicator_added",
                    subject=f"indicator:{indicator.id}",
                    now=bot.clock.now(),
                )
    except IntegrityError:
        added = False
    if not added:
        ack(
            response_action="errors",
            errors={Block.INDICATOR_NAME: bot.texts(t.INDICATOR_EXISTS)},
        )
        return
    ack()
    tr = bot.texts
    post_private(
        client,
        None,
        user,
        tr(
            t.INDICATOR_SAVED,
            name=b.escape(indicator.label(tr)),
            unit=b.escape(indicator.unit_label(tr)),
        ),
    )


def handle_correct_button(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the correction form of a value (coordinators only)."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not actor.is_coordinator:
        _tell(client, body, _not_coordinator(bot))
        return
    try:
        value_id = int(action.get("value") or 0)
    except ValueError:
        return
    with bot.db.reading() as session:
        row = session.get(IndicatorValue, value_id)
        catalogue = {i.id: i for i in all_indicators(session)}
    if row is None or row.replaced_at is not None:
        _tell(client, body, bot.texts(t.VALUE_GONE))
        return
    tr = bot.texts
    indicator = catalogue.get(row.indicator_id)
    intro = tr(
        t.CORRECT_FORM_INTRO,
        indicator=b.escape(indicator.label(tr) if indicator else row.indicator_id),
        place=b.escape(_place_names(bot).get(row.place, row.place)),
        period=row.period_label,
        value=format_number(row.value, tr.language),
        source=b.escape(row.source),
    )
    data = ValueFormData(
        list(catalogue.values()),
        bot.municipalities(),
        value=format_number(row.value, tr.language),
        source=row.source,
        note=row.note or None,
    )
    try:
        client.views_open(
            trigger_id=body["trigger_id"],
            view=value_form(tr, data, correcting=row, intro=intro),
        )
    except SlackApiError:
        _tell(client, body, tr(c.TRIGGER_EXPIRED))


def handle_open_value_form(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the value form from a button (coordinators only)."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not actor.is_coordinator:
        _tell(client, body, _not_coordinator(bot))
        return
    open_value_form(bot, client, body["trigger_id"], lambda text: _tell(client, body, text))


def handle_open_indicator_form(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Open the new-indicator form from a button (coordinators only)."""
    ack()
    bot = bot_of(context)
    actor = resolve_actor(bot, client, body["user"]["id"])
    if not actor.is_coordinator:
        _tell(client, body, _not_coordinator(bot))
        return
    try:
        client.views_open(trigger_id=body["trigger_id"], view=indicator_form(bot.texts))
    except SlackApiError:
        _tell(client, body, bot.texts(c.TRIGGER_EXPIRED))


# ---------------------------------------------------------------------------- /samverkan export


def may_export(actor: Actor) -> bool:
    """Tell whether the actor may take out the export (coordinators and owners)."""
    return actor.is_coordinator or actor.is_owner


def export_file(bot: BotContext) -> tuple[bytes, str]:
    """Return the Excel workbook and its file name."""
    now = bot.clock.now()
    with bot.db.reading() as session:
        data = xlsx_bytes(export_sheets(session, bot.config, bot.texts, now))
    stamp = now.astimezone(bot.config.collaboration.tz).strftime("%Y-%m-%d")
    return data, f"samverkan-export-{stamp}.xlsx"


def send_export(bot: BotContext, user: str) -> None:
    """Queue the export as a private upload to the person's direct message, and send it.

    The audit log records every export taken out, in the same transaction; a Slack failure
    is retried by the outbox.
    """
    data, filename = export_file(bot)
    tr = bot.texts
    date = filename.removeprefix("samverkan-export-").removesuffix(".xlsx")
    key = OutboxKey.export(user)
    with bot.db.transaction() as session:
        now = bot.clock.now()
        audit.record(session, actor=user, action="export", subject=filename, now=now)
        outbox.enqueue_upload(
            session,
            key=key,
            kind="export",
            channel=user,
            now=now,
            files=[UploadFile(filename, filename, "", data)],
            comment=tr(t.EXPORT_DONE, name=bot.config.collaboration.name, date=date),
        )
    bot.deliver([key])


@SUBCOMMANDS.add("export", "exportera")
def _export(
    bot: BotContext, client: WebClient, command: dict[str, Any], rest: str, respond: Respond
) -> None:
    """Send the export privately to a coordinator or owner; refuse others politely."""
    actor = resolve_actor(bot, client, command["user_id"])
    if not may_export(actor):
        respond(
            text=bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS_AND_OWNERS)),
            response_type="ephemeral",
        )
        return
    respond(text=bot.texts(t.EXPORT_WORKING), response_type="ephemeral")
    send_export(bot, actor.user_id)


# ------------------------------------------------------------------------------------ App Home


def handle_home_status(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Send the status summary privately, from the Home tab, to anyone in the collaboration."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not actor.in_collaboration:
        post_private(client, None, user, bot.texts(c.NO_ORGANIZATION))
        return
    for message in status_messages(bot, actor)[:PRIVATE_PARTS_MAX]:
        client.chat_postMessage(channel=user, **message)


def handle_home_export(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Send the export from the Home tab (coordinators and owners only)."""
    ack()
    bot = bot_of(context)
    user = body["user"]["id"]
    actor = resolve_actor(bot, client, user)
    if not may_export(actor):
        post_private(
            client,
            None,
            user,
            bot.texts(c.NOT_ALLOWED, who=bot.texts(c.WHO_COORDINATORS_AND_OWNERS)),
        )
        return
    send_export(bot, user)


def _meetings_without_call(bot: BotContext, session: Session) -> list[str]:
    """Return the coming working-group meetings whose call is due but not sent."""
    tz = bot.config.collaboration.tz
    return [
        b.escape(f"{start.astimezone(tz).strftime('%Y-%m-%d')} {title}")
        for start, title in meetings_without_call(session, bot.clock.now())
    ]


def coordinator_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the coordinators' Home section: what needs them, with buttons to the forms."""
    if not actor.is_coordinator:
        return []
    tr = bot.texts
    with bot.db.reading() as session:
        new_needs = session.scalar(
            select(func.count()).select_from(Need).where(Need.status == NeedStatus.NEW.value)
        )
        no_call = _meetings_without_call(bot, session)
        failed = outbox.count_by_status(session).get(outbox.FAILED, 0)
    lines = [tr(t.HOME_TODO)]
    if new_needs:
        lines.append(tr(t.HOME_TODO_NEW_NEEDS, count=new_needs))
    if no_call:
        lines.append(tr(t.HOME_TODO_NO_CALL, count=len(no_call), meetings=", ".join(no_call[:5])))
    if failed:
        lines.append(tr(t.HOME_TODO_FAILED, count=failed))
    if len(lines) == 1:
        lines.append(tr(t.HOME_TODO_NOTHING))
    return [
        b.divider(),
        b.section("\n".join(lines)),
        b.actions(
            [
                b.button(tr(t.BUTTON_STATUS), Action.HOME_STATUS),
                b.button(tr(t.BUTTON_NEW_VALUE), Action.INDICATOR_OPEN_FORM),
                b.button(tr(t.BUTTON_EXPORT), Action.HOME_EXPORT),
            ],
            block_id=Block.FOLLOWUP_HOME,
        ),
    ]


def owner_section(bot: BotContext, actor: Actor) -> list[SlackBlock]:
    """Return the owners' Home section: the summary and the export (coordinators have theirs)."""
    if not actor.is_owner or actor.is_coordinator:
        return []
    tr = bot.texts
    return [
        b.divider(),
        b.section(tr(t.HOME_FOLLOWUP)),
        b.actions(
            [
                b.button(tr(t.BUTTON_STATUS), Action.HOME_STATUS),
                b.button(tr(t.BUTTON_EXPORT), Action.HOME_EXPORT),
            ],
            block_id=Block.FOLLOWUP_HOME,
        ),
    ]


def register(routes: Router) -> None:
    """Register the follow-up's subcommands, listeners, Home sections and the summary hook."""
    add_help(t.HELP_STATUS)
    add_help(t.HELP_INDICATOR)
    add_help(t.HELP_EXPORT)
    routes.action(Action.SUMMARY_PUBLISH.value)(handle_publish)
    routes.action(Action.INDICATOR_CORRECT.value)(handle_correct_button)
    routes.action(Action.INDICATOR_OPEN_FORM.value)(handle_open_value_form)
    routes.action(Action.INDICATOR_OPEN_NEW.value)(handle_open_indicator_form)
    routes.action(Action.HOME_STATUS.value)(handle_home_status)
    routes.action(Action.HOME_EXPORT.value)(handle_home_export)
    routes.view(Callback.INDICATOR_VALUE.value)(handle_value_submission)
    routes.view(Callback.INDICATOR_NEW.value)(handle_indicator_submission)
    for section in (coordinator_section, owner_section):
        if section not in SECTIONS:
            SECTIONS.append(section)
