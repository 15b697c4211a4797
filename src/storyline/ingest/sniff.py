"""Which reader a file needs: by its content first, its name second."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from typing import Any, BinaryIO

from fastwarc.stream_io import ZstdReader

from storyline.ingest.errors import InflatesPastLimit, IngestError

_BY_SUFFIX = {
    ".warc": "warc", ".warc.gz": "warc", ".warc.zst": "warc", ".arc": "warc",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text", ".md": "text",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(r"<(?:!doctype html|html|head|body|meta|title|div|article|p|section|main|h1)\b", re.I)
GZIP_MAGIC = b"\x1f\x8b"
#: A zstd frame's first bytes (a .warc.zst compresses its records so, one frame each or all in one).
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
#: Bytes enough to tell a file's format by (its encoding, whether it is JSONL, a WARC).
HEAD_BYTES = 64 * 1024


def suffix_of(name: str) -> str:
    """".warc.gz" for "a.warc.gz", ".warc.zst" for "a.warc.zst", ".html" for "a.html"."""
    lower = name.lower()
    compressed_warc = next((suffix for suffix in (".warc.gz", ".warc.zst") if lower.endswith(suffix)), None)
    return compressed_warc or ("." + lower.rsplit(".", 1)[-1] if "." in lower else "")


def head_of(stream: BinaryIO) -> bytes:
    """The first :data:`HEAD_BYTES` of ``stream``, which is left where it was (at its start)."""
    start = stream.tell()
    head = stream.read(HEAD_BYTES)
    stream.seek(start)
    return head


def is_warc(stream: BinaryIO) -> bool:
    """A WARC file, plain, gzipped record by record or zstd-compressed; ``stream`` is left where it was."""
    head = head_of(stream)
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(GZIP_MAGIC):
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[:4096], 16)
        except zlib.error:
            return False
        return start.startswith(b"WARC/")
    if is_zstd(head):
        return _zstd_start(stream) == b"WARC/"
    return False


def is_zstd(data: bytes) -> bool:
    """Zstd-compressed input (a WARC is checked first by :func:`is_warc`)."""
    return data.startswith(ZSTD_MAGIC)


def _zstd_start(stream: BinaryIO) -> bytes:
    """The first bytes the zstd ``stream`` decompresses to (empty when it does not); ``stream`` left where it was."""
    start = stream.tell()
    try:
        return ZstdReader(stream).read(5)
    except OSError:
        return b""
    finally:
        stream.seek(start)


def is_gzip(data: bytes) -> bool:
    """Gzip-compressed input (a WARC is checked first by :func:`is_warc`)."""
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzipped (non-WARC) input, a buffer at a time up to ``limit`` bytes (``GzipFile.read(n)``
    inflates no more than ``n``), refusing it once past."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"bad gzip data: {exc}") from None
    if len(out) > limit:
        raise InflatesPastLimit("gzipped file", limit, "the limit for a file read whole (max_file_bytes): decompress "
                                "it first (gunzip); a WARC or JSONL is then read record by record at any size")
    return out


#: How deep an input may nest: as deep as Python's ``json`` parser reads before its RecursionError
#: (:func:`load_json`). A feed nested deeper is refused before feedparser spends seconds on it.
MAX_NESTING = sys.getrecursionlimit()


def load_json(text: str | bytes) -> Any:
    """``json.loads``, with nesting too deep for the parser told as malformed JSON: ``json`` raises
    RecursionError there, which no caller that handles bad input expects."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None


def _first_line_is_json_object(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0].strip()
    try:
        return isinstance(load_json(first), dict)
    except ValueError:
        return False


def sniff_text_format(text: str, suffix: str) -> str:
    """Format of decoded text: JSON/JSONL, CSV (by its name only), feed, HTML or plain text."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    by_suffix = _BY_SUFFIX.get(suffix)
    if by_suffix == "csv":
        return "csv"  # a header row looks like any text: only the name tells
    if head.startswith(("{", "[")):
        if by_suffix == "jsonl" or (head.startswith("{") and "\n" in text.strip() and _first_line_is_json_object(text)):
            return "jsonl"
        return "json"
    if head.startswith("<"):
        root, page = _FEED_ROOT.search(head), re.search(r"<html\b", head, re.IGNORECASE)
        if root and (page is None or root.start() < page.start()):
            return "feed"  # a feed whose entry holds a whole page ("<html>" in its CDATA) is still a feed
        if _HTML_START.match(head) or re.search(r"<(?:html|body)\b", head, re.I):
            return "html"
        if by_suffix in ("feed", "html", "text"):
            return by_suffix  # e.g. a text file opening with an "<https://...>" autolink
        return "feed" if head.startswith("<?xml") else "html"
    if by_suffix in ("json", "jsonl", "feed"):
        return by_suffix  # the reader reports why the content is not what the name says
    return "text"
