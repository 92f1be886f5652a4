"""Where the record lives and how a connection to it is opened.

The database is chosen as DESIGN.md says: ``--db`` (a path or an SQLAlchemy URL), else
``TRACKRECORD_DB``, else ``trackrecord.db`` in the user data directory. SQLite
connections run with foreign keys on, WAL journaling and a busy timeout, so two
commands at once wait for each other instead of failing.

The schema is owned by Alembic. Opening a database checks the stored revision with one
cheap query and runs the migrations only when it is behind, so ordinary commands never
pay for importing Alembic.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, create_engine
from sqlalchemy.exc import DBAPIError

from trackrecord.forecasts.errors import InvalidInput

HEAD_REVISION = "0003"
BUSY_TIMEOUT_MS = 10_000
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
    if path.is_dir():
        raise InvalidInput(f"database path {chosen!r} is a folder; give the path of an SQLite file (new or existing) or an SQLAlchemy URL")
    if not path.parent.is_dir():
        raise InvalidInput(
            f"database path {chosen!r} is in a folder that does not exist; "
            "give a path in an existing folder or an SQLAlchemy URL"
        )
    return f"sqlite:///{path}"


def _configure_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision``."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


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
    ("database is locked", "cannot use the record {}: another process holds it locked; try again when that one has finished", False),
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
    except DBAPIError as error:
        raise InvalidInput(
            f"cannot open database {named!r}: {shown_url(str(error.orig))}; give an SQLite file path or an SQLAlchemy URL"
        ) from None
    return engine
