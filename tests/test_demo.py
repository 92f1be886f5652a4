"""``trackrecord demo``: the bundled example through the installed console script."""

from __future__ import annotations

import re
import shutil

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_error, sql

# In order of the adjusted Brier worked out by hand in test_example_scores.py.
EXPERTS = [
    "Tatiana Stanovaya", "Donald Trump", "Yuri Ushakov", "The New York Times", "US administration",
    "Sergey Markov", "Toutiao", "Leonid Slutsky", "The Moscow Times' Kremlin sources", "Vladimir Putin",
]


def trackrecord_command() -> list[str]:
    script = shutil.which("trackrecord", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-c", "from trackrecord.cli.app import main; main()"]


def test_demo_prints_the_example_leaderboard_and_how_to_start(tmp_path):
    result = subprocess.run(
        [*trackrecord_command(), "demo"], capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    ranked = [line for line in lines if re.match(r"\d+ {2,}\S", line)]
    assert [next(name for name in EXPERTS if name in line) for line in ranked] == EXPERTS
    assert ranked[0].split()[:2] == ["1", "Tatiana"]
    assert "Start your own record" in result.stdout
    assert "trackrecord expert add" in result.stdout
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == []  # the temporary database is gone, nothing else written


def test_demo_save_keeps_the_example_database(run, tmp_path):
    saved = tmp_path / "example.db"
    result = run("demo", "--save", str(saved))
    assert result.exit_code == 0, result.stderr
    assert f"explore it with: trackrecord --db {saved}" in result.stdout
    assert sql(saved, "SELECT COUNT(*) FROM forecast") == [(22,)]
    assert sql(saved, "SELECT COUNT(DISTINCT expert_id) FROM forecast") == [(10,)]
    kinds = {kind for (kind,) in sql(saved, "SELECT kind FROM question")}
    phrases = {phrase for (phrase,) in sql(saved, "SELECT phrase FROM forecast")}
    quotes = sql(saved, "SELECT COUNT(*) FROM forecast WHERE quote IS NULL OR source IS NULL")[0]
    assert kinds == {"binary", "choice", "date"}
    assert {"may", "unlikely", "improbable", "likely"} <= phrases
    assert quotes == (0,)


def test_demo_save_refuses_an_existing_file(run, tmp_path):
    existing = tmp_path / "taken.db"
    existing.write_text("precious")
    assert_error(run("demo", "--save", str(existing)), "taken.db", "already exists", exit_code=1)
    assert existing.read_text() == "precious"


@pytest.mark.parametrize("alias, expert", [("Witzke", "Steve Witkoff"), ("the US", "US administration")])
def test_example_aliases_resolve(run, tmp_path, alias, expert):
    saved = tmp_path / "example.db"
    assert run("demo", "--save", str(saved)).exit_code == 0
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    shown = CliRunner().invoke(app, ["--db", str(saved), "expert", "show", alias])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.splitlines()[0].startswith(expert)
