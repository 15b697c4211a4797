"""Fit the pair/story logistic weights in match/config.py on the clustering dev sets,
(argument ``gate``) the consolidation pass's merge gate, or (argument ``semeval``) the
SemEval-2022 Task 8 maps in match/semeval_map.json.

Teacher forcing: articles stream in order and always join their gold story;
every candidate story the indexes return gives one row (facets, is it the
gold story?). A logistic regression over those rows, each dataset weighted
equally, gives the weights. Run:

    STORYLINE_CACHE=/tmp/storyline-cache/D .venv/bin/python benchmarks/match_fit.py
    STORYLINE_CACHE=/tmp/storyline-cache/D .venv/bin/python benchmarks/match_fit.py gate
    STORYLINE_CACHE=/tmp/storyline-cache/M2 .venv/bin/python benchmarks/match_fit.py semeval
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from storyline.eval.clustering import LOADERS, assign, cached_encoder, default_cache_dir
from storyline.eval.data import default_data_dir
from storyline.eval.pairs import article_groups, cross_validated_heads, fit_heads, fold_of, pearson, semeval_rows
from storyline.match.config import MatchConfig
from storyline.match.pairs import SEMEVAL_FEATURES, SEMEVAL_HEADS, SEMEVAL_MAP_FILE, brevity
from storyline.match.signature import build_signatures, published_order
from storyline.match.stream import MergeEvidence, StoryClusterer, StoryState

DATA = default_data_dir()


def rows_for(name: str, config: MatchConfig) -> tuple[np.ndarray, np.ndarray]:
    gold_set = LOADERS[name](DATA)
    ordered = published_order(gold_set.articles)  # as `storyline ingest` streams them
    signatures = build_signatures(ordered, config, cached_encoder(default_cache_dir()))
    clusterer = StoryClusterer(config)
    features, labels = [], []
    for signature in signatures:
        target = gold_set.gold[signature.id]
        for _, story_id, facets in clusterer.score(signature):
            lexical = facets.semantic if facets.cross_lingual else facets.lexical
            late = 0.0 if facets.days is None else max(0.0, facets.days - 1.0)
            short = brevity(signature.n_words)
            features.append([facets.semantic, lexical, facets.entities, facets.duplicate, facets.numbers, late, short, short * facets.semantic, short * lexical])
            labels.append(story_id == target)
        state = clusterer.states.get(target)
        if state is None:
            state = clusterer.states[target] = StoryState(id=target, headline=signature.title)
        state.absorb(signature, "gold")
        clusterer._index(signature, target)
    return np.array(features), np.array(labels, dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, iterations: int = 50, l2: float = 1e-3) -> np.ndarray:
    """Weighted logistic regression by Newton steps (L2 ``l2``; small by default, for stability)."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(x1.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-x1 @ beta))
        gradient = x1.T @ (w * (y - p)) - l2 * beta
        hessian = (x1 * (w * p * (1 - p))[:, None]).T @ x1 + l2 * np.eye(len(beta))
        beta += np.linalg.solve(hessian, gradient)
    return beta


class GateRecorder(StoryClusterer):
    """A clusterer whose merge gate lets everything through and records each candidate merge's evidence."""

    def __init__(self, config: MatchConfig, gold: dict[str, str]) -> None:
        super().__init__(config)
        self.gold = gold
        self.rows: list[tuple[list[float], bool]] = []

    def majority(self, story: StoryState) -> str:
        return Counter(self.gold[a] for a in story.articles).most_common(1)[0][0]

    def admits(self, joining: StoryState, joined: StoryState, evidence: MergeEvidence) -> bool:
        self.rows.append((evidence.features(), self.majority(joining) == self.majority(joined)))
        return True


#: Candidate merges below this mean join probability are not gated (no bar is this low), so they are not fitted.
GATE_FLOOR = 0.3


def fit_gate(names: list[str]) -> None:
    """The merge gate: logistic regression over the consolidation pass's candidate merges (label: both
    stories' majority gold event is the same), every row weighted alike, L2 1.0."""
    config = MatchConfig()
    xs, ys = [], []
    for name in names:
        gold_set = LOADERS[name](DATA)
        recorder = assign(gold_set, GateRecorder(config, gold_set.gold), default_cache_dir())
        rows = [(x, y) for x, y in recorder.rows if x[0] >= GATE_FLOOR]
        print(name, len(rows), "candidate merges,", sum(y for _, y in rows), "right")
        xs += [x for x, _ in rows]
        ys += [float(y) for _, y in rows]
    beta = fit_logistic(np.array(xs), np.array(ys), np.ones(len(ys)), l2=1.0)
    fields = ["gate_bias", "gate_mean", "gate_lowest", "gate_size", "gate_mixed", "gate_short"]
    for field, value in zip(fields, beta, strict=True):
        print(f"{field}: float = {value:.2f}")


SEMEVAL_MAP = Path(__file__).resolve().parents[1] / "src" / "storyline" / "match" / SEMEVAL_MAP_FILE


def fit_semeval() -> None:
    """Least-squares SemEval maps, one per head, written to match/semeval_map.json; prints their CV Pearson."""
    rows = semeval_rows(DATA, MatchConfig(), default_cache_dir())
    fitted = {
        "about": "SemEval-2022 Task 8 scores (1-4) = intercept + weights . features; least squares on the "
        f"{int((~rows.copies).sum())} training pairs with text that are no copies (derived from the SemEval "
        "train labels) by benchmarks/match_fit.py semeval",
        "features": list(SEMEVAL_FEATURES),
        "heads": fit_heads(rows.features, rows.gold, rows.copies),
        "same_story": [round(float(w), 4) for w in fit_same_story(rows.features, rows.gold[:, 0], ~rows.copies)],
    }
    tmp = SEMEVAL_MAP.with_suffix(".tmp")
    tmp.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
    tmp.replace(SEMEVAL_MAP)
    print(f"wrote {SEMEVAL_MAP}")
    refit = cross_validated_heads(rows)
    scores = {head: round(pearson(refit[:, i], rows.gold[:, i]), 4) for i, head in enumerate(SEMEVAL_HEADS)}
    print(f"5-fold cross-validated Pearson per head: {scores}")
    report_same_story(rows)


#: Gold Overall at or below which a SemEval pair counts as one story ("very" or "mostly similar").
SAME_STORY_GOLD = 2.0


def fit_same_story(features: np.ndarray, overall: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The pair probability of `storyline match`: logistic regression of gold Overall <= 2 on the SemEval
    features (``rows`` selects the pairs fitted on; L2 1.0)."""
    return fit_logistic(features[rows], (overall[rows] <= SAME_STORY_GOLD).astype(float), np.ones(rows.sum()), l2=1.0)


def report_same_story(rows) -> None:
    """Grouped 5-fold CV of the same-story probability: Pearson with gold Overall, label precision / recall at 0.5."""
    fold, overall = fold_of(article_groups(rows.pairs)), rows.gold[:, 0]
    p = np.ones(len(overall))  # copies: the same article
    for k in np.unique(fold):
        test, train = (fold == k) & ~rows.copies, (fold != k) & ~rows.copies
        beta = fit_same_story(rows.features, overall, train)
        p[test] = 1 / (1 + np.exp(-(beta[0] + rows.features[test] @ beta[1:])))
    same, similar = p >= MatchConfig().same_story, overall <= SAME_STORY_GOLD
    print(
        f"same-story probability, grouped 5-fold CV: Pearson with Overall {pearson(p, overall):.4f}; "
        f"label precision {(same & similar).sum() / same.sum():.4f}, recall {(same & similar).sum() / similar.sum():.4f}, "
        f"very similar (<= 1.5) labelled same {(same & (overall <= 1.5)).sum() / (overall <= 1.5).sum():.4f}, "
        f"very dissimilar (>= 3.5) labelled same {(same & (overall >= 3.5)).sum()} of {(overall >= 3.5).sum()}"
    )


def main() -> None:
    if sys.argv[1:] == ["semeval"]:
        fit_semeval()
        return
    if sys.argv[1:2] == ["gate"]:
        fit_gate(sys.argv[2:] or list(LOADERS))
        return
    config = MatchConfig()
    names = sys.argv[1:] or list(LOADERS)
    xs, ys, ws = [], [], []
    for name in names:
        x, y = rows_for(name, config)
        print(name, len(y), "rows,", int(y.sum()), "positive")
        xs.append(x), ys.append(y), ws.append(np.full(len(y), 1.0 / len(y)))
    beta = fit_logistic(np.vstack(xs), np.concatenate(ys), np.concatenate(ws) * 1000)
    fields = ["bias", "weight_semantic", "weight_lexical", "weight_entities", "weight_duplicate", "weight_numbers", "weight_days", "weight_short", "weight_short_semantic", "weight_short_lexical"]
    for field, value in zip(fields, beta, strict=True):
        print(f"{field} = {value:.3f}")


if __name__ == "__main__":
    main()
