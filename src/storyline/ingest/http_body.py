"""An archived HTTP body as the crawler stored it -> the page's bytes: chunked transfer and content encodings undone.

Crawlers (Heritrix, wget, Common Crawl) store the body as it came over the wire: still chunked ("1f4\\r\\n" before
each piece, which an HTML parser reads as text), still gzip, deflate or brotli compressed. Others (Browsertrix,
warcio's own decoding) store it decoded but keep the headers that say otherwise, so a body that does not parse in
the encoding its headers name is taken as stored when it already is markup. A body is inflated only up to the
limit for one page: one that inflates past it fails, however small it is stored.
"""

from __future__ import annotations

import re
import zlib

import brotli

from storyline.ingest.errors import InflatesPastLimit, IngestError

_CHUNK_SIZE = re.compile(rb"([0-9a-fA-F]+)[ \t]*(?:;[^\r\n]*)?\r?\n")
_GZIP_WBITS = 16 + zlib.MAX_WBITS


def undo_transfer_encoding(body: bytes, transfer_encoding: str | None) -> bytes:
    """``body`` without its chunk framing when ``Transfer-Encoding: chunked`` and it is framed so; as stored
    otherwise (a crawler that stored it de-chunked and kept the header)."""
    if "chunked" not in (transfer_encoding or "").lower():
        return body
    dechunked = _dechunked(body)
    return body if dechunked is None else dechunked


def _dechunked(body: bytes) -> bytes | None:
    """The data of a chunked body, or None when ``body`` does not start as one. A body cut inside a chunk keeps
    what arrived: the caller checks the record for truncation."""
    pieces = []
    position = 0
    while match := _CHUNK_SIZE.match(body, position):
        size = int(match.group(1), 16)
        if size == 0:
            return b"".join(pieces)
        start = match.end()
        pieces.append(body[start : start + size])
        position = start + size
        position += 2 if body.startswith(b"\r\n", position) else 1 if body.startswith(b"\n", position) else 0
    return b"".join(pieces) if pieces else None


def undo_content_encoding(body: bytes, content_encoding: str | None, limit: int) -> tuple[bytes, str | None]:
    """``body`` decompressed as ``Content-Encoding`` says (each coding undone, last applied first, none past
    ``limit`` bytes), and a warning when a coding it claims is not there and the body is markup as stored;
    IngestError when it is neither, or when it inflates past ``limit``."""
    codings = [coding.strip().lower() for coding in (content_encoding or "").split(",")]
    for coding in reversed([coding for coding in codings if coding not in ("", "identity")]):
        try:
            body = _decompressed(body, coding, limit)
        except InflatesPastLimit:
            raise
        except IngestError as exc:
            if not _is_markup(body):
                raise
            return body, f"{exc}: read as stored, it is markup already"
    return body, None


def _decompressed(body: bytes, coding: str, limit: int) -> bytes:
    try:
        if coding in ("gzip", "x-gzip"):
            return _inflated(body, _GZIP_WBITS, limit, coding)
        if coding == "deflate":  # zlib-wrapped as the RFC says, or raw deflate as some servers send it
            try:
                return _inflated(body, zlib.MAX_WBITS, limit, coding)
            except zlib.error:
                return _inflated(body, -zlib.MAX_WBITS, limit, coding)
        if coding == "br":
            return _unbrotlied(body, limit)
    except (zlib.error, brotli.error) as exc:
        raise IngestError(f"Content-Encoding says {coding}, but the body is not ({exc})") from None
    raise IngestError(f"unsupported Content-Encoding {coding!r}")


def _too_large(coding: str, limit: int) -> InflatesPastLimit:
    return InflatesPastLimit(f"HTTP body (Content-Encoding {coding})", limit,
                             "the limit for one page (max_file_bytes): not read")


def _inflated(body: bytes, wbits: int, limit: int, coding: str) -> bytes:
    """``body`` inflated by zlib (``wbits`` says gzip, zlib or raw), no more than one byte past ``limit`` out."""
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(body, limit + 1)
    if len(out) > limit:
        raise _too_large(coding, limit)
    if not inflater.eof:
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def _unbrotlied(body: bytes, limit: int) -> bytes:
    """``body`` decompressed by brotli, its output buffer stopped from growing once past ``limit``."""
    unpacker = brotli.Decompressor()
    out = unpacker.process(body, output_buffer_limit=limit + 1)
    if len(out) > limit:
        raise _too_large("br", limit)
    if not unpacker.is_finished():
        raise brotli.error("brotli: decoder failed")
    return out


def _is_markup(body: bytes) -> bool:
    """Whether ``body`` starts as HTML or XML (after a BOM and white space): text, not compressed data."""
    return body.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")
