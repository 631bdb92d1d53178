"""The results in plain words first (issue 16): the one sentence, in Swedish and English."""

from __future__ import annotations

import pytest

from bot.domain.survey_stats import Pair, SurveyStats, summarize
from bot.texts import Texts
from bot.texts import results as rt
from commands.trainings.render_results import plain_sentence, technical_lines


def stats(
    change: float, low: float | None, high: float | None, up: int, same: int, n: int
) -> SurveyStats:
    """Return shown figures with a mean change, its interval and how many rose or stayed."""
    return SurveyStats(
        n=n,
        expected=None,
        min_answers=3,
        response_rate=None,
        shown=True,
        mean_before=2.0,
        mean_after=2.0 + change,
        mean_change=change,
        ci_low=low,
        ci_high=high,
        improved=up,
        same=same,
        declined=n - up - same,
    )


@pytest.mark.parametrize(
    ("language", "figures", "sentence"),
    [
        (
            "sv",
            stats(1.8, 0.7, 2.9, 5, 1, 6),
            "Deltagarna skattade sin kunskap i genomsnitt 1,8 steg högre efter utbildningen "
            "(95 % konfidensintervall 0,7–2,9); 5 av 6 skattade högre.",
        ),
        (
            "en",
            stats(1.8, 0.7, 2.9, 5, 1, 6),
            "On average, participants rated their knowledge 1.8 steps higher after the training "
            "(95% confidence interval 0.7–2.9); 5 of 6 rated it higher.",
        ),
        (
            "sv",
            stats(-0.8, -1.4, -0.2, 0, 1, 5),
            "Deltagarna skattade sin kunskap i genomsnitt 0,8 steg lägre efter utbildningen "
            "(95 % konfidensintervall 0,2–1,4); 0 av 5 skattade högre.",
        ),
        (
            "sv",
            stats(0.5, -0.3, 1.3, 2, 2, 4),
            "Deltagarna skattade sin kunskap i genomsnitt 0,5 steg högre efter utbildningen "
            "(95 % konfidensintervall −0,3 till +1,3 steg, så skillnaden kan lika gärna vara "
            "slumpen); 2 av 4 skattade högre.",
        ),
        (
            "sv",
            stats(0.0, None, None, 0, 4, 4),
            "Deltagarna skattade i genomsnitt sin kunskap lika högt före och efter utbildningen "
            "(ingen ändrade sin skattning); 0 av 4 skattade högre.",
        ),
        (
            "en",
            stats(1.0, None, None, 3, 0, 3),
            "On average, participants rated their knowledge 1.0 steps higher after the training "
            "(everyone changed their rating by the same amount); 3 of 3 rated it higher.",
        ),
    ],
)
def test_the_results_open_with_one_plain_sentence(
    language: str, figures: SurveyStats, sentence: str
) -> None:
    assert plain_sentence(Texts(language), figures) == sentence  # type: ignore[arg-type]


def test_each_statistic_comes_with_a_one_line_explanation() -> None:
    tr = Texts("sv")
    lines = technical_lines(tr, summarize([Pair(2, 4), Pair(3, 4), Pair(1, 3), Pair(3, 3)]))
    assert lines[0] == tr(rt.TECHNICAL)
    for line in lines[1:]:
        statistic, explanation = line.split("\n")
        assert statistic.startswith("*")
        assert explanation.startswith("_")
        assert explanation.endswith("_")
    assert len(lines) == 5
