"""``trackrecord report --output DIR``: the record as a static web site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackrecord.cli.context import today, transaction
from trackrecord.cli.render import note

OutputFolder = Annotated[
    Path, typer.Option("--output", metavar="DIR", help="A new or empty folder for the site (nothing is overwritten).")
]


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def write_site(ctx: typer.Context, folder: Path) -> None:
    """Write the site of the record ``ctx`` opens into ``folder`` and say where it is."""
    from trackrecord.resolutions.report import build_site, check_output

    check_output(folder)  # before reading the record: a refused folder costs nothing
    with transaction(ctx) as session:
        counts = build_site(session=session, folder=folder, today=today())
    note(
        f"Wrote {counts.pages} pages ({counts.experts} experts, {counts.questions} questions, {counts.forecasts} forecasts) "
        f"to {folder}; open {(folder / 'index.html').absolute().as_uri()} in a browser."
    )


def report(ctx: typer.Context, output: OutputFolder) -> None:
    """Write the record as a static web site: leaderboard, a page per expert and per question,
    methods (no server or JavaScript needed)."""
    write_site(ctx, output)
