"""The ``trackrecord`` command: one sub-app per noun, one error path for all.

Every failure, whether a domain error (``forecasts.errors``) or a usage error from
typer (a missing argument, a bad choice), ends as one line ``Error: …`` on stderr with
exit status 2 for bad input and 1 for conflicts and missing things, and no traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from cli import calibration, demo, experts, extract, forecasts, history, questions, resolve, scale, standings, transfer
from cli.context import Settings
from cli.help import install as install_help

install_help()


def report(message: str, exit_code: int) -> None:
    """Print one ``Error:`` line on stderr and exit."""
    from cli.render import safe_text

    first_line = safe_text(" ".join(str(message).split()))
    typer.echo(f"Error: {first_line}", err=True)
    sys.exit(exit_code)


class ReportingGroup(TyperGroup):
    """The top-level group: runs a command and turns every failure into one line."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra: Any):
        from forecasts.errors import TrackrecordError

        try:
            result = super().main(
                args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra
            )
        except TrackrecordError as error:
            report(str(error), error.exit_code)
        except typer.TyperException as error:  # typer's usage errors (click's ClickException)
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(error.ctx.get_help())
                sys.exit(0)
            report(error.format_message(), error.exit_code)
        except typer.Abort:
            report("aborted", 1)
        if standalone_mode:
            sys.exit(result if isinstance(result, int) else 0)
        return result


app = typer.Typer(
    cls=ReportingGroup,
    name="trackrecord",
    help="Keep public forecasters honest: record experts' forecasts, resolve them, and rank the experts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def configure(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH_OR_URL",
            help="SQLite file or SQLAlchemy URL; else $TRACKRECORD_DB, else trackrecord.db in the user data folder.",
        ),
    ] = None,
    scale: Annotated[
        str | None,
        typer.Option(
            "--scale",
            metavar="FILE",
            envvar="TRACKRECORD_SCALE",
            help="CSV phrase,probability[,source] extending the verbal scale (its rows win); also $TRACKRECORD_SCALE.",
        ),
    ] = None,
    replace_scale: Annotated[
        bool, typer.Option("--replace-scale", help="Use the --scale file instead of the default verbal scale.")
    ] = False,
) -> None:
    """Keep public forecasters honest: record experts' forecasts, resolve them, and rank the experts."""
    ctx.obj = Settings(db=db, scale=scale, replace_scale=replace_scale)


app.add_typer(experts.app, name="expert")
app.add_typer(questions.app, name="question")
app.add_typer(forecasts.app, name="forecast")
resolve.register(app)
standings.register(app)
calibration.register(app)
scale.register(app)
demo.register(app)
extract.register(app)
transfer.register(app)
history.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
