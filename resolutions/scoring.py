"""Scoring rules as pure, vectorized functions.

Arrays in, arrays (or floats) out; no database, no I/O. Bad input raises ValueError.
Definitions follow DESIGN.md; for a claim with probability p and outcome o in {0, 1}:

.. math::

    \\mathrm{Brier}(p, o) = (p - o)^2 \\qquad
    \\mathrm{LogLoss}(p, o) = -\\ln(o\\,p' + (1 - o)(1 - p')),\\; p' = \\mathrm{clip}(p, 0.001, 0.999)

    \\mathrm{BrierSkill} = 1 - \\overline{\\mathrm{Brier}} / 0.25

Examples
--------
>>> brier([0.7, 0.2], [1, 0]).round(4).tolist()
[0.09, 0.04]
>>> round(brier_skill(0.0625), 4)
0.75
"""

from __future__ import annotations

import numpy as np

#: Brier score of the forecaster who always says 50%.
CHANCE_BRIER = 0.25
#: Log loss clips probabilities to [LOG_CLIP, 1 - LOG_CLIP]; no other metric clips.
LOG_CLIP = 0.001


def _validated(probability, outcome) -> tuple[np.ndarray, np.ndarray]:
    p = np.asarray(probability, dtype=float)
    o = np.asarray(outcome, dtype=float)
    if p.shape != o.shape:
        raise ValueError(f"probability and outcome shapes differ: {p.shape} vs {o.shape}")
    if np.any(~np.isfinite(p)) or np.any((p < 0) | (p > 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    if np.any((o != 0) & (o != 1)):
        raise ValueError("outcomes must be 0 or 1")
    return p, o


def brier(probability, outcome) -> np.ndarray:
    """Brier score of each forecast: (p - o)^2, in [0, 1], lower is better."""
    p, o = _validated(probability, outcome)
    return (p - o) ** 2


def log_loss(probability, outcome) -> np.ndarray:
    """Log loss of each forecast in nats, p clipped to [0.001, 0.999]; lower is better."""
    p, o = _validated(probability, outcome)
    clipped = np.clip(p, LOG_CLIP, 1 - LOG_CLIP)
    return -np.log(np.where(o == 1, clipped, 1 - clipped))


def brier_skill(mean_brier):
    """Skill against always-50%: 1 - mean Brier / 0.25; 1 is perfect, 0 is chance."""
    return 1 - np.asarray(mean_brier, dtype=float) / CHANCE_BRIER


def group_means(values, groups, n_groups: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``values`` per integer group label 0..n_groups-1, and the counts (NaN mean for empty)."""
    values = np.asarray(values, dtype=float)
    groups = np.asarray(groups, dtype=np.int64)
    counts = np.bincount(groups, minlength=n_groups)
    sums = np.bincount(groups, weights=values, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts, counts


def _claim_groups(claim) -> tuple[np.ndarray, np.ndarray]:
    """Dense claim labels 0..k-1 and the number of rows of each row's claim."""
    _, labels, counts = np.unique(np.asarray(claim), return_inverse=True, return_counts=True)
    return labels, counts[labels]


def relative_brier(brier_scores, claim) -> np.ndarray:
    """Each row's Brier minus the median Brier of the *other* rows on the same claim.

    One row per (expert, claim). Claims with a single expert give NaN. Negative is better
    than peers (Good Judgment Open's relative Brier).

    >>> relative_brier([0.04, 0.36, 0.16, 0.25], [7, 7, 7, 9]).round(4).tolist()
    [-0.22, 0.26, -0.04, nan]
    """
    scores = np.asarray(brier_scores, dtype=float)
    claims = np.asarray(claim)
    if scores.shape != claims.shape:
        raise ValueError(f"brier and claim shapes differ: {scores.shape} vs {claims.shape}")
    result = np.full(scores.shape, np.nan)
    if scores.size == 0:
        return result
    by_score = np.argsort(scores)
    order = by_score[np.argsort(claims[by_score], kind="stable")]  # by claim, then score
    sorted_claims, sorted_scores = claims[order], scores[order]
    starts = np.flatnonzero(np.r_[True, sorted_claims[1:] != sorted_claims[:-1]])
    sizes = np.diff(np.r_[starts, sorted_claims.size])
    start, size = np.repeat(starts, sizes), np.repeat(sizes, sizes)
    rank = np.arange(sorted_claims.size) - start
    others = np.maximum(size - 1, 1)
    # The median of the others sits at positions lo, hi of the list without this row;
    # a position at or past this row's rank shifts one place right in the full list.
    lo, hi = (others - 1) // 2, others // 2
    lo_index = start + lo + (lo >= rank)
    hi_index = start + hi + (hi >= rank)
    upper = start + size - 1
    median_others = (sorted_scores[np.minimum(lo_index, upper)] + sorted_scores[np.minimum(hi_index, upper)]) / 2
    result[order] = np.where(size >= 2, sorted_scores - median_others, np.nan)
    return result


def peer_log(probability, outcome, claim) -> np.ndarray:
    """Metaculus-style peer score in nats: ln p_i(outcome) minus the mean over the other
    experts j on the same claim of ln p_j(outcome).

    One row per (expert, claim); probabilities are clipped to [0.001, 0.999] as for log
    loss, since ln 0 is unbounded. Claims with a single expert give NaN. Over all experts
    on a claim the scores sum to zero. Higher is better.
    """
    p, o = _validated(probability, outcome)
    claims = np.asarray(claim)
    if claims.shape != p.shape:
        raise ValueError(f"probability and claim shapes differ: {p.shape} vs {claims.shape}")
    if p.size == 0:
        return np.zeros(0)
    log_score = -log_loss(p, o)
    labels, size = _claim_groups(claims)
    total = np.bincount(labels, weights=log_score)[labels]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(size >= 2, log_score - (total - log_score) / (size - 1), np.nan)


def group_nanmeans(values, groups, n_groups: int) -> np.ndarray:
    """Mean of the non-NaN ``values`` per group (NaN where a group has none)."""
    values = np.asarray(values, dtype=float)
    defined = ~np.isnan(values)
    means, _ = group_means(values[defined], np.asarray(groups)[defined], n_groups)
    return means
