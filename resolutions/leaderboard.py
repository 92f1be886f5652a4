"""The expert leaderboard, computed from the record on every call.

Two queries fetch plain numeric columns: every forecast made before its claim's outcome
became known (forecast id, expert, claim, probability, made-on and known-on as day
numbers, outcome), and the count of pending claims per expert. numpy does the rest:
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
from dataclasses import asdict, dataclass

import numpy as np
from sqlalchemy import Select, func, select
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
        return asdict(self)


def _in_scope(query: Select, outcomes, scope: Scope) -> Select:
    if scope.tag is not None:
        tagged = select(QuestionTag.question_id).where(QuestionTag.tag == scope.tag.strip().lower())
        query = query.where(outcomes.c.question_id.in_(tagged))
    if scope.kind is not None:
        query = query.where(outcomes.c.question_id.in_(select(Question.id).where(Question.kind == scope.kind)))
    if scope.since is not None:
        query = query.where(Forecast.made_on >= scope.since)
    if scope.until is not None:
        query = query.where(Forecast.made_on <= scope.until)
    return query


def _numeric_columns(session: Session, query: Select, width: int) -> np.ndarray:
    """The rows of ``query`` as an (n, width) float array, fetched without ORM objects."""
    rows = session.connection().execute(query).all()
    if not rows:
        return np.zeros((0, width))
    return np.array(rows, dtype=float)


def scored_claims(*, session: Session, scope: Scope = Scope(), policy: str = "latest") -> ScoredClaims:
    """The forecast that counts for every resolved (expert, claim) in scope."""
    outcomes = claim_outcomes().subquery()
    query = _in_scope(
        select(
            Forecast.id,
            Forecast.expert_id,
            Forecast.claim_id,
            Forecast.probability,
            day_number(Forecast.made_on),
            day_number(outcomes.c.known_on),
            outcomes.c.outcome,
        )
        .join(outcomes, outcomes.c.claim_id == Forecast.claim_id)
        .where(outcomes.c.outcome.is_not(None), Forecast.made_on < outcomes.c.known_on),
        outcomes,
        scope,
    )
    columns = _numeric_columns(session, query, 7).T
    return counting_forecasts(
        forecast_id=columns[0],
        expert_id=columns[1],
        claim_id=columns[2],
        probability=columns[3],
        made_day=columns[4],
        known_day=columns[5],
        outcome=columns[6].astype(np.int8),
        policy=policy,
    )


def pending_counts(*, session: Session, scope: Scope = Scope()) -> dict[int, int]:
    """Per expert, the claims they forecast whose outcome is not known yet (not annulled)."""
    outcomes = claim_outcomes().subquery()
    pairs = _in_scope(
        select(Forecast.expert_id, Forecast.claim_id)
        .join(outcomes, outcomes.c.claim_id == Forecast.claim_id)
        .where(outcomes.c.outcome.is_(None), ~outcomes.c.annulled)
        .distinct(),
        outcomes,
        scope,
    ).subquery()
    return dict(session.execute(select(pairs.c.expert_id, func.count()).group_by(pairs.c.expert_id)).all())


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


def _value(number) -> float | None:
    return None if np.isnan(number) else float(number)


def leaderboard(
    *,
    session: Session,
    scope: Scope = Scope(),
    policy: str = "latest",
    metric: str = "brier",
    min_resolved: int = 1,
) -> list[Standing]:
    """Standings of every expert with at least ``min_resolved`` scored claims in scope."""
    field, higher_is_better = METRICS[metric]
    names = dict(session.execute(select(Expert.id, Expert.name)).all())
    size = max(names, default=0) + 1
    scores = score_experts(scored_claims(session=session, scope=scope, policy=policy), size)
    pending = pending_counts(session=session, scope=scope)
    ranking = getattr(scores, field) * (-1 if higher_is_better else 1)
    listed = [expert_id for expert_id in names if scores.resolved[expert_id] >= max(min_resolved, 1)]
    listed.sort(
        key=lambda e: (np.isnan(ranking[e]), np.nan_to_num(ranking[e]), scores.brier[e], names[e].casefold(), e)
    )
    standings, rank = [], 0
    for position, expert_id in enumerate(listed, start=1):
        previous = listed[position - 2] if position > 1 else None
        if previous is None or not np.isclose(ranking[expert_id], ranking[previous], rtol=0, atol=1e-12, equal_nan=True):
            rank = position
        standings.append(
            Standing(
                rank=rank,
                expert=names[expert_id],
                resolved=int(scores.resolved[expert_id]),
                pending=int(pending.get(expert_id, 0)),
                **{
                    key: _value(getattr(scores, key)[expert_id])
                    for key in ("brier", "log_loss", "brier_skill", "relative_brier", "peer_log", "ci_low", "ci_high", "p_value")
                },
            )
        )
    return standings
