"""Where the record lives and how a connection to it is opened.

The database is chosen as DESIGN.md says: ``--db`` (a path or an SQLAlchemy URL), else
``TRACKRECORD_DB``, else ``trackrecord.db`` in the user data directory. SQLite
connections run with foreign keys on, WAL journaling and a busy timeout, so two
commands at once wait for each other instead of failing.

The schema is owned by Alembic. Opening a database checks the stored revision with one
cheap query and runs the migrations only when it is behind, so ordinary commands never
pay for importing Alembic.

A migration is all or nothing and one at a time: it runs in one transaction that first
takes the database's migration lock (SQLite: ``BEGIN IMMEDIATE``, with pysqlite's own
transaction handling switched off so that DDL stays inside the transaction;
PostgreSQL: ``pg_advisory_xact_lock``), then reads the stored revision again, so that
several first commands started at once create the schema once and the others find it
done. A record stamped with a revision this code does not know was made by a newer
trackrecord and is refused without writing anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from trackrecord.forecasts.errors import InvalidInput

HEAD_REVISION = "0004"  # the one place to bump when a migration is added
BUSY_TIMEOUT_MS = 10_000
#: How long a command waits for another process's migration to finish (a large record's
#: upgrade can take longer than an ordinary write).
MIGRATION_WAIT_MS = 600_000
#: The key of the PostgreSQL advisory lock that serialises migrations (any fixed bigint).
MIGRATION_LOCK_KEY = 0x7472_6163_6B72  # "trackr"
ENV_VAR = "TRACKRECORD_DB"


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
    if not path.parent.is_dir():
        raise InvalidInput(
            f"database path {chosen!r} is in a folder that does not exist; "
            "give a path in an existing folder or an SQLAlchemy URL"
        )
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: switching to WAL may wait
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str, **options) -> Engine:
    """An engine for ``url`` (``options`` go to SQLAlchemy); SQLite connections get the pragmas above."""
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


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
    """Run the Alembic migrations up to ``revision``: in one transaction, holding the migration lock.

    A record at a revision this code does not know raises InvalidInput (made by a newer
    trackrecord); a migration that fails leaves the record as it was.
    """
    config = _migrations_config()
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            with _sqlite_migration_transaction(connection):
                _upgrade_locked(connection, config, revision)
        else:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
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


class _sqlite_migration_transaction:
    """SQLAlchemy's recipe for transactional DDL on pysqlite, for one connection.

    pysqlite commits on its own before DDL; with its ``isolation_level`` at None it leaves
    transactions to us, and ``BEGIN IMMEDIATE`` takes the write lock at once, so two
    processes migrate one after the other. Foreign keys are off while tables are rebuilt
    (SQLite's procedure for schema changes: the pragma cannot change inside a
    transaction) and ``PRAGMA foreign_key_check`` must find nothing before the commit.
    """

    def __init__(self, connection) -> None:
        self.connection = connection
        self.raw = connection.connection.driver_connection

    def __enter__(self):
        self.saved = self.raw.isolation_level
        self.raw.isolation_level = None
        self.raw.execute("PRAGMA foreign_keys=OFF")
        self.raw.execute(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
        self.connection.exec_driver_sql("BEGIN IMMEDIATE")
        return self

    def __exit__(self, kind, error, traceback) -> None:
        try:
            if kind is None:
                problems = self.raw.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration left rows without their referenced rows: {problems[:5]}")
                self.connection.commit()
            else:
                self.connection.rollback()
        except BaseException:
            if self.raw.in_transaction:
                self.raw.execute("ROLLBACK")
            raise
        finally:
            if not self.raw.in_transaction:
                self.raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                self.raw.execute("PRAGMA foreign_keys=ON")
            self.raw.isolation_level = self.saved
            if self.raw.in_transaction:  # could not end the transaction: never reuse this connection
                self.connection.invalidate()


def shown_url(text: str) -> str:
    """``text`` as it may appear in a message: an URL's password masked as ***."""
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text.split("://", 1)[0] + "://…"  # unparseable: show the scheme only


def open_database(db: str | None) -> Engine:
    """An engine for the chosen database, migrated to the current schema."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    url = database_url(db)
    named = shown_url(db or os.environ.get(ENV_VAR) or url)
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
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
