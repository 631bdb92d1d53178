"""The follow-up: /samverkan status, indikator and export, the owners' summary and its charts.

The owners' summary before each owners' meeting is queued by the meetings planner, which the
composition root hands `queue_owners_summary`.
"""

from __future__ import annotations

from bot.texts import followup as t
from commands.edge import words as w
from commands.edge.ids import Action, Callback
from commands.edge.surface import Subcommand, Surface, click, form
from commands.followup import listeners as on
from commands.followup.home import coordinator_section, owner_section
from commands.followup.summary import SUMMARY_CHARTS, queue_owners_summary, summary_charts
from commands.followup.values import ValueForm, ValueRef

__all__ = ["SURFACE", "queue_owners_summary"]

SURFACE = Surface(
    name="followup",
    clicks={
        Action.SUMMARY_PUBLISH: click(on.handle_publish),
        Action.HOME_STATUS: click(on.show_status),
        Action.HOME_EXPORT: click(on.export),
        Action.INDICATOR_CORRECT: click(on.handle_correct, ValueRef),
        Action.INDICATOR_OPEN_FORM: click(on.open_value_form),
        Action.INDICATOR_OPEN_NEW: click(on.open_indicator_form),
    },
    forms={
        Callback.INDICATOR_VALUE: form(on.handle_value_submission, ValueForm),
        Callback.INDICATOR_NEW: form(on.handle_indicator_submission),
    },
    umbrella=(
        Subcommand(w.STATUS, on.show_status),
        Subcommand(w.INDICATOR, on.indicator),
        Subcommand(w.EXPORT, on.export),
    ),
    home_sections=(coordinator_section, owner_section),
    help_lines=(t.HELP_STATUS, t.HELP_INDICATOR, t.HELP_EXPORT),
    renderers={SUMMARY_CHARTS: summary_charts},
)
