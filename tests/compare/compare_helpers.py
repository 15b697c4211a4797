"""Builders for the comparison tests: a deterministic encoder and enriched-article pieces."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from storyline.compare.quantities import read_quantities
from storyline.model import Article, Claim, Entity, Quote, TimeExpression


def bag_of_words(texts: list[str]) -> np.ndarray:
    """Unit vectors of hashed lower-cased words: equal wording -> similar vectors (no model needed)."""
    vectors = np.zeros((len(texts), 256), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            vectors[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % 256] += 1.0
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def make_article(article_id: str, paragraphs: list[str], **fields) -> Article:
    return Article(id=article_id, title=f"Title of {article_id}", paragraphs=paragraphs, **fields)


def entity(text: str, name: str, kind: str = "PERSON") -> Entity:
    """An entity with every mention of ``name`` in ``text``."""
    mentions = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    return Entity(name=name, type=kind, mentions=mentions)


def time_at(text: str, surface: str, value: str) -> TimeExpression:
    start = text.index(surface)
    return TimeExpression(text=surface, start=start, end=start + len(surface), value=value)


def quote_at(text: str, quoted: str, speaker: str) -> Quote:
    start = text.index(quoted)
    return Quote(text=quoted, start=start, end=start + len(quoted), speaker=speaker)


def parse_numbers(text: str, language: str | None = None) -> list[float]:
    """The values of the quantities read in ``text``, in order."""
    return [q.value for q in read_quantities(text, language)]


def english_claim(cid: str, text: str, names: tuple[str, ...] = (), **anchors) -> Claim:
    """An English claim with its figures read; ``names`` are its actors (every mention)."""
    actors = [[m.start(), m.end(), n] for n in names for m in re.finditer(re.escape(n), text)]
    quantities = read_quantities(text, "en", actors=[(s, e, n) for s, e, n in actors])
    return Claim(
        id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), language="en", actors=sorted(actors),
        quantities=quantities, **anchors,
    )  # fmt: skip
