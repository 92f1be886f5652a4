"""Every bad input gives one ``Error:`` line (issue 11, part 5).

Each case of ``bad_inputs.CASES`` runs through the real CLI against a copy of a seeded
record: exactly one ``Error:`` line on stderr naming the bad value, the expected exit
status, nothing on stdout, no traceback, and no row written.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app
from bad_inputs import CASES, IS_ROOT, SEED, as_nobody, prepare, restore, run_command
from conftest import assert_error


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The seeded record, built once through the CLI and copied by every case."""
    path = tmp_path_factory.mktemp("seed") / "record.db"
    runner = CliRunner()
    for command in SEED:
        result = runner.invoke(app, ["--db", str(path), *command])
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
    return path


@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_gives_one_error_line(case, seeded, db_path, tmp_path, table_counts):
    if case.needs_permissions and IS_ROOT:
        if not as_nobody(case):
            pytest.skip("file permissions do not bind root, and setpriv is missing to drop them")
        outcome = run_command(case, seeded, [str(Path(sys.executable).parent / "trackrecord")])  # as an unprivileged user
        assert_error(outcome, *case.fragments, exit_code=case.code)
        assert not outcome.written
        return
    shutil.copyfile(seeded, db_path)
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
def test_a_record_locked_by_another_process_is_one_error_line(seeded, db_path, table_counts):
    """Another process holding the record past the busy timeout (10 s): one line, exit 1."""
    shutil.copyfile(seeded, db_path)
    before = table_counts()
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = CliRunner().invoke(app, ["--db", str(db_path), "expert", "add", "Zed Quinn"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_error(result, "cannot use the record", "locked", exit_code=1)
    assert table_counts() == before
