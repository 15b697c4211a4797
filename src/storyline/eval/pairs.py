"""Pair similarity measured on SemEval-2022 Task 8 (the training pairs that have text).

Pearson correlation between the predicted and gold Overall score (1 = same
story .. 4 = different), cross-validated when the linear map from facets to
the 1-4 scale is fitted on these pairs.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from storyline.eval.clustering import cached_encoder
from storyline.match.config import MatchConfig
from storyline.match.pairs import embed_pairs, match_pair, pair_facets, semeval_features
from storyline.model import Article

FOLDS = 5
#: Pair labels that claim one event.
SAME_EVENT_LABELS = ("copy", "translation", "same story")


def load_semeval(root: Path) -> tuple[list[tuple[Article, Article]], np.ndarray]:
    """Article pairs and their gold Overall scores."""
    pairs, gold = [], []
    path = root / "semeval2022-task8" / "train_pairs_with_text.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a = Article(id=f"{row['pair_id']}:1", title="", paragraphs=[row["text1"]], language=row["lang1"])
            b = Article(id=f"{row['pair_id']}:2", title="", paragraphs=[row["text2"]], language=row["lang2"])
            pairs.append((a, b))
            gold.append(float(row["Overall"]))
    return pairs, np.array(gold)


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def fit_linear(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares with an intercept (small ridge for stability)."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    return np.linalg.solve(x1.T @ x1 + 1e-3 * np.eye(x1.shape[1]), x1.T @ y)


def cross_validated(x: np.ndarray, y: np.ndarray, folds: int = FOLDS) -> np.ndarray:
    """Out-of-fold predictions of the linear map (deterministic folds by position)."""
    fold = np.arange(len(y)) % folds
    predicted = np.empty_like(y)
    for k in range(folds):
        beta = fit_linear(x[fold != k], y[fold != k])
        predicted[fold == k] = np.hstack([np.ones(((fold == k).sum(), 1)), x[fold == k]]) @ beta
    return predicted


def label_agreement(labels: list[str], gold: np.ndarray) -> dict[str, float]:
    """Precision and recall of the one-event labels against gold Overall <= 2 (very or mostly similar)."""
    predicted = np.isin(labels, list(SAME_EVENT_LABELS))
    similar = gold <= 2.0
    hits = float((predicted & similar).sum())
    return {
        "same_story_label_precision": round(hits / max(predicted.sum(), 1), 4),
        "same_story_label_recall": round(hits / max(similar.sum(), 1), 4),
    }


def evaluate_semeval(root: Path, config: MatchConfig | None = None, cache_dir: Path | None = None) -> dict:
    """Pearson of the shipped mapping, and of a cross-validated refit of it, on Overall.

    Pairs go through the same path as ``storyline match --pairs`` (lead and sentence vectors).
    """
    config = config or MatchConfig()
    pairs, gold = load_semeval(root)
    embedded = embed_pairs(pairs, cached_encoder(cache_dir), config)
    matches = [match_pair(a, b, config, units=units) for a, b, units in embedded]
    shipped = np.array([m.semeval["overall"] for m in matches])
    facets = [pair_facets(a, b, units=units) for a, b, units in embedded]
    features = np.array([semeval_features(f) for f in facets])
    refit = np.clip(cross_validated(features, gold), 1.0, 4.0)
    return {
        "pairs": len(gold),
        "pearson_overall": round(pearson(shipped, gold), 4),
        "pearson_overall_cv": round(pearson(refit, gold), 4),
        "pearson_semantic_only": round(pearson(-np.array([f.semantic for f in facets]), gold), 4),
        "pearson_alignment_only": round(pearson(-np.array([f.alignment for f in facets]), gold), 4),
        **label_agreement([m.label for m in matches], gold),
        "fitted_weights": [round(float(w), 4) for w in fit_linear(features, gold)],
    }
