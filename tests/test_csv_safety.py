"""CSV output safe everywhere (issue 11, part 6), through the real CLI.

For each nasty text, used at once as expert name, affiliation, question title, tag,
criteria, option label (and outcome), quote, source and the reason of a correction:

- every CSV the program writes that shows it (``export --format csv`` and every
  ``--format csv`` listing) has no text cell whose first visible character a
  spreadsheet would start a formula with (``= + - @`` and their full-width forms),
  while cells that are numbers (a negative peer score) stay numbers;
- every listing's CSV, read with the csv module and the import's rule
  (``forecasts.csvcells.restore``), gives exactly the values its JSON gives;
- export → import into a fresh record → export is byte-identical, and the fresh
  record's JSON shows the text exactly as the first record stored it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re

import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app
from trackrecord.forecasts.csvcells import FORMULA_CHARACTERS, restore
from conftest import days

NASTY = [
    "=1+1", "+1", "-1", "@x", "\t=1", "\r=1", "\n=1", " =1", "＝1", "＋1", "－1", "＠x", "﹦1", "\u200b=1", "\u00a0@x",
    "'=SUM(A1)", "''=1", "''", "'", "'tis", "a\rb", "a\r\nb", "a\nb", '"q"', ",", "-0.05", " padded ", "=A1\r",
    "=HYPERLINK(\"http://x\",\"y\")",
]
NUMBER = re.compile(r"-?\d+(\.\d+)?(e-?\d+)?")


def _db(path):
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(app, ["--db", str(path), *args])
        assert result.exit_code == 0, (args, result.exit_code, result.stdout, result.stderr)
        return result.stdout

    return invoke


def _name(text: str) -> str:
    """What the record keeps of a name or an option label: whitespace runs made one space."""
    return " ".join(text.split())


def _record(ok, text: str) -> str:
    """A record that shows ``text`` in every field that takes free text; returns the expert's name."""
    name = _name(text)
    # a name with no letter or digit ("'", '"q"') gets the slug "expert", so a named second expert cannot clash
    ok("expert", "add", "--affiliation", text, "--", text)
    ok("expert", "add", "Plain Bob")
    ok("question", "add", "--kind", "choice", "--option", text, "--option", "Plain", "--deadline", days(-10),
       "--tag", text, "--criteria", text, "--", "qa", text)
    ok("question", "add", "--kind", "binary", "--deadline", days(-5), "--", "qb", text)
    ok("forecast", "add", "--option", text, "--made-on", days(-40), "--quote", text, "--source", text, "--", name, "qa", "0.3")
    ok("forecast", "add", "--made-on", days(-30), "--quote", text, "--source", text, "--", name, "qb", "0.6")
    ok("forecast", "add", "--option", "Plain", "--made-on", days(-40), "--", "Plain Bob", "qa", "0.8")
    ok("forecast", "add", "--option", text, "--made-on", days(-39), "--", "Plain Bob", "qa", "0.1")
    ok("forecast", "correct", "2", "--probability", "0.7", "--reason", text)
    ok("resolve", "--on", days(-8), "--", "qa", text)
    return name


def _formula_like(cell: str) -> bool:
    visible = cell.lstrip("".join(chr(c) for c in range(0x21)) + "\x7f\u00a0\u200b\ufeff\u2028\u2029\u3000")
    return visible[:1] in FORMULA_CHARACTERS


def _safe(text: str, where: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for row in rows:
        for cell in row:
            if _formula_like(cell):
                assert NUMBER.fullmatch(cell), (where, cell, row)  # only a number may start with "-"
    return rows


def _plain(value) -> str:
    return "" if value is None else str(value)


LISTINGS = [
    ["expert", "list"],
    ["question", "list"],
    ["forecast", "list"],
    ["due"],
    ["history"],
    ["leaderboard", "--metric", "peer"],
]


@pytest.mark.parametrize("text", NASTY, ids=repr)
def test_every_csv_output_is_safe_and_reads_back(ok, run, tmp_path, text):
    name = _record(ok, text)

    def raw(*args: str) -> str:  # stdout as written: click's Result.stdout turns \r\n into \n
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        return result.stdout_bytes.decode("utf-8")

    listed = {}
    for command in LISTINGS:
        records = listed[tuple(command)] = json.loads(ok(*command, "--format", "json"))
        rows = _safe(raw(*command, "--format", "csv"), command)
        assert [dict(zip(rows[0], map(restore, row))) for row in rows[1:]] == [
            {key: _plain(value) for key, value in record.items()} for record in records
        ], command
    assert name in [e["name"] for e in listed["expert", "list"]] and text in [e["affiliation"] for e in listed["expert", "list"]]
    assert text.strip() in [q["title"] for q in listed["question", "list"]] and text.strip() in [c["title"] for c in listed["due",]]
    assert text in [f["quote"] for f in listed["forecast", "list"]] and name in [f["claim"] for f in listed["forecast", "list"]]
    assert text.strip() in [h["reason"] for h in listed["history",]] and name in [s["expert"] for s in listed["leaderboard", "--metric", "peer"]]

    claims = _safe(raw("question", "show", "qa", "--format", "csv"), "question show")
    assert restore(claims[1][0]) == name
    forecasts = _safe(raw("expert", "show", "--format", "csv", "--", name), "expert show")
    assert {restore(row[forecasts[0].index("quote")]) for row in forecasts[1:]} == {text}
    _safe(raw("calibration", "--format", "csv", "--", name), "calibration")

    board = listed["leaderboard", "--metric", "peer"]
    numbers = _safe(raw("leaderboard", "--metric", "peer", "--format", "csv"), "leaderboard")
    peers = [float(row[numbers[0].index("peer_log")]) for row in numbers[1:]]
    assert peers == [entry["peer_log"] for entry in board] and min(peers) < 0  # a negative score stays a number
    assert all(not math.isnan(p) for p in peers)

    out, again = tmp_path / "out", tmp_path / "again"
    ok("export", "--format", "csv", "--output", str(out))
    for file in ("questions.csv", "forecasts.csv"):
        _safe((out / file).read_bytes().decode("utf-8"), file)
    fresh = _db(tmp_path / "fresh.db")
    fresh("import", "--add-experts", "--distinct", str(out / "questions.csv"), str(out / "forecasts.csv"))
    fresh("export", "--format", "csv", "--output", str(again))
    for file in ("questions.csv", "forecasts.csv"):
        assert (again / file).read_bytes() == (out / file).read_bytes(), file

    standing = json.loads(fresh("forecast", "list", "--format", "json"))
    mine = [f for f in standing if f["expert"] == name]
    assert [(f["quote"], f["source"]) for f in mine] == [(text, text), (text, text)]
    assert {f["claim"] for f in standing} >= {name, "Plain", "yes"}
    question = json.loads(fresh("question", "show", "qa", "--format", "json"))
    assert (question["status"]["title"], question["criteria"], question["options"]) == (text.strip(), text, [name, "Plain"])
    assert question["status"]["tags"] == [text.strip().lower()]
    assert sorted(e["name"] for e in json.loads(fresh("expert", "list", "--format", "json"))) == sorted([name, "Plain Bob"])


def test_a_bare_cr_is_quoted_and_blank_texts_and_hand_written_apostrophes_survive(ok, tmp_path):
    ok("expert", "add", "Ann")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(30))
    blanks = ["\r", "\t", "\n", " ", "\r\n"]
    ok("forecast", "add", "Ann", "q", "0.3", "--made-on", days(-9), "--quote", "a\rb")
    for back, blank in enumerate(blanks, start=2):
        ok("forecast", "add", "Ann", "q", "0.3", "--made-on", days(-10 * back), "--quote", blank, "--source", blank)
    assert '"a\rb"' in ok("forecast", "list", "--format", "csv")
    out, again = tmp_path / "out", tmp_path / "again"
    ok("export", "--format", "csv", "--output", str(out))
    text = (out / "forecasts.csv").read_bytes().decode("utf-8")
    assert '"a\rb"' in text and text.endswith("\n") and not text.endswith("\r\n")
    assert len(_safe(text, "forecasts.csv")) == 2 + len(blanks)
    fresh = _db(tmp_path / "fresh.db")
    fresh("import", "--add-experts", str(out / "questions.csv"), str(out / "forecasts.csv"))
    fresh("export", "--format", "csv", "--output", str(again))
    assert (again / "forecasts.csv").read_bytes() == (out / "forecasts.csv").read_bytes()
    kept = [(f["quote"], f["source"]) for f in json.loads(fresh("forecast", "list", "--format", "json"))]
    assert sorted(kept, key=repr) == sorted([("a\rb", None)] + [(blank, blank) for blank in blanks], key=repr)

    hand = tmp_path / "hand.csv"  # a person's file: spaces after commas, apostrophes as typed
    hand.write_text(
        "question,expert,probability,made_on,option,window,quote,source\n"
        f"q, Ann , 0.4 ,{days(-1)},,, 'tis so, ''=1\n",
        encoding="utf-8",
    )
    ok("import", str(hand))
    newest = json.loads(ok("forecast", "list", "--format", "json", "--newest-first"))[0]
    assert (newest["made_on"], newest["quote"], newest["source"]) == (days(-1), "'tis so", "'=1")
