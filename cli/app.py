"""The ``trackrecord`` command: one sub-app per noun, one error path for all.

Every failure, whether a domain error (``forecasts.errors``) or a usage error from
typer (a missing argument, a bad choice), ends as one line ``Error: …`` on stderr with
exit status 2 for bad input and 1 for conflicts and missing things, and no traceback.
"""

from __future__ import annotations

import gc
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from trackrecord.cli.context import Settings
from trackrecord.cli.help import install as install_help

install_help()


def report(message: str, exit_code: int) -> None:
    """Print one ``Error:`` line on stderr and exit."""
    from trackrecord.cli.render import safe_text

    first_line = safe_text(" ".join(str(message).split()))
    typer.echo(f"Error: {first_line}", err=True)
    sys.exit(exit_code)


class ReportingGroup(TyperGroup):
    """The top-level group: runs a command and turns every failure into one line."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra: Any):
        from trackrecord.forecasts.errors import TrackrecordError

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


def _print_version(value: bool) -> None:
    if value:
        import trackrecord

        typer.echo(f"trackrecord {trackrecord.__version__}")
        raise typer.Exit()


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
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, expose_value=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Keep public forecasters honest: record experts' forecasts, resolve them, and rank the experts."""
    ctx.obj = Settings(db=db, scale=scale, replace_scale=replace_scale)


#: Each top-level command and the module of ``trackrecord.cli`` that defines it: a noun
#: group (its ``app``) or commands (its ``register``, which may add several).
COMMANDS = {
    "expert": "experts",
    "question": "questions",
    "forecast": "forecasts",
    "resolve": "resolve",
    "due": "standings",
    "leaderboard": "standings",
    "calibration": "calibration",
    "scale": "scale",
    "demo": "demo",
    "extract": "extract",
    "import": "transfer",
    "export": "transfer",
    "history": "history",
    "verify": "verify",
    "report": "report",
}
GROUPS = ("expert", "question", "forecast")


def _register(app: typer.Typer, module_name: str) -> None:
    from importlib import import_module

    module = import_module(f"trackrecord.cli.{module_name}")
    group = next((name for name in GROUPS if COMMANDS[name] == module_name), None)
    if group is not None:
        app.add_typer(module.app, name=group)
    else:
        module.register(app)
#: Global options that take a value (to find the command name in argv).
_VALUED = ("--db", "--scale")


def build(command: str | None = None) -> typer.Typer:
    """The ``trackrecord`` app with every command, or with only ``command`` when it is one.

    typer inspects the signature of every registered command on each run (~4 ms each
    here), and each command's module costs its import; registering only the command asked
    for keeps start-up flat as commands grow.
    """
    app = typer.Typer(
        cls=ReportingGroup,
        name="trackrecord",
        help="Keep public forecasters honest: record experts' forecasts, resolve them, and rank the experts.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(configure)
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module_name in modules:
        _register(app, module_name)
    return app


def command_name(argv: list[str]) -> str | None:
    """The top-level command ``argv`` asks for (after the global options), if any."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            return word
        elif word == "--help" or word == "-h":
            return None
    return None


app = build()


def main() -> None:
    """Console-script entry point: the app with just the command asked for.

    A command first imports its modules: hundreds of thousands of long-lived objects and
    no garbage, which the collector would scan again and again, and once more at exit. So
    it runs with a higher first threshold (a collection every 50,000 new objects instead
    of 700: long commands still collect) and the objects left at the end are frozen out of
    the collection at exit. About a fifth of a short command's time (issue 10's start-up
    target for ``forecast add``).
    """
    gc.set_threshold(50_000, 10, 10)
    try:
        build(command_name(sys.argv[1:]))()
    finally:
        gc.freeze()
