"""JSON (one object or a list), JSONL and CSV/TSV records -> articles.

Field names: ``id, url, outlet, title, text, published, language, byline,
agency, html``, each also accepted under the aliases in :data:`FIELD_ALIASES`
(``body``/``content``, ``date``/``pubDate``, ``link``, ``source``/``site_name``,
``author``...), in any letter case. ``text`` may be a string or a list of paragraphs; ``published``
an ISO date, a free-text date or epoch seconds/milliseconds (also as digits in a string). A given ``id`` is
kept. A record with ``html`` and no text is extracted as a page; one with only a headline is a
headline-only article (its headline is its text, ``extra["headline_only"]``), as headline datasets and
link-only feeds give them. A top-level wrapper (``{"articles": [...]}``, see :data:`WRAPPER_KEYS`) is unwrapped.
A CSV/TSV file is one record per row, its header naming the fields.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.finalize import finalize
from storyline.ingest.htmlpage import fragment_text, read_html
from storyline.ingest.metadata import parse_date, to_naive_utc
from storyline.ingest.sniff import load_json
from storyline.ingest.text import parse_text
from storyline.model import Article

#: Field -> names it may go by, first match wins.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "guid", "uuid", "stories_id"),
    "url": ("url", "link", "href", "canonical_url", "uri"),
    "outlet": ("outlet", "source", "site_name", "site", "publisher", "source_name", "media", "media_name", "domain"),
    "title": ("title", "headline", "name", "titel", "titre", "titulo", "título", "titolo"),
    "text": ("text", "body", "content", "article", "maintext", "description", "summary", "texte", "texto", "testo"),
    "published": ("published", "date", "pubDate", "pub_date", "published_at", "publishedAt", "date_publish", "publish_date", "datetime", "time", "timestamp", "seendate", "datum", "fecha"),
    "language": ("language", "lang", "locale"),
    "byline": ("byline", "author", "authors", "creator", "by"),
    "agency": ("agency",),
    "html": ("html", "raw_html", "content_html", "body_html"),
}  # fmt: skip


#: Paragraph markup in a text field ("<p>", "<br/>"), as some exports keep it.
_MARKUP = re.compile(r"<(?:p|br|div|li|h[1-6])[\s/>]", re.IGNORECASE)
#: Keys under which a JSON object may hold its list of articles.
WRAPPER_KEYS = ("articles", "items", "entries", "results", "documents", "data", "news")


def _field(record: dict[str, Any], name: str) -> Any:
    """The first alias of ``name`` the record fills; exports differ in case ("TITLE", "Title")."""
    return _named_field(record, name)[1]


def _named_field(record: dict[str, Any], name: str) -> tuple[str | None, Any]:
    """(the alias that matched, its value): which field a text came from tells whether it is the whole text."""
    for key in FIELD_ALIASES[name]:
        value = record.get(key)
        if value not in (None, "", []):
            return key, value
    folded = {str(key).lower(): value for key, value in record.items()}
    for key in FIELD_ALIASES[name]:
        value = folded.get(key.lower())
        if value not in (None, "", []):
            return key, value
    return None, None


def _titles(record: dict[str, Any]) -> list[str]:
    """Every title field the record fills, in alias order, as plain text (:func:`plain_title`): one that is no
    headline (a date line, the outlet's name) gives way to the next
    (:meth:`~storyline.ingest.text._TextParser.state_title`)."""
    folded = {str(key).lower(): value for key, value in record.items()}
    values = (record.get(key, folded.get(key.lower())) for key in FIELD_ALIASES["title"])
    return [title for value in values if (title := plain_title(_as_text(value)))]


#: Inline markup in a title: a tag ("<i>", "</em>", "<br/>") or an entity ("&amp;", "&#8217;", "&#x2019;"). A bare
#: "<" or "&" ("Stocks < forecast", "AT&T") is text: only these make a title HTML.
_TITLE_MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);", re.IGNORECASE)


def plain_title(title: str | None) -> str | None:
    """A record's title as plain text: exports keep a headline's inline HTML ("Still like <i>Mean Girls</i>",
    "Q&amp;A"), which every face would show as written; tags dropped and entities decoded as a feed's HTML
    titles are (:func:`fragment_text`). A title with no markup is kept as it is."""
    if not title or not _TITLE_MARKUP.search(title):
        return title
    return " ".join(fragment_text(title).split()) or None


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


#: A backslash before ASCII punctuation, as exports that regex-escape their fields write it ("Reuters UK
#: \(blog\)", "story.aspx\?id=7"): no outlet name or URL holds one (a browser reads "\" in a URL as "/").
_ESCAPED_PUNCTUATION = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(text: str | None) -> str | None:
    """An outlet name or URL without the backslashes an export put before its punctuation."""
    return _ESCAPED_PUNCTUATION.sub(r"\1", text) if text else text


#: What news APIs put where they cut a text short ("... [+1834 chars]", NewsAPI's free tier).
_TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")


#: Epoch seconds (10 digits, 2001-2286) or milliseconds (13) written as text, as CSV exports hold them.
_EPOCH_DIGITS = re.compile(r"\d{10}(?:\d{3})?")


def _as_date(value: Any) -> datetime | None:
    if isinstance(value, str) and _EPOCH_DIGITS.fullmatch(value.strip()):
        value = int(value)
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


#: Text fields that hold a summary of the article, not the article.
_SUMMARY_FIELDS = frozenset({"description", "summary"})


def _body_text(record: dict[str, Any]) -> tuple[str | None, bool]:
    """The record's text, and whether it is known to be partial (a summary, or cut at "[+1834 chars]")."""
    key, value = _named_field(record, "text")
    partial = (key or "").lower() in _SUMMARY_FIELDS
    if isinstance(value, list):  # a list of paragraphs
        return "\n\n".join(str(v) for v in value if v), partial
    text = _as_text(value)
    if text and _TRUNCATION_MARK.search(text):
        text, partial = _TRUNCATION_MARK.sub(" …", text), True
    return (fragment_text(text) if text and _MARKUP.search(text) else text), partial


def article_from_record(record: Any, *, source: str) -> Article:
    """One JSON object -> a finalised article; raises :class:`IngestError` naming what is wrong."""
    if not isinstance(record, dict):
        raise IngestError(f"record is a JSON {type(record).__name__}, not an object")
    url = _unescaped(_as_text(_field(record, "url")))
    published = _as_date(_field(record, "published"))
    body, partial = _body_text(record)
    html = _as_text(_field(record, "html"))
    outlet = _unescaped(_as_text(_field(record, "outlet")))
    titles = _titles(record)
    if body:
        article = parse_text(body, source=source, url=url, title=titles or None, outlet=outlet)
    elif html:
        article = read_html(html, source=source, url=url, published=published)
    elif titles:
        article = headline_only(titles[0], source=source)
    else:
        raise IngestError("record has no text (fields: text/body/content), no html and no title")
    article.id = _as_text(_field(record, "id")) or article.id
    article.url = article.url or url
    article.outlet = outlet or article.outlet
    article.byline = _as_text(_field(record, "byline")) or article.byline
    article.agency = _as_text(_field(record, "agency")) or article.agency
    article.language = _as_text(_field(record, "language")) or article.language
    article.published = published or article.published
    if partial:
        article.extra["partial"] = True
    return finalize(article)


def headline_only(title: str, *, source: str) -> Article:
    """An article known only by its headline (a headline dataset's row, a link-only feed item): the
    headline is its text, so it is matched, searched and compared like any other, and marked so."""
    title = " ".join(title.split())
    return Article(id="", title=title, paragraphs=[title], source=source, extra={"headline_only": True})


def _has_field(record: dict[str, Any], name: str) -> bool:
    """Whether the record has a field for ``name`` at all, filled or not (a CSV column)."""
    aliases = {alias.lower() for alias in FIELD_ALIASES[name]}
    return any(str(key).lower() in aliases for key in record)


def record_warnings(record: dict[str, Any], article: Article) -> list[str]:
    """What a kept record lacks, told rather than hidden: an unreadable date (the article stays undated), an empty
    text field (the article is its headline only; a headline dataset without a text column is no surprise)."""
    warnings = []
    key, value = _named_field(record, "published")
    if key and article.published is None:
        warnings.append(f"field '{key}' holds no readable date ({str(value)[:40]!r}): kept undated")
    if article.extra.get("headline_only") and _has_field(record, "text"):
        warnings.append("empty text field: kept as a headline-only article")
    return warnings


def _outcome(record: Any, source: str, where: str = "") -> ReadOutcome:
    """The record's article, or why there is none; ``where`` (its row or line) opens any warning."""
    try:
        article = article_from_record(record, source=source)
    except IngestError as exc:
        return ReadOutcome(source, None, str(exc))
    warning = "; ".join(record_warnings(record, article))
    return ReadOutcome(source, article, warning=f"{where}: {warning}" if where and warning else warning or None)


def _json_problem(exc: json.JSONDecodeError, where: str) -> str:
    """The parser's message and where it stopped, read as one phrase: "Expecting value at column 5", "Unterminated
    string starting at column 24" (a message of its own ending in "at": it was "starting at at line 1")."""
    return f"{exc.msg.removesuffix(' at')} at {where}"


def read_json(text: str, *, source: str) -> Iterator[ReadOutcome]:
    """A JSON object (one article) or list of objects (one per item)."""
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        yield ReadOutcome(source, None, f"malformed JSON: {_json_problem(exc, f'line {exc.lineno} column {exc.colno}')}")
        return
    if isinstance(data, dict):
        # Common wrappers: {"articles": [...]}, {"items": [...]}, ...
        wrapped = next((data[k] for k in WRAPPER_KEYS if isinstance(data.get(k), list)), None)
        data = data if wrapped is None else wrapped
    if isinstance(data, list):
        if not data:
            yield ReadOutcome(source, None, "empty JSON list")
        for index, record in enumerate(data):
            yield _outcome(record, f"{source}#{index}", f"record {index}")
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
            record = load_json(line)
        except json.JSONDecodeError as exc:
            yield ReadOutcome(record_source, None, f"malformed JSON on line {number}: {_json_problem(exc, f'column {exc.colno}')}")
            continue
        yield _outcome(record, record_source, f"line {number}")


#: Delimiters a CSV export may use; a ``.tsv`` file is tab-separated whatever its content suggests.
_CSV_DELIMITERS = ",;\t|"
#: Longest field a CSV row may hold (the csv module's default, 128 KiB, is shorter than long articles).
_CSV_FIELD_CHARS = 16 * 1024 * 1024


def read_csv(text: str, *, source: str, tab_separated: bool = False) -> Iterator[ReadOutcome]:
    """One record per row of a CSV/TSV file with a header; a malformed row is an error naming its line."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or not lines[0].strip():
        yield ReadOutcome(source, None, "empty CSV file (no header row)")
        return
    if tab_separated:
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff("".join(lines[:20]), delimiters=_CSV_DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_CHARS))
    reader = csv.reader(lines, delimiter=delimiter)
    header = [name.strip() for name in next(reader)]
    while True:
        number = reader.line_num + 1  # where the row starts: a quoted field may span lines
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadOutcome(f"{source}#L{number}", None, f"malformed CSV on line {number}: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            reason = f"line {number} has {len(row)} fields, the header {len(header)}"
            yield ReadOutcome(f"{source}#L{number}", None, reason)
            continue
        yield _outcome(dict(zip(header, row, strict=True)), f"{source}#L{number}", f"row at line {number}")
