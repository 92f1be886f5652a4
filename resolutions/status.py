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

from sqlalchemy import func, select, union_all
from sqlmodel import Session

from trackrecord.forecasts.changes import live_forecasts, question_changes, tagged_questions
from trackrecord.forecasts.models import Claim, Forecast, Question, QuestionOption, RecordChange, Resolution
from trackrecord.forecasts.questions import base_tags, describe_claim, question_now
from trackrecord.forecasts.search import contains
from trackrecord.resolutions.outcomes import claim_outcomes, newest_resolution_id

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


def _live_count(session: Session, claim_id):
    """SQL: the live forecasts of the claim ``claim_id`` (a correlated count, by the index on forecast.claim_id)."""
    return select(func.count(Forecast.id)).where(Forecast.claim_id == claim_id, live_forecasts(session)).scalar_subquery()


def _undecided(question_id):
    """SQL: whether the question ``question_id`` (a column of the enclosing query) may still
    have pending claims, as ``claim_outcomes(undecided_only=True)`` means it.

    A condition on each row, answered by probes of the index on resolution.question_id,
    not a set to join: one lookup per row whatever plan the database picks. (As
    ``IN (union of the undecided questions)``, PostgreSQL estimated one row for the other
    side and ran the union again for each of its rows: quadratic.)"""
    return func.coalesce(_current_outcome(question_id), "not_by") == "not_by"


def _undecided_questions():
    """SQL: ids of the undecided questions (see ``_undecided``) as a set: never resolved, or
    whose newest resolution is 'not_by'. Two passes over the resolution table and its index."""
    newest = newest_resolution_id(Resolution.question_id)
    return union_all(
        select(Question.id).where(Question.id.not_in(select(Resolution.question_id))),
        select(Resolution.question_id).where(Resolution.outcome == "not_by", Resolution.id == newest),
    )


def _undecided_in(session: Session, question_id):
    """SQL: whether the question ``question_id`` is undecided, as each database answers it
    best: on SQLite, membership of ``_undecided_questions`` (built once); elsewhere the
    per-row ``_undecided``."""
    if session.get_bind().dialect.name == "sqlite":
        return question_id.in_(_undecided_questions())
    return _undecided(question_id)


def _due_outcomes(session: Session, question_ids=None):
    """claim_outcomes for the claims that may be due (of undecided questions, and of
    ``question_ids`` if given), as a subquery: the outcome of a decided question's claims
    is never worked out.

    On SQLite the undecided questions are also given as a set: SQLite builds it once and
    visits only their claims (0.07 s at a million forecasts all decided, against 0.28 s
    probing every claim's resolution). PostgreSQL gets the per-row condition only: it
    misplans that set (see ``_undecided``)."""
    query = claim_outcomes(undecided_only=True)
    if session.get_bind().dialect.name == "sqlite":
        query = query.where(Claim.question_id.in_(_undecided_questions()))
    if question_ids is not None:
        query = query.where(Claim.question_id.in_(question_ids))
    return query.subquery()


def due_claims(*, session: Session, today: dt.date) -> list[DueClaim]:
    """Claims past their deadline that are still unresolved and that someone forecast (nothing
    would be scored by resolving the others), oldest deadline first.

    Set-based and linear: the due claims are found first, among the claims of undecided
    questions only (``_due_outcomes``), and only their forecasts are counted (by the
    index on forecast.claim_id), never the whole forecast table."""
    outcomes = _due_outcomes(session)
    # MATERIALIZED: the due claims first, then their forecasts; flattened, SQLite would
    # count every claim's forecasts before asking whether the claim is due.
    due = select(outcomes.c.claim_id, outcomes.c.deadline).where(_due_condition(outcomes, today)).cte("due_claim").prefix_with("MATERIALIZED")
    counted = select(due.c.claim_id, due.c.deadline, _live_count(session, due.c.claim_id).label("n")).subquery("counted")
    rows = session.execute(
        select(Question.id, Question.slug, Question.title, Claim, QuestionOption.label, counted.c.deadline, counted.c.n)
        .select_from(counted)
        .join(Claim, Claim.id == counted.c.claim_id)
        .join(Question, Question.id == Claim.question_id)
        .outerjoin(QuestionOption, QuestionOption.id == Claim.option_id)
        .where(counted.c.n > 0)
        .order_by(counted.c.deadline, Question.slug, Claim.key)
    ).all()
    titles = {q: edits.title for q, edits in question_changes(session, {row[0] for row in rows}).items() if edits.title}
    return [
        DueClaim(question=slug, title=titles.get(question_id, title), claim=label or describe_claim(claim), deadline=deadline, forecasts=n)
        for question_id, slug, title, claim, label, deadline, n in rows
    ]


#: Above this many questions on a page, their details come from whole-table queries
#: (set-based, linear) rather than from lists of ids.
_BY_IDS = 1000


def _current_outcome(question_id):
    """SQL: the outcome of the question's current (newest) resolution, or NULL."""
    return select(Resolution.outcome).where(Resolution.id == newest_resolution_id(question_id)).correlate_except(Resolution).scalar_subquery()


def _listed_questions(session: Session, today: dt.date, tag: str | None, status: str | None):
    """SQL: the questions a listing shows (not removed, with ``tag``, with ``status``:
    open (also due), due, or resolved (also annulled)), by slug."""
    removed = select(RecordChange.subject_id).where(RecordChange.subject == "question", RecordChange.action == "remove")
    query = select(Question.id, Question.slug, Question.title, Question.kind, Question.deadline).where(Question.id.not_in(removed)).order_by(Question.slug)
    if tag is not None:
        query = query.where(Question.id.in_(tagged_questions(tag.strip().lower())))
    if status is not None:
        undecided = _undecided_in(session, Question.id)
        query = query.where(~undecided if status == "resolved" else undecided)
        if status == "due":
            outcomes = _due_outcomes(session)
            query = query.where(Question.id.in_(select(outcomes.c.question_id).where(_due_condition(outcomes, today))))
    return query


def question_page(
    *,
    session: Session,
    today: dt.date,
    tag: str | None = None,
    status: str | None = None,
    search: str | None = None,
    limit: int | None = None,
) -> tuple[list[QuestionStatus], int]:
    """The first ``limit`` questions (all for None) by slug, of those not removed, with
    ``tag``, with ``status`` ('open' takes in 'due', 'resolved' takes in 'annulled') and
    with ``search`` in a field (ignoring case, the rule of every listing's --search); and
    how many there are in all.

    Without ``search`` a page costs a page: the filters, the count and the limit are SQL,
    and only the page's questions get their details (resolution, due claims, forecasts,
    tags, edits). A search must look at every question's fields: they come from
    whole-table queries, one pass each (the forecast counts only for the questions that
    match on another field, unless the text could be a count)."""
    if status not in (None, "open", "due", "resolved"):
        raise ValueError(f"status {status!r}")
    query = _listed_questions(session, today, tag, status)
    if not search:
        total = session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
        rows = session.execute(query.limit(limit) if limit is not None else query).all()
        return _statuses(session, today, rows, by_ids=len(rows) <= _BY_IDS), total
    wanted = search.casefold()
    rows = session.execute(query).all()
    if wanted.isdigit():  # could be a forecast count: every question needs its count
        found = [s for s in _statuses(session, today, rows, by_ids=False) if _matches(s, wanted)]
    else:  # a count is digits only: the other fields decide
        kept = {s.slug for s in _statuses(session, today, rows, by_ids=False, counts=False) if _matches(s, wanted)}
        rows = [row for row in rows if row[1] in kept]
        found = _statuses(session, today, rows, by_ids=len(rows) <= _BY_IDS)
    return (found if limit is None else found[:limit]), len(found)


def _matches(status: QuestionStatus, wanted: str) -> bool:
    """Whether a field of ``status`` as JSON shows it (ISO dates, the tags as a list)
    contains ``wanted`` (casefolded): the rule of ``--search`` on every listing."""
    deadline = status.deadline.isoformat() if status.deadline is not None else ""
    return contains((status.slug, status.title, status.kind, deadline, str(status.tags), status.status, str(status.due_claims), str(status.forecasts)), wanted)


def _statuses(session: Session, today: dt.date, rows, *, by_ids: bool, counts: bool = True) -> list[QuestionStatus]:
    """``rows`` (id, slug, title, kind, deadline of questions) with their status and details:
    read for those ids only (``by_ids``), else for every question (one pass per table);
    without ``counts``, every forecast count is 0 (not looked up)."""
    if not rows:
        return []
    ids = [row[0] for row in rows] if by_ids else None
    outcomes = _due_outcomes(session, ids)
    due = dict(
        session.execute(
            select(outcomes.c.question_id, func.count()).where(_due_condition(outcomes, today)).group_by(outcomes.c.question_id)
        ).all()
    )
    forecasts = {}
    if counts:
        query = select(Claim.question_id, func.count(Forecast.id)).join(Forecast, Forecast.claim_id == Claim.id).where(live_forecasts(session))
        if ids is not None:
            query = query.where(Claim.question_id.in_(ids))
        forecasts = dict(session.execute(query.group_by(Claim.question_id)).all())
    if ids is not None:
        current = dict(session.execute(select(Question.id, _current_outcome(Question.id)).where(Question.id.in_(ids))).all())
    else:
        newest = select(func.max(Resolution.id)).group_by(Resolution.question_id)
        current = dict(session.execute(select(Resolution.question_id, Resolution.outcome).where(Resolution.id.in_(newest))).all())
    tags = base_tags(session=session, question_ids=ids)
    edits = question_changes(session, ids)
    statuses = []
    for question_id, slug, title, kind, deadline in rows:
        edited = edits.get(question_id)
        now = question_now(_Base(title, None, deadline), edited, tags.get(question_id, [])) if edited else None
        outcome = current.get(question_id)
        if outcome == "annulled":
            status = "annulled"
        elif outcome is not None and outcome != "not_by":
            status = "resolved"
        else:
            status = "due" if due.get(question_id) else "open"
        statuses.append(
            QuestionStatus(
                slug=slug,
                title=now.title if now else title,
                kind=kind,
                deadline=now.deadline if now else deadline,
                tags=now.tags if now else tags.get(question_id, []),
                status=status,
                due_claims=due.get(question_id, 0),
                forecasts=forecasts.get(question_id, 0),
            )
        )
    return statuses


@dataclass(frozen=True)
class _Base:
    """The stored fields ``question_now`` overlays with edits."""

    title: str
    criteria: str | None
    deadline: dt.date | None


def question_statuses(*, session: Session, today: dt.date, tag: str | None = None) -> list[QuestionStatus]:
    """Every question (or those with ``tag``) with its status, by slug."""
    return question_page(session=session, today=today, tag=tag)[0]


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
    status = _statuses(session, today, [(question.id, question.slug, question.title, question.kind, question.deadline)], by_ids=True)[0]
    options = options_of(session=session, question=question)
    labels = {option.id: option.label for option in options}
    outcomes = claim_outcomes().subquery()
    rows = session.execute(
        select(Claim, outcomes.c.deadline, outcomes.c.outcome, outcomes.c.known_on, _live_count(session, Claim.id))
        .join(outcomes, outcomes.c.claim_id == Claim.id)
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
