"""Fixing mistakes without rewriting the record (issue 9, part 1), through the real CLI.

Every change is a new row with a reason: the JSON export (the whole record, read through
the product) keeps every old row unchanged and gains the new ones; scores follow the
current state; corrections keep the integrity rules of ``forecast add``; every refusal
writes nothing (the export is byte-identical before and after).
"""

from __future__ import annotations

import json

import pytest

from conftest import assert_error, days, parse_table


@pytest.fixture
def record(ok):
    """Two experts (one entered twice by a typo), a binary, a choice and a date question."""
    ok("expert", "add", "Ada Okafor")
    ok("expert", "add", "Ada Okafr", "--distinct")
    ok("expert", "add", "Bo Li")
    ok("question", "add", "rates", "Will rates fall?", "--kind", "binary", "--deadline", days(-10), "--tag", "econ")
    ok("question", "add", "venue", "Where will they meet?", "--kind", "choice", "--option", "Baku", "--option", "Riyadh", "--deadline", days(-10))
    ok("question", "add", "meet", "When will they meet?", "--kind", "date")
    ok("forecast", "add", "Ada Okafor", "rates", "0.3", "--made-on", days(-60))  # 1
    ok("forecast", "add", "Ada Okafr", "rates", "0.6", "--made-on", days(-50))  # 2
    ok("forecast", "add", "Bo Li", "rates", "0.9", "--made-on", days(-50))  # 3
    ok("forecast", "add", "Bo Li", "meet", "0.4", "--window", f"{days(-90)}..{days(-40)}", "--made-on", days(-100))  # 4
    ok("forecast", "add", "Ada Okafor", "venue", "0.5", "--option", "Baku", "--made-on", days(-70))  # 5
    return ok


def snapshot(ok, tmp_path, name="snap.json") -> dict:
    path = tmp_path / name
    ok("export", "--format", "json", "--output", str(path))
    text = path.read_text(encoding="utf-8")
    path.unlink()
    return json.loads(text)


def brier_of(ok, expert: str) -> float:
    rows = json.loads(ok("leaderboard", "--format", "json"))
    return next(row["brier"] for row in rows if row["expert"] == expert)


def refused_writes_nothing(run, ok, tmp_path, args, *fragments, exit_code=2):
    before = snapshot(ok, tmp_path)
    assert_error(run(*args), *fragments, exit_code=exit_code)
    assert snapshot(ok, tmp_path) == before


# --- forecasts -------------------------------------------------------------------------


def test_correct_appends_a_row_and_scores_follow(record, ok, tmp_path):
    ok("resolve", "rates", "yes", "--on", days(-20))
    assert brier_of(ok, "Ada Okafor") == pytest.approx((1 - 0.3) ** 2)
    before = snapshot(ok, tmp_path)
    out = ok("forecast", "correct", "1", "--probability", "35%", "--reason", "she said 35, not 30")
    assert out.startswith("Corrected forecast 1: now forecast 6, 35%")
    after = snapshot(ok, tmp_path)
    # Nothing rewritten in place: every old forecast is there unchanged, one new row appended.
    assert after["forecasts"][: len(before["forecasts"])] == before["forecasts"]
    assert len(after["forecasts"]) == len(before["forecasts"]) + 1
    assert after["forecasts"][-1]["probability"] == 0.35 and after["forecasts"][-1]["made_on"] == days(-60)
    assert after["forecast_changes"] == [
        {"forecast": 1, "action": "correct", "replacement": 6, "reason": "she said 35, not 30",
         "changed_by": after["forecast_changes"][0]["changed_by"], "recorded_at": after["forecast_changes"][0]["recorded_at"]}
    ]
    assert brier_of(ok, "Ada Okafor") == pytest.approx((1 - 0.35) ** 2)  # (1 - 0.35)² by hand
    listed = json.loads(ok("forecast", "list", "--expert", "Ada Okafor", "--format", "json"))
    assert [row["id"] for row in listed] == [5, 6]  # the corrected one stands in for forecast 1
    trail = json.loads(ok("history", "--format", "json"))
    assert [(e["subject"], e["action"]) for e in trail] == [("question", "resolved"), ("forecast 1", "corrected")]
    assert "probability 30% -> 35%" in trail[1]["detail"] and trail[1]["reason"] == "she said 35, not 30"


def test_a_correction_keeps_its_place_among_forecasts_of_the_same_day(ok):
    ok("expert", "add", "Cy")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", days(-10))
    ok("forecast", "add", "Cy", "q", "0.2", "--made-on", days(-30))  # morning
    ok("forecast", "add", "Cy", "q", "0.7", "--made-on", days(-30))  # afternoon: the one that counts
    ok("resolve", "q", "yes", "--on", days(-20))
    ok("forecast", "correct", "1", "--probability", "0.25", "--reason", "typo in the morning figure")
    assert brier_of(ok, "Cy") == pytest.approx(0.3**2)  # still the afternoon forecast


def test_retract_stops_scoring_and_stays_in_history(record, ok, tmp_path):
    ok("resolve", "rates", "yes", "--on", days(-20))
    before = snapshot(ok, tmp_path)
    assert ok("forecast", "retract", "3", "--reason", "misattributed quote").startswith("Retracted forecast 3 (90%")
    after = snapshot(ok, tmp_path)
    assert after["forecasts"] == before["forecasts"]
    assert [c["action"] for c in after["forecast_changes"]] == ["retract"]
    assert "Bo Li" not in [row["expert"] for row in json.loads(ok("leaderboard", "--format", "json"))]
    assert 3 not in [row["id"] for row in json.loads(ok("forecast", "list", "--format", "json"))]
    shown = ok("history", "--expert", "Bo Li")
    assert "retracted" in shown and "misattributed quote" in shown


@pytest.mark.parametrize(
    "args, fragments, code",
    [
        (["forecast", "correct", "1", "--probability", "0.4"], ["--reason"], 2),
        (["forecast", "retract", "1"], ["--reason"], 2),
        (["forecast", "correct", "1", "--reason", "x"], ["changes nothing"], 2),
        (["forecast", "correct", "1", "--probability", "0.3", "--reason", "x"], ["changes nothing"], 2),
        (["forecast", "correct", "99", "--probability", "0.4", "--reason", "x"], ["no forecast 99"], 1),
        (["forecast", "correct", "1", "--made-on", days(3), "--reason", "x"], ["in the future"], 2),
        (["forecast", "correct", "1", "--made-on", "1850-01-01", "--reason", "x"], ["implausibly old"], 2),
        (["forecast", "correct", "1", "--made-on", days(-5), "--reason", "x"], ["deadline"], 1),
        (["forecast", "correct", "1", "--probability", "1.5", "--reason", "x"], ["1.5"], 2),
        (["forecast", "correct", "5", "--option", "Dubai", "--reason", "x"], ["Dubai"], 2),
        (["forecast", "correct", "1", "--expert", "Nobody", "--reason", "x"], ["Nobody"], 1),
        (["forecast", "correct", "4", "--window", f"{days(-90)}..{days(-1)}", "--made-on", days(-30), "--reason", "x"], ["became known"], 1),
    ],
)
def test_corrections_keep_the_integrity_rules_and_refusals_write_nothing(record, run, ok, tmp_path, args, fragments, code):
    ok("resolve", "meet", "--happened-on", days(-45))
    refused_writes_nothing(run, ok, tmp_path, args, *fragments, exit_code=code)


def test_a_superseded_forecast_cannot_be_changed_again(record, run, ok, tmp_path):
    ok("forecast", "correct", "1", "--probability", "0.35", "--reason", "typo")
    refused_writes_nothing(run, ok, tmp_path, ["forecast", "correct", "1", "--probability", "0.4", "--reason", "x"],
                           "already corrected by forecast 6", "change forecast 6 instead", exit_code=1)
    ok("forecast", "retract", "6", "--reason", "never said")
    refused_writes_nothing(run, ok, tmp_path, ["forecast", "retract", "6", "--reason", "again"], "already retracted", exit_code=1)


def test_correct_moves_a_forecast_to_the_right_expert_window_and_quote(record, ok):
    ok("forecast", "correct", "4", "--window", "spring", "--quote", "in the spring", "--reason", "she said spring")
    row = json.loads(ok("forecast", "list", "--question", "meet", "--format", "json"))[0]
    assert row["id"] == 6 and row["quote"] == "in the spring" and row["claim"] != f"{days(-90)}..{days(-40)}"
    ok("forecast", "correct", "2", "--expert", "Bo Li", "--reason", "it was Bo who said it")
    assert [r["expert"] for r in json.loads(ok("forecast", "list", "--question", "rates", "--format", "json"))] == ["Ada Okafor", "Bo Li", "Bo Li"]


# --- experts ---------------------------------------------------------------------------


def test_merge_moves_forecasts_and_the_old_name_becomes_an_alias(record, ok, run, tmp_path):
    ok("resolve", "rates", "yes", "--on", days(-20))
    before = snapshot(ok, tmp_path)
    out = ok("expert", "merge", "Ada Okafr", "Ada Okafor", "--reason", "an import typo")
    assert out == "Merged Ada Okafr into Ada Okafor: 1 forecast moved; 'Ada Okafr' now names Ada Okafor.\n"
    after = snapshot(ok, tmp_path)
    assert after["forecasts"][: len(before["forecasts"])] == before["forecasts"]
    assert after["experts"] == before["experts"]  # the rows as created, unchanged
    listed = parse_table(ok("expert", "list"))
    assert [(r["expert"], r["aliases"], r["forecasts"]) for r in listed] == [("Ada Okafor", "Ada Okafr", "3"), ("Bo Li", "", "2")]
    assert ok("expert", "show", "ada okafr").startswith("Ada Okafor  (slug ada-okafor)")
    # Ada's latest on rates is now the 0.6 made ten days later under the typo: (1 - 0.6)².
    assert brier_of(ok, "Ada Okafor") == pytest.approx((1 - 0.6) ** 2)
    ok("forecast", "add", "Ada Okafr", "venue", "0.2", "--option", "Riyadh", "--made-on", days(-60))
    assert json.loads(ok("forecast", "list", "--question", "venue", "--format", "json"))[-1]["expert"] == "Ada Okafor"
    refused_writes_nothing(run, ok, tmp_path, ["expert", "merge", "Ada Okafor", "ada okafr", "--reason", "x"], "same expert")


def test_rename_keeps_the_old_name_working(record, ok, run, tmp_path):
    assert ok("expert", "rename", "Bo Li", "Bo Lee", "--reason", "spelling on the official site") == (
        "Renamed Bo Li to Bo Lee; 'Bo Li' still names them.\n"
    )
    assert ok("expert", "show", "Bo Li").startswith("Bo Lee  (slug bo-li)")
    assert "aliases: Bo Li" in ok("expert", "show", "Bo Lee")
    assert {r["expert"] for r in json.loads(ok("forecast", "list", "--format", "json"))} == {"Ada Okafor", "Ada Okafr", "Bo Lee"}
    assert "Bo Li -> Bo Lee" in ok("history", "--expert", "bo lee")
    refused_writes_nothing(run, ok, tmp_path, ["expert", "rename", "Bo Lee", "Ada Okafor", "--reason", "x"], "already names", "merge", exit_code=1)
    refused_writes_nothing(run, ok, tmp_path, ["expert", "rename", "Bo Lee", "Bo Lee2"], "--reason")
    refused_writes_nothing(run, ok, tmp_path, ["expert", "rename", "Bo Lee", "Ada Okafo", "--reason", "x"], "close to", exit_code=1)


def test_remove_only_an_expert_without_forecasts_and_adding_again_restores(record, ok, run, tmp_path):
    refused_writes_nothing(run, ok, tmp_path, ["expert", "remove", "Bo Li", "--reason", "x"], "has 2 forecasts", "merge", exit_code=1)
    ok("expert", "add", "Cy Mistake")
    assert ok("expert", "remove", "Cy Mistake", "--reason", "added by mistake") == "Removed expert Cy Mistake.\n"
    assert "Cy Mistake" not in ok("expert", "list")
    assert_error(run("expert", "show", "Cy Mistake"), "no expert named 'Cy Mistake'", exit_code=1)
    assert ok("expert", "add", "Cy Mistake").startswith("Restored expert Cy Mistake (slug cy-mistake), removed on")
    assert [e["action"] for e in json.loads(ok("history", "--expert", "Cy Mistake", "--format", "json"))] == ["removed", "restored"]


# --- questions -------------------------------------------------------------------------


def test_question_edit_appends_changes_that_show_and_count(record, ok, run, tmp_path):
    before = snapshot(ok, tmp_path)
    out = ok("question", "edit", "rates", "--title", "Will the ECB cut rates?", "--deadline", days(-5),
             "--untag", "econ", "--tag", "ecb", "--criteria", "ECB press release", "--reason", "the article meant the ECB")
    assert out.startswith("Edited rates: title 'Will the ECB cut rates?', criteria 'ECB press release', deadline")
    after = snapshot(ok, tmp_path)
    assert after["questions"] == before["questions"]  # rows as created
    assert [c["action"] for c in after["changes"]] == ["title", "criteria", "deadline", "tag", "untag"]
    shown = ok("question", "show", "rates")
    assert shown.startswith("rates: Will the ECB cut rates?") and f"deadline: {days(-5)}" in shown
    assert "tags: ecb" in shown and "criteria: ECB press release" in shown and "the article meant the ECB" in shown
    listed = parse_table(ok("question", "list", "--tag", "ecb"))
    assert [(r["question"], r["deadline"], r["title"]) for r in listed] == [("rates", days(-5), "Will the ECB cut rates?")]
    assert "No questions match" in run("question", "list", "--tag", "econ").stderr
    ok("resolve", "rates", "no", "--on", days(-4))
    assert {r["expert"] for r in json.loads(ok("leaderboard", "--tag", "ecb", "--format", "json"))} == {"Ada Okafor", "Ada Okafr", "Bo Li"}
    assert json.loads(ok("leaderboard", "--tag", "econ", "--format", "json")) == []
    ok("question", "edit", "rates", "--tag", "econ")  # tags need no reason; untag then tag again works
    assert len(json.loads(ok("leaderboard", "--tag", "econ", "--format", "json"))) == 3


@pytest.mark.parametrize(
    "args, fragments, code",
    [
        (["question", "edit", "rates", "--deadline", days(-55)], ["--reason"], 2),
        (["question", "edit", "rates", "--deadline", days(-55), "--reason", "x"], ["2 recorded forecasts were made", "hindsight"], 1),
        (["question", "edit", "meet", "--deadline", days(5), "--reason", "x"], ["date question"], 2),
        (["question", "edit", "rates", "--add-option", "Maybe", "--reason", "x"], ["choice questions"], 2),
        (["question", "edit", "venue", "--add-option", "baku", "--reason", "x"], ["already on question"], 1),
        (["question", "edit", "venue", "--add-option", "Other", "--reason", "x"], ["reserved"], 2),
        (["question", "edit", "rates", "--untag", "nope"], ["no tag 'nope'"], 2),
        (["question", "edit", "rates", "--title", "Will rates fall?", "--reason", "x"], ["nothing to change"], 2),
        (["question", "edit", "ratez", "--title", "x", "--reason", "x"], ["did you mean 'rates'"], 1),
        (["question", "remove", "rates", "--reason", "x"], ["3 recorded forecasts", "--annul"], 1),
        (["question", "remove", "rates"], ["--reason"], 2),
    ],
)
def test_question_edit_refusals_write_nothing(record, run, ok, tmp_path, args, fragments, code):
    refused_writes_nothing(run, ok, tmp_path, args, *fragments, exit_code=code)


def test_an_added_option_is_scored_as_an_outcome(record, ok):
    ok("question", "edit", "venue", "--add-option", "Istanbul", "--reason", "a third city was proposed")
    ok("forecast", "add", "Bo Li", "venue", "0.7", "--option", "Istanbul", "--made-on", days(-30))
    ok("resolve", "venue", "Istanbul", "--on", days(-20))
    # Bo: Istanbul 0.7, the other 0.3 spread over Baku, Riyadh, other: ½(0.3² + 3·0.1²) by hand.
    rows = {r["expert"]: r for r in json.loads(ok("leaderboard", "--format", "json"))}
    assert rows["Bo Li"]["brier"] == pytest.approx(0.5 * (0.3**2 + 3 * 0.1**2))
    # Ada: Baku 0.5, the rest spread over Riyadh, Istanbul, other: ½(0.5² + (1/6)² + (5/6)² + (1/6)²).
    assert rows["Ada Okafor"]["brier"] == pytest.approx(0.5 * (0.25 + 2 / 36 + 25 / 36))


def test_question_remove_only_when_unforecast(ok, run):
    ok("question", "add", "spare", "Unused?", "--kind", "binary", "--deadline", days(30))
    assert ok("question", "remove", "spare", "--reason", "duplicate of another question") == "Removed question spare.\n"
    assert_error(run("question", "show", "spare"), "was removed", "duplicate of another question", exit_code=1)
    assert "No questions yet" in run("question", "list").stderr
    assert "removed" in ok("history", "--question", "spare")


# --- history and the JSON round trip --------------------------------------------------


def test_history_formats_and_filters(record, ok):
    ok("forecast", "correct", "1", "--probability", "0.35", "--reason", "typo")
    ok("question", "edit", "venue", "--title", "Where?", "--reason", "shorter")
    ok("resolve", "venue", "Baku", "--on", days(-20))
    every = json.loads(ok("history", "--format", "json"))
    assert [e["action"] for e in every] == ["corrected", "title edited", "resolved"]
    assert [e["action"] for e in json.loads(ok("history", "--question", "venue", "--format", "json"))] == ["title edited", "resolved"]
    assert [e["action"] for e in json.loads(ok("history", "--expert", "Ada Okafor", "--format", "json"))] == ["corrected"]
    csv_text = ok("history", "--format", "csv")
    assert csv_text.splitlines()[0] == "recorded_at,changed_by,subject,name,action,detail,reason"
    assert "| title edited |" in ok("history", "--format", "markdown")


def test_changed_by_comes_from_the_environment(record, ok, monkeypatch):
    monkeypatch.setenv("TRACKRECORD_USER", "desk editor")
    ok("forecast", "retract", "2", "--reason", "duplicate")
    assert json.loads(ok("history", "--format", "json"))[0]["changed_by"] == "desk editor"


def test_json_round_trip_of_a_corrected_record_is_exact(record, ok, tmp_path):
    ok("forecast", "correct", "1", "--probability", "35%", "--reason", "typo")
    ok("forecast", "correct", "4", "--window", "summer", "--reason", "said summer")
    ok("expert", "merge", "Ada Okafr", "Ada Okafor", "--reason", "dup")
    ok("expert", "rename", "Bo Li", "Bo Lee", "--reason", "spelling")
    ok("question", "edit", "rates", "--deadline", days(-8), "--title", "Will rates fall by then?", "--tag", "b", "--untag", "econ", "--reason", "fix")
    ok("question", "edit", "venue", "--add-option", "Istanbul", "--reason", "new")
    ok("question", "add", "spare", "Unused", "--kind", "binary", "--deadline", days(-8))
    ok("question", "remove", "spare", "--reason", "unused")
    ok("resolve", "venue", "other", "--label", "Abu Dhabi", "--on", days(-20))
    ok("resolve", "rates", "yes", "--on", days(-9))
    ok("forecast", "retract", "3", "--reason", "misquoted")
    ok("expert", "add", "Cy")
    ok("expert", "remove", "Cy", "--reason", "mistake")
    first = tmp_path / "first.json"
    ok("export", "--format", "json", "--output", str(first))
    copy = tmp_path / "copy.db"
    from test_import_export import must, other_db

    other = other_db(copy)
    # 9 expert and question changes, 4 forecast changes (2 corrections, 1 move, 1 retraction)
    assert "13 changes" in must(other("import", str(first)))
    second = tmp_path / "second.json"
    must(other("export", "--format", "json", "--output", str(second)))
    assert first.read_bytes() == second.read_bytes()
    assert "added 0 experts, 0 questions, 0 forecasts, 0 resolutions;" in must(other("import", str(first)))
    for view in (["leaderboard", "--format", "json"], ["history", "--format", "json"], ["expert", "list"], ["question", "list"]):
        assert must(other(*view)) == ok(*view)


def test_version_1_documents_still_import(ok, tmp_path):
    document = {
        "format": "trackrecord", "version": 1,
        "experts": [{"name": "Ada", "slug": "ada", "affiliation": None, "aliases": []}],
        "questions": [{"slug": "q", "title": "Q?", "kind": "binary", "deadline": days(-10), "options": [], "tags": [], "criteria": None}],
        "windows": [],
        "forecasts": [{"expert": "Ada", "question": "q", "probability": 0.25, "phrase": None, "scale": None,
                       "made_on": days(-30), "recorded_at": "2026-01-01T00:00:00+00:00", "quote": None, "source": None, "note": None}],
        "resolutions": [],
    }
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert "added 1 experts, 1 questions, 1 forecasts, 0 resolutions" in ok("import", str(path))


def test_a_document_with_a_bad_change_is_refused_and_writes_nothing(record, ok, run, tmp_path):
    ok("forecast", "correct", "1", "--probability", "0.35", "--reason", "typo")
    path = tmp_path / "doc.json"
    ok("export", "--format", "json", "--output", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    document["forecast_changes"][0]["replacement"] = 99
    del document["chain"]  # edited by hand: its own chain would (rightly) refuse it first
    path.write_text(json.dumps(document), encoding="utf-8")
    from test_import_export import other_db

    other = other_db(tmp_path / "other.db")
    assert_error(other("import", str(path)), "forecast change #1", "replacement 99")
    assert json.loads(other("forecast", "list", "--format", "json").stdout) == []
