"""Story entities whose articles type them differently, and the type the story gives them.

ECB+ stories are its gold clusters, MEANTIME English ones its four corpora (airbus, apple, gm, stock). The
enriched articles are pickled once (``--cache``), so two checkouts compare on the same entities:

    PYTHONPATH=src .venv/bin/python benchmarks/story_entity_types.py --out after.json [--data ../shared/data]
    .venv/bin/python benchmarks/story_entity_types.py --out after.json --before before.json  # the changed types
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter, defaultdict
from pathlib import Path

from storyline.compare.involved import story_cast
from storyline.enrich.pipeline import Enricher
from storyline.eval.clustering import load_ecbplus, load_meantime
from storyline.model import Article


def stories(data: Path, cache: Path) -> dict[str, dict[str, list[Article]]]:
    """Each corpus's stories of enriched articles, read from ``cache`` when there."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    ecb, meantime = load_ecbplus(data), load_meantime(data)
    english = [a for a in meantime.articles if a.language == "en"]
    corpora = {"ecb+": (ecb.articles, ecb.gold), "meantime-en": (english, meantime.topics or {})}
    enricher, grouped = Enricher(), {}
    for name, (articles, story_of) in corpora.items():
        grouped[name] = defaultdict(list)
        for article in enricher.enrich_many(articles):
            grouped[name][story_of[article.id]].append(article)
    cache.write_bytes(pickle.dumps(grouped))
    return grouped


def typed(grouped: dict[str, dict[str, list[Article]]]) -> list[dict]:
    """Every story entity with its story type and the types its articles' entities were given."""
    rows = []
    for corpus, by_story in grouped.items():
        for story, articles in sorted(by_story.items()):
            cast = story_cast(articles)
            given: dict[str, Counter[str]] = defaultdict(Counter)
            for article in articles:
                for entity in article.entities:
                    given[cast.names[article.id][entity.name]][entity.type] += 1
            names = Counter(e.name.lower() for e in cast.entities)
            rows += [
                {"corpus": corpus, "story": story, "name": e.name, "type": e.type, "given": dict(given[e.name]),
                 "split": names[e.name.lower()] > 1}
                for e in cast.entities
            ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/story_entity_types.pkl"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--before", type=Path, help="an earlier --out: print the story types that changed")
    args = parser.parse_args()
    rows = typed(stories(args.data, args.cache))
    args.out.write_text(json.dumps(rows))
    for corpus in sorted({r["corpus"] for r in rows}):
        mine = [r for r in rows if r["corpus"] == corpus]
        mixed = [r for r in mine if len(r["given"]) > 1]
        print(corpus, "story entities", len(mine), "typed two ways", len(mixed), "same name split", sum(r["split"] for r in mine))
    if args.before:
        before = {(r["corpus"], r["story"], r["name"]): r["type"] for r in json.loads(args.before.read_text())}
        for r in rows:
            if before.get(key := (r["corpus"], r["story"], r["name"]), r["type"]) != r["type"]:
                print(*key, r["given"], before[key], "->", r["type"])


if __name__ == "__main__":
    main()
