"""The ingest error and the per-file/per-record outcome the readers yield."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import Article


class IngestError(Exception):
    """Input that cannot become an article; the message names the reason (the caller adds the file)."""


class InflatesPastLimit(IngestError):
    """Compressed input that inflates past the bytes it may take: stopped there, never inflated whole, since a
    few KB of gzip or brotli can inflate to gigabytes (a compression bomb)."""

    def __init__(self, what: str, limit: int, why: str) -> None:
        super().__init__(f"{what} inflates past {limit} bytes, {why}")


@dataclass
class ReadOutcome:
    """One article read from ``source``, or the reason it could not be read or was not (``skipped``)."""

    source: str
    article: Article | None
    error: str | None = None
    #: A file in a folder that its name says holds no article (a page's stylesheet, an image): no failure.
    skipped: bool = False
    #: A skipped record that by its kind never holds a page (a crawler's request, its warcinfo): counted by its
    #: reason, not listed one by one (a crawl holds as many requests as pages).
    quiet: bool = False
    #: Damage repaired while reading (stray NUL bytes removed): the article is kept, the user told.
    warning: str | None = None
    #: How far into its file the reader was (0..1) when it read this, for progress within a large archive.
    read_share: float | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None
