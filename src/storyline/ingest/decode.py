"""Bytes -> text: UTF-8 first, then the declared charset (HTML/XML), then charset-normalizer."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from storyline.ingest.errors import IngestError

#: How much of the start of a file is inspected for NULs, BOMs and declared charsets.
SNIFF_BYTES = 8192
#: Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.02

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?([\w.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if Python knows it."""
    match = _DECLARED.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _check_text(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise IngestError("binary content (control characters), not text")
    return text


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` or raise :class:`IngestError` naming why it is not text."""
    if not data.strip():
        raise IngestError("empty file")
    bom = _bom_encoding(data)
    if bom:
        try:
            return _check_text(data.decode(bom))
        except UnicodeDecodeError as exc:
            raise IngestError(f"bad {bom} text: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in data[:SNIFF_BYTES]:
        raise IngestError("binary file (contains NUL bytes)")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared and declared not in ("utf-8",):
        try:
            return _check_text(data.decode(declared))
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError("undecodable bytes: not text in any known encoding")
    return _check_text(str(best))
