"""``trackrecord report``: the record as a static web site (no server, no JavaScript).

Pages: the leaderboard (``index.html``, then ``leaderboard-N.html`` for big records),
the questions (``questions.html``, paged the same way), one page per expert
(``experts/SLUG.html``), one per question (``questions/SLUG.html``) and ``methods.html``.
Every number comes from the functions behind the command line's JSON (``leaderboard``,
``counting_claims`` for calibration as in ``expert show``, ``question_page`` for
statuses), read in a few whole-table queries: a per-page query would cost minutes on a
record of 100,000 questions. Charts are inline SVG computed here (``charts``): drawing
them with matplotlib would take a minute on their own. Templates are Jinja2, with
autoescaping on, so every text from the record (names, quotes, sources) stays text. The
two tables that hold a million cells on a big record (an expert's forecasts, a question's
chart lines) are the exception: their values come as HTML from ``data`` and ``charts``
(the record's text escaped there once per value with markupsafe, the rest numbers and
dates), and the templates write them as they are, in ``{% autoescape false %}`` blocks
that say so. Escaping each cell again in the template took most of the report's time.

A big record's site is written by processes forked from the command's (``_write``): one
reads the scores while the command reads the rest, then two write the experts' and
questions' pages while it writes the listings.

The site is written into a temporary folder beside ``--output`` and moved into place when
complete: a failure leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from trackrecord.forecasts.errors import Conflict, InvalidInput
from trackrecord.forecasts.models import Expert, Question
from trackrecord.resolutions.report import charts

#: Rows per leaderboard page and per questions-listing page.
PAGE = 500
TEMPLATES = Path(__file__).with_name("templates")


@dataclass(frozen=True)
class SiteCounts:
    experts: int
    questions: int
    forecasts: int
    pages: int


def check_output(folder: Path, option: str = "--output") -> None:
    """Refuse a site folder that is a file, a link, inside a missing folder, or not empty."""
    if folder.is_symlink():
        raise InvalidInput(f"{option} {str(folder)!r} is a symbolic link; give the path of a new folder")
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{option} {str(folder)!r} is a file; give a new or empty folder")
    if not folder.absolute().parent.is_dir():
        raise InvalidInput(f"{option} {str(folder)!r} is in a folder that does not exist; create it first")
    if folder.is_dir() and any(folder.iterdir()):
        raise Conflict(f"folder {str(folder)!r} is not empty; give a new or empty folder (nothing is overwritten)")


def environment():
    """The Jinja2 environment of the site's templates (autoescaping every value)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = lambda value, digits=4: "" if value is None else f"{value:.{digits}f}"
    env.filters["pct"] = lambda value: f"{value * 100:.4g}%"
    env.filters["exact"] = lambda value: "" if value is None else repr(float(value))
    return env


def build_site(*, session: Session, folder: Path, today: dt.date, page: int | None = None) -> SiteCounts:
    """Write the record's site into ``folder`` (new or empty), all or nothing."""
    check_output(folder)
    folder = folder.absolute()
    partial = folder.with_name(f".{folder.name}.{os.getpid()}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        (partial / "experts").mkdir(parents=True)
        (partial / "questions").mkdir()
        counts = _write(session, partial, today, page or PAGE)
        if folder.exists():
            folder.rmdir()  # empty: checked above
        os.replace(partial, folder)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise InvalidInput(f"{str(folder)!r} cannot be written ({error.strerror or error})") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return counts


#: From this many experts and questions together, the pages are written by WORKERS processes.
PARALLEL_FROM = 20_000
WORKERS = max(1, min(2, os.cpu_count() or 1))
_FORKED = None


def _unchanged(session: Session, version: tuple[int, ...]) -> None:
    """Refuse the report when the record this session sees is not at ``version``, the one
    seen before the leaderboard was read. Every reader checks when it starts and when it
    has read everything: a forked process's connection has a snapshot of its own (SQLite),
    and PostgreSQL's read-committed statements each see the latest commit. The record is
    append-only with one writer at a time, so the same version at both ends means no write
    came between (see ``record_version``)."""
    from trackrecord.resolutions.record import record_version

    if record_version(session.connection()) != version:
        raise Conflict("the record changed while its report was being written (a write came in meanwhile); run 'trackrecord report' again")


def _write_part(session: Session, root: Path, data, today: dt.date, common: dict, part: tuple[int, int], version: tuple[int, ...]) -> int:
    """Write part k of n of the experts' and questions' pages, read as the record was at
    ``version``; how many."""
    from trackrecord.resolutions.report.data import expert_pages, question_pages

    _unchanged(session, version)
    env = environment()
    written = 0
    template = env.get_template("expert.html")
    for expert in expert_pages(session=session, data=data, part=part):
        (root / "experts" / f"{expert.slug}.html").write_text(
            template.render(**common, root="../", expert=expert, chart=charts.reliability(expert.calibration.table) if expert.calibration else None),
            encoding="utf-8",
        )
        written += 1
    template = env.get_template("question.html")
    for question in question_pages(session=session, data=data, part=part):
        (root / "questions" / f"{question.status.slug}.html").write_text(
            template.render(**common, root="../", question=question, charts=[charts.steps(claim, question.known_on, today) for claim in question.claims]),
            encoding="utf-8",
        )
        written += 1
    _unchanged(session, version)
    return written


def _forked_scores(url: str, version: tuple[int, ...]):
    """In a forked process: the record's scores (``data.record_scores``), read on a
    connection of its own while the parent reads the rest."""
    from trackrecord.forecasts.db import open_database, session_scope
    from trackrecord.resolutions.report.data import record_scores

    engine = open_database(url)
    try:
        with session_scope(engine) as session:
            _unchanged(session, version)
            scores = record_scores(session=session)
            _unchanged(session, version)
            return scores
    finally:
        engine.dispose()


def _forked_part(k: int) -> int:
    """In a forked process: part k of the pages, read on a connection of its own."""
    from trackrecord.forecasts.db import open_database, session_scope

    url, root, data, today, common, workers, version = _FORKED
    engine = open_database(url)
    try:
        with session_scope(engine) as session:
            return _write_part(session, root, data, today, common, (k, workers), version)
    finally:
        engine.dispose()


def _pages(items: list, size: int, first: str, rest: str) -> list[tuple[str, list]]:
    """``items`` cut into pages named ``first`` then ``rest`` % 2, 3, …; at least one page."""
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    return [(first if number == 1 else rest % number, chunk) for number, chunk in enumerate(chunks, 1)]


def _write(session: Session, root: Path, today: dt.date, size: int) -> SiteCounts:
    """The site of a big record is written by processes forked from here: one reads the
    scores while this one reads the rest; then WORKERS write the experts' and questions'
    pages, each on a connection of its own, while this one writes the listings."""
    import multiprocessing

    from trackrecord.forecasts.chain import shown_head
    from trackrecord.resolutions.record import record_version, seen_elsewhere
    from trackrecord.resolutions.report.data import gather

    global _FORKED
    version = record_version(session.connection())
    head = shown_head(session.connection())
    size_of_record = sum(session.execute(select(func.count()).select_from(table)).scalar_one() for table in (Expert, Question))
    workers = WORKERS if size_of_record >= PARALLEL_FROM and seen_elsewhere(session.get_bind()) else 1
    fork = multiprocessing.get_context("fork")
    url = session.get_bind().url.render_as_string(hide_password=False)
    if workers == 1:
        data = gather(session=session, today=today)
    else:
        with fork.Pool(1) as aside:
            scores = aside.apply_async(_forked_scores, (url, version))
            data = gather(session=session, today=today, scored=scores.get)
    _unchanged(session, version)
    common = {"head": head, "today": today.isoformat(), "chance": charts.CHANCE}
    shutil.copyfile(TEMPLATES / "style.css", root / "style.css")
    if workers == 1:
        return _counts(data, _write_listings(root, data, common, size) + _write_part(session, root, data, today, common, (0, 1), version))
    _FORKED = (url, root, data, today, common, workers, version)
    try:
        with fork.Pool(workers) as pool:
            parts = pool.map_async(_forked_part, range(workers))
            written = _write_listings(root, data, common, size)  # meanwhile
            return _counts(data, written + sum(parts.get()))
    finally:
        _FORKED = None


def _counts(data, pages: int) -> SiteCounts:
    return SiteCounts(experts=len(data.experts), questions=len(data.statuses), forecasts=data.forecast_count, pages=pages)


def _write_listings(root: Path, data, common: dict, size: int) -> int:
    """The leaderboard's pages, the questions' listing and the methods page; how many."""
    env = environment()
    written = 0

    def put(name: str, template, **values) -> None:
        nonlocal written
        (root / name).write_text(template.render(**common, **values), encoding="utf-8")
        written += 1

    board = data.standings
    pages = _pages(board, size, "index.html", "leaderboard-%d.html")
    template = env.get_template("index.html")
    scale = charts.bar_scale(board)
    slugs = {expert.name: expert.slug for expert in data.experts}
    for number, (name, rows) in enumerate(pages, 1):
        put(name, template, root="", rows=[(row, slugs[row["expert"]], charts.interval_bar(row, scale)) for row in rows], pages=pages,
            number=number, experts=len(data.experts), questions=len(data.statuses), forecasts=data.forecast_count, scale=scale)
    listing = _pages(data.statuses, size, "questions.html", "questions-%d.html")
    template = env.get_template("questions.html")
    for number, (name, rows) in enumerate(listing, 1):
        put(name, template, root="", rows=rows, pages=listing, number=number, total=len(data.statuses))
    put("methods.html", env.get_template("methods.html"), root="", prior=data.prior, min_n=data.min_interval_n)
    return written
