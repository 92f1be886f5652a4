"""Where the record lives and how a connection to it is opened.

The database is chosen as DESIGN.md says: ``--db`` (a path or an SQLAlchemy URL), else
``TRACKRECORD_DB``, else ``trackrecord.db`` in the user data directory. SQLite
connections run with foreign keys on and WAL journaling.

Writers take the record's one write lock when their transaction begins, readers never
wait: on SQLite the transaction starts with ``BEGIN IMMEDIATE`` (pysqlite's own implicit
transactions are switched off, as SQLAlchemy's documentation recommends, so the
statement is ours to choose), on PostgreSQL with a transaction-scoped advisory lock.
Every read-then-write (a new window's claim, a same-name expert, an import's check for
rows it already holds, the hash chain's previous link) therefore sees everything committed
before it, and concurrent commands queue instead of failing on a uniqueness constraint.
The wait is bounded (``busy_timeout_ms()``: 30 s, or ``$TRACKRECORD_BUSY_TIMEOUT``
seconds); past it the command stops with ``Busy`` and nothing written.

The schema is owned by Alembic. Opening a database checks the stored revision with one
cheap query and runs the migrations only when it is behind, so ordinary commands never
pay for importing Alembic.

A migration is all or nothing and one at a time: it runs in one transaction that first
takes the write lock (so DDL stays inside the transaction on SQLite too: pysqlite would
otherwise run it outside any), waiting up to ``MIGRATION_WAIT_MS``, then reads the
stored revision again, so that several first commands started at once create the schema
once and the others find it done. A record stamped with a revision this code does not know was made by a newer
trackrecord and is refused without writing anything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, create_engine
from sqlalchemy.exc import DataError, DBAPIError, OperationalError

from trackrecord.forecasts.errors import Busy, InvalidInput

HEAD_REVISION = "0005"  # the one place to bump when a migration is added
BUSY_TIMEOUT_MS = 30_000
BUSY_ENV_VAR = "TRACKRECORD_BUSY_TIMEOUT"
#: How long a command waits for another process's migration to finish (a large record's
#: upgrade can take longer than an ordinary write).
MIGRATION_WAIT_MS = 600_000
ENV_VAR = "TRACKRECORD_DB"
#: The PostgreSQL advisory lock writers hold for their transaction ('trak' in ASCII).
WRITE_LOCK_KEY = 0x7472616B
#: The execution option that makes a connection's transactions take the write lock.
WRITE = "trackrecord_write"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("trackrecord", appauthor=False)) / "trackrecord.db"


def database_url(db: str | None) -> str:
    """The SQLAlchemy URL for ``--db``, else the environment, else the default file."""
    chosen = db or os.environ.get(ENV_VAR)
    if not chosen:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" in chosen:
        return chosen
    path = Path(chosen).expanduser().resolve()
    if path.is_dir():
        raise InvalidInput(f"database path {chosen!r} is a folder; give the path of an SQLite file (new or existing) or an SQLAlchemy URL")
    if not path.parent.is_dir():
        raise InvalidInput(
            f"database path {chosen!r} is in a folder that does not exist; "
            "give a path in an existing folder or an SQLAlchemy URL"
        )
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # pysqlite begins nothing itself: _begin does
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")  # first: switching to WAL may wait
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _begin(connection: Connection) -> None:
    """Begin a transaction; a writer's (``WRITE`` option: its wait in ms, or True for
    ``busy_timeout_ms()``) first takes the write lock."""
    write = connection.get_execution_options().get(WRITE, False)
    wait = busy_timeout_ms() if write is True else write
    if connection.dialect.name == "sqlite":
        if write:
            connection.connection.driver_connection.execute(f"PRAGMA busy_timeout={wait}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    elif write and connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {wait}")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(url: str, **options) -> Engine:
    """An engine for ``url`` (``options`` go to SQLAlchemy); SQLite connections get the
    pragmas above, and every transaction begins through ``_begin``."""
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin)
    return engine


def is_busy(error: DBAPIError) -> bool:
    """Whether ``error`` is the bounded wait for a lock running out (SQLite's SQLITE_BUSY,
    PostgreSQL's lock_not_available)."""
    orig = error.orig
    return getattr(orig, "sqlite_errorname", "") == "SQLITE_BUSY" or "database is locked" in str(orig) or getattr(orig, "sqlstate", None) == "55P03"


def busy_timeout_ms() -> int:
    """How long a writer waits for the write lock: ``$TRACKRECORD_BUSY_TIMEOUT`` seconds, else 30 s."""
    from trackrecord.forecasts.environment import seconds_setting

    return round(seconds_setting(BUSY_ENV_VAR, BUSY_TIMEOUT_MS / 1000) * 1000)


def busy() -> Busy:
    """The error of a write lock not had within the bounded wait."""
    return Busy(
        f"the record is busy: another command (an import?) has been writing to it for over {busy_timeout_ms() / 1000:g} s; "
        f"nothing was written, try again when it has finished (or wait longer with {BUSY_ENV_VAR}=SECONDS)"
    )


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator["Session"]:  # noqa: F821
    """One ORM session in one transaction: committed when the block ends, rolled back on
    any error. ``write=True`` takes the record's write lock first (see the module text),
    and links the rows it wrote into the hash chain before committing
    (``forecasts/chain.py``); a lock not had within ``busy_timeout_ms()`` raises ``Busy``."""
    from sqlmodel import Session

    bind = engine.execution_options(**{WRITE: True}) if write else engine
    try:
        with Session(bind, expire_on_commit=False) as session, session.begin():
            if not write:
                yield session
                return
            from trackrecord.forecasts import chain

            since = chain.marks(session.connection())  # the lock is held from here on
            yield session
            session.flush()
            chain.seal(session.connection(), since)
    except DataError as error:
        if "NUL" in str(error.orig):  # PostgreSQL's driver refuses to send one, even to look a name up
            raise InvalidInput("a text given contains a NUL character (\\x00), which no record can hold; remove it") from None
        raise
    except OperationalError as error:
        if is_busy(error):
            raise busy() from None
        raise


def stored_revision(engine: Engine) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty one."""
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None


def _migrations_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


def known_revisions() -> set[str]:
    """Every revision the migrations of this code know."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_migrations_config()).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision``: in one transaction, holding the write lock.

    A record at a revision this code does not know raises InvalidInput (made by a newer
    trackrecord); a migration that fails leaves the record as it was.
    """
    config = _migrations_config()
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: MIGRATION_WAIT_MS})
        if connection.dialect.name == "sqlite":
            with _sqlite_schema_change(connection), connection.begin():
                _upgrade_locked(connection, config, revision)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left rows without their referenced rows: {problems[:5]}")
        else:
            with connection.begin():
                _upgrade_locked(connection, config, revision)


def _upgrade_locked(connection, config, revision: str) -> None:
    """The migrations, run once the lock is held: the stored revision is read afresh here."""
    from alembic import command
    from sqlalchemy import inspect

    stored = None
    if inspect(connection).has_table("alembic_version"):
        stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if stored is not None and stored not in known_revisions():
        raise InvalidInput(f"this record was made by a newer trackrecord (revision {stored}); upgrade trackrecord")
    config.attributes["connection"] = connection
    from trackrecord.forecasts.refold import KeyCollision

    try:
        command.upgrade(config, revision)
    except KeyCollision as collision:
        raise InvalidInput(
            f"cannot upgrade this record (revision {stored}) to this trackrecord (revision {HEAD_REVISION}): {collision}; "
            "rename or merge one of each with the trackrecord that made the record, then run this command again; "
            "nothing was changed"
        ) from None


@contextmanager
def _sqlite_schema_change(connection: Connection) -> Iterator[None]:
    """Foreign keys off around an SQLite schema change (SQLite's procedure for rebuilding
    tables; the pragma cannot change inside a transaction), the usual settings after."""
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        if raw.in_transaction:  # the transaction could not be ended: never reuse this connection
            connection.invalidate()
        else:
            raw.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
            raw.execute("PRAGMA foreign_keys=ON")


#: A password passed in an URL's query (``?password=…``), which ``hide_password`` leaves.
_SECRET_QUERY = re.compile(r"([?&](?:password|passwd|sslpassword)=)[^&]*", re.IGNORECASE)


def shown_url(text: str) -> str:
    """``text`` as it may appear in a message: an URL's password masked as ***."""
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        shown = make_url(text).render_as_string(hide_password=True)
        return _SECRET_QUERY.sub(r"\1***", shown)
    except (ArgumentError, ValueError):
        return text.split("://", 1)[0] + "://…"  # unparseable: show the scheme only


#: What the database says when it cannot do its work (lower-cased), what a message says
#: of it, and whether that is bad input (the record given cannot be written) or not.
_FAILURES = (
    ("readonly database", "cannot write to the record {}: it is read-only; give a record you may write to, or copy it somewhere writable", True),
    ("read-only", "cannot write to the record {}: it is read-only; give a record you may write to, or copy it somewhere writable", True),
    ("database or disk is full", "cannot write to the record {}: the disk is full; free some space and try again", False),
    ("disk i/o error", "cannot use the record {}: the disk reported an input/output error; check the disk and the file", False),
)


def _translate_failures(named: str):
    """An engine ``handle_error`` hook: the failures above become one domain error naming
    the record (its password masked), whatever statement met them."""
    from sqlalchemy.exc import DBAPIError

    from trackrecord.forecasts.errors import TrackrecordError

    def translate(context) -> None:
        error = context.sqlalchemy_exception
        if not isinstance(error, DBAPIError):
            return
        if is_busy(error):
            raise busy() from None
        message = str(error.orig).lower()
        for words, said, bad_input in _FAILURES:
            if words in message:
                raise (InvalidInput if bad_input else TrackrecordError)(said.format(repr(named))) from None

    return translate


def open_database(db: str | None) -> Engine:
    """An engine for the chosen database, migrated to the current schema."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    url = database_url(db)
    named = shown_url(db or os.environ.get(ENV_VAR) or url)
    try:
        engine = make_engine(url)
        event.listen(engine, "handle_error", _translate_failures(named))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        missing = f"its driver is not installed ({error})" if isinstance(error, ImportError) else "it is not a database URL this trackrecord can open"
        raise InvalidInput(
            f"cannot open database {named!r}: {missing}; give an SQLite file path, or a URL such as "
            "postgresql+psycopg://USER:PASSWORD@HOST/DB with its driver installed (pip install 'trackrecord[postgres]')"
        ) from None
    try:
        if stored_revision(engine) != HEAD_REVISION:
            upgrade(engine)
    except InvalidInput:
        engine.dispose()
        raise
    except DBAPIError as error:
        raise InvalidInput(
            f"cannot open database {named!r}: {shown_url(str(error.orig))}; give an SQLite file path or an SQLAlchemy URL"
        ) from None
    return engine
