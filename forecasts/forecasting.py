"""Recording forecasts, append-only, and listing them.

A forecast is never changed or deleted: a revised view is a new forecast with a later
``made_on``. Hindsight is refused: a forecast made on or after its claim's deadline, or
on or after the day its outcome became known, cannot be recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from forecasts.errors import Conflict, InvalidInput, NotFound
from forecasts.experts import _lookup, find_expert
from forecasts.models import Claim, Expert, Forecast, Question, QuestionOption
from forecasts.parsing import Window
from forecasts.questions import claim_for, describe_claim, find_question


#: Forecasts said before this day are refused as implausible: most likely a typo in the year.
EARLIEST_MADE_ON = dt.date(1900, 1, 1)


def made_on_problem(made_on: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``made_on`` cannot be a forecast's date (in the future, or before 1900), or None."""
    if today is not None and made_on > today:
        return f"made-on date {made_on.isoformat()} is in the future; give a date on or before {today.isoformat()}"
    if made_on < EARLIEST_MADE_ON:
        return (
            f"made-on date {made_on.isoformat()} is implausibly old (before {EARLIEST_MADE_ON.isoformat()}); "
            "give the date the forecast was made, YYYY-MM-DD"
        )
    return None


def _refuse_swapped(session: Session, expert: str, question: str) -> None:
    """Raise a clear error when EXPERT and QUESTION look swapped (a slug where the expert goes)."""
    named_question = session.exec(select(Question).where(Question.slug == expert.strip().lower())).first()
    if named_question is not None and _lookup(session, question) is not None:
        raise InvalidInput(
            f"{expert!r} is a question and {question!r} an expert: the arguments look swapped; "
            "give EXPERT first, then QUESTION"
        )


def add_forecast(
    *,
    session: Session,
    expert: str,
    question: str,
    probability: float,
    made_on: dt.date,
    today: dt.date,
    option: str | None = None,
    window: Window | None = None,
    quote: str | None = None,
    source: str | None = None,
    phrase: str | None = None,
    scale: str | None = None,
    note: str | None = None,
) -> Forecast:
    """Record ``expert``'s ``probability`` for a claim on ``question``."""
    # Imported here: resolutions builds on forecasts, and only this check looks back.
    from resolutions.outcomes import claim_state

    problem = made_on_problem(made_on, today)
    if problem:
        raise InvalidInput(problem)
    try:
        found_expert = find_expert(session=session, name=expert)
    except NotFound:
        _refuse_swapped(session, expert, question)
        raise
    found_question = find_question(session=session, slug=question)
    claim = claim_for(session=session, question=found_question, option=option, window=window)
    if made_on >= claim.deadline:
        raise Conflict(
            f"forecast made on {made_on.isoformat()} is on or after the claim's deadline "
            f"{claim.deadline.isoformat()}; only forecasts made before the deadline are recorded"
        )
    state = claim_state(session=session, claim_id=claim.id)
    if state.annulled:
        raise Conflict(f"question {found_question.slug!r} is annulled; its forecasts are never scored")
    if state.known_on is not None and made_on >= state.known_on:
        raise Conflict(
            f"forecast made on {made_on.isoformat()} is on or after {state.known_on.isoformat()}, "
            "when the claim's outcome became known; hindsight is not recorded"
        )
    duplicate = session.exec(
        select(Forecast.id).where(
            Forecast.expert_id == found_expert.id,
            Forecast.claim_id == claim.id,
            Forecast.made_on == made_on,
            Forecast.probability == probability,
        )
    ).first()
    if duplicate is not None:
        raise Conflict(
            f"{found_expert.name} already has this forecast ({probability:g} made on {made_on.isoformat()}) "
            f"on {found_question.slug} {describe_claim(claim)}"
        )
    forecast = Forecast(
        claim_id=claim.id,
        expert_id=found_expert.id,
        probability=probability,
        made_on=made_on,
        quote=quote,
        source=source,
        phrase=phrase,
        scale=scale,
        note=note,
    )
    session.add(forecast)
    session.flush()
    return forecast


@dataclass(frozen=True)
class ForecastRow:
    id: int
    expert: str
    question: str
    claim: str
    probability: float
    phrase: str | None
    made_on: dt.date
    recorded_at: dt.datetime
    quote: str | None
    source: str | None
    note: str | None


def list_forecasts(
    *, session: Session, expert: str | None = None, question: str | None = None
) -> list[ForecastRow]:
    """Forecasts, optionally of one expert and/or on one question, oldest first."""
    query = (
        select(Forecast, Expert.name, Question.slug, Claim, QuestionOption.label)
        .join(Expert, Expert.id == Forecast.expert_id)
        .join(Claim, Claim.id == Forecast.claim_id)
        .join(Question, Question.id == Claim.question_id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .order_by(Forecast.made_on, Forecast.id)
    )
    if expert is not None:
        query = query.where(Forecast.expert_id == find_expert(session=session, name=expert).id)
    if question is not None:
        query = query.where(Question.id == find_question(session=session, slug=question).id)
    return [
        ForecastRow(
            id=forecast.id,
            expert=expert_name,
            question=slug,
            claim=option_label or describe_claim(claim),
            probability=forecast.probability,
            phrase=forecast.phrase,
            made_on=forecast.made_on,
            recorded_at=forecast.recorded_at,
            quote=forecast.quote,
            source=forecast.source,
            note=forecast.note,
        )
        for forecast, expert_name, slug, claim, option_label in session.exec(query).all()
    ]
