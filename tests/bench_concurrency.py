"""Races and crashes at the sizes issue 11 asks for; prints the figures.

    python tests/bench_concurrency.py [--db URL] [--workers 8] [--adds 50] [--rows 100000]
                                      [--kill-rows 300000] [--kills 20]

1. ``--workers`` processes, each running ``--adds`` ``trackrecord forecast add`` one after
   the other, all on the same new date window (the claim is created by whichever comes
   first): failures, tracebacks and rows recorded.
2. Two ``trackrecord import`` of the same ``--rows``-row CSV started together: rows recorded
   (each once) and what each reported.
3. (SQLite only) ``--kills`` times: a ``--kill-rows``-row import killed with SIGKILL at a
   random moment; the record must open, pass ``PRAGMA integrity_check`` and hold either
   none or all of the file's rows.

``--db`` runs parts 1 and 2 on a PostgreSQL database instead (the URL of an empty one);
the default is a fresh SQLite file in a temporary folder. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SCRIPT = "from trackrecord.cli.app import main; main()"
ENV = {**os.environ, "TRACKRECORD_BUSY_TIMEOUT": "3600"}


def trackrecord(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", SCRIPT, "--db", db, *args], capture_output=True, text=True, env=ENV)
    if check and result.returncode:
        raise SystemExit(f"trackrecord {' '.join(args)} failed: {result.stderr}")
    return result


def count_forecasts(db: str) -> int:
    return len(json.loads(trackrecord(db, "forecast", "list", "--limit", "10000000", "--format", "json").stdout))


def same_window(db: str, workers: int, adds: int) -> None:
    trackrecord(db, "question", "add", "summit", "When will the summit take place?", "--kind", "date")
    for worker in range(workers):
        trackrecord(db, "expert", "add", f"Analyst {worker}")

    def work(worker: int) -> list[subprocess.CompletedProcess]:
        return [
            trackrecord(
                db, "forecast", "add", f"Analyst {worker}", "summit", f"{(n + 1) / (adds + 2):.4f}",
                "--window", "2031-03-01..2031-05-31", "--made-on", "2025-01-01", check=False,
            )
            for n in range(adds)
        ]

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = [result for batch in pool.map(work, range(workers)) for result in batch]
    elapsed = time.perf_counter() - started
    failures = sum(1 for result in results if result.returncode)
    tracebacks = sum(1 for result in results if "Traceback" in result.stderr)
    print(
        f"{workers} processes x {adds} forecast add on one new window: {failures} failures, {tracebacks} tracebacks, "
        f"{count_forecasts(db)} rows recorded (expected {workers * adds}) in {elapsed:.1f} s"
    )


def write_csv(path: Path, rows: int, experts: int = 1000) -> None:
    with path.open("w") as out:
        out.write("question,expert,probability,made_on,option,window,quote,source\n")
        for n in range(rows):
            day = n // experts
            out.write(f"talks,Entrant {n % experts:04d},{(n % 97 + 1) / 100:.2f},{2000 + day // 336}-{day // 28 % 12 + 1:02d}-{day % 28 + 1:02d},,,,\n")


def two_imports(db: str, folder: Path, rows: int) -> None:
    trackrecord(db, "question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", "2031-01-01")
    path = folder / "forecasts.csv"
    write_csv(path, rows)
    before = count_forecasts(db)
    started = time.perf_counter()
    processes = [
        subprocess.Popen([sys.executable, "-c", SCRIPT, "--db", db, "import", str(path), "--add-experts"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
        for _ in range(2)
    ]
    outputs = [(process.wait(), *process.communicate()) for process in processes]
    elapsed = time.perf_counter() - started
    added = count_forecasts(db) - before
    print(f"2 concurrent imports of one {rows}-row file: {added} rows recorded (expected {rows}) in {elapsed:.1f} s")
    for code, stdout, stderr in outputs:
        print(f"  exit {code}: {(stdout or stderr).strip()}")


def kills(folder: Path, rows: int, times: int, seed: int) -> None:
    rng = random.Random(seed)
    path = folder / "kill.csv"
    write_csv(path, rows)
    base = folder / "kill-base.db"
    trackrecord(str(base), "question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", "2031-01-01")
    started = time.perf_counter()
    probe = folder / "probe.db"
    probe.write_bytes(base.read_bytes())
    trackrecord(str(probe), "import", str(path), "--add-experts")
    full = time.perf_counter() - started
    partial = broken = none = whole = 0
    for _ in range(times):
        db = folder / "kill.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.write_bytes(base.read_bytes())
        process = subprocess.Popen([sys.executable, "-c", SCRIPT, "--db", str(db), "import", str(path), "--add-experts"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        time.sleep(rng.uniform(0.2, full))
        process.send_signal(signal.SIGKILL)
        process.wait()
        opened = trackrecord(str(db), "expert", "list", "--format", "json", check=False)
        with sqlite3.connect(db) as connection:  # the file itself: what a crash left behind
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if opened.returncode or integrity != "ok":
            broken += 1
            continue
        with sqlite3.connect(db) as connection:
            held = connection.execute("SELECT COUNT(*) FROM forecast").fetchone()[0]
        none += held == 0
        whole += held == rows
        partial += held not in (0, rows)
    print(
        f"{times} SIGKILLs during a {rows}-row import (uninterrupted: {full:.1f} s): {partial} partial, {broken} broken or "
        f"unopenable, {none} with none of the rows, {whole} with all (killed after the commit), integrity_check ok on "
        f"{times - broken}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a PostgreSQL URL for parts 1 and 2 (an empty database)")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--adds", type=int, default=50)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--kill-rows", type=int, default=300_000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        first = options.db or str(folder / "race.db")
        same_window(first, options.workers, options.adds)
        second = options.db or str(folder / "imports.db")
        two_imports(second, folder, options.rows)
        if options.kills and not options.db:
            kills(folder, options.kill_rows, options.kills, options.seed)


if __name__ == "__main__":
    main()
