"""Candidate indexes: approximate nearest neighbours on USE vectors, MinHash LSH for copies."""

from __future__ import annotations

import numpy as np
from rensa import RMinHash, RMinHashLSH
from usearch.index import Index

from storyline.enrich.embedding import DIMENSIONS
from storyline.match.config import MatchConfig
from storyline.match.signature import Signature

#: HNSW links per node: 8 keeps index memory under 1 KB per article (benchmarks/match_scale.py).
CONNECTIVITY = 8
#: Up to this many articles, lookups are exact (brute force is fast there and makes the
#: result independent of the HNSW graph's random levels).
EXACT_UP_TO = 20_000
#: HNSW search breadth beyond EXACT_UP_TO. usearch's default (64) finds 0.46 of the exact top 10
#: among 1,000,000 clustered vectors; 1024 finds 0.89 at 8.5 ms p95 (benchmarks/match_scale.py).
EXPANSION_SEARCH = 1024
#: LSH bands for 128 permutations: catches pairs from about 0.5 shingle Jaccard.
LSH_BANDS = 16


class VectorIndex:
    """usearch HNSW over 8-bit quantised unit vectors (512 B + graph links per article)."""

    def __init__(self, dtype: str = "i8") -> None:
        self._index = Index(
            ndim=DIMENSIONS, metric="cos", dtype=dtype, connectivity=CONNECTIVITY, expansion_search=EXPANSION_SEARCH
        )
        self._ids: list[str] = []  # by key; a removed article's key is never reused
        self._keys: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, article_id: str, vector: np.ndarray) -> None:
        self._index.add(len(self._ids), np.asarray(vector, dtype=np.float32), threads=1)
        self._keys[article_id] = len(self._ids)
        self._ids.append(article_id)

    def remove(self, article_id: str) -> None:
        """Forget a removed article: no lookup finds it again."""
        key = self._keys.pop(article_id, None)
        if key is not None:
            self._index.remove(key)

    def nearest(self, vector: np.ndarray, count: int) -> list[tuple[str, float]]:
        """(article id, cosine) of up to ``count`` nearest articles, best first."""
        if not self._keys:
            return []
        exact = len(self._keys) <= EXACT_UP_TO
        matches = self._index.search(np.asarray(vector, dtype=np.float32), count, threads=1, exact=exact)
        return [(self._ids[int(k)], 1.0 - float(d)) for k, d in zip(matches.keys, matches.distances, strict=True)]

    def memory_bytes(self) -> int:
        return int(self._index.memory_usage)


class CopyIndex:
    """MinHash LSH over word shingles: finds copies the vector index may rank low."""

    def __init__(self, config: MatchConfig) -> None:
        self._lsh = RMinHashLSH(config.copy_jaccard, config.minhash_perm, LSH_BANDS)
        self._members: list[tuple[str, RMinHash]] = []  # by key; a removed article's key is never reused
        self._keys: dict[str, int] = {}

    def add(self, article_id: str, minhash: RMinHash) -> None:
        self._lsh.insert(len(self._members), minhash)
        self._keys[article_id] = len(self._members)
        self._members.append((article_id, minhash))

    def remove(self, article_id: str) -> None:
        """Forget a removed article: no lookup finds it again."""
        key = self._keys.pop(article_id, None)
        if key is not None:
            self._lsh.remove(key)

    def similar(self, signature: Signature) -> list[tuple[str, float]]:
        """(article id, estimated shingle Jaccard) of the indexed articles sharing a band."""
        hits = sorted(self._lsh.query(signature.minhash))
        return [(self._members[k][0], float(signature.minhash.jaccard(self._members[k][1]))) for k in hits]
