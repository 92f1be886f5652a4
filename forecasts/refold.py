"""Recomputing stored comparison keys when the way names are folded changes (migrations).

A record stores each name's folded form (``forecasts.names.name_key``) beside it: expert
``name_key``, ``alias_key``, option ``label_key`` and the option claims' ``key``
(``option:<folded label>``). When the folding changes, migrations recompute them here.
Two rows that were distinct may then fold together ("José Pérez" and "Jose Perez");
``check_*`` finds every such pair before anything is written and raises ``KeyCollision``
naming them, so that the migration stops with the record unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import sqlalchemy as sa

from trackrecord.forecasts.errors import InvalidInput

Fold = Callable[[str], str]
SHOWN = 5  # collisions named in the message; the rest are counted


class KeyCollision(InvalidInput):
    """Rows whose keys fold together under the new folding; ``pairs`` describes each."""

    def __init__(self, pairs: list[str]) -> None:
        self.pairs = pairs
        shown = "; ".join(pairs[:SHOWN]) + (f"; and {len(pairs) - SHOWN} more" if len(pairs) > SHOWN else "")
        super().__init__(f"{shown} now read as the same (names ignore case and accents)")


def _groups(rows: Iterable[tuple], key) -> list[list[tuple]]:
    grouped: dict = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return [group for group in grouped.values() if len(group) > 1]


def _names(group: list[tuple], show) -> str:
    return " and ".join(show(row) for row in group)


def name_collisions(connection, fold: Fold) -> list[str]:
    """Experts, aliases and options (within a question) whose texts fold to one key."""
    pairs = []
    experts = connection.execute(sa.text("SELECT id, name FROM expert ORDER BY id")).all()
    name_of = {expert_id: name for expert_id, name in experts}
    for group in _groups(experts, lambda row: fold(row[1])):
        pairs.append("experts " + _names(group, lambda row: f"{row[1]!r} (id {row[0]})"))
    aliases = connection.execute(sa.text("SELECT id, expert_id, alias FROM expert_alias ORDER BY id")).all()
    for group in _groups(aliases, lambda row: fold(row[2])):
        pairs.append("aliases " + _names(group, lambda row: f"{row[2]!r} (of {name_of.get(row[1])!r})"))
    expert_by_key = {fold(name): (expert_id, name) for expert_id, name in experts}
    for _alias_id, expert_id, alias in aliases:
        owner = expert_by_key.get(fold(alias))
        if owner is not None and owner[0] != expert_id:
            pairs.append(f"alias {alias!r} of expert {name_of.get(expert_id)!r} and expert {owner[1]!r} (id {owner[0]})")
    options = connection.execute(
        sa.text(
            "SELECT o.id, q.slug, o.label FROM question_option o JOIN question q ON q.id = o.question_id ORDER BY o.id"
        )
    ).all()
    for group in _groups(options, lambda row: (row[1], fold(row[2]))):
        pairs.append(f"options of question {group[0][1]!r} " + _names(group, lambda row: repr(row[2])))
    return pairs


def _claim_keys(connection, fold: Fold) -> list[tuple[int, str, str, str]]:
    """(claim id, question slug, stored key, key under ``fold``) of every claim."""
    rows = connection.execute(
        sa.text(
            "SELECT c.id, q.slug, c.key, o.label FROM claim c JOIN question q ON q.id = c.question_id "
            "LEFT JOIN question_option o ON o.id = c.option_id ORDER BY c.id"
        )
    ).all()
    return [(claim_id, slug, key, key if label is None else f"option:{fold(label)}") for claim_id, slug, key, label in rows]


def claim_collisions(connection, fold: Fold) -> list[str]:
    """Claims of one question whose keys fold together (two options that now read the same)."""
    claims = _claim_keys(connection, fold)
    return [
        f"claims of question {group[0][1]!r} " + _names(group, lambda row: repr(row[2]))
        for group in _groups(claims, lambda row: (row[1], row[3]))
    ]


def check(pairs: list[str]) -> None:
    if pairs:
        raise KeyCollision(pairs)


def _update(connection, table: str, key_column: str, changes: list[dict]) -> None:
    if changes:
        connection.execute(sa.text(f"UPDATE {table} SET {key_column} = :key WHERE id = :id"), changes)


def rekey_names(connection, fold: Fold) -> None:
    """Store ``fold`` of every expert name, alias and option label as its key."""
    for table, source, key in (
        ("expert", "name", "name_key"),
        ("expert_alias", "alias", "alias_key"),
        ("question_option", "label", "label_key"),
    ):
        rows = connection.execute(sa.text(f"SELECT id, {source}, {key} FROM {table}")).all()
        _update(connection, table, key, [{"id": row_id, "key": fold(text)} for row_id, text, stored in rows if fold(text) != stored])


def rekey_claims(connection, fold: Fold) -> None:
    """Store ``option:`` + ``fold`` of its option's label as every option claim's key."""
    changes = [{"id": claim_id, "key": new} for claim_id, _slug, stored, new in _claim_keys(connection, fold) if new != stored]
    _update(connection, "claim", "key", changes)
