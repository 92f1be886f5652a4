"""``trackrecord resolve`` through the real CLI against a real SQLite file.

Claim outcomes are read from ``question show SLUG`` (claim, outcome true/false/pending,
known on); the resolution rows themselves from the SQLite file. All dates are in the
past (``days(-N)``): future dates are refused.

Resolutions are made with ``record_resolution``, which requires success and exactly one
new resolution row; what the command prints is checked in ``TestReport``.
"""

from __future__ import annotations

import json

import pytest

from conftest import TODAY, assert_error, days, parse_table, sql

DEADLINE = days(-30)  # deadline of the binary and choice questions
MADE = days(-300)  # when every set-up forecast was made

# Windows forecast on the date question 'meeting' (claim label as shown -> window text).
EARLY = f"{days(-200)}..{days(-150)}"
MIDDLE = f"{days(-120)}..{days(-90)}"
LATE = f"{days(-60)}..{days(-20)}"
BY_95 = f"by {days(-95)}"
BY_110 = f"by {days(-110)}"
ENDS_100 = f"{days(-130)}..{days(-100)}"
WINDOWS = {
    EARLY: ["--window", EARLY],
    MIDDLE: ["--window", MIDDLE],
    LATE: ["--window", LATE],
    BY_95: ["--by", days(-95)],
    BY_110: ["--by", days(-110)],
    ENDS_100: ["--window", ENDS_100],
}


def outcomes(ok, slug: str) -> dict[str, tuple[str, str]]:
    """``question show SLUG``'s claims as {claim: (outcome, known on)}."""
    return {row["claim"]: (row["outcome"], row["known on"]) for row in parse_table(ok("question", "show", slug))}


def history(ok, slug: str) -> list[str]:
    """The resolution-history lines of ``question show SLUG``, oldest first."""
    text = ok("question", "show", slug)
    assert "resolution history" in text, text
    lines = text.split("resolution history (oldest first):\n", 1)[1].splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith(("evidence:", "note:"))]


def resolution_count(db_path) -> int:
    return sql(db_path, "SELECT COUNT(*) FROM resolution")[0][0]


def record_resolution(run, db_path, *args: str):
    """``resolve ARGS`` must succeed and record exactly one resolution row; returns the result."""
    before = resolution_count(db_path)
    result = run("resolve", *args)
    assert result.exit_code == 0, (args, result.exit_code, result.stdout, result.stderr, result.exception)
    assert resolution_count(db_path) == before + 1, args
    return result


@pytest.fixture
def record(ok):
    """Two experts; a binary, a choice and a date question, each with forecasts."""
    ok("expert", "add", "Sergey Markov", "--alias", "Markov")
    ok("expert", "add", "Tatiana Stanovaya")
    ok("question", "add", "talks", "Will they agree?", "--kind", "binary", "--deadline", DEADLINE)
    ok("question", "add", "strikes", "Will strikes stop?", "--kind", "binary", "--deadline", DEADLINE)
    ok(
        "question", "add", "venue", "Where will they meet?", "--kind", "choice", "--deadline", DEADLINE,
        "--option", "Baku", "--option", "Istanbul", "--option", "Riyadh",
    )
    ok("question", "add", "meeting", "When will they meet?", "--kind", "date")
    ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", MADE)
    ok("forecast", "add", "Tatiana Stanovaya", "talks", "0.6", "--made-on", MADE)
    ok("forecast", "add", "Markov", "strikes", "0.8", "--made-on", MADE)
    ok("forecast", "add", "Markov", "venue", "0.5", "--option", "Baku", "--made-on", MADE)
    ok("forecast", "add", "Markov", "venue", "0.2", "--option", "Riyadh", "--made-on", MADE)
    for window_args in WINDOWS.values():
        ok("forecast", "add", "Markov", "meeting", "0.3", *window_args, "--made-on", MADE)


# --------------------------------------------------------------------------- binary, choice


class TestBinary:
    def test_yes_on_date(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        assert outcomes(ok, "talks") == {"yes": ("true", days(-40))}

    def test_no_on_date(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "no", "--on", days(-20))
        assert outcomes(ok, "talks") == {"yes": ("false", days(-20))}

    def test_no_without_on_defaults_to_the_passed_deadline(self, record, ok, run, db_path):
        """Nothing happened by the deadline: 'no' was known on the deadline, not today."""
        record_resolution(run, db_path, "talks", "no")
        assert outcomes(ok, "talks") == {"yes": ("false", DEADLINE)}

    def test_yes_without_on_is_known_today(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "yes")
        assert outcomes(ok, "talks") == {"yes": ("true", TODAY.isoformat())}

    def test_outcome_word_is_case_insensitive(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "YES", "--on", days(-40))
        assert outcomes(ok, "talks") == {"yes": ("true", days(-40))}

    def test_only_the_resolved_question_changes(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        assert outcomes(ok, "strikes") == {"yes": ("pending", "")}

    def test_evidence_and_note_are_kept_in_history(self, record, ok, run, db_path):
        record_resolution(
            run, db_path, "talks", "yes", "--on", days(-40), "--evidence", "https://example.org/deal", "--note", "signed in Riyadh"
        )
        text = ok("question", "show", "talks")
        assert "evidence: https://example.org/deal" in text
        assert "note: signed in Riyadh" in text
        assert sql(db_path, "SELECT evidence, note FROM resolution") == [("https://example.org/deal", "signed in Riyadh")]


class TestChoice:
    def test_option_wins_others_lose(self, record, ok, run, db_path):
        """The option is matched case-insensitively; every other option's claim is false."""
        record_resolution(run, db_path, "venue", "riyadh", "--on", days(-35))
        assert outcomes(ok, "venue") == {
            "Baku": ("false", days(-35)),
            "Istanbul": ("false", days(-35)),
            "Riyadh": ("true", days(-35)),
        }
        assert "Riyadh, known on" in history(ok, "venue")[0]

    def test_other_makes_every_option_false(self, record, ok, run, db_path):
        record_resolution(run, db_path, "venue", "other", "--on", days(-35))
        assert outcomes(ok, "venue") == {
            "Baku": ("false", days(-35)),
            "Istanbul": ("false", days(-35)),
            "Riyadh": ("false", days(-35)),
        }


# --------------------------------------------------------------------------- date questions


class TestHappenedOn:
    def test_every_window_is_resolved(self, record, ok, run, db_path):
        """True iff T is inside; known on T, or at the end of a window that closed before T."""
        t = days(-100)
        record_resolution(run, db_path, "meeting", "--happened-on", t)
        assert outcomes(ok, "meeting") == {
            EARLY: ("false", days(-150)),  # ended before T: known at its end
            BY_110: ("false", days(-110)),  # open start, ended before T
            ENDS_100: ("true", t),  # T is its last day (inclusive)
            BY_95: ("true", t),  # open start, T inside
            MIDDLE: ("true", t),  # T inside
            LATE: ("false", t),  # starts after T: known on T
        }

    def test_happened_on_a_window_start_is_inside(self, record, ok, run, db_path):
        record_resolution(run, db_path, "meeting", "--happened-on", days(-60))
        assert outcomes(ok, "meeting")[LATE] == ("true", days(-60))
        assert outcomes(ok, "meeting")[MIDDLE] == ("false", days(-90))

    def test_question_is_resolved(self, record, ok, run, db_path):
        record_resolution(run, db_path, "meeting", "--happened-on", days(-100))
        assert "status: resolved" in ok("question", "show", "meeting")


class TestNotBy:
    def test_windows_ended_on_or_before_are_false_later_ones_pending(self, record, ok, run, db_path):
        d = days(-90)
        record_resolution(run, db_path, "meeting", "--not-by", d)
        assert outcomes(ok, "meeting") == {
            EARLY: ("false", days(-150)),
            BY_110: ("false", days(-110)),
            ENDS_100: ("false", days(-100)),
            BY_95: ("false", days(-95)),
            MIDDLE: ("false", d),  # ends on D: false, known on D
            LATE: ("pending", ""),
        }

    def test_question_stays_open(self, record, ok, run, db_path):
        """'Not by' is progress, not a final answer."""
        record_resolution(run, db_path, "meeting", "--not-by", days(-90))
        assert "status: resolved" not in ok("question", "show", "meeting")

    def test_progress_needs_no_force(self, record, ok, run, db_path):
        """not-by D1, then not-by D2 > D1, then happened-on T > D2: three ordinary resolutions."""
        record_resolution(run, db_path, "meeting", "--not-by", days(-140))
        assert outcomes(ok, "meeting")[EARLY] == ("false", days(-150))
        assert outcomes(ok, "meeting")[MIDDLE] == ("pending", "")
        record_resolution(run, db_path, "meeting", "--not-by", days(-90))
        assert outcomes(ok, "meeting")[MIDDLE] == ("false", days(-90))
        assert outcomes(ok, "meeting")[LATE] == ("pending", "")
        record_resolution(run, db_path, "meeting", "--happened-on", days(-50))
        assert outcomes(ok, "meeting") == {
            EARLY: ("false", days(-150)),
            BY_110: ("false", days(-110)),
            ENDS_100: ("false", days(-100)),
            BY_95: ("false", days(-95)),
            MIDDLE: ("false", days(-90)),
            LATE: ("true", days(-50)),
        }
        assert sql(db_path, "SELECT outcome, event_on, forced FROM resolution ORDER BY id") == [
            ("not_by", days(-140), 0),
            ("not_by", days(-90), 0),
            ("happened", days(-50), 0),
        ]
        lines = history(ok, "meeting")
        assert len(lines) == 3 and not any("forced" in line for line in lines)
        assert lines[-1].endswith(f"happened on {days(-50)} [current]")


class TestAnnul:
    def test_claims_are_void(self, record, ok, run, db_path):
        record_resolution(run, db_path, "venue", "--annul")
        text = ok("question", "show", "venue")
        assert "status: annulled" in text
        assert {outcome for outcome, _ in outcomes(ok, "venue").values()} == {"void"}

    def test_annulled_forecasts_are_never_scored(self, record, ok, run, db_path):
        """Markov's unresolved 'talks' forecast stops counting as pending, and is not resolved either.

        Pending counts questions: talks, venue (two options) and meeting (six windows)."""
        record_resolution(run, db_path, "strikes", "yes", "--on", days(-40))
        before = {row["expert"]: row for row in json.loads(ok("leaderboard", "--format", "json"))}
        assert (before["Sergey Markov"]["resolved"], before["Sergey Markov"]["pending"]) == (1, 3)

        record_resolution(run, db_path, "talks", "--annul")
        after = {row["expert"]: row for row in json.loads(ok("leaderboard", "--format", "json"))}
        assert list(after) == ["Sergey Markov"]
        assert (after["Sergey Markov"]["resolved"], after["Sergey Markov"]["pending"]) == (1, 2)
        assert after["Sergey Markov"]["brier"] == pytest.approx((0.8 - 1) ** 2)

    def test_annulling_a_resolved_question_unscores_it(self, record, ok, run, db_path):
        """Stanovaya, scored only on 'talks', drops off the leaderboard; Markov keeps 'strikes'."""
        record_resolution(run, db_path, "strikes", "yes", "--on", days(-40))
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        before = {row["expert"]: row["resolved"] for row in json.loads(ok("leaderboard", "--format", "json"))}
        assert before == {"Sergey Markov": 2, "Tatiana Stanovaya": 1}
        record_resolution(run, db_path, "talks", "--annul", "--force")
        after = {row["expert"]: row["resolved"] for row in json.loads(ok("leaderboard", "--format", "json"))}
        assert after == {"Sergey Markov": 1}

    def test_annulled_date_question_is_void(self, record, ok, run, db_path):
        record_resolution(run, db_path, "meeting", "--annul")
        assert {outcome for outcome, _ in outcomes(ok, "meeting").values()} == {"void"}


# --------------------------------------------------------------------------- re-resolution


class TestReResolution:
    def test_without_force_fails_and_writes_nothing(self, record, ok, run, db_path, table_counts):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        before = table_counts()
        result = run("resolve", "talks", "no", "--on", days(-20))
        assert_error(result, "'talks'", "already resolved", "--force", exit_code=1)
        assert table_counts() == before
        assert outcomes(ok, "talks") == {"yes": ("true", days(-40))}

    def test_with_force_changes_the_outcome_and_keeps_history(self, record, ok, run, db_path):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        record_resolution(run, db_path, "talks", "no", "--on", days(-20), "--force")
        assert outcomes(ok, "talks") == {"yes": ("false", days(-20))}
        earlier, current = history(ok, "talks")
        assert earlier.endswith(f"yes, known on {days(-40)} [earlier]")
        assert current.endswith(f"no, known on {days(-20)} [current] [forced re-resolution]")
        assert sql(db_path, "SELECT outcome, forced FROM resolution ORDER BY id") == [("yes", 0), ("no", 1)]

    def test_force_rescores_the_leaderboard(self, record, ok, run, db_path):
        record_resolution(run, db_path, "strikes", "yes", "--on", days(-40))
        record_resolution(run, db_path, "strikes", "no", "--on", days(-40), "--force")
        (markov,) = [row for row in json.loads(ok("leaderboard", "--format", "json")) if row["expert"] == "Sergey Markov"]
        assert markov["brier"] == pytest.approx(0.8**2)

    def test_choice_option_changed_with_force(self, record, ok, run, db_path):
        record_resolution(run, db_path, "venue", "Baku", "--on", days(-35))
        record_resolution(run, db_path, "venue", "other", "--on", days(-34), "--force")
        assert {outcome for outcome, _ in outcomes(ok, "venue").values()} == {"false"}

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (["--happened-on", days(-100)], ["--happened-on", days(-50)]),
            (["--happened-on", days(-100)], ["--not-by", days(-50)]),
            (["--not-by", days(-90)], ["--happened-on", days(-100)]),  # contradicts: it had not happened by -90
            (["--not-by", days(-90)], ["--happened-on", days(-90)]),
            (["--not-by", days(-90)], ["--not-by", days(-140)]),  # going backwards
            (["--not-by", days(-90)], ["--not-by", days(-90)]),
            (["--annul"], ["--happened-on", days(-100)]),
            (["--happened-on", days(-100)], ["--annul"]),
        ],
        ids=[
            "happened-then-happened",
            "happened-then-not-by",
            "not-by-then-happened-before",
            "not-by-then-happened-same-day",
            "not-by-backwards",
            "not-by-repeated",
            "annulled-then-happened",
            "happened-then-annul",
        ],
    )
    def test_date_question_changes_that_need_force(self, record, ok, run, db_path, table_counts, first, second):
        record_resolution(run, db_path, "meeting", *first)
        before = table_counts()
        shown = ok("question", "show", "meeting")
        assert_error(run("resolve", "meeting", *second), "'meeting'", "--force", exit_code=1)
        assert table_counts() == before
        assert ok("question", "show", "meeting") == shown
        record_resolution(run, db_path, "meeting", *second, "--force")
        assert sql(db_path, "SELECT forced FROM resolution ORDER BY id") == [(0,), (1,)]

    def test_binary_annul_after_yes_needs_force(self, record, run, db_path, table_counts):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        before = table_counts()
        assert_error(run("resolve", "talks", "--annul"), "--force", exit_code=1)
        assert table_counts() == before


# --------------------------------------------------------------------------- what the command says


class TestReport:
    @pytest.mark.parametrize(
        ("args", "said"),
        [
            # Every set-up forecast was made on day -300, so all the decided ones are scored:
            # talks (Markov, Stanovaya), venue (Baku, Riyadh), all six windows, the five
            # windows that ended by day -90 (LATE is still open), nothing once annulled.
            (["talks", "yes", "--on", days(-40)], f"Resolved talks: yes, known on {days(-40)}; it scores 2 forecasts."),
            (["venue", "riyadh", "--on", days(-35)], f"Resolved venue: Riyadh, known on {days(-35)}; it scores 2 forecasts."),
            (["meeting", "--happened-on", days(-100)], f"Resolved meeting: happened on {days(-100)}; it scores 6 forecasts."),
            (["meeting", "--not-by", days(-90)], f"Resolved meeting: had not happened by {days(-90)}; it scores 5 forecasts."),
            (["talks", "--annul"], "Resolved talks: annulled; it scores 0 forecasts."),
        ],
    )
    def test_says_what_was_recorded(self, record, run, args, said):
        result = run("resolve", *args)
        assert (result.exit_code, result.stderr) == (0, ""), (result.stderr, result.exception)
        assert result.stdout == said + "\n"

    def test_forced_re_resolution_says_re_resolved(self, record, run, db_path):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        result = run("resolve", "talks", "no", "--on", days(-20), "--force")
        assert (result.exit_code, result.stderr) == (0, ""), (result.stderr, result.exception)
        assert result.stdout == f"Re-resolved talks: no, known on {days(-20)}; it scores 2 forecasts.\n"

    def test_a_resolution_that_would_leave_forecasts_unscored_is_refused(self, record, ok, run, db_path):
        """--on before the forecasts were made would silently drop them (issue 9, part 2)."""
        before = resolution_count(db_path)
        result = run("resolve", "talks", "yes", "--on", days(-301))
        assert_error(result, "leave 2 recorded forecasts unscored", "Sergey Markov on yes, made " + MADE, "--force", exit_code=1)
        assert resolution_count(db_path) == before
        forced = ok("resolve", "talks", "yes", "--on", days(-301), "--force")
        assert forced == (
            f"Resolved talks: yes, known on {days(-301)}; it scores 0 forecasts "
            "(2 made on or after the day the outcome became known are not scored).\n"
        )


# --------------------------------------------------------------------------- errors

BAD_RESOLVE = [
    # (id, args after 'resolve', fragments, exit code)
    ("unknown question", ["nope", "yes"], ["'nope'"], 1),
    ("no outcome", ["talks"], ["yes", "no", "--annul"], 2),
    ("two outcomes: yes and --annul", ["talks", "yes", "--annul"], ["OUTCOME", "--annul"], 2),
    (
        "two outcomes: --happened-on and --not-by",
        ["meeting", "--happened-on", days(-100), "--not-by", days(-90)],
        ["--happened-on", "--not-by"],
        2,
    ),
    ("maybe on binary", ["talks", "maybe"], ["'maybe'", "yes or no"], 2),
    ("option not on choice", ["venue", "Dubai"], ["'Dubai'", "Baku", "'other'"], 2),
    ("yes on a choice question", ["venue", "yes"], ["'yes'", "'other'"], 2),
    ("yes on a date question", ["meeting", "yes"], ["'yes'", "--happened-on", "--not-by"], 2),
    ("--happened-on on binary", ["talks", "--happened-on", days(-40)], ["--happened-on", "yes or no"], 2),
    ("--not-by on choice", ["venue", "--not-by", days(-40)], ["--not-by", "option"], 2),
    ("--on on a date question", ["meeting", "--happened-on", days(-100), "--on", days(-90)], ["--on"], 2),
    ("--on in the future", ["talks", "yes", "--on", days(3)], [days(3), "future"], 2),
    ("--happened-on in the future", ["meeting", "--happened-on", days(3)], [days(3), "future"], 2),
    ("--not-by in the future", ["meeting", "--not-by", days(3)], [days(3), "future"], 2),
    ("--on impossible date", ["talks", "yes", "--on", "2025-02-30"], ["'2025-02-30'", "YYYY-MM-DD"], 2),
    ("--happened-on US date", ["meeting", "--happened-on", "03/18/2025"], ["'03/18/2025'", "YYYY-MM-DD"], 2),
    ("--not-by a word", ["meeting", "--not-by", "yesterday"], ["'yesterday'", "YYYY-MM-DD"], 2),
]


class TestErrors:
    @pytest.mark.parametrize(("args", "fragments", "exit_code"), [case[1:] for case in BAD_RESOLVE], ids=[case[0] for case in BAD_RESOLVE])
    def test_refused_and_nothing_written(self, record, ok, run, table_counts, args, fragments, exit_code):
        before = table_counts()
        assert_error(run("resolve", *args), *fragments, exit_code=exit_code)
        assert table_counts() == before

    def test_error_after_a_resolution_leaves_it_current(self, record, ok, run, db_path, table_counts):
        record_resolution(run, db_path, "talks", "yes", "--on", days(-40))
        before = table_counts()
        assert_error(run("resolve", "talks", "maybe", "--force"), "'maybe'", exit_code=2)
        assert table_counts() == before
        assert outcomes(ok, "talks") == {"yes": ("true", days(-40))}
