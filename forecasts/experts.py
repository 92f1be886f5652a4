"""Experts and their aliases: adding them and finding them by any of their names.

An expert is found by name, alias, slug or a former name, compared as
``forecasts.names.name_key`` does. A name can belong to one expert only, whether as its
name, an alias or a name given up by a rename, so a lookup never has two answers. An
expert merged into another is found as that other expert; a removed one is not found.

Renames, merges and removals are appended as ``record_change`` rows
(``forecasts.changes``): the expert's row keeps the name it was created with, and the
current name is the newest rename.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, text
from sqlmodel import Session, select

from trackrecord.forecasts.changes import ExpertChanges, changed_by, expert_changes, live_forecasts, required_reason
from trackrecord.forecasts.errors import Conflict, InvalidInput, NotFound
from trackrecord.forecasts.models import Expert, ExpertAlias, Forecast, RecordChange
from trackrecord.forecasts.names import name_key, slugify

SIMILAR_CUTOFF = 0.85


@dataclass(frozen=True)
class ExpertSummary:
    name: str
    slug: str
    affiliation: str | None
    aliases: list[str]
    forecasts: int


def find_expert(*, session: Session, name: str) -> Expert:
    """The expert called ``name`` (name, alias or slug); NotFound otherwise."""
    expert = _lookup(session, name)
    if expert is None:
        close = similar_names(session=session, name=name)
        hint = f"did you mean {' or '.join(repr(n) for n in close)}? " if close else ""
        raise NotFound(
            f"no expert named {name!r}; {hint}see 'trackrecord expert list' "
            "or add one with 'trackrecord expert add'"
        )
    return expert


def similar_names(*, session: Session, name: str, limit: int = 3, changes: ExpertChanges | None = None) -> list[str]:
    """Current names of experts whose name or alias is spelled close to ``name``, or who carry it as one word.

    Spellings that differ from ``name`` only in their digits ("Panel 1", "Panel 2") are
    ids, not typos, and are not close.
    """
    key = name_key(name)
    spellings = expert_spellings(session=session, changes=changes)
    names = current_names(session=session, ids=set(spellings.values()), changes=changes)
    words: dict[str, int] = {}  # every word of those spellings -> the expert
    for spelling, expert_id in spellings.items():
        for word in spelling.split():
            words.setdefault(word, expert_id)
    found = [spellings[m] for m in difflib.get_close_matches(key, spellings, n=limit + 5, cutoff=SIMILAR_CUTOFF) if not _differ_in_digits(m, key)]
    if " " not in key:
        found += [words[m] for m in difflib.get_close_matches(key, words, n=limit, cutoff=SIMILAR_CUTOFF) if not _differ_in_digits(m, key)]
    return [names[expert_id] for expert_id in dict.fromkeys(found)][:limit]


_DIGITS = re.compile(r"\d+")


def _differ_in_digits(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the same words around different numbers ("entrant 0041", "entrant 0042")."""
    return a != b and bool(_DIGITS.search(a)) and _DIGITS.sub("#", a) == _DIGITS.sub("#", b)


def close_spellings(new_keys: list[str], known: dict[str, int]) -> dict[str, int | str]:
    """Each of ``new_keys`` (folded names) spelled close to a ``known`` spelling (-> that
    expert's id) or to another new key (-> that key). Spellings are compared with their
    digits masked, so names that differ only in digits are never close, and each masked
    form is compared once (3,000 "Entrant NNNN" are one comparison)."""
    masked_known: dict[str, int] = {}
    for key, expert_id in known.items():
        masked_known.setdefault(_DIGITS.sub("#", key), expert_id)
    masked_new: dict[str, str] = {}
    for key in new_keys:
        masked_new.setdefault(_DIGITS.sub("#", key), key)
    found_for: dict[str, int | str] = {}
    for masked, first in masked_new.items():
        others = [m for m in masked_known if m != masked] + [m for m in masked_new if m != masked and m not in masked_known]
        match = difflib.get_close_matches(masked, others, n=1, cutoff=SIMILAR_CUTOFF)
        if match:
            found_for[masked] = masked_known[match[0]] if match[0] in masked_known else masked_new[match[0]]
    return {key: found_for[_DIGITS.sub("#", key)] for key in new_keys if _DIGITS.sub("#", key) in found_for}


def expert_spellings(*, session: Session, changes: ExpertChanges | None = None) -> dict[str, int]:
    """Every spelling that names an expert now (names, former names, aliases, slugs, and those of
    experts merged into it) -> that expert's id. Removed experts are left out."""
    changes = changes or expert_changes(session)
    spellings: dict[str, int] = {}

    def put(key: str, expert_id: int) -> None:
        target = changes.canonical(expert_id)
        if target is not None:
            spellings.setdefault(key, target)

    for expert_id, key, slug in session.exec(select(Expert.id, Expert.name_key, Expert.slug)).all():
        put(key, expert_id)
        put(slug, expert_id)
    for expert_id, key in session.exec(select(ExpertAlias.expert_id, ExpertAlias.alias_key)).all():
        put(key, expert_id)
    for expert_id, key in session.exec(
        select(RecordChange.subject_id, RecordChange.value_key).where(RecordChange.subject == "expert", RecordChange.action == "rename")
    ).all():
        put(key, expert_id)
    return spellings


def current_names(*, session: Session, ids=None, changes: ExpertChanges | None = None) -> dict[int, str]:
    """Expert id -> the expert's name now (its newest rename, else the name it was created with)."""
    changes = changes or expert_changes(session)
    query = select(Expert.id, Expert.name)
    if ids is not None:
        query = query.where(Expert.id.in_(list(ids)))
    return {expert_id: changes.names.get(expert_id, name) for expert_id, name in session.exec(query).all()}


def display_name(session: Session, expert: Expert) -> str:
    """The expert's name now."""
    return expert_changes(session).name(expert)


#: One statement: names and slugs first, then aliases, then former names. Plain SQL: it
#: runs on every command that names an expert, and compiling it as a SQLAlchemy
#: expression costs more than running it (issue 10's start-up target).
_LOOKUP = text(
    "SELECT id FROM (SELECT id, 0 AS rank FROM expert WHERE name_key = :key OR slug = :slug"
    " UNION ALL SELECT expert_id, 1 FROM expert_alias WHERE alias_key = :key"
    " UNION ALL SELECT subject_id, 2 FROM record_change"
    " WHERE subject = 'expert' AND action = 'rename' AND value_key = :key) AS found ORDER BY rank"
)


def _lookup(session: Session, name: str, *, include_removed: bool = False) -> Expert | None:
    """The expert that ``name`` (name, former name, alias or slug) stands for now, if any."""
    key = name_key(name)
    as_slug = " ".join(unicodedata.normalize("NFC", name).split()).casefold()
    candidates = session.execute(_LOOKUP, {"key": key, "slug": as_slug}).scalars().all()
    if not candidates:
        return None
    changes = expert_changes(session)
    for expert_id in candidates:
        target = changes.canonical(expert_id)
        if target is None and include_removed:
            target = expert_id
        if target is not None:
            return session.get(Expert, target)
    return None


def removal_of(session: Session, expert: Expert) -> RecordChange | None:
    """The change that removed ``expert``, if it is removed now."""
    return expert_changes(session).removed.get(expert.id)


def _base_lookup(session: Session, name: str) -> Expert | None:
    """The expert *created* with this name (or slug), whatever happened to it since: for
    imports, which replay the record as it was written."""
    key = name_key(name)
    return session.exec(select(Expert).where(Expert.name_key == key)).first()


def add_expert(
    *, session: Session, name: str, affiliation: str | None = None, aliases: list[str] = (), distinct: bool = False
) -> Expert:
    """Record a new expert with its aliases (see ``add_or_restore_expert``)."""
    return add_or_restore_expert(session=session, name=name, affiliation=affiliation, aliases=aliases, distinct=distinct)[0]


def add_or_restore_expert(
    *, session: Session, name: str, affiliation: str | None = None, aliases: list[str] = (), distinct: bool = False
) -> tuple[Expert, RecordChange | None]:
    """Record a new expert with its aliases; returns it and, when the name was a removed
    expert's, the change that had removed them (that expert is restored instead).

    A name spelled close to a known expert's ("Steve Witkof") is refused with "did you
    mean …?" unless ``distinct`` says it really is someone else.
    """
    key = name_key(name)
    if not key:
        raise InvalidInput("expert name is empty; give the expert's name, e.g. 'Sergey Markov'")
    owner = _lookup(session, name, include_removed=True)
    removal = removal_of(session, owner) if owner is not None else None
    if removal is not None:
        session.add(RecordChange(subject="expert", subject_id=owner.id, action="restore", reason="added again", changed_by=changed_by()))
        session.flush()
        return owner, removal
    if owner is not None:
        raise Conflict(f"expert {name!r} already exists as {display_name(session, owner)!r}")
    slug = _free_slug(session, slugify(name))
    expert = Expert(name=" ".join(name.split()), affiliation=affiliation, slug=slug, name_key=key)
    session.add(expert)
    session.flush()
    _attach_aliases(session, expert, aliases)
    if not distinct:
        _refuse_close(session, name, key)
    return expert, None


def _refuse_close(session: Session, name: str, key: str) -> None:
    close = [n for n in similar_names(session=session, name=name) if name_key(n) != key]
    if close:
        raise Conflict(
            f"expert {name!r} is close to {' and '.join(repr(n) for n in close)}: did you mean them? "
            f'If it is the same expert, add the spelling with: trackrecord expert alias "{close[0]}" "{name}"; '
            "if not, pass --distinct"
        )


def add_aliases(*, session: Session, name: str, aliases: list[str]) -> Expert:
    """Join more spellings to an existing expert."""
    expert = find_expert(session=session, name=name)
    _attach_aliases(session, expert, aliases)
    return expert


def _attach_aliases(session: Session, expert: Expert, aliases: list[str]) -> None:
    """Record each spelling as an alias of ``expert``, unless it already names it."""
    for alias in aliases:
        key = name_key(alias)
        if not key:
            raise InvalidInput("alias is empty; give another spelling of the expert's name")
        owner = _lookup(session, alias, include_removed=True)
        if owner is not None and owner.id != expert.id:
            raise Conflict(f"alias {alias!r} already names expert {display_name(session, owner)!r}")
        if owner is None:
            session.add(ExpertAlias(expert_id=expert.id, alias=" ".join(alias.split()), alias_key=key))
            session.flush()


def _free_slug(session: Session, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first that names nobody (as name, alias or slug)."""
    slug, number = base, 2
    while _lookup(session, slug, include_removed=True) is not None:
        slug, number = f"{base}-{number}", number + 1
    return slug


def aliases_of(*, session: Session, expert: Expert, changes: ExpertChanges | None = None) -> list[str]:
    """Every other spelling that names ``expert`` now: its aliases, names it had before a
    rename, and the names and aliases of experts merged into it."""
    changes = changes or expert_changes(session)
    members = [i for i in changes.merged_into if changes.canonical(i) == expert.id] + [expert.id]
    names = current_names(session=session, ids=members, changes=changes)
    spellings = [a for a in session.exec(select(ExpertAlias.alias).where(ExpertAlias.expert_id.in_(members))).all()]
    for member in members:
        spellings += changes.former.get(member, []) + ([names[member]] if member != expert.id else [])
    now = name_key(changes.name(expert))
    return sorted(dict.fromkeys(a for a in spellings if name_key(a) != now), key=name_key)


def list_experts(*, session: Session) -> list[ExpertSummary]:
    """Every current expert (not merged away, not removed) with aliases and forecast count, by name."""
    changes = expert_changes(session)
    counts = dict(
        session.exec(
            select(Forecast.expert_id, func.count(Forecast.id)).where(live_forecasts(session)).group_by(Forecast.expert_id)
        ).all()
    )
    aliases: dict[int, list[str]] = {}
    for expert_id, alias in session.exec(select(ExpertAlias.expert_id, ExpertAlias.alias)).all():
        aliases.setdefault(expert_id, []).append(alias)
    experts = [e for e in session.exec(select(Expert)).all() if changes.canonical(e.id) == e.id]
    summaries = []
    for expert in experts:
        changed = changes.former.get(expert.id) or any(changes.canonical(i) == expert.id for i in changes.merged_into)
        spellings = aliases_of(session=session, expert=expert, changes=changes) if changed else sorted(aliases.get(expert.id, []), key=name_key)
        summaries.append(
            ExpertSummary(
                name=changes.name(expert),
                slug=expert.slug,
                affiliation=expert.affiliation,
                aliases=spellings,
                forecasts=counts.get(expert.id, 0),
            )
        )
    return sorted(summaries, key=lambda summary: name_key(summary.name))


def rename_expert(*, session: Session, name: str, new_name: str, reason: str | None, distinct: bool = False) -> tuple[str, str]:
    """Give an expert a new name; the old one keeps naming them. Returns (old, new) names."""
    expert = find_expert(session=session, name=name)
    old = display_name(session, expert)
    new = " ".join(new_name.split())
    key = name_key(new)
    if not key:
        raise InvalidInput("new name is empty; give the expert's correct name")
    if new == old:
        raise InvalidInput(f"expert {old!r} already has that name; give a different NEW name")
    owner = _lookup(session, new, include_removed=True)
    if owner is not None and owner.id != expert.id:
        raise Conflict(
            f"{new!r} already names expert {display_name(session, owner)!r}; if they are the same person, "
            f'merge them with: trackrecord expert merge "{old}" "{display_name(session, owner)}" --reason TEXT'
        )
    reason = required_reason(reason, "renaming an expert")
    session.add(RecordChange(subject="expert", subject_id=expert.id, action="rename", value=new, value_key=key, reason=reason, changed_by=changed_by()))
    session.flush()
    if not distinct and owner is None:
        _refuse_close(session, new, key)
    return old, new


def merge_experts(*, session: Session, source: str, into: str, reason: str | None) -> tuple[str, str, int]:
    """Merge expert ``source`` into ``into``: each of its live forecasts is superseded by a copy
    under ``into``, and its names and aliases name ``into`` from now on. Returns (from, into, moved)."""
    from trackrecord.forecasts.forecasting import supersede

    merged = find_expert(session=session, name=source)
    kept = find_expert(session=session, name=into)
    if merged.id == kept.id:
        raise InvalidInput(f"{source!r} and {into!r} are the same expert ({display_name(session, kept)}); nothing to merge")
    reason = required_reason(reason, "merging experts")
    who = changed_by()
    moved = 0
    for forecast in session.exec(select(Forecast).where(Forecast.expert_id == merged.id, live_forecasts(session)).order_by(Forecast.id)).all():
        supersede(session, forecast, "move", reason, who, expert_id=kept.id)
        moved += 1
    session.add(RecordChange(subject="expert", subject_id=merged.id, action="merge", target_id=kept.id, reason=reason, changed_by=who))
    session.flush()
    return display_name(session, merged), display_name(session, kept), moved


def remove_expert(*, session: Session, name: str, reason: str | None) -> str:
    """Mark an expert with no forecasts as removed (the row stays, with the reason)."""
    expert = find_expert(session=session, name=name)
    shown = display_name(session, expert)
    reason = required_reason(reason, "removing an expert")
    recorded = session.exec(select(func.count(Forecast.id)).where(Forecast.expert_id == expert.id, live_forecasts(session))).one()
    if recorded:
        raise Conflict(
            f"expert {shown!r} has {recorded} forecast{'s' if recorded != 1 else ''}; only an expert with no "
            f'forecasts can be removed (merge a duplicate with: trackrecord expert merge "{shown}" OTHER --reason TEXT)'
        )
    session.add(RecordChange(subject="expert", subject_id=expert.id, action="remove", reason=reason, changed_by=changed_by()))
    session.flush()
    return shown
