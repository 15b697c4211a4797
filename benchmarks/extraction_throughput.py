"""Throughput and peak memory of storyline's HTML reader.

Extracts N pages (the 1,171 gold pages of ../shared/data, repeated) and
prints pages/s and peak resident memory. With ``--workers 2`` the pages
are shared between two processes (the 2-core target machine).

    .venv/bin/python benchmarks/extraction_throughput.py --pages 10000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from storyline.eval.data import default_data_dir
from storyline.eval.extraction import DATASETS, read_dataset
from storyline.ingest.errors import IngestError
from storyline.ingest.html import extract_html

_PAGES: list[tuple[bytes, str | None]] = []


def _load(data: Path) -> None:
    global _PAGES
    _PAGES = [(page.html, page.url) for name in DATASETS for page in read_dataset(name, data)]


def _extract_range(indices: range) -> tuple[int, int]:
    """Extract pages ``indices`` (modulo the corpus); return (pages done, failures)."""
    failures = 0
    for index in indices:
        html, url = _PAGES[index % len(_PAGES)]
        try:
            extract_html(html, url=url)
        except IngestError:
            failures += 1
    return len(indices), failures


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000, help="pages to extract (the corpus repeats)")
    parser.add_argument("--workers", type=int, default=1, help="processes (the target machine has 2 cores)")
    parser.add_argument("--data", type=Path, default=None, help="shared data dir (default $STORYLINE_SHARED/data)")
    args = parser.parse_args()
    data = args.data or default_data_dir()
    if not data.is_dir():
        sys.exit(f"error: shared data not found at {data}")
    _load(data)
    rss_loaded = _peak_rss_mib()
    chunks = [range(start, min(start + 200, args.pages)) for start in range(0, args.pages, 200)]
    started = time.perf_counter()
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers, initializer=_load, initargs=(data,)) as pool:
            results = list(pool.map(_extract_range, chunks))
    else:
        results = [_extract_range(chunk) for chunk in chunks]
    seconds = time.perf_counter() - started
    done = sum(r[0] for r in results)
    report = {
        "pages": done,
        "corpus_pages": len(_PAGES),
        "failures": sum(r[1] for r in results),
        "workers": args.workers,
        "seconds": round(seconds, 1),
        "pages_per_s": round(done / seconds, 1),
        "peak_rss_mib_corpus_loaded": round(rss_loaded, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
