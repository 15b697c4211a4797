"""WARC archives (FastWARC): every HTML page captured -> an article, every other record -> why it is none.

Each record gives one outcome (an article, a skip with its reason, or a failure), so that what a crawl held is
accounted for record by record; a file cut short (an interrupted crawl) keeps the records before the cut and fails
saying so. A crawl is read from its file record by record, plain, gzipped or zstd-compressed, in memory bounded by
its largest page: a 1 GB .warc.gz is no larger to hold than its pages, and a record over the per-record limit is
skipped unread, saying so.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.htmlpage import read_html
from storyline.ingest.http_body import undo_content_encoding, undo_transfer_encoding
from storyline.ingest.metadata import to_naive_utc
from storyline.ingest.sniff import GZIP_MAGIC, head_of, is_gzip, is_zstd

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Why a record of each type holds no page (keyed by the flag's value: the type is no dict key); responses,
#: resources and revisits are looked at one by one.
_NO_PAGE = {
    int(WarcRecordType.warcinfo): "WARC warcinfo record (about the crawl, no page)",
    int(WarcRecordType.request): "WARC request record (what the crawler sent, no page)",
    int(WarcRecordType.metadata): "WARC metadata record (the crawler's notes, no page)",
    int(WarcRecordType.conversion): "WARC conversion record (a page converted to another format, no page)",
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


def _over_the_limit(record: WarcRecord, max_record_bytes: int) -> str | None:
    """Why a page's record is not read, when it is longer than one page may be, else ``None``."""
    if record.content_length <= max_record_bytes:
        return None
    return (f"WARC record is {record.content_length} bytes, over the {max_record_bytes}-byte limit for one page "
            "(max_file_bytes): skipped unread, the rest of the file is read")


def _segment(record: WarcRecord) -> str | None:
    """Why a record that is one segment of a record split over several (WARC-Segment-Number) is not read: its
    block is only part of the page, and the parts are not put back together, so no page is read from part of
    one; ``None`` for a whole record."""
    number = record.headers.get("WARC-Segment-Number")
    if record.record_type == WarcRecordType.continuation:
        origin = record.headers.get("WARC-Segment-Origin-ID") or "not named"
        return (f"WARC continuation record (segment {number or '?'} of segmented record {origin}): segmented records "
                "are not reassembled")
    if number is None:
        return None
    return (f"WARC record is segment {number} of a segmented record (its page continues in continuation records): "
            "segmented records are not reassembled")


class _Crawl:
    """One WARC file's records read in order, with the URLs of the captures read so far (a revisit of one is a
    duplicate)."""

    def __init__(self, source: str, max_record_bytes: int) -> None:
        self.source = source
        self.max_record_bytes = max_record_bytes
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
        if reason := _NO_PAGE.get(int(record.record_type)) or _segment(record):
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
        if skip := _not_a_page(content_type, status) or _over_the_limit(record, self.max_record_bytes):
            return ReadOutcome(record_source, None, skip, skipped=True)
        payload = record.reader.read()
        if len(payload) < record.content_length:
            raise IngestError(f"truncated WARC record: {len(payload)} of {record.content_length} bytes")
        body, warning = _body(payload, http, self.max_record_bytes)
        article = read_html(_payload_text(body, content_type), source=record_source, url=uri)
        if cut := record.headers.get("WARC-Truncated"):  # Common Crawl keeps the first MiB of a larger page
            warning = "; ".join(filter(None, (warning, f"the crawler stored only the start of the page ({cut})")))
        warning = warning and f"record {uri or record.record_id}: {warning}"  # a warning is told once per file
        if record.record_date:  # when the crawler fetched the page: no publication date, a bound on it
            article.extra["captured"] = to_naive_utc(record.record_date).isoformat()
        return ReadOutcome(record_source, article, warning=warning)


def _body(payload: bytes, http: object | None, limit: int) -> tuple[bytes, str | None]:
    """The page's bytes from the stored HTTP body (inflated to ``limit`` bytes at most), and a warning when an
    encoding its headers claim is not there."""
    if http is None:
        return payload, None
    body = undo_transfer_encoding(payload, http.get("Transfer-Encoding"))
    return undo_content_encoding(body, http.get("Content-Encoding"), limit)


def read_warc(stream: BinaryIO, *, source: str, max_record_bytes: int) -> Iterator[ReadOutcome]:
    """One outcome per record of the WARC ``stream`` (seekable, at its start): HTML responses with status 2xx (and
    HTML resources) as articles, URL from WARC-Target-URI, WARC-Date kept as the capture time
    (``extra["captured"]``), never as the publication date; a record over ``max_record_bytes`` skipped unread.
    Each outcome's ``read_share`` says how far into the file its record starts."""
    crawl = _Crawl(source, max_record_bytes)
    zstd = is_zstd(head_of(stream))
    size = stream.seek(0, 2) or 1
    stream.seek(0)
    held: ReadOutcome | None = None  # a failed record, told once the file is known not to end inside it
    broken = None
    try:
        for record in ArchiveIterator(stream, parse_http=True):
            yield from [held] if held else []
            outcome = crawl.outcome(record)
            outcome.read_share = min(record.stream_pos / size, 1.0)
            held = outcome if outcome.error and not outcome.skipped else None
            yield from [] if held else [outcome]
    except Exception as exc:  # noqa: BLE001 - FastWARC raises plain exceptions on corrupt input
        broken = f"malformed WARC after {crawl.records} records: {exc}"
    cut = None if zstd else whole_records_before_a_cut(stream, crawl.last_start)  # a cut zstd frame failed above
    if cut is not None:
        whole = max(crawl.records - 1, 0) + cut
        yield ReadOutcome(source, None, f"WARC file is truncated (an interrupted crawl?): it breaks off after {whole} "
                                        "whole record(s); those were read, the one cut short is left out")
        return
    yield from [held] if held else []
    if zstd and crawl.records == 0:
        yield ReadOutcome(source, None, f"zstd-compressed WARC that FastWARC cannot read ({broken or 'no records'}): "
                                        "decompress it (zstd -d FILE) and ingest the .warc it gives")
    elif broken or crawl.records == 0:
        yield ReadOutcome(source, None, broken or "malformed WARC: no readable records")
    elif crawl.articles == crawl.failed == 0:
        yield ReadOutcome(source, None, "WARC has no HTML pages")


#: Bytes read (or decompressed) at a time when checking a WARC's last records.
_CHUNK_BYTES = 1 << 20
#: Bytes of a WARC header, at most, looked through for its end: real ones are a few hundred bytes, and bytes
#: after the last record with no header end (a gzip member of one endless line) are held no further.
_MAX_HEADER_BYTES = _CHUNK_BYTES


def whole_records_before_a_cut(stream: BinaryIO, start: int) -> int | None:
    """How many whole records the WARC ``stream`` holds from ``start`` (the last record read) on before one cut
    short, or ``None`` when none is: a gzip member, or a record's block, that ends before its Content-Length says.
    FastWARC drops a record cut inside its gzip header or WARC header without a word, and reads one cut inside its
    block as if whole. Read a chunk at a time: the last record may be a large one that was skipped unread."""
    stream.seek(start)
    if is_gzip(head_of(stream)):
        members = _GunzippedMembers(stream)
        whole, cut = _whole_blocks(iter(members))
        return whole if cut or not members.complete else None
    whole, cut = _whole_blocks(iter(lambda: stream.read(_CHUNK_BYTES), b""))
    return whole if cut else None


def _whole_blocks(chunks: Iterator[bytes]) -> tuple[int, bool]:
    """How many WARC records in ``chunks`` (their bytes in order) hold the block their Content-Length says, and
    whether one after them is cut short; a header without a length is malformed, not cut, and ends the count;
    bytes that end no header within :data:`_MAX_HEADER_BYTES` are a record cut short, as they are at the end."""
    pending, to_skip, whole = b"", 0, 0  # bytes not yet parsed; bytes of the current block still to come
    for chunk in chunks:
        if to_skip:
            skipped = min(to_skip, len(chunk))
            chunk, to_skip = chunk[skipped:], to_skip - skipped
            if to_skip:
                continue
            whole += 1
        pending += chunk
        while (pending := pending.lstrip()) and (header_end := pending.find(b"\r\n\r\n")) >= 0:
            length = _CONTENT_LENGTH.search(pending, 0, header_end)
            if length is None:
                return whole, False
            block_end = header_end + 4 + int(length.group(1))
            if block_end > len(pending):
                pending, to_skip = b"", block_end - len(pending)
                break
            pending, whole = pending[block_end:], whole + 1
        if len(pending) > _MAX_HEADER_BYTES:
            return whole, True
    return whole, to_skip > 0 or bool(pending.strip())


class _GunzippedMembers:
    """The content of the gzip members in a stream, a chunk at a time; once read, ``complete`` says whether the
    last member is whole (padding after it, a newline or NUL bytes, is no member; the first byte of a member's
    magic number is one cut short)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.complete = True

    def __iter__(self) -> Iterator[bytes]:
        data = self.stream.read(_CHUNK_BYTES)
        while is_gzip(data):
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while not member.eof:
                try:  # a chunk out at most: a page of repeated markup inflates a hundredfold
                    yield member.decompress(data, _CHUNK_BYTES)
                except zlib.error:
                    self.complete = False
                    return
                data = member.unconsumed_tail
                if not (data or member.eof or (data := self.stream.read(_CHUNK_BYTES))):
                    self.complete = False
                    return
            data = member.unused_data + self.stream.read(_CHUNK_BYTES)
        self.complete = not (data and GZIP_MAGIC.startswith(data[:2]))
