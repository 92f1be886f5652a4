"""Fixing mistakes without rewriting the record: changes are new rows with a reason.

No row of the record is ever updated or deleted. A mistake is fixed by appending:

- ``forecast_change``: a forecast is *superseded*, retracted (no replacement), corrected
  (``replacement_id`` is a new forecast row with the corrected values) or moved to
  another expert by a merge (again a new row). Scoring and listings use the *live*
  forecasts, those never superseded; the old rows stay for ``history``.
- ``record_change``: an expert renamed, merged into another (its name and aliases then
  name the other expert), removed or restored; a question's title, criteria or deadline
  edited, an option added, a tag added or taken off, or the question removed. The
  current state is the base row overlaid with its changes, newest last.

Each change records who made it (``$TRACKRECORD_USER``, else the login name), when,
and why. This module derives the current state; the commands that make changes live
with their subjects (``forecasting``, ``experts``, ``questions``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from dataclasses import dataclass, field

from sqlalchemy import Date, and_, case, func, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import select
from sqlmodel import Session

from trackrecord.forecasts.errors import InvalidInput
from trackrecord.forecasts.models import Forecast, ForecastChange, QuestionTag, RecordChange

USER_VAR = "TRACKRECORD_USER"


def changed_by() -> str:
    """Who is making a change: ``$TRACKRECORD_USER``, else the login name."""
    who = os.environ.get(USER_VAR, "").strip()
    if not who:
        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # no login name (some containers)
            who = "unknown"
    return who[:200]


def required_reason(reason: str | None, what: str) -> str:
    """The reason given for a change; every change needs one."""
    if reason is None or not reason.strip():
        raise InvalidInput(f"{what} needs --reason TEXT: say why, for the record's history")
    return reason.strip()


def live_forecasts(session: Session):
    """SQL condition: the forecast has not been superseded (retracted, corrected or moved).
    Simply true on a record where nothing ever was, so big queries skip the anti-join."""
    if not any_superseded(session):
        return true()
    return Forecast.id.not_in(select(ForecastChange.forecast_id))


def any_superseded(session: Session) -> bool:
    """True once any forecast has been retracted, corrected or moved."""
    return session.exec(select(ForecastChange.id).limit(1)).first() is not None


def forecast_roots(session: Session) -> dict[int, int]:
    """Replacement forecast id -> id of the original it (through a chain of corrections)
    replaces. Ordering uses the original's id, so a correction keeps its forecast's place
    among forecasts made the same day. Empty when nothing was ever corrected."""
    roots: dict[int, int] = {}
    for old, new in session.exec(
        select(ForecastChange.forecast_id, ForecastChange.replacement_id)
        .where(ForecastChange.replacement_id.is_not(None))
        .order_by(ForecastChange.id)
    ).all():
        roots[new] = roots.get(old, old)
    return roots


@dataclass
class ExpertChanges:
    """Every expert's changes, applied in order."""

    names: dict[int, str] = field(default_factory=dict)  # current name, for renamed experts
    former: dict[int, list[str]] = field(default_factory=dict)  # names given up by renames
    merged_into: dict[int, int] = field(default_factory=dict)
    removed: dict[int, RecordChange] = field(default_factory=dict)

    def canonical(self, expert_id: int) -> int | None:
        """The expert that ``expert_id`` stands for now (merges followed), None if removed."""
        seen = set()
        while expert_id in self.merged_into and expert_id not in seen:
            seen.add(expert_id)
            expert_id = self.merged_into[expert_id]
        return None if expert_id in self.removed else expert_id

    def name(self, expert) -> str:
        return self.names.get(expert.id, expert.name)


def expert_changes(session: Session) -> ExpertChanges:
    """The current state of experts' names, merges and removals (one query, a small table)."""
    state = ExpertChanges()
    rows = session.exec(select(RecordChange).where(RecordChange.subject == "expert").order_by(RecordChange.id)).all()
    if not rows:
        return state
    from trackrecord.forecasts.models import Expert

    base = dict(session.exec(select(Expert.id, Expert.name).where(Expert.id.in_({r.subject_id for r in rows}))).all())
    for row in rows:
        expert_id = row.subject_id
        if row.action == "rename":
            state.former.setdefault(expert_id, []).append(state.names.get(expert_id, base[expert_id]))
            state.names[expert_id] = row.value
        elif row.action == "merge":
            state.merged_into[expert_id] = row.target_id
        elif row.action == "remove":
            state.removed[expert_id] = row
        elif row.action == "restore":
            state.removed.pop(expert_id, None)
    return state


@dataclass
class QuestionChanges:
    """One question's edits applied in order: the current values of the edited fields."""

    title: str | None = None
    criteria: str | None = None
    criteria_edited: bool = False
    deadline: dt.date | None = None
    tags_added: list[str] = field(default_factory=list)
    tags_removed: set[str] = field(default_factory=set)
    removed: RecordChange | None = None


def question_changes(session: Session, question_ids=None) -> dict[int, QuestionChanges]:
    """The edits of questions (all, or those in ``question_ids``), by question id."""
    query = select(RecordChange).where(RecordChange.subject == "question").order_by(RecordChange.id)
    if question_ids is not None:
        query = query.where(RecordChange.subject_id.in_(list(question_ids)))
    found: dict[int, QuestionChanges] = {}
    for row in session.exec(query).all():
        state = found.setdefault(row.subject_id, QuestionChanges())
        if row.action == "title":
            state.title = row.value
        elif row.action == "criteria":
            state.criteria, state.criteria_edited = row.value, True
        elif row.action == "deadline":
            state.deadline = dt.date.fromisoformat(row.value)
        elif row.action == "tag":
            state.tags_removed.discard(row.value)
            state.tags_added.append(row.value)
        elif row.action == "untag":
            state.tags_removed.add(row.value)
            state.tags_added = [t for t in state.tags_added if t != row.value]
        elif row.action == "remove":
            state.removed = row
    return found


class _AsDate(FunctionElement):
    """An ISO date stored as text, read as a date: SQLite keeps dates as ISO text already
    (a CAST there would make it a number); PostgreSQL casts."""

    type = Date()
    inherit_cache = True


@compiles(_AsDate)
def _as_date_text(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


@compiles(_AsDate, "postgresql")
def _as_date_cast(element, compiler, **kw):
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


def deadline_edit(question_id):
    """SQL: the question's newest edited deadline (a date), or NULL."""
    newest = (
        select(RecordChange.value)
        .where(RecordChange.subject == "question", RecordChange.subject_id == question_id, RecordChange.action == "deadline")
        .order_by(RecordChange.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return _AsDate(newest)


def claim_deadline(claim_columns):
    """SQL: a claim's deadline now: its window's end, else its question's (edited) deadline."""
    return case(
        (claim_columns.window_end.is_not(None), claim_columns.window_end),
        else_=func.coalesce(deadline_edit(claim_columns.question_id), claim_columns.deadline),
    )


def tagged_questions(tag: str):
    """SQL: ids of the questions that carry ``tag`` now (given at creation or added, not taken off)."""
    edits = and_(RecordChange.subject == "question", RecordChange.value == tag)
    given = select(QuestionTag.question_id).where(QuestionTag.tag == tag).union(
        select(RecordChange.subject_id).where(edits, RecordChange.action == "tag")
    )
    last_tag = func.max(case((RecordChange.action == "tag", RecordChange.id), else_=0))
    last_untag = func.max(case((RecordChange.action == "untag", RecordChange.id), else_=0))
    taken_off = (
        select(RecordChange.subject_id)
        .where(edits, RecordChange.action.in_(("tag", "untag")))
        .group_by(RecordChange.subject_id)
        .having(last_untag > last_tag)
    )
    ids = given.subquery().c[0]
    return select(ids).where(ids.not_in(taken_off))
