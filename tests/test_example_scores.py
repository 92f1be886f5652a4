"""The bundled example's leaderboard, checked against numbers worked out by hand.

The table below was written by reading the five seed articles (``shared/seeds/``) and
``shared/seed-facts.md``, not by running any trackrecord code: one row per forecast in
``resolutions/example/seed.json``, giving who made it, the probability of its hedge phrase
(the number of the default verbal scale, ``forecasts/data/verbal_scale.csv``, typed in here) and what actually happened to the
claim (1 = true, 0 = false):

- date windows on ``putin-trump-meeting`` are true iff 2025-08-15 (Anchorage) lies inside;
- Markov's fall-2025 window on ``peace-agreement`` is false (no agreement by 2025-12-29);
- venue options are all false (the meeting was in Alaska, resolved as ``other``);
- binary claims: energy strikes halt agreed (yes, 2025-03-18), war continues (yes); no summit
  ceasefire, no general ceasefire in 2025, no trilateral meeting, no Ukraine in NATO.

Each expert's mean Brier score is then computed with scikit-learn, independently of the
project's own scoring code, and compared with ``trackrecord leaderboard --format json``.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import permutation_test
from sklearn.metrics import brier_score_loss, log_loss
from typer.testing import CliRunner

from cli.app import app

SEED = Path(__file__).resolve().parents[1] / "resolutions" / "example" / "seed.json"

# (expert, question, phrase, probability, outcome, claim) -- one row per forecast in seed.json;
# the claim names the window or option, so forecasts on the same claim can be compared.
FORECASTS = [
    # Sergey Markov, ~2024-11-15 (seed 000)
    ("Sergey Markov", "putin-trump-meeting", "may", 0.50, 0, "spring"),  # spring 2025: Mar 1 - May 31
    ("Sergey Markov", "putin-trump-venue", "could", 0.45, 0, "Baku"),  # Baku
    ("Sergey Markov", "putin-trump-venue", "possible", 0.40, 0, "Istanbul"),  # Istanbul
    ("Sergey Markov", "putin-trump-venue", "possible", 0.40, 0, "UAE"),  # UAE (he said Dubai)
    ("Sergey Markov", "summit-ceasefire", "unlikely", 0.20, 0, "yes"),
    ("Sergey Markov", "ukraine-ceasefire-2025", "improbable", 0.15, 0, "yes"),
    ("Sergey Markov", "energy-strikes-halt", "might", 0.40, 1, "yes"),  # agreed 2025-03-18
    ("Sergey Markov", "peace-agreement", "might", 0.40, 0, "fall"),  # fall 2025: Sep 1 - Nov 30
    # Leonid Slutsky, 2025-02-13 (seed 003)
    ("Leonid Slutsky", "putin-trump-meeting", "could", 0.45, 0, "feb-mar"),  # Feb 1 - Mar 31 2025
    ("Leonid Slutsky", "putin-trump-venue", "could", 0.45, 0, "Saudi Arabia"),  # Saudi Arabia
    # The Moscow Times' Kremlin sources, ~2025-03-20 (seed 004)
    ("The Moscow Times' Kremlin sources", "putin-trump-meeting", "plans", 0.70, 0, "apr-may"),  # April or May
    ("The Moscow Times' Kremlin sources", "putin-trump-meeting", "plans", 0.70, 0, "by-june"),  # by 2025-06-30
    # Yuri Ushakov, ~2025-08-07 (seed 002)
    ("Yuri Ushakov", "putin-trump-meeting", "will", 0.95, 1, "coming-days"),  # coming days: Aug 8 - Aug 21
    # The New York Times, ~2025-08-07 (seed 002)
    ("The New York Times", "putin-trump-meeting", "plans", 0.70, 1, "next-week"),  # next week: Aug 11 - Aug 17
    ("The New York Times", "trilateral-meeting-2025", "possible", 0.40, 0, "yes"),
    # Tatiana Stanovaya, ~2025-08-07 (seed 002)
    ("Tatiana Stanovaya", "war-continues-2025", "likely", 0.70, 1, "yes"),
    ("Tatiana Stanovaya", "trilateral-meeting-2025", "difficult to imagine", 0.15, 0, "yes"),
    # Toutiao (the article's author), ~2025-08-08 (seed 001)
    ("Toutiao", "putin-trump-meeting", "could", 0.45, 1, "next-week"),  # next week: Aug 11 - Aug 17
    # Vladimir Putin, ~2025-08-08 (seed 001)
    ("Vladimir Putin", "putin-trump-venue", "could", 0.45, 0, "UAE"),  # UAE
    # Donald Trump, ~2025-08-08 (seed 001)
    ("Donald Trump", "putin-trump-meeting", "very likely", 0.90, 1, "by-end-2025"),  # by 2025-12-31
    ("Donald Trump", "trilateral-meeting-2025", "did not rule out", 0.35, 0, "yes"),
    # US administration ("the US"), 2025-02-13 (seed 003)
    ("US administration", "ukraine-nato-2025", "unlikely", 0.20, 0, "yes"),
]


def expected_scores() -> dict[str, dict[str, float]]:
    """Per expert: number of claims, mean Brier (scikit-learn) and Brier skill."""
    outcomes: dict[str, list[int]] = defaultdict(list)
    probabilities: dict[str, list[float]] = defaultdict(list)
    for expert, _question, _phrase, probability, outcome, _claim in FORECASTS:
        outcomes[expert].append(outcome)
        probabilities[expert].append(probability)
    scores = {}
    for expert in outcomes:
        brier = brier_score_loss(outcomes[expert], probabilities[expert], pos_label=1)
        scores[expert] = {
            "resolved": len(outcomes[expert]),
            "brier": brier,
            "brier_skill": 1 - brier / 0.25,
        }
    return scores


def test_table_covers_every_forecast_in_the_example():
    """The hand-made table and seed.json list the same forecasts (expert, question, phrase)."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    in_seed = Counter((f["expert"], f["question"], f["phrase"]) for f in seed["forecasts"])
    in_table = Counter((expert, question, phrase) for expert, question, phrase, _, _, _ in FORECASTS)
    assert in_seed == in_table


def test_example_leaderboard_matches_hand_computed_brier(tmp_path):
    db = tmp_path / "example.db"
    runner = CliRunner()

    loaded = runner.invoke(app, ["demo", "--save", str(db)])
    assert loaded.exit_code == 0, loaded.output

    board = runner.invoke(app, ["--db", str(db), "leaderboard", "--format", "json"])
    assert board.exit_code == 0, board.output
    rows = json.loads(board.stdout)

    expected = expected_scores()
    by_expert = {row["expert"]: row for row in rows}
    assert len(by_expert) == len(rows), "an expert appears twice on the leaderboard"

    # Exactly the experts with forecasts are scored; anyone else listed (Steve Witkoff,
    # who made no forecast) must have nothing scored and nothing pending.
    scored = {name for name, row in by_expert.items() if row["resolved"] or row["pending"]}
    assert scored == set(expected)
    assert set(expected) == {
        "Sergey Markov",
        "Leonid Slutsky",
        "The Moscow Times' Kremlin sources",
        "Yuri Ushakov",
        "The New York Times",
        "Tatiana Stanovaya",
        "Toutiao",
        "Vladimir Putin",
        "Donald Trump",
        "US administration",
    }

    for expert, want in expected.items():
        row = by_expert[expert]
        assert row["resolved"] == want["resolved"], expert
        assert row["pending"] == 0, expert
        assert row["brier"] == pytest.approx(want["brier"], abs=1e-12), expert
        assert row["brier_skill"] == pytest.approx(want["brier_skill"], abs=1e-12), expert

    ranked = sorted((row for row in rows if row["expert"] in expected), key=lambda row: row["rank"])
    for better, worse in zip(ranked, ranked[1:]):
        # Ties (Slutsky and Putin both score 0.2025) may differ in the last bit of a float.
        assert better["brier"] <= worse["brier"] + 1e-12, "ranks must follow ascending mean Brier"
    # Equal scores share a rank: Slutsky and Putin both scored 0.2025.
    assert by_expert["Leonid Slutsky"]["rank"] == by_expert["Vladimir Putin"]["rank"] == 7
    assert by_expert["Toutiao"]["rank"] == 9


def peers_by_hand() -> dict[str, dict[str, float]]:
    """Relative Brier and peer log score per expert, by plain loops over the table.

    Shared claims in the example: trilateral-meeting-2025 (NYT .40, Stanovaya .15,
    Trump .35), the UAE venue (Markov .40, Putin .45) and the "next week" window
    2025-08-11..17 (NYT .70, Toutiao .45). Other claims have a single expert.
    """
    relative, peer = defaultdict(list), defaultdict(list)
    for expert, question, _, p, o, claim in FORECASTS:
        others = [(pp, oo) for e, q, _, pp, oo, c in FORECASTS if (q, c) == (question, claim) and e != expert]
        if not others:
            continue
        relative[expert].append((p - o) ** 2 - statistics.median((pp - oo) ** 2 for pp, oo in others))
        own = math.log(p if o else 1 - p)
        peer[expert].append(own - statistics.mean(math.log(pp if oo else 1 - pp) for pp, oo in others))
    return {e: {"relative_brier": statistics.mean(relative[e]), "peer_log": statistics.mean(peer[e])} for e in relative}


def test_example_leaderboard_shows_every_metric(tmp_path):
    db = tmp_path / "example.db"
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--save", str(db)]).exit_code == 0
    rows = {row["expert"]: row for row in json.loads(runner.invoke(app, ["--db", str(db), "leaderboard", "--format", "json"]).stdout)}
    peers = peers_by_hand()
    assert set(peers) == {"The New York Times", "Tatiana Stanovaya", "Donald Trump", "Sergey Markov", "Vladimir Putin", "Toutiao"}
    for expert, row in rows.items():
        if expert in peers:
            assert row["relative_brier"] == pytest.approx(peers[expert]["relative_brier"], abs=1e-12), expert
            assert row["peer_log"] == pytest.approx(peers[expert]["peer_log"], abs=1e-12), expert
        else:
            assert row["relative_brier"] is None and row["peer_log"] is None, expert
        scores = [(p - o) ** 2 for e, _, _, p, o, _ in FORECASTS if e == expert]
        probabilities = [p for e, _, _, p, _, _ in FORECASTS if e == expert]
        outcomes = [o for e, _, _, _, o, _ in FORECASTS if e == expert]
        assert row["log_loss"] == pytest.approx(log_loss(outcomes, probabilities, labels=[0, 1]), abs=1e-12), expert
        if len(scores) == 1:
            assert row["ci_low"] is None and row["ci_high"] is None, expert
        else:
            assert row["ci_low"] <= row["brier"] <= row["ci_high"], expert
            assert min(scores) <= row["ci_low"] and row["ci_high"] <= max(scores), expert
        differences = np.array(scores) - 0.25
        if len(scores) == 1:
            assert row["p_value"] == (0.5 if differences[0] < 0 else 1.0), expert
        else:
            reference = permutation_test((differences,), np.mean, permutation_type="samples", alternative="less")
            assert row["p_value"] == pytest.approx(reference.pvalue, abs=1e-12), expert
    # Markov, the only expert with 8 claims, is the only one whose record is evidence of skill.
    assert rows["Sergey Markov"]["p_value"] < 0.05
    assert all(row["p_value"] >= 0.25 for expert, row in rows.items() if expert != "Sergey Markov")
