"""The outcome of every claim, derived from its question's current resolution.

Nothing derived is stored: each claim's outcome (1, 0, or NULL while pending or void)
and the day it became known are computed in SQL from the newest resolution row of the
question, so a re-resolution rescores everything at once and no stored value can drift.

The rules (DESIGN.md):
- binary ``yes``/``no`` and choice ``option``/``other`` decide every claim of the
  question, known on the resolution's ``known_on``;
- date ``happened`` on T: a window claim is true iff T lies inside it; it is known on
  T, or at the window's end for a window that closed empty before T;
- date ``not_by`` D: every window that ended on or before D is false, known at its end;
  later windows stay pending;
- ``annulled``: every claim is void and never scored.

Expressions are plain SQLAlchemy Core (CASE, MAX, joins), portable to PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, and_, case, func, literal, or_, select, text
from sqlalchemy.orm import aliased
from sqlmodel import Session

from trackrecord.forecasts.changes import claim_deadline
from trackrecord.forecasts.models import Claim, Resolution

DECIDING_OUTCOMES = ("yes", "no", "option", "other")


def current_resolutions() -> Select:
    """The newest resolution row of each resolved question."""
    newest = (
        select(Resolution.question_id, func.max(Resolution.id).label("resolution_id"))
        .group_by(Resolution.question_id)
        .subquery("newest_resolution")
    )
    return select(Resolution).join(newest, Resolution.id == newest.c.resolution_id)


def newest_resolution_id(question_id):
    """SQL: the id of the newest resolution row of the question ``question_id`` (a column of
    the enclosing query), answered from the index on resolution.question_id."""
    newer = aliased(Resolution)
    return select(func.max(newer.id)).where(newer.question_id == question_id).correlate_except(newer).scalar_subquery()


def claim_outcomes(*, undecided_only: bool = False) -> Select:
    """One row per claim: claim_id, question_id, key, deadline (as edited), outcome, known_on, annulled.
    With ``undecided_only``, only the claims of questions that may still have pending
    claims: never resolved, or whose current resolution is 'not_by' (windows after its date
    stay open); every other question is decided or annulled.

    The current resolution is joined through a correlated ``max(id)`` per claim's question,
    which the index on resolution.question_id answers directly (faster than materialising
    every question's newest row first and joining that).
    """
    res = aliased(Resolution, name="current_resolution")
    newest = newest_resolution_id(Claim.question_id)
    window_closed_by_not_by = and_(res.outcome == "not_by", Claim.window_end <= res.event_on)
    happened_inside = and_(
        or_(Claim.window_start.is_(None), Claim.window_start <= res.event_on),
        res.event_on <= Claim.window_end,
    )
    outcome = case(
        (res.outcome == "yes", literal(1)),
        (res.outcome == "no", literal(0)),
        (res.outcome == "option", case((Claim.option_id == res.option_id, literal(1)), else_=literal(0))),
        (res.outcome == "other", literal(0)),
        (res.outcome == "happened", case((happened_inside, literal(1)), else_=literal(0))),
        (window_closed_by_not_by, literal(0)),
        else_=None,
    )
    known_on = case(
        (res.outcome.in_(DECIDING_OUTCOMES), res.known_on),
        (
            res.outcome == "happened",
            case((res.event_on < Claim.window_end, res.event_on), else_=Claim.window_end),
        ),
        (window_closed_by_not_by, Claim.window_end),
        else_=None,
    )
    annulled = case((res.outcome == "annulled", literal(True)), else_=literal(False))
    query = select(
        Claim.id.label("claim_id"),
        Claim.question_id.label("question_id"),
        Claim.key.label("key"),
        claim_deadline(Claim).label("deadline"),
        outcome.label("outcome"),
        known_on.label("known_on"),
        annulled.label("annulled"),
    ).outerjoin(res, res.id == newest)
    if undecided_only:
        query = query.where(or_(res.id.is_(None), res.outcome == "not_by"))
    return query


@dataclass(frozen=True)
class ClaimState:
    outcome: int | None
    known_on: dt.date | None
    annulled: bool


def claim_state(*, session: Session, claim_id: int) -> ClaimState:
    """The outcome of one claim as ``claim_outcomes`` defines it."""
    unresolved = text("SELECT NOT EXISTS (SELECT 1 FROM resolution WHERE question_id = (SELECT question_id FROM claim WHERE id = :claim))")
    if session.execute(unresolved, {"claim": claim_id}).scalar():
        # No resolution: every CASE of claim_outcomes falls to its else. Asked before each
        # forecast is added; this spares compiling that query, a sixth of `forecast add`.
        return ClaimState(outcome=None, known_on=None, annulled=False)
    query = claim_outcomes().subquery()
    row = session.execute(select(query).where(query.c.claim_id == claim_id)).one()
    return ClaimState(outcome=row.outcome, known_on=row.known_on, annulled=bool(row.annulled))
