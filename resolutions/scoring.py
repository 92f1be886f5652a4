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
