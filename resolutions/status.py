"""Where each question and claim stands: open, due, resolved or annulled.

- A claim is *due* when its deadline has passed, it has no outcome yet and its
  question is not annulled: someone should resolve it.
- A question is *resolved* when its current resolution decides every claim (yes/no, an
  option, 'other', or a date question's 'happened'), *annulled* when annulled, and
  *open* otherwise; an open question with a due claim is also *due*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from trackrecord.forecasts.changes import live_forecasts, question_changes, tagged_questions
from trackrecord.forecasts.models import Claim, Forecast, Question, QuestionOption
from trackrecord.forecasts.questions import base_tags, describe_claim, question_now
from trackrecord.resolutions.outcomes import claim_outcomes, current_resolutions

STATUSES = ("open", "due", "resolved", "annulled")


@dataclass(frozen=True)
class QuestionStatus:
    slug: str
    title: str
    kind: str
    deadline: dt.date | None
    tags: list[str]
    status: str
    due_claims: int
    forecasts: int


@dataclass(frozen=True)
class DueClaim:
    question: str
    title: str
    claim: str
    deadline: dt.date
    forecasts: int


def _due_condition(outcomes, today: dt.date):
    return (outcomes.c.deadline < today) & outcomes.c.outcome.is_(None) & ~outcomes.c.annulled


def _live_counts(session: Session):
    """Live forecasts per claim (claim_id, n)."""
    return select(Forecast.claim_id, func.count(Forecast.id).label("n")).where(live_forecasts(session)).group_by(Forecast.claim_id).subquery()


def due_claims(*, session: Session, today: dt.date) -> list[DueClaim]:
    """Claims past their deadline that are still unresolved and that someone forecast (nothing
    would be scored by resolving the others), oldest deadline first."""
    outcomes = claim_outcomes().subquery()
    counts = _live_counts(session)
    rows = session.execute(
        select(Question.id, Question.slug, Question.title, Claim, QuestionOption.label, outcomes.c.deadline, func.coalesce(counts.c.n, 0))
        .join(outcomes, outcomes.c.claim_id == Claim.id)
        .join(Question, Question.id == Claim.question_id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .join(counts, counts.c.claim_id == Claim.id)
        .where(_due_condition(outcomes, today))
        .order_by(outcomes.c.deadline, Question.slug, Claim.key)
    ).all()
    titles = {q: edits.title for q, edits in question_changes(session, {row[0] for row in rows}).items() if edits.title}
    return [
        DueClaim(question=slug, title=titles.get(question_id, title), claim=label or describe_claim(claim), deadline=deadline, forecasts=n)
        for question_id, slug, title, claim, label, deadline, n in rows
    ]


def question_statuses(*, session: Session, today: dt.date, tag: str | None = None) -> list[QuestionStatus]:
    """Every question (or those with ``tag``) with its status, by slug."""
    outcomes = claim_outcomes().subquery()
    due = dict(
        session.execute(
            select(outcomes.c.question_id, func.count()).where(_due_condition(outcomes, today)).group_by(outcomes.c.question_id)
        ).all()
    )
    forecasts = dict(
        session.execute(
            select(Claim.question_id, func.count(Forecast.id))
            .join(Forecast, Forecast.claim_id == Claim.id)
            .where(live_forecasts(session))
            .group_by(Claim.question_id)
        ).all()
    )
    current = {row.question_id: row.outcome for row in session.execute(current_resolutions()).scalars()}
    tags = base_tags(session=session)
    edits = question_changes(session)
    query = select(Question).order_by(Question.slug)
    if tag is not None:
        query = query.where(Question.id.in_(tagged_questions(tag.strip().lower())))
    statuses = []
    for question in session.execute(query).scalars():
        edited = edits.get(question.id)
        now = question_now(question, edited, tags.get(question.id, [])) if edited else None
        if now is not None and now.removed:
            continue
        outcome = current.get(question.id)
        if outcome == "annulled":
            status = "annulled"
        elif outcome is not None and outcome != "not_by":
            status = "resolved"
        else:
            status = "due" if due.get(question.id) else "open"
        statuses.append(
            QuestionStatus(
                slug=question.slug,
                title=now.title if now else question.title,
                kind=question.kind,
                deadline=now.deadline if now else question.deadline,
                tags=now.tags if now else tags.get(question.id, []),
                status=status,
                due_claims=due.get(question.id, 0),
                forecasts=forecasts.get(question.id, 0),
            )
        )
    return statuses


@dataclass(frozen=True)
class ClaimReport:
    claim: str
    deadline: dt.date
    outcome: int | None
    known_on: dt.date | None
    forecasts: int


@dataclass(frozen=True)
class ResolutionEntry:
    description: str
    evidence: str | None
    note: str | None
    forced: bool
    current: bool
    recorded_at: dt.datetime


@dataclass(frozen=True)
class QuestionReport:
    status: QuestionStatus
    criteria: str | None
    options: list[str]
    claims: list[ClaimReport]
    history: list[ResolutionEntry]
    changes: list  # resolutions.history.HistoryEntry: edits and forecast corrections


def question_report(*, session: Session, slug: str, today: dt.date) -> QuestionReport:
    """Everything known about one question: status, claims with outcomes, resolution history."""
    from trackrecord.forecasts.questions import current_question, find_question, options_of
    from trackrecord.resolutions.history import history as trail
    from trackrecord.resolutions.resolving import describe_resolution, resolution_history

    question = find_question(session=session, slug=slug)
    status = next(s for s in question_statuses(session=session, today=today) if s.slug == question.slug)
    options = options_of(session=session, question=question)
    labels = {option.id: option.label for option in options}
    outcomes = claim_outcomes().subquery()
    counts = _live_counts(session)
    rows = session.execute(
        select(Claim, outcomes.c.deadline, outcomes.c.outcome, outcomes.c.known_on, func.coalesce(counts.c.n, 0))
        .join(outcomes, outcomes.c.claim_id == Claim.id)
        .outerjoin(counts, counts.c.claim_id == Claim.id)
        .where(Claim.question_id == question.id)
        .order_by(outcomes.c.deadline, Claim.window_start, Claim.id)
    ).all()
    history = resolution_history(session=session, question=question)
    return QuestionReport(
        status=status,
        criteria=current_question(session=session, question=question).criteria,
        options=[option.label for option in options],
        claims=[
            ClaimReport(claim=describe_claim(claim, labels), deadline=deadline, outcome=outcome, known_on=known_on, forecasts=n)
            for claim, deadline, outcome, known_on, n in rows
        ],
        history=[
            ResolutionEntry(
                description=describe_resolution(session, resolution),
                evidence=resolution.evidence,
                note=resolution.note,
                forced=resolution.forced,
                current=index == len(history) - 1,
                recorded_at=resolution.recorded_at,
            )
            for index, resolution in enumerate(history)
        ],
        changes=[entry for entry in trail(session=session, question=question.slug) if entry.action not in ("resolved", "re-resolved")],
    )
