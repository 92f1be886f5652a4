"""A corpus of bad inputs, one per case, for every command (shared by the test and the benchmark).

Each case runs ``trackrecord --db DB ARGS...`` against a copy of a seeded record (``SEED``)
in a folder of its own holding the case's ``files``. In ``args``, ``files`` and ``db``,
``{dir}`` stands for that folder and ``{db}`` for the record's path. A case expects one
``Error:`` line on stderr containing each of its ``fragments``, exit status ``code`` and
nothing written to the record.

``tests/test_bad_input_corpus.py`` runs the corpus through typer's CliRunner;
``tests/bench_bad_inputs.py`` through the installed ``trackrecord`` command.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import random
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

#: Today, pinned for the product too (``$TRACKRECORD_TODAY``, inherited by the commands run
#: in subprocesses): a run that goes past midnight still agrees with itself.
os.environ.setdefault("TRACKRECORD_TODAY", dt.date.today().isoformat())
TODAY = dt.date.fromisoformat(os.environ["TRACKRECORD_TODAY"])


def days(n: int) -> str:
    """ISO date ``n`` days from today (negative for the past)."""
    return (TODAY + dt.timedelta(days=n)).isoformat()


#: The record every case starts from: an expert, a question of each kind, a forecast (#1).
SEED = (
    ("expert", "add", "Ada Okafor", "--affiliation", "Met Office"),
    ("expert", "add", "Brian Cole"),
    ("question", "add", "rain", "Will it rain?", "--kind", "binary", "--deadline", days(60)),
    ("question", "add", "venue", "Where?", "--kind", "choice", "--deadline", days(60), "--option", "Baku", "--option", "Riyadh"),
    ("question", "add", "when", "When?", "--kind", "date"),
    ("forecast", "add", "Ada Okafor", "rain", "0.7", "--made-on", days(-2)),
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    fragments: tuple[str, ...] = ()
    files: dict[str, bytes | str] = field(default_factory=dict)
    db: str | None = None  # the --db value instead of the seeded record
    code: int = 2
    read_only: str | None = None  # "file" or "folder": chmod the record (or its folder) read-only
    needs_permissions: bool = False  # chmod is ignored for root: skipped there


def _json(document) -> str:
    return json.dumps(document)


def _doc(**parts) -> str:
    """A trackrecord document with ``parts`` (keys mapping to None are left out)."""
    document = {"format": "trackrecord", "version": 2}
    document.update({key: value for key, value in parts.items() if value is not None})
    return _json(document)


GOOD_FORECAST = {
    "expert": "Ada Okafor", "question": "rain", "probability": 0.4, "made_on": days(-1),
    "recorded_at": f"{days(-1)}T09:00:00+00:00",
}


def _forecast(**changes) -> str:
    record = {**GOOD_FORECAST, **changes}
    return _doc(forecasts=[{key: value for key, value in record.items() if value is not ...}])


_RANDOM = random.Random(11).randbytes(600)

CSV_FORECASTS = "question,expert,probability,made_on,option,window,quote,source\n"
CSV_QUESTIONS = "question,title,kind,deadline,options,tags,criteria,outcome,resolved_on\n"


def _import(name: str, content, *fragments: str, code: int = 2, extra: tuple[str, ...] = ()) -> Case:
    case_id = "import-" + name
    suffix = ".json" if name.startswith("json") else ".csv"
    return Case(case_id, ("import", "{dir}/in" + suffix, *extra), fragments, {"in" + suffix: content}, code=code)


CASES: list[Case] = [
    # --- import: JSON documents ---------------------------------------------------------
    _import("json-top-list", "[]", "not a trackrecord export"),
    _import("json-top-number", "42", "not a trackrecord export"),
    _import("json-top-string", '"trackrecord"', "not a trackrecord export"),
    _import("json-top-null", "null", "not a trackrecord export"),
    _import("json-empty-object", "{}", "not a trackrecord export"),
    _import("json-version-3", _json({"format": "trackrecord", "version": 3}), "version 3"),
    _import("json-version-string", _json({"format": "trackrecord", "version": "2"}), "version '2'"),
    _import("json-experts-string", _doc(experts="notalist"), "experts", "list of objects", "got a string"),
    _import("json-experts-null", _json({"format": "trackrecord", "version": 2, "experts": None}), "experts", "list of objects", "got null"),
    _import("json-experts-object", _doc(experts={"name": "X"}), "experts", "got an object"),
    _import("json-expert-number", _doc(experts=[1]), "expert #1", "object", "got a number"),
    _import("json-expert-name-number", _doc(experts=[{"name": 5}]), "expert #1", "name", "text", "got a number"),
    _import("json-expert-no-name", _doc(experts=[{}]), "expert #1", "'name'"),
    _import("json-expert-aliases-string", _doc(experts=[{"name": "Cy Young", "aliases": "CY"}]), "aliases", "list of text", "got a string"),
    _import("json-expert-affiliation-list", _doc(experts=[{"name": "Cy Young", "affiliation": ["x"]}]), "affiliation", "got a list"),
    _import("json-expert-nul", _doc(experts=[{"name": "Cy\u0000Young"}]), "NUL"),
    _import("json-questions-object", _doc(questions={"slug": "x"}), "questions", "list of objects"),
    _import("json-question-null", _doc(questions=[None]), "question #1", "got null"),
    _import("json-question-slug-number", _doc(questions=[{"slug": 7, "title": "T", "kind": "binary", "deadline": days(9)}]), "slug", "got a number"),
    _import("json-question-kind-unknown", _doc(questions=[{"slug": "q", "title": "T", "kind": "maybe", "deadline": days(9)}]), "kind", "maybe"),
    _import("json-question-options-string", _doc(questions=[{"slug": "q", "title": "T", "kind": "choice", "deadline": days(9), "options": "a|b"}]), "options", "got a string"),
    _import("json-question-tags-numbers", _doc(questions=[{"slug": "q", "title": "T", "kind": "binary", "deadline": days(9), "tags": [1, 2]}]), "tags", "got a list holding a number"),
    _import("json-question-deadline-number", _doc(questions=[{"slug": "q", "title": "T", "kind": "binary", "deadline": 20250101}]), "deadline", "got a number"),
    _import("json-question-title-missing", _doc(questions=[{"slug": "q", "kind": "binary", "deadline": days(9)}]), "question #1", "'title'"),
    _import("json-version-true", _json({"format": "trackrecord", "version": True}), "version True"),
    _import("json-expert-name-huge", _doc(experts=[{"name": "A" * 5000}]), "expert", "5000"),
    _import("json-forecasts-string", _doc(forecasts="x"), "forecasts", "list of objects"),
    _import("json-forecast-probability-string", _forecast(probability="0.5"), "probability", "'0.5'"),
    _import("json-forecast-probability-list", _forecast(probability=[0.5]), "probability", "got a list"),
    _import("json-forecast-probability-nan", _forecast(probability=float("nan")), "probability", "nan"),
    _import("json-forecast-probability-big", _forecast(probability=2), "probability", "2"),
    _import("json-forecast-probability-bool", _forecast(probability=True), "probability", "got true"),
    _import("json-forecast-no-made-on", _forecast(made_on=...), "forecast #1", "'made_on'"),
    _import("json-forecast-made-on-word", _forecast(made_on="yesterday"), "made_on", "'yesterday'"),
    _import("json-forecast-made-on-number", _forecast(made_on=20250101), "made_on", "got a number"),
    _import("json-forecast-recorded-at-number", _forecast(recorded_at=5), "recorded_at", "got a number"),
    _import("json-forecast-expert-number", _forecast(expert=12), "expert", "got a number"),
    _import("json-forecast-expert-unknown", _forecast(expert="Nobody Known"), "Nobody Known", code=1),
    _import("json-forecast-question-unknown", _forecast(question="nope"), "nope", code=1),
    _import("json-forecast-option-number", _forecast(question="venue", option=5), "option", "got a number"),
    _import("json-forecast-window-number", _forecast(question="when", window=5), "window", "got a number"),
    _import("json-forecast-quote-object", _forecast(quote={"a": 1}), "quote", "got an object"),
    _import("json-windows-string", _doc(windows="x"), "windows", "list of objects"),
    _import("json-window-no-window", _doc(windows=[{"question": "when", "before": None}]), "window #1", "'window'"),
    _import("json-resolutions-number", _doc(resolutions=3), "resolutions", "got a number"),
    _import("json-resolution-outcome-number", _doc(resolutions=[{"question": "rain", "outcome": 1, "known_on": days(-1), "recorded_at": days(-1)}]), "outcome", "got a number"),
    _import("json-resolution-forced-string", _doc(resolutions=[{"question": "rain", "outcome": "yes", "known_on": days(-1), "forced": "no", "recorded_at": days(-1)}]), "forced", "true or false"),
    _import("json-changes-subject-list", _doc(changes=[{"subject": ["expert"], "action": "rename", "name": "Ada Okafor", "recorded_at": days(-1)}]), "subject", "got a list"),
    _import("json-forecast-change-position-string", _doc(forecasts=[GOOD_FORECAST], forecast_changes=[{"forecast": "1", "action": "retract", "reason": "r", "recorded_at": days(-1)}]), "forecast", "'1'"),
    _import("json-deep-nesting", "[" * 100_000, "nests too deeply"),
    _import("json-deep-nesting-objects", '{"a":' * 50_000, "nests too deeply"),
    _import("json-syntax", '{"format": "trackrecord",', "not a JSON document"),
    _import("json-binary", _RANDOM, "not"),
    _import("json-empty-file", "", "not a JSON document"),
    _import("json-bom", "\ufeff" + _doc(), "not a JSON document"),
    _import("json-utf16", _doc().encode("utf-16"), "not"),
    # --- import: CSV tables -------------------------------------------------------------
    _import("csv-binary", _RANDOM, "in.csv"),
    _import("csv-empty", "", "in.csv", "header"),
    _import("csv-wrong-header", "a,b,c\n1,2,3\n", "header", "'a,b,c'"),
    _import("csv-bom-wrong-header", "\ufeffslug;title\nx;y\n", "header"),
    _import("csv-utf16", CSV_FORECASTS.encode("utf-16"), "in.csv"),
    _import("csv-latin1", (CSV_FORECASTS + "rain,Zoë,0.5," + days(-1) + ",,,,\n").encode("latin-1"), "UTF-8"),
    _import("csv-nul", CSV_FORECASTS + "rain,Ada\x00Okafor,0.5," + days(-1) + ",,,,\n", "in.csv"),
    _import("csv-ragged-row", CSV_FORECASTS + "rain,Ada Okafor,0.5\n", "line 2", "3 cells"),
    _import("csv-huge-field", CSV_FORECASTS + "rain,Ada Okafor,0.5," + days(-1) + ",,,\"" + "x" * 200_000 + "\",\n", "in.csv"),
    _import("csv-unclosed-quote", CSV_FORECASTS + 'rain,"Ada Okafor,0.5\n', "in.csv"),
    _import("csv-probability-word", CSV_FORECASTS + "rain,Ada Okafor,banana," + days(-1) + ",,,,\n", "line 2", "probability", "'banana'"),
    _import("csv-question-kind", CSV_QUESTIONS + "q9,T,maybe," + days(9) + ",,,,,\n", "line 2", "kind", "'maybe'"),
    _import("csv-wide-no-made-on", "expert,rain\nAda Okafor,0.5\n", "--made-on"),
    Case("import-missing-file", ("import", "{dir}/absent.json"), ("absent.json", "does not exist")),
    Case("import-directory", ("import", "{dir}"), ("is a folder",)),
    Case("import-made-on-bad", ("import", "{dir}/in.csv", "--made-on", "soon"), ("'soon'",), {"in.csv": "expert,rain\nAda Okafor,0.5\n"}),
    # --- --scale files ------------------------------------------------------------------
    Case("scale-random-bytes", ("--scale", "{dir}/s.csv", "forecast", "add", "Ada Okafor", "rain", "likely"), ("scale file",), {"s.csv": _RANDOM}),
    Case("scale-empty", ("--scale", "{dir}/s.csv", "forecast", "add", "Ada Okafor", "rain", "likely"), ("scale file", "header"), {"s.csv": ""}),
    Case("scale-header-only", ("--scale", "{dir}/s.csv", "forecast", "add", "Ada Okafor", "rain", "likely"), ("scale file", "no phrases"), {"s.csv": "phrase,probability\n"}),
    Case("scale-wrong-columns", ("--scale", "{dir}/s.csv", "scale"), ("scale file", "phrase,probability"), {"s.csv": "words,chance\nlikely,0.7\n"}),
    Case("scale-probability-2", ("--scale", "{dir}/s.csv", "scale"), ("line 2", "'2'"), {"s.csv": "phrase,probability\nsure thing,2\n"}),
    Case("scale-probability-nan", ("--scale", "{dir}/s.csv", "scale"), ("line 2", "'nan'"), {"s.csv": "phrase,probability\nwho knows,nan\n"}),
    Case("scale-empty-phrase", ("--scale", "{dir}/s.csv", "scale"), ("line 2", "phrase is empty"), {"s.csv": "phrase,probability\n,0.5\n"}),
    Case("scale-ragged", ("--scale", "{dir}/s.csv", "scale"), ("line 3",), {"s.csv": "phrase,probability\nlikely,0.7\nodd\n"}),
    Case("scale-utf16", ("--scale", "{dir}/s.csv", "scale"), ("scale file", "UTF-8"), {"s.csv": "phrase,probability\nlikely,0.7\n".encode("utf-16")}),
    Case("scale-nul", ("--scale", "{dir}/s.csv", "scale"), ("scale file",), {"s.csv": "phrase,probability\nlik\x00ely,0.7\n"}),
    Case("scale-missing", ("--scale", "{dir}/absent.csv", "scale"), ("absent.csv", "cannot be read")),
    Case("scale-directory", ("--scale", "{dir}", "scale"), ("scale file", "directory")),
    Case("scale-replace-without-file", ("--replace-scale", "scale"), ("--replace-scale",)),
    # --- --db values --------------------------------------------------------------------
    Case("db-unknown-scheme", ("leaderboard",), ("foo://bar",), db="foo://bar"),
    Case("db-mysql-no-driver", ("leaderboard",), ("driver", "***"), db="mysql://user:s3cret@localhost/db"),
    Case("db-pg8000-no-driver", ("leaderboard",), ("driver", "***"), db="postgresql+pg8000://user:s3cret@localhost/db"),
    Case("db-postgres-refused", ("leaderboard",), ("cannot open", "***"), db="postgresql+psycopg://user:s3cret@127.0.0.1:9/db?connect_timeout=2"),
    Case("db-password-in-query", ("leaderboard",), ("cannot open", "password=***"), db="postgresql+psycopg://user@127.0.0.1:9/db?password=s3cret&connect_timeout=2"),
    Case("db-url-garbage", ("leaderboard",), ("cannot open",), db="postgresql://user:s3cret@[::1"),
    Case("db-text-file", ("leaderboard",), ("notes.txt", "not a database"), {"notes.txt": "Shopping list: eggs, milk\n" * 40}, db="{dir}/notes.txt"),
    Case("db-random-bytes", ("leaderboard",), ("noise.db", "not a database"), {"noise.db": _RANDOM * 8}, db="{dir}/noise.db"),
    Case("db-directory", ("leaderboard",), ("folder",), db="{dir}"),
    Case("db-missing-folder", ("leaderboard",), ("folder that does not exist",), db="{dir}/nowhere/x.db"),
    Case("db-sqlite-url-missing-folder", ("leaderboard",), ("cannot open",), db="sqlite:///{dir}/nowhere/x.db"),
    Case("db-read-only-uri", ("forecast", "add", "Brian Cole", "rain", "0.3"), ("read-only",), db="sqlite:///file:{db}?mode=ro&uri=true"),
    Case("db-read-only-file", ("forecast", "add", "Brian Cole", "rain", "0.3"), ("read-only",), read_only="file", needs_permissions=True),
    Case("db-read-only-folder", ("forecast", "add", "Brian Cole", "rain", "0.3"), ("read-only",), read_only="folder", needs_permissions=True),
    # --- forecast add / correct / retract -----------------------------------------------
    Case("forecast-add-probability-word", ("forecast", "add", "Ada Okafor", "rain", "banana"), ("'banana'",)),
    Case("forecast-add-probability-range", ("forecast", "add", "Ada Okafor", "rain", "1.5"), ("'1.5'",)),
    Case("forecast-add-probability-nan", ("forecast", "add", "Ada Okafor", "rain", "nan"), ("'nan'",)),
    Case("forecast-add-made-on-bad", ("forecast", "add", "Ada Okafor", "rain", "0.3", "--made-on", "2025-13-45"), ("'2025-13-45'",)),
    Case("forecast-add-made-on-future", ("forecast", "add", "Ada Okafor", "rain", "0.3", "--made-on", days(5)), (days(5),)),
    Case("forecast-add-expert-unknown", ("forecast", "add", "Nobody Known", "rain", "0.3"), ("Nobody Known",), code=1),
    Case("forecast-add-question-unknown", ("forecast", "add", "Ada Okafor", "nope", "0.3"), ("nope",), code=1),
    Case("forecast-add-choice-no-option", ("forecast", "add", "Ada Okafor", "venue", "0.3"), ("option",)),
    Case("forecast-add-window-garbage", ("forecast", "add", "Ada Okafor", "when", "0.3", "--window", "whenever"), ("'whenever'",)),
    Case("forecast-add-window-on-binary", ("forecast", "add", "Ada Okafor", "rain", "0.3", "--window", f"{days(1)}..{days(9)}"), ("--window", "binary")),
    Case("forecast-add-option-on-binary", ("forecast", "add", "Ada Okafor", "rain", "0.3", "--option", "Baku"), ("--option", "binary")),
    Case("forecast-correct-id-word", ("forecast", "correct", "abc", "--probability", "0.2", "--reason", "typo"), ("ID", "'abc'")),
    Case("forecast-correct-id-missing", ("forecast", "correct", "999", "--probability", "0.2", "--reason", "typo"), ("999",), code=1),
    Case("forecast-correct-no-reason", ("forecast", "correct", "1", "--probability", "0.2"), ("--reason",)),
    Case("forecast-correct-probability-7", ("forecast", "correct", "1", "--probability", "7", "--reason", "typo"), ("'7'",)),
    Case("forecast-retract-id-negative", ("forecast", "retract", "-1", "--reason", "typo"), ("-1",)),
    Case("forecast-retract-id-huge", ("forecast", "retract", "99999999999999999999", "--reason", "typo"), ("'99999999999999999999'",)),
    Case("forecast-correct-id-unicode-digits", ("forecast", "correct", "١", "--probability", "0.2", "--reason", "typo"), ("'١'",)),
    Case("forecast-retract-no-reason", ("forecast", "retract", "1"), ("--reason",)),
    # --- question add / edit ------------------------------------------------------------
    Case("question-add-kind", ("question", "add", "q2", "T", "--kind", "maybe"), ("'maybe'",)),
    Case("question-add-deadline-bad", ("question", "add", "q2", "T", "--kind", "binary", "--deadline", "someday"), ("'someday'",)),
    Case("question-add-choice-one-option", ("question", "add", "q2", "T", "--kind", "choice", "--deadline", days(9), "--option", "A"), ("option",)),
    Case("question-add-duplicate", ("question", "add", "rain", "Again?", "--kind", "binary", "--deadline", days(9)), ("rain",), code=1),
    Case("question-add-empty-slug", ("question", "add", "", "T", "--kind", "binary", "--deadline", days(9)), ("slug",)),
    Case("question-edit-unknown", ("question", "edit", "nope", "--title", "T", "--reason", "r"), ("nope",), code=1),
    Case("question-edit-deadline-bad", ("question", "edit", "rain", "--deadline", "31/12/2030", "--reason", "r"), ("'31/12/2030'",)),
    Case("question-edit-nothing", ("question", "edit", "rain", "--reason", "r"), ("rain",)),
    Case("question-edit-option-on-binary", ("question", "edit", "rain", "--add-option", "X", "--reason", "r"), ("--add-option", "binary")),
    # --- resolve ------------------------------------------------------------------------
    Case("resolve-option-unknown", ("resolve", "venue", "Paris"), ("'Paris'", "Baku")),
    Case("resolve-unknown", ("resolve", "nope", "yes"), ("nope",), code=1),
    Case("resolve-outcome-bad", ("resolve", "rain", "maybe"), ("'maybe'",)),
    Case("resolve-on-future", ("resolve", "rain", "yes", "--on", days(3)), (days(3),)),
    Case("resolve-binary-happened", ("resolve", "rain", "--happened-on", days(-1)), ("--happened-on",)),
    Case("resolve-on-bad", ("resolve", "rain", "yes", "--on", "tomorrowish"), ("'tomorrowish'",)),
    # --- expert add / rename / merge ----------------------------------------------------
    Case("expert-add-empty", ("expert", "add", "  "), ("name",)),
    Case("expert-add-duplicate", ("expert", "add", "ada okafor"), ("Ada Okafor",), code=1),
    Case("expert-rename-unknown", ("expert", "rename", "Nobody Known", "Someone", "--reason", "r"), ("Nobody Known",), code=1),
    Case("expert-rename-empty", ("expert", "rename", "Ada Okafor", "", "--reason", "r"), ("name",)),
    Case("expert-rename-no-reason", ("expert", "rename", "Ada Okafor", "Ada O."), ("--reason",)),
    Case("expert-merge-self", ("expert", "merge", "Ada Okafor", "Ada Okafor", "--reason", "r"), ("Ada Okafor",)),
    Case("expert-merge-unknown", ("expert", "merge", "Nobody Known", "Ada Okafor", "--reason", "r"), ("Nobody Known",), code=1),
    Case("expert-alias-unknown", ("expert", "alias", "Nobody Known", "N. Known"), ("Nobody Known",), code=1),
    Case("expert-alias-taken", ("expert", "alias", "Ada Okafor", "Brian Cole"), ("Brian Cole",), code=1),
    Case("expert-add-empty-alias", ("expert", "add", "Cy Young", "--alias", ""), ("alias",)),
    # --- leaderboard / calibration / history filters ------------------------------------
    Case("leaderboard-since-bad", ("leaderboard", "--since", "last year"), ("'last year'",)),
    Case("leaderboard-min-resolved-word", ("leaderboard", "--min-resolved", "some"), ("'some'",)),
    Case("leaderboard-metric-bad", ("leaderboard", "--metric", "vibes"), ("'vibes'",)),
    Case("leaderboard-since-after-until", ("leaderboard", "--since", days(-1), "--until", days(-30)), (days(-1), days(-30))),
    Case("leaderboard-kind-bad", ("leaderboard", "--kind", "maybe"), ("'maybe'",)),
    Case("calibration-bins-zero", ("calibration", "--bins", "0"), ("--bins",)),
    Case("calibration-bins-word", ("calibration", "--bins", "many"), ("'many'",)),
    Case("calibration-expert-unknown", ("calibration", "Nobody Known"), ("Nobody Known",), code=1),
    Case("history-limit-zero", ("history", "--limit", "0"), ("--limit", "'0'")),
    Case("history-limit-word", ("history", "--limit", "ten"), ("--limit", "'ten'")),
    Case("forecast-list-limit-fraction", ("forecast", "list", "--limit", "2.5"), ("--limit", "'2.5'")),
    Case("history-expert-unknown", ("history", "--expert", "Nobody Known"), ("Nobody Known",), code=1),
    Case("due-format-bad", ("due", "--format", "xml"), ("'xml'",)),
    Case("history-format-bad", ("history", "--format", "xml"), ("'xml'",)),
    # --- extract ------------------------------------------------------------------------
    Case("extract-missing", ("extract", "{dir}/absent.txt", "--published", days(-1)), ("absent.txt",)),
    Case("extract-binary", ("extract", "{dir}/a.txt", "--published", days(-1)), ("a.txt",), {"a.txt": _RANDOM}),
    Case("extract-directory", ("extract", "{dir}", "--published", days(-1)), ("article", "directory")),
    Case("extract-published-bad", ("extract", "{dir}/a.txt", "--published", "May"), ("'May'",), {"a.txt": "Ada Okafor said rain is likely.\n"}),
    Case("extract-output-exists", ("extract", "{dir}/a.txt", "--published", days(-1), "--output", "{dir}/a.txt"), ("already exists",), {"a.txt": "Ada Okafor said rain is likely.\n"}, code=1),
    # --- export -------------------------------------------------------------------------
    Case("export-csv-no-output", ("export", "--format", "csv"), ("--output",)),
    Case("export-output-missing-folder", ("export", "--output", "{dir}/nowhere/x.json"), ("does not exist",)),
    Case("export-output-folder", ("export", "--output", "{dir}"), ("folder",)),
    Case("export-format-bad", ("export", "--format", "xml"), ("'xml'",)),
]


def fill(text: str, folder: Path, db: Path) -> str:
    return text.replace("{dir}", str(folder)).replace("{db}", str(db))


def prepare(case: Case, folder: Path, db: Path) -> list[str]:
    """Write the case's files into ``folder`` and return the full argv (after the program name)."""
    for name, content in case.files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    if case.read_only == "file":
        db.chmod(0o444)
    elif case.read_only == "folder":
        db.parent.chmod(0o555)
    chosen = fill(case.db, folder, db) if case.db is not None else str(db)
    return ["--db", chosen, *(fill(arg, folder, db) for arg in case.args)]


def restore(case: Case, db: Path) -> None:
    """Undo ``read_only`` so the folder can be cleaned up."""
    if case.read_only == "folder":
        db.parent.chmod(0o755)
    if case.read_only:
        db.chmod(0o644)


def table_counts(db: Path) -> dict[str, int]:
    """Row counts of every table of the SQLite record (the corpus is about its files)."""
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db)) as connection:  # closed: leaves no -wal/-shm file behind
        names = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names if name != "alembic_version"}


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    written: bool  # the record's row counts changed


#: Run as this unprivileged user (uid, gid) when root must not bypass file permissions.
NOBODY = 65534


def as_nobody(case: Case) -> bool:
    """Whether ``case`` must run as an unprivileged user to mean anything here (and can:
    that user may read the checkout and its virtual environment)."""
    return case.needs_permissions and IS_ROOT and shutil.which("setpriv") is not None and _nobody_runs_python()


@functools.cache
def _nobody_runs_python() -> bool:
    import sys

    probe = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable, "-c", "import trackrecord.cli.app"]
    return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0


def run_command(case: Case, seeded: Path, command: list[str], timeout: float = 120) -> Outcome:
    """Run ``case`` with ``command`` (the installed ``trackrecord``) in a fresh folder holding
    a copy of the ``seeded`` record; as ``NOBODY`` when ``as_nobody(case)``."""
    root = Path(tempfile.mkdtemp(prefix="bad-input-"))
    try:
        db, folder = root / "record.db", root / "files"
        shutil.copyfile(seeded, db)
        folder.mkdir()
        prefix: list[str] = []
        if as_nobody(case):
            prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
            for path in (root, folder):
                path.chmod(0o777)
            db.chmod(0o666)
        before = table_counts(db)
        argv = prepare(case, folder, db)
        env = {k: v for k, v in os.environ.items() if k not in ("TRACKRECORD_DB", "TRACKRECORD_SCALE")}
        env.update(HOME=str(root / "home"), XDG_DATA_HOME=str(root / "data"))
        try:
            done = subprocess.run([*prefix, *command, *argv], capture_output=True, text=True, env=env, timeout=timeout, errors="replace")
        finally:
            restore(case, db)
        return Outcome(done.returncode, done.stdout, done.stderr, table_counts(db) != before)
    finally:
        shutil.rmtree(root, ignore_errors=True)


assert len({case.id for case in CASES}) == len(CASES), "case ids must be distinct"
