"""RSS/Atom feeds (feedparser): one article per entry, from its content, summary or local page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse
from xml.parsers import expat

import feedparser

from storyline.ingest.decode import declared_charset, decode_bytes, utf8_with_stray_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.finalize import finalize, short_hash
from storyline.ingest.htmlpage import fragment_body, fragment_text, page_article
from storyline.ingest.records import headline_only
from storyline.ingest.sniff import MAX_NESTING
from storyline.ingest.text import parse_text
from storyline.model import Article, Stripped

#: feedparser's types for text constructs that hold markup ("<b>Breaking:</b>", "&amp;amp;").
_MARKUP_TYPES = ("text/html", "application/xhtml+xml")
_WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class _Channel:
    """What every entry of one feed shares."""

    title: str  # the outlet of every entry that names no source of its own
    base: str | None  # relative entry links resolve against it (feedparser has applied xml:base)


def _plain(detail: Any) -> str:
    """A feed text construct as plain text: feedparser keeps the tags and entities of HTML titles."""
    detail = detail or {}
    value = detail.get("value") or ""
    return fragment_text(value) if detail.get("type") in _MARKUP_TYPES else value


def _channel(feed: Any) -> _Channel:
    """The channel's title, and its link (else the feed's own address) as the base of entry links."""
    self_links = [link.get("href") for link in feed.get("links", []) if link.get("rel") == "self"]
    base = feed.get("link") or next(iter(self_links), None)
    title = " ".join(_plain(feed.get("title_detail")).split())
    return _Channel(title=title, base=base)


def _entry_date(entry: Any) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")  # UTC struct_time
    return datetime(*parsed[:6]) if parsed else None


def _date_warning(entry: Any, article: Article) -> str | None:
    """An entry date feedparser could not read, told as a CSV row's is: the article is undated or takes its URL's day."""
    written = entry.get("published") or entry.get("updated")
    if not written or _entry_date(entry) is not None:
        return None
    kept = "kept undated" if article.published is None else "dated by its URL"
    return f"entry {_entry_name(article)!r}: date {written[:40]!r} is no readable date: {kept}"


#: Characters of an entry's title or link a warning quotes: enough to find the entry in the feed.
_NAME_CHARS = 60


def _entry_name(article: Article) -> str:
    """The entry as a warning names it: its title, else its link, cut short (warnings name the file, not the item)."""
    name = " ".join((article.title or article.url or "untitled").split())
    if len(name) <= _NAME_CHARS:
        return name
    cut = name[:_NAME_CHARS]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]) + "…"


def _entry_link(entry: Any) -> str | None:
    """The entry's link as written; a ``<guid>`` feedparser copied there ("1", "urn:...") only if a web URL."""
    link = entry.get("link")
    written = {found.get("href") for found in entry.get("links", [])}
    return link if link and (link in written or urlparse(link).scheme in _WEB_SCHEMES) else None


def _local_path(link: str | None, base_dir: Path | None) -> Path | None:
    """The file a relative or file: link names, existing or not; ``None`` for a web link."""
    if not link or base_dir is None:
        return None
    parsed = urlparse(link)
    if parsed.scheme not in ("", "file"):
        return None
    path = Path(unquote(parsed.path))
    return path if path.is_absolute() else base_dir / path


def _page(path: Path, *, source: str, url: str | None, published: datetime | None, max_file_bytes: int) -> Article:
    """The local page an entry links to, read in place of its summary."""
    if path.stat().st_size > max_file_bytes:
        raise IngestError(f"linked page {path} is over the {max_file_bytes}-byte limit")
    web_url = url if urlparse(url).scheme in _WEB_SCHEMES else None
    article = page_article(decode_bytes(path.read_bytes()), source=source, url=web_url, published=published)
    article.extra.setdefault("page", str(path))
    return article


#: A tag escaped once more than its markup needs ("&lt;p&gt;" inside CDATA or an Atom ``type="html"`` text).
_ESCAPED_TAG = re.compile(
    r"&lt;/?(?:p|div|br|span|a|h[1-6]|ul|ol|li|img|figure|blockquote|script|style)\b.*?&gt;", re.IGNORECASE | re.DOTALL
)


def _unescaped_markup(body: str) -> str:
    """An entry's HTML escaped twice (no tag, escaped tags) unescaped once: it is markup, to read as such, not text
    whose tags and script code a text reader would keep."""
    return unescape(body) if "<" not in body and _ESCAPED_TAG.search(body) else body


def _entry_body(entry: Any) -> tuple[str, list[str], bool] | None:
    """The longest content (else the summary) as text, the image captions taken out of it, and whether it is
    only the summary (a teaser, or the whole text: the feed does not say, so it never hides a fuller text)."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary")
    if not body or not body.strip():
        return None
    text, captions = fragment_body(_unescaped_markup(body))
    return text, captions, not contents


def _text_article(entry: Any, *, source: str, url: str | None, outlet: str) -> Article | None:
    """The entry's own text with its feed title (empty when it has none: the lede is no headline)."""
    found = _entry_body(entry)
    if found is None:
        return None
    body, captions, summary_only = found
    article = parse_text(body, source=source, url=url, title=_plain(entry.get("title_detail")), outlet=outlet)
    if summary_only:
        article.extra["partial"] = True
    article.captions += captions
    article.stripped += [Stripped(caption, "caption") for caption in captions]
    return article


def _entry_id(guid: str, channel: _Channel, link: str | None) -> str:
    """A GUID is unique only within its feed: hashed with the feed's link or title, two feeds' "1" differ."""
    return short_hash(f"{channel.base or channel.title or link or ''}\n{guid}")


def _entry_article(
    entry: Any, channel: _Channel, *, source: str, base_dir: Path | None, max_file_bytes: int
) -> Article:
    link = _entry_link(entry)
    url = urljoin(channel.base, link) if channel.base and link else link
    published = _entry_date(entry)
    path = _local_path(link, base_dir)
    if path is not None and path.is_file():
        article = _page(path, source=source, url=url, published=published, max_file_bytes=max_file_bytes)
    else:
        article = _text_article(entry, source=source, url=url, outlet=channel.title)
    if article is None and path is None and (title := _plain(entry.get("title_detail"))):
        article = headline_only(title, source=source)  # a link-only item: its page is not here to read
    if article is None:
        missing = f"linked page {link} not found" if path else "feed entry has no content, summary, local page or title"
        raise IngestError(missing)
    if guid := entry.get("id"):
        article.id = _entry_id(guid, channel, link)
        article.extra["guid"] = guid
    # What the feed says of its entry wins over what the page or text reader guessed.
    article.outlet = (entry.get("source") or {}).get("title") or channel.title or article.outlet
    article.byline = (entry.get("author_detail") or {}).get("name") or article.byline
    article.published = published or article.published
    return finalize(article)


#: Bytes that are no XML 1.0 character (form feed, other C0 controls): feedparser's strict parser stops at them.
_NOT_XML_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _utf8_repaired(data: bytes) -> bytes:
    """A UTF-8 feed (declared or by default) with a few stray bytes, those read as Windows-1252: given the bytes,
    feedparser reads the whole feed in another encoding (iso-8859-2: "’" as "â€™" in every item)."""
    if declared_charset(data) not in (None, "utf-8"):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text = utf8_with_stray_bytes(data)
    return data if text is None else _NOT_XML_CHAR.sub("", text).encode("utf-8")


class _TooDeep(Exception):
    pass


def _nested_too_deeply(data: bytes) -> bool:
    """Whether the feed's elements nest deeper than :data:`MAX_NESTING`, found by expat alone (C, no per-element
    work beyond a count) and stopped there: feedparser takes seconds on each 50,000 elements, whatever it reads.
    XML that expat cannot read is left to feedparser's lenient parser, as deep as expat got."""
    parser = expat.ParserCreate()
    depth = 0

    def opened(*_: Any) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_NESTING:
            raise _TooDeep

    def closed(*_: Any) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler, parser.EndElementHandler = opened, closed
    try:
        parser.Parse(data, True)
    except _TooDeep:
        return True
    except (expat.ExpatError, ValueError, LookupError):
        pass
    return False


def read_feed(
    data: bytes, *, source: str, base_dir: Path | None = None, max_file_bytes: int
) -> Iterator[ReadOutcome]:
    """Every entry of an RSS/Atom feed; a malformed feed with no entries is one error, as is one nested too deeply."""
    data = _utf8_repaired(data)
    if _nested_too_deeply(data):
        yield ReadOutcome(source, None, f"malformed feed: nested too deeply (over {MAX_NESTING} levels)")
        return
    feed = feedparser.parse(data, sanitize_html=False)  # markup becomes text here (htmlpage._UNSHOWN), not HTML
    entries = feed.get("entries", [])
    if not entries:
        problem = feed.get("bozo_exception")
        reason = f"malformed feed: {problem}" if feed.get("bozo") else "feed has no entries"
        yield ReadOutcome(source, None, reason)
        return
    channel = _channel(feed.get("feed", {}))
    # A feed parsed leniently past an error: say so when one of its entries then fails, and once with the
    # first entry kept (a cut-off feed may have lost entries or the end of one).
    damage = f"malformed feed ({feed.get('bozo_exception')}): " if feed.get("bozo") else ""
    warning = f"{damage}read leniently, entries may be missing or cut" if _is_damaged(feed) else None
    for index, entry in enumerate(entries):
        entry_source = f"{source}#{index}"
        try:
            article = _entry_article(
                entry, channel, source=entry_source, base_dir=base_dir, max_file_bytes=max_file_bytes
            )
        except (IngestError, OSError) as exc:
            yield ReadOutcome(entry_source, None, f"{damage}{exc}")
            continue
        told = "; ".join(filter(None, (warning, _date_warning(entry, article))))
        yield ReadOutcome(entry_source, article, warning=told or None)
        warning = None


#: What feedparser flags as bozo that loses nothing: a charset header that disagrees with the document, a
#: feed served as another content type, a namespace prefix not declared.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType, feedparser.UndeclaredNamespace)


def _is_damaged(feed: feedparser.FeedParserDict) -> bool:
    """Whether the feed's XML broke (cut off, malformed) rather than a harmless oddity."""
    return bool(feed.get("bozo")) and not isinstance(feed.get("bozo_exception"), _HARMLESS_BOZO)
