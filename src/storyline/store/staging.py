"""Articles of one ingest set aside on disk until all are read, then read back in their sort order.

An ingest streams articles into stories in publication order, so it must read every input before it stores the
first article; holding them all in memory made a large pile (a crawl of tens of thousands of pages) cost memory in
proportion to its text. Here they wait in a private temporary SQLite database instead (an empty file name:
SQLite makes the file in its temporary folder and deletes it when the connection closes, also when the process is
killed), sorted by an index on the caller's key, so memory stays at SQLite's page cache whatever the pile's size.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from typing import Self

from storyline.model import Article


class StagedArticles:
    """Articles added with a sort key; :meth:`in_order` gives them back by key, equal keys in the order added."""

    def __init__(self) -> None:
        self._conn = sqlite3.connect("")
        self._conn.execute("PRAGMA journal_mode = OFF")  # thrown away with the run: nothing to roll back to
        self._conn.execute("CREATE TABLE staged (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, article BLOB NOT NULL)")
        self._conn.execute("CREATE INDEX staged_order ON staged (key, seq)")
        self._count = 0

    def add(self, article: Article, key: str) -> None:
        # pickle, not the store's JSON: the file is this process's own, and an article must come back exactly
        # as read (the JSON form drops nothing today, but nothing here should depend on that).
        self._conn.execute(
            "INSERT INTO staged (key, article) VALUES (?, ?)", (key, pickle.dumps(article, pickle.HIGHEST_PROTOCOL))
        )
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def in_order(self) -> Iterator[Article]:
        """Every article added, by key (the index is walked: no sort of the whole table in memory)."""
        for (data,) in self._conn.execute("SELECT article FROM staged ORDER BY key, seq"):
            yield pickle.loads(data)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
