"""The expert leaderboard, computed from the record on every call.

Two queries fetch plain numeric columns: every claim in scope with its outcome and the
day it became known, and every forecast (id, expert, claim, probability, made-on as a
day number); numpy joins them by claim id and does the rest:
``resolutions.policy`` picks the forecast that counts, ``resolutions.scoring`` and
``resolutions.uncertainty`` score it. Nothing loops over ORM objects; no score is stored.

Each scored claim counts once. Annulled questions are never scored, and their claims are
neither resolved nor pending. Relative Brier and peer scores compare an expert with the
other experts on the same claim *within the chosen scope* (tag, kind, dates).

Ranking: by ``metric`` in its better direction; experts without a value for it (no claim
shared with a peer, for relative and peer) come last; ties go to the lower mean Brier,
then to the name. Equal metric values share a rank.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Select, case, func, literal, select
from sqlmodel import Session

from forecasts.models import Expert, Forecast, Question, QuestionTag
from resolutions import scoring, uncertainty
from resolutions.days import day_number
from resolutions.outcomes import claim_outcomes
from resolutions.policy import ScoredClaims, counting_forecasts

#: --metric name -> (Standing field, True when higher is better)
METRICS = {
    "brier": ("brier", False),
    "log": ("log_loss", False),
    "skill": ("brier_skill", True),
    "relative": ("relative_brier", False),
    "peer": ("peer_log", True),
}


@dataclass(frozen=True)
class Scope:
    """Which forecasts are scored: questions with ``tag`` / of ``kind``, made in [since, until]."""

    tag: str | None = None
    kind: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Standing:
    rank: int
    expert: str
    resolved: int
    pending: int
    brier: float | None
    log_loss: float | None
    brier_skill: float | None
    relative_brier: float | None
    peer_log: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None

    def as_dict(self) -> dict:
        return dict(vars(self))


def _fetch(session: Session, query: Select, width: int) -> np.ndarray:
    """The rows of ``query`` as an (n, width) float array.

    Rows come straight from the driver's cursor: every column here is a number, and
    building a million SQLAlchemy Row objects first would cost more than the query.
    """
    result = session.connection().execute(query)
    rows = result.cursor.fetchall() if result.cursor is not None else []
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=float, count=len(rows) * width)
    return flat.reshape(-1, width)


PENDING, VOID, OUT_OF_SCOPE = -1, -2, -3


@dataclass(frozen=True)
class RecordColumns:
    """Every forecast in scope, with its claim's outcome (1, 0, PENDING or VOID) and known day.

    ``forecast_id`` is the forecast's id when asked for, else its position in recording
    order: either way it orders forecasts made on the same day by when they were recorded.
    """

    forecast_id: np.ndarray
    expert_id: np.ndarray
    claim_id: np.ndarray
    probability: np.ndarray
    made_day: np.ndarray
    outcome: np.ndarray
    known_day: np.ndarray


def record_columns(*, session: Session, scope: Scope = Scope(), with_ids: bool = False) -> RecordColumns:
    """Two queries, claims with their outcomes and forecasts, joined by claim id in numpy."""
    outcomes = claim_outcomes().subquery()
    state = case(
        (outcomes.c.annulled, literal(VOID)), (outcomes.c.outcome.is_(None), literal(PENDING)), else_=outcomes.c.outcome
    )
    claims_query = select(outcomes.c.claim_id, state, func.coalesce(day_number(outcomes.c.known_on), 0))
    if scope.tag is not None:
        tagged = select(QuestionTag.question_id).where(QuestionTag.tag == scope.tag.strip().lower())
        claims_query = claims_query.where(outcomes.c.question_id.in_(tagged))
    if scope.kind is not None:
        claims_query = claims_query.where(outcomes.c.question_id.in_(select(Question.id).where(Question.kind == scope.kind)))
    wanted = [Forecast.expert_id, Forecast.claim_id, Forecast.probability, day_number(Forecast.made_on)]
    # In recording order: free on the primary key, and it spares numpy a sort.
    forecasts_query = select(*([Forecast.id] if with_ids else []), *wanted).order_by(Forecast.id)
    if scope.since is not None:
        forecasts_query = forecasts_query.where(Forecast.made_on >= scope.since)
    if scope.until is not None:
        forecasts_query = forecasts_query.where(Forecast.made_on <= scope.until)

    claim_ids, claim_state, claim_known = _fetch(session, claims_query, 3).T.astype(np.int64)
    forecasts = _fetch(session, forecasts_query, len(wanted) + with_ids).T
    forecast_id = forecasts[0] if with_ids else np.arange(forecasts.shape[1])
    expert_id, claim_id, probability, made_day = forecasts[with_ids:]
    claim_id = claim_id.astype(np.int64)
    size = int(max(claim_ids.max(initial=0), claim_id.max(initial=0))) + 1
    outcome_of = np.full(size, OUT_OF_SCOPE, dtype=np.int8)
    known_of = np.zeros(size, dtype=np.int64)
    outcome_of[claim_ids] = claim_state
    known_of[claim_ids] = claim_known
    outcome = outcome_of[claim_id]
    keep = outcome != OUT_OF_SCOPE
    if keep.all():  # no scope on questions: skip copying a million rows
        keep = slice(None)
    return RecordColumns(
        forecast_id=forecast_id[keep].astype(np.int64),
        expert_id=expert_id[keep].astype(np.int64),
        claim_id=claim_id[keep],
        probability=np.ascontiguousarray(probability[keep]),
        made_day=made_day[keep].astype(np.int64),
        outcome=outcome[keep],
        known_day=known_of[claim_id[keep]],
    )


def scored_claims(*, columns: RecordColumns, policy: str = "latest") -> ScoredClaims:
    """The forecast that counts for every resolved (expert, claim), among those made before the outcome was known."""
    counted = (columns.outcome >= 0) & (columns.made_day < columns.known_day)
    return counting_forecasts(
        forecast_id=columns.forecast_id[counted],
        expert_id=columns.expert_id[counted],
        claim_id=columns.claim_id[counted],
        probability=columns.probability[counted],
        made_day=columns.made_day[counted],
        known_day=columns.known_day[counted],
        outcome=columns.outcome[counted],
        policy=policy,
    )


def pending_counts(columns: RecordColumns, size: int) -> np.ndarray:
    """Per expert id, the claims they forecast whose outcome is not known yet (annulled excluded)."""
    pending = columns.outcome == PENDING
    pairs = np.unique(np.stack([columns.expert_id[pending], columns.claim_id[pending]]), axis=1)
    return np.bincount(pairs[0], minlength=size)


@dataclass(frozen=True)
class ExpertScores:
    """Per-expert score arrays indexed by expert id (NaN where undefined)."""

    resolved: np.ndarray
    brier: np.ndarray
    log_loss: np.ndarray
    brier_skill: np.ndarray
    relative_brier: np.ndarray
    peer_log: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    p_value: np.ndarray


def score_experts(scored: ScoredClaims, size: int) -> ExpertScores:
    """Every metric of DESIGN.md for every expert id below ``size``."""
    experts = scored.expert_id
    brier = scoring.brier(scored.probability, scored.outcome)
    mean_brier, resolved = scoring.group_means(brier, experts, size)
    mean_log, _ = scoring.group_means(scoring.log_loss(scored.probability, scored.outcome), experts, size)
    ci_low, ci_high = uncertainty.bootstrap_mean_interval(brier, experts, size)
    return ExpertScores(
        resolved=resolved,
        brier=mean_brier,
        log_loss=mean_log,
        brier_skill=scoring.brier_skill(mean_brier),
        relative_brier=scoring.group_nanmeans(scoring.relative_brier(brier, scored.claim_id), experts, size),
        peer_log=scoring.group_nanmeans(scoring.peer_log(scored.probability, scored.outcome, scored.claim_id), experts, size),
        ci_low=ci_low,
        ci_high=ci_high,
        p_value=uncertainty.beats_chance_pvalue(brier, experts, size),
    )


def _defined(number: float) -> float | None:
    """``number``, or None for NaN (undefined)."""
    return None if math.isnan(number) else number


def leaderboard(
    *,
    session: Session,
    scope: Scope = Scope(),
    policy: str = "latest",
    metric: str = "brier",
    min_resolved: int = 1,
    columns: RecordColumns | None = None,
) -> list[Standing]:
    """Standings of every expert with at least ``min_resolved`` scored claims in scope.

    ``columns`` (from ``record_columns`` with the same scope) saves fetching them again.
    """
    field, higher_is_better = METRICS[metric]
    names = dict(session.execute(select(Expert.id, Expert.name)).all())
    size = max(names, default=0) + 1
    if columns is None:
        columns = record_columns(session=session, scope=scope)
    scores = score_experts(scored_claims(columns=columns, policy=policy), size)
    pending = pending_counts(columns, size)
    ranking = getattr(scores, field) * (-1 if higher_is_better else 1)
    ids = np.array(sorted(names), dtype=np.int64)
    ids = ids[scores.resolved[ids] >= max(min_resolved, 1)]
    folded = np.array([names[expert_id].casefold() for expert_id in ids], dtype=object)
    value = ranking[ids]
    undefined = np.isnan(value)
    order = np.lexsort((ids, folded, scores.brier[ids], np.where(undefined, 0.0, value), undefined))
    ids, value = ids[order], value[order]
    # Competition ranks: equal metric values (within 1e-12) share the first position's rank.
    same_as_previous = np.zeros(ids.size, dtype=bool)
    same_as_previous[1:] = np.isclose(value[1:], value[:-1], rtol=0, atol=1e-12, equal_nan=True)
    positions = np.arange(1, ids.size + 1)
    ranks = np.maximum.accumulate(np.where(same_as_previous, 0, positions))
    metrics = ("brier", "log_loss", "brier_skill", "relative_brier", "peer_log", "ci_low", "ci_high", "p_value")
    values = {key: getattr(scores, key)[ids].tolist() for key in metrics}
    resolved, pending_of = scores.resolved[ids].tolist(), pending[ids].tolist()
    standings = [
        Standing(
            rank=int(rank),
            expert=names[expert_id],
            resolved=resolved[index],
            pending=pending_of[index],
            **{key: _defined(values[key][index]) for key in metrics},
        )
        for index, (expert_id, rank) in enumerate(zip(ids.tolist(), ranks.tolist()))
    ]
    return standings
