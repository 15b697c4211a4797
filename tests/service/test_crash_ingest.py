"""`ingest` killed with SIGKILL midway: the database stays consistent and a rerun completes it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from storyline.config import Settings
from storyline.service import library
from storyline.service.workspace import Workspace

INGEST = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from storyline.config import Settings
    from storyline.service import library
    from storyline.service.workspace import Workspace

    with Workspace(Settings(db_path=Path(sys.argv[1]), batch_size=2)) as ws:
        library.ingest(ws, [sys.argv[2]])
    """
)
TOPICS = ["harbour", "election", "wildfire", "orchestra", "satellite", "vaccine", "bridge", "museum"]


def count(db) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def test_killed_ingest_is_completed_by_a_rerun(tmp_path, enricher):
    records = tmp_path / "records.jsonl"
    lines = [
        {"id": f"n{i}", "title": f"News about the {topic}", "language": "en",
         "text": f"Officials in Oslo spoke about the {topic} on Monday. The {topic} plan was approved."}
        for i, topic in enumerate(TOPICS)
    ]  # fmt: skip
    records.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / "lib.db"
    first = subprocess.Popen([sys.executable, "-c", INGEST, str(db), str(records)])
    deadline = time.monotonic() + 120
    while count(db) < 2 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored = count(db)
    assert 0 < stored < len(lines) and stored % 2 == 0  # killed midway, whole batches only

    with Workspace(Settings(db_path=db, batch_size=2)) as ws:  # the rerun, with the loaded models
        ws.resource("enricher", lambda: enricher)
        report = library.ingest(ws, [records])
        assert (report.new, report.duplicate, report.resumed) == (len(lines) - stored, stored, stored)
        store = ws.store
        assert store.count_articles() == len(lines)
        assert store.unprocessed_articles() == []
        assert all(store.story_of(a.id) is not None and a.entities for a in store.list_articles())
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
