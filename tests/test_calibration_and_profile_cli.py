"""``trackrecord calibration`` and the expert profile of ``expert show``, through the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app
from trackrecord.cli.render import json_text, plain
from trackrecord.forecasts.db import open_database, session_scope
from trackrecord.forecasts.experts import find_expert
from trackrecord.resolutions.profile import calibration_report
from trackrecord.resolutions.question_scores import counting_claims
from trackrecord.resolutions.record import record_columns

from conftest import assert_error, days, url_of

# Zoe's forecasts (probability, outcome) on eight binary questions q0..q7.
ZOE = [(0.2, 0), (0.2, 1), (0.7, 1), (0.7, 1), (0.7, 0), (0.9, 1), (0.9, 1), (0.5, 0)]


@pytest.fixture
def zoe(ok):
    ok("expert", "add", "Zoe Forecaster", "--alias", "Zoe")
    ok("expert", "add", "Quiet Person")
    for index, (probability, outcome) in enumerate(ZOE):
        ok("question", "add", f"q{index}", f"Q{index}?", "--kind", "binary", "--deadline", days(-2))
        ok("forecast", "add", "Zoe", f"q{index}", str(probability), "--made-on", days(-30), "--quote", f"said {index}")
        ok("resolve", f"q{index}", "yes" if outcome else "no", "--on", days(-5))
    ok("question", "add", "later", "Later?", "--kind", "binary", "--deadline", days(60))
    ok("forecast", "add", "Zoe", "later", "0.6", "--made-on", days(-1))


def murphy_by_hand(pairs):
    """Reliability, resolution, uncertainty with one bin per distinct forecast value."""
    p = np.array([pp for pp, _ in pairs])
    o = np.array([oo for _, oo in pairs])
    base = o.mean()
    reliability = resolution = 0.0
    for value in np.unique(p):
        in_bin = p == value
        reliability += in_bin.sum() * (value - o[in_bin].mean()) ** 2
        resolution += in_bin.sum() * (o[in_bin].mean() - base) ** 2
    return reliability / p.size, resolution / p.size, base * (1 - base)


def test_calibration_with_distinct_bins_prints_exact_murphy_terms(zoe, ok):
    out = ok("calibration", "Zoe", "--bins", "distinct")
    reliability, resolution, uncertainty = murphy_by_hand(ZOE)
    brier = np.mean([(p - o) ** 2 for p, o in ZOE])
    assert f"reliability {reliability:.4f}" in out
    assert f"resolution {resolution:.4f}" in out
    assert f"uncertainty {uncertainty:.4f}" in out
    assert f"= {brier:.4f}; mean Brier = {brier:.4f}" in out
    assert "differ" not in out
    # bin rows: value, count, mean forecast, observed frequency
    (row,) = [line.split() for line in out.splitlines() if line.startswith("0.70 ")]
    assert row[:4] == ["0.70", "3", "0.700", "0.667"]
    low, high = map(float, row[4].split("–"))  # 95% Jeffreys interval of 2 of 3: wide
    assert low < 0.667 < high and high - low > 0.5
    assert "reliability diagram" in out and "n=3" in out


def test_calibration_with_ten_bins_and_everyone(zoe, ok):
    out = ok("calibration", "--bins", "10")
    assert [line.split() for line in out.splitlines() if line.startswith("0.90-1.00")][0][:4] == ["0.90-1.00", "2", "0.900", "1.000"]
    assert "over 8 scored claims" in out


def test_calibration_errors_and_empty(zoe, run):
    assert_error(run("calibration", "Zoe", "--bins", "0"), "'0'", "distinct")
    assert_error(run("calibration", "Zoe", "--bins", "many"), "'many'")
    assert_error(run("calibration", "Nobody"), "Nobody", exit_code=1)
    quiet = run("calibration", "Quiet Person")
    assert quiet.exit_code == 0 and quiet.stdout == ""
    assert "No resolved forecast to calibrate for Quiet Person" in quiet.stderr


def test_expert_show_gives_scores_calibration_and_every_forecast(zoe, ok):
    out = ok("expert", "show", "zoe")
    lines = out.splitlines()
    assert lines[0] == "Zoe Forecaster  (slug zoe-forecaster)"
    assert "aliases: Zoe" in out
    score_row = next(line for line in lines[1:] if line.startswith("Zoe Forecaster ")).split()  # no rank: it is the leaderboard's
    briers = [(p - o) ** 2 for p, o in ZOE]  # eight binary questions, one vote each
    adjusted = (sum(briers) + 5 * 0.25) / (len(briers) + 5)
    assert score_row[1:6] == ["Forecaster", "8", "1", f"{adjusted:.4f}", f"{np.mean(briers):.4f}"]
    assert "–" in score_row[6]  # the interval column
    assert "Murphy decomposition over 8 scored claims" in out
    forecast_rows = [line for line in lines if "said " in line]
    assert len(forecast_rows) == 8
    q1 = next(line for line in forecast_rows if "said 1" in line).split()
    assert q1[0].isdigit() and q1[2:8] == ["q1", "yes", "20%", "true", "0.6400", "*"]  # id, made on, …
    assert "pending" in next(line for line in lines if "later" in line)


def test_expert_show_without_resolved_forecasts(ok):
    ok("expert", "add", "Newcomer")
    out = ok("expert", "show", "Newcomer")
    assert "scores: none yet (no resolved forecast)" in out
    assert "forecasts: 0" in out



def test_expert_show_and_calibration_of_one_expert_equal_the_whole_record_computation(ok, db_path, tmp_path):
    """``expert show`` and ``calibration EXPERT`` compute over the expert's questions only
    (issue 12); every number must equal the leaderboard's and the all-experts computation,
    to the last digit, on the bundled example (shared questions, choice and date questions)."""
    ok("demo", "--save", str(tmp_path / "demo.db"))
    exported = CliRunner().invoke(app, ["--db", str(tmp_path / "demo.db"), "export", "--output", str(tmp_path / "demo.json")])
    assert exported.exit_code == 0, exported.output
    ok("import", str(tmp_path / "demo.json"))  # into this test's record (SQLite or PostgreSQL)
    board = {row.pop("expert"): row for row in json.loads(ok("leaderboard", "--format", "json"))}
    assert len(board) >= 5
    engine = open_database(url_of(db_path))
    for name, row in board.items():
        profile = json.loads(ok("expert", "show", name, "--format", "json"))
        standing = profile["standing"]
        assert standing.pop("expert") == name and standing.pop("rank") is None
        row.pop("rank")
        assert standing == row  # equal floats, not approximately
        for bins in (10, 4):
            focused = json.loads(ok("calibration", name, "--format", "json", "--bins", str(bins)))
            with session_scope(engine) as session:  # the same expert picked out of every expert's claims
                columns = record_columns(session=session)
                number = columns.number_of(find_expert(session=session, name=name).id)
                whole = calibration_report(session=session, expert=name, bins=bins, scored=(counting_claims(columns), number))
            expected = json.loads(json_text(plain(whole)))
            focused["murphy"] = {key: focused["murphy"][key] for key in expected["murphy"]}  # the CLI adds their sum
            assert {key: focused[key] for key in expected} == expected
    engine.dispose()
