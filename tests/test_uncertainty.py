"""The interval of an expert's mean Brier and the "beats always-50%" test, each checked
against what it promises: coverage by simulation, bounds by an independent root finder,
p-values against exact enumeration, scipy's permutation test and a large Monte Carlo."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.special import ndtr
from scipy.stats import permutation_test

from coverage_scenarios import SCENARIOS, coverage
from trackrecord.resolutions import uncertainty

SIZES = (2, 3, 5, 10, 20, 50, 100)


@pytest.mark.parametrize("n", SIZES)
def test_simulated_coverage_is_at_least_94_percent_at_every_size(n):
    for scenario in SCENARIOS:
        covered, _ = coverage(uncertainty.mean_interval, scenario, n, experts=2000, seed=8)
        assert covered >= 0.94, (scenario, n, covered)


@pytest.mark.parametrize("mean, n", [(0.0, 2), (0.01, 1), (0.25, 2), (0.2, 10), (0.05, 100), (0.6, 37), (1.0, 5)])
def test_kl_bounds_solve_their_equation(mean, n):
    """Independently: brentq on n KL(mean || mu) = ln 40 on each side of the mean."""
    budget = np.log(40) / n

    def excess(mu):
        first = mean * np.log(mean / mu) if mean > 0 else 0.0
        second = (1 - mean) * np.log((1 - mean) / (1 - mu)) if mean < 1 else 0.0
        return first + second - budget

    low, high = uncertainty.kl_bounds(np.array([mean]), np.array([n]))
    want_low = 0.0 if mean == 0 or excess(1e-300) < 0 else brentq(excess, 1e-300, mean)
    want_high = 1.0 if mean == 1 or excess(1 - 1e-16) < 0 else brentq(excess, mean, 1 - 1e-16)
    assert low[0] == pytest.approx(want_low, abs=1e-12)
    assert high[0] == pytest.approx(want_high, abs=1e-12)


def test_interval_holds_the_mean_is_never_zero_width_and_needs_two_values():
    values = np.array([0.25, 0.25, 0.04, 0.3])
    low, high = uncertainty.mean_interval(values, np.array([0, 0, 1, 2]), 4)
    assert low[0] < 0.25 < high[0]  # two identical scores: not "0.250-0.250"
    assert np.isnan(low[1]) and np.isnan(high[2]) and np.isnan(low[3])  # one value, or none: too few


def test_interval_is_the_same_whatever_the_order_and_the_other_experts():
    rng = np.random.default_rng(4)
    values, groups = rng.random(300) ** 2, rng.integers(0, 20, 300)
    low, high = uncertainty.mean_interval(values, groups, 20)
    order = rng.permutation(300)
    relabel = rng.permutation(20)
    low2, high2 = uncertainty.mean_interval(values[order], relabel[groups[order]], 20)
    np.testing.assert_allclose(low2[relabel], low, rtol=0, atol=1e-15)
    np.testing.assert_allclose(high2[relabel], high, rtol=0, atol=1e-15)
    alone = uncertainty.mean_interval(values[groups == 3], np.zeros((groups == 3).sum(), int), 1)
    assert alone[0][0] == pytest.approx(low[3], abs=1e-15) and alone[1][0] == pytest.approx(high[3], abs=1e-15)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        uncertainty.mean_interval([0.5, 1.5], [0, 0], 1)
    with pytest.raises(ValueError):
        uncertainty.mean_interval([0.5], [3], 1)
    with pytest.raises(ValueError):
        uncertainty.beats_chance_pvalue([0.1, 0.2], [0], 1)
    with pytest.raises(ValueError):
        uncertainty.beats_chance_pvalue([-0.1], [0], 1)


# --------------------------------------------------------------------------- p-value


def exact_pvalue(scores) -> float:
    """Share of the 2^n sign patterns of |d| whose sum is <= the observed sum, meeting in the middle."""
    d = np.asarray(scores, dtype=float) - 0.25
    a, observed = np.abs(d), d.sum()
    half = len(a) // 2
    first = np.array([np.dot(signs, a[:half]) for signs in itertools.product((1, -1), repeat=half)])
    second = np.sort([np.dot(signs, a[half:]) for signs in itertools.product((1, -1), repeat=len(a) - half)])
    return np.searchsorted(second, observed + 1e-12 - first, side="right").sum() / 2.0 ** len(a)


KINDS = {
    "continuous": lambda rng, n: rng.random(n) * 0.45,
    "verbal hedges": lambda rng, n: (rng.choice([0.2, 0.4, 0.45, 0.5, 0.7, 0.9, 0.95], n) - (rng.random(n) < 0.6)) ** 2,
    "many 50%": lambda rng, n: np.where(rng.random(n) < 0.4, 0.25, (rng.choice([0.1, 0.3, 0.7], n) - (rng.random(n) < 0.5)) ** 2),
    "two values": lambda rng, n: np.where(rng.random(n) < 0.9, 0.01, 0.81),
    "few huge among tiny": lambda rng, n: np.r_[
        rng.choice([0.0, 1.0], min(7, n)), 0.25 + rng.choice([-1, 1], max(n - 7, 0)) * rng.random(max(n - 7, 0)) * 0.01
    ],
    "sharp": lambda rng, n: (rng.choice([0.05, 0.1, 0.15, 0.85, 0.9, 0.95], n) - (rng.random(n) < 0.5)) ** 2,
}


@pytest.mark.parametrize("kind", KINDS)
def test_p_value_is_within_0_005_of_the_exact_test(kind):
    rng = np.random.default_rng(list(KINDS).index(kind))
    worst = 0.0
    for n in [*range(1, 29), 30, 32]:
        for _ in range(6 if n > 22 else 10):
            scores = KINDS[kind](rng, n)
            got = uncertainty.beats_chance_pvalue(scores, np.zeros(n, int), 1)[0]
            worst = max(worst, abs(got - exact_pvalue(scores)))
    assert worst <= 0.005, worst


@pytest.mark.parametrize("n", [2, 5, 9, 12, 14])
def test_p_value_matches_scipy_exactly_for_small_samples(n):
    rng = np.random.default_rng(n)
    brier = rng.random(n) * 0.4
    reference = permutation_test(
        (brier - 0.25,), np.mean, permutation_type="samples", alternative="less", n_resamples=np.inf
    )  # every sign pattern: exact
    got = uncertainty.beats_chance_pvalue(brier, np.zeros(n, int), 1)
    assert got[0] == pytest.approx(reference.pvalue, abs=1e-12)


@pytest.mark.parametrize("n, kind", [(40, "verbal hedges"), (60, "continuous"), (100, "sharp"), (200, "verbal hedges")])
def test_p_value_agrees_with_a_large_monte_carlo_at_large_n(n, kind):
    rng = np.random.default_rng(n)
    scores = KINDS[kind](rng, n)
    d = scores - 0.25
    draws, below = 1_000_000, 0
    for _ in range(10):
        signs = rng.integers(0, 2, size=(draws // 10, n), dtype=np.int8) * 2 - 1
        below += int(np.sum(signs @ np.abs(d) <= d.sum() + 1e-12))
    reference = below / draws
    got = uncertainty.beats_chance_pvalue(scores, np.zeros(n, int), 1)[0]
    assert abs(got - reference) <= 0.005 + 4 * np.sqrt(reference * (1 - reference) / draws)


def test_small_samples_cannot_look_certain():
    # one claim: p >= 0.5; two identical excellent claims: p = 0.25, not ~0 as a t-test says
    got = uncertainty.beats_chance_pvalue([0.0, 0.01, 0.01, 0.25], [0, 1, 1, 2], 4)
    assert got[:3].tolist() == [0.5, 0.25, 1.0] and np.isnan(got[3])


def test_p_value_is_the_same_whatever_the_order():
    rng = np.random.default_rng(9)
    sizes = rng.integers(1, 60, 40)
    groups = np.repeat(np.arange(40), sizes)
    values = (rng.choice([0.1, 0.3, 0.45, 0.6, 0.8], groups.size) - (rng.random(groups.size) < 0.5)) ** 2
    got = uncertainty.beats_chance_pvalue(values, groups, 40)
    order = rng.permutation(groups.size)
    shuffled = uncertainty.beats_chance_pvalue(values[order], groups[order], 40)
    np.testing.assert_allclose(shuffled, got, rtol=0, atol=1e-12)


def test_normal_cdf_matches_scipy():
    z = np.linspace(-8, 8, 1601)
    np.testing.assert_allclose(uncertainty.normal_cdf(z), ndtr(z), rtol=0, atol=1e-7)
