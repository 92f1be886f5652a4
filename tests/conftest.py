"""Shared fixtures: every test gets its own SQLite file and no test touches real state.

``run`` drives the real CLI (typer's CliRunner on ``cli.app.app``) against that file and
returns the result, whose ``stdout``/``stderr``/``exit_code`` tests assert exactly.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Point the user data folder and TRACKRECORD_DB at the test's temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("TRACKRECORD_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "record.db"


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
        if not db_path.exists():
            return {}
        with sqlite3.connect(db_path) as connection:
            tables = [
                name
                for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if name != "alembic_version"
            ]
            return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in tables}

    return counts


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
    """Rows of ``query`` on the SQLite file at ``db_path``."""
    with sqlite3.connect(db_path) as connection:
        return connection.execute(query, params).fetchall()


def assert_error(result, *fragments: str, exit_code: int = 2) -> None:
    """One ``Error:`` line on stderr naming ``fragments``, the exit code, nothing on stdout."""
    assert result.exit_code == exit_code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


TODAY = dt.date.today()


def days(n: int) -> str:
    """ISO date ``n`` days from today (negative for the past)."""
    return (TODAY + dt.timedelta(days=n)).isoformat()
