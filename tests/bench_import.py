"""Benchmark: ``trackrecord import`` of 1,000,000 forecasts vs raw ``sqlite3.executemany``.

DESIGN.md's target: the import takes at most 3 × raw ``executemany`` of the same rows
into the same schema. Not collected by pytest (no ``test_`` prefix); run it with

    python tests/bench_import.py [--rows 1000000] [--experts 10000] [--questions 100000]

It creates the schema through ``trackrecord``, sets up the experts and binary questions
directly with sqlite3, writes a forecasts CSV, copies the database, then times
(1) ``trackrecord import forecasts.csv`` as a subprocess (start-up, CSV reading,
validation and inserts included) and (2) ``executemany`` of the same rows, prebuilt in
memory, into the copy, and prints both, their ratio and rows per second.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def setup(db: Path, experts: int, questions: int) -> None:
    subprocess.run(
        [sys.executable, "-c", "import sys; from trackrecord.cli.app import main; sys.argv=['trackrecord','--db',sys.argv[1],'expert','list']; main()", str(db)],
        check=True, capture_output=True,
    )
    now = "2025-01-01 00:00:00.000000"
    deadline = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    with sqlite3.connect(db) as connection:
        connection.executemany(
            "INSERT INTO expert (id, name, affiliation, slug, name_key, created_at) VALUES (?, ?, NULL, ?, ?, ?)",
            ((i + 1, f"Expert {i:05d}", f"expert-{i:05d}", f"expert {i:05d}", now) for i in range(experts)),
        )
        connection.executemany(
            "INSERT INTO question (id, slug, title, kind, deadline, criteria, created_at) VALUES (?, ?, ?, 'binary', ?, NULL, ?)",
            ((j + 1, f"q-{j:06d}", f"Question {j}?", deadline, now) for j in range(questions)),
        )
        connection.executemany(
            "INSERT INTO claim (id, question_id, key, option_id, window_start, window_end, deadline) VALUES (?, ?, 'yes', NULL, NULL, NULL, ?)",
            ((j + 1, j + 1, deadline) for j in range(questions)),
        )


def pairs(rows: int, experts: int, questions: int):
    """(expert index, question index, probability text, made_on) — every (expert, question) at most once."""
    per_question = rows // questions + 1
    made = [(dt.date.today() - dt.timedelta(days=d)).isoformat() for d in range(1, 31)]
    for i in range(rows):
        question = i % questions
        k = i // questions
        expert = (k + (question % 1000) * per_question) % experts
        yield expert, question, f"0.{(i * 7919) % 100:02d}", made[i % 30]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    db, raw_db, table = folder / "import.db", folder / "raw.db", folder / "forecasts.csv"
    setup(db, args.experts, args.questions)
    shutil.copy(db, raw_db)
    with open(table, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["question", "expert", "probability", "made_on", "option", "window", "quote", "source"])
        for expert, question, probability, made_on in pairs(args.rows, args.experts, args.questions):
            writer.writerow([f"q-{question:06d}", f"Expert {expert:05d}", probability, made_on, "", "", "", ""])

    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from trackrecord.cli.app import main; sys.argv=['trackrecord', *sys.argv[1:]]; main()",
         "--db", str(db), "import", str(table)],
        capture_output=True, text=True, check=False,
    )
    imported = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"import failed: {result.stderr[:2000]}")

    recorded = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    rows = [
        (float(p), made_on, None, None, None, None, None, question + 1, expert + 1, recorded)
        for expert, question, p, made_on in pairs(args.rows, args.experts, args.questions)
    ]
    connection = sqlite3.connect(raw_db)
    started = time.perf_counter()
    connection.executemany(
        "INSERT INTO forecast (probability, made_on, quote, source, phrase, scale, note, claim_id, expert_id, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.commit()
    raw = time.perf_counter() - started
    counts = [sqlite3.connect(path).execute("SELECT COUNT(*) FROM forecast").fetchone()[0] for path in (db, raw_db)]
    print(result.stdout.strip())
    print(f"rows: {args.rows:,} forecasts ({args.experts:,} experts x {args.questions:,} binary questions); stored {counts}")
    print(f"trackrecord import: {imported:.2f} s ({args.rows / imported:,.0f} rows/s)")
    print(f"raw sqlite3.executemany: {raw:.2f} s ({args.rows / raw:,.0f} rows/s)")
    print(f"ratio: {imported / raw:.2f} (target <= 3)")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
