"""``trackrecord due`` and ``trackrecord leaderboard``."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.context import today, transaction
from cli.render import OutputFormat, csv_text, json_text, note, say, table

LEADERBOARD_KEYS = (
    "rank", "expert", "resolved", "pending", "brier", "log_loss", "brier_skill",
    "relative_brier", "peer_log", "ci_low", "ci_high",
)
#: column heading in tables, with the metric's direction
LEADERBOARD_HEADINGS = {
    "rank": "rank",
    "expert": "expert",
    "resolved": "resolved",
    "pending": "pending",
    "brier": "Brier ↓",
    "log_loss": "log loss ↓",
    "brier_skill": "skill ↑",
}


def whole_number(value: str | int) -> int:
    """A count of 1 or more, for --min-resolved."""
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise typer.BadParameter(f"{text!r} is not accepted; give a whole number of 1 or more")
    return int(text)


def register(app: typer.Typer) -> None:
    app.command("due")(due)
    app.command("leaderboard")(leaderboard)


def due(ctx: typer.Context) -> None:
    """List claims past their deadline that are still unresolved."""
    from resolutions.status import due_claims

    with transaction(ctx) as session:
        claims = due_claims(session=session, today=today())
    if not claims:
        note("Nothing is due: every claim past its deadline is resolved.")
        return
    say(
        table(
            [(c.question, c.claim, c.deadline, c.forecasts, c.title) for c in claims],
            ["question", "claim", "deadline", "forecasts", "title"],
        )
    )
    note("Resolve with: trackrecord resolve QUESTION yes|no|OPTION, or --happened-on DATE / --not-by DATE for date questions.")


def leaderboard(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Option(help="Only questions with this tag.")] = None,
    min_resolved: Annotated[
        int, typer.Option(parser=whole_number, metavar="N", help="Leave out experts with fewer scored claims.")
    ] = 1,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table, markdown, csv or json.")] = OutputFormat.table,
) -> None:
    """Rank experts by the accuracy of their resolved forecasts."""
    from resolutions.leaderboard import leaderboard as standings

    with transaction(ctx) as session:
        records = [standing.as_dict() for standing in standings(session=session, tag=tag, min_resolved=min_resolved)]
    if fmt is OutputFormat.json:
        say(json_text(records))
    elif fmt is OutputFormat.csv:
        say(csv_text(records, LEADERBOARD_KEYS))
    elif not records:
        note("No expert has a resolved forecast yet" + (f" on questions tagged {tag!r}." if tag else ". Resolve questions with: trackrecord resolve"))
    else:
        keys = list(LEADERBOARD_HEADINGS)
        say(table([[record[key] for key in keys] for record in records], [LEADERBOARD_HEADINGS[k] for k in keys], fmt))
        say("↓ lower is better, ↑ higher is better. Brier 0.25 = always saying 50%; skill 0 = no better than that.")
