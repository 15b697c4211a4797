"""Language identification and outlet naming measured on shared gold data.

- Language: SemEval-2022 task 8 training texts (8 languages, gold language per
  text): accuracy of :func:`storyline.ingest.language.detect_language`.
- Outlet: UCI news aggregator head (URL + publisher name per row): share of
  rows whose URL is in the known-outlets table, and of those, agreement with
  the publisher name (fuzzy: token-set ratio >= 80, ignoring "The", "(blog)", ".com"); rows outside the table get the domain.

    .venv/bin/python benchmarks/ingest_metadata.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from storyline.eval.data import default_data_dir
from storyline.ingest.language import detect_language
from storyline.ingest.metadata import KNOWN_OUTLETS, outlet_from_url, registrable_domain


def language_accuracy(path: Path) -> None:
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    samples = [(r[f"text{i}"], r[f"lang{i}"]) for r in rows for i in (1, 2) if r[f"text{i}"].strip()]
    start = time.perf_counter()
    wrong = Counter((gold, got) for text, gold in samples if (got := detect_language(text)) != gold)
    seconds = time.perf_counter() - start
    errors = sum(wrong.values())
    print(f"language: {len(samples)} texts, accuracy {1 - errors / len(samples):.4f}, "
          f"{seconds / len(samples) * 1000:.2f} ms/text; top confusions {wrong.most_common(5)}")


def _name(value: str | None) -> str:
    """Publisher names compared without "The", "(blog)", ".com" or case."""
    text = re.sub(r"\\?\(.*?\\?\)|\.com\b|^the\s+", " ", (value or "").casefold())
    return " ".join(text.split())


def outlet_agreement(path: Path) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    in_table = agree = 0
    for row in rows:
        if registrable_domain(row["URL"]) in KNOWN_OUTLETS:
            in_table += 1
            agree += fuzz.token_set_ratio(_name(outlet_from_url(row["URL"])), _name(row["PUBLISHER"])) >= 80
    named = sum(outlet_from_url(r["URL"]) is not None for r in rows)
    print(f"outlet: {len(rows)} rows, named {named / len(rows):.4f}, in table {in_table}, "
          f"agree with publisher in table {agree / max(1, in_table):.4f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    language_accuracy(args.data / "semeval2022-task8" / "train_pairs_with_text.csv")
    outlet_agreement(args.data / "uci-news-aggregator-head" / "uci-news-aggregator.head.csv")


if __name__ == "__main__":
    main()
