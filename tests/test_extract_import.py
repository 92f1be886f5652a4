"""Article -> ``extract`` -> review -> ``import`` (issue 14), through the real CLI.

The reviewer adds ``"accept": true/false`` to each candidate and may edit any field; an
undecided candidate makes import refuse the whole file; rejected ones are skipped; experts
are found by name or alias, new near-duplicate names are refused unless ``--distinct``;
questions come from the suggestions; re-importing adds nothing; a bad edit is one
``Error:`` line naming the value and what is accepted, and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_error

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
SLUTSKY = SEEDS / "003_a32bf9b4ef296fcd.txt"  # 3 candidates: Slutsky window, Slutsky venue, The US on NATO


@pytest.fixture
def extracted(run, tmp_path):
    """Run extract on ``article`` into a file and return its document."""

    def extract(article: Path, published: str, *more: str) -> dict:
        target = tmp_path / f"candidates-{article.stem}.json"
        result = run("extract", str(article), "--published", published, "--output", str(target), *more)
        assert result.exit_code == 0, result.stderr
        return json.loads(target.read_text(encoding="utf-8"))

    return extract


@pytest.fixture
def reviewed(tmp_path):
    """Write a reviewed document and return its path."""

    def write(document: dict, name: str = "reviewed.json") -> str:
        path = tmp_path / name
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        return str(path)

    return write


def forecasts(ok) -> list[tuple]:
    rows = json.loads(ok("forecast", "list", "--format", "json"))
    return [(r["expert"], r["question"], r["claim"], r["probability"], r["phrase"], r["made_on"]) for r in rows]


def slutsky_reviewed(extracted) -> dict:
    document = extracted(SLUTSKY, "2025-02-13")
    window, venue, nato = document["candidates"]
    window["accept"] = True
    assert window["suggested_question"] == {"kind": "date", "slug": "meeting-take-place",
                                            "title": "When will this happen: “the meeting take place”?"}
    window["suggested_question"] = {"kind": "date", "slug": "putin-trump-meeting",  # the reviewer's own words
                                    "title": "When will Putin and Trump first meet in person?"}
    venue["accept"] = False  # a single venue makes no choice question: rejected
    nato["accept"] = True
    nato["expert"] = "United States"  # edited by the reviewer
    nato["suggested_question"] = {"kind": "binary", "slug": "ukraine-nato-membership", "title": "Will Ukraine join NATO?",
                                  "deadline": "2025-12-31"}  # a new binary question needs a deadline
    return document


def test_review_then_import_then_again(run, ok, extracted, reviewed):
    path = reviewed(slutsky_reviewed(extracted))
    first = run("import", path)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "Imported 1 file: added 2 experts, 2 questions, 2 forecasts, 0 resolutions; 0 already present.\n"
    expected = [
        ("Leonid Slutsky", "putin-trump-meeting", "2025-02-01..2025-03-31", 0.45, "could", "2025-02-13"),
        ("United States", "ukraine-nato-membership", "yes", 0.2, "unlikely", "2025-02-13"),
    ]
    assert forecasts(ok) == expected
    questions = {q["slug"]: (q["kind"], q["title"]) for q in json.loads(ok("question", "list", "--format", "json"))}
    assert questions == {
        "putin-trump-meeting": ("date", "When will Putin and Trump first meet in person?"),
        "ukraine-nato-membership": ("binary", "Will Ukraine join NATO?"),
    }
    again = run("import", path)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == "Imported 1 file: added 0 experts, 0 questions, 0 forecasts, 0 resolutions; 2 already present.\n"
    assert forecasts(ok) == expected


def test_undecided_candidates_refuse_the_file(run, ok, extracted, reviewed):
    document = slutsky_reviewed(extracted)
    del document["candidates"][2]["accept"]
    document["candidates"][1]["accept"] = None
    result = run("import", reviewed(document))
    assert_error(result, "2 of 3 candidates are undecided", "candidate 2, 3", '"accept": true', '"accept": false',
                 "nothing was imported")
    assert forecasts(ok) == []


@pytest.mark.parametrize(
    "edit, fragments",
    [
        (lambda c: c[0].update(accept="yes"), ["candidate 1", "accept 'yes'", "true (import it) or false (skip it)"]),
        (lambda c: c[0].update(probability=1.5), ["candidate 1", "probability", "1.5", "0 to 1"]),
        (lambda c: c[0].update(probability="pretty sure"), ["candidate 1", "probability", "pretty sure", "verbal scale"]),
        (lambda c: c[0].update(window="2025-13-01..2025-03-31"), ["candidate 1", "window", "2025-13-01"]),
        (lambda c: c[0].update(made_on="13/02/2025"), ["candidate 1", "made_on", "13/02/2025", "YYYY-MM-DD"]),
        (lambda c: c[2]["suggested_question"].update(kind="multi"), ["candidate 3", "kind 'multi'", "binary, choice or date"]),
        (lambda c: c[2]["suggested_question"].pop("deadline"), ["candidate 3", "suggested_question.deadline", "YYYY-MM-DD"]),
        (lambda c: c[2].update(expert=""), ["candidate 3", "expert", "empty"]),
    ],
)
def test_a_bad_edit_is_one_error_and_nothing_is_written(run, ok, extracted, reviewed, edit, fragments):
    document = slutsky_reviewed(extracted)
    edit(document["candidates"])
    assert_error(run("import", reviewed(document)), *fragments)
    assert forecasts(ok) == []
    assert json.loads(ok("question", "list", "--format", "json")) == []


def test_experts_by_alias_and_near_duplicates(run, ok, extracted, reviewed):
    ok("expert", "add", "Leonid Slutsky", "--alias", "L. Slutsky")
    document = slutsky_reviewed(extracted)
    document["candidates"][0]["expert"] = "L. Slutsky"  # an alias: the known expert
    document["candidates"][2]["expert"] = "Leonid Slutksy"  # a typo: close to a known name, refused
    assert_error(run("import", reviewed(document)), "'Leonid Slutksy' ~ 'Leonid Slutsky'", "--distinct", exit_code=1)
    assert forecasts(ok) == []
    document["candidates"][2]["expert"] = "United States"
    assert run("import", reviewed(document)).exit_code == 0
    assert [row[0] for row in forecasts(ok)] == ["Leonid Slutsky", "United States"]


def test_a_stated_number_is_imported_as_the_number(run, ok, extracted, reviewed):
    document = extracted(ARTICLES / "01_finbold_zandi_45.txt", "2025-05-29", "--outlet", "Finbold")
    assert [(c["expert"], c["phrase"], c["probability"], c["scale_version"]) for c in document["candidates"]] == [
        ("Mark Zandi", "45%", 0.45, None), ("Mark Zandi", "45% probability", 0.45, None),
    ]  # the model's "45% chance", reported by the article, is one claim with Zandi's own "… at 45%"
    document["candidates"][1]["accept"] = False  # "While a 45% probability is technically below …": not a forecast
    zandi = document["candidates"][0]
    zandi["accept"] = True
    zandi["suggested_question"] = {"kind": "binary", "slug": "us-recession-by-may-2026",
                                   "title": "Will a US recession start by 29 May 2026?", "deadline": "2026-05-29"}
    zandi["window"] = None  # a binary question: the deadline is the window
    result = run("import", reviewed(document))
    assert result.exit_code == 0, result.stderr
    assert forecasts(ok) == [("Mark Zandi", "us-recession-by-may-2026", "yes", 0.45, None, "2025-05-29")]


def test_the_readme_path_from_article_to_leaderboard(ok, tmp_path, monkeypatch):
    """README "From an article to the leaderboard": its commands as written, the review as it describes."""
    from test_readme_walkthrough import commands_of

    commands = commands_of("From an article to the leaderboard")
    assert [c[0] for c in commands] == ["extract", "import", "import", "resolve", "resolve", "leaderboard"]
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    target = tmp_path / "slutsky.json"
    extract = [str(target) if word == "slutsky.json" else word for word in commands[0]]
    ok(*extract)
    document = json.loads(target.read_text(encoding="utf-8"))
    window, venue, nato = document["candidates"]
    assert (window["expert"], window["window"], window["suggested_question"]["slug"]) == (
        "Leonid Slutsky", "2025-02-01..2025-03-31", "meeting-take-place")
    window["accept"], venue["accept"], nato["accept"] = True, False, True
    window["suggested_question"] = {"kind": "date", "slug": "putin-trump-meeting",
                                    "title": "When will Putin and Trump first meet in person?"}
    assert nato["expert"] == "The US"
    nato["expert"] = "United States"
    nato["suggested_question"] = {"kind": "binary", "slug": "ukraine-nato-membership",
                                  "title": "Will Ukraine join NATO?", "deadline": "2025-12-31"}
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    outputs = [ok(*[str(target) if word == "slutsky.json" else word for word in command]) for command in commands[1:]]
    assert outputs[0].startswith("Imported 1 file: added 2 experts, 2 questions, 2 forecasts")
    assert outputs[1].startswith("Imported 1 file: added 0 experts, 0 questions, 0 forecasts")
    board = json.loads(ok("leaderboard", "--format", "json"))
    assert sorted((r["expert"], round(r["brier"], 4)) for r in board) == [("Leonid Slutsky", 0.2025), ("United States", 0.04)]
