"""SemEval pair evaluation helpers."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from storyline.eval.pairs import (
    article_groups,
    cross_validated,
    fit_linear,
    fold_of,
    label_agreement,
    load_semeval,
    pearson,
)
from storyline.model import Article


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
    assert gold.shape[1] == 5  # overall, geography, entities, time, narrative
    assert gold.min() >= 1.0 and gold.max() <= 4.0
    assert not np.allclose(gold[:, 0], gold[:, 4])


def test_pairs_sharing_an_article_share_a_fold():
    def pair(a, b):
        return Article(id=a, title="", paragraphs=["x"]), Article(id=b, title="", paragraphs=["y"])

    pairs = [pair("1", "2"), pair("3", "4"), pair("2", "5"), pair("6", "7"), pair("5", "8")]
    groups = article_groups(pairs)
    assert groups[0] == groups[2] == groups[4]
    assert len({groups[0], groups[1], groups[3]}) == 3
    fold = fold_of(groups, folds=2)
    assert fold[0] == fold[2] == fold[4]
    assert set(fold) <= {0, 1}


def test_grouped_cross_validation_predicts_every_row():
    rng = np.random.default_rng(2)
    x = rng.random((60, 2))
    y = 2.0 * x[:, 0] + 0.01 * rng.random(60)
    fold = fold_of(np.arange(60) // 3, folds=4)
    assert pearson(cross_validated(x, y, fold), y) > 0.99


def test_label_agreement_counts_one_event_labels_against_similar_gold():
    labels = ["same story", "copy", "related", "unrelated"]
    gold = np.array([1.0, 3.5, 1.5, 4.0])
    assert label_agreement(labels, gold) == {"same_story_label_precision": 0.5, "same_story_label_recall": 0.5}


STORIES = [
    "Floods in Jakarta killed nine people on New Year's Day and forced thousands from their homes.",
    "Arsenal beat Chelsea 3-1 at the Emirates Stadium with two goals from Bukayo Saka.",
    "The central bank raised its interest rate by half a point to fight inflation.",
    "A wildfire near Perth destroyed 70 houses as firefighters battled strong winds.",
    "Scientists found that wax worm caterpillars can digest polyethylene plastic bags.",
    "The prime minister resigned after losing a confidence vote in parliament on Tuesday.",
]


def letter_counts(texts: list[str]) -> np.ndarray:
    """Stand-in for USE: unit vectors of letter counts (similar wording -> similar vectors)."""
    vectors = np.zeros((len(texts), 512), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            vectors[row, sum(map(ord, word)) % 512] += 1.0
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def test_evaluate_semeval_scores_every_head_on_a_small_file(tmp_path, monkeypatch):
    import storyline.eval.pairs as pairs_eval

    monkeypatch.setattr(pairs_eval, "cached_encoder", lambda cache_dir: letter_counts)
    folder = tmp_path / "semeval2022-task8"
    folder.mkdir()
    with (folder / "train_pairs_with_text.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", *pairs_eval.GOLD_COLUMNS])
        for i, story in enumerate(STORIES):
            writer.writerow([f"{i}_{i + 100}", "en", "en", story, story.replace("the", "a"), 1, 1, 1, 1.5, 1])
            other = STORIES[(i + 1) % len(STORIES)]
            writer.writerow([f"{i + 200}_{i + 300}", "en", "en", story, other, 4, 3.5, 4, 3, 4])
    result = pairs_eval.evaluate_semeval(tmp_path)
    assert result["pairs"] == 12
    assert set(result["pearson_cv"]) == {"overall", "geography", "entities", "time", "narrative"}
    assert result["pearson_overall"] > 0.9  # the shipped map separates copies from unrelated pairs
    assert result["pearson_overall_cv_by_language"]["en-en"]["pairs"] == 12
