"""Resolving questions: recording what happened, keeping every earlier answer.

Resolutions are append-only rows; the newest row of a question is its current state
(``resolutions.outcomes`` derives every claim's outcome from it). Moving a date
question forward ("not by March", then "not by June", then "happened on 15 August") is
ordinary progress. Anything that contradicts or replaces the current answer is a
re-resolution: it needs ``force=True``, is marked as forced, and the earlier rows stay
in the history for everyone to see.

When the outcome became known (``known_on``):
- date questions: the event date (``happened``) or the not-by date, as
  ``resolutions.outcomes`` explains per window; ``on`` is not accepted for them;
- binary and choice: ``on`` when given; otherwise today, except that "no" on a binary
  question defaults to its deadline when that has passed (nothing happened by it).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from trackrecord.forecasts.errors import Conflict, InvalidInput
from trackrecord.forecasts.changes import live_forecasts
from trackrecord.forecasts.experts import current_names
from trackrecord.forecasts.models import Claim, Forecast, Question, QuestionOption, Resolution
from trackrecord.forecasts.names import name_key
from trackrecord.forecasts.questions import OTHER, current_question, describe_claim, find_option, find_question
from trackrecord.resolutions.outcomes import claim_outcomes


def current_resolution(*, session: Session, question: Question) -> Resolution | None:
    """The question's newest resolution row, if any."""
    return session.exec(
        select(Resolution).where(Resolution.question_id == question.id).order_by(Resolution.id.desc())
    ).first()


def resolution_history(*, session: Session, question: Question) -> list[Resolution]:
    """Every resolution of the question, oldest first."""
    return list(
        session.exec(select(Resolution).where(Resolution.question_id == question.id).order_by(Resolution.id)).all()
    )


def resolve(
    *,
    session: Session,
    question: str,
    today: dt.date,
    outcome: str | None = None,
    happened_on: dt.date | None = None,
    not_by: dt.date | None = None,
    annul: bool = False,
    on: dt.date | None = None,
    evidence: str | None = None,
    note: str | None = None,
    force: bool = False,
    guard_forecasts: bool = False,
    other_label: str | None = None,
) -> Resolution:
    """Record what happened to ``question``; see the module docstring for the rules.

    With ``guard_forecasts`` (the command line), a resolution that would leave recorded
    forecasts unscored, because they were made on or after the day it says the outcome
    became known, is refused unless ``force``: a wrong ``--on`` date must not silently
    drop them. Imports replay history and do not guard.
    """
    found = find_question(session=session, slug=question)
    given = [name for name, value in (("OUTCOME", outcome), ("--happened-on", happened_on), ("--not-by", not_by)) if value is not None]
    if annul:
        given.append("--annul")
    if len(given) != 1:
        raise InvalidInput(
            f"give exactly one of yes, no, an option, --happened-on DATE, --not-by DATE or --annul "
            f"(got {', '.join(given) if given else 'none'})"
        )
    for label, day in (("--on", on), ("--happened-on", happened_on), ("--not-by", not_by)):
        if day is not None and day > today:
            raise InvalidInput(f"{label} {day.isoformat()} is in the future; give a date on or before {today.isoformat()}")

    resolution = _new_resolution(found, session, outcome, happened_on, not_by, annul, on, today)
    if other_label is not None:
        if resolution.outcome != "other":
            raise InvalidInput("--label names an outcome outside a choice question's options; give it with 'other'")
        if not other_label.strip():
            raise InvalidInput("--label is empty; give what happened, e.g. --label Istanbul")
        resolution.other_label = " ".join(other_label.split())
    resolution.evidence, resolution.note = evidence, note
    current = current_resolution(session=session, question=found)
    if current is not None and not _moves_forward(current, resolution):
        if not force:
            raise Conflict(
                f"question {found.slug!r} is already resolved ({describe_resolution(session, current)}); "
                "re-resolve it deliberately with --force (the earlier resolution stays in its history)"
            )
        resolution.forced = True
    session.add(resolution)
    session.flush()
    if guard_forecasts and not force:
        late = unscored_forecasts(session=session, question=found)
        if late:
            shown = "; ".join(f"{expert} on {claim}, made {made_on.isoformat()}" for expert, claim, made_on in late[:5])
            more = f" and {len(late) - 5} more" if len(late) > 5 else ""
            raise Conflict(
                f"this resolution would leave {len(late)} recorded forecast{'s' if len(late) != 1 else ''} unscored, "
                f"made on or after the day it says the outcome became known ({shown}{more}); check the date, "
                "or record it anyway with --force"
            )
    return resolution


def forecast_counts(*, session: Session, question_id: int) -> tuple[int, int]:
    """(scored, unscored) forecasts on the question under its current resolution: unscored are
    those made on or after the day their claim's outcome became known."""
    outcomes = claim_outcomes().where(Claim.question_id == question_id).subquery()
    decided = select(Forecast.made_on, outcomes.c.known_on).join(outcomes, outcomes.c.claim_id == Forecast.claim_id).where(
        outcomes.c.outcome.is_not(None), live_forecasts(session)
    )
    rows = session.execute(decided).all()
    late = sum(1 for made_on, known_on in rows if made_on >= known_on)
    return len(rows) - late, late


def unscored_forecasts(*, session: Session, question: Question) -> list[tuple[str, str, dt.date]]:
    """(expert, claim, made_on) of the forecasts the current resolution leaves unscored."""
    outcomes = claim_outcomes().where(Claim.question_id == question.id).subquery()
    rows = session.execute(
        select(Forecast.expert_id, Claim, Forecast.made_on)
        .join(Claim, Claim.id == Forecast.claim_id)
        .join(outcomes, outcomes.c.claim_id == Claim.id)
        .where(outcomes.c.outcome.is_not(None), Forecast.made_on >= outcomes.c.known_on, live_forecasts(session))
        .order_by(Forecast.made_on, Forecast.id)
    ).all()
    names = current_names(session=session, ids={row[0] for row in rows})
    return [(names[expert_id], describe_claim(claim), made_on) for expert_id, claim, made_on in rows]


def _new_resolution(
    question: Question,
    session: Session,
    outcome: str | None,
    happened_on: dt.date | None,
    not_by: dt.date | None,
    annul: bool,
    on: dt.date | None,
    today: dt.date,
) -> Resolution:
    if annul:
        return Resolution(question_id=question.id, outcome="annulled", known_on=on or today)
    if question.kind == "date":
        if outcome is not None:
            raise InvalidInput(
                f"question {question.slug!r} is a date question; resolve it with --happened-on DATE "
                f"or --not-by DATE, not {outcome!r}"
            )
        if on is not None:
            raise InvalidInput("--on is not accepted for a date question: its outcome is known on the --happened-on or --not-by date")
        if happened_on is not None:
            return Resolution(question_id=question.id, outcome="happened", event_on=happened_on)
        return Resolution(question_id=question.id, outcome="not_by", event_on=not_by)
    if outcome is None:
        accepted = "yes or no" if question.kind == "binary" else "one of its options or 'other'"
        raise InvalidInput(
            f"--happened-on and --not-by are for date questions; resolve {question.kind} question "
            f"{question.slug!r} with {accepted}"
        )
    if question.kind == "binary":
        answer = outcome.strip().lower()
        if answer not in ("yes", "no"):
            raise InvalidInput(f"outcome {outcome!r} is not accepted for binary question {question.slug!r}; give yes or no")
        known_on = on
        if known_on is None:
            known_on = min(today, current_question(session=session, question=question).deadline) if answer == "no" else today
        return Resolution(question_id=question.id, outcome=answer, known_on=known_on)
    if name_key(outcome) == OTHER:
        return Resolution(question_id=question.id, outcome="other", known_on=on or today)
    try:
        option = find_option(session=session, question=question, label=outcome)
    except InvalidInput as error:
        raise InvalidInput(
            f"{error}; for an outcome outside them give 'other' with what happened: "
            f"trackrecord resolve {question.slug} other --label {outcome!r}"
        ) from None
    return Resolution(question_id=question.id, outcome="option", option_id=option.id, known_on=on or today)


def _moves_forward(current: Resolution, new: Resolution) -> bool:
    """True when ``new`` only narrows a date question's 'not by' state."""
    if current.outcome != "not_by":
        return False
    return new.outcome in ("not_by", "happened") and new.event_on > current.event_on


def describe_resolution(session: Session, resolution: Resolution) -> str:
    """How a resolution reads to a person."""
    if resolution.outcome == "option":
        label = session.get(QuestionOption, resolution.option_id).label
        return f"{label}, known on {resolution.known_on.isoformat()}"
    if resolution.outcome == "happened":
        return f"happened on {resolution.event_on.isoformat()}"
    if resolution.outcome == "not_by":
        return f"had not happened by {resolution.event_on.isoformat()}"
    if resolution.outcome == "annulled":
        return "annulled"
    if resolution.outcome == "other" and resolution.other_label:
        return f"other ({resolution.other_label}), known on {resolution.known_on.isoformat()}"
    return f"{resolution.outcome}, known on {resolution.known_on.isoformat()}"
