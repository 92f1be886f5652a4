"""``$TRACKRECORD_TODAY``: the day commands take as today, through the real CLI and the API.

The suite itself runs with it pinned (``conftest.py``) so that a run going past midnight
agrees with itself; these tests set other days with ``monkeypatch`` and check what the
record keeps, read back through the product.
"""

from __future__ import annotations

import datetime as dt

import pytest

import trackrecord
from conftest import assert_error, days, parse_table

PINNED = days(-10)


@pytest.fixture
def talks(ok):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "talks", "Will they agree?", "--kind", "binary", "--deadline", days(30))


def test_forecast_without_made_on_is_made_on_the_pinned_day(talks, ok, monkeypatch):
    monkeypatch.setenv("TRACKRECORD_TODAY", PINNED)
    ok("forecast", "add", "Sergey Markov", "talks", "0.3")
    assert [row["made on"] for row in parse_table(ok("forecast", "list"))] == [PINNED]


def test_resolution_without_on_is_known_on_the_pinned_day(talks, ok, monkeypatch):
    ok("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", days(-40))
    monkeypatch.setenv("TRACKRECORD_TODAY", PINNED)
    ok("resolve", "talks", "yes")
    assert [(row["outcome"], row["known on"]) for row in parse_table(ok("question", "show", "talks"))] == [("true", PINNED)]


def test_future_dates_are_refused_against_the_pinned_day(talks, run, monkeypatch, table_counts):
    """A day after the pinned one is the future: refused as on the real calendar."""
    monkeypatch.setenv("TRACKRECORD_TODAY", PINNED)
    before = table_counts()
    result = run("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", days(-5))
    assert result.exit_code != 0 and result.stderr.startswith("Error: ")
    assert days(-5) in result.stderr
    assert table_counts() == before


def test_empty_value_means_the_system_date(talks, ok, monkeypatch):
    monkeypatch.setenv("TRACKRECORD_TODAY", "")
    ok("forecast", "add", "Sergey Markov", "talks", "0.3")
    assert [row["made on"] for row in parse_table(ok("forecast", "list"))] == [dt.date.today().isoformat()]


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("yesterday", "YYYY-MM-DD"), ("2026-02-30", "YYYY-MM-DD"), ((dt.date.today() + dt.timedelta(days=1)).isoformat(), "no later than today")],
)
def test_bad_value_is_one_error_and_nothing_written(talks, run, monkeypatch, table_counts, value, accepted):
    monkeypatch.setenv("TRACKRECORD_TODAY", value)
    before = table_counts()
    assert_error(run("forecast", "add", "Sergey Markov", "talks", "0.3"), "TRACKRECORD_TODAY", repr(value), accepted)
    assert table_counts() == before


def test_api_record_reads_it_unless_given_a_day(db_path, monkeypatch):
    monkeypatch.setenv("TRACKRECORD_TODAY", PINNED)
    with trackrecord.open(db_path) as record:
        assert record.today() == dt.date.fromisoformat(PINNED)
    with trackrecord.open(db_path, today=dt.date.fromisoformat(days(-3))) as record:
        assert record.today() == dt.date.fromisoformat(days(-3))
