"""Interval benchmark: does the "95%" interval of an expert's mean Brier keep its promise?

For each candidate method, each scenario of ``coverage_scenarios.py`` (calibrated,
verbal hedges, overconfident, sharp and right, always 70%, contrarian, all or nothing,
mostly 50%) and each number of questions n, simulates ``--experts`` experts, and prints
the worst coverage over the scenarios and the median width (over experts, then the
median over scenarios). The product uses the Chernoff-Hoeffding (KL) interval
(``resolutions.uncertainty.mean_interval``); it also times it on 10,000 experts x 100
questions. Not collected by pytest.

    python tests/bench_coverage.py [--experts 5000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
from coverage_scenarios import SCENARIOS, coverage  # noqa: E402

from trackrecord.resolutions.uncertainty import mean_interval  # noqa: E402

SIZES = (2, 3, 5, 10, 20, 50, 100)


def _by_group(values, groups, n_groups):
    order = np.argsort(groups, kind="stable")
    n = np.bincount(groups, minlength=n_groups)[0]
    return values[order].reshape(n_groups, n)  # every simulated expert has the same n


def bootstrap(values, groups, n_groups, resamples=1000):
    matrix = _by_group(values, groups, n_groups)
    n = matrix.shape[1]
    rng = np.random.default_rng(20250815)
    draws = rng.integers(0, n, size=(resamples, n))
    means = matrix[:, draws].mean(axis=2)
    return np.quantile(means, 0.025, axis=1), np.quantile(means, 0.975, axis=1)


def student_t(values, groups, n_groups):
    matrix = _by_group(values, groups, n_groups)
    n = matrix.shape[1]
    mean, spread = matrix.mean(axis=1), matrix.std(axis=1, ddof=1) / np.sqrt(n)
    half = stats.t.ppf(0.975, n - 1) * spread
    return mean - half, mean + half


def hoeffding(values, groups, n_groups):
    matrix = _by_group(values, groups, n_groups)
    half = np.sqrt(np.log(2 / 0.05) / (2 * matrix.shape[1]))
    mean = matrix.mean(axis=1)
    return np.maximum(mean - half, 0), np.minimum(mean + half, 1)


def clopper_pearson_fractional(values, groups, n_groups):
    """Clopper-Pearson with n x mean 'successes' (valid-ish for bounded means)."""
    matrix = _by_group(values, groups, n_groups)
    n = matrix.shape[1]
    k = matrix.sum(axis=1)
    low = np.where(k > 0, stats.beta.ppf(0.025, k, n - k + 1), 0.0)
    high = np.where(k < n, stats.beta.ppf(0.975, k + 1, n - k), 1.0)
    return low, high


METHODS = {
    "percentile bootstrap (before)": bootstrap,
    "Student t": student_t,
    "Hoeffding": hoeffding,
    "Clopper-Pearson, fractional": clopper_pearson_fractional,
    "Chernoff-Hoeffding KL (chosen)": mean_interval,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=5000, help="simulated experts per scenario and n (default 5000)")
    args = parser.parse_args()
    print(f"{args.experts} simulated experts per scenario and n; {len(SCENARIOS)} scenarios\n")
    header = "".join(f"{'n=' + str(n):>14}" for n in SIZES)
    print(f"{'method':34}{header}")
    for name, method in METHODS.items():
        worst, widths = [], []
        for n in SIZES:
            results = [coverage(method, scenario, n, args.experts, seed=2026) for scenario in SCENARIOS]
            worst.append(min(covered for covered, _ in results))
            widths.append(statistics.median(width for _, width in results))
        cells = "".join(f"{100 * c:7.1f}% {w:5.3f}" for c, w in zip(worst, widths))
        print(f"{name:34}{cells}")
    print("\n(each cell: worst coverage over the scenarios, then the median interval width)")

    print("\nchosen method, coverage per scenario:")
    print(f"{'scenario':34}{header}")
    for scenario in SCENARIOS:
        cells = "".join(f"{100 * coverage(mean_interval, scenario, n, args.experts, seed=2026)[0]:13.1f}%" for n in SIZES)
        print(f"{scenario:34}{cells}")

    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(10_000), 100)
    values = rng.random(groups.size) ** 2
    start = time.perf_counter()
    mean_interval(values, groups, 10_000)
    print(f"\nmean_interval on 10,000 experts x 100 questions: {1000 * (time.perf_counter() - start):.0f} ms")


if __name__ == "__main__":
    main()
