"""Clustering metrics and gold-set loaders."""

from __future__ import annotations

import pytest

from storyline.eval.clustering import LOADERS, bcubed, detokenise, pairwise_and_ari, read_conll, scores


def test_perfect_clustering_scores_one():
    gold = {"a": "1", "b": "1", "c": "2"}
    pred = {"a": "x", "b": "x", "c": "y"}
    assert scores(pred, gold)["bcubed_f1"] == 1.0
    assert pairwise_and_ari(pred, gold) == (1.0, 1.0)


def test_bcubed_of_one_big_cluster():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    precision, recall, f1 = bcubed(dict.fromkeys(gold, "x"), gold)
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_singletons_have_zero_pairwise_f1_and_no_better_than_chance_ari():
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    pairwise, ari = pairwise_and_ari({k: k for k in gold}, gold)
    assert pairwise == 0.0
    assert ari <= 0.0


def test_detokenise_joins_punctuation():
    assert detokenise(["Hello", ",", "world", "(", "big", ")", "."]) == "Hello, world (big)."


def test_read_conll(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(
        "#begin document (c/1); part 000\nc/1\t0\t0\tHello\t-\nc/1\t0\t1\tthere\t-\nc/1\t1\t0\tBye\t-\n"
        "#end document\n#begin document (c/2); part 000\nc/2\t0\t0\tSecond\t-\n",
        encoding="utf-8",
    )
    assert list(read_conll(path)) == [("c/1", [["Hello", "there"], ["Bye"]]), ("c/2", [["Second"]])]


@pytest.mark.slow
def test_loaders_read_the_gold_sets(shared_data):
    newswcl = LOADERS["newswcl50"](shared_data)
    assert len(newswcl.articles) == 50 and len(set(newswcl.gold.values())) == 10
    ecb = LOADERS["ecbplus"](shared_data)
    assert len(ecb.articles) == 982 and len(set(ecb.gold.values())) == 86
    assert all(a.title for a in ecb.articles)
