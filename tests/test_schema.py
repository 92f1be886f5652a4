"""The schema is Alembic's: an empty database upgraded to head matches the models."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from trackrecord.forecasts import db as database
from trackrecord.forecasts.models import metadata

from conftest import engine_of, sql, url_of

#: These tests make and migrate the schema themselves (PostgreSQL: no template).
pytestmark = pytest.mark.empty_record


def test_upgraded_empty_database_matches_the_models(db_path):
    engine = database.make_engine(url_of(db_path))
    database.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_head_revision_constant_is_the_migrations_head():
    config = Config()
    config.set_main_option("script_location", str(database.Path(database.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == database.HEAD_REVISION


def test_every_migration_downgrades_to_an_empty_database(db_path):
    from alembic import command

    engine = database.make_engine(url_of(db_path))
    database.upgrade(engine)
    config = Config()
    config.set_main_option("script_location", str(database.Path(database.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    engine.dispose()
    assert set(sa.inspect(engine_of(db_path)).get_table_names()) == {"alembic_version"}


def test_sqlite_runs_with_foreign_keys_wal_and_busy_timeout(tmp_path):
    engine = database.open_database(str(tmp_path / "pragmas.db"))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == database.BUSY_TIMEOUT_MS


def test_foreign_keys_are_enforced(db_path):
    import pytest
    from sqlalchemy.exc import IntegrityError
    from sqlmodel import Session

    from trackrecord.forecasts.models import Forecast

    engine = database.open_database(str(db_path))
    with pytest.raises(IntegrityError), Session(engine) as session:
        session.add(Forecast(claim_id=999, expert_id=999, probability=0.5, made_on=dt.date(2025, 1, 1)))
        session.commit()


def test_database_choice_flag_then_environment_then_user_data_folder(tmp_path, monkeypatch):
    assert database.database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert database.database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("TRACKRECORD_DB", str(tmp_path / "env.db"))
    assert database.database_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv("TRACKRECORD_DB")
    assert database.database_url(None) == f"sqlite:///{tmp_path / 'xdg-data' / 'trackrecord' / 'trackrecord.db'}"


def test_cli_uses_environment_database_when_no_flag(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    monkeypatch.setenv("TRACKRECORD_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(app, ["expert", "add", "Sergey Markov"])
    assert result.exit_code == 0, result.stderr
    assert sql(tmp_path / "env.db", "SELECT name FROM expert") == [("Sergey Markov",)]


def test_cli_uses_user_data_folder_by_default(tmp_path):
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    result = CliRunner().invoke(app, ["expert", "add", "Tatiana Stanovaya"])
    assert result.exit_code == 0, result.stderr
    default = tmp_path / "xdg-data" / "trackrecord" / "trackrecord.db"
    assert sql(default, "SELECT name FROM expert") == [("Tatiana Stanovaya",)]


def test_database_in_a_missing_folder_is_a_clear_error(tmp_path):
    from typer.testing import CliRunner

    from trackrecord.cli.app import app
    from conftest import assert_error

    missing = tmp_path / "no-such-folder" / "x.db"
    result = CliRunner().invoke(app, ["--db", str(missing), "expert", "list"])
    assert_error(result, str(missing.name), "folder that does not exist", exit_code=2)
