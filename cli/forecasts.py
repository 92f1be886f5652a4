"""``trackrecord forecast add | list | correct | retract``."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli import completion as complete
from trackrecord.cli.context import Reason, parsed_date, record, transaction
from trackrecord.cli.render import FormatOption, LimitOption, NewestOption, OutputFormat, SearchOption, narrowed, percent, say, show_records, whole_number

WindowOption = Annotated[
    str | None,
    typer.Option(help="Date questions: FROM..TO (inclusive), ..TO, or a phrase relative to --made-on ('spring 2025', 'next week', 'February or March').")
]
ByOption = Annotated[
    str | None, typer.Option("--by", help="Date questions: happens on or before this date or period ('2025-06-30', 'June', 'the end of the year').")
]


def _words(added) -> str:
    if not added.phrase:
        return ""
    approximate = " (closest spelling)" if added.approximate else ""
    return f" ('{added.phrase}' read as '{added.matched}'{approximate}, scale {added.scale})"

app = typer.Typer(help="Record, list, correct and retract forecasts (append-only).", no_args_is_help=True)


# Negative numbers ("-0.1") must reach the probability check, not be read as options.
@app.command("add", context_settings={"ignore_unknown_options": True})
def add(
    ctx: typer.Context,
    expert: Annotated[str, typer.Argument(help="Name, alias or slug of the expert.", autocompletion=complete.experts)],
    question: Annotated[str, typer.Argument(help="Slug of the question.", autocompletion=complete.questions)],
    probability: Annotated[str, typer.Argument(help="0.35, 35%, or a phrase of the verbal scale ('unlikely').")],
    option: Annotated[str | None, typer.Option(help="Choice questions: the option this probability is for.")] = None,
    window: WindowOption = None,
    by: ByOption = None,
    made_on: Annotated[str | None, typer.Option(help="YYYY-MM-DD the forecast was made; default today.")] = None,
    quote: Annotated[str | None, typer.Option(help="The expert's words.")] = None,
    source: Annotated[str | None, typer.Option(help="Where it was said: URL or citation.")] = None,
) -> None:
    """Record an expert's probability for a claim on a question."""
    with record(ctx) as opened:
        added = opened.add_forecast(
            expert, question, probability, made_on=parsed_date(made_on, "made-on date"), option=option,
            window=window, by=by, quote=quote, source=source,
        )
    claim = f" on {added.claim}" if option else f" for {added.claim}" if window or by else ""
    say(f"Recorded forecast {added.id}: {added.expert} gives {added.question}{claim} {percent(added.probability)}{_words(added)} "
        f"(made on {added.made_on.isoformat()}).")


@app.command("list")
def list_(
    ctx: typer.Context,
    expert: Annotated[str | None, typer.Option(help="Only this expert's forecasts.")] = None,
    question: Annotated[str | None, typer.Option(help="Only forecasts on this question.")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    search: SearchOption = None,
    newest_first: NewestOption = False,
) -> None:
    """List the forecasts that stand (corrected and retracted ones are in 'history'), oldest first."""
    from trackrecord.forecasts.forecasting import list_forecasts

    with transaction(ctx) as session:
        rows = list_forecasts(session=session, expert=expert, question=question)
    records, shown = narrowed(  # vars, not asdict: its deep copy of every field took half the time at a million rows
        [vars(r) | {"made_on": r.made_on.isoformat(), "recorded_at": r.recorded_at.isoformat()} for r in rows],
        [(r.id, r.made_on, r.expert, r.question, r.claim, percent(r.probability), r.phrase, r.quote, r.source) for r in rows],
        search=search, newest_first=newest_first, limit=limit,
    )
    show_records(
        records,
        fmt,
        shown,
        ["id", "made on", "expert", "question", "claim", "probability", "phrase", "quote", "source"],
        "No forecasts match." if expert or question else "No forecasts yet. Add one with: trackrecord forecast add EXPERT QUESTION PROBABILITY",
    )


@app.command("correct", context_settings={"ignore_unknown_options": True})
def correct(
    ctx: typer.Context,
    forecast_id: Annotated[int, typer.Argument(metavar="ID", parser=whole_number, help="The forecast's id (forecast list, expert show).")],
    reason: Reason = None,
    probability: Annotated[str | None, typer.Option(help="The right probability: 0.35, 35% or a phrase.")] = None,
    made_on: Annotated[str | None, typer.Option(help="The right YYYY-MM-DD the forecast was made.")] = None,
    option: Annotated[str | None, typer.Option(help="Choice questions: the right option.")] = None,
    window: WindowOption = None,
    by: ByOption = None,
    quote: Annotated[str | None, typer.Option(help="The right quote ('' clears it).")] = None,
    source: Annotated[str | None, typer.Option(help="The right source ('' clears it).")] = None,
    expert: Annotated[str | None, typer.Option(help="The expert who really said it.")] = None,
) -> None:
    """Correct a forecast: a corrected copy replaces it, the original stays in the history."""
    with record(ctx) as opened:
        new = opened.correct_forecast(
            forecast_id, reason=reason, probability=probability, made_on=parsed_date(made_on, "made-on date"),
            option=option, window=window, by=by, quote=quote, source=source, expert=expert,
        )
    say(f"Corrected forecast {forecast_id}: now forecast {new.id}, {percent(new.probability)}{_words(new) if probability else ''} "
        f"made on {new.made_on.isoformat()}; forecast {forecast_id} stays in the history.")


@app.command("retract")
def retract(
    ctx: typer.Context,
    forecast_id: Annotated[int, typer.Argument(metavar="ID", parser=whole_number, help="The forecast's id (forecast list, expert show).")],
    reason: Reason = None,
) -> None:
    """Retract a forecast that should not have been recorded: no longer scored, kept in the history."""
    from trackrecord.forecasts.forecasting import retract_forecast

    with transaction(ctx, write=True) as session:
        forecast = retract_forecast(session=session, forecast_id=forecast_id, reason=reason)
    say(f"Retracted forecast {forecast.id} ({percent(forecast.probability)} made on {forecast.made_on.isoformat()}); it stays in the history.")
