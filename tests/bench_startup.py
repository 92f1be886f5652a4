"""Start-up benchmark: ratios of trackrecord's fast commands to their anchors.

DESIGN.md targets, measured in one run on the same machine:
- ``trackrecord --help``  <= 1.3 x a minimal typer app's ``--help``;
- ``trackrecord forecast add`` <= 1.3 x ``python -c "import typer, sqlmodel"``.

Each command runs ``--runs`` times, alternating with its anchor; the script prints the
median wall time of each and the ratio of medians. Not collected by pytest.

    python tests/bench_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_TYPER_APP = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str) -> None:
    """Say hello."""
    print(name)
@app.command()
def bye(name: str) -> None:
    """Say bye."""
    print(name)
app()
'''


def elapsed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare(label: str, ours, anchor, runs: int) -> None:
    our_times, anchor_times = [], []
    for index in range(runs):
        anchor_times.append(elapsed(anchor(index)))
        our_times.append(elapsed(ours(index)))
    ours_median, anchor_median = statistics.median(our_times), statistics.median(anchor_times)
    print(
        f"{label:<26} ours {ours_median * 1000:7.1f} ms   anchor {anchor_median * 1000:7.1f} ms   "
        f"ratio {ours_median / anchor_median:5.2f}   (median of {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    python = sys.executable
    trackrecord = [python, "-c", "from trackrecord.cli.app import main; main()"]
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal_app.py"
        minimal.write_text(MINIMAL_TYPER_APP)
        db = str(Path(folder) / "bench.db")
        subprocess.run([*trackrecord, "--db", db, "expert", "add", "Sergey Markov"], check=True, stdout=subprocess.DEVNULL)
        deadline = (dt.date.today() + dt.timedelta(days=365)).isoformat()
        subprocess.run(
            [*trackrecord, "--db", db, "question", "add", "energy", "Energy?", "--kind", "binary", "--deadline", deadline],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"python {sys.version.split()[0]}, {runs} runs each, alternating with the anchor")
        compare("trackrecord --help", lambda i: [*trackrecord, "--help"], lambda i: [python, str(minimal), "--help"], runs)
        compare(
            "trackrecord forecast add",
            lambda i: [*trackrecord, "--db", db, "forecast", "add", "Sergey Markov", "energy", f"{(i + 1) / (runs + 2):.6f}"],
            lambda i: [python, "-c", "import typer, sqlmodel"],
            runs,
        )


if __name__ == "__main__":
    main()
