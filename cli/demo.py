"""``trackrecord demo``: the seed example in a fresh temporary database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackrecord.cli.context import Settings, today
from trackrecord.cli.render import say


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    ctx: typer.Context,
    save: Annotated[
        Path | None,
        typer.Option(help="Keep the example database in this new file, to explore it with --db.", dir_okay=False),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", metavar="DIR", help="Also write the example's web site (trackrecord report) into this new or empty folder."),
    ] = None,
) -> None:
    """Load the bundled example (real 2024-2025 forecasts) and print its leaderboard."""
    import tempfile

    from trackrecord.forecasts.errors import Conflict
    from trackrecord.resolutions.example import load_example

    from trackrecord.cli.context import transaction
    from trackrecord.cli.standings import leaderboard

    if save is not None and save.exists():
        raise Conflict(f"file {str(save)!r} already exists; give --save a new file name")
    if report is not None:
        from trackrecord.resolutions.report import check_output

        check_output(report, "--report")
    with tempfile.TemporaryDirectory(prefix="trackrecord-demo-") as folder:
        database = str(save) if save is not None else str(Path(folder) / "demo.db")
        ctx.obj = Settings(db=database)
        with transaction(ctx, write=True) as session:
            counts = load_example(session=session, today=today())
        say(
            f"The bundled example: {counts.forecasts} forecasts by {counts.experts} experts on "
            f"{counts.questions} questions about a Putin–Trump meeting, a ceasefire and a peace deal,"
        )
        say("taken from five news articles of 2024–2025 and resolved with what actually happened.")
        say("")
        ctx.invoke(leaderboard, ctx=ctx)
        if report is not None:
            from trackrecord.cli.report import write_site

            write_site(ctx, report)
    say("")
    if save is not None:
        say(f"The example is saved in {save}; explore it with: trackrecord --db {save} question list")
    if report is None:
        say("See it as a web site (a leaderboard, a page per expert and per question, charts): trackrecord demo --report DIR")
    say("Start your own record (kept in your user data folder, or give --db FILE):")
    say('  trackrecord expert add "Sergey Markov" --affiliation "Russian Institute of Political Studies"')
    say('  trackrecord question add putin-trump-meeting "When will Putin and Trump meet in person?" --kind date')
    say("  trackrecord forecast add \"Sergey Markov\" putin-trump-meeting 50% --window 2025-03-01..2025-05-31 --made-on 2024-11-15")
    say("  trackrecord resolve putin-trump-meeting --happened-on 2025-08-15")
    say("  trackrecord leaderboard")
