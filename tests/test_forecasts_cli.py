"""``trackrecord forecast add | list`` through the real CLI against a real SQLite file.

Every question deadline and ``--made-on`` is in the past (``days(-N)``): future dates are
refused. Claims are checked with ``question show`` (its claims table) and, where that is
clearer, by reading the SQLite file directly.
"""

from __future__ import annotations


import pytest

from conftest import TODAY, assert_error, days, parse_table, sql

DEADLINE = days(-10)  # deadline of the binary and choice questions
MADE = days(-100)  # a made-on date well before every deadline


def show_claims(ok, slug: str) -> dict[str, dict[str, str]]:
    """``question show SLUG``'s claims table, keyed by claim."""
    return {row["claim"]: row for row in parse_table(ok("question", "show", slug))}


def record_resolution(run, db_path, *args: str) -> None:
    """Set-up: ``resolve ARGS`` must succeed and record one resolution row."""
    before = sql(db_path, "SELECT COUNT(*) FROM resolution")[0][0]
    result = run("resolve", *args)
    assert result.exit_code == 0, (args, result.exit_code, result.stdout, result.stderr, result.exception)
    assert sql(db_path, "SELECT COUNT(*) FROM resolution")[0][0] == before + 1, args


@pytest.fixture
def record(ok):
    """Two experts and one question of each kind, nothing forecast yet."""
    ok("expert", "add", "Sergey Markov", "--alias", "Markov")
    ok("expert", "add", "Tatiana Stanovaya")
    ok("question", "add", "talks", "Will they agree?", "--kind", "binary", "--deadline", DEADLINE)
    ok(
        "question", "add", "venue", "Where will they meet?", "--kind", "choice", "--deadline", DEADLINE,
        "--option", "Baku", "--option", "Istanbul",
    )
    ok("question", "add", "meeting", "When will they meet?", "--kind", "date")


# --------------------------------------------------------------------------- probabilities


class TestProbabilityForms:
    @pytest.mark.parametrize(
        ("text", "stored"),
        [("0.35", 0.35), ("35%", 0.35), ("0", 0.0), ("1", 1.0), ("100%", 1.0), ("7.5%", 0.075)],
    )
    def test_accepted_form_is_stored_as_a_fraction(self, record, ok, db_path, text, stored):
        """Numbers from 0 to 1 and percents from 0% to 100% are stored as a probability in [0, 1]."""
        out = ok("forecast", "add", "Markov", "talks", text, "--made-on", MADE)
        assert out.startswith("Recorded forecast 1: ")
        assert sql(db_path, "SELECT probability FROM forecast") == [(pytest.approx(stored),)]

    def test_percent_and_fraction_are_the_same_value(self, record, ok):
        """'35%' and '0.35' show the same in the list."""
        ok("forecast", "add", "Markov", "talks", "35%", "--made-on", MADE)
        ok("forecast", "add", "Tatiana Stanovaya", "talks", "0.35", "--made-on", MADE)
        rows = parse_table(ok("forecast", "list"))
        assert [row["probability"] for row in rows] == ["35%", "35%"]


# --------------------------------------------------------------------------- claims


class TestClaims:
    def test_binary_forecast_is_on_the_yes_claim(self, record, ok):
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", MADE)
        claims = show_claims(ok, "talks")
        assert list(claims) == ["yes"]
        assert claims["yes"]["forecasts"] == "1"
        assert claims["yes"]["deadline"] == DEADLINE

    def test_choice_option_is_matched_case_insensitively(self, record, ok):
        """``--option baku`` is the claim 'Baku'; the other options get no forecast."""
        ok("forecast", "add", "Markov", "venue", "0.6", "--option", "baku", "--made-on", MADE)
        ok("forecast", "add", "Markov", "venue", "0.2", "--option", "  ISTANBUL ", "--made-on", MADE)
        claims = show_claims(ok, "venue")
        assert {claim: row["forecasts"] for claim, row in claims.items()} == {"Baku": "1", "Istanbul": "1"}
        listed = parse_table(ok("forecast", "list"))
        assert [(row["claim"], row["probability"]) for row in listed] == [("Baku", "60%"), ("Istanbul", "20%")]

    def test_window_is_a_claim_ending_on_its_last_day(self, record, ok, db_path):
        window = f"{days(-60)}..{days(-20)}"
        ok("forecast", "add", "Markov", "meeting", "0.4", "--window", window, "--made-on", MADE)
        claims = show_claims(ok, "meeting")
        assert list(claims) == [window]
        assert claims[window]["deadline"] == days(-20)
        assert claims[window]["outcome"] == "pending"
        assert sql(db_path, "SELECT window_start, window_end, deadline FROM claim WHERE key LIKE 'window:%'") == [
            (days(-60), days(-20), days(-20))
        ]

    def test_by_date_is_an_open_start_window(self, record, ok, db_path):
        """``--by D`` is stored as the window '..D' (no start) and shown as 'by D'."""
        ok("forecast", "add", "Markov", "meeting", "0.7", "--by", days(-20), "--made-on", MADE)
        assert sql(db_path, "SELECT key, window_start, window_end FROM claim WHERE key LIKE 'window:%'") == [
            (f"window:..{days(-20)}", None, days(-20))
        ]
        assert list(show_claims(ok, "meeting")) == [f"by {days(-20)}"]

    def test_experts_naming_the_same_window_share_one_claim(self, record, ok):
        window = f"{days(-60)}..{days(-20)}"
        ok("forecast", "add", "Markov", "meeting", "0.4", "--window", window, "--made-on", MADE)
        ok("forecast", "add", "Tatiana Stanovaya", "meeting", "0.1", "--window", window, "--made-on", days(-90))
        claims = show_claims(ok, "meeting")
        assert list(claims) == [window]
        assert claims[window]["forecasts"] == "2"

    def test_by_and_open_start_window_share_one_claim(self, record, ok):
        """``--by D`` and ``--window ..D`` name the same claim."""
        ok("forecast", "add", "Markov", "meeting", "0.7", "--by", days(-20), "--made-on", MADE)
        ok("forecast", "add", "Tatiana Stanovaya", "meeting", "0.5", "--window", f"..{days(-20)}", "--made-on", MADE)
        claims = show_claims(ok, "meeting")
        assert list(claims) == [f"by {days(-20)}"]
        assert claims[f"by {days(-20)}"]["forecasts"] == "2"

    def test_different_windows_are_different_claims(self, record, ok):
        ok("forecast", "add", "Markov", "meeting", "0.4", "--window", f"{days(-60)}..{days(-20)}", "--made-on", MADE)
        ok("forecast", "add", "Markov", "meeting", "0.7", "--by", days(-20), "--made-on", MADE)
        ok("forecast", "add", "Markov", "meeting", "0.2", "--window", f"{days(-60)}..{days(-30)}", "--made-on", MADE)
        claims = show_claims(ok, "meeting")
        assert sorted(claims) == sorted([f"{days(-60)}..{days(-20)}", f"by {days(-20)}", f"{days(-60)}..{days(-30)}"])
        assert {row["forecasts"] for row in claims.values()} == {"1"}

    def test_made_on_defaults_to_today(self, ok, record):
        ok("question", "add", "later", "Later?", "--kind", "binary", "--deadline", days(30))
        ok("forecast", "add", "Markov", "later", "0.5")
        assert parse_table(ok("forecast", "list"))[0]["made on"] == TODAY.isoformat()


# --------------------------------------------------------------------------- quote, source


class TestQuoteAndSource:
    QUOTE = "the meeting may occur in the spring, perhaps in Baku"
    SOURCE = "https://example.org/markov-interview"

    def add(self, ok):
        ok(
            "forecast", "add", "Markov", "venue", "0.45", "--option", "Baku", "--made-on", MADE,
            "--quote", self.QUOTE, "--source", self.SOURCE,
        )

    def test_quote_and_source_are_stored(self, record, ok, db_path):
        self.add(ok)
        assert sql(db_path, "SELECT quote, source FROM forecast") == [(self.QUOTE, self.SOURCE)]

    def test_source_is_shown_by_forecast_list(self, record, ok):
        self.add(ok)
        assert [row["source"] for row in parse_table(ok("forecast", "list"))] == [self.SOURCE]

    def test_quote_is_shown_by_forecast_list(self, record, ok):
        self.add(ok)
        assert [row["quote"] for row in parse_table(ok("forecast", "list"))] == [self.QUOTE]


# --------------------------------------------------------------------------- list


class TestList:
    @pytest.fixture
    def forecasts(self, record, ok):
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-100))
        ok("forecast", "add", "Markov", "venue", "0.6", "--option", "Baku", "--made-on", days(-90))
        ok("forecast", "add", "Tatiana Stanovaya", "talks", "0.8", "--made-on", days(-80))

    def listed(self, ok, *args):
        return [(row["expert"], row["question"], row["probability"]) for row in parse_table(ok("forecast", "list", *args))]

    def test_all_oldest_first(self, forecasts, ok):
        assert self.listed(ok) == [
            ("Sergey Markov", "talks", "30%"),
            ("Sergey Markov", "venue", "60%"),
            ("Tatiana Stanovaya", "talks", "80%"),
        ]

    def test_filter_by_expert_accepts_an_alias(self, forecasts, ok):
        assert self.listed(ok, "--expert", "markov") == [
            ("Sergey Markov", "talks", "30%"),
            ("Sergey Markov", "venue", "60%"),
        ]

    def test_filter_by_question(self, forecasts, ok):
        assert self.listed(ok, "--question", "talks") == [
            ("Sergey Markov", "talks", "30%"),
            ("Tatiana Stanovaya", "talks", "80%"),
        ]

    def test_filters_combine(self, forecasts, ok):
        assert self.listed(ok, "--expert", "Tatiana Stanovaya", "--question", "talks") == [
            ("Tatiana Stanovaya", "talks", "80%")
        ]

    def test_no_match_says_so_on_stderr(self, forecasts, run):
        result = run("forecast", "list", "--expert", "Tatiana Stanovaya", "--question", "venue")
        assert result.exit_code == 0
        assert result.stdout == ""
        assert "No forecasts match" in result.stderr

    def test_unknown_expert_filter_is_an_error(self, forecasts, run):
        assert_error(run("forecast", "list", "--expert", "Nobody"), "'Nobody'", exit_code=1)

    def test_unknown_question_filter_is_an_error(self, forecasts, run):
        assert_error(run("forecast", "list", "--question", "nope"), "'nope'", exit_code=1)


# --------------------------------------------------------------------------- append-only


class TestRevision:
    def test_later_forecast_is_a_new_row_and_the_old_one_stays(self, record, ok, db_path):
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-100))
        ok("forecast", "add", "Markov", "talks", "0.6", "--made-on", days(-50))
        assert sql(db_path, "SELECT probability, made_on FROM forecast ORDER BY id") == [
            (0.3, days(-100)),
            (0.6, days(-50)),
        ]
        rows = parse_table(ok("forecast", "list", "--expert", "Markov"))
        assert [(row["made on"], row["probability"]) for row in rows] == [(days(-100), "30%"), (days(-50), "60%")]
        assert show_claims(ok, "talks")["yes"]["forecasts"] == "2"

    def test_revision_recorded_out_of_order_is_listed_by_made_on(self, record, ok):
        """A forecast recorded later but made earlier is listed first (oldest ``made_on`` first)."""
        ok("forecast", "add", "Markov", "talks", "0.6", "--made-on", days(-50))
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-100))
        rows = parse_table(ok("forecast", "list"))
        assert [(row["made on"], row["probability"]) for row in rows] == [(days(-100), "30%"), (days(-50), "60%")]


# --------------------------------------------------------------------------- errors


class TestProbabilityErrors:
    @pytest.mark.parametrize(
        ("text", "fragments"),
        [
            ("1.5", ["'1.5'", "out of range", "0 to 1"]),
            ("abc", ["'abc'", "0 to 1"]),
            ("150%", ["'150%'", "out of range", "0% to 100%"]),
            ("-0.1", ["'-0.1'", "out of range"]),
            ("nan", ["'nan'", "0 to 1"]),
            ("inf", ["'inf'", "0 to 1"]),
            ("", ["''", "0 to 1"]),
            ("whenever pigs fly", ["'whenever pigs fly'", "neither a number nor a phrase", "trackrecord scale"]),
        ],
    )
    def test_refused_and_nothing_written(self, record, run, table_counts, text, fragments):
        before = table_counts()
        # '--' so that '-0.1' reaches the command as PROBABILITY, not as an option.
        result = run("forecast", "add", "Markov", "talks", "--made-on", MADE, "--", text)
        assert_error(result, *fragments, exit_code=2)
        assert table_counts() == before

    def test_negative_probability_without_double_dash(self, record, run, table_counts):
        before = table_counts()
        assert_error(run("forecast", "add", "Markov", "talks", "-0.1", "--made-on", MADE), "'-0.1'", "out of range")
        assert table_counts() == before


BAD_INPUT = [
    # (id, args after 'forecast add', fragments, exit code)
    ("unknown expert", ["Nobody", "talks", "0.3", "--made-on", MADE], ["'Nobody'"], 1),
    ("unknown question", ["Markov", "nope", "0.3", "--made-on", MADE], ["'nope'"], 1),
    ("impossible made-on", ["Markov", "talks", "0.3", "--made-on", "2025-02-30"], ["'2025-02-30'", "YYYY-MM-DD"], 2),
    ("US made-on", ["Markov", "talks", "0.3", "--made-on", "03/18/2025"], ["'03/18/2025'", "YYYY-MM-DD"], 2),
    (
        "window ends before it starts",
        ["Markov", "meeting", "0.3", "--window", f"{days(-20)}..{days(-60)}", "--made-on", MADE],
        [f"'{days(-20)}..{days(-60)}'", "ends before it starts"],
        2,
    ),
    ("window phrase not understood", ["Markov", "meeting", "0.3", "--window", "whenever", "--made-on", MADE], ["'whenever'", "FROM..TO", "spring 2025"], 2),
    (
        "window with a bad date",
        ["Markov", "meeting", "0.3", "--window", f"{days(-60)}..2025-13-01", "--made-on", MADE],
        ["'2025-13-01'"],
        2,
    ),
    ("malformed --by", ["Markov", "meeting", "0.3", "--by", "Juneteenth-ish", "--made-on", MADE], ["'by Juneteenth-ish'"], 2),
    (
        "--window and --by",
        ["Markov", "meeting", "0.3", "--window", f"{days(-60)}..{days(-20)}", "--by", days(-20), "--made-on", MADE],
        ["--window", "--by"],
        2,
    ),
    ("option not on the question", ["Markov", "venue", "0.3", "--option", "Dubai", "--made-on", MADE], ["'Dubai'", "Baku", "Istanbul"], 2),
    ("choice without --option", ["Markov", "venue", "0.3", "--made-on", MADE], ["--option", "Baku", "Istanbul"], 2),
    ("--option on a binary question", ["Markov", "talks", "0.3", "--option", "Baku", "--made-on", MADE], ["--option", "binary"], 2),
    ("--option on a date question", ["Markov", "meeting", "0.3", "--option", "Baku", "--by", days(-20), "--made-on", MADE], ["--option", "date"], 2),
    (
        "--window on a binary question",
        ["Markov", "talks", "0.3", "--window", f"{days(-60)}..{days(-20)}", "--made-on", MADE],
        ["--window", "binary"],
        2,
    ),
    ("--by on a choice question", ["Markov", "venue", "0.3", "--option", "Baku", "--by", days(-20), "--made-on", MADE], ["--by", "choice"], 2),
    ("date question without window", ["Markov", "meeting", "0.3", "--made-on", MADE], ["--window", "--by"], 2),
    ("made-on in the future", ["Markov", "talks", "0.3", "--made-on", days(3)], [days(3), "future"], 2),
    ("made-on on the deadline", ["Markov", "talks", "0.3", "--made-on", DEADLINE], [DEADLINE, "deadline"], 1),
    ("made-on after the deadline", ["Markov", "talks", "0.3", "--made-on", days(-5)], [days(-5), "deadline"], 1),
    (
        "made-on after the window's end",
        ["Markov", "meeting", "0.3", "--window", f"{days(-60)}..{days(-20)}", "--made-on", days(-20)],
        [days(-20), "deadline"],
        1,
    ),
]


class TestAddErrors:
    @pytest.mark.parametrize(("args", "fragments", "exit_code"), [case[1:] for case in BAD_INPUT], ids=[case[0] for case in BAD_INPUT])
    def test_refused_and_nothing_written(self, record, run, table_counts, args, fragments, exit_code):
        before = table_counts()
        assert_error(run("forecast", "add", *args), *fragments, exit_code=exit_code)
        assert table_counts() == before

    def test_day_before_the_deadline_is_accepted(self, record, ok):
        """The boundary of the deadline check: made the day before is fine."""
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-11))


class TestIntegrityErrors:
    def test_hindsight_on_the_day_the_outcome_became_known(self, record, ok, run, db_path, table_counts):
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-100))
        record_resolution(run, db_path, "talks", "yes", "--on", days(-50))
        before = table_counts()
        for made_on in (days(-50), days(-40)):
            result = run("forecast", "add", "Tatiana Stanovaya", "talks", "0.9", "--made-on", made_on)
            assert_error(result, made_on, days(-50), "hindsight", exit_code=1)
        assert table_counts() == before
        ok("forecast", "add", "Tatiana Stanovaya", "talks", "0.9", "--made-on", days(-51))

    def test_hindsight_on_a_date_window(self, record, ok, run, db_path, table_counts):
        """A window still open when the event happened is known on the event date."""
        record_resolution(run, db_path, "meeting", "--happened-on", days(-50))
        before = table_counts()
        result = run("forecast", "add", "Markov", "meeting", "0.9", "--window", f"{days(-60)}..{days(-20)}", "--made-on", days(-45))
        assert_error(result, days(-45), days(-50), exit_code=1)
        assert table_counts() == before

    def test_forecast_on_an_annulled_question(self, record, ok, run, db_path, table_counts):
        ok("forecast", "add", "Markov", "talks", "0.3", "--made-on", days(-100))
        record_resolution(run, db_path, "talks", "--annul")
        before = table_counts()
        result = run("forecast", "add", "Tatiana Stanovaya", "talks", "0.2", "--made-on", days(-90))
        assert_error(result, "'talks'", "annulled", exit_code=1)
        assert table_counts() == before

    def test_new_window_on_an_annulled_date_question_creates_no_claim(self, record, run, db_path, table_counts):
        record_resolution(run, db_path, "meeting", "--annul")
        before = table_counts()
        result = run("forecast", "add", "Markov", "meeting", "0.5", "--by", days(-20), "--made-on", MADE)
        assert_error(result, "annulled", exit_code=1)
        assert table_counts() == before

    def test_exact_duplicate_is_refused(self, record, ok, run, table_counts):
        ok("forecast", "add", "Markov", "talks", "0.35", "--made-on", MADE)
        before = table_counts()
        result = run("forecast", "add", "Markov", "talks", "0.35", "--made-on", MADE)
        assert_error(result, "already", MADE, exit_code=1)
        assert table_counts() == before

    def test_duplicate_by_alias_and_percent_is_still_a_duplicate(self, record, ok, run, table_counts):
        """Same expert (named by alias), claim, made-on and probability (as a percent)."""
        ok("forecast", "add", "Sergey Markov", "venue", "0.35", "--option", "Baku", "--made-on", MADE)
        before = table_counts()
        result = run("forecast", "add", "MARKOV", "venue", "35%", "--option", "baku", "--made-on", MADE)
        assert_error(result, "already", exit_code=1)
        assert table_counts() == before

    def test_same_day_different_probability_is_not_a_duplicate(self, record, ok, db_path):
        ok("forecast", "add", "Markov", "talks", "0.35", "--made-on", MADE)
        ok("forecast", "add", "Markov", "talks", "0.4", "--made-on", MADE)
        assert sql(db_path, "SELECT COUNT(*) FROM forecast") == [(2,)]


def test_swapped_expert_and_question_are_named_as_such(ok, run, table_counts):
    """forecast add SLUG EXPERT: say the arguments look swapped (issue 9, part 4)."""
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", "2030-01-01")
    before = table_counts()
    assert_error(run("forecast", "add", "talks", "Sergey Markov", "0.3"), "'talks'", "look swapped", "EXPERT first")
    assert table_counts() == before
    assert_error(run("forecast", "add", "Nobody", "talks", "0.3"), "no expert named 'Nobody'", exit_code=1)
