"""JSON (one object or a list) and JSONL records -> articles.

Field names: ``id, url, outlet, title, text, published, language, byline,
agency, html``, each also accepted under the aliases in :data:`FIELD_ALIASES`
(``body``/``content``, ``date``/``pubDate``, ``link``, ``source``/``site_name``,
``author``...). ``text`` may be a string or a list of paragraphs; ``published``
an ISO date, a free-text date or epoch seconds/milliseconds. A given ``id`` is
kept. A record with ``html`` and no text is extracted as a page. A top-level
wrapper (``{"articles": [...]}``, see :data:`WRAPPER_KEYS`) is unwrapped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.finalize import finalize
from storyline.ingest.htmlpage import fragment_text, read_html
from storyline.ingest.metadata import parse_date, to_naive_utc
from storyline.ingest.text import parse_text
from storyline.model import Article

#: Field -> names it may go by, first match wins.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "guid", "uuid"),
    "url": ("url", "link", "href", "canonical_url", "uri"),
    "outlet": ("outlet", "source", "site_name", "site", "publisher", "source_name", "media"),
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "article", "maintext", "description", "summary"),
    "published": ("published", "date", "pubDate", "pub_date", "published_at", "publishedAt", "date_publish", "datetime", "time", "timestamp"),
    "language": ("language", "lang", "locale"),
    "byline": ("byline", "author", "authors", "creator", "by"),
    "agency": ("agency",),
    "html": ("html", "raw_html", "content_html", "body_html"),
}  # fmt: skip


#: Paragraph markup in a text field ("<p>", "<br/>"), as some exports keep it.
_MARKUP = re.compile(r"<(?:p|br|div|li|h[1-6])[\s/>]", re.I)
#: Keys under which a JSON object may hold its list of articles.
WRAPPER_KEYS = ("articles", "items", "entries", "results", "documents", "data", "news")


def _field(record: dict[str, Any], name: str) -> Any:
    for key in FIELD_ALIASES[name]:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def _as_text(value: Any) -> str | None:
    """Strings as given; lists joined (authors, paragraph lists); dicts by their name/text, or as the
    WordPress REST API gives titles and bodies (``{"rendered": "<p>...</p>"}``, HTML made text)."""
    if value is None:
        return None
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        if isinstance(value.get("rendered"), str):
            return fragment_text(value["rendered"]).strip() or None
        return _as_text(value.get("name") or value.get("text") or value.get("title"))
    return str(value).strip() or None


#: What news APIs put where they cut a text short ("... [+1834 chars]", NewsAPI's free tier).
_TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


def _as_date(value: Any) -> datetime | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch
        return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
    text = _as_text(value)
    if not text:
        return None
    try:
        return to_naive_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return parse_date(text, strict=False)


def _body_text(record: dict[str, Any]) -> str | None:
    value = _field(record, "text")
    if isinstance(value, list):  # a list of paragraphs
        return "\n\n".join(str(v) for v in value if v)
    text = _as_text(value)
    text = _TRUNCATION_MARK.sub(" …", text) if text else text
    return fragment_text(text) if text and _MARKUP.search(text) else text


def article_from_record(record: Any, *, source: str) -> Article:
    """One JSON object -> a finalised article; raises :class:`IngestError` naming what is wrong."""
    if not isinstance(record, dict):
        raise IngestError(f"record is a JSON {type(record).__name__}, not an object")
    url = _as_text(_field(record, "url"))
    published = _as_date(_field(record, "published"))
    body = _body_text(record)
    html = _as_text(_field(record, "html"))
    outlet = _as_text(_field(record, "outlet"))
    if body:
        title = _as_text(_field(record, "title"))
        article = parse_text(body, source=source, url=url, title=title, outlet=outlet)
    elif html:
        article = read_html(html, source=source, url=url, published=published)
    else:
        raise IngestError("record has no text (fields: text/body/content) and no html")
    article.id = _as_text(_field(record, "id")) or article.id
    article.url = article.url or url
    article.outlet = outlet or article.outlet
    article.byline = _as_text(_field(record, "byline")) or article.byline
    article.agency = _as_text(_field(record, "agency")) or article.agency
    article.language = _as_text(_field(record, "language")) or article.language
    article.published = published or article.published
    return finalize(article)


def _outcome(record: Any, source: str) -> ReadOutcome:
    try:
        return ReadOutcome(source, article_from_record(record, source=source))
    except IngestError as exc:
        return ReadOutcome(source, None, str(exc))


def read_json(text: str, *, source: str) -> Iterator[ReadOutcome]:
    """A JSON object (one article) or list of objects (one per item)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadOutcome(source, None, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(data, dict):
        # Common wrappers: {"articles": [...]}, {"items": [...]}, ...
        wrapped = next((data[k] for k in WRAPPER_KEYS if isinstance(data.get(k), list)), None)
        data = data if wrapped is None else wrapped
    if isinstance(data, list):
        if not data:
            yield ReadOutcome(source, None, "empty JSON list")
        for index, record in enumerate(data):
            yield _outcome(record, f"{source}#{index}")
    else:
        yield _outcome(data, source)


def read_jsonl(lines: Iterable[str | IngestError], *, source: str) -> Iterator[ReadOutcome]:
    """One JSON object per line; a bad line (undecodable, malformed) is an error outcome naming its line number."""
    for number, line in enumerate(lines, 1):
        record_source = f"{source}#L{number}"
        if isinstance(line, IngestError):
            yield ReadOutcome(record_source, None, f"line {number}: {line}")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadOutcome(record_source, None, f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})")
            continue
        yield _outcome(record, record_source)
