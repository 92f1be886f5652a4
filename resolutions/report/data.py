"""What the site shows, read from the whole record at once (a few whole-table queries).

The numbers are those of the command line's JSON: the standings are ``leaderboard``'s
(default metric and policy), each expert's calibration is ``calibration_report``'s over
the same counting claims (``counting_claims``), each forecast's outcome and own Brier
follow ``expert_profile``'s rule, question statuses come from ``question_page`` and
resolution histories are described by ``describe_resolution``, as ``question show`` does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlmodel import Session

from trackrecord.forecasts.changes import forecast_roots, live_forecasts, question_changes
from trackrecord.forecasts.experts import list_experts
from trackrecord.resolutions.calibration import grouped_calibration_tables
from trackrecord.forecasts.models import Claim, Expert, Forecast, Question, QuestionOption, Resolution
from trackrecord.forecasts.questions import describe_claim, question_now
from trackrecord.resolutions.leaderboard import PRIOR_QUESTIONS, leaderboard
from trackrecord.resolutions.outcomes import claim_outcomes
from trackrecord.resolutions.profile import Calibration, calibration_of
from trackrecord.resolutions.question_scores import counting_claims
from trackrecord.resolutions.record import record_columns
from trackrecord.resolutions.status import QuestionStatus, ResolutionEntry, question_page
from trackrecord.resolutions.uncertainty import MIN_INTERVAL_N


class ForecastRow(NamedTuple):
    """One forecast on its expert's page, as ``expert show`` gives it, formatted: the
    probability as a percentage (and the phrase said), the own Brier to 4 decimals (empty
    while pending, void, or when made after the outcome was known), ★ when it counts.

    Every field is HTML, written by the template as it is: the record's text (slug, claim,
    phrase, quote, source) is escaped here, once per value (``markupsafe.escape``); the rest
    are dates, numbers and fixed words. A big record has a million rows, and escaping each
    cell again in the template took most of the report's time."""

    made_on: str
    question: Markup
    claim: Markup
    probability: str
    outcome: str
    brier: str
    counts: str
    quote: Markup | None
    source: Markup | None
    linked: bool  # the source is a web address


@dataclass(frozen=True)
class ExpertPage:
    name: str
    slug: str
    affiliation: str | None
    aliases: list[str]
    standing: dict | None  # the expert's row of ``leaderboard --format json``
    calibration: Calibration | None
    forecasts: list[ForecastRow]


class Point(NamedTuple):
    """One forecast on a question's page; the expert's name and slug as HTML (escaped)."""

    made_on: dt.date
    probability: float
    expert: Markup
    expert_slug: Markup


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
    """What every page needs; the experts' and questions' pages themselves are streamed
    (``expert_pages``, ``question_pages``), one at a time, so memory stays flat."""

    standings: list[dict]
    experts: list  # forecasts.experts.ExpertSummary, by name
    statuses: list[QuestionStatus]  # by slug
    forecast_count: int
    calibrations: dict[str, Calibration]
    counting: set[int]
    claims: dict[int, ClaimPage]
    question_of_claim: dict[int, int]
    claim_order: list[int]
    prior: int = PRIOR_QUESTIONS
    min_interval_n: int = MIN_INTERVAL_N


class _ClaimFields(NamedTuple):
    """What ``describe_claim`` reads of a claim."""

    window_start: dt.date | None
    window_end: dt.date | None
    option_id: int | None
    key: str


class Scores(NamedTuple):
    """The standings (``leaderboard --format json``'s rows), each expert's calibration, and
    the ids of the forecasts that count."""

    standings: list[dict]
    calibrations: dict[str, Calibration]
    counting: set[int]


def record_scores(*, session: Session) -> Scores:
    """The record's scores, from one read of its columns (``record_columns``)."""
    columns = record_columns(session=session, with_ids=True)
    standings = [standing.as_dict() for standing in leaderboard(session=session, columns=columns)]
    return Scores(standings, *_calibrations(columns))


def gather(*, session: Session, today: dt.date, scored: Callable[[], Scores] | None = None) -> SiteData:
    """The standings, calibrations, experts, question statuses and claims of the record.
    ``scored``: where the scores come from when they are being read elsewhere meanwhile
    (called once the rest is read); else they are read here."""
    claims, question_of_claim, claim_order = _claims(session)
    experts, statuses = list_experts(session=session), question_page(session=session, today=today)[0]
    forecast_count = session.execute(select(func.count()).select_from(Forecast).where(live_forecasts(session))).scalar_one()
    standings, calibrations, counting = scored() if scored is not None else record_scores(session=session)
    return SiteData(
        standings=standings, experts=experts, statuses=statuses, forecast_count=forecast_count,
        calibrations=calibrations, counting=counting, claims=claims, question_of_claim=question_of_claim, claim_order=claim_order,
    )


def expert_pages(*, session: Session, data: SiteData, part: tuple[int, int] = (0, 1)) -> Iterator[ExpertPage]:
    """Each expert's page, by name: standing, calibration, and every forecast as ``expert
    show`` lists it (made-on order; outcome; own Brier, counted only when made before the
    outcome was known; whether it is the one that counts). ``part`` (k, n): only the
    experts whose id is k modulo n (one of n processes writing the site)."""
    k, n = part
    by_name = {row["expert"]: row for row in data.standings}
    ids = dict(session.execute(select(Expert.slug, Expert.id)).all())
    slugs = {question_id: escape(slug) for question_id, slug in session.execute(select(Question.id, Question.slug)).all()}
    # Per claim, once: its question's slug and its text as HTML, its outcome as shown and as a number, the day it was known.
    claims = {
        claim_id: (slugs[data.question_of_claim[claim_id]], escape(claim.claim),
                   "void" if claim.annulled else "pending" if claim.outcome is None else "true" if claim.outcome else "false",
                   claim.outcome, claim.known_on)
        for claim_id, claim in data.claims.items()
    }
    phrases: dict[str, Markup] = {}  # the verbal scale's few phrases, escaped once each
    roots, counting = forecast_roots(session), data.counting
    rows = session.connection().execute(  # Core: the rows need no ORM processing
        select(Forecast.expert_id, Forecast.id, Forecast.claim_id, Forecast.made_on, Forecast.probability, Forecast.phrase,
               Forecast.quote, Forecast.source)
        .where(live_forecasts(session), Forecast.expert_id % n == k).order_by(Forecast.expert_id, Forecast.made_on, Forecast.id)
    )
    streamed = _grouped(rows)
    pending = next(streamed, None)
    # Experts by id for the stream, by name for the pages: pages are written as their forecasts arrive.
    by_id = sorted((e for e in data.experts if ids[e.slug] % n == k), key=lambda e: ids[e.slug])
    for expert in by_id:
        expert_id = ids[expert.slug]
        while pending is not None and pending[0] < expert_id:  # forecasts of no current expert (merged away)
            pending = next(streamed, None)
        forecasts = []
        if pending is not None and pending[0] == expert_id:
            for _, forecast_id, claim_id, made_on, probability, phrase, quote, source in pending[1]:
                slug, text, shown_outcome, outcome, known_on = claims[claim_id]
                shown = f"{probability * 100:.4g}%"
                if phrase:
                    said = phrases.get(phrase) or phrases.setdefault(phrase, escape(phrase))
                    shown = f"{shown} ({said})"
                forecasts.append(
                    ForecastRow(
                        made_on.isoformat(), slug, text, shown, shown_outcome,
                        f"{(probability - outcome) ** 2:.4f}" if outcome is not None and made_on < known_on else "",
                        "★" if roots.get(forecast_id, forecast_id) in counting else "",
                        escape(quote) if quote else None, escape(source) if source else None,
                        bool(source) and source.startswith(("https://", "http://")),
                    )
                )
            pending = next(streamed, None)
        yield ExpertPage(
            name=expert.name, slug=expert.slug, affiliation=expert.affiliation, aliases=expert.aliases,
            standing=by_name.get(expert.name), calibration=data.calibrations.get(expert.name), forecasts=forecasts,
        )


def question_pages(*, session: Session, data: SiteData, part: tuple[int, int] = (0, 1)) -> Iterator[QuestionPage]:
    """Each question's page: its claims in ``question show``'s order, each with its forecasts
    (made-on order) for the step chart, its criteria, options and resolution history;
    ``part`` as for ``expert_pages``, by question id."""
    k, n = part
    names = {expert_id: (escape(expert.name), escape(expert.slug)) for expert_id, expert in _current_experts(session, data)}
    details = _question_details(session, part)
    histories = _histories(session, part)
    claims_of: dict[int, list[ClaimPage]] = defaultdict(list)
    place: dict[int, int] = {}  # each claim's place on its question's page
    for claim_id in data.claim_order:
        listed = claims_of[data.question_of_claim[claim_id]]
        place[claim_id] = len(listed)
        listed.append(data.claims[claim_id])
    ids = dict(session.execute(select(Question.slug, Question.id)).all())
    rows = session.connection().execute(  # Core: the rows need no ORM processing
        select(Claim.question_id, Forecast.claim_id, Forecast.made_on, Forecast.probability, Forecast.expert_id)
        .join(Claim, Claim.id == Forecast.claim_id)
        .where(live_forecasts(session), Claim.question_id % n == k).order_by(Claim.question_id, Forecast.made_on, Forecast.id)
    )
    by_id = sorted((status for status in data.statuses if ids[status.slug] % n == k), key=lambda status: ids[status.slug])
    streamed = _grouped(rows)
    pending = next(streamed, None)
    for status in by_id:
        question_id = ids[status.slug]
        while pending is not None and pending[0] < question_id:  # forecasts on removed questions
            pending = next(streamed, None)
        claims = [ClaimPage(c.claim, c.deadline, c.outcome, c.known_on, c.annulled, []) for c in claims_of.get(question_id, [])]
        if pending is not None and pending[0] == question_id:
            for _, claim_id, made_on, probability, expert_id in pending[1]:
                expert = names.get(expert_id)
                if expert is not None:
                    claims[place[claim_id]].forecasts.append(Point(made_on, probability, *expert))
            pending = next(streamed, None)
        criteria, options = details.get(question_id, (None, []))
        yield QuestionPage(status=status, criteria=criteria, options=options, claims=claims, history=histories.get(question_id, []))


def _grouped(result) -> Iterator:
    """The rows of a Core result grouped by their first column, read some thousands at a
    time (one by one, SQLite's driver costs a call per row)."""
    return itertools.groupby(itertools.chain.from_iterable(result.partitions(5000)), key=lambda row: row[0])


def _current_experts(session: Session, data: SiteData):
    ids = dict(session.execute(select(Expert.slug, Expert.id)).all())
    return [(ids[expert.slug], expert) for expert in data.experts]


def _calibrations(columns) -> tuple[dict[str, Calibration], set[int]]:
    """Each expert's calibration (10 bins, latest policy: ``calibration EXPERT``) and the ids
    of the forecasts that count, from one ``counting_claims`` (its rows are sorted by expert)."""
    claims = counting_claims(columns)
    size = len(columns.expert_names)
    tables = grouped_calibration_tables(claims.probability, claims.outcome, claims.expert_id, size)
    starts = np.searchsorted(claims.expert_id, np.arange(size + 1))
    by_name = {
        name: calibration_of(claims.probability[a:b], claims.outcome[a:b], table=table)
        for name, table, a, b in zip(columns.expert_names, tables, starts[:-1].tolist(), starts[1:].tolist())
        if b > a
    }
    return by_name, set(claims.forecast_id.tolist())


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


def _question_details(session: Session, part: tuple[int, int]) -> dict[int, tuple[str | None, list[str]]]:
    """Per question id (of ``part``, as in ``question_pages``): its criteria as edited and its options' labels."""
    k, n = part
    options: dict[int, list[str]] = defaultdict(list)
    for question_id, label in session.execute(
        select(QuestionOption.question_id, QuestionOption.label).where(QuestionOption.question_id % n == k)
        .order_by(QuestionOption.question_id, QuestionOption.position, QuestionOption.id)
    ).all():
        options[question_id].append(label)
    edits = question_changes(session)
    found = {}
    rows = session.execute(select(Question.id, Question.title, Question.criteria, Question.deadline).where(Question.id % n == k)).all()
    for question_id, title, criteria, deadline in rows:
        edited = edits.get(question_id)
        if edited:
            criteria = question_now(_Base(title, criteria, deadline), edited, []).criteria
        found[question_id] = (criteria, options.get(question_id, []))
    return found


class _Base(NamedTuple):
    title: str
    criteria: str | None
    deadline: dt.date | None


def _histories(session: Session, part: tuple[int, int]) -> dict[int, list[ResolutionEntry]]:
    """Per question id (of ``part``): its resolutions, oldest first, as ``question show`` lists them."""
    from trackrecord.resolutions.resolving import describe_resolution

    k, n = part
    # in the session: describe_resolution finds them there
    options = session.execute(select(QuestionOption).where(QuestionOption.question_id % n == k)).scalars().all()
    grouped: dict[int, list[Resolution]] = defaultdict(list)
    resolutions = select(Resolution).where(Resolution.question_id % n == k).order_by(Resolution.question_id, Resolution.id)
    for resolution in session.execute(resolutions).scalars():
        grouped[resolution.question_id].append(resolution)
    described = {
        question_id: [
            ResolutionEntry(
                description=describe_resolution(session, r), evidence=r.evidence, note=r.note, forced=r.forced,
                current=index == len(resolutions) - 1, recorded_at=r.recorded_at,
            )
            for index, r in enumerate(resolutions)
        ]
        for question_id, resolutions in grouped.items()
    }
    del options  # held until here so that the session keeps them
    return described
