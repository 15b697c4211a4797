"""The SQLite engine behind :class:`~storyline.store.base.Store`.

One file, WAL mode, one transaction per write call, so a crash (even
``kill -9``) leaves every call either fully applied or not at all. All SQL
of the project lives in this package; a PostgreSQL engine can follow behind
the same interface.

Articles are versioned: each row is one version; ``is_latest`` marks the one
that reads return. Filterable metadata are columns, the full record is the
Article JSON (``model.to_dict``) in ``data``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from storyline.model import Article, Story
from storyline.store.base import SNIPPET_CLOSE, SNIPPET_OPEN, AddResult, IngestRun, SearchHit, StaleStories

# --------------------------------------------------------------------------
# Schema: ordered migrations; ``meta.schema_version`` = how many were applied.

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    row_id       INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    is_latest    INTEGER NOT NULL DEFAULT 1,
    processed    INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    url          TEXT,
    source       TEXT,
    outlet       TEXT COLLATE NOCASE,
    language     TEXT COLLATE NOCASE,
    published    TEXT,
    title        TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    data         TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_latest ON articles (is_latest, published, id);
CREATE INDEX articles_outlet ON articles (outlet) WHERE is_latest = 1;
CREATE INDEX articles_pending ON articles (processed) WHERE is_latest = 1 AND processed = 0;
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE article_entities (
    article_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
CREATE INDEX article_entities_name ON article_entities (name);
CREATE TABLE vectors (
    kind       TEXT NOT NULL,
    article_id TEXT NOT NULL,
    dim        INTEGER NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (kind, article_id)
) WITHOUT ROWID;
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,
    label           TEXT NOT NULL,
    first_published TEXT,
    size            INTEGER NOT NULL,
    data            TEXT NOT NULL
);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE TABLE documents (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""

# What matching derives from an article's text (its signature, less the vector), so a restart reads it
# back instead of parsing every text again; dropped whenever the article changes.
_V2 = """
CREATE TABLE article_features (
    article_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    data       BLOB NOT NULL,
    PRIMARY KEY (article_id, kind)
) WITHOUT ROWID;
"""

# Each ingest run, so "what arrived since my last run" has an answer; and an index on when each article
# first arrived (its version 1 row's ``added_at``: later versions are updates, not arrivals).
_V3 = """
CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    new         INTEGER
);
CREATE INDEX articles_arrived ON articles (added_at) WHERE version = 1;
"""

#: Applied in order; append new ones, never edit a released one.
MIGRATIONS: list[str] = [_V1, _V2, _V3]

#: The clusterer state saved with the stories (a document), and the meta key counting story writes.
_STORY_STATE = ("story-index", "stream")
_STORIES_VERSION = "stories_version"


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message names the file and the reason."""


class SchemaError(StoreError):
    """The database was written by a newer storyline, or is not a storyline database."""


# --------------------------------------------------------------------------
# Value conversions


def _other_page(stored_url: str | None, url: str | None) -> bool:
    """Two different URLs: two pages, whatever ids they were given."""
    return bool(stored_url and url and stored_url != url)


#: Metadata a copy of stored text may know when the stored one does not (an undated copy came first).
_FILLABLE = ("published", "url", "outlet", "byline", "agency")


def _filled(article: Article, other: Article) -> Article:
    """``article`` with the metadata it lacks taken from ``other`` (itself when ``other`` adds nothing)."""
    missing = {name: value for name in _FILLABLE if getattr(article, name) is None and (value := getattr(other, name))}
    return dataclasses.replace(article, **missing) if missing else article


def _partial(article: Article) -> bool:
    """Only part of its article: a feed summary, a cut-off API text, a headline."""
    return bool(article.extra.get("partial") or article.extra.get("headline_only"))


def _sort_time(value: datetime | None, timespec: str = "seconds") -> str | None:
    """Comparable ISO text: aware times in UTC, naive ones taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec=timespec)


def _now(timespec: str = "seconds") -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec=timespec)


def _arrival_now() -> str:
    """Now, for an arrival or an ingest run: to the microsecond, so a run started within the second another
    stored its last article does not count that article as its own (rows stored before were to the second:
    ISO text of either sorts as the times do)."""
    return _now("microseconds")


def _utc_time(value: str) -> datetime:
    """A time the store wrote with :func:`_now` (naive UTC text), as an aware UTC time."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _article_json(article: Article) -> str:
    data = article.to_dict()
    data.pop("text", None)  # derived from paragraphs
    return json.dumps(data, ensure_ascii=False)


def _entity_names(article: Article) -> set[str]:
    names: set[str] = set()
    for entity in article.entities:
        names.update(n.casefold().strip() for n in [entity.name, *entity.variants] if n.strip())
    return names


#: A word, with the punctuation inside it: "12,000", "4.5", "Jong-un" are one term of the query.
_WORD = re.compile(r"\w+(?:[-.,'’/:]\w+)*\*?", re.UNICODE)
#: Words between a pair of double quotation marks (straight or curly), searched as one phrase.
_PHRASE = re.compile(r'["“”„]([^"“”„]*)["“”„]')


def fts_query(query: str) -> str:
    """A user's words as a safe FTS5 query: every word must occur; ``word*`` is a prefix; words in quotation marks
    ("Gulf of Aden") must occur in a row, as web search engines read them.

    FTS5's own syntax (quotes, NEAR, column filters) errors on ordinary input
    such as ``U.S.-Ruritania``, so words are quoted one by one. A word holding punctuation is a phrase, its
    pieces in a row: "12,000" finds that figure, not a "12" and a "000" anywhere in the text. A quotation mark
    left without its pair is no phrase: the words after it are searched one by one.
    """
    terms: dict[str, str] = {}  # a word said twice (in any case: FTS5 folds it) adds nothing, and costs time
    for quoted, loose in _phrases_and_words(query):
        found = [word.rstrip("*") for word in _WORD.findall(quoted)]
        if len(found) > 1:
            terms.setdefault(" ".join(found).casefold(), '"' + " ".join(found) + '"')
            continue
        for word in _WORD.findall(quoted or loose):
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if word:
                term = f'"{word}"' + ("*" if prefix else "")
                terms.setdefault(term.casefold(), term)
    return " ".join(terms.values())


def _phrases_and_words(query: str) -> Iterator[tuple[str, str]]:
    """The query in pieces, in order: ``(phrase, "")`` for the words of each quoted phrase, ``("", text)`` for
    the text between phrases."""
    at = 0
    for phrase in _PHRASE.finditer(query):
        yield "", query[at : phrase.start()]
        yield phrase.group(1), ""
        at = phrase.end()
    yield "", query[at:]


# --------------------------------------------------------------------------


class SQLiteStore:
    """Store on one SQLite file (or ``":memory:"``); safe to share between threads."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            _check_file(Path(self.path), create)
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA busy_timeout = 10000")
            self._conn.execute("PRAGMA journal_mode = WAL")
            # WAL + NORMAL: a process crash loses nothing committed; only power loss may drop the last commits.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open the database ({error})") from error

    # ------------------------------------------------------------------ infra

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or nothing."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def schema_version(self) -> int:
        with self._lock:
            has_meta = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()
            if not has_meta:
                if self._conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                    raise SchemaError(f"{self.path}: not a storyline database (no meta table)")
                return 0
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            return int(row["value"]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > len(MIGRATIONS):
            raise SchemaError(
                f"{self.path}: schema version {current} is newer than this storyline "
                f"understands ({len(MIGRATIONS)}); upgrade storyline"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            with self._write() as conn:
                if self.schema_version() >= number:  # another process migrated while we waited for the lock
                    continue
                # executescript would commit early; run statement by statement inside our transaction.
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --------------------------------------------------------------- articles

    def add_articles(self, articles: Iterable[Article]) -> list[AddResult]:
        results = []
        with self._write() as conn:
            for article in articles:
                results.append(self._add_one(conn, article))
        return results

    def _add_one(self, conn: sqlite3.Connection, article: Article) -> AddResult:
        content_hash = article.content_hash or article.compute_hash()
        same = conn.execute(
            "SELECT row_id, id, is_latest, source, data FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        if same:
            if same["is_latest"]:
                self._fill_in(conn, same, article)
            return AddResult(same["id"], "duplicate", same["source"])
        stored = dataclasses.replace(article, content_hash=content_hash)
        previous = self._latest_row(conn, "id", article.id)
        if previous is not None and _other_page(previous["url"], article.url) and "guid" not in article.extra:
            # A given id names an article only within its export (a CSV's row number, a site's post id):
            # another page under the same id is another article, not a new version of the stored one.
            # A feed's GUID says it is the same item whatever its link became.
            stored.id = f"{article.id}-{hashlib.sha256(article.url.encode()).hexdigest()[:8]}"  # type: ignore[union-attr]
            previous = self._latest_row(conn, "id", stored.id)
        if previous is None and article.url:
            previous = self._latest_row(conn, "url", article.url)
        if previous is None:
            stored.version = 1
            self._insert(conn, stored, latest=True)
            return AddResult(stored.id, "new")
        stored.id = previous["id"]
        stored.version = self._next_version(conn, stored.id)
        latest = _article(previous)
        if _partial(stored) and not _partial(latest) and len(stored.text) < len(latest.text):
            # A teaser or cut-off copy (feed summary, "[+1834 chars]") of a stored full text: kept as a
            # version, its metadata filling the full one's gaps, but never read in its place.
            self._insert(conn, stored, latest=False)
            self._fill_in(conn, previous, stored)
            return AddResult(stored.id, "new-version")
        if _partial(latest):
            stored = _filled(stored, latest)  # the full text keeps the date a teaser of it gave
        conn.execute("UPDATE articles SET is_latest = 0 WHERE row_id = ?", (previous["row_id"],))
        conn.execute("DELETE FROM article_fts WHERE rowid = ?", (previous["row_id"],))
        self._insert(conn, stored, latest=True)
        return AddResult(stored.id, "new-version")

    def _insert(self, conn: sqlite3.Connection, stored: Article, *, latest: bool) -> None:
        """One version's row; only the latest is searchable and has its entities indexed."""
        if latest:
            _forget_features(conn, stored.id)
        cursor = conn.execute(
            "INSERT INTO articles (id, version, is_latest, content_hash, url, source, outlet, language, "
            "published, title, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stored.id,
                stored.version,
                int(latest),
                stored.content_hash,
                stored.url,
                stored.source,
                stored.outlet,
                stored.language,
                _sort_time(stored.published),
                stored.title,
                _arrival_now(),
                _article_json(stored),
            ),
        )
        if latest:
            conn.execute(
                "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
                (cursor.lastrowid, stored.title, stored.text),
            )
            self._index_entities(conn, stored)

    @staticmethod
    def _next_version(conn: sqlite3.Connection, article_id: str) -> int:
        """Versions count in the order they were stored; a kept-aside partial one may be above the latest."""
        return conn.execute("SELECT MAX(version) FROM articles WHERE id = ?", (article_id,)).fetchone()[0] + 1

    def _fill_in(self, conn: sqlite3.Connection, row: sqlite3.Row, copy: Article) -> None:
        """Give the stored article what a later copy of the same text tells and it lacks: the copy itself is
        a duplicate and not kept, but its date must not be lost with it."""
        stored = _article(row)
        filled = _filled(stored, copy)
        if filled is stored:
            return
        stored = filled
        _forget_features(conn, stored.id)
        conn.execute(
            "UPDATE articles SET url = ?, outlet = ?, published = ?, data = ? WHERE row_id = ?",
            (stored.url, stored.outlet, _sort_time(stored.published), _article_json(stored), row["row_id"]),
        )

    @staticmethod
    def _latest_row(conn: sqlite3.Connection, column: str, value: str) -> sqlite3.Row | None:
        """The latest version with this id or url (two lookups, each on its own index)."""
        return conn.execute(
            f"SELECT row_id, id, version, url, data FROM articles WHERE {column} = ? AND is_latest = 1 LIMIT 1",
            (value,),
        ).fetchone()

    def _index_entities(self, conn: sqlite3.Connection, article: Article) -> None:
        conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article.id,))
        conn.executemany(
            "INSERT INTO article_entities (article_id, name) VALUES (?, ?)",
            [(article.id, name) for name in sorted(_entity_names(article))],
        )

    def update_article(self, article: Article) -> None:
        with self._write() as conn:
            row = conn.execute(
                "SELECT row_id, version FROM articles WHERE id = ? AND is_latest = 1", (article.id,)
            ).fetchone()
            if row is None:
                raise KeyError(f"no article {article.id!r} to update")
            article.version = row["version"]
            article.content_hash = article.content_hash or article.compute_hash()
            _forget_features(conn, article.id)
            conn.execute(
                "UPDATE articles SET content_hash = ?, url = ?, source = ?, outlet = ?, language = ?, "
                "published = ?, title = ?, data = ? WHERE row_id = ?",
                (
                    article.content_hash,
                    article.url,
                    article.source,
                    article.outlet,
                    article.language,
                    _sort_time(article.published),
                    article.title,
                    _article_json(article),
                    row["row_id"],
                ),
            )
            conn.execute(
                "UPDATE article_fts SET title = ?, text = ? WHERE rowid = ?",
                (article.title, article.text, row["row_id"]),
            )
            self._index_entities(conn, article)

    def get_article(self, article_id: str) -> Article | None:
        rows = self._query("SELECT data FROM articles WHERE id = ? AND is_latest = 1", (article_id,))
        return _article(rows[0]) if rows else None

    def article_versions(self, article_id: str) -> list[Article]:
        rows = self._query("SELECT data FROM articles WHERE id = ? ORDER BY version", (article_id,))
        return [_article(row) for row in rows]

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
        where, params = _filters(outlet, language, since, until, entity)
        rows = self._query(
            f"SELECT a.data FROM articles a WHERE {where} "
            "ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else limit, offset],
        )
        return [_article(row) for row in rows]

    def count_articles(self, **filters: Any) -> int:
        where, params = _filters(**filters)
        return int(self._query(f"SELECT count(*) AS n FROM articles a WHERE {where}", params)[0]["n"])

    def matching_article_ids(self, **filters: Any) -> set[str]:
        where, params = _filters(**filters)
        return {row["id"] for row in self._query(f"SELECT a.id FROM articles a WHERE {where}", params)}

    def latest_published(self) -> datetime | None:
        rows = self._query(  # one step down the (is_latest, published) index
            "SELECT published FROM articles WHERE is_latest = 1 AND published IS NOT NULL "
            "ORDER BY published DESC LIMIT 1"
        )
        return datetime.fromisoformat(rows[0]["published"]).replace(tzinfo=UTC) if rows else None

    def iter_articles(self) -> Iterator[Article]:
        """Pages through the table so a large library never sits in memory at once."""
        page, after = 500, (0, "", "")
        while True:
            rows = self._query(
                "SELECT a.data, a.published IS NULL AS undated, coalesce(a.published, '') AS published, a.id "
                "FROM articles a WHERE a.is_latest = 1 AND "
                "(a.published IS NULL, coalesce(a.published, ''), a.id) > (?, ?, ?) "
                "ORDER BY a.published IS NULL, a.published, a.id LIMIT ?",
                [*after, page],
            )
            yield from (_article(row) for row in rows)
            if len(rows) < page:
                return
            last = rows[-1]
            after = (last["undated"], last["published"], last["id"])

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
        match = fts_query(query)
        if not match:
            return 0, []
        where, params = _filters(outlet, language, since, until, entity)
        # CROSS JOIN keeps the full-text match as the outer loop (SQLite otherwise
        # scans articles and probes the index per row: 30x slower at 10,000 articles).
        source = (
            "article_fts CROSS JOIN articles a ON a.row_id = article_fts.rowid "
            f"WHERE article_fts MATCH ? AND {where}"
        )
        total = int(self._query(f"SELECT count(*) AS n FROM {source}", [match, *params])[0]["n"])
        ranked = self._query(
            f"SELECT a.row_id, bm25(article_fts, 2.0, 1.0) AS rank FROM {source} "
            "ORDER BY rank, a.id LIMIT ? OFFSET ?",
            [match, *params, limit, offset],
        )
        if not ranked:
            return total, []
        # Snippets for the page only: computing them in the ranking query costs one per match.
        marks = ",".join("?" * len(ranked))
        token = secrets.token_hex(8)  # markers no article text can contain (see _marked)
        opening, closing = f"\ue000{token}", f"\ue001{token}"
        pages = self._query(
            "SELECT a.row_id, a.data, snippet(article_fts, -1, ?, ?, '…', 16) AS snippet FROM article_fts "
            f"CROSS JOIN articles a ON a.row_id = article_fts.rowid WHERE article_fts MATCH ? AND a.row_id IN ({marks})",
            [opening, closing, match, *(r["row_id"] for r in ranked)],
        )
        by_row = {r["row_id"]: r for r in pages}
        return total, [
            SearchHit(
                _article(by_row[r["row_id"]]), _marked(by_row[r["row_id"]]["snippet"], opening, closing), -float(r["rank"])
            )
            for r in ranked
        ]

    # ---------------------------------------------------- pipeline bookkeeping

    def unprocessed_articles(self, limit: int | None = None) -> list[Article]:
        rows = self._query(
            "SELECT data FROM articles WHERE is_latest = 1 AND processed = 0 "
            "ORDER BY published IS NULL, published, row_id LIMIT ?",
            [-1 if limit is None else limit],
        )
        return [_article(row) for row in rows]

    def unprocessed_ids(self) -> list[str]:
        return [row["id"] for row in self._query("SELECT id FROM articles WHERE is_latest = 1 AND processed = 0")]

    def mark_processed(self, article_ids: Iterable[str]) -> None:
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET processed = 1 WHERE id = ? AND is_latest = 1",
                [(i,) for i in article_ids],
            )

    # ---------------------------------------------------------------- vectors

    def save_vectors(self, kind: str, vectors: dict[str, np.ndarray]) -> None:
        rows = []
        for article_id, vector in vectors.items():
            array = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
            rows.append((kind, article_id, int(array.shape[0]), array.tobytes()))
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO vectors (kind, article_id, dim, data) VALUES (?, ?, ?, ?)", rows
            )

    def load_vectors(self, kind: str, ids: list[str] | None = None) -> dict[str, np.ndarray]:
        if ids is None:
            rows = self._query("SELECT article_id, data FROM vectors WHERE kind = ?", (kind,))
        else:
            rows = []
            for chunk in _chunks(ids, 500):
                marks = ",".join("?" * len(chunk))
                rows += self._query(
                    f"SELECT article_id, data FROM vectors WHERE kind = ? AND article_id IN ({marks})",
                    [kind, *chunk],
                )
        return {r["article_id"]: np.frombuffer(r["data"], dtype=np.float32).copy() for r in rows}

    def save_features(self, kind: str, features: dict[str, bytes]) -> None:
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_features (article_id, kind, data) VALUES (?, ?, ?)",
                [(article_id, kind, data) for article_id, data in features.items()],
            )

    def load_features(self, kind: str, ids: list[str]) -> dict[str, bytes]:
        rows = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows += self._query(
                f"SELECT article_id, data FROM article_features WHERE kind = ? AND article_id IN ({marks})",
                [kind, *chunk],
            )
        return {r["article_id"]: bytes(r["data"]) for r in rows}

    def arrival_times(self, ids: list[str]) -> dict[str, datetime]:
        rows = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows += self._query(
                f"SELECT id, added_at FROM articles WHERE version = 1 AND id IN ({marks})", chunk
            )
        return {r["id"]: _utc_time(r["added_at"]) for r in rows}

    def arrived_since(self, since: datetime) -> dict[str, datetime]:
        rows = self._query(
            "SELECT id, added_at FROM articles WHERE version = 1 AND added_at >= ?", (_sort_time(since, "auto"),)
        )
        return {r["id"]: _utc_time(r["added_at"]) for r in rows}

    # ------------------------------------------------------------- ingest runs

    def start_ingest_run(self) -> int:
        with self._write() as conn:
            return int(conn.execute("INSERT INTO ingest_runs (started_at) VALUES (?)", (_arrival_now(),)).lastrowid)

    def finish_ingest_run(self, run_id: int, new: int) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE ingest_runs SET finished_at = ?, new = ? WHERE id = ?", (_arrival_now(), new, run_id)
            )

    def latest_ingest_run(self) -> IngestRun | None:
        rows = self._query("SELECT id, started_at, finished_at, new FROM ingest_runs ORDER BY id DESC LIMIT 1")
        if not rows:
            return None
        row = rows[0]
        finished = _utc_time(row["finished_at"]) if row["finished_at"] else None
        return IngestRun(row["id"], _utc_time(row["started_at"]), finished, row["new"])

    def _latest_rows(self, columns: str, ids: list[str]) -> list[sqlite3.Row]:
        """``columns`` of the latest version of each article in ``ids`` (queried 500 ids at a time)."""
        rows = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows += self._query(f"SELECT {columns} FROM articles WHERE is_latest = 1 AND id IN ({marks})", chunk)
        return rows

    def published_times(self, ids: list[str]) -> dict[str, datetime | None]:
        rows = self._latest_rows("id, json_extract(data, '$.published') AS published", ids)
        return {r["id"]: datetime.fromisoformat(r["published"]) if r["published"] else None for r in rows}

    def article_heads(self, ids: list[str]) -> list[Article]:
        rows = self._latest_rows("id, title, url, outlet, language, json_extract(data, '$.published') AS published", ids)
        return [
            Article(
                id=r["id"], title=r["title"], paragraphs=[], url=r["url"], outlet=r["outlet"], language=r["language"],
                published=datetime.fromisoformat(r["published"]) if r["published"] else None,
            )
            for r in rows
        ]

    # ---------------------------------------------------------------- stories

    def save_stories(
        self,
        stories: list[Story],
        *,
        replace: bool = False,
        drop: Iterable[str] = (),
        state: dict[str, Any] | None = None,
        expected_version: int | None = None,
    ) -> int:
        with self._write() as conn:
            return self._write_stories(conn, stories, replace, drop, state, expected_version)

    def _write_stories(
        self,
        conn: sqlite3.Connection,
        stories: Iterable[Story],
        replace: bool,
        drop: Iterable[str],
        state: dict[str, Any] | None,
        expected_version: int | None,
    ) -> int:
        """:meth:`save_stories` inside the caller's write transaction."""
        # Read inside the write transaction (BEGIN IMMEDIATE): no other writer can slip in after the check.
        version = _stories_version(conn)
        if expected_version is not None and version != expected_version:
            raise StaleStories(
                f"{self.path}: another writer saved stories (version {version}, expected {expected_version})"
            )
        if replace:
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM story_articles")
        dropped = [(story_id,) for story_id in drop]
        conn.executemany("DELETE FROM story_articles WHERE story_id = ?", dropped)
        conn.executemany("DELETE FROM stories WHERE id = ?", dropped)
        for story in stories:
            conn.execute(
                "INSERT OR REPLACE INTO stories (id, label, first_published, size, data) VALUES (?, ?, ?, ?, ?)",
                (
                    story.id,
                    story.label,
                    _sort_time(story.first_published),
                    len(story.articles),
                    json.dumps(story.to_dict(), ensure_ascii=False),
                ),
            )
            conn.execute("DELETE FROM story_articles WHERE story_id = ?", (story.id,))
            conn.executemany(
                "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                [(article_id, story.id) for article_id in story.articles],
            )
        if state is not None:
            conn.execute(
                "INSERT OR REPLACE INTO documents (kind, key, updated_at, data) VALUES (?, ?, ?, ?)",
                (*_STORY_STATE, _now(), json.dumps(state, ensure_ascii=False)),
            )
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (_STORIES_VERSION, str(version + 1)),
        )
        return version + 1

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
        with self._write() as conn:
            for article_id in article_ids:
                self._delete_article(conn, article_id)
            conn.executemany("DELETE FROM documents WHERE kind = ? AND key = ?", list(documents))
            return self._write_stories(conn, stories, False, drop, state, expected_version)

    @staticmethod
    def _delete_article(conn: sqlite3.Connection, article_id: str) -> None:
        """Every trace of one article: its versions (so its text is new again to a later ingest), search text,
        entity index, vectors, derived features and story assignment."""
        conn.execute(
            "DELETE FROM article_fts WHERE rowid IN (SELECT row_id FROM articles WHERE id = ?)", (article_id,)
        )
        for table, column in (
            ("articles", "id"),
            ("article_entities", "article_id"),
            ("vectors", "article_id"),
            ("article_features", "article_id"),
            ("story_articles", "article_id"),
        ):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (article_id,))

    def articles_from(self, source: str) -> list[Article]:
        record, folder = f"{source}#", f"{source.rstrip('/')}/"
        rows = self._query(
            "SELECT data FROM articles WHERE is_latest = 1 "
            "AND (source = ? OR substr(source, 1, ?) = ? OR substr(source, 1, ?) = ?) "
            "ORDER BY published IS NULL, published, id",
            (source, len(record), record, len(folder), folder),
        )
        return [_article(row) for row in rows]

    def stories_version(self) -> int:
        with self._lock:
            return _stories_version(self._conn)

    def story_state(self) -> tuple[int, dict[str, Any] | None]:
        with self._lock:
            self._conn.execute("BEGIN")  # one snapshot for both reads
            try:
                version = _stories_version(self._conn)
                row = self._conn.execute(
                    "SELECT data FROM documents WHERE kind = ? AND key = ?", _STORY_STATE
                ).fetchone()
            finally:
                self._conn.execute("COMMIT")
        return version, json.loads(row["data"]) if row else None

    def list_stories(self, *, limit: int | None = None, offset: int = 0) -> list[Story]:
        rows = self._query(
            "SELECT data FROM stories ORDER BY first_published IS NULL, first_published, id LIMIT ? OFFSET ?",
            [-1 if limit is None else limit, offset],
        )
        return [Story.from_dict(json.loads(r["data"])) for r in rows]

    def get_story(self, story_id: str) -> Story | None:
        rows = self._query("SELECT data FROM stories WHERE id = ?", (story_id,))
        return Story.from_dict(json.loads(rows[0]["data"])) if rows else None

    def story_of(self, article_id: str) -> Story | None:
        rows = self._query(
            "SELECT s.data FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?",
            (article_id,),
        )
        return Story.from_dict(json.loads(rows[0]["data"])) if rows else None

    # ------------------------------------------------------ documents and meta

    def save_document(self, kind: str, key: str, data: dict[str, Any]) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO documents (kind, key, updated_at, data) VALUES (?, ?, ?, ?)",
                (kind, key, _now(), json.dumps(data, ensure_ascii=False)),
            )

    def get_document(self, kind: str, key: str) -> dict[str, Any] | None:
        rows = self._query("SELECT data FROM documents WHERE kind = ? AND key = ?", (kind, key))
        return json.loads(rows[0]["data"]) if rows else None

    def get_meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


# --------------------------------------------------------------------------
# Helpers


def _check_file(path: Path, create: bool) -> None:
    """A clear error before SQLite's "unable to open": a folder, or (``create`` off) a missing file.

    A mistyped path must not become a new, empty library for commands that only read.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    if not create and not path.exists():
        raise StoreError(f"database {path} does not exist")


def read_meta(path: str | Path, key: str) -> str | None:
    """A ``meta`` value of the database at ``path``, read without creating, migrating or adding WAL files
    beside it; None when ``path`` is not a storyline database or lacks the key (or holds it only in the
    WAL a crashed writer left: the answer errs towards None)."""
    try:
        with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _article(row: sqlite3.Row) -> Article:
    return Article.from_dict(json.loads(row["data"]))


def _filters(
    outlet: str | None = None,
    language: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: str | None = None,
) -> tuple[str, list[Any]]:
    """WHERE clause over ``articles a`` (latest versions) for the common filters; an empty one is no filter
    (an empty form field or ``?language=`` must not select the articles with no language)."""
    clauses, params = ["a.is_latest = 1"], []
    checks: list[tuple[str, Any, Callable[[Any], Any]]] = [
        ("a.outlet = ?", outlet, str),
        ("a.language = ?", language, str),
        ("a.published >= ?", since, _sort_time),
        ("a.published <= ?", until, _sort_time),
        (
            "a.id IN (SELECT article_id FROM article_entities WHERE name = ?)",
            entity,
            lambda e: e.casefold().strip(),
        ),
    ]
    for clause, value, convert in checks:
        if value is not None and str(value).strip():
            clauses.append(clause)
            params.append(convert(value))
    return " AND ".join(clauses), params


def _marked(snippet: str, opening: str, closing: str) -> str:
    """The snippet on one line, with :data:`SNIPPET_OPEN`/:data:`SNIPPET_CLOSE` around the matches only: the
    article's own ⟦ ⟧ become [ ] first, so no text can forge a mark; its paragraph breaks become spaces, as a
    result list shows an excerpt as one line."""
    plain = " ".join(snippet.split()).replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]")
    return plain.replace(opening, SNIPPET_OPEN).replace(closing, SNIPPET_CLOSE)


def _forget_features(conn: sqlite3.Connection, article_id: str) -> None:
    """Drop what was derived from an article that changes (its date, entities or text)."""
    conn.execute("DELETE FROM article_features WHERE article_id = ?", (article_id,))


def _stories_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_STORIES_VERSION,)).fetchone()
    return int(row["value"]) if row else 0


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
