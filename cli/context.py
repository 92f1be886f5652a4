"""What every command shares: the chosen database, one transaction, and today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from typing import Annotated

import typer

from trackrecord.cli.progress import working
from trackrecord.forecasts.environment import today  # noqa: F401  (commands' today: $TRACKRECORD_TODAY or the system date)

#: ``--reason`` of every command that changes the record (required by each change but tags).
Reason = Annotated[str | None, typer.Option(help="Why: kept in the record's history (required, except for tags).")]


@dataclass(frozen=True)
class Settings:
    db: str | None
    scale: str | None = None
    replace_scale: bool = False

    def verbal_scale(self):
        """The verbal scale chosen with --scale / --replace-scale (default otherwise)."""
        from trackrecord.forecasts.verbal import load_scale

        return load_scale(self.scale, replace=self.replace_scale)


@contextmanager
def transaction(ctx: typer.Context, *, write: bool = False) -> Iterator["Session"]:  # noqa: F821
    """A session on the chosen database inside one transaction: all or nothing. Commands
    that change the record pass ``write=True`` (they queue behind other writers). A
    long one shows its progress on a terminal (``cli/progress.py``)."""
    from trackrecord.forecasts.db import open_database, session_scope

    with working(_doing(ctx)):
        engine = open_database(ctx.find_object(Settings).db)
        try:
            with session_scope(engine, write=write) as session:
                yield session
        finally:
            engine.dispose()


@contextmanager
def record(ctx: typer.Context):
    """The Python API's ``Record`` on the chosen database and scale (commands that are thin
    layers over it); closed when the block ends."""
    from trackrecord.api import Record

    settings = ctx.find_object(Settings)
    with working(_doing(ctx)), Record(settings.db, scale=settings.scale, replace_scale=settings.replace_scale) as opened:
        yield opened


def _doing(ctx: typer.Context) -> str:
    """The command being run, as its progress line names it (``trackrecord leaderboard``)."""
    return " ".join(["trackrecord", *ctx.command_path.split()[1:]])


def parsed_date(text: str | None, what: str) -> dt.date | None:
    """``text`` read as an ISO date (None stays None)."""
    if text is None:
        return None
    from trackrecord.forecasts.parsing import parse_date

    return parse_date(text, what=what)
