"""The README's newcomer walk-through works as written: "Start your own record", then
"Fixing mistakes", every command run through the real CLI on a fresh SQLite file."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def commands_of(section: str) -> list[list[str]]:
    """The ``trackrecord`` commands of the first bash block under ``## section``."""
    text = README.read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1]
    block = re.search(r"```bash\n(.*?)```", body, re.S).group(1)
    joined = block.replace("\\\n", " ")
    return [shlex.split(line, comments=True)[1:] for line in joined.splitlines() if line.startswith("trackrecord ")]


def test_start_then_fix_mistakes_as_written(ok):
    start, fixing = commands_of("Start your own record"), commands_of("Fixing mistakes")
    assert len(start) == 5 and len(fixing) == 8
    for command in start + fixing:
        ok(*command)
    trail = json.loads(ok("history", "--format", "json"))
    assert [(e["subject"], e["action"]) for e in trail] == [
        ("question", "resolved"),
        ("forecast 1", "corrected"),
        ("forecast 3", "moved"),
        ("expert", "merged"),
        ("forecast 4", "retracted"),
        ("question", "criteria edited"),
        ("question", "tagged"),
    ]
    listed = json.loads(ok("forecast", "list", "--format", "json"))
    assert [(f["id"], f["expert"], f["probability"]) for f in listed] == [(2, "Sergey Markov", 0.45)]
    # The spring window (Mar–May 2025) was false: (0.45 − 0)², one question.
    board = json.loads(ok("leaderboard", "--format", "json"))
    assert [(r["expert"], r["brier"]) for r in board] == [("Sergey Markov", 0.45**2)]
    assert "aliases: Sergei Markov" in ok("expert", "show", "Sergei Markov")
