"""``trackrecord extract``: propose candidate forecasts from a news article, for review.

Reads the article, runs ``forecasts.extraction`` with the verbal scale chosen by the
global ``--scale`` options, and prints JSON ``{"article", "published", "candidates":
[...]}`` (or writes it to ``--output``, never over an existing file). The
JSON is meant to be reviewed and edited, then imported; this command never opens the
database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trackrecord.cli.context import Settings, parsed_date
from trackrecord.cli.render import json_text, note, say


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    ctx: typer.Context,
    article: Annotated[
        Path, typer.Argument(metavar="ARTICLE", help="The article as a UTF-8 text file.", show_default=False)
    ],
    published: Annotated[
        str,
        typer.Option(
            "--published", metavar="DATE", help="YYYY-MM-DD the article appeared: every candidate's made_on.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", metavar="FILE", help="Write the JSON to this new file instead of stdout.", dir_okay=False),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", metavar="NAME", help="Who published the article: the speaker of unattributed forecasts."),
    ] = None,
) -> None:
    """Propose candidate forecasts found in a news article (nothing is recorded)."""
    from dataclasses import asdict

    from trackrecord.forecasts.errors import Conflict, InvalidInput
    from trackrecord.forecasts.extraction import extract_forecasts

    day = parsed_date(published, "--published date")
    assert day is not None
    if output is not None and output.exists():
        raise Conflict(f"file {str(output)!r} already exists; give --output a new file name")
    try:
        text = article.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"article {str(article)!r} is not UTF-8 text; give a plain-text file") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InvalidInput(f"article {str(article)!r} cannot be read ({reason}); give a plain-text file") from None
    if "\x00" in text:
        raise InvalidInput(f"article {str(article)!r} is not text (it contains NUL bytes); give a plain-text file")
    candidates = extract_forecasts(text, published=day, scale=ctx.find_object(Settings).verbal_scale(), outlet=outlet)
    document = json_text(
        {
            "article": str(article),
            "published": day.isoformat(),
            "candidates": [asdict(candidate) for candidate in candidates],
        }
    )
    if output is not None:
        try:
            with output.open("x", encoding="utf-8") as file:
                file.write(document + "\n")
        except FileExistsError:
            raise Conflict(f"file {str(output)!r} already exists; give --output a new file name") from None
        except OSError as error:
            raise InvalidInput(f"--output {str(output)!r} cannot be written ({error.strerror})") from None
    else:
        say(document)
    where = f" written to {output}" if output is not None else ""
    note(f"{len(candidates)} candidate forecasts{where}; review and edit before importing")
