"""``trackrecord calibration`` and the expert profile of ``expert show``, through the CLI."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import assert_error, days

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
    score_row = next(line for line in lines if line.startswith("1 ") and "Zoe Forecaster" in line).split()
    briers = [(p - o) ** 2 for p, o in ZOE]  # eight binary questions, one vote each
    adjusted = (sum(briers) + 5 * 0.25) / (len(briers) + 5)
    assert score_row[2:7] == ["Forecaster", "8", "1", f"{adjusted:.4f}", f"{np.mean(briers):.4f}"]
    assert "–" in score_row[7]  # the interval column
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
