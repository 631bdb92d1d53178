"""The status summary's use cases: shown privately, published, queued before an owners' meeting.

The summary goes through the outbox like every scheduled message: its messages are rows with
unique keys, and its charts follow once the first message is posted, as one outbox upload into
that message's thread, drawn at delivery time by the renderer named SUMMARY_CHARTS.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.delivery import Renderer
from bot.domain.access import Actor
from bot.domain.charts import left_out
from bot.domain.charts import summary_charts as draw_charts
from bot.texts import followup as t
from commands.edge.outcome import Done, Refusal
from commands.followup.render_summary import summary_messages
from commands.followup.usecases import only_coordinators
from storage import audit, outbox
from storage.models import Meeting
from storage.outbox import OutboxKey, UploadFile
from storage.summary import build_summary

# The renderer that draws the summary's charts (a Surface's renderers; see summary_charts).
SUMMARY_CHARTS = "summary_charts"


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
        comment=" ".join([bot.texts(t.CHARTS_COMMENT), *left_out(summary, bot.texts)]),
        ref_key=key,
    ):
        keys.append(key.charts())
    return keys


def queue_owners_summary(bot: BotContext, session: Session, meeting: Meeting) -> None:
    """Queue the owners' summary before an owners' meeting (called by the meetings planner).

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


def publish_summary(
    bot: BotContext, session: Session, actor: Actor, clicked: str | None
) -> Done | Refusal:
    """Queue the summary for the owners' channel, charts in its thread (coordinators only).

    clicked is the click's action_ts: Slack's retry of the same click publishes nothing more.
    Publishing is audited.
    """
    if not actor.is_coordinator:
        return only_coordinators(bot.texts_in(actor.language))
    channel = bot.config.channels.owners
    if channel is None:
        return Refusal(t.NO_OWNERS_CHANNEL)
    now = bot.clock.now()
    stamp = (clicked or "").replace(".", "") or str(int(now.timestamp() * 1_000_000))
    key = OutboxKey.published_summary(actor.user_id, stamp)
    keys = queue_summary(bot, session, key=key, channel=channel)
    if not keys:
        return Done([])  # this very click was published already
    audit.record(
        session, actor=actor.user_id, action="summary_published", subject=str(key), now=now
    )
    return Done(keys, t.PUBLISHED, {"channel": channel})


def status_messages(bot: BotContext, session: Session, actor: Actor) -> list[dict[str, Any]]:
    """Return the summary as the actor may see it privately, with the publish button if allowed."""
    summary = build_summary(session, bot.config, bot.texts_in(actor.language), bot.clock.now())
    return summary_messages(
        summary,
        bot.texts_in(actor.language),
        bot.config.collaboration.tz,
        publish_button=actor.is_coordinator and bot.config.channels.owners is not None,
        charts_note=actor.is_coordinator,
    )


def summary_charts(bot: BotContext) -> Renderer:
    """Return the renderer that draws the summary's charts as they stood when it was queued."""

    def draw(row: outbox.Claimed) -> list[UploadFile]:
        """Draw the charts of the summary queued with row (as of the row's created_at)."""
        with bot.db.reading() as session:
            summary = build_summary(session, bot.config, bot.texts, row.created_at)
        return [
            UploadFile(chart.filename, chart.title, chart.alt_text, chart.png)
            for chart in draw_charts(summary, bot.texts, bot.config.collaboration.tz)
        ]

    return draw
