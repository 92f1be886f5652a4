"""``trackrecord import`` / ``export``: JSON documents, CSV tables and wide matrices.

Everything goes through the real CLI against real SQLite files: round trips are
byte-identical, re-imports add nothing, every bad row is named by file, line and column,
and a seeded wide matrix is scored exactly as an independent numpy computation says.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app
from conftest import assert_error, days, sql


def other_db(path: Path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["--db", str(path), *args])

    return invoke


def must(result):
    assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
    return result.stdout


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def record(ok):
    """A record with every kind of question, verbal forecasts, windows, a forced re-resolution, an annulment."""
    ok("expert", "add", "Steve Witkoff", "--alias", "Witzke", "--affiliation", "US envoy")
    ok("expert", "add", "Сергей Марков")
    ok("expert", "add", "The New York Times")
    ok("question", "add", "q-yes", "Will it rain?", "--kind", "binary", "--deadline", days(-20), "--tag", "Weather", "--criteria", "Rain")
    ok("question", "add", "q-open", "Open question", "--kind", "binary", "--deadline", days(300))
    ok("question", "add", "q-venue", "Where?", "--kind", "choice", "--deadline", days(-20), "--option", "Baku", "--option", "Riyadh")
    ok("question", "add", "q-when", "When?", "--kind", "date")
    ok("question", "add", "q-void", "Void?", "--kind", "binary", "--deadline", days(-5))
    ok("forecast", "add", "Witzke", "q-yes", "unlikely", "--made-on", days(-60), "--quote", "=HYPERLINK(\"http://x\",\"y\")", "--source", "http://a")
    ok("forecast", "add", "Steve Witkoff", "q-yes", "0.8", "--made-on", days(-50))
    ok("forecast", "add", "Сергей Марков", "q-yes", "35%", "--made-on", days(-60))
    ok("forecast", "add", "Сергей Марков", "q-venue", "0.6", "--option", "Baku", "--made-on", days(-40))
    ok("forecast", "add", "The New York Times", "q-venue", "0.3", "--option", "riyadh", "--made-on", days(-40))
    ok("forecast", "add", "Сергей Марков", "q-when", "0.5", "--window", f"{days(-90)}..{days(-30)}", "--made-on", days(-100))
    ok("forecast", "add", "The New York Times", "q-when", "0.2", "--by", days(-70), "--made-on", days(-100))
    ok("forecast", "add", "Steve Witkoff", "q-open", "0.4", "--made-on", days(-3))
    ok("forecast", "add", "Steve Witkoff", "q-void", "0.9", "--made-on", days(-30))
    ok("resolve", "q-yes", "no", "--on", days(-15), "--evidence", "http://e")
    ok("resolve", "q-yes", "yes", "--on", days(-12), "--force", "--note", "misread")
    ok("resolve", "q-venue", "Baku", "--on", days(-10))
    ok("resolve", "q-when", "--not-by", days(-80))
    ok("resolve", "q-when", "--happened-on", days(-45))
    ok("resolve", "q-void", "--annul")


def test_json_round_trip_is_byte_identical_and_scores_the_same(record, run, ok, tmp_path, table_counts):
    exported = ok("export")
    document = json.loads(exported)
    assert [f["probability"] for f in document["forecasts"]][:3] == [pytest.approx(0.2, abs=0.2), 0.8, 0.35]
    assert document["resolutions"][1]["forced"] is True
    assert document["forecasts"][0]["phrase"] == "unlikely"
    path = tmp_path / "record.json"
    must(run("export", "--format", "json", "--output", str(path)))
    assert path.read_text(encoding="utf-8") == exported

    second = other_db(tmp_path / "second.db")
    assert "added 3 experts, 5 questions, 9 forecasts, 6 resolutions" in must(second("import", str(path)))
    assert must(second("export")) == exported
    for metric in ("brier", "peer"):
        assert must(second("leaderboard", "--format", "json", "--metric", metric)) == ok("leaderboard", "--format", "json", "--metric", metric)
    assert must(second("forecast", "list")) == ok("forecast", "list")
    assert must(second("question", "show", "q-yes")) == ok("question", "show", "q-yes")

    before = table_counts()
    out = ok("import", str(path))
    assert "added 0 experts, 0 questions, 0 forecasts, 0 resolutions" in out
    assert table_counts() == before
    assert must(second("import", str(path), str(path))).count("added 0 experts, 0 questions, 0 forecasts, 0 resolutions") == 1
    assert must(second("export")) == exported


def test_json_import_refuses_a_conflicting_question_and_writes_nothing(record, ok, tmp_path):
    exported = json.loads(ok("export"))
    second = other_db(tmp_path / "second.db")
    must(second("expert", "add", "Someone"))
    must(second("question", "add", "q-open", "A different title", "--kind", "binary", "--deadline", days(300)))
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert_error(second("import", str(path)), "q-open", "already exists", "title", exit_code=1)
    assert sql(tmp_path / "second.db", "SELECT COUNT(*) FROM forecast") == [(0,)]
    assert sql(tmp_path / "second.db", "SELECT COUNT(*) FROM expert") == [(1,)]


def test_json_import_checks_deadlines_and_resolution_history(ok, run, tmp_path, table_counts):
    ok("expert", "add", "Ann")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(-10))
    document = json.loads(ok("export"))
    del document["chain"]  # the documents below are edited by hand
    late = dict(document, forecasts=[{"expert": "Ann", "question": "q", "probability": 0.5, "made_on": days(-5), "recorded_at": "2025-01-01T00:00:00"}])
    path = tmp_path / "late.json"
    path.write_text(json.dumps(late), encoding="utf-8")
    before = table_counts()
    assert_error(run("import", str(path)), "forecast #1", "deadline", exit_code=1)
    unforced = dict(document, resolutions=[
        {"question": "q", "outcome": "yes", "known_on": days(-12), "recorded_at": "2025-01-01T00:00:00"},
        {"question": "q", "outcome": "no", "known_on": days(-11), "recorded_at": "2025-01-02T00:00:00"},
    ])
    path.write_text(json.dumps(unforced), encoding="utf-8")
    assert_error(run("import", str(path)), "resolution #2", "forced", exit_code=1)
    path.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    assert_error(run("import", str(path)), "not a trackrecord export")
    assert table_counts() == before


QUESTIONS_HEADER = ["question", "title", "kind", "deadline", "options", "tags", "criteria", "outcome", "resolved_on"]
FORECASTS_HEADER = ["question", "expert", "probability", "made_on", "option", "window", "quote", "source"]


def test_csv_questions_and_forecasts_import_and_reimport_adds_nothing(ok, run, tmp_path, db_path, table_counts):
    ok("expert", "add", "Ann Lee")
    ok("expert", "add", "Bo Chen", "--alias", "Bo")
    questions = write_csv(tmp_path / "questions.csv", [
        QUESTIONS_HEADER,
        ["rain", "Will it rain?", "binary", days(-20), "", "weather|Local", "wet", "yes", days(-15)],
        ["venue", "Where?", "choice", days(-20), "Baku|Riyadh", "", "", "Riyadh", days(-14)],
        ["when", "When?", "date", "", "", "", "", f"happened:{days(-40)}", ""],
        ["gone", "Void?", "binary", days(-20), "", "", "", "annulled", ""],
        ["later", "Later?", "binary", days(100), "", "", "", "", ""],
    ])
    forecasts = write_csv(tmp_path / "forecasts.csv", [
        FORECASTS_HEADER,
        ["rain", "Ann Lee", "unlikely", days(-30), "", "", "she said so", "http://s"],
        ["rain", "bo", "70%", days(-30), "", "", "", ""],
        ["venue", "ann lee", "0.4", days(-30), "riyadh", "", "", ""],
        ["when", "Bo Chen", "0.5", days(-60), "", f"..{days(-35)}", "", ""],
        ["when", "Ann Lee", "0.25", days(-60), "", "next week", "", ""],
        ["later", "Ann Lee", "0.1", days(-1), "", "", "", ""],
    ])
    out = ok("import", str(questions), str(forecasts))
    assert "added 0 experts, 5 questions, 6 forecasts, 4 resolutions" in out
    assert sql(db_path, "SELECT probability, phrase, quote, source FROM forecast ORDER BY id LIMIT 1")[0][1:] == ("unlikely", "she said so", "http://s")
    assert sql(db_path, "SELECT key FROM claim WHERE window_start IS NOT NULL") == [
        (f"window:{days(-60 + 7 - (__import__('datetime').date.fromisoformat(days(-60)).weekday()))}..{days(-60 + 13 - __import__('datetime').date.fromisoformat(days(-60)).weekday())}",)
    ]
    assert sql(db_path, "SELECT outcome, known_on FROM resolution ORDER BY id")[:2] == [("yes", days(-15)), ("option", days(-14))]
    before = table_counts()
    assert "added 0 experts, 0 questions, 0 forecasts, 0 resolutions; 15 already present" in ok("import", str(questions), str(forecasts))
    assert table_counts() == before
    rows = json.loads(ok("leaderboard", "--format", "json"))
    assert {r["expert"]: r["resolved"] for r in rows} == {"Ann Lee": 3, "Bo Chen": 2}


def test_every_bad_row_is_named_and_nothing_is_written(ok, run, tmp_path, table_counts):
    ok("expert", "add", "Steve Witkoff")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(30))
    ok("question", "add", "c", "C?", "--kind", "choice", "--deadline", days(30), "--option", "A", "--option", "B")
    path = write_csv(tmp_path / "bad.csv", [
        FORECASTS_HEADER,
        ["q", "Steve Witkoff", "0.5", days(-3), "", "", "", ""],
        ["q", "Steve Witkof", "0.5", days(-3), "", "", "", ""],
        ["q", "Steve Witkoff", "55", "2025-13-01", "", "", "", ""],
        ["nope", "Steve Witkoff", "0.5", days(-3), "", "", "", ""],
        ["c", "Steve Witkoff", "0.5", days(-3), "C", "", "", ""],
        ["q", "Steve Witkoff", "0.5", days(2), "", "", "", ""],
        ["q", "Steve Witkoff", "0.5"],
    ])
    before = table_counts()
    result = run("import", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert all(line.startswith(f"Error: {path}, line ") for line in lines), lines
    expected = [
        ("line 3, column expert", "did you mean 'Steve Witkoff'"),
        ("line 4, column probability", "did you mean 55%?"),
        ("line 4, column made_on", "2025-13-01"),
        ("line 5, column question", "no question 'nope'"),
        ("line 6, column option", "option 'C' is not on question 'c'"),
        ("line 7, column made_on", "in the future"),
        ("line 8, column -", "3 cells"),
    ]
    assert len(lines) == len(expected)
    for line, (where, what) in zip(lines, expected):
        assert where in line and what in line, (line, where, what)
    assert table_counts() == before

    skipped = run("import", "--skip-invalid", str(path))
    assert skipped.exit_code == 0
    assert "added 0 experts, 0 questions, 1 forecasts" in skipped.stdout
    assert len([line for line in skipped.stderr.splitlines() if line.startswith("Skipped: ")]) == len(expected)
    assert table_counts()["forecast"] == before["forecast"] + 1


def test_unknown_experts_are_created_only_with_add_experts(ok, run, tmp_path, db_path):
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(30))
    path = write_csv(tmp_path / "f.csv", [FORECASTS_HEADER, ["q", "New Person", "0.3", days(-1), "", "", "", ""], ["q", "new  person", "0.4", days(-2), "", "", "", ""]])
    result = run("import", str(path))
    assert result.exit_code == 2 and "column expert" in result.stderr and "--add-experts" in result.stderr
    assert "added 1 experts, 0 questions, 2 forecasts" in ok("import", "--add-experts", str(path))
    assert sql(db_path, "SELECT name FROM expert") == [("New Person",)]


def test_bad_questions_csv_and_unknown_headers(ok, run, tmp_path, table_counts):
    ok("question", "add", "taken", "Taken", "--kind", "binary", "--deadline", days(30))
    path = write_csv(tmp_path / "q.csv", [
        QUESTIONS_HEADER,
        ["fine", "Fine", "binary", days(10), "", "", "", "", ""],
        ["taken", "Another title", "binary", days(30), "", "", "", "", ""],
        ["k", "K", "scalar", "", "", "", "", "", ""],
        ["c", "C", "choice", days(-5), "A|B", "", "", "Z", days(-1)],
        ["d", "D", "date", "", "", "", "", "yes", ""],
        ["e", "E", "binary", "soon", "", "", "", "", ""],
    ])
    before = table_counts()
    lines = run("import", str(path)).stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [
        f"{path}, line 3, column question", f"{path}, line 4, column kind", f"{path}, line 5, column outcome",
        f"{path}, line 6, column outcome", f"{path}, line 7, column deadline",
    ]
    assert table_counts() == before
    odd = write_csv(tmp_path / "odd.csv", [["what", "ever"], ["1", "2"]])
    assert_error(run("import", str(odd)), "line 1", "not recognised")
    assert_error(run("import", str(tmp_path / "missing.csv")), "does not exist")


def test_csv_export_round_trip_and_formula_injection(record, ok, tmp_path):
    out = tmp_path / "out"
    ok("export", "--format", "csv", "--output", str(out))
    forecasts = (out / "forecasts.csv").read_text(encoding="utf-8")
    assert forecasts.splitlines()[0] == ",".join(FORECASTS_HEADER)
    assert (out / "questions.csv").read_text(encoding="utf-8").splitlines()[0] == ",".join(QUESTIONS_HEADER)
    row = next(csv.reader(forecasts.splitlines()[1:]))
    assert row[6] == "'=HYPERLINK(\"http://x\",\"y\")"
    questions = list(csv.DictReader((out / "questions.csv").open(encoding="utf-8")))
    assert {q["question"]: q["outcome"] for q in questions} == {
        "q-yes": "yes", "q-open": "", "q-venue": "Baku", "q-when": f"happened:{days(-45)}", "q-void": "annulled",
    }

    second_path = tmp_path / "second.db"
    second = other_db(second_path)
    must(second("import", "--add-experts", str(out / "questions.csv"), str(out / "forecasts.csv")))
    assert sql(second_path, "SELECT quote FROM forecast WHERE quote IS NOT NULL") == [("=HYPERLINK(\"http://x\",\"y\")",)]
    again = tmp_path / "again"
    must(second("export", "--format", "csv", "--output", str(again)))
    for name in ("questions.csv", "forecasts.csv"):
        assert (again / name).read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8")
    assert "added 0 experts, 0 questions, 0 forecasts, 0 resolutions" in must(
        second("import", str(out / "questions.csv"), str(out / "forecasts.csv"))
    )
    assert_error(second("export", "--format", "csv"), "--output DIR")


def test_wide_matrix_needs_made_on_and_binary_questions(ok, run, tmp_path, table_counts):
    ok("expert", "add", "Ann")
    ok("question", "add", "b", "B?", "--kind", "binary", "--deadline", days(30))
    ok("question", "add", "c", "C?", "--kind", "choice", "--deadline", days(30), "--option", "X", "--option", "Y")
    path = write_csv(tmp_path / "wide.csv", [["expert", "b", "c", "zz"], ["Ann", "40%", "0.2", ""], ["Ann", "", "", "0.1"]])
    assert_error(run("import", str(path)), "--made-on")
    before = table_counts()
    lines = run("import", "--made-on", days(-1), str(path)).stderr.splitlines()
    assert len(lines) == 2  # an unknown column is named once, in the header
    assert f"{path}, line 1, column zz: no question 'zz'" in lines[0]
    assert f"{path}, line 2, column c: question 'c' is a choice question" in lines[1]
    assert table_counts() == before


def test_wide_matrix_scores_match_numpy(ok, tmp_path, db_path):
    rng = np.random.default_rng(20251123)
    n_experts, n_questions = 200, 40
    slugs = [f"w-{j:02d}" for j in range(n_questions)]
    outcomes = rng.integers(0, 2, n_questions)
    probabilities = np.round(rng.uniform(0, 1, (n_experts, n_questions)), 2)
    blank = rng.uniform(0, 1, (n_experts, n_questions)) < 0.1
    blank[:, 0] = False  # everyone forecasts at least one question
    open_questions = write_csv(tmp_path / "open.csv", [QUESTIONS_HEADER] + [
        [slug, f"Question {slug}?", "binary", days(-10), "", "wide", "", "", ""] for slug in slugs
    ])
    ok("import", str(open_questions))
    names = [f"Expert {i:03d}" for i in range(n_experts)]
    matrix = [["expert", *slugs]]
    for i, name in enumerate(names):
        cells = ["" if blank[i, j] else (f"{probabilities[i, j] * 100:g}%" if j % 2 else f"{probabilities[i, j]:g}") for j in range(n_questions)]
        matrix.append([name, *cells])
    wide = write_csv(tmp_path / "wide.csv", matrix)
    out = ok("import", "--made-on", days(-30), "--add-experts", str(wide))
    assert f"added {n_experts} experts, 0 questions, {int((~blank).sum())} forecasts" in out
    resolved = write_csv(tmp_path / "resolved.csv", [QUESTIONS_HEADER] + [
        [slug, f"Question {slug}?", "binary", days(-10), "", "wide", "", "yes" if o else "no", days(-5)] for slug, o in zip(slugs, outcomes)
    ])
    assert f"added 0 experts, 0 questions, 0 forecasts, {n_questions} resolutions" in ok("import", str(resolved))
    assert "added 0 experts, 0 questions, 0 forecasts, 0 resolutions" in ok("import", "--made-on", days(-30), str(wide), str(resolved))

    squared = np.where(blank, np.nan, (probabilities - outcomes[None, :]) ** 2)
    expected = dict(zip(names, np.nanmean(squared, axis=1)))
    counts = dict(zip(names, (~blank).sum(axis=1)))
    rows = json.loads(ok("leaderboard", "--format", "json"))
    assert len(rows) == n_experts
    for row in rows:
        assert row["brier"] == pytest.approx(expected[row["expert"]], abs=1e-12)
        assert row["resolved"] == counts[row["expert"]]
    assert [row["expert"] for row in rows][:3] == sorted(names, key=lambda n: (expected[n], n))[:3]


def test_import_output_is_clean_for_pipes_and_apostrophes_survive(ok, run, tmp_path, db_path):
    ok("expert", "add", "Ann")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(30))
    path = write_csv(tmp_path / "f.csv", [
        FORECASTS_HEADER,
        ["q", "Ann", "0.3", days(-2), "", "", "'tis likely", "'+1 555"],
        ["q", "Ann", "0.4", days(-1), "", "", "-5 points", "@handle"],
    ])
    result = run("import", str(path))
    assert result.exit_code == 0 and result.stderr == ""  # no progress bar when stderr is not a terminal
    assert sql(db_path, "SELECT quote, source FROM forecast ORDER BY id") == [("'tis likely", "+1 555"), ("-5 points", "@handle")]
    out = tmp_path / "out"
    ok("export", "--format", "csv", "--output", str(out))
    rows = list(csv.reader((out / "forecasts.csv").open(encoding="utf-8")))[1:]
    assert [row[6:] for row in rows] == [["'tis likely", "'+1 555"], ["'-5 points", "'@handle"]]


def test_errors_of_every_file_are_listed_together(ok, run, tmp_path, table_counts):
    ok("expert", "add", "Ann")
    good = write_csv(tmp_path / "good.csv", [QUESTIONS_HEADER, ["q", "Q?", "binary", days(30), "", "", "", "", ""]])
    first = write_csv(tmp_path / "one.csv", [FORECASTS_HEADER, ["q", "Ann", "maybe-ish?", days(-1), "", "", "", ""]])
    second = write_csv(tmp_path / "two.csv", [["expert", "q"], ["Bob", "0.5"]])
    before = table_counts()
    result = run("import", "--made-on", days(-1), str(good), str(first), str(second))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"Error: {first}, line 2, column probability: ")
    assert lines[1].startswith(f"Error: {second}, line 2, column expert: no expert named 'Bob'")
    assert table_counts() == before
