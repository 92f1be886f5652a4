"""Relative/peer scores, the bootstrap interval, the sign-flip test and calibration,
each against an independent computation or a property."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import bootstrap, permutation_test

from resolutions import calibration, scoring, uncertainty
from resolutions.policy import counting_forecasts


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
    p = np.array([0.9, 0.5, 0.2, 0.7])
    o = np.array([1, 1, 1, 0])
    claim = np.array([3, 3, 3, 8])
    got = scoring.peer_log(p, o, claim)
    ln = np.log
    assert got[0] == pytest.approx(ln(0.9) - (ln(0.5) + ln(0.2)) / 2)
    assert got[2] == pytest.approx(ln(0.2) - (ln(0.9) + ln(0.5)) / 2)
    assert got[:3].sum() == pytest.approx(0, abs=1e-12)
    assert np.isnan(got[3])


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(2, 6)), min_size=2, max_size=30), st.integers(0, 1))
def test_peer_scores_on_one_claim_sum_to_zero(rows, outcome):
    p = np.array([probability for probability, _ in rows])
    got = scoring.peer_log(p, np.full(p.size, outcome), np.zeros(p.size))
    assert got.sum() == pytest.approx(0, abs=1e-9)


def test_bootstrap_interval_is_close_to_scipys_percentile_bootstrap():
    rng = np.random.default_rng(7)
    values = rng.random(60) ** 2
    low, high = uncertainty.bootstrap_mean_interval(values, np.zeros(60, dtype=int), 1, resamples=4000)
    reference = bootstrap((values,), np.mean, method="percentile", n_resamples=20000, random_state=1).confidence_interval
    assert low[0] == pytest.approx(reference.low, abs=0.01)
    assert high[0] == pytest.approx(reference.high, abs=0.01)


def test_bootstrap_interval_shrinks_with_more_claims_and_is_undefined_for_one():
    rng = np.random.default_rng(3)
    few, many = rng.random(5), rng.random(500)
    values = np.r_[few, many, [0.3]]
    groups = np.r_[np.zeros(5, int), np.ones(500, int), [2]]
    low, high = uncertainty.bootstrap_mean_interval(values, groups, 3)
    assert high[0] - low[0] > high[1] - low[1]
    assert low[0] <= few.mean() <= high[0] and low[1] <= many.mean() <= high[1]
    assert np.isnan(low[2]) and np.isnan(high[2])


def test_an_experts_interval_does_not_depend_on_other_experts():
    values = np.array([0.1, 0.5, 0.2, 0.9, 0.3, 0.04])
    alone = uncertainty.bootstrap_mean_interval(values[:3], np.zeros(3, int), 1)
    together = uncertainty.bootstrap_mean_interval(values, np.array([0, 0, 0, 1, 1, 1]), 2)
    assert alone[0][0] == together[0][0] and alone[1][0] == together[1][0]


@pytest.mark.parametrize("n", [2, 5, 9, 12])
def test_sign_flip_p_value_matches_scipy_exactly_for_small_samples(n):
    rng = np.random.default_rng(n)
    brier = rng.random(n) * 0.4
    reference = permutation_test((brier - 0.25,), np.mean, permutation_type="samples", alternative="less")
    got = uncertainty.beats_chance_pvalue(brier, np.zeros(n, int), 1)
    assert got[0] == pytest.approx(reference.pvalue, abs=1e-12)


def test_sign_flip_p_value_is_close_to_scipy_for_large_samples():
    rng = np.random.default_rng(11)
    brier = rng.random(80) * 0.45
    reference = permutation_test(
        (brier - 0.25,), np.mean, permutation_type="samples", alternative="less", n_resamples=200_000, random_state=2
    )
    got = uncertainty.beats_chance_pvalue(brier, np.zeros(80, int), 1)
    assert got[0] == pytest.approx(reference.pvalue, abs=0.01)


def test_small_samples_cannot_look_certain():
    # one claim: p >= 0.5; two identical excellent claims: p = 0.25, not ~0 as a t-test says
    got = uncertainty.beats_chance_pvalue([0.0, 0.01, 0.01], [0, 1, 1], 2)
    assert got.tolist() == [0.5, 0.25]


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
    from resolutions.policy import lexicographic_order

    keys = [np.array(column, dtype=np.int64) for column in zip(*rows)] if rows else [np.zeros(0, np.int64)] * 4
    assert lexicographic_order(*keys).tolist() == np.lexsort(tuple(reversed(keys))).tolist()


def test_lexicographic_order_falls_back_when_keys_are_too_wide():
    from resolutions.policy import lexicographic_order

    big = np.array([2**40, 0, 2**40, 5], dtype=np.int64)
    keys = [big, big[::-1].copy(), np.array([3, 2, 1, 0])]
    assert lexicographic_order(*keys).tolist() == np.lexsort(tuple(reversed(keys))).tolist()


def test_normal_cdf_matches_scipy():
    from scipy.special import ndtr

    z = np.linspace(-6, 6, 101)
    np.testing.assert_allclose(uncertainty.normal_cdf(z), ndtr(z), rtol=1e-12, atol=1e-15)


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


def test_jeffreys_interval_narrows_with_more_forecasts_and_is_undefined_when_empty():
    low, high = calibration.jeffreys_interval([3, 300, 0], [10, 1000, 0])
    assert high[0] - low[0] > high[1] - low[1]
    assert np.isnan(low[2]) and np.isnan(high[2])
