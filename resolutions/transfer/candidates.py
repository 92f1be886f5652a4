"""Importing the reviewed output of ``trackrecord extract``: ``trackrecord import CANDIDATES.json``.

``extract`` writes ``{"article", "published", "candidates": [...]}``. A reviewer edits it:
adds ``"accept": true`` or ``"accept": false`` to every candidate, and fixes any field
(expert, probability or phrase, window, option, quote, made_on, and the
``suggested_question``'s slug, title, kind; a new binary or choice question also needs
``"deadline": "YYYY-MM-DD"`` in ``suggested_question``). Import then:

- refuses the whole file, writing nothing, while any candidate is undecided (no
  ``accept``, or ``null``): a forecast is put on someone's record only by a decision;
- skips the rejected candidates (``false``);
- creates each suggested question whose slug the record does not have (a choice
  question gets the options of the accepted candidates that name it), and uses the
  existing question otherwise;
- records the accepted candidates as the forecasts CSV import does (one code path,
  ``tables``): experts found by name, alias or slug, a new name created unless it is
  close to another expert's (refused, naming both, unless ``--distinct``: the
  near-duplicate rule), the probability read from the phrase when the phrase still
  reads as the candidate's probability on the scale, else the number, the window as
  written; every check of ``forecast add`` applies;
- adds nothing when imported again (identical questions and forecasts are present).

Every problem is one line naming the candidate (1-based, as in the file), the field, the
value and what is accepted, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlmodel import Session, select

from trackrecord.forecasts.csvcells import csv_cell
from trackrecord.forecasts.errors import InvalidInput, TrackrecordError
from trackrecord.forecasts.models import Question
from trackrecord.forecasts.verbal import read_probability
from trackrecord.resolutions.transfer.document import ImportCounts
from trackrecord.resolutions.transfer.tables import (
    FORECAST_COLUMNS, QUESTION_COLUMNS, FileResult, Problems, _ForecastSink, _import_forecasts, _question_row,
    _RowProblem,
)

KINDS = ("binary", "choice", "date")
#: The forecasts-CSV column a problem names -> the candidate field the reviewer edits.
FIELDS = {"question": "suggested_question.slug", "expert": "expert", "probability": "probability",
          "made_on": "made_on", "option": "option", "window": "window", "quote": "quote", "source": "source",
          "title": "suggested_question.title", "kind": "suggested_question.kind",
          "deadline": "suggested_question.deadline", "options": "option", "-": "candidate"}


def is_candidates(document) -> bool:
    """Whether ``document`` is extract's output rather than a trackrecord export."""
    return isinstance(document, dict) and "candidates" in document and "format" not in document


class _CandidateProblems(Problems):
    def add(self, line: int, column: str, message: str) -> None:
        self.lines.append(f"{self.file}, candidate {line}, {FIELDS.get(column, column)}: {message}")


def import_candidates(
    *, session: Session, document: dict, name: str, today: dt.date, scale=None, distinct: bool = False
) -> FileResult:
    candidates = document["candidates"]
    if not isinstance(candidates, list):
        raise InvalidInput(f"{name}: 'candidates' is {type(candidates).__name__}; give the list that extract wrote")
    accepted: list[tuple[int, dict]] = []
    undecided: list[int] = []
    for number, candidate in enumerate(candidates, start=1):
        if not isinstance(candidate, dict):
            raise InvalidInput(f"{name}, candidate {number}: is {type(candidate).__name__}; give an object as extract wrote it")
        decision = candidate.get("accept")
        if decision is None:
            undecided.append(number)
        elif decision is True:
            accepted.append((number, candidate))
        elif decision is not False:
            raise InvalidInput(
                f"{name}, candidate {number}: accept {decision!r} is not accepted; give true (import it) or false (skip it)"
            )
    if undecided:
        shown = ", ".join(map(str, undecided[:10])) + (" …" if len(undecided) > 10 else "")
        raise InvalidInput(
            f"{name}: {len(undecided)} of {len(candidates)} candidates are undecided (candidate {shown}); "
            "add \"accept\": true (import it) or \"accept\": false (skip it) to each; nothing was imported"
        )
    problems = _CandidateProblems(name)
    counts = ImportCounts()
    _create_questions(session, accepted, problems, counts, today)
    if problems.lines:
        return FileResult(counts, problems.lines)
    sink = _ForecastSink(session, problems, counts, today, add_experts=True, progress=None, distinct=distinct)
    rows = []
    for number, candidate in accepted:
        try:
            rows.append((number, _forecast_row(candidate, scale)))
        except _RowProblem as problem:
            problems.add(number, problem.column, problem.message)
    _import_forecasts(sink, list(FORECAST_COLUMNS), rows, scale)
    sink.finish()
    return FileResult(counts, problems.lines)


def _text(candidate: dict, key: str, column: str, *, required: bool = True) -> str:
    value = candidate.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        shown = "missing" if value is None else f"{value!r}"
        raise _RowProblem(column, f"{key} is {shown}; give text")
    return value


def _suggested(candidate: dict) -> dict:
    question = candidate.get("suggested_question")
    if not isinstance(question, dict):
        raise _RowProblem("question", "suggested_question is missing; give {\"slug\", \"title\", \"kind\"}")
    return question


def _create_questions(session: Session, accepted: list[tuple[int, dict]], problems, counts, today) -> None:
    """Each new suggested question once, with the options its accepted choice candidates name."""
    wanted: dict[str, tuple[int, dict, list[str]]] = {}
    for number, candidate in accepted:
        try:
            question = _suggested(candidate)
            slug = _text(question, "slug", "question").strip().lower()
            kind = _text(question, "kind", "kind")
            if kind not in KINDS:
                raise _RowProblem("kind", f"kind {kind!r} is not accepted; give binary, choice or date")
        except _RowProblem as problem:
            problems.add(number, problem.column, problem.message)
            continue
        if slug in wanted:
            first, first_question, options = wanted[slug]
            if first_question.get("kind") != kind:
                problems.add(number, "kind", f"kind {kind!r} differs from candidate {first}'s {first_question.get('kind')!r} "
                             f"for question {slug!r}; give one kind")
                continue
        else:
            wanted[slug] = (number, question, [])
        option = candidate.get("option")
        if kind == "choice" and isinstance(option, str) and option not in wanted[slug][2]:
            wanted[slug][2].append(option)
    existing = set(session.exec(select(Question.slug).where(Question.slug.in_(list(wanted)))).all()) if wanted else set()
    for slug, (number, question, options) in wanted.items():
        if slug in existing:
            continue
        deadline = question.get("deadline")
        if question["kind"] != "date" and not deadline:
            problems.add(number, "deadline", f"question {slug!r} is new and {question['kind']}: give suggested_question."
                         "deadline YYYY-MM-DD (the date by which it is decided), or the slug of an existing question")
            continue
        cells = {
            "question": slug, "title": question.get("title") if isinstance(question.get("title"), str) else "",
            "kind": question["kind"], "deadline": deadline if isinstance(deadline, str) else "",
            "options": "|".join(option.replace("\\", "\\\\").replace("|", "\\|") for option in options),
            "tags": "", "criteria": "", "outcome": "", "resolved_on": "",
        }
        assert set(cells) == set(QUESTION_COLUMNS)
        try:
            _question_row(session, cells, number, problems, counts, today)
        except _RowProblem as problem:
            problems.add(number, problem.column, problem.message)


def _probability_cell(candidate: dict, scale) -> str:
    """The phrase when it still reads as the candidate's probability (keeping the verbal reading), else the number."""
    value = candidate.get("probability")
    phrase = candidate.get("phrase")
    if isinstance(value, bool) or not isinstance(value, (int, float, str)) or (
        isinstance(value, float) and not math.isfinite(value)
    ):
        raise _RowProblem("probability", f"probability {value!r} is not accepted; give a number from 0 to 1, "
                                         "a percent such as \"35%\", or a phrase of the verbal scale")
    if isinstance(value, str):
        return value
    if isinstance(phrase, str) and candidate.get("scale_version"):
        try:
            if read_probability(phrase, scale).probability == value:
                return phrase
        except TrackrecordError:
            pass
    return repr(float(value))


def _forecast_row(candidate: dict, scale) -> list[str]:
    question = _suggested(candidate)
    cells = {
        "question": _text(question, "slug", "question"),
        "expert": _text(candidate, "expert", "expert"),
        "probability": _probability_cell(candidate, scale),
        "made_on": _text(candidate, "made_on", "made_on"),
        "option": _text(candidate, "option", "option", required=False),
        "window": _text(candidate, "window", "window", required=False),
        "quote": _text(candidate, "quote", "quote", required=False),
        "source": _text(candidate, "source", "source", required=False),
    }
    return [csv_cell(cells[column]) if column != "probability" else cells[column] for column in FORECAST_COLUMNS]
