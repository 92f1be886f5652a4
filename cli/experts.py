"""``trackrecord expert add | alias | list | show | rename | merge | remove``."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli import completion as complete
from trackrecord.cli.context import Reason, transaction
from trackrecord.cli.render import FormatOption, LimitOption, OutputFormat, SearchOption, csv_text, json_text, narrowed, percent, plain, say, show_records, table

FORECAST_KEYS = ["id", "made_on", "question", "claim", "probability", "phrase", "quote", "source", "outcome", "brier", "counts"]

app = typer.Typer(help="Add, list, show, rename, merge and remove experts (people, outlets, anonymous sources).", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The expert's name, e.g. 'Sergey Markov' or 'The New York Times'.")],
    affiliation: Annotated[str | None, typer.Option(help="Role or organisation.")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", metavar="NAME", help="Another spelling that names this expert; repeatable.")] = None,
    distinct: Annotated[bool, typer.Option("--distinct", help="Add even if the name is close to a known expert's.")] = False,
) -> None:
    """Add an expert, with any aliases."""
    from trackrecord.forecasts.experts import add_or_restore_expert, display_name

    with transaction(ctx, write=True) as session:
        expert, removal = add_or_restore_expert(session=session, name=name, affiliation=affiliation, aliases=alias or [], distinct=distinct)
        if removal is not None:
            say(f"Restored expert {display_name(session, expert)} (slug {expert.slug}), removed on {removal.recorded_at.date().isoformat()}.")
        else:
            say(f"Added expert {expert.name} (slug {expert.slug}).")


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.")],
    spellings: Annotated[list[str], typer.Argument(metavar="SPELLING...", help="Other spellings that name the same expert.")],
) -> None:
    """Join other spellings to an expert ("Witzke" -> Steve Witkoff)."""
    from trackrecord.forecasts.experts import add_aliases, aliases_of, display_name

    with transaction(ctx, write=True) as session:
        expert = add_aliases(session=session, name=name, aliases=spellings)
        say(f"{display_name(session, expert)} is also known as: {', '.join(aliases_of(session=session, expert=expert))}.")


@app.command("list")
def list_(ctx: typer.Context, fmt: FormatOption = OutputFormat.table, limit: LimitOption = None, search: SearchOption = None) -> None:
    """List every expert with aliases and number of forecasts, by name."""
    from trackrecord.forecasts.experts import list_experts

    with transaction(ctx) as session:
        experts = list_experts(session=session)
    records, rows = narrowed(
        plain(experts), [(e.name, e.slug, ", ".join(e.aliases), e.affiliation, e.forecasts) for e in experts], search=search, limit=limit
    )
    show_records(
        records, fmt, rows,
        ["expert", "slug", "aliases", "affiliation", "forecasts"], "No experts yet. Add one with: trackrecord expert add NAME",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.", autocompletion=complete.experts)],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show an expert: scores with intervals, calibration, and every forecast with its outcome
    (JSON: all of it; CSV: the forecasts)."""
    from trackrecord.cli.calibration import calibration_lines
    from trackrecord.cli.standings import leaderboard_rows
    from trackrecord.resolutions.profile import expert_profile

    with transaction(ctx) as session:
        profile = expert_profile(session=session, name=name)
    if fmt is OutputFormat.json:
        return say(json_text(plain(profile)), raw=True)
    if fmt is OutputFormat.csv:
        return say(csv_text(plain(profile.forecasts), FORECAST_KEYS), raw=True)
    say(f"{profile.name}  (slug {profile.slug})")
    if profile.affiliation:
        say(f"affiliation: {profile.affiliation}")
    if profile.aliases:
        say(f"aliases: {', '.join(profile.aliases)}")
    say("")
    if profile.standing is None:
        say("scores: none yet (no resolved forecast)")
    else:
        rows, headings = leaderboard_rows([profile.standing.as_dict()], rank=False)  # the rank is the leaderboard's
        say(table(rows, headings, fmt))
    if profile.calibration is not None:
        say("")
        say("calibration (latest forecast per claim):")
        for line in calibration_lines(profile.calibration, fmt):
            say(line)
    say("")
    say(f"forecasts: {len(profile.forecasts)}  (* = the forecast that counts; correct or retract one by its id)")
    if profile.forecasts:
        say(
            table(
                [
                    (f.id, f.made_on, f.question, f.claim, percent(f.probability), f.phrase, f.outcome,
                     "" if f.brier is None else f"{f.brier:.4f}", "*" if f.counts else "", f.quote)
                    for f in profile.forecasts
                ],
                ["id", "made on", "question", "claim", "probability", "phrase", "outcome", "Brier", "", "quote"],
                fmt,
            )
        )
    if profile.history:
        from trackrecord.cli.history import history_table

        say("")
        say(f"history: {len(profile.history)} change{'s' if len(profile.history) != 1 else ''}")
        say(history_table(profile.history, fmt))


@app.command("rename")
def rename(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.", autocompletion=complete.experts)],
    new: Annotated[str, typer.Argument(help="The expert's name from now on; the old name keeps naming them.")],
    reason: Reason = None,
    distinct: Annotated[bool, typer.Option("--distinct", help="Rename even if the new name is close to another expert's.")] = False,
) -> None:
    """Rename an expert (a new row in the history; the old name stays an alias)."""
    from trackrecord.forecasts.experts import rename_expert

    with transaction(ctx, write=True) as session:
        before, after = rename_expert(session=session, name=old, new_name=new, reason=reason, distinct=distinct)
    say(f"Renamed {before} to {after}; {before!r} still names them.")


@app.command("merge")
def merge(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="The duplicate expert, merged away.", autocompletion=complete.experts)],
    into: Annotated[str, typer.Argument(metavar="INTO", help="The expert who keeps the forecasts.", autocompletion=complete.experts)],
    reason: Reason = None,
) -> None:
    """Merge a duplicate expert into another: forecasts and aliases move, FROM's name becomes an alias."""
    from trackrecord.forecasts.experts import merge_experts

    with transaction(ctx, write=True) as session:
        merged, kept, moved = merge_experts(session=session, source=source, into=into, reason=reason)
    say(f"Merged {merged} into {kept}: {moved} forecast{'s' if moved != 1 else ''} moved; {merged!r} now names {kept}.")


@app.command("remove")
def remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name, alias or slug of an expert with no forecasts.")],
    reason: Reason = None,
) -> None:
    """Remove an expert who has no forecasts (kept in the history; adding the name again restores them)."""
    from trackrecord.forecasts.experts import remove_expert

    with transaction(ctx, write=True) as session:
        removed = remove_expert(session=session, name=name, reason=reason)
    say(f"Removed expert {removed}.")
