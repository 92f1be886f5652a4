"""``trackrecord question add | list | show`` through the real CLI against a real SQLite file.

Questions are made due or resolved the way a user would: a deadline in the past
(``days(-10)``), forecasts made before it (``--made-on``), ``resolve ... --on DATE``.
Error tests check the one ``Error:`` line, the exit status (2 for bad input, 1 for
conflicts and missing things) and that the record did not change.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import assert_error, days, parse_table

HISTORY_LINE = re.compile(r"  \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC  (.*)")


def history(text: str) -> list[str]:
    """The resolution-history entries of a ``question show`` (timestamps stripped, detail lines kept)."""
    assert "\nresolution history (oldest first):\n" in text, text
    entries = []
    for line in text.split("\nresolution history (oldest first):\n", 1)[1].splitlines():
        match = HISTORY_LINE.fullmatch(line)
        entries.append(match.group(1) if match else line)
    return entries


@pytest.fixture
def experts(ok):
    ok("expert", "add", "Сергей Марков", "--alias", "Markov")
    ok("expert", "add", "Steve Witkoff")


@pytest.fixture
def record(ok, experts):
    """One question in every state, with tags:

    future   binary, deadline in 30 days               open      energy
    overdue  binary, deadline 10 days ago, 1 forecast  due       energy, war
    settled  binary, resolved yes, 2 forecasts         resolved  war
    voided   choice, annulled                          annulled  war
    when     date, a window that ended 50 days ago     due       (none)
    """
    ok("question", "add", "future", "Will talks start?", "--kind", "binary", "--deadline", days(30), "--tag", "energy")
    ok("question", "add", "overdue", "Will strikes stop?", "--kind", "binary", "--deadline", days(-10),
       "--tag", "Energy", "--tag", "war")
    ok("forecast", "add", "Markov", "overdue", "0.3", "--made-on", days(-40))
    ok("question", "add", "settled", "Will they meet?", "--kind", "binary", "--deadline", days(-10), "--tag", "war")
    ok("forecast", "add", "Markov", "settled", "0.3", "--made-on", days(-20))
    ok("forecast", "add", "Steve Witkoff", "settled", "0.8", "--made-on", days(-20))
    ok("resolve", "settled", "yes", "--on", days(-5))
    ok("question", "add", "voided", "Where?", "--kind", "choice", "--deadline", days(-10),
       "--option", "Baku", "--option", "Riyadh", "--tag", "war")
    ok("resolve", "voided", "--annul")
    ok("question", "add", "when", "When will they meet?", "--kind", "date")
    ok("forecast", "add", "Markov", "when", "0.5", "--window", f"{days(-100)}..{days(-50)}", "--made-on", days(-200))


def listed(ok, *flags: str) -> list[tuple[str, str]]:
    """``question list FLAGS`` as (slug, status) pairs."""
    return [(row["question"], row["status"]) for row in parse_table(ok("question", "list", *flags))]


# --------------------------------------------------------------------------- question add


class TestAdd:
    def test_binary_question(self, ok):
        """A binary question has one 'yes' claim with the question's deadline, pending."""
        assert ok("question", "add", "ceasefire", "Will a ceasefire hold?", "--kind", "binary",
                  "--deadline", "2030-12-31") == "Added binary question ceasefire.\n"
        assert ok("question", "show", "ceasefire") == (
            "ceasefire: Will a ceasefire hold?\n"
            "kind: binary    status: open    deadline: 2030-12-31\n"
            "\n"
            "claim    deadline    outcome    known on    forecasts\n"
            "-------  ----------  ---------  ----------  -----------\n"
            "yes      2030-12-31  pending                0\n"
        )

    def test_choice_question_shows_its_options_tags_and_criteria(self, ok):
        """Options keep their order and spelling (spaces collapsed); each option is a claim."""
        assert ok("question", "add", "summit-venue", "Where will the first Putin–Trump meeting take place?",
                  "--kind", "choice", "--deadline", "2030-06-30", "--option", "Baku", "--option", "Abu   Dhabi",
                  "--option", "Riyadh", "--tag", "Diplomacy", "--tag", "russia",
                  "--criteria", "First in-person meeting, per Reuters.") == "Added choice question summit-venue.\n"
        assert ok("question", "show", "summit-venue") == (
            "summit-venue: Where will the first Putin–Trump meeting take place?\n"
            "kind: choice    status: open    deadline: 2030-06-30\n"
            "tags: diplomacy, russia\n"
            "options: Baku, Abu Dhabi, Riyadh (anything else resolves as 'other')\n"
            "criteria: First in-person meeting, per Reuters.\n"
            "\n"
            "claim      deadline    outcome    known on    forecasts\n"
            "---------  ----------  ---------  ----------  -----------\n"
            "Baku       2030-06-30  pending                0\n"
            "Abu Dhabi  2030-06-30  pending                0\n"
            "Riyadh     2030-06-30  pending                0\n"
        )

    def test_date_question_needs_no_deadline_and_has_no_claims_yet(self, ok):
        """A date question's claims are the windows forecast on it; none at first."""
        assert ok("question", "add", "putin-trump-meeting", "When will Putin and Trump meet in person?",
                  "--kind", "date") == "Added date question putin-trump-meeting.\n"
        assert ok("question", "show", "putin-trump-meeting") == (
            "putin-trump-meeting: When will Putin and Trump meet in person?\n"
            "kind: date    status: open\n"
            "\n"
            "No claims yet: forecast a window with 'trackrecord forecast add EXPERT QUESTION P --window FROM..TO'.\n"
        )

    def test_date_question_windows_become_claims(self, ok, experts):
        """Each distinct window forecast is one claim, ordered by its end; experts naming the same window share it."""
        ok("question", "add", "meeting", "When?", "--kind", "date")
        ok("forecast", "add", "Markov", "meeting", "0.5", "--window", "2030-03-01..2030-05-31", "--made-on", days(-2))
        ok("forecast", "add", "Steve Witkoff", "meeting", "0.6", "--window", "2030-03-01..2030-05-31", "--made-on", days(-1))
        ok("forecast", "add", "Markov", "meeting", "0.2", "--by", "2030-01-31", "--made-on", days(-1))
        rows = parse_table(ok("question", "show", "meeting"))
        assert [(r["claim"], r["deadline"], r["outcome"], r["forecasts"]) for r in rows] == [
            ("by 2030-01-31", "2030-01-31", "pending", "1"),
            ("2030-03-01..2030-05-31", "2030-05-31", "pending", "2"),
        ]

    def test_tags_are_lowercased_and_stored_once(self, ok):
        """'--tag War --tag war --tag " WAR "' is one tag."""
        ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", "2030-01-01",
           "--tag", "War", "--tag", "war", "--tag", " WAR ", "--tag", "energy")
        assert "tags: energy, war" in ok("question", "show", "q").splitlines()

    def test_slugs_may_hold_digits_and_hyphens(self, ok):
        """A slug such as 2025-ceasefire-3 is valid."""
        assert ok("question", "add", "2025-ceasefire-3", "Q?", "--kind", "date") == "Added date question 2025-ceasefire-3.\n"


class TestAddErrors:
    @pytest.fixture
    def existing(self, ok):
        """A record with one question, so the database exists before the failing command."""
        ok("question", "add", "ceasefire", "Will a ceasefire hold?", "--kind", "binary", "--deadline", "2030-12-31")

    def refused(self, run, table_counts, args, *fragments, exit_code=2):
        before = table_counts()
        assert before, "the record should exist before the failing command"
        assert_error(run("question", "add", *args), *fragments, exit_code=exit_code)
        assert table_counts() == before

    @pytest.mark.parametrize("slug", ["Bad Slug!", "Putin-Trump", "-meeting", "meeting_2025", "встреча", " "])
    def test_invalid_slug(self, existing, run, table_counts, slug):
        """Only lowercase letters, digits and hyphens, not starting with a hyphen."""
        args = ["--kind", "date", "--", slug, "Q?"]  # '--' so that '-meeting' is read as the slug
        self.refused(run, table_counts, args, f"{slug!r}", "slug", "lowercase")

    @pytest.mark.parametrize("kind", ["binary", "date"])
    def test_duplicate_slug_is_a_conflict(self, existing, run, table_counts, kind):
        """A slug can be used once, whatever the kind of the new question."""
        args = ["ceasefire", "Another?", "--kind", kind] + (["--deadline", "2031-01-01"] if kind == "binary" else [])
        self.refused(run, table_counts, args, "'ceasefire'", "already exists", exit_code=1)

    @pytest.mark.parametrize(
        "args", [["--kind", "binary"], ["--kind", "choice", "--option", "Baku", "--option", "Riyadh"]], ids=["binary", "choice"]
    )
    def test_binary_and_choice_need_a_deadline(self, existing, run, table_counts, args):
        """No --deadline on a binary or choice question is bad input naming --deadline."""
        self.refused(run, table_counts, ["q", "Q?", *args], f"a {args[1]} question", "--deadline")

    @pytest.mark.parametrize("options", [[], ["Baku"]], ids=["none", "one"])
    def test_choice_needs_two_options(self, existing, run, table_counts, options):
        """A choice question with fewer than two options is refused."""
        args = ["q", "Q?", "--kind", "choice", "--deadline", "2030-01-01"]
        for option in options:
            args += ["--option", option]
        self.refused(run, table_counts, args, "at least two --option")

    @pytest.mark.parametrize("kind", ["binary", "date"])
    def test_option_is_for_choice_questions_only(self, existing, run, table_counts, kind):
        """--option on a binary or date question is refused, naming its kind."""
        args = ["q", "Q?", "--kind", kind, "--deadline", "2030-01-01", "--option", "Baku", "--option", "Riyadh"]
        self.refused(run, table_counts, args, "--option", f"'{kind}'")

    @pytest.mark.parametrize("repeat", ["Baku", "baku", "  BAKU "])
    def test_repeated_option(self, existing, run, table_counts, repeat):
        """The same option twice (ignoring case and spaces) is refused, naming it."""
        args = ["q", "Q?", "--kind", "choice", "--deadline", "2030-01-01",
                "--option", "Baku", "--option", "Riyadh", "--option", repeat]
        self.refused(run, table_counts, args, "'Baku'", "repeat")

    @pytest.mark.parametrize("other", ["other", "Other", " OTHER "])
    def test_option_named_other_is_reserved(self, existing, run, table_counts, other):
        """'other' is what an outcome outside the options resolves as; it cannot be an option."""
        args = ["q", "Q?", "--kind", "choice", "--deadline", "2030-01-01", "--option", "Baku", "--option", other]
        self.refused(run, table_counts, args, "'other'", "reserved")

    def test_empty_option(self, existing, run, table_counts):
        """An option of only spaces is refused."""
        args = ["q", "Q?", "--kind", "choice", "--deadline", "2030-01-01", "--option", "Baku", "--option", "  "]
        self.refused(run, table_counts, args, "option is empty")

    @pytest.mark.parametrize("kind", ["bogus", "bool", "yes-no"])  # any case of a valid kind is accepted (issue 9)
    def test_bad_kind(self, existing, run, table_counts, kind):
        """--kind must be binary, choice or date; the error names the value and the choices."""
        args = ["q", "Q?", "--kind", kind, "--deadline", "2030-01-01"]
        self.refused(run, table_counts, args, f"'{kind}'", "--kind", "binary", "choice", "date")

    def test_missing_kind(self, existing, run, table_counts):
        """--kind is required."""
        self.refused(run, table_counts, ["q", "Q?", "--deadline", "2030-01-01"], "--kind", "binary, choice, date")

    @pytest.mark.parametrize("deadline", ["2025-13-01", "tomorrow", "2025-02-30", "31/12/2025", "2025-1-5", ""])
    def test_malformed_deadline(self, existing, run, table_counts, deadline):
        """A deadline must be an ISO date; the error names the value and the format."""
        args = ["q", "Q?", "--kind", "binary", "--deadline", deadline]
        self.refused(run, table_counts, args, f"deadline {deadline!r}", "YYYY-MM-DD")

    def test_empty_title(self, existing, run, table_counts):
        """A title of only spaces is refused."""
        self.refused(run, table_counts, ["q", "   ", "--kind", "date"], "title is empty")

    def test_empty_tag(self, existing, run, table_counts):
        """An empty --tag is refused and the question is not added."""
        self.refused(run, table_counts, ["q", "Q?", "--kind", "date", "--tag", "war", "--tag", " "], "tag is empty")


# --------------------------------------------------------------------------- question list


class TestList:
    def test_empty_record_says_how_to_start(self, run):
        """No questions: nothing on stdout, a hint on stderr, success."""
        result = run("question", "list")
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == (
            "No questions yet. Add one with: trackrecord question add SLUG TITLE --kind binary --deadline DATE\n"
        )

    def test_list_shows_every_question_with_status_forecasts_and_tags(self, record, ok):
        """The exact table, by slug."""
        assert ok("question", "list") == (
            "question    kind    deadline    status    forecasts    tags         title\n"
            "----------  ------  ----------  --------  -----------  -----------  --------------------\n"
            f"future      binary  {days(30)}  open      0            energy       Will talks start?\n"
            f"overdue     binary  {days(-10)}  due       1            energy, war  Will strikes stop?\n"
            f"settled     binary  {days(-10)}  resolved  2            war          Will they meet?\n"
            f"voided      choice  {days(-10)}  annulled  0            war          Where?\n"
            "when        date                due       1                         When will they meet?\n"
        )

    def test_open_means_not_resolved_including_due(self, record, ok):
        """--open: every question without a deciding resolution, whether due or not."""
        assert listed(ok, "--open") == [("future", "open"), ("overdue", "due"), ("when", "due")]

    def test_due(self, record, ok):
        """--due: questions with a claim past its deadline and no outcome (binary and date alike)."""
        assert listed(ok, "--due") == [("overdue", "due"), ("when", "due")]

    def test_resolved_includes_annulled(self, record, ok):
        """--resolved: resolved and annulled questions."""
        assert listed(ok, "--resolved") == [("settled", "resolved"), ("voided", "annulled")]

    @pytest.mark.parametrize("tag", ["war", "WAR", " War "])
    def test_tag_in_any_case(self, record, ok, tag):
        """--tag matches tags case-insensitively."""
        assert listed(ok, "--tag", tag) == [("overdue", "due"), ("settled", "resolved"), ("voided", "annulled")]

    def test_tag_combines_with_a_status_filter(self, record, ok):
        """--tag and --due together: both must hold."""
        assert listed(ok, "--due", "--tag", "energy") == [("overdue", "due")]
        assert listed(ok, "--open", "--tag", "energy") == [("future", "open"), ("overdue", "due")]

    def test_a_resolved_question_leaves_due(self, record, ok):
        """Resolving the overdue question moves it from --due to --resolved."""
        ok("resolve", "overdue", "no", "--on", days(-9))
        assert listed(ok, "--due") == [("when", "due")]
        assert ("overdue", "resolved") in listed(ok, "--resolved")

    def test_not_by_keeps_a_date_question_unresolved(self, record, ok):
        """'had not happened by D' decides windows ended by D, not the question: it is no longer due but still open."""
        ok("resolve", "when", "--not-by", days(-30))
        assert listed(ok, "--due") == [("overdue", "due")]
        assert ("when", "open") in listed(ok, "--open")
        assert "when" not in [slug for slug, _ in listed(ok, "--resolved")]

    @pytest.mark.parametrize("flags", [["--due"], ["--tag", "nothing-has-this"], ["--resolved", "--tag", "energy"]])
    def test_nothing_matches(self, ok, run, flags):
        """An empty selection prints nothing on stdout and says so on stderr."""
        ok("question", "add", "future", "Q?", "--kind", "binary", "--deadline", days(30), "--tag", "energy")
        result = run("question", "list", *flags)
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == "No questions match.\n"

    @pytest.mark.parametrize(
        "flags", [["--open", "--due"], ["--open", "--resolved"], ["--due", "--resolved"], ["--open", "--due", "--resolved"]]
    )
    def test_more_than_one_status_filter_is_bad_input(self, record, run, table_counts, flags):
        """--open, --due and --resolved exclude each other."""
        before = table_counts()
        assert_error(run("question", "list", *flags), "--open", "--due", "--resolved", "at most one", exit_code=2)
        assert table_counts() == before


class TestPaging:
    """A listing shows the first 50 questions by slug in every format, and says on stderr
    how many there are; --limit N and --all choose otherwise. Edits, removals and tags hold
    for the rows shown exactly as for a whole listing."""

    @pytest.fixture
    def many(self, ok, tmp_path):
        """53 binary questions q-01..q-53 (q-02 renamed, q-03 removed, q-52 tagged by an edit)."""
        rows = ["question,title,kind,deadline,options,tags,criteria,outcome,resolved_on"]
        rows += [f"q-{i:02d},Question {i}?,binary,{days(30)},,{'odd' if i % 2 else ''},,," for i in range(1, 54)]
        (tmp_path / "questions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        ok("import", str(tmp_path / "questions.csv"))
        ok("question", "edit", "q-02", "--title", "Renamed question?", "--reason", "clearer")
        ok("question", "remove", "q-03", "--reason", "duplicate")
        ok("question", "edit", "q-52", "--tag", "late")
        ok("question", "edit", "q-51", "--untag", "odd")

    def test_the_first_page_and_the_count(self, many, run):
        result = run("question", "list")
        assert result.exit_code == 0
        shown = parse_table(result.stdout)
        assert [r["question"] for r in shown] == [f"q-{i:02d}" for i in range(1, 54) if i != 3][:50]
        assert shown[1]["title"] == "Renamed question?" and shown[0]["tags"] == "odd"
        assert result.stderr == "Showing 50 of 52 questions (--limit N for more, --all for every one).\n"

    @pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
    def test_every_format_pages_alike_and_stays_parseable(self, many, run, fmt):
        result = run("question", "list", "--format", fmt, "--limit", "2")
        assert result.exit_code == 0 and result.stderr == "Showing 2 of 52 questions (--limit N for more, --all for every one).\n"
        if fmt == "json":
            assert [(q["slug"], q["title"]) for q in json.loads(result.stdout)] == [("q-01", "Question 1?"), ("q-02", "Renamed question?")]
        elif fmt == "csv":
            assert [row["slug"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["q-01", "q-02"]
        else:
            assert len(result.stdout.splitlines()) == 4

    def test_all_and_a_limit_past_the_end_show_everything_without_a_note(self, many, run):
        for flags in (["--all"], ["--limit", "60"]):
            result = run("question", "list", "--format", "json", *flags)
            assert result.exit_code == 0 and result.stderr == ""
            listed = json.loads(result.stdout)
            assert len(listed) == 52 and "q-03" not in [q["slug"] for q in listed]
            assert listed[-2]["slug"] == "q-52" and listed[-2]["tags"] == ["late"]

    def test_tags_and_search_see_the_edits(self, many, ok, run):
        assert [q["slug"] for q in json.loads(ok("question", "list", "--tag", "late", "--format", "json"))] == ["q-52"]
        odd = run("question", "list", "--tag", "odd", "--format", "json")
        assert [q["slug"] for q in json.loads(odd.stdout)][-2:] == ["q-49", "q-53"]  # q-51 untagged, q-03 removed
        assert odd.stderr == ""  # 25 of 25
        assert [q["slug"] for q in json.loads(ok("question", "list", "--search", "RENAMED", "--format", "json"))] == ["q-02"]
        assert "No questions match" in run("question", "list", "--search", "Question 2?").stderr
        fives = run("question", "list", "--search", "question 5", "--limit", "3")
        assert [r["question"] for r in parse_table(fives.stdout)] == ["q-05", "q-50", "q-51"]
        assert fives.stderr == "Showing 3 of 5 questions (--limit N for more, --all for every one).\n"

    def test_all_with_a_limit_is_bad_input(self, many, run):
        assert_error(run("question", "list", "--all", "--limit", "3"), "--limit 3", "--all", exit_code=2)

    @pytest.mark.parametrize("text", ["2", "war", "DUE", "'energy'", "[]", "0", "open", "-"])
    def test_search_is_the_rule_of_every_listing(self, record, ok, text):
        """--search keeps a question when any field as JSON shows it contains the text,
        ignoring case: the same rule as on every other listing."""
        every = json.loads(ok("question", "list", "--all", "--format", "json"))
        wanted = text.casefold()
        expected = [q for q in every if any(wanted in str(v).casefold() for v in q.values() if v is not None)]
        assert json.loads(ok("question", "list", "--all", "--search", text, "--format", "json")) == expected


# --------------------------------------------------------------------------- question show


class TestShow:
    def test_resolved_binary_question_shows_outcome_and_history(self, record, ok):
        """Claim 'yes' is true, known on the --on date; the history has the one current resolution."""
        text = ok("question", "show", "settled")
        assert text.splitlines()[:3] == [
            "settled: Will they meet?",
            f"kind: binary    status: resolved    deadline: {days(-10)}",
            "tags: war",
        ]
        assert parse_table(text) == [
            {"claim": "yes", "deadline": days(-10), "outcome": "true", "known on": days(-5), "forecasts": "2"}
        ]
        assert history(text) == [f"yes, known on {days(-5)} [current]"]

    def test_due_question_shows_pending_claim_and_no_history(self, record, ok):
        """An unresolved question has no resolution history section."""
        text = ok("question", "show", "overdue")
        assert text.splitlines()[1] == f"kind: binary    status: due    deadline: {days(-10)}"
        assert parse_table(text) == [
            {"claim": "yes", "deadline": days(-10), "outcome": "pending", "known on": "", "forecasts": "1"}
        ]
        assert "resolution history" not in text

    def test_annulled_question_shows_void_claims(self, record, ok):
        """Every claim of an annulled question is void."""
        text = ok("question", "show", "voided")
        assert text.splitlines()[1] == f"kind: choice    status: annulled    deadline: {days(-10)}"
        assert [(r["claim"], r["outcome"]) for r in parse_table(text)] == [("Baku", "void"), ("Riyadh", "void")]
        assert history(text) == ["annulled [current]"]

    def test_choice_resolution_with_evidence_note_and_forced_re_resolution(self, ok, experts):
        """The history keeps the earlier answer with its evidence and note; claims follow the current one."""
        ok("question", "add", "venue", "Where?", "--kind", "choice", "--deadline", days(-10),
           "--option", "Baku", "--option", "Abu Dhabi")
        ok("forecast", "add", "Markov", "venue", "0.7", "--option", "Baku", "--made-on", days(-30))
        ok("resolve", "venue", "Baku", "--on", days(-8), "--evidence", "https://example.org/a", "--note", "first report")
        ok("resolve", "venue", "Abu Dhabi", "--on", days(-6), "--force")
        text = ok("question", "show", "venue")
        assert [(r["claim"], r["outcome"], r["known on"], r["forecasts"]) for r in parse_table(text)] == [
            ("Baku", "false", days(-6), "1"),
            ("Abu Dhabi", "true", days(-6), "0"),
        ]
        assert history(text) == [
            f"Baku, known on {days(-8)} [earlier]",
            "      evidence: https://example.org/a",
            "      note: first report",
            f"Abu Dhabi, known on {days(-6)} [current] [forced re-resolution]",
        ]

    def test_choice_resolved_as_other_makes_every_option_false(self, ok):
        """An outcome outside the options: every option's claim is false."""
        ok("question", "add", "venue", "Where?", "--kind", "choice", "--deadline", days(-10),
           "--option", "Baku", "--option", "Riyadh")
        ok("resolve", "venue", "other", "--on", days(-3))
        text = ok("question", "show", "venue")
        assert [(r["claim"], r["outcome"]) for r in parse_table(text)] == [("Baku", "false"), ("Riyadh", "false")]
        assert history(text) == [f"other, known on {days(-3)} [current]"]

    def test_date_question_not_by_then_happened(self, record, ok):
        """'not by' decides the windows ended by then; 'happened on' later decides the rest."""
        ok("forecast", "add", "Steve Witkoff", "when", "0.4", "--window", f"{days(-40)}..{days(-20)}", "--made-on", days(-200))
        ok("resolve", "when", "--not-by", days(-45))
        rows = parse_table(ok("question", "show", "when"))
        assert [(r["claim"], r["outcome"], r["known on"]) for r in rows] == [
            (f"{days(-100)}..{days(-50)}", "false", days(-50)),
            (f"{days(-40)}..{days(-20)}", "pending", ""),
        ]
        ok("resolve", "when", "--happened-on", days(-30))
        text = ok("question", "show", "when")
        assert text.splitlines()[1] == "kind: date    status: resolved"
        assert [(r["claim"], r["outcome"]) for r in parse_table(text)] == [
            (f"{days(-100)}..{days(-50)}", "false"),
            (f"{days(-40)}..{days(-20)}", "true"),
        ]
        assert history(text) == [
            f"had not happened by {days(-45)} [earlier]",
            f"happened on {days(-30)} [current]",
        ]

    @pytest.mark.parametrize("slug", ["nope", "settled-2", "Bad Slug!"])
    def test_unknown_question_is_missing(self, record, run, table_counts, slug):
        """An unknown slug exits 1 naming it and changes nothing."""
        before = table_counts()
        assert_error(run("question", "show", slug), f"{slug!r}", "no question", exit_code=1)
        assert table_counts() == before


def test_an_unknown_slug_gets_did_you_mean(ok, run):
    ok("question", "add", "putin-trump-meeting", "When?", "--kind", "date")
    result = run("question", "show", "putin-trump-meting")
    assert_error(result, "'putin-trump-meting'", "did you mean 'putin-trump-meeting'?", exit_code=1)
    far = run("question", "show", "elections")
    assert_error(far, "'elections'", "question list", exit_code=1)
    assert "did you mean" not in far.stderr


def test_help_shows_plain_metavars_for_repeatable_options(run):
    """No Python type names such as <list[str]> in help (issue 9, part 4)."""
    for command in (("question", "add"), ("expert", "add")):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "list[str]" not in result.stdout, command
