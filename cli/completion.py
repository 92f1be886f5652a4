"""Shell completion of expert names and question slugs, read from the chosen record.

typer's completion (``trackrecord --install-completion``) calls these with what the user
has typed so far. They read the record named by ``--db`` (else ``$TRACKRECORD_DB``, else
the default file) and never create or migrate one; anything that goes wrong yields no
suggestions rather than output in the middle of someone's command line.
"""

from __future__ import annotations

import typer


def _record_names(ctx: typer.Context, what: str) -> list[str]:
    import os
    from pathlib import Path

    from trackrecord.forecasts.db import ENV_VAR, default_database_path

    db = ctx.find_root().params.get("db") or os.environ.get(ENV_VAR)
    if db is None:
        db = str(default_database_path())
    if "://" not in db and not Path(db).expanduser().is_file():
        return []
    try:
        from sqlmodel import Session, select

        from trackrecord.forecasts.db import HEAD_REVISION, database_url, make_engine, stored_revision

        engine = make_engine(database_url(db))
        if stored_revision(engine) != HEAD_REVISION:
            return []
        with Session(engine) as session:
            if what == "expert":
                from trackrecord.forecasts.experts import list_experts

                return [expert.name for expert in list_experts(session=session)]
            from trackrecord.forecasts.models import Question

            return list(session.exec(select(Question.slug).order_by(Question.slug)).all())
    except Exception:  # noqa: BLE001 - completion must stay silent, whatever the record holds
        return []


def _matching(names: list[str], incomplete: str) -> list[str]:
    start = incomplete.casefold()
    return [name for name in names if name.casefold().startswith(start)]


def experts(ctx: typer.Context, incomplete: str) -> list[str]:
    """Names of the record's experts starting with ``incomplete`` (any case)."""
    return _matching(_record_names(ctx, "expert"), incomplete)


def questions(ctx: typer.Context, incomplete: str) -> list[str]:
    """Slugs of the record's questions starting with ``incomplete``."""
    return _matching(_record_names(ctx, "question"), incomplete)
