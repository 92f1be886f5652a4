"""The expert leaderboard, computed from the record on every call.

``resolutions.record`` reads the record as numeric columns in canonical order,
``resolutions.question_scores`` turns them into one score per (expert, question) and
this module aggregates per expert: every metric is a mean over the expert's questions
(each question counts once, whatever the number of options or windows named), with
``resolutions.uncertainty`` for the interval and the test. Nothing
loops over ORM objects; no score is stored.

Annulled questions are never scored, and their claims are neither resolved nor pending.
Relative Brier and peer scores compare an expert with the other experts on the same
question (question-level scores) *within the chosen scope* (tag, kind, dates).

**Ranking.** By default, the *adjusted Brier*: each expert's mean shrunk toward the
always-50% score by the amount of evidence,

.. math::

    \\tilde b_i = \\frac{n_i \\bar b_i + k \\cdot 0.25}{n_i + k}, \\qquad k = 5,

as if every expert started with five questions answered at 50%. One question at 0.01
gives 0.21; thirty questions at 0.10 give 0.121, so a lucky question never outranks a
long good record, and a long record barely moves (a Bayesian average with a sceptical
prior; it depends on the expert's own record only, so adding other experts never
reorders two experts). ``--metric`` ranks by a raw metric instead. Experts without a
value for the metric (no question shared with a peer, for relative and peer) come last;
ties go to the lower mean Brier, then to the name. Equal values share a rank.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
from sqlmodel import Session

from trackrecord.resolutions import scoring, uncertainty
from trackrecord.resolutions.question_scores import QuestionScores, question_scores
from trackrecord.resolutions.record import PENDING, RecordColumns, Scope, record_columns

#: Strength of the sceptical prior of the adjusted Brier, in questions at always-50%.
PRIOR_QUESTIONS = 5

#: --metric name -> (Standing field, True when higher is better)
METRICS = {
    "adjusted": ("adjusted_brier", False),
    "brier": ("brier", False),
    "log": ("log_loss", False),
    "skill": ("brier_skill", True),
    "relative": ("relative_brier", False),
    "peer": ("peer_log", True),
    "peer-total": ("peer_total", True),
}

__all__ = ["METRICS", "Scope", "Standing", "leaderboard", "record_columns", "score_experts"]


@dataclass(frozen=True)
class Standing:
    rank: int | None  # None in an expert's profile, computed over their questions only
    expert: str
    resolved: int
    pending: int
    adjusted_brier: float | None
    brier: float | None
    log_loss: float | None
    brier_skill: float | None
    relative_brier: float | None
    peer_log: float | None
    peer_total: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None

    def as_dict(self) -> dict:
        return dict(vars(self))


def pending_counts(columns: RecordColumns, scored: QuestionScores, size: int) -> np.ndarray:
    """Per expert, the questions they forecast that are undecided for them (annulled excluded).

    A question already scored for the expert (a date question with some windows decided)
    counts as resolved, not pending.
    """
    questions = max(int(columns.claim_question.max(initial=-1)) + 1, 1)
    pending = columns.outcome == PENDING
    waiting = np.unique(columns.expert[pending] * questions + columns.claim_question[columns.claim[pending]])
    resolved = scored.expert * questions + scored.question  # ascending: scored rows are in this order
    found = np.minimum(np.searchsorted(resolved, waiting), max(resolved.size - 1, 0))
    if resolved.size:
        waiting = waiting[resolved[found] != waiting]
    return np.bincount(waiting // questions, minlength=size)


@dataclass(frozen=True)
class ExpertScores:
    """Per-expert score arrays indexed by canonical expert number (NaN where undefined)."""

    resolved: np.ndarray
    adjusted_brier: np.ndarray
    brier: np.ndarray
    log_loss: np.ndarray
    brier_skill: np.ndarray
    relative_brier: np.ndarray
    peer_log: np.ndarray
    peer_total: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    p_value: np.ndarray


def score_experts(scored: QuestionScores, size: int) -> ExpertScores:
    """Every metric of DESIGN.md for every expert number below ``size``, one vote per question."""
    experts = scored.expert
    mean_brier, resolved = scoring.group_means(scored.brier, experts, size)
    mean_log, _ = scoring.group_means(scored.log_loss, experts, size)
    total_brier = np.bincount(experts, weights=scored.brier, minlength=size)
    peer = scoring.peer_log(-scored.log_loss, scored.question)
    shared = ~np.isnan(peer)
    peer_total = np.bincount(experts[shared], weights=peer[shared], minlength=size)
    ci_low, ci_high = uncertainty.mean_interval(scored.brier, experts, size)
    return ExpertScores(
        resolved=resolved,
        adjusted_brier=(total_brier + PRIOR_QUESTIONS * scoring.CHANCE_BRIER) / (resolved + PRIOR_QUESTIONS),
        brier=mean_brier,
        log_loss=mean_log,
        brier_skill=scoring.brier_skill(mean_brier),
        relative_brier=scoring.group_nanmeans(scoring.relative_brier(scored.brier, scored.question), experts, size),
        peer_log=scoring.group_nanmeans(peer, experts, size),
        peer_total=np.where(np.bincount(experts[shared], minlength=size) > 0, peer_total, np.nan),
        ci_low=ci_low,
        ci_high=ci_high,
        p_value=uncertainty.beats_chance_pvalue(scored.brier, experts, size),
    )


def leaderboard(
    *,
    session: Session,
    scope: Scope = Scope(),
    policy: str = "latest",
    metric: str = "adjusted",
    min_resolved: int = 1,
    columns: RecordColumns | None = None,
) -> list[Standing]:
    """Standings of every expert with at least ``min_resolved`` scored questions in scope.

    ``columns`` (from ``record_columns`` with the same scope) saves fetching them again.
    """
    field, higher_is_better = METRICS[metric]
    if columns is None:
        columns = record_columns(session=session, scope=scope)
    size = len(columns.expert_names)
    scored = question_scores(columns, policy)
    scores = score_experts(scored, size)
    pending = pending_counts(columns, scored, size)
    ranking = getattr(scores, field) * (-1 if higher_is_better else 1)
    # Canonical numbers follow the folded names, so the number breaks ties by name.
    numbers = np.flatnonzero(scores.resolved >= max(min_resolved, 1))
    value = ranking[numbers]
    undefined = np.isnan(value)
    order = np.lexsort((numbers, scores.brier[numbers], np.where(undefined, 0.0, value), undefined))
    numbers, value = numbers[order], value[order]
    # Competition ranks: equal metric values (within 1e-12) share the first position's rank.
    same_as_previous = np.zeros(numbers.size, dtype=bool)
    same_as_previous[1:] = np.isclose(value[1:], value[:-1], rtol=0, atol=1e-12, equal_nan=True)
    positions = np.arange(1, numbers.size + 1)
    ranks = np.maximum.accumulate(np.where(same_as_previous, 0, positions))
    metrics = [field.name for field in fields(Standing)][4:]  # after rank, expert, resolved, pending
    # Column by column (10,000 experts are 100,000 values): NaN (undefined) becomes None.
    values = [[None if math.isnan(v) else v for v in getattr(scores, key)[numbers].tolist()] for key in metrics]
    names = columns.expert_names
    return [
        Standing(rank, names[number], resolved, pending_of, *metric_values)
        for number, rank, resolved, pending_of, *metric_values in zip(
            numbers.tolist(), ranks.tolist(), scores.resolved[numbers].tolist(), pending[numbers].tolist(), *values
        )
    ]
