"""The stored model: experts, questions, claims, forecasts and resolutions.

A *claim* is the unit that gets scored: "yes" on a binary question, "outcome is Baku"
on a choice question, "happens within 2025-03-01..2025-05-31" on a date question. Every
forecast points at exactly one claim, so scoring never needs to know question kinds.

Claims are identified within their question by ``key`` (``yes``, ``option:Baku``,
``window:2025-03-01..2025-05-31``, ``window:..2025-06-30``), so two experts who name the
same window forecast the same claim and can be compared.

Every table is append-only: no row is ever changed or deleted. A resolution row is
never changed; the newest row of a question is its current state, the older rows are its
history. Mistakes are fixed by new rows with a reason (``forecasts/changes.py``): a
``forecast_change`` supersedes a forecast (retracted, or replaced by a corrected copy);
a ``record_change`` renames, merges or removes an expert, or edits a question. The
current state (what is scored and shown) is derived from those rows.

The schema is owned by Alembic (``forecasts/migrations``); a test checks that the
migrations and these tables agree. Only portable SQLAlchemy types are used, so the same
tables work on SQLite and PostgreSQL.

The tables are SQLAlchemy ``Table`` objects mapped onto plain classes
(``registry.map_imperatively``), with SQLModel's column types (``AutoString``,
``UTCDateTime``) and sessions. They were SQLModel classes until issue 10's start-up
target: a SQLModel class also builds a pydantic model, which nothing here uses (rows come
from the database or from our own checked code), and these ten classes cost about 55 ms
of every command's start-up as SQLModel classes against about 15 ms mapped directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import Boolean, CheckConstraint, Column, Date, Float, ForeignKey, Integer, MetaData, Table, UniqueConstraint, event
from sqlalchemy.orm import registry
from sqlmodel import Session
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
_registry = registry(metadata=metadata)

QUESTION_KINDS = ("binary", "choice", "date")
RESOLUTION_OUTCOMES = ("yes", "no", "option", "other", "happened", "not_by", "annulled")
FORECAST_ACTIONS = ("retract", "correct", "move")
RECORD_ACTIONS = (
    "rename", "merge", "remove", "restore",  # experts
    "title", "criteria", "deadline", "add-option", "tag", "untag",  # questions
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC; one without an offset (SQLite drops them) is read as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


class Row:
    """A row of one of the tables below, built from keyword arguments named after its
    columns. A column's Python default (``recorded_at``, ``forced``) is set at once, so a
    new row reads the same before and after it is flushed."""

    __table__: ClassVar[Table]

    def __init__(self, **values: Any) -> None:
        columns = self.__table__.columns
        unknown = set(values) - set(columns.keys())
        if unknown:
            raise TypeError(f"{type(self).__name__} has no column {sorted(unknown)[0]!r}")
        for column in columns:
            if column.key in values:
                setattr(self, column.key, values[column.key])
            elif column.default is not None:
                default = column.default
                setattr(self, column.key, default.arg(None) if default.is_callable else default.arg)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={getattr(self, 'id', None)!r})"


def _table(name: str, *items):
    """Class decorator: ``Table(name, *items)`` mapped onto the class."""

    def map_onto(cls):
        cls.__table__ = Table(name, metadata, *items)
        _registry.map_imperatively(cls, cls.__table__)
        return cls

    return map_onto


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _text(name: str, length: int | None = None, *, nullable: bool = False, **options) -> Column:
    return Column(name, AutoString(length), nullable=nullable, **options)


def _reference(name: str, target: str, *, nullable: bool = False, **options) -> Column:
    return Column(name, Integer, ForeignKey(target), nullable=nullable, **options)


def _moment(name: str) -> Column:
    return Column(name, UTCDateTime(), nullable=False, default=utcnow)


def _chain() -> tuple[Column, Column]:
    """A link of the record's hash chain (``forecasts/chain.py``): set when the row's
    transaction commits, never changed after."""
    return Column("chain_seq", Integer, index=True, unique=True), _text("chain_hash", 64, nullable=True)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


@_table(
    "expert",
    _text("name", 200),
    _text("affiliation", 500, nullable=True),
    _id(),
    _text("slug", 200, unique=True),
    _text("name_key", 200, unique=True),
    _moment("created_at"),
)
class Expert(Row):
    id: int | None
    name: str
    affiliation: str | None
    slug: str
    name_key: str
    created_at: dt.datetime


@_table(
    "expert_alias",
    _id(),
    _reference("expert_id", "expert.id", index=True),
    _text("alias", 200),
    _text("alias_key", 200, unique=True),
)
class ExpertAlias(Row):
    id: int | None
    expert_id: int
    alias: str
    alias_key: str


@_table(
    "question",
    _text("slug", 100, unique=True),
    _text("title", 500),
    _text("kind", 10),
    Column("deadline", Date),
    _text("criteria", nullable=True),
    _id(),
    _moment("created_at"),
    CheckConstraint("kind IN ('binary', 'choice', 'date')", name="kind"),
)
class Question(Row):
    id: int | None
    slug: str
    title: str
    kind: str
    deadline: dt.date | None
    criteria: str | None
    created_at: dt.datetime


@_table(
    "question_option",
    _id(),
    _reference("question_id", "question.id", index=True),
    _text("label", 200),
    _text("label_key", 200),
    Column("position", Integer, nullable=False),
    UniqueConstraint("question_id", "label_key"),
)
class QuestionOption(Row):
    id: int | None
    question_id: int
    label: str
    label_key: str
    position: int


@_table(
    "question_tag",
    _id(),
    _reference("question_id", "question.id", index=True),
    _text("tag", 100, index=True),
    UniqueConstraint("question_id", "tag"),
)
class QuestionTag(Row):
    id: int | None
    question_id: int
    tag: str


@_table(
    "claim",
    *_chain(),
    _id(),
    _reference("question_id", "question.id", index=True),
    _text("key", 250),
    _reference("option_id", "question_option.id", nullable=True),
    Column("window_start", Date),
    Column("window_end", Date),
    Column("deadline", Date, nullable=False),
    UniqueConstraint("question_id", "key"),
)
class Claim(Row):
    chain_seq: int | None
    chain_hash: str | None
    id: int | None
    question_id: int
    key: str
    option_id: int | None
    window_start: dt.date | None
    window_end: dt.date | None
    deadline: dt.date


@_table(
    "forecast",
    *_chain(),
    Column("probability", Float, nullable=False),
    Column("made_on", Date, nullable=False),
    _text("quote", nullable=True),
    _text("source", nullable=True),
    _text("phrase", 200, nullable=True),
    _text("scale", 100, nullable=True),
    _text("note", nullable=True),
    _id(),
    _reference("claim_id", "claim.id", index=True),
    _reference("expert_id", "expert.id", index=True),
    _moment("recorded_at"),
    CheckConstraint("probability >= 0 AND probability <= 1", name="probability"),
)
class Forecast(Row):
    chain_seq: int | None
    chain_hash: str | None
    probability: float
    made_on: dt.date
    quote: str | None
    source: str | None
    phrase: str | None
    scale: str | None
    note: str | None
    id: int | None
    claim_id: int
    expert_id: int
    recorded_at: dt.datetime


@_table(
    "resolution",
    *_chain(),
    _id(),
    _reference("question_id", "question.id", index=True),
    _text("outcome", 10),
    _reference("option_id", "question_option.id", nullable=True),
    Column("event_on", Date),
    Column("known_on", Date),
    _text("evidence", nullable=True),
    _text("note", nullable=True),
    Column("forced", Boolean, nullable=False, default=False),
    _moment("recorded_at"),
    _text("other_label", 200, nullable=True),
    CheckConstraint(_in("outcome", RESOLUTION_OUTCOMES), name="outcome"),
)
class Resolution(Row):
    chain_seq: int | None
    chain_hash: str | None
    id: int | None
    question_id: int
    outcome: str
    option_id: int | None
    event_on: dt.date | None
    known_on: dt.date | None
    evidence: str | None
    note: str | None
    forced: bool
    recorded_at: dt.datetime
    #: For ``other``: what actually happened ("Istanbul"), shown beside the outcome.
    other_label: str | None


@_table(
    "forecast_change",
    *_chain(),
    _id(),
    _reference("forecast_id", "forecast.id", unique=True),
    _text("action", 10),
    _reference("replacement_id", "forecast.id", nullable=True),
    _text("reason", 2000),
    _text("changed_by", 200),
    _moment("recorded_at"),
    CheckConstraint(_in("action", FORECAST_ACTIONS), name="action"),
)
class ForecastChange(Row):
    """A forecast superseded: retracted, corrected (``replacement_id`` is the corrected copy)
    or moved to another expert by a merge. A forecast is superseded at most once."""

    chain_seq: int | None
    chain_hash: str | None
    id: int | None
    forecast_id: int
    action: str
    replacement_id: int | None
    reason: str
    changed_by: str
    recorded_at: dt.datetime


@_table(
    "record_change",
    *_chain(),
    _id(),
    _text("subject", 10),
    Column("subject_id", Integer, nullable=False, index=True),
    _text("action", 12),
    _text("value", nullable=True),
    _text("value_key", 200, nullable=True, index=True),
    Column("target_id", Integer),
    _text("reason", 2000, nullable=True),
    _text("changed_by", 200),
    _moment("recorded_at"),
    CheckConstraint("subject IN ('expert', 'question')", name="subject"),
    CheckConstraint(_in("action", RECORD_ACTIONS), name="action"),
)
class RecordChange(Row):
    """A change to an expert or a question, with its reason. ``value`` is the new name,
    title, criteria, deadline (ISO), option label or tag; ``target_id`` the expert merged
    into or the option added."""

    chain_seq: int | None
    chain_hash: str | None
    id: int | None
    subject: str
    subject_id: int
    action: str
    value: str | None
    value_key: str | None
    target_id: int | None
    reason: str | None
    changed_by: str
    recorded_at: dt.datetime


def _text_problem(label: str, value: str, length: int | None) -> str | None:
    if "\x00" in value:
        return f"{label} contains a NUL character (\\x00); remove it"
    if length is not None and len(value) > length:
        return f"{label} is {len(value)} characters long; at most {length} are accepted"
    return None


def check_text(label: str, value: str | None, length: int | None = None) -> None:
    """Refuse text no backend can store the same way: NUL characters (PostgreSQL refuses
    them, SQLite would keep them) and text longer than its column (only PostgreSQL would
    refuse it)."""
    from trackrecord.forecasts.errors import InvalidInput

    problem = None if value is None else _text_problem(label, value, length)
    if problem:
        raise InvalidInput(problem)


@event.listens_for(Session, "before_flush")
def _check_new_rows(session, _flush_context, _instances) -> None:
    """Every row written through the ORM gets the same text limits on every backend."""
    for row in (*session.new, *session.dirty):
        table = getattr(row, "__table__", None)
        if table is None:
            continue
        for column in table.columns:
            value = getattr(row, column.key, None)
            if isinstance(value, str):  # sqlmodel's AutoString (a String underneath) carries the length
                length = getattr(column.type, "length", None)
                check_text(f"{table.name.replace('_', ' ')} {column.key.replace('_', ' ')}", value, length)
