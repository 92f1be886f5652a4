"""``trackrecord leaderboard``: scores checked against scikit-learn on a hand-built record.

The record (all dates relative to today, in days):

- ``q-yes``   binary, resolved yes, known day -10, tag politics
- ``q-no``    binary, resolved no, known day -10
- ``q-venue`` choice X/Y, resolved X, known day -10
- ``q-when``  date, happened on day -30
- ``q-open``  binary, deadline in the future, unresolved (pending)
- ``q-void``  binary, annulled (never scored)

Alice: q-yes 0.8; q-no 0.3; q-venue X 0.6 and Y 0.3; q-when window -40..-20 (true) 0.7.
Bob:   q-yes 0.6 on day -50 then 0.9 on day -40 (the later one counts); q-no 0.1 on day
       -50 then 0.5 on day -12 (still before the outcome was known on day -10, so 0.5
       counts); q-when ..day -35 (false, known at the window's end, day -35) 0.4.
Carol: q-open 0.5 (pending); q-void 0.9 (annulled); q-yes 0.5.

Each question counts once. Alice's two venue options are one forecast of the distribution
X 0.6, Y 0.3, other 0.1 (the 0.1 she left unplaced goes to the outcome she did not name),
scored with scikit-learn's multi-class Brier on the 0-1 scale (``scale_by_half``) and
log loss. A yes/no claim is the distribution (p, 1 - p).
"""

from __future__ import annotations

import csv
import io
import json
import math
import statistics

import numpy as np
import pytest
from scipy.stats import permutation_test
from sklearn.metrics import brier_score_loss, log_loss

from conftest import assert_error, days

KEYS = {"rank", "expert", "resolved", "pending", "adjusted_brier", "brier", "log_loss", "brier_skill",
        "relative_brier", "peer_log", "peer_total", "ci_low", "ci_high", "p_value"}

# expert -> question -> (outcome label, the expert's distribution over the question's outcomes), by hand above.
COUNTED = {
    "Alice": {
        "q-yes": ("yes", {"yes": 0.8, "no": 0.2}),
        "q-no": ("no", {"yes": 0.3, "no": 0.7}),
        "q-venue": ("X", {"X": 0.6, "Y": 0.3, "other": 0.1}),
        "q-when": ("in", {"in": 0.7, "out": 0.3}),
    },
    "Bob": {
        "q-yes": ("yes", {"yes": 0.9, "no": 0.1}),
        "q-no": ("no", {"yes": 0.5, "no": 0.5}),
        "q-when": ("out", {"in": 0.4, "out": 0.6}),
    },
    "Carol": {"q-yes": ("yes", {"yes": 0.5, "no": 0.5})},
}


def question_brier(outcome: str, distribution: dict[str, float]) -> float:
    labels = sorted(distribution)  # scikit-learn wants the columns in sorted label order
    return brier_score_loss([outcome], [[distribution[label] for label in labels]], labels=labels, scale_by_half=True)


def question_log(outcome: str, distribution: dict[str, float]) -> float:
    labels = sorted(distribution)
    return log_loss([outcome], [[distribution[label] for label in labels]], labels=labels)


def expected(expert: str) -> dict:
    briers = [question_brier(*item) for item in COUNTED[expert].values()]
    brier = statistics.fmean(briers)
    return {
        "resolved": len(briers),
        "brier": brier,
        "brier_skill": 1 - brier / 0.25,
        "log_loss": statistics.fmean(question_log(*item) for item in COUNTED[expert].values()),
        "adjusted_brier": (sum(briers) + 5 * 0.25) / (len(briers) + 5),
    }


def peers_by_hand() -> dict[str, dict[str, float]]:
    """Relative Brier and peer log score per expert, by plain loops over the questions.

    Shared questions: q-yes (Alice, Bob, Carol), q-no (Alice, Bob) and q-when (Alice's
    window -40..-20 and Bob's ..-35: different claims, the same question).
    """
    relative, peer = {}, {}
    for expert, questions in COUNTED.items():
        rel, pe = [], []
        for question, item in questions.items():
            others = [COUNTED[other][question] for other in COUNTED if other != expert and question in COUNTED[other]]
            if not others:
                continue
            rel.append(question_brier(*item) - statistics.median(question_brier(*o) for o in others))
            pe.append(-question_log(*item) + statistics.fmean(question_log(*o) for o in others))
        relative[expert], peer[expert] = statistics.fmean(rel), (statistics.fmean(pe), math.fsum(pe))
    return {"relative": relative, "peer": peer}


@pytest.fixture
def record(ok):
    for name in ("Alice", "Bob", "Carol"):
        ok("expert", "add", name)
    ok("question", "add", "q-yes", "Yes?", "--kind", "binary", "--deadline", days(-5), "--tag", "politics")
    ok("question", "add", "q-no", "No?", "--kind", "binary", "--deadline", days(-5))
    ok("question", "add", "q-venue", "Where?", "--kind", "choice", "--deadline", days(-5), "--option", "X", "--option", "Y")
    ok("question", "add", "q-when", "When?", "--kind", "date")
    ok("question", "add", "q-open", "Open?", "--kind", "binary", "--deadline", days(30))
    ok("question", "add", "q-void", "Void?", "--kind", "binary", "--deadline", days(30))

    ok("forecast", "add", "Alice", "q-yes", "0.8", "--made-on", days(-60))
    ok("forecast", "add", "Alice", "q-no", "30%", "--made-on", days(-60))
    ok("forecast", "add", "Alice", "q-venue", "0.6", "--option", "X", "--made-on", days(-60))
    ok("forecast", "add", "Alice", "q-venue", "0.3", "--option", "y", "--made-on", days(-60))
    ok("forecast", "add", "Alice", "q-when", "0.7", "--window", f"{days(-40)}..{days(-20)}", "--made-on", days(-60))
    ok("forecast", "add", "Bob", "q-yes", "0.6", "--made-on", days(-50))
    ok("forecast", "add", "Bob", "q-yes", "0.9", "--made-on", days(-40))
    ok("forecast", "add", "Bob", "q-no", "0.1", "--made-on", days(-50))
    ok("forecast", "add", "Bob", "q-no", "0.5", "--made-on", days(-12))
    ok("forecast", "add", "Bob", "q-when", "0.4", "--by", days(-35), "--made-on", days(-60))
    ok("forecast", "add", "Carol", "q-open", "0.5", "--made-on", days(-10))
    ok("forecast", "add", "Carol", "q-void", "0.9", "--made-on", days(-10))
    ok("forecast", "add", "Carol", "q-yes", "0.5", "--made-on", days(-20))

    ok("resolve", "q-yes", "yes", "--on", days(-10))
    ok("resolve", "q-no", "no", "--on", days(-10))
    ok("resolve", "q-venue", "X", "--on", days(-10))
    ok("resolve", "q-when", "--happened-on", days(-30))
    ok("resolve", "q-void", "--annul")


def board(ok, *args) -> list[dict]:
    return json.loads(ok("leaderboard", "--format", "json", *args))


def test_json_scores_match_scikit_learn(record, ok):
    rows = board(ok)
    assert {row["expert"] for row in rows} == set(COUNTED)
    for row in rows:
        assert set(row) == KEYS
        want = expected(row["expert"])
        assert row["resolved"] == want["resolved"]
        assert row["brier"] == pytest.approx(want["brier"], abs=1e-12)
        assert row["brier_skill"] == pytest.approx(want["brier_skill"], abs=1e-12)
        assert row["log_loss"] == pytest.approx(want["log_loss"], abs=1e-12)
        assert row["adjusted_brier"] == pytest.approx(want["adjusted_brier"], abs=1e-12)


def test_ranks_follow_the_adjusted_brier(record, ok):
    rows = board(ok)
    order = sorted(COUNTED, key=lambda name: expected(name)["adjusted_brier"])
    assert [row["expert"] for row in rows] == order
    assert [row["rank"] for row in rows] == [1, 2, 3]
    for row in rows:
        assert row["adjusted_brier"] == pytest.approx(expected(row["expert"])["adjusted_brier"], abs=1e-12)
    raw = board(ok, "--metric", "brier")
    assert [row["brier"] for row in raw] == sorted(row["brier"] for row in raw)


def test_pending_counts_unresolved_claims_and_not_annulled_ones(record, ok):
    rows = {row["expert"]: row for row in board(ok)}
    assert rows["Carol"]["pending"] == 1  # q-open; q-void is annulled, so neither pending nor scored
    assert rows["Carol"]["resolved"] == 1
    assert rows["Alice"]["pending"] == 0


def test_later_forecast_made_before_outcome_known_is_the_one_that_counts(record, ok):
    bob = {row["expert"]: row for row in board(ok)}["Bob"]
    assert bob["resolved"] == 3  # q-yes counted once, not twice
    assert bob["brier"] == pytest.approx((0.1**2 + 0.5**2 + 0.4**2) / 3, abs=1e-12)


def test_forecasts_made_after_the_outcome_was_known_are_not_scored(ok):
    ok("expert", "add", "Dana")
    ok("question", "add", "late", "Late?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "Dana", "late", "0.2", "--made-on", days(-30))
    ok("forecast", "add", "Dana", "late", "0.99", "--made-on", days(-5))
    # The world knew on day -20: the day -5 forecast was hindsight when the record learned it.
    ok("resolve", "late", "yes", "--on", days(-20), "--force")  # --force: it leaves the day -5 forecast unscored
    (dana,) = board(ok)
    assert dana["resolved"] == 1
    assert dana["brier"] == pytest.approx(0.8**2, abs=1e-12)


def test_relative_brier_and_peer_scores_compare_experts_on_the_same_question(record, ok):
    """By hand: q-yes Briers .04, .01, .25 -> Alice .04 - median(.01, .25) = -.09; q-no .09 vs
    .25 -> -.16; q-when .09 vs .16 -> -.07 (Alice's and Bob's windows differ, the question is
    the same). The loops in ``peers_by_hand`` repeat this for everyone and the peer scores."""
    rows = {row["expert"]: row for row in board(ok)}
    assert rows["Alice"]["relative_brier"] == pytest.approx((-0.09 - 0.16 - 0.07) / 3, abs=1e-12)
    peers = peers_by_hand()
    for expert, row in rows.items():
        assert row["relative_brier"] == pytest.approx(peers["relative"][expert], abs=1e-12)
        assert row["peer_log"] == pytest.approx(peers["peer"][expert][0], abs=1e-12)
        assert row["peer_total"] == pytest.approx(peers["peer"][expert][1], abs=1e-12)
    # Over the experts on one question, peer scores sum to zero; so do the totals here,
    # where every question with peers is shared by everyone who forecast it.
    assert sum(row["peer_total"] for row in rows.values()) == pytest.approx(0, abs=1e-12)


def test_peer_total_ranks_by_the_sum_over_questions(record, ok):
    rows = board(ok, "--metric", "peer-total")
    assert [row["peer_total"] for row in rows] == sorted((row["peer_total"] for row in rows), reverse=True)
    assert [row["rank"] for row in rows] == [1, 2, 3]


def test_interval_and_p_value(record, ok):
    rows = {row["expert"]: row for row in board(ok)}
    alice = rows["Alice"]
    assert alice["ci_low"] <= alice["brier"] <= alice["ci_high"]
    assert alice["ci_low"] < alice["ci_high"]
    assert rows["Carol"]["ci_low"] is None and rows["Carol"]["ci_high"] is None
    differences = np.array([question_brier(*item) for item in COUNTED["Alice"].values()]) - 0.25
    reference = permutation_test((differences,), np.mean, permutation_type="samples", alternative="less")
    assert alice["p_value"] == pytest.approx(reference.pvalue, abs=1e-12)
    assert rows["Carol"]["p_value"] == 1.0  # a 50% forecast is no evidence either way


def test_the_interval_is_reproducible(record, ok):
    assert board(ok) == board(ok)


def test_tag_filter_scores_only_tagged_questions(record, ok):
    rows = {row["expert"]: row for row in board(ok, "--tag", "Politics")}
    assert rows["Alice"]["resolved"] == 1
    assert rows["Alice"]["brier"] == pytest.approx(0.2**2, abs=1e-12)
    assert rows["Bob"]["brier"] == pytest.approx(0.1**2, abs=1e-12)
    assert rows["Carol"]["pending"] == 0


def test_min_resolved_leaves_out_thin_records(record, ok):
    assert {row["expert"] for row in board(ok, "--min-resolved", "3")} == {"Alice", "Bob"}
    assert {row["expert"] for row in board(ok, "--min-resolved", "4")} == {"Alice"}
    assert board(ok, "--min-resolved", "5") == []


def test_csv_has_the_json_keys_and_values(record, ok):
    rows = list(csv.DictReader(io.StringIO(ok("leaderboard", "--format", "csv"))))
    assert list(rows[0]) == ["rank", "expert", "resolved", "pending", "adjusted_brier", "brier", "log_loss",
                             "brier_skill", "relative_brier", "peer_log", "peer_total", "ci_low", "ci_high", "p_value"]
    by_name = {row["expert"]: row for row in rows}
    assert float(by_name["Alice"]["brier"]) == pytest.approx(expected("Alice")["brier"], abs=1e-12)
    assert by_name["Carol"]["ci_low"] == ""  # one question: too few for an interval


def test_table_and_markdown_show_metric_directions(record, ok):
    table = ok("leaderboard")
    assert "Brier ↓" in table and "skill ↑" in table and "adj. ↓" in table and "lower is better" in table
    assert f"{expected('Alice')['brier']:.4f}" in table and f"{expected('Alice')['adjusted_brier']:.4f}" in table
    assert "too few" in table  # Carol: one question
    assert "shrunk toward 0.25" in table  # the legend says how ranks are made
    markdown = ok("leaderboard", "--format", "markdown")
    assert markdown.splitlines()[0].startswith("| rank")
    assert "|--" in markdown.splitlines()[1] or "| --" in markdown.splitlines()[1] or "|-" in markdown.splitlines()[1]


def test_equal_scores_share_a_rank(ok):
    for name in ("Ann", "Ben"):
        ok("expert", "add", name)
    ok("question", "add", "tie", "Tie?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "Ben", "tie", "0.7", "--made-on", days(-9))
    ok("forecast", "add", "Ann", "tie", "0.7", "--made-on", days(-9))
    ok("resolve", "tie", "yes", "--on", days(-2))
    rows = board(ok)
    assert [(row["rank"], row["expert"]) for row in rows] == [(1, "Ann"), (1, "Ben")]


def test_empty_record_says_so(run):
    result = run("leaderboard")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No expert has a resolved forecast yet" in result.stderr
    json_result = run("leaderboard", "--format", "json")
    assert json.loads(json_result.stdout) == []


def test_bad_options_are_one_line_errors(run):
    assert_error(run("leaderboard", "--format", "xml"), "xml")
    assert_error(run("leaderboard", "--min-resolved", "0"), "--min-resolved")
    assert_error(run("leaderboard", "--min-resolved", "many"), "many")


def test_metric_option_ranks_by_that_metric(record, ok):
    by_relative = [row["expert"] for row in board(ok, "--metric", "relative")]
    assert by_relative == ["Alice", "Bob", "Carol"]
    by_peer = board(ok, "--metric", "peer")
    peers = [row["peer_log"] for row in by_peer]
    assert peers == sorted(peers, reverse=True)
    by_skill = board(ok, "--metric", "skill")
    assert [row["brier_skill"] for row in by_skill] == sorted((row["brier_skill"] for row in by_skill), reverse=True)


def test_experts_without_peers_rank_last_on_relative(ok):
    for name in ("Ann", "Ben", "Cy"):
        ok("expert", "add", name)
    ok("question", "add", "shared", "Shared?", "--kind", "binary", "--deadline", days(-1))
    ok("question", "add", "alone", "Alone?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "Ann", "shared", "0.6", "--made-on", days(-9))
    ok("forecast", "add", "Ben", "shared", "0.9", "--made-on", days(-9))
    ok("forecast", "add", "Cy", "alone", "0.99", "--made-on", days(-9))
    ok("resolve", "shared", "yes", "--on", days(-2))
    ok("resolve", "alone", "yes", "--on", days(-2))
    rows = board(ok, "--metric", "relative")
    assert [row["expert"] for row in rows] == ["Ben", "Ann", "Cy"]
    assert rows[2]["relative_brier"] is None


@pytest.mark.parametrize("policy, brier", [("latest", 0.1**2), ("first", 0.8**2), ("time-averaged", (30 * 0.8**2 + 10 * 0.1**2) / 40)])
def test_policy_chooses_which_forecast_counts(ok, policy, brier):
    """Forecasts 0.2 on day -50 and 0.9 on day -20; known on day -10: time-averaged is the mean
    of the daily scores, 30 days scored (1 - 0.2)^2 and 10 days (1 - 0.9)^2: 0.4825, not the
    score of the averaged probability 0.375 (0.390625)."""
    ok("expert", "add", "Eve")
    ok("question", "add", "p", "P?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "Eve", "p", "0.2", "--made-on", days(-50))
    ok("forecast", "add", "Eve", "p", "0.9", "--made-on", days(-20))
    ok("resolve", "p", "yes", "--on", days(-10))
    (eve,) = board(ok, "--policy", policy)
    assert eve["brier"] == pytest.approx(brier, abs=1e-12)


def test_time_averaged_choice_scores_each_day_with_the_distribution_standing_that_day(ok):
    """Hand-worked: options A, B (+ other). Day -40: A 0.5; day -20: B 0.3; A wins, known day -10.

    Days -40..-21 (20 days): A .5 named, B and other share the rest, .25 each:
    Brier = (.5^2 + .25^2 + .25^2) / 2 = .1875, log = -ln .5.
    Days -20..-11 (10 days): A .5, B .3, other .2: Brier = (.5^2 + .3^2 + .2^2) / 2 = .19.
    Mean of the 30 daily scores: (20 x .1875 + 10 x .19) / 30.
    """
    ok("expert", "add", "Eve")
    ok("question", "add", "v", "Where?", "--kind", "choice", "--option", "A", "--option", "B", "--deadline", days(-1))
    ok("forecast", "add", "Eve", "v", "0.5", "--option", "A", "--made-on", days(-40))
    ok("forecast", "add", "Eve", "v", "0.3", "--option", "B", "--made-on", days(-20))
    ok("resolve", "v", "A", "--on", days(-10))
    (eve,) = board(ok, "--policy", "time-averaged")
    assert eve["resolved"] == 1
    assert eve["brier"] == pytest.approx((20 * 0.1875 + 10 * 0.19) / 30, abs=1e-12)
    assert eve["log_loss"] == pytest.approx(-math.log(0.5), abs=1e-12)
    (latest,) = board(ok)
    assert latest["brier"] == pytest.approx(0.19, abs=1e-12)


def test_kind_since_and_until_filters(record, ok):
    choice = {row["expert"]: row for row in board(ok, "--kind", "choice")}
    assert set(choice) == {"Alice"} and choice["Alice"]["resolved"] == 1  # two options, one question
    assert choice["Alice"]["brier"] == pytest.approx(question_brier(*COUNTED["Alice"]["q-venue"]), abs=1e-12)
    # Bob's forecasts on days -50 and -40 and -60 fall outside --since day -45, except q-yes's 0.9.
    recent = {row["expert"]: row for row in board(ok, "--since", days(-45))}
    assert recent["Bob"]["resolved"] == 2  # q-yes 0.9 (day -40) and q-no 0.5 (day -12)
    assert "Alice" not in recent  # all of Alice's were made on day -60
    early = {row["expert"]: row for row in board(ok, "--until", days(-45))}
    assert early["Bob"]["brier"] == pytest.approx((0.4**2 + 0.4**2 + 0.1**2) / 3, abs=1e-12)


def test_bad_filters_are_one_line_errors(run):
    assert_error(run("leaderboard", "--metric", "accuracy"), "accuracy")
    assert_error(run("leaderboard", "--policy", "best"), "best")
    assert_error(run("leaderboard", "--kind", "scalar"), "scalar")
    assert_error(run("leaderboard", "--since", "last year"), "last year", "YYYY-MM-DD")


def test_an_empty_leaderboard_says_what_filtered_everything_out(record, run):
    thin = run("leaderboard", "--min-resolved", "100")
    assert thin.exit_code == 0 and thin.stdout == ""
    assert "No expert has 100 or more scored questions; the most is 4: lower --min-resolved." in thin.stderr
    tagged = run("leaderboard", "--tag", "nothing-here", "--kind", "date")
    assert tagged.exit_code == 0 and tagged.stdout == ""
    assert "No expert has a resolved forecast with --tag nothing-here, --kind date: widen the selection." in tagged.stderr
    both = run("leaderboard", "--tag", "politics", "--min-resolved", "9")
    assert "No expert has 9 or more scored questions with --tag politics; the most is 1" in both.stderr


def test_choices_are_case_insensitive(record, ok):
    """Options with a fixed set of values accept any case, as 'resolve Q NO' does."""
    assert board(ok, "--metric", "PEER-Total", "--policy", "Latest") == board(ok, "--metric", "peer-total")
    assert json.loads(ok("leaderboard", "--format", "JSON", "--kind", "Binary")) == board(ok, "--kind", "binary")
    ok("question", "add", "q-case", "Case?", "--kind", "BINARY", "--deadline", days(30))
    assert "binary" in ok("question", "show", "q-case")


def test_claims_read_on_a_second_connection_give_the_same_leaderboard(record, ok, monkeypatch):
    """On a big record the claims are read on a second connection while the forecasts are
    fetched (``resolutions.record.PARALLEL_FROM``); forced here on the small record, every
    output must be the same, and a write seen by one read but not the other falls back to
    reading the claims again in the command's own transaction."""
    from trackrecord.resolutions import record as columns

    outputs = [ok("leaderboard", "--format", "json"), ok("leaderboard", "--format", "json", "--policy", "time-averaged"), ok("expert", "show", "Alice", "--format", "json")]
    monkeypatch.setattr(columns, "PARALLEL_FROM", 0)
    read_aside = []
    real = columns._claims_aside
    monkeypatch.setattr(columns, "_claims_aside", lambda *args: read_aside.append(1) or real(*args))
    assert [ok("leaderboard", "--format", "json"), ok("leaderboard", "--format", "json", "--policy", "time-averaged"), ok("expert", "show", "Alice", "--format", "json")] == outputs
    assert len(read_aside) == 2  # the leaderboards; an expert's profile reads only their questions

    def another_version(engine, query):  # as if a forecast had been added between the reads
        seen, claims = real(engine, query)
        return (seen[0] + 1, *seen[1:]), claims[::-1]

    monkeypatch.setattr(columns, "_claims_aside", another_version)
    assert ok("leaderboard", "--format", "json") == outputs[0]
