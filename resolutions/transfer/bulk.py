"""Batched forecast inserts inside the caller's transaction.

Rows are tuples in ``FORECAST_COLUMNS`` order. On SQLite the statement compiled from
the Core table goes straight to the driver's ``executemany`` with values already in
SQLAlchemy's SQLite storage format (ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff``
datetimes), so a million rows cost little more than raw ``sqlite3``; other databases
get the ordinary Core ``insert()`` with the same rows as dictionaries.

On SQLite the writer also links its rows into the record's hash chain as it inserts
them (``forecasts/chain.py``): it holds the write lock, so it numbers the rows itself
(after the highest id) and hashes the values exactly as stored, which spares the commit
a second pass over a million rows. Elsewhere the transaction's commit links them.

A big load into SQLite (a first full batch, into a table of fewer than
``REBUILD_BELOW`` forecasts) also drops the forecast table's non-unique indexes and
creates them again, from the very SQL stored in the schema, when it finishes: sorting
the keys once costs about two thirds of inserting them one by one into a b-tree. SQLite's
schema changes are transactional, so a failed import leaves the indexes as they were,
and readers keep seeing them in their own snapshot meanwhile. For the load the
connection's page cache grows to ``CACHE_KIB`` (it is set back afterwards). A small
import, or one into a big record, keeps its indexes: rebuilding them would cost more
than it saves.

A forecast may be about a window claim that is not in the record yet: ``new_claim``
gives a ``NewClaim`` that stands in for its id, and each batch first writes the new
claims it needs, in one statement, in the order they were asked for (so they get the ids
that one insert per claim would have given them); the commit links them into the chain
as it links every claim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from trackrecord.forecasts.models import Claim, Forecast
from trackrecord.forecasts.parsing import Window

FORECAST_COLUMNS = (
    "probability", "made_on", "quote", "source", "phrase", "scale", "note", "claim_id", "expert_id", "recorded_at",
)
#: Written too on SQLite, where the writer numbers and links its rows itself.
SQLITE_EXTRA = ("id", "chain_seq", "chain_hash")
BATCH_SIZE = 20_000
#: A load rebuilds the forecast indexes only into a table holding fewer rows than this.
REBUILD_BELOW = 5 * BATCH_SIZE
#: The page cache of a big SQLite load, in KiB.
CACHE_KIB = 256 * 1024


def _sqlite_datetime(value: dt.datetime) -> str:
    """As the record's datetime columns store it on SQLite: UTC, without an offset."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


class NewClaim:
    """A window claim to be written with the next batch; ``id`` once it is."""

    __slots__ = ("question_id", "window", "id")

    def __init__(self, question_id: int, window: Window) -> None:
        self.question_id, self.window, self.id = question_id, window, None


class ForecastWriter:
    """Collects forecast rows and writes them ``BATCH_SIZE`` at a time."""

    def __init__(self, connection: Connection, progress: Callable[[int], None] | None = None, *, keep_ids: bool = False) -> None:
        self.connection = connection
        #: With ``keep_ids``: the id of every row written, in the order they were added.
        self.ids: list[int] | None = [] if keep_ids else None
        self.sqlite = connection.dialect.name == "sqlite"
        self.progress = progress
        self.pending: list[tuple] = []
        self.new_claims: list[NewClaim] = []
        self.named_new_claims = False
        self._stamps: dict[dt.datetime, str] = {}
        self._days: dict[dt.date, str] = {}
        self.written = 0
        self.next_id: int | None = None  # SQLite: the id and chain link of the next row
        self._dropped: list[str] = []  # SQLite: the SQL of the indexes to create again
        self._cache_size: int | None = None  # SQLite: the page cache to set back
        self.chain: tuple[int, str] | None = None
        columns = (*FORECAST_COLUMNS, *SQLITE_EXTRA)
        self.sql = f"INSERT INTO forecast ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def add(
        self,
        *,
        claim_id: int | NewClaim,
        expert_id: int,
        probability: float,
        made_on: dt.date,
        recorded_at: dt.datetime,
        quote: str | None = None,
        source: str | None = None,
        phrase: str | None = None,
        scale: str | None = None,
        note: str | None = None,
    ) -> None:
        if self.sqlite:
            day = self._days.get(made_on)
            if day is None:
                day = self._days[made_on] = made_on.isoformat()
            stamp = self._stamps.get(recorded_at)
            if stamp is None:
                stamp = self._stamps[recorded_at] = _sqlite_datetime(recorded_at)
            self.pending.append((probability, day, quote, source, phrase, scale, note, claim_id, expert_id, stamp))
        else:
            self.pending.append(
                (probability, made_on, quote, source, phrase, scale, note, claim_id, expert_id, recorded_at)
            )
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def new_claim(self, *, question_id: int, window: Window) -> NewClaim:
        """A window claim on the question, written before the first batch that uses it;
        pass it to ``add`` as ``claim_id``."""
        claim = NewClaim(question_id, window)
        self.new_claims.append(claim)
        self.named_new_claims = True
        return claim

    def _write_claims(self) -> None:
        table = Claim.__table__
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        rows = [
            {"question_id": c.question_id, "key": c.window.key, "option_id": None, "window_start": c.window.start,
             "window_end": c.window.end, "deadline": c.window.end}
            for c in self.new_claims
        ]
        for claim, claim_id in zip(self.new_claims, self.connection.execute(statement, rows).scalars().all(), strict=True):
            claim.id = claim_id
        self.new_claims = []

    def flush(self) -> None:
        if self.new_claims:
            self._write_claims()
        if not self.pending:
            return
        if self.named_new_claims:  # rows that name a new claim get its id
            self.pending = [row if type(row[7]) is int else (*row[:7], row[7].id, *row[8:]) for row in self.pending]
        if self.sqlite:
            if self.written == 0 and len(self.pending) >= BATCH_SIZE:
                self._prepare_big_load()
            self.connection.exec_driver_sql(self.sql, self._linked(self.pending))
        else:
            rows = [dict(zip(FORECAST_COLUMNS, row)) for row in self.pending]
            if self.ids is None:
                self.connection.execute(insert(Forecast.__table__), rows)
            else:
                statement = insert(Forecast.__table__).returning(Forecast.__table__.c.id, sort_by_parameter_order=True)
                self.ids.extend(self.connection.execute(statement, rows).scalars().all())
        self.written += len(self.pending)
        self.pending = []
        if self.progress is not None:
            self.progress(self.written)

    def finish(self) -> None:
        """Write what is left, and put back what a big load changed (indexes, page cache)."""
        self.flush()
        for sql in self._dropped:
            self.connection.exec_driver_sql(sql)
        self._dropped = []
        if self._cache_size is not None:
            self.connection.exec_driver_sql(f"PRAGMA cache_size = {self._cache_size}")
            self._cache_size = None

    def _prepare_big_load(self) -> None:
        """SQLite, before the first of many batches: a bigger page cache, and the forecast
        table's non-unique indexes dropped if the table is small (see the module text)."""
        self._cache_size = self.connection.exec_driver_sql("PRAGMA cache_size").scalar()
        self.connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        held = self.connection.exec_driver_sql(f"SELECT COUNT(*) FROM (SELECT 1 FROM forecast LIMIT {REBUILD_BELOW})").scalar()
        if held >= REBUILD_BELOW:
            return
        indexes = self.connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'forecast' AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
        ).all()
        for name, sql in indexes:
            self.connection.exec_driver_sql(f'DROP INDEX "{name}"')
            self._dropped.append(sql)

    def _linked(self, rows: list[tuple]) -> list[tuple]:
        """``rows`` with their ids and chain links (SQLite)."""
        from sqlalchemy import text

        from trackrecord.forecasts import chain

        if self.next_id is None:
            self.next_id = self.connection.execute(text("SELECT COALESCE(MAX(id), 0) + 1 FROM forecast")).scalar()
            self.chain = chain.head(self.connection)
        seq, previous = self.chain
        hashes = chain.sqlite_forecast_links(previous, self.next_id, rows)
        linked = [(*row, self.next_id + n, seq + 1 + n, hashes[n]) for n, row in enumerate(rows)]
        if self.ids is not None:
            self.ids.extend(range(self.next_id, self.next_id + len(rows)))
        self.next_id += len(rows)
        self.chain = (seq + len(rows), hashes[-1])
        return linked
