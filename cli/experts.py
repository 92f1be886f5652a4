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
    alias: Annotated[list[str] | None, typer.Option("--alias", metavar="NAME", help="Another spelling that names this expert; repeatable.")] = None,
    distinct: Annotated[bool, typer.Option("--distinct", help="Add even if the name is close to a known expert's.")] = False,
) -> None:
    """Add an expert, with any aliases."""
    from forecasts.experts import add_expert

    with transaction(ctx) as session:
        expert = add_expert(session=session, name=name, affiliation=affiliation, aliases=alias or [], distinct=distinct)
        say(f"Added expert {expert.name} (slug {expert.slug}).")


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.")],
    spellings: Annotated[list[str], typer.Argument(metavar="SPELLING...", help="Other spellings that name the same expert.")],
) -> None:
    """Join other spellings to an expert ("Witzke" -> Steve Witkoff)."""
    from forecasts.experts import add_aliases, aliases_of

    with transaction(ctx) as session:
        expert = add_aliases(session=session, name=name, aliases=spellings)
        say(f"{expert.name} is also known as: {', '.join(aliases_of(session=session, expert=expert))}.")


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
    """Show an expert: scores with intervals, calibration, and every forecast with its outcome."""
    from cli.calibration import calibration_lines
    from cli.standings import leaderboard_rows
    from resolutions.profile import expert_profile

    with transaction(ctx) as session:
        profile = expert_profile(session=session, name=name)
    say(f"{profile.name}  (slug {profile.slug})")
    if profile.affiliation:
        say(f"affiliation: {profile.affiliation}")
    if profile.aliases:
        say(f"aliases: {', '.join(profile.aliases)}")
    say("")
    if profile.standing is None:
        say("scores: none yet (no resolved forecast)")
    else:
        rows, headings = leaderboard_rows([profile.standing.as_dict()])
        say(table(rows, headings))
    if profile.calibration is not None:
        say("")
        say("calibration (latest forecast per claim):")
        for line in calibration_lines(profile.calibration):
            say(line)
    say("")
    say(f"forecasts: {len(profile.forecasts)}  (* = the forecast that counts)")
    if profile.forecasts:
        say(
            table(
                [
                    (f.made_on, f.question, f.claim, percent(f.probability), f.phrase, f.outcome,
                     "" if f.brier is None else f"{f.brier:.4f}", "*" if f.counts else "", f.quote)
                    for f in profile.forecasts
                ],
                ["made on", "question", "claim", "probability", "phrase", "outcome", "Brier", "", "quote"],
            )
        )
