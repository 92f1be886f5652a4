"""``trackrecord expert add | list | show``."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.context import transaction
from cli.render import note, percent, say, table

app = typer.Typer(help="Add, list and show experts (people, outlets, anonymous sources).", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The expert's name, e.g. 'Sergey Markov' or 'The New York Times'.")],
    affiliation: Annotated[str | None, typer.Option(help="Role or organisation.")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another spelling that names this expert; repeatable.")] = None,
) -> None:
    """Add an expert, with any aliases."""
    from forecasts.experts import add_expert

    with transaction(ctx) as session:
        expert = add_expert(session=session, name=name, affiliation=affiliation, aliases=alias or [])
        say(f"Added expert {expert.name} (slug {expert.slug}).")


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List every expert with aliases and number of forecasts."""
    from forecasts.experts import list_experts

    with transaction(ctx) as session:
        experts = list_experts(session=session)
    if not experts:
        note("No experts yet. Add one with: trackrecord expert add NAME")
        return
    say(
        table(
            [(e.name, e.slug, ", ".join(e.aliases), e.affiliation, e.forecasts) for e in experts],
            ["expert", "slug", "aliases", "affiliation", "forecasts"],
        )
    )


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.")],
) -> None:
    """Show an expert and every forecast they made."""
    from forecasts.experts import aliases_of, find_expert
    from forecasts.forecasting import list_forecasts

    with transaction(ctx) as session:
        expert = find_expert(session=session, name=name)
        aliases = aliases_of(session=session, expert=expert)
        forecasts = list_forecasts(session=session, expert=expert.slug)
        say(f"{expert.name}  (slug {expert.slug})")
        if expert.affiliation:
            say(f"affiliation: {expert.affiliation}")
        if aliases:
            say(f"aliases: {', '.join(aliases)}")
    say(f"forecasts: {len(forecasts)}")
    if forecasts:
        say("")
        say(
            table(
                [(f.made_on, f.question, f.claim, percent(f.probability), f.phrase, f.quote) for f in forecasts],
                ["made on", "question", "claim", "probability", "phrase", "quote"],
            )
        )
