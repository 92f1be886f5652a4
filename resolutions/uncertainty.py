"""How sure we can be of an expert's mean Brier: a bootstrap interval and a test.

Both work on many experts at once (``groups`` labels each claim's expert) and are pure.

**Interval.** A 95% percentile bootstrap over the expert's claims, 1,000 resamples.
Resampling patterns depend only on the number of claims n and a fixed seed, so output is
reproducible and an expert's interval does not change when other experts are filtered
in or out. All experts with the same n share one pattern matrix, which turns the
bootstrap into one matrix product per n (fast at a million claims). With one claim
there is nothing to resample: the interval is NaN (undefined), not a zero-width lie.

**Test.** "Better than always-50%": the differences d_i = Brier_i - 0.25 are tested
against H0 "no better than chance" with a one-sided sign-flip (randomisation) test:
under H0 each d_i is as likely to be +|d_i| as -|d_i|. The p-value is the share of the
2^n sign patterns whose sum is at or below the observed sum, computed exactly up to
n = 12 and by its normal approximation z = sum(d) / sqrt(sum(d^2)) beyond. It stays
honest for tiny or degenerate samples (two identical Brier scores give p = 0.25, where a
t-test would claim certainty), and one claim can never give p below 0.5.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from resolutions.scoring import CHANCE_BRIER

SEED = 20250815
RESAMPLES = 1000
EXACT_UP_TO = 12
_CHUNK = 4096


def _grouped(values, groups, n_groups: int):
    """Values sorted by group, with each group's start and size."""
    values = np.asarray(values, dtype=float)
    groups = np.asarray(groups, dtype=np.int64)
    if values.shape != groups.shape:
        raise ValueError(f"values and groups shapes differ: {values.shape} vs {groups.shape}")
    if groups.size and (groups.min() < 0 or groups.max() >= n_groups):
        raise ValueError("group labels must lie in 0..n_groups-1")
    order = np.argsort(groups, kind="stable")
    sizes = np.bincount(groups, minlength=n_groups)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    return values[order], starts, sizes


def _columns(sorted_values, starts, members, n):
    """An n x len(members) matrix: column j holds the values of group members[j]."""
    return sorted_values[starts[members][None, :] + np.arange(n)[:, None]]


def bootstrap_mean_interval(
    values, groups, n_groups: int, *, confidence: float = 0.95, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of each group's mean (NaN for groups of < 2)."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie strictly between 0 and 1")
    sorted_values, starts, sizes = _grouped(values, groups, n_groups)
    low, high = np.full(n_groups, np.nan), np.full(n_groups, np.nan)
    tail = (1 - confidence) / 2
    for n in np.unique(sizes[sizes >= 2]):
        members = np.flatnonzero(sizes == n)
        draws = np.random.default_rng([seed, int(n)]).integers(0, n, size=(resamples, n))
        counts = np.bincount((draws + np.arange(resamples)[:, None] * n).ravel(), minlength=resamples * n)
        weights = counts.reshape(resamples, n) / n
        for chunk in range(0, members.size, _CHUNK):
            part = members[chunk : chunk + _CHUNK]
            means = weights @ _columns(sorted_values, starts, part, n)
            low[part], high[part] = np.quantile(means, [tail, 1 - tail], axis=0)
    return low, high


def _sign_patterns(n: int) -> np.ndarray:
    return np.array(list(itertools.product((1.0, -1.0), repeat=n)))


def beats_chance_pvalue(brier_scores, groups, n_groups: int) -> np.ndarray:
    """One-sided p-value of "mean Brier below 0.25" per group (NaN for empty groups)."""
    sorted_values, starts, sizes = _grouped(brier_scores, groups, n_groups)
    differences = sorted_values - CHANCE_BRIER
    p_values = np.full(n_groups, np.nan)
    for n in np.unique(sizes[(sizes >= 1) & (sizes <= EXACT_UP_TO)]):
        members = np.flatnonzero(sizes == n)
        patterns = _sign_patterns(int(n))
        for chunk in range(0, members.size, _CHUNK):
            part = members[chunk : chunk + _CHUNK]
            d = _columns(differences, starts, part, int(n))
            observed = d.sum(axis=0)
            flipped = patterns @ np.abs(d)
            p_values[part] = (flipped <= observed + 1e-12).mean(axis=0)
    large = sizes > EXACT_UP_TO
    if large.any():
        labels = np.repeat(np.arange(n_groups), sizes)
        total = np.bincount(labels, weights=differences, minlength=n_groups)
        spread = np.sqrt(np.bincount(labels, weights=differences**2, minlength=n_groups))
        with np.errstate(invalid="ignore", divide="ignore"):
            z = np.where(spread > 0, total / spread, 0.0)
        p_values[large] = np.where(spread[large] > 0, normal_cdf(z[large]), 1.0)
    return p_values


def normal_cdf(z) -> np.ndarray:
    """The standard normal CDF, 0.5 * erfc(-z / sqrt 2), from the standard library.

    (scipy.special.ndtr is the same function; importing scipy costs a leaderboard more
    time than computing it for ten thousand experts.)
    """
    values = np.asarray(z, dtype=float)
    return np.array([0.5 * math.erfc(-value / math.sqrt(2)) for value in values.ravel()]).reshape(values.shape)
