"""Recording forecasts, append-only, correcting and retracting them, and listing them.

A forecast row is never changed or deleted: a revised view is a new forecast with a
later ``made_on``; a mistake (wrong number, date, window, expert…) is fixed by a
correction, a new row that supersedes the old one with a reason
(``forecasts.changes``); a forecast that should never have been recorded is retracted.
Hindsight is refused, for corrections exactly as for new forecasts: a forecast made on
or after its claim's deadline, or on or after the day its outcome became known, cannot
be recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from trackrecord.forecasts.changes import changed_by, expert_changes, live_forecasts, question_changes, required_reason
from trackrecord.forecasts.errors import Conflict, InvalidInput, NotFound
from trackrecord.forecasts.experts import _lookup, current_names, display_name, find_expert
from trackrecord.forecasts.models import Claim, Forecast, ForecastChange, Question, QuestionOption
from trackrecord.forecasts.parsing import Window
from trackrecord.forecasts.questions import claim_for, describe_claim, find_question


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
    _check_hindsight(session, found_question, claim, made_on, today)
    duplicate = session.exec(
        select(Forecast.id).where(
            Forecast.expert_id == found_expert.id,
            Forecast.claim_id == claim.id,
            Forecast.made_on == made_on,
            Forecast.probability == probability,
            live_forecasts(session),
        )
    ).first()
    if duplicate is not None:
        raise Conflict(
            f"{display_name(session, found_expert)} already has this forecast ({probability:g} made on {made_on.isoformat()}) "
            f"on {found_question.slug} {describe_claim(claim)} (forecast {duplicate})"
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


def claim_deadline(session: Session, question: Question, claim: Claim) -> dt.date:
    """The claim's deadline now: its window's end, else its question's current deadline."""
    if claim.window_end is not None:
        return claim.window_end
    edits = question_changes(session, [question.id]).get(question.id)
    return (edits and edits.deadline) or question.deadline


def _check_hindsight(session: Session, question: Question, claim: Claim, made_on: dt.date, today: dt.date) -> None:
    """Refuse a forecast on ``claim`` made on ``made_on`` that could not have been made then."""
    # Imported here: resolutions builds on forecasts, and only this check looks back.
    from trackrecord.resolutions.outcomes import claim_state

    problem = made_on_problem(made_on, today)
    if problem:
        raise InvalidInput(problem)
    deadline = claim_deadline(session, question, claim)
    if made_on >= deadline:
        raise Conflict(
            f"forecast made on {made_on.isoformat()} is on or after the claim's deadline "
            f"{deadline.isoformat()}; only forecasts made before the deadline are recorded"
        )
    state = claim_state(session=session, claim_id=claim.id)
    if state.annulled:
        raise Conflict(f"question {question.slug!r} is annulled; its forecasts are never scored")
    if state.known_on is not None and made_on >= state.known_on:
        raise Conflict(
            f"forecast made on {made_on.isoformat()} is on or after {state.known_on.isoformat()}, "
            "when the claim's outcome became known; hindsight is not recorded"
        )


#: What a correction copies from the forecast it replaces, unless told otherwise.
_COPIED = ("claim_id", "expert_id", "probability", "made_on", "quote", "source", "phrase", "scale", "note")


def supersede(session: Session, forecast: Forecast, action: str, reason: str, who: str, **changes) -> Forecast | None:
    """Append the change that supersedes ``forecast``: for ``correct`` and ``move`` a new
    forecast row, a copy with ``changes`` applied; for ``retract`` none. Returns the copy."""
    replacement = None
    if action != "retract":
        replacement = Forecast(**{name: getattr(forecast, name) for name in _COPIED} | changes)
        session.add(replacement)
        session.flush()
    session.add(
        ForecastChange(
            forecast_id=forecast.id, action=action, replacement_id=replacement.id if replacement else None,
            reason=reason, changed_by=who,
        )
    )
    session.flush()
    return replacement


def live_forecast(session: Session, forecast_id: int) -> Forecast:
    """The forecast with this id, if it stands (not retracted or corrected)."""
    forecast = session.get(Forecast, forecast_id)
    if forecast is None:
        raise NotFound(f"no forecast {forecast_id}; see the ids in 'trackrecord forecast list'")
    change = session.exec(select(ForecastChange).where(ForecastChange.forecast_id == forecast_id)).first()
    if change is not None:
        done = {"retract": "retracted", "correct": "corrected", "move": "moved by a merge"}[change.action]
        then = f" by forecast {change.replacement_id}" if change.replacement_id else ""
        fix = f"; change forecast {change.replacement_id} instead" if change.replacement_id else ""
        raise Conflict(
            f"forecast {forecast_id} was already {done}{then} on {change.recorded_at.date().isoformat()} "
            f"({change.reason}){fix}"
        )
    return forecast


def retract_forecast(*, session: Session, forecast_id: int, reason: str | None) -> Forecast:
    """Retract a forecast: it stays in the record, marked retracted with the reason, and is no longer scored."""
    reason = required_reason(reason, "retracting a forecast")
    forecast = live_forecast(session, forecast_id)
    supersede(session, forecast, "retract", reason, changed_by())
    return forecast


def correct_forecast(
    *,
    session: Session,
    forecast_id: int,
    reason: str | None,
    today: dt.date,
    probability: float | None = None,
    phrase: str | None = None,
    scale: str | None = None,
    made_on: dt.date | None = None,
    option: str | None = None,
    window: Window | None = None,
    quote: str | None = None,
    source: str | None = None,
    expert: str | None = None,
) -> tuple[Forecast, Forecast]:
    """Replace a forecast by a corrected copy; the same integrity rules as ``add_forecast``.

    Returns (old, new). ``quote``/``source`` given as "" clear them.
    """
    reason = required_reason(reason, "correcting a forecast")
    old = live_forecast(session, forecast_id)
    claim = session.get(Claim, old.claim_id)
    question = session.get(Question, claim.question_id)
    changes: dict = {}
    if probability is not None:
        changes.update(probability=probability, phrase=phrase, scale=scale)
    if made_on is not None:
        changes["made_on"] = made_on
    if option is not None or window is not None:
        changes["claim_id"] = claim_for(session=session, question=question, option=option, window=window).id
    if quote is not None:
        changes["quote"] = quote or None
    if source is not None:
        changes["source"] = source or None
    if expert is not None:
        changes["expert_id"] = find_expert(session=session, name=expert).id
    changes = {name: value for name, value in changes.items() if getattr(old, name) != value}
    if not changes:
        raise InvalidInput(
            f"the correction changes nothing on forecast {forecast_id}: give a new --probability, --made-on, "
            "--option, --window/--by, --quote, --source or --expert"
        )
    new_claim = session.get(Claim, changes.get("claim_id", old.claim_id))
    _check_hindsight(session, question, new_claim, changes.get("made_on", old.made_on), today)
    return old, supersede(session, old, "correct", reason, changed_by(), **changes)


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
    """Live forecasts (not retracted or corrected), optionally of one expert and/or on one
    question, oldest first."""
    query = (
        select(Forecast, Question.slug, Claim, QuestionOption.label)
        .join(Claim, Claim.id == Forecast.claim_id)
        .join(Question, Question.id == Claim.question_id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .where(live_forecasts(session))
        .order_by(Forecast.made_on, Forecast.id)
    )
    if expert is not None:
        query = query.where(Forecast.expert_id == find_expert(session=session, name=expert).id)
    if question is not None:
        query = query.where(Question.id == find_question(session=session, slug=question).id)
    rows = session.exec(query).all()
    names = current_names(session=session, ids={forecast.expert_id for forecast, *_ in rows}, changes=expert_changes(session))
    return [
        ForecastRow(
            id=forecast.id,
            expert=names[forecast.expert_id],
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
        for forecast, slug, claim, option_label in rows
    ]
