"""End-to-end streaming speed: embed title + lead with USE, build facets, assign to stories, consolidate.

Uses the ECB+ documents from ../shared/data, read through ingest's text reader as the
clustering eval reads them (no embedding cache; reading is not timed). Run:

    .venv/bin/python benchmarks/match_stream.py [--limit 500] [--threads N]

``--threads`` sets USE's BLAS threads (default: the cores this process may use). On
a machine whose cores are busy with other work, 1 thread can be several times
faster than 2 (docs/benchmarks/matching.md, speed section).
"""

from __future__ import annotations

import argparse
import json
import time

from storyline.config import cpu_threads
from storyline.enrich.embedding import Embedder
from storyline.eval.clustering import load_ecbplus
from storyline.eval.data import default_data_dir
from storyline.match.config import MatchConfig
from storyline.match.signature import build_signatures
from storyline.match.stream import StoryClusterer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--threads", type=int, default=None, help="USE BLAS threads (default: all usable cores)")
    args = parser.parse_args()
    articles = load_ecbplus(default_data_dir()).articles[: args.limit]
    config = MatchConfig()
    threads = args.threads or cpu_threads()
    embedder = Embedder(threads=threads)
    embedder.encode(["warm up"])
    start = time.perf_counter()
    signatures = build_signatures(articles, config, embedder.encode)
    embedded = time.perf_counter()
    clusterer = StoryClusterer(config)
    for signature in signatures:
        clusterer.add(signature)
    by_id = {signature.id: signature for signature in signatures}
    clusterer.consolidate(by_id, by_id.get)  # the end of the run, as `storyline ingest` does
    done = time.perf_counter()
    print(json.dumps({
        "articles": len(articles),
        "threads": threads,
        "embed_and_facets_s": round(embedded - start, 2),
        "cluster_s": round(done - embedded, 2),
        "articles_per_s": round(len(articles) / (done - start), 1),
        "cluster_only_articles_per_s": round(len(articles) / (done - embedded), 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
