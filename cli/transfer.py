"""``trackrecord import FILE...`` and ``trackrecord export``: thin wrappers of ``resolutions.transfer``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from trackrecord.cli import progress
from trackrecord.cli.context import Settings, parsed_date, today, transaction
from trackrecord.cli.render import note, say


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("import")(import_files)
    app.command("export")(export)


def import_files(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="JSON exports (.json), reviewed 'extract' output (.json: each candidate with \"accept\": true or false), or CSV tables: questions, forecasts, or a wide expert × question matrix.")],
    add_experts: Annotated[bool, typer.Option("--add-experts", help="CSV: create experts not yet in the record instead of refusing the row.")] = False,
    distinct: Annotated[bool, typer.Option("--distinct", help="With --add-experts or extract output: create new experts even if a name is close to another expert's.")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="CSV: import the valid rows and list the skipped ones on stderr.")] = False,
    made_on: Annotated[str | None, typer.Option(help="Wide matrix CSV: YYYY-MM-DD every forecast in it was made.")] = None,
) -> None:
    """Import files in one transaction: all of them or nothing. Re-importing adds nothing."""
    from trackrecord.forecasts.errors import InvalidInput
    from trackrecord.resolutions.transfer.document import ImportCounts
    from trackrecord.resolutions.transfer.tables import RowErrors, import_file

    made = parsed_date(made_on, "--made-on date")
    for path in files:
        if path.is_dir():
            raise InvalidInput(f"{str(path)!r} is a folder; give the path of a .json export or a .csv table")
        if not path.is_file():
            raise InvalidInput(f"file {str(path)!r} does not exist; give the path of a .json export or a .csv table")
    total = ImportCounts()
    skipped: list[str] = []
    try:
        with transaction(ctx, write=True) as session:
            for path in files:
                result = import_file(
                    session=session,
                    path=path,
                    today=today(),
                    scale=ctx.find_object(Settings).verbal_scale,
                    add_experts=add_experts,
                    distinct=distinct,
                    made_on=made,
                    progress=_count,
                )
                total.merge(result.counts)
                skipped.extend(result.skipped)
            if skipped and not skip_invalid:
                raise RowErrors(skipped)
    except RowErrors as failure:
        for line in failure.errors:
            typer.echo(f"Error: {line}", err=True)
        raise typer.Exit(2) from None
    for line in skipped:
        note(f"Skipped: {line}")
    added = ", ".join(f"{count} {kind}" for kind, count in total.added.items())
    say(f"Imported {len(files)} file{'s' if len(files) != 1 else ''}: added {added}; {total.present} already present"
        + (f"; {len(skipped)} invalid rows skipped" if skipped else "") + ".")


def _count(written: int) -> None:
    progress.count(f"{written:,} forecasts written")


def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json: the whole record in one document; csv: questions.csv and forecasts.csv.")] = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", help="json: a file (default stdout); csv: a folder (required).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing output files.")] = False,
) -> None:
    """Export the record: one JSON document, or CSV tables in the import formats. Files are
    written whole or not at all; an existing file is replaced only with --force."""
    from trackrecord.forecasts.chain import shown_head
    from trackrecord.forecasts.errors import InvalidInput
    from trackrecord.resolutions.transfer.files import atomic_file, check_target

    if fmt is ExportFormat.csv:
        from trackrecord.resolutions.transfer.tables import export_tables

        if output is None:
            raise InvalidInput("--format csv writes two files; give --output DIR (a folder)")
        if output.is_symlink() or (output.exists() and not output.is_dir()):
            raise InvalidInput(f"--output {str(output)!r} is not a folder; --format csv writes questions.csv and forecasts.csv into one")
        if not output.parent.is_dir():
            raise InvalidInput(f"--output {str(output)!r} is in a folder that does not exist; create it first")
        output.mkdir(exist_ok=True)
        with transaction(ctx) as session:
            written = export_tables(session=session, folder=output, force=force)
            head = shown_head(session.connection())
        note(f"Wrote {', '.join(str(path) for path in written)} (record chain head {head}).")
        return
    from trackrecord.resolutions.transfer.document import document_text, export_document

    if output is not None:
        check_target(output, force=force)
    with transaction(ctx) as session:
        text = document_text(export_document(session=session))
        head = shown_head(session.connection())
    if output is None:
        typer.echo(text, nl=False)
    else:
        with atomic_file(output) as handle:
            handle.write(text)
        note(f"Wrote {output} (record chain head {head}).")
