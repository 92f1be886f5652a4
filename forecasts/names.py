"""How names are compared and turned into slugs.

Two spellings name the same expert when they agree after folding case and collapsing
whitespace ("  steve   WITKOFF " is "Steve Witkoff"), in Unicode normal form C. Unicode names keep their letters
(``Сергей Марков`` has the slug ``сергей-марков``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """The form in which two names are compared (NFC, so composed and decomposed letters agree)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def slugify(name: str) -> str:
    """A lowercase, hyphenated slug keeping Unicode letters and digits."""
    return _NOT_WORD.sub("-", name_key(name)).strip("-_") or "expert"
