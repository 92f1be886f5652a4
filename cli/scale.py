"""``trackrecord scale``: the verbal-probability scale in use."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli.render import OutputFormat, csv_text, json_text, say, table


def register(app: typer.Typer) -> None:
    app.command("scale")(scale)


def scale(
    ctx: typer.Context,
    fmt: Annotated[OutputFormat, typer.Option("--format", case_sensitive=False, help="table, markdown, csv (a valid --scale file) or json.")] = OutputFormat.table,
) -> None:
    """Print the verbal-probability scale: each phrase, its number and where the number comes from."""
    from trackrecord.cli.context import Settings

    current = ctx.find_object(Settings).verbal_scale()
    records = [{"phrase": e.phrase, "probability": e.probability, "source": e.source} for e in current.entries]
    if fmt is OutputFormat.json:
        say(json_text({"version": current.version, "phrases": records}), raw=True)
    elif fmt is OutputFormat.csv:
        say(csv_text(records, ["phrase", "probability", "source"]), raw=True)
    else:
        say(f"Verbal probability scale {current.version}")
        say(table([(r["phrase"], f"{r['probability']:.3g}", r["source"]) for r in records], ["phrase", "probability", "source"], fmt))
        say(
            "Survey medians: 'Perceptions of probability' (github.com/zonination/perceptions), "
            "MIT licence, (c) 2016 Zoni Nation.\n"
            "Variants are accepted ('very unlikely' = 'highly unlikely', 'is expected' = 'expects'). "
            "Extend or replace with --scale FILE [--replace-scale]."
        )
