"""Output safety (issue 9, part 5): what a record holds never reaches the terminal raw.

Control characters in names and quotes are shown escaped in tables, lists, confirmations
and errors (JSON escapes them itself; CSV keeps the data as it is); ``|`` is escaped in
markdown tables; long quotes are cut in tables; a stdout that cannot encode our arrows
gets ASCII instead of a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import days

ESC = "\x1b"
EVIL = f"Evil{ESC}[31mRed"


def test_control_characters_never_reach_the_terminal_raw(ok, run):
    added = ok("expert", "add", EVIL)
    assert ESC not in added and "\\x1b[31m" in added
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", EVIL, "q", "0.8", "--made-on", days(-20), "--quote", f"said {ESC}]0;title{ESC}\\ this")
    ok("resolve", "q", "yes", "--on", days(-5))
    for command in (("expert", "list"), ("leaderboard",), ("expert", "show", EVIL), ("forecast", "list")):
        out = ok(*command)
        assert ESC not in out, command
        assert "\\x1b" in out, command
    as_json = ok("leaderboard", "--format", "json")
    assert ESC not in as_json and json.loads(as_json)[0]["expert"] == EVIL  # JSON escapes, the data is intact
    assert ESC in ok("leaderboard", "--format", "csv")  # CSV is data for programs: kept as stored
    error = run("expert", "show", f"No{ESC}[2Jbody")
    assert error.exit_code == 1 and ESC not in error.stderr and "\\x1b[2J" in error.stderr


def test_pipes_are_escaped_in_markdown_tables(ok):
    ok("expert", "add", "A | B")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "A | B", "q", "0.8", "--made-on", days(-20))
    ok("resolve", "q", "yes", "--on", days(-5))
    markdown = ok("leaderboard", "--format", "markdown")
    row = next(line for line in markdown.splitlines() if "A \\| B" in line)
    assert row.count("|") - row.count("\\|") == 14  # 13 columns: the name's pipe is not a border


def test_long_quotes_are_cut_in_tables(ok):
    ok("expert", "add", "Talker")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(30))
    quote = "word " * 100
    ok("forecast", "add", "Talker", "q", "0.4", "--made-on", days(-2), "--quote", quote)
    shown = ok("expert", "show", "Talker")
    assert quote.strip() not in shown and "word word…" in shown
    assert max(len(line) for line in shown.splitlines()) < 400


def test_a_stdout_that_cannot_encode_our_marks_gets_ascii(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "HOME": str(tmp_path)}
    env.pop("TRACKRECORD_DB", None)
    result = subprocess.run(
        [sys.executable, "-c", "from trackrecord.cli.app import main; main()", "demo"], capture_output=True, env=env, cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    out = result.stdout.decode("ascii")
    assert "Brier (low)" in out and "Traceback" not in result.stderr.decode("ascii", "replace")
