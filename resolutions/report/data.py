"""What the site shows, read from the whole record at once (a few whole-table queries).

The numbers are those of the command line's JSON: the standings are ``leaderboard``'s
(default metric and policy), each expert's calibration is ``calibration_report``'s over
the same counting claims (``counting_claims``), each forecast's outcome and own Brier
follow ``expert_profile``'s rule, question statuses come from ``question_page`` and
resolution histories are described by ``describe_resolution``, as ``question show`` does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from trackrecord.forecasts.changes import forecast_roots, live_forecasts, question_changes
from trackrecord.forecasts.experts import list_experts
from trackrecord.forecasts.models import Claim, Expert, Forecast, Question, QuestionOption, Resolution
from trackrecord.forecasts.questions import describe_claim, question_now
from trackrecord.resolutions.leaderboard import PRIOR_QUESTIONS, leaderboard
from trackrecord.resolutions.outcomes import claim_outcomes
from trackrecord.resolutions.profile import Calibration, ForecastOutcome, calibration_of
from trackrecord.resolutions.question_scores import counting_claims
from trackrecord.resolutions.record import record_columns
from trackrecord.resolutions.status import QuestionStatus, ResolutionEntry, question_page
from trackrecord.resolutions.uncertainty import MIN_INTERVAL_N


@dataclass(frozen=True)
class ExpertPage:
    name: str
    slug: str
    affiliation: str | None
    aliases: list[str]
    standing: dict | None  # the expert's row of ``leaderboard --format json``
    calibration: Calibration | None
    forecasts: list[ForecastOutcome]


class Point(NamedTuple):
    """One forecast on a question's page."""

    made_on: dt.date
    probability: float
    expert: str
    expert_slug: str
    quote: str | None
    source: str | None


@dataclass
class ClaimPage:
    claim: str
    deadline: dt.date
    outcome: int | None
    known_on: dt.date | None
    annulled: bool
    forecasts: list[Point] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionPage:
    status: QuestionStatus
    criteria: str | None
    options: list[str]
    claims: list[ClaimPage]
    history: list[ResolutionEntry]

    @property
    def known_on(self) -> dt.date | None:
        return max((c.known_on for c in self.claims if c.known_on is not None), default=None)


@dataclass(frozen=True)
class SiteData:
    standings: list[dict]
    experts: list[ExpertPage]
    questions: list[QuestionPage]
    forecast_count: int
    prior: int = PRIOR_QUESTIONS
    min_interval_n: int = MIN_INTERVAL_N


class _ClaimFields(NamedTuple):
    """What ``describe_claim`` reads of a claim."""

    window_start: dt.date | None
    window_end: dt.date | None
    option_id: int | None
    key: str


def gather(*, session: Session, today: dt.date) -> SiteData:
    columns = record_columns(session=session, with_ids=True)
    standings = [standing.as_dict() for standing in leaderboard(session=session, columns=columns)]
    by_name = {row["expert"]: row for row in standings}
    calibrations = _calibrations(columns)

    statuses = question_page(session=session, today=today)[0]
    question_ids = dict(session.execute(select(Question.slug, Question.id)).all())
    claims, question_of_claim, claim_order = _claims(session)
    experts = list_experts(session=session)
    expert_ids = dict(session.execute(select(Expert.slug, Expert.id)).all())
    names = {expert_ids[e.slug]: e for e in experts}
    slugs = {question_id: slug for slug, question_id in question_ids.items()}

    roots = forecast_roots(session)
    counting = set(calibrations.counting_ids)
    own: dict[int, list[ForecastOutcome]] = defaultdict(list)
    count = 0
    rows = session.execute(
        select(
            Forecast.id, Forecast.expert_id, Forecast.claim_id, Forecast.made_on, Forecast.probability, Forecast.phrase,
            Forecast.quote, Forecast.source,
        ).where(live_forecasts(session)).order_by(Forecast.made_on, Forecast.id)
    )
    for forecast_id, expert_id, claim_id, made_on, probability, phrase, quote, source in rows:
        claim = claims[claim_id]
        outcome = claim.outcome
        before_known = outcome is not None and made_on < claim.known_on
        own[expert_id].append(
            ForecastOutcome(
                id=forecast_id, made_on=made_on, question=slugs[question_of_claim[claim_id]], claim=claim.claim,
                probability=probability, phrase=phrase, quote=quote, source=source,
                outcome="void" if claim.annulled else "pending" if outcome is None else "true" if outcome else "false",
                brier=(probability - outcome) ** 2 if before_known else None,
                counts=roots.get(forecast_id, forecast_id) in counting,
            )
        )
        expert = names.get(expert_id)
        if expert is not None:
            claim.forecasts.append(Point(made_on, probability, expert.name, expert.slug, quote, source))
        count += 1

    expert_pages = [
        ExpertPage(
            name=e.name, slug=e.slug, affiliation=e.affiliation, aliases=e.aliases, standing=by_name.get(e.name),
            calibration=calibrations.by_name.get(e.name), forecasts=own.get(expert_ids[e.slug], []),
        )
        for e in experts
    ]
    details = _question_details(session)
    histories = _histories(session)
    claims_of: dict[int, list[ClaimPage]] = defaultdict(list)
    for claim_id in claim_order:
        claims_of[question_of_claim[claim_id]].append(claims[claim_id])
    question_pages = []
    for status in statuses:
        question_id = question_ids[status.slug]
        criteria, options = details.get(question_id, (None, []))
        question_pages.append(
            QuestionPage(status=status, criteria=criteria, options=options, claims=claims_of.get(question_id, []),
                         history=histories.get(question_id, []))
        )
    return SiteData(standings=standings, experts=expert_pages, questions=question_pages, forecast_count=count)


@dataclass(frozen=True)
class _Calibrations:
    by_name: dict[str, Calibration]
    counting_ids: list[int]


def _calibrations(columns) -> _Calibrations:
    """Each expert's calibration (10 bins, latest policy: ``calibration EXPERT``) and the ids
    of the forecasts that count, from one ``counting_claims`` (its rows are sorted by expert)."""
    claims = counting_claims(columns)
    starts = np.searchsorted(claims.expert_id, np.arange(len(columns.expert_names) + 1))
    by_name = {
        name: calibration_of(claims.probability[a:b], claims.outcome[a:b])
        for name, a, b in zip(columns.expert_names, starts[:-1].tolist(), starts[1:].tolist())
        if b > a
    }
    return _Calibrations(by_name=by_name, counting_ids=claims.forecast_id.tolist())


def _claims(session: Session) -> tuple[dict[int, ClaimPage], dict[int, int], list[int]]:
    """Every claim as ``question show`` describes it (by id), its question, and the claims in
    ``question show``'s order (deadline, window start, id)."""
    outcomes = claim_outcomes().subquery()
    rows = session.execute(
        select(
            outcomes.c.claim_id, outcomes.c.question_id, outcomes.c.deadline, outcomes.c.outcome, outcomes.c.known_on,
            outcomes.c.annulled, Claim.window_start, Claim.window_end, Claim.option_id, Claim.key, QuestionOption.label,
        )
        .join(Claim, Claim.id == outcomes.c.claim_id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .order_by(outcomes.c.question_id, outcomes.c.deadline, Claim.window_start, Claim.id)
    ).all()
    claims, question_of, order = {}, {}, []
    for claim_id, question_id, deadline, outcome, known_on, annulled, start, end, option_id, key, label in rows:
        text = label or describe_claim(_ClaimFields(start, end, option_id, key))
        claims[claim_id] = ClaimPage(text, deadline, outcome, known_on, bool(annulled))
        question_of[claim_id] = question_id
        order.append(claim_id)
    return claims, question_of, order


def _question_details(session: Session) -> dict[int, tuple[str | None, list[str]]]:
    """Per question id: its criteria as edited and its options' labels."""
    options: dict[int, list[str]] = defaultdict(list)
    for question_id, label in session.execute(
        select(QuestionOption.question_id, QuestionOption.label).order_by(QuestionOption.question_id, QuestionOption.position, QuestionOption.id)
    ).all():
        options[question_id].append(label)
    edits = question_changes(session)
    found = {}
    for question_id, title, criteria, deadline in session.execute(select(Question.id, Question.title, Question.criteria, Question.deadline)).all():
        edited = edits.get(question_id)
        if edited:
            criteria = question_now(_Base(title, criteria, deadline), edited, []).criteria
        found[question_id] = (criteria, options.get(question_id, []))
    return found


class _Base(NamedTuple):
    title: str
    criteria: str | None
    deadline: dt.date | None


def _histories(session: Session) -> dict[int, list[ResolutionEntry]]:
    """Per question id: its resolutions, oldest first, as ``question show`` lists them."""
    from trackrecord.resolutions.resolving import describe_resolution

    grouped: dict[int, list[Resolution]] = defaultdict(list)
    for resolution in session.execute(select(Resolution).order_by(Resolution.question_id, Resolution.id)).scalars():
        grouped[resolution.question_id].append(resolution)
    return {
        question_id: [
            ResolutionEntry(
                description=describe_resolution(session, r), evidence=r.evidence, note=r.note, forced=r.forced,
                current=index == len(resolutions) - 1, recorded_at=r.recorded_at,
            )
            for index, r in enumerate(resolutions)
        ]
        for question_id, resolutions in grouped.items()
    }
