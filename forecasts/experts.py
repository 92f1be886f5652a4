"""Experts and their aliases: adding them and finding them by any of their names.

An expert is found by name, alias or slug, compared as ``forecasts.names.name_key``
does. A name can belong to one expert only, whether as its name or as an alias, so a
lookup never has two answers.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from forecasts.errors import Conflict, InvalidInput, NotFound
from forecasts.models import Expert, ExpertAlias, Forecast
from forecasts.names import name_key, slugify

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


def similar_names(*, session: Session, name: str, limit: int = 3) -> list[str]:
    """Names of experts whose name or alias is spelled close to ``name``, or who carry it as one word."""
    key = name_key(name)
    spellings: dict[str, str] = {}  # name or alias key -> the expert's name
    for expert_name, expert_key in session.exec(select(Expert.name, Expert.name_key)).all():
        spellings[expert_key] = expert_name
    for alias_key, expert_name in session.exec(select(ExpertAlias.alias_key, Expert.name).join(Expert)).all():
        spellings[alias_key] = expert_name
    words: dict[str, str] = {}  # every word of those spellings -> the expert's name
    for spelling, expert_name in spellings.items():
        for word in spelling.split():
            words.setdefault(word, expert_name)
    found = [spellings[match] for match in difflib.get_close_matches(key, spellings, n=limit, cutoff=SIMILAR_CUTOFF)]
    if " " not in key:
        found += [words[match] for match in difflib.get_close_matches(key, words, n=limit, cutoff=SIMILAR_CUTOFF)]
    return list(dict.fromkeys(found))[:limit]


def _lookup(session: Session, name: str) -> Expert | None:
    """The expert whose name, alias or slug ``name`` is, if any."""
    key = name_key(name)
    as_slug = " ".join(unicodedata.normalize("NFC", name).split()).casefold()
    expert = session.exec(select(Expert).where(or_(Expert.name_key == key, Expert.slug == as_slug))).first()
    if expert is None:
        expert = session.exec(
            select(Expert).join(ExpertAlias).where(ExpertAlias.alias_key == key)
        ).first()
    return expert


def add_expert(
    *, session: Session, name: str, affiliation: str | None = None, aliases: list[str] = (), distinct: bool = False
) -> Expert:
    """Record a new expert with its aliases.

    A name spelled close to a known expert's ("Steve Witkof") is refused with "did you
    mean …?" unless ``distinct`` says it really is someone else.
    """
    key = name_key(name)
    if not key:
        raise InvalidInput("expert name is empty; give the expert's name, e.g. 'Sergey Markov'")
    owner = _lookup(session, name)
    if owner is not None:
        raise Conflict(f"expert {name!r} already exists as {owner.name!r}")
    slug = _free_slug(session, slugify(name))
    expert = Expert(name=" ".join(name.split()), affiliation=affiliation, slug=slug, name_key=key)
    session.add(expert)
    session.flush()
    _attach_aliases(session, expert, aliases)
    if not distinct:
        close = [n for n in similar_names(session=session, name=name) if name_key(n) != key]
        if close:
            raise Conflict(
                f"expert {name!r} is close to {' and '.join(repr(n) for n in close)}: did you mean them? "
                f'If it is the same expert, add the spelling with: trackrecord expert alias "{close[0]}" "{name}"; '
                "if not, pass --distinct"
            )
    return expert


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
        owner = _lookup(session, alias)
        if owner is not None and owner.id != expert.id:
            raise Conflict(f"alias {alias!r} already names expert {owner.name!r}")
        if owner is None:
            session.add(ExpertAlias(expert_id=expert.id, alias=" ".join(alias.split()), alias_key=key))
            session.flush()


def _free_slug(session: Session, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first that names nobody (as name, alias or slug)."""
    slug, number = base, 2
    while _lookup(session, slug) is not None:
        slug, number = f"{base}-{number}", number + 1
    return slug


def aliases_of(*, session: Session, expert: Expert) -> list[str]:
    return list(
        session.exec(
            select(ExpertAlias.alias).where(ExpertAlias.expert_id == expert.id).order_by(ExpertAlias.alias)
        ).all()
    )


def list_experts(*, session: Session) -> list[ExpertSummary]:
    """Every expert with aliases and forecast count, by name."""
    counts = dict(
        session.exec(select(Forecast.expert_id, func.count(Forecast.id)).group_by(Forecast.expert_id)).all()
    )
    aliases: dict[int, list[str]] = {}
    for expert_id, alias in session.exec(
        select(ExpertAlias.expert_id, ExpertAlias.alias).order_by(ExpertAlias.alias)
    ).all():
        aliases.setdefault(expert_id, []).append(alias)
    experts = session.exec(select(Expert).order_by(Expert.name_key)).all()
    return [
        ExpertSummary(
            name=expert.name,
            slug=expert.slug,
            affiliation=expert.affiliation,
            aliases=aliases.get(expert.id, []),
            forecasts=counts.get(expert.id, 0),
        )
        for expert in experts
    ]
