"""Bytes -> text: UTF-8 first, then the declared charset (HTML/XML), then a guess.

The guess for text in Latin letters goes by its language: on short texts
charset-normalizer scores the code pages of Western and central Europe alike
(French read as cp1250 gives "impōts"), while the language, identified from
the ASCII letters that make up most of such text, names its code page.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import py3langid

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
#: A terminal's escape sequences (ECMA-48 CSI "ESC[1m", OSC "ESC]...BEL", two-character ones): colours and
#: cursor moves left in text copied from a terminal or a log, no content.
_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
#: Latin-script languages whose legacy code pages are not Western (cp1252): Windows' and ISO's.
_CODE_PAGES = {
    **dict.fromkeys(("cs", "pl", "hu", "sk", "sl", "hr", "bs", "ro"), ("cp1250", "iso8859_2")),
    **dict.fromkeys(("tr", "az"), ("cp1254", "iso8859_9")),
    **dict.fromkeys(("lt", "lv", "et"), ("cp1257", "iso8859_13")),
}
_WESTERN = ("cp1252",)
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
#: Latin-script text has at least this many ASCII letters per byte over 0x7f (Czech ~5, French ~25).
_MIN_ASCII_LETTERS_PER_HIGH_BYTE = 2


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` names (UTF-8, -16 or -32), else ``None``."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names, if Python knows it."""
    match = _DECLARED.search(data[:SNIFF_BYTES])
    if not match:
        return None
    return _known_codec(match.group(1).decode("ascii", "ignore"))


#: At most this many NUL bytes (and one per 1,000 bytes) in a file without a UTF-16/32 BOM are damage (a flipped
#: byte in a feed), removed; more make it binary. What is left still has to pass the control-character test.
MAX_STRAY_NULS = 4


def strip_stray_nuls(data: bytes) -> tuple[bytes, int]:
    """``data`` without a few stray NUL bytes, and how many were removed: one NUL must not refuse a whole
    10-item feed as binary."""
    count = data.count(b"\x00")
    if not 0 < count <= min(MAX_STRAY_NULS, len(data) // 1000) or bom_encoding(data):
        return data, 0
    sample = data[:SNIFF_BYTES].replace(b"\x00", b"").decode("latin-1")
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):  # binary with few NULs (an image header)
        return data, 0
    return data.replace(b"\x00", b""), count


def _check_text(text: str) -> str:
    """``text`` without terminal escape sequences; IngestError when control characters make it binary."""
    text = _TERMINAL_ESCAPE.sub("", text)
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise IngestError("binary content (control characters), not text")
    return text


def decode_bytes(data: bytes, *, given: str | None = None) -> str:
    """Decode ``data`` or raise :class:`IngestError` naming why it is not text.

    ``given``: a charset named outside the bytes (an HTTP header), tried after valid UTF-8 and the document's
    own declaration: servers name a default ("iso-8859-1") whatever the page is, and latin-1 never fails.
    """
    if not data.strip():
        raise IngestError("empty file")
    bom = bom_encoding(data)
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
    named = [charset for charset in (declared_charset(data), _known_codec(given)) if charset]
    if named[:1] in ([], ["utf-8"]) and (text := utf8_with_stray_bytes(data, declared=bool(named))) is not None:
        return _check_text(text)
    for declared in dict.fromkeys(named):
        if declared and declared != "utf-8":
            try:
                return _check_text(data.decode(declared))
            except UnicodeDecodeError:
                pass
    return _check_text(str(_guess(data)))


#: Bytes that are not UTF-8 a UTF-8 text may have and still be read as UTF-8 (more, if it has 10 good characters each).
MAX_STRAY_BYTES = 3
_STRAY_BYTE_HANDLER = "storyline-stray-cp1252"


def _stray_byte_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 read as Windows-1252, the encoding such strays come from (a
    word processor's smart quotes 0x93/0x94 and apostrophe 0x92); U+FFFD for the five bytes cp1252 leaves unused."""
    return error.object[error.start : error.start + 1].decode("cp1252", "replace"), error.start + 1


codecs.register_error(_STRAY_BYTE_HANDLER, _stray_byte_as_cp1252)


def utf8_with_stray_bytes(data: bytes, *, declared: bool = True) -> str | None:
    """``data`` as UTF-8 with its few stray bytes of a Windows code page read as such ("\x93Yes\x94" as "“Yes”");
    None when so many bytes are not UTF-8 that it is no UTF-8 text. Read whole in the code page instead, each of
    its UTF-8 characters turns to mojibake ("café" to "cafÃ©"). Not ``declared`` UTF-8, it must also hold at least
    as many UTF-8 characters as strays: a text in a legacy code page holds none, and is left to the guess."""
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    multibyte = sum(1 for char in replaced if char > "\x7f") - bad
    if bad > max(MAX_STRAY_BYTES, multibyte // 10) or (not declared and multibyte < max(1, bad)):
        return None
    return data.decode("utf-8", _STRAY_BYTE_HANDLER)


def _known_codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def _guess(data: bytes) -> charset_normalizer.CharsetMatch:
    best = _latin_script_match(data) or charset_normalizer.from_bytes(data).best()
    if best is None:
        raise IngestError("undecodable bytes: not text in any known encoding")
    return best


def _latin_script_match(data: bytes) -> charset_normalizer.CharsetMatch | None:
    """Mostly-ASCII text read in the code pages of its language; None for other scripts."""
    sample = data[: SNIFF_BYTES * 4]
    if len(_ASCII_LETTER.findall(sample)) < _MIN_ASCII_LETTERS_PER_HIGH_BYTE * len(_HIGH_BYTE.findall(sample)):
        return None
    language, _score = py3langid.classify(sample.decode("latin-1"))
    return charset_normalizer.from_bytes(data, cp_isolation=list(_CODE_PAGES.get(language, _WESTERN))).best()


def preview_text(data: bytes) -> str:
    """``data`` as text good enough to tell its format by: ASCII structure kept, other letters maybe wrong."""
    bom = bom_encoding(data)
    return data.decode(bom, "replace") if bom else data.decode("latin-1")


def decode_lines(data: bytes) -> list[str | IngestError]:
    """Each line on its own: UTF-8 where it is, else the encoding guessed from the lines that are not.

    A record pasted in from another encoding then neither fails the whole
    file nor turns its UTF-8 lines into mojibake, as one guess for all would.
    """
    if bom_encoding(data) or not data.strip():  # UTF-16/32 lines cannot be split as bytes
        return list(decode_bytes(data).splitlines())
    lines = data.splitlines()
    other = b"\n".join(line for line in lines if not _is_utf8(line))
    try:
        fallback: str | IngestError = _guess(other).encoding if other else "utf-8"
    except IngestError as exc:
        fallback = exc
    return [_line_text(line, fallback) for line in lines]


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_text(line: bytes, fallback: str | IngestError) -> str | IngestError:
    """One line as text, or why it is not (a line's error spoils only that line)."""
    encoding = "utf-8" if _is_utf8(line) else fallback
    if isinstance(encoding, IngestError):
        return encoding
    try:
        return _check_text(line.decode(encoding))
    except UnicodeDecodeError as exc:
        return IngestError(f"undecodable bytes: not {encoding} either ({exc.reason} at byte {exc.start})")
    except IngestError as exc:
        return exc
