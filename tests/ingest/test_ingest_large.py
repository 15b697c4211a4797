"""Inputs larger than one page may be: a crawl or a JSONL export is read record by record whatever its size, each
record within the limit; a file read whole (a page, a feed) over the limit is refused saying why. The limit is
lowered to a few kilobytes so that the files stay small."""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from pathlib import Path

from fastwarc.stream_io import ZstdWriter

from storyline.ingest import read_paths, reading
from tests.ingest.test_ingest_warc import PAGE, Crawl, page

#: The per-file (and per-record) limit of these tests: a few pages.
LIMIT = 20_000
FILLER = b"\x89PNG\r\n" + random.Random(7).randbytes(10_000)  # an image (no page) that gzip cannot shrink


def _big_crawl(*, compressed: bool) -> Crawl:
    """A crawl several times the limit: pages, images, and one page longer than the limit."""
    crawl = Crawl(compressed=compressed)
    for number in range(6):
        crawl.fetch(f"pier-{number}", page(f"Port Elwyn pier, day {number}").encode())
        crawl.fetch(f"photo-{number}.png", FILLER, headers=[("Content-Type", "image/png")])
    crawl.fetch("archive", page("The whole harbour archive", paragraphs=["Harbour minutes. " * 2000]).encode())
    crawl.fetch("ferries", page("Ferries to Vardo Island resume").encode())
    return crawl


def test_a_crawl_over_the_file_limit_is_read_record_by_record_and_a_record_over_it_skipped(tmp_path: Path) -> None:
    for compressed in (True, False):
        path = _big_crawl(compressed=compressed).save(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"))
        assert path.stat().st_size > 2 * LIMIT
        outcomes = list(read_paths([path], max_file_bytes=LIMIT))
        titles = [o.article.title for o in outcomes if o.article]
        assert titles == [*(f"Port Elwyn pier, day {n}" for n in range(6)), "Ferries to Vardo Island resume"]
        assert [o.error for o in outcomes if o.error and not o.skipped] == []
        (over,) = [o for o in outcomes if o.source.endswith("/archive") and "limit" in (o.error or "")]
        assert over.skipped and over.error.startswith("WARC record is ") and (
            f"bytes, over the {LIMIT}-byte limit for one page (max_file_bytes): skipped unread, the rest of the file "
            "is read") in over.error


def test_a_large_crawl_cut_inside_its_last_record_fails_when_that_record_was_skipped_unread(tmp_path: Path) -> None:
    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    crawl.fetch("photo.png", random.Random(8).randbytes(3 * LIMIT), headers=[("Content-Type", "image/png")])
    crawl.fetch("archive", page("The whole harbour archive", paragraphs=["Harbour minutes. " * 2000]).encode())
    whole = crawl.buffer.getvalue()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 40])
    assert cut.stat().st_size > LIMIT
    outcomes = list(read_paths([cut], max_file_bytes=LIMIT))
    assert [o.article.title for o in outcomes if o.article] == ["Port Elwyn votes to rebuild its pier"]
    assert [o.error for o in outcomes if o.error and not o.skipped] == [(
        "WARC file is truncated (an interrupted crawl?): it breaks off after 6 whole record(s); those were read, "
        "the one cut short is left out")]


def test_a_zstd_compressed_crawl_is_read_and_zstd_that_is_no_crawl_refused_saying_what_to_do(tmp_path: Path) -> None:
    crawl = Crawl(compressed=False)
    crawl.fetch("pier", PAGE)
    zstd_crawl = tmp_path / "crawl.warc.zst"
    with ZstdWriter(str(zstd_crawl)) as writer:
        writer.write(crawl.buffer.getvalue())
    zstd_export = tmp_path / "export.jsonl.zst"
    with ZstdWriter(str(zstd_export)) as writer:
        writer.write(json.dumps({"title": "Pier", "text": "The pier reopens."}).encode() + b"\n")
    outcomes = list(read_paths([zstd_crawl, zstd_export], max_file_bytes=LIMIT))
    assert [o.article.title for o in outcomes if o.article] == ["Port Elwyn votes to rebuild its pier"]
    assert [(o.source, o.error) for o in outcomes if o.error and not o.skipped] == [(str(zstd_export), (
        "zstd-compressed file that is not a WARC: decompress it (zstd -d FILE) and read that"))]


def test_a_jsonl_over_the_file_limit_is_read_line_by_line_and_a_line_over_it_fails_alone(tmp_path: Path) -> None:
    text = "The harbour board met on Monday to discuss the pier, its chair Olga Petrenko said after the vote. "
    records = [{"title": f"Pier report {n}", "text": text * 10} for n in range(40)]
    records[7] = {"title": "The whole archive", "text": text * 300}  # one record over the limit
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    assert path.stat().st_size > 2 * LIMIT
    outcomes = list(read_paths([path], max_file_bytes=LIMIT))
    assert [o.article.title for o in outcomes if o.article] == [f"Pier report {n}" for n in range(40) if n != 7]
    assert [(o.source, o.error) for o in outcomes if o.error] == [(f"{path}#L8", (
        f"line 8: record is over the {LIMIT}-byte limit for one record (max_file_bytes)"))]


def test_a_jsonl_on_standard_input_over_the_limit_is_read_line_by_line(monkeypatch) -> None:
    """A pipe cannot be measured or read again: it was read whole, up to the limit, and refused past it."""
    text = "The harbour board met on Monday to discuss the pier, its chair Olga Petrenko said after the vote. "
    records = [{"title": f"Pier report {n}", "text": text * 10} for n in range(40)]
    records[7] = {"title": "The whole archive", "text": text * 300}
    data = "".join(json.dumps(record) + "\n" for record in records).encode()
    assert len(data) > 2 * LIMIT
    pipe = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(pipe))
    monkeypatch.setattr(reading, "_LINE_BATCH_BYTES", 3000)  # lines decoded (and held) together
    read = read_paths(["-"], max_file_bytes=LIMIT)
    first = next(read)
    assert first.article.title == "Pier report 0" and pipe.tell() < LIMIT  # read on as records are asked for
    outcomes = [first, *read]
    assert [o.article.title for o in outcomes if o.article] == [f"Pier report {n}" for n in range(40) if n != 7]
    assert [(o.source, o.error) for o in outcomes if o.error] == [("stdin#L8", (
        f"line 8: record is over the {LIMIT}-byte limit for one record (max_file_bytes)"))]


def test_a_page_over_the_file_limit_is_refused_saying_which_files_are_read_past_it(tmp_path: Path) -> None:
    path = tmp_path / "archive.html"
    path.write_bytes(page("The whole harbour archive", paragraphs=["Harbour minutes. " * 2000]).encode())
    (outcome,) = read_paths([path], max_file_bytes=LIMIT)
    assert outcome.error == (
        f"file is {path.stat().st_size} bytes, over the {LIMIT}-byte limit for a file read whole (max_file_bytes: "
        "one page, feed or JSON document); WARC and JSONL files are read record by record at any size")


def test_a_gzipped_export_over_the_limit_once_inflated_is_refused_saying_what_to_do(tmp_path: Path) -> None:
    text = "The harbour board met on Monday to discuss the pier, its chair Olga Petrenko said after the vote. "
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(json.dumps({"title": f"Pier {n}", "text": text}).encode() + b"\n"
                                            for n in range(400))))
    assert path.stat().st_size < LIMIT
    (outcome,) = read_paths([path], max_file_bytes=LIMIT)
    assert outcome.error == (
        f"gzipped file inflates past {LIMIT} bytes, the limit for a file read whole (max_file_bytes): decompress it "
        "first (gunzip); a WARC or JSONL is then read record by record at any size")
