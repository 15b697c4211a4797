"""The storage interface every engine implements (SQLite now; PostgreSQL can follow).

Stages never import the store; the service layer moves data between them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from storyline.model import Article, Story

#: Marks around the matched words in :attr:`SearchHit.snippet` (plain text; escape, then style them).
#: Only the store sets them: the article's own ⟦ ⟧ are given as [ ].
SNIPPET_OPEN = "\u27e6"
SNIPPET_CLOSE = "\u27e7"

#: Largest offset or limit a store takes (SQLite's integers are 64-bit); callers refuse bigger ones.
MAX_OFFSET = 2**63 - 1


class StaleStories(RuntimeError):
    """Another writer saved stories after this one read the state it built on; reload and redo."""


@dataclass
class AddResult:
    """What happened to one article offered to the store."""

    article_id: str
    status: str  # "new" | "duplicate" | "new-version"
    #: Of a duplicate: where the stored article it repeats was read from (the user asks "which file?").
    stored_source: str | None = None


@dataclass
class IngestRun:
    """One ingest run as the library recorded it: when it started and finished (UTC), how many new articles
    it stored (None while it runs, or when it was cut short)."""

    id: int
    started_at: datetime
    finished_at: datetime | None
    new: int | None


@dataclass
class SearchHit:
    article: Article
    snippet: str
    score: float


class Store(Protocol):
    # Articles -------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        """Add in one transaction. Same content twice is one row; same URL with new text is a new version."""

    def update_article(self, article: Article) -> None:
        """Replace an article's stored record in place (enrichment results, estimates)."""

    def get_article(self, article_id: str) -> Article | None: ...

    def article_versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article, oldest first."""

    def list_articles(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Latest version of each article, ordered by published time (undated last), then id."""

    def count_articles(self, **filters: Any) -> int: ...

    def matching_article_ids(self, **filters: Any) -> set[str]:
        """The ids of the articles (latest versions) that :meth:`list_articles`'s filters select, without
        reading the articles: what a list of stories filtered by their articles needs."""

    def latest_published(self) -> datetime | None:
        """Publication time (UTC) of the newest dated article, however many undated ones there are."""

    def iter_articles(self) -> Iterator[Article]:
        """Every article (latest version) in published order, streaming."""

    def search(
        self,
        query: str,
        *,
        outlet: str | None = None,
        language: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[int, list[SearchHit]]:
        """Full-text search over titles and text: (total hits, one page of hits)."""

    def articles_from(self, source: str) -> list[Article]:
        """Latest versions of the articles read from ``source``: that file, its records (``file#3``), or the files
        of that folder, as ingest recorded the path; in published order."""

    def remove_articles(
        self,
        article_ids: Iterable[str],
        *,
        stories: Iterable[Story] = (),
        drop: Iterable[str] = (),
        state: dict[str, Any] | None = None,
        expected_version: int | None = None,
        documents: Iterable[tuple[str, str]] = (),
    ) -> int:
        """Delete articles whole and save the stories that changed, in one transaction: all of it or nothing.

        Every version goes (a later ingest of the same text stores it anew), with its search text, entity index,
        vectors, derived features and story assignment; ``documents`` (kind, key) go too (caches built on the
        articles). ``stories``, ``drop``, ``state``, ``expected_version``: as :meth:`save_stories`, whose
        stories version this returns.
        """

    # Pipeline bookkeeping: what ingest stored but has not yet enriched and assigned to a story,
    # so a run cut short (crash, kill) is completed by the next one.
    def unprocessed_articles(self, limit: int | None = None) -> list[Article]:
        """Latest versions not yet marked processed, in published order."""

    def unprocessed_ids(self) -> list[str]:
        """The ids of :meth:`unprocessed_articles`, their texts left unread (an interrupted run may leave many)."""

    def mark_processed(self, article_ids: Iterable[str]) -> None: ...

    # Vectors ----------------------------------------------------------------
    def save_vectors(self, kind: str, vectors: dict[str, np.ndarray]) -> None:
        """Store float32 vectors by article id under a kind (e.g. "use-article")."""

    def load_vectors(self, kind: str, ids: list[str] | None = None) -> dict[str, np.ndarray]: ...

    def save_features(self, kind: str, features: dict[str, bytes]) -> None:
        """Store what was derived from articles (bytes by article id) under a kind; an article's are
        dropped whenever it changes (update, new version, a copy filling its date), so they never go stale."""

    def load_features(self, kind: str, ids: list[str]) -> dict[str, bytes]: ...

    def published_times(self, ids: list[str]) -> dict[str, datetime | None]:
        """Publication time of each stored article among ``ids``, as its record holds it, without reading texts."""

    def article_heads(self, ids: list[str]) -> list[Article]:
        """The stored articles among ``ids`` with their metadata alone (id, title, url, outlet, language,
        published) and no text: what a list of many stories shows of their articles, read without decoding them."""

    # Arrival: when each article was first added to the library (its publication time is another thing),
    # and the ingest runs that added them.
    def arrival_times(self, ids: list[str]) -> dict[str, datetime]:
        """When each stored article among ``ids`` first arrived (UTC): its first version's storing; a later version
        (a corrected text) is an update, not an arrival."""

    def arrived_since(self, since: datetime) -> dict[str, datetime]:
        """Every stored article that first arrived at or after ``since`` (naive: UTC), with its arrival time."""

    def start_ingest_run(self) -> int:
        """Record that an ingest run starts now; its id."""

    def finish_ingest_run(self, run_id: int, new: int) -> None:
        """Record that the run ended, having stored ``new`` new articles."""

    def latest_ingest_run(self) -> IngestRun | None:
        """The run started last (finished or not), None before the first."""

    # Stories ----------------------------------------------------------------
    # Several processes (the CLI, server workers) may assign stories to one library, each from a
    # clusterer state it holds in memory; the stories version tells a writer its state went stale.
    def save_stories(
        self,
        stories: list[Story],
        *,
        replace: bool = False,
        drop: Iterable[str] = (),
        state: dict[str, Any] | None = None,
        expected_version: int | None = None,
    ) -> int:
        """Upsert stories in one transaction and return the new stories version (each call adds one).

        ``replace``: drop all other stories first (re-clustering); ``drop``: stories merged into others,
        with their article assignments (unknown ids are ignored); ``state``: the clusterer state to save
        with them. ``expected_version`` set: raise :class:`StaleStories`, writing nothing, when another
        writer saved stories since that version was read.
        """

    def stories_version(self) -> int:
        """How many story writes the library has seen (0 for none): cheap, to check a held state."""

    def story_state(self) -> tuple[int, dict[str, Any] | None]:
        """(stories version, the clusterer state saved with it), read together."""

    def list_stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]: ...

    def get_story(self, story_id: str) -> Story | None: ...

    def story_of(self, article_id: str) -> Story | None: ...

    # Derived documents (comparisons, index snapshots) and key/value state ----
    def save_document(self, kind: str, key: str, data: dict[str, Any]) -> None: ...

    def get_document(self, kind: str, key: str) -> dict[str, Any] | None: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...
