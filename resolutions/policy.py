"""Which forecast counts when an expert forecast one claim several times.

Pure numpy over columns, one row per forecast made before its claim's outcome was known.
Policies:

- ``latest`` (default): the last forecast made before the outcome was known; on the same
  ``made_on``, the one recorded last.
- ``first``: the first forecast made.
- ``time-averaged``: the mean of the *daily scores* (as Good Judgment Open). Days are
  counted from the day of the expert's first forecast on the scoring unit (included) to
  the day the outcome became known (excluded); on each day the standing forecast of each
  claim is the latest one made on or before it (several on one day: the one recorded
  last stands from that day on). ``standing_segments`` cuts those days into spans over
  which nothing changed, so each span is scored once and weighted by its length.
  Probabilities are never averaged for scoring; ``counting_forecasts`` reports the
  day-weighted mean probability only for calibration, rounded to 12 decimals so that an
  unrevised 0.1 stays exactly 0.1.

A *scoring unit* is what one score is computed over: a whole binary or choice question
(all its claims, one distribution), or one window of a date question.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

POLICIES = ("latest", "first", "time-averaged")


@dataclass(frozen=True)
class ScoredClaims:
    """One row per scored (expert, claim): the probability that counts and the outcome.

    ``forecast_id`` is the forecast that counts (for time-averaged, the last one made).
    Rows are sorted by expert, then claim.
    """

    forecast_id: np.ndarray
    expert_id: np.ndarray
    claim_id: np.ndarray
    probability: np.ndarray
    outcome: np.ndarray
    unit: np.ndarray


def lexicographic_order(*keys: np.ndarray) -> np.ndarray:
    """Indices sorting rows by ``keys`` (first key most significant), exactly as ``np.lexsort``.

    When all keys but the last fit together in 62 bits, the rows are sorted once on the
    packed key with numpy's default (SIMD) sort, several times faster than ``np.lexsort``
    or a stable sort at a million rows; rows whose packed keys tie are then put in order of
    the last key and of position, as ``np.lexsort`` leaves them.
    """
    *leading, last = [np.asarray(key, dtype=np.int64) for key in keys]
    if last.size == 0:
        return np.zeros(0, dtype=np.int64)
    shifted = [key - key.min() for key in leading]
    widths = [int(key.max()).bit_length() or 1 for key in shifted]
    if sum(widths) > 62:
        return np.lexsort((last, *reversed(leading)))
    packed = np.zeros(last.size, dtype=np.int64)
    for key, width in zip(shifted, widths):
        packed = (packed << width) | key
    order = np.argsort(packed)
    ranked = packed[order]
    tie = ranked[1:] == ranked[:-1]
    if tie.any():  # runs of equal leading keys (two forecasts on one day): by last key, then position
        in_run = np.zeros(order.size, dtype=bool)
        in_run[1:] |= tie
        in_run[:-1] |= tie
        at = np.flatnonzero(in_run)
        run = np.cumsum(np.r_[True, ~tie])[at]
        rows = order[at]
        order[at] = rows[np.lexsort((rows, last[rows], run))]
    return order


def run_starts(*keys: np.ndarray) -> np.ndarray:
    """True where a row starts a new run of equal ``keys`` (rows already sorted)."""
    new = np.zeros(keys[0].size, dtype=bool)
    new[:1] = True
    for key in keys:
        new[1:] |= key[1:] != key[:-1]
    return new


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
    unit=None,
) -> ScoredClaims:
    """Reduce forecasts to one probability per (expert, claim) under ``policy``.

    ``unit`` (one scoring unit per row, optional) is carried along. Rows come out sorted by
    expert then claim, so claims numbered unit-major (``resolutions.record``) leave each
    expert's scoring units contiguous.
    """
    if policy not in POLICIES:
        raise ValueError(f"policy {policy!r} is not one of {', '.join(POLICIES)}")
    expert_id = np.asarray(expert_id, dtype=np.int64)
    claim_id = np.asarray(claim_id, dtype=np.int64)
    forecast_id = np.asarray(forecast_id, dtype=np.int64)
    unit = np.zeros_like(claim_id) if unit is None else np.asarray(unit, dtype=np.int64)
    made_day = np.asarray(made_day, dtype=np.int64)
    probability = np.asarray(probability, dtype=float)
    order = lexicographic_order(expert_id, claim_id, made_day, forecast_id)
    expert_id, claim_id = expert_id[order], claim_id[order]

    new_pair = run_starts(expert_id, claim_id)
    last_of_pair = np.r_[new_pair[1:], True] if expert_id.size else new_pair
    pick = new_pair if policy == "first" else last_of_pair
    chosen = order[pick]  # the other columns are only read at the rows picked
    if policy == "time-averaged":
        made_day, known_day = made_day[order], np.asarray(known_day, dtype=np.int64)[order]
        next_day = np.where(last_of_pair, known_day, np.r_[made_day[1:], 0] if made_day.size else made_day)
        held = (next_day - made_day).astype(float)
        pair = np.cumsum(new_pair) - 1
        weighted = np.bincount(pair, weights=probability[order] * held)
        days = np.bincount(pair, weights=held)
        counted = np.round(weighted / days, 12)
    else:
        counted = probability[chosen]
    return ScoredClaims(
        forecast_id=forecast_id[chosen], expert_id=expert_id[pick], claim_id=claim_id[pick],
        probability=counted, outcome=np.asarray(outcome)[chosen], unit=unit[chosen],
    )


@dataclass(frozen=True)
class Segments:
    """Spans over which an expert's forecasts on one scoring unit stood unchanged.

    Row arrays, one per claim standing in a segment: ``segment`` (label 0..n-1),
    ``claim``, ``probability``, ``outcome``. Per segment: ``expert``, ``unit`` and
    ``weight`` (its number of days; 1 for the latest and first policies, which have one
    segment per unit). Segments are numbered in order of expert, unit, then time.
    """

    segment: np.ndarray
    claim: np.ndarray
    probability: np.ndarray
    outcome: np.ndarray
    expert: np.ndarray
    unit: np.ndarray
    weight: np.ndarray

    @property
    def size(self) -> int:
        return int(self.weight.size)


def standing_segments(
    *, forecast_id, expert_id, claim_id, unit, probability, made_day, known_day, outcome, policy: str = "latest"
) -> Segments:
    """The standing forecasts to score under ``policy``, cut into segments (see the module doc).

    Claims must be numbered unit-major (every claim of a unit before the next unit's).
    """
    if policy != "time-averaged":
        counted = counting_forecasts(
            forecast_id=forecast_id, expert_id=expert_id, claim_id=claim_id, probability=probability,
            made_day=made_day, known_day=known_day, outcome=outcome, policy=policy, unit=unit,
        )
        first = run_starts(counted.expert_id, counted.unit)
        return Segments(
            segment=np.cumsum(first) - 1, claim=counted.claim_id, probability=counted.probability, outcome=counted.outcome,
            expert=counted.expert_id[first], unit=counted.unit[first], weight=np.ones(int(first.sum())),
        )
    expert_id, unit, claim_id = (np.asarray(a, dtype=np.int64) for a in (expert_id, unit, claim_id))
    made_day, known_day = np.asarray(made_day, dtype=np.int64), np.asarray(known_day, dtype=np.int64)
    order = lexicographic_order(expert_id, claim_id, made_day, np.asarray(forecast_id, dtype=np.int64))
    expert_id, unit, claim_id, made_day, known_day = (a[order] for a in (expert_id, unit, claim_id, made_day, known_day))
    probability, outcome = np.asarray(probability, dtype=float)[order], np.asarray(outcome)[order]
    if expert_id.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Segments(empty, empty, np.zeros(0), empty, empty, empty, np.zeros(0))
    # Each forecast stands on its claim until the next one on the same claim, or until known.
    last_of_claim = np.r_[run_starts(expert_id, unit, claim_id)[1:], True]
    until = np.where(last_of_claim, known_day, np.r_[made_day[1:], 0])
    stands = until > made_day
    expert_id, unit, claim_id, made_day, until, known_day, probability, outcome = (
        a[stands] for a in (expert_id, unit, claim_id, made_day, until, known_day, probability, outcome)
    )
    # Segment boundaries: every day on which any claim of the (expert, unit) changes.
    pair = np.cumsum(run_starts(expert_id, unit)) - 1
    origin = int(made_day.min())
    span = int(known_day.max()) - origin + 2
    boundaries, first_row = np.unique(pair * span + (made_day - origin), return_index=True)
    pair_of_segment = boundaries // span
    start_of_segment = boundaries % span + origin
    last_of_pair = np.r_[pair_of_segment[1:] != pair_of_segment[:-1], True]
    end_of_segment = np.where(last_of_pair, known_day[first_row], np.r_[start_of_segment[1:], 0])
    # Forecast row i stands in segments first[i] .. last[i] - 1.
    first = np.searchsorted(boundaries, pair * span + (made_day - origin))
    last = np.searchsorted(boundaries, pair * span + (until - origin))
    covered = last - first
    rows = np.repeat(np.arange(covered.size), covered)
    segment = np.repeat(first, covered) + np.arange(rows.size) - np.repeat(np.cumsum(covered) - covered, covered)
    return Segments(
        segment=segment, claim=claim_id[rows], probability=probability[rows], outcome=outcome[rows],
        expert=expert_id[first_row], unit=unit[first_row], weight=(end_of_segment - start_of_segment).astype(float),
    )
