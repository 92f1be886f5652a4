"""A fair leaderboard (issue 8): one question one vote, no prize for option stuffing or luck,
results independent of the order the record was entered, calibration bins exact.

Every expectation is worked out by hand or with scikit-learn, never read from the code.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import brier_score_loss, log_loss

from conftest import days, parse_table
from trackrecord.resolutions.scoring import distribution_scores

OPTIONS = ("A", "B", "C", "D")


def board(ok, *args) -> dict[str, dict]:
    return {row["expert"]: row for row in json.loads(ok("leaderboard", "--format", "json", *args))}


def sklearn_brier(outcome: str, distribution: dict[str, float]) -> float:
    labels = sorted(distribution)
    return brier_score_loss([outcome], [[distribution[label] for label in labels]], labels=labels, scale_by_half=True)


@pytest.fixture
def venue(ok):
    """A choice question with options A-D (and 'other'), resolved A on day -10."""

    def make(forecasts: dict[str, dict[str, float]], outcome: str = "A") -> dict[str, dict]:
        ok("question", "add", "venue", "Where?", "--kind", "choice", "--deadline", days(-5),
           *[arg for option in OPTIONS for arg in ("--option", option)])
        for expert, named in forecasts.items():
            ok("expert", "add", expert, "--distinct")
            for option, probability in named.items():
                ok("forecast", "add", expert, "venue", str(probability), "--option", option, "--made-on", days(-30))
        ok("resolve", "venue", outcome, "--on", days(-10))
        return board(ok, "--metric", "brier")

    return make


def test_option_stuffing_does_not_pay(venue):
    """X names A 70% and three easy 10% options; Y names only A 70%. Both count one question,
    and X does not score better: Y's unplaced 30% is spread over B, C, D and other."""
    rows = venue({"X": {"A": 0.7, "B": 0.1, "C": 0.1, "D": 0.1}, "Y": {"A": 0.7}})
    x, y = rows["X"], rows["Y"]
    assert x["resolved"] == y["resolved"] == 1
    assert x["brier"] == pytest.approx(sklearn_brier("A", {"A": 0.7, "B": 0.1, "C": 0.1, "D": 0.1, "other": 0.0}), abs=1e-12)
    assert y["brier"] == pytest.approx(sklearn_brier("A", {"A": 0.7, "B": 0.075, "C": 0.075, "D": 0.075, "other": 0.075}), abs=1e-12)
    assert x["brier"] >= y["brier"]
    # The same probability on the winner and nothing else said: the same log score.
    assert x["log_loss"] == pytest.approx(y["log_loss"], abs=1e-12)
    assert y["log_loss"] == pytest.approx(log_loss(["A"], [[0.7, 0.3]], labels=["A", "B"]), abs=1e-12)


@pytest.mark.parametrize(
    "named",
    [
        {"A": 0.7},  # room left for the unnamed options
        {"A": 0.6, "B": 0.39},  # adding 1% takes the total past 1
        {"A": 0.45, "B": 0.4, "C": 0.4},  # independent hedges already past 1
        {"A": 0.2, "B": 0.2},  # the winner named at a low probability
    ],
)
def test_adding_a_one_percent_option_never_improves_a_score_or_a_count(venue, named):
    unnamed = next(option for option in OPTIONS if option not in named)
    rows = venue({"Plain": named, "Padded": {**named, unnamed: 0.01}})
    plain, padded = rows["Plain"], rows["Padded"]
    assert padded["resolved"] == plain["resolved"] == 1
    assert padded["brier"] >= plain["brier"]
    assert padded["log_loss"] >= plain["log_loss"] - 1e-12


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5),
    st.integers(0, 4),
    st.integers(0, 3),
)
def test_a_losing_small_option_never_improves_a_question_whose_winner_was_named(probabilities, winner, spare):
    """Property of the rule itself, over random named distributions (any total). As in the
    product, at least one outcome stays unnamed ('other' cannot be forecast)."""
    winner = min(winner, len(probabilities) - 1)
    categories = len(probabilities) + 2 + spare
    outcome = [int(index == winner) for index in range(len(probabilities))]
    before = distribution_scores(probabilities, outcome, [0] * len(probabilities), [categories], 1)
    after = distribution_scores([*probabilities, 0.01], [*outcome, 0], [0] * (len(probabilities) + 1), [categories], 1)
    assert after[0][0] >= before[0][0] - 1e-15
    assert after[1][0] >= before[1][0] - 1e-12


def test_distribution_scores_match_scikit_learn_for_sub_and_over_stated_totals():
    # A .5, B .2 of four outcomes: C and D share .3 -> .15 each.
    brier, log = distribution_scores([0.5, 0.2], [0, 0], [0, 0], [4], 1)
    assert brier[0] == pytest.approx(sklearn_brier("C", {"A": 0.5, "B": 0.2, "C": 0.15, "D": 0.15}), abs=1e-15)
    assert log[0] == pytest.approx(log_loss(["C"], [[0.5, 0.2, 0.15, 0.15]], labels=["A", "B", "C", "D"]), abs=1e-12)
    # Hedges past 1 (A .6, B .6 of three): Brier scores the stated numbers, the unnamed C gets 0;
    # log takes the winner's share of the stated total, .6 / 1.2.
    brier, log = distribution_scores([0.6, 0.6], [1, 0], [0, 0], [3], 1)
    assert brier[0] == pytest.approx(((0.6 - 1) ** 2 + 0.6**2 + 0**2) / 2, abs=1e-15)
    assert log[0] == pytest.approx(-np.log(0.5), abs=1e-12)


def test_a_date_question_counts_once_however_many_windows_were_named(ok):
    """Windows are averaged within the question: (0.3^2 + 0.2^2 + 0.1^2) / 3 for three false windows."""
    ok("expert", "add", "Wanda")
    ok("question", "add", "when", "When?", "--kind", "date")
    for window, probability in (("2025-01-01..2025-01-31", "0.3"), ("2025-02-01..2025-02-28", "0.2"), ("..2025-03-31", "0.1")):
        ok("forecast", "add", "Wanda", "when", probability, "--window", window, "--made-on", "2024-12-01")
    ok("resolve", "when", "--happened-on", "2025-06-01")
    row = board(ok)["Wanda"]
    assert row["resolved"] == 1
    assert row["brier"] == pytest.approx((0.3**2 + 0.2**2 + 0.1**2) / 3, abs=1e-12)


def test_one_lucky_question_does_not_outrank_a_long_good_record(ok, tmp_path):
    """Lucky: one question at Brier 0.01. Steady: 30 questions, half at 0.04 and half at 0.16
    (mean 0.10). Adjusted Brier: (0.01 + 5 x 0.25) / 6 = 0.21 vs (3 + 1.25) / 35 = 0.1214."""
    questions = tmp_path / "questions.csv"
    forecasts = tmp_path / "forecasts.csv"
    lines = ["question,title,kind,deadline,options,tags,criteria,outcome,resolved_on"]
    rows = ["question,expert,probability,made_on,option,window,quote,source"]
    for index in range(31):
        lines.append(f"q{index},Question {index}?,binary,{days(-5)},,,,yes,{days(-10)}")
    rows.append(f"q30,Lucky,0.9,{days(-30)},,,,")
    for index in range(30):
        rows.append(f"q{index},Steady,{0.8 if index % 2 else 0.6},{days(-30)},,,,")
    questions.write_text("\n".join(lines) + "\n", encoding="utf-8")
    forecasts.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ok("import", str(questions))
    ok("import", str(forecasts), "--add-experts")

    ranked = json.loads(ok("leaderboard", "--format", "json"))
    assert [row["expert"] for row in ranked] == ["Steady", "Lucky"]
    lucky, steady = ranked[1], ranked[0]
    assert (lucky["resolved"], steady["resolved"]) == (1, 30)
    assert lucky["brier"] == pytest.approx(0.01, abs=1e-12) and steady["brier"] == pytest.approx(0.10, abs=1e-12)
    assert lucky["adjusted_brier"] == pytest.approx((0.01 + 5 * 0.25) / 6, abs=1e-12)
    assert steady["adjusted_brier"] == pytest.approx((30 * 0.10 + 5 * 0.25) / 35, abs=1e-12)
    # The raw ranking is still there for whoever asks for it.
    assert [row["expert"] for row in json.loads(ok("leaderboard", "--format", "json", "--metric", "brier"))] == ["Lucky", "Steady"]
    table = parse_table(ok("leaderboard"))
    assert [(row["expert"], row["95% CI"]) for row in table][1] == ("Lucky", "too few")


def _shuffled(document: dict, seed: int) -> dict:
    """The same record with every list in another order (a question's resolutions keep theirs)."""
    rng = random.Random(seed)
    shuffled = {key: (rng.sample(value, len(value)) if isinstance(value, list) else value) for key, value in document.items() if key != "chain"}
    history: dict[str, list] = {}
    for resolution in document["resolutions"]:
        history.setdefault(resolution["question"], []).append(resolution)
    questions = rng.sample(sorted(history), len(history))
    shuffled["resolutions"] = [resolution for question in questions for resolution in history[question]]
    return shuffled


def test_the_same_record_entered_in_another_order_gives_the_same_leaderboard(ok, run, tmp_path):
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    ok("demo", "--save", str(tmp_path / "demo.db"))
    runner = CliRunner()
    exported = runner.invoke(app, ["--db", str(tmp_path / "demo.db"), "export", "--format", "json"])
    assert exported.exit_code == 0
    document = json.loads(exported.stdout)

    def leaderboards(db) -> list[str]:
        outputs = []
        for policy in ("latest", "first", "time-averaged"):
            for metric in ("adjusted", "peer"):
                result = runner.invoke(app, ["--db", str(db), "leaderboard", "--format", "json", "--policy", policy, "--metric", metric])
                assert result.exit_code == 0, result.output
                outputs.append(result.stdout)
        return outputs

    reference = leaderboards(tmp_path / "demo.db")
    for seed in (1, 2):
        source = tmp_path / f"shuffled-{seed}.json"
        source.write_text(json.dumps(_shuffled(document, seed)), encoding="utf-8")
        target = tmp_path / f"shuffled-{seed}.db"
        imported = runner.invoke(app, ["--db", str(target), "import", str(source)])
        assert imported.exit_code == 0, imported.output
        assert leaderboards(target) == reference  # identical to the last digit


def test_calibration_bins_typed_decimals_exactly(ok):
    ok("expert", "add", "Cal")
    for index, probability in enumerate(("0.29", "0.57", "0.58", "0.7")):
        ok("question", "add", f"c{index}", "C?", "--kind", "binary", "--deadline", days(-5))
        ok("forecast", "add", "Cal", f"c{index}", probability, "--made-on", days(-30))
        ok("resolve", f"c{index}", "yes", "--on", days(-10))
    for bins, expected in (
        ("100", {"0.29-0.30", "0.57-0.58", "0.58-0.59", "0.70-0.71"}),
        ("50", {"0.28-0.30", "0.56-0.58", "0.58-0.60", "0.70-0.72"}),
        ("90", {"0.29-0.30", "0.57-0.58", "0.58-0.59", "0.70-0.71"}),
    ):
        rows = parse_table(ok("calibration", "Cal", "--bins", bins))
        assert {row["bin"] for row in rows} == expected, bins


def test_time_averaged_probabilities_that_are_exactly_a_typed_value_bin_as_that_value(ok):
    """An unrevised 0.1 held for 7 days averages to 0.1, not 0.09999999999999999."""
    ok("expert", "add", "Tim")
    for index in range(3):
        ok("question", "add", f"t{index}", "T?", "--kind", "binary", "--deadline", days(-1))
        ok("forecast", "add", "Tim", f"t{index}", "0.1", "--made-on", days(-17 - index))
        ok("forecast", "add", "Tim", f"t{index}", "0.1", "--made-on", days(-12 - index), "--quote", "again")
        ok("resolve", f"t{index}", "no", "--on", days(-10))
    rows = parse_table(ok("calibration", "Tim", "--policy", "time-averaged", "--bins", "distinct"))
    assert [(row["bin"], row["count"]) for row in rows] == [("0.10", "3")]
    rows = parse_table(ok("calibration", "Tim", "--policy", "time-averaged", "--bins", "10"))
    assert [row["bin"] for row in rows] == ["0.10-0.20"]


def test_forecast_ids_fetched_unpacked_give_the_same_leaderboard(ok, monkeypatch, tmp_path):
    """Ids too large to travel packed in one number take the plain path, with the same result."""
    import trackrecord.resolutions.record

    ok("demo", "--save", str(tmp_path / "demo.db"))
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    def leaderboard() -> str:
        result = CliRunner().invoke(app, ["--db", str(tmp_path / "demo.db"), "leaderboard", "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.stdout

    packed = leaderboard()
    monkeypatch.setattr(trackrecord.resolutions.record, "CLAIM_BITS", 2)  # every claim id here is larger than 3
    assert leaderboard() == packed
