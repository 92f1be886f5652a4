"""Experts and their aliases: adding them and finding them by any of their names.

An expert is found by name, alias or slug, compared as ``forecasts.names.name_key``
does. A name can belong to one expert only, whether as its name or as an alias, so a
lookup never has two answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from forecasts.errors import Conflict, InvalidInput, NotFound
from forecasts.models import Expert, ExpertAlias, Forecast
from forecasts.names import name_key, slugify


@dataclass(frozen=True)
class ExpertSummary:
    name: str
    slug: str
    affiliation: str | None
    aliases: list[str]
    forecasts: int


def find_expert(*, session: Session, name: str) -> Expert:
    """The expert called ``name`` (name, alias or slug); NotFound otherwise."""
    expert = _lookup(session, name_key(name))
    if expert is None:
        raise NotFound(
            f"no expert named {name!r}; see 'trackrecord expert list' "
            "or add one with 'trackrecord expert add'"
        )
    return expert


def _lookup(session: Session, key: str) -> Expert | None:
    expert = session.exec(
        select(Expert).where(or_(Expert.name_key == key, Expert.slug == key))
    ).first()
    if expert is None:
        expert = session.exec(
            select(Expert).join(ExpertAlias).where(ExpertAlias.alias_key == key)
        ).first()
    return expert


def add_expert(
    *, session: Session, name: str, affiliation: str | None = None, aliases: list[str] = ()
) -> Expert:
    """Record a new expert with its aliases."""
    key = name_key(name)
    if not key:
        raise InvalidInput("expert name is empty; give the expert's name, e.g. 'Sergey Markov'")
    owner = _lookup(session, key)
    if owner is not None:
        raise Conflict(f"expert {name!r} already exists as {owner.name!r}")
    slug = _free_slug(session, slugify(name))
    expert = Expert(name=" ".join(name.split()), affiliation=affiliation, slug=slug, name_key=key)
    session.add(expert)
    session.flush()
    seen = {key}
    for alias in aliases:
        alias_key = name_key(alias)
        if not alias_key:
            raise InvalidInput("alias is empty; give another spelling of the expert's name")
        if alias_key in seen or alias_key == expert.slug:
            continue
        owner = _lookup(session, alias_key)
        if owner is not None and owner.id != expert.id:
            raise Conflict(f"alias {alias!r} already names expert {owner.name!r}")
        seen.add(alias_key)
        session.add(ExpertAlias(expert_id=expert.id, alias=" ".join(alias.split()), alias_key=alias_key))
    session.flush()
    return expert


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
