"""Chart files for ``calibration --plot`` and ``leaderboard --plot`` (SVG or PNG), drawn with
matplotlib. Imported only on that path: matplotlib costs ~0.3 s of start-up.

SVG text is kept as text (``svg.fonttype: none``), not as glyph outlines, and carries no
date: small files (~10-20 kB) that come out the same for the same record.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from trackrecord.forecasts.errors import InvalidInput

#: File name endings --plot accepts, and the format each means.
FORMATS = {".svg": "svg", ".png": "png"}
#: The most experts a leaderboard chart draws (the first in rank order): more would not be legible.
MOST_EXPERTS = 100
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")


def check_plot_path(path: Path, *, force: bool = False) -> str:
    """The format of ``path`` (its ending, .svg or .png); refuses any other ending and paths
    ``check_target`` refuses (an existing file, a folder, a missing folder)."""
    from trackrecord.resolutions.transfer.files import check_target

    ending = path.suffix.lower()
    if ending not in FORMATS:
        shown = ending or "no ending"
        raise InvalidInput(f"--plot {str(path)!r} ends in {shown!r}; give a file name ending in {', '.join(FORMATS)}")
    check_target(path, force=force, option="--plot")
    return FORMATS[ending]


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _save(figure, path: Path, fmt: str) -> None:
    """Write ``figure`` to ``path`` whole or not at all."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=110, metadata={"Date": None} if fmt == "svg" else None)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        temporary.write_bytes(buffer.getvalue())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(f"{str(path)!r} cannot be written ({error.strerror or error})") from None


def reliability_plot(reports: list[tuple[str, object]], path: Path, fmt: str) -> None:
    """A reliability diagram of one or more calibration reports (``(label, Calibration)``):
    the diagonal, each non-empty bin at (mean forecast, observed frequency) with its 95%
    Jeffreys interval and its count, one colour per report."""
    figure = _figure(5.2, 5.2)
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="#999999", linewidth=1, label="perfect calibration")
    shift = 0.006 * (len(reports) - 1)
    for index, (label, report) in enumerate(reports):
        table = report.table
        used = table.count > 0
        f, o = table.mean_forecast[used], table.observed[used]
        x = f + (index * 0.012 - shift)  # overlaid reports side by side, not on top of each other
        colour = COLOURS[index % len(COLOURS)]
        axes.errorbar(
            x, o, yerr=[o - table.observed_low[used], table.observed_high[used] - o], fmt="o", color=colour, capsize=2,
            markersize=5, linewidth=1.2, label=f"{label} ({report.forecasts} claims)",
        )
        for xi, oi, n in zip(x, o, table.count[used]):
            axes.annotate(str(n), (xi, oi), textcoords="offset points", xytext=(4, 4), fontsize=7, color=colour)
    axes.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), xlabel="forecast probability (bin mean)", ylabel="observed frequency",
             title="Calibration (95% Jeffreys intervals, n per bin)")
    axes.set_aspect("equal")
    axes.grid(alpha=0.3)
    axes.legend(loc="upper left", fontsize=8)
    _save(figure, path, fmt)


def leaderboard_plot(records: list[dict], path: Path, fmt: str) -> None:
    """Each expert of a leaderboard in rank order: mean Brier with its 95% interval, adjusted
    Brier, and the always-50% line."""
    count = max(len(records), 1)
    figure = _figure(7, 1.2 + 0.24 * count)
    axes = figure.add_subplot()
    positions = list(range(len(records)))
    for y, record in zip(positions, records):
        if record["ci_low"] is not None:
            axes.plot([record["ci_low"], record["ci_high"]], [y, y], color=COLOURS[0], linewidth=1.5)
    axes.plot([r["brier"] for r in records], positions, "o", color=COLOURS[0], markersize=5, label="mean Brier, 95% interval")
    axes.plot([r["adjusted_brier"] for r in records], positions, "|", color=COLOURS[1], markersize=10, markeredgewidth=2,
              label="adjusted Brier (ranking)")
    axes.axvline(0.25, color="#999999", linestyle="--", linewidth=1, label="always 50% (0.25)")
    axes.set_yticks(positions, [f"{r['rank']}. {r['expert']}" for r in records], fontsize=8)
    axes.invert_yaxis()
    axes.set(xlabel="Brier score (lower is better)", title="Leaderboard")
    axes.grid(axis="x", alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    _save(figure, path, fmt)
