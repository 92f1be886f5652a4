"""Command-line conventions (issue 10, part 3): --version, -h, and --format on every
listing and show command, through the real CLI on a real SQLite file. JSON must parse;
CSV must read back to the same records as the JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import days


@pytest.fixture
def record(ok):
    ok("expert", "add", "Ada Okafor", "--alias", "Ada")
    ok("expert", "add", "Bo Li")
    ok("question", "add", "rates", "Will rates fall?", "--kind", "binary", "--deadline", days(-10), "--tag", "econ")
    ok("question", "add", "venue", "Where, then?", "--kind", "choice", "--option", "Baku", "--option", "Riyadh", "--deadline", days(-3))
    ok("forecast", "add", "Ada", "rates", "0.3", "--made-on", days(-40), "--quote", 'she said "maybe", twice')
    ok("forecast", "add", "Bo Li", "rates", "likely", "--made-on", days(-30))
    ok("forecast", "add", "Bo Li", "venue", "0.6", "--option", "Baku", "--made-on", days(-30))
    ok("resolve", "rates", "no", "--on", days(-9))
    ok("forecast", "correct", "1", "--probability", "0.25", "--reason", "typo")
    return ok


def test_version_and_short_help(run):
    from importlib.metadata import version

    assert run("--version").stdout == f"trackrecord {version('trackrecord')}\n"
    assert run("-h").stdout == run("--help").stdout and "Usage: trackrecord [OPTIONS] COMMAND" in run("-h").stdout
    assert run("forecast", "add", "-h").stdout.startswith("Usage: trackrecord forecast add [OPTIONS] EXPERT QUESTION PROBABILITY")
    assert "--format [table|markdown|csv|json]" in run("question", "show", "-h").stdout


LISTINGS = [
    ["expert", "list"],
    ["question", "list"],
    ["forecast", "list"],
    ["due"],
    ["history"],
    ["leaderboard"],
]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return str(value)
    return str(value)


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_every_listing_speaks_json_csv_and_markdown(record, ok, command):
    records = json.loads(ok(*command, "--format", "json"))
    assert isinstance(records, list) and records
    rows = list(csv.DictReader(io.StringIO(ok(*command, "--format", "csv"))))
    assert rows == [{key: _cell(value) for key, value in entry.items()} for entry in records]
    markdown = ok(*command, "--format", "markdown")
    assert markdown.splitlines()[1].startswith("|--") or "\n|--" in markdown


@pytest.mark.parametrize(
    "command, key",
    [(["expert", "show", "Bo Li"], "forecasts"), (["question", "show", "rates"], "claims"), (["calibration"], None), (["calibration", "Bo Li"], None)],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_every_show_command_speaks_json_and_csv(record, ok, command, key):
    document = json.loads(ok(*command, "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(ok(*command, "--format", "csv"))))
    if key is None:  # calibration: one CSV row per bin, the JSON's table columns
        table = document["table"]
        assert len(rows) == len(table["count"]) and [int(r["count"]) for r in rows] == table["count"]
        assert document["murphy"]["brier"] == pytest.approx(document["mean_brier"]) or document["forecasts"] >= 1
    else:
        assert [row["claim"] for row in rows] == [entry["claim"] for entry in document[key]]
    assert "|--" in ok(*command, "--format", "markdown")


def test_expert_show_json_carries_scores_forecasts_and_history(record, ok):
    profile = json.loads(ok("expert", "show", "Ada", "--format", "json"))
    assert profile["name"] == "Ada Okafor" and profile["aliases"] == ["Ada"]
    assert profile["standing"]["brier"] == pytest.approx(0.25**2)  # the corrected 0.25 on a "no"
    assert [f["id"] for f in profile["forecasts"]] == [4] and profile["history"][0]["action"] == "corrected"


def test_empty_listings_stay_parseable(ok, run):
    assert json.loads(ok("expert", "list", "--format", "json")) == []
    assert ok("question", "list", "--format", "csv") == "\n"
    assert ok("calibration", "--format", "json") == "null\n"
    assert "No experts yet" in run("expert", "list").stderr


def test_lists_take_limit_search_and_newest_first(record, ok, run):
    every = json.loads(ok("forecast", "list", "--format", "json"))
    newest = json.loads(ok("forecast", "list", "--format", "json", "--newest-first"))
    assert newest == every[::-1]
    limited = run("forecast", "list", "--newest-first", "--limit", "1", "--format", "json")
    assert json.loads(limited.stdout) == every[-1:] and "Showing 1 of 3 rows" in limited.stderr
    assert [f["quote"] for f in json.loads(ok("forecast", "list", "--search", "MAYBE", "--format", "json"))] == ['she said "maybe", twice']
    assert [e["name"] for e in json.loads(ok("expert", "list", "--search", "okafor", "--format", "json"))] == ["Ada Okafor"]
    assert [q["slug"] for q in json.loads(ok("question", "list", "--search", "where", "--format", "json"))] == ["venue"]
    assert [h["action"] for h in json.loads(ok("history", "--search", "typo", "--format", "json"))] == ["corrected"]
    assert "No questions match" in run("question", "list", "--search", "nothing like this").stderr
    result = run("expert", "list", "--limit", "0")
    assert result.exit_code == 2 and "--limit" in result.stderr and result.stdout == ""


def _installed_command() -> str:
    import shutil
    import sys
    from pathlib import Path

    beside = Path(sys.executable).parent / "trackrecord"
    return str(beside) if beside.exists() else shutil.which("trackrecord")


def test_completion_script_and_names_from_the_record(record, db_path, tmp_path):
    import os
    import subprocess

    command = _installed_command()
    # The script ``--show-completion`` prints for the shell it detects from the process tree
    # (which a test run may not have), asked for bash by name as shells' rc files do.
    shown = subprocess.run([command], env=dict(os.environ, _TRACKRECORD_COMPLETE="source_bash"), capture_output=True, text=True)
    assert shown.returncode == 0, (shown.stdout, shown.stderr)
    script = shown.stdout
    assert "_trackrecord_completion" in script and "_TRACKRECORD_COMPLETE=complete_bash" in script

    def complete(words: str) -> list[str]:
        env = dict(os.environ, _TRACKRECORD_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split(" ")) - 1))
        result = subprocess.run([command], env=env, capture_output=True, text=True)
        assert result.returncode == 0 and result.stderr == ""
        return [line for line in result.stdout.splitlines() if line]

    assert complete(f"trackrecord --db {db_path} expert show Ad") == ["Ada Okafor"]
    assert complete(f"trackrecord --db {db_path} forecast add Bo v") == ["venue"]
    assert complete(f"trackrecord --db {db_path} resolve ") == ["rates", "venue"]
    missing = tmp_path / "missing.db"
    assert complete(f"trackrecord --db {missing} resolve ") == [] and not missing.exists()  # never creates a record
