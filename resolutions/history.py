"""The trail of a record: every correction, retraction, rename, merge, edit and resolution.

Read from the append-only change rows (``forecasts.changes``) and the resolution
history; nothing here changes anything. ``history`` is what the ``history`` command,
``question show`` and ``expert show`` print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from trackrecord.forecasts.changes import expert_changes
from trackrecord.forecasts.experts import current_names, find_expert
from trackrecord.forecasts.models import Claim, Expert, Forecast, ForecastChange, Question, QuestionOption, RecordChange, Resolution, as_utc
from trackrecord.forecasts.questions import describe_claim, find_question
from trackrecord.resolutions.resolving import describe_resolution

ACTIONS = {
    "retract": "retracted", "correct": "corrected", "move": "moved",
    "rename": "renamed", "merge": "merged", "remove": "removed", "restore": "restored",
    "title": "title edited", "criteria": "criteria edited", "deadline": "deadline moved",
    "add-option": "option added", "tag": "tagged", "untag": "untagged",
}


@dataclass(frozen=True)
class HistoryEntry:
    recorded_at: dt.datetime
    changed_by: str | None
    subject: str  # "forecast 12", "expert", "question"
    name: str  # the expert's name now, or the question's slug
    action: str
    detail: str
    reason: str | None

    def as_dict(self) -> dict:
        return vars(self) | {"recorded_at": self.recorded_at.isoformat()}  # scalars: no deep copy (asdict)


def _percent(p: float) -> str:
    return f"{100 * p:.10g}%"


def _forecast_text(forecast: Forecast, claim: Claim, labels: dict[int, str]) -> str:
    return f"{_percent(forecast.probability)} on {describe_claim(claim, labels)} made {forecast.made_on.isoformat()}"


def _difference(old: Forecast, new: Forecast, claims: dict[int, Claim], labels: dict[int, str], names: dict[int, str]) -> str:
    parts = []
    if old.probability != new.probability:
        parts.append(f"probability {_percent(old.probability)} -> {_percent(new.probability)}")
    if old.made_on != new.made_on:
        parts.append(f"made on {old.made_on.isoformat()} -> {new.made_on.isoformat()}")
    if old.claim_id != new.claim_id:
        parts.append(f"claim {describe_claim(claims[old.claim_id], labels)} -> {describe_claim(claims[new.claim_id], labels)}")
    if old.expert_id != new.expert_id:
        parts.append(f"expert {names[old.expert_id]} -> {names[new.expert_id]}")
    for field in ("quote", "source"):
        if getattr(old, field) != getattr(new, field):
            parts.append(f"{field} {getattr(old, field) or '(none)'!r} -> {getattr(new, field) or '(none)'!r}")
    return "; ".join(parts) + f" (now forecast {new.id})"


def history(*, session: Session, expert: str | None = None, question: str | None = None) -> list[HistoryEntry]:
    """The record's changes and resolutions, oldest first; only those touching ``expert``
    (and experts merged into it) or ``question`` when given."""
    changes = expert_changes(session)
    members: set[int] | None = None
    if expert is not None:
        found = find_expert(session=session, name=expert)
        members = {found.id} | {i for i in changes.merged_into if changes.canonical(i) == found.id}
    question_id = None if question is None else find_question(session=session, slug=question, removed_ok=True).id
    old, new = aliased(Forecast), aliased(Forecast)
    query = (
        select(ForecastChange, old, new, Claim)
        .join(old, old.id == ForecastChange.forecast_id)
        .outerjoin(new, new.id == ForecastChange.replacement_id)
        .join(Claim, Claim.id == old.claim_id)
    )
    if members is not None:
        query = query.where(or_(old.expert_id.in_(members), new.expert_id.in_(members)))
    if question_id is not None:
        query = query.where(Claim.question_id == question_id)
    forecast_rows = session.exec(query).all()
    query = select(RecordChange)
    if members is not None:
        query = query.where(RecordChange.subject == "expert", RecordChange.subject_id.in_(members))
    if question_id is not None:
        query = query.where(RecordChange.subject == "question", RecordChange.subject_id == question_id)
    record_rows = session.exec(query.order_by(RecordChange.id)).all()
    resolutions = []
    if members is None:
        query = select(Resolution)
        if question_id is not None:
            query = query.where(Resolution.question_id == question_id)
        resolutions = session.exec(query.order_by(Resolution.id)).all()

    # Names, slugs and labels of what the rows mention only (a big record has many).
    claims = {c.id: c for c in session.exec(select(Claim).where(Claim.id.in_({n.claim_id for _, _, n, _ in forecast_rows if n}))).all()}
    claims.update({claim.id: claim for *_, claim in forecast_rows})
    expert_ids = {f.expert_id for _, b, a, _ in forecast_rows for f in (b, a) if f is not None}
    expert_ids |= {r.subject_id for r in record_rows if r.subject == "expert"} | {r.target_id for r in record_rows if r.action == "merge"}
    question_ids = {c.question_id for c in claims.values()} | {r.subject_id for r in record_rows if r.subject == "question"}
    question_ids |= {r.question_id for r in resolutions}
    names = current_names(session=session, ids=expert_ids, changes=changes)
    slugs = dict(session.exec(select(Question.id, Question.slug).where(Question.id.in_(question_ids))).all())
    labels = dict(session.exec(select(QuestionOption.id, QuestionOption.label).where(QuestionOption.question_id.in_(question_ids))).all())
    base = dict(session.exec(select(Expert.id, Expert.name).where(Expert.id.in_(expert_ids))).all())

    entries: list[HistoryEntry] = []
    for change, before, after, claim in forecast_rows:
        what = f"{names[before.expert_id]} on {slugs[claim.question_id]}: {_forecast_text(before, claim, labels)}"
        detail = what if after is None else f"{what}; {_difference(before, after, claims, labels, names)}"
        entries.append(
            HistoryEntry(change.recorded_at, change.changed_by, f"forecast {before.id}", names[before.expert_id], ACTIONS[change.action], detail, change.reason)
        )
    previous: dict[int, str] = {}
    for change in record_rows:
        if change.subject == "expert":
            name = names[change.subject_id]
            if change.action == "rename":
                detail = f"{previous.get(change.subject_id, base[change.subject_id])} -> {change.value}"
                previous[change.subject_id] = change.value
            elif change.action == "merge":
                detail = f"{names[change.subject_id]} merged into {names[change.target_id]}; its names now name {names[change.target_id]}"
            else:
                detail = name
        else:
            name = slugs[change.subject_id]
            detail = "(cleared)" if change.value is None else change.value
        entries.append(HistoryEntry(change.recorded_at, change.changed_by, change.subject, name, ACTIONS[change.action], detail, change.reason))
    for resolution in resolutions:
        entries.append(
            HistoryEntry(
                resolution.recorded_at, None, "question", slugs[resolution.question_id],
                "re-resolved" if resolution.forced else "resolved", describe_resolution(session, resolution), resolution.note,
            )
        )
    return sorted(entries, key=lambda entry: as_utc(entry.recorded_at))
