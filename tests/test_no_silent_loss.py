"""No silent loss (issue 9, parts 2, 4 and 5): outcomes outside the options keep their
label, imports refuse near-duplicate new experts, CSV keeps separators inside labels,
text limits and NUL characters are refused the same way on every backend, and help
speaks in the usual conventions. All through the real CLI against SQLite files; every
refusal is checked to write nothing through the product's own export."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import assert_error, days, parse_table
from test_import_export import QUESTIONS_HEADER, must, other_db, write_csv


def snapshot(ok, tmp_path) -> str:
    path = tmp_path / "snap.json"
    ok("export", "--format", "json", "--output", str(path))
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return text


@pytest.fixture
def venue(ok):
    ok("expert", "add", "Ada Okafor")
    ok("question", "add", "venue", "Where will they meet?", "--kind", "choice", "--option", "Baku", "--option", "Riyadh", "--deadline", days(-10))
    ok("forecast", "add", "Ada Okafor", "venue", "0.6", "--option", "Baku", "--made-on", days(-40))
    return ok


def test_an_outcome_outside_the_options_keeps_its_label(venue, ok, run, tmp_path):
    assert_error(run("resolve", "venue", "Abu Dhabi"), "not on question", "other --label 'Abu Dhabi'")
    assert ok("resolve", "venue", "other", "--label", "Abu  Dhabi", "--on", days(-5)) == (
        f"Resolved venue: other (Abu Dhabi), known on {days(-5)}; it scores 1 forecast.\n"
    )
    assert f"other (Abu Dhabi), known on {days(-5)} [current]" in ok("question", "show", "venue")
    assert json.loads(snapshot(ok, tmp_path))["resolutions"][0]["label"] == "Abu Dhabi"
    # Baku 0.6; Riyadh and other share the 0.4 left: ½(0.6² + 0.2² + 0.8²) by hand.
    assert json.loads(ok("leaderboard", "--format", "json"))[0]["brier"] == pytest.approx(0.5 * (0.36 + 0.04 + 0.64))
    out = tmp_path / "csv"
    out.mkdir()
    ok("export", "--format", "csv", "--output", str(out))
    rows = list(csv.DictReader(open(out / "questions.csv", encoding="utf-8")))
    assert rows[0]["outcome"] == "other:Abu Dhabi"
    other = other_db(tmp_path / "copy.db")
    must(other("import", "--add-experts", str(out / "questions.csv"), str(out / "forecasts.csv")))
    assert "other (Abu Dhabi)" in must(other("question", "show", "venue"))


@pytest.mark.parametrize("args, fragment", [
    (["resolve", "venue", "Baku", "--label", "x"], "--label names an outcome outside"),
    (["resolve", "venue", "other", "--label", " "], "--label is empty"),
])
def test_label_misuse_is_refused(venue, run, ok, tmp_path, args, fragment):
    before = snapshot(ok, tmp_path)
    assert_error(run(*args), fragment)
    assert snapshot(ok, tmp_path) == before


def test_csv_round_trip_keeps_separators_inside_option_labels_and_tags(ok, tmp_path):
    ok("question", "add", "pick", "Which?", "--kind", "choice", "--option", "A|B joint ticket", "--option", "C \\ D",
       "--option", "E", "--tag", "x|y", "--tag", "plain", "--deadline", days(20))
    out = tmp_path / "csv"
    out.mkdir()
    ok("export", "--format", "csv", "--output", str(out))
    row = next(csv.DictReader(open(out / "questions.csv", encoding="utf-8")))
    assert row["options"] == "A\\|B joint ticket|C \\\\ D|E" and row["tags"] == "plain|x\\|y"
    other = other_db(tmp_path / "copy.db")
    must(other("import", str(out / "questions.csv")))
    assert "options: A|B joint ticket, C \\ D, E" in must(other("question", "show", "pick"))
    assert "tags: plain, x|y" in must(other("question", "show", "pick"))
    assert "0 questions" in must(other("import", str(out / "questions.csv")))  # the same question, not a different one


def forecasts_csv(tmp_path, names):
    return write_csv(tmp_path / "f.csv", [["question", "expert", "probability", "made_on", "option", "window", "quote", "source"]] + [
        ["q", name, "0.5", days(-30), "", "", "", ""] for name in names
    ])


def test_import_add_experts_refuses_names_close_to_known_or_to_each_other(ok, run, tmp_path):
    ok("expert", "add", "Ada Okafor")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(10))
    before = snapshot(ok, tmp_path)
    path = forecasts_csv(tmp_path, ["Ada Okafr", "Bo Lindqvist", "Bo Lindquist", "Cy New"])
    result = run("import", "--add-experts", str(path))
    assert_error(result, "3 new expert names are close", "'Ada Okafr' ~ 'Ada Okafor'", "'Bo Lindqvist' ~ 'Bo Lindquist'", "--distinct", exit_code=1)
    assert snapshot(ok, tmp_path) == before
    ok("expert", "alias", "Ada Okafor", "Ada Okafr")  # mapped with an alias: not new any more
    path = forecasts_csv(tmp_path, ["Ada Okafr", "Bo Lindqvist", "Bo Lindquist", "Cy New"])
    assert_error(run("import", "--add-experts", str(path)), "2 new expert names", exit_code=1)
    assert "added 3 experts, 0 questions, 4 forecasts" in ok("import", "--add-experts", "--distinct", str(path))


def test_names_that_differ_only_in_digits_are_ids_not_typos(ok):
    ok("expert", "add", "Verbal Expert 0")
    assert ok("expert", "add", "Verbal Expert 1") == "Added expert Verbal Expert 1 (slug verbal-expert-1).\n"
    ok("expert", "add", "Panel 1")
    ok("expert", "add", "Panel 2")


def test_a_wide_matrix_of_3000_contest_entrants_imports_as_is(ok, tmp_path):
    slugs = [f"c{j}" for j in range(3)]
    ok("import", str(write_csv(tmp_path / "q.csv", [QUESTIONS_HEADER] + [[s, f"{s}?", "binary", days(10), "", "", "", "", ""] for s in slugs])))
    names = [f"Entrant {i:04d}" for i in range(3000)]
    wide = write_csv(tmp_path / "wide.csv", [["expert", *slugs]] + [[name, "0.1", "", "90%"] for name in names])
    assert "added 3000 experts, 0 questions, 6000 forecasts" in ok("import", "--made-on", days(-1), "--add-experts", str(wide))
    listed = parse_table(ok("expert", "list"))
    assert len(listed) == 3000 and listed[41]["expert"] == "Entrant 0041"


@pytest.mark.parametrize("args, fragment", [
    (["expert", "add", "A" * 201], "expert name is 201 characters long; at most 200"),
    (["expert", "add", "Ada", "--affiliation", "x" * 501], "expert affiliation is 501 characters long; at most 500"),
    (["question", "add", "q", "T" * 501, "--kind", "binary", "--deadline", days(9)], "question title is 501 characters long"),
    (["question", "add", "q", "Q?", "--kind", "choice", "--option", "o" * 201, "--option", "b", "--deadline", days(9)], "question option label is 201"),
    (["question", "add", "q", "Q?", "--kind", "binary", "--tag", "t" * 101, "--deadline", days(9)], "question tag tag is 101"),
])
def test_the_same_length_limits_on_every_backend(ok, run, tmp_path, args, fragment):
    ok("expert", "add", "Someone")
    before = snapshot(ok, tmp_path)
    assert_error(run(*args), fragment)
    assert snapshot(ok, tmp_path) == before


def test_nul_characters_are_refused_in_imports(ok, run, tmp_path):
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(10))
    ok("expert", "add", "Ada")
    before = snapshot(ok, tmp_path)
    bad_csv = tmp_path / "nul.csv"
    bad_csv.write_text("question,expert,probability,made_on,option,window,quote,source\n"
                       f"q,Ada,0.5,{days(-3)},,,\"said\x00 it\",\n", encoding="utf-8")
    result = run("import", str(bad_csv))
    assert result.exit_code == 2 and "column quote: forecast quote contains a NUL character" in result.stderr
    document = json.loads(before)
    document["experts"].append({"name": "Bad\x00Name", "slug": "bad", "affiliation": None, "aliases": []})
    del document["chain"]  # edited by hand
    bad_json = tmp_path / "nul.json"
    bad_json.write_text(json.dumps(document), encoding="utf-8")
    assert_error(run("import", str(bad_json)), "expert name contains a NUL character")
    assert snapshot(ok, tmp_path) == before


def test_help_uses_the_usual_conventions(run):
    for command in (["expert", "alias", "--help"], ["expert", "add", "--help"], ["forecast", "correct", "--help"], ["leaderboard", "--help"]):
        text = run(*command).stdout
        assert "<bool>" not in text and "<list[str]>" not in text and "<str>" not in text, text
    alias = run("expert", "alias", "--help").stdout
    assert "Usage: trackrecord expert alias [OPTIONS] NAME SPELLING..." in alias
    assert "--distinct " in run("expert", "add", "--help").stdout and "--format [table|markdown|csv|json]" in run("leaderboard", "--help").stdout


def test_confirmations_echo_the_stored_names_not_what_was_typed(ok):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", days(10))
    assert ok("forecast", "add", "  SERGEY   markov ", "TALKS", "0.4", "--made-on", days(-3)).startswith(
        "Recorded forecast 1: Sergey Markov gives talks 40%"
    )
    assert ok("resolve", "Talks", "no", "--on", days(-1)).startswith("Resolved talks: no")


def test_json_output_escapes_c1_controls(ok):
    ok("expert", "add", "Ev\u009bil \u007f Name")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(10))
    ok("forecast", "add", "Ev\u009bil \u007f Name", "q", "0.4", "--made-on", days(-3))
    out = ok("forecast", "list", "--format", "json")
    assert "\u009b" not in out and "\u007f" not in out and "\\u009b" in out and "\\u007f" in out
    assert json.loads(out)[0]["expert"] == "Ev\u009bil \u007f Name"  # and any JSON reader gets the text back
