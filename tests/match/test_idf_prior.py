"""IDF smoothing: a small library weights words like a big stream does (the seed copy case)."""

from __future__ import annotations

from storyline.match.config import MatchConfig
from storyline.match.stream import StoryClusterer


def idf_ratio(prior: int) -> float:
    """Weight of a word in 1 of 2 documents over one in both, in a two-article library."""
    clusterer = StoryClusterer(MatchConfig(idf_prior_documents=prior))
    clusterer.idf_frequency = {"once": 1, "both": 2}
    clusterer.idf_documents = 2
    return clusterer.idf("once") / clusterer.idf("both")


def test_prior_documents_flatten_two_document_idf():
    assert idf_ratio(0) > 1.3
    assert 1.0 < idf_ratio(MatchConfig().idf_prior_documents) < 1.2


def test_unseen_terms_still_weigh_most():
    clusterer = StoryClusterer()
    clusterer.idf_frequency = {"common": 50}
    clusterer.idf_documents = 100
    assert clusterer.idf("unseen") > clusterer.idf("common")
