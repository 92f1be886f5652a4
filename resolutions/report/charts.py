"""Coordinates of the site's inline SVG charts; the templates draw them (``_charts.html``).

Plain arithmetic per chart, a few microseconds each: a site of 100,000 question pages
has 100,000 charts, which matplotlib (tens of milliseconds a figure) could not draw in
the time the whole site takes.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

#: The Brier score of always saying 50%, marked on every interval bar.
CHANCE = 0.25
#: Colours of the experts' lines on a question's chart (colour-blind safe, Okabe-Ito), then grey.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
OTHER = "#999999"
#: Leaderboard interval bars: width in pixels.
BAR_WIDTH = 160


def bar_scale(standings: list[dict]) -> float:
    """The right end of every interval bar of a leaderboard: its largest value, rounded up to 0.1, at least 0.5."""
    largest = max((max(r["ci_high"] or 0, r["brier"] or 0, r["adjusted_brier"] or 0) for r in standings), default=0)
    return max(0.5, math.ceil(largest * 10 - 1e-9) / 10)


def interval_bar(row: dict, scale: float) -> dict:
    """x positions (pixels) of a leaderboard row's mean Brier, adjusted Brier and 95% interval."""
    def x(value):
        return None if value is None else round(min(value, scale) / scale * BAR_WIDTH, 1)

    return {"brier": x(row["brier"]), "adjusted": x(row["adjusted_brier"]), "low": x(row["ci_low"]), "high": x(row["ci_high"]),
            "chance": x(CHANCE), "width": BAR_WIDTH}


#: Reliability diagram: plot area in pixels and margin for the axes.
SIDE, MARGIN = 240, 34


class Bin(NamedTuple):
    """One bin of a reliability diagram: its point, the ends of its interval, its count."""

    x: float
    y: float
    low: float
    high: float
    count: int
    forecast: float
    observed: float


class Tick(NamedTuple):
    value: float
    x: float
    y: float


class Reliability(NamedTuple):
    bins: list[Bin]
    ticks: list[Tick]
    left: float
    right: float
    top: float
    bottom: float
    width: int
    height: int


def reliability(table) -> Reliability:
    """A reliability diagram of a calibration table: one point per non-empty bin at (mean
    forecast, observed frequency), its 95% Jeffreys interval, its count."""
    def x(p):
        return round(MARGIN + p * SIDE, 1)

    def y(p):
        return round(MARGIN / 2 + (1 - p) * SIDE, 1)

    columns = (table.count, table.mean_forecast, table.observed, table.observed_low, table.observed_high)
    bins = [Bin(x(f), y(o), y(lo), y(hi), int(n), f, o) for n, f, o, lo, hi in zip(*(c.tolist() for c in columns)) if n]
    ticks = [Tick(t, x(t), y(t)) for t in (0, 0.25, 0.5, 0.75, 1)]
    return Reliability(bins, ticks, x(0), x(1), y(1), y(0), SIDE + MARGIN + 10, SIDE + MARGIN + MARGIN // 2)


#: Step charts of a question's page: plot area in pixels (question.html draws the frame at these sizes).
STEP_WIDTH, STEP_HEIGHT, STEP_LEFT, STEP_TOP = 560, 140, 36, 8


class Line(NamedTuple):
    """One expert's line on a step chart: SVG path data of the steps and of the dots (one
    per forecast), and the legend (the separator before it, colour, expert, their latest
    probability). All HTML as it is: numbers, a colour of the palette, and the expert's slug
    and name as escaped in the chart's points (``data.Point``)."""

    colour: str
    path: str
    dots: str
    slug: str
    expert: str
    last: str
    gap: str  # before its legend: nothing for the first line, " · " for the others


class Steps(NamedTuple):
    lines: list[Line]
    start: str
    end: str


def steps(claim, known_on: dt.date | None, today: dt.date) -> Steps | None:
    """Each expert's probability of ``claim`` over time, a step from each made-on date to the
    next, up to the day the outcome was known (else today); None without forecasts.
    Coordinates to 0.1 pixel (``.1f``: the value ``round(…, 1)`` would give)."""
    points = claim.forecasts  # by made_on, then recording order
    if not points:
        return None
    start = points[0].made_on
    end = max(claim.known_on or known_on or today, points[-1].made_on + dt.timedelta(days=1))
    first, span = start.toordinal(), (end - start).days or 1
    paths: dict[str, list[str]] = {}
    dots: dict[str, list[str]] = {}
    legend: dict[str, tuple[str, str, str]] = {}
    for made_on, probability, expert, slug in points:
        x = f"{STEP_LEFT + (made_on.toordinal() - first) / span * STEP_WIDTH:.1f}"
        y = f"{STEP_TOP + (1 - probability) * STEP_HEIGHT:.1f}"
        path = paths.get(slug)
        if path is None:
            paths[slug] = [f"M{x},{y}"]
            dots[slug] = []
        else:
            path.append(f"H{x}V{y}")
        dots[slug].append(f"M{x},{y}h0")
        legend[slug] = (expert, f"{probability * 100:.4g}%")
    right = f"H{STEP_LEFT + (end - start).days / span * STEP_WIDTH:.1f}"
    lines = [
        Line(PALETTE[index] if index < len(PALETTE) else OTHER, "".join(paths[slug]) + right, "".join(dots[slug]), slug, *legend[slug],
             " · " if index else "")
        for index, slug in enumerate(paths)
    ]
    # The frame is drawn by question.html at these fixed sizes: only the dates change.
    return Steps(lines, start.isoformat(), end.isoformat() + (" (known)" if claim.known_on else ""))
