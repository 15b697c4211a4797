"""Candidate lookup at scale: p95 latency and memory of the story vector index.

Indexes N synthetic unit vectors (clustered, like news: many near-duplicates
around story centres) in the same usearch index the clusterer uses (i8), then
times single-vector lookups of the clusterer's candidate count. Run:

    .venv/bin/python benchmarks/match_scale.py --n 1000000
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
from usearch.index import Index

from storyline.enrich.embedding import DIMENSIONS
from storyline.match.config import MatchConfig
from storyline.match.index import CONNECTIVITY, EXPANSION_SEARCH


def synthetic(n: int, seed: int = 0) -> np.ndarray:
    """Unit vectors scattered around n/20 random story centres."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(1, n // 20), DIMENSIONS)).astype(np.float32)
    vectors = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.standard_normal((n, DIMENSIONS)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--build-threads", type=int, default=0, help="0 = all cores (building is offline work)")
    parser.add_argument(
        "--expansion", type=int, nargs="*", default=[], help="search breadths (usearch expansion_search) to compare"
    )
    args = parser.parse_args()
    vectors = synthetic(args.n)
    index = Index(ndim=DIMENSIONS, metric="cos", dtype="i8", connectivity=CONNECTIVITY)
    start = time.perf_counter()
    index.add(np.arange(args.n), vectors, threads=args.build_threads)
    build_s = time.perf_counter() - start
    queries = vectors[np.random.default_rng(1).integers(0, args.n, args.queries)]
    exact = index.search(queries[:200], 10, exact=True, threads=0)
    for expansion in args.expansion or [EXPANSION_SEARCH]:
        index.expansion_search = expansion
        print(json.dumps({
            "vectors": args.n,
            "build_s": round(build_s, 1),
            "expansion_search": expansion,
            **lookup_figures(index, queries, exact),
            "index_bytes_per_article": round(index.memory_usage / args.n, 1),
        }))  # fmt: skip


def lookup_figures(index: Index, queries: np.ndarray, exact) -> dict[str, float]:
    """p50/p95 of single lookups of the clusterer's candidate count, and recall@10 against exact search."""
    count = MatchConfig().candidates
    latencies = []
    for query in queries:
        t = time.perf_counter()
        index.search(query, count, threads=1)
        latencies.append((time.perf_counter() - t) * 1000)
    approx = index.search(queries[: len(exact.keys)], 10, threads=0)
    recall = np.mean([len(set(e) & set(a)) / 10 for e, a in zip(exact.keys, approx.keys, strict=True)])
    return {
        "lookup_ms_p50": round(float(np.percentile(latencies, 50)), 3),
        "lookup_ms_p95": round(float(np.percentile(latencies, 95)), 3),
        "candidates_per_lookup": count,
        "recall_at_10_vs_exact": round(float(recall), 3),
    }


if __name__ == "__main__":
    main()
