"""How many random tamperings of a record ``trackrecord verify`` catches; prints the figures.

    python tests/bench_tamper.py [--trials 200] [--seed 7]

Builds the bundled example (``trackrecord demo --save``) plus a correction, a retraction
and a rename, notes its chain head, then for each trial copies it and makes one random
change straight in the SQLite file, as someone with the file could: edit a column of a
random chained row (claim, forecast, forecast_change, record_change, resolution) to
another value, delete a row, insert a copy of a row (with or without its chain columns),
or swap two rows' places in the chain. Each copy is checked twice: ``verify`` alone, and
``verify --head`` with the published head (deleting the very last link can only be seen
against a head published before). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

TABLES = ("claim", "forecast", "forecast_change", "record_change", "resolution")
SCRIPT = "from trackrecord.cli.app import main; main()"


def trackrecord(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, "--db", str(db), *args], capture_output=True, text=True)


def build(folder: Path) -> tuple[Path, str]:
    db = folder / "example.db"
    subprocess.run([sys.executable, "-c", SCRIPT, "demo", "--save", str(db)], capture_output=True, check=True)
    for args in (
        ["forecast", "correct", "3", "--probability", "0.35", "--reason", "misread"],
        ["forecast", "retract", "5", "--reason", "not a forecast"],
        ["expert", "rename", "Toutiao", "Toutiao (ByteDance)", "--reason", "full name"],
    ):
        result = trackrecord(db, *args)
        assert result.returncode == 0, result.stderr
    out = trackrecord(db, "verify").stdout
    return db, out.rsplit("head ", 1)[1].strip().rstrip(".")


def other_value(value, rng: random.Random):
    if value is None:
        return "added"
    if isinstance(value, int):
        return value + rng.choice([-1, 1, 7])
    if isinstance(value, float):
        return round(min(1.0, max(0.0, value + rng.choice([-0.05, 0.05]))), 4) if value not in (0.0, 1.0) else 0.5
    return value + "x" if rng.random() < 0.5 else value[:-1] + chr(ord(value[-1]) ^ 1) if value else "x"


def tamper(connection: sqlite3.Connection, rng: random.Random) -> str:
    connection.execute("PRAGMA foreign_keys = OFF")
    table = rng.choice([t for t in TABLES if connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]])
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    ids = [row[0] for row in connection.execute(f"SELECT id FROM {table}")]
    row_id = rng.choice(ids)
    kind = rng.choice(["edit", "edit", "edit", "delete", "insert", "insert-copy", "swap"])
    if kind == "edit":
        column = rng.choice([c for c in columns if c not in ("id", "chain_seq", "chain_hash")])
        value = connection.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
        new = other_value(value, rng)
        if new == value:
            new = f"{value}!"
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (new, row_id))
        return f"edit {table}.{column}"
    if kind == "delete":
        connection.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return f"delete {table}"
    if kind in ("insert", "insert-copy"):
        kept = [c for c in columns if c != "id" and (kind == "insert-copy" or c not in ("chain_seq", "chain_hash"))]
        if kind == "insert-copy":  # a copy claiming a link of its own: the unique index forbids a duplicate, so take a free number
            connection.execute(f"DROP INDEX IF EXISTS ix_{table}_chain_seq")
        names = ", ".join(kept)
        connection.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {table} WHERE id = ?", (row_id,))
        return f"{kind} {table}"
    other_table = rng.choice([t for t in TABLES if connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]])
    other_id = rng.choice([row[0] for row in connection.execute(f"SELECT id FROM {other_table}")])
    if (other_table, other_id) == (table, row_id):
        connection.execute(f"UPDATE {table} SET chain_seq = chain_seq + 1000000 WHERE id = ?", (row_id,))
        return "renumber"
    (first,) = connection.execute(f"SELECT chain_seq FROM {table} WHERE id = ?", (row_id,)).fetchone()
    (second,) = connection.execute(f"SELECT chain_seq FROM {other_table} WHERE id = ?", (other_id,)).fetchone()
    connection.execute(f"UPDATE {table} SET chain_seq = -1 WHERE id = ?", (row_id,))
    connection.execute(f"UPDATE {other_table} SET chain_seq = ? WHERE id = ?", (first, other_id))
    connection.execute(f"UPDATE {table} SET chain_seq = ? WHERE id = ?", (second, row_id))
    return "swap"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    caught, caught_with_head, kinds, missed, missed_alone = 0, 0, Counter(), [], Counter()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        original, head = build(folder)
        for trial in range(options.trials):
            copy = folder / f"copy{trial}.db"
            shutil.copy(original, copy)
            while True:  # a change the schema itself refuses (a unique column copied) is no tampering: draw again
                try:
                    with sqlite3.connect(copy) as connection:
                        what = tamper(connection, rng)
                    break
                except sqlite3.IntegrityError:
                    shutil.copy(original, copy)
            kinds[what.split()[0]] += 1
            alone = trackrecord(copy, "verify")
            with_head = trackrecord(copy, "verify", "--head", head)
            assert "Traceback" not in alone.stderr + with_head.stderr, (what, alone.stderr, with_head.stderr)
            caught += alone.returncode == 3
            if alone.returncode != 3:
                missed_alone[what] += 1
            caught_with_head += with_head.returncode == 3
            if with_head.returncode != 3:
                missed.append((what, with_head.returncode, with_head.stdout.strip() or with_head.stderr.strip()))
            copy.unlink()
    print(f"{options.trials} random tamperings ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}):")
    print(f"  verify alone caught {caught} ({100 * caught / options.trials:.1f}%)")
    if missed_alone:
        print(f"  missed by verify alone: {', '.join(f'{n} {what}' for what, n in sorted(missed_alone.items()))}")
    print(f"  verify --head (published head) caught {caught_with_head} ({100 * caught_with_head / options.trials:.1f}%)")
    for what, code, message in missed:
        print(f"  missed: {what}: exit {code}: {message}")


if __name__ == "__main__":
    main()
