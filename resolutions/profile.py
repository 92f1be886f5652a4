"""One expert's record in depth, and calibration reports.

The profile gathers the expert's standing (the leaderboard's computation over the
questions the expert forecast, with everyone's forecasts on them: the same scores as on
the leaderboard, relative and peer scores compared with everyone, in a fraction of the
time on a big record; the rank needs every expert and is left to ``leaderboard``), a
calibration summary, and every
forecast with its claim's outcome, its own Brier score, and whether it is the one that
counts (the latest made before the outcome was known).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from trackrecord.forecasts.changes import forecast_roots, live_forecasts
from trackrecord.forecasts.experts import aliases_of, display_name, find_expert
from trackrecord.forecasts.models import Claim, Forecast, Question, QuestionOption
from trackrecord.forecasts.questions import describe_claim
from trackrecord.resolutions.history import HistoryEntry, history
from trackrecord.resolutions.calibration import CalibrationTable, Murphy, calibration_table, murphy_decomposition
from trackrecord.resolutions.leaderboard import Standing, leaderboard
from trackrecord.resolutions.outcomes import claim_outcomes
from trackrecord.resolutions.policy import ScoredClaims
from trackrecord.resolutions.question_scores import counting_claims
from trackrecord.resolutions.record import Focus, Scope, record_columns


@dataclass(frozen=True)
class ForecastOutcome:
    id: int
    made_on: dt.date
    question: str
    claim: str
    probability: float
    phrase: str | None
    quote: str | None
    source: str | None
    outcome: str  # true, false, pending, void
    brier: float | None  # None while pending, void, or made after the outcome was known
    counts: bool


@dataclass(frozen=True)
class Calibration:
    forecasts: int
    table: CalibrationTable
    murphy: Murphy
    mean_brier: float


@dataclass(frozen=True)
class ExpertProfile:
    name: str
    slug: str
    affiliation: str | None
    aliases: list[str]
    standing: Standing | None
    calibration: Calibration | None
    forecasts: list[ForecastOutcome]
    history: list[HistoryEntry]


def calibration_report(
    *,
    session: Session,
    expert: str | None = None,
    scope: Scope = Scope(),
    policy: str = "latest",
    bins: int | None = 10,
    scored: tuple[ScoredClaims, int | None] | None = None,
) -> Calibration | None:
    """Calibration of one expert's (or everyone's) scored claims; None when nothing is scored.

    Calibration is about stated probabilities, so its unit is the claim (each named
    option or window with the probability that counts), not the question.
    ``scored`` (the scope's counting claims under ``policy`` and the expert's canonical
    number) saves computing them again.
    """
    if scored is None:
        found = None if expert is None else find_expert(session=session, name=expert)
        columns = record_columns(session=session, scope=scope, focus=found and Focus(found.id, peers=False))
        number = None if found is None else columns.number_of(found.id)
        scored = counting_claims(columns, policy), number
    claims, number = scored
    mask = np.ones(claims.expert_id.size, dtype=bool)
    if expert is not None:
        mask = claims.expert_id == (-1 if number is None else number)
    if not mask.any():
        return None
    return calibration_of(claims.probability[mask], claims.outcome[mask], bins)


def calibration_of(p: np.ndarray, o: np.ndarray, bins: int | None = 10, table: CalibrationTable | None = None) -> Calibration:
    """The calibration of the counting probabilities ``p`` of claims with outcomes ``o``
    (``table``: their calibration table, if already computed)."""
    table = table if table is not None else calibration_table(p, o, bins)
    return Calibration(
        forecasts=int(p.size),
        table=table,
        murphy=murphy_decomposition(p, o, bins, table=table),
        mean_brier=float(np.mean((p - o) ** 2)),
    )


def expert_profile(*, session: Session, name: str) -> ExpertProfile:
    """Scores with intervals, calibration, and every forecast of the expert (latest policy)."""
    expert = find_expert(session=session, name=name)
    shown = display_name(session, expert)
    columns = record_columns(session=session, with_ids=True, focus=Focus(expert.id))
    number = columns.number_of(expert.id)
    claims = counting_claims(columns)
    # Over the expert's questions only: their scores are the leaderboard's, their rank is not known here.
    standing = next((replace(s, rank=None) for s in leaderboard(session=session, columns=columns) if s.expert == shown), None)
    outcomes = claim_outcomes().subquery()
    rows = session.execute(
        select(Forecast, Question.slug, Claim, QuestionOption.label, outcomes.c.outcome, outcomes.c.known_on, outcomes.c.annulled)
        .join(Claim, Claim.id == Forecast.claim_id)
        .join(Question, Question.id == Claim.question_id)
        .join(outcomes, outcomes.c.claim_id == Claim.id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .where(Forecast.expert_id == expert.id, live_forecasts(session))
        .order_by(Forecast.made_on, Forecast.id)
    ).all()
    counting = set(claims.forecast_id[claims.expert_id == number].tolist())
    roots = forecast_roots(session)
    forecasts = []
    for forecast, slug, claim, label, outcome, known_on, annulled in rows:
        before_known = outcome is not None and forecast.made_on < known_on
        forecasts.append(
            ForecastOutcome(
                id=forecast.id,
                made_on=forecast.made_on,
                question=slug,
                claim=label or describe_claim(claim),
                probability=forecast.probability,
                phrase=forecast.phrase,
                quote=forecast.quote,
                source=forecast.source,
                outcome="void" if annulled else "pending" if outcome is None else "true" if outcome else "false",
                brier=(forecast.probability - outcome) ** 2 if before_known else None,
                counts=roots.get(forecast.id, forecast.id) in counting,
            )
        )
    return ExpertProfile(
        name=shown,
        slug=expert.slug,
        affiliation=expert.affiliation,
        aliases=aliases_of(session=session, expert=expert),
        standing=standing,
        calibration=calibration_report(session=session, expert=expert.slug, scored=(claims, number)),
        forecasts=forecasts,
        history=history(session=session, expert=expert.slug),
    )
