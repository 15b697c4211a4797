"""The ingest error and the per-file/per-record outcome the readers yield."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.model import Article


class IngestError(Exception):
    """Input that cannot become an article; the message names the reason (the caller adds the file)."""


@dataclass
class ReadOutcome:
    """One article read from ``source``, or the reason it could not be read."""

    source: str
    article: Article | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None
