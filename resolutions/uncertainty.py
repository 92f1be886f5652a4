"""How sure we can be of an expert's mean Brier: an interval and a test, per expert.

Both work on many experts at once (``groups`` labels each question score's expert), are
pure numpy (no scipy: importing it would cost a leaderboard more than computing), and
depend on an expert's own scores only. Fed in canonical order (``resolutions.record``),
they give the same digits whatever order the record was entered in.

**Interval: Chernoff-Hoeffding (KL) bounds for a mean of scores in [0, 1].** A question's
Brier lies in [0, 1]. For independent values in [0, 1] with mean mu, Hoeffding (1963,
Theorem 1) bounds each tail of the sample mean m by exp(-n KL(m || mu)), KL being the
Bernoulli Kullback-Leibler divergence. The 95% interval is every mu with

.. math::

    n \\, \\mathrm{KL}(\\bar m \\,\\|\\, \\mu) \\le \\ln(2 / 0.05),\\qquad
    \\mathrm{KL}(a \\| b) = a \\ln\\tfrac{a}{b} + (1 - a) \\ln\\tfrac{1 - a}{1 - b},

solved by bisection. Its coverage is *guaranteed* >= 95% at every n, for every
distribution of scores (a bootstrap covered 43% at n = 2 and 86% at n = 10; a
Student-t interval misses badly on the skewed, lumpy scores of confident experts), it is
never zero-width (two identical scores of 0.25 give 0.01-0.83), and it depends on n and
the mean only, so it cannot depend on the order of rows. The price is width: it assumes
the worst (Bernoulli) spread, so it is wider than a bootstrap's false promise; small
samples look small. ``tests/bench_coverage.py`` compares it with the alternatives by
simulation and prints coverage and median widths at n = 2 ... 100. Shown from
``MIN_INTERVAL_N`` questions; one question gets none ("too few").

**Test.** "Better than always-50%": the differences d_i = Brier_i - 0.25 are tested
against H0 "no better than chance" with a one-sided sign-flip (randomisation) test:
under H0 each d_i is as likely to be +|d_i| as -|d_i|. The p-value is the share of the
2^n sign patterns whose sum is at or below the observed sum. Zero differences (a 50%
forecast) change no sum and are dropped. Exact up to ``EXACT_UP_TO`` non-zero values
(all patterns up to 12; beyond, meet in the middle: the sums of each half's patterns,
one half sorted and counted against the other); beyond that, the Lugannani-Rice
saddlepoint approximation of the sign-flip distribution (cumulant generating function
K(s) = sum ln cosh(s |d_i|)), evaluated half a step above the observed sum when the
|d_i| share a lattice (typed probabilities make them multiples of 0.0001), which is
where the exact distribution's atoms make a continuous approximation err. Measured
against exact enumeration in ``tests/test_uncertainty_and_calibration.py``.
One value can never give p below 0.5; two identical excellent values give 0.25.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from trackrecord.resolutions.scoring import CHANCE_BRIER

CONFIDENCE = 0.95
MIN_INTERVAL_N = 2
EXACT_UP_TO = 20
_PATTERNS_UP_TO = 12
_CHUNK = 4096
#: |d| values that are whole multiples of 1 / _LATTICE (within 1e-9) share a lattice.
_LATTICE = 1_000_000


def _grouped(values, groups, n_groups: int):
    """Values sorted by group (stably), with each group's start and size."""
    values = np.asarray(values, dtype=float)
    groups = np.asarray(groups, dtype=np.int64)
    if values.shape != groups.shape:
        raise ValueError(f"values and groups shapes differ: {values.shape} vs {groups.shape}")
    if groups.size and (groups.min() < 0 or groups.max() >= n_groups):
        raise ValueError("group labels must lie in 0..n_groups-1")
    order = slice(None) if np.all(groups[1:] >= groups[:-1]) else np.argsort(groups, kind="stable")
    sizes = np.bincount(groups, minlength=n_groups)
    starts = np.r_[0, np.cumsum(sizes)[:-1]] if n_groups else np.zeros(0, dtype=np.int64)
    return values[order], starts, sizes


def _kl(mean, mu):
    """Bernoulli Kullback-Leibler divergence KL(mean || mu), elementwise, 0 ln 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        first = np.where(mean > 0, mean * np.log(mean / mu), 0.0)
        second = np.where(mean < 1, (1 - mean) * np.log((1 - mean) / (1 - mu)), 0.0)
    return first + second


def kl_bounds(mean, n, *, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """The Chernoff-Hoeffding interval of a mean of n values in [0, 1] (see the module doc)."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie strictly between 0 and 1")
    mean = np.clip(np.asarray(mean, dtype=float), 0.0, 1.0)
    n = np.asarray(n, dtype=float)
    if np.any(n <= 0):
        raise ValueError("n must be positive")
    budget = math.log(2 / (1 - confidence)) / n
    low, high = np.zeros_like(mean), mean.copy()  # the lower bound lies in [0, mean]
    upper_low, upper_high = mean.copy(), np.ones_like(mean)  # the upper bound in [mean, 1]
    for _ in range(60):  # bisection to well below 1e-15
        middle = (low + high) / 2
        outside = _kl(mean, middle) > budget
        low, high = np.where(outside, middle, low), np.where(outside, high, middle)
        middle = (upper_low + upper_high) / 2
        outside = _kl(mean, middle) > budget
        upper_low, upper_high = np.where(outside, upper_low, middle), np.where(outside, middle, upper_high)
    return high, upper_low


def mean_interval(values, groups, n_groups: int, *, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """95% interval of each group's mean of values in [0, 1]; NaN below MIN_INTERVAL_N values."""
    values = np.asarray(values, dtype=float)
    if np.any(~np.isfinite(values)) or np.any((values < 0) | (values > 1)):
        raise ValueError("values must lie in [0, 1]")
    groups = np.asarray(groups, dtype=np.int64)
    if values.shape != groups.shape:
        raise ValueError(f"values and groups shapes differ: {values.shape} vs {groups.shape}")
    if groups.size and (groups.min() < 0 or groups.max() >= n_groups):
        raise ValueError("group labels must lie in 0..n_groups-1")
    sizes = np.bincount(groups, minlength=n_groups)
    shown = sizes >= MIN_INTERVAL_N
    low, high = np.full(n_groups, np.nan), np.full(n_groups, np.nan)
    if shown.any():
        mean = np.bincount(groups, weights=values, minlength=n_groups)[shown] / sizes[shown]
        low[shown], high[shown] = kl_bounds(mean, sizes[shown], confidence=confidence)
    return low, high


def _columns(sorted_values, starts, members, n):
    """An n x len(members) matrix: column j holds the values of group members[j]."""
    return sorted_values[starts[members][None, :] + np.arange(n)[:, None]]


def _sign_patterns(n: int) -> np.ndarray:
    return np.array(list(itertools.product((1.0, -1.0), repeat=n)))


def _exact_by_patterns(magnitudes: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """P(sum of random signs x magnitudes <= observed) per column of ``magnitudes`` (n x k)."""
    flipped = _sign_patterns(magnitudes.shape[0]) @ magnitudes
    return (flipped <= observed + 1e-12).mean(axis=0)


def _exact_in_the_middle(magnitudes: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """The same, meeting in the middle: the sums of each half's sign patterns, one half
    sorted, and for each sum of the other half the count of partners at or below."""
    n = magnitudes.shape[0]
    half = n // 2
    first = _sign_patterns(half) @ magnitudes[:half]  # 2^half x k
    second = np.sort(_sign_patterns(n - half) @ magnitudes[half:], axis=0)
    counts = [
        np.searchsorted(second[:, column], observed[column] + 1e-12 - first[:, column], side="right").sum()
        for column in range(magnitudes.shape[1])
    ]
    return np.array(counts, dtype=float) / 2.0**n


def normal_cdf(z) -> np.ndarray:
    """The standard normal CDF, vectorized numpy (erfc after Numerical Recipes' Chebyshev
    fit, relative error below 1.2e-7; checked against scipy in the tests)."""
    z = np.asarray(z, dtype=float)
    x = np.abs(z) / math.sqrt(2)
    t = 1 / (1 + 0.5 * x)
    poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (
        0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    tail = 0.5 * t * np.exp(poly)  # P(Z > |z|)
    return np.where(z >= 0, 1 - tail, tail)


def _edgeworth_cdf(x, k2, k4, k6) -> np.ndarray:
    """P(S <= x) for a sum S of independent random-sign terms with cumulants k2, k4, k6
    (odd cumulants zero), second-order Edgeworth expansion."""
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma = np.sqrt(k2)
        z = x / sigma
        g4, g6 = k4 / k2**2, k6 / k2**3
        he3, he5, he7 = z**3 - 3 * z, z**5 - 10 * z**3 + 15 * z, z**7 - 21 * z**5 + 105 * z**3 - 105 * z
        density = np.exp(-z * z / 2) / math.sqrt(2 * math.pi)
        value = normal_cdf(z) - density * (g4 / 24 * he3 + g6 / 720 * he5 + g4**2 / 1152 * he7)
    return np.clip(np.where(k2 > 0, value, (x >= 0).astype(float)), 0.0, 1.0)


#: Largest |d| of a large group enumerated exactly around the Edgeworth part, when the
#: group's effective number of terms is below LUMPY_BELOW.
TOP_EXACT = 8
LUMPY_BELOW = 20
#: A large group whose |d| take few distinct values is computed exactly from binomial
#: counts when the other values' count combinations number at most this many.
COMBINATIONS_UP_TO = 20_000


def _large_sample_cdf(d, labels, n_groups: int, half: np.ndarray) -> np.ndarray:
    """P(sum of random signs x |d| <= sum of d) per group, for groups with more than
    EXACT_UP_TO non-zero values (rows sorted by group, every group non-empty).

    A second-order Edgeworth expansion, evaluated halfway between lattice points when the
    |d| share a lattice. Where a few |d| dominate (the effective number of terms,
    (sum a^2)^2 / sum a^4, is below LUMPY_BELOW, so the sum is lumpy rather than
    normal), the TOP_EXACT largest are enumerated exactly and only the rest is expanded.
    ``half`` is each group's lattice step (``_lattice_half_steps``), 0 for none.
    """
    a = np.abs(d)
    starts = np.r_[0, np.flatnonzero(labels[1:] != labels[:-1]) + 1]
    observed = np.bincount(labels, weights=d, minlength=n_groups)
    squares = a * a
    variance = np.bincount(labels, weights=squares, minlength=n_groups)
    dominated = variance**2 < LUMPY_BELOW * np.bincount(labels, weights=squares * squares, minlength=n_groups)
    result = _expanded_cdf(d, labels, starts, observed, n_groups, top_exact=0, half=half)
    if dominated.any():
        rows = dominated[labels]
        sub_labels = (np.cumsum(dominated) - 1)[labels[rows]]
        sub_starts = np.r_[0, np.flatnonzero(sub_labels[1:] != sub_labels[:-1]) + 1]
        result[dominated] = _expanded_cdf(
            d[rows], sub_labels, sub_starts, observed[dominated], int(dominated.sum()), top_exact=TOP_EXACT
        )
    return result


def _expanded_cdf(d, labels, starts, observed, n_groups: int, *, top_exact: int, half=None) -> np.ndarray:
    """``_large_sample_cdf`` for one choice of how many of the largest |d| go exactly."""
    remaining, rest_observed = np.abs(d), observed.copy()
    position = np.arange(d.size)
    top = np.empty((n_groups, top_exact))
    for column in range(top_exact):  # take out each group's largest |d|, one at a time
        largest = np.maximum.reduceat(remaining, starts)
        first = np.minimum.reduceat(np.where(remaining == largest[labels], position, d.size), starts)
        top[:, column] = largest
        rest_observed -= d[first]
        remaining[first] = 0.0
    k2 = np.bincount(labels, weights=remaining**2, minlength=n_groups)
    k4 = -2 * np.bincount(labels, weights=remaining**4, minlength=n_groups)
    k6 = 16 * np.bincount(labels, weights=remaining**6, minlength=n_groups)
    if half is None or top_exact:
        half = _lattice_half_steps(remaining, labels, starts)
    # The rest must come out at or below x = observed - (signs of the top values) . top.
    x = observed[None, :] - _sign_patterns(top_exact) @ top.T  # patterns x groups
    with np.errstate(invalid="ignore", divide="ignore"):
        # On a lattice rest_observed + 2h k, evaluate halfway above the last point <= x.
        steps = np.floor((x - rest_observed) / (2 * half) + 1e-9)
        at = np.where(half > 0, rest_observed + 2 * half * steps + half, x)
    return _edgeworth_cdf(at, k2, k4, k6).mean(axis=0)


def _binomial_cdf(n: int) -> np.ndarray:
    """P(B <= k) for B ~ Binomial(n, 1/2), k = 0..n."""
    k = np.arange(n + 1)
    log_pmf = np.array([math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) for i in k]) - n * math.log(2)
    return np.minimum(np.cumsum(np.exp(log_pmf)), 1.0)


def _exact_by_counts(magnitudes: np.ndarray, observed: float) -> float | None:
    """Exact P(sum of random signs x magnitudes <= observed) from the counts of each distinct
    magnitude (each count of + signs is Binomial(count, 1/2)), or None when the count
    combinations of all but the most frequent magnitude exceed COMBINATIONS_UP_TO."""
    values, counts = np.unique(np.round(magnitudes, 12), return_counts=True)
    order = np.argsort(counts, kind="stable")
    values, counts = values[order], counts[order]
    if math.prod(int(c) + 1 for c in counts[:-1]) > COMBINATIONS_UP_TO:
        return None
    sums, probabilities = np.zeros(1), np.ones(1)
    for value, count in zip(values[:-1], counts[:-1]):
        k = np.arange(count + 1)
        pmf = np.diff(np.r_[0.0, _binomial_cdf(int(count))])
        sums = (sums[:, None] + value * (2 * k - count)[None, :]).ravel()
        probabilities = (probabilities[:, None] * pmf[None, :]).ravel()
    value, count = values[-1], int(counts[-1])
    # value x (2B - count) <= observed - sums  <=>  B <= ((observed - sums) / value + count) / 2
    largest_b = np.floor(((observed + 1e-12 - sums) / value + count) / 2 + 1e-9).astype(np.int64)
    cdf = _binomial_cdf(count)
    inside = np.where(largest_b < 0, 0.0, cdf[np.clip(largest_b, 0, count)])
    return float(min(1.0, np.sum(probabilities * inside)))


def _lattice_half_steps(values, labels, starts) -> np.ndarray:
    """Per group: the common step h of its values when all are multiples of one (on a
    1e-6 grid), else 0."""
    scaled = values * _LATTICE
    whole = np.rint(scaled)
    off = np.bincount(labels, weights=(np.abs(scaled - whole) > 1e-6).astype(float), minlength=starts.size) > 0
    steps = np.gcd.reduceat(whole.astype(np.int64), starts).astype(float) / _LATTICE
    return np.where(off, 0.0, steps)




def beats_chance_pvalue(brier_scores, groups, n_groups: int) -> np.ndarray:
    """One-sided p-value of "mean Brier below 0.25" per group (NaN for empty groups)."""
    sorted_values, _, sizes = _grouped(brier_scores, groups, n_groups)
    if np.any((sorted_values < 0) | (sorted_values > 1)):
        raise ValueError("Brier scores must lie in [0, 1]")
    differences = sorted_values - CHANCE_BRIER
    labels = np.repeat(np.arange(n_groups), sizes)
    nonzero = np.abs(differences) > 1e-15  # a 50% forecast changes no sum: dropped
    d, labels = differences[nonzero], labels[nonzero]
    effective = np.bincount(labels, minlength=n_groups)
    starts = np.r_[0, np.cumsum(effective)[:-1]] if n_groups else np.zeros(0, dtype=np.int64)
    observed = np.bincount(labels, weights=d, minlength=n_groups)
    p_values = np.where(sizes > 0, 1.0, np.nan)  # nothing but zeros: the observed sum is every sum
    magnitudes = np.abs(d)
    for n in np.unique(effective[(effective >= 1) & (effective <= EXACT_UP_TO)]):
        members = np.flatnonzero(effective == n)
        exact, chunk = (_exact_by_patterns, _CHUNK) if n <= _PATTERNS_UP_TO else (_exact_in_the_middle, 64)
        for first in range(0, members.size, chunk):
            part = members[first : first + chunk]
            p_values[part] = exact(_columns(magnitudes, starts, part, int(n)), observed[part])
    large = effective > EXACT_UP_TO
    if large.any():
        rows = large[labels]
        dense = (np.cumsum(large) - 1)[labels[rows]]
        half = _lattice_half_steps(magnitudes[rows], dense, np.r_[0, np.cumsum(effective[large])[:-1]])
        p_values[large] = _large_sample_cdf(d[rows], dense, int(large.sum()), half)
        # Values on a lattice (typed probabilities) often take few distinct magnitudes:
        # there the exact distribution is cheap and has atoms an expansion would smear.
        for group in np.flatnonzero(large)[half > 0]:
            exact = _exact_by_counts(magnitudes[starts[group] : starts[group] + effective[group]], observed[group])
            if exact is not None:
                p_values[group] = exact
    return p_values
