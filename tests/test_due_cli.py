"""``trackrecord due`` through the real CLI against a real SQLite file.

A claim is due when its deadline has passed (strictly before today), it has no outcome
yet, its question is not annulled, and someone forecast it (resolving a claim nobody
forecast would score nothing).
"""

from __future__ import annotations

import pytest

from conftest import TODAY, days, parse_table


def due_rows(ok) -> list[tuple[str, str, str]]:
    """``due``'s rows as (question, claim, deadline), in the order printed."""
    return [(row["question"], row["claim"], row["deadline"]) for row in parse_table(ok("due"))]


def assert_nothing_due(result) -> None:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Nothing is due" in result.stderr


@pytest.fixture
def record(ok):
    """An expert and questions in every state a claim can be in."""
    ok("expert", "add", "Sergey Markov")
    # past deadline, unresolved: due
    ok("question", "add", "talks", "Will they agree?", "--kind", "binary", "--deadline", days(-30))
    ok("question", "add", "venue", "Where?", "--kind", "choice", "--deadline", days(-20), "--option", "Baku", "--option", "Istanbul")
    # past deadline but resolved / annulled: not due
    ok("question", "add", "resolved", "Resolved?", "--kind", "binary", "--deadline", days(-40))
    ok("question", "add", "annulled", "Annulled?", "--kind", "binary", "--deadline", days(-40))
    # deadline today or later: not due yet
    ok("question", "add", "today", "Today?", "--kind", "binary", "--deadline", TODAY.isoformat())
    ok("question", "add", "future", "Future?", "--kind", "binary", "--deadline", days(30))
    ok("question", "add", "meeting", "When?", "--kind", "date")
    ok("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", days(-100))
    ok("forecast", "add", "Sergey Markov", "talks", "0.4", "--made-on", days(-90))
    ok("forecast", "add", "Sergey Markov", "resolved", "0.3", "--made-on", days(-100))
    ok("forecast", "add", "Sergey Markov", "venue", "0.6", "--option", "Baku", "--made-on", days(-100))
    ok("forecast", "add", "Sergey Markov", "meeting", "0.2", "--window", f"{days(-200)}..{days(-150)}", "--made-on", days(-300))
    ok("forecast", "add", "Sergey Markov", "meeting", "0.3", "--by", days(-60), "--made-on", days(-300))
    ok("forecast", "add", "Sergey Markov", "meeting", "0.4", "--window", f"{days(-10)}..{days(10)}", "--made-on", days(-300))
    ok("resolve", "resolved", "no")
    ok("resolve", "annulled", "--annul")


class TestListed:
    def test_unresolved_claims_past_deadline_oldest_first(self, record, ok):
        """Every due claim once; resolved, annulled, due-today and future claims are left out,
        and so is the Istanbul option, which nobody forecast."""
        assert due_rows(ok) == [
            ("meeting", f"{days(-200)}..{days(-150)}", days(-150)),
            ("meeting", f"by {days(-60)}", days(-60)),
            ("talks", "yes", days(-30)),
            ("venue", "Baku", days(-20)),
        ]

    def test_forecast_counts_and_titles(self, record, ok):
        rows = {(row["question"], row["claim"]): row for row in parse_table(ok("due"))}
        assert rows[("talks", "yes")]["forecasts"] == "2"
        assert rows[("venue", "Baku")]["forecasts"] == "1"
        assert rows[("talks", "yes")]["title"] == "Will they agree?"

    def test_hint_goes_to_stderr(self, record, run):
        result = run("due")
        assert result.exit_code == 0
        assert "trackrecord resolve" in result.stderr
        assert "trackrecord resolve" not in result.stdout


class TestResolvingRemovesClaims:
    def test_binary_resolved(self, record, ok):
        ok("resolve", "talks", "yes", "--on", days(-25))
        assert ("talks", "yes", days(-30)) not in due_rows(ok)

    def test_choice_resolved_as_other(self, record, ok):
        ok("resolve", "venue", "other")
        assert [row for row in due_rows(ok) if row[0] == "venue"] == []

    def test_not_by_resolves_only_windows_that_ended(self, record, ok):
        """'Not by D' closes the window ending before D; the later window is still due."""
        ok("resolve", "meeting", "--not-by", days(-100))
        assert [row for row in due_rows(ok) if row[0] == "meeting"] == [("meeting", f"by {days(-60)}", days(-60))]

    def test_happened_resolves_every_window(self, record, ok):
        ok("resolve", "meeting", "--happened-on", days(-5))
        assert [row for row in due_rows(ok) if row[0] == "meeting"] == []

    def test_annulled(self, record, ok):
        ok("resolve", "talks", "--annul")
        assert [row for row in due_rows(ok) if row[0] == "talks"] == []

    def test_forced_annulment_of_a_resolved_question_is_not_due(self, record, ok):
        ok("resolve", "resolved", "--annul", "--force")
        assert [row for row in due_rows(ok) if row[0] == "resolved"] == []


class TestNothingDue:
    def test_empty_record(self, run):
        assert_nothing_due(run("due"))

    def test_everything_resolved(self, record, ok, run):
        ok("resolve", "talks", "no")
        ok("resolve", "venue", "Baku", "--on", days(-15))
        ok("resolve", "meeting", "--happened-on", days(-5))
        assert_nothing_due(run("due"))

    def test_only_future_deadlines(self, ok, run):
        ok("question", "add", "future", "Future?", "--kind", "binary", "--deadline", days(30))
        ok("question", "add", "today", "Today?", "--kind", "binary", "--deadline", TODAY.isoformat())
        assert_nothing_due(run("due"))
