"""What of an evaluation's results may be shown: its current view, the view's figures and texts.

Every place that shows an evaluation's results (the results message and chart, the closing
notices) reads them here, from the view released last, never from the answers as they
stand (bot/domain/anonymity.py); only the count of answers is read live.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.context import BotContext
from bot.domain.survey_stats import Pair, SurveyStats, summarize
from storage import answers as answer_store
from storage.models import Training

Shuffle = Callable[[list[str]], None]
_RANDOM = random.SystemRandom()


@dataclass(frozen=True)
class ShownResults:
    """One evaluation's results as they may be shown now.

    answers: the answers stored now (a count tells nothing of what anyone answered);
    stats: the figures of the current view (shown False when there is none to show);
    used, missing: the view's non-empty free texts, in random order ([] when not shown);
    view_on, interim: the day the view was released and whether it was an interim one;
    changed: answers new or changed since the view; may_release: whether they may be shown.
    """

    answers: int
    stats: SurveyStats
    used: list[str]
    missing: list[str]
    view_on: date | None
    interim: bool
    changed: int
    may_release: bool

    @property
    def held_back(self) -> int:
        """Return how many answers stored now are not in the view shown (0 without a view)."""
        return self.changed if self.view_on is not None else 0


def shown_results(
    bot: BotContext, session: Session, training: Training, *, shuffle: Shuffle | None = None
) -> ShownResults:
    """Return what of a training's results may be shown now, the free texts shuffled.

    shuffle puts a list in random order in place (a system random source by default).
    """
    minimum = bot.config.evaluations.min_answers
    status = answer_store.view_status(session, training.id, minimum)
    held = answer_store.view_answers(status.view)
    stats = summarize(
        [Pair(a.before, a.after) for a in held],
        expected=training.expected_participants,
        min_answers=minimum,
    )
    used = [a.will_use for a in held if a.will_use] if stats.shown else []
    missing = [a.was_missing for a in held if a.was_missing] if stats.shown else []
    for texts in (used, missing):
        (shuffle or _RANDOM.shuffle)(texts)
    view = status.view
    return ShownResults(
        answers=status.answers,
        stats=stats,
        used=used,
        missing=missing,
        view_on=view.shown_on if view is not None else None,
        interim=view is not None and view.kind == answer_store.ViewKind.INTERIM,
        changed=status.changed,
        may_release=status.may_release,
    )
