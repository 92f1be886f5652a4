"""``trackrecord resolve``: record what happened."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli.context import parsed_date, today, transaction
from trackrecord.cli import completion as complete
from trackrecord.cli.render import say


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve)


def resolve(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="Slug of the question.", autocompletion=complete.questions)],
    outcome: Annotated[str | None, typer.Argument(help="Binary: yes or no. Choice: an option, or 'other' (with --label).")] = None,
    happened_on: Annotated[str | None, typer.Option(help="Date questions: it happened on YYYY-MM-DD.")] = None,
    not_by: Annotated[str | None, typer.Option(help="Date questions: it had not happened by YYYY-MM-DD.")] = None,
    annul: Annotated[bool, typer.Option("--annul", help="Void the question: its forecasts are never scored.")] = False,
    on: Annotated[str | None, typer.Option("--on", help="Binary/choice: YYYY-MM-DD the outcome became known (default today).")] = None,
    evidence: Annotated[str | None, typer.Option(help="URL or citation showing the outcome.")] = None,
    note: Annotated[str | None, typer.Option(help="Free text kept with the resolution.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-resolve a resolved question; the earlier resolution stays in history.")] = False,
    label: Annotated[str | None, typer.Option(help="With 'other': what actually happened (an outcome outside the options), e.g. Istanbul.")] = None,
) -> None:
    """Resolve a question: yes | no | OPTION | --happened-on DATE | --not-by DATE | --annul."""
    from trackrecord.forecasts.models import Question
    from trackrecord.resolutions.resolving import describe_resolution, forecast_counts
    from trackrecord.resolutions.resolving import resolve as record_resolution

    dates = {
        "happened_on": parsed_date(happened_on, "--happened-on date"),
        "not_by": parsed_date(not_by, "--not-by date"),
        "on": parsed_date(on, "--on date"),
    }
    with transaction(ctx, write=True) as session:
        resolution = record_resolution(
            session=session,
            question=question,
            today=today(),
            outcome=outcome,
            annul=annul,
            **dates,
            evidence=evidence,
            note=note,
            force=force,
            guard_forecasts=True,
            other_label=label,
        )
        described = describe_resolution(session, resolution)
        slug = session.get(Question, resolution.question_id).slug  # as stored, not as typed
        scored, unscored = forecast_counts(session=session, question_id=resolution.question_id)
    prefix = "Re-resolved" if resolution.forced else "Resolved"
    counts = f"; it scores {scored} forecast{'s' if scored != 1 else ''}"
    if unscored:
        counts += f" ({unscored} made on or after the day the outcome became known are not scored)"
    say(f"{prefix} {slug}: {described}{counts}.")
