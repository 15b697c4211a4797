"""The people a story names, less the names enrichment typed a firm, team or place (fix-enrich7)."""

from __future__ import annotations

import numpy as np

from storyline.match.config import MatchConfig
from storyline.match.signature import build_signature, facets_bytes, saved_signature
from storyline.match.stream import StoryState, _ConsolidationRun
from storyline.model import Article, Entity

TEXT = "The Elwyn Gulls beat Port Talbot on Sunday. Dario Quennell scored twice for the Elwyn Gulls, Quennell said."


def _article(entities: list[Entity]) -> Article:
    return Article(id="a", title="Gulls win", paragraphs=[TEXT], language="en", entities=entities)


def _people(article: Article) -> set[str]:
    signature = build_signature(article, np.zeros(4, dtype=np.float32), MatchConfig())
    saved = saved_signature("a", signature.vector, signature.minhash, facets_bytes(signature))
    return _ConsolidationRun(None, {"a": saved}.get).people(StoryState(id="s", headline="", articles=["a"]))


def test_a_name_enrichment_typed_an_organisation_is_no_person_of_the_story():
    """"Elwyn Gulls" is written like a person's name (two capitalised words no vocabulary holds in lower case):
    the team's type, kept in the signature, keeps it out; unenriched, the spelling alone decides, as before."""
    enriched = [
        Entity("Elwyn Gulls", "ORG", ["Elwyn Gulls"], [(4, 15)]),
        Entity("Dario Quennell", "PERSON", ["Dario Quennell", "Quennell"], [(44, 58)]),
    ]
    assert _people(_article(enriched)) == {"dario quennell"}
    assert "elwyn gulls" in _people(_article([]))
