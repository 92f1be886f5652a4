"""Simulated experts for checking interval coverage (shared by the test and the benchmark).

Each scenario draws, per question, the true chance q of the event, the expert's stated
probability p and the outcome o ~ Bernoulli(q); the question's score is (p - o)^2. The
scenario's true mean score is E[(p - o)^2] = E[q (1 - p)^2 + (1 - q) p^2], estimated from
two million questions (standard error below 2e-4).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

VERBAL = np.array([0.02, 0.1, 0.2, 0.4, 0.45, 0.5, 0.7, 0.9, 0.95])


def _calibrated(rng, size):
    q = rng.random(size)
    return q, np.clip(q + rng.normal(0, 0.1, size), 0.01, 0.99)


def _verbal(rng, size):
    q = rng.random(size)
    return q, VERBAL[np.abs(q[:, None] - VERBAL[None, :]).argmin(axis=1)]


def _overconfident(rng, size):
    q = rng.random(size)
    return q, np.clip(0.5 + 2.5 * (q - 0.5), 0.0, 1.0)


def _sharp(rng, size):  # events near-certain either way, an expert who knows: mean ~0.03
    q = rng.beta(0.2, 0.2, size)
    return q, np.clip(q + rng.normal(0, 0.05, size), 0.0, 1.0)


def _constant(rng, size):
    return rng.uniform(0.5, 0.9, size), np.full(size, 0.7)


def _contrarian(rng, size):  # a very bad expert
    q = rng.random(size)
    return q, 1 - q


def _all_or_nothing(rng, size):  # p in {0.01, 0.99}, right 92% of the time: scores near 0 or near 1
    q = np.where(rng.random(size) < 0.5, 0.92, 0.08)
    return q, np.where(q > 0.5, 0.99, 0.01)


def _hedger(rng, size):  # mostly 50%: many identical scores of 0.25
    q = rng.random(size)
    return q, np.where(rng.random(size) < 0.8, 0.5, np.round(q, 1))


SCENARIOS = {
    "calibrated": _calibrated,
    "verbal hedges": _verbal,
    "overconfident": _overconfident,
    "sharp and right": _sharp,
    "always 70%": _constant,
    "contrarian": _contrarian,
    "all or nothing": _all_or_nothing,
    "mostly 50%": _hedger,
}


def scores(scenario: str, rng: np.random.Generator, size: int) -> np.ndarray:
    q, p = SCENARIOS[scenario](rng, size)
    o = (rng.random(size) < q).astype(float)
    return (p - o) ** 2


@lru_cache(maxsize=None)
def true_mean(scenario: str) -> float:
    rng = np.random.default_rng(12345)
    q, p = SCENARIOS[scenario](rng, 2_000_000)
    return float(np.mean(q * (1 - p) ** 2 + (1 - q) * p**2))


def coverage(interval, scenario: str, n: int, experts: int, seed: int) -> tuple[float, float]:
    """Share of simulated experts with n questions whose interval holds the true mean, and
    the median width. ``interval(values, groups, n_groups) -> (low, high)``."""
    rng = np.random.default_rng([seed, n, list(SCENARIOS).index(scenario)])
    values = scores(scenario, rng, experts * n)
    groups = np.repeat(np.arange(experts), n)
    low, high = interval(values, groups, experts)
    truth = true_mean(scenario)
    return float(np.mean((low <= truth) & (truth <= high))), float(np.median(high - low))
