"""The bundled example: the seed articles' forecasts and what actually happened.

``seed.json`` (beside this file) encodes the forecasts of the five seed news articles
(2024–2025) about a Putin–Trump meeting, its venue, a ceasefire and a peace deal, with
each quote, source and original hedge words, and the resolutions from seed-facts.md.
Its hedge words get numbers from the default verbal scale (``forecasts.verbal``); the
words and the scale version are stored beside them.

The example lives in ``resolutions`` because it records resolutions on top of
forecasts, and it loads through the same services as the command line, so it obeys
every integrity rule a user's data does.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources

from sqlmodel import Session

from trackrecord.forecasts.experts import add_expert
from trackrecord.forecasts.forecasting import add_forecast
from trackrecord.forecasts.parsing import parse_date, parse_window
from trackrecord.forecasts.questions import add_question
from trackrecord.forecasts.verbal import default_scale
from trackrecord.resolutions.resolving import resolve


@dataclass(frozen=True)
class ExampleCounts:
    experts: int
    questions: int
    forecasts: int
    resolutions: int


def example_document() -> dict:
    """The example dataset as stored."""
    return json.loads(resources.files(__package__).joinpath("seed.json").read_text(encoding="utf-8"))


def _date(text: str | None) -> dt.date | None:
    return parse_date(text) if text else None


def load_example(*, session: Session, today: dt.date) -> ExampleCounts:
    """Record the whole example in ``session``."""
    document = example_document()
    scale = default_scale()
    for expert in document["experts"]:
        add_expert(session=session, name=expert["name"], affiliation=expert.get("affiliation"), aliases=expert.get("aliases", []))
    for question in document["questions"]:
        add_question(
            session=session,
            slug=question["slug"],
            title=question["title"],
            kind=question["kind"],
            deadline=_date(question.get("deadline")),
            options=question.get("options", []),
            tags=question.get("tags", []),
            criteria=question.get("criteria"),
        )
    for forecast in document["forecasts"]:
        reading = scale.read(forecast["phrase"])
        add_forecast(
            session=session,
            expert=forecast["expert"],
            question=forecast["question"],
            probability=reading.probability,
            phrase=forecast["phrase"],
            scale=reading.scale_version,
            made_on=parse_date(forecast["made_on"]),
            today=today,
            option=forecast.get("option"),
            window=parse_window(forecast["window"]) if forecast.get("window") else None,
            quote=forecast.get("quote"),
            source=forecast.get("source"),
            note=forecast.get("note"),
        )
    for resolution in document["resolutions"]:
        outcome, on = resolution["outcome"], _date(resolution.get("on"))
        resolve(
            session=session,
            question=resolution["question"],
            today=today,
            outcome=None if outcome in ("happened", "not-by", "annulled") else outcome,
            happened_on=on if outcome == "happened" else None,
            not_by=on if outcome == "not-by" else None,
            annul=outcome == "annulled",
            on=on if outcome not in ("happened", "not-by") else None,
            evidence=resolution.get("evidence"),
            note=resolution.get("note"),
        )
    return ExampleCounts(
        experts=len({forecast["expert"] for forecast in document["forecasts"]}),
        questions=len(document["questions"]),
        forecasts=len(document["forecasts"]),
        resolutions=len(document["resolutions"]),
    )
