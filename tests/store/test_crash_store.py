"""A writer killed with SIGKILL mid-ingest leaves a consistent database that a rerun completes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from storyline.store import open_store

BATCH = 50
TOTAL = 4_000

WRITER = textwrap.dedent(
    f"""
    import sys
    import time
    from storyline.model import Article
    from storyline.store import open_store

    store = open_store(sys.argv[1])
    for start in range(0, {TOTAL}, {BATCH}):
        store.add_articles(
            Article(id=f"a{{i}}", title=f"Title {{i}}", paragraphs=[f"Body of article {{i}} " * 20])
            for i in range(start, start + {BATCH})
        )
        time.sleep(0.01)  # long enough a run that the test can kill it midway
    """
)


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_sigkill_mid_ingest_is_consistent_and_rerun_completes(tmp_path):
    path = tmp_path / "crash.db"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            if rows(path, "SELECT count(*) FROM articles") >= 2 * BATCH:
                break
        except sqlite3.OperationalError:  # schema not created yet
            continue
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL

    stored = rows(path, "SELECT count(*) FROM articles")
    assert 0 < stored < TOTAL, "the writer must be killed mid-ingest"
    assert stored % BATCH == 0  # whole transactions only
    assert rows(path, "PRAGMA integrity_check") == "ok"
    assert rows(path, "SELECT count(*) FROM article_fts") == stored

    rerun = subprocess.run([sys.executable, "-c", WRITER, str(path)], timeout=300)
    assert rerun.returncode == 0
    store = open_store(path)
    assert store.count_articles() == TOTAL
    assert store.search("article")[0] == TOTAL
    store.close()
