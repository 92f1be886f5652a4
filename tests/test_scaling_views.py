"""No view grows faster than its record: ``due``, ``question list`` (a page, a status
filter, a search, every question) and ``forecast list --expert``, timed at N questions and again after the record has grown to 4N, must take at most 6 times
as long at 4N (a linear view takes about 4 times, a page about the same; a view that
works per row over the whole table, as ``due`` once did, takes 16 times).

The record is built through the product (a CSV import), grows in place (so the test runs
alike on SQLite and PostgreSQL, on one database), and has every state a question can be
in: unresolved past its deadline (due), resolved yes or no, and date questions resolved
'not by' a date, whose later windows stay open. Each view's domain call (the query work the
command does before rendering) is timed in-process through the Python API's session, best
of three, so neither start-up nor a busy machine hides or fakes growth; the command's own
output is checked through the CLI at both sizes.
"""

from __future__ import annotations

import csv
import time

import pytest

from conftest import TODAY, days

N = 400  # questions at the small size; 4N at the large one
FORECASTS = 4  # per question, by experts from a pool of N / 10
REPEATS = 3
GROWTH = 6.0


def _write(path, header, rows) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _grow(ok, tmp_path, start: int, stop: int) -> None:
    """Questions ``start``..``stop - 1`` and their forecasts, through the CSV import."""
    questions, forecasts = [], []
    for i in range(start, stop):
        slug = f"q-{i:06d}"
        experts = [f"Expert {(i * 7 + k * 13) % (4 * N // 10):05d}" for k in range(FORECASTS)]
        if i % 4 == 3:  # a date question resolved "not by" a date: its later window stays open
            questions.append([slug, f"When will event {i} happen?", "date", "", "", "scaling", "", f"not-by:{days(-200)}", ""])
            for k, expert in enumerate(experts):
                window = f"{days(-400)}..{days(-300)}" if k % 2 else f"{days(-150)}..{days(-100)}"
                forecasts.append([slug, expert, "0.3", days(-500), "", window, "", ""])
            continue
        outcome = {0: "", 1: "yes", 2: "no"}[i % 4]  # unresolved past its deadline: due
        questions.append([slug, f"Will event {i} happen?", "binary", days(-50), "", "scaling" if i % 2 else "", "", outcome, days(-40) if outcome else ""])
        forecasts.extend([slug, expert, f"0.{k + 2}", days(-100 - k), "", "", "", ""] for k, expert in enumerate(experts))
    _write(tmp_path / f"questions-{start}.csv", ["question", "title", "kind", "deadline", "options", "tags", "criteria", "outcome", "resolved_on"], questions)
    _write(tmp_path / f"forecasts-{start}.csv", ["question", "expert", "probability", "made_on", "option", "window", "quote", "source"], forecasts)
    ok("import", str(tmp_path / f"questions-{start}.csv"))
    ok("import", str(tmp_path / f"forecasts-{start}.csv"), "--add-experts")


def _views(today):
    """Each view's domain call (what the command runs before rendering), by command."""
    from trackrecord.forecasts.forecasting import list_forecasts
    from trackrecord.resolutions.status import due_claims, question_page

    return {
        "due": lambda session: due_claims(session=session, today=today),
        "question list": lambda session: question_page(session=session, today=today, limit=50),
        "question list --due": lambda session: question_page(session=session, today=today, status="due", limit=50),
        "question list --resolved --tag scaling": lambda session: question_page(session=session, today=today, status="resolved", tag="scaling", limit=50),
        "question list --search": lambda session: question_page(session=session, today=today, search="event 1", limit=50),
        "question list --all": lambda session: question_page(session=session, today=today),
        "forecast list --expert": lambda session: list_forecasts(session=session, expert="Expert 00003"),
    }


def _timed(db_path) -> dict[str, float]:
    """Each view's best time of ``REPEATS`` on the record, in-process (no start-up)."""
    import trackrecord

    with trackrecord.open(db_path, today=TODAY) as record:
        best = {}
        for name, view in _views(TODAY).items():
            for _ in range(REPEATS):
                with record.session() as session:
                    start = time.perf_counter()
                    view(session)
                    elapsed = time.perf_counter() - start
                best[name] = min(best.get(name, elapsed), elapsed)
        return best


def test_views_grow_linearly_at_most(ok, run, db_path, tmp_path):
    _grow(ok, tmp_path, 0, N)
    small = _timed(db_path)
    # the views see the record as it is at each size
    assert len(ok("question", "list", "--all", "--due", "--format", "csv").splitlines()) == 1 + N // 2
    assert f"Showing 50 of {N:,} questions" in run("question", "list").stderr
    _grow(ok, tmp_path, N, 4 * N)
    large = _timed(db_path)
    assert len(ok("question", "list", "--all", "--due", "--format", "csv").splitlines()) == 1 + 2 * N
    assert f"Showing 50 of {4 * N:,} questions" in run("question", "list").stderr
    # every unresolved binary question's claim, and the open window of each date question
    assert len(ok("due", "--format", "csv").splitlines()) == 1 + 2 * N
    report = {name: f"{small[name] * 1000:.1f} ms -> {large[name] * 1000:.1f} ms ({large[name] / small[name]:.1f}x)" for name in small}
    grew = {name: line for name, line in report.items() if large[name] > GROWTH * small[name]}
    assert not grew, f"super-linear at {N} -> {4 * N} questions: {grew}; all: {report}"


@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_a_bad_limit_names_the_value(ok, run, value):
    result = run("question", "list", "--limit", value)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"'{value}'" in result.stderr and "--limit" in result.stderr
