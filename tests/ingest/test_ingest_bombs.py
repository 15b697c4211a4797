"""Compression bombs: a few KB stored that inflate to megabytes. Each is inflated only up to the limit (lowered here
so that the bombs stay small), then refused naming its file, record and reason; the rest of the input is read."""

from __future__ import annotations

import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest

from storyline.ingest import http_body, read_paths
from storyline.ingest.errors import ReadOutcome
from tests.ingest.test_ingest_warc import HTML, PAGE, PARAGRAPHS, SITE, Crawl, chunked

#: The per-page limit of these tests.
LIMIT = 50_000
#: What a bomb inflates to here: far past the limit, small enough to build in a moment.
BOMB_BYTES = 32 * 1024 * 1024
#: The most memory a bomb may take while read: a few chunks of it, never the whole.
MOST_HELD = BOMB_BYTES // 4
_PIECE = b" " * (1024 * 1024)


def _zlib_bomb(wbits: int) -> bytes:
    """:data:`BOMB_BYTES` of spaces compressed by zlib (gzip, zlib or raw deflate by ``wbits``), never held whole."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join(packer.compress(_PIECE) for _ in range(BOMB_BYTES // len(_PIECE))) + packer.flush()


def _brotli_bomb() -> bytes:
    packer = brotli.Compressor(quality=5)
    return b"".join(packer.process(_PIECE) for _ in range(BOMB_BYTES // len(_PIECE))) + packer.finish()


def _gzip_bomb() -> bytes:
    return _zlib_bomb(16 + zlib.MAX_WBITS)


BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "gzip": ("gzip", _gzip_bomb),
    "zlib-deflate": ("deflate", lambda: _zlib_bomb(zlib.MAX_WBITS)),
    "raw-deflate": ("deflate", lambda: _zlib_bomb(-zlib.MAX_WBITS)),
    "brotli": ("br", _brotli_bomb),
}


def _refusal(coding: str) -> str:
    return f"HTTP body (Content-Encoding {coding}) inflates past {LIMIT} bytes, the limit for one page (max_file_bytes): not read"


@pytest.fixture(autouse=True)
def _models_loaded(tmp_path: Path) -> None:
    """Read one page first: the language model (tens of MB) loads on the first page read, and would count as
    memory a bomb took."""
    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    assert [o.article for o in read_paths([crawl.save(tmp_path / "warm.warc.gz")], max_file_bytes=LIMIT) if o.article]


def _read_tracing_memory(path: Path) -> tuple[list[ReadOutcome], int]:
    """The outcomes of reading ``path`` at :data:`LIMIT`, and the most memory Python held while reading it."""
    tracemalloc.start()
    try:
        outcomes = list(read_paths([path], max_file_bytes=LIMIT))
        return outcomes, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", BOMBS)
def test_a_body_that_inflates_past_the_page_limit_is_stopped_there_and_fails_alone(tmp_path: Path, kind: str) -> None:
    coding, bomb = BOMBS[kind]
    body = bomb()
    assert len(body) < LIMIT  # stored within the limit: only inflating tells
    crawl = Crawl()
    crawl.fetch("bomb", body, headers=[HTML, ("Content-Encoding", coding)])
    crawl.fetch("chunked-bomb", chunked(body, 4096), headers=[HTML, ("Content-Encoding", coding), ("Transfer-Encoding", "chunked")])
    crawl.fetch("pier", PAGE)
    outcomes, peak = _read_tracing_memory(crawl.save(tmp_path / "crawl.warc.gz"))
    failed = [(o.source.rsplit("#", 1)[-1], o.error) for o in outcomes if o.error and not o.skipped]
    assert failed == [(f"{SITE}/bomb", _refusal(coding)), (f"{SITE}/chunked-bomb", _refusal(coding))]
    assert [o.article.paragraphs for o in outcomes if o.article] == [PARAGRAPHS]
    assert peak < MOST_HELD


def test_a_bomb_is_refused_even_when_its_stored_bytes_look_like_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A raw deflate stream may start with "<": a body that inflates past the limit is not read as stored."""
    monkeypatch.setattr(http_body, "_is_markup", lambda body: True)
    crawl = Crawl()
    crawl.fetch("bomb", _zlib_bomb(-zlib.MAX_WBITS), headers=[HTML, ("Content-Encoding", "deflate")])
    outcomes = list(read_paths([crawl.save(tmp_path / "crawl.warc.gz")], max_file_bytes=LIMIT))
    assert [o.error for o in outcomes if o.error and not o.skipped] == [_refusal("deflate")]


def test_a_gzipped_file_that_inflates_past_the_limit_is_stopped_there(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(_gzip_bomb())
    (outcome,), peak = _read_tracing_memory(path)
    assert outcome.source == str(path)
    assert outcome.error.startswith(f"gzipped file inflates past {LIMIT} bytes, the limit for a file read whole")
    assert peak < MOST_HELD


def test_a_crawl_ending_in_a_member_that_inflates_to_one_endless_line_is_cut_there(tmp_path: Path) -> None:
    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    path = crawl.save(tmp_path / "crawl.warc.gz")
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    line = b"".join(packer.compress(b"x" * len(_PIECE)) for _ in range(BOMB_BYTES // len(_PIECE))) + packer.flush()
    path.write_bytes(path.read_bytes() + line)
    outcomes, peak = _read_tracing_memory(path)
    assert [o.article.paragraphs for o in outcomes if o.article] == [PARAGRAPHS]
    (failed,) = [o.error for o in outcomes if o.error and not o.skipped]
    assert failed == ("WARC file is truncated (an interrupted crawl?): it breaks off after 3 whole record(s); those "
                      "were read, the one cut short is left out")
    assert peak < MOST_HELD
