"""SemEval pair evaluation helpers."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.eval.pairs import cross_validated, fit_linear, label_agreement, load_semeval, pearson


def test_linear_fit_recovers_a_linear_map():
    rng = np.random.default_rng(0)
    x = rng.random((100, 2))
    y = 1.0 + 2.0 * x[:, 0] - 3.0 * x[:, 1]
    assert fit_linear(x, y) == pytest.approx([1.0, 2.0, -3.0], abs=1e-2)
    assert pearson(cross_validated(x, y), y) > 0.99


def test_cross_validation_does_not_see_noise():
    rng = np.random.default_rng(1)
    x, y = rng.random((200, 3)), rng.random(200)
    assert abs(pearson(cross_validated(x, y), y)) < 0.3


@pytest.mark.slow
def test_load_semeval(shared_data):
    pairs, gold = load_semeval(shared_data)
    assert len(pairs) == len(gold) == 947
    assert gold.min() >= 1.0 and gold.max() <= 4.0


def test_label_agreement_counts_one_event_labels_against_similar_gold():
    labels = ["same story", "copy", "related", "unrelated"]
    gold = np.array([1.0, 3.5, 1.5, 4.0])
    assert label_agreement(labels, gold) == {"same_story_label_precision": 0.5, "same_story_label_recall": 0.5}
