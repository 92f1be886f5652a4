"""Kill -9 during the upgrade of a large record: it must open afterwards, whole.

Builds an SQLite record at revision 0001 (``--experts`` experts with accented names,
so that migration 0002 rewrites their keys, ``--forecasts`` forecasts on binary and
choice questions with accented options, so that 0004 rewrites claim keys), then
``--runs`` times: copies it, starts ``trackrecord --db COPY expert list`` (which
upgrades it) in a subprocess, kills it with SIGKILL at a random moment within the
upgrade's measured duration, and checks that the copy is at 0001 or at head, that
``PRAGMA integrity_check`` is ok, that the row counts are unchanged, and that the CLI
opens it afterwards. Prints one line of figures.

    python tests/bench_migration_kill.py [--experts 20000] [--forecasts 50000] [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTED = ("expert", "expert_alias", "question", "question_option", "claim", "forecast", "resolution")
COMMAND = [sys.executable, "-c", "from trackrecord.cli.app import main; main()"]


def build(path: Path, experts: int, forecasts: int) -> None:
    import sqlalchemy as sa

    from trackrecord.forecasts import db as database

    engine = database.make_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
    database.upgrade(engine, "0001")
    engine.dispose()
    fold = lambda text: " ".join(text.split()).casefold()  # noqa: E731  (0001's folding)
    at = "2024-06-02 00:00:00.000000"
    with sqlite3.connect(path) as connection:
        names = [f"Expérte Nümber {n}" for n in range(experts)]
        connection.executemany(
            "INSERT INTO expert (id, name, slug, name_key, created_at) VALUES (?, ?, ?, ?, ?)",
            [(n + 1, name, f"expert-{n}", fold(name), at) for n, name in enumerate(names)],
        )
        connection.executemany(
            "INSERT INTO expert_alias (expert_id, alias, alias_key) VALUES (?, ?, ?)",
            [(n + 1, f"Alïas {n}", fold(f"Alïas {n}")) for n in range(0, experts, 4)],
        )
        questions = max(10, forecasts // 50)
        claims = []
        for q in range(1, questions + 1):
            choice = q % 2 == 0
            connection.execute(
                "INSERT INTO question (id, slug, title, kind, deadline, created_at) VALUES (?, ?, ?, ?, '2025-01-01', ?)",
                (q, f"q-{q}", f"Question {q}?", "choice" if choice else "binary", at),
            )
            if choice:
                for position, label in enumerate((f"Genève {q}", f"Zürich {q}", f"Malmö {q}")):
                    option_id = connection.execute(
                        "INSERT INTO question_option (question_id, label, label_key, position) VALUES (?, ?, ?, ?)",
                        (q, label, fold(label), position),
                    ).lastrowid
                    claims.append(connection.execute(
                        "INSERT INTO claim (question_id, key, option_id, deadline) VALUES (?, ?, ?, '2025-01-01')",
                        (q, f"option:{fold(label)}", option_id),
                    ).lastrowid)
            else:
                claims.append(connection.execute(
                    "INSERT INTO claim (question_id, key, deadline) VALUES (?, 'yes', '2025-01-01')", (q,)
                ).lastrowid)
            connection.execute(
                "INSERT INTO resolution (question_id, outcome, known_on, forced, recorded_at) VALUES (?, 'annulled', '2024-12-01', 0, ?)",
                (q, at),
            )
        rng = random.Random(7)
        connection.executemany(
            "INSERT INTO forecast (probability, made_on, claim_id, expert_id, recorded_at, quote) VALUES (?, '2024-06-01', ?, ?, ?, ?)",
            [(rng.random(), rng.choice(claims), rng.randrange(1, experts + 1), at, "x" * 200) for _ in range(forecasts)],
        )


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in COUNTED}


def state(path: Path) -> tuple[str, str, dict[str, int]]:
    with sqlite3.connect(path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return revision, integrity, counts(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=20_000)
    parser.add_argument("--forecasts", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    from trackrecord.forecasts.db import HEAD_REVISION

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder)}
        original = folder / "old.db"
        started = time.perf_counter()
        build(original, args.experts, args.forecasts)
        before = counts(original)
        print(f"built revision 0001: {before['expert']} experts, {before['forecast']} forecasts, {before['claim']} claims "
              f"({original.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")

        timing = folder / "timing.db"
        shutil.copy(original, timing)
        started = time.perf_counter()
        subprocess.run([*COMMAND, "--db", str(timing), "expert", "list", "--limit", "1"], env=env, check=True, capture_output=True)
        full = time.perf_counter() - started
        assert state(timing) == (HEAD_REVISION, "ok", before), state(timing)
        print(f"uninterrupted upgrade 0001 -> {HEAD_REVISION} (start-up included): {full:.2f} s")

        partial = opened = intact = at_old = at_head = finished = 0
        for run in range(args.runs):
            copy = folder / f"copy-{run}.db"
            shutil.copy(original, copy)
            delay = rng.uniform(0.0, full)
            process = subprocess.Popen([*COMMAND, "--db", str(copy), "expert", "list", "--limit", "1"],
                                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            else:
                finished += 1
            process.wait()
            revision, integrity, after = state(copy)
            at_old += revision == "0001"
            at_head += revision == HEAD_REVISION
            partial += revision not in ("0001", HEAD_REVISION) or after != before
            if revision == "0001":  # the old schema exactly: no half-added column
                with sqlite3.connect(copy) as connection:
                    columns = {row[1] for row in connection.execute("PRAGMA table_info(forecast)")}
                partial += "scale" in columns
            intact += integrity == "ok"
            reopened = subprocess.run([*COMMAND, "--db", str(copy), "expert", "list", "--limit", "1"], env=env, capture_output=True, text=True)
            opened += reopened.returncode == 0 and state(copy) == (HEAD_REVISION, "ok", before)
            print(f"  run {run + 1}: killed after {delay:.2f} s -> revision {revision}, integrity {integrity}, "
                  f"reopened {'ok' if reopened.returncode == 0 else reopened.stderr.strip()}")
            copy.unlink()
        print(f"{args.runs} kills: {partial} partial, {opened} open, integrity {'ok' if intact == args.runs else f'bad in {args.runs - intact}'} "
              f"({at_old} at 0001, {at_head} at {HEAD_REVISION}, {finished} finished before the kill)")
        return 0 if partial == 0 and opened == intact == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
