"""``trackrecord due`` and ``trackrecord leaderboard``."""

from __future__ import annotations

from typing import Annotated

import typer

from enum import Enum

from trackrecord.cli.context import parsed_date, today, transaction
from trackrecord.cli.render import FormatOption, OutputFormat, PlotOption, csv_text, json_text, note, plain, say, show_records, table, whole_number

LEADERBOARD_KEYS = (
    "rank", "expert", "resolved", "pending", "adjusted_brier", "brier", "log_loss", "brier_skill",
    "relative_brier", "peer_log", "peer_total", "ci_low", "ci_high", "p_value",
)


class Metric(str, Enum):
    adjusted = "adjusted"
    brier = "brier"
    log = "log"
    skill = "skill"
    relative = "relative"
    peer = "peer"
    peer_total = "peer-total"


class Policy(str, Enum):
    latest = "latest"
    first = "first"
    time_averaged = "time-averaged"


class Kind(str, Enum):
    binary = "binary"
    choice = "choice"
    date = "date"


LEGEND = (
    "↓ lower is better, ↑ higher is better. Each question counts once. Brier 0.25 = always saying 50%;\n"
    "skill 0 = no better than that. Ranked by adj.: the mean Brier shrunk toward 0.25 as if each expert\n"
    "had {k} more questions at 50% ((sum of Briers + {k} x 0.25) / (questions + {k})), so one lucky question\n"
    "cannot beat a long good record; --metric ranks by a raw score. 95% CI: interval of the mean Brier\n"
    "('too few' below {min_n} questions). p: one-sided test that the expert beats always-50%.\n"
    "rel: Brier minus peers' median on shared questions; peer: log score minus peers' mean, per question\n"
    "(averaged; peer Σ: summed over questions)."
)


def legend() -> str:
    from trackrecord.resolutions.leaderboard import PRIOR_QUESTIONS
    from trackrecord.resolutions.uncertainty import MIN_INTERVAL_N

    return LEGEND.format(min_n=MIN_INTERVAL_N, k=PRIOR_QUESTIONS)


def _interval(record: dict) -> str:
    if record["ci_low"] is None:
        return "too few" if record["resolved"] else "n/a"
    return f"{record['ci_low']:.3f}–{record['ci_high']:.3f}"


def _number(value, digits: int = 4) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def leaderboard_rows(records: list[dict], *, rank: bool = True) -> tuple[list[list], list[str]]:
    """Table rows and headings (with each metric's direction) for standings records; without
    the rank column for ``rank=False``."""
    headings = [
        "rank", "expert", "questions", "pending", "adj. ↓", "Brier ↓", "95% CI", "log ↓", "skill ↑", "rel ↓", "peer ↑",
        "peer Σ ↑", "p",
    ]
    rows = [
        [
            r["rank"], r["expert"], r["resolved"], r["pending"], _number(r["adjusted_brier"]), _number(r["brier"]), _interval(r),
            _number(r["log_loss"]), _number(r["brier_skill"]), _number(r["relative_brier"]),
            _number(r["peer_log"]), _number(r["peer_total"]), _number(r["p_value"], 3),
        ]
        for r in records
    ]
    if not rank:
        return [row[1:] for row in rows], headings[1:]
    return rows, headings


def register(app: typer.Typer) -> None:
    app.command("due")(due)
    app.command("leaderboard")(leaderboard)


def due(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List claims past their deadline that are still unresolved."""
    from trackrecord.resolutions.status import due_claims

    with transaction(ctx) as session:
        claims = due_claims(session=session, today=today())
    show_records(
        plain(claims), fmt, [(c.question, c.claim, c.deadline, c.forecasts, c.title) for c in claims],
        ["question", "claim", "deadline", "forecasts", "title"], "Nothing is due: every claim past its deadline is resolved.",
    )
    if claims and fmt in (OutputFormat.table, OutputFormat.markdown):
        note("Resolve with: trackrecord resolve QUESTION yes|no|OPTION, or --happened-on DATE / --not-by DATE for date questions.")


def leaderboard(
    ctx: typer.Context,
    metric: Annotated[
        Metric,
        typer.Option(
            case_sensitive=False,
            help="Rank by adjusted (mean Brier shrunk toward 0.25 by the number of questions; the default), or the raw "
            "brier, log (log loss), skill, relative (Brier vs peers), peer (mean peer log score) or peer-total "
            "(summed over questions, as Metaculus tournaments rank)."
        ),
    ] = Metric.adjusted,
    policy: Annotated[
        Policy,
        typer.Option(case_sensitive=False, help="Which forecasts count: latest, first, or time-averaged (the mean of daily scores)."),
    ] = Policy.latest,
    tag: Annotated[str | None, typer.Option(help="Only questions with this tag.")] = None,
    kind: Annotated[Kind | None, typer.Option(case_sensitive=False, help="Only questions of this kind.")] = None,
    since: Annotated[str | None, typer.Option(help="Only forecasts made on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only forecasts made on or before YYYY-MM-DD.")] = None,
    min_resolved: Annotated[
        int, typer.Option(parser=whole_number, metavar="N", help="Leave out experts with fewer scored questions.")
    ] = 1,
    fmt: FormatOption = OutputFormat.table,
    plot: PlotOption = None,
) -> None:
    """Rank experts by the accuracy of their resolved forecasts (--plot: each expert's Brier
    score and interval as a chart)."""
    from trackrecord.resolutions.leaderboard import leaderboard as standings
    from trackrecord.resolutions.record import Scope

    if plot is not None:
        from trackrecord.resolutions.plots import check_plot_path

        plot_format = check_plot_path(plot)

    scope = Scope(
        tag=tag, kind=kind.value if kind else None, since=parsed_date(since, "--since date"), until=parsed_date(until, "--until date")
    )
    with transaction(ctx) as session:
        found = standings(session=session, scope=scope, policy=policy.value, metric=metric.value, min_resolved=min_resolved)
        most = 0
        if not found and min_resolved > 1:  # say what filtered everything out
            most = max((s.resolved for s in standings(session=session, scope=scope, policy=policy.value)), default=0)
        if fmt in (OutputFormat.table, OutputFormat.markdown):
            from trackrecord.forecasts.chain import shown_head

            head = shown_head(session.connection())
    records = [standing.as_dict() for standing in found]
    if plot is not None and records:
        from trackrecord.resolutions import plots

        plots.leaderboard_plot(records[: plots.MOST_EXPERTS], plot, plot_format)
        if len(records) > plots.MOST_EXPERTS:
            note(f"Wrote {plot}: the first {plots.MOST_EXPERTS} of {len(records)} experts (narrow with --min-resolved, --tag, --kind).")
        else:
            note(f"Wrote {plot} ({len(records)} experts).")
    elif plot is not None:
        from trackrecord.forecasts.errors import NotFound

        raise NotFound("no expert to plot: no expert has a resolved forecast in this selection; nothing was written")
    elif fmt is OutputFormat.json:
        say(json_text(records), raw=True)  # JSON escapes control characters itself
    elif fmt is OutputFormat.csv:
        say(csv_text(records, LEADERBOARD_KEYS), raw=True)
    elif not records:
        filters = [f"{name} {value}" for name, value in (("--tag", tag), ("--kind", kind and kind.value), ("--since", since), ("--until", until)) if value]
        where = f" with {', '.join(filters)}" if filters else ""
        if most:
            note(f"No expert has {min_resolved} or more scored questions{where}; the most is {most}: lower --min-resolved.")
        elif filters:
            note(f"No expert has a resolved forecast{where}: widen the selection.")
        else:
            note("No expert has a resolved forecast yet. Resolve questions with: trackrecord resolve")
    else:
        rows, headings = leaderboard_rows(records)
        say(table(rows, headings, fmt))
        say(legend())
        say(f"\nRecord chain head: {head}\n(check a later copy of the record against it: trackrecord verify --head SEQ:HASH)")
