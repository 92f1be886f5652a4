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
>>> float(round(brier_skill(0.0625), 4))
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
    """Labels 0..k-1 for the groups and the number of rows of each row's group."""
    groups = np.asarray(claim)
    if groups.dtype.kind in "iu" and groups.size and groups.min() >= 0 and groups.max() < 4 * groups.size:
        labels = groups  # already small whole numbers (canonical question numbers): no sort needed
        counts = np.bincount(labels)
    else:
        _, labels, counts = np.unique(groups, return_inverse=True, return_counts=True)
    return labels, counts[labels]


def _by_group_then_value(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Indices sorting rows by group, then value (rows of equal value in any order).

    Each value is replaced by its rank and (group label, rank) packed in one integer, so
    that one default (SIMD) sort does it: about three times faster at a million rows than
    a stable sort by group after a sort by value.
    """
    by_value = np.argsort(values)
    labels, _ = _claim_groups(groups)
    rank_bits = max(int(values.size - 1).bit_length(), 1)
    if int(labels.max()).bit_length() + rank_bits > 62:
        return by_value[np.argsort(groups[by_value], kind="stable")]
    rank = np.empty(values.size, dtype=np.int64)
    rank[by_value] = np.arange(values.size)
    return np.argsort((labels.astype(np.int64) << rank_bits) | rank)


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
    order = _by_group_then_value(claims, scores)
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


def peer_log(log_score, question) -> np.ndarray:
    """Metaculus-style peer score in nats: each row's log score minus the mean log score of
    the *other* rows on the same question.

    One row per (expert, question), ``log_score`` = minus the question's log loss (so
    probabilities are clipped as for log loss, since ln 0 is unbounded). Questions with a
    single expert give NaN. Over all experts on a question the scores sum to zero. Higher
    is better.

    >>> peer_log([-0.1, -0.7, -0.4], [5, 5, 6]).round(4).tolist()
    [0.6, -0.6, nan]
    """
    scores = np.asarray(log_score, dtype=float)
    questions = np.asarray(question)
    if questions.shape != scores.shape:
        raise ValueError(f"log_score and question shapes differ: {scores.shape} vs {questions.shape}")
    if scores.size == 0:
        return np.zeros(0)
    labels, size = _claim_groups(questions)
    total = np.bincount(labels, weights=scores)[labels]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(size >= 2, scores - (total - scores) / (size - 1), np.nan)


def distribution_scores(probability, outcome, segment, categories, n_segments: int) -> tuple[np.ndarray, np.ndarray]:
    """Brier (0-1 scale) and log loss of each *segment*: one expert's stated probabilities
    for some of the mutually exclusive outcomes of one question.

    Rows are the named outcomes (claims), ``segment`` labels them 0..n_segments-1 and
    ``categories[k]`` is the number of possible outcomes of segment k (named or not; a
    choice question's options plus ``other``, 2 for a yes/no claim). The probability
    an expert did not place, r = max(0, 1 - sum p), is spread evenly over the u unnamed
    outcomes, s = r / u, and the full vector q is scored:

    .. math::

        \\mathrm{Brier} = \\tfrac12 \\sum_k (q_k - o_k)^2 \\qquad
        \\mathrm{LogLoss} = -\\ln \\mathrm{clip}\\big(q_{win} / \\max(1, \\textstyle\\sum_{named} p), 0.001, 0.999\\big)

    Half the 0-2 sum, so a yes/no claim scores exactly (p - o)^2 as a binary question.
    (A choice question always keeps one unnamed outcome, ``other``, which cannot be
    forecast, so the unplaced probability always has somewhere to go.)
    Named probabilities that sum past 1 are independent hedges ("Baku, Istanbul and Dubai
    are all possible"): nothing is left for the unnamed outcomes (s = 0), Brier scores
    each stated number as its own yes/no statement, and the log score, which needs a
    distribution, takes the winner's share of the stated total. A question's Brier is
    capped at 1, the score of a certain miss: stating every option as likely cannot score
    worse than being sure of the wrong one (the cap only lowers scores of at least 1, so
    it keeps every comparison below). Either way, naming one
    more losing option at a small probability can only add a term (p^2) or move mass
    away from an even spread, so it never improves a score on a question whose winner
    was named, and the question still counts once.

    >>> b, l = distribution_scores([0.7], [1], [0], [5], 1)   # A 70%, four other outcomes
    >>> round(float(b[0]), 5), round(float(l[0]), 4)
    (0.05625, 0.3567)
    """
    p, o = _validated(probability, outcome)
    segments = np.asarray(segment, dtype=np.int64)
    k = np.asarray(categories, dtype=float)
    if segments.shape != p.shape:
        raise ValueError(f"probability and segment shapes differ: {p.shape} vs {segments.shape}")
    if k.shape != (n_segments,):
        raise ValueError(f"categories must have one entry per segment ({n_segments}), not {k.shape}")
    named = np.bincount(segments, minlength=n_segments).astype(float)
    if np.any(named > k) or np.any(named < 1):
        raise ValueError("every segment needs between 1 and `categories` named outcomes")
    total = np.bincount(segments, weights=p, minlength=n_segments)
    named_winner = np.bincount(segments, weights=o, minlength=n_segments)
    if np.any(named_winner > 1):
        raise ValueError("at most one outcome of a segment can be the winner")
    winner_p = np.bincount(segments, weights=p * o, minlength=n_segments)
    named_part = np.bincount(segments, weights=(p - o) ** 2, minlength=n_segments)
    unnamed = k - named
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where((unnamed > 0) & (total < 1), (1 - total) / unnamed, 0.0)
    # 1 - share, written so that a single yes/no claim gives back exactly p.
    winner_unnamed = named_winner == 0
    one_minus_share = np.where((unnamed > 0) & (total < 1), total + (unnamed - 1) * share, 1.0)
    brier_scores = np.minimum(
        0.5 * (named_part + (unnamed - winner_unnamed) * share**2 + np.where(winner_unnamed, one_minus_share**2, 0.0)),
        1.0,
    )
    winner = np.where(winner_unnamed, share, winner_p) / np.maximum(total, 1.0)
    log_losses = -np.log(np.clip(winner, LOG_CLIP, 1 - LOG_CLIP))
    # A single yes/no statement: exactly the binary scores, to the last digit.
    binary = (k == 2) & (named == 1)
    if binary.any():
        brier_scores[binary] = named_part[binary]
        single_log = np.bincount(segments, weights=log_loss(p, o), minlength=n_segments)
        log_losses[binary] = single_log[binary]
    return brier_scores, log_losses


def group_nanmeans(values, groups, n_groups: int) -> np.ndarray:
    """Mean of the non-NaN ``values`` per group (NaN where a group has none)."""
    values = np.asarray(values, dtype=float)
    defined = ~np.isnan(values)
    means, _ = group_means(values[defined], np.asarray(groups)[defined], n_groups)
    return means
