"""Leaderboard benchmark: trackrecord's ``leaderboard`` against a pandas anchor.

DESIGN.md target, measured in one run on the same machine: ``leaderboard`` over
1,000,000 scored (expert, claim) pairs and 10,000 experts, all metrics, takes at most
1.0 x a pandas ``read_sql`` + ``groupby`` computing only the mean Brier on the same
database, with a peak memory of at most 1 GB.

The script builds a database with the real schema (``forecasts.db.open_database`` runs
the migrations, then raw ``sqlite3.executemany`` fills it in one transaction from a
seeded numpy RNG): 10,000 experts, 100,000 questions (~70% binary, ~15% choice with three
options, ~15% date with three window claims each), every question resolved (~2% of them
twice, so only the newest resolution row must count), ~20% of questions tagged, and
1,000,000 (expert, claim) pairs each with one forecast, ~10% with a later revision.

Then, ``--runs`` times and alternating, each in a fresh subprocess whose own peak RSS is
read with ``os.wait4``:

- ours:   ``python -c "from trackrecord.cli.app import main; main()" --db DB leaderboard --format json``
- anchor: ``pandas.read_sql`` of every forecast's probability and 0/1 outcome (claim joined
  to its question's newest resolution, outcome by the same CASE rules as
  ``resolutions/outcomes.py``), then ``(p - o)**2`` and ``groupby('expert_id').mean()``.
  No forecast policy, no other metric.

It prints medians, the ratio ours/anchor (target <= 1.0) and our peak memory (target
<= 1024 MB), and checks ours once: 10,000 experts, every metric present, and each
expert's number of scored questions and mean question Brier equal to an independent
pandas computation (the latest forecast made before the outcome was known counts per
claim; one score per expert and question: a binary claim's (p - o)^2, a choice
question's named options as one distribution with the rest spread evenly, a date
question's windows averaged); for a database built in this run, the questions per expert
never exceed the scored claims the generator intended. Not collected by pytest.

    python tests/bench_leaderboard.py [--runs 3] [--db PATH --keep | --reuse]

``--scale 0.05`` builds a proportionally smaller database, to try the script quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SEED = 20251123
EXPERTS = 10_000
QUESTIONS = 100_000
PAIRS = 1_000_000
REVISED_SHARE = 0.10
TAGGED_SHARE = 0.20
RERESOLVED_SHARE = 0.02
BASE_DAY = dt.date(2021, 1, 1)
CITIES = ["Baku", "Berlin", "Cairo", "Delhi", "Geneva", "Istanbul", "Jakarta", "Lima", "Nairobi", "Oslo", "Riyadh", "Seoul", "Vienna"]
TAGS = ["ai", "climate", "economy", "elections", "energy", "health", "markets", "military", "russia", "science",
        "space", "sports", "tech", "trade", "usa"]

#: Every forecast with its probability and its claim's 0/1 outcome from the question's
#: newest resolution; the rules of resolutions/outcomes.py as plain SQL CASE expressions.
OUTCOME_SQL = """
    CASE r.outcome
        WHEN 'yes' THEN 1
        WHEN 'no' THEN 0
        WHEN 'option' THEN CASE WHEN c.option_id = r.option_id THEN 1 ELSE 0 END
        WHEN 'other' THEN 0
        WHEN 'happened' THEN CASE WHEN (c.window_start IS NULL OR c.window_start <= r.event_on)
                                   AND r.event_on <= c.window_end THEN 1 ELSE 0 END
        WHEN 'not_by' THEN CASE WHEN c.window_end <= r.event_on THEN 0 END
    END"""
KNOWN_ON_SQL = """
    CASE
        WHEN r.outcome IN ('yes', 'no', 'option', 'other') THEN r.known_on
        WHEN r.outcome = 'happened' THEN CASE WHEN r.event_on < c.window_end THEN r.event_on ELSE c.window_end END
        WHEN r.outcome = 'not_by' AND c.window_end <= r.event_on THEN c.window_end
    END"""
CURRENT_RESOLUTION_JOIN = """
    FROM forecast f
    JOIN claim c ON c.id = f.claim_id
    JOIN (SELECT question_id, MAX(id) AS id FROM resolution GROUP BY question_id) newest
        ON newest.question_id = c.question_id
    JOIN resolution r ON r.id = newest.id"""
ANCHOR_SQL = f"""
SELECT expert_id, probability, outcome FROM (
    SELECT f.expert_id, f.probability, {OUTCOME_SQL} AS outcome
    {CURRENT_RESOLUTION_JOIN}
) WHERE outcome IS NOT NULL"""
VERIFY_SQL = f"""
SELECT * FROM (
    SELECT f.id, f.expert_id, f.claim_id, c.question_id, f.probability, f.made_on, {OUTCOME_SQL} AS outcome,
           {KNOWN_ON_SQL} AS known_on
    {CURRENT_RESOLUTION_JOIN}
) WHERE outcome IS NOT NULL AND made_on < known_on"""

QUESTION_SQL = """
SELECT q.id AS question_id, q.kind,
       (SELECT COUNT(*) FROM question_option o WHERE o.question_id = q.id) + 1 AS categories
FROM question q"""

ANCHOR_SCRIPT = """
import sqlite3, sys
import pandas as pd
connection = sqlite3.connect(sys.argv[1])
frame = pd.read_sql(sys.argv[2], connection)
frame["brier"] = (frame["probability"] - frame["outcome"]) ** 2
means = frame.groupby("expert_id")["brier"].mean()
print(means.to_json())
"""


# --------------------------------------------------------------------------- building


@dataclass
class Truth:
    """What the generator meant: per scored pair, the expert, latest probability and outcome."""

    expert_id: np.ndarray
    probability: np.ndarray
    outcome: np.ndarray


def day_strings(count: int) -> np.ndarray:
    return np.array([(BASE_DAY + dt.timedelta(days=day)).isoformat() for day in range(count)], dtype=object)


def time_strings() -> np.ndarray:
    return np.array(
        [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{s * 7919 % 1_000_000:06d}" for s in range(86_400)],
        dtype=object,
    )


def nullable(values: np.ndarray, present: np.ndarray) -> list:
    """``values`` as a list, None where not ``present``."""
    out = values.astype(object)
    out[~present] = None
    return out.tolist()


def build(path: Path, scale: float) -> tuple[Truth, dict[str, float]]:
    """Fill a fresh database at ``path``; return the generator's truth and phase timings."""
    from trackrecord.forecasts.db import open_database

    phases: dict[str, float] = {}
    start = time.perf_counter()
    open_database(str(path)).dispose()
    phases["migrations"] = time.perf_counter() - start

    start = time.perf_counter()
    rng = np.random.default_rng(SEED)
    n_experts, n_questions, n_pairs = (max(int(n * scale), 10) for n in (EXPERTS, QUESTIONS, PAIRS))
    days, clock = day_strings(2400), time_strings()

    def stamp(day: np.ndarray) -> np.ndarray:
        return days[day] + clock[rng.integers(0, 86_400, day.size)]

    # Experts: some forecast at random, the others lean toward the truth by their skill.
    expert_ids = np.arange(1, n_experts + 1)
    skill = np.where(rng.random(n_experts) < 0.3, 0.0, rng.uniform(0.0, 0.6, n_experts))
    experts = [
        (i, f"Expert {i:05d}", f"expert-{i:05d}", f"expert {i:05d}", f"2021-01-01 00:{i // 3600 % 60:02d}:{i % 60:02d}.000000")
        for i in expert_ids.tolist()
    ]

    # Questions, opened over ~4 years; forecasts on a question come in its first 180 days,
    # claims' deadlines and outcomes later.
    question_ids = np.arange(1, n_questions + 1)
    kind = rng.choice(np.array([0, 1, 2]), n_questions, p=[0.70, 0.15, 0.15])  # binary, choice, date
    opened = np.sort(rng.integers(0, 1400, n_questions))
    deadline = np.where(kind == 2, opened + 600, opened + rng.integers(200, 401, n_questions))
    kind_names = np.array(["binary", "choice", "date"], dtype=object)[kind]
    questions = list(
        zip(
            question_ids.tolist(),
            [f"q-{i:06d}" for i in question_ids.tolist()],
            [f"Will event {i} happen?" for i in question_ids.tolist()],
            kind_names.tolist(),
            days[deadline].tolist(),
            stamp(opened).tolist(),
        )
    )

    # Choice options: three distinct cities per question (13 is prime, steps 1..6).
    choice_q = question_ids[kind == 1]
    first, step = rng.integers(0, 13, choice_q.size), rng.integers(1, 7, choice_q.size)
    option_city = (first[:, None] + step[:, None] * np.arange(3)[None, :]) % 13  # (n_choice, 3)
    option_ids = np.arange(1, choice_q.size * 3 + 1).reshape(-1, 3)
    city = np.array(CITIES, dtype=object)
    options = list(
        zip(
            option_ids.ravel().tolist(),
            np.repeat(choice_q, 3).tolist(),
            city[option_city.ravel()].tolist(),
            [c.lower() for c in city[option_city.ravel()].tolist()],
            np.tile(np.arange(3), choice_q.size).tolist(),
        )
    )

    # Resolutions (the current one of each question) and each claim's outcome and known day.
    q_index = {"binary": np.flatnonzero(kind == 0), "choice": np.flatnonzero(kind == 1), "date": np.flatnonzero(kind == 2)}
    known = opened + 181 + (rng.random(n_questions) * (deadline - opened - 180)).astype(np.int64)  # binary, choice
    binary_yes = rng.random(n_questions) < 0.4
    chosen = np.where(rng.random(choice_q.size) < 0.12, 3, rng.integers(0, 3, choice_q.size))  # 3: 'other'
    happened_on = opened + 181 + rng.integers(0, 420, n_questions)  # date questions

    # Claims: binary 'yes'; choice one per option; date three windows a..b, b+1..c, ..c.
    bq = q_index["binary"]
    cq = q_index["choice"]
    dq = q_index["date"]
    a = opened[dq] + 181 + rng.integers(0, 31, dq.size)
    b = a + rng.integers(60, 151, dq.size)
    c = b + rng.integers(30, 151, dq.size)
    w_start = np.stack([a, b + 1, np.full(dq.size, -1)], axis=1).ravel()
    w_end = np.stack([b, c, c], axis=1).ravel()
    t = np.repeat(happened_on[dq], 3)
    claim_question = np.concatenate([bq, np.repeat(cq, 3), np.repeat(dq, 3)])  # index into questions
    claim_outcome = np.concatenate([
        binary_yes[bq],
        (np.arange(3)[None, :] == chosen[:, None]).ravel(),
        ((w_start < 0) | (w_start <= t)) & (t <= w_end),
    ]).astype(np.int8)
    claim_known = np.concatenate([known[bq], np.repeat(known[cq], 3), np.minimum(t, w_end)])
    claim_option = np.concatenate([np.full(bq.size, -1), option_ids.ravel(), np.full(dq.size * 3, -1)])
    claim_start = np.concatenate([np.full(bq.size + cq.size * 3, -1), w_start])
    claim_end = np.concatenate([np.full(bq.size + cq.size * 3, -1), w_end])
    claim_deadline = np.concatenate([deadline[bq], np.repeat(deadline[cq], 3), w_end])
    window_keys = [
        f"window:{'' if s < 0 else days[s]}..{days[e]}" for s, e in zip(w_start.tolist(), w_end.tolist())
    ]
    claim_key = ["yes"] * bq.size + [f"option:{x.lower()}" for x in city[option_city.ravel()].tolist()] + window_keys
    order = np.argsort(claim_question, kind="stable")  # claim ids follow question ids
    claim_question, claim_outcome, claim_known = claim_question[order], claim_outcome[order], claim_known[order]
    claim_option, claim_start, claim_end, claim_deadline = (
        claim_option[order], claim_start[order], claim_end[order], claim_deadline[order]
    )
    claim_key = np.array(claim_key, dtype=object)[order]
    n_claims = claim_question.size
    claims = list(
        zip(
            range(1, n_claims + 1),
            (claim_question + 1).tolist(),
            claim_key.tolist(),
            nullable(claim_option, claim_option >= 0),
            nullable(days[np.maximum(claim_start, 0)], claim_start >= 0),
            nullable(days[np.maximum(claim_end, 0)], claim_end >= 0),
            days[claim_deadline].tolist(),
        )
    )

    # Resolution rows: ~2% of questions first got another resolution, corrected later by the
    # current one (forced), so only the newest row may count.
    def resolution_rows(index: np.ndarray, outcome: np.ndarray, option: np.ndarray, event: np.ndarray,
                        known_day: np.ndarray, forced: np.ndarray) -> list:
        return list(
            zip(
                (index + 1).tolist(),
                outcome.tolist(),
                nullable(option, option >= 0),
                nullable(days[np.maximum(event, 0)], event >= 0),
                nullable(days[np.maximum(known_day, 0)], known_day >= 0),
                forced.astype(int).tolist(),
                stamp(np.maximum(known_day, event) + 1).tolist(),
            )
        )

    current_outcome = np.empty(n_questions, dtype=object)
    current_outcome[bq] = np.where(binary_yes[bq], "yes", "no")
    current_outcome[cq] = np.where(chosen == 3, "other", "option")
    current_outcome[dq] = "happened"
    current_option = np.full(n_questions, -1)
    current_option[cq] = np.where(chosen == 3, -1, option_ids[np.arange(cq.size), np.minimum(chosen, 2)])
    current_event = np.full(n_questions, -1)
    current_event[dq] = happened_on[dq]
    current_known = known.copy()
    current_known[dq] = -1
    reresolved = rng.random(n_questions) < RERESOLVED_SHARE
    old = np.flatnonzero(reresolved)
    old_outcome = np.empty(old.size, dtype=object)
    old_option = np.full(old.size, -1)
    old_event = np.full(old.size, -1)
    old_known = known[old] - 1
    old_kind = kind[old]
    old_outcome[old_kind == 0] = np.where(binary_yes[old[old_kind == 0]], "no", "yes")
    old_outcome[old_kind == 1] = "other"
    old_outcome[old_kind == 2] = "not_by"  # nothing closed yet: every window stays pending
    old_event[old_kind == 2] = opened[old[old_kind == 2]] + 200
    old_known[old_kind == 2] = -1
    resolutions = resolution_rows(old, old_outcome, old_option, old_event, old_known, np.zeros(old.size, bool))
    resolutions += resolution_rows(
        np.arange(n_questions), current_outcome, current_option, current_event, current_known, reresolved
    )

    # Tags on ~20% of questions, one or two each.
    tagged = np.flatnonzero(rng.random(n_questions) < TAGGED_SHARE)
    tag_first = rng.integers(0, len(TAGS), tagged.size)
    second = rng.random(tagged.size) < 0.4
    tag_second = (tag_first + rng.integers(1, len(TAGS), tagged.size)) % len(TAGS)
    tag_names = np.array(TAGS, dtype=object)
    tags = list(zip((tagged + 1).tolist(), tag_names[tag_first].tolist()))
    tags += list(zip((tagged[second] + 1).tolist(), tag_names[tag_second[second]].tolist()))

    # (expert, claim) pairs, all distinct; the first forecast in the question's first 150
    # days, a revision for ~10% up to 30 days later and closer to the truth.
    codes = np.unique(rng.integers(0, n_claims * n_experts, int(n_pairs * 1.02) + 100))
    codes = np.sort(rng.choice(codes, n_pairs, replace=False))
    pair_claim, pair_expert = codes // n_experts, codes % n_experts
    truth = claim_outcome[pair_claim]
    target = np.where(truth == 1, 0.99, 0.01)
    lean = skill[pair_expert]
    p1 = np.round((1 - lean) * rng.uniform(0.01, 0.99, n_pairs) + lean * target, 3)
    made1 = opened[claim_question[pair_claim]] + rng.integers(0, 151, n_pairs)
    revised = np.flatnonzero(rng.random(n_pairs) < REVISED_SHARE)
    p2 = np.clip(np.round(p1[revised] + 0.4 * (target[revised] - p1[revised]) + rng.normal(0, 0.05, revised.size), 3), 0.01, 0.99)
    made2 = made1[revised] + rng.integers(1, 31, revised.size)
    assert (np.concatenate([made1, made2]) < np.concatenate([claim_known[pair_claim], claim_known[pair_claim[revised]]])).all()
    f_claim = np.concatenate([pair_claim, pair_claim[revised]]) + 1
    f_expert = np.concatenate([pair_expert, pair_expert[revised]]) + 1
    f_probability = np.concatenate([p1, p2])
    f_made = np.concatenate([made1, made2])
    f_second = rng.integers(0, 86_400, f_made.size)
    order = np.lexsort((f_second, f_made))  # ids in the order forecasts were recorded
    f_claim, f_expert, f_probability, f_made, f_second = (
        f_claim[order], f_expert[order], f_probability[order], f_made[order], f_second[order]
    )
    n_forecasts = f_made.size
    forecast_ids = np.arange(1, n_forecasts + 1)
    sources = np.array([f"https://news.example/{i}" for i in forecast_ids.tolist()], dtype=object)
    forecasts = zip(
        forecast_ids.tolist(),
        f_claim.tolist(),
        f_expert.tolist(),
        f_probability.tolist(),
        days[f_made].tolist(),
        nullable(sources, forecast_ids % 2 == 0),
        (days[f_made] + clock[f_second]).tolist(),
    )
    latest = p1.copy()
    latest[revised] = p2
    truth_record = Truth(expert_id=pair_expert + 1, probability=latest, outcome=truth)
    phases["generate"] = time.perf_counter() - start

    start = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO expert (id, name, slug, name_key, created_at) VALUES (?, ?, ?, ?, ?)", experts)
    connection.executemany(
        "INSERT INTO question (id, slug, title, kind, deadline, created_at) VALUES (?, ?, ?, ?, ?, ?)", questions
    )
    connection.executemany(
        "INSERT INTO question_option (id, question_id, label, label_key, position) VALUES (?, ?, ?, ?, ?)", options
    )
    connection.executemany("INSERT INTO question_tag (question_id, tag) VALUES (?, ?)", tags)
    connection.executemany(
        "INSERT INTO claim (id, question_id, key, option_id, window_start, window_end, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)",
        claims,
    )
    connection.executemany(
        "INSERT INTO resolution (question_id, outcome, option_id, event_on, known_on, forced, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        resolutions,
    )
    connection.executemany(
        "INSERT INTO forecast (id, claim_id, expert_id, probability, made_on, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        forecasts,
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    phases["insert"] = time.perf_counter() - start
    return truth_record, phases


def row_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    tables = ["expert", "question", "question_option", "question_tag", "claim", "resolution", "forecast"]
    counts = {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}
    counts["scored pairs"] = connection.execute(
        f"SELECT COUNT(*) FROM (SELECT DISTINCT expert_id, claim_id FROM ({VERIFY_SQL}))"
    ).fetchone()[0]
    connection.close()
    return counts


# --------------------------------------------------------------------------- timing


@dataclass
class Measure:
    seconds: float
    peak_mb: float


#: Runs the command given after the report file and writes "SECONDS PEAK_KIB" to that file.
#: The command is started from this small process, not from the benchmark (whose numpy
#: arrays are large): Linux carries the RSS high-water mark of the forking process's
#: memory into the child's ru_maxrss across exec, so starting it from here keeps the
#: figure the child's own.
MEASURE_WRAPPER = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def measure(command: list[str], report: Path, stdout_path: Path | None = None) -> Measure:
    """Run ``command``; its wall time and its own peak RSS (ru_maxrss from os.wait4 on it alone)."""
    with open(stdout_path or os.devnull, "wb") as out:
        subprocess.run([sys.executable, "-c", MEASURE_WRAPPER, str(report), *command], stdout=out, check=True)
    seconds, peak_kib, code = report.read_text().split()
    if int(code) != 0:
        raise SystemExit(f"command failed with exit code {code}: {' '.join(command[:4])} ...")
    return Measure(seconds=float(seconds), peak_mb=int(peak_kib) / 1024)  # ru_maxrss is in KiB on Linux


def warm_cache(path: Path) -> None:
    """Read the database file once so the first timed run does not pay for a cold cache."""
    with open(path, "rb") as handle:
        while handle.read(1 << 24):
            pass


# --------------------------------------------------------------------------- checking


def expected_scores(path: Path):
    """Per expert id: questions scored and mean question Brier, by pandas, independently of trackrecord.

    The latest forecast made before the outcome was known counts per claim; then one score
    per (expert, question): a binary claim's (p - o)^2; a choice question's named options
    as one distribution (the rest spread evenly over the unnamed options and 'other'),
    half the summed squared errors; a date question's windows averaged.
    """
    import pandas as pd

    connection = sqlite3.connect(path)
    frame = pd.read_sql(VERIFY_SQL, connection)
    questions = pd.read_sql(QUESTION_SQL, connection).set_index("question_id")
    connection.close()
    frame = frame.sort_values(["expert_id", "claim_id", "made_on", "id"])
    frame = frame.drop_duplicates(["expert_id", "claim_id"], keep="last")
    frame = frame.join(questions, on="question_id")
    frame["squared"] = (frame["probability"] - frame["outcome"]) ** 2

    choice = frame[frame["kind"] == "choice"].groupby(["expert_id", "question_id"]).agg(
        named=("probability", "size"), total=("probability", "sum"), squared=("squared", "sum"),
        winner_named=("outcome", "sum"), categories=("categories", "first"),
    )
    unnamed = choice["categories"] - choice["named"]
    share = ((1 - choice["total"]) / unnamed).where((choice["total"] < 1) & (unnamed > 0), 0.0)
    winner_unnamed = 1 - choice["winner_named"]
    choice_brier = (0.5 * (choice["squared"] + (unnamed - winner_unnamed) * share**2 + winner_unnamed * (1 - share) ** 2)).clip(upper=1.0)
    other = frame[frame["kind"] != "choice"].groupby(["expert_id", "question_id"])["squared"].mean()
    per_question = pd.concat([choice_brier, other])
    return per_question.groupby(level="expert_id").agg(["count", "mean"])


def check(ours_json: Path, path: Path, counts: dict[str, int], truth: Truth | None) -> bool:
    import pandas as pd

    standings = json.loads(ours_json.read_text())
    ok = True

    def report(label: str, passed: bool, detail: str) -> None:
        nonlocal ok
        ok &= passed
        print(f"  {'ok  ' if passed else 'FAIL'} {label}: {detail}")

    connection = sqlite3.connect(path)
    n_experts = connection.execute("SELECT COUNT(*) FROM expert").fetchone()[0]
    names = dict(connection.execute("SELECT name, id FROM expert").fetchall())
    connection.close()
    print("correctness (ours, from the first run's JSON):")
    report("experts listed", len(standings) == n_experts, f"{len(standings):,} (database has {n_experts:,})")
    keys = ("adjusted_brier", "brier", "log_loss", "brier_skill", "relative_brier", "peer_log", "peer_total", "ci_low", "p_value")
    metrics_present = all(s[key] is not None for s in standings for key in keys)
    report("all metrics present", metrics_present, ", ".join(keys))

    expected = expected_scores(path)
    resolved_total = sum(s["resolved"] for s in standings)
    questions = int(expected["count"].sum())
    report("sum of resolved", resolved_total == questions, f"{resolved_total:,} (pandas: {questions:,} scored expert-questions)")
    ours = pd.DataFrame(
        {"count": [s["resolved"] for s in standings], "mean": [s["brier"] for s in standings]},
        index=[names[s["expert"]] for s in standings],
    ).sort_index()
    aligned = expected.reindex(ours.index)
    count_match = bool((aligned["count"].to_numpy() == ours["count"].to_numpy()).all())
    brier_gap = float(np.nanmax(np.abs(aligned["mean"].to_numpy() - ours["mean"].to_numpy())))
    report("questions per expert = pandas", count_match, "all experts" if count_match else "differs")
    report("mean question Brier per expert = pandas", brier_gap < 1e-9, f"max |difference| {brier_gap:.2e}")
    if truth is not None:
        size = int(truth.expert_id.max()) + 1
        claims = np.bincount(truth.expert_id, minlength=size)[ours.index.to_numpy()]
        fewer = bool((ours["count"].to_numpy() <= claims).all())
        report("questions <= the generator's scored claims per expert", fewer, f"{int(claims.sum()):,} claims")
    spread = ours["mean"].describe()
    print(f"  mean Brier across experts: min {spread['min']:.4f}  median {spread['50%']:.4f}  max {spread['max']:.4f}")
    return ok


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each command, alternating (default 3)")
    parser.add_argument("--db", type=Path, help="database file (default: one in a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the database built by this run")
    parser.add_argument("--reuse", action="store_true", help="use the --db file as it is if it exists")
    parser.add_argument("--scale", type=float, default=1.0, help="build a smaller database (0.05) to try the script")
    args = parser.parse_args()
    if args.reuse and args.db is None:
        parser.error("--reuse needs --db PATH")

    folder = tempfile.TemporaryDirectory(prefix="bench-leaderboard-")
    path = (args.db or Path(folder.name) / "leaderboard.db").expanduser().resolve()
    built, truth = False, None
    try:
        if args.reuse and path.exists():
            print(f"database: reusing {path}")
        else:
            if path.exists():
                raise SystemExit(f"{path} exists; pass --reuse to use it, or remove it to build a new one")
            print(f"database: building {path} (seed {SEED}, scale {args.scale:g})")
            start = time.perf_counter()
            built = True
            truth, phases = build(path, args.scale)
            print(
                f"  built in {time.perf_counter() - start:.1f} s "
                f"({', '.join(f'{k} {v:.1f} s' for k, v in phases.items())}), "
                f"{path.stat().st_size / 2**20:.0f} MB"
            )
        counts = row_counts(path)
        print("  rows: " + ", ".join(f"{table} {count:,}" for table, count in counts.items()))

        python = sys.executable
        ours = [python, "-c", "from trackrecord.cli.app import main; main()", "--db", str(path), "leaderboard", "--format", "json"]
        anchor = [python, "-c", ANCHOR_SCRIPT, str(path), ANCHOR_SQL]
        ours_json = Path(folder.name) / "ours.json"
        report = Path(folder.name) / "measure.txt"
        warm_cache(path)
        print(f"\npython {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each, alternating (anchor first)")
        ours_runs, anchor_runs = [], []
        for index in range(args.runs):
            anchor_runs.append(measure(anchor, report))
            ours_runs.append(measure(ours, report, ours_json if index == 0 else None))
            a, o = anchor_runs[-1], ours_runs[-1]
            print(
                f"  run {index + 1}: ours {o.seconds:7.2f} s {o.peak_mb:7.0f} MB   "
                f"anchor {a.seconds:7.2f} s {a.peak_mb:7.0f} MB   ratio {o.seconds / a.seconds:5.2f}",
                flush=True,
            )
        ours_time = statistics.median(m.seconds for m in ours_runs)
        anchor_time = statistics.median(m.seconds for m in anchor_runs)
        ours_peak = max(m.peak_mb for m in ours_runs)
        anchor_peak = max(m.peak_mb for m in anchor_runs)
        ratio = ours_time / anchor_time
        print(f"\nmedian wall time: ours {ours_time:.2f} s, anchor {anchor_time:.2f} s")
        print(f"ratio ours/anchor: {ratio:.2f}  (target <= 1.0: {'met' if ratio <= 1.0 else 'NOT met'})")
        print(
            f"peak memory: ours {ours_peak:.0f} MB  (target <= 1024 MB: {'met' if ours_peak <= 1024 else 'NOT met'}); "
            f"anchor {anchor_peak:.0f} MB\n"
        )
        ok = check(ours_json, path, counts, truth)
        if not ok:
            sys.exit(1)
    finally:
        if built and not args.keep and not args.reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        elif built:
            print(f"\nkept {path}; time it again with --db {path} --reuse")
        folder.cleanup()


if __name__ == "__main__":
    main()
