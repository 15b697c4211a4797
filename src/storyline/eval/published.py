"""Publication dates of HTML pages on htmldate's evaluation set (``htmldate-eval``).

1,000 pages with a gold publication day in two gold files: ``default`` (the
BBAW collection, 800 pages, mostly German) and ``mediacloud`` (Media Cloud
2020, 200 news pages worldwide). Scored as htmldate's own comparison scores:
a page is right when the day found is the gold day, and accuracy counts every
page, dated or not. Each wrong page is told by kind: no date, off by a day
(a timezone's or a late edition's day), wrong year, another day of the
right year, or a date for one of the 5 pages whose gold has none (such a page
is right undated, as htmldate's comparison counts it). A page ingest refuses
as no article is dated all the same by the reader's date search
(:func:`~storyline.ingest.html.find_published`), as htmldate dates every page,
and counted apart (``refused``, ``refused_right``): ``ingest_accuracy`` is the
day accuracy of ingest itself, a refused page undated. The reader takes the
data directory and never writes to it.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from htmldate import find_date

from storyline.eval.data import DataMissing
from storyline.ingest import finalize
from storyline.ingest.errors import IngestError
from storyline.ingest.html import extract_html, find_published, parse_html

DATASET_DIR = "htmldate-eval"
#: Gold file of each part of the set.
GOLD_FILES = {"default": "eval_default.json", "mediacloud": "eval_mediacloud_2020.json"}
#: Where a page's gzipped HTML may lie, in this order.
_PAGE_FOLDERS = ("eval", "test_set", "cache")
ERROR_KINDS = ("no date", "off by a day", "wrong year", "wrong day", "gold has none")


@dataclass(frozen=True)
class Dated:
    """The publication day a dater finds on a page (or None), and whether ingest refuses the page as no article."""

    day: date | None
    refused: bool = False


#: A dater: (HTML bytes, page URL) -> the day it finds.
Dater = Callable[[bytes, str], Dated]


@dataclass
class Page:
    """One gold page: its URL, HTML and publication day."""

    dataset: str
    url: str
    html: bytes
    gold: date | None


@dataclass
class Mistake:
    dataset: str
    url: str
    gold: str
    found: str
    kind: str
    refused: bool = False


@dataclass
class Scores:
    """Day accuracy, coverage and errors by kind of one dater on one part of the set (or ``all``)."""

    dataset: str
    system: str
    pages: int = 0
    dated: int = 0
    right: int = 0
    refused: int = 0
    refused_right: int = 0
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ERROR_KINDS, 0))
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return round(self.right / self.pages, 4) if self.pages else 0.0

    @property
    def ingest_accuracy(self) -> float:
        """Day accuracy of ingest itself: a page it refuses has no day."""
        return round((self.right - self.refused_right) / self.pages, 4) if self.pages else 0.0

    @property
    def coverage(self) -> float:
        return round(self.dated / self.pages, 4) if self.pages else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "accuracy": self.accuracy,
            "ingest_accuracy": self.ingest_accuracy,
            "coverage": self.coverage,
        }


def read_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    """The gold pages of both gold files (the first ``limit`` of each), in file order."""
    root = data_dir / DATASET_DIR
    if not root.is_dir():
        raise DataMissing(f"gold data not found: {root}")
    pages: list[Page] = []
    for dataset, name in GOLD_FILES.items():
        gold_file = root / name
        if not gold_file.is_file():
            raise DataMissing(f"gold data not found: {gold_file}")
        items = list(json.loads(gold_file.read_text(encoding="utf-8")).items())
        for url, item in items[:limit]:
            path = next((p for folder in _PAGE_FOLDERS if (p := root / folder / f"{item['file']}.gz").is_file()), None)
            if path is None:
                raise DataMissing(f"HTML of {url} not found: {item['file']}.gz under {root}")
            gold = date.fromisoformat(item["date"]) if isinstance(item["date"], str) else None  # NaN: no gold date
            pages.append(Page(dataset, url, gzip.decompress(path.read_bytes()), gold))
    return pages


def storyline_dater(html: bytes, url: str) -> Dated:
    """The day storyline's ingest gives the page (HTML reader, then the finishing rules); a page it refuses as no
    article is dated by the reader's date search alone, the day it would have had."""
    try:
        published = finalize(extract_html(html, url=url)).published
    except IngestError:
        return Dated(_searched_day(html, url), refused=True)
    return Dated(published.date() if published else None)


def _searched_day(html: bytes, url: str) -> date | None:
    """The day the HTML reader's date search finds on a page, None on a page it cannot parse."""
    try:
        published = find_published(parse_html(html), url)
    except IngestError:
        return None
    return published.date() if published else None


def htmldate_dater(html: bytes, url: str) -> Dated:
    """htmldate alone, with the options of its own comparison: extensive search, original date, the HTML only."""
    found = find_date(html, original_date=True, extensive_search=True)
    return Dated(date.fromisoformat(found) if found else None)


DATERS: dict[str, Dater] = {"storyline": storyline_dater, "htmldate": htmldate_dater}


def error_kind(gold: date | None, found: date | None) -> str | None:
    """Which kind of error ``found`` is for the ``gold`` day; None when it is right."""
    if found == gold:
        return None
    if found is None:
        return "no date"
    if gold is None:
        return "gold has none"
    if abs((found - gold).days) == 1:
        return "off by a day"
    return "wrong year" if found.year != gold.year else "wrong day"


def evaluate(pages: list[Page], system: str) -> tuple[list[Scores], list[Mistake]]:
    """Date every page with ``system`` (a name in DATERS): scores per gold file and ``all``, and each wrong page."""
    dater = DATERS[system]
    parts = {name: Scores(name, system) for name in (*dict.fromkeys(p.dataset for p in pages), "all")}
    mistakes: list[Mistake] = []
    for page in pages:
        started = time.perf_counter()
        dated = dater(page.html, page.url)
        seconds = time.perf_counter() - started
        found = dated.day
        kind = error_kind(page.gold, found)
        for scores in (parts[page.dataset], parts["all"]):
            scores.pages += 1
            scores.dated += found is not None
            scores.right += kind is None
            scores.refused += dated.refused
            scores.refused_right += dated.refused and kind is None
            scores.seconds += seconds
            if kind:
                scores.errors[kind] += 1
        if kind:
            mistakes.append(
                Mistake(page.dataset, page.url, str(page.gold or ""), str(found or ""), kind, dated.refused)
            )
    for scores in parts.values():
        scores.seconds = round(scores.seconds, 2)
    return list(parts.values()), mistakes
