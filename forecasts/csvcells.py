r"""CSV cells that are safe to open in a spreadsheet and read back exactly.

Every CSV the program writes (``export --format csv``, every ``--format csv`` listing,
``scale --format csv``) goes through :class:`CsvWriter` (each cell by :func:`csv_cell`),
and every CSV it reads (``import``, ``--scale FILE``) through :func:`restore`. One rule,
both ways:

**Writing a text cell** (:func:`neutralise`). Look at the text after any leading
apostrophes (``'``): when that rest

- looks like a formula to a spreadsheet: after any leading whitespace, control and
  invisible format characters (space, tab, CR, LF, NBSP, zero-width space, BOM …) it
  starts with ``=``, ``+``, ``-`` or ``@``, or a full-width or small form of them
  (``＝ ＋ － ＠``, ``﹦ ﹢ ﹣ ﹫``) or the minus sign ``−``; or
- starts or ends with whitespace (a tab or CR first included; import would otherwise
  trim it),

the text is written with one more ``'`` in front. So ``=1+1`` is written ``'=1+1``,
`` =1`` ``' =1``, ``\t=1`` ``'\t=1``, ``'=SUM(A1)`` ``''=SUM(A1)``; ``'tis``, ``''``,
``'``, ``a'b`` are written as they are (a cell starting with ``'`` is text to every
spreadsheet: the apostrophe is its mark for text).

**Reading a cell** (:func:`restore`) is the exact inverse: when the cell starts with
``'`` (after any whitespace, which export never writes there but a hand-written file may
put after a comma) and what follows is a text the rule marks, exactly that one ``'`` is
removed and nothing else is touched; any other cell is taken as written, trimmed of
surrounding whitespace. A written cell never
needs the other reading, so every text survives export → import → export byte for byte,
and a hand-written ``'tis the season`` keeps its apostrophe. A hand-written cell meant
to hold ``'=1`` must be written ``''=1``, as export does; and a hand-written ``'tis so ``
(apostrophe first, whitespace last) reads as ``tis so `` with its space, since that is
how export writes the text ``tis so ``.

**Numbers are not text.** Which cells are text is decided by the column: the columns
that hold numbers (probabilities, scores, ranks, counts, bin edges) carry Python numbers
all the way to the writer and are written as numbers (``repr``, ``-0.05`` stays
``-0.05``: a spreadsheet reads it as the number it is, not a formula); every other
column (names, titles, quotes, sources, labels, reasons, dates, slugs, phrases) carries
strings and goes through the rule, even a text that looks like a number (a quote ``-1``
is written ``'-1``). A number that is not finite (``inf``) is written as text.

**Line breaks.** A text holding CR or LF anywhere is quoted, so the file reads back
with the same rows; the csv module quotes only the characters of its line terminator,
so a bare CR would otherwise go out unquoted with the ``\n`` terminator used here
(see :class:`CsvWriter`).

This module imports only the standard library: it is cheap to load from the command line.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import unicodedata
from collections.abc import Iterable
from typing import TextIO

#: The characters a spreadsheet starts a formula with, and their full-width and small
#: forms (which some spreadsheets fold to ASCII) and the minus sign.
FORMULA_CHARACTERS = frozenset("=+-@" "\uff1d\uff0b\uff0d\uff20" "\ufe66\ufe62\ufe63\ufe6b" "\u2212")
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))  # control, format (zero-width, BOM), separators


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula: its first character that
    is not whitespace, a control or an invisible format character is one of
    ``FORMULA_CHARACTERS``."""
    for character in text:
        if character in FORMULA_CHARACTERS:
            return True
        if not (character.isspace() or unicodedata.category(character) in _INVISIBLE):
            return False
    return False


def _needs_mark(text: str) -> bool:
    rest = text.lstrip("'")
    return rest != rest.strip() or formula_like(rest)


def neutralise(text: str) -> str:
    """``text`` as a CSV text cell: with one more leading ``'`` when, after its leading
    apostrophes, it looks like a formula or starts or ends with whitespace (the module's rule)."""
    if not text or (text[0].isalnum() and not text[-1].isspace()):  # the common case, at once
        return text
    return "'" + text if _needs_mark(text) else text


def restore(cell: str) -> str:
    """The text a CSV cell holds: the inverse of :func:`neutralise` (one ``'`` removed when
    what follows needed it), any other cell trimmed of surrounding whitespace."""
    if cell[:1] != "'":
        cell = cell.lstrip()  # a hand-written ", '=1": export never starts a cell with whitespace
        if cell[:1] != "'":
            return cell.rstrip()
    if _needs_mark(cell[1:]):
        return cell[1:]
    return cell.rstrip()


def csv_cell(value) -> str:
    """A value as its CSV cell: ``None`` empty, a number as a number (never marked), and
    anything else as text through :func:`neutralise`."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if kind is int:
        return str(value)
    if kind is float and math.isfinite(value):
        return repr(value)
    if isinstance(value, numbers.Number) and not isinstance(value, bool):  # numpy numbers, Decimal
        if isinstance(value, numbers.Integral):
            return str(int(value))
        if isinstance(value, numbers.Real) and math.isfinite(value):
            return repr(float(value))
    return neutralise(str(value))


class CsvWriter:
    """``csv.writer`` with ``\\n`` line ends whose every cell goes through :func:`csv_cell`.

    The csv module quotes a cell holding the delimiter, the quote character or a
    character of the *line terminator*; with ``\\n`` a bare CR would go out unquoted and
    split the row on reading. A row holding a CR is therefore written with ``\\r\\n`` as
    the terminator (which quotes every cell holding CR or LF) and that final ``\\r\\n``
    turned into ``\\n``; other rows go straight through."""

    def __init__(self, handle: TextIO) -> None:
        self._handle = handle
        self._plain = csv.writer(handle, lineterminator="\n")
        self._buffer = io.StringIO()
        self._careful = csv.writer(self._buffer, lineterminator="\r\n")

    def writerow(self, values: Iterable) -> None:
        cells = [  # the common case (a text starting with a letter or digit) inline, for speed
            value if type(value) is str and value[:1].isalnum() and not value[-1].isspace() else csv_cell(value)
            for value in values
        ]
        if "\r" not in "".join(cells):
            self._plain.writerow(cells)
            return
        self._careful.writerow(cells)
        self._handle.write(self._buffer.getvalue()[:-2] + "\n")
        self._buffer.seek(0)
        self._buffer.truncate()
