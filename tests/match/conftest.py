"""Fixtures for matching tests: a cheap deterministic encoder and article builders."""

from __future__ import annotations

import hashlib
from datetime import datetime

import numpy as np
import pytest

from storyline.match.config import MatchConfig
from storyline.match.signature import build_signatures
from storyline.match.text import words
from storyline.model import Article


def hashed_bag_of_words(texts: list[str]) -> np.ndarray:
    """Stand-in for USE: unit bag-of-words vectors hashed into 512 dimensions."""
    vectors = np.zeros((len(texts), 512), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in words(text.lower()):
            vectors[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % 512] += 1.0
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def make_article(article_id: str, title: str, text: str, *, day: int | None = 1, language: str = "en") -> Article:
    published = datetime(2023, 2, day, 12) if day is not None else None
    return Article(id=article_id, title=title, paragraphs=[text], published=published, language=language)


@pytest.fixture
def article():
    return make_article


@pytest.fixture
def config() -> MatchConfig:
    return MatchConfig()


@pytest.fixture
def signatures_of(config):
    def build(articles: list[Article]):
        return build_signatures(articles, config, hashed_bag_of_words)

    return build


@pytest.fixture
def encoder():
    """The stand-in USE encoder, for code that takes an ``encode`` function."""
    return hashed_bag_of_words
