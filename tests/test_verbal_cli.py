"""Verbal probabilities through the CLI: the scale, its variants, user scale files."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import assert_error, days, sql

SURVEY_MEDIANS = {  # shared/data/perceptions/probly_summary.csv, median_pct / 100
    "Almost Certainly": 0.95, "Highly Likely": 0.90, "Very Good Chance": 0.80, "Probably": 0.75,
    "Probable": 0.70, "Likely": 0.70, "We Believe": 0.70, "Better Than Even": 0.60, "About Even": 0.50,
    "Probably Not": 0.265, "We Doubt": 0.25, "Unlikely": 0.20, "Improbable": 0.15, "Little Chance": 0.15,
    "Chances Are Slight": 0.10, "Highly Unlikely": 0.05, "Almost No Chance": 0.02,
}


@pytest.fixture
def record(ok):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", days(90))


def stored(db_path) -> list[tuple]:
    return sql(db_path, "SELECT probability, phrase, scale FROM forecast ORDER BY id")


@pytest.mark.parametrize("phrase, probability", sorted(SURVEY_MEDIANS.items()))
def test_every_survey_phrase_reads_as_its_median(record, ok, db_path, phrase, probability):
    out = ok("forecast", "add", "Sergey Markov", "talks", phrase, "--made-on", days(-1))
    assert f"read as '{phrase.lower()}'" in out
    assert stored(db_path) == [(pytest.approx(probability), phrase, "default-2")]


@pytest.mark.parametrize(
    "words, probability, matched",
    [
        ("may", 0.50, "may"), ("might", 0.40, "might"), ("could", 0.45, "could"), ("possible", 0.40, "possible"),
        ("expects", 0.70, "expects"), ("anticipates", 0.65, "anticipates"), ("certain", 0.97, "certain"),
        ("no chance", 0.02, "no chance"), ("improbable", 0.15, "improbable"), ("will", 0.95, "will"),
        # variants and small differences
        ("very unlikely", 0.05, "highly unlikely"), ("Highly  UNLIKELY", 0.05, "highly unlikely"),
        ("very likely", 0.90, "highly likely"), ("is expected", 0.70, "expects"), ("It is likely", 0.70, "likely"),
        ("not ruled out", 0.35, "did not rule out"), ("hard to imagine", 0.15, "difficult to imagine"),
        ("almost certain", 0.95, "almost certainly"), ("fifty-fifty", 0.50, "about even"), ("unlikely.", 0.20, "unlikely"),
    ],
)
def test_news_hedges_and_variants(record, ok, db_path, words, probability, matched):
    out = ok("forecast", "add", "Sergey Markov", "talks", words, "--made-on", days(-1))
    assert f"read as '{matched}'" in out and "closest spelling" not in out
    assert stored(db_path)[0][0] == pytest.approx(probability)
    assert stored(db_path)[0][1] == " ".join(words.split())


def test_a_misspelling_reads_as_the_closest_phrase_and_says_so(record, ok, db_path):
    out = ok("forecast", "add", "Sergey Markov", "talks", "likley", "--made-on", days(-1))
    assert "'likley' read as 'likely' (closest spelling" in out
    assert stored(db_path) == [(0.7, "likley", "default-2")]


def test_a_typo_never_crosses_a_negation(record, ok, db_path):
    ok("forecast", "add", "Sergey Markov", "talks", "unlikley", "--made-on", days(-1))
    assert stored(db_path)[0][0] == pytest.approx(0.20)


def test_an_unknown_phrase_is_refused_with_the_accepted_forms(record, run, table_counts):
    before = table_counts()
    assert_error(
        run("forecast", "add", "Sergey Markov", "talks", "when pigs fly", "--made-on", days(-1)),
        "'when pigs fly'", "0 to 1", "almost certainly", "trackrecord scale",
    )
    assert table_counts() == before


def test_scale_command_prints_every_phrase_with_attribution(ok):
    out = ok("scale")
    assert out.splitlines()[0] == "Verbal probability scale default-2"
    for phrase in SURVEY_MEDIANS:
        assert phrase.lower() in out
    assert "Zoni Nation" in out and "MIT" in out
    rows = list(csv.DictReader(io.StringIO(ok("scale", "--format", "csv"))))
    assert {row["phrase"]: float(row["probability"]) for row in rows}["probably not"] == 0.265
    assert len(rows) >= 17 + 15
    assert all(row["source"] for row in rows)


def test_a_scale_file_extends_the_default_and_its_version_is_stored(record, run, db_path, tmp_path):
    scale = tmp_path / "house.csv"
    scale.write_text("phrase,probability,source\nlikely,80%,house style\nin the bag,0.99,house style\n")
    shown = run("--scale", str(scale), "scale", "--format", "json")
    document = json.loads(shown.stdout)
    assert document["version"].startswith("default-2+file-")
    phrases = {row["phrase"]: row["probability"] for row in document["phrases"]}
    assert phrases["likely"] == 0.8 and phrases["in the bag"] == 0.99 and phrases["unlikely"] == 0.2
    result = run("--scale", str(scale), "forecast", "add", "Sergey Markov", "talks", "in the bag", "--made-on", days(-2))
    assert result.exit_code == 0, result.stderr
    result = run("--scale", str(scale), "forecast", "add", "Sergey Markov", "talks", "likely", "--made-on", days(-1))
    assert result.exit_code == 0, result.stderr
    assert [(p, v) for p, _, v in stored(db_path)] == [(0.99, document["version"]), (0.8, document["version"])]


def test_a_changed_scale_never_rescores_stored_forecasts(record, run, ok, db_path, tmp_path):
    ok("forecast", "add", "Sergey Markov", "talks", "likely", "--made-on", days(-3))
    scale = tmp_path / "house.csv"
    scale.write_text("phrase,probability\nlikely,0.9\n")
    assert run("--scale", str(scale), "forecast", "list").exit_code == 0
    assert stored(db_path) == [(0.7, "likely", "default-2")]


def test_replace_scale_uses_only_the_file(record, run, tmp_path):
    scale = tmp_path / "only.csv"
    scale.write_text("phrase,probability\nsure thing,0.9\n")
    result = run("--scale", str(scale), "--replace-scale", "forecast", "add", "Sergey Markov", "talks", "likely")
    assert_error(result, "'likely'", "sure thing")
    shown = run("--scale", str(scale), "--replace-scale", "scale", "--format", "json")
    assert [row["phrase"] for row in json.loads(shown.stdout)["phrases"]] == ["sure thing"]


def test_scale_from_the_environment(record, run, tmp_path, monkeypatch):
    scale = tmp_path / "env.csv"
    scale.write_text("phrase,probability\nslam dunk,0.98\n")
    monkeypatch.setenv("TRACKRECORD_SCALE", str(scale))
    assert json.loads(run("scale", "--format", "json").stdout)["version"].startswith("default-2+file-")


@pytest.mark.parametrize(
    "content, fragments",
    [
        ("words,number\nlikely,0.7\n", ["header", "phrase,probability"]),
        ("phrase,probability\nlikely,1.7\n", ["line 2", "'1.7'", "out of range"]),
        ("phrase,probability\nlikely,0.7\n,0.3\n", ["line 3", "phrase is empty"]),
        ("phrase,probability\n", ["no phrases"]),
    ],
)
def test_bad_scale_files_are_one_line_errors(run, tmp_path, content, fragments):
    scale = tmp_path / "bad.csv"
    scale.write_text(content)
    assert_error(run("--scale", str(scale), "scale"), "bad.csv", *fragments)


def test_missing_scale_file_and_replace_without_file(run, tmp_path):
    assert_error(run("--scale", str(tmp_path / "nope.csv"), "scale"), "nope.csv", "cannot be read")
    assert_error(run("--replace-scale", "scale"), "--replace-scale needs --scale FILE")


def test_the_example_records_its_phrases_with_the_scale_version(run, tmp_path):
    saved = tmp_path / "example.db"
    assert run("demo", "--save", str(saved)).exit_code == 0
    rows = sql(saved, "SELECT DISTINCT phrase, probability, scale FROM forecast ORDER BY phrase")
    assert ("may", 0.5, "default-2") in rows and ("unlikely", 0.2, "default-2") in rows
    assert all(scale == "default-2" for _, _, scale in rows)
