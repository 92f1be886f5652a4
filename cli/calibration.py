"""``trackrecord calibration [EXPERT]``: bins, Murphy decomposition, reliability diagram."""

from __future__ import annotations

from typing import Annotated

import typer

from trackrecord.cli.context import transaction
from trackrecord.cli.render import FormatOption, OutputFormat, PlotOption, csv_text, json_text, note, plain, say, table
from trackrecord.cli.standings import Kind, Policy


def bins_option(value: str | int) -> int | None:
    """N equal-width bins (1 to 100), or 'distinct' for one bin per forecast value."""
    text = str(value).strip().lower()
    if text == "distinct":
        return None
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise typer.BadParameter(f"{value!r} is not accepted; give a whole number from 1 to 100, or 'distinct'")
    return int(text)


def register(app: typer.Typer) -> None:
    app.command("calibration")(calibration)


def calibration_lines(report, fmt: OutputFormat = OutputFormat.table) -> list[str]:
    """The bin table, the Murphy terms and the diagram of a calibration report."""
    from trackrecord.resolutions.calibration import reliability_diagram

    bins = report.table
    rows = [
        (
            f"{low:.2f}" if low == high else f"{low:.2f}-{high:.2f}", count, f"{forecast:.3f}", f"{observed:.3f}",
            f"{observed_low:.2f}–{observed_high:.2f}",
        )
        for low, high, count, forecast, observed, observed_low, observed_high in zip(
            bins.low, bins.high, bins.count, bins.mean_forecast, bins.observed, bins.observed_low, bins.observed_high
        )
        if count
    ]
    murphy = report.murphy
    return [
        table(rows, ["bin", "count", "mean forecast", "observed", "95% interval"], fmt),
        "",
        f"Murphy decomposition over {report.forecasts} scored claims:",
        f"  reliability {murphy.reliability:.4f} (↓)  resolution {murphy.resolution:.4f} (↑)  "
        f"uncertainty {murphy.uncertainty:.4f}",
        f"  reliability - resolution + uncertainty = {murphy.brier:.4f}; mean Brier = {report.mean_brier:.4f}"
        + ("" if abs(murphy.brier - report.mean_brier) < 1e-9 else " (they differ by the spread of forecasts within bins)"),
        "",
        "reliability diagram ('|' mean forecast, 'o' observed frequency, '@' both):",
        *reliability_diagram(bins),
    ]


def calibration(
    ctx: typer.Context,
    experts: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[EXPERT]...",
            help="Name, alias or slug; omit for all experts together; several only with --plot (overlaid).",
        ),
    ] = None,
    bins: Annotated[
        int | None, typer.Option(parser=bins_option, metavar="N|distinct", help="Equal-width bins, or 'distinct' for one per forecast value.")
    ] = 10,
    policy: Annotated[Policy, typer.Option(case_sensitive=False, help="Which forecast counts: latest, first or time-averaged.")] = Policy.latest,
    tag: Annotated[str | None, typer.Option(help="Only questions with this tag.")] = None,
    kind: Annotated[Kind | None, typer.Option(case_sensitive=False, help="Only questions of this kind.")] = None,
    fmt: FormatOption = OutputFormat.table,
    plot: PlotOption = None,
) -> None:
    """How well an expert's probabilities match how often things happened (CSV: the bins;
    --plot: a reliability diagram, several experts overlaid)."""
    from trackrecord.forecasts.errors import InvalidInput, NotFound
    from trackrecord.resolutions.record import Scope
    from trackrecord.resolutions.profile import calibration_report

    experts = list(dict.fromkeys(experts or []))
    if plot is None and len(experts) > 1:
        raise InvalidInput(f"{len(experts)} experts given; give one EXPERT, or several with --plot FILE.svg to overlay them")
    if plot is not None:
        from trackrecord.resolutions.plots import check_plot_path

        plot_format = check_plot_path(plot)
    scope = Scope(tag=tag, kind=kind.value if kind else None)
    with transaction(ctx) as session:
        reports = [
            (expert, calibration_report(session=session, expert=expert, scope=scope, policy=policy.value, bins=bins))
            for expert in experts or [None]
        ]
    if plot is not None:
        missing = [expert or "any expert" for expert, report in reports if report is None]
        if missing:
            raise NotFound(f"no resolved forecast to calibrate for {', '.join(missing)}; nothing was written")
        from trackrecord.resolutions.plots import reliability_plot

        reliability_plot([(expert or "all experts", report) for expert, report in reports], plot, plot_format)
        return note(f"Wrote {plot}.")
    expert, report = reports[0]
    if report is None:
        if fmt is OutputFormat.json:
            return say("null", raw=True)
        note("No resolved forecast to calibrate" + (f" for {expert}." if expert else " yet."))
        return
    if fmt is OutputFormat.json:
        return say(json_text(plain(report) | {"murphy": plain(report.murphy) | {"brier": report.murphy.brier}}), raw=True)
    if fmt is OutputFormat.csv:
        bins = plain(report.table)
        return say(csv_text([dict(zip(bins, values)) for values in zip(*bins.values())], list(bins)), raw=True)
    for line in calibration_lines(report, fmt):
        say(line)
