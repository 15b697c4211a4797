"""Speed of one story comparison: 30 real news articles (ECB+, full text) compared end to end.

Usage: .venv/bin/python benchmarks/compare_speed.py [--articles 30] [--sizes 30,60,120] [--topics 1,3,19]
       [--enrich] [--profile 25]

Times ``compare()`` (claim splitting, embedding every claim with the
multilingual USE model, alignment, verdicts, quotes, timeline, provenance) and
prints the wall time and the process's peak memory. ``--enrich`` first fills
entities, quotes and times (done once at ingest in normal use, so not timed).
``--sizes`` compares the first N articles for each N, one line each with the
CPU time and the comparison's JSON size: how both grow with the story.
``--topics`` compares each ECB+ topic (both its ECB and ECB+ halves) as one story instead: real stories of
20-40 articles, as a story page compares them. ``--profile N`` prints the N costliest calls (cProfile,
cumulative) of each comparison: where its time goes.
Target: under 5 s on 2 cores for 30 articles.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import time

from storyline.compare.story import compare
from storyline.enrich.embedding import get_embedder
from storyline.eval.clustering import load_ecbplus
from storyline.eval.data import default_data_dir


def story_articles(count: int):
    """The first ``count`` ECB+ documents in topic order (topic 1, then topic 2 as needed)."""
    gold = load_ecbplus(default_data_dir())
    return sorted(gold.articles, key=lambda a: (int(gold.topics[a.id]), gold.gold[a.id], a.id))[:count]


def topic_articles(topics: list[str]):
    """The ECB+ documents of each topic, by id: one story a topic."""
    gold = load_ecbplus(default_data_dir())
    return [sorted((a for a in gold.articles if gold.topics[a.id] == topic), key=lambda a: a.id) for topic in topics]


def timed(articles, encode, profile: int = 0) -> None:
    """Compare ``articles`` once and print what it cost and produced (and where the time went, ``profile``)."""
    profiler = cProfile.Profile() if profile else None
    start, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    result = compare(articles, encode)
    if profiler:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = len(json.dumps(result.to_dict(), ensure_ascii=False, default=str).encode())
    print(
        f"{len(articles)} articles, {len(result.claims)} claims, {len(result.groups)} groups: "
        f"{elapsed:.2f} s wall, {cpu:.2f} s CPU, JSON {size / 1e6:.2f} MB, peak memory {peak:.0f} MiB"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--sizes", help="comma-separated article counts, e.g. 30,60,120 (overrides --articles)")
    parser.add_argument("--topics", help="comma-separated ECB+ topics, each compared as one story (overrides --sizes)")
    parser.add_argument("--enrich", action="store_true")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest calls of each comparison")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else [args.articles]
    stories = topic_articles(args.topics.split(",")) if args.topics else None
    articles = [a for story in stories for a in story] if stories else story_articles(max(sizes))
    if args.enrich:
        from storyline.service.enrichment import enrich_articles
        from storyline.service.workspace import Workspace

        enriched = {a.id: a for a in enrich_articles(Workspace(), articles)}
        articles = [enriched[a.id] for a in articles]
        stories = [[enriched[a.id] for a in story] for story in stories] if stories else None
    encode = get_embedder().encode
    compare(articles[:2], encode)  # load the model and the sentence splitter outside the timing
    for story in stories or [articles[:size] for size in sizes]:
        timed(story, encode, args.profile)


if __name__ == "__main__":
    main()
