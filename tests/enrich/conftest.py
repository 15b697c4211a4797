"""Fixtures for the enrich tests: one enricher per session (models load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.enrich.pipeline import Enricher, EnrichConfig
from storyline.model import Article


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    return Enricher(EnrichConfig(components=["entities", "quotes"]))


def article_from(text: str, language: str = "en", article_id: str = "t") -> Article:
    """An article whose paragraphs are the blank-line separated blocks of ``text``."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Article(id=article_id, title="", paragraphs=paragraphs, language=language)


@pytest.fixture(scope="session")
def make_article():
    """Build a test article from text (see :func:`article_from`)."""
    return article_from


@pytest.fixture(scope="session")
def seed_articles(examples_dir: Path, enricher: Enricher) -> dict[str, Article]:
    """The two seed articles, enriched ("000": the scraped copy, "002": the AFP original)."""
    seeds = sorted((examples_dir / "seeds").glob("*.txt"))
    return {path.name[:3]: enricher.enrich(article_from(path.read_text(encoding="utf-8"), article_id=path.stem)) for path in seeds}
