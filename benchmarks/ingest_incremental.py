"""Incremental ingest into a large library: what loading its story clusterer costs, and the saved state.

Every CLI ingest (and a server's first story write) loads the clusterer: its state document and the
indexes restored from each assigned article's vector and signature. This times that load on a copy of
a library, first as a library stored before signatures were saved (they are rebuilt from the texts
and saved), then again (read back), and reports the state document's size as saved now. No model is
loaded: the vectors are the stored ones. Run:

    .venv/bin/python benchmarks/ingest_incremental.py --db LIBRARY.db

The end-to-end figure (add 5 articles with ``storyline ingest``) is in docs/benchmarks/ingest-store.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from storyline.config import Settings
from storyline.service import stories
from storyline.service.workspace import Workspace


def load_seconds(path: Path) -> tuple[float, int]:
    """CPU seconds to load the clusterer in a fresh workspace, and how many articles it indexed."""
    with Workspace(Settings(db_path=path)) as ws:
        start = time.process_time()
        clusterer, _ = stories.clusterer_of(ws)
        return time.process_time() - start, len(clusterer.vectors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True, help="a library with stories (copied, never changed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lib.db"
        shutil.copy(args.db, path)
        with Workspace(Settings(db_path=path)) as ws:  # opening migrates; then forget any saved signatures
            ws.store.stories_version()
        with sqlite3.connect(path) as conn:
            before = len(conn.execute("SELECT data FROM documents WHERE kind = 'story-index'").fetchone()[0])
            conn.execute("DELETE FROM article_features")
        rebuilt, articles = load_seconds(path)
        saved, _ = load_seconds(path)
        with Workspace(Settings(db_path=path)) as ws:
            state = stories.clusterer_of(ws)[0].to_state()
    result = {
        "articles": articles,
        "load_rebuilding_signatures_cpu_s": round(rebuilt, 2),
        "load_reading_saved_signatures_cpu_s": round(saved, 2),
        "state_document_mb_as_found": round(before / 1e6, 2),
        "state_document_mb_saved_now": round(len(json.dumps(state, ensure_ascii=False)) / 1e6, 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
