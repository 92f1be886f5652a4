"""Experts by any name: diacritics, did-you-mean, joining spellings as aliases."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import assert_error, sql


def test_diacritics_and_case_do_not_make_a_new_expert(ok, run, table_counts):
    ok("expert", "add", "Volodymyr Zelenskyy", "--alias", "Zelensky")
    assert ok("expert", "show", "ZELENSKÝ").splitlines()[0].startswith("Volodymyr Zelenskyy")
    before = table_counts()
    assert_error(run("expert", "add", "Volodymyr Zelenskýy"), "already exists as 'Volodymyr Zelenskyy'", exit_code=1)
    assert table_counts() == before


def test_unknown_name_close_to_a_known_one_suggests_it(ok, run):
    ok("expert", "add", "Steve Witkoff")
    assert_error(run("expert", "show", "Steve Witkof"), "'Steve Witkof'", "did you mean 'Steve Witkoff'?", exit_code=1)
    assert_error(run("expert", "show", "witkof"), "did you mean 'Steve Witkoff'?", exit_code=1)
    assert_error(
        run("forecast", "add", "Witkof", "any", "0.5"), "no expert named 'Witkof'", "did you mean 'Steve Witkoff'?", exit_code=1
    )


def test_a_far_name_gets_no_suggestion(ok, run):
    ok("expert", "add", "Steve Witkoff")
    result = run("expert", "show", "Tatiana Stanovaya")
    assert_error(result, "no expert named 'Tatiana Stanovaya'", exit_code=1)
    assert "did you mean" not in result.stderr


def test_adding_a_close_name_asks_instead_of_creating_a_new_expert(ok, run, table_counts):
    ok("expert", "add", "Steve Witkoff")
    before = table_counts()
    assert_error(
        run("expert", "add", "Steve Witkof"),
        "close to 'Steve Witkoff'", 'trackrecord expert alias "Steve Witkoff" "Steve Witkof"', "--distinct", exit_code=1,
    )
    assert table_counts() == before
    assert ok("expert", "add", "Steve Witkof", "--distinct") == "Added expert Steve Witkof (slug steve-witkof).\n"


def test_expert_alias_joins_spellings(ok, run, db_path):
    ok("expert", "add", "Steve Witkoff")
    assert ok("expert", "alias", "steve witkoff", "Witzke", "Steve Witkof") == (
        "Steve Witkoff is also known as: Steve Witkof, Witzke.\n"
    )
    assert ok("expert", "show", "witzke").splitlines()[0] == "Steve Witkoff  (slug steve-witkoff)"
    ok("expert", "add", "Sergey Markov")
    assert_error(run("expert", "alias", "Sergey Markov", "Witzke"), "'Witzke' already names expert 'Steve Witkoff'", exit_code=1)
    assert_error(run("expert", "alias", "Nobody", "X"), "no expert named 'Nobody'", exit_code=1)
    assert sql(db_path, "SELECT COUNT(*) FROM expert_alias") == [(2,)]


@pytest.mark.sqlite_only
def test_migration_0002_refolds_stored_name_keys(tmp_path):
    from trackrecord.forecasts import db as database

    path = tmp_path / "old.db"
    engine = database.make_engine(f"sqlite:///{path}")
    database.upgrade(engine, "0001")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO expert (id, name, slug, name_key, created_at) VALUES (1, 'Volodymyr Zelenskýy', 'v', 'volodymyr zelenskýy', '2025-01-01')"
        )
        connection.execute("INSERT INTO expert_alias (expert_id, alias, alias_key) VALUES (1, 'Зеленськи́й', 'зеленськи́й')")
    database.open_database(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name_key FROM expert").fetchone() == ("volodymyr zelenskyy",)
        assert connection.execute("SELECT alias_key FROM expert_alias").fetchone() == ("зеленськии",)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(forecast)")}
    assert "scale" in columns
