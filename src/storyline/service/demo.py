"""The demo library: a database the demo marks as its own, so a rerun may replace it and nothing else.

``storyline demo --db FILE`` deletes and rebuilds its database on every run;
a user's library, or any other file given by mistake, must survive that.
"""

from __future__ import annotations

from pathlib import Path

from storyline.service.workspace import Workspace
from storyline.store import read_meta

#: The ``meta`` entry that marks a database as the demo's.
MARK = ("library", "demo")


class DemoError(ValueError):
    """The demo may not write where it was asked to."""


def report_path(db: Path) -> Path:
    """Where the demo saves its comparison page: next to the database."""
    return db.with_suffix(".html")


#: The demo's own database name (``make demo``); one written before demos were marked is still replaceable.
DEFAULT_DB = Path("storyline-demo.db")


def is_demo(db: Path) -> bool:
    """Marked by the demo, or a storyline library under the demo's own name from before the mark existed
    (so ``make demo`` keeps working in a checkout that ran it earlier)."""
    if read_meta(db, MARK[0]) == MARK[1]:
        return True
    return db.name == DEFAULT_DB.name and read_meta(db, "schema_version") is not None


def clear(db: Path) -> None:
    """Remove a previous demo database and its report so the demo starts fresh; refuse anything else."""
    report = report_path(db)
    if db.is_dir():
        raise DemoError(f"{db} is a folder; give the demo a database file name")
    if report == db:
        raise DemoError(f"{db}: the demo writes its report to {report}; give the database another suffix (.db)")
    replaceable = is_demo(db)
    if db.exists() and not replaceable:
        raise DemoError(f"{db} exists and is not a demo database; remove it or give the demo another --db")
    if report.exists() and not replaceable:
        raise DemoError(f"{report} exists and the demo would overwrite it; remove it or give the demo another --db")
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), report):
        path.unlink(missing_ok=True)


def mark(ws: Workspace) -> None:
    """Mark the workspace's database as the demo's, so the next run may replace it."""
    ws.store.set_meta(*MARK)
