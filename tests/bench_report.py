"""Report benchmark: ``trackrecord report`` on a record of 10,000 experts and 100,000 questions.

DESIGN target (issue 13): the site of that record in at most 60 s and 1 GB of memory.
The record is ``bench_leaderboard.py``'s (10,000 experts, 100,000 questions, 160,000
claims, 1.1 million forecasts; built in ~25 s with the same seed); ``--db`` reuses one
kept with ``python tests/bench_leaderboard.py --runs 1 --db FILE --keep``. Each run is a
fresh ``trackrecord report`` subprocess, measured as bench_leaderboard measures (wall
time, its own peak RSS); the script prints each run, the median, the pages and the
site's size. Not collected by pytest.

    python tests/bench_report.py [--runs 1] [--db FILE] [--scale 0.05]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_leaderboard import build, measure, warm_cache  # noqa: E402

TARGET_SECONDS, TARGET_MB = 60, 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="timed runs (default 1)")
    parser.add_argument("--db", type=Path, help="an existing bench_leaderboard record (default: build one in a temporary folder)")
    parser.add_argument("--scale", type=float, default=1.0, help="build a smaller record (0.05) to try the script")
    parser.add_argument("--keep", type=Path, help="copy the last run's site to this new folder, to look at it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        work = Path(folder)
        path = args.db
        if path is None or not path.exists():
            path = path or work / "record.db"
            print(f"database: building {path} (scale {args.scale})", flush=True)
            build(path, args.scale)
        warm_cache(path)
        runs = []
        for index in range(args.runs):
            site = work / f"site-{index}"
            measured = measure(["trackrecord", "--db", str(path), "report", "--output", str(site)], work / "measure.txt")
            pages = sum(1 for _ in site.rglob("*.html"))
            size = sum(p.stat().st_size for p in site.rglob("*")) / 2**20
            print(f"  run {index + 1}: {measured.seconds:6.1f} s  peak {measured.peak_mb:6.0f} MB  {pages:,} pages, {size:,.0f} MB on disk", flush=True)
            runs.append(measured)
            if index + 1 < args.runs:
                shutil.rmtree(site)
        seconds = statistics.median(m.seconds for m in runs)
        peak = max(m.peak_mb for m in runs)
        met = seconds <= TARGET_SECONDS and peak <= TARGET_MB
        print(f"median {seconds:.1f} s (target <= {TARGET_SECONDS} s), peak memory {peak:.0f} MB (target <= {TARGET_MB} MB): "
              f"{'met' if met else 'NOT met'}")
        if args.keep:
            shutil.copytree(work / f"site-{args.runs - 1}", args.keep)
        if not met:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
