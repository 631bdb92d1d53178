"""Meeting messages that failed for good: told to each coordinator once, and shown in the list."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.texts import Msg, Texts
from bot.texts import meetings as t
from commands.blocks import escape
from commands.meetings.render.messages import alert_message
from commands.meetings.render.phrases import when
from storage import meetings as store
from storage import outbox
from storage.models import Meeting
from storage.outbox import OutboxKey

ALERT_LOOKBACK = timedelta(days=7)


def failure_reason(tr: Texts, error: str, channel: str) -> str:
    """Explain a permanent Slack error in the coordinators' words (in tr's language)."""
    shown = f"<#{channel}>" if channel[:1] in "CG" else f"`{channel}`"
    if error == "channel_not_found":
        return tr(t.ERROR_CHANNEL_NOT_FOUND, channel=shown)
    if error in {"not_in_channel", "user_not_in_channel"}:
        return tr(t.ERROR_NOT_IN_CHANNEL, channel=shown)
    if error in {"is_archived", "channel_is_archived"}:
        return tr(t.ERROR_ARCHIVED, channel=shown)
    return tr(t.ERROR_OTHER, error=error.replace("`", "'"))


def what_failed(key: OutboxKey) -> Msg:
    """Name the kind of meeting message an outbox key stands for."""
    if key.subject != "meeting":
        return t.WHAT_OTHER
    if key.kind == "call":
        return t.WHAT_CALL
    if key.kind == "reminder":
        return t.WHAT_REMINDER
    if key.kind in {"change", "invite", "followup"}:
        return t.WHAT_NOTICE
    return t.WHAT_OTHER


def meeting_of_key(session: Session, key: OutboxKey) -> Meeting | None:
    """Return the meeting an outbox key about a meeting belongs to (None for other keys)."""
    if key.subject != "meeting":
        return None
    return store.get_meeting(session, int(key.id))


def alert_failures(bot: BotContext, session: Session, now: datetime) -> None:
    """Tell each coordinator privately, once, about a meeting message that failed for good."""
    coordinators = bot.config.roles.coordinators
    if not coordinators:
        return
    failed = store.failed_meeting_messages(session, now - ALERT_LOOKBACK)
    if not failed:
        return
    wanted = {
        OutboxKey.alert(about, user): (row, about, user)
        for row in failed
        for about in [OutboxKey.parse(row.key)]
        for user in coordinators
    }
    present = outbox.existing_keys(session, list(wanted))
    tz = bot.config.collaboration.tz
    for key, (row, about, user) in wanted.items():
        if key in present:
            continue
        meeting = meeting_of_key(session, about)
        tr = bot.texts_for(session, user)
        text = tr(
            t.ALERT_DM,
            what=tr(what_failed(about)),
            title=meeting.series.title if meeting else "?",
            when=when(tr, meeting.start, meeting.end, tz) if meeting else "",
            reason=failure_reason(tr, row.last_error or "unknown_error", row.channel),
        )
        outbox.enqueue(
            session,
            key=key,
            kind="meeting_alert",
            channel=user,
            payload=alert_message(tr, text),
            now=now,
        )


def failures_warning(bot: BotContext, session: Session, tr: Texts) -> str | None:
    """Describe the meeting messages that failed for good this week (for the list), if any."""
    failed = store.failed_meeting_messages(session, bot.clock.now() - ALERT_LOOKBACK)
    if not failed:
        return None
    latest = failed[0]
    latest_key = OutboxKey.parse(latest.key)
    meeting = meeting_of_key(session, latest_key)
    return tr(
        t.FAILURES,
        count=len(failed),
        what=what_failed(latest_key),
        title=escape(meeting.series.title) if meeting else "?",
        reason=failure_reason(tr, latest.last_error or "unknown_error", latest.channel),
    )
