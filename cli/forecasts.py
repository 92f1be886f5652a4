"""``trackrecord forecast add | list``."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.context import parsed_date, today, transaction
from cli.render import note, percent, say

app = typer.Typer(help="Record and list forecasts (append-only).", no_args_is_help=True)


# Negative numbers ("-0.1") must reach the probability check, not be read as options.
@app.command("add", context_settings={"ignore_unknown_options": True})
def add(
    ctx: typer.Context,
    expert: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.")],
    question: Annotated[str, typer.Argument(help="Slug of the question.")],
    probability: Annotated[str, typer.Argument(help="0.35, 35%, or a phrase of the verbal scale ('unlikely').")],
    option: Annotated[str | None, typer.Option(help="Choice questions: the option this probability is for.")] = None,
    window: Annotated[
        str | None,
        typer.Option(help="Date questions: FROM..TO (inclusive), ..TO, or a phrase relative to --made-on ('spring 2025', 'next week', 'February or March').")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Date questions: happens on or before this date or period ('2025-06-30', 'June', 'the end of the year').")
    ] = None,
    made_on: Annotated[str | None, typer.Option(help="YYYY-MM-DD the forecast was made; default today.")] = None,
    quote: Annotated[str | None, typer.Option(help="The expert's words.")] = None,
    source: Annotated[str | None, typer.Option(help="Where it was said: URL or citation.")] = None,
) -> None:
    """Record an expert's probability for a claim on a question."""
    from cli.context import Settings
    from forecasts.errors import InvalidInput
    from forecasts.forecasting import add_forecast
    from forecasts.models import Expert
    from forecasts.verbal import read_probability

    reading = read_probability(probability, ctx.find_object(Settings).verbal_scale)
    value = reading.probability
    if window is not None and by is not None:
        raise InvalidInput("give either --window FROM..TO or --by DATE, not both")
    made = parsed_date(made_on, "made-on date") or today()
    span = None
    if window is not None or by is not None:
        from forecasts.windows import deadline_phrase, parse_window_phrase

        span = parse_window_phrase(window if window is not None else deadline_phrase(by), made_on=made)
    with transaction(ctx) as session:
        forecast = add_forecast(
            session=session,
            expert=expert,
            question=question,
            probability=value,
            made_on=made,
            today=today(),
            option=option,
            window=span,
            quote=quote,
            source=source,
            phrase=reading.phrase,
            scale=reading.scale_version,
        )
        expert_name = session.get(Expert, forecast.expert_id).name
    claim = f" on {option}" if option else f" for {span.label}" if span else ""
    words = ""
    if reading.phrase:
        approximate = " (closest spelling)" if reading.approximate else ""
        words = f" ('{reading.phrase}' read as '{reading.matched}'{approximate}, scale {reading.scale_version})"
    say(f"Recorded: {expert_name} gives {question}{claim} {percent(value)}{words} (made on {made.isoformat()}).")


@app.command("list")
def list_(
    ctx: typer.Context,
    expert: Annotated[str | None, typer.Option(help="Only this expert's forecasts.")] = None,
    question: Annotated[str | None, typer.Option(help="Only forecasts on this question.")] = None,
) -> None:
    """List forecasts, oldest first."""
    from cli.render import table
    from forecasts.forecasting import list_forecasts

    with transaction(ctx) as session:
        rows = list_forecasts(session=session, expert=expert, question=question)
    if not rows:
        note("No forecasts match." if expert or question else "No forecasts yet. Add one with: trackrecord forecast add EXPERT QUESTION PROBABILITY")
        return
    say(
        table(
            [(r.id, r.made_on, r.expert, r.question, r.claim, percent(r.probability), r.phrase, r.quote, r.source) for r in rows],
            ["id", "made on", "expert", "question", "claim", "probability", "phrase", "quote", "source"],
        )
    )
