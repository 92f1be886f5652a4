"""Output files are written whole, never over something by surprise, and database URLs
never leak a password (issue 11, parts 4 and 5, begun)."""

from __future__ import annotations

import json

import pytest

from conftest import assert_error


@pytest.fixture
def small(ok):
    ok("expert", "add", "Ada")
    ok("question", "add", "q", "Q?", "--kind", "binary", "--deadline", "2030-01-01")
    return ok


def test_export_refuses_an_existing_file_unless_force(small, ok, run, tmp_path):
    target = tmp_path / "record.json"
    target.write_text("precious", encoding="utf-8")
    assert_error(run("export", "--output", str(target)), "already exists", "--force", exit_code=1)
    assert target.read_text(encoding="utf-8") == "precious"
    run_ok = ok("export", "--output", str(target), "--force")
    assert run_ok == "" and json.loads(target.read_text(encoding="utf-8"))["experts"][0]["name"] == "Ada"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


@pytest.mark.parametrize("make, fragment", [
    (lambda d: (d / "real.json").write_text("x") and (d / "link.json").symlink_to(d / "real.json") or d / "link.json", "symbolic link"),
    (lambda d: (d / "folder").mkdir() or d / "folder", "is a folder"),
    (lambda d: d / "missing" / "out.json", "does not exist"),
])
def test_export_refuses_links_folders_and_missing_folders(small, run, tmp_path, make, fragment):
    target = make(tmp_path)
    assert_error(run("export", "--output", str(target)), fragment)
    assert not (tmp_path / "missing").exists()
    if (tmp_path / "real.json").exists():
        assert (tmp_path / "real.json").read_text() == "x"


def test_csv_export_checks_both_files_before_writing_either(small, ok, run, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "forecasts.csv").write_text("keep me", encoding="utf-8")
    assert_error(run("export", "--format", "csv", "--output", str(folder)), "forecasts.csv", "already exists", exit_code=1)
    assert sorted(p.name for p in folder.iterdir()) == ["forecasts.csv"] and (folder / "forecasts.csv").read_text() == "keep me"
    ok("export", "--format", "csv", "--output", str(folder), "--force")
    assert (folder / "questions.csv").read_text(encoding="utf-8").startswith("question,title,kind")
    existing_file = tmp_path / "plain.txt"
    existing_file.write_text("x")
    assert_error(run("export", "--format", "csv", "--output", str(existing_file)), "is not a folder")


@pytest.mark.parametrize("url, fragments", [
    ("foo://bar", ["'foo://bar'", "not a database URL"]),
    ("mysql://user:hunter2@localhost/x", ["mysql://user:***@localhost/x", "driver is not installed"]),
    ("postgresql+pg8000://tr:hunter2@127.0.0.1:9/db", ["tr:***@127.0.0.1", "driver is not installed", "trackrecord[postgres]"]),
    ("postgresql+psycopg://tr:hunter2@127.0.0.1:9/db", ["tr:***@127.0.0.1", "cannot open database"]),  # nothing listens there
])
def test_bad_database_urls_are_one_line_without_the_password(url, fragments):
    from typer.testing import CliRunner

    from trackrecord.cli.app import app

    result = CliRunner().invoke(app, ["--db", url, "expert", "list"])
    assert_error(result, *fragments)
    assert "hunter2" not in result.stderr
