"""``trackrecord verify``: recompute the record's hash chain (``forecasts/chain.py``)."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli.context import transaction
from trackrecord.cli.render import say


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)


def verify(
    ctx: typer.Context,
    head: Annotated[
        str | None,
        typer.Option(metavar="SEQ:HASH", help="A chain head published earlier (under a leaderboard): check that this record still holds it."),
    ] = None,
) -> None:
    """Check that no forecast, claim, change or resolution was edited, deleted or slipped in
    behind trackrecord's back (exit 3 if one was)."""
    from trackrecord.forecasts.chain import check_record

    with transaction(ctx) as session:
        verdict = check_record(session.connection(), head)
    say(f"The record's chain holds: {verdict.links} links, head {verdict.head}.")
