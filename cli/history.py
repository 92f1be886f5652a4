"""``trackrecord history``: every correction, retraction, rename, merge, edit and resolution."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli.context import transaction
from trackrecord.cli.render import FormatOption, LimitOption, NewestOption, OutputFormat, SearchOption, narrowed, show_records, table

HEADERS = ["when (UTC)", "by", "subject", "name", "change", "detail", "reason"]


def history_rows(entries) -> list[tuple]:
    return [
        (e.recorded_at.strftime("%Y-%m-%d %H:%M"), e.changed_by, e.subject, e.name, e.action, e.detail, e.reason)
        for e in entries
    ]


def history_table(entries, fmt: OutputFormat = OutputFormat.table) -> str:
    return table(history_rows(entries), HEADERS, fmt)


def register(app: typer.Typer) -> None:
    app.command("history")(history)


def history(
    ctx: typer.Context,
    expert: Annotated[str | None, typer.Option(help="Only changes to this expert and their forecasts.")] = None,
    question: Annotated[str | None, typer.Option(help="Only changes to this question, its forecasts and resolutions.")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    search: SearchOption = None,
    newest_first: NewestOption = False,
) -> None:
    """Show the record's trail: corrections, retractions, renames, merges, edits and resolutions, oldest first."""
    from trackrecord.resolutions.history import history as trail

    with transaction(ctx) as session:
        entries = trail(session=session, expert=expert, question=question)
    empty = "No changes match." if expert or question else "Nothing has been changed or resolved yet."
    records, rows = narrowed([e.as_dict() for e in entries], history_rows(entries), search=search, newest_first=newest_first, limit=limit)
    show_records(records, fmt, rows, HEADERS, empty)
