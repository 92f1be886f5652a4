"""Progress on a terminal (issue 10, part 3): a line on stderr while a command works, only
when stderr is a terminal, erased before anything is printed. The terminal is a real
pseudo-terminal (``pty``) given to a real ``trackrecord`` process as its stderr."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys

import pytest

from conftest import assert_error, days

SCRIPT = "from trackrecord.cli.app import main; main()"
#: One drawing of the line: carriage return, the text, padding.
DRAWN = re.compile(r"\r(trackrecord [a-z ]+): ([^\r]*?)… \d+ s *")
ERASED = re.compile(r"\r +\r")


def on_a_terminal(db_path, tmp_path, *args: str, after: str | None = "0") -> tuple[int, str, str]:
    """Run ``trackrecord --db db_path ARGS`` with stderr on a pseudo-terminal and stdout on a
    pipe; returns the exit status, stdout and what the terminal received."""
    environment = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    environment.pop("TRACKRECORD_PROGRESS_AFTER", None)
    if after is not None:
        environment["TRACKRECORD_PROGRESS_AFTER"] = after
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, "--db", str(db_path), *args],
            stdout=subprocess.PIPE, stderr=terminal, env=environment, timeout=300,
        )
    finally:
        os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the terminal's other end is closed and everything was read
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    return done.returncode, done.stdout.decode(), received.decode().replace("\r\n", "\n")


@pytest.fixture
def small_record(ok):
    ok("expert", "add", "Ada Okafor")
    ok("expert", "add", "Bo Li")
    ok("question", "add", "rates", "Will rates fall?", "--kind", "binary", "--deadline", days(-10))
    ok("forecast", "add", "Ada Okafor", "rates", "0.3", "--made-on", days(-40))
    ok("forecast", "add", "Bo Li", "rates", "0.8", "--made-on", days(-30))
    ok("resolve", "rates", "no", "--on", days(-9))
    return ok


def test_a_report_shows_its_line_and_erases_it_before_the_output(small_record, db_path, tmp_path):
    status, stdout, terminal = on_a_terminal(db_path, tmp_path, "leaderboard")
    assert status == 0
    assert stdout == small_record("leaderboard")  # the output has nothing of the line in it
    drawings = DRAWN.findall(terminal)
    assert drawings and {doing for doing, _ in drawings} == {"trackrecord leaderboard"}
    assert {detail for _, detail in drawings} == {"working"}
    assert terminal.startswith("\rtrackrecord leaderboard: working… ")
    assert ERASED.search(terminal) and terminal.endswith("\r")  # erased last
    assert ERASED.sub("", DRAWN.sub("", terminal)) == ""  # and nothing else was written


def test_an_import_counts_the_forecasts_it_writes(ok, db_path, tmp_path):
    ok("expert", "add", "Ada Okafor")
    ok("question", "add", "rates", "Will rates fall?", "--kind", "binary", "--deadline", days(30))
    rows = "".join(f"rates,Ada Okafor,{n / 1000:.3f},{days(-n)},,,,\n" for n in range(1, 301))
    (tmp_path / "forecasts.csv").write_text("question,expert,probability,made_on,option,window,quote,source\n" + rows)
    status, stdout, terminal = on_a_terminal(db_path, tmp_path, "import", str(tmp_path / "forecasts.csv"))
    assert status == 0 and ", 300 forecasts," in stdout
    assert ("trackrecord import", "300 forecasts written") in DRAWN.findall(terminal)
    assert ERASED.sub("", DRAWN.sub("", terminal)) == ""
    assert len(json.loads(ok("forecast", "list", "--format", "json"))) == 300


def test_an_error_comes_after_the_line_is_erased(small_record, db_path, tmp_path, table_counts):
    before = table_counts()
    status, stdout, terminal = on_a_terminal(db_path, tmp_path, "forecast", "add", "Nobody Known", "rates", "0.5")
    assert status == 1 and stdout == ""  # not found
    assert ERASED.sub("", DRAWN.sub("", terminal)).startswith("Error: no expert named 'Nobody Known'")
    assert DRAWN.findall(terminal)[0][0] == "trackrecord forecast add"
    assert table_counts() == before


def test_a_quick_command_shows_no_line(small_record, db_path, tmp_path):
    status, stdout, terminal = on_a_terminal(db_path, tmp_path, "expert", "list", after=None)  # the default: 2 s
    assert status == 0 and "Ada Okafor" in stdout
    assert terminal == ""


def test_no_line_when_stderr_is_not_a_terminal(small_record, run, monkeypatch):
    monkeypatch.setenv("TRACKRECORD_PROGRESS_AFTER", "0")
    result = run("leaderboard")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "90000"])
def test_a_bad_delay_is_refused_and_nothing_is_written(run, monkeypatch, table_counts, value):
    monkeypatch.setenv("TRACKRECORD_PROGRESS_AFTER", value)
    result = run("expert", "add", "Ada Okafor")
    assert_error(result, f"TRACKRECORD_PROGRESS_AFTER={value!r}", "seconds from 0 to 86400")
    assert sum(table_counts().values()) == 0
