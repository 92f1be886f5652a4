"""The record as plain numeric columns, in an order that does not depend on row ids.

Scoring reads the whole record with three queries (experts, claims with their outcomes,
forecasts) as numbers straight from the driver's cursor, and numpy joins them by claim.
Building a million SQLAlchemy Row objects first would cost more than the queries.

**Canonical order.** Experts are numbered by their folded name, questions by slug and
claims by (question slug, claim key): the content, not the ids the database handed out.
Every later step sorts and sums in that order, so the same record entered in another
order (or exported and imported again) gives the same scores to the last digit.

**Scoring units.** A binary or choice question is scored as one unit (all its claims
form one distribution over its outcomes); each window of a date question is a unit of
its own (windows may overlap, so they are not outcomes of one distribution). Units are
numbered question-major, so an expert's units of one question are contiguous.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, Select, case, func, literal, select
from sqlmodel import Session

from trackrecord.forecasts.changes import expert_changes, forecast_roots, live_forecasts, tagged_questions
from trackrecord.forecasts.models import Claim, Expert, Forecast, Question, QuestionOption, metadata
from trackrecord.resolutions.days import day_number
from trackrecord.resolutions.outcomes import claim_outcomes

PENDING, VOID, OUT_OF_SCOPE = -1, -2, -3

#: Expert and claim ids travel from the database packed in one number,
#: expert_id * 2**CLAIM_BITS + claim_id, while that stays exact in a float (53 bits):
#: a million forecasts arrive as 3 Python objects a row instead of 4, 0.3 s saved.
CLAIM_BITS = 26


@dataclass(frozen=True)
class Scope:
    """Which forecasts are scored: questions with ``tag`` / of ``kind``, made in [since, until]."""

    tag: str | None = None
    kind: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            from trackrecord.forecasts.errors import InvalidInput

            raise InvalidInput(
                f"--since {self.since.isoformat()} is after --until {self.until.isoformat()}; "
                "give a range whose start is on or before its end"
            )


def fetch_numbers(session: Session | Connection, query: Select, width: int) -> np.ndarray:
    """The rows of ``query`` (numbers only) as an (n, width) float array, from the raw cursor."""
    result = (session.connection() if isinstance(session, Session) else session).execute(query)
    rows = result.cursor.fetchall() if result.cursor is not None else []
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=float, count=len(rows) * width)
    return flat.reshape(-1, width)


@dataclass(frozen=True)
class RecordColumns:
    """Every forecast in scope (row arrays) and what scoring needs to know of claims and experts.

    Rows: ``expert`` (canonical expert number), ``claim`` (canonical claim number),
    ``probability``, ``made_day``, ``outcome`` of the claim (1, 0, PENDING or VOID),
    ``known_day`` and ``forecast_id`` (the forecast's id when asked for, else its position
    in recording order: either way it orders forecasts made on the same day by when they
    were recorded; a corrected forecast carries the id of the original it replaces, see
    ``forecasts.changes.forecast_roots``). Per canonical claim number: ``claim_question`` (canonical question
    number), ``claim_unit`` and ``claim_categories`` (possible outcomes of its unit: a
    choice question's options plus ``other``, else 2). Per canonical expert number:
    ``expert_ids`` (database id) and ``expert_names``.
    """

    forecast_id: np.ndarray
    expert: np.ndarray
    claim: np.ndarray
    probability: np.ndarray
    made_day: np.ndarray
    outcome: np.ndarray
    known_day: np.ndarray
    claim_question: np.ndarray
    claim_unit: np.ndarray
    claim_categories: np.ndarray
    expert_ids: np.ndarray
    expert_names: list[str]

    def number_of(self, expert_id: int) -> int | None:
        """The canonical number of the expert with database id ``expert_id``."""
        found = np.flatnonzero(self.expert_ids == expert_id)
        return int(found[0]) if found.size else None


@dataclass(frozen=True)
class Focus:
    """Only what one expert's scores need (``expert show``, ``calibration EXPERT``).

    With ``peers``, the questions the expert forecast and everyone's forecasts on them:
    relative and peer scores compare with everyone on the same question. Without, only
    the expert's own forecasts and the claims they are on. The expert's scores come out
    exactly as over the whole record, since every step works in canonical order; other
    experts' are partial and not shown.
    """

    expert_id: int
    peers: bool = True

    def claims(self) -> Select:
        """SQL: ids of the claims in focus."""
        own = select(Forecast.claim_id).where(Forecast.expert_id == self.expert_id)
        if not self.peers:
            return own
        questions = select(Claim.question_id).where(Claim.id.in_(own))
        return select(Claim.id).where(Claim.question_id.in_(questions))


def _claims_query(scope: Scope, focus: Focus | None = None) -> Select:
    """Claims in scope in canonical order: outcome state, known day, categories, date flag."""
    outcomes = claim_outcomes().subquery()
    state = case(
        (outcomes.c.annulled, literal(VOID)), (outcomes.c.outcome.is_(None), literal(PENDING)), else_=outcomes.c.outcome
    )
    options = select(func.count(QuestionOption.id)).where(QuestionOption.question_id == Question.id).scalar_subquery()
    query = (
        select(
            outcomes.c.claim_id,
            outcomes.c.question_id,
            state,
            func.coalesce(day_number(outcomes.c.known_on), 0),
            case((Question.kind == "choice", options + 1), else_=literal(2)),
            case((Question.kind == "date", literal(1)), else_=literal(0)),
        )
        .join(Question, Question.id == outcomes.c.question_id)
        .order_by(Question.slug, outcomes.c.key)
    )
    if scope.tag is not None:
        query = query.where(outcomes.c.question_id.in_(tagged_questions(scope.tag.strip().lower())))
    if scope.kind is not None:
        query = query.where(Question.kind == scope.kind)
    if focus is not None:
        query = query.where(outcomes.c.claim_id.in_(focus.claims()))
    return query


def _forecast_columns(session: Session, scope: Scope, with_ids: bool, focus: Focus | None = None) -> tuple[np.ndarray, ...]:
    """Every forecast in the date scope: id (or position), expert id, claim id, probability, made day."""
    # Two scalar subqueries: SQLite answers each max() from its index; both in one SELECT scan the table.
    largest_expert, largest_claim = session.execute(
        select(select(func.max(Forecast.expert_id)).scalar_subquery(), select(func.max(Forecast.claim_id)).scalar_subquery())
    ).one()
    packed = (largest_claim or 0) < 2**CLAIM_BITS and (largest_expert or 0) < 2 ** (53 - CLAIM_BITS)
    expert_id = Forecast.expert_id
    if session.get_bind().dialect.name != "sqlite":  # 32-bit integers there: widen before shifting
        from sqlalchemy import BigInteger, cast

        expert_id = cast(expert_id, BigInteger)
    ids = [expert_id * 2**CLAIM_BITS + Forecast.claim_id] if packed else [Forecast.expert_id, Forecast.claim_id]
    roots = forecast_roots(session)
    with_ids = with_ids or bool(roots)
    wanted = [*([Forecast.id] if with_ids else []), *ids, Forecast.probability, day_number(Forecast.made_on)]
    # In recording order: free on the primary key, and it spares numpy a sort.
    query = select(*wanted).where(live_forecasts(session)).order_by(Forecast.id)
    if scope.since is not None:
        query = query.where(Forecast.made_on >= scope.since)
    if scope.until is not None:
        query = query.where(Forecast.made_on <= scope.until)
    if focus is not None:
        query = query.where(Forecast.expert_id == focus.expert_id if not focus.peers else Forecast.claim_id.in_(focus.claims()))
    columns = list(fetch_numbers(session, query, len(wanted)).T)
    forecast_id = columns.pop(0).astype(np.int64) if with_ids else np.arange(columns[0].size)
    if roots:  # a correction keeps the place of the forecast it corrects
        replaced = np.fromiter(roots, dtype=np.int64, count=len(roots))
        where = np.searchsorted(forecast_id, replaced)
        hit = (where < forecast_id.size) & (forecast_id[np.minimum(where, forecast_id.size - 1)] == replaced)
        forecast_id[where[hit]] = np.fromiter(roots.values(), dtype=np.int64, count=len(roots))[hit]
    if packed:
        expert_id, claim_id = np.divmod(columns.pop(0).astype(np.int64), 2**CLAIM_BITS)
    else:
        expert_id, claim_id = (columns.pop(0).astype(np.int64) for _ in range(2))
    probability, made_day = columns
    return forecast_id, expert_id, claim_id, probability, made_day.astype(np.int64)


#: From this many forecasts on, the claims query runs on a second connection in a thread
#: while this one fetches the forecasts: it is the database's own work (the driver lets
#: go of the GIL meanwhile), so the two overlap on a second core (~0.5 s at a million).
PARALLEL_FROM = 200_000
_RECORD_TABLES = tuple(metadata.tables)


def record_version(connection: Connection) -> tuple[int, ...]:
    """The highest id of every table. The record is append-only and has one writer at a
    time, so two transactions that see the same ids see the same rows."""
    from trackrecord.forecasts.chain import marks

    return tuple(marks(connection, _RECORD_TABLES).values())


def _claims_aside(engine, query: Select) -> tuple[tuple[int, ...], np.ndarray]:
    """The claims (``query``) read on a connection of their own, and the version it saw."""
    with engine.connect() as connection:
        return record_version(connection), fetch_numbers(connection, query, 6)


def seen_elsewhere(engine) -> bool:
    """Whether another connection (another thread, a forked process) sees the database this
    engine does: not an in-memory one."""
    return engine.url.database not in (None, "", ":memory:") and engine.pool.__class__.__name__ not in ("StaticPool", "SingletonThreadPool")


def _in_parallel(session: Session, focus: Focus | None) -> bool:
    """Whether the record is big enough for the claims to be read aside, on a database a
    second connection sees as this one does (``seen_elsewhere``)."""
    if focus is not None or not seen_elsewhere(session.get_bind()):
        return False
    largest = session.execute(select(func.max(Forecast.id))).scalar()
    return (largest or 0) >= PARALLEL_FROM


def record_columns(*, session: Session, scope: Scope = Scope(), with_ids: bool = False, focus: Focus | None = None) -> RecordColumns:
    """Three queries (experts, claims, forecasts) joined by claim in numpy; see the module doc.
    ``focus``: only what one expert's scores need (see ``Focus``)."""
    experts = session.execute(select(Expert.id, Expert.name).order_by(Expert.name_key)).all()
    renamed = expert_changes(session).names
    expert_ids = np.array([expert_id for expert_id, _ in experts], dtype=np.int64)
    claims_query = _claims_query(scope, focus)
    if _in_parallel(session, focus):
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=1) as aside:
            claims = aside.submit(_claims_aside, session.get_bind(), claims_query)
            forecast_columns = _forecast_columns(session, scope, with_ids, focus)
            seen, claim_columns = claims.result()
        if seen != record_version(session.connection()):  # a write came between the two reads: read here
            claim_columns = fetch_numbers(session, claims_query, 6)
    else:
        claim_columns = fetch_numbers(session, claims_query, 6)
        forecast_columns = _forecast_columns(session, scope, with_ids, focus)
    claim_ids, question_ids, claim_state, claim_known, categories, is_date = claim_columns.T.astype(np.int64)
    forecast_id, expert_id, claim_id, probability, made_day = forecast_columns

    # Canonical claim numbers: position in the (slug, key) order of the claims query.
    rank = np.arange(claim_ids.size)
    new_question = np.r_[True, question_ids[1:] != question_ids[:-1]] if claim_ids.size else np.zeros(0, dtype=bool)
    claim_question = np.cumsum(new_question) - 1
    first_claim_of_question = rank[new_question][claim_question]
    claim_unit = np.where(is_date == 1, rank, first_claim_of_question)

    size = int(max(claim_ids.max(initial=0), claim_id.max(initial=0))) + 1
    number_of_claim = np.full(size, -1, dtype=np.int64)
    number_of_claim[claim_ids] = rank
    claim = number_of_claim[claim_id]
    keep = claim >= 0
    if keep.all():  # no scope on questions: skip copying a million rows
        keep = slice(None)
    claim = claim[keep]
    number_of_expert = np.zeros(int(max(expert_ids.max(initial=0), 0)) + 1, dtype=np.int64)
    number_of_expert[expert_ids] = np.arange(expert_ids.size)
    return RecordColumns(
        forecast_id=forecast_id[keep],
        expert=number_of_expert[expert_id[keep]],
        claim=claim,
        probability=np.ascontiguousarray(probability[keep]),
        made_day=made_day[keep],
        outcome=claim_state[claim].astype(np.int8),
        known_day=claim_known[claim],
        claim_question=claim_question,
        claim_unit=claim_unit,
        claim_categories=categories,
        expert_ids=expert_ids,
        expert_names=[renamed.get(expert_id, name) for expert_id, name in experts],
    )
