"""Shared fixtures: every test gets its own empty record and no test touches real state.

The record is an SQLite file, or, when ``TRACKRECORD_TEST_DB`` holds a PostgreSQL URL (an
account allowed to create databases, e.g. the throwaway cluster ``tests/postgres.sh``
starts), a fresh PostgreSQL database per test, dropped afterwards: the same tests run
against both backends. ``run`` drives the real CLI (typer's CliRunner on ``cli.app.app``)
against that record and returns the result, whose ``stdout``/``stderr``/``exit_code``
tests assert exactly. Tests read state through the product, or through SQLAlchemy with
``sql``/``table_counts``; the few that are about the SQLite file itself (tampering,
killing a writer) are marked ``sqlite_only`` and skipped on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from bad_inputs import TODAY, days  # noqa: F401  (the suite's pinned today, for the test modules)
from trackrecord.cli.app import app


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Point the user data folder and TRACKRECORD_DB at the test's temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("TRACKRECORD_DB", raising=False)


TEST_DB = os.environ.get("TRACKRECORD_TEST_DB", "")
ON_POSTGRES = TEST_DB.startswith("postgresql")


def pytest_collection_modifyitems(config, items):
    if ON_POSTGRES:
        skip = pytest.mark.skip(reason="about the SQLite file itself")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


class PostgresRecord(str):
    """A test's PostgreSQL database: its URL, with the little of ``Path``'s interface tests use."""

    def exists(self) -> bool:
        """Whether anything was ever written to the record (the schema alone is not a write:
        most tests' databases start as a copy of a migrated, empty template)."""
        if not sql(self, "SELECT 1 FROM information_schema.tables WHERE table_name = 'alembic_version'"):
            return False
        return any(table_counts_of(self).values())


@pytest.fixture(scope="session")
def postgres_template():
    """An empty record at the current schema, made once: each test's database is created
    from it (``CREATE DATABASE … TEMPLATE``) instead of running every migration again."""
    from trackrecord.forecasts.db import open_database

    admin = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    name = f"tr_template_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    open_database(sa.make_url(TEST_DB).set(database=name).render_as_string(hide_password=False)).dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_path(tmp_path, request):
    """The test's record: an SQLite file path, or a fresh PostgreSQL database's URL (empty
    for tests marked ``empty_record``, else already at the current schema)."""
    if not ON_POSTGRES:
        yield tmp_path / "record.db"
        return
    admin = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    name = f"tr_{uuid.uuid4().hex[:16]}"
    template = "" if request.node.get_closest_marker("empty_record") else f' TEMPLATE "{request.getfixturevalue("postgres_template")}"'
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"{template}'))
    yield PostgresRecord(sa.make_url(TEST_DB).set(database=name).render_as_string(hide_password=False))
    _engines.pop(name, sa.create_engine("sqlite://")).dispose()
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


_engines: dict[str, sa.Engine] = {}


def url_of(record) -> str:
    """The SQLAlchemy URL of ``record`` (a path or a URL)."""
    return str(record) if "://" in str(record) else f"sqlite:///{record}"


def engine_of(record) -> sa.Engine:
    """An SQLAlchemy engine on ``record`` (a path or a URL), kept for the test's lifetime."""
    url = url_of(record)
    key = sa.make_url(url).database or url
    if key not in _engines:
        _engines[key] = sa.create_engine(url, poolclass=sa.pool.NullPool)
    return _engines[key]


@pytest.fixture
def run(db_path):
    """Invoke ``trackrecord --db db_path ARGS...`` and return the result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["--db", str(db_path), *args])

    return invoke


@pytest.fixture
def ok(run):
    """Like ``run`` but asserts success and returns stdout."""

    def invoke(*args: str) -> str:
        result = run(*args)
        assert result.exit_code == 0, (args, result.exit_code, result.stdout, result.stderr)
        return result.stdout

    return invoke


@pytest.fixture
def table_counts(db_path):
    """Row counts of every table of the record, to prove that a failure wrote nothing."""

    def counts() -> dict[str, int]:
        if isinstance(db_path, Path) and not db_path.exists():
            return {}
        return table_counts_of(db_path)

    return counts


def table_counts_of(record) -> dict[str, int]:
    """Row counts of every table of ``record`` but Alembic's."""
    with engine_of(record).connect() as connection:
        tables = [name for name in sa.inspect(connection).get_table_names() if name != "alembic_version"]
        return {name: connection.execute(sa.text(f'SELECT COUNT(*) FROM "{name}"')).scalar() for name in tables}


def parse_table(text: str) -> list[dict[str, str]]:
    """The rows of the first tabulate 'simple' table in ``text``, as dicts by heading."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if index and line.strip() and set(line) <= {"-", " "}:
            break
    else:
        raise AssertionError(f"no table in {text!r}")
    spans, start = [], None
    for position, char in enumerate(line + " "):
        if char == "-" and start is None:
            start = position
        elif char != "-" and start is not None:
            spans.append((start, position))
            start = None
    spans[-1] = (spans[-1][0], None)
    header = lines[index - 1]
    names = [header[a:b].strip() for a, b in spans]
    rows = []
    for row in lines[index + 1 :]:
        if not row.strip():
            break
        rows.append({name: row[a:b].strip() for name, (a, b) in zip(names, spans)})
    return rows

def sql(db_path, query: str, *params) -> list[tuple]:
    """Rows of ``query`` (``?`` placeholders) on the record at ``db_path``, through SQLAlchemy.

    Values come back as SQLite shows them, whichever the backend: dates as ISO text,
    times as 'YYYY-MM-DD HH:MM:SS[.ffffff]' text, so one expectation fits both.
    """
    names = {}
    for index, value in enumerate(params):
        names[f"p{index}"] = value
        query = query.replace("?", f":p{index}", 1)
    with engine_of(db_path).connect() as connection:
        rows = connection.execute(sa.text(query), names).all()
    return [tuple(_as_sqlite(value) for value in row) for row in rows]


def _as_sqlite(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def assert_error(result, *fragments: str, exit_code: int = 2) -> None:
    """One ``Error:`` line on stderr naming ``fragments``, the exit code, nothing on stdout."""
    assert result.exit_code == exit_code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
