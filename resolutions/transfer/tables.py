r"""CSV tables: questions, forecasts and wide expert × question matrices.

The kind of a CSV file is recognised from its header row:

- questions: ``question,title,kind,deadline,options,tags,criteria,outcome,resolved_on``;
  options and tags are separated by ``|``; a ``|`` inside a label is written ``\|`` and a
  backslash ``\\``; outcome is ``yes``, ``no``, an option (or ``other``, or
  ``other:WHAT HAPPENED``), ``happened:DATE``, ``not-by:DATE``, ``annulled`` or empty; resolved_on is
  the day the outcome became known for yes/no/option/other/annulled (empty: as
  ``trackrecord resolve`` defaults it).
- forecasts: ``question,expert,probability,made_on,option,window,quote,source``;
  probability and window as ``trackrecord forecast add`` accepts them (verbal phrases
  through the chosen scale, window phrases relative to made_on).
- wide matrix: ``expert,<question-slug>,...``, one row per expert, each cell a
  probability or percent (blank: no forecast), all made on ``--made-on``; binary
  questions only.

A row is checked as completely as the command line would check it (future dates,
deadlines and hindsight are refused), with one exception: a forecast on an annulled
question is accepted, since an exported record carries them (they are never scored).
Every problem is reported as ``FILE, line N, column C: …``: the valid rows are written
and the problems come back as skipped lines; the caller keeps them (``--skip-invalid``)
or rolls everything back. Re-importing a file adds nothing: an identical question or
resolution is skipped, and a forecast with the same expert, claim, made_on and
probability is already present.

Forecasts are written through ``bulk.ForecastWriter`` in batches.

Unknown experts are refused unless ``add_experts``; then a new name close to a known
expert or to another new name of the same import ("Ada Okafr" beside "Ada Okafor") is
refused, all of them listed, unless ``distinct``; names that differ only in their digits
("Entrant 0041", "Entrant 0042") are ids, never close.

Export writes the record as it stands now: ``questions.csv`` (each question with its
current title, deadline and tags and its *current* resolution; the JSON document keeps
the full history) and ``forecasts.csv`` (probabilities as numbers; the
verbal phrase, scale and note live in the JSON document only). Both use exactly the
import formats. Every cell is written and read by the one rule of
``forecasts.csvcells``: a text that a spreadsheet could take for a formula (``=1+1``,
`` =1``, ``\t=1``, ``＝1``), that starts with ``'`` or that starts or ends with whitespace
gets one leading ``'``, which import removes again; the probability column holds numbers
and is never marked; a text holding CR or LF is quoted. Export → import → export is
byte-identical.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from operator import itemgetter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select
from sqlmodel import Session

from trackrecord.forecasts.csvcells import CsvWriter, restore
from trackrecord.forecasts.changes import live_forecasts, question_changes
from trackrecord.forecasts.errors import Conflict, InvalidInput, TrackrecordError
from trackrecord.forecasts.experts import add_expert, close_spellings, current_names, expert_spellings, find_expert
from trackrecord.forecasts.forecasting import made_on_problem
from trackrecord.forecasts.models import Claim, Forecast, Question, QuestionOption, Resolution, utcnow
from trackrecord.forecasts.names import name_key
from trackrecord.forecasts.parsing import parse_date
from trackrecord.forecasts.questions import OTHER, add_question, base_tags, options_of, question_details, question_now
from trackrecord.forecasts.verbal import read_probability
from trackrecord.forecasts.windows import parse_window_phrase
from trackrecord.resolutions.outcomes import claim_outcomes
from trackrecord.resolutions.resolving import current_resolution, resolve
from trackrecord.resolutions.transfer.bulk import ForecastWriter, NewClaim
from trackrecord.resolutions.transfer.files import atomic_file, check_target
from trackrecord.resolutions.transfer.document import ImportCounts, import_document, read_document

QUESTION_COLUMNS = ("question", "title", "kind", "deadline", "options", "tags", "criteria", "outcome", "resolved_on")
FORECAST_COLUMNS = ("question", "expert", "probability", "made_on", "option", "window", "quote", "source")


class RowErrors(InvalidInput):
    """Rows of one or more files that cannot be imported, one message per problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} invalid rows: {errors[0]}")
        self.errors = errors


@dataclass
class FileResult:
    counts: ImportCounts
    skipped: list[str] = field(default_factory=list)


class Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: list[str] = []

    def add(self, line: int, column: str, message: str) -> None:
        self.lines.append(f"{self.file}, line {line}, column {column}: {message}")


def import_file(
    *,
    session: Session,
    path: Path,
    today: dt.date,
    scale=None,
    add_experts: bool = False,
    made_on: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
    distinct: bool = False,
) -> FileResult:
    """Import one JSON document or CSV table into ``session``.

    The rows that could not be imported come back in ``skipped`` (the valid ones are
    written); a caller that wants all or nothing raises ``RowErrors`` with them, which
    rolls the transaction back.
    """
    if path.suffix.lower() == ".json":
        from trackrecord.resolutions.transfer.candidates import import_candidates, is_candidates

        document = read_document(path)
        if is_candidates(document):  # extract's output, reviewed
            return import_candidates(session=session, document=document, name=str(path), today=today, scale=scale,
                                     distinct=distinct)
        return FileResult(import_document(session=session, document=document, name=str(path)))
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            header = [unicodedata.normalize("NFC", cell).strip().lower() for cell in next(reader, [])]
            problems = Problems(str(path))
            counts = ImportCounts()
            rows = ((reader.line_num, row) for row in reader if "".join(row).strip())
            if set(header) == set(QUESTION_COLUMNS) and len(header) == len(QUESTION_COLUMNS):
                _import_questions(session, header, rows, problems, counts, today)
            elif set(header) == set(FORECAST_COLUMNS) and len(header) == len(FORECAST_COLUMNS):
                sink = _ForecastSink(session, problems, counts, today, add_experts, progress, distinct)
                _import_forecasts(sink, header, rows, scale)
                sink.finish()
            elif header and header[0] == "expert" and len(header) > 1:
                if made_on is None:
                    raise InvalidInput(f"{path} is a wide matrix (expert, question, …): give --made-on DATE for its forecasts")
                sink = _ForecastSink(session, problems, counts, today, add_experts, progress, distinct)
                _import_wide(sink, header, rows, scale, made_on)
                sink.finish()
            else:
                raise InvalidInput(
                    f"{path}, line 1: header {','.join(header)!r} is not recognised; give "
                    f"{','.join(QUESTION_COLUMNS)} (questions), {','.join(FORECAST_COLUMNS)} (forecasts) "
                    "or expert,<question-slug>,… (a wide matrix)"
                )
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as error:
        raise InvalidInput(f"{path} is not a readable CSV file ({error})") from None
    return FileResult(counts, problems.lines)


def _cells(header: list[str], row: list[str], line: int, problems: Problems) -> dict[str, str] | None:
    if len(row) != len(header):
        problems.add(line, "-", f"row has {len(row)} cells, the header has {len(header)}")
        return None
    return {name: restore(cell) for name, cell in zip(header, row)}


# --- questions ----------------------------------------------------------------------


_ESCAPED = re.compile(r"\\(.)|\|")


def _split(text: str) -> list[str]:
    r"""The ``|``-separated labels of a cell, ``\|`` and ``\\`` read as a literal ``|`` and ``\``."""
    parts, current, end = [], [], 0
    for match in _ESCAPED.finditer(text):
        current.append(text[end:match.start()])
        if match.group(1) is not None:
            current.append(match.group(1))
        else:
            parts.append("".join(current))
            current = []
        end = match.end()
    parts.append("".join(current) + text[end:])
    return [part.strip() for part in parts if part.strip()]


def _join(labels) -> str:
    """Labels as one cell, the inverse of ``_split``."""
    return "|".join(label.replace("\\", "\\\\").replace("|", "\\|") for label in labels)


def _import_questions(session, header, rows, problems: Problems, counts: ImportCounts, today: dt.date) -> None:
    for line, row in rows:
        cells = _cells(header, row, line, problems)
        if cells is not None:
            try:
                _question_row(session, cells, line, problems, counts, today)
            except _RowProblem as problem:
                problems.add(line, problem.column, problem.message)


class _RowProblem(Exception):
    def __init__(self, column: str, message: str) -> None:
        self.column, self.message = column, message


def _checked(column: str, read, *args, **kwargs):
    try:
        return read(*args, **kwargs)
    except TrackrecordError as error:
        raise _RowProblem(column, str(error)) from None


def _question_row(session, cells, line, problems, counts, today) -> None:
    slug = cells["question"]
    kind = cells["kind"].lower()
    if kind not in ("binary", "choice", "date"):
        raise _RowProblem("kind", f"kind {cells['kind']!r} is not accepted; give binary, choice or date")
    deadline = _checked("deadline", parse_date, cells["deadline"], what="deadline") if cells["deadline"] else None
    if cells["resolved_on"]:
        resolved_on = _checked("resolved_on", parse_date, cells["resolved_on"], what="resolved_on date")
        if resolved_on > today:
            raise _RowProblem("resolved_on", f"resolved_on {resolved_on.isoformat()} is in the future; give a date on or before {today.isoformat()}")
    else:
        resolved_on = None
    wanted = {
        "title": cells["title"],
        "kind": kind,
        "deadline": deadline,
        "options": _split(cells["options"]),
        "tags": sorted(dict.fromkeys(tag.lower() for tag in _split(cells["tags"]))),
        "criteria": cells["criteria"] or None,
    }
    outcome = _outcome(cells["outcome"], kind, wanted["options"], resolved_on)
    existing = session.exec(select(Question).where(Question.slug == slug)).first() if slug else None
    if existing is not None:
        have = question_details(session=session, question=existing, current=True)
        differs = [key for key in wanted if have[key] != wanted[key]]
        if differs:
            raise _RowProblem("question", f"question {slug!r} already exists with a different {', '.join(differs)}")
        counts.present += 1
    else:
        column = "options" if kind == "choice" and len(wanted["options"]) < 2 else "question"
        _checked(column, add_question, session=session, slug=slug, **wanted)
        counts.add("questions")
    if outcome is None:
        return
    question = existing or session.exec(select(Question).where(Question.slug == slug)).one()
    current = current_resolution(session=session, question=question)
    if current is not None and _same_resolution(session, current, outcome):
        counts.present += 1
        return
    _checked("outcome", resolve, session=session, question=slug, today=today, **outcome)
    counts.add("resolutions")


def _outcome(text: str, kind: str, options: list[str], resolved_on: dt.date | None) -> dict | None:
    """The ``resolve`` arguments the outcome cell asks for (checked against the row itself)."""
    if not text:
        if resolved_on is not None:
            raise _RowProblem("resolved_on", "resolved_on is given but outcome is empty; give the outcome too")
        return None
    lowered = text.strip().lower()
    if lowered == "annulled":
        return {"annul": True, "on": resolved_on}
    head, _, rest = lowered.partition(":")
    if kind == "date":
        if head not in ("happened", "not-by") or not rest:
            raise _RowProblem("outcome", f"outcome {text!r} is not accepted for a date question; give happened:DATE, not-by:DATE or annulled")
        if resolved_on is not None:
            raise _RowProblem("resolved_on", "leave resolved_on empty for happened:/not-by: outcomes (the date is in the outcome)")
        day = _checked("outcome", parse_date, rest, what="outcome date")
        return {"happened_on": day} if head == "happened" else {"not_by": day}
    if kind == "binary":
        if lowered not in ("yes", "no"):
            raise _RowProblem("outcome", f"outcome {text!r} is not accepted for a binary question; give yes, no or annulled")
        return {"outcome": lowered, "on": resolved_on}
    if name_key(text) not in {name_key(option) for option in options}:
        if name_key(head) == OTHER and rest.strip():
            return {"outcome": OTHER, "other_label": text.partition(":")[2].strip(), "on": resolved_on}
        if name_key(text) != OTHER:
            raise _RowProblem(
                "outcome", f"outcome {text!r} is not one of the options {'|'.join(options)}, 'other', 'other:WHAT HAPPENED' or annulled"
            )
    return {"outcome": text, "on": resolved_on}


def _same_resolution(session, current: Resolution, outcome: dict) -> bool:
    if outcome.get("annul"):
        return current.outcome == "annulled" and outcome["on"] in (None, current.known_on)
    if "happened_on" in outcome:
        return current.outcome == "happened" and current.event_on == outcome["happened_on"]
    if "not_by" in outcome:
        return current.outcome == "not_by" and current.event_on == outcome["not_by"]
    if outcome["on"] not in (None, current.known_on):
        return False
    key = name_key(outcome["outcome"])
    if current.outcome == "other":
        return key == OTHER and (outcome.get("other_label") or None) == current.other_label
    if current.outcome in ("yes", "no"):
        return current.outcome == key
    if current.outcome == "option":
        return session.get(QuestionOption, current.option_id).label_key == key
    return False


# --- forecasts ----------------------------------------------------------------------


@dataclass
class _QuestionInfo:
    id: int
    slug: str
    kind: str
    deadline: dt.date | None
    claims: dict[str, int]  # claim key -> id


class _ForecastSink:
    """What a forecast row is checked against, loaded once, and where valid rows go."""

    def __init__(self, session: Session, problems: Problems, counts: ImportCounts, today, add_experts, progress, distinct=False) -> None:
        self.session, self.problems, self.counts, self.today = session, problems, counts, today
        self.add_experts, self.distinct = add_experts, distinct
        self.recorded_at = utcnow()
        connection = session.connection()
        # Every spelling that names an expert now (names, aliases, slugs, former names).
        self.expert_ids: dict[str, int] = expert_spellings(session=session)
        self.new_experts: list[str] = []
        self.expert_cache: dict[str, int | str] = {}
        self.questions: dict[str, _QuestionInfo] = {}
        by_id: dict[int, _QuestionInfo] = {}
        removed = {q for q, edits in question_changes(session).items() if edits.removed is not None}
        for question_id, slug, kind, deadline in connection.execute(select(Question.id, Question.slug, Question.kind, Question.deadline)):
            info = _QuestionInfo(question_id, slug, kind, deadline, {})
            by_id[question_id] = info
            if question_id not in removed:
                self.questions[slug] = info
        outcomes = claim_outcomes().subquery()
        self.claim_deadline: dict[int, dt.date] = {}
        for claim_id, question_id, key, deadline in connection.execute(
            select(outcomes.c.claim_id, outcomes.c.question_id, outcomes.c.key, outcomes.c.deadline)
        ):
            by_id[question_id].claims[key] = claim_id
            self.claim_deadline[claim_id] = deadline
        self.claim_known: dict[int, dt.date] = dict(
            connection.execute(
                select(outcomes.c.claim_id, outcomes.c.known_on).where(
                    outcomes.c.known_on.is_not(None), outcomes.c.annulled.is_(False)
                )
            ).all()
        )
        self.existing: set[tuple] = {
            tuple(row)
            for row in connection.execute(select(Forecast.expert_id, Forecast.claim_id, Forecast.made_on, Forecast.probability))
        }
        # Each date question's current resolution, for the windows this file adds.
        newest = select(func.max(Resolution.id)).group_by(Resolution.question_id)
        self.date_resolutions: dict[int, tuple[str, dt.date | None]] = {
            question_id: (outcome, event_on)
            for question_id, outcome, event_on in connection.execute(
                select(Resolution.question_id, Resolution.outcome, Resolution.event_on)
                .join(Question, Question.id == Resolution.question_id)
                .where(Question.kind == "date", Resolution.id.in_(newest))
            )
        }
        self.writer = ForecastWriter(connection, progress)
        self.added = 0  # forecasts queued, counted in ``counts`` when finished
        self.good_days: set[dt.date] = set()  # made_on dates already checked

    def expert(self, text: str) -> int | str:
        """The expert's id, or the name to create (with add_experts); raises _RowProblem."""
        found = self.expert_cache.get(text)
        if found is not None:
            return found
        if not name_key(text):
            raise _RowProblem("expert", "expert is empty; give the expert's name, alias or slug")
        if "\x00" in text:  # before any lookup: PostgreSQL refuses NUL even in a query
            raise _RowProblem("expert", "expert name contains a NUL character (\\x00); remove it")
        key = name_key(text)
        found = self.expert_ids.get(key) or self.expert_ids.get(" ".join(unicodedata.normalize("NFC", text).split()).casefold())
        if found is None:
            if not self.add_experts:
                try:
                    find_expert(session=self.session, name=text)
                except TrackrecordError as error:
                    raise _RowProblem("expert", f"{error}; or pass --add-experts to create it") from None
            found = text
        self.expert_cache[text] = found
        return found

    def question(self, slug: str, column: str = "question") -> _QuestionInfo:
        info = self.questions.get(slug.strip().lower())
        if info is None:
            raise _RowProblem(column, f"no question {slug!r}; import its questions CSV first or add it with 'trackrecord question add'")
        return info

    def claim(self, info: _QuestionInfo, option: str, window, column: str) -> int | NewClaim | tuple:
        """The claim id (or the ``NewClaim`` standing in for it), or a window to create as ("window", Window)."""
        if info.kind != "choice" and option:
            raise _RowProblem("option", f"option is for choice questions; {info.slug!r} is a {info.kind} question")
        if info.kind != "date" and window is not None:
            raise _RowProblem("window", f"window is for date questions; {info.slug!r} is a {info.kind} question")
        if info.kind == "binary":
            return info.claims["yes"]
        if info.kind == "choice":
            if not option:
                raise _RowProblem("option", f"question {info.slug!r} is a choice question; give the option")
            claim_id = info.claims.get(f"option:{name_key(option)}")
            if claim_id is None:
                labels = [o.label for o in options_of(session=self.session, question=self.session.get(Question, info.id))]
                raise _RowProblem("option", f"option {option!r} is not on question {info.slug!r}; its options are {', '.join(labels)}")
            return claim_id
        if window is None:
            raise _RowProblem("window", f"question {info.slug!r} is a date question; give the window FROM..TO or a phrase")
        return info.claims.get(window.key) or ("window", window)

    def add(self, line: int, info: _QuestionInfo, claim, expert, reading, made_on: dt.date, quote=None, source=None, date_column="made_on") -> None:
        """Check the forecast against the record and queue it; raises _RowProblem."""
        if made_on not in self.good_days:
            problem = made_on_problem(made_on, self.today)
            if problem:
                raise _RowProblem(date_column, problem)
            self.good_days.add(made_on)
        if quote or source:
            for column, text in (("quote", quote), ("source", source)):
                if text and "\x00" in text:  # rows here bypass the ORM's check (forecasts.models.check_text)
                    raise _RowProblem(column, f"forecast {column} contains a NUL character (\\x00); remove it")
        if isinstance(claim, tuple):
            deadline, known = claim[1].end, self._new_window_known(info, claim[1])
        else:
            deadline, known = self.claim_deadline[claim], self.claim_known.get(claim)
        if made_on >= deadline:
            raise _RowProblem(
                date_column,
                f"forecast made on {made_on.isoformat()} is on or after the claim's deadline {deadline.isoformat()}; "
                "only forecasts made before the deadline are recorded",
            )
        if known is not None and made_on >= known:
            raise _RowProblem(
                date_column,
                f"forecast made on {made_on.isoformat()} is on or after {known.isoformat()}, when the claim's outcome "
                "became known; hindsight is not recorded",
            )
        expert_id = expert if type(expert) is int else None
        claim_id = None if type(claim) is tuple else claim
        if expert_id is not None and claim_id is not None:
            key = (expert_id, claim_id, made_on, reading.probability)
            if key in self.existing:
                self.counts.present += 1
                return
        else:  # a new expert or a new claim: nothing recorded can be this forecast yet
            if expert_id is None:
                expert_id = add_expert(session=self.session, name=expert, distinct=True).id
                self.counts.add("experts")
                self.new_experts.append(" ".join(expert.split()))
                self.expert_cache[expert] = self.expert_ids[name_key(expert)] = expert_id
            if claim_id is None:
                window = claim[1]
                claim_id = info.claims[window.key] = self.writer.new_claim(question_id=info.id, window=window)
                self.claim_deadline[claim_id] = window.end
                if known is not None:
                    self.claim_known[claim_id] = known
            key = (expert_id, claim_id, made_on, reading.probability)
        self.existing.add(key)
        self.writer.add(
            claim_id=claim_id,
            expert_id=expert_id,
            probability=reading.probability,
            made_on=made_on,
            recorded_at=self.recorded_at,
            quote=quote or None,
            source=source or None,
            phrase=reading.phrase,
            scale=reading.scale_version,
        )
        self.added += 1

    def _new_window_known(self, info: _QuestionInfo, window):
        """When a window not yet in the record would be known, from the question's current
        resolution: ``claim_outcomes``' known_on for a window claim, in Python."""
        outcome, event_on = self.date_resolutions.get(info.id, (None, None))
        if outcome == "happened":
            return min(event_on, window.end)
        if outcome == "not_by" and window.end <= event_on:
            return window.end
        return None

    def finish(self) -> None:
        if self.new_experts and not self.distinct:
            self._refuse_close_names()
        self.writer.finish()
        self.counts.add("forecasts", self.added)
        self.added = 0

    def _refuse_close_names(self) -> None:
        """Refuse new experts spelled close to a known expert or to each other (see the module doc)."""
        new_keys = {name_key(name): name for name in self.new_experts}
        known = {key: expert_id for key, expert_id in self.expert_ids.items() if key not in new_keys}
        close = close_spellings(list(new_keys), known)
        if close:
            names = current_names(session=self.session, ids={i for i in close.values() if isinstance(i, int)})
            shown = [
                f"{new_keys[key]!r} ~ {names[other] if isinstance(other, int) else new_keys[other]!r}" for key, other in list(close.items())[:8]
            ]
            more = f" and {len(close) - 8} more" if len(close) > 8 else ""
            raise Conflict(
                f"{len(close)} new expert name{'s are' if len(close) != 1 else ' is'} close to another expert's: "
                f"{'; '.join(shown)}{more}; if they are the same person, join the spelling with 'trackrecord expert alias' "
                "first; if they are different people, import with --distinct"
            )


class _Cache(dict):
    def __init__(self, read):
        super().__init__()
        self.read = read

    def __missing__(self, key):
        value = self[key] = self.read(key)
        return value


def _import_forecasts(sink: _ForecastSink, header, rows, scale) -> None:
    probabilities = _Cache(lambda text: read_probability(text, scale))
    dates = _Cache(lambda text: parse_date(text, what="made-on date"))
    windows: dict[tuple, object] = {}
    width = len(header)
    pick = itemgetter(*(header.index(name) for name in FORECAST_COLUMNS))
    problems = sink.problems
    for line, row in rows:
        if len(row) != width:
            problems.add(line, "-", f"row has {len(row)} cells, the header has {width}")
            continue
        cells = pick(row)
        cells = list(map(restore if "'" in "".join(cells) else str.strip, cells))
        slug, expert_name, probability, made_text, option, window_text, quote, source = cells
        failed = False
        try:
            info = sink.question(slug)
        except _RowProblem as problem:
            problems.add(line, problem.column, problem.message)
            failed = True
        try:
            expert = sink.expert(expert_name)
        except _RowProblem as problem:
            problems.add(line, problem.column, problem.message)
            failed = True
        try:
            reading = probabilities[probability]
        except TrackrecordError as error:
            problems.add(line, "probability", str(error))
            failed = True
        try:
            made_on = dates[made_text]
        except TrackrecordError as error:
            problems.add(line, "made_on", str(error))
            failed = True
        if failed:
            continue
        try:
            window = None
            if window_text:
                key = (window_text, made_on)
                window = windows.get(key)
                if window is None:
                    window = windows[key] = _checked("window", parse_window_phrase, window_text, made_on=made_on)
            claim = sink.claim(info, option, window, "question")
            sink.add(line, info, claim, expert, reading, made_on, quote, source)
        except _RowProblem as problem:
            problems.add(line, problem.column, problem.message)


def _import_wide(sink: _ForecastSink, header, rows, scale, made_on: dt.date) -> None:
    columns: list[tuple[str, _QuestionInfo | None, str | None]] = []
    for slug in header[1:]:
        try:
            info = sink.question(slug, column=slug)
        except _RowProblem as problem:
            sink.problems.add(1, slug, problem.message)
            info = None
        refusal = None
        if info is not None and info.kind != "binary":
            refusal = f"question {slug!r} is a {info.kind} question; a wide matrix holds binary questions only"
        columns.append((slug, info, refusal))
    probabilities = _Cache(lambda text: read_probability(text, scale))
    for line, row in rows:
        cells = [restore(cell) for cell in row]
        if len(cells) != len(header):
            sink.problems.add(line, "-", f"row has {len(cells)} cells, the header has {len(header)}")
            continue
        try:
            expert = sink.expert(cells[0])
        except _RowProblem as problem:
            sink.problems.add(line, problem.column, problem.message)
            continue
        for (slug, info, refusal), cell in zip(columns, cells[1:]):
            if not cell or info is None:
                continue
            try:
                if refusal:
                    raise _RowProblem(slug, refusal)
                reading = _checked(slug, probabilities.__getitem__, cell)
                sink.add(line, info, info.claims["yes"], expert, reading, made_on, date_column=slug)
                if isinstance(expert, str):
                    expert = sink.expert(cells[0])
            except _RowProblem as problem:
                sink.problems.add(line, problem.column, problem.message)


# --- export -------------------------------------------------------------------------


def export_tables(*, session: Session, folder: Path, force: bool = False) -> list[Path]:
    """Write questions.csv and forecasts.csv into ``folder``, in the import formats: each
    file whole or not at all (``files.atomic_file``); existing ones replaced only with ``force``."""
    questions_path, forecasts_path = folder / "questions.csv", folder / "forecasts.csv"
    for path in (questions_path, forecasts_path):  # both checked before either is written
        check_target(path, force=force, option="--output folder's")
    labels = dict(session.exec(select(QuestionOption.id, QuestionOption.label)).all())
    questions = session.exec(select(Question).order_by(Question.slug)).all()
    newest = dict(
        session.exec(select(Resolution.question_id, func.max(Resolution.id)).group_by(Resolution.question_id)).all()
    )
    with atomic_file(questions_path, newline="") as handle:
        writer = CsvWriter(handle)
        writer.writerow(QUESTION_COLUMNS)
        edits, tags = question_changes(session), base_tags(session=session)
        for question in questions:
            now = question_now(question, edits.get(question.id), tags.get(question.id, []))
            if now.removed:
                continue
            outcome, resolved_on = "", None
            if question.id in newest:
                resolution = session.get(Resolution, newest[question.id])
                outcome, resolved_on = _outcome_cell(resolution, labels)
            writer.writerow((
                question.slug, now.title, question.kind,
                now.deadline.isoformat() if now.deadline else "",
                _join(o.label for o in options_of(session=session, question=question)),
                _join(now.tags),
                now.criteria, outcome, resolved_on.isoformat() if resolved_on else "",
            ))
    slugs = {question.id: question.slug for question in questions}
    names = current_names(session=session)
    query = (
        select(
            Claim.question_id, Forecast.expert_id, Forecast.probability, Forecast.made_on, Claim.option_id,
            Claim.window_start, Claim.window_end, Forecast.quote, Forecast.source,
        )
        .join(Claim, Claim.id == Forecast.claim_id)
        .where(live_forecasts(session))
        .order_by(Forecast.id)
    )
    with atomic_file(forecasts_path, newline="") as handle:
        writer = CsvWriter(handle)
        writer.writerow(FORECAST_COLUMNS)
        for question_id, expert_id, probability, made_on, option_id, start, end, quote, source in session.execute(query):
            window = f"{start.isoformat() if start else ''}..{end.isoformat()}" if end else ""
            writer.writerow((  # probability: a number, never marked (forecasts.csvcells)
                slugs[question_id], names[expert_id], float(probability), made_on.isoformat(),
                labels.get(option_id, "") if option_id else "", window, quote, source,
            ))
    return [questions_path, forecasts_path]


def _outcome_cell(resolution: Resolution, labels: dict[int, str]) -> tuple[str, dt.date | None]:
    if resolution.outcome == "happened":
        return f"happened:{resolution.event_on.isoformat()}", None
    if resolution.outcome == "not_by":
        return f"not-by:{resolution.event_on.isoformat()}", None
    if resolution.outcome == "option":
        return labels[resolution.option_id], resolution.known_on
    if resolution.outcome == "other" and resolution.other_label:
        return f"other:{resolution.other_label}", resolution.known_on
    return resolution.outcome, resolution.known_on
