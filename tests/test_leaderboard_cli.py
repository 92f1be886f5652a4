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
"""

from __future__ import annotations

import csv
import io
import json
import math

import numpy as np
import pytest
from scipy.stats import permutation_test
from sklearn.metrics import brier_score_loss, log_loss

from conftest import assert_error, days

KEYS = {"rank", "expert", "resolved", "pending", "brier", "log_loss", "brier_skill",
        "relative_brier", "peer_log", "ci_low", "ci_high", "p_value"}

# (expert, probability, outcome) of every forecast that counts, worked out by hand above.
COUNTED = {
    "Alice": [(0.8, 1), (0.3, 0), (0.6, 1), (0.3, 0), (0.7, 1)],
    "Bob": [(0.9, 1), (0.5, 0), (0.4, 0)],
    "Carol": [(0.5, 1)],
}


def expected(expert: str) -> dict:
    probabilities = [p for p, _ in COUNTED[expert]]
    outcomes = [o for _, o in COUNTED[expert]]
    brier = brier_score_loss(outcomes, probabilities, pos_label=1)
    return {
        "resolved": len(outcomes),
        "brier": brier,
        "brier_skill": 1 - brier / 0.25,
        "log_loss": log_loss(outcomes, probabilities, labels=[0, 1]),
    }


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


def test_ranks_follow_mean_brier(record, ok):
    rows = board(ok)
    order = sorted(COUNTED, key=lambda name: expected(name)["brier"])
    assert [row["expert"] for row in rows] == order
    assert [row["rank"] for row in rows] == [1, 2, 3]


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
    ok("resolve", "late", "yes", "--on", days(-20))
    (dana,) = board(ok)
    assert dana["resolved"] == 1
    assert dana["brier"] == pytest.approx(0.8**2, abs=1e-12)


def test_relative_brier_matches_the_hand_worked_example(record, ok):
    """Shared claims: q-yes (Alice .8, Bob .9, Carol .5; yes) and q-no (Alice .3, Bob .5; no).

    q-yes Briers .04, .01, .25: Alice .04 - median(.01, .25) = -.09; Bob .01 - median(.04, .25)
    = -.135; Carol .25 - median(.04, .01) = .225. q-no Briers .09, .25: Alice -.16, Bob +.16.
    Averaged over each expert's shared claims.
    """
    rows = {row["expert"]: row for row in board(ok)}
    assert rows["Alice"]["relative_brier"] == pytest.approx((-0.09 - 0.16) / 2, abs=1e-12)
    assert rows["Bob"]["relative_brier"] == pytest.approx((-0.135 + 0.16) / 2, abs=1e-12)
    assert rows["Carol"]["relative_brier"] == pytest.approx(0.225, abs=1e-12)


def test_peer_log_matches_the_hand_worked_example(record, ok):
    ln = math.log
    alice = ((ln(0.8) - (ln(0.9) + ln(0.5)) / 2) + (ln(0.7) - ln(0.5))) / 2
    bob = ((ln(0.9) - (ln(0.8) + ln(0.5)) / 2) + (ln(0.5) - ln(0.7))) / 2
    carol = ln(0.5) - (ln(0.8) + ln(0.9)) / 2
    rows = {row["expert"]: row for row in board(ok)}
    assert rows["Alice"]["peer_log"] == pytest.approx(alice, abs=1e-12)
    assert rows["Bob"]["peer_log"] == pytest.approx(bob, abs=1e-12)
    assert rows["Carol"]["peer_log"] == pytest.approx(carol, abs=1e-12)


def test_interval_and_p_value(record, ok):
    rows = {row["expert"]: row for row in board(ok)}
    alice = rows["Alice"]
    assert alice["ci_low"] <= alice["brier"] <= alice["ci_high"]
    assert alice["ci_low"] < alice["ci_high"]
    assert rows["Carol"]["ci_low"] is None and rows["Carol"]["ci_high"] is None
    differences = np.array([(p - o) ** 2 for p, o in COUNTED["Alice"]]) - 0.25
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
    assert {row["expert"] for row in board(ok, "--min-resolved", "5")} == {"Alice"}


def test_csv_has_the_json_keys_and_values(record, ok):
    rows = list(csv.DictReader(io.StringIO(ok("leaderboard", "--format", "csv"))))
    assert list(rows[0]) == ["rank", "expert", "resolved", "pending", "brier", "log_loss", "brier_skill",
                             "relative_brier", "peer_log", "ci_low", "ci_high", "p_value"]
    by_name = {row["expert"]: row for row in rows}
    assert float(by_name["Alice"]["brier"]) == pytest.approx(expected("Alice")["brier"], abs=1e-12)
    assert by_name["Carol"]["ci_low"] == ""  # one claim: no interval


def test_table_and_markdown_show_metric_directions(record, ok):
    table = ok("leaderboard")
    assert "Brier ↓" in table and "skill ↑" in table and "lower is better" in table
    assert f"{expected('Alice')['brier']:.4f}" in table
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


@pytest.mark.parametrize(
    "policy, probability",
    [("latest", 0.9), ("first", 0.2), ("time-averaged", (0.2 * 30 + 0.9 * 10) / 40)],
)
def test_policy_chooses_which_forecast_counts(ok, policy, probability):
    """Forecasts 0.2 on day -50 and 0.9 on day -20; known on day -10: 30 days at 0.2, 10 at 0.9."""
    ok("expert", "add", "Eve")
    ok("question", "add", "p", "P?", "--kind", "binary", "--deadline", days(-1))
    ok("forecast", "add", "Eve", "p", "0.2", "--made-on", days(-50))
    ok("forecast", "add", "Eve", "p", "0.9", "--made-on", days(-20))
    ok("resolve", "p", "yes", "--on", days(-10))
    (eve,) = board(ok, "--policy", policy)
    assert eve["brier"] == pytest.approx((1 - probability) ** 2, abs=1e-12)


def test_kind_since_and_until_filters(record, ok):
    choice = {row["expert"]: row for row in board(ok, "--kind", "choice")}
    assert set(choice) == {"Alice"} and choice["Alice"]["resolved"] == 2
    assert choice["Alice"]["brier"] == pytest.approx((0.4**2 + 0.3**2) / 2, abs=1e-12)
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
