"""Ingest throughput: articles/s and peak memory for N HTML pages built from the shared pages.

The 181 real pages of ../shared/data/article-extraction-benchmark/html are
copied round-robin into N files, each made unique (a copy number in its
<title> and every paragraph, its canonical URL hidden) so the store sees N
distinct articles rather than versions or duplicates of 181.

Two measurements, each in a fresh process (peak memory is per process):

- ``store``: read + extract + store (``library.read_inputs``, which reads
  files in one process per core, then ``add_articles`` in batches of
  ``settings.batch_size``) - the ingest path without the models;
- ``full``: ``storyline.service.library.ingest`` end to end (read, extract,
  store, enrich, assign to stories), on the first ``--full-pages`` pages;
- ``synthetic``: the store alone - ``--pages`` generated articles (about the
  size of a news article) added in batches, then the same searches.

    .venv/bin/python benchmarks/ingest_throughput.py [--pages 10000] [--full-pages 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "data" / "article-extraction-benchmark" / "html"
CACHE = Path("/tmp/storyline-cache/C")

_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>", re.IGNORECASE)
_TITLE = re.compile(r"<title(\s[^>]*)?>", re.IGNORECASE)
MODES = ["synthetic", "store", "full"]
_PAGE_URL = re.compile(r"canonical|og:url", re.IGNORECASE)


def build_pages(count: int) -> Path:
    """``count`` unique HTML files under the cache (reused when already there)."""
    folder = CACHE / f"pages-v2-{count}"
    if folder.is_dir() and len(list(folder.iterdir())) == count:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    originals = [gzip.open(p).read().decode("utf-8", "replace") for p in sorted(SOURCE.glob("*.html.gz"))]
    for number in range(count):
        page = originals[number % len(originals)]
        page = _TITLE.sub(lambda m: f"{m.group(0)}Copy {number}: ", page, count=1)
        page = _PARAGRAPH.sub(lambda m: f"{m.group(0)}Copy {number}. ", page)
        page = _PAGE_URL.sub("hidden-url", page)  # same URL would make copies versions of one article
        (folder / f"page-{number:05d}.html").write_text(page, encoding="utf-8")
    return folder


def peak_rss_mib() -> float:
    """Peak resident memory of this process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database_mib(db: Path) -> float:
    """The database file plus its write-ahead log (not yet checkpointed into it)."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists()) / 2**20


def measure_store(folder: Path, db: Path) -> dict[str, object]:
    """Read + extract + store, timed apart."""
    from storyline.config import Settings, cpu_threads
    from storyline.service.library import read_inputs
    from storyline.store import open_store

    settings = Settings(db_path=db)
    store = open_store(db)
    started = time.perf_counter()
    articles, failed = [], 0
    for outcome in read_inputs([folder], max_file_bytes=settings.max_file_bytes, workers=cpu_threads()):
        if outcome.article is None:
            failed += 1
        else:
            articles.append(outcome.article)
        done = len(articles) + failed
        if done % 500 == 0:  # partial figures, in case a slow shared machine cuts the run short
            elapsed = time.perf_counter() - started
            print(f"read {done} pages in {elapsed:.0f} s ({done / elapsed:.1f}/s)", file=sys.stderr, flush=True)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for start in range(0, len(articles), settings.batch_size):
        for result in store.add_articles(articles[start : start + settings.batch_size]):
            statuses[result.status] = statuses.get(result.status, 0) + 1
    store_s = time.perf_counter() - started
    search_ms = time_searches(store)
    store.close()
    total = read_s + store_s
    return {
        "mode": "store",
        "pages": len(list(folder.iterdir())),
        "read_workers": cpu_threads(),
        "articles": len(articles),
        "failed": failed,
        "statuses": statuses,
        "read_extract_s": round(read_s, 1),
        "store_s": round(store_s, 2),
        "store_articles_per_s": round(len(articles) / store_s, 1) if store_s else None,
        "articles_per_s": round(len(articles) / total, 1) if total else None,
        "searches": search_ms,
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "db_mib": round(database_mib(db), 1),
    }


SEARCHES = ["government", "police said", "market share", "climate change", "the", "president election", "copy 42"]


def time_searches(store) -> dict[str, list[float]]:  # noqa: ANN001 - a Store
    """Each query: [total hits, milliseconds for the total plus the first page of 20 hits]."""
    timings = {}
    for query in SEARCHES:
        started = time.perf_counter()
        total, _ = store.search(query, limit=20)
        timings[query] = [total, round((time.perf_counter() - started) * 1000, 1)]
    return timings


def measure_synthetic(count: int, db: Path) -> dict[str, object]:
    """The store alone: generated articles, no reading or extraction."""
    from storyline.config import Settings
    from storyline.model import Article
    from storyline.store import open_store

    words = "government police said market share climate change president election harbour".split()
    batch_size = Settings().batch_size
    store = open_store(db)
    started = time.perf_counter()
    for start in range(0, count, batch_size):
        store.add_articles(
            Article(
                id=f"s{i}",
                title=f"Copy {i}: {words[i % len(words)]} news",
                paragraphs=[" ".join(words[(i + j) % len(words)] for j in range(60)) + f" copy {i}."] * 8,
            )
            for i in range(start, min(count, start + batch_size))
        )
    store_s = time.perf_counter() - started
    search_ms = time_searches(store)
    store.close()
    return {
        "mode": "synthetic",
        "articles": count,
        "store_s": round(store_s, 2),
        "store_articles_per_s": round(count / store_s, 1),
        "searches": search_ms,
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "db_mib": round(database_mib(db), 1),
    }


def measure_full(folder: Path, db: Path, pages: int) -> dict[str, object]:
    """``library.ingest`` end to end on the first ``pages`` files."""
    from storyline.config import Settings
    from storyline.service import library
    from storyline.service.workspace import Workspace

    paths = sorted(folder.iterdir())[:pages]
    with Workspace(Settings(db_path=db)) as ws:
        started = time.perf_counter()
        report = library.ingest(ws, paths)
        elapsed = time.perf_counter() - started
        stories = len(ws.store.list_stories())
    stored = report.new + report.new_version
    return {
        "mode": "full",
        "pages": len(paths),
        "new": report.new,
        "duplicate": report.duplicate,
        "failed": report.failed,
        "stories": stories,
        "seconds": round(elapsed, 1),
        "articles_per_s": round(stored / elapsed, 2) if elapsed else None,
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def fresh_db(mode: str, pages: int) -> Path:
    """An empty database for one run (named by mode and size, so concurrent runs never share one)."""
    db = CACHE / f"bench-{mode}-{pages}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def run_child(mode: str, args: argparse.Namespace) -> dict[str, object]:
    """One measurement in its own process, so each peak-memory figure is its own."""
    command = [sys.executable, __file__, "--child", mode, "--pages", str(args.pages), "--full-pages", str(args.full_pages)]
    output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--full-pages", type=int, default=100)
    parser.add_argument("--only", choices=MODES)
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "synthetic":
        print(json.dumps(measure_synthetic(args.pages, fresh_db("synthetic", args.pages))))
        return
    folder = build_pages(args.pages)
    if args.child:
        db = fresh_db(args.child, args.pages)
        result = measure_store(folder, db) if args.child == "store" else measure_full(folder, db, args.full_pages)
        print(json.dumps(result))
        return
    for mode in [args.only] if args.only else MODES:
        print(json.dumps(run_child(mode, args)), flush=True)


if __name__ == "__main__":
    main()
