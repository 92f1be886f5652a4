"""The expert leaderboard, computed from the record on every call.

One query fetches the columns of every forecast on a decided or pending claim (expert,
claim, probability, whether it was made before the outcome became known, the outcome);
numpy does the rest. Nothing loops over ORM objects, and no score is ever stored.

Which forecast counts: for each expert and claim, the latest forecast made before the
claim's outcome became known (ties on ``made_on`` go to the one recorded last). Each
scored claim counts once. Annulled questions are never scored; their claims are neither
resolved nor pending.

Ranking: by mean Brier, lower first; equal scores share a rank and are listed by name.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
from sqlalchemy import case, literal, select
from sqlmodel import Session

from forecasts.models import Claim, Expert, Forecast, QuestionTag
from resolutions import scoring
from resolutions.outcomes import claim_outcomes


@dataclass(frozen=True)
class Standing:
    rank: int
    expert: str
    resolved: int
    pending: int
    brier: float | None
    log_loss: float | None
    brier_skill: float | None
    relative_brier: float | None = None
    peer_log: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ForecastColumns:
    """Every forecast's columns, sorted by expert, claim, made_on, recording order."""

    expert_id: np.ndarray
    claim_id: np.ndarray
    probability: np.ndarray
    before_known: np.ndarray  # made before the claim's outcome became known
    outcome: np.ndarray  # 1, 0, or -1 while pending
    annulled: np.ndarray


def forecast_columns(*, session: Session, tag: str | None = None) -> ForecastColumns:
    """Fetch the columns scoring needs in one query."""
    outcomes = claim_outcomes().subquery()
    before_known = case(
        (outcomes.c.known_on.is_not(None) & (Forecast.made_on < outcomes.c.known_on), literal(1)), else_=literal(0)
    )
    query = (
        select(
            Forecast.expert_id,
            Forecast.claim_id,
            Forecast.probability,
            before_known,
            outcomes.c.outcome,
            outcomes.c.annulled,
        )
        .join(outcomes, outcomes.c.claim_id == Forecast.claim_id)
        .order_by(Forecast.expert_id, Forecast.claim_id, Forecast.made_on, Forecast.id)
    )
    if tag is not None:
        tagged = select(QuestionTag.question_id).where(QuestionTag.tag == tag.strip().lower())
        query = query.where(outcomes.c.question_id.in_(tagged))
    rows = session.execute(query).all()
    columns = list(zip(*rows)) if rows else [()] * 6
    return ForecastColumns(
        expert_id=np.asarray(columns[0], dtype=np.int64),
        claim_id=np.asarray(columns[1], dtype=np.int64),
        probability=np.asarray(columns[2], dtype=float),
        before_known=np.asarray(columns[3], dtype=bool),
        outcome=np.asarray([-1 if o is None else o for o in columns[4]], dtype=np.int8),
        annulled=np.asarray(columns[5], dtype=bool),
    )


def _last_of_each_pair(expert_id: np.ndarray, claim_id: np.ndarray) -> np.ndarray:
    """Mask of the last row of each run of equal (expert, claim) in sorted columns."""
    if expert_id.size == 0:
        return np.zeros(0, dtype=bool)
    last = np.ones(expert_id.size, dtype=bool)
    last[:-1] = (expert_id[1:] != expert_id[:-1]) | (claim_id[1:] != claim_id[:-1])
    return last


def leaderboard(*, session: Session, tag: str | None = None, min_resolved: int = 1) -> list[Standing]:
    """Standings of every expert with at least ``min_resolved`` scored claims."""
    columns = forecast_columns(session=session, tag=tag)
    counted = columns.before_known & (columns.outcome >= 0)
    pick = counted.copy()
    pick[counted] = _last_of_each_pair(columns.expert_id[counted], columns.claim_id[counted])

    pending_rows = (columns.outcome < 0) & ~columns.annulled
    pending_pairs = pending_rows.copy()
    pending_pairs[pending_rows] = _last_of_each_pair(columns.expert_id[pending_rows], columns.claim_id[pending_rows])

    names = dict(session.execute(select(Expert.id, Expert.name)).all())
    size = max(names, default=0) + 1
    experts = columns.expert_id[pick]
    probability, outcome = columns.probability[pick], columns.outcome[pick]
    mean_brier, resolved = scoring.group_means(scoring.brier(probability, outcome), experts, size)
    mean_log, _ = scoring.group_means(scoring.log_loss(probability, outcome), experts, size)
    pending = np.bincount(columns.expert_id[pending_pairs], minlength=size)

    ranked = sorted(
        (expert_id for expert_id in names if resolved[expert_id] >= max(min_resolved, 1)),
        key=lambda expert_id: (mean_brier[expert_id], names[expert_id].casefold()),
    )
    standings, rank = [], 0
    for position, expert_id in enumerate(ranked, start=1):
        if position == 1 or not np.isclose(mean_brier[expert_id], mean_brier[ranked[position - 2]], rtol=0, atol=1e-12):
            rank = position
        standings.append(
            Standing(
                rank=rank,
                expert=names[expert_id],
                resolved=int(resolved[expert_id]),
                pending=int(pending[expert_id]),
                brier=float(mean_brier[expert_id]),
                log_loss=float(mean_log[expert_id]),
                brier_skill=float(scoring.brier_skill(mean_brier[expert_id])),
            )
        )
    return standings
