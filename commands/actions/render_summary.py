"""The status summary's part about actions: planned, done, cancelled, overdue, per organisation.

The follow-up surface renders this part after its own ones (see render_summary there).
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block as SlackBlock

from bot.domain.actions import ActionsPart
from bot.texts import Texts
from bot.texts import actions as t
from commands import blocks as b
from commands.actions.phrases import due

ORGANIZATIONS_SHOWN = 25


def actions_blocks(tr: Texts, part: ActionsPart | None) -> list[SlackBlock]:
    """Return the summary's actions part (nothing when the summary was built without it)."""
    if part is None:
        return []
    lines = [tr(t.SUMMARY_TITLE)]
    if not (part.planned or part.done or part.cancelled or part.open_now):
        lines.append(tr(t.SUMMARY_NONE))
        return [b.section("\n".join(lines))]
    lines.append(
        tr(
            t.SUMMARY_FIGURES,
            planned=part.planned,
            done=part.done,
            cancelled=part.cancelled,
            open=part.open_now,
            overdue=part.overdue,
        )
    )
    if part.by_organization:
        lines.append(tr(t.SUMMARY_BY_ORGANIZATION))
        lines += [
            tr(
                t.SUMMARY_ORG_LINE,
                organization=b.escape(o.name),
                planned=o.planned,
                done=o.done,
                cancelled=o.cancelled,
                overdue=o.overdue,
            )
            for o in part.by_organization[:ORGANIZATIONS_SHOWN]
        ]
    if part.oldest_overdue:
        lines.append(tr(t.SUMMARY_OLDEST))
        lines += [
            tr(
                t.SUMMARY_OLD_LINE,
                id=a.id,
                title=b.escape(b.clip(a.title, 80)),
                organizations=b.escape(a.organizations),
                due=due(tr, a.due_date),
                days=a.days,
            )
            for a in part.oldest_overdue
        ]
    return [b.section(chunk) for chunk in b.chunk_lines(lines)]
