"""``trackrecord report``, ``demo --report`` and the ``--plot`` charts, through the CLI.

The site's numbers are read back from its HTML (``data-*`` attributes with every digit,
and the text a reader sees) and compared with the command line's JSON for the same
record: ``leaderboard``, ``expert show``, ``calibration``, ``question show``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import TODAY, assert_error, days, url_of

LEADERBOARD_NUMBERS = (
    "adjusted_brier", "brier", "ci_low", "ci_high", "log_loss", "brier_skill", "relative_brier", "peer_log", "peer_total", "p_value",
)


class Page(HTMLParser):
    """An HTML page as tests read it: elements with data-* attributes, table rows as cell
    texts (by table class), headings, links, and all text."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.data_rows: list[dict] = []
        self.tables: dict[str, list[list[str]]] = {}
        self.headings: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self.raw = path.read_text(encoding="utf-8")
        self.feed(self.raw)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if any(name.startswith("data-") for name in attributes):
            self.data_rows.append({name[5:]: value for name, value in attributes.items() if name.startswith("data-")})
        if tag == "table":
            self._table = attributes.get("class") or ""
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in ("h1", "h2"):
            self._heading = []
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        elif tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        for part in (self._cell, self._heading):
            if part is not None:
                part.append(data)


def number(text: str):
    return None if text == "" else float(text)


@pytest.fixture
def example_record(db_path):
    """The bundled example, recorded in the test's record (either backend)."""
    from trackrecord.forecasts.db import open_database, session_scope
    from trackrecord.resolutions.example import load_example

    engine = open_database(url_of(db_path))
    try:
        with session_scope(engine, write=True) as session:
            load_example(session=session, today=TODAY)
    finally:
        engine.dispose()
    return db_path


def test_every_page_shows_the_numbers_of_the_cli_json(ok, example_record, tmp_path):
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    board = json.loads(ok("leaderboard", "--format", "json"))
    index = Page(site / "index.html")
    rows = [row for row in index.data_rows if "rank" in row]
    assert [row["expert"] for row in rows] == [r["expert"] for r in board]
    cells = index.tables["leaderboard"][1:]
    for row, cell, expected in zip(rows, cells, board):
        assert int(row["rank"]) == expected["rank"] and int(row["resolved"]) == expected["resolved"]
        for key in LEADERBOARD_NUMBERS:
            assert number(row[key]) == expected[key], (expected["expert"], key)
        assert cell[:6] == [
            str(expected["rank"]), expected["expert"], str(expected["resolved"]), str(expected["pending"]),
            f"{expected['adjusted_brier']:.4f}", f"{expected['brier']:.4f}",
        ]
    head = ok("leaderboard").split("Record chain head: ")[1].split()[0]
    assert head in index.raw

    experts = json.loads(ok("expert", "list", "--format", "json"))
    assert len(experts) == 11
    by_name = {r["expert"]: r for r in board}
    for expert in experts:
        page = Page(site / "experts" / f"{expert['slug']}.html")
        shown = json.loads(ok("expert", "show", expert["slug"], "--format", "json"))
        assert page.headings[0] == shown["name"]
        scores = [row for row in page.data_rows if "rank" in row]
        if shown["standing"] is None:
            assert scores == [] and shown["name"] not in by_name
        else:
            (row,) = scores
            for key in LEADERBOARD_NUMBERS:
                assert number(row[key]) == shown["standing"][key] == by_name[shown["name"]][key], (shown["name"], key)
        calibration = json.loads(ok("calibration", expert["slug"], "--format", "json"))
        found = [row for row in page.data_rows if "reliability" in row]
        if calibration is None:
            assert found == []
        else:
            assert number(found[0]["reliability"]) == calibration["murphy"]["reliability"]
            assert number(found[0]["resolution"]) == calibration["murphy"]["resolution"]
            assert number(found[0]["mean_brier"]) == calibration["mean_brier"]
            assert page.raw.count('class="mean"><title>') == sum(1 for n in calibration["table"]["count"] if n)
        listed = page.tables["forecasts"][1:]
        assert [row[:7] for row in listed] == [
            [
                f["made_on"], f["question"], f["claim"],
                f"{f['probability'] * 100:.4g}%" + (f" ({f['phrase']})" if f["phrase"] else ""),
                f["outcome"], "" if f["brier"] is None else f"{f['brier']:.4f}", "★" if f["counts"] else "",
            ]
            for f in shown["forecasts"]
        ]

    questions = json.loads(ok("question", "list", "--all", "--format", "json"))
    listing = Page(site / "questions.html").tables[""][1:]
    assert [(row[0], row[3], row[4]) for row in listing] == [(q["slug"], q["status"], str(q["forecasts"])) for q in questions]
    for question in questions:
        page = Page(site / "questions" / f"{question['slug']}.html")
        shown = json.loads(ok("question", "show", question["slug"], "--format", "json"))
        assert page.headings[0] == shown["status"]["title"]
        assert page.headings[1:-1] == [claim["claim"] for claim in shown["claims"]]
        text = " ".join("".join(page.text).split())
        for claim in shown["claims"]:
            assert f"{claim['forecasts']} forecasts" in text
        for entry in shown["history"]:
            assert entry["description"] in text
            if entry["evidence"]:
                assert entry["evidence"] in page.links


def test_links_resolve_and_nothing_is_fetched_from_elsewhere(ok, example_record, tmp_path):
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 3 + 11 + 9  # index, questions, methods; experts; questions
    for path in pages:
        page = Page(path)
        assert "<script" not in page.raw
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                assert 'rel="nofollow"' in page.raw  # a source or evidence, never a style sheet or script
                continue
            assert not parts.scheme and not parts.netloc, (path, link)
            target = (path.parent / unquote(parts.path)).resolve()
            assert target.is_file(), (path, link)
            assert site.resolve() in target.parents
    assert 'href="style.css"' in (site / "index.html").read_text() and (site / "style.css").is_file()


def test_user_text_stays_text(ok, tmp_path):
    evil = '<script>alert("name")</script> Evil & Co'
    quote = '<script>alert("quote")</script><img src=x onerror=alert(1)>'
    ok("expert", "add", evil)
    ok("question", "add", "q1", "<b>bold</b> title?", "--kind", "binary", "--deadline", days(-2), "--criteria", "<i>x</i>")
    ok("forecast", "add", evil, "q1", "70%", "--made-on", days(-30), "--quote", quote, "--source", "javascript:alert(1)")
    ok("resolve", "q1", "yes", "--on", days(-5), "--evidence", "javascript:alert(2)")
    option = "<script>alert('option')</script>"  # a claim's text, on the expert's and the question's pages
    ok("question", "add", "q2", "Where?", "--kind", "choice", "--deadline", days(9), "--option", option, "--option", "Geneva")
    ok("forecast", "add", evil, "q2", "likely", "--option", option, "--made-on", days(-3), "--quote", quote, "--source", "<b>paper</b>")
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    (expert,) = json.loads(ok("expert", "list", "--format", "json"))
    for path in site.rglob("*.html"):
        page = Page(path)
        assert "<script" not in page.raw and "<img" not in page.raw and "<b>" not in page.raw and "<i>x" not in page.raw
        assert "javascript:" not in "".join(page.links)
    expert_page = Page(site / "experts" / f"{expert['slug']}.html")
    text = "".join(expert_page.text)
    assert evil in text and quote in text and "javascript:alert(1)" in text and option in text and "<b>paper</b>" in text
    assert evil in "".join(Page(site / "index.html").text)
    assert option in Page(site / "questions" / "q2.html").headings and evil in "".join(Page(site / "questions" / "q2.html").text)
    assert "<b>bold</b> title?" in Page(site / "questions" / "q1.html").headings


def test_refused_outputs_write_nothing(run, ok, example_record, tmp_path):
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    assert_error(run("report", "--output", str(full)), str(full), "not empty", exit_code=1)
    assert [p.name for p in full.iterdir()] == ["keep.txt"]
    a_file = tmp_path / "file.html"
    a_file.write_text("x")
    assert_error(run("report", "--output", str(a_file)), "is a file")
    assert_error(run("report", "--output", str(tmp_path / "missing" / "site")), "does not exist")
    empty = tmp_path / "empty"
    empty.mkdir()
    ok("report", "--output", str(empty))
    assert (empty / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")) == []

    gif = tmp_path / "out.gif"
    assert_error(run("leaderboard", "--plot", str(gif)), "'.gif'", ".svg, .png")
    assert_error(run("calibration", "--plot", str(gif)), "'.gif'", ".svg, .png")
    assert_error(run("calibration", "--plot", str(tmp_path / "noending")), "no ending", ".svg, .png")
    assert not gif.exists()
    taken = tmp_path / "taken.svg"
    taken.write_text("mine")
    assert_error(run("leaderboard", "--plot", str(taken)), "already exists", exit_code=1)
    assert taken.read_text() == "mine"
    assert_error(run("calibration", "Sergey Markov", "Donald Trump"), "2 experts", "--plot")
    assert_error(run("calibration", "Nobody Known", "--plot", str(tmp_path / "n.svg")), "Nobody Known", exit_code=1)
    assert not (tmp_path / "n.svg").exists()


def test_plots_are_small_valid_charts(ok, run, example_record, tmp_path):
    one = tmp_path / "markov.svg"
    result = run("calibration", "Sergey Markov", "--plot", str(one))
    assert result.exit_code == 0 and result.stdout == "" and "Wrote" in result.stderr
    svg = one.read_text()
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg") and len(svg) < 60_000
    assert "Sergey Markov (8 claims)" in svg and "observed frequency" in svg
    both = tmp_path / "both.svg"
    ok("calibration", "Sergey Markov", "Donald Trump", "--plot", str(both))
    text = both.read_text()
    ElementTree.fromstring(text)
    assert "Sergey Markov (8 claims)" in text and "Donald Trump (2 claims)" in text
    png = tmp_path / "all.png"
    ok("calibration", "--plot", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    board = tmp_path / "board.svg"
    ok("leaderboard", "--plot", str(board))
    text = board.read_text()
    ElementTree.fromstring(text)
    assert len(text) < 60_000
    names = [f"{r['rank']}. {r['expert']}" for r in json.loads(ok("leaderboard", "--format", "json"))]
    labels = ["".join(element.itertext()).strip() for element in ElementTree.fromstring(text).iter() if element.tag.endswith("text")]
    assert [label for label in labels if label in names] == names  # every expert, in rank order


def test_a_leaderboard_chart_draws_the_first_experts_of_a_long_board(run, ok, example_record, tmp_path, monkeypatch):
    import trackrecord.resolutions.plots as plots

    monkeypatch.setattr(plots, "MOST_EXPERTS", 3)
    board = tmp_path / "board.svg"
    result = run("leaderboard", "--plot", str(board))
    assert result.exit_code == 0 and "the first 3 of 10 experts" in result.stderr
    names = [f"{r['rank']}. {r['expert']}" for r in json.loads(ok("leaderboard", "--format", "json"))]
    labels = ["".join(e.itertext()).strip() for e in ElementTree.fromstring(board.read_text()).iter() if e.tag.endswith("text")]
    assert [label for label in labels if label in names] == names[:3]


def test_report_on_an_empty_record(ok, tmp_path):
    ok("expert", "add", "Only Person")
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    assert "No expert has a resolved forecast yet." in (site / "index.html").read_text()
    assert (site / "experts" / "only-person.html").is_file()


def test_big_leaderboards_are_paged_and_written_by_two_processes(ok, tmp_path, monkeypatch):
    import trackrecord.resolutions.report as report

    monkeypatch.setattr(report, "PAGE", 2)
    monkeypatch.setattr(report, "PARALLEL_FROM", 0)  # the path of big records: pages split between two processes
    monkeypatch.setattr(report, "WORKERS", 2)
    for index in range(5):
        ok("expert", "add", f"Person {index}")
        ok("question", "add", f"q{index}", f"Q{index}?", "--kind", "binary", "--deadline", days(-2))
        ok("forecast", "add", f"Person {index}", f"q{index}", f"{10 + index * 10}%", "--made-on", days(-30))
        ok("resolve", f"q{index}", "no", "--on", days(-5))
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    names = [r["expert"] for r in json.loads(ok("leaderboard", "--format", "json"))]
    shown = []
    for name in ("index.html", "leaderboard-2.html", "leaderboard-3.html"):
        page = Page(site / name)
        shown += [row["expert"] for row in page.data_rows if "rank" in row]
        assert {"index.html", "leaderboard-2.html", "leaderboard-3.html"} - {name} <= set(page.links)
    assert shown == names
    assert not (site / "leaderboard-4.html").exists() and (site / "questions-3.html").is_file()
    assert sorted(p.stem for p in (site / "experts").iterdir()) == [f"person-{index}" for index in range(5)]
    assert sorted(p.stem for p in (site / "questions").iterdir()) == [f"q{index}" for index in range(5)]
    for index in range(5):
        assert f"Person {index}" in (site / "questions" / f"q{index}.html").read_text()
        assert f"{10 + index * 10}%" in (site / "experts" / f"person-{index}.html").read_text()


def test_a_write_while_the_pages_are_written_by_two_processes_refuses_the_report(ok, run, db_path, tmp_path, monkeypatch):
    """The processes that write the pages read on connections of their own: when the record
    changed after the leaderboard was read, their pages would disagree with it, so the report
    is refused whole, with nothing left behind, and runs again once the record is still."""
    import subprocess
    import sys

    import trackrecord.resolutions.report as report
    import trackrecord.resolutions.report.data as data

    monkeypatch.setattr(report, "PARALLEL_FROM", 0)
    monkeypatch.setattr(report, "WORKERS", 2)
    ok("expert", "add", "Person A")
    ok("question", "add", "q1", "Q1?", "--kind", "binary", "--deadline", days(-2))
    ok("forecast", "add", "Person A", "q1", "30%", "--made-on", days(-30))
    ok("resolve", "q1", "no", "--on", days(-5))
    gather = data.gather

    def gather_then_a_write_elsewhere(**arguments):
        gathered = gather(**arguments)
        # another process adds an expert once the leaderboard has been read
        written = subprocess.run(
            [sys.executable, "-c", "from trackrecord.cli.app import main; main()", "--db", str(db_path), "expert", "add", "Zoe Quist"],
            capture_output=True, text=True,
        )
        assert written.returncode == 0, written.stderr
        return gathered

    monkeypatch.setattr(data, "gather", gather_then_a_write_elsewhere)
    site = tmp_path / "site"
    result = run("report", "--output", str(site))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: the record changed while its report was being written") and result.stderr.count("\n") == 1
    assert not site.exists() and not list(tmp_path.glob(".site*"))
    monkeypatch.setattr(data, "gather", gather)
    ok("report", "--output", str(site))
    assert (site / "experts" / "zoe-quist.html").is_file()
