"""The ``--search TEXT`` rule of every listing: a row matches when one of its fields, as
JSON shows it, contains the text, ignoring case."""

from __future__ import annotations

from collections.abc import Iterable


def contains(fields: Iterable[str], search: str) -> bool:
    """Whether one of ``fields`` contains ``search``, ignoring case."""
    wanted = search.casefold()
    if "\x00" not in wanted:  # one string, fields apart: a match cannot span two
        return wanted in "\x00".join(fields).casefold()
    return any(wanted in field.casefold() for field in fields)
