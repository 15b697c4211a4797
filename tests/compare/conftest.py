"""Fixtures for the comparison tests."""

from __future__ import annotations

import pytest
from compare_helpers import bag_of_words


@pytest.fixture
def encode():
    return bag_of_words


@pytest.fixture(scope="session")
def use_encode():
    """The real multilingual embedder (loaded once per test session)."""
    from storyline.enrich.embedding import get_embedder

    return get_embedder().encode
