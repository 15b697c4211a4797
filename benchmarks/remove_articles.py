"""Removing articles from a library: time, and that the stories left agree with a re-clustering.

On a copy of a library, removes every tenth article (in published order) with the service that
``storyline remove`` runs, timing it; then checks that no story names a removed article, that a fresh
process restores the clusterer with exactly the stored assignments, and compares ``storyline recluster``
afterwards with the streamed stories (articles moved, pairwise agreement), beside the same comparison on
the library before the removal (the stream and a re-clustering differ a little by design). No model is
loaded: the vectors are the stored ones. Run:

    .venv/bin/python benchmarks/remove_articles.py --db LIBRARY.db [--every 10]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from itertools import combinations
from pathlib import Path

from storyline.config import Settings
from storyline.model import Story
from storyline.service import removal, stories
from storyline.service.workspace import Workspace


def pairs(found: list[Story]) -> set[tuple[str, str]]:
    """The article pairs sharing a story."""
    return {pair for story in found for pair in combinations(sorted(story.articles), 2)}


def agreement(streamed: list[Story], reclustered: list[Story], changed: set[str]) -> dict[str, float | int]:
    """How far a re-clustering moves the streamed stories: articles moved (and how many of them were in a story
    the removal changed), and pair F1 between the two."""
    mine, theirs = pairs(streamed), pairs(reclustered)
    shared = len(mine & theirs)
    f1 = 2 * shared / (len(mine) + len(theirs)) if mine or theirs else 1.0
    home = {a: s.id for s in reclustered for a in s.articles}
    moved = [a for s in streamed for a in s.articles if home.get(a) != s.id]
    in_changed = sum(1 for s in streamed for a in s.articles if home.get(a) != s.id and s.id in changed)
    return {
        "stories": len(streamed),
        "reclustered": len(reclustered),
        "moved": len(moved),
        "moved_from_changed_stories": in_changed,
        "pair_f1": round(f1, 4),
    }


def recluster_check(path: Path, changed: set[str]) -> dict[str, float | int]:
    with Workspace(Settings(db_path=path)) as ws:
        streamed = ws.store.list_stories()
        return agreement(streamed, stories.recluster(ws), changed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--every", type=int, default=10, help="remove every N-th article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        before, after = Path(folder) / "before.db", Path(folder) / "after.db"
        shutil.copy(args.db, before)
        shutil.copy(args.db, after)
        with Workspace(Settings(db_path=after)) as ws:
            ids = [a.id for a in ws.store.iter_articles()][:: args.every]
            removed_ids = set(ids)
            stories.clusterer_of(ws)  # loaded, as a server holds it: the removal alone is timed
            start, cpu = time.perf_counter(), time.process_time()
            done = removal.remove(ws, removal.plan_removal(ws, ids))
            seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
            left = ws.store.list_stories()
            changed = {c.id for c in done.stories}
        with Workspace(Settings(db_path=after)) as ws:  # a fresh process
            clusterer, _ = stories.clusterer_of(ws)
            stored = {a: s.id for s in ws.store.list_stories() for a in s.articles}
            restored_exact = clusterer.assignment() == stored and len(clusterer.vectors) == len(stored)
        report = {
            "articles": sum(len(s.articles) for s in left) + len(done.articles),
            "removed": len(done.articles),
            "stories_changed": len(done.stories),
            "stories_gone": sum(1 for c in done.stories if c.left == 0),
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "removed_still_in_stories": sum(1 for s in left for a in s.articles if a in removed_ids),
            "restart_restores_assignments": restored_exact,
            "recluster_before_removal": recluster_check(before, changed),
            "recluster_after_removal": recluster_check(after, changed),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
