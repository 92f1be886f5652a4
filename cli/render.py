"""Turning rows into text: tables through tabulate, plus csv and json for pipes.

tabulate is imported only when a table is actually drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

import typer


class OutputFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


def _cell(value):
    if isinstance(value, float):
        return f"{value:.4f}"
    if value is None:
        return ""
    return value


def table(rows: Sequence[Sequence], headers: Sequence[str], fmt: OutputFormat = OutputFormat.table) -> str:
    """``rows`` under ``headers`` as a text table (plain or markdown)."""
    from tabulate import tabulate

    style = "github" if fmt is OutputFormat.markdown else "simple"
    return tabulate([[_cell(value) for value in row] for row in rows], headers=list(headers), tablefmt=style, disable_numparse=True)


def csv_text(records: Sequence[dict], keys: Sequence[str]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(keys), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: "" if record[key] is None else record[key] for key in keys})
    return buffer.getvalue().rstrip("\n")


def json_text(records) -> str:
    """Indented JSON; a list of records is written one record per line (fast for big lists)."""
    import json

    if isinstance(records, list) and records and all(isinstance(record, dict) for record in records):
        lines = ",\n".join("  " + json.dumps(record, ensure_ascii=False, default=str) for record in records)
        return f"[\n{lines}\n]"
    return json.dumps(records, indent=2, ensure_ascii=False, default=str)


def say(text: str) -> None:
    typer.echo(text)


def note(text: str) -> None:
    """A message for the person at the terminal, kept off stdout so pipes stay clean."""
    typer.echo(text, err=True)


def percent(probability: float) -> str:
    return f"{probability * 100:.4g}%"
