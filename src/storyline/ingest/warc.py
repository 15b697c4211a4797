"""WARC archives (FastWARC): every page captured -> an article, every other record -> why it is none.

Each record gives one outcome (an article, a skip with its reason, or a failure), so that what a crawl held is
accounted for record by record; a file cut short (an interrupted crawl) keeps the records before the cut and fails
saying so. A crawl is read from its file record by record, plain, gzipped (record by record or whole) or
zstd-compressed, in memory bounded by its largest page: a 1 GB .warc.gz is no larger to hold than its pages, and a
record over the per-record limit is skipped unread.

Two kinds of record hold a page only with others, which FastWARC reads one by one and this module puts together:
a record a crawler split into segments (``WARC-Segment-Number``, the rest in ``continuation`` records) is read
once all its segments are in, and a revisit (a dedup crawl's repeat capture, no body of its own) is read as the
page of the response it names, when that response is in the same file.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from storyline.ingest.decode import decode_bytes
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.htmlpage import read_html
from storyline.ingest.http_body import undo_content_encoding, undo_transfer_encoding
from storyline.ingest.metadata import to_naive_utc
from storyline.ingest.sniff import GZIP_MAGIC, head_of, is_gzip, is_zstd
from storyline.ingest.text import read_text

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: The HTTP statuses of a page: OK, and OK from a transforming proxy.
_PAGE_STATUSES = (200, 203)
#: A resource record (a file stored as is, no HTTP: wget's and Webrecorder's saved pages) holds an article as
#: HTML or as plain text; a plain-text HTTP response is a robots.txt or an API's answer, no article.
_RESOURCE_TYPES = (*_HTML_TYPES, "text/plain")
#: Why a record of each type holds no page (keyed by the flag's value: the type is no dict key); responses,
#: resources, revisits and continuations are looked at one by one.
_NO_PAGE = {
    int(WarcRecordType.warcinfo): "WARC warcinfo record (about the crawl, no page)",
    int(WarcRecordType.request): "WARC request record (what the crawler sent, no page)",
    int(WarcRecordType.metadata): "WARC metadata record (the crawler's notes, no page)",
    int(WarcRecordType.conversion): "WARC conversion record (a page converted to another format, no page)",
}
#: The segments of a segmented record other than its first, which is the one that tells what became of the page.
_SEGMENT = "WARC segment of a record split over several (told with its first segment)"
_REVISIT_ELSEWHERE = ("WARC revisit record (a repeat capture whose original is not in this file, no page: the page is "
                      "read from the crawl that holds it)")
_CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)", re.IGNORECASE | re.MULTILINE)


def _uri(record: WarcRecord, header: str) -> str | None:
    """A URI header's value, without the angle brackets that WARC 1.0 writers (wget) put round it."""
    value = (record.headers.get(header) or "").strip()
    return (value[1:-1] if value.startswith("<") and value.endswith(">") else value) or None


def _crawlers_own(uri: str | None) -> str | None:
    """Why a resource record is none of the pages crawled, when it is the crawler's own file: under a
    ``metadata:`` or ``urn:`` URI (wget's log and arguments, Webrecorder's page list and extracted text), else
    ``None``."""
    scheme = (uri or "").partition(":")[0].lower()
    if scheme in ("metadata", "urn"):
        return f"WARC resource record of the crawler's own ({scheme}: URI, no page)"
    return None


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


def _not_a_page(content_type: str, status: int | None, page_types: tuple[str, ...]) -> str | None:
    """Why a response holds no article (an error page, a redirect, an image), else ``None``. Of the other 2xx
    statuses none holds a whole page: 204 and 205 none, 206 a byte range of one."""
    if status and 300 <= status < 400:
        return f"WARC record is an HTTP {status} redirect (no page)"
    if status not in _PAGE_STATUSES:
        return f"WARC record with HTTP status {status}"
    if not content_type.lower().startswith(page_types):
        return f"WARC record not HTML ({content_type.split(';')[0].strip() or 'no content type'})"
    return None


def _unreadable_http(http: object | None) -> bool:
    """Whether a record's HTTP headers could not be read: missing, or a status line garbled or cut short ("HT"),
    which must fail, not be skipped as a page of no type."""
    return http is None or http.status_code is None


def _over_the_limit(size: int, max_record_bytes: int) -> str | None:
    """Why a page's record is not read, when it is longer than one page may be, else ``None``."""
    if size <= max_record_bytes:
        return None
    return (f"WARC record is {size} bytes, over the {max_record_bytes}-byte limit for one page "
            "(max_file_bytes): skipped unread, the rest of the file is read")


def _block(record: WarcRecord) -> bytes:
    """The record's payload, all of it: IngestError when the file ends inside it."""
    payload = record.reader.read()
    if len(payload) < record.content_length:
        raise IngestError(f"truncated WARC record: {len(payload)} of {record.content_length} bytes")
    return payload


@dataclass
class _Capture:
    """What a page is read from, taken out of its record (FastWARC's is gone once the iterator moves on): a
    segmented record's payload grows segment by segment, a revisit takes its original's."""

    uri: str | None
    record_id: str
    date: datetime | None
    content_type: str
    payload: bytes
    transfer_encoding: str | None = None
    content_encoding: str | None = None
    #: Why the crawler stored only the start of the page (WARC-Truncated: length, time, disconnect...).
    truncated: str | None = None


@dataclass
class _Segments:
    """The segments of one segmented record read so far, by number (a crawler with a record size limit splits
    a long page's record: the first segment holds the HTTP headers, ``continuation`` records the rest)."""

    sources: list[str] = field(default_factory=list)
    #: The first segment's page, why it holds none (an image split in segments is no page either), or why it
    #: could not be read.
    first: _Capture | str | IngestError | None = None
    first_source: str | None = None
    blocks: dict[int, bytes] = field(default_factory=dict)
    #: The number of the segment that says WARC-Segment-Total-Length, which only the last one does.
    last: int | None = None
    size: int = 0

    def missing(self) -> list[str]:
        """The numbers of the segments not read yet ("3 on" when no segment read says it is the last)."""
        have = set(self.blocks) | ({1} if self.first is not None else set())
        end = self.last or max(have)
        unknown = [] if self.last else [f"{end + 1} on (none says it is the last)"]
        return [str(n) for n in range(1, end + 1) if n not in have] + unknown


@dataclass
class _Revisit:
    """A revisit record waiting for the end of the file, where its original is looked for."""

    source: str
    uri: str | None
    record_id: str
    date: datetime | None
    refers_to: str | None
    refers_to_uri: str | None
    digest: str | None


class _Crawl:
    """One WARC file's records read in order; segments and revisits held until what they need is read."""

    def __init__(self, source: str, max_record_bytes: int) -> None:
        self.source = source
        self.max_record_bytes = max_record_bytes
        self.records = self.articles = self.failed = 0
        #: Where the last record read starts in the file (gzip member or record), to check that it ends whole.
        self.last_start = 0
        #: Segmented records not yet whole, by the first segment's record id.
        self.segments: dict[str, _Segments] = {}
        self.revisits: list[_Revisit] = []
        #: Whether the file holds revisits: a dedup crawl of pages that did not change holds nothing else.
        self.revisited = False
        #: Each response and resource read: ``None`` when it gave a page, else why a revisit of it gives none.
        self.read: dict[str, str | None] = {}
        self.by_digest: dict[str, str] = {}
        self.by_uri: dict[str, str] = {}

    def counted(self, outcome: ReadOutcome) -> ReadOutcome:
        self.articles += outcome.article is not None
        self.failed += bool(outcome.error and not outcome.skipped)
        return outcome

    def outcomes(self, record: WarcRecord) -> list[ReadOutcome]:
        """The outcomes this record completes, counted: none for a segment or revisit that waits, several for
        the segment that completes its record."""
        self.records += 1
        self.last_start = record.stream_pos
        return [self.counted(outcome) for outcome in self._outcomes(record)]

    def _source(self, record: WarcRecord) -> tuple[str, str | None]:
        uri = _uri(record, "WARC-Target-URI")
        named = uri or record.record_id
        return (f"{self.source}#{named}" if named else self.source), uri

    def _outcomes(self, record: WarcRecord) -> list[ReadOutcome]:
        record_source, uri = self._source(record)
        own = _crawlers_own(uri) if record.record_type == WarcRecordType.resource else None
        if reason := _NO_PAGE.get(int(record.record_type)) or own:
            return [ReadOutcome(record_source, None, reason, skipped=True, quiet=True)]
        if record.record_type == WarcRecordType.revisit:
            self._revisit(record, record_source, uri)
            return []
        if record.record_type == WarcRecordType.no_type:
            return [ReadOutcome(record_source, None, "malformed WARC record: no WARC-Type header")]
        if record.record_type not in (WarcRecordType.response, WarcRecordType.resource, WarcRecordType.continuation):
            kind = record.headers.get("WARC-Type")
            why = f"WARC record of a type not in the standard ({kind})"
            return [ReadOutcome(record_source, None, why, skipped=True)]
        try:
            if record.record_type == WarcRecordType.continuation or record.headers.get("WARC-Segment-Number"):
                return self._segment(record, record_source, uri)
            capture = self._capture(record, uri)
        except IngestError as exc:
            self._remember(record, "the original could not be read")
            return [ReadOutcome(record_source, None, str(exc))]
        self._remember(record, capture if isinstance(capture, str) else None)
        if isinstance(capture, str):
            return [ReadOutcome(record_source, None, capture, skipped=True)]
        return [self._page(capture, record_source)]

    def _remember(self, record: WarcRecord, no_page: str | None) -> None:
        """Keep what became of a response or resource, for a revisit of it read later."""
        self.read[record.record_id] = no_page
        if digest := record.headers.get("WARC-Payload-Digest"):
            self.by_digest.setdefault(digest.strip(), record.record_id)
        if uri := _uri(record, "WARC-Target-URI"):
            self.by_uri[uri] = record.record_id

    def _capture(self, record: WarcRecord, uri: str | None) -> _Capture | str:
        """The page a response (or a resource) holds, or why it holds none; IngestError for a garbled one."""
        http = record.http_headers if record.record_type == WarcRecordType.response else None
        block_type = record.headers.get("Content-Type") or ""
        if record.record_type == WarcRecordType.resource:  # no HTTP: a page stored as a file
            status, content_type, page_types = 200, block_type, _RESOURCE_TYPES
        elif _unreadable_http(http) and (not block_type or "http" in block_type):  # cut or garbled record
            raise IngestError("malformed WARC record: unreadable HTTP headers")
        else:
            status, content_type = (http.status_code, http.get("Content-Type") or "") if http else (None, "")
            page_types = _HTML_TYPES
        if skip := _not_a_page(content_type, status, page_types) or _over_the_limit(record.content_length,
                                                                                     self.max_record_bytes):
            return skip
        return _Capture(uri, record.record_id, record.record_date, content_type, _block(record),
                        http.get("Transfer-Encoding") if http else None, http.get("Content-Encoding") if http else None,
                        record.headers.get("WARC-Truncated"))

    def _page(self, capture: _Capture, record_source: str) -> ReadOutcome:
        """The article of a page's capture, or why it has none."""
        try:
            body, warning = _body(capture, self.max_record_bytes)
            text = _payload_text(body, capture.content_type)
            plain = capture.content_type.lower().startswith("text/plain")
            article = (read_text if plain else read_html)(text, source=record_source, url=capture.uri)
        except IngestError as exc:
            return ReadOutcome(record_source, None, str(exc))
        if capture.truncated:  # Common Crawl keeps the first MiB of a larger page; a fetch may time out
            article.extra["partial"] = True  # so a whole capture of the page is never replaced by it
            cut = f"the crawler stored only the start of the page ({capture.truncated})"
            warning = "; ".join(filter(None, (warning, cut)))
        warning = warning and f"record {capture.uri or capture.record_id}: {warning}"  # told once per file
        if capture.date:  # when the crawler fetched the page: no publication date, a bound on it
            article.extra["captured"] = to_naive_utc(capture.date).isoformat()
        return ReadOutcome(record_source, article, warning=warning)

    def _segment(self, record: WarcRecord, record_source: str, uri: str | None) -> list[ReadOutcome]:
        """Keep one segment of a segmented record; the record's outcomes once its last segment is in."""
        number = record.headers.get("WARC-Segment-Number") or ""
        if not number.isdigit() or int(number) < 1:
            raise IngestError(f"malformed WARC record: WARC-Segment-Number {number!r}")
        if record.record_type == WarcRecordType.continuation:
            origin = record.headers.get("WARC-Segment-Origin-ID") or ""
            if not origin:
                raise IngestError("malformed WARC continuation record: no WARC-Segment-Origin-ID")
            group = self.segments.setdefault(origin, _Segments())
            block = _block(record) if group.first is None or isinstance(group.first, _Capture) else b""
            group.blocks[int(number)] = block
            if record.headers.get("WARC-Segment-Total-Length"):
                group.last = int(number)
        elif number != "1":
            raise IngestError(f"malformed WARC record: a {record.headers.get('WARC-Type')} record is segment {number}, "
                              "not the first")
        else:
            origin = record.record_id
            self._remember(record, "the original is a segmented record (its revisits are not read)")
            group = self.segments.setdefault(origin, _Segments())
            group.first_source = record_source
            try:
                first: _Capture | str | IngestError = self._capture(record, uri)
            except IngestError as exc:  # told once the other segments are in, as the record's one failure
                first = exc
            group.first = group.first or first  # continuations read before it may have found the page too long
            block = group.first.payload if isinstance(group.first, _Capture) else b""
        if record.record_type == WarcRecordType.continuation:
            group.sources.append(record_source)
        group.size += len(block)
        no_page_yet = group.first is None or isinstance(group.first, _Capture)
        if no_page_yet and (too_long := _over_the_limit(group.size, self.max_record_bytes)):
            group.first, group.blocks = too_long, {}
        if group.missing():
            return []
        del self.segments[origin]
        return self._segments_read(group)

    def _segments_read(self, group: _Segments) -> list[ReadOutcome]:
        """A whole segmented record's outcomes: its page (or why there is none) and one for each other segment."""
        others = [ReadOutcome(source, None, _SEGMENT, skipped=True, quiet=True) for source in group.sources]
        if not isinstance(group.first, _Capture):
            return [_not_read(group.first_source, group.first), *others]
        rest = b"".join(group.blocks[number] for number in sorted(group.blocks))
        return [self._page(replace(group.first, payload=group.first.payload + rest), group.first_source), *others]

    def unfinished(self) -> Iterator[ReadOutcome]:
        """The segmented records whose segments are not all in the file: each fails naming its record (a record
        that held no page, an image, is skipped as one)."""
        for origin, group in self.segments.items():
            source, *rest = [group.first_source, *group.sources] if group.first_source else group.sources
            why = group.first if isinstance(group.first, (str, IngestError)) else IngestError(
                f"segmented WARC record {origin} is missing segment(s) {', '.join(group.missing())} of its page: "
                "not read")
            yield self.counted(_not_read(source, why))
            yield from (ReadOutcome(s, None, _SEGMENT, skipped=True, quiet=True) for s in rest)
        self.segments = {}

    def _revisit(self, record: WarcRecord, record_source: str, uri: str | None) -> None:
        """Keep a revisit until the file is read: its original may come later (files merged, sorted by URL)."""
        headers = record.headers
        self.revisited = True
        self.revisits.append(_Revisit(record_source, uri, record.record_id, record.record_date,
                                      headers.get("WARC-Refers-To"), _uri(record, "WARC-Refers-To-Target-URI"),
                                      (headers.get("WARC-Payload-Digest") or "").strip() or None))

    def _original(self, revisit: _Revisit) -> str | None:
        """The record id of the capture a revisit repeats: the one it names, else the one of identical payload
        (what a dedup crawler compared), else, for a revisit that says neither, the last one of its URL."""
        if revisit.refers_to in self.read:
            return revisit.refers_to
        if revisit.digest:
            return self.by_digest.get(revisit.digest)
        return self.by_uri.get(revisit.refers_to_uri or revisit.uri or "")

    def resolved_revisits(self, stream: BinaryIO) -> Iterator[ReadOutcome]:
        """Each revisit's outcome: its original's page under the revisit's URL and capture time when the original
        is a page of this file (read again in a second pass, one at a time), else why it has none."""
        waiting: dict[str, list[_Revisit]] = {}
        for revisit in self.revisits:
            original = self._original(revisit)
            if original is None:
                yield self.counted(ReadOutcome(revisit.source, None, _REVISIT_ELSEWHERE, skipped=True))
            elif (no_page := self.read[original]) is not None:
                yield self.counted(ReadOutcome(revisit.source, None, f"WARC revisit record ({no_page})", skipped=True))
            else:
                waiting.setdefault(original, []).append(revisit)
        self.revisits = []
        if waiting:
            yield from map(self.counted, self._read_again(stream, waiting))

    def _read_again(self, stream: BinaryIO, waiting: dict[str, list[_Revisit]]) -> Iterator[ReadOutcome]:
        """The pages of the revisits ``waiting`` on each original (by record id), the file read again from its
        start: record positions cannot be sought in a file gzipped whole, and one page is held at a time."""
        stream.seek(0)
        try:
            for record in ArchiveIterator(stream, parse_http=True,
                                          record_types=WarcRecordType.response | WarcRecordType.resource):
                if (revisits := waiting.pop(record.record_id, None)) is None:
                    continue
                capture = self._capture(record, _uri(record, "WARC-Target-URI"))
                if isinstance(capture, str):  # read as a page the first time: the file changed meanwhile
                    raise IngestError(capture)
                for revisit in revisits:
                    repeat = replace(capture, uri=revisit.uri or capture.uri, record_id=revisit.record_id,
                                     date=revisit.date or capture.date)
                    yield self._page(repeat, revisit.source)
                if not waiting:
                    return
        except Exception as exc:  # noqa: BLE001 - read once already: only a file changed meanwhile fails here
            reason = f"WARC revisit record: its original could not be read again ({exc})"
        else:
            reason = "WARC revisit record: its original could not be found again"
        for revisits in waiting.values():
            yield from (ReadOutcome(revisit.source, None, reason) for revisit in revisits)


def _not_read(source: str, why: str | IngestError) -> ReadOutcome:
    """A record's outcome when it holds no page (``why`` a reason: skipped) or could not be read (an error)."""
    return ReadOutcome(source, None, str(why), skipped=isinstance(why, str))


def _body(capture: _Capture, limit: int) -> tuple[bytes, str | None]:
    """The page's bytes from the stored HTTP body (inflated to ``limit`` bytes at most), and a warning when an
    encoding its headers claim is not there."""
    body = undo_transfer_encoding(capture.payload, capture.transfer_encoding)
    return undo_content_encoding(body, capture.content_encoding, limit)


def read_warc(stream: BinaryIO, *, source: str, max_record_bytes: int) -> Iterator[ReadOutcome]:
    """One outcome per record of the WARC ``stream`` (seekable, at its start): HTML responses with status 200 or
    203 (and HTML or plain-text resources) as articles, URL from WARC-Target-URI, WARC-Date kept as the capture time
    (``extra["captured"]``), never as the publication date; a record over ``max_record_bytes`` skipped unread; a
    segmented record read once whole, a revisit as its original's page (both told where they are complete).
    Each outcome's ``read_share`` says how far into the file its record starts."""
    crawl = _Crawl(source, max_record_bytes)
    zstd = is_zstd(head_of(stream))
    size = stream.seek(0, 2) or 1
    stream.seek(0)
    held: list[ReadOutcome] = []  # the last record's failures, told once the file is known not to end inside it
    broken = None
    try:
        for record in ArchiveIterator(stream, parse_http=True):
            yield from held
            held = []
            for outcome in crawl.outcomes(record):
                outcome.read_share = min(record.stream_pos / size, 1.0)
                if outcome.error and not outcome.skipped:
                    held.append(outcome)
                else:
                    yield outcome
    except Exception as exc:  # noqa: BLE001 - FastWARC raises plain exceptions on corrupt input
        broken = f"malformed WARC after {crawl.records} records: {exc}"
    # a cut zstd frame failed above
    whole = None if zstd else whole_records_before_a_cut(stream, crawl.last_start, max(crawl.records - 1, 0))
    yield from [] if whole is not None else held
    yield from crawl.unfinished()
    yield from crawl.resolved_revisits(stream)
    if whole is not None:
        yield ReadOutcome(source, None, f"WARC file is truncated (an interrupted crawl?): it breaks off after {whole} "
                                        "whole record(s); those were read, the one cut short is left out")
    elif zstd and crawl.records == 0:
        yield ReadOutcome(source, None, f"zstd-compressed WARC that FastWARC cannot read ({broken or 'no records'}): "
                                        "decompress it (zstd -d FILE) and ingest the .warc it gives")
    elif broken or crawl.records == 0:
        yield ReadOutcome(source, None, broken or "malformed WARC: no readable records")
    elif crawl.articles == crawl.failed == 0 and not crawl.revisited:
        yield ReadOutcome(source, None, "WARC has no HTML pages")


#: Bytes read (or decompressed) at a time when checking a WARC's last records.
_CHUNK_BYTES = 1 << 20
#: Bytes of a WARC header, at most, looked through for its end: real ones are a few hundred bytes, and bytes
#: after the last record with no header end (a gzip member of one endless line) are held no further.
_MAX_HEADER_BYTES = _CHUNK_BYTES


def whole_records_before_a_cut(stream: BinaryIO, start: int, before: int) -> int | None:
    """How many whole records the WARC ``stream`` holds (``before`` of them before ``start``, where the last
    record read starts) before one cut short, or ``None`` when none is: a gzip member, or a record's block, that
    ends before its Content-Length says. FastWARC drops a record cut inside its gzip header or WARC header without
    a word, reads one cut inside its block as if whole, and stops without a word inside a file gzipped whole (one
    gzip member for all records, whose positions it gives inside that member: the file is checked from its start).
    Read a chunk at a time: the last record may be a large one that was skipped unread."""
    stream.seek(0)
    gzipped = is_gzip(head_of(stream))
    stream.seek(start)
    if gzipped and not is_gzip(head_of(stream)):
        before = 0
        stream.seek(0)
    if gzipped:
        members = _GunzippedMembers(stream)
        whole, cut = _whole_blocks(iter(members))
        return before + whole if cut or not members.complete else None
    whole, cut = _whole_blocks(iter(lambda: stream.read(_CHUNK_BYTES), b""))
    return before + whole if cut else None


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
