"""Benchmark: the import paths that are not a plain binary CSV (``bench_import.py``).

Two modes, each timed in one run so that the figures are ratios on the same machine:

- ``--json``: DESIGN.md's "JSON import ≤ 2 × the CSV import of the same rows". A mixed
  record (binary, choice and date questions, a third of them resolved; forecasts on
  every kind of claim, date forecasts spread over many windows) is written as
  ``questions.csv`` + ``forecasts.csv``, imported into a fresh record, exported as one
  JSON document; then both are imported into fresh records and timed: the two CSV files
  (one ``trackrecord import``) against the JSON document.
- ``--windows``: a window-heavy CSV import (date questions only, every one resolved,
  about one new window per 8 forecasts) at ``--rows`` and 4 × ``--rows``; prints the
  ratio of the times (linear: about 4).

Each import is a ``trackrecord import`` subprocess (start-up included). Not collected by
pytest (no ``test_`` prefix):

    python tests/bench_import_shapes.py --json [--rows 150000]
    python tests/bench_import_shapes.py --windows [--rows 20000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION_HEADER = ["question", "title", "kind", "deadline", "options", "tags", "criteria", "outcome", "resolved_on"]
FORECAST_HEADER = ["question", "expert", "probability", "made_on", "option", "window", "quote", "source"]
CITIES = ["Baku", "Berlin", "Cairo", "Delhi", "Geneva"]
FIRST_DAY = dt.date(2025, 1, 1)


def write_tables(folder: Path, rows: int, *, windows_only: bool, seed: int = 12) -> tuple[Path, Path]:
    """questions.csv and forecasts.csv of a record with ``rows`` forecasts."""
    rng = random.Random(seed)
    questions_count = max(rows // 10, 20)
    experts = max(rows // 15, 10)
    kinds = ["date"] * questions_count if windows_only else [rng.choice("bbbbccdd") for _ in range(questions_count)]
    kinds = [{"b": "binary", "c": "choice", "d": "date"}.get(k, k) for k in kinds]
    questions = folder / "questions.csv"
    with open(questions, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(QUESTION_HEADER)
        for number, kind in enumerate(kinds):
            resolved = windows_only or number % 3 == 0
            outcome, resolved_on, deadline, options = "", "", "", ""
            if kind == "binary":
                deadline = "2026-03-31" if resolved else "2027-06-30"
                outcome, resolved_on = (rng.choice(["yes", "no"]), "2026-04-02") if resolved else ("", "")
            elif kind == "choice":
                deadline = "2026-03-31" if resolved else "2027-06-30"
                options = "|".join(CITIES)
                outcome, resolved_on = (rng.choice(CITIES), "2026-04-02") if resolved else ("", "")
            elif resolved:
                outcome = "happened:2026-02-10" if number % 2 else "not-by:2026-01-31"
            writer.writerow([f"q-{number:06d}", f"Question {number}?", kind, deadline, options, "", "", outcome, resolved_on])
    forecasts = folder / "forecasts.csv"
    with open(forecasts, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FORECAST_HEADER)
        for _ in range(rows):
            number = rng.randrange(questions_count)
            kind = kinds[number]
            made_on = FIRST_DAY + dt.timedelta(days=rng.randrange(300))
            option, window = "", ""
            if kind == "choice":
                option = rng.choice(CITIES)
            elif kind == "date":
                # About one window in eight forecasts is new: a window starts on one of 40
                # days and lasts one of 20 lengths, per question.
                start = made_on + dt.timedelta(days=1 + rng.randrange(40))
                end = max(start + dt.timedelta(days=10 * (1 + rng.randrange(20))), dt.date(2025, 11, 1))
                window = f"{start.isoformat()}..{end.isoformat()}"
            writer.writerow([
                f"q-{number:06d}", f"Expert {rng.randrange(experts):05d}", f"0.{rng.randrange(1, 100):02d}",
                made_on.isoformat(), option, window, "", "",
            ])
    return questions, forecasts


def trackrecord(db: Path, *arguments: str) -> float:
    """Run ``trackrecord --db DB ARGUMENTS``; its wall time in seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from trackrecord.cli.app import main; sys.argv=['trackrecord', *sys.argv[1:]]; main()",
         "--db", str(db), *arguments],
        capture_output=True, text=True, check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"trackrecord {' '.join(arguments)} failed: {result.stderr[:2000]}")
    return elapsed


def bench_json(folder: Path, rows: int) -> None:
    questions, forecasts = write_tables(folder, rows, windows_only=False)
    source = folder / "source.db"
    trackrecord(source, "import", "--add-experts", "--distinct", str(questions), str(forecasts))
    document = folder / "record.json"
    trackrecord(source, "export", "--format", "json", "--output", str(document))
    csv_time = trackrecord(folder / "csv.db", "import", "--add-experts", "--distinct", str(questions), str(forecasts))
    json_time = trackrecord(folder / "json.db", "import", str(document))
    print(f"rows: {rows:,} forecasts (mixed binary, choice and date questions)")
    print(f"CSV import (questions.csv + forecasts.csv): {csv_time:.2f} s")
    print(f"JSON import of the same record: {json_time:.2f} s")
    print(f"ratio JSON / CSV: {json_time / csv_time:.2f} (target <= 2)")


def bench_windows(folder: Path, rows: int) -> None:
    times = []
    for size in (rows, 4 * rows):
        part = folder / f"n{size}"
        part.mkdir()
        questions, forecasts = write_tables(part, size, windows_only=True)
        db = part / "record.db"
        trackrecord(db, "import", str(questions))
        times.append(trackrecord(db, "import", "--add-experts", "--distinct", str(forecasts)))
        print(f"window-heavy CSV import of {size:,} forecasts: {times[-1]:.2f} s")
    print(f"ratio 4N / N: {times[1] / times[0]:.2f} (linear: about 4)")


def main() -> None:
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--json", action="store_true")
    mode.add_argument("--windows", action="store_true")
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-shapes-"))
    try:
        if args.json:
            bench_json(folder, args.rows or 150_000)
        else:
            bench_windows(folder, args.rows or 20_000)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
