"""Refit the learned quote model (``src/storyline/enrich/quote_model.json``) on PolNeAR train.

Two L2-regularised logistic regressions (scipy L-BFGS; sklearn is not a dependency), over features
seen in at least ``--min-count`` rows:

- the cue scorer: every verb, noun and adjective outside quotation marks is a row
  (:func:`storyline.enrich.quote_model.cue_features`), labelled by whether it lies inside an
  annotated Cue span;
- the keep/drop filter: every quote the extractor proposes (rules, cues the scorer adds, and the
  weaker frames proposed only under the filter), labelled by whether a gold content overlaps it
  >= 0.3 (:func:`storyline.enrich.quote_model.quote_features`).

Thresholds (add a cue at probability >= ``--add``, keep a quote at >= ``--keep``) are chosen by
quote F1 with two-fold cross-validation over train articles: each half is scored with the models
fitted on the other half. Then both models are refitted on all of train (the filter on the
out-of-fold proposals) and written with the chosen thresholds.

Reads ``../shared/data/polnear`` train only (cached parses of ``quote_cues.py``) and writes feature
names and weights, no corpus text::

    .venv/bin/python benchmarks/quote_fit.py fit   # cross-validate thresholds, refit, write the json
    .venv/bin/python benchmarks/quote_fit.py cv    # cross-validated figures only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).parent))
from quote_cues import CACHE, load, score  # noqa: E402

from storyline.enrich.quote_model import (  # noqa: E402
    MODEL_PATH,
    Logistic,
    QuoteModel,
    cue_features,
    default_quote_model,
    is_candidate,
)
from storyline.enrich.quotes import quoted_spans, scored_quotes  # noqa: E402
from storyline.eval.quotes import OVERLAP, GoldArticle, match, overlap, speaker_correct  # noqa: E402
from storyline.model import Quote  # noqa: E402


@dataclass
class Rows:
    """Feature lists, labels and the article each row comes from."""

    features: list[list[str]]
    labels: np.ndarray
    articles: np.ndarray


def candidate_rows(docs: Iterable[tuple[GoldArticle, Doc]]) -> Rows:
    """One row per candidate cue outside quotation marks, labelled by the gold Cue spans."""
    features, labels, articles = [], [], []
    for a, (item, doc) in enumerate(docs):
        cues = [g.cue for g in item.attributions if g.cue is not None]
        marks = quoted_spans(doc.text)
        for token in doc:
            if not is_candidate(token) or any(s < token.idx < e for s, e in marks):
                continue
            features.append(cue_features(token, marks))
            labels.append(any(s <= token.idx < e for s, e in cues))
            articles.append(a)
    return Rows(features, np.array(labels, dtype=float), np.array(articles))


def design(features: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Binary sparse matrix of the rows over ``vocabulary`` (unknown features dropped)."""
    indptr, indices = [0], []
    for row in features:
        indices += sorted({vocabulary[f] for f in row if f in vocabulary})
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(features), len(vocabulary)))


def fit(features: list[list[str]], labels: np.ndarray, c: float, min_count: int) -> Logistic:
    """L2 logistic regression; ``c`` is the inverse regularisation strength (as in liblinear)."""
    counts = Counter(f for row in features for f in set(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = design(features, vocabulary)
    y = labels

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[1:] + w[0]
        value = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / c * w[1:] @ w[1:]
        residual = 1.0 / (1.0 + np.exp(-z)) - y
        return value, np.concatenate([[residual.sum()], x.T @ residual + w[1:] / c])

    w = optimize.minimize(loss, np.zeros(len(vocabulary) + 1), jac=True, method="L-BFGS-B").x
    weights = {f: round(float(w[i + 1]), 4) for f, i in vocabulary.items() if abs(w[i + 1]) >= 1e-3}
    return Logistic(weights, round(float(w[0]), 4))


def token_report(model: Logistic, features: list[list[str]], labels: np.ndarray) -> str:
    """Precision / recall of held-out rows at a few probabilities."""
    probabilities = np.array([model.probability(f) for f in features])
    parts = []
    for t in (0.3, 0.5, 0.7):
        predicted = probabilities >= t
        tp = float((predicted * labels).sum())
        p, r = tp / max(predicted.sum(), 1), tp / max(labels.sum(), 1)
        parts.append(f"t={t}: P {p:.3f} R {r:.3f}")
    return "; ".join(parts)


def subset(rows: list, mask: Iterable[bool]) -> list:
    return [row for row, m in zip(rows, mask, strict=True) if m]


@dataclass
class Candidates:
    """The quotes predicted for each article before the keep/drop filter, with features and labels."""

    per_article: list[list[tuple[Quote, list[str]]]]
    labels: list[list[bool]]

    def rows(self, articles: Iterable[int]) -> tuple[list[list[str]], np.ndarray]:
        features = [f for a in articles for _, f in self.per_article[a]]
        return features, np.array([y for a in articles for y in self.labels[a]], dtype=float)


def candidates(data, cue_models: list[QuoteModel]) -> Candidates:
    """Unfiltered predictions of every article, each labelled by whether a gold content overlaps it >= 0.3."""
    per_article, labels = [], []
    for (item, doc, entities), model in zip(data, cue_models, strict=True):
        quotes = scored_quotes(doc, entities, "en", True, model)
        golds = [g.content for g in item.attributions]
        per_article.append(quotes)
        labels.append([max((overlap((q.start, q.end), g) for g in golds), default=0.0) >= OVERLAP for q, _ in quotes])
    return Candidates(per_article, labels)


def filtered_f1(data, found: Candidates, probabilities: list[list[float]], threshold: float) -> dict[str, float]:
    """Quote P/R/F1 (one-to-one, as in evaluation) and speaker accuracy, keeping predictions with
    probability >= threshold."""
    tp = predicted = gold = with_source = speakers_ok = 0
    for (item, _, _), quotes, ps in zip(data, found.per_article, probabilities, strict=True):
        kept = [q for (q, _), p in zip(quotes, ps, strict=True) if p >= threshold]
        matched = match([(q.start, q.end) for q in kept], [g.content for g in item.attributions], OVERLAP)
        tp += len(matched)
        predicted += len(kept)
        gold += len(item.attributions)
        sourced = [(kept[i], item.attributions[j]) for i, j in matched if item.attributions[j].source is not None]
        with_source += len(sourced)
        speakers_ok += sum(speaker_correct(q, g) for q, g in sourced)
    p, r = tp / max(predicted, 1), tp / max(gold, 1)
    return {
        "threshold": threshold, "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / max(p + r, 1e-9), 4), "speaker_accuracy": round(speakers_ok / max(with_source, 1), 4),
    }  # fmt: skip


def cross_validate(data, rows: Rows, args) -> tuple[float, float, Candidates]:
    """Two folds of articles: each half scored by the models fitted on the other. Returns the best
    (add, keep) thresholds by quote F1 and the out-of-fold candidates at the best add threshold."""
    folds = rows.articles % 2
    cue = []
    for fold in (0, 1):
        train = folds != fold
        cue.append(fit(subset(rows.features, train), rows.labels[train], args.c, args.min_count))
        held_out = token_report(cue[-1], subset(rows.features, ~train), rows.labels[~train])
        print(f"cue fold {fold}: {len(cue[-1].weights)} weights; held out {held_out}", flush=True)
    best = (0.0, 1.0, 0.0, None)
    halves = [[a for a in range(len(data)) if a % 2 == fold] for fold in (0, 1)]
    for add in args.add:
        models = [QuoteModel(cue[a % 2], Logistic(), add, 0.0) for a in range(len(data))]
        found = candidates(data, models)
        keep = [fit(*found.rows(halves[1 - fold]), args.c, args.min_count) for fold in (0, 1)]
        probabilities = [[keep[a % 2].probability(f) for _, f in quotes] for a, quotes in enumerate(found.per_article)]
        for threshold in args.keep:
            result = filtered_f1(data, found, probabilities, threshold)
            print(f"add >= {add}: {result}", flush=True)
            if result["f1"] > best[0]:
                best = (result["f1"], add, threshold, found, keep)
    _, add, threshold, found, keep = best
    # The real extractor with each half's models, as shipped: the filter also runs before overlaps.
    models = [QuoteModel(cue[a % 2], keep[a % 2], add, threshold) for a in range(len(data))]
    print(f"cross-validated extract_quotes, add >= {add}, keep >= {threshold}: {score(data, models)}", flush=True)
    return add, threshold, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["cv", "fit"])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--c", type=float, default=0.2, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=3, help="least rows a feature must occur in")
    parser.add_argument("--add", type=float, nargs="+", default=[0.4, 0.5, 0.6, 1.0], help="cue thresholds")
    parser.add_argument("--keep", type=float, nargs="+", default=[0.0, 0.2, 0.25, 0.3, 0.35, 0.4])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    data = load("train", args.cache)
    rows = candidate_rows((item, doc) for item, doc, _ in data)
    print(f"{len(rows.labels)} candidate rows, {int(rows.labels.sum())} gold cue tokens", flush=True)
    add, keep, found = cross_validate(data, rows, args)
    print(f"best: add >= {add}, keep >= {keep}")
    if args.command == "fit":
        cue = fit(rows.features, rows.labels, args.c, args.min_count)
        model = QuoteModel(cue, fit(*found.rows(range(len(data))), args.c, args.min_count), add, keep)
        args.out.write_text(json.dumps(model.to_json(), indent=0) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({len(model.cue.weights)} + {len(model.keep.weights)} weights)")
        default_quote_model.cache_clear()
        print("train (in-sample)", score(data))


if __name__ == "__main__":
    main()
