"""Statistics of a training's before/after evaluation: pure functions over answer pairs.

Every answer is a complete pair on the same 1-5 scale (knowledge after the training, then
knowledge before it: the retrospective "then-test"). The change of one person is
after - before. What is computed, and how:

- means of before, after and change; the change's 95 % confidence interval is the paired
  t-interval mean ± t(0.975, n-1) · sd / √n;
- the Wilcoxon signed-rank test of the changes (two-sided) with Pratt's handling of zero
  changes (zeros are ranked, then their ranks dropped), by scipy.stats.wilcoxon: the exact
  null distribution when there are no zeros or ties and n ≤ 50, else an exact permutation
  (all 2^n sign flips) when n ≤ 13, else the normal approximation corrected for zeros and
  ties (no continuity correction);
- two effect sizes: the matched-pairs rank-biserial correlation r = (R+ − R−) / (n(n+1)/2)
  with the same Pratt ranks, so unchanged answers pull r towards 0; and Cohen's d_z =
  mean change / sd of the changes;
- the shares who improved, stayed the same and declined, and the distribution of both ratings.

Below the minimum number of answers only the count and response rate are given, so that
no one can be identified from the figures.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

SCALE_MIN = 1
SCALE_MAX = 5
EXACT_MAX_N = 50
PERMUTATION_MAX_N = 13
CONFIDENCE = 0.95


class PMethod(StrEnum):
    """How the p-value was computed."""

    EXACT = "exact"
    PERMUTATION = "permutation"
    NORMAL = "normal"


@dataclass(frozen=True)
class Pair:
    """One person's answer: knowledge before and after the training."""

    before: int
    after: int

    @property
    def change(self) -> int:
        """Return after minus before."""
        return self.after - self.before


@dataclass(frozen=True)
class SurveyStats:
    """The figures of one evaluation (or of several pooled); None where not defined or hidden."""

    n: int
    expected: int | None
    min_answers: int
    response_rate: float | None
    shown: bool
    mean_before: float | None = None
    mean_after: float | None = None
    mean_change: float | None = None
    sd_change: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    w_plus: float | None = None
    w_minus: float | None = None
    p_value: float | None = None
    p_method: PMethod | None = None
    rank_biserial: float | None = None
    cohens_dz: float | None = None
    improved: int = 0
    same: int = 0
    declined: int = 0
    distribution_before: tuple[int, ...] = ()
    distribution_after: tuple[int, ...] = ()
    interval_before: tuple[float, float] | None = None
    interval_after: tuple[float, float] | None = None

    @property
    def no_change(self) -> bool:
        """Tell whether every answer kept the same rating (no test is possible then)."""
        return self.shown and self.n > 0 and self.same == self.n

    def share(self, count: int) -> float:
        """Return count as a share of the answers (0 when there are none)."""
        return count / self.n if self.n else 0.0


def check_rating(value: int) -> int:
    """Return value if it is on the scale, else raise ValueError."""
    if isinstance(value, bool) or not SCALE_MIN <= int(value) <= SCALE_MAX:
        raise ValueError(f"rating {value!r} is not on the {SCALE_MIN}-{SCALE_MAX} scale")
    return int(value)


def response_rate(n: int, expected: int | None) -> float | None:
    """Return answers per expected participant, or None when none were expected."""
    if expected is None or expected <= 0:
        return None
    return n / expected


def distribution(ratings: Iterable[int]) -> tuple[int, ...]:
    """Count the ratings 1..5."""
    counts = [0] * (SCALE_MAX - SCALE_MIN + 1)
    for rating in ratings:
        counts[check_rating(rating) - SCALE_MIN] += 1
    return tuple(counts)


def average_ranks(values: Sequence[int]) -> list[float]:
    """Rank values from 1 upwards, giving tied values the mean of their ranks."""
    ordered = sorted(values)
    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
        count[value] = count.get(value, 0) + 1
    return [first[v] + (count[v] - 1) / 2 for v in values]


def pratt_rank_sums(changes: Sequence[int]) -> tuple[float, float, float]:
    """Return (R+, R−, R0): sums of the ranks of |change| over all pairs, zeros included."""
    if not changes:
        return 0.0, 0.0, 0.0
    ranks = average_ranks([abs(c) for c in changes])
    plus = float(sum(r for r, c in zip(ranks, changes, strict=True) if c > 0))
    minus = float(sum(r for r, c in zip(ranks, changes, strict=True) if c < 0))
    zero = float(sum(r for r, c in zip(ranks, changes, strict=True) if c == 0))
    return plus, minus, zero


def wilcoxon_pratt(changes: Sequence[int]) -> tuple[float | None, PMethod | None]:
    """Return the two-sided Wilcoxon signed-rank p-value (Pratt) and its method.

    None when every change is zero: there is nothing to test.
    """
    if not changes or all(c == 0 for c in changes):
        return None, None
    import numpy as np  # scipy is loaded only when a test is computed: it is slow to import
    from scipy import stats

    n = len(changes)
    nonzero = [abs(c) for c in changes if c != 0]
    has_ties_or_zeros = len(nonzero) < n or len(set(nonzero)) < len(nonzero)
    method: object
    if not has_ties_or_zeros and n <= EXACT_MAX_N:
        method, label = "exact", PMethod.EXACT
    elif n <= PERMUTATION_MAX_N:
        method, label = stats.PermutationMethod(), PMethod.PERMUTATION
    else:
        method, label = "asymptotic", PMethod.NORMAL
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        result = stats.wilcoxon(
            np.asarray(changes, dtype=float),
            zero_method="pratt",
            alternative="two-sided",
            method=method,
        )
    p = float(result.pvalue)
    if math.isnan(p):
        return None, None
    return min(max(p, 0.0), 1.0), label


def t_interval(values: Sequence[float]) -> tuple[float, float] | None:
    """Return the 95 % t-interval of the mean of values; None below two values or no spread."""
    n = len(values)
    if n < 2:
        return None
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    if sd == 0:
        return None
    from scipy import stats

    half = float(stats.t.ppf(0.5 + CONFIDENCE / 2, n - 1)) * sd / math.sqrt(n)
    return mean - half, mean + half


def summarize(
    pairs: Sequence[Pair], *, expected: int | None = None, min_answers: int = 3
) -> SurveyStats:
    """Compute every figure of an evaluation from its answer pairs."""
    n = len(pairs)
    for pair in pairs:
        check_rating(pair.before)
        check_rating(pair.after)
    rate = response_rate(n, expected)
    if n == 0 or n < min_answers:
        return SurveyStats(n, expected, min_answers, rate, shown=False)
    befores = [p.before for p in pairs]
    afters = [p.after for p in pairs]
    changes = [p.change for p in pairs]
    mean_change = sum(changes) / n
    sd: float | None = None
    ci: tuple[float | None, float | None] = (None, None)
    dz: float | None = None
    if n >= 2:
        sd = math.sqrt(sum((c - mean_change) ** 2 for c in changes) / (n - 1))
        interval = t_interval(changes)
        if interval is not None and sd > 0:
            ci = interval
            dz = mean_change / sd
    plus, minus, _zero = pratt_rank_sums(changes)
    all_zero = all(c == 0 for c in changes)
    p_value, p_method = wilcoxon_pratt(changes)
    return SurveyStats(
        n=n,
        expected=expected,
        min_answers=min_answers,
        response_rate=rate,
        shown=True,
        mean_before=sum(befores) / n,
        mean_after=sum(afters) / n,
        mean_change=mean_change,
        sd_change=sd,
        ci_low=ci[0],
        ci_high=ci[1],
        w_plus=plus,
        w_minus=minus,
        p_value=p_value,
        p_method=p_method,
        rank_biserial=None if all_zero else (plus - minus) / (n * (n + 1) / 2),
        cohens_dz=dz,
        improved=sum(1 for c in changes if c > 0),
        same=sum(1 for c in changes if c == 0),
        declined=sum(1 for c in changes if c < 0),
        distribution_before=distribution(befores),
        distribution_after=distribution(afters),
        interval_before=t_interval(befores),
        interval_after=t_interval(afters),
    )
