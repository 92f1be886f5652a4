"""How names are compared and turned into slugs.

Two spellings name the same expert when they agree after folding case, dropping
diacritics and collapsing whitespace ("  steve   WITKOFF " is "Steve Witkoff",
"Zelenskýy" is "Zelenskyy", and a decomposed "й" matches a composed one). Slugs keep
Unicode letters as written (``Сергей Марков`` has the slug ``сергей-марков``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """The form in which two names are compared: no case, no diacritics, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", folded).split()).casefold()


def slugify(name: str) -> str:
    """A lowercase, hyphenated slug keeping Unicode letters (with their marks) and digits."""
    composed = " ".join(unicodedata.normalize("NFC", name).split()).casefold()
    return _NOT_WORD.sub("-", composed).strip("-_") or "expert"
