"""Negated and odd phrasings are never read as their opposite (issue 9, part 3).

A corpus of 60 phrasings through ``forecast add``: each is either read as the number its
meaning gives on the default scale (``default-2``: litotes have their own rows with
reasons) or refused with one ``Error:`` line and nothing written. The expected numbers are
the scale file's, typed in here.
"""

from __future__ import annotations

import pytest

from conftest import assert_error, days

READ = [
    # litotes and negated phrases on the scale
    ("not unlikely", 0.55), ("Not unlikely", 0.55), ("not  unlikely", 0.55), ("it is not unlikely", 0.55),
    ("not improbable", 0.55), ("not at all unlikely", 0.55),
    ("not impossible", 0.10), ("not entirely impossible", 0.10), ("it's not impossible", 0.10),
    ("not certain", 0.50), ("it is not certain", 0.50),
    ("no doubt", 0.95), ("undoubtedly", 0.95), ("without doubt", 0.95), ("beyond doubt", 0.95), ("no doubt that", 0.95),
    ("not out of the question", 0.25), ("not inconceivable", 0.15),
    ("not likely", 0.20), ("not ruled out", 0.35), ("did not rule out", 0.35), ("does not rule out", 0.35),
    ("didn't rule out", 0.35), ("cannot be ruled out", 0.35), ("can't rule out", 0.35), ("cannot rule out", 0.35),
    ("can't be ruled out", 0.35), ("will not", 0.02), ("won't", 0.02), ("no chance", 0.02), ("no way", 0.02),
    ("unlikely", 0.20), ("highly unlikely", 0.05), ("very unlikely", 0.05), ("improbable", 0.15), ("impossible", 0.01),
    ("probably not", 0.265), ("almost no chance", 0.02),
    # typos keep their negations
    ("unlikley", 0.20), ("not unlikley", 0.55), ("imposible", 0.01), ("not imposible", 0.10),
    # numbers people write
    ("1e-5", 0.00001), ("2.5E-2", 0.025), ("5e-1", 0.5), ("35%", 0.35), (".3", 0.3),
]

REFUSED = [
    # a negation not on the scale is refused, never guessed or dropped
    ("not possible", "not possible"), ("not sure", "not sure"), ("not probable", "not probable"),
    ("nicht unwahrscheinlich", "nicht unwahrscheinlich"), ("hardly unlikely", "hardly unlikely"),
    ("not not likely", "not not likely"), ("never", "never"), ("no", "no"),
    ("not", "not"), ("unlikely not", "unlikely not"),
    # odd numbers
    ("0,3", "did you mean 0.3?"), ("30,5%", "did you mean 30.5%?"), ("1e5", "out of range"), ("-0.1", "out of range"),
]


@pytest.fixture
def question(ok):
    ok("expert", "add", "Sergey Markov")
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", days(400))


def test_the_corpus_has_at_least_fifty_phrasings():
    assert len(READ) + len(REFUSED) >= 50


@pytest.mark.parametrize("phrase, probability", READ)
def test_negated_phrases_read_as_their_meaning(question, ok, run, phrase, probability):
    ok("forecast", "add", "Sergey Markov", "talks", phrase, "--made-on", days(-1))
    listed = ok("forecast", "list", "--question", "talks")
    assert f"{probability:.10g}" in listed or f"{100 * probability:g}%" in listed, (phrase, listed)


@pytest.mark.parametrize("phrase, fragment", REFUSED)
def test_other_negations_and_odd_numbers_are_refused(question, run, table_counts, phrase, fragment):
    before = table_counts()
    assert_error(run("forecast", "add", "Sergey Markov", "talks", phrase, "--made-on", days(-1)), fragment)
    assert table_counts() == before


def test_a_refused_negation_suggests_the_same_polarity_first(question, run):
    result = run("forecast", "add", "Sergey Markov", "talks", "not possible", "--made-on", days(-1))
    assert "did you mean 'impossible'" in result.stderr
    assert "a negation is never guessed" in result.stderr


# --------------------------------------------------------------------------- made-on dates (issue 9, part 2)


def test_implausibly_old_made_on_dates_are_refused_everywhere(question, run, ok, table_counts, tmp_path):
    before = table_counts()
    assert_error(run("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", "1066-10-14"), "1066-10-14", "implausibly old")
    assert_error(run("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", days(30)), "in the future")
    rows = tmp_path / "forecasts.csv"
    rows.write_text("question,expert,probability,made_on,option,window,quote,source\ntalks,Sergey Markov,0.3,1899-12-31,,,,\n", encoding="utf-8")
    assert_error(run("import", str(rows)), "line 2", "1899-12-31", "implausibly old")
    assert table_counts() == before
    ok("forecast", "add", "Sergey Markov", "talks", "0.3", "--made-on", "1900-01-01")  # the earliest accepted day
