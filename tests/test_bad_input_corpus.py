"""Every bad input gives one ``Error:`` line (issue 11, part 5).

Each case of ``bad_inputs.CASES`` runs through the real CLI against a copy of a seeded
record: exactly one ``Error:`` line on stderr naming the bad value, the expected exit
status, nothing on stdout, no traceback, and no row written.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sqlalchemy as sa

from trackrecord.cli.app import app
from bad_inputs import CASES, IS_ROOT, SEED, as_nobody, prepare, restore, run_command
from conftest import ON_POSTGRES, TEST_DB, assert_error


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The seeded record, built once through the CLI and copied by every case: an SQLite
    file, or on PostgreSQL a database each case's database is created from (TEMPLATE)."""
    if ON_POSTGRES:
        admin = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
        name = f"tr_seed_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        path = sa.make_url(TEST_DB).set(database=name).render_as_string(hide_password=False)
    else:
        path = tmp_path_factory.mktemp("seed") / "record.db"
    runner = CliRunner()
    for command in SEED:
        result = runner.invoke(app, ["--db", str(path), *command])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    yield path
    if ON_POSTGRES:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def copy_record(seeded, db_path) -> None:
    """The case's record: a copy of the seeded one."""
    if not ON_POSTGRES:
        shutil.copyfile(seeded, db_path)
        return
    admin = sa.create_engine(TEST_DB, isolation_level="AUTOCOMMIT")
    target, template = sa.make_url(str(db_path)).database, sa.make_url(seeded).database
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{target}" WITH (FORCE)'))
        connection.execute(sa.text(f'CREATE DATABASE "{target}" TEMPLATE "{template}"'))
    admin.dispose()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_gives_one_error_line(case, seeded, db_path, tmp_path, table_counts):
    if ON_POSTGRES and (case.db is not None or case.read_only):
        pytest.skip("about --db values and SQLite files: run on SQLite")
    if case.needs_permissions and IS_ROOT:
        if not as_nobody(case):
            pytest.skip("file permissions do not bind root, and setpriv is missing to drop them")
        outcome = run_command(case, seeded, [str(Path(sys.executable).parent / "trackrecord")])  # as an unprivileged user
        assert_error(outcome, *case.fragments, exit_code=case.code)
        assert not outcome.written
        return
    copy_record(seeded, db_path)
    folder = tmp_path / "files"
    folder.mkdir()
    before = table_counts()
    argv = prepare(case, folder, db_path)
    try:
        result = CliRunner().invoke(app, argv)
    finally:
        restore(case, db_path)
    assert_error(result, *case.fragments, exit_code=case.code)
    assert "s3cret" not in result.stderr
    assert table_counts() == before


@pytest.mark.sqlite_only
def test_a_record_locked_by_another_process_is_one_error_line(seeded, db_path, table_counts, monkeypatch):
    """Another process holding the SQLite file past the busy timeout: one line, exit 75."""
    shutil.copyfile(seeded, db_path)
    before = table_counts()
    monkeypatch.setenv("TRACKRECORD_BUSY_TIMEOUT", "0.5")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = CliRunner().invoke(app, ["--db", str(db_path), "expert", "add", "Zed Quinn"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_error(result, "the record is busy", "try again", exit_code=75)
    assert table_counts() == before
