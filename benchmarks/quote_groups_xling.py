"""Quote groups across languages, measured on MEANTIME en-es.

The Spanish documents are sentence-aligned human translations of the English ones (same document ids;
:func:`storyline.eval.alignment.load_meantime` keeps the gold only where sentence *i* translates sentence
*i*). Both sides are enriched, and an English quote and a Spanish quote in corresponding sentences are gold
"one statement". Storyline's quote groups (:func:`storyline.compare.quotes.group_quotes`) predict a pair
when both quotes share a group; pairwise precision / recall over cross-language pairs.

Enriched articles are kept in ``--work`` (a pickle of the gold documents, out of the repository)::

    STORYLINE_CACHE=/tmp/slcache PYTHONPATH=src .venv/bin/python benchmarks/quote_groups_xling.py \\
        --data ../shared/data --work /tmp/quote-xling
"""

from __future__ import annotations

import argparse
import json
import pickle
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from storyline.compare.quotes import group_quotes
from storyline.enrich.pipeline import Enricher
from storyline.eval.alignment import load_meantime
from storyline.eval.clustering import cached_encoder, default_cache_dir
from storyline.model import Article

QuoteId = tuple[str, int, int]  # (article id, start, end)


def enriched_pairs(data: Path, work: Path) -> list[list[Article]]:
    """MEANTIME en-es document pairs with sentence gold, enriched once and kept in ``work``."""
    path = work / "meantime-en-es.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    clusters = [c for c in load_meantime(data) if c.gold]
    enriched = Enricher().enrich_many([a for c in clusters for a in c.articles])
    pairs = [enriched[i : i + 2] for i in range(0, len(enriched), 2)]
    work.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(pairs))
    return pairs


def _sentence(article: Article, start: int) -> int:
    """Index of the paragraph (one gold sentence) holding the character ``start`` of the article's text."""
    starts = list(accumulate((len(p) + 2 for p in article.paragraphs[:-1]), initial=0))
    return bisect_right(starts, start) - 1


def gold_pairs(pair: list[Article]) -> set[frozenset[QuoteId]]:
    """An English and a Spanish quote whose sentences translate each other."""
    en, es = pair
    return {
        frozenset(((en.id, a.start, a.end), (es.id, b.start, b.end)))
        for a in en.quotes
        for b in es.quotes
        if a.kind != "stance" and b.kind != "stance" and _sentence(en, a.start) == _sentence(es, b.start)
    }


def predicted_pairs(pair: list[Article], encode) -> set[frozenset[QuoteId]]:
    """Cross-language quote pairs that share one of storyline's quote groups."""
    found = set()
    for group in group_quotes(pair, encode, {a.id: a.id.split(":")[0] for a in pair}):
        members = [(m["article"], m["start"], m["end"]) for m in group["members"]]
        found |= {frozenset((a, b)) for a in members for b in members if a[0] < b[0]}
    return found


def score(pairs: list[list[Article]], encode) -> dict[str, float]:
    tp = predicted = gold = 0
    for pair in pairs:
        found, truth = predicted_pairs(pair, encode), gold_pairs(pair)
        tp, predicted, gold = tp + len(found & truth), predicted + len(found), gold + len(truth)
    precision, recall = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "found": tp,
        "wrong": predicted - tp,
        "gold_pairs": gold,
        "documents": len(pairs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/quote-xling"))
    args = parser.parse_args()
    pairs = enriched_pairs(args.data, args.work)
    print(json.dumps(score(pairs, cached_encoder(default_cache_dir())), indent=2))


if __name__ == "__main__":
    main()
