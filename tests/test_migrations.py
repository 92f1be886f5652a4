"""Schema changes are safe: old records open at the current revision with their data intact,
a migration is all or nothing, a newer record is refused, and first commands may race.

Old records are built with the real migrations stopped at an old revision
(``forecasts.db.upgrade(engine, REV)``) and filled with rows as the trackrecord of that
revision wrote them; then the CLI opens them (which upgrades them) and the data is read
back through the product, compared with the same record entered through today's CLI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from trackrecord.cli.app import app
from trackrecord.forecasts import db as database
from trackrecord.forecasts.names import name_key

from conftest import assert_error

#: These tests make and migrate the schema themselves (PostgreSQL: no template).
pytestmark = pytest.mark.empty_record

REVISIONS = ("0001", "0002", "0003")
MOMENT = dt.datetime(2024, 6, 2, tzinfo=dt.timezone.utc)
MADE = dt.date(2024, 6, 1)
KNOWN = dt.date(2024, 12, 1)
DEADLINE = dt.date(2025, 1, 1)


def url(record) -> str:
    return str(record) if "://" in str(record) else f"sqlite:///{record}"


def old_fold(text: str) -> str:
    """How names were folded before revision 0002 (diacritics kept)."""
    return " ".join(text.split()).casefold()


def build(record, revision: str) -> sa.Engine:
    engine = database.make_engine(url(record), poolclass=sa.pool.NullPool)
    database.upgrade(engine, revision)
    return engine


def revision_of(record) -> str | None:
    engine = database.make_engine(url(record), poolclass=sa.pool.NullPool)
    try:
        return database.stored_revision(engine)
    finally:
        engine.dispose()


def populate(engine: sa.Engine, revision: str, *, experts=("José Pérez", "Ann Lee"), options=("Genève", "Zürich")) -> None:
    """The rows the trackrecord of ``revision`` wrote for a small record (keys folded as it folded them)."""
    fold = old_fold if revision == "0001" else name_key
    claim_fold = old_fold if revision == "0001" else name_key
    scale = {"scale": None} if revision >= "0002" else {}
    columns = ", scale" if scale else ""
    values = ", :scale" if scale else ""
    with engine.begin() as connection:
        run = lambda query, **params: connection.execute(sa.text(query), params)  # noqa: E731
        for expert_id, name in enumerate(experts, 1):
            run(
                "INSERT INTO expert (id, name, affiliation, slug, name_key, created_at) VALUES (:id, :name, NULL, :slug, :key, :at)",
                id=expert_id, name=name, slug=name.casefold().replace(" ", "-"), key=fold(name), at=MOMENT,
            )
        run("INSERT INTO expert_alias (id, expert_id, alias, alias_key) VALUES (1, 1, 'Pepe Pérez', :key)", key=fold("Pepe Pérez"))
        run("INSERT INTO question (id, slug, title, kind, deadline, criteria, created_at) VALUES (1, 'q-city', 'City?', 'choice', :d, NULL, :at)", d=DEADLINE, at=MOMENT)
        run("INSERT INTO question (id, slug, title, kind, deadline, criteria, created_at) VALUES (2, 'q-yes', 'Yes?', 'binary', :d, NULL, :at)", d=DEADLINE, at=MOMENT)
        run("INSERT INTO question_tag (id, question_id, tag) VALUES (1, 1, 'politics')")
        for position, label in enumerate(options):
            run(
                "INSERT INTO question_option (id, question_id, label, label_key, position) VALUES (:id, 1, :label, :key, :position)",
                id=position + 1, label=label, key=fold(label), position=position,
            )
            run(
                "INSERT INTO claim (id, question_id, key, option_id, deadline) VALUES (:id, 1, :key, :id, :d)",
                id=position + 1, key=f"option:{claim_fold(label)}", d=DEADLINE,
            )
        run("INSERT INTO claim (id, question_id, key, option_id, deadline) VALUES (3, 2, 'yes', NULL, :d)", d=DEADLINE)
        forecasts = [(1, 1, 0.6), (1, 2, 0.4), (2, 1, 0.2), (1, 3, 0.8), (2, 3, 0.3)]
        for forecast_id, (expert_id, claim_id, probability) in enumerate(forecasts, 1):
            run(
                f"INSERT INTO forecast (id, probability, made_on, quote, source, phrase, note, claim_id, expert_id, recorded_at{columns}) "
                f"VALUES (:id, :p, :made, NULL, NULL, NULL, NULL, :claim, :expert, :at{values})",
                id=forecast_id, p=probability, made=MADE, claim=claim_id, expert=expert_id, at=MOMENT, **scale,
            )
        for resolution_id, (question_id, outcome, option_id) in enumerate([(1, "option", 1), (2, "yes", None)], 1):
            run(
                "INSERT INTO resolution (id, question_id, outcome, option_id, event_on, known_on, evidence, note, forced, recorded_at) "
                "VALUES (:id, :q, :outcome, :option, NULL, :known, NULL, NULL, :forced, :at)",
                id=resolution_id, q=question_id, outcome=outcome, option=option_id, known=KNOWN, forced=False, at=MOMENT,
            )
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in ("expert", "expert_alias", "question", "question_tag", "question_option", "claim", "forecast", "resolution"):
                run(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def reference(tmp_path) -> list[str]:
    """The same record entered through today's CLI; returns its product views."""
    runner, path = CliRunner(), tmp_path / "reference.db"

    def ok(*args):
        result = runner.invoke(app, ["--db", str(path), *args])
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        return result.stdout

    ok("expert", "add", "José Pérez")
    ok("expert", "add", "Ann Lee")
    ok("expert", "alias", "José Pérez", "Pepe Pérez")
    ok("question", "add", "q-city", "City?", "--kind", "choice", "--deadline", DEADLINE.isoformat(), "--option", "Genève", "--option", "Zürich", "--tag", "politics")
    ok("question", "add", "q-yes", "Yes?", "--kind", "binary", "--deadline", DEADLINE.isoformat())
    for expert, question, probability, option in [
        ("José Pérez", "q-city", "0.6", "Genève"), ("José Pérez", "q-city", "0.4", "Zürich"), ("Ann Lee", "q-city", "0.2", "Genève"),
        ("José Pérez", "q-yes", "0.8", None), ("Ann Lee", "q-yes", "0.3", None),
    ]:
        ok("forecast", "add", expert, question, probability, "--made-on", MADE.isoformat(), *(["--option", option] if option else []))
    ok("resolve", "q-city", "Genève", "--on", KNOWN.isoformat())
    ok("resolve", "q-yes", "yes", "--on", KNOWN.isoformat())
    return views(ok)


def views(ok) -> list:
    forecasts = json.loads(ok("forecast", "list", "--format", "json"))
    for row in forecasts:
        row.pop("recorded_at")
    return [
        json.loads(ok("expert", "list", "--format", "json")),
        forecasts,
        json.loads(ok("leaderboard", "--format", "json")),
        json.loads(ok("question", "list", "--format", "json")),
        ok("expert", "show", "pepe perez").splitlines()[0],
    ]


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_populated_record_of_each_revision_opens_with_its_data(revision, db_path, tmp_path, ok):
    populate(build(db_path, revision), revision)
    assert revision_of(db_path) == revision
    assert views(ok) == reference(tmp_path)
    assert revision_of(db_path) == database.HEAD_REVISION
    # and it goes on working: a new forecast on an accented option, found by either spelling
    ok("forecast", "add", "jose perez", "q-city", "0.5", "--option", "GENEVE", "--made-on", MADE.isoformat())


@pytest.mark.parametrize("revision", ("0001", "0003"))
def test_an_accented_option_of_an_old_record_survives_export_and_import(revision, db_path, tmp_path, ok):
    engine = build(db_path, revision)
    populate(engine, "0001")  # keys as the first trackrecord folded them, claim keys never refolded since
    if revision != "0001":
        with engine.begin() as connection:  # 0002 refolded names and options, not claim keys
            for table, source, key in (("expert", "name", "name_key"), ("expert_alias", "alias", "alias_key"), ("question_option", "label", "label_key")):
                for row_id, text in connection.execute(sa.text(f"SELECT id, {source} FROM {table}")).all():
                    connection.execute(sa.text(f"UPDATE {table} SET {key} = :key WHERE id = :id"), {"key": name_key(text), "id": row_id})
    ok("export", "--format", "csv", "--output", str(tmp_path / "csv"))
    document = ok("export")
    forecasts = (tmp_path / "csv" / "forecasts.csv").read_text(encoding="utf-8")
    assert "Genève" in forecasts
    (tmp_path / "record.json").write_text(document, encoding="utf-8")

    # the record's own export imports into it (nothing new) and into a fresh record
    csv_files = [str(tmp_path / "csv" / name) for name in ("questions.csv", "forecasts.csv")]
    assert ok("import", *csv_files).startswith("Imported 2 files: added 0 experts, 0 questions, 0 forecasts, 0 resolutions;")
    assert ok("import", str(tmp_path / "record.json")).startswith("Imported 1 file: added 0 experts, 0 questions, 0 forecasts")
    fresh = CliRunner()
    for target, files in (("fresh-csv.db", ["questions.csv", "forecasts.csv"]), ("fresh-json.db", None)):
        args = [str(tmp_path / "csv" / name) for name in files] if files else [str(tmp_path / "record.json")]
        extra = ["--add-experts"] if files else []
        result = fresh.invoke(app, ["--db", str(tmp_path / target), "import", *extra, *args])
        assert result.exit_code == 0, (target, result.stdout, result.stderr)
        listed = fresh.invoke(app, ["--db", str(tmp_path / target), "forecast", "list", "--format", "json"])
        claims = sorted(row["claim"] for row in json.loads(listed.stdout))
        assert claims == ["Genève", "Genève", "Zürich", "yes", "yes"]


@pytest.mark.parametrize("revision, names, options, named", [
    ("0001", ("José Pérez", "Jose Perez"), ("Genève", "Zürich"), ["experts 'José Pérez' (id 1) and 'Jose Perez' (id 2)"]),
    ("0001", ("José Pérez", "Ann Lee"), ("Genève", "Geneve"), ["options of question 'q-city' 'Genève' and 'Geneve'"]),
])
def test_names_that_now_fold_together_stop_the_upgrade_with_the_record_unchanged(revision, names, options, named, db_path, run, table_counts):
    populate(build(db_path, revision), revision, experts=names, options=options)
    before = table_counts()
    result = run("expert", "list")
    assert_error(result, *named, "revision 0001", f"revision {database.HEAD_REVISION}", "rename or merge", "nothing was changed")
    assert table_counts() == before
    assert revision_of(db_path) == "0001"
    # still the record its own trackrecord made: the old schema, the old keys
    engine = database.make_engine(url(db_path), poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        assert "scale" not in {column["name"] for column in sa.inspect(connection).get_columns("forecast")}
        assert connection.execute(sa.text("SELECT name_key FROM expert WHERE id = 1")).scalar() == "josé pérez"
    database.upgrade(engine, "0001")  # what the old trackrecord does on opening it: nothing to do
    assert run("expert", "list").exit_code == 2  # and it keeps refusing, the same way


def test_a_record_of_a_newer_trackrecord_is_refused_in_one_line(db_path, run, ok, table_counts):
    ok("expert", "add", "Ann Lee")
    engine = database.make_engine(url(db_path), poolclass=sa.pool.NullPool)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    before = table_counts()
    assert_error(run("expert", "list"), "this record was made by a newer trackrecord (revision 0099); upgrade trackrecord")
    assert_error(run("expert", "add", "Bob"), "revision 0099")
    assert table_counts() == before
    assert revision_of(db_path) == "0099"


def test_first_commands_started_together_on_a_new_record_all_succeed(db_path, tmp_path):
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    script = "from trackrecord.cli.app import main; main()"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, "--db", str(db_path), "expert", "add", f"Expert {n}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for n in range(8)
    ]
    results = [(process.wait(timeout=120), *process.communicate()) for process in processes]
    for code, stdout, stderr in results:
        assert code == 0 and stderr == "" and stdout.startswith("Added expert"), (code, stdout, stderr)
    listed = CliRunner().invoke(app, ["--db", str(db_path), "expert", "list", "--format", "json"])
    assert sorted(row["name"] for row in json.loads(listed.stdout)) == [f"Expert {n}" for n in range(8)]
    assert revision_of(db_path) == database.HEAD_REVISION


@pytest.mark.sqlite_only
def test_a_migration_failing_midway_leaves_the_sqlite_record_at_its_old_revision(db_path, run, monkeypatch):
    populate(build(db_path, "0001"), "0001")
    schema_before = sqlite3.connect(db_path).execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()

    from trackrecord.forecasts import refold

    def failing(connection, fold):  # 0004's step, after 0002 and 0003 changed the schema
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(refold, "rekey_claims", failing)
    result = run("expert", "list")
    assert isinstance(result.exception, RuntimeError)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT name_key FROM expert ORDER BY id").fetchall() == [("josé pérez",), ("ann lee",)]
    monkeypatch.undo()
    assert "José Pérez" in run("expert", "list").stdout
    assert revision_of(db_path) == database.HEAD_REVISION


@pytest.mark.sqlite_only
def test_a_record_left_half_migrated_by_the_old_non_transactional_upgrade_is_completed(db_path, ok):
    populate(build(db_path, "0001"), "0001")
    with sqlite3.connect(db_path) as connection:  # what a killed 0001 -> 0002 used to leave
        connection.execute("ALTER TABLE forecast ADD COLUMN scale VARCHAR(100)")
        connection.execute("UPDATE expert SET name_key = 'jose perez' WHERE id = 1")
    assert "José Pérez" in ok("expert", "list")
    assert revision_of(db_path) == database.HEAD_REVISION
    assert "Genève" in ok("forecast", "list")
