"""Which reader a file needs: by its content first, its name second."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from typing import Any

from storyline.ingest.errors import IngestError

_BY_SUFFIX = {
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text", ".md": "text",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_START = re.compile(r"<(?:!doctype html|html|head|body|meta|title|div|article|p|section|main|h1)\b", re.I)
GZIP_MAGIC = b"\x1f\x8b"


def suffix_of(name: str) -> str:
    """".warc.gz" for "a.warc.gz", ".html" for "a.html"."""
    lower = name.lower()
    return ".warc.gz" if lower.endswith(".warc.gz") else ("." + lower.rsplit(".", 1)[-1] if "." in lower else "")


def is_warc(data: bytes) -> bool:
    """A WARC file, plain or gzipped record by record."""
    if data.startswith(b"WARC/"):
        return True
    if data.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
        except zlib.error:
            return False
        return head.startswith(b"WARC/")
    return False


def is_gzip(data: bytes) -> bool:
    """Gzip-compressed input (a WARC is checked first by :func:`is_warc`)."""
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzipped (non-WARC) input, refusing to grow past ``limit`` bytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"bad gzip data: {exc}") from None
    if len(out) > limit:
        raise IngestError(f"decompressed size over the {limit}-byte limit")
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
