"""Survey statistics against values computed by hand and by independent brute force."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.anonymity import answer_key
from bot.domain.survey_stats import (
    Pair,
    PMethod,
    pratt_rank_sums,
    summarize,
)

# Six answers: changes +2 +1 +2 0 -1 +3.
SIX = [Pair(2, 4), Pair(3, 4), Pair(1, 3), Pair(3, 3), Pair(4, 3), Pair(2, 5)]
T_975_DF5 = 2.570582  # Student's t, 97.5 % quantile, 5 degrees of freedom (tables)


def pratt_ranks(changes: list[int]) -> list[float]:
    """Average ranks of |change| over all pairs, zeros included (written out by hand)."""
    ordered = sorted(abs(c) for c in changes)
    ranks: dict[int, float] = {}
    for value in set(ordered):
        positions = [i + 1 for i, v in enumerate(ordered) if v == value]
        ranks[value] = sum(positions) / len(positions)
    return [ranks[abs(c)] for c in changes]


def brute_force_p(changes: list[int]) -> float:
    """Two-sided p of the signed-rank statistic over every sign flip of the non-zero changes."""
    ranks = pratt_ranks(changes)
    nonzero = [r for r, c in zip(ranks, changes, strict=True) if c != 0]
    observed = sum(r for r, c in zip(ranks, changes, strict=True) if c > 0)
    totals = [
        sum(r for r, sign in zip(nonzero, signs, strict=True) if sign)
        for signs in itertools.product((False, True), repeat=len(nonzero))
    ]
    eps = 1e-9
    upper = sum(1 for x in totals if x >= observed - eps) / len(totals)
    lower = sum(1 for x in totals if x <= observed + eps) / len(totals)
    return min(1.0, 2 * min(upper, lower))


def normal_p(changes: list[int]) -> float:
    """Two-sided p of the normal approximation with Pratt's zero and tie corrections."""
    n = len(changes)
    zeros = sum(1 for c in changes if c == 0)
    ranks = pratt_ranks(changes)
    plus = sum(r for r, c in zip(ranks, changes, strict=True) if c > 0)
    mean = (n * (n + 1) - zeros * (zeros + 1)) / 4
    variance = n * (n + 1) * (2 * n + 1) - zeros * (zeros + 1) * (2 * zeros + 1)
    nonzero = [abs(c) for c in changes if c != 0]
    ties = sum(nonzero.count(v) ** 3 - nonzero.count(v) for v in set(nonzero))
    sd = math.sqrt((variance - ties / 2) / 24)
    z = abs(plus - mean) / sd
    return math.erfc(z / math.sqrt(2))


def test_six_answers_give_the_figures_computed_by_hand() -> None:
    stats = summarize(SIX, expected=8, min_answers=3)
    assert stats.shown
    assert stats.n == 6
    assert stats.response_rate == pytest.approx(0.75)
    assert stats.mean_before == pytest.approx(15 / 6)
    assert stats.mean_after == pytest.approx(22 / 6)
    assert stats.mean_change == pytest.approx(7 / 6)
    sd = math.sqrt(13 / 6)  # sum of squared deviations 65/6, over n - 1 = 5
    assert stats.sd_change == pytest.approx(sd)
    half = T_975_DF5 * sd / math.sqrt(6)
    assert stats.ci_low == pytest.approx(7 / 6 - half, abs=1e-5)
    assert stats.ci_high == pytest.approx(7 / 6 + half, abs=1e-5)
    # Pratt ranks of |d| = 2 1 2 0 1 3: zero 1, ones 2.5, twos 4.5, three 6.
    assert (stats.w_plus, stats.w_minus) == (17.5, 2.5)
    # 3 of the 32 sign flips reach R+ >= 17.5: p = 2 * 3/32.
    assert stats.p_value == pytest.approx(6 / 32)
    assert stats.p_method is PMethod.PERMUTATION
    assert stats.rank_biserial == pytest.approx((17.5 - 2.5) / 21)
    assert stats.cohens_dz == pytest.approx((7 / 6) / sd)
    assert (stats.improved, stats.same, stats.declined) == (4, 1, 1)
    assert stats.distribution_before == (1, 2, 2, 1, 0)
    assert stats.distribution_after == (0, 0, 3, 2, 1)


def test_distinct_changes_without_zeros_use_the_exact_distribution() -> None:
    stats = summarize([Pair(1, 2), Pair(1, 3), Pair(1, 4), Pair(1, 5)])
    assert stats.p_method is PMethod.EXACT
    assert stats.p_value == pytest.approx(2 / 16)  # all four positive: 1 of 16 sign patterns
    assert stats.rank_biserial == pytest.approx(1.0)


def test_large_samples_use_the_normal_approximation_with_pratt_corrections() -> None:
    pairs = [Pair(1 + i % 3, 2 + i % 4) for i in range(20)]
    stats = summarize(pairs)
    assert stats.p_method is PMethod.NORMAL
    assert stats.p_value == pytest.approx(normal_p([p.change for p in pairs]), rel=1e-9)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=3, max_size=11).filter(
        lambda pairs: any(a != b for a, b in pairs)
    )
)
def test_small_samples_match_a_brute_force_signed_rank_test(pairs: list[tuple[int, int]]) -> None:
    answers = [Pair(before, after) for before, after in pairs]
    stats = summarize(answers)
    assert stats.p_value == pytest.approx(brute_force_p([p.change for p in answers]), abs=1e-9)


def test_below_the_minimum_only_the_count_is_given() -> None:
    stats = summarize(SIX[:2], expected=10, min_answers=3)
    assert not stats.shown
    assert stats.n == 2
    assert stats.response_rate == pytest.approx(0.2)
    assert stats.mean_before is None
    assert stats.mean_change is None
    assert stats.p_value is None
    assert stats.distribution_before == ()
    assert (stats.improved, stats.same, stats.declined) == (0, 0, 0)


def test_no_answers_at_all() -> None:
    stats = summarize([], expected=None, min_answers=1)
    assert (stats.n, stats.shown, stats.response_rate) == (0, False, None)


def test_all_equal_ratings_have_no_test_and_no_interval() -> None:
    stats = summarize([Pair(3, 3)] * 5)
    assert stats.shown
    assert stats.no_change
    assert (stats.mean_before, stats.mean_after, stats.mean_change) == (3.0, 3.0, 0.0)
    assert stats.p_value is None
    assert stats.p_method is None
    assert (stats.ci_low, stats.ci_high) == (None, None)
    assert stats.rank_biserial is None
    assert stats.cohens_dz is None
    assert (stats.improved, stats.same, stats.declined) == (0, 5, 0)


def test_everyone_gaining_the_same_has_a_test_but_no_interval() -> None:
    stats = summarize([Pair(2, 3)] * 4)
    assert not stats.no_change
    assert stats.mean_change == 1.0
    assert stats.sd_change == 0.0
    assert (stats.ci_low, stats.ci_high) == (None, None)
    assert stats.cohens_dz is None
    assert stats.p_value == pytest.approx(2 / 16)
    assert stats.rank_biserial == pytest.approx(1.0)


def test_ratings_off_the_scale_are_refused() -> None:
    with pytest.raises(ValueError, match="scale"):
        summarize([Pair(0, 3), Pair(2, 3), Pair(3, 3)])
    with pytest.raises(ValueError, match="scale"):
        summarize([Pair(2, 6), Pair(2, 3), Pair(3, 3)])


def test_more_answers_than_expected_give_a_rate_above_one() -> None:
    assert summarize(SIX, expected=4).response_rate == pytest.approx(1.5)


def test_pratt_rank_sums_include_zeros_in_the_ranking() -> None:
    assert pratt_rank_sums([0, 1, -1, 2]) == (2.5 + 4, 2.5, 1.0)


def test_the_answer_key_is_keyed_and_per_training() -> None:
    key = answer_key(b"k" * 32, 7, "U0ANNA001")
    assert len(key) == 64
    assert int(key, 16) >= 0
    assert "U0ANNA001" not in key
    assert key == answer_key(b"k" * 32, 7, "U0ANNA001")
    assert key != answer_key(b"k" * 32, 8, "U0ANNA001")
    assert key != answer_key(b"x" * 32, 7, "U0ANNA001")
    assert key != answer_key(b"k" * 32, 7, "U0ERIK001")
    with pytest.raises(ValueError, match="secret"):
        answer_key(b"", 7, "U0ANNA001")
