"""Which forecast counts when an expert forecast one claim several times.

Pure numpy over columns, one row per forecast made before its claim's outcome was known.
Policies:

- ``latest`` (default): the last forecast made before the outcome was known; on the same
  ``made_on``, the one recorded last.
- ``first``: the first forecast made.
- ``time-averaged``: the standing forecast averaged over days. Days are counted from the
  day of the expert's first forecast on the claim (included) to the day the outcome
  became known (excluded); on each day the standing forecast is the latest one made on
  or before it (several on one day: the one recorded last stands from that day on).
  So a forecast of 0.2 held for 30 days then 0.8 for 10 days averages to 0.35.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

POLICIES = ("latest", "first", "time-averaged")


@dataclass(frozen=True)
class ScoredClaims:
    """One row per scored (expert, claim): the probability that counts and the outcome.

    ``forecast_id`` is the forecast that counts (for time-averaged, the last one made).
    """

    forecast_id: np.ndarray
    expert_id: np.ndarray
    claim_id: np.ndarray
    probability: np.ndarray
    outcome: np.ndarray


def lexicographic_order(*keys: np.ndarray) -> np.ndarray:
    """Indices sorting rows by ``keys`` (first key most significant), like ``np.lexsort``.

    When all keys but the last fit together in 63 bits, the rows are put in order of the
    last key and then stably sorted once on the packed key, several times faster than
    ``np.lexsort`` at a million rows.
    """
    *leading, last = [np.asarray(key, dtype=np.int64) for key in keys]
    if last.size == 0:
        return np.zeros(0, dtype=np.int64)
    shifted = [key - key.min() for key in leading]
    widths = [int(key.max()).bit_length() or 1 for key in shifted]
    if sum(widths) > 62:
        return np.lexsort((last, *reversed(leading)))
    by_last = np.arange(last.size) if np.all(last[1:] >= last[:-1]) else np.argsort(last, kind="stable")
    packed = np.zeros(last.size, dtype=np.int64)
    for key, width in zip(shifted, widths):
        packed = (packed << width) | key[by_last]
    return by_last[np.argsort(packed, kind="stable")]


def counting_forecasts(
    *,
    forecast_id,
    expert_id,
    claim_id,
    probability,
    made_day,
    known_day,
    outcome,
    policy: str = "latest",
) -> ScoredClaims:
    """Reduce forecasts to one probability per (expert, claim) under ``policy``."""
    if policy not in POLICIES:
        raise ValueError(f"policy {policy!r} is not one of {', '.join(POLICIES)}")
    expert_id = np.asarray(expert_id, dtype=np.int64)
    claim_id = np.asarray(claim_id, dtype=np.int64)
    forecast_id = np.asarray(forecast_id, dtype=np.int64)
    order = lexicographic_order(expert_id, claim_id, np.asarray(made_day, dtype=np.int64), forecast_id)
    forecast_id, expert_id, claim_id = forecast_id[order], expert_id[order], claim_id[order]
    probability = np.asarray(probability, dtype=float)[order]
    made_day = np.asarray(made_day, dtype=np.int64)[order]
    known_day = np.asarray(known_day, dtype=np.int64)[order]
    outcome = np.asarray(outcome)[order]

    new_pair = np.ones(expert_id.size, dtype=bool)
    new_pair[1:] = (expert_id[1:] != expert_id[:-1]) | (claim_id[1:] != claim_id[:-1])
    last_of_pair = np.r_[new_pair[1:], True] if expert_id.size else new_pair
    if policy == "latest":
        pick = last_of_pair
    elif policy == "first":
        pick = new_pair
    else:
        next_day = np.where(last_of_pair, known_day, np.r_[made_day[1:], 0] if made_day.size else made_day)
        held = (next_day - made_day).astype(float)
        pair = np.cumsum(new_pair) - 1
        weighted = np.bincount(pair, weights=probability * held)
        days = np.bincount(pair, weights=held)
        pick = last_of_pair
        probability = probability.copy()
        probability[pick] = weighted / days
    return ScoredClaims(
        forecast_id=forecast_id[pick],
        expert_id=expert_id[pick], claim_id=claim_id[pick], probability=probability[pick], outcome=outcome[pick]
    )
