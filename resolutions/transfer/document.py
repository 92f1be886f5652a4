"""The whole record as one JSON document, and loading such a document back.

Layout (``format: trackrecord``, ``version: 2``), in a stable order so that export →
import into an empty database → export is byte-identical. Every row is written as it
was created; what changed since travels as changes, replayed on import, so the history
survives the round trip:

- ``experts``: by name key; name (as created), slug, affiliation, aliases (sorted);
- ``questions``: in creation order; slug, title, kind, deadline, options (in order),
  tags (sorted), criteria, all as created;
- ``windows``: the date windows forecast so far, in creation order; question, window,
  and ``before``: the question created just after it (null: after all of them). Import
  recreates questions and windows interleaved as they were, so every claim keeps its
  place in the order of claims (no score depends on that order any more: scoring
  numbers claims by question slug and claim key, ``resolutions.record``);
- ``forecasts``: in recording order; expert (name), question (slug), the claim as
  ``option`` or ``window`` (``FROM..TO`` / ``..TO``; neither for binary), probability,
  phrase, scale, made_on, recorded_at, quote, source, note;
- ``resolutions``: in recording order, so each question's history replays as it was
  recorded; question, outcome (as stored: yes, no, option, other, happened, not_by,
  annulled), option, label (what happened, for ``other``), event_on, known_on,
  evidence, note, forced, recorded_at;
- ``changes``: expert and question changes in recording order; subject (expert or
  question), name (the expert's name as created, or the slug), action, value, target
  (for a merge: the name as created of the expert merged into), reason, changed_by,
  recorded_at;
- ``forecast_changes``: in recording order; forecast (its 1-based position in
  ``forecasts``), action (retract, correct, move), replacement (position, or null),
  reason, changed_by, recorded_at;
- ``chain``: tamper evidence for the document itself: for each section above, in that
  order, SHA-256 of the previous section's link, the section's name and its canonical
  JSON (sorted keys, no spaces); the first link follows 64 zeros. Import recomputes it
  and refuses a document whose sections were edited after export, naming the first
  one (a hand-made or hand-edited document imports without ``chain``). It depends on
  the content only, so the round trip above stays byte-identical. (The record's own
  chain, ``forecasts/chain.py``, links database rows and is re-made by the importing
  record: its head is reported by ``export --output``, not stored here.)

Version 1 documents (no changes) are read as well.

Import is history, not new testimony: forecasts keep their ``recorded_at`` and are
checked against the deadline rule only (a faithful record may hold forecasts recorded
before a later resolution); resolutions replay in order, and a step that is not
progress on a date question must carry ``forced`` as it did originally. Importing the
same document twice adds nothing: identical experts and questions are skipped (a
question that exists differently is an error naming it), a forecast identical in
expert, claim, made_on, probability and recorded_at (or phrase) is skipped, and a
resolution history already present (or a prefix of the document's) is completed, never
duplicated.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from trackrecord.forecasts.errors import Conflict, InvalidInput
from trackrecord.forecasts.experts import _attach_aliases, _base_lookup, _lookup, add_expert, find_expert
from trackrecord.forecasts.changes import question_changes
from trackrecord.forecasts.forecasting import made_on_problem
from trackrecord.forecasts.models import Claim, Expert, ExpertAlias, Forecast, ForecastChange, Question, QuestionOption, RecordChange, Resolution, as_utc, check_text
from trackrecord.forecasts.names import name_key
from trackrecord.forecasts.parsing import parse_date, parse_window
from trackrecord.forecasts.questions import (
    add_option_row,
    add_question,
    claim_for,
    created_options_and_tags,
    find_option,
    find_question,
    options_of,
    question_details,
)
from trackrecord.resolutions.resolving import _moves_forward

FORMAT = "trackrecord"
VERSION = 2
READABLE_VERSIONS = (1, 2)


@dataclass
class ImportCounts:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("experts", "questions", "forecasts", "resolutions"), 0))
    present: int = 0

    def merge(self, other: "ImportCounts") -> None:
        for key, value in other.added.items():
            self.add(key, value)
        self.present += other.present

    def add(self, kind: str, number: int = 1) -> None:
        self.added[kind] = self.added.get(kind, 0) + number


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _claim_fields(claim: Claim, option_labels: dict[int, str]) -> dict:
    if claim.option_id is not None:
        return {"option": option_labels[claim.option_id]}
    if claim.window_end is not None:
        start = claim.window_start.isoformat() if claim.window_start else ""
        return {"window": f"{start}..{claim.window_end.isoformat()}"}
    return {}


def export_document(*, session: Session) -> dict:
    """The whole record, in the stable order described above."""
    aliases: dict[int, list[str]] = {}
    for expert_id, alias in session.exec(select(ExpertAlias.expert_id, ExpertAlias.alias).order_by(ExpertAlias.alias)).all():
        aliases.setdefault(expert_id, []).append(alias)
    experts = session.exec(select(Expert).order_by(Expert.name_key)).all()
    expert_names = {expert.id: expert.name for expert in experts}
    option_labels = dict(session.exec(select(QuestionOption.id, QuestionOption.label)).all())
    questions = session.exec(select(Question).order_by(Question.id)).all()
    slugs = {question.id: question.slug for question in questions}
    created = created_options_and_tags(session=session)
    claims = {claim.id: claim for claim in session.exec(select(Claim)).all()}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "experts": [
            {"name": e.name, "slug": e.slug, "affiliation": e.affiliation, "aliases": aliases.get(e.id, [])}
            for e in experts
        ],
        "questions": [
            {
                "slug": q.slug,
                "title": q.title,
                "kind": q.kind,
                "deadline": _iso(q.deadline),
                "options": created.get(q.id, ([], []))[0],
                "tags": created.get(q.id, ([], []))[1],
                "criteria": q.criteria,
            }
            for q in questions
        ],
        "windows": [],
        "forecasts": [],
        "resolutions": [],
    }
    first_claim = dict(session.exec(select(Claim.question_id, func.min(Claim.id)).where(Claim.window_end.is_(None)).group_by(Claim.question_id)).all())
    starts = sorted((first_claim[q.id], q.slug) for q in questions if q.id in first_claim)
    start_ids = [claim_id for claim_id, _ in starts]
    for claim in sorted((c for c in claims.values() if c.window_end is not None), key=lambda c: c.id):
        after = bisect.bisect_right(start_ids, claim.id)  # the first question started after the window
        later = starts[after][1] if after < len(starts) else None
        document["windows"].append({"question": slugs[claim.question_id], **_claim_fields(claim, option_labels), "before": later})
    position: dict[int, int] = {}
    for forecast in session.exec(select(Forecast).order_by(Forecast.id)).all():
        position[forecast.id] = len(position) + 1
        claim = claims[forecast.claim_id]
        document["forecasts"].append(
            {
                "expert": expert_names[forecast.expert_id],
                "question": slugs[claim.question_id],
                **_claim_fields(claim, option_labels),
                "probability": forecast.probability,
                "phrase": forecast.phrase,
                "scale": forecast.scale,
                "made_on": _iso(forecast.made_on),
                "recorded_at": _iso(forecast.recorded_at),
                "quote": forecast.quote,
                "source": forecast.source,
                "note": forecast.note,
            }
        )
    for resolution in session.exec(select(Resolution).order_by(Resolution.id)).all():
        document["resolutions"].append(
            {
                "question": slugs[resolution.question_id],
                "outcome": resolution.outcome,
                "option": option_labels.get(resolution.option_id) if resolution.option_id else None,
                "label": resolution.other_label,
                "event_on": _iso(resolution.event_on),
                "known_on": _iso(resolution.known_on),
                "evidence": resolution.evidence,
                "note": resolution.note,
                "forced": resolution.forced,
                "recorded_at": _iso(resolution.recorded_at),
            }
        )
    document["changes"] = [
        {
            "subject": change.subject,
            "name": expert_names[change.subject_id] if change.subject == "expert" else slugs[change.subject_id],
            "action": change.action,
            "value": change.value,
            "target": expert_names[change.target_id] if change.action == "merge" else None,
            "reason": change.reason,
            "changed_by": change.changed_by,
            "recorded_at": _iso(change.recorded_at),
        }
        for change in session.exec(select(RecordChange).order_by(RecordChange.id)).all()
    ]
    document["forecast_changes"] = [
        {
            "forecast": position[change.forecast_id],
            "action": change.action,
            "replacement": position.get(change.replacement_id),
            "reason": change.reason,
            "changed_by": change.changed_by,
            "recorded_at": _iso(change.recorded_at),
        }
        for change in session.exec(select(ForecastChange).order_by(ForecastChange.id)).all()
    ]
    document["chain"] = document_chain(document)
    return document


SECTIONS = ("experts", "questions", "windows", "forecasts", "resolutions", "changes", "forecast_changes")


def document_chain(document: dict) -> dict[str, str]:
    """Each section's link of the document's hash chain (see the module text)."""
    import hashlib
    import json

    from trackrecord.forecasts.chain import GENESIS

    previous, links = GENESIS, {}
    for section in SECTIONS:
        canonical = json.dumps(document.get(section, []), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        previous = hashlib.sha256(f"{previous}\n{section}\n{canonical}".encode()).hexdigest()
        links[section] = previous
    return links


def _check_chain(document: dict, name: str) -> None:
    """Refuse a document whose sections differ from its own ``chain`` (edited after export)."""
    stated = document.get("chain")
    if stated is None:
        return
    if not isinstance(stated, dict):
        raise InvalidInput(f"{name}: its 'chain' must be an object of section hashes, as 'trackrecord export' writes it")
    for section, found in document_chain(document).items():
        if stated.get(section) != found:
            raise InvalidInput(
                f"{name}: its {section} were changed after it was exported (the document's chain does not match there); "
                "import an unedited export, or remove the document's 'chain' to import a hand-edited one"
            )


def _date(value: str | None, what: str) -> dt.date | None:
    return None if value in (None, "") else parse_date(value, what=what)


def _datetime(value: str | None, what: str) -> dt.datetime:
    """An ISO date-time; one without a UTC offset is read as UTC."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{what} {value!r} is not an ISO date-time (2025-03-18T09:30:00+00:00)") from None
    return as_utc(parsed)


def _need(record: dict, key: str, where: str):
    if record.get(key) in (None, ""):
        raise InvalidInput(f"{where} has no {key!r}; every record of this kind needs one")
    return record[key]


#: The JSON types a value may have, as the messages name them.
TEXT, NUMBER, WHOLE, FLAG, TEXTS = "text", "a number", "a whole number", "true or false", "a list of text"

#: Each list of the document: what one record is called, and the type of each field
#: (every field may also be null; a missing required field is reported when it is read).
SECTIONS = {
    "experts": ("expert", {"name": TEXT, "slug": TEXT, "affiliation": TEXT, "aliases": TEXTS}),
    "questions": (
        "question",
        {"slug": TEXT, "title": TEXT, "kind": TEXT, "deadline": TEXT, "options": TEXTS, "tags": TEXTS, "criteria": TEXT},
    ),
    "windows": ("window", {"question": TEXT, "window": TEXT, "before": TEXT}),
    "forecasts": (
        "forecast",
        {
            "expert": TEXT, "question": TEXT, "option": TEXT, "window": TEXT, "probability": NUMBER, "phrase": TEXT,
            "scale": TEXT, "made_on": TEXT, "recorded_at": TEXT, "quote": TEXT, "source": TEXT, "note": TEXT,
        },
    ),
    "resolutions": (
        "resolution",
        {
            "question": TEXT, "outcome": TEXT, "option": TEXT, "label": TEXT, "event_on": TEXT, "known_on": TEXT,
            "evidence": TEXT, "note": TEXT, "forced": FLAG, "recorded_at": TEXT,
        },
    ),
    "changes": (
        "change",
        {
            "subject": TEXT, "name": TEXT, "action": TEXT, "value": TEXT, "target": TEXT, "reason": TEXT,
            "changed_by": TEXT, "recorded_at": TEXT,
        },
    ),
    "forecast_changes": (
        "forecast change",
        {"forecast": WHOLE, "action": TEXT, "replacement": WHOLE, "reason": TEXT, "changed_by": TEXT, "recorded_at": TEXT},
    ),
}


def json_type(value) -> str:
    """What a JSON value is, as a message says it: 'a string ('0.5')', 'a list', 'null'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"a string ({shown!r})"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _is(value, expected: str) -> bool:
    if expected == TEXT:
        return isinstance(value, str)
    if expected == FLAG:
        return isinstance(value, bool)
    if expected == WHOLE:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == NUMBER:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(item, str) for item in value)  # TEXTS


def check_document(document, name: str = "document") -> None:
    """Refuse a document whose shape is not an export's: the top level, each list, each
    record and each field's type, with a message naming the first one that is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        shape = f"{json_type(document)}, not an object" if not isinstance(document, dict) else f"an object whose 'format' is {json_type(document.get('format'))}"
        raise InvalidInput(f"{name} is not a trackrecord export (a JSON object whose 'format' is {FORMAT!r}; it is {shape})")
    version = document.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise InvalidInput(
            f"{name} has version {version!r}; this trackrecord reads versions {', '.join(map(str, READABLE_VERSIONS))}"
        )
    for key, (kind, fields) in SECTIONS.items():
        if key not in document:
            continue
        records = document[key]
        if not isinstance(records, list) or not all(isinstance(record, dict) for record in records):
            if isinstance(records, list):
                number, record = next((n, r) for n, r in enumerate(records, 1) if not isinstance(r, dict))
                raise InvalidInput(f"{name}: {kind} #{number} must be an object, got {json_type(record)}")
            raise InvalidInput(f"{name}: {key!r} must be a list of objects, got {json_type(records)}")
        for number, record in enumerate(records, 1):
            for field_name, expected in fields.items():
                value = record.get(field_name)
                if value is not None and not _is(value, expected):
                    got = json_type(value)
                    if expected == TEXTS and isinstance(value, list):
                        got = "a list holding " + json_type(next(item for item in value if not isinstance(item, str)))
                    raise InvalidInput(f"{name}: {kind} #{number}: {field_name!r} must be {expected}, got {got}")


def import_document(*, session: Session, document: dict, name: str = "document") -> ImportCounts:
    """Load ``document`` (as ``export_document`` writes it) into ``session``."""
    check_document(document, name)
    _check_chain(document, name)
    counts = ImportCounts()
    for number, record in enumerate(document.get("experts", []), 1):
        _import_expert(session, record, f"{name}: expert #{number}", counts)
    windows: dict[str | None, list[dict]] = {}
    for number, record in enumerate(document.get("windows", []), 1):
        _need(record, "question", f"{name}: window #{number}")
        _need(record, "window", f"{name}: window #{number}")
        windows.setdefault(record.get("before"), []).append(record)
    window_claims = _Windows(session)
    for number, record in enumerate(document.get("questions", []), 1):
        window_claims.add(windows.pop(record.get("slug"), []))
        _import_question(session, record, f"{name}: question #{number}", counts)
    for waiting in windows.values():
        window_claims.add(waiting)
    _import_changes(session, _records(document, "changes", name), name, counts)
    forecast_changes = _records(document, "forecast_changes", name)
    superseded = {record.get("forecast") for record in forecast_changes}
    ids = _import_forecasts(session, document.get("forecasts", []), name, counts, superseded)
    _import_forecast_changes(session, forecast_changes, ids, name, counts)
    _import_resolutions(session, document.get("resolutions", []), name, counts)
    session.flush()
    return counts


class _Windows:
    """The document's windows, each group (those created before one question) written in
    one flush, in the document's order; questions found once per slug."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.present = set(session.exec(select(Claim.question_id, Claim.key).where(Claim.window_end.is_not(None))).all())
        self.questions: dict[str, Question] = {}

    def add(self, records: list[dict]) -> None:
        new = []
        for record in records:
            slug = record["question"]
            question = self.questions.get(slug)
            if question is None:
                question = self.questions[slug] = find_question(session=self.session, slug=slug)
            window = parse_window(record["window"])
            if question.kind != "date":
                claim_for(session=self.session, question=question, window=window)  # refuses it, saying why
            if (question.id, window.key) not in self.present:
                self.present.add((question.id, window.key))
                new.append(Claim(question_id=question.id, key=window.key, window_start=window.start, window_end=window.end, deadline=window.end))
        if new:
            self.session.add_all(new)
            self.session.flush()


def _import_expert(session: Session, record: dict, where: str, counts: ImportCounts) -> None:
    expert_name = _need(record, "name", where)
    check_text(f"{where}: expert name", expert_name)  # before it is looked up (PostgreSQL refuses NUL in a query)
    aliases = list(record.get("aliases") or [])
    existing = _base_lookup(session, expert_name) or _lookup(session, expert_name)
    if existing is not None:
        if name_key(existing.name) != name_key(expert_name) or (existing.affiliation or None) != (record.get("affiliation") or None):
            raise Conflict(
                f"{where}: expert {expert_name!r} already exists as {existing.name!r} "
                f"with affiliation {existing.affiliation!r}, not {record.get('affiliation')!r}; "
                "the record and the file disagree"
            )
        known = {name_key(a) for a in session.exec(select(ExpertAlias.alias).where(ExpertAlias.expert_id == existing.id)).all()}
        missing = [alias for alias in aliases if name_key(alias) not in known and name_key(alias) != existing.name_key]
        _attach_aliases(session, existing, missing)
        counts.present += 1
        return
    expert = add_expert(session=session, name=expert_name, affiliation=record.get("affiliation"), aliases=aliases, distinct=True)
    slug = record.get("slug")
    if slug and slug != expert.slug and _lookup(session, slug) is None:
        expert.slug = slug
        session.add(expert)
        session.flush()
    counts.add("experts")


def _import_question(session: Session, record: dict, where: str, counts: ImportCounts) -> None:
    slug = _need(record, "slug", where)
    wanted = {
        "title": _need(record, "title", where),
        "kind": _need(record, "kind", where),
        "deadline": _date(record.get("deadline"), f"{where}: deadline"),
        "options": list(record.get("options") or []),
        "tags": sorted(dict.fromkeys(t.strip().lower() for t in record.get("tags") or [])),
        "criteria": record.get("criteria") or None,
    }
    existing = session.exec(select(Question).where(Question.slug == slug)).first()
    if existing is not None:
        have = question_details(session=session, question=existing)
        differs = [key for key in wanted if have[key] != wanted[key]]
        if differs:
            raise Conflict(
                f"{where}: question {slug!r} already exists with a different {', '.join(differs)}; "
                "rename one of them or import into another database"
            )
        counts.present += 1
        return
    add_question(session=session, slug=slug, **wanted)
    counts.add("questions")


#: The forecast columns the ORM would check the text of (``models._check_new_rows``), in table order.
_FORECAST_TEXTS = (("quote", None), ("source", None), ("phrase", 200), ("scale", 100), ("note", None))


class _Claims:
    """The record's claims as a forecast names them, looked up in memory: read in one query
    when the forecasts are reached; ``claim_for`` only for what is not there (a new window,
    or a claim the question cannot have, which it refuses with its own message)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[tuple[int, str], tuple[int, dt.date | None]] = {
            (question_id, key): (claim_id, window_end)
            for claim_id, question_id, key, window_end in session.connection().execute(
                select(Claim.id, Claim.question_id, Claim.key, Claim.window_end)
            )
        }
        self.windows: dict[str, object] = {}

    def find(self, question: Question, option, window_text) -> tuple[int, dt.date | None]:
        """(claim id, window end) of the claim the forecast is about."""
        key = None
        if option is None and window_text is None:
            key = "yes" if question.kind == "binary" else None
        elif window_text is None and question.kind == "choice":
            key = f"option:{name_key(option)}"
        elif option is None and question.kind == "date":
            window = self.windows.get(window_text)
            if window is None:
                window = self.windows[window_text] = parse_window(window_text)
            key = window.key
        found = self.ids.get((question.id, key)) if key is not None else None
        if found is None:
            window = parse_window(window_text) if window_text is not None else None
            claim = claim_for(session=self.session, question=question, option=option, window=window)
            found = self.ids[(question.id, claim.key)] = (claim.id, claim.window_end)
        return found


def _import_forecasts(session: Session, records: list[dict], name: str, counts: ImportCounts, superseded: set) -> list[int]:
    """Add the document's forecasts (those already present are skipped); returns the id of
    each, in the document's order. Forecasts the document itself supersedes are history and
    are not checked against the deadline as it stands now.

    Set-based: experts, questions, claims, deadlines and the forecasts already present are
    read once, and new forecasts go through ``bulk.ForecastWriter`` in batches; a row is
    checked exactly as ``add_forecast``'s ORM path would check it, with the same messages."""
    from trackrecord.resolutions.transfer.bulk import ForecastWriter

    session.flush()
    connection = session.connection()
    created: dict[str, tuple[int, str]] = {}  # name key -> (id, name as created)
    for expert_id, key, expert_name in connection.execute(select(Expert.id, Expert.name_key, Expert.name).order_by(Expert.id)):
        created.setdefault(key, (expert_id, expert_name))
    edits = question_changes(session)
    known_questions = {
        question.slug: question for question in session.exec(select(Question)).all()
        if question.id not in edits or edits[question.id].removed is None
    }

    def deadline_now(question: Question) -> dt.date | None:  # as forecasting.claim_deadline has it for a claim without a window
        return (question.id in edits and edits[question.id].deadline) or question.deadline

    claims = _Claims(session)
    experts: dict[str, tuple[int, str]] = {}
    questions: dict[str, Question] = {}
    existing: dict[tuple, list[tuple]] = {}
    for row in connection.execute(
        select(Forecast.expert_id, Forecast.claim_id, Forecast.made_on, Forecast.probability, Forecast.recorded_at, Forecast.phrase, Forecast.id)
    ):
        existing.setdefault(tuple(row[:4]), []).append((as_utc(row[4]), row[5], row[6]))
    writer = ForecastWriter(connection, keep_ids=True)
    text_problem = None  # the first text the ORM would have refused when the forecasts were flushed
    dates: dict[str, dt.date] = {}
    moments: dict[str, dt.datetime] = {}
    ids: list[int] = []  # a new forecast: -1 - its place in the writer's order, until written
    for number, record in enumerate(records, 1):
        where = f"{name}: forecast #{number}"
        expert_name = _need(record, "expert", where)
        expert = experts.get(expert_name)
        if expert is None:
            expert = created.get(name_key(expert_name))
            if expert is None:
                found = find_expert(session=session, name=expert_name)
                expert = (found.id, found.name)
            experts[expert_name] = expert
        slug = _need(record, "question", where)
        question = questions.get(slug)
        if question is None:
            question = questions[slug] = known_questions.get(slug) or find_question(session=session, slug=slug)
        claim_id, window_end = claims.find(question, record.get("option"), record.get("window") or None)
        probability = record.get("probability")
        if not isinstance(probability, (int, float)) or isinstance(probability, bool) or not 0 <= probability <= 1:
            raise InvalidInput(f"{where}: probability {probability!r} is not a number from 0 to 1")
        made_text = _need(record, "made_on", where)
        made_on = dates.get(made_text)
        if made_on is None:
            made_on = _date(made_text, f"{where}: made_on")
            problem = made_on_problem(made_on)  # history may hold any past date, but not an impossible one
            if problem:
                raise InvalidInput(f"{where}: {problem}")
            dates[made_text] = made_on
        recorded_text = _need(record, "recorded_at", where)
        recorded_at = moments.get(recorded_text)
        if recorded_at is None:
            recorded_at = moments[recorded_text] = _datetime(recorded_text, f"{where}: recorded_at")
        deadline = window_end or deadline_now(question)
        if number not in superseded and made_on >= deadline:
            raise Conflict(
                f"{where}: forecast made on {made_on.isoformat()} is on or after the claim's deadline "
                f"{deadline.isoformat()}; only forecasts made before the deadline are recorded"
            )
        key = (expert[0], claim_id, made_on, float(probability))
        matches = existing.get(key, [])
        same = [forecast_id for at, phrase, forecast_id in matches if at == recorded_at or phrase == record.get("phrase")]
        if same:
            counts.present += 1
            ids.append(same[0])
            continue
        if matches:
            raise Conflict(
                f"{where}: {expert[1]} already has a forecast of {probability:g} made on {made_on.isoformat()} "
                f"on {slug} recorded at another time with another phrase; the record and the file disagree"
            )
        if text_problem is None:
            try:
                for column, length in _FORECAST_TEXTS:
                    check_text(f"forecast {column}", record.get(column), length)
            except InvalidInput as error:
                text_problem = str(error)
        if text_problem is None:  # once one is found nothing more is written: the import fails
            writer.add(
                claim_id=claim_id, expert_id=expert[0], probability=float(probability), made_on=made_on,
                recorded_at=recorded_at, quote=record.get("quote"), source=record.get("source"),
                phrase=record.get("phrase"), scale=record.get("scale"), note=record.get("note"),
            )
        ids.append(-len(writer.ids) - len(writer.pending))
        existing.setdefault(key, []).append((recorded_at, record.get("phrase"), ids[-1]))
        counts.add("forecasts")
    if text_problem is not None:
        raise InvalidInput(text_problem)
    writer.finish()
    return [forecast_id if forecast_id > 0 else writer.ids[-1 - forecast_id] for forecast_id in ids]


def _records(document: dict, key: str, name: str) -> list[dict]:
    return document.get(key) or []  # its shape checked by check_document


def _import_changes(session: Session, records: list[dict], name: str, counts: ImportCounts) -> None:
    """Replay expert and question changes; one already recorded (same subject, action, value
    and time) is skipped."""
    for number, record in enumerate(records, 1):
        where = f"{name}: change #{number}"
        subject, action = _need(record, "subject", where), _need(record, "action", where)
        allowed = {"expert": ("rename", "merge", "remove", "restore"), "question": ("title", "criteria", "deadline", "add-option", "tag", "untag", "remove")}
        if action not in allowed.get(subject, ()):
            raise InvalidInput(f"{where}: {subject!r} change {action!r} is not known; a change is one of {allowed}")
        label = _need(record, "name", where)
        if subject == "expert":
            found = _base_lookup(session, label)
            if found is None:
                raise InvalidInput(f"{where}: no expert created as {label!r} in the document or the record")
        else:
            found = find_question(session=session, slug=label, removed_ok=True)
        value = record.get("value")
        recorded_at = _datetime(_need(record, "recorded_at", where), f"{where}: recorded_at")
        present = session.exec(
            select(RecordChange).where(
                RecordChange.subject == subject, RecordChange.subject_id == found.id, RecordChange.action == action
            )
        ).all()
        if any(as_utc(row.recorded_at) == recorded_at and row.value == value for row in present):
            counts.present += 1
            continue
        change = RecordChange(
            subject=subject, subject_id=found.id, action=action, value=value, reason=record.get("reason"),
            changed_by=record.get("changed_by") or "unknown", recorded_at=recorded_at,
        )
        if action == "rename":
            owner = _lookup(session, _need(record, "value", where), include_removed=True)
            if owner is not None and owner.id != found.id:
                raise Conflict(f"{where}: {value!r} already names another expert, {owner.name!r}")
            change.value_key = name_key(value)
        elif action == "merge":
            target = _base_lookup(session, _need(record, "target", where))
            if target is None:
                raise InvalidInput(f"{where}: no expert created as {record.get('target')!r} to merge into")
            change.target_id = target.id
        elif action == "deadline":
            _date(_need(record, "value", where), f"{where}: deadline")
        elif action == "add-option":
            change.target_id = add_option_row(session=session, question=found, label=_need(record, "value", where)).id
        session.add(change)
        session.flush()
        counts.add("changes")


def _import_forecast_changes(session: Session, records: list[dict], ids: list[int], name: str, counts: ImportCounts) -> None:
    """Replay retractions, corrections and moves; forecasts are named by position in the document."""

    def forecast_at(position, where: str, what: str) -> int:
        if not isinstance(position, int) or isinstance(position, bool) or not 1 <= position <= len(ids):
            raise InvalidInput(f"{where}: {what} {position!r} is not a position in the document's forecasts (1 to {len(ids)})")
        return ids[position - 1]

    for number, record in enumerate(records, 1):
        where = f"{name}: forecast change #{number}"
        action = _need(record, "action", where)
        if action not in ("retract", "correct", "move"):
            raise InvalidInput(f"{where}: action {action!r} is not known; give retract, correct or move")
        old = forecast_at(_need(record, "forecast", where), where, "forecast")
        new = None if action == "retract" else forecast_at(_need(record, "replacement", where), where, "replacement")
        recorded_at = _datetime(_need(record, "recorded_at", where), f"{where}: recorded_at")
        present = session.exec(select(ForecastChange).where(ForecastChange.forecast_id == old)).first()
        if present is not None:
            if present.action != action or present.replacement_id != new:
                raise Conflict(f"{where}: that forecast was already {present.action}ed differently in the record; the record and the file disagree")
            counts.present += 1
            continue
        session.add(
            ForecastChange(
                forecast_id=old, action=action, replacement_id=new, reason=_need(record, "reason", where),
                changed_by=record.get("changed_by") or "unknown", recorded_at=recorded_at,
            )
        )
        counts.add("changes")
    session.flush()


def _signature(outcome, option_label, event_on, known_on, evidence, note, forced) -> tuple:
    return (outcome, name_key(option_label) if option_label else None, event_on, known_on, evidence or None, note or None, bool(forced))


def _import_resolutions(session: Session, records: list[dict], name: str, counts: ImportCounts) -> None:
    by_question: dict[str, list[tuple[str, dict]]] = {}
    for number, record in enumerate(records, 1):
        where = f"{name}: resolution #{number}"
        by_question.setdefault(_need(record, "question", where), []).append((where, record))
    for slug, steps in by_question.items():
        question = find_question(session=session, slug=slug)
        options = {o.id: o.label for o in options_of(session=session, question=question)}
        history = session.exec(select(Resolution).where(Resolution.question_id == question.id).order_by(Resolution.id)).all()
        have = [
            _signature(r.outcome, options.get(r.option_id), r.event_on, r.known_on, r.evidence, r.note, r.forced)
            for r in history
        ]
        wanted = []
        rows = []
        for where, record in steps:
            outcome = _need(record, "outcome", where)
            option_id = None
            if outcome == "option":
                option_id = find_option(session=session, question=question, label=_need(record, "option", where)).id
            row = Resolution(
                question_id=question.id,
                outcome=outcome,
                option_id=option_id,
                event_on=_date(record.get("event_on"), f"{where}: event_on"),
                known_on=_date(record.get("known_on"), f"{where}: known_on"),
                evidence=record.get("evidence"),
                note=record.get("note"),
                other_label=record.get("label"),
                forced=bool(record.get("forced")),
                recorded_at=_datetime(_need(record, "recorded_at", where), f"{where}: recorded_at"),
            )
            _check_resolution(question, row, where)
            wanted.append(_signature(outcome, record.get("option"), row.event_on, row.known_on, row.evidence, row.note, row.forced))
            rows.append((where, row))
        if wanted[: len(have)] != have:
            raise Conflict(
                f"question {slug!r} already has a resolution history that differs from {name}'s; "
                "re-resolve it deliberately with 'trackrecord resolve --force'"
            )
        counts.present += len(have)
        current = history[-1] if history else None
        for where, row in rows[len(have):]:
            if current is not None and not _moves_forward(current, row) and not row.forced:
                raise Conflict(
                    f"{where}: question {slug!r} is already resolved and this resolution is not marked forced; "
                    "a re-resolution must say so"
                )
            session.add(row)
            session.flush()
            current = row
            counts.add("resolutions")


def _check_resolution(question: Question, row: Resolution, where: str) -> None:
    allowed = {
        "binary": ("yes", "no", "annulled"),
        "choice": ("option", "other", "annulled"),
        "date": ("happened", "not_by", "annulled"),
    }[question.kind]
    if row.outcome not in allowed:
        raise InvalidInput(
            f"{where}: outcome {row.outcome!r} is not accepted for {question.kind} question {question.slug!r}; "
            f"give one of {', '.join(allowed)}"
        )
    if row.outcome in ("happened", "not_by") and row.event_on is None:
        raise InvalidInput(f"{where}: outcome {row.outcome!r} needs event_on")
    if row.outcome not in ("happened", "not_by") and row.known_on is None:
        raise InvalidInput(f"{where}: outcome {row.outcome!r} needs known_on")


def document_text(document: dict) -> str:
    """The document as written to a file: indented, UTF-8, ending in a newline."""
    import json

    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def read_document(path) -> dict:
    import json
    from pathlib import Path

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInput(f"{path} is not a JSON document ({error}); give a file written by 'trackrecord export'") from None
    except RecursionError:
        raise InvalidInput(f"{path}: the JSON document nests too deeply; give a file written by 'trackrecord export'") from None
