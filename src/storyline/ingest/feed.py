"""RSS/Atom feeds (feedparser): one article per entry, from its content, summary or local page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import feedparser

from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.finalize import finalize
from storyline.ingest.htmlpage import fragment_text, read_html
from storyline.ingest.text import parse_text
from storyline.model import Article


def _entry_date(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")  # UTC struct_time
    return datetime(*parsed[:6]) if parsed else None


def _local_page(link: str | None, base_dir: Path | None) -> Path | None:
    """The HTML file a relative or file: link points to, when it exists."""
    if not link or base_dir is None:
        return None
    parsed = urlparse(link)
    if parsed.scheme not in ("", "file"):
        return None
    path = Path(unquote(parsed.path))
    path = path if path.is_absolute() else base_dir / path
    return path if path.is_file() else None


def _entry_body(entry: Any) -> str | None:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary")
    return fragment_text(body) if body and body.strip() else None


def _entry_article(entry: Any, *, source: str, base_dir: Path | None, max_file_bytes: int) -> Article:
    link = entry.get("link")
    published = _entry_date(entry)
    page = _local_page(link, base_dir)
    if page is not None:
        if page.stat().st_size > max_file_bytes:
            raise IngestError(f"linked page {page} is over the {max_file_bytes}-byte limit")
        article = read_html(decode_bytes(page.read_bytes()), source=source, published=published)
        article.extra.setdefault("page", str(page))
        return article
    body = _entry_body(entry)
    if body is None:
        raise IngestError("feed entry has no content, summary or local page")
    article = parse_text(body, source=source, url=link, title=entry.get("title") or None)
    article.byline = entry.get("author") or article.byline
    article.published = published or article.published
    article.id = entry.get("id") or ""
    return finalize(article)


def read_feed(
    data: bytes, *, source: str, base_dir: Path | None = None, max_file_bytes: int
) -> Iterator[ReadOutcome]:
    """Every entry of an RSS/Atom feed; a malformed feed with no entries is one error."""
    feed = feedparser.parse(data)
    entries = feed.get("entries", [])
    if not entries:
        problem = feed.get("bozo_exception")
        reason = f"malformed feed: {problem}" if feed.get("bozo") else "feed has no entries"
        yield ReadOutcome(source, None, reason)
        return
    outlet = feed.get("feed", {}).get("title")
    # A feed parsed leniently past an error: say so when one of its entries then fails.
    damage = f"malformed feed ({feed.get('bozo_exception')}): " if feed.get("bozo") else ""
    for index, entry in enumerate(entries):
        entry_source = f"{source}#{index}"
        try:
            article = _entry_article(entry, source=entry_source, base_dir=base_dir, max_file_bytes=max_file_bytes)
        except (IngestError, OSError) as exc:
            yield ReadOutcome(entry_source, None, f"{damage}{exc}")
            continue
        article.outlet = article.outlet or outlet
        yield ReadOutcome(entry_source, article)
