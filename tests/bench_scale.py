"""Benchmark at a million forecasts (issue 12): every view and the leaderboard, with their anchors.

One run prints, for the 1,000,000-forecast record that ``tests/bench_leaderboard.py``
builds (10,000 experts, 100,000 questions; built once, reused with ``--reuse``), each
command's median wall time over ``--runs`` runs (a fresh ``trackrecord`` process each
time, start-up included), its peak memory, its anchor measured in the same run and the
target:

- ``--help``: the start-up floor every command pays;
- ``due``, ``question list`` (its default page), ``forecast list --expert``,
  ``calibration EXPERT``: at most 1 s each; ``expert show``: at most 1.5 s. The anchor is
  the same question asked of sqlite3 in this process (no Python start-up), to show what
  is start-up and what is work;
- ``leaderboard --format json``: at most 0.6 × the pandas anchor of
  ``bench_leaderboard.py`` (``read_sql`` + ``groupby`` of the mean Brier only) and 1 GB;
- with ``--imports``, ``tests/bench_import.py``'s figures (CSV import against raw
  ``executemany``, JSON import against the CSV import) are printed after the table;
- with ``--growth``, every command (views, listings, export, history, verify and writes,
  on copies) timed on a record a quarter the size (built beside ``--db``) and on the
  full one: a linear command takes at most about 4 × as long, a page or a lookup about
  the same; more than 6 × is flagged.

    python tests/bench_scale.py --db /tmp/big/1m.db [--reuse] [--runs 3] [--imports] [--growth]

Not collected by pytest. Timings on a shared machine are noisy: compare the ratios, which
are measured side by side.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_leaderboard as board  # noqa: E402  (the 1M record, the pandas anchor, measuring)

TRACKRECORD = [sys.executable, "-c", "from trackrecord.cli.app import main; main()"]

#: The same questions in plain SQL, for the anchors (what the answer costs without start-up,
#: ORM or rendering). EXPERT is bound to the expert's id.
DUE_SQL = """
SELECT q.slug, c.key FROM claim c JOIN question q ON q.id = c.question_id
LEFT JOIN resolution r ON r.id = (SELECT MAX(id) FROM resolution WHERE question_id = c.question_id)
WHERE COALESCE(c.window_end, c.deadline) < date('now') AND r.id IS NULL
  AND EXISTS (SELECT 1 FROM forecast f WHERE f.claim_id = c.id)"""
QUESTION_PAGE_SQL = "SELECT slug, title, kind, deadline FROM question ORDER BY slug LIMIT 50"
QUESTION_COUNT_SQL = "SELECT COUNT(*) FROM question"
EXPERT_FORECASTS_SQL = """
SELECT f.id, f.made_on, q.slug, c.key, f.probability FROM forecast f
JOIN claim c ON c.id = f.claim_id JOIN question q ON q.id = c.question_id
WHERE f.expert_id = :expert ORDER BY f.made_on, f.id"""
EXPERT_CLAIMS_SQL = f"""
SELECT f.probability, {board.OUTCOME_SQL} AS outcome
FROM forecast f JOIN claim c ON c.id = f.claim_id
JOIN resolution r ON r.id = (SELECT MAX(id) FROM resolution WHERE question_id = c.question_id)
WHERE f.expert_id = :expert"""


@dataclass
class Row:
    label: str
    ours: float
    peak_mb: float
    anchor_label: str
    anchor: float | None
    target: str
    met: bool | None


def sql_seconds(path: Path, queries: list[str], expert_id: int, runs: int) -> float:
    """Median time of running ``queries`` (fetching every row) with sqlite3, in this process."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for query in queries:
            connection.execute(query, {"expert": expert_id} if ":expert" in query else {}).fetchall()
        times.append(time.perf_counter() - start)
    connection.close()
    return statistics.median(times)


def timed(command: list[str], report: Path, runs: int) -> board.Measure:
    measures = [board.measure(command, report) for _ in range(runs)]
    return board.Measure(seconds=statistics.median(m.seconds for m in measures), peak_mb=max(m.peak_mb for m in measures))


def growth_commands(folder: Path, expert: str, slug: str) -> dict[str, list[str]]:
    """Every command worth timing at two sizes (writes run on copies of the records)."""
    return {
        "leaderboard --format json": ["leaderboard", "--format", "json"],
        "calibration": ["calibration"],
        "calibration EXPERT": ["calibration", expert],
        "expert list": ["expert", "list", "--format", "csv"],
        "expert show": ["expert", "show", expert],
        "question list": ["question", "list"],
        "question list --all": ["question", "list", "--all", "--format", "csv"],
        "question show": ["question", "show", slug],
        "forecast list --expert": ["forecast", "list", "--expert", expert],
        "forecast list (every row)": ["forecast", "list", "--format", "csv"],
        "due": ["due"],
        "history": ["history"],
        "export": ["export", "--output", str(folder / "export.json")],
        "forecast add": ["forecast", "add", expert, slug, "40%", "--made-on", "2020-01-01"],
        "expert add": ["expert", "add", "Someone New"],
        "question add": ["question", "add", "new-question", "Will it happen?", "--kind", "binary", "--deadline", "2030-01-01"],
    }


def growth(path: Path, scale: float) -> None:
    """Every command on a quarter-size record and on ``path``: the ratio shows growth."""
    quarter = path.with_name(path.stem + "-quarter" + path.suffix)
    if not quarter.exists():
        print(f"\nbuilding {quarter} (scale {scale / 4:g}) ...", flush=True)
        board.build(quarter, scale / 4)
    times: dict[str, dict[str, float]] = {}
    for label, record in (("quarter", quarter), ("full", path)):
        with tempfile.TemporaryDirectory(prefix="bench-growth-") as folder:
            copy = Path(folder) / "record.db"
            copy.write_bytes(record.read_bytes())
            connection = sqlite3.connect(copy)
            expert, slug = connection.execute("SELECT (SELECT name FROM expert ORDER BY id LIMIT 1), (SELECT slug FROM question WHERE kind = 'binary' ORDER BY id LIMIT 1)").fetchone()
            connection.close()
            for name, command in growth_commands(Path(folder), expert, slug).items():
                start = time.perf_counter()
                subprocess.run([*TRACKRECORD, "--db", str(copy), *command], check=True, capture_output=True)
                times.setdefault(name, {})[label] = time.perf_counter() - start
                (Path(folder) / "export.json").unlink(missing_ok=True)
    print("\nevery command at a quarter of the record and at all of it (one run each, wall time with start-up):\n")
    print(f"{'command':<28} {'quarter':>8} {'full':>8} {'growth':>7}")
    for name, measured in times.items():
        ratio = measured["full"] / measured["quarter"]
        flag = "  super-linear" if ratio > 6 else ""
        print(f"{name:<28} {measured['quarter']:7.2f}s {measured['full']:7.2f}s {ratio:6.1f}x{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the 1M record (built here unless --reuse finds it)")
    parser.add_argument("--reuse", action="store_true", help="use the --db file as it is if it exists")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="build a smaller record (0.05) to try the script")
    parser.add_argument("--imports", action="store_true", help="also run tests/bench_import.py and print its figures")
    parser.add_argument("--growth", action="store_true", help="also time every command at a quarter of the record and at all of it")
    args = parser.parse_args()
    if args.growth and args.scale < 0.2:
        parser.error(f"--growth needs --scale 0.2 or more (the quarter-size record is built at scale / 4, and the generator needs 0.05); got {args.scale:g}")
    path = args.db.expanduser().resolve()
    if path.exists() and not args.reuse:
        raise SystemExit(f"{path} exists; pass --reuse to use it, or remove it to build a new one")
    if not path.exists():
        print(f"building {path} (bench_leaderboard's record, scale {args.scale:g}) ...", flush=True)
        start = time.perf_counter()
        board.build(path, args.scale)
        print(f"  built in {time.perf_counter() - start:.0f} s")
    counts = board.row_counts(path)
    print("record: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # The expert with the most forecasts: the heaviest profile.
    expert_id, expert, forecasts = connection.execute(
        "SELECT e.id, e.name, COUNT(*) AS n FROM forecast f JOIN expert e ON e.id = f.expert_id GROUP BY e.id ORDER BY n DESC, e.id LIMIT 1"
    ).fetchone()
    connection.close()
    print(f"expert for the per-expert views: {expert} ({forecasts} forecasts)")
    board.warm_cache(path)

    db = ["--db", str(path)]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        report = Path(folder) / "measure.txt"
        floor = timed([*TRACKRECORD, "--help"], report, args.runs)
        rows.append(Row("--help (start-up floor)", floor.seconds, floor.peak_mb, "", None, "", None))
        views = [
            ("due", ["due"], "sqlite3, unresolved claims", [DUE_SQL], 1.0),
            ("question list", ["question", "list"], "sqlite3, page + count", [QUESTION_PAGE_SQL, QUESTION_COUNT_SQL], 1.0),
            ("forecast list --expert", ["forecast", "list", "--expert", expert], "sqlite3, their rows", [EXPERT_FORECASTS_SQL], 1.0),
            ("calibration EXPERT", ["calibration", expert], "sqlite3, their claims", [EXPERT_CLAIMS_SQL], 1.0),
            ("expert show", ["expert", "show", expert], "sqlite3, rows + claims", [EXPERT_FORECASTS_SQL, EXPERT_CLAIMS_SQL], 1.5),
        ]
        for label, command, anchor_label, queries, limit in views:
            ours = timed([*TRACKRECORD, *db, *command], report, args.runs)
            anchor = sql_seconds(path, queries, expert_id, args.runs)
            rows.append(Row(label, ours.seconds, ours.peak_mb, anchor_label, anchor, f"<= {limit:g} s", ours.seconds <= limit))
        leaderboard, pandas = [], []
        for _ in range(args.runs):  # alternating, as bench_leaderboard does
            pandas.append(board.measure([sys.executable, "-c", board.ANCHOR_SCRIPT, str(path), board.ANCHOR_SQL], report))
            leaderboard.append(board.measure([*TRACKRECORD, *db, "leaderboard", "--format", "json"], report))
        ours_time = statistics.median(m.seconds for m in leaderboard)
        pandas_time = statistics.median(m.seconds for m in pandas)
        peak = max(m.peak_mb for m in leaderboard)
        rows.append(Row(
            "leaderboard --format json", ours_time, peak, "pandas read_sql + groupby", pandas_time,
            "<= 0.6 x anchor, <= 1024 MB", ours_time <= 0.6 * pandas_time and peak <= 1024,
        ))

    print(f"\npython {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {args.runs} runs, wall time with start-up\n")
    print(f"{'operation':<28} {'ours':>8} {'peak':>8}   {'anchor':<28} {'anchor':>8} {'ratio':>6}   {'target':<28} met")
    for row in rows:
        anchor = "" if row.anchor is None else f"{row.anchor:7.3f}s"
        ratio = "" if row.anchor is None else f"{row.ours / row.anchor:6.2f}"
        met = "" if row.met is None else ("yes" if row.met else "NO")
        print(f"{row.label:<28} {row.ours:7.3f}s {row.peak_mb:6.0f}MB   {row.anchor_label:<28} {anchor:>8} {ratio:>6}   {row.target:<28} {met}")
    leaderboard_time = rows[-1].ours
    print(f"\neach view as a share of the leaderboard's own time in this run ({leaderboard_time:.2f} s):")
    print("  " + ", ".join(f"{row.label} {row.ours / leaderboard_time:.2f}" for row in rows[1:-1]))

    if args.growth:
        growth(path, args.scale)
    if args.imports:
        print("\ntests/bench_import.py:", flush=True)
        subprocess.run([sys.executable, str(Path(__file__).parent / "bench_import.py")], check=True)


if __name__ == "__main__":
    main()
