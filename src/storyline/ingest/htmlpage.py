"""HTML pages: engineer B's extractor (:mod:`storyline.ingest.html`), then :func:`finalize`."""

from __future__ import annotations

from datetime import datetime

from storyline.ingest.errors import IngestError
from storyline.ingest.finalize import finalize
from storyline.model import Article


def read_html(
    html: str, *, source: str, url: str | None = None, published: datetime | None = None
) -> Article:
    """One HTML page -> a finalised article; ``published`` fills in when the page has no date."""
    # Imported here so the other readers work while the HTML extractor is absent or broken.
    try:
        from storyline.ingest.html import extract_html
    except ImportError as exc:  # pragma: no cover - only while html.py is being written
        raise IngestError(f"HTML extractor unavailable: {exc}") from None
    try:
        article = extract_html(html, url=url, source=source)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        raise IngestError(f"HTML extraction failed: {type(exc).__name__}: {exc}") from None
    article.source = article.source or source
    article.url = article.url or url
    article.published = article.published or published
    return finalize(article)
