"""Main-text extraction quality on two public gold sets.

* ``aeb``: the Zyte article-extraction-benchmark (181 pages, gold
  ``articleBody``). Scored as its ``evaluate.py`` defines: per page, token
  4-gram shingles of gold and prediction give tp/fp/fn normalised to sum 1;
  precision and recall are averaged over pages and F1 is taken of the means.
* ``trafilatura``: trafilatura's multilingual eval set (990 pages, segments
  that must / must not appear). Scored as trafilatura's ``eval_common``:
  whitespace-normalised substring tests, micro-averaged over all segments.

Both readers take the data directory (``../shared/data``) and never write to it.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from storyline.eval.data import DataMissing
from storyline.ingest.html import extract_html, parse_html
from storyline.ingest.html_profile import build_profiles

AEB_DIR = "article-extraction-benchmark"
TRAFILATURA_DIR = "trafilatura-eval"
DATASETS = ("aeb", "trafilatura")

#: An extractor turns raw HTML bytes (and the page URL) into body text.
Extractor = Callable[[bytes, "str | None"], str]


@dataclass
class Page:
    """One gold page: its HTML and what a perfect extractor returns about it."""

    key: str
    html: bytes
    url: str | None
    gold_body: str = ""  # aeb
    must_include: list[str] = field(default_factory=list)  # trafilatura
    must_exclude: list[str] = field(default_factory=list)


@dataclass
class Scores:
    """Quality and speed of one extractor on one dataset."""

    dataset: str
    system: str
    pages: int
    precision: float
    recall: float
    f1: float
    pages_per_s: float
    failures: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------
# Readers


def _require(path: Path) -> Path:
    if not path.exists():
        raise DataMissing(f"gold data not found: {path}")
    return path


def read_aeb(data_dir: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages of the article-extraction-benchmark, in a stable (sorted) order."""
    root = _require(data_dir / AEB_DIR)
    gold = json.loads(_require(root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold)[:limit]:
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        yield Page(key, html, gold[key].get("url"), gold_body=gold[key].get("articleBody") or "")


def read_trafilatura_eval(data_dir: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages of trafilatura's eval set that have their HTML file here."""
    root = _require(data_dir / TRAFILATURA_DIR)
    items = json.loads(_require(root / "evaldata.json").read_text(encoding="utf-8"))
    count = 0
    for url, item in items.items():
        if limit is not None and count >= limit:
            return
        path = next(
            (p for sub in ("cache", "eval") if (p := root / sub / f"{item['file']}.gz").is_file()),
            None,
        )
        if path is None:
            continue
        count += 1
        yield Page(
            url,
            gzip.decompress(path.read_bytes()),
            url if url.startswith("http") else None,
            must_include=list(item["with"]),
            must_exclude=list(item["without"]),
        )


def read_dataset(name: str, data_dir: Path, limit: int | None = None) -> list[Page]:
    readers = {"aeb": read_aeb, "trafilatura": read_trafilatura_eval}
    return list(readers[name](data_dir, limit))


# --------------------------------------------------------------------------
# Metrics

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over 4-gram token shingles, normalised to sum to 1 per page."""
    true, pred = _shingles(gold), _shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aeb_scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1): page-averaged precision and recall, F1 of the two."""
    precisions = [_page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_page_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def segment_counts(page: Page, predicted: str) -> tuple[int, int, int]:
    """(tp, fp, fn): must-include segments found, must-exclude found, must-include missed."""
    text = _norm(predicted)
    tp = sum(1 for seg in page.must_include if _norm(seg) in text)
    fp = sum(1 for seg in page.must_exclude if _norm(seg) in text)
    return tp, fp, len(page.must_include) - tp


def segment_scores(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """(precision, recall, F1) micro-averaged over all segments."""
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return precision, recall, f1


# --------------------------------------------------------------------------
# Extractors


def storyline_extractor(html: bytes, url: str | None) -> str:
    """Body text as storyline's HTML reader gives it."""
    return extract_html(html, url=url).text


def trafilatura_extractor(html: bytes, url: str | None) -> str:
    """trafilatura alone, as the benchmarks run it (the baseline)."""
    return trafilatura.extract(html, url=url, include_comments=False) or ""


EXTRACTORS: dict[str, Extractor] = {
    "storyline": storyline_extractor,
    "trafilatura": trafilatura_extractor,
}


def run_extractor(extractor: Extractor, pages: list[Page]) -> tuple[list[str], int, float]:
    """Outputs (empty on failure), the failure count, and seconds spent."""
    outputs: list[str] = []
    failures = 0
    start = time.perf_counter()
    for page in pages:
        try:
            outputs.append(extractor(page.html, page.url))
        except Exception:  # noqa: BLE001 - a crash scores as an empty output, as the benchmarks' own harnesses do
            outputs.append("")
            failures += 1
    return outputs, failures, time.perf_counter() - start


def profiled_extractor(pages: list[Page]) -> Extractor:
    """storyline's reader with site profiles learnt from the pages' own HTML (no gold)."""
    profiles = build_profiles((page.url, parse_html(page.html)) for page in pages)
    return lambda html, url: extract_html(html, url=url, boilerplate=profiles.boilerplate(url)).text


def evaluate(dataset: str, system: str, pages: list[Page]) -> Scores:
    """Run ``system`` (a name in EXTRACTORS, or "storyline+profiles") on ``pages`` and score it."""
    start = time.perf_counter()
    extractor = profiled_extractor(pages) if system == "storyline+profiles" else EXTRACTORS[system]
    outputs, failures, _ = run_extractor(extractor, pages)
    seconds = time.perf_counter() - start
    if dataset == "aeb":
        p, r, f = aeb_scores([shingle_counts(pg.gold_body, out) for pg, out in zip(pages, outputs)])
    else:
        p, r, f = segment_scores([segment_counts(pg, out) for pg, out in zip(pages, outputs)])
    rate = len(pages) / seconds if seconds else 0.0
    return Scores(dataset, system, len(pages), p, r, f, rate, failures)
