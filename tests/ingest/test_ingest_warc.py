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
        self.writer.write_record(self.writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=sent))

    def revisit(self, path: str) -> None:
        url = f"{SITE}/{path}"
        self.writer.write_record(self.writer.create_revisit_record(
            url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=url, refers_to_date="2026-03-11T10:00:00Z"))

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
        (f"{SITE}/old-pier", request), (f"{SITE}/old-pier", "WARC record is an HTTP 301 redirect (no page)"),
        (f"{SITE}/pier-today", request), (f"{SITE}/pier-today", "WARC record is an HTTP 302 redirect (no page)"),
        (f"{SITE}/pier", "WARC metadata record (the crawler's notes, no page)"),
        (f"{SITE}/pier", "WARC revisit record (a repeat capture of a URL read above: duplicate)"),
        (f"{SITE}/ferries", "WARC revisit record (a repeat capture of a URL not in this file, no page)"),
        (f"urn:pageinfo:{SITE}/saved", "WARC record not HTML (application/json)"),
    ]  # fmt: skip
    assert len(outcomes) == 18  # one outcome a record, none left out


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
