"""One question, one vote: from the forecasts that count to one score per (expert, question).

The pipeline, all numpy over the columns of ``resolutions.record``:

1. keep forecasts on resolved claims made before the outcome was known;
2. ``resolutions.policy.standing_segments``: the standing forecasts per scoring unit,
   one segment per unit (latest, first) or one per span of days over which nothing
   changed (time-averaged, weighted by its days);
3. ``resolutions.scoring.distribution_scores``: each segment's stated probabilities are
   one distribution over the unit's outcomes (the unnamed probability spread evenly over
   the outcomes the expert did not name), scored with the multi-category Brier (0-1
   scale) and the log score of the outcome;
4. a unit's score is the weighted mean of its segments' scores (the mean of daily
   scores, for time-averaged);
5. a question's score is its units' mean: a binary or choice question has one unit; a
   date question has one per window the expert named, and still counts once.

So a choice forecast naming four options is one question, not four, and two experts
who gave the winner the same probability and said nothing that differs score the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from trackrecord.resolutions.policy import ScoredClaims, counting_forecasts, run_starts, standing_segments
from trackrecord.resolutions.record import RecordColumns
from trackrecord.resolutions.scoring import distribution_scores


@dataclass(frozen=True)
class QuestionScores:
    """One row per scored (expert, question), sorted by expert then question (canonical numbers)."""

    expert: np.ndarray
    question: np.ndarray
    brier: np.ndarray
    log_loss: np.ndarray


def counted_columns(columns: RecordColumns) -> dict[str, np.ndarray]:
    """The forecasts that can be scored (claim resolved, made before the outcome was known),
    as the keyword arguments of the policy functions."""
    counted = (columns.outcome >= 0) & (columns.made_day < columns.known_day)
    if counted.all():  # a fully resolved record: no need to copy a million rows
        counted = slice(None)
    return {
        "forecast_id": columns.forecast_id[counted],
        "expert_id": columns.expert[counted],
        "claim_id": columns.claim[counted],
        "probability": columns.probability[counted],
        "made_day": columns.made_day[counted],
        "known_day": columns.known_day[counted],
        "outcome": columns.outcome[counted],
    }


def question_scores(columns: RecordColumns, policy: str = "latest") -> QuestionScores:
    """Score every (expert, question) of ``columns`` under ``policy`` (see the module doc)."""
    counted = counted_columns(columns)
    segments = standing_segments(**counted, unit=columns.claim_unit[counted["claim_id"]], policy=policy)
    brier, log_loss = distribution_scores(
        segments.probability, segments.outcome, segments.segment,
        columns.claim_categories[segments.unit], segments.size,
    )
    # Units: runs of segments with the same (expert, unit); weighted means of their scores.
    new_unit = run_starts(segments.expert, segments.unit)
    unit_brier, unit_log = brier, log_loss
    if not new_unit.all():  # several segments per unit (time-averaged): weigh them by days
        unit_label = np.cumsum(new_unit) - 1
        share = segments.weight / np.bincount(unit_label, weights=segments.weight)[unit_label]
        unit_brier = np.bincount(unit_label, weights=brier * share)
        unit_log = np.bincount(unit_label, weights=log_loss * share)
    unit_expert, unit_question = segments.expert[new_unit], columns.claim_question[segments.unit[new_unit]]
    # Questions: runs of units with the same (expert, question); their units' mean.
    new_question = run_starts(unit_expert, unit_question)
    if not new_question.all():  # date questions with several windows
        question_label = np.cumsum(new_question) - 1
        units = np.bincount(question_label)
        unit_brier = np.bincount(question_label, weights=unit_brier) / units
        unit_log = np.bincount(question_label, weights=unit_log) / units
    return QuestionScores(
        expert=unit_expert[new_question], question=unit_question[new_question], brier=unit_brier, log_loss=unit_log
    )


def counting_claims(columns: RecordColumns, policy: str = "latest") -> ScoredClaims:
    """The forecast that counts per scored (expert, claim): calibration works on these."""
    return counting_forecasts(**counted_columns(columns), policy=policy)
