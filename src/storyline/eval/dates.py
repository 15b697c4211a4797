"""Time-expression quality on TempEval-3 TimeML (``tempeval3-tbaq``).

Each ``.tml`` document gives its creation time (the DCT, used as the anchor,
as in TempEval-3) and its gold TIMEX3 spans with type and normalised value.
Scored as TempEval-3 task A: detection precision/recall/F1, *strict* (same
span) and *relaxed* (spans overlap); value and type accuracy over the
relaxed matches. The reader takes the data directory and never writes to it.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from storyline.enrich.times import find_times
from storyline.eval.data import DataMissing
from storyline.model import TimeExpression

DATASET_DIR = "tempeval3-tbaq"

#: A tagger: (text, anchor) -> the time expressions it finds.
Tagger = Callable[[str, "datetime | None"], list[TimeExpression]]

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    value: str
    type: str


@dataclass
class Document:
    """One TimeML document: its plain text, creation time and gold TIMEX3s."""

    name: str
    text: str
    anchor: datetime | None
    timexes: list[GoldTimex] = field(default_factory=list)


@dataclass
class Scores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: dict[str, float] = field(default_factory=dict)
    relaxed: dict[str, float] = field(default_factory=dict)
    value_accuracy: float = 0.0
    type_accuracy: float = 0.0
    seconds: float = 0.0
    chars_per_second: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_timeml(path: Path) -> Document:
    """Plain text of ``<TEXT>`` with gold TIMEX3 offsets into it, and the DCT as anchor."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    anchor = _parse_dct(dct.group(1)) if dct else None
    body = raw.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0] if "<TEXT>" in raw else raw
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(GoldTimex(start, length, text, attrs.get("value", ""), attrs.get("type", "")))
            open_timex = None
    pieces.append(html.unescape(body[position:]))
    return Document(path.stem, "".join(pieces), anchor, timexes)


def _parse_dct(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value[:19])
    except ValueError:
        try:
            return datetime.strptime(value[:10], "%Y-%m-%d")
        except ValueError:
            return None


def read_documents(data_dir: Path, limit: int | None = None) -> list[Document]:
    """Every ``.tml`` under ``data_dir/tempeval3-tbaq`` (sorted), parsed."""
    root = data_dir / DATASET_DIR
    files = sorted(root.rglob("*.tml")) if root.is_dir() else []
    if not files:
        raise DataMissing(f"no TimeML (.tml) files under {root}")
    return [parse_timeml(p) for p in files[:limit]]


def storyline_tagger(text: str, anchor: datetime | None) -> list[TimeExpression]:
    return find_times(text, anchor, "en")


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _pairs(gold: list[GoldTimex], predicted: list[TimeExpression]) -> Iterator[tuple[GoldTimex, TimeExpression]]:
    """Each gold TIMEX with the first prediction overlapping it (one prediction pairs once)."""
    used: set[int] = set()
    for g in gold:
        for index, p in enumerate(predicted):
            if index not in used and p.start < g.end and g.start < p.end:
                used.add(index)
                yield g, p
                break


def _errors(
    doc: Document, predicted: list[TimeExpression], pairs: list[tuple[GoldTimex, TimeExpression]]
) -> list[dict[str, str]]:
    """Wrong values, missed gold TIMEX3s and spurious predictions of one document."""

    def row(kind: str, gold: GoldTimex | None, found: TimeExpression | None) -> dict[str, str]:
        return {
            "doc": doc.name,
            "kind": kind,
            "gold": f"{gold.text!r} {gold.value}" if gold else "",
            "predicted": f"{found.text!r} {found.value}" if found else "",
            "anchor": str(doc.anchor),
        }

    paired_gold = {id(g) for g, _ in pairs}
    paired_found = {id(p) for _, p in pairs}
    return [
        *(row("value", g, p) for g, p in pairs if p.value != g.value),
        *(row("missed", g, None) for g in doc.timexes if id(g) not in paired_gold),
        *(row("spurious", None, p) for p in predicted if id(p) not in paired_found),
    ]


def evaluate(documents: list[Document], tagger: Tagger = storyline_tagger, max_errors: int = 0) -> Scores:
    """Tag every document (timed) and score it against its gold TIMEX3s; keep up to ``max_errors`` errors."""
    scores = Scores(documents=len(documents))
    strict = relaxed = value_ok = type_ok = 0
    chars = 0
    started = time.perf_counter()
    predictions = []
    for doc in documents:
        predictions.append(tagger(doc.text, doc.anchor))
        chars += len(doc.text)
    scores.seconds = round(time.perf_counter() - started, 3)
    scores.chars_per_second = round(chars / scores.seconds) if scores.seconds else 0.0
    for doc, predicted in zip(documents, predictions, strict=True):
        scores.gold += len(doc.timexes)
        scores.predicted += len(predicted)
        spans = {(p.start, p.end) for p in predicted}
        strict += sum((g.start, g.end) in spans for g in doc.timexes)
        pairs = list(_pairs(doc.timexes, predicted))
        relaxed += len(pairs)
        value_ok += sum(p.value == g.value for g, p in pairs)
        type_ok += sum(p.type == g.type for g, p in pairs)
        if len(scores.errors) < max_errors:
            scores.errors.extend(_errors(doc, predicted, pairs))
    del scores.errors[max_errors:]
    scores.strict = _prf(strict, scores.predicted, scores.gold)
    scores.relaxed = _prf(relaxed, scores.predicted, scores.gold)
    scores.value_accuracy = round(value_ok / relaxed, 4) if relaxed else 0.0
    scores.type_accuracy = round(type_ok / relaxed, 4) if relaxed else 0.0
    return scores
