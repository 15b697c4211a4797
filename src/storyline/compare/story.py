"""Compare a story's articles: claims, alignment, verdicts, quotes, timeline and provenance in one pass."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from storyline.compare.align import align_claims, reported_score
from storyline.compare.claims import split_claims
from storyline.compare.involved import story_cast
from storyline.compare.naming import article_name, outlet_name, reader_names
from storyline.compare.provenance import agencies, provenance, sources_first, told_apart
from storyline.compare.quotes import group_quotes, main_language
from storyline.compare.timeline import build_timeline
from storyline.compare.verdicts import alignment_groups, contradiction_groups, figure_updates
from storyline.model import Article, Claim, ClaimGroup, Comparison

Encode = Callable[[list[str]], np.ndarray]


def article_summary(article: Article, name: str | None = None) -> dict[str, Any]:
    """An article as the comparison lists it; ``name`` tells it from the story's other articles (:func:`reader_names`)."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": outlet_name(article),
        "name": name or article_name(article),
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_estimate": article.published_estimate.value if article.published_estimate else None,
        "language": article.language,
        "byline": article.byline,
        "agencies": agencies(article),
        "source": article.source,
        "version": article.version,
    }


def compare(articles: list[Article], encode: Encode) -> Comparison:
    """Lay ``articles`` (one story, enriched or not) side by side down to the claim.

    ``encode`` maps texts to unit vectors (the multilingual embedder's ``encode``).
    Works without entities, quotes or times - it then aligns on embeddings alone.
    """
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)  # the same article given twice is compared once
    articles = list(by_id.values())
    outlet_of = {a.id: article_name(a) for a in articles}
    names = reader_names(articles)
    cast = story_cast(articles)  # one entity, one name in every article's claims and quotes
    claims = [c for a in articles for c in split_claims(a, cast.names[a.id])]
    alignment = align_claims(claims, encode([c.text for c in claims]))
    published = {a.id: a.published for a in articles}
    groups = alignment_groups(claims, alignment, outlet_of, published)
    group_of = {claim: g.id for g in groups for claim in g.claims}
    pairs = [(claims[i].id, claims[j].id, s) for i, j, s in alignment.pairs()]
    unique = {cid for g in groups if g.verdict == "unique" for cid in g.claims}
    links, origin = provenance(
        articles, claims, [(a, b) for a, b, _ in pairs], _told_once(groups, claims), names, told_apart(groups)
    )
    groups += contradiction_groups(claims, alignment, outlet_of, published)
    return Comparison(
        articles=[article_summary(a, names[a.id]) for a in articles],
        entities=[e.to_dict() for e in cast.entities],
        claims=claims,
        groups=groups,
        updates=figure_updates(groups, claims, outlet_of, published),
        quotes=group_quotes(articles, encode, outlet_of, cast.names, main_language(sources_first(articles, links))),
        timeline=build_timeline(articles, claims, group_of, outlet_of, links),
        provenance=links,
        alignments=[{"a": a, "b": b, "score": round(reported_score(s), 4)} for a, b, s in pairs],
        summary={**_counts(articles, claims, groups, unique, outlet_of), **origin},
    )


def _told_once(groups: list[ClaimGroup], claims: list[Claim]) -> set[str]:
    """Claims no other article tells: an outlet's updated version adds what its first did not tell, though
    a fact both versions tell is still unique to the outlet."""
    article_of = {c.id: c.article for c in claims}
    return {cid for g in groups if g.verdict == "unique" and len({article_of[c] for c in g.claims}) == 1 for cid in g.claims}


def _counts(
    articles: list[Article], claims: list[Claim], groups: list[ClaimGroup], unique: set[str], outlet_of: dict[str, str]
) -> dict[str, Any]:
    verdicts = [g.verdict for g in groups if g.kind == "alignment"]
    return {
        "claims": len(claims),
        "outlets": len(set(outlet_of.values())),
        "shared": verdicts.count("shared"),
        "unique": verdicts.count("unique"),
        "conflicts": sum(1 for g in groups if g.verdict == "conflict"),
        "unique_claims": {a.id: sum(1 for c in claims if c.article == a.id and c.id in unique) for a in articles},
    }

