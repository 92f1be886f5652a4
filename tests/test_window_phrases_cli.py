"""Window phrases through ``forecast add``: read relative to --made-on, stored as claims."""

from __future__ import annotations



import pytest

from conftest import assert_error, sql


@pytest.fixture
def record(ok):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "meeting", "When will they meet?", "--kind", "date")


@pytest.mark.parametrize(
    "option, text, made_on, start, end",
    [
        ("--window", "in the spring", "2024-11-15", "2025-03-01", "2025-05-31"),
        ("--window", "as early as in February or March", "2025-02-13", "2025-02-01", "2025-03-31"),
        ("--window", "in April or May", "2025-03-20", "2025-04-01", "2025-05-31"),
        ("--window", "no later than June", "2025-03-20", None, "2025-06-30"),
        ("--window", "as early as next week", "2025-08-07", "2025-08-11", "2025-08-17"),
        ("--window", "in the coming days", "2025-08-07", "2025-08-08", "2025-08-21"),
        ("--window", "fall 2025", "2024-11-15", "2025-09-01", "2025-11-30"),
        ("--window", "Q3 2025", "2025-01-10", "2025-07-01", "2025-09-30"),
        ("--window", "within 3 months", "2025-01-31", "2025-02-01", "2025-04-30"),
        ("--by", "June", "2025-03-20", None, "2025-06-30"),
        ("--by", "the end of the year", "2025-03-20", None, "2025-12-31"),
        ("--by", "2025-06-30", "2025-03-20", None, "2025-06-30"),
    ],
)
def test_phrase_becomes_the_window_claim(record, ok, db_path, option, text, made_on, start, end):
    ok("forecast", "add", "Sergey Markov", "meeting", "may", option, text, "--made-on", made_on)
    assert sql(db_path, "SELECT window_start, window_end, deadline FROM claim") == [(start, end, end)]


def test_same_phrase_from_two_experts_on_one_day_is_one_claim(record, ok, db_path):
    ok("expert", "add", "The New York Times")
    ok("forecast", "add", "Sergey Markov", "meeting", "0.6", "--window", "next week", "--made-on", "2025-08-07")
    ok("forecast", "add", "The New York Times", "meeting", "plans", "--window", "as early as next week", "--made-on", "2025-08-08")
    assert sql(db_path, "SELECT COUNT(*) FROM claim") == [(1,)]


def test_unparseable_phrase_lists_what_is_accepted(record, run, table_counts):
    before = table_counts()
    assert_error(
        run("forecast", "add", "Sergey Markov", "meeting", "0.4", "--window", "once the snow melts", "--made-on", "2025-01-01"),
        "'once the snow melts'", "season (spring 2025)", "in the coming days/weeks/months",
    )
    assert table_counts() == before


def test_by_keeps_a_phrase_that_states_its_own_deadline(ok):
    """--by "before July 2027" is read as it is, not as "by before July 2027" (issue 9, part 4)."""
    ok("expert", "add", "Ann")
    ok("question", "add", "m", "When?", "--kind", "date")
    out = ok("forecast", "add", "Ann", "m", "0.3", "--by", "before July 2027", "--made-on", "2026-01-05")
    assert "..2027-06-30" in out
    out = ok("forecast", "add", "Ann", "m", "0.4", "--by", "No later than March 2027", "--made-on", "2026-01-05")
    assert "..2027-03-31" in out
    out = ok("forecast", "add", "Ann", "m", "0.5", "--by", "May 2027", "--made-on", "2026-01-05")
    assert "..2027-05-31" in out
