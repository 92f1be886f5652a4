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
migrations and these models agree. Only portable SQLAlchemy types are used, so the same
tables work on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, UniqueConstraint, event
from sqlmodel import Field, Session, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

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


class ExpertBase(SQLModel):
    name: str = Field(max_length=200)
    affiliation: str | None = Field(default=None, max_length=500)


class Expert(ExpertBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=200, unique=True)
    name_key: str = Field(max_length=200, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class ExpertAlias(SQLModel, table=True):
    __tablename__ = "expert_alias"

    id: int | None = Field(default=None, primary_key=True)
    expert_id: int = Field(foreign_key="expert.id", index=True)
    alias: str = Field(max_length=200)
    alias_key: str = Field(max_length=200, unique=True)


class QuestionBase(SQLModel):
    slug: str = Field(max_length=100, unique=True)
    title: str = Field(max_length=500)
    kind: str = Field(max_length=10)
    deadline: dt.date | None = None
    criteria: str | None = None


class Question(QuestionBase, table=True):
    __table_args__ = (CheckConstraint("kind IN ('binary', 'choice', 'date')", name="kind"),)

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow)


class QuestionOption(SQLModel, table=True):
    __tablename__ = "question_option"
    __table_args__ = (UniqueConstraint("question_id", "label_key"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    label: str = Field(max_length=200)
    label_key: str = Field(max_length=200)
    position: int


class QuestionTag(SQLModel, table=True):
    __tablename__ = "question_tag"
    __table_args__ = (UniqueConstraint("question_id", "tag"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    tag: str = Field(max_length=100, index=True)


class Chained(SQLModel):
    """A link of the record's hash chain (``forecasts/chain.py``): set when the row's
    transaction commits, never changed after."""

    chain_seq: int | None = Field(default=None, index=True, unique=True)
    chain_hash: str | None = Field(default=None, max_length=64)


class Claim(Chained, table=True):
    __table_args__ = (UniqueConstraint("question_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    key: str = Field(max_length=250)
    option_id: int | None = Field(default=None, foreign_key="question_option.id")
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    deadline: dt.date


class ForecastBase(SQLModel):
    probability: float
    made_on: dt.date
    quote: str | None = None
    source: str | None = None
    phrase: str | None = Field(default=None, max_length=200)
    scale: str | None = Field(default=None, max_length=100)
    note: str | None = None


class Forecast(ForecastBase, Chained, table=True):
    __table_args__ = (
        CheckConstraint("probability >= 0 AND probability <= 1", name="probability"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    expert_id: int = Field(foreign_key="expert.id", index=True)
    recorded_at: dt.datetime = Field(default_factory=utcnow)


class Resolution(Chained, table=True):
    __table_args__ = (
        CheckConstraint(
            "outcome IN ('yes', 'no', 'option', 'other', 'happened', 'not_by', 'annulled')",
            name="outcome",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    outcome: str = Field(max_length=10)
    option_id: int | None = Field(default=None, foreign_key="question_option.id")
    event_on: dt.date | None = None
    known_on: dt.date | None = None
    evidence: str | None = None
    note: str | None = None
    forced: bool = False
    recorded_at: dt.datetime = Field(default_factory=utcnow)
    #: For ``other``: what actually happened ("Istanbul"), shown beside the outcome.
    other_label: str | None = Field(default=None, max_length=200)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class ForecastChange(Chained, table=True):
    """A forecast superseded: retracted, corrected (``replacement_id`` is the corrected copy)
    or moved to another expert by a merge. A forecast is superseded at most once."""

    __tablename__ = "forecast_change"
    __table_args__ = (CheckConstraint(_in("action", FORECAST_ACTIONS), name="action"),)

    id: int | None = Field(default=None, primary_key=True)
    forecast_id: int = Field(foreign_key="forecast.id", unique=True)
    action: str = Field(max_length=10)
    replacement_id: int | None = Field(default=None, foreign_key="forecast.id")
    reason: str = Field(max_length=2000)
    changed_by: str = Field(max_length=200)
    recorded_at: dt.datetime = Field(default_factory=utcnow)


class RecordChange(Chained, table=True):
    """A change to an expert or a question, with its reason. ``value`` is the new name,
    title, criteria, deadline (ISO), option label or tag; ``target_id`` the expert merged
    into or the option added."""

    __tablename__ = "record_change"
    __table_args__ = (
        CheckConstraint("subject IN ('expert', 'question')", name="subject"),
        CheckConstraint(_in("action", RECORD_ACTIONS), name="action"),
    )

    id: int | None = Field(default=None, primary_key=True)
    subject: str = Field(max_length=10)
    subject_id: int = Field(index=True)
    action: str = Field(max_length=12)
    value: str | None = None
    value_key: str | None = Field(default=None, max_length=200, index=True)
    target_id: int | None = None
    reason: str | None = Field(default=None, max_length=2000)
    changed_by: str = Field(max_length=200)
    recorded_at: dt.datetime = Field(default_factory=utcnow)


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
