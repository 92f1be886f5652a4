"""Fast paths stay light: ``--help`` and ``forecast add`` load no heavy modules.

DESIGN.md's speed targets for these commands are measured by ``tests/bench_startup.py``;
this test guards the cause: scipy, numpy, tabulate (and Alembic, once the schema is
current) must not be imported on these paths.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import days

HEAVY = ("numpy", "scipy", "tabulate", "pandas", "alembic")

PROBE = """
import atexit, json, sys
atexit.register(lambda: sys.stderr.write("MODULES " + json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)) + "\\n"))
sys.argv = ["trackrecord", *{args!r}]
from trackrecord.cli.app import main
main()
"""


def loaded_heavy_modules(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY, args=list(args))], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return json.loads(line.removeprefix("MODULES "))


def test_help_loads_no_heavy_module():
    assert loaded_heavy_modules("--help") == []


def test_forecast_add_loads_no_heavy_module(ok, db_path):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "energy", "Energy strikes halt?", "--kind", "binary", "--deadline", days(30))
    assert loaded_heavy_modules("--db", str(db_path), "forecast", "add", "Sergey Markov", "energy", "40%", "--made-on", days(-1)) == []
    assert "Sergey Markov" in ok("forecast", "list")


def test_every_command_has_help_text(run):
    commands = [
        ["expert", "add"], ["expert", "list"], ["expert", "show"],
        ["question", "add"], ["question", "list"], ["question", "show"],
        ["forecast", "add"], ["forecast", "list"],
        ["resolve"], ["due"], ["leaderboard"], ["demo"],
    ]
    for command in commands:
        result = run(*command, "--help")
        assert result.exit_code == 0, command
        assert "Usage:" in result.stdout
        lines = [line.strip(" │") for line in result.stdout.splitlines()]
        assert any(len(line) > 15 and not line.startswith(("Usage", "╭", "╰", "-")) for line in lines), command
