"""WARC archives (FastWARC): every HTML page captured -> an article, every other record -> why it is none.

Each record gives one outcome (an article, a skip with its reason, or a failure), so that what a crawl held is
accounted for record by record; a file cut short (an interrupted crawl) keeps the records before the cut and fails
saying so.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.htmlpage import read_html
from storyline.ingest.http_body import undo_content_encoding, undo_transfer_encoding
from storyline.ingest.metadata import to_naive_utc
from storyline.ingest.sniff import GZIP_MAGIC, is_gzip

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Why a record of each type holds no page (keyed by the flag's value: the type is no dict key); responses,
#: resources and revisits are looked at one by one.
_NO_PAGE = {
    int(WarcRecordType.warcinfo): "WARC warcinfo record (about the crawl, no page)",
    int(WarcRecordType.request): "WARC request record (what the crawler sent, no page)",
    int(WarcRecordType.metadata): "WARC metadata record (the crawler's notes, no page)",
    int(WarcRecordType.conversion): "WARC conversion record (a page converted to another format, no page)",
    int(WarcRecordType.continuation): "WARC continuation record (the rest of a segmented record, not read)",
}
_SPACE = re.compile(rb"\s*")
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)", re.IGNORECASE | re.MULTILINE)


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
    """Why a response holds no article (an error page, a redirect, an image), else ``None``."""
    if status and 300 <= status < 400:
        return f"WARC record is an HTTP {status} redirect (no page)"
    if not status or not 200 <= status < 300:
        return f"WARC record with HTTP status {status}"
    if not content_type.lower().startswith(_HTML_TYPES):
        return f"WARC record not HTML ({content_type.split(';')[0].strip() or 'no content type'})"
    return None


def _unreadable_http(http: object | None) -> bool:
    """Whether a record's HTTP headers could not be read: missing, or a status line garbled or cut short ("HT"),
    which must fail, not be skipped as a page of no type."""
    return http is None or http.status_code is None


class _Crawl:
    """One WARC file's records read in order, with the URLs of the captures read so far (a revisit of one is a
    duplicate)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.captured: set[str] = set()
        self.records = self.articles = self.failed = 0
        #: Where the last record read starts in the file (gzip member or record), to check that it ends whole.
        self.last_start = 0

    def outcome(self, record: WarcRecord) -> ReadOutcome:
        """The record's one outcome, counted: its article, or why it has none."""
        self.records += 1
        self.last_start = record.stream_pos
        outcome = self._outcome(record)
        self.articles += outcome.article is not None
        self.failed += bool(outcome.error and not outcome.skipped)
        return outcome

    def _outcome(self, record: WarcRecord) -> ReadOutcome:
        uri = record.headers.get("WARC-Target-URI") or None
        named = uri or record.record_id
        record_source = f"{self.source}#{named}" if named else self.source
        if reason := _NO_PAGE.get(int(record.record_type)):
            return ReadOutcome(record_source, None, reason, skipped=True)
        if record.record_type == WarcRecordType.revisit:
            return ReadOutcome(record_source, None, self._revisit(record, uri), skipped=True)
        if record.record_type == WarcRecordType.no_type:
            return ReadOutcome(record_source, None, "malformed WARC record: no WARC-Type header")
        if record.record_type not in (WarcRecordType.response, WarcRecordType.resource):
            kind = record.headers.get("WARC-Type")
            return ReadOutcome(record_source, None, f"WARC record of a type not in the standard ({kind})", skipped=True)
        try:
            return self._page(record, record_source, uri)
        except IngestError as exc:
            return ReadOutcome(record_source, None, str(exc))

    def _revisit(self, record: WarcRecord, uri: str | None) -> str:
        """A repeat capture holds no page: a duplicate when the page was read from this file, else a pointer
        to a capture that is not here."""
        original = record.headers.get("WARC-Refers-To-Target-URI") or uri
        if original in self.captured:
            return "WARC revisit record (a repeat capture of a URL read above: duplicate)"
        return "WARC revisit record (a repeat capture of a URL not in this file, no page)"

    def _page(self, record: WarcRecord, record_source: str, uri: str | None) -> ReadOutcome:
        """A response's (or an HTML resource's) page, or why it holds none."""
        if uri:
            self.captured.add(uri)
        http = record.http_headers if record.record_type == WarcRecordType.response else None
        block_type = record.headers.get("Content-Type") or ""
        if record.record_type == WarcRecordType.resource:  # no HTTP: a page stored as a file
            status, content_type = 200, block_type
        elif _unreadable_http(http) and (not block_type or "http" in block_type):  # cut or garbled record
            raise IngestError("malformed WARC record: unreadable HTTP headers")
        else:
            status, content_type = (http.status_code, http.get("Content-Type") or "") if http else (None, "")
        if skip := _not_a_page(content_type, status):
            return ReadOutcome(record_source, None, skip, skipped=True)
        payload = record.reader.read()
        if len(payload) < record.content_length:
            raise IngestError(f"truncated WARC record: {len(payload)} of {record.content_length} bytes")
        body, warning = _body(payload, http)
        article = read_html(_payload_text(body, content_type), source=record_source, url=uri)
        if cut := record.headers.get("WARC-Truncated"):  # Common Crawl keeps the first MiB of a larger page
            warning = "; ".join(filter(None, (warning, f"the crawler stored only the start of the page ({cut})")))
        warning = warning and f"record {uri or record.record_id}: {warning}"  # a warning is told once per file
        if record.record_date:  # when the crawler fetched the page: no publication date, a bound on it
            article.extra["captured"] = to_naive_utc(record.record_date).isoformat()
        return ReadOutcome(record_source, article, warning=warning)


def _body(payload: bytes, http: object | None) -> tuple[bytes, str | None]:
    """The page's bytes from the stored HTTP body, and a warning when an encoding its headers claim is not there."""
    if http is None:
        return payload, None
    body = undo_transfer_encoding(payload, http.get("Transfer-Encoding"))
    return undo_content_encoding(body, http.get("Content-Encoding"))


def read_warc(data: bytes, *, source: str) -> Iterator[ReadOutcome]:
    """One outcome per record: HTML responses with status 2xx (and HTML resources) as articles, URL from
    WARC-Target-URI, WARC-Date kept as the capture time (``extra["captured"]``), never as the publication date;
    each outcome's ``read_share`` says how far into the file its record starts."""
    crawl = _Crawl(source)
    held: ReadOutcome | None = None  # a failed record, told once the file is known not to end inside it
    broken = None
    try:
        for record in ArchiveIterator(io.BytesIO(data), parse_http=True):
            yield from [held] if held else []
            outcome = crawl.outcome(record)
            outcome.read_share = record.stream_pos / len(data)
            held = outcome if outcome.error and not outcome.skipped else None
            yield from [] if held else [outcome]
    except Exception as exc:  # noqa: BLE001 - FastWARC raises plain exceptions on corrupt input
        broken = f"malformed WARC after {crawl.records} records: {exc}"
    if ends_inside_a_record(data[crawl.last_start :]):
        whole = crawl.records - (held is not None)
        yield ReadOutcome(source, None, f"WARC file is truncated (an interrupted crawl?): it breaks off after {whole} "
                                        "whole record(s); those were read, the one cut short is left out")
        return
    yield from [held] if held else []
    if broken or crawl.records == 0:
        yield ReadOutcome(source, None, broken or "malformed WARC: no readable records")
    elif crawl.articles == crawl.failed == 0:
        yield ReadOutcome(source, None, "WARC has no HTML pages")


def ends_inside_a_record(tail: bytes) -> bool:
    """Whether the last record(s) of a WARC, ``tail`` (gzipped record by record or not), are cut short: a gzip
    member or a record's block that ends before its Content-Length says. FastWARC drops a record cut inside its
    gzip header or WARC header without a word."""
    if is_gzip(tail):
        tail, complete = _gunzipped_members(tail)
        if not complete:
            return True
    position = 0
    while (position := _SPACE.match(tail, position).end()) < len(tail):
        header_end = tail.find(b"\r\n\r\n", position)
        if header_end < 0:
            return True
        length = _CONTENT_LENGTH.search(tail, position, header_end)
        if length is None:  # a whole header without a length: malformed, not cut
            return False
        position = header_end + 4 + int(length.group(1))
        if position > len(tail):
            return True
    return False


def _gunzipped_members(data: bytes) -> tuple[bytes, bool]:
    """The concatenated gzip members' content, and whether the last member is whole (padding after it, a newline
    or NUL bytes, is no member; the first byte of a member's magic number is one cut short)."""
    out = []
    while is_gzip(data):
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out.append(member.decompress(data))
        except zlib.error:
            return b"".join(out), False
        if not member.eof:
            return b"".join(out), False
        data = member.unused_data
    return b"".join(out), not (data and GZIP_MAGIC.startswith(data[:2]))
