"""Pair similarity measured on SemEval-2022 Task 8 (the training pairs that have text).

Pearson correlation between predicted and gold scores (1 = same story ..
4 = different) for the overall score and the geography, entities, time and
narrative heads, cross-validated when the linear maps from facets to the
1-4 scale are fitted on these pairs.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.eval.clustering import cached_encoder
from storyline.match.config import MatchConfig
from storyline.match.pairs import (
    SEMEVAL_FEATURES,
    SEMEVAL_HEADS,
    embed_pairs,
    is_copy,
    match_pair,
    pair_facets,
    semeval_features,
)
from storyline.model import Article

FOLDS = 5
#: Pair labels that claim one event.
SAME_EVENT_LABELS = ("copy", "translation", "same story")
#: Gold columns of the SemEval file, in the order of :data:`SEMEVAL_HEADS`.
GOLD_COLUMNS = ("Overall", "Geography", "Entities", "Time", "Narrative")


def load_semeval(root: Path) -> tuple[list[tuple[Article, Article]], np.ndarray]:
    """Article pairs (ids: SemEval article ids) and their gold scores, one column per head."""
    pairs, gold = [], []
    path = root / "semeval2022-task8" / "train_pairs_with_text.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            id_a, id_b = row["pair_id"].split("_")
            a = Article(id=id_a, title="", paragraphs=[row["text1"]], language=row["lang1"])
            b = Article(id=id_b, title="", paragraphs=[row["text2"]], language=row["lang2"])
            pairs.append((a, b))
            gold.append([float(row[column]) for column in GOLD_COLUMNS])
    return pairs, np.array(gold)


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def fit_linear(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares with an intercept (small ridge for stability)."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    return np.linalg.solve(x1.T @ x1 + 1e-3 * np.eye(x1.shape[1]), x1.T @ y)


def article_groups(pairs: list[tuple[Article, Article]]) -> np.ndarray:
    """One group per set of pairs linked by a shared article, so no article is in train and test at once."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a, b in pairs:
        parent[root(a.id)] = root(b.id)
    names = [root(a.id) for a, _ in pairs]
    index = {name: i for i, name in enumerate(dict.fromkeys(names))}
    return np.array([index[name] for name in names])


def fold_of(groups: np.ndarray, folds: int = FOLDS, seed: int = 0) -> np.ndarray:
    """Fold of each row: groups shuffled (seeded) and dealt round-robin."""
    order = np.random.default_rng(seed).permutation(groups.max() + 1)
    return order[groups] % folds


def cross_validated(x: np.ndarray, y: np.ndarray, fold: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold predictions of the linear map (by default folds by position)."""
    fold = np.arange(len(y)) % FOLDS if fold is None else fold
    predicted = np.empty_like(y)
    for k in np.unique(fold):
        test = fold == k
        beta = fit_linear(x[~test], y[~test])
        predicted[test] = np.hstack([np.ones((test.sum(), 1)), x[test]]) @ beta
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


def by_language(predicted: np.ndarray, gold: np.ndarray, languages: list[str]) -> dict[str, dict[str, float]]:
    """Pearson and pair count per language pair."""
    codes = np.array(languages)
    return {
        code: {
            "pairs": int((codes == code).sum()),
            "pearson": round(pearson(predicted[codes == code], gold[codes == code]), 4),
        }
        for code in sorted(set(languages))
    }


@dataclass
class SemevalRows:
    """The SemEval pairs as the pair path reads them: gold scores, embedded pairs, feature rows, and
    which pairs are copies (scored 1 by rule, so no map is fitted on them)."""

    pairs: list[tuple[Article, Article]]
    gold: np.ndarray
    embedded: list
    features: np.ndarray
    copies: np.ndarray


def semeval_rows(root: Path, config: MatchConfig, cache_dir: Path | None = None) -> SemevalRows:
    """Pairs, gold, embedded pairs, feature rows and copies, through the same path as ``storyline match --pairs``."""
    pairs, gold = load_semeval(root)
    embedded = embed_pairs(pairs, cached_encoder(cache_dir), config)
    facets = [pair_facets(a, b, units=units) for a, b, units in embedded]
    features = np.array([semeval_features(f) for f in facets])
    copies = np.array([is_copy(f, config) for f in facets])
    return SemevalRows(pairs, gold, embedded, features, copies)


def fit_heads(features: np.ndarray, gold: np.ndarray, copies: np.ndarray) -> dict[str, list[float]]:
    """Intercept and weights of each head's linear map, fitted on all rows but the copies."""
    return {
        head: [round(float(w), 4) for w in fit_linear(features[~copies], g[~copies])]
        for head, g in zip(SEMEVAL_HEADS, gold.T, strict=True)
    }


def cross_validated_heads(rows: SemevalRows) -> np.ndarray:
    """Out-of-fold predictions of every head (columns), folds grouped by shared article; copies 1 as shipped."""
    fold = fold_of(article_groups(rows.pairs))
    fitted = ~rows.copies
    predicted = np.ones_like(rows.gold)
    for i, gold in enumerate(rows.gold.T):
        predicted[fitted, i] = cross_validated(rows.features[fitted], gold[fitted], fold[fitted])
    return np.clip(predicted, 1.0, 4.0)


def evaluate_semeval(root: Path, config: MatchConfig | None = None, cache_dir: Path | None = None) -> dict:
    """Pearson of the shipped maps (fitted on these pairs) and of cross-validated refits, per head and language pair."""
    config = config or MatchConfig()
    rows = semeval_rows(root, config, cache_dir)
    pairs, gold, features = rows.pairs, rows.gold, rows.features
    matches = [match_pair(a, b, config, units=units) for a, b, units in rows.embedded]
    refit = cross_validated_heads(rows)
    shipped = np.array([[m.semeval[head] for head in SEMEVAL_HEADS] for m in matches])
    overall = gold[:, 0]
    return {
        "pairs": len(gold),
        "pearson_overall": round(pearson(shipped[:, 0], overall), 4),
        "pearson_overall_cv": round(pearson(refit[:, 0], overall), 4),
        "pearson_cv": {head: round(pearson(refit[:, i], gold[:, i]), 4) for i, head in enumerate(SEMEVAL_HEADS)},
        "pearson_shipped": {head: round(pearson(shipped[:, i], gold[:, i]), 4) for i, head in enumerate(SEMEVAL_HEADS)},
        "pearson_overall_cv_by_language": by_language(
            refit[:, 0], overall, [f"{a.language}-{b.language}" for a, b in pairs]
        ),
        "pearson_semantic_only": round(pearson(-features[:, SEMEVAL_FEATURES.index("semantic")], overall), 4),
        "pearson_alignment_only": round(pearson(-features[:, SEMEVAL_FEATURES.index("alignment")], overall), 4),
        **label_agreement([m.label for m in matches], overall),
    }
