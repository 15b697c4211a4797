"""WARC files as real crawlers write them (wget, Heritrix, Browsertrix, Common Crawl): bodies stored as sent,
every record accounted for, an interrupted crawl. The crawls are invented and written with warcio."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

import brotli
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import read_paths
from storyline.ingest.decode import decode_bytes

SITE = "https://herald.example.rt"
PARAGRAPHS = [
    "The council of Port Elwyn voted on Monday to rebuild the old pier, said Olga Petrenko, who chairs its harbour board.",
    "Work starts in spring and should end before the summer ferries to Vardo Island run again, she told reporters.",
    "Fishermen welcomed the vote, though some asked why the works took so long to approve after the winter storm.",
]


def page(title: str, *, head: str = '<meta charset="utf-8">', paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def chunked(data: bytes, size: int = 64) -> bytes:
    """``data`` in HTTP/1.1 chunks, as a crawler that stores the body as sent keeps it."""
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


class Crawl:
    """A WARC written record by record, as a crawler does: warcinfo, then a request before each response."""

    def __init__(self, *, compressed: bool = True) -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=compressed)
        self.writer.write_record(self.writer.create_warcinfo_record("crawl.warc.gz", {"software": "crawler/1.0"}))

    def fetch(self, path: str, body: bytes, *, status: str = "200 OK", headers: list[tuple[str, str]] | None = None):
        url = f"{SITE}/{path}"
        request = StatusAndHeaders(f"GET /{path} HTTP/1.1", [("Host", "herald.example.rt")], is_http_request=True)
        self.writer.write_record(self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        sent = StatusAndHeaders(status, headers or [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        response = self.writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=sent)
        self.writer.write_record(response)
        return response

    def revisit(self, path: str, *, digest: str = "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to: str | None = None,
                refers_to_path: str | None = None, date: str = "2026-03-12T09:30:00Z") -> None:
        """A dedup crawl's repeat capture: no body, the digest of the payload it repeats, and (Heritrix) the
        record id of the capture that holds it."""
        url = f"{SITE}/{path}"
        sent = StatusAndHeaders("200 OK", [HTML], protocol="HTTP/1.1")
        named = {"WARC-Date": date, **({"WARC-Refers-To": refers_to} if refers_to else {})}
        self.writer.write_record(self.writer.create_revisit_record(
            url, digest=digest, refers_to_uri=f"{SITE}/{refers_to_path or path}", refers_to_date="2026-03-11T10:00:00Z",
            http_headers=sent, warc_headers_dict=named))

    def note(self, path: str) -> None:
        self.writer.write_record(self.writer.create_warc_record(
            f"{SITE}/{path}", "metadata", payload=io.BytesIO(b"outlink: /ferries\n"), warc_content_type="application/warc-fields"))

    def resource(self, uri: str, body: bytes, content_type: str) -> None:
        """A file stored as is, no HTTP (a saved page; Browsertrix's page information)."""
        self.writer.write_record(self.writer.create_warc_record(
            uri, "resource", payload=io.BytesIO(body), warc_content_type=content_type))

    def save(self, path: Path) -> Path:
        path.write_bytes(self.buffer.getvalue())
        return path


HTML = ("Content-Type", "text/html; charset=utf-8")
ELSEWHERE = ("WARC revisit record (a repeat capture whose original is not in this file, no page: the page is read from "
             "the crawl that holds it)")
PAGE = page("Port Elwyn votes to rebuild its pier").encode()


@pytest.mark.parametrize(("headers", "body"), [
    ([HTML, ("Transfer-Encoding", "chunked")], chunked(PAGE)),
    ([HTML, ("Content-Encoding", "gzip")], gzip.compress(PAGE)),
    ([HTML, ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], chunked(gzip.compress(PAGE))),
    ([HTML, ("Content-Encoding", "deflate")], zlib.compress(PAGE)),
    ([HTML, ("Content-Encoding", "deflate")], raw_deflate(PAGE)),
    ([HTML, ("Content-Encoding", "br")], brotli.compress(PAGE)),
    ([HTML, ("Content-Encoding", "br"), ("Transfer-Encoding", "chunked")], chunked(brotli.compress(PAGE))),
    ([HTML, ("Transfer-Encoding", "chunked")], PAGE),  # stored de-chunked, the header kept
], ids=["chunked", "gzip", "chunked-gzip", "zlib-deflate", "raw-deflate", "brotli", "chunked-brotli", "dechunked"])
def test_a_body_stored_as_sent_reads_as_its_page(tmp_path: Path, limit: int, headers, body) -> None:
    crawl = Crawl()
    crawl.fetch("pier", body, headers=headers)
    (article,) = [o.article for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert article.title == "Port Elwyn votes to rebuild its pier"
    assert article.paragraphs == PARAGRAPHS  # no chunk sizes ("40") left in the text


def test_a_common_crawl_record_is_read_as_stored_and_a_page_it_cut_is_told(tmp_path: Path, limit: int) -> None:
    """Common Crawl stores bodies decoded, renaming the headers that said otherwise, and keeps only the first
    MiB of a larger page, saying so in a WARC-Truncated header."""
    crawl = Crawl()
    crawl.fetch("pier", PAGE, headers=[HTML, ("X-Crawler-Content-Encoding", "gzip"), ("X-Crawler-Transfer-Encoding", "chunked")])
    url = f"{SITE}/long"
    sent = StatusAndHeaders("200 OK", [HTML], protocol="HTTP/1.1")
    record = crawl.writer.create_warc_record(url, "response", payload=io.BytesIO(PAGE[: PAGE.index(b"</article>")]), http_headers=sent,
                                             warc_headers_dict={"WARC-Truncated": "length"})
    crawl.writer.write_record(record)
    whole, cut = [o for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert whole.article.paragraphs == cut.article.paragraphs == PARAGRAPHS and whole.warning is None
    assert cut.warning == f"record {url}: the crawler stored only the start of the page (length)"


def test_a_body_that_claims_an_encoding_it_has_not_is_read_as_stored_or_refused(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    crawl.fetch("pier", PAGE, headers=[HTML, ("Content-Encoding", "gzip")])  # decoded by the crawler, header kept
    crawl.fetch("garbled", b"\x1f\x8b\x08\x00garbled", headers=[HTML, ("Content-Encoding", "gzip")])
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    (kept,) = [o for o in outcomes if o.article]
    assert kept.article.paragraphs == PARAGRAPHS
    assert kept.warning.startswith(f"record {SITE}/pier: Content-Encoding says gzip, but the body is not (")
    assert kept.warning.endswith("read as stored, it is markup already")
    (refused,) = [o for o in outcomes if o.error and not o.skipped]
    assert refused.source.endswith(f"crawl.warc.gz#{SITE}/garbled")
    assert refused.error.startswith("Content-Encoding says gzip, but the body is not (")


def test_every_record_of_a_crawl_is_accounted_for(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    crawl.fetch("logo.png", b"\x89PNG\r\n\x1a\n", headers=[("Content-Type", "image/png")])
    crawl.fetch("gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    crawl.fetch("oops", b"<html><body>Server error</body></html>", status="500 Internal Server Error")
    crawl.fetch("video", b"<html><body>Part of a p", status="206 Partial Content")
    crawl.fetch("ping", b"", status="204 No Content")
    crawl.fetch("old-pier", b"", status="301 Moved Permanently", headers=[("Location", f"{SITE}/pier")])
    crawl.fetch("pier-today", b"<html><body>Moved</body></html>", status="302 Found", headers=[HTML, ("Location", f"{SITE}/pier")])
    crawl.note("pier")
    crawl.revisit("pier")
    crawl.revisit("ferries")
    crawl.resource(f"{SITE}/saved", page("Vardo Island ferries resume").encode(), "text/html")
    crawl.resource(f"urn:pageinfo:{SITE}/saved", b'{"title": "Vardo Island ferries resume"}', "application/json")
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    titles = [o.article.title for o in outcomes if o.article]
    assert titles == ["Port Elwyn votes to rebuild its pier", "Vardo Island ferries resume"]
    assert not any(o.error and not o.skipped for o in outcomes)
    skipped = [(o.source.split("#")[1], o.error) for o in outcomes if o.skipped]
    request = "WARC request record (what the crawler sent, no page)"
    assert skipped[0][1] == "WARC warcinfo record (about the crawl, no page)"
    assert skipped[1:] == [
        (f"{SITE}/pier", request),
        (f"{SITE}/logo.png", request), (f"{SITE}/logo.png", "WARC record not HTML (image/png)"),
        (f"{SITE}/gone", request), (f"{SITE}/gone", "WARC record with HTTP status 404"),
        (f"{SITE}/oops", request), (f"{SITE}/oops", "WARC record with HTTP status 500"),
        (f"{SITE}/video", request), (f"{SITE}/video", "WARC record with HTTP status 206"),
        (f"{SITE}/ping", request), (f"{SITE}/ping", "WARC record with HTTP status 204"),
        (f"{SITE}/old-pier", request), (f"{SITE}/old-pier", "WARC record is an HTTP 301 redirect (no page)"),
        (f"{SITE}/pier-today", request), (f"{SITE}/pier-today", "WARC record is an HTTP 302 redirect (no page)"),
        (f"{SITE}/pier", "WARC metadata record (the crawler's notes, no page)"),
        (f"urn:pageinfo:{SITE}/saved", "WARC resource record of the crawler's own (urn: URI, no page)"),
        (f"{SITE}/pier", ELSEWHERE),  # its digest is not the page's: a later capture of other content
        (f"{SITE}/ferries", ELSEWHERE),
    ]  # fmt: skip
    assert len(outcomes) == 22  # one outcome a record, none left out


def _last_record_start(data: bytes) -> int:
    from fastwarc.warc import ArchiveIterator

    return [record.stream_pos for record in ArchiveIterator(io.BytesIO(data), parse_http=False)][-1]


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("kept", [0.02, 0.3, 0.7, 0.97])
def test_a_crawl_cut_short_keeps_every_record_before_the_cut_and_fails(tmp_path: Path, limit: int, compressed, kept) -> None:
    crawl = Crawl(compressed=compressed)
    crawl.fetch("pier", PAGE)
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    whole = crawl.buffer.getvalue()
    start = _last_record_start(whole)  # the last response: the crawler stopped while writing it
    cut = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    cut.write_bytes(whole[: start + int((len(whole) - start) * kept)])
    outcomes = list(read_paths([cut], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Port Elwyn votes to rebuild its pier"]
    assert [(o.source, o.error) for o in outcomes if o.error and not o.skipped] == [(str(cut), (
        "WARC file is truncated (an interrupted crawl?): it breaks off after 4 whole record(s); those were read, "
        "the one cut short is left out"))]


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_whole_crawl_with_a_newline_after_its_last_record_is_not_cut(tmp_path: Path, limit: int, compressed) -> None:
    crawl = Crawl(compressed=compressed)
    crawl.fetch("pier", PAGE)
    path = tmp_path / "crawl.warc"
    path.write_bytes(crawl.buffer.getvalue() + b"\n")
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.error for o in outcomes if o.error and not o.skipped] == [] and len(outcomes) == 3


def test_a_garbled_record_within_a_crawl_fails_alone(tmp_path: Path, limit: int) -> None:
    crawl = Crawl(compressed=False)
    crawl.fetch("pier", PAGE)
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    data = crawl.buffer.getvalue().replace(b"HTTP/1.1 200 OK", b"garbage-garbage", 1)  # same length
    path = tmp_path / "crawl.warc"
    path.write_bytes(data)
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Ferries to Vardo Island resume"]
    assert [o.error for o in outcomes if o.error and not o.skipped] == ["malformed WARC record: unreadable HTTP headers"]


def test_a_utf8_page_with_stray_windows_1252_bytes_keeps_its_text(tmp_path: Path, limit: int) -> None:
    """A quote pasted from a word processor into a UTF-8 page: its smart quotes stay cp1252 bytes."""
    said = "The café’s owner, Olga Petrenko, said the pier would bring “more visitors” to Port Elwyn this summer."
    html = page("Café owners back the pier", paragraphs=[said, *PARAGRAPHS[1:]]).encode()
    stray = html.replace("“".encode(), b"\x93").replace("”".encode(), b"\x94").replace(b"would bring", b"\x92d bring")
    crawl = Crawl()
    crawl.fetch("cafe", stray)
    (article,) = [o.article for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert article.title == "Café owners back the pier"
    assert article.paragraphs[0] == said.replace("would bring", "’d bring")
    undeclared = stray.replace(b'<meta charset="utf-8">', b"")  # UTF-8 by its characters, though it says nothing
    assert decode_bytes(undeclared) == decode_bytes(stray).replace('<meta charset="utf-8">', "")


def test_a_page_without_a_charset_is_read_by_its_bytes(tmp_path: Path, limit: int) -> None:
    french = ["Le conseil municipal de Port Elwyn a voté lundi la reconstruction de la jetée, a déclaré Olga Petrenko.",
              "Les travaux débuteront au printemps et doivent s’achever avant l’été, a-t-elle précisé aux journalistes."]
    crawl = Crawl()
    crawl.fetch("jetee", page("La jetée sera reconstruite", head="", paragraphs=french).encode("cp1252"),
                headers=[("Content-Type", "text/html")])
    (article,) = [o.article for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert article.title == "La jetée sera reconstruite" and article.paragraphs == french


def test_the_capture_time_is_no_publication_date(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    crawl.fetch("pier", page("Port Elwyn votes to rebuild its pier",
                             head='<meta property="article:published_time" content="2019-04-02T08:00:00">').encode())
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    dated, undated = [o.article for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert dated.published.isoformat() == "2019-04-02T08:00:00"  # the page's own date
    assert undated.published is None  # the crawl's fetch time is no date of the page
    assert dated.extra["captured"] == undated.extra["captured"] != "2019-04-02T08:00:00"


LONG_READ = page("A long read on the pier", paragraphs=[f"{p} ({n})" for n in range(4) for p in PARAGRAPHS]).encode()
SEGMENT = "WARC segment of a record split over several (told with its first segment)"


def _segments(crawl: Crawl, path: str, body: bytes, *, order: list[int], parts: int = 3) -> str:
    """A response split over ``parts`` records, as a crawler with a record size limit writes it, the records
    written in ``order`` (segment numbers); returns the first segment's record id."""
    url = f"{SITE}/{path}"
    size = -(-len(body) // parts)
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    sent = StatusAndHeaders("200 OK", [HTML], protocol="HTTP/1.1")
    first = crawl.writer.create_warc_record(
        url, "response", payload=io.BytesIO(pieces[0]), http_headers=sent, warc_headers_dict={"WARC-Segment-Number": "1"})
    records = {1: first}
    for number, piece in enumerate(pieces[1:], start=2):
        last = {"WARC-Segment-Total-Length": str(len(body))} if number == len(pieces) else {}
        records[number] = crawl.writer.create_warc_record(url, "continuation", payload=io.BytesIO(piece), warc_headers_dict={
            "WARC-Segment-Number": str(number), "WARC-Segment-Origin-ID": first.rec_headers["WARC-Record-ID"], **last})
    for number in order:
        crawl.writer.write_record(records[number])
    return first.rec_headers["WARC-Record-ID"]


@pytest.mark.parametrize("order", [[1, 2, 3], [1, 3, 2], [3, 2, 1]], ids=["in-order", "last-before-second", "reversed"])
def test_a_segmented_page_is_read_once_all_its_segments_are_in(tmp_path: Path, limit: int, order) -> None:
    crawl = Crawl()
    _segments(crawl, "long-read", LONG_READ, order=order)
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    long_read, ferries = [o for o in outcomes if o.article]
    assert long_read.source.endswith("crawl.warc.gz#https://herald.example.rt/long-read")
    assert long_read.article.title == "A long read on the pier" and len(long_read.article.paragraphs) == 12
    assert long_read.article.url == f"{SITE}/long-read" and ferries.article.title == "Ferries to Vardo Island resume"
    assert [o.error for o in outcomes if o.source.endswith("/long-read") and not o.article] == [SEGMENT, SEGMENT]
    assert not any(o.error and not o.skipped for o in outcomes)
    assert len(outcomes) == 6  # one a record: warcinfo, 3 segments, a request and a response


def test_a_segmented_page_missing_a_segment_fails_naming_its_record_and_the_rest_is_read(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    origin = _segments(crawl, "long-read", LONG_READ, order=[1, 3])
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    path = crawl.save(tmp_path / "crawl.warc.gz")
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.title for o in outcomes if o.article] == ["Ferries to Vardo Island resume"]
    assert [(o.source, o.error) for o in outcomes if o.error and not o.skipped] == [(
        f"{path}#{SITE}/long-read", f"segmented WARC record {origin} is missing segment(s) 2 of its page: not read")]
    cut_off = Crawl()
    origin = _segments(cut_off, "long-read", LONG_READ, order=[1, 2])  # the crawl stopped before the last segment
    (failed,) = [o for o in read_paths([cut_off.save(tmp_path / "cut.warc.gz")], max_file_bytes=limit) if o.error and not o.skipped]
    assert failed.error == f"segmented WARC record {origin} is missing segment(s) 3 on (none says it is the last) of its page: not read"


@pytest.mark.parametrize("order", [[1, 2, 3], [3, 2, 1]], ids=["in-order", "reversed"])
def test_a_segmented_page_over_the_limit_is_skipped_as_a_whole_one_is(tmp_path: Path, order) -> None:
    crawl = Crawl()
    _segments(crawl, "long-read", LONG_READ, order=order)
    limit = len(LONG_READ) - 100
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    first, *rest = [o for o in outcomes if o.source.endswith("/long-read")]
    assert first.skipped and first.error.startswith("WARC record is ") and first.error.endswith(
        f"bytes, over the {limit}-byte limit for one page (max_file_bytes): skipped unread, the rest of the file is read")
    assert [(o.error, o.skipped) for o in rest] == [(SEGMENT, True), (SEGMENT, True)]


def test_a_segmented_image_is_skipped_as_one_whole_or_not(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    sent = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    first = crawl.writer.create_warc_record(f"{SITE}/map.png", "response", payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
                                            http_headers=sent, warc_headers_dict={"WARC-Segment-Number": "1"})
    crawl.writer.write_record(first)
    crawl.fetch("pier", PAGE)
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    assert [(o.error, o.skipped) for o in outcomes if o.source.endswith("/map.png")] == [("WARC record not HTML (image/png)", True)]
    assert not any(o.error and not o.skipped for o in outcomes)


def test_a_revisit_is_read_as_the_page_it_repeats_when_that_page_is_in_the_file(tmp_path: Path, limit: int) -> None:
    crawl = Crawl()
    original = crawl.fetch("pier", PAGE)
    digest = original.rec_headers["WARC-Payload-Digest"]
    crawl.revisit("pier", digest=digest)  # wget --warc-dedup: the digest only
    crawl.revisit("pier?ref=home", digest=digest, refers_to=original.rec_headers["WARC-Record-ID"], refers_to_path="pier")
    crawl.fetch("logo.png", b"\x89PNG\r\n\x1a\n", headers=[("Content-Type", "image/png")])
    crawl.revisit("ferries")  # its original is in another crawl
    path = crawl.save(tmp_path / "crawl.warc.gz")
    outcomes = list(read_paths([path], max_file_bytes=limit))
    first, *again = [o for o in outcomes if o.article]
    assert [o.article.url for o in again] == [f"{SITE}/pier", f"{SITE}/pier?ref=home"]
    assert all(o.article.paragraphs == first.article.paragraphs == PARAGRAPHS for o in again)
    assert first.article.extra["captured"] != again[0].article.extra["captured"] == "2026-03-12T09:30:00"
    assert [o.source for o in again] == [f"{path}#{SITE}/pier", f"{path}#{SITE}/pier?ref=home"]
    (elsewhere,) = [o for o in outcomes if o.source.endswith("/ferries") and o.error != "WARC request record (what the crawler sent, no page)"]
    assert elsewhere.skipped and elsewhere.error == ELSEWHERE
    unchanged = Crawl()  # a dedup crawl in which no page changed: no failure ("no HTML pages")
    unchanged.revisit("pier", digest=digest)
    assert [o.error for o in read_paths([unchanged.save(tmp_path / "next.warc.gz")], max_file_bytes=limit)] == [
        "WARC warcinfo record (about the crawl, no page)", ELSEWHERE]


def test_a_revisit_before_its_original_or_of_no_page_is_resolved_at_the_end(tmp_path: Path, limit: int) -> None:
    """A file merged from two crawls may hold a revisit before the capture it repeats."""
    ahead = Crawl(compressed=False)
    ahead.revisit("pier", digest="sha1:PLACEHOLDER")
    later = ahead.fetch("pier", PAGE)
    path = tmp_path / "merged.warc"
    path.write_bytes(ahead.buffer.getvalue().replace(b"sha1:PLACEHOLDER", later.rec_headers["WARC-Payload-Digest"].encode()))
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.article.extra["captured"] for o in outcomes if o.article][1] == "2026-03-12T09:30:00"
    image = Crawl()
    logo = image.fetch("logo.png", b"\x89PNG\r\n\x1a\n", headers=[("Content-Type", "image/png")])
    image.revisit("logo.png", digest=logo.rec_headers["WARC-Payload-Digest"])
    (revisit,) = [o for o in read_paths([image.save(tmp_path / "image.warc.gz")], max_file_bytes=limit)
                  if o.error and "revisit" in o.error]
    assert revisit.skipped and revisit.error == "WARC revisit record (WARC record not HTML (image/png))"


@pytest.mark.parametrize("why", ["length", "time", "disconnect"])
def test_a_page_the_crawler_cut_short_is_kept_partial_with_a_warning(tmp_path: Path, limit: int, why: str) -> None:
    crawl = Crawl()
    url = f"{SITE}/long"
    sent = StatusAndHeaders("200 OK", [HTML], protocol="HTTP/1.1")
    crawl.writer.write_record(crawl.writer.create_warc_record(
        url, "response", payload=io.BytesIO(PAGE[: PAGE.index(b"</p>") + 4]), http_headers=sent, warc_headers_dict={"WARC-Truncated": why}))
    (cut,) = [o for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert cut.article.paragraphs == PARAGRAPHS[:1] and cut.article.extra["partial"] is True
    assert cut.warning == f"record {url}: the crawler stored only the start of the page ({why})"


def test_a_plain_text_resource_is_an_article_a_plain_text_response_is_not(tmp_path: Path, limit: int) -> None:
    """wget and Webrecorder store some captures as resources, with no HTTP; a text/plain response is a robots.txt."""
    crawl = Crawl()
    crawl.resource(f"{SITE}/pier.txt", ("Port Elwyn votes to rebuild its pier\n\n" + "\n\n".join(PARAGRAPHS)).encode(),
                   "text/plain; charset=utf-8")
    crawl.fetch("robots.txt", b"User-agent: *\nDisallow: /private/\n", headers=[("Content-Type", "text/plain")])
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    (article,) = [o.article for o in outcomes if o.article]
    assert article.title == "Port Elwyn votes to rebuild its pier" and article.paragraphs == PARAGRAPHS
    assert article.url == f"{SITE}/pier.txt"
    assert [o.error for o in outcomes if o.source.endswith("/robots.txt")][-1] == "WARC record not HTML (text/plain)"


def test_wgets_own_files_are_no_articles_and_its_bracketed_urls_are_read_bare(tmp_path: Path, limit: int) -> None:
    """wget --warc-file writes WARC-Target-URI as "<http://...>" and stores its log and arguments as text/plain
    resources; Webrecorder stores a page's extracted text under urn:text:."""
    crawl = Crawl()
    sent = StatusAndHeaders("200 OK", [HTML], protocol="HTTP/1.1")
    crawl.writer.write_record(crawl.writer.create_warc_record(f"<{SITE}/pier>", "response", payload=io.BytesIO(PAGE), http_headers=sent))
    crawl.resource("<metadata://gnu.org/software/wget/warc/wget_arguments.txt>", b'"wget" "-r" "--warc-file=crawl"', "text/plain")
    crawl.resource("<metadata://gnu.org/software/wget/warc/wget.log>", b"", "text/plain")
    crawl.resource(f"urn:text:{SITE}/pier", "\n".join(PARAGRAPHS).encode(), "text/plain")
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit))
    (article,) = [o.article for o in outcomes if o.article]
    assert article.url == f"{SITE}/pier" and not any(o.error and not o.skipped for o in outcomes)
    assert [o.error for o in outcomes if "resource" in (o.error or "")] == [
        "WARC resource record of the crawler's own (metadata: URI, no page)"] * 2 + [
        "WARC resource record of the crawler's own (urn: URI, no page)"]


def test_a_crawl_gzipped_whole_is_read_and_one_cut_short_fails_keeping_the_records_before(tmp_path: Path, limit: int) -> None:
    """``gzip crawl.warc`` makes one gzip member of the whole file, not one a record as crawlers write it."""
    crawl = Crawl(compressed=False)
    for number in range(12):
        crawl.fetch(f"pier-{number}", page(f"Port Elwyn pier, day {number}").encode())
    whole = gzip.compress(crawl.buffer.getvalue())
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(whole)
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert len([o for o in outcomes if o.article]) == 12 and not any(o.error and not o.skipped for o in outcomes)
    path.write_bytes(whole[: len(whole) * 2 // 3])
    outcomes = list(read_paths([path], max_file_bytes=limit))
    kept = [o.article.title for o in outcomes if o.article]
    assert 0 < len(kept) < 12 and kept == [f"Port Elwyn pier, day {n}" for n in range(len(kept))]
    (failed,) = [o for o in outcomes if o.error and not o.skipped]
    assert failed.source == str(path) and failed.error.startswith("WARC file is truncated (an interrupted crawl?): it breaks off after ")


def test_the_http_headers_charset_reads_a_page_that_declares_none(tmp_path: Path, limit: int) -> None:
    """Pinned: a legacy-encoded page with no <meta charset> is read in the charset its HTTP header names."""
    russian = ["Городской совет проголосовал в понедельник за восстановление старого причала, сообщила Ольга Петренко.",
               "Работы начнутся весной и должны завершиться до начала летней навигации, сказала она журналистам."]
    crawl = Crawl()
    crawl.fetch("prichal", page("Совет восстановит причал", head="", paragraphs=russian).encode("koi8-r"),
                headers=[("Content-Type", "text/html; charset=KOI8-R")])
    (article,) = [o.article for o in read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=limit) if o.article]
    assert article.title == "Совет восстановит причал" and article.paragraphs == russian
