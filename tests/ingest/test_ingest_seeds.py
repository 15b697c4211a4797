"""The two seed articles: what ingest must find and strip in each."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from storyline.ingest import read_file
from storyline.model import Article


def _seed(examples_dir: Path, prefix: str) -> Article:
    (path,) = (examples_dir / "seeds").glob(f"{prefix}_*.txt")
    (article,) = read_file(path)
    return article


@pytest.fixture(scope="module")
def afp(examples_dir: Path) -> Article:
    return _seed(examples_dir, "002")


@pytest.fixture(scope="module")
def scraped(examples_dir: Path) -> Article:
    return _seed(examples_dir, "000")


def _reasons(article: Article) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in article.stripped:
        found.setdefault(item.reason, []).append(item.text)
    return found


def test_afp_copy_metadata(afp: Article) -> None:
    assert afp.title.startswith("Iran Says It Won't")
    assert afp.url and afp.url.startswith("https://www.themoscowtimes.com/2022/12/18/")
    assert afp.outlet == "The Moscow Times"
    assert afp.agency == "AFP"
    assert afp.byline == "AFP"
    assert afp.published == datetime(2022, 12, 18)
    assert afp.language == "en"


def test_afp_copy_caption_credit_and_related_link_labelled(afp: Article) -> None:
    reasons = _reasons(afp)
    assert any(c.startswith("President Ibrahim Raisi and Russian President") for c in afp.captions)
    assert any("via ZUMA Press Wire" in c for c in afp.captions)
    assert len(reasons["caption"]) == 2
    assert any(t.startswith("Related article:") for t in reasons["navigation"])
    body = afp.text
    assert "ZUMA" not in body and "Related article" not in body and "Original url" not in body
    assert afp.paragraphs[0].startswith("Iran's Foreign Ministry said Sunday")
    assert afp.paragraphs[-1].startswith("Last month, Tehran admitted")


def test_scraped_copy_loses_page_residue(scraped: Article) -> None:
    reasons = _reasons(scraped)
    assert reasons["share-widget"] == ["Spread the love"]
    assert reasons["navigation"] == ["Previous Article", "Next Article"]
    assert len(reasons["duplicate-title"]) == 1
    assert "< /p>" in reasons["stray-tag"] and "/p>" in reasons["stray-tag"]
    body = scraped.text
    for residue in ("Spread the love", "/p>", "Previous Article", "Next Article", "| War in Ukraine"):
        assert residue not in body
    assert scraped.title == "Iran says it doesn't need 'permission' to work with Russia"
    assert scraped.paragraphs[1].endswith("between Tehran and Moscow.")
    assert scraped.language == "en"
    assert scraped.published is None and scraped.byline is None


def test_ids_are_stable_and_distinct(examples_dir: Path, afp: Article, scraped: Article) -> None:
    assert afp.id != scraped.id
    assert _seed(examples_dir, "002").id == afp.id
    assert afp.content_hash == afp.compute_hash()
