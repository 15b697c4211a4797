"""What matching needs to know about one article, computed once.

The USE vector is the only expensive part; it is passed in (or computed in one
batch) so callers can cache it in the store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
from rensa import RMinHash

from storyline.match.config import MatchConfig
from storyline.match.text import content_terms, measures, names_in, numbers, shingles, sublinear, word_count
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
    #: Matching name -> times written capitalised: which shared names a reason shows (:func:`~storyline.match.text.names_in`).
    name_mentions: dict[str, int] = field(default_factory=dict)
    #: Names a story label is made of, with how central each is to the article (:func:`label_weights`):
    #: enrichment's entities ("Barack Obama"), else the matching names.
    label_names: dict[str, float] = field(default_factory=dict)
    #: Figures with a decimal point and the word beside each ("magnitude 4.6"; :func:`~storyline.match.text.measures`).
    measures: set[str] = field(default_factory=set)
    #: Enrichment's entities typed other than a person, lower-cased ("miami dolphins", "hong kong"): no person
    #: :func:`~storyline.match.text.person_names` may take them for, whatever their spelling. Empty unenriched.
    not_people: set[str] = field(default_factory=set)


def as_utc(value: datetime | None) -> datetime | None:
    """Naive UTC, so dates from any source compare (naive input is taken as UTC)."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def order_key(article_id: str, published: datetime | None) -> tuple[bool, datetime, str]:
    """Oldest first, undated last, ties by id: the order that makes clustering reproducible."""
    return published is None, as_utc(published) or datetime.min, article_id


def published_order(articles: Iterable[Article]) -> list[Article]:
    """The articles in :func:`order_key` order."""
    return sorted(articles, key=lambda a: order_key(a.id, a.published))


#: Characters of an untitled article's text that stand in for its headline in a story label.
STAND_IN_CHARS = 80


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to at most ``limit`` characters at a word boundary with "…" when cut
    (mid-word only when its first word is longer: a script written without spaces). Story labels take
    a title so, or an untitled article's text start: a label must be neither blank nor cut mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def label_title(article: Article) -> str:
    """What stands for the article's headline in a story label: its title, or its text's start when untitled."""
    return article.title.strip() or shorten(article.text, STAND_IN_CHARS)


def lead_text(article: Article, chars: int) -> str:
    """Title and the start of the body: what USE embeds for the article."""
    return article.title_and_text[:chars].strip()


def _entities(article: Article, full_text: str) -> tuple[dict[str, str], set[str], dict[str, int]]:
    """Names that match (lower-cased -> display), places, and how often each name is mentioned.

    The names compared are the capitalised words of the text whether or not the article was
    enriched: the weights were fitted on them, and with enrichment's entities instead
    `storyline ingest` clustered worse (NewsWCL50 0.826 vs 0.889; docs/benchmarks/matching.md).
    Enrichment supplies the display form ("Obama" -> "Barack Obama", and a word of a longer name,
    "Ministry" -> "Foreign Ministry", to the most mentioned entity holding it) and the places.
    """
    display: dict[str, str] = {}
    places: set[str] = set()
    for entity in article.entities:
        for name in {entity.name, *entity.variants}:
            display[name.lower()] = entity.name
            if entity.type == "PLACE":
                places.add(name.lower())
    for entity in sorted(article.entities, key=lambda e: (-len(e.mentions), e.name)):
        for name in (entity.name, *entity.variants):
            for word in name.lower().split():
                display.setdefault(word, entity.name)
    found, mentions = names_in(full_text, article.language)
    names = {n: display.get(n, phrase) for n, phrase in found.items()}
    return names, places, dict(mentions)


def label_weights(article: Article, names: Iterable[str]) -> dict[str, float]:
    """How central each name is to the article, for story labels.

    Named at all counts 1, named in the headline 1 more, and up to 1 more for its share of the
    mentions of the article's most mentioned entity: a story is labelled by the names in its
    headlines and the people it keeps returning to, not by the alphabet among names every
    article happens to contain.
    """
    title = article.title.lower()
    mentions = {e.name: len(e.mentions) for e in article.entities}
    most = max(mentions.values(), default=0) or 1
    variants = {e.name: [e.name, *e.variants] for e in article.entities}
    weights: dict[str, float] = {}
    for name in names:
        in_title = any(re.search(rf"(?<!\w){re.escape(v.lower())}(?!\w)", title) for v in variants.get(name, [name]))
        weights[name] = 1.0 + float(in_title) + mentions.get(name, 0) / most
    return weights


def build_signature(article: Article, vector: np.ndarray, config: MatchConfig) -> Signature:
    """All facets of one article, given its USE vector."""
    full_text = article.title_and_text
    names, places, mentions = _entities(article, full_text)
    label_names = label_weights(article, {e.name for e in article.entities} or set(names.values()))
    minhash = RMinHash(config.minhash_perm, MINHASH_SEED)
    minhash.update(shingles(full_text, config.shingle_words) or [""])
    terms = content_terms(full_text, article.language)
    return Signature(
        id=article.id,
        title=label_title(article),
        language=article.language,
        published=as_utc(article.published),
        vector=np.asarray(vector, dtype=np.float32),
        terms=sublinear(terms),
        entities=set(names),
        places=places,
        numbers=numbers(full_text),
        minhash=minhash,
        n_words=round(word_count(terms)),
        entity_names=names,
        name_mentions=mentions,
        label_names=label_names,
        measures=measures(full_text, article.language),
        not_people={e.name.lower() for e in article.entities if e.type != "PERSON"},
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


# ------------------------------------------------------------------ saved signatures
#
# Building a signature parses the whole text (names, words, shingles): loading a large library's
# clusterer spent 70% of its time rebuilding them. They are saved in two parts, the MinHash (all
# that restoring the copy index needs) and the text facets, and read back bit for bit.

#: Bump whenever build_signature's output changes, so signatures saved by an older build are rebuilt.
SIGNATURE_FORMAT = 3


def saved_kinds(config: MatchConfig) -> tuple[str, str]:
    """Store kinds of a signature's saved MinHash and text facets (they depend on these settings only)."""
    minhash = f"minhash-{config.minhash_perm}-{config.shingle_words}-a{RMinHash.ALGORITHM_VERSION}"
    return minhash, f"signature-v{SIGNATURE_FORMAT}"


def minhash_bytes(signature: Signature) -> bytes:
    return signature.minhash.__getstate__()


def minhash_from_bytes(data: bytes, config: MatchConfig) -> RMinHash:
    minhash = RMinHash(config.minhash_perm, MINHASH_SEED)
    minhash.__setstate__(data)
    return minhash


def facets_bytes(signature: Signature) -> bytes:
    """Everything but the vector and the MinHash, as JSON (floats round-trip exactly, dicts keep their order)."""
    return json.dumps(
        {
            "title": signature.title,
            "language": signature.language,
            "published": signature.published.isoformat() if signature.published else None,
            "terms": signature.terms,
            "entities": sorted(signature.entities),
            "places": sorted(signature.places),
            "numbers": sorted(signature.numbers),
            "n_words": signature.n_words,
            "entity_names": signature.entity_names,
            "name_mentions": signature.name_mentions,
            "label_names": signature.label_names,
            "measures": sorted(signature.measures),
            "not_people": sorted(signature.not_people),
        },
        ensure_ascii=False,
    ).encode()


def saved_signature(article_id: str, vector: np.ndarray, minhash: RMinHash, facets: bytes) -> Signature:
    """The signature :func:`build_signature` gave, from its saved parts."""
    data = json.loads(facets)
    return Signature(
        id=article_id,
        title=data["title"],
        language=data["language"],
        published=datetime.fromisoformat(data["published"]) if data["published"] else None,
        vector=np.asarray(vector, dtype=np.float32),
        terms=data["terms"],
        entities=set(data["entities"]),
        places=set(data["places"]),
        numbers=set(data["numbers"]),
        minhash=minhash,
        n_words=data["n_words"],
        entity_names=data["entity_names"],
        name_mentions=data["name_mentions"],
        label_names=data["label_names"],
        measures=set(data["measures"]),
        not_people=set(data.get("not_people", ())),  # facets saved before: none known
    )
