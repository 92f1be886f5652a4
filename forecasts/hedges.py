"""A small, temporary table of hedge words used by the bundled example.

The seed articles state forecasts in words ("may occur in the spring", "unlikely"),
never in numbers. Until the verbal-probability scale arrives (its own issue), the
example maps each hedge it uses through this table, and keeps the words beside the
number so nothing is hidden and a later scale can re-map them.

Where a phrase appears in the survey of ``shared/data/perceptions`` (46 respondents,
MIT licence, copyright 2016 Zoni Nation, github.com/zonination/perceptions) the number
is that survey's median. The survey has no "may", "could" or "will"; those numbers are
our own reading and say so. The command line does not accept these words yet.
"""

from __future__ import annotations

#: phrase -> (probability, where the number comes from)
HEDGES: dict[str, tuple[float, str]] = {
    "will": (0.95, "stated as fact by an official; survey 'Almost Certainly' median 95%"),
    "very likely": (0.90, "survey 'Highly Likely' median 90%"),
    "likely": (0.70, "survey 'Likely' median 70%"),
    "plans": (0.70, "a reported plan, read like 'Likely' (survey median 70%)"),
    "may": (0.50, "our reading: a bare possibility, neither favoured nor doubted"),
    "could": (0.45, "our reading: possible, slightly short of even"),
    "might": (0.40, "our reading: weaker than 'may'"),
    "possible": (0.40, "our reading: named as one possibility among others"),
    "did not rule out": (0.35, "our reading: a possibility conceded, not embraced"),
    "difficult to imagine": (0.15, "read like 'Little Chance' (survey median 15%)"),
    "unlikely": (0.20, "survey 'Unlikely' median 20%"),
    "improbable": (0.15, "survey 'Improbable' median 15%"),
}


def hedge_probability(phrase: str) -> float:
    """The table's probability for ``phrase`` (case-insensitive); KeyError if absent."""
    return HEDGES[phrase.strip().lower()][0]
