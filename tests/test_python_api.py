"""The Python API: the README's examples run as doctests, and the API keeps the command
line's rules (errors, nothing written on refusal) on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import doctest
from pathlib import Path

import pytest

import trackrecord
from conftest import days

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run_as_doctests():
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 12 and result.failed == 0


def test_the_api_and_the_cli_share_one_file_and_one_set_of_rules(tmp_path, run, db_path):
    with trackrecord.open(db_path) as record:
        record.add_expert("Ada Okafor")
        record.add_question("rates", "Will rates fall?", kind="Binary", deadline=days(-5))
        assert record.add_forecast("ada okafor", "rates", "unlikely", made_on=days(-30)).phrase == "unlikely"
        with pytest.raises(trackrecord.InvalidInput, match="in the future"):
            record.add_forecast("Ada Okafor", "rates", 0.3, made_on=days(2))
        with pytest.raises(trackrecord.NotFound, match="did you mean 'Ada Okafor'"):
            record.add_forecast("Ada Okafr", "rates", 0.3, made_on=days(-20))
        with pytest.raises(trackrecord.InvalidInput, match="True"):
            record.add_forecast("Ada Okafor", "rates", True, made_on=days(-20))
        record.resolve("rates", "no", on=days(-4))
        assert record.forecasts()[0]["probability"] == pytest.approx(0.2)
    # The command line sees what the API wrote, and scores it the same way.
    import json

    board = json.loads(run("leaderboard", "--format", "json").stdout)
    with trackrecord.open(db_path) as record:
        assert record.leaderboard() == board
        assert record.leaderboard_frame().to_dict("records") == board
        profile = record.expert_profile("Ada Okafor")
        assert profile.name == "Ada Okafor" and [f.id for f in profile.forecasts] == [1]
        assert record.calibration("Ada Okafor").forecasts == 1


def test_a_fixed_today_and_a_custom_scale(tmp_path):
    scale = tmp_path / "scale.csv"
    scale.write_text("phrase,probability\nodds-on,0.6\n", encoding="utf-8")
    with trackrecord.open(tmp_path / "r.db", today=dt.date(2025, 1, 10), scale=scale) as record:
        record.add_expert("Bo")
        record.add_question("q", "Q?", kind="binary", deadline="2025-02-01")
        added = record.add_forecast("Bo", "q", "odds-on")
        assert (added.probability, added.made_on, added.scale.startswith("default-2+file-")) == (0.6, dt.date(2025, 1, 10), True)


def test_version_is_the_distribution_version():
    from importlib.metadata import version

    assert trackrecord.__version__ == version("trackrecord")
