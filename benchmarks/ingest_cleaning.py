"""How much page residue the text cleaner removes, and how much article text it wrongly removes.

PolNeAR's clean news texts with their metadata (title, wire agency): title and
agency found, and how many lines are stripped from text that has little residue.
Line rules alone on the trafilatura evaluation segments ("without" =
boilerplate that must go, "with" = text that must stay). Then on the article-extraction-benchmark (../shared/data): each page's
gold ``articleBody`` and the whole-page text dumps that simple extractors
(html-text, inscriptis, html2text) produced for the same pages. Token-level
precision/recall/F1 (multiset of lowercased word tokens) against the gold body,
before and after :func:`storyline.ingest.text.parse_text`.

    .venv/bin/python benchmarks/ingest_cleaning.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections import Counter
from pathlib import Path

from storyline.eval.data import default_data_dir
from storyline.ingest import read_text
from storyline.ingest.clean import fold, residue_reason
from storyline.ingest.errors import IngestError
from storyline.ingest.text import parse_text

_WORD = re.compile(r"\w+", re.UNICODE)
DUMPS = ("html-text", "inscriptis", "html2text")


def tokens(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def prf(predicted: Counter[str], gold: Counter[str]) -> tuple[float, float, float]:
    overlap = sum((predicted & gold).values())
    p = overlap / max(1, sum(predicted.values()))
    r = overlap / max(1, sum(gold.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cleaned(text: str) -> str:
    try:
        article = parse_text(text, source="bench")
    except IngestError:
        return ""
    return f"{article.title}\n{article.text}"


def mean(values: list[float]) -> float:
    return sum(values) / max(1, len(values))


def line_rules(root: Path) -> None:
    """trafilatura-eval segments: boilerplate ("without") flagged vs body ("with") wrongly flagged."""
    data = json.loads((root / "evaldata.json").read_text())
    segments = {kind: [s.strip() for doc in data.values() for s in doc.get(kind, []) if s.strip()] for kind in ("with", "without")}
    flagged = {kind: sum(residue_reason(s) is not None for s in items) for kind, items in segments.items()}
    for kind, items in segments.items():
        print(f"trafilatura-eval {kind:7s} segments: {len(items)}, flagged as residue {flagged[kind]} "
              f"({flagged[kind] / len(items):.4f})")


def polnear(root: Path) -> None:
    """PolNeAR train texts (clean news text + metadata): title, agency, and what gets stripped."""
    meta = {r["filename"]: r for r in csv.DictReader((root / "metadata.tsv").open(encoding="utf-8"), delimiter="\t")}
    titles = wires = wires_found = lines = 0
    reasons: Counter[str] = Counter()
    paths = sorted((root / "train" / "text").glob("*.txt"))
    for path in paths:
        row = meta[path.stem]
        article = read_text(path.read_text(encoding="utf-8"), source=str(path))
        titles += fold(row["title"]).startswith(fold(article.title))
        wire = row["wire"] if row["wire"] not in ("None", "NA") else None
        wires += wire is not None
        wires_found += wire is not None and (article.agency or "").casefold() == wire.casefold()
        lines += sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        reasons.update(s.reason for s in article.stripped)
    print(f"polnear: {len(paths)} texts, title right {titles / len(paths):.4f}, wire agency found "
          f"{wires_found}/{wires}, lines stripped {sum(reasons.values())}/{lines} {dict(reasons.most_common())}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=default_data_dir())
    args = parser.parse_args()
    root = args.data / "article-extraction-benchmark"
    line_rules(args.data / "trafilatura-eval")
    polnear(args.data / "polnear" / "data")
    gold = {k: v["articleBody"] for k, v in json.loads((root / "ground-truth.json").read_text()).items()}

    start = time.perf_counter()
    kept = [prf(tokens(cleaned(body)), tokens(body))[1] for body in gold.values()]
    seconds = time.perf_counter() - start
    print(f"gold bodies: {len(gold)}; token recall after cleaning {mean(kept):.4f} "
          f"(pages losing >2%: {sum(r < 0.98 for r in kept)}); {seconds / len(gold) * 1000:.1f} ms/page")
    for name in DUMPS:
        data = json.loads((root / "output" / f"{name}.json").read_text())
        outputs = data.get("output", data)
        before, after = [], []
        for key, body in gold.items():
            dump = (outputs.get(key) or {}).get("articleBody") or ""
            before.append(prf(tokens(dump), tokens(body)))
            after.append(prf(tokens(cleaned(dump)), tokens(body)))
        for label, rows in (("raw", before), ("cleaned", after)):
            p, r, f = (mean([row[i] for row in rows]) for i in range(3))
            print(f"{name:10s} {label:8s} P {p:.4f} R {r:.4f} F1 {f:.4f}")


if __name__ == "__main__":
    main()
