"""HTML in the other readers: whole pages go to B's extractor (:mod:`storyline.ingest.html`)
then :func:`finalize`; fragments (feed content, a JSON ``text`` holding markup) become plain text."""

from __future__ import annotations

import re
from datetime import datetime

import lxml.html
from lxml.etree import ParserError

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


#: Block-level tags whose end is a paragraph break when an HTML fragment becomes text.
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|figure|figcaption|tr|section|article)\s*>|<br\s*/?>", re.I)


def fragment_text(fragment: str) -> str:
    """An HTML fragment (feed content, marked-up JSON text) -> plain text, blank lines between blocks."""
    if "<" not in fragment:
        return fragment
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return fragment
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return root.text_content()
