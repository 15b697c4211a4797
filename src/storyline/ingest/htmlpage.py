"""HTML in the other readers: whole pages go to B's extractor (:mod:`storyline.ingest.html`)
then :func:`finalize`; fragments (feed content, a JSON ``text`` holding markup) become plain text."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from storyline.ingest.errors import IngestError
from storyline.ingest.finalize import finalize
from storyline.model import Article


def page_article(
    html: str, *, source: str, url: str | None = None, published: datetime | None = None
) -> Article:
    """One HTML page -> an unfinalised article, for a reader that adds its own metadata first."""
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
    return article


def read_html(
    html: str, *, source: str, url: str | None = None, published: datetime | None = None
) -> Article:
    """One HTML page -> a finalised article; ``published`` fills in when the page has no date."""
    return finalize(page_article(html, source=source, url=url, published=published))


#: Block-level tags whose end is a paragraph break when an HTML fragment becomes text.
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|figure|figcaption|tr|section|article)\s*>|<br\s*/?>", re.I)


#: Elements whose text a browser never shows as the page's (scripts, styles, a document's head, fallbacks for
#: scripts and embeds, templates) or that are a page's furniture (menus, forms): dropped with their text.
_UNSHOWN = "|".join(f"//{tag}" for tag in (
    "script", "style", "head", "title", "noscript", "template", "iframe", "object", "embed", "svg", "nav", "form",
    "button", "select", "textarea",
))  # fmt: skip


def _fragment_root(fragment: str) -> HtmlElement | None:
    """The parsed fragment, blocks ended by blank lines and what no reader sees as text dropped (:data:`_UNSHOWN`);
    ``None`` for no markup."""
    if "<" not in fragment:
        return None
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return None
    for bad in root.xpath(_UNSHOWN):
        bad.drop_tree()
    return root


def fragment_text(fragment: str) -> str:
    """An HTML fragment (feed content, marked-up JSON text) -> plain text, blank lines between blocks.

    Entities are decoded once, with or without tags ("Second &amp; item" -> "Second & item").
    """
    root = _fragment_root(fragment)
    return unescape(fragment) if root is None else root.text_content()


def fragment_body(fragment: str) -> tuple[str, list[str]]:
    """Feed content -> its text without image captions, and the captions, found as on a page."""
    root = _fragment_root(fragment)
    if root is None:
        return fragment, []  # entities are left to the text reader, which decodes them once
    from storyline.ingest.html import caption_nodes, find_captions  # loads trafilatura: only for markup

    captions = find_captions(root)
    for node in caption_nodes(root):
        node.drop_tree()
    return root.text_content(), captions
