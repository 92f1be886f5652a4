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

Each question counts once per expert (DESIGN.md, weighting): a binary question scores
(p - o)^2 (scikit-learn); a date question the mean of the expert's windows; the venue
question the expert's named options as one distribution over Baku, Istanbul, UAE, Saudi
Arabia and ``other`` (the outcome, Anchorage), the unplaced probability spread evenly over
the unnamed outcomes, scored as half the summed squared errors (scikit-learn's multi-class
Brier with ``scale_by_half``) and the log of the outcome's probability. Markov's venue
options (.45 + .40 + .40) sum past 1: independent hedges, nothing left for the others, so
his Brier is half of .45^2 + .40^2 + .40^2 + 0^2 + 1^2 and his log score takes the outcome's
share of the stated total, 0 (clipped to 0.001). Computed below by plain loops,
independently of the project's own scoring code, and compared with
``trackrecord leaderboard --format json``.
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

from trackrecord.cli.app import app

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


VENUE_OUTCOMES = ["Baku", "Istanbul", "UAE", "Saudi Arabia", "other"]
DATE_QUESTIONS = {"putin-trump-meeting", "peace-agreement"}


def question_scores() -> dict[str, dict[str, tuple[float, float]]]:
    """expert -> question -> (Brier, log loss), one vote per question, by hand (see the module doc)."""
    named: dict[tuple[str, str], list[tuple[float, int, str]]] = defaultdict(list)
    for expert, question, _, probability, outcome, claim in FORECASTS:
        named[expert, question].append((probability, outcome, claim))
    scores: dict[str, dict[str, tuple[float, float]]] = defaultdict(dict)
    for (expert, question), rows in named.items():
        if question == "putin-trump-venue":
            stated = {claim: p for p, _, claim in rows}
            left = max(0.0, 1 - sum(stated.values()))
            unnamed = [o for o in VENUE_OUTCOMES if o not in stated]
            q = {o: stated.get(o, left / len(unnamed)) for o in VENUE_OUTCOMES}
            if sum(stated.values()) <= 1:
                labels = sorted(VENUE_OUTCOMES)
                brier = brier_score_loss(["other"], [[q[o] for o in labels]], labels=labels, scale_by_half=True)
            else:
                brier = sum((q[o] - (o == "other")) ** 2 for o in VENUE_OUTCOMES) / 2
            share = q["other"] / max(1.0, sum(stated.values()))
            scores[expert][question] = (brier, -math.log(min(max(share, 0.001), 0.999)))
        else:  # binary, or the mean over a date question's windows
            briers = [brier_score_loss([o], [p], pos_label=1, labels=[0, 1]) for p, o, _ in rows]
            logs = [log_loss([o], [p], labels=[0, 1]) for p, o, _ in rows]
            assert len(rows) == 1 or question in DATE_QUESTIONS
            scores[expert][question] = (statistics.fmean(briers), statistics.fmean(logs))
    return scores


def expected_scores() -> dict[str, dict[str, float]]:
    """Per expert: questions scored, mean Brier and log loss, Brier skill."""
    result = {}
    for expert, questions in question_scores().items():
        brier = statistics.fmean(b for b, _ in questions.values())
        result[expert] = {
            "resolved": len(questions),
            "brier": brier,
            "log_loss": statistics.fmean(l for _, l in questions.values()),
            "brier_skill": 1 - brier / 0.25,
            "adjusted_brier": (sum(b for b, _ in questions.values()) + 5 * 0.25) / (len(questions) + 5),
            "briers": [b for b, _ in questions.values()],
        }
    return result


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
        for key in ("brier", "brier_skill", "log_loss", "adjusted_brier"):
            assert row[key] == pytest.approx(want[key], abs=1e-12), (expert, key)

    ranked = sorted((row for row in rows if row["expert"] in expected), key=lambda row: row["rank"])
    assert [row["expert"] for row in ranked] == sorted(expected, key=lambda e: expected[e]["adjusted_brier"])
    # Markov counts six questions (three venue options are one), the Moscow Times' two
    # windows on one question count once.
    assert by_expert["Sergey Markov"]["resolved"] == 6
    assert by_expert["The Moscow Times' Kremlin sources"]["resolved"] == 1
    # Slutsky (Saudi Arabia .45) and Putin (UAE .45) gave the winner, 'other', the same share
    # and said nothing else: the same venue score.
    scores = question_scores()
    assert scores["Leonid Slutsky"]["putin-trump-venue"] == pytest.approx(scores["Vladimir Putin"]["putin-trump-venue"])


def peers_by_hand() -> dict[str, dict[str, float]]:
    """Relative Brier and peer log score per expert, by plain loops over the question scores.

    Shared questions in the example: putin-trump-meeting (seven experts, on different
    windows), putin-trump-venue (Markov, Slutsky, Putin) and trilateral-meeting-2025 (NYT,
    Stanovaya, Trump). Other questions have a single expert.
    """
    scores = question_scores()
    relative, peer = defaultdict(list), defaultdict(list)
    for expert, questions in scores.items():
        for question, (brier, log) in questions.items():
            others = [scores[other][question] for other in scores if other != expert and question in scores[other]]
            if not others:
                continue
            relative[expert].append(brier - statistics.median(b for b, _ in others))
            peer[expert].append(-log + statistics.fmean(l for _, l in others))
    return {
        e: {"relative_brier": statistics.fmean(relative[e]), "peer_log": statistics.fmean(peer[e]), "peer_total": math.fsum(peer[e])}
        for e in relative
    }


def test_example_leaderboard_shows_every_metric(tmp_path):
    db = tmp_path / "example.db"
    runner = CliRunner()
    assert runner.invoke(app, ["demo", "--save", str(db)]).exit_code == 0
    rows = {row["expert"]: row for row in json.loads(runner.invoke(app, ["--db", str(db), "leaderboard", "--format", "json"]).stdout)}
    peers = peers_by_hand()
    expected = expected_scores()
    assert set(peers) == {
        "The New York Times", "Tatiana Stanovaya", "Donald Trump", "Sergey Markov", "Vladimir Putin", "Toutiao",
        "Leonid Slutsky", "The Moscow Times' Kremlin sources", "Yuri Ushakov",
    }
    for expert, row in rows.items():
        if expert in peers:
            for key in ("relative_brier", "peer_log", "peer_total"):
                assert row[key] == pytest.approx(peers[expert][key], abs=1e-12), (expert, key)
        else:
            assert row["relative_brier"] is None and row["peer_log"] is None and row["peer_total"] is None, expert
        if expert not in expected:
            continue
        scores = expected[expert]["briers"]
        if len(scores) == 1:
            assert row["ci_low"] is None and row["ci_high"] is None, expert
        else:
            assert row["ci_low"] <= row["brier"] <= row["ci_high"], expert
        differences = np.array(scores) - 0.25
        if len(scores) == 1:
            assert row["p_value"] == (0.5 if differences[0] < 0 else 1.0), expert
        else:
            reference = permutation_test((differences,), np.mean, permutation_type="samples", alternative="less")
            assert row["p_value"] == pytest.approx(reference.pvalue, abs=1e-12), expert
    # Six questions are not enough for Markov's record to be evidence of skill any more.
    assert all(row["p_value"] >= 0.25 for row in rows.values())
