"""WARC archives (FastWARC): every HTML response record -> an article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.htmlpage import read_html
from storyline.ingest.metadata import to_naive_utc

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _decoded_body(body: bytes, content_encoding: str | None) -> bytes:
    """Undo a gzip/deflate HTTP Content-Encoding left in the archived payload."""
    encoding = (content_encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            return zlib.decompress(body, 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
        except zlib.error as exc:
            raise IngestError(f"bad {encoding} payload: {exc}") from None
    return body


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _payload_text(body: bytes, content_type: str) -> str:
    """The page as text: valid UTF-8 and the page's own ``<meta charset>`` before the HTTP header's charset,
    which is often a server default (``iso-8859-1`` on a UTF-8 page read "that’s" as "thatâ\x80\x99s")."""
    return decode_bytes(body, given=_charset(content_type))


def _not_a_page(content_type: str, status: int | None) -> str | None:
    """Why a response record holds no article (an image, a stylesheet, an error page), else ``None``."""
    if not content_type.lower().startswith(_HTML_TYPES):
        return f"WARC record not HTML ({content_type.split(';')[0].strip() or 'no content type'})"
    if not status or not 200 <= status < 300:
        return f"WARC record with HTTP status {status}"
    return None


def _unreadable_http(http: object | None) -> bool:
    """Whether a record's HTTP headers could not be read: missing, or a status line cut short ("HT"),
    as in an archive cut off inside a record, which must fail, not be skipped as a page of no type."""
    return http is None or http.status_code is None


def read_warc(data: bytes, *, source: str) -> Iterator[ReadOutcome]:
    """HTML responses with status 2xx; URL from WARC-Target-URI, date from WARC-Date as fallback."""
    seen = articles = problems = 0
    kinds = WarcRecordType.response | WarcRecordType.revisit
    try:
        for record in ArchiveIterator(io.BytesIO(data), record_types=kinds, parse_http=True):
            uri = record.headers.get("WARC-Target-URI") or None
            record_source = f"{source}#{uri or record.record_id}"
            if record.record_type == WarcRecordType.revisit:
                yield ReadOutcome(record_source, None, "WARC revisit record (a repeat capture, no page)", skipped=True)
                continue
            seen += 1
            http = record.http_headers
            block_type = record.headers.get("Content-Type") or ""
            if _unreadable_http(http) and (not block_type or "http" in block_type):  # cut or garbled record
                problems += 1
                yield ReadOutcome(record_source, None, "malformed WARC record: unreadable HTTP headers")
                continue
            content_type = (http.get("Content-Type") or "") if http else ""
            status = http.status_code if http else None
            skip = _not_a_page(content_type, status)
            if skip:
                yield ReadOutcome(record_source, None, skip, skipped=True)
                continue
            try:
                payload = record.reader.read()
                if len(payload) < record.content_length:
                    raise IngestError(f"truncated WARC record: {len(payload)} of {record.content_length} bytes")
                body = _decoded_body(payload, http.get("Content-Encoding"))
                article = read_html(_payload_text(body, content_type), source=record_source, url=uri)
                if record.record_date:  # when the crawler fetched the page: no publication date, a bound on it
                    article.extra["captured"] = to_naive_utc(record.record_date).isoformat()
            except IngestError as exc:
                problems += 1
                yield ReadOutcome(record_source, None, str(exc))
                continue
            articles += 1
            yield ReadOutcome(record_source, article)
    except Exception as exc:  # noqa: BLE001 - FastWARC raises plain exceptions on corrupt input
        yield ReadOutcome(source, None, f"malformed WARC after {seen} records: {exc}")
        return
    if seen == 0:
        yield ReadOutcome(source, None, "malformed WARC: no readable response records")
    elif articles == problems == 0:
        yield ReadOutcome(source, None, "WARC has no HTML response records")
