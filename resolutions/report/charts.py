"""Coordinates of the site's inline SVG charts; the templates draw them (``_charts.html``).

Plain arithmetic per chart, a few microseconds each: a site of 100,000 question pages
has 100,000 charts, which matplotlib (tens of milliseconds a figure) could not draw in
the time the whole site takes.
"""

from __future__ import annotations

import datetime as dt
import math

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


def reliability(table) -> dict:
    """A reliability diagram of a calibration table: one point per non-empty bin at (mean
    forecast, observed frequency), its 95% Jeffreys interval, its count."""
    def x(p):
        return round(MARGIN + p * SIDE, 1)

    def y(p):
        return round(MARGIN / 2 + (1 - p) * SIDE, 1)

    bins = [
        {"x": x(f), "y": y(o), "low": y(lo), "high": y(hi), "count": int(n), "forecast": float(f), "observed": float(o)}
        for n, f, o, lo, hi in zip(table.count, table.mean_forecast, table.observed, table.observed_low, table.observed_high)
        if n
    ]
    ticks = [{"value": t, "x": x(t), "y": y(t)} for t in (0, 0.25, 0.5, 0.75, 1)]
    return {"bins": bins, "ticks": ticks, "left": x(0), "right": x(1), "top": y(1), "bottom": y(0),
            "width": SIDE + MARGIN + 10, "height": SIDE + MARGIN + MARGIN // 2}


#: Step charts of a question's page: plot area in pixels (question.html draws the frame at these sizes).
STEP_WIDTH, STEP_HEIGHT, STEP_LEFT, STEP_TOP = 560, 140, 36, 8


def steps(claim, known_on: dt.date | None, today: dt.date) -> dict | None:
    """Each expert's probability of ``claim`` over time, a step from each made-on date to the
    next, up to the day the outcome was known (else today); None without forecasts."""
    points = claim.forecasts  # by made_on, then recording order
    if not points:
        return None
    start = points[0].made_on
    end = max(claim.known_on or known_on or today, points[-1].made_on + dt.timedelta(days=1))
    span = (end - start).days or 1

    def x(day):
        return round(STEP_LEFT + (day - start).days / span * STEP_WIDTH, 1)

    def y(p):
        return round(STEP_TOP + (1 - p) * STEP_HEIGHT, 1)

    lines: dict[str, dict] = {}
    for point in points:
        line = lines.get(point.expert_slug)
        if line is None:
            colour = PALETTE[len(lines)] if len(lines) < len(PALETTE) else OTHER
            line = lines[point.expert_slug] = {"expert": point.expert, "slug": point.expert_slug, "colour": colour,
                                               "path": f"M{x(point.made_on)},{y(point.probability)}", "dots": ""}
        else:
            line["path"] += f"H{x(point.made_on)}V{y(point.probability)}"
        line["dots"] += f"M{x(point.made_on)},{y(point.probability)}h0"
        line["last"] = f"{point.probability * 100:.4g}%"
    right = x(end)
    for line in lines.values():
        line["path"] += f"H{right}"
    # The frame is drawn by question.html at these fixed sizes: only the dates change.
    return {"lines": list(lines.values()), "start": start.isoformat(), "end": end.isoformat() + (" (known)" if claim.known_on else "")}
