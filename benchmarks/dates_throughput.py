"""Throughput of ``find_times`` in characters and articles per second, on this machine.

English: the TimeBank documents of ../shared/data/tempeval3-tbaq (anchored on
their DCT); French, Spanish and German: the SemEval-2022 Task 8 sample texts
of those languages (anchored on an arbitrary date: speed does not depend on it).
Also times one dense 1.7 MB text to show the cost stays linear in the input.

    .venv/bin/python benchmarks/dates_throughput.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import time
from datetime import datetime
from pathlib import Path

from storyline.enrich.times import find_times
from storyline.eval.dates import read_documents

ANCHOR = datetime(2020, 3, 15)
DENSE = "On Sunday, Dec. 9, the minister said three years ago it would rise next week by 5 p.m. "


def semeval_texts(data: Path, language: str, limit: int = 200) -> list[str]:
    csv.field_size_limit(1 << 27)
    texts: list[str] = []
    with (data / "semeval2022-task8" / "train_pairs_with_text.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            texts += [row[f"text{i}"] for i in (1, 2) if row[f"lang{i}"] == language and len(texts) < limit]
    return texts


def rate(label: str, items: list[tuple[str, datetime | None]], language: str) -> None:
    if not items:
        print(f"{label:14} no texts")
        return
    find_times(items[0][0], items[0][1], language)  # compile the language's rules before timing
    started = time.perf_counter()
    found = sum(len(find_times(text, anchor, language)) for text, anchor in items)
    seconds = time.perf_counter() - started
    chars = sum(len(text) for text, _ in items)
    print(f"{label:14} {len(items):5} texts {chars / seconds:10,.0f} chars/s {len(items) / seconds:8,.1f} texts/s "
          f"{found:6} expressions")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    data = parser.parse_args().data
    rate("en TimeBank", [(d.text, d.anchor) for d in read_documents(data)], "en")
    for language in ("fr", "es", "de"):
        rate(f"{language} SemEval", [(t, ANCHOR) for t in semeval_texts(data, language)], language)
    rate("en dense 1.7MB", [(DENSE * 20000, ANCHOR)], "en")


if __name__ == "__main__":
    main()
