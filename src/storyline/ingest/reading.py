"""Paths in, outcomes out: expand paths, read each file within limits, dispatch by format."""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from storyline.config import Settings

#: The default per-article limit (characters of clean text).
MAX_ARTICLE_CHARS = Settings.max_article_chars
from storyline.ingest.decode import bom_encoding, decode_bytes, decode_lines, preview_text, strip_stray_nuls
from storyline.ingest.errors import IngestError, ReadOutcome
from storyline.ingest.feed import read_feed
from storyline.ingest.htmlpage import read_html
from storyline.ingest.records import read_csv, read_json, read_jsonl
from storyline.ingest.sniff import HEAD_BYTES, gunzip, head_of, is_gzip, is_warc, is_zstd, sniff_text_format, suffix_of
from storyline.ingest.text import read_text
from storyline.ingest.warc import read_warc
from storyline.model import Article

STDIN = "-"
_GLOB_CHARS = set("*?[")
#: Extensions of files that hold no article: a saved page's assets, media, documents, other archives.
#: Found in a folder they are skipped; named on their own they are read (and fail) like any file.
NOT_ARTICLE_SUFFIXES = frozenset({
    ".css", ".js", ".mjs", ".map", ".wasm", ".swf",
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".heic",
    ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".mov", ".avi",
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".epub",
    ".zip", ".7z", ".rar", ".tar", ".tgz", ".bz2", ".xz", ".exe", ".dll", ".so", ".bin", ".iso", ".dmg",
    ".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3",  # `storyline ingest .` by ./storyline.db
})  # fmt: skip


def _visible_files(directory: Path) -> list[Path]:
    """Files under ``directory``, recursively, sorted, without hidden files or folders."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | str | ReadOutcome]:
    """Each file to read (``"-"`` for stdin), or an error outcome for a path that names nothing."""
    for given in paths:
        name = str(given)
        if name == STDIN:
            yield STDIN
            continue
        path = Path(name).expanduser()
        if path.is_dir():
            yield from (_skipped(found) or found for found in _visible_files(path))
        elif path.is_file():
            yield path
        elif path.exists():  # a device or pipe could block or never end
            yield ReadOutcome(name, None, "not a regular file")
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                yield ReadOutcome(name, None, "no files match this pattern")
            for match in matches:
                yield from expand_paths([match]) if Path(match).is_dir() else [Path(match)]
        else:
            yield ReadOutcome(name, None, "no such file or directory")


def _skipped(path: Path) -> ReadOutcome | None:
    """A skip outcome for a file whose extension says it holds no article, else None."""
    suffix = suffix_of(path.name)
    if suffix not in NOT_ARTICLE_SUFFIXES:
        return None
    return ReadOutcome(str(path), None, f"not an article format ({suffix})", skipped=True)


#: Why a file over ``max_file_bytes`` is refused, and which files are read past it.
_WHOLE_FILE_LIMIT = ("-byte limit for a file read whole (max_file_bytes: one page, feed or JSON document); "
                     "WARC and JSONL files are read record by record at any size")
#: Lines of a large JSONL decoded together (their encoding guessed together, as for a file read whole).
_LINE_BATCH_BYTES = 8 * 1024 * 1024


def _read_limited(path: Path | str, max_file_bytes: int, start: bytes = b"") -> bytes:
    """The file's bytes, refusing without reading it whole when it is over the limit; for stdin, the rest of
    it after ``start`` (what was read to sniff it)."""
    if path == STDIN:
        data = start + sys.stdin.buffer.read(max(0, max_file_bytes + 1 - len(start)))
    else:
        size = path.stat().st_size  # type: ignore[union-attr]
        if size > max_file_bytes:
            raise IngestError(f"file is {size} bytes, over the {max_file_bytes}{_WHOLE_FILE_LIMIT}")
        with open(path, "rb") as stream:
            data = stream.read(max_file_bytes + 1)
    if len(data) > max_file_bytes:
        raise IngestError(f"input is over the {max_file_bytes}{_WHOLE_FILE_LIMIT}")
    return data


def _stdin_start(max_file_bytes: int) -> tuple[bytes, bool]:
    """Standard input's first bytes (the file limit's worth, or as many as :func:`jsonl_lines` decodes together
    if fewer), and whether it is a JSONL that goes on past them: that is read line by line, as a JSONL file over
    the limit is, since a pipe cannot be measured or read again."""
    if sys.stdin is None:
        raise IngestError("no standard input to read")
    size = min(max_file_bytes, _LINE_BATCH_BYTES)
    start = sys.stdin.buffer.read(size + 1)
    if len(start) <= size or is_gzip(start) or is_zstd(start) or bom_encoding(start):
        return start, False
    return start, sniff_text_format(preview_text(start[:HEAD_BYTES]), "") == "jsonl"


class _Resumed:
    """Standard input read on from where :func:`_stdin_start` stopped, by line (all :func:`jsonl_lines` asks):
    the bytes already read first, then the pipe."""

    def __init__(self, start: bytes) -> None:
        self._start = io.BytesIO(start)

    def readline(self, size: int) -> bytes:
        line = self._start.readline(size)
        if len(line) < size and not line.endswith(b"\n"):  # the start ran out inside this line
            line += sys.stdin.buffer.readline(size - len(line))
        return line


def _is_jsonl_over_the_limit(stream: BinaryIO, suffix: str, max_file_bytes: int) -> bool:
    """Whether ``stream`` is a JSONL file too large to read whole, to be read line by line instead. Compressed
    and UTF-16/32 files are not: their lines cannot be found in the bytes as stored."""
    head = head_of(stream)
    if is_gzip(head) or is_zstd(head) or bom_encoding(head) or stream.seek(0, 2) <= max_file_bytes:
        stream.seek(0)
        return False
    stream.seek(0)
    return sniff_text_format(preview_text(head), suffix) == "jsonl"


def jsonl_lines(stream: BinaryIO, max_line_bytes: int) -> Iterator[str | IngestError]:
    """Each line of a JSONL ``stream``, decoded as :func:`decode_lines` decodes a file, a batch of lines at a time,
    so that a file of any size is read in bounded memory; a line over ``max_line_bytes`` is an error in its place."""
    batch: list[bytes] = []
    batch_bytes = 0
    while line := stream.readline(max_line_bytes + 1):
        if len(line) <= max_line_bytes:
            batch.append(line)
            batch_bytes += len(line)
            if batch_bytes < _LINE_BATCH_BYTES:
                continue
        yield from decode_lines(b"".join(batch)) if batch else []
        batch, batch_bytes = [], 0
        if len(line) > max_line_bytes:
            _skip_rest_of_line(stream, line)
            yield IngestError(f"record is over the {max_line_bytes}-byte limit for one record (max_file_bytes)")
    yield from decode_lines(b"".join(batch)) if batch else []


def _skip_rest_of_line(stream: BinaryIO, start: bytes) -> None:
    """Read ``stream`` past the end of the line that begins with ``start``, a chunk at a time."""
    piece = start
    while piece and not piece.endswith(b"\n"):
        piece = stream.readline(_LINE_BATCH_BYTES)


def _too_long(chars: int, max_article_chars: int) -> str:
    return (f"article text is {chars:,} characters, over the {max_article_chars:,}-character limit "
            "(max_article_chars): split it into its articles")


def _within_limit(outcomes: Iterable[ReadOutcome], max_article_chars: int) -> Iterator[ReadOutcome]:
    """Each outcome, an article longer than the limit refused: enrichment time grows with the text."""
    for outcome in outcomes:
        if outcome.article is not None and (chars := len(outcome.article.text)) > max_article_chars:
            outcome = replace(outcome, article=None, error=_too_long(chars, max_article_chars))
        yield outcome


def read_bytes(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    base_dir: Path | None = None,
    max_file_bytes: int,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[ReadOutcome]:
    """Sniff ``data`` and run the matching reader; bad input becomes error outcomes, repaired damage warnings."""
    warning = None
    try:
        if is_warc(stream := io.BytesIO(data)):
            yield from read_warc(stream, source=source, max_record_bytes=max_file_bytes)
            return
        if is_zstd(data):
            raise IngestError("zstd-compressed file that is not a WARC: decompress it (zstd -d FILE) and read that")
        if is_gzip(data):
            data = gunzip(data, max_file_bytes)
            suffix = suffix_of(source.removesuffix(".gz"))
        data, nuls = strip_stray_nuls(data)
        warning = f"{nuls} stray NUL byte(s) removed" if nuls else None
        for outcome in _read_text_format(data, source, suffix, base_dir, max_file_bytes, max_article_chars):
            outcome.warning = "; ".join(w for w in (warning, outcome.warning) if w) or None
            yield outcome
    except (IngestError, ValueError, OSError) as exc:  # a reader's parser gave up on bad input
        yield ReadOutcome(source, None, str(exc), warning=warning)


def _read_text_format(
    data: bytes, source: str, suffix: str, base_dir: Path | None, max_file_bytes: int, max_article_chars: int
) -> Iterator[ReadOutcome]:
    kind = sniff_text_format(preview_text(data), suffix)
    if kind == "jsonl":  # decoded line by line: one line in another encoding spoils no other
        yield from read_jsonl(decode_lines(data), source=source)
        return
    text = decode_bytes(data)
    if kind == "json":
        yield from read_json(text, source=source)
    elif kind == "csv":
        yield from read_csv(text, source=source, tab_separated=suffix == ".tsv")
    elif kind == "feed":
        yield from read_feed(data, source=source, base_dir=base_dir, max_file_bytes=max_file_bytes)
    elif kind == "html":
        yield ReadOutcome(source, read_html(text, source=source))
    elif len(text) > max_article_chars:  # a plain text is one article: refused before it is parsed
        yield ReadOutcome(source, None, _too_long(len(text), max_article_chars))
    else:
        yield ReadOutcome(source, read_text(text, source=source))


def read_source(
    path: Path | str, *, max_file_bytes: int, max_article_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[ReadOutcome]:
    """One file (or stdin) -> its outcomes; an article over ``max_article_chars`` is an error outcome.

    ``max_file_bytes`` bounds a file read whole; a WARC or a JSONL too large for that is read from the file a
    record at a time instead, each record within the limit.
    """
    source = "stdin" if path == STDIN else str(path)
    try:
        yield from _within_limit(_outcomes(path, source, max_file_bytes, max_article_chars), max_article_chars)
    except IngestError as exc:
        yield ReadOutcome(source, None, str(exc))
    except OSError as exc:
        yield ReadOutcome(source, None, f"cannot read: {exc.strerror or exc}")


def _outcomes(path: Path | str, source: str, max_file_bytes: int, max_article_chars: int) -> Iterator[ReadOutcome]:
    """The file's outcomes, read record by record from the file when it holds records, else read whole."""
    start = b""
    if path == STDIN:
        start, jsonl = _stdin_start(max_file_bytes)
        if jsonl:
            yield from read_jsonl(jsonl_lines(_Resumed(start), max_file_bytes), source=source)  # type: ignore[arg-type]
            return
    else:
        with open(path, "rb") as stream:
            if is_warc(stream):
                yield from read_warc(stream, source=source, max_record_bytes=max_file_bytes)
                return
            if _is_jsonl_over_the_limit(stream, suffix_of(source), max_file_bytes):
                yield from read_jsonl(jsonl_lines(stream, max_file_bytes), source=source)
                return
    yield from read_bytes(
        _read_limited(path, max_file_bytes, start), source=source, suffix=suffix_of(source),
        base_dir=None if path == STDIN else Path(path).parent, max_file_bytes=max_file_bytes,
        max_article_chars=max_article_chars,
    )


def read_paths(
    paths: Iterable[str | Path], *, max_file_bytes: int, max_article_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[ReadOutcome]:
    """Every article in ``paths`` (files, directories, globs, ``"-"``), or why one could not be read.

    Never raises for bad input: each unreadable file or record is an outcome
    with ``error`` set, and reading goes on with the rest. A folder's files
    that hold no article by their extension come as ``skipped`` outcomes.
    """
    for item in expand_paths(paths):
        if isinstance(item, ReadOutcome):
            yield item
        else:
            yield from read_source(item, max_file_bytes=max_file_bytes, max_article_chars=max_article_chars)


def read_file(path: str | Path, *, max_file_bytes: int | None = None) -> list[Article]:
    """All articles in one file; raises :class:`IngestError` at the first failure."""
    limit = Settings().max_file_bytes if max_file_bytes is None else max_file_bytes
    articles = []
    for outcome in read_source(Path(path), max_file_bytes=limit):
        if outcome.error or outcome.article is None:
            raise IngestError(outcome.error or "no article")
        articles.append(outcome.article)
    return articles
