"""The Python API: a record opened by path or URL, with the command line's rules and errors.

Every method is one transaction, exactly like one command: it writes everything or, on
an error (``trackrecord.forecasts.errors.TrackrecordError``: ``InvalidInput``,
``NotFound``, ``Conflict``), nothing. The command line calls the same domain functions
(``trackrecord.forecasts``, ``trackrecord.resolutions``) with the same arguments, so the
integrity rules cannot differ. Results are plain dataclasses and dicts; the
``*_frame`` methods return pandas DataFrames when pandas is installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from trackrecord.forecasts import environment
from trackrecord.forecasts.db import open_database
from trackrecord.forecasts.errors import InvalidInput

Day = dt.date | str | None


def _day(value: Day, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from trackrecord.forecasts.parsing import parse_date

    return parse_date(value, what=what)


@dataclass(frozen=True)
class ExpertAdded:
    name: str
    slug: str


@dataclass(frozen=True)
class ForecastAdded:
    """A forecast as recorded: the names as stored, the claim as it reads, and how a
    phrase was read (``matched`` the scale's phrase, ``approximate`` for a misspelling)."""

    id: int
    expert: str
    question: str
    claim: str
    probability: float
    phrase: str | None
    made_on: dt.date
    matched: str | None = None
    approximate: bool = False
    scale: str | None = None


class Record:
    """A trackrecord record: an SQLite file, ``":memory:"``, an SQLAlchemy URL, or None for
    ``$TRACKRECORD_DB`` / the default file, as the command line chooses.

    ``today`` fixes the date used for "today" (defaults and future-date checks); by
    default it is ``$TRACKRECORD_TODAY`` or else the real date, read at each call. ``scale`` is a verbal-scale CSV extending
    (or with ``replace_scale``, replacing) the default scale, as ``--scale`` does.
    """

    def __init__(self, database: str | Path | None, *, today: dt.date | None = None, scale: str | Path | None = None, replace_scale: bool = False):
        self.engine: Engine = _engine(None if database is None else str(database))
        self._today = today
        self._scale = (scale, replace_scale)

    # -- plumbing ---------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._today or environment.today()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error;
        ``write=True`` for changes (they wait for other writers: ``errors.Busy`` past the bound)."""
        from trackrecord.forecasts.db import session_scope

        with session_scope(self.engine, write=write) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Record":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def verbal_scale(self):
        from trackrecord.forecasts.verbal import load_scale

        path, replace = self._scale
        return load_scale(path, replace=replace)

    # -- writing ----------------------------------------------------------------------

    def add_expert(self, name: str, *, affiliation: str | None = None, aliases: list[str] = (), distinct: bool = False) -> ExpertAdded:
        from trackrecord.forecasts.experts import add_expert, display_name

        with self.session(write=True) as session:
            expert = add_expert(session=session, name=name, affiliation=affiliation, aliases=list(aliases), distinct=distinct)
            return ExpertAdded(display_name(session, expert), expert.slug)

    def add_question(
        self, slug: str, title: str, *, kind: str, deadline: Day = None, options: list[str] = (), tags: list[str] = (), criteria: str | None = None
    ) -> str:
        """Add a question; returns its slug. ``kind`` is binary, choice or date (any case)."""
        from trackrecord.forecasts.questions import add_question

        with self.session(write=True) as session:
            return add_question(
                session=session, slug=slug, title=title, kind=kind.strip().lower(), deadline=_day(deadline, "deadline"),
                options=list(options), tags=list(tags), criteria=criteria,
            ).slug

    def add_forecast(
        self,
        expert: str,
        question: str,
        probability: float | str,
        *,
        made_on: Day = None,
        option: str | None = None,
        window: str | None = None,
        by: str | None = None,
        quote: str | None = None,
        source: str | None = None,
    ) -> ForecastAdded:
        """Record a forecast: ``probability`` a number (0.35), a percent ("35%") or a phrase
        ("unlikely"); ``window`` "FROM..TO", "..TO" or a phrase ("spring 2025"), or ``by`` a
        date or period ("June"), read relative to ``made_on`` (default today)."""
        from trackrecord.forecasts.forecasting import add_forecast
        from trackrecord.forecasts.verbal import read_probability

        reading = read_probability(_number_text(probability), self.verbal_scale)
        made = _day(made_on, "made-on date") or self.today()
        span = _window(window, by, made)
        with self.session(write=True) as session:
            forecast = add_forecast(
                session=session, expert=expert, question=question, probability=reading.probability, made_on=made,
                today=self.today(), option=option, window=span, quote=quote, source=source,
                phrase=reading.phrase, scale=reading.scale_version,
            )
            return _added(session, forecast, reading)

    def resolve(
        self,
        question: str,
        outcome: str | None = None,
        *,
        happened_on: Day = None,
        not_by: Day = None,
        annul: bool = False,
        on: Day = None,
        label: str | None = None,
        evidence: str | None = None,
        note: str | None = None,
        force: bool = False,
    ) -> str:
        """Resolve a question as ``trackrecord resolve`` does (refusing a date that would leave
        recorded forecasts unscored unless ``force``); returns how the resolution reads."""
        from trackrecord.resolutions.resolving import describe_resolution, resolve

        with self.session(write=True) as session:
            resolution = resolve(
                session=session, question=question, today=self.today(), outcome=outcome,
                happened_on=_day(happened_on, "--happened-on date"), not_by=_day(not_by, "--not-by date"), annul=annul,
                on=_day(on, "--on date"), evidence=evidence, note=note, force=force, guard_forecasts=True, other_label=label,
            )
            return describe_resolution(session, resolution)

    def correct_forecast(self, forecast_id: int, *, reason: str | None, probability: float | str | None = None, made_on: Day = None, **changes) -> ForecastAdded:
        """Supersede a forecast by a corrected copy (see ``forecast correct``); returns the copy.
        Other keyword arguments: option, window, by, quote, source, expert."""
        from trackrecord.forecasts.forecasting import correct_forecast
        from trackrecord.forecasts.models import Forecast
        from trackrecord.forecasts.verbal import read_probability

        reading = read_probability(_number_text(probability), self.verbal_scale) if probability is not None else None
        made = _day(made_on, "made-on date")
        window, by = changes.pop("window", None), changes.pop("by", None)
        with self.session(write=True) as session:
            original = session.get(Forecast, forecast_id)
            span = _window(window, by, made or (original.made_on if original else self.today()))
            _, new = correct_forecast(
                session=session, forecast_id=forecast_id, reason=reason, today=self.today(),
                probability=reading.probability if reading else None, phrase=reading.phrase if reading else None,
                scale=reading.scale_version if reading else None, made_on=made, window=span, **changes,
            )
            return _added(session, new, reading)

    def retract_forecast(self, forecast_id: int, *, reason: str) -> None:
        from trackrecord.forecasts.forecasting import retract_forecast

        with self.session(write=True) as session:
            retract_forecast(session=session, forecast_id=forecast_id, reason=reason)

    # -- reading ----------------------------------------------------------------------

    def leaderboard(
        self, *, metric: str = "adjusted", policy: str = "latest", tag: str | None = None, kind: str | None = None,
        since: Day = None, until: Day = None, min_resolved: int = 1,
    ) -> list[dict]:
        """The leaderboard as ``leaderboard --format json`` prints it: one dict per expert."""
        from trackrecord.resolutions.leaderboard import leaderboard

        with self.session() as session:
            standings = leaderboard(
                session=session, scope=_scope(tag, kind, since, until), policy=policy, metric=metric, min_resolved=min_resolved
            )
        return [standing.as_dict() for standing in standings]

    def calibration(self, expert: str | None = None, *, bins: int | None = 10, policy: str = "latest", tag: str | None = None, kind: str | None = None):
        """Calibration (table, Murphy decomposition, mean Brier) of one expert or everyone;
        None when nothing is scored. ``bins=None``: one bin per distinct forecast value."""
        from trackrecord.resolutions.profile import calibration_report

        with self.session() as session:
            return calibration_report(session=session, expert=expert, scope=_scope(tag, kind, None, None), policy=policy, bins=bins)

    def expert_profile(self, name: str):
        """An expert's standing, calibration, every forecast and history (``expert show``)."""
        from trackrecord.resolutions.profile import expert_profile

        with self.session() as session:
            return expert_profile(session=session, name=name)

    def forecasts(self, *, expert: str | None = None, question: str | None = None) -> list[dict]:
        """The forecasts that stand, oldest first (``forecast list --format json``)."""
        from trackrecord.forecasts.forecasting import list_forecasts

        with self.session() as session:  # rows of scalars: a shallow copy (asdict's deep copy was most of the time)
            return [dict(vars(row)) for row in list_forecasts(session=session, expert=expert, question=question)]

    def history(self, *, expert: str | None = None, question: str | None = None) -> list[dict]:
        from trackrecord.resolutions.history import history

        with self.session() as session:
            return [entry.as_dict() for entry in history(session=session, expert=expert, question=question)]

    def leaderboard_frame(self, **filters):
        """``leaderboard(**filters)`` as a pandas DataFrame (needs pandas)."""
        return _frame(self.leaderboard(**filters))

    def forecasts_frame(self, **filters):
        """``forecasts(**filters)`` as a pandas DataFrame (needs pandas)."""
        return _frame(self.forecasts(**filters))


def _window(window: str | None, by: str | None, made_on: dt.date):
    if window is None and by is None:
        return None  # spares importing the phrase reader for binary and choice forecasts
    from trackrecord.forecasts.windows import window_of

    return window_of(window, by, made_on)


def _added(session: Session, forecast, reading) -> ForecastAdded:
    from trackrecord.forecasts.experts import display_name
    from trackrecord.forecasts.models import Claim, Expert, Question, QuestionOption
    from trackrecord.forecasts.parsing import Window
    from trackrecord.forecasts.questions import describe_claim

    claim = session.get(Claim, forecast.claim_id)
    option = session.get(QuestionOption, claim.option_id) if claim.option_id else None
    if claim.window_end is not None:
        option_or_window = Window(claim.window_start, claim.window_end).label  # FROM..TO, ..TO
    else:
        option_or_window = option.label if option else describe_claim(claim)
    return ForecastAdded(
        id=forecast.id,
        expert=display_name(session, session.get(Expert, forecast.expert_id)),
        question=session.get(Question, claim.question_id).slug,
        claim=option_or_window,
        probability=forecast.probability,
        phrase=forecast.phrase,
        made_on=forecast.made_on,
        matched=reading.matched if reading else None,
        approximate=bool(reading and reading.approximate),
        scale=forecast.scale,
    )


def _number_text(probability: float | str) -> str:
    if isinstance(probability, bool) or not isinstance(probability, (int, float, str)):
        raise InvalidInput(f"probability {probability!r} is not a number or a phrase; give 0.35, '35%' or 'unlikely'")
    return probability if isinstance(probability, str) else repr(float(probability))


def _scope(tag, kind, since, until):
    from trackrecord.resolutions.record import Scope

    return Scope(tag=tag, kind=kind, since=_day(since, "--since date"), until=_day(until, "--until date"))


def _frame(records: list[dict]):
    try:
        import pandas
    except ImportError:
        raise ImportError("DataFrames need pandas: pip install 'trackrecord[pandas]' (or pandas)") from None
    return pandas.DataFrame.from_records(records)


def _engine(database: str | None) -> Engine:
    if database == ":memory:":
        from sqlalchemy.pool import StaticPool

        from trackrecord.forecasts.db import make_engine, upgrade

        engine = make_engine("sqlite://", poolclass=StaticPool)
        upgrade(engine)
        return engine
    return open_database(database)


def open(database: str | Path, **options) -> Record:  # noqa: A001 (trackrecord.open, like sqlite3.connect)
    """Open (creating and migrating if needed) the record at ``database``; see ``Record``."""
    return Record(database, **options)
