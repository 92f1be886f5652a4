"""Several processes writing one record at once: every write lands once, none ends in a traceback.

Each test starts real ``trackrecord`` processes against the test's record (an SQLite file,
or PostgreSQL under ``TRACKRECORD_TEST_DB``) and reads the outcome through the product.
``tests/bench_concurrency.py`` runs the same races at the sizes the closing notes quote.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

from typer.testing import CliRunner

import trackrecord
from trackrecord.cli.app import app

from conftest import assert_error

SCRIPT = "from trackrecord.cli.app import main; main()"


def start(db_path, tmp_path, *args: str, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg"), **env}
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, "--db", str(db_path), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
    )


def finish(processes: list[subprocess.Popen]) -> list[tuple[int, str, str]]:
    return [(process.wait(timeout=300), *process.communicate()) for process in processes]


def listed(db_path, *args: str):
    result = CliRunner().invoke(app, ["--db", str(db_path), *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_eight_processes_adding_forecasts_on_one_new_window_all_land(ok, db_path, tmp_path):
    ok("question", "add", "summit", "When will the summit take place?", "--kind", "date")
    for n in range(8):
        ok("expert", "add", f"Analyst {n}")
    rounds = 3
    for round_ in range(rounds):
        results = finish([
            start(db_path, tmp_path, "forecast", "add", f"Analyst {n}", "summit", f"0.{n + 1}{round_}",
                  "--window", "2031-03-01..2031-05-31", "--made-on", "2025-01-0{}".format(round_ + 1))
            for n in range(8)
        ])
        for code, stdout, stderr in results:
            assert (code, stderr) == (0, ""), (code, stdout, stderr)
    forecasts = listed(db_path, "forecast", "list")
    assert len(forecasts) == 8 * rounds
    assert {row["claim"] for row in forecasts} == {"2031-03-01..2031-05-31"}


def test_same_name_added_at_once_is_one_expert_and_clear_refusals(db_path, tmp_path, ok):
    ok("expert", "list")  # the schema exists: this race is about the name, not the migration
    results = finish([start(db_path, tmp_path, "expert", "add", "Jane Roe") for _ in range(6)])
    assert sorted(code for code, _, _ in results) == [0, 1, 1, 1, 1, 1]
    for code, stdout, stderr in results:
        assert "Traceback" not in stderr
        if code:
            assert stdout == "" and len(stderr.splitlines()) == 1 and stderr.startswith("Error: ") and "Jane Roe" in stderr, stderr
    assert [row["name"] for row in listed(db_path, "expert", "list")] == ["Jane Roe"]


def test_same_slug_added_at_once_is_one_question(db_path, tmp_path, ok):
    ok("expert", "list")
    results = finish([
        start(db_path, tmp_path, "question", "add", "ceasefire", f"Ceasefire {n}?", "--kind", "binary", "--deadline", "2031-01-01")
        for n in range(6)
    ])
    assert sorted(code for code, _, _ in results) == [0, 1, 1, 1, 1, 1]
    assert all("Traceback" not in stderr for _, _, stderr in results)
    assert [row["slug"] for row in listed(db_path, "question", "list")] == ["ceasefire"]


def test_a_writer_waiting_past_the_bound_is_told_the_record_is_busy(ok, db_path, tmp_path, table_counts):
    ok("expert", "add", "Jane Roe")
    before = table_counts()
    with trackrecord.open(db_path) as record, record.session(write=True) as session:
        session.connection()  # the transaction begins, and with it the write lock
        result = finish([start(db_path, tmp_path, "expert", "add", "John Doe", TRACKRECORD_BUSY_TIMEOUT="0.5")])[0]
        reader = finish([start(db_path, tmp_path, "expert", "list")])[0]  # readers never wait for writers
    code, stdout, stderr = result
    assert code == 75 and stdout == "", result
    assert stderr.splitlines() == [stderr.strip()] and stderr.startswith("Error: the record is busy"), stderr
    assert "try again" in stderr and "TRACKRECORD_BUSY_TIMEOUT" in stderr
    assert reader[0] == 0 and "Jane Roe" in reader[1], reader
    assert table_counts() == before


def test_the_python_api_raises_busy_too(ok, db_path):
    ok("expert", "list")
    holder = trackrecord.open(db_path)
    entered, release = threading.Event(), threading.Event()

    def hold():
        with holder.session(write=True) as session:
            session.connection()
            entered.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    entered.wait(30)
    try:
        os.environ["TRACKRECORD_BUSY_TIMEOUT"] = "0.3"
        with trackrecord.open(db_path) as record:
            try:
                record.add_expert("John Doe")
            except trackrecord.Busy as error:
                assert "the record is busy" in str(error)
            else:
                raise AssertionError("no Busy raised")
    finally:
        del os.environ["TRACKRECORD_BUSY_TIMEOUT"]
        release.set()
        thread.join()
        holder.close()


def test_a_bad_busy_timeout_is_one_error_line(run):
    os.environ["TRACKRECORD_BUSY_TIMEOUT"] = "soon"
    try:
        assert_error(run("expert", "add", "Jane Roe"), "TRACKRECORD_BUSY_TIMEOUT='soon'", "seconds from 0 to 86400")
    finally:
        del os.environ["TRACKRECORD_BUSY_TIMEOUT"]


def test_two_imports_of_one_file_at_once_add_each_row_once(ok, db_path, tmp_path):
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", "2031-01-01")
    rows = 2000
    csv_file = tmp_path / "forecasts.csv"
    csv_file.write_text(
        "question,expert,probability,made_on,option,window,quote,source\n"
        + "".join(f"talks,Entrant {n % 20:02d},0.{n % 9 + 1},{2020 + n // 20 % 5}-{n // 100 % 12 + 1:02d}-{n // 1200 + 1:02d},,,,\n" for n in range(rows))
    )
    results = finish([start(db_path, tmp_path, "import", str(csv_file), "--add-experts") for _ in range(2)])
    for code, stdout, stderr in results:
        assert (code, stderr) == (0, ""), (code, stdout, stderr)
    added = sorted(stdout for _, stdout, _ in results)
    assert f"{rows} forecasts" in added[1] or f"{rows} forecast" in added[1], added
    assert len(listed(db_path, "forecast", "list", "--limit", "100000")) == rows
