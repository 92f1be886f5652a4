"""Scoring functions: bad input raises, reference values from scikit-learn, properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import brier_score_loss
from sklearn.metrics import log_loss as sklearn_log_loss

from trackrecord.resolutions import scoring

probabilities = st.floats(min_value=0, max_value=1, allow_nan=False)
cases = st.lists(st.tuples(probabilities, st.integers(0, 1)), min_size=1, max_size=50)


def test_brier_matches_scikit_learn():
    p = np.array([0.9, 0.1, 0.45, 0.7, 0.2])
    o = np.array([1, 0, 0, 1, 1])
    assert scoring.brier(p, o).mean() == pytest.approx(brier_score_loss(o, p, pos_label=1), abs=1e-15)


def test_log_loss_matches_scikit_learn_inside_the_clip():
    p = np.array([0.9, 0.1, 0.45, 0.7, 0.2])
    o = np.array([1, 0, 0, 1, 1])
    assert scoring.log_loss(p, o).mean() == pytest.approx(sklearn_log_loss(o, p, labels=[0, 1]), abs=1e-12)


def test_log_loss_clips_certainty_to_a_thousandth():
    assert scoring.log_loss([1.0, 0.0], [0, 1]).tolist() == pytest.approx([-np.log(0.001)] * 2)
    assert scoring.log_loss([1.0], [1]).tolist() == pytest.approx([-np.log(0.999)])


def test_hand_worked_values():
    assert scoring.brier([0.7, 0.2, 0.5], [1, 1, 0]).tolist() == pytest.approx([0.09, 0.64, 0.25])
    assert scoring.brier_skill(0.25) == pytest.approx(0.0)
    assert scoring.brier_skill(0.0) == pytest.approx(1.0)
    assert scoring.brier_skill(0.0625) == pytest.approx(0.75)


def test_group_means():
    means, counts = scoring.group_means([1.0, 3.0, 5.0], [0, 0, 2], 4)
    assert counts.tolist() == [2, 0, 1, 0]
    assert means[0] == 2.0 and means[2] == 5.0
    assert np.isnan(means[1]) and np.isnan(means[3])


@pytest.mark.parametrize(
    "probability, outcome",
    [([0.5], [1, 0]), ([1.5], [1]), ([-0.1], [0]), ([np.nan], [1]), ([0.5], [2]), ([0.5], [0.5])],
)
def test_bad_input_raises(probability, outcome):
    with pytest.raises(ValueError):
        scoring.brier(probability, outcome)
    with pytest.raises(ValueError):
        scoring.log_loss(probability, outcome)


@given(cases)
def test_brier_lies_between_zero_and_one(pairs):
    p, o = map(np.array, zip(*pairs))
    scores = scoring.brier(p, o)
    assert np.all((0 <= scores) & (scores <= 1))


@given(st.lists(st.integers(0, 1), min_size=1, max_size=50))
def test_a_perfect_forecaster_scores_zero(outcomes):
    assert scoring.brier(outcomes, outcomes).sum() == 0
    assert scoring.brier_skill(scoring.brier(outcomes, outcomes).mean()) == 1
