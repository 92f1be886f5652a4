"""Relative/peer scores, forecast policies, daily-score segments and calibration,
each against an independent computation or a property."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trackrecord.resolutions import calibration, scoring
from trackrecord.resolutions.policy import counting_forecasts


def test_relative_brier_by_hand():
    # claim 1 has four experts; each is compared with the median of the other three
    brier = [0.04, 0.36, 0.16, 0.09, 0.25]
    claim = [1, 1, 1, 1, 2]
    expected = [
        0.04 - 0.16,  # others .36 .16 .09 -> median .16
        0.36 - 0.09,  # others .04 .16 .09 -> median .09
        0.16 - 0.09,  # others .04 .36 .09 -> median .09
        0.09 - 0.16,  # others .04 .36 .16 -> median .16
        np.nan,
    ]
    np.testing.assert_allclose(scoring.relative_brier(brier, claim), expected, atol=1e-15)


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 1), st.integers(0, 4)), min_size=1, max_size=40))
def test_relative_brier_agrees_with_a_plain_loop(rows):
    p, o, claim = map(np.array, zip(*rows))
    brier = scoring.brier(p, o)
    got = scoring.relative_brier(brier, claim)
    for index in range(len(rows)):
        others = [brier[j] for j in range(len(rows)) if j != index and claim[j] == claim[index]]
        if others:
            assert got[index] == pytest.approx(brier[index] - np.median(others), abs=1e-12)
        else:
            assert np.isnan(got[index])


def test_peer_log_by_hand_and_sums_to_zero():
    ln = np.log
    log_score = ln(np.array([0.9, 0.5, 0.2, 0.3]))
    question = np.array([3, 3, 3, 8])
    got = scoring.peer_log(log_score, question)
    assert got[0] == pytest.approx(ln(0.9) - (ln(0.5) + ln(0.2)) / 2)
    assert got[2] == pytest.approx(ln(0.2) - (ln(0.9) + ln(0.5)) / 2)
    assert got[:3].sum() == pytest.approx(0, abs=1e-12)
    assert np.isnan(got[3])


@given(st.lists(st.floats(-7, 0), min_size=2, max_size=30))
def test_peer_scores_on_one_question_sum_to_zero(log_scores):
    got = scoring.peer_log(log_scores, np.zeros(len(log_scores)))
    assert got.sum() == pytest.approx(0, abs=1e-9)


def test_murphy_terms_add_up_with_distinct_value_bins():
    rng = np.random.default_rng(5)
    p = rng.choice([0.1, 0.25, 0.5, 0.7, 0.95], size=300)
    o = (rng.random(300) < p).astype(int)
    terms = calibration.murphy_decomposition(p, o, bins=None)
    assert terms.reliability - terms.resolution + terms.uncertainty == pytest.approx(np.mean((p - o) ** 2), abs=1e-12)
    assert terms.uncertainty == pytest.approx(o.mean() * (1 - o.mean()))


def test_calibration_table_by_hand():
    table = calibration.calibration_table([0.05, 0.15, 0.12, 0.95, 1.0], [0, 1, 0, 1, 1], bins=10)
    assert table.count.tolist() == [1, 2, 0, 0, 0, 0, 0, 0, 0, 2]
    assert table.mean_forecast[1] == pytest.approx(0.135)
    assert table.observed[1] == pytest.approx(0.5)
    assert table.observed[9] == 1.0
    assert np.isnan(table.observed[2])


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from([0.0, 0.2, 0.5, 0.8, 1.0]), st.integers(0, 1)), min_size=1, max_size=60))
def test_murphy_identity_holds_for_any_sample(pairs):
    p, o = map(np.array, zip(*pairs))
    terms = calibration.murphy_decomposition(p, o, bins=None)
    assert terms.brier == pytest.approx(np.mean((p - o) ** 2), abs=1e-12)
    assert 0 <= terms.reliability and 0 <= terms.resolution <= terms.uncertainty + 1e-12


def test_reliability_diagram_marks_forecast_and_observed():
    table = calibration.calibration_table([0.15, 0.15, 0.85], [0, 0, 1], bins=10)
    lines = calibration.reliability_diagram(table, width=20)
    assert lines[1].strip().startswith("0.10-0.20") and "o" in lines[1] and "|" in lines[1] and "n=2" in lines[1]
    assert "@" not in lines[1]


def test_time_averaged_policy_counts_days_from_first_forecast_to_known_day():
    scored = counting_forecasts(
        forecast_id=[1, 2, 3, 4],
        expert_id=[1, 1, 1, 2],
        claim_id=[5, 5, 5, 5],
        probability=[0.2, 0.8, 0.9, 0.5],
        made_day=[0, 30, 30, 10],  # 0.8 and 0.9 on the same day: 0.9 (recorded later) stands
        known_day=[40, 40, 40, 40],
        outcome=[1, 1, 1, 1],
        policy="time-averaged",
    )
    assert scored.probability.tolist() == pytest.approx([(0.2 * 30 + 0.9 * 10) / 40, 0.5])


def test_unknown_policy_is_refused():
    with pytest.raises(ValueError):
        counting_forecasts(forecast_id=[], expert_id=[], claim_id=[], probability=[], made_day=[], known_day=[], outcome=[], policy="best")


@given(st.lists(st.tuples(*[st.integers(0, 2**20)] * 3, st.integers(0, 50)), max_size=60))
def test_lexicographic_order_agrees_with_numpy_lexsort(rows):
    from trackrecord.resolutions.policy import lexicographic_order

    keys = [np.array(column, dtype=np.int64) for column in zip(*rows)] if rows else [np.zeros(0, np.int64)] * 4
    assert lexicographic_order(*keys).tolist() == np.lexsort(tuple(reversed(keys))).tolist()


@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(-2, 1), st.integers(0, 4)), max_size=80))
def test_lexicographic_order_agrees_with_numpy_lexsort_when_rows_tie(rows):
    from trackrecord.resolutions.policy import lexicographic_order

    keys = [np.array(column, dtype=np.int64) for column in zip(*rows)] if rows else [np.zeros(0, np.int64)] * 4
    assert lexicographic_order(*keys).tolist() == np.lexsort(tuple(reversed(keys))).tolist()


def test_lexicographic_order_falls_back_when_keys_are_too_wide():
    from trackrecord.resolutions.policy import lexicographic_order

    big = np.array([2**40, 0, 2**40, 5], dtype=np.int64)
    keys = [big, big[::-1].copy(), np.array([3, 2, 1, 0])]
    assert lexicographic_order(*keys).tolist() == np.lexsort(tuple(reversed(keys))).tolist()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 29), st.sampled_from([0.1, 0.25, 0.4, 0.7])), min_size=1, max_size=8),
    st.integers(0, 3),
)
def test_time_averaged_segments_give_the_mean_of_the_daily_scores(forecasts, winner):
    """One expert, one choice question with three options (+ other), forecasts on random days;
    outcome known on day 30. Brute force: score every day's standing distribution."""
    from trackrecord.resolutions.policy import standing_segments
    from trackrecord.resolutions.scoring import distribution_scores

    claim, day, probability = (np.array(column) for column in zip(*forecasts))
    outcome = (claim == winner).astype(int)
    segments = standing_segments(
        forecast_id=np.arange(claim.size), expert_id=np.zeros(claim.size, int), claim_id=claim, unit=np.zeros(claim.size, int),
        probability=probability, made_day=day, known_day=np.full(claim.size, 30), outcome=outcome, policy="time-averaged",
    )
    brier, _ = distribution_scores(segments.probability, segments.outcome, segments.segment, np.full(segments.size, 4), segments.size)
    got = np.sum(brier * segments.weight) / segments.weight.sum()

    daily = []
    for today in range(int(day.min()), 30):
        standing = {}
        for index in range(claim.size):  # later rows were recorded later: they win ties
            if day[index] <= today and (claim[index] not in standing or day[index] >= day[standing[claim[index]]]):
                standing[claim[index]] = index
        rows = sorted(standing.values())
        daily_brier, _ = distribution_scores(probability[rows], outcome[rows], np.zeros(len(rows), int), [4], 1)
        daily.append(daily_brier[0])
    assert got == pytest.approx(np.mean(daily), abs=1e-12)
    assert segments.weight.sum() == 30 - day.min()


@pytest.mark.parametrize("successes, trials", [(3, 10), (1, 4), (40, 50), (0, 7), (7, 7)])
def test_jeffreys_interval_by_numerical_integration(successes, trials):
    """The ends are where the Beta(k+1/2, n-k+1/2) density, integrated numerically, leaves 2.5%."""
    low, high = calibration.jeffreys_interval([successes], [trials])
    a, b = successes + 0.5, trials - successes + 0.5
    grid = np.linspace(0, 1, 400_001)[1:-1]
    density = grid ** (a - 1) * (1 - grid) ** (b - 1)
    cdf = np.cumsum(density) / density.sum()
    if successes > 0:
        assert np.interp(low[0], grid, cdf) == pytest.approx(0.025, abs=2e-3)
    else:
        assert low[0] == 0.0
    if successes < trials:
        assert np.interp(high[0], grid, cdf) == pytest.approx(0.975, abs=2e-3)
    else:
        assert high[0] == 1.0
    assert low[0] <= successes / trials <= high[0]


def test_jeffreys_interval_has_the_digits_of_scipy_stats_beta():
    """Computed with scipy.special.betaincinv (no scipy.stats import at run time): exactly
    the quantiles of scipy.stats.beta, for every k of every n up to 120 and a few large n."""
    from scipy.stats import beta

    tail = (1 - 0.95) / 2  # as jeffreys_interval computes it (0.025000000000000022)
    for n in [*range(1, 121), 997, 10_000]:
        k = np.arange(n + 1)
        low, high = calibration.jeffreys_interval(k, np.full(n + 1, n))
        assert low[1:].tolist() == beta.ppf(tail, k[1:] + 0.5, n - k[1:] + 0.5).tolist()
        assert high[:-1].tolist() == beta.ppf(1 - tail, k[:-1] + 0.5, n - k[:-1] + 0.5).tolist()


def test_jeffreys_interval_narrows_with_more_forecasts_and_is_undefined_when_empty():
    low, high = calibration.jeffreys_interval([3, 300, 0], [10, 1000, 0])
    assert high[0] - low[0] > high[1] - low[1]
    assert np.isnan(low[2]) and np.isnan(high[2])
