"""Quotes across a story: one statement in different wordings or translations, with its speakers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from storyline.compare.align import cluster
from storyline.compare.conflicts import same_speaker
from storyline.model import Article, Quote

#: Quotes at least this similar (embedding cosine, or fuzzy containment for partial quotes) are one statement.
QUOTE_THRESHOLD = 0.7
#: Partial quotes ("baseless") are contained in the full one; only long enough fragments count.
MIN_PARTIAL_CHARS = 20


def _similarity(quotes: list[Quote], vectors: np.ndarray) -> np.ndarray:
    sim = vectors @ vectors.T
    for i, a in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            b = quotes[j]
            if min(len(a.text), len(b.text)) >= MIN_PARTIAL_CHARS:
                sim[i, j] = sim[j, i] = max(sim[i, j], fuzz.partial_ratio(a.text.lower(), b.text.lower()) / 100)
    return sim


def _speakers(speakers: set[str]) -> list[str]:
    """Distinct speakers, variants of one name merged (the longest variant kept)."""
    names: list[str] = []
    for name in sorted(speakers - {"", "unattributed"}, key=len, reverse=True):
        if not any(same_speaker(name, kept) for kept in names):
            names.append(name)
    return names


def _is_person(article: Article, name: str) -> bool:
    """Unknown names count as people: without entities nothing says otherwise."""
    return next((e.type for e in article.entities if e.name == name), "PERSON") == "PERSON"


def group_quotes(
    articles: list[Article], encode: Callable[[list[str]], np.ndarray], outlet_of: dict[str, str]
) -> list[dict[str, Any]]:
    """Group the articles' quotes by statement; flag a statement attributed to different people."""
    found = [(a, q) for a in articles for q in a.quotes]
    if not found:
        return []
    quotes = [q for _, q in found]
    sim = _similarity(quotes, encode([q.text for q in quotes]))
    result = []
    for members in cluster(sim, QUOTE_THRESHOLD):
        speakers = _speakers({quotes[i].speaker for i in members})
        # A ministry and its spokesman may voice one statement; only two different people conflict.
        people = _speakers({quotes[i].speaker for i in members if _is_person(found[i][0], quotes[i].speaker)})
        articles_in = list(dict.fromkeys(found[i][0].id for i in members))
        entry: dict[str, Any] = {
            "id": f"q{len(result)}",
            "text": max((quotes[i].text for i in members), key=len),
            "speakers": speakers,
            "articles": articles_in,
            "outlets": list(dict.fromkeys(outlet_of[a] for a in articles_in)),
            "conflict": len(people) > 1,
            "evidence": [f"attributed to {len(people)} different people: {', '.join(people)}"] if len(people) > 1 else [],
            "members": [
                {"article": found[i][0].id, "outlet": outlet_of[found[i][0].id], **quotes[i].to_dict()} for i in members
            ],
        }
        result.append(entry)
    return result
