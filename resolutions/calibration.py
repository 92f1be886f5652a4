"""Calibration: do an expert's 70% forecasts come true 70% of the time?

Forecasts are binned (``bins`` equal-width bins over [0, 1], each including its lower edge and
the last one closed, exact on typed decimals: 0.29 is in 0.29-0.30 with 100 bins; or
``bins=None`` for one bin per distinct forecast value). Per bin: count, mean forecast,
observed frequency with its 95% Jeffreys interval (scipy.stats.beta). The Murphy decomposition splits the mean Brier score into

.. math::

    \\overline{\\mathrm{Brier}} = \\mathrm{REL} - \\mathrm{RES} + \\mathrm{UNC},\\quad
    \\mathrm{REL} = \\tfrac1N \\sum_k n_k (\\bar f_k - \\bar o_k)^2,\\;
    \\mathrm{RES} = \\tfrac1N \\sum_k n_k (\\bar o_k - \\bar o)^2,\\;
    \\mathrm{UNC} = \\bar o (1 - \\bar o)

(reliability: lower is better; resolution: higher is better). The identity is exact
when every forecast in a bin has the same value (``bins=None``); with wider bins the
within-bin spread of forecasts is left out, and the sum differs slightly.
Pure functions; arrays in, arrays out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from trackrecord.resolutions.scoring import _validated


@dataclass(frozen=True)
class CalibrationTable:
    low: np.ndarray  # bin lower edges (the value itself for distinct-value bins)
    high: np.ndarray  # bin upper edges
    count: np.ndarray
    mean_forecast: np.ndarray  # NaN for empty bins
    observed: np.ndarray  # NaN for empty bins
    observed_low: np.ndarray  # 95% Jeffreys interval of the observed frequency (NaN if empty)
    observed_high: np.ndarray


@dataclass(frozen=True)
class Murphy:
    reliability: float
    resolution: float
    uncertainty: float

    @property
    def brier(self) -> float:
        return self.reliability - self.resolution + self.uncertainty


def _bin_labels(p: np.ndarray, bins: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if bins is None:
        values, labels = np.unique(p, return_inverse=True)
        return labels, values, values
    if bins < 1:
        raise ValueError("bins must be at least 1")
    edges = np.linspace(0.0, 1.0, bins + 1)
    # p * bins is 28.999999999999996 for a typed 0.29 and 100 bins: rounding to 9 decimals
    # first puts every decimal people type in the bin it names, the lower edge included.
    labels = np.minimum(np.floor(np.round(p * bins, 9)).astype(np.int64), bins - 1)
    return labels, edges[:-1], edges[1:]


def calibration_table(probability, outcome, bins: int | None = 10) -> CalibrationTable:
    """Count, mean forecast and observed frequency per bin."""
    p, o = _validated(probability, outcome)
    labels, low, high = _bin_labels(p, bins)
    return _tables(labels, p, o, low, high, np.zeros(p.size, dtype=np.int64), 1)[0]


def grouped_calibration_tables(probability, outcome, group, size: int, bins: int = 10) -> list[CalibrationTable]:
    """``calibration_table`` of each group 0 … ``size`` - 1 of the forecasts (equal-width
    bins), computed for all groups at once: the same numbers as one call per group, in one
    pass (10,000 experts' tables in milliseconds rather than seconds)."""
    p, o = _validated(probability, outcome)
    labels, low, high = _bin_labels(p, bins)
    return _tables(labels, p, o, low, high, np.asarray(group, dtype=np.int64), size)


def _tables(labels, p, o, low, high, group, size: int) -> list[CalibrationTable]:
    width = low.size
    cells = group * width + labels
    count = np.bincount(cells, minlength=size * width).reshape(size, width)
    happened = np.bincount(cells, weights=o, minlength=size * width).reshape(size, width)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_forecast = np.bincount(cells, weights=p, minlength=size * width).reshape(size, width) / count
        observed = happened / count
    observed_low, observed_high = jeffreys_interval(happened, count)
    return [
        CalibrationTable(
            low=low, high=high, count=count[g], mean_forecast=mean_forecast[g], observed=observed[g],
            observed_low=observed_low[g], observed_high=observed_high[g],
        )
        for g in range(size)
    ]


def jeffreys_interval(successes, trials, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Jeffreys interval of a binomial proportion: quantiles of Beta(k + 1/2, n - k + 1/2),
    with the lower end 0 when k = 0 and the upper end 1 when k = n (Brown, Cai and
    DasGupta, 2001). NaN where there are no trials. A bin of three forecasts gets a wide
    interval, so it cannot look as well calibrated as a bin of three hundred."""
    # The Beta quantile straight from scipy.special: what scipy.stats.beta.ppf computes (the
    # same digits, checked on 110,000 cases), without importing scipy.stats (~1 s).
    from scipy.special import betaincinv

    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    tail = (1 - confidence) / 2
    with np.errstate(invalid="ignore"):
        low = np.where(k > 0, betaincinv(k + 0.5, n - k + 0.5, tail), 0.0)
        high = np.where(k < n, betaincinv(k + 0.5, n - k + 0.5, 1 - tail), 1.0)
    empty = n == 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def murphy_decomposition(probability, outcome, bins: int | None = 10, table: CalibrationTable | None = None) -> Murphy:
    """Reliability, resolution and uncertainty of a set of forecasts (``table``: their
    calibration table with the same ``bins``, if already computed)."""
    p, o = _validated(probability, outcome)
    if p.size == 0:
        raise ValueError("no forecasts to decompose")
    table = table if table is not None else calibration_table(p, o, bins)
    used = table.count > 0
    n, f, obs = table.count[used], table.mean_forecast[used], table.observed[used]
    base_rate = o.mean()
    return Murphy(
        reliability=float(np.sum(n * (f - obs) ** 2) / p.size),
        resolution=float(np.sum(n * (obs - base_rate) ** 2) / p.size),
        uncertainty=float(base_rate * (1 - base_rate)),
    )


def reliability_diagram(table: CalibrationTable, width: int = 40) -> list[str]:
    """A text reliability diagram: one line per non-empty bin.

    On a track from 0 to 1, ``|`` marks the bin's mean forecast (where a perfectly
    calibrated expert's outcomes would land) and ``o`` the observed frequency; ``@``
    means both fall in the same cell.
    """
    lines = [f"{'bin':>11}  0{' ' * (width // 2 - 1)}.5{' ' * (width - width // 2 - 2)}1"]
    for low, high, count, forecast, observed in zip(table.low, table.high, table.count, table.mean_forecast, table.observed):
        if count == 0:
            continue
        track = [" "] * (width + 1)
        at_forecast, at_observed = round(forecast * width), round(observed * width)
        track[at_forecast] = "|"
        track[at_observed] = "@" if at_observed == at_forecast else "o"
        label = f"{low:.2f}" if low == high else f"{low:.2f}-{high:.2f}"
        lines.append(f"{label:>11}  {''.join(track)}  n={count}")
    return lines
