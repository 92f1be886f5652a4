"""``trackrecord question add | list | show | edit | remove``."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from trackrecord.cli import completion as complete
from trackrecord.cli.context import Reason, parsed_date, today, transaction
from trackrecord.cli.render import FormatOption, OutputFormat, SearchOption, csv_text, json_text, note, plain, say, show_records, table, whole_number

app = typer.Typer(help="Add, list, show, edit and remove questions (binary, choice, date).", no_args_is_help=True)


class Kind(str, Enum):
    binary = "binary"
    choice = "choice"
    date = "date"


@app.command("add")
def add(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="Short unique name, e.g. putin-trump-meeting.")],
    title: Annotated[str, typer.Argument(help="The question in words.")],
    kind: Annotated[Kind, typer.Option("--kind", case_sensitive=False, help="binary (yes/no), choice (one of --option) or date (when).")],
    deadline: Annotated[str | None, typer.Option(help="YYYY-MM-DD by which it is decided; required for binary and choice.")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", metavar="TEXT", help="An answer of a choice question; repeatable.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag for filtering; repeatable.")] = None,
    criteria: Annotated[str | None, typer.Option(help="How the question will be resolved.")] = None,
) -> None:
    """Add a question."""
    from trackrecord.forecasts.questions import add_question

    deadline_day = parsed_date(deadline, "deadline")
    with transaction(ctx, write=True) as session:
        question = add_question(
            session=session,
            slug=slug,
            title=title,
            kind=kind.value,
            deadline=deadline_day,
            options=option or [],
            tags=tag or [],
            criteria=criteria,
        )
        say(f"Added {question.kind} question {question.slug}.")


#: How many questions a listing shows (in every format) unless --limit or --all says otherwise.
PAGE = 50


@app.command("list")
def list_(
    ctx: typer.Context,
    open_: Annotated[bool, typer.Option("--open", help="Only questions not yet resolved.")] = False,
    due: Annotated[bool, typer.Option("--due", help="Only questions with a claim past its deadline and unresolved.")] = False,
    resolved: Annotated[bool, typer.Option("--resolved", help="Only resolved or annulled questions.")] = False,
    tag: Annotated[str | None, typer.Option(help="Only questions with this tag.")] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", parser=whole_number, metavar="N",
            help=f"Show at most N questions (1 or more; default {PAGE}).",
        ),
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help=f"Show every question (default: the first {PAGE}).")] = False,
    search: SearchOption = None,
) -> None:
    """List questions with their status, by slug: the first 50 (in every format), and on
    stderr how many there are."""
    from trackrecord.forecasts.errors import InvalidInput
    from trackrecord.resolutions.status import question_page

    if open_ + due + resolved > 1:
        raise InvalidInput("give at most one of --open, --due and --resolved")
    if all_ and limit is not None:
        raise InvalidInput(f"give --limit {limit} or --all, not both")
    chosen = "open" if open_ else "due" if due else "resolved" if resolved else None
    if limit is None and not all_:
        limit = PAGE
    with transaction(ctx) as session:
        statuses, total = question_page(session=session, today=today(), tag=tag, status=chosen, search=search, limit=limit)
    if len(statuses) < total:
        note(f"Showing {len(statuses)} of {total:,} questions (--limit N for more, --all for every one).")
    show_records(
        plain(statuses), fmt, [(s.slug, s.kind, s.deadline, s.status, s.forecasts, ", ".join(s.tags), s.title) for s in statuses],
        ["question", "kind", "deadline", "status", "forecasts", "tags", "title"],
        "No questions match." if chosen or tag or search else "No questions yet. Add one with: trackrecord question add SLUG TITLE --kind binary --deadline DATE",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The question's slug.", autocompletion=complete.questions)],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show a question: its claims and their outcomes, and its resolution history (JSON: all
    of it; CSV: the claims)."""
    from trackrecord.resolutions.status import question_report

    with transaction(ctx) as session:
        report = question_report(session=session, slug=slug, today=today())
    if fmt is OutputFormat.json:
        return say(json_text(plain(report)), raw=True)
    if fmt is OutputFormat.csv:
        return say(csv_text(plain(report.claims), ["claim", "deadline", "outcome", "known_on", "forecasts"]), raw=True)
    status = report.status
    say(f"{status.slug}: {status.title}")
    say(f"kind: {status.kind}    status: {status.status}" + (f"    deadline: {status.deadline}" if status.deadline else ""))
    if status.tags:
        say(f"tags: {', '.join(status.tags)}")
    if report.options:
        say(f"options: {', '.join(report.options)} (anything else resolves as 'other')")
    if report.criteria:
        say(f"criteria: {report.criteria}")
    say("")
    outcome_words = {1: "true", 0: "false", None: "pending"}
    say(
        table(
            [
                (c.claim, c.deadline, "void" if status.status == "annulled" else outcome_words[c.outcome], c.known_on, c.forecasts)
                for c in report.claims
            ],
            ["claim", "deadline", "outcome", "known on", "forecasts"],
            fmt,
        )
        if report.claims
        else "No claims yet: forecast a window with 'trackrecord forecast add EXPERT QUESTION P --window FROM..TO'."
    )
    if report.history:
        say("")
        say("resolution history (oldest first):")
        for entry in report.history:
            flags = " [current]" if entry.current else " [earlier]"
            flags += " [forced re-resolution]" if entry.forced else ""
            say(f"  {entry.recorded_at:%Y-%m-%d %H:%M} UTC  {entry.description}{flags}")
            if entry.evidence:
                say(f"      evidence: {entry.evidence}")
            if entry.note:
                say(f"      note: {entry.note}")
    if report.changes:
        from trackrecord.cli.history import history_table

        say("")
        say("changes (oldest first):")
        say(history_table(report.changes, fmt))


@app.command("edit")
def edit(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The question's slug.", autocompletion=complete.questions)],
    reason: Reason = None,
    title: Annotated[str | None, typer.Option(help="The corrected title.")] = None,
    criteria: Annotated[str | None, typer.Option(help="The corrected resolution criteria ('' clears them).")] = None,
    deadline: Annotated[str | None, typer.Option(help="Binary/choice: the corrected YYYY-MM-DD deadline (not before any forecast).")] = None,
    add_option: Annotated[list[str] | None, typer.Option("--add-option", metavar="TEXT", help="Choice: an option to add; repeatable.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", metavar="TAG", help="A tag to add; repeatable.")] = None,
    untag: Annotated[list[str] | None, typer.Option("--untag", metavar="TAG", help="A tag to take off; repeatable.")] = None,
) -> None:
    """Edit a question: each change is a new row in its history, with the reason."""
    from trackrecord.forecasts.questions import edit_question

    with transaction(ctx, write=True) as session:
        changes = edit_question(
            session=session, slug=slug, reason=reason, title=title, criteria=criteria,
            deadline=parsed_date(deadline, "--deadline date"), add_options=add_option or [], tags=tag or [], untags=untag or [],
        )
        from trackrecord.forecasts.models import Question

        slug = session.get(Question, changes[0].subject_id).slug
    done = ", ".join(f"{c.action} {c.value!r}" if c.value is not None else f"{c.action} cleared" for c in changes)
    say(f"Edited {slug}: {done}.")


@app.command("remove")
def remove(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="The slug of a question nobody forecast.", autocompletion=complete.questions)],
    reason: Reason = None,
) -> None:
    """Remove a question nobody forecast (it stays in the history)."""
    from trackrecord.forecasts.questions import remove_question

    with transaction(ctx, write=True) as session:
        question = remove_question(session=session, slug=slug, reason=reason)
    say(f"Removed question {question.slug}.")
