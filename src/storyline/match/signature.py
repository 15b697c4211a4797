"""What matching needs to know about one article, computed once.

The USE vector is the only expensive part; it is passed in (or computed in one
batch) so callers can cache it in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from rensa import RMinHash

from storyline.match.config import MatchConfig
from storyline.match.text import content_terms, numbers, proper_nouns, shingles, sublinear
from storyline.model import Article

MINHASH_SEED = 42
Encoder = Callable[[list[str]], np.ndarray]


@dataclass
class Signature:
    id: str
    title: str
    language: str | None
    published: datetime | None
    vector: np.ndarray
    terms: dict[str, float]
    entities: set[str]
    places: set[str]
    numbers: set[str]
    minhash: RMinHash
    n_words: int
    entity_names: dict[str, str] = field(default_factory=dict)  # lower-cased -> display name


def as_utc(value: datetime | None) -> datetime | None:
    """Naive UTC, so dates from any source compare (naive input is taken as UTC)."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def lead_text(article: Article, chars: int) -> str:
    """Title and the start of the body: what USE embeds for the article."""
    return f"{article.title}\n{article.text}"[:chars].strip()


def _entities(article: Article, full_text: str) -> tuple[dict[str, str], set[str]]:
    """Entity names (lower-cased -> display) and places, from enrichment or the fallback."""
    if article.entities:
        names: dict[str, str] = {}
        places: set[str] = set()
        for entity in article.entities:
            for name in {entity.name, *entity.variants}:
                names[name.lower()] = entity.name
                if entity.type == "PLACE":
                    places.add(name.lower())
        return names, places
    fallback = proper_nouns(full_text, article.language)
    return {n: n.title() for n in fallback}, set()


def build_signature(article: Article, vector: np.ndarray, config: MatchConfig) -> Signature:
    """All facets of one article, given its USE vector."""
    full_text = f"{article.title}\n{article.text}"
    names, places = _entities(article, full_text)
    minhash = RMinHash(config.minhash_perm, MINHASH_SEED)
    minhash.update(shingles(full_text, config.shingle_words) or [""])
    terms = content_terms(full_text, article.language)
    return Signature(
        id=article.id,
        title=article.title,
        language=article.language,
        published=as_utc(article.published),
        vector=np.asarray(vector, dtype=np.float32),
        terms=sublinear(terms),
        entities=set(names),
        places=places,
        numbers=numbers(full_text),
        minhash=minhash,
        n_words=sum(terms.values()),
        entity_names=names,
    )


def build_signatures(
    articles: Sequence[Article], config: MatchConfig, encode: Encoder | None = None, chars: int | None = None
) -> list[Signature]:
    """Signatures for many articles, embedding every lead (``chars``, default the stream's) in one batch."""
    if encode is None:
        from storyline.enrich.embedding import get_embedder

        encode = get_embedder().encode
    vectors = encode([lead_text(a, chars or config.lead_chars) for a in articles])
    return [build_signature(a, v, config) for a, v in zip(articles, vectors, strict=True)]
