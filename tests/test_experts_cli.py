"""``trackrecord expert add | list | show`` and the help of every command, through the real CLI.

Every test runs ``trackrecord --db FILE ...`` against its own SQLite file (see
conftest). Error tests check the one ``Error:`` line, the exit status (2 for bad input,
1 for conflicts and missing things) and that the record did not change.
"""

from __future__ import annotations

import unicodedata

import pytest
import typer

from conftest import assert_error, days, parse_table

MARKOV = "Сергей Марков"
MARKOV_SLUG = "сергей-марков"


@pytest.fixture
def markov(ok):
    """Сергей Марков with an affiliation and two aliases."""
    ok("expert", "add", MARKOV, "--affiliation", "Russian Institute of Political Studies",
       "--alias", "Sergey Markov", "--alias", "Markov")


@pytest.fixture
def witkoff(ok):
    """Steve Witkoff, also spelled 'Witzke'."""
    ok("expert", "add", "Steve Witkoff", "--affiliation", "US special envoy", "--alias", "Witzke")


@pytest.fixture
def binary_question(ok):
    """An open binary question 'ceasefire' to forecast on."""
    ok("question", "add", "ceasefire", "Will a ceasefire be agreed?", "--kind", "binary", "--deadline", days(60))
    return "ceasefire"


# --------------------------------------------------------------------------- expert add


class TestAdd:
    def test_add_reports_name_and_slug(self, run):
        """A new expert is announced on stdout with its slug."""
        result = run("expert", "add", "Steve Witkoff")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == "Added expert Steve Witkoff (slug steve-witkoff).\n"

    def test_whitespace_in_the_name_is_collapsed(self, ok):
        """Leading, trailing and repeated spaces do not end up in the stored name."""
        assert ok("expert", "add", "  Steve   Witkoff ") == "Added expert Steve Witkoff (slug steve-witkoff).\n"
        assert ok("expert", "show", "steve-witkoff").splitlines()[0] == "Steve Witkoff  (slug steve-witkoff)"

    def test_unicode_name_keeps_its_letters_in_the_slug(self, ok):
        """Сергей Марков gets the slug сергей-марков."""
        assert ok("expert", "add", MARKOV) == f"Added expert {MARKOV} (slug {MARKOV_SLUG}).\n"

    @pytest.mark.parametrize(
        ("name", "slug"),
        [
            ("The New York Times", "the-new-york-times"),
            ("Kremlin sources via The Moscow Times", "kremlin-sources-via-the-moscow-times"),
            ("J.D. Vance", "j-d-vance"),
        ],
    )
    def test_outlets_and_anonymous_sources_are_experts(self, ok, name, slug):
        """Any named source can be tracked; punctuation and spaces become single hyphens."""
        assert ok("expert", "add", name) == f"Added expert {name} (slug {slug}).\n"

    def test_a_taken_slug_gets_a_number(self, ok):
        """Two different names with the same slug get distinct slugs, each finding its expert."""
        assert ok("expert", "add", "A.B. Smith") == "Added expert A.B. Smith (slug a-b-smith).\n"
        assert ok("expert", "add", "A B Smith") == "Added expert A B Smith (slug a-b-smith-2).\n"
        assert ok("expert", "show", "a-b-smith").splitlines()[0] == "A.B. Smith  (slug a-b-smith)"
        assert ok("expert", "show", "a-b-smith-2").splitlines()[0] == "A B Smith  (slug a-b-smith-2)"

    def test_repeated_alias_and_alias_equal_to_the_name_are_stored_once(self, ok):
        """'--alias Witzke --alias " witzke "' is one alias; the name itself is not an alias."""
        ok("expert", "add", "Steve Witkoff", "--alias", "Witzke", "--alias", " witzke ", "--alias", "steve witkoff")
        assert [row["aliases"] for row in parse_table(ok("expert", "list"))] == ["Witzke"]
        assert "aliases: Witzke" in ok("expert", "show", "Steve Witkoff").splitlines()


class TestAddErrors:
    @pytest.mark.parametrize("spelling", ["Steve Witkoff", "steve witkoff", "  STEVE   Witkoff  ", "Steve\tWitkoff"])
    def test_duplicate_name_is_a_conflict(self, witkoff, run, table_counts, spelling):
        """The same name, whatever its case and spacing, cannot be added twice."""
        before = table_counts()
        result = run("expert", "add", spelling)
        assert_error(result, " ".join(spelling.split()), "'Steve Witkoff'", "already exists", exit_code=1)
        assert table_counts() == before

    def test_unicode_duplicate_in_other_case_is_a_conflict(self, markov, run, table_counts):
        """Case folding works for Cyrillic too."""
        before = table_counts()
        assert_error(run("expert", "add", "СЕРГЕЙ МАРКОВ"), "СЕРГЕЙ МАРКОВ", f"'{MARKOV}'", exit_code=1)
        assert table_counts() == before

    @pytest.mark.parametrize("name", ["Witzke", "witzke", "steve-witkoff"])
    def test_name_already_used_as_alias_or_slug_is_a_conflict(self, witkoff, run, table_counts, name):
        """A name that already names an expert (as an alias or slug) cannot name a new one."""
        before = table_counts()
        assert_error(run("expert", "add", name), f"'{name}'", "'Steve Witkoff'", exit_code=1)
        assert table_counts() == before

    @pytest.mark.parametrize("alias", ["Witzke", " WITZKE ", "Steve Witkoff", "steve-witkoff"])
    def test_alias_naming_another_expert_is_a_conflict(self, witkoff, run, table_counts, alias):
        """An alias already used by another expert (as alias, name or slug) is refused, and the new expert is not added."""
        before = table_counts()
        result = run("expert", "add", "Stephen Witkoff", "--alias", "Steve W", "--alias", alias)
        assert_error(result, alias.strip(), "'Steve Witkoff'", "alias", exit_code=1)
        assert table_counts() == before

    @pytest.mark.parametrize("name", ["", "   ", "\t"])
    def test_empty_name_is_bad_input(self, witkoff, run, table_counts, name):
        """A name of only whitespace is refused with exit status 2."""
        before = table_counts()
        assert_error(run("expert", "add", name), "expert name is empty", exit_code=2)
        assert table_counts() == before

    def test_empty_alias_is_bad_input(self, witkoff, run, table_counts):
        """An empty --alias is refused and the expert is not added either."""
        before = table_counts()
        assert_error(run("expert", "add", "Sergey Markov", "--alias", " "), "alias is empty", exit_code=2)
        assert table_counts() == before

    def test_unicode_equivalent_spelling_is_the_same_expert(self, markov, run, table_counts):
        """'Сергей' typed with a combining breve (NFD, as pasted from some sources) is the same name."""
        decomposed = unicodedata.normalize("NFD", MARKOV)
        assert decomposed != MARKOV
        before = table_counts()
        assert_error(run("expert", "add", decomposed), f"'{MARKOV}'", exit_code=1)
        assert table_counts() == before

    def test_alias_equal_to_the_new_experts_own_slug_is_not_a_conflict(self, run, ok):
        """'--alias steve-witkoff' names the expert being added, so it is redundant, not a conflict."""
        result = run("expert", "add", "Steve Witkoff", "--alias", "steve-witkoff")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == "Added expert Steve Witkoff (slug steve-witkoff).\n"
        assert ok("expert", "show", "steve-witkoff").splitlines()[0] == "Steve Witkoff  (slug steve-witkoff)"

    def test_new_slug_never_equals_another_experts_alias(self, ok):
        """'bob-smith' already names Alice (alias), so Bob Smith (a different person, hence
        --distinct) must get another slug and the alias keeps working."""
        ok("expert", "add", "Alice Jones", "--alias", "bob-smith")
        added = ok("expert", "add", "Bob Smith", "--distinct")
        assert added != "Added expert Bob Smith (slug bob-smith).\n"
        assert ok("expert", "show", "bob-smith").splitlines()[0] == "Alice Jones  (slug alice-jones)"


# --------------------------------------------------------------------------- expert list


class TestList:
    def test_empty_record_says_how_to_start(self, run):
        """No experts: nothing on stdout, a hint on stderr, success."""
        result = run("expert", "list")
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == "No experts yet. Add one with: trackrecord expert add NAME\n"

    def test_list_shows_every_expert_with_aliases_affiliation_and_count(self, markov, witkoff, ok):
        """Exact table: experts by name (case-insensitively), aliases sorted, counts 0."""
        ok("expert", "add", "anonymous officials")
        assert ok("expert", "list") == (
            "expert               slug                 aliases                affiliation                             forecasts\n"
            "-------------------  -------------------  ---------------------  --------------------------------------  -----------\n"
            "anonymous officials  anonymous-officials                                                                 0\n"
            "Steve Witkoff        steve-witkoff        Witzke                 US special envoy                        0\n"
            "Сергей Марков        сергей-марков        Markov, Sergey Markov  Russian Institute of Political Studies  0\n"
        )

    def test_forecast_counts_follow_forecasts_made_by_any_name(self, markov, witkoff, binary_question, ok):
        """Forecasts recorded under an alias, a slug or an odd spelling count for the one expert."""
        ok("forecast", "add", "Markov", binary_question, "0.3", "--made-on", days(-3))
        ok("forecast", "add", MARKOV_SLUG, binary_question, "40%", "--made-on", days(-2))
        ok("forecast", "add", "  sergey   MARKOV ", binary_question, "0.5", "--made-on", days(-1))
        ok("forecast", "add", "witzke", binary_question, "0.9", "--made-on", days(-1))
        counts = {row["expert"]: row["forecasts"] for row in parse_table(ok("expert", "list"))}
        assert counts == {"Steve Witkoff": "1", MARKOV: "3"}


# --------------------------------------------------------------------------- expert show


class TestShow:
    @pytest.mark.parametrize(
        "name",
        [MARKOV, "  сергей   МАРКОВ ", "Sergey Markov", "  sergey   MARKOV ", "markov", "MARKOV", MARKOV_SLUG, "СЕРГЕЙ-МАРКОВ"],
    )
    def test_found_by_name_alias_or_slug_in_any_case_and_spacing(self, markov, ok, name):
        """Every spelling of every name of the expert shows the same expert."""
        lines = ok("expert", "show", name).splitlines()
        assert lines[:4] == [
            f"{MARKOV}  (slug {MARKOV_SLUG})",
            "affiliation: Russian Institute of Political Studies",
            "aliases: Markov, Sergey Markov",
            "",
        ]

    def test_without_affiliation_or_aliases_those_lines_are_left_out(self, ok):
        """A bare expert shows its name, then a blank line; 'forecasts: 0'."""
        ok("expert", "add", "The New York Times")
        lines = ok("expert", "show", "the new york times").splitlines()
        assert lines[:2] == ["The New York Times  (slug the-new-york-times)", ""]
        assert not any(line.startswith(("affiliation:", "aliases:")) for line in lines)
        assert any(line.startswith("forecasts: 0") for line in lines)

    def test_show_lists_the_experts_forecasts_only(self, markov, witkoff, binary_question, ok):
        """Forecasts made under an alias are shown; another expert's are not."""
        ok("forecast", "add", "Markov", binary_question, "0.3", "--made-on", days(-5), "--quote", "unlikely soon")
        ok("forecast", "add", "Witzke", binary_question, "0.9", "--made-on", days(-4))
        text = ok("expert", "show", "Sergey Markov")
        assert any(line.startswith("forecasts: 1") for line in text.splitlines())
        rows = parse_table(text.split("forecasts: 1", 1)[1].split("\n", 1)[1])
        assert [(r["made on"], r["question"], r["claim"], r["probability"], r["quote"]) for r in rows] == [
            (days(-5), binary_question, "yes", "30%", "unlikely soon")
        ]

    @pytest.mark.parametrize("name", ["nobody", "Markov Sergey", "сергей"])
    def test_unknown_expert_is_missing(self, markov, run, table_counts, name):
        """An unknown name exits 1 naming it and changes nothing."""
        before = table_counts()
        assert_error(run("expert", "show", name), f"'{name}'", "no expert", exit_code=1)
        assert table_counts() == before


# --------------------------------------------------------------------------- help


def _all_commands() -> list[tuple[tuple[str, ...], object]]:
    """Every command and sub-command of ``trackrecord`` with its path of names."""
    from trackrecord.cli.app import app

    found = []

    def walk(command, path: tuple[str, ...]) -> None:
        found.append((path, command))
        if isinstance(command, typer.core.TyperGroup):
            for name, sub in command.commands.items():
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _all_commands()
LEAVES = [(path, command) for path, command in COMMANDS if not isinstance(command, typer.core.TyperGroup)]


def _ids(commands) -> list[str]:
    return [" ".join(path) or "trackrecord" for path, _ in commands]


class TestHelp:
    def test_the_contract_commands_exist(self):
        """The commands of DESIGN.md that this file and test_questions_cli cover are all there."""
        paths = {path for path, _ in COMMANDS}
        assert {
            ("expert",), ("expert", "add"), ("expert", "list"), ("expert", "show"),
            ("question",), ("question", "add"), ("question", "list"), ("question", "show"),
            ("forecast",), ("forecast", "add"), ("forecast", "list"),
            ("resolve",), ("due",), ("leaderboard",), ("demo",),
        } <= paths

    @pytest.mark.parametrize(("path", "command"), COMMANDS, ids=_ids(COMMANDS))
    def test_every_command_has_help_shown_by_help(self, run, path, command):
        """'trackrecord ... --help' exits 0 and shows the command's own (non-empty) help line."""
        help_text = (command.help or "").strip()
        assert help_text, f"{' '.join(path) or 'trackrecord'} has no help text"
        result = run(*path, "--help")
        assert result.exit_code == 0, result.stderr
        shown = " ".join(result.stdout.split())
        assert " ".join(help_text.splitlines()[0].split()) in shown
        assert f"Usage: trackrecord {' '.join(path)}".strip() in shown

    @pytest.mark.parametrize(("path", "command"), LEAVES, ids=_ids(LEAVES))
    def test_every_argument_and_option_has_help(self, path, command):
        """No parameter of a command is left undocumented."""
        undocumented = [param.name for param in command.params if not (getattr(param, "help", None) or "").strip()]
        assert undocumented == [], f"{' '.join(path)}: {undocumented}"
