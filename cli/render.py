"""Turning rows into text: tables through tabulate, plus csv and json for pipes.

CSV cells follow ``forecasts.csvcells`` (safe in a spreadsheet, read back exactly).

tabulate is imported only when a table is actually drawn.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from trackrecord.cli import progress
from trackrecord.forecasts.search import contains


class OutputFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


#: A table cell longer than this is cut (with "…"); JSON and CSV keep every character.
CELL_WIDTH = 120
#: Control characters (C0 but tab, DEL, C1): shown as escapes, never sent to the terminal raw.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # the same but newline


def safe_text(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters (an ANSI escape in a name, a NUL) made visible as
    \\xNN; with ``keep_lines``, tabs and newlines stay (whole tables, messages)."""
    pattern = _TERMINAL_CONTROL if keep_lines else _CONTROL
    return pattern.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _cell(value, fmt: OutputFormat = OutputFormat.table):
    if isinstance(value, float):
        return f"{value:.4f}"
    if value is None:
        return ""
    if isinstance(value, str):
        text = safe_text(value)
        if len(text) > CELL_WIDTH:
            text = text[: CELL_WIDTH - 1] + "…"
        return text.replace("|", "\\|") if fmt is OutputFormat.markdown else text
    return value


def table(rows: Sequence[Sequence], headers: Sequence[str], fmt: OutputFormat = OutputFormat.table) -> str:
    """``rows`` under ``headers`` as a text table (plain or markdown), every cell made safe:
    control characters escaped, long text cut, ``|`` escaped in markdown."""
    from tabulate import tabulate

    style = "github" if fmt is OutputFormat.markdown else "simple"
    cells = [[_cell(value, fmt) for value in row] for row in rows]
    return tabulate(cells, headers=list(headers), tablefmt=style, disable_numparse=True)


PlotOption = Annotated[
    Path | None,
    typer.Option("--plot", metavar="FILE", help="Draw the chart into FILE (.svg or .png) instead of printing; a new file."),
]

FormatOption = Annotated[OutputFormat, typer.Option("--format", case_sensitive=False, help="table, markdown, csv or json.")]


def plain(value):
    """``value`` (dataclasses, numpy arrays and numbers, dates) as JSON-ready Python:
    dicts, lists, floats (NaN as None), ISO dates."""
    import dataclasses
    import datetime as dt
    import math

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return plain(value.tolist())
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


#: The largest whole number a database column holds (a signed 64-bit integer).
LARGEST = 2**63 - 1


def whole_number(value: str | int) -> int:
    """A count or id of 1 or more (--min-resolved, --limit, forecast ids), naming a bad value."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= LARGEST:
        raise typer.BadParameter(f"{text!r} is not accepted; give a whole number from 1 to {LARGEST}")
    return int(text)


LimitOption = Annotated[int | None, typer.Option("--limit", parser=whole_number, metavar="N", help="Show at most N rows (1 or more).")]
SearchOption = Annotated[str | None, typer.Option("--search", metavar="TEXT", help="Only rows with TEXT in any field (ignoring case).")]
NewestOption = Annotated[bool, typer.Option("--newest-first", help="Newest first (default: oldest first).")]


def matches(record: dict, search: str) -> bool:
    """Whether a field of ``record`` contains ``search``, ignoring case (``--search``)."""
    return contains((str(v) for v in record.values() if v is not None), search)


def narrowed(records: list[dict], rows: list, *, search: str | None = None, newest_first: bool = False, limit: int | None = None):
    """``records`` and their display ``rows`` (in step) kept when a field contains ``search``
    (ignoring case), reversed for ``newest_first``, cut to ``limit``; says on stderr when rows
    were left out by the limit."""
    pairs = list(zip(records, rows))
    if search:
        pairs = [(r, row) for r, row in pairs if matches(r, search)]
    if newest_first:
        pairs.reverse()
    if limit is not None and len(pairs) > limit:
        note(f"Showing {limit} of {len(pairs)} rows (--limit).")
        pairs = pairs[:limit]
    return [r for r, _ in pairs], [row for _, row in pairs]


def show_records(records: list[dict], fmt: OutputFormat, rows: Sequence[Sequence], headers: Sequence[str], empty: str) -> None:
    """Print ``records`` as JSON or CSV (every key, values as stored), or their ``rows``
    under ``headers`` as a table (values formatted for reading); for no records, a table
    is the ``empty`` message on stderr (JSON and CSV stay parseable: ``[]``, a header)."""
    if not records and fmt in (OutputFormat.table, OutputFormat.markdown):
        note(empty)
    elif fmt is OutputFormat.json:
        say(json_text(records), raw=True)
    elif fmt is OutputFormat.csv:
        say(csv_text(records, list(records[0]) if records else []), raw=True)
    else:
        say(table(rows, headers, fmt))


def csv_text(records: Sequence[dict], keys: Sequence[str]) -> str:
    """``records`` under the header ``keys`` as CSV, by the one rule of every CSV the
    program writes (``forecasts.csvcells``): numbers as numbers, every text cell a
    spreadsheet could take for a formula (or that starts with ``'``) marked with a leading
    ``'``, text holding CR or LF quoted."""
    import io

    from trackrecord.forecasts.csvcells import CsvWriter

    buffer = io.StringIO()
    writer = CsvWriter(buffer)
    writer.writerow(keys)
    for record in records:
        writer.writerow([record[key] for key in keys])
    return buffer.getvalue().rstrip("\n")


_C1 = re.compile("[\x7f-\x9f]")


def json_text(records) -> str:
    """Indented JSON; a list of records is written one record per line (fast for big lists).

    json escapes the C0 controls but passes DEL and the C1 controls (U+0080–U+009F: a
    U+009B starts an escape sequence in many terminals) through; they are written as
    \\u escapes too, which every JSON reader turns back into the same characters."""
    import json

    if isinstance(records, list) and records and all(isinstance(record, dict) for record in records):
        lines = ",\n".join("  " + json.dumps(record, ensure_ascii=False, default=str) for record in records)
        text = f"[\n{lines}\n]"
    else:
        text = json.dumps(records, indent=2, ensure_ascii=False, default=str)
    return _C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


#: Stand-ins for the few non-ASCII marks of our own output, for a stdout that cannot encode them.
_ASCII = str.maketrans({"↓": "(low)", "↑": "(high)", "–": "-", "…": "...", "Σ": "sum", "×": "x", "≤": "<=", "≥": ">="})


def _encodable(text: str, stream) -> str:
    """``text`` as ``stream`` can print it: our arrows and dashes in ASCII, other characters
    replaced, rather than a UnicodeEncodeError (a cp1252 or ASCII console)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        return text.translate(_ASCII).encode(encoding, errors="replace").decode(encoding)


def say(text: str, *, raw: bool = False) -> None:
    """Print ``text`` on stdout; control characters from the record are shown escaped,
    unless ``raw``: CSV, which must keep the data as it is, and JSON, which escapes them
    itself (and is large: no second pass over it)."""
    progress.stop()
    if raw:  # not through click, which strips what looks like ANSI codes from piped output
        sys.stdout.write(_encodable(text, sys.stdout) + "\n")
        sys.stdout.flush()
        return
    typer.echo(_encodable(safe_text(text, keep_lines=True), sys.stdout))


def note(text: str) -> None:
    """A message for the person at the terminal, kept off stdout so pipes stay clean."""
    progress.stop()
    typer.echo(_encodable(safe_text(text, keep_lines=True), sys.stderr), err=True)


def percent(probability: float) -> str:
    return f"{probability * 100:.4g}%"
