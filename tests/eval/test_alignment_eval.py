"""The alignment evaluation: gold pairs are built correctly and scoring counts what it should."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.eval import alignment
from storyline.model import Article


def test_scoring_counts_true_and_false_pairs():
    a = Article(id="a", title="", paragraphs=["The storm flooded the harbour town overnight.", "Ferries were cancelled for two days."])
    b = Article(id="b", title="", paragraphs=["Overnight, the harbour town was flooded by the storm.", "A local bakery won a national prize."])
    gold = {frozenset((("a", 0), ("b", 0))), frozenset((("a", 1), ("b", 1)))}
    cluster = alignment.Cluster("t", [a, b], gold)

    def encode(texts: list[str]) -> np.ndarray:
        # the two storm sentences get one vector, every other sentence its own
        return np.array([[1.0, 0, 0, 0] if "storm" in t else np.eye(4)[1 + i % 3] for i, t in enumerate(texts)])

    scores = alignment.score_alignment([cluster], encode)
    assert scores["precision"] == 1.0 and scores["recall"] == 0.5


@pytest.mark.slow
def test_ecbplus_gold_pairs_share_an_event(shared_data):
    (cluster,) = alignment.load_ecbplus(shared_data, limit=1)
    assert cluster.gold and len(cluster.articles) > 2
    for pair in cluster.gold:
        (doc_a, _), (doc_b, _) = sorted(pair)
        assert doc_a != doc_b


@pytest.mark.slow
def test_meantime_pairs_english_first(shared_data):
    clusters = alignment.load_meantime(shared_data, limit=3)
    assert [c.articles[0].language for c in clusters] == ["en"] * 3
    assert all(c.articles[1].id.startswith("es:") for c in clusters)
