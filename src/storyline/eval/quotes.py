"""Quote and speaker extraction on PolNeAR (political news attribution relations).

PolNeAR annotates each attribution in brat standoff as Source / Cue /
Content spans (direct and indirect speech, and beliefs). Scoring:

- content spans: precision / recall / F1 with one-to-one greedy matching,
  at overlap >= 0.3 (shared characters over the longer span) and exact
  (same span once edge whitespace and punctuation are trimmed);
- recall on the speech subset (and on the rest, ``stance_recall``): gold whose content holds quotation marks or
  whose cue is a reporting verb, "according to" or a colon (PolNeAR also
  annotates beliefs, intentions and stances - "wants", "supported" - which
  storyline reports as quotes of kind "stance", counted in ``by_kind``);
- speaker accuracy over matched contents whose gold has a source: the
  predicted source span overlaps the gold one, or the gold source's head
  word (its last word) appears in the resolved speaker name.

Articles annotated by several annotators are scored against the first
annotation (sorted by file name). Reads ``<data>/polnear/data/<split>`` only.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from storyline.enrich.cues import ACCORDING_TO, REPORTING_VERBS
from storyline.enrich.languages import get_language_model
from storyline.enrich.pipeline import EnrichConfig, Enricher
from storyline.eval.data import DataMissing
from storyline.model import Article, Quote

POLNEAR_DIR = "polnear/data"
OVERLAP = 0.3
_EDGE = " \t\n.,;:!?"


@dataclass
class GoldAttribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_text: str = ""
    cue_text: str = ""
    cue: tuple[int, int] | None = None


@dataclass
class GoldArticle:
    key: str
    text: str
    attributions: list[GoldAttribution]


@dataclass
class QuoteScores:
    """Content-span quality at two strictnesses and speaker accuracy."""

    split: str
    articles: int
    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float
    exact_precision: float
    exact_recall: float
    exact_f1: float
    speaker_accuracy: float
    speech_gold: int
    speech_recall: float
    articles_per_s: float
    by_kind: dict[str, int] = field(default_factory=dict)
    #: Recall on the rest of the gold: beliefs, intentions and stances ("wants", "supported").
    stance_recall: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------
# Reading brat standoff


def read_polnear(data_dir: Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldArticle]:
    """Gold articles of one split, in file-name order."""
    root = data_dir / POLNEAR_DIR / split
    if not (root / "text").is_dir():
        raise DataMissing(f"PolNeAR split not found: {root}")
    annotations = sorted((root / "attributions").glob("*.ann"))
    by_text: dict[str, Path] = {}
    for ann in annotations:
        by_text.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for key in sorted(by_text)[:limit]:
        text_path = root / "text" / f"{key}.txt"
        if text_path.exists():
            text = text_path.read_text(encoding="utf-8")
            yield GoldArticle(key, text, parse_brat(by_text[key].read_text(encoding="utf-8"), text))


def parse_brat(ann: str, text: str) -> list[GoldAttribution]:
    """Attribution events (``E`` lines) with their content and source spans."""
    spans: dict[str, tuple[int, int]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = [int(x) for x in re.findall(r"\d+", parts[1].split(" ", 1)[1])]
            spans[parts[0]] = (min(offsets), max(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        cue = spans.get(event.get("Cue", ""))
        gold.append(
            GoldAttribution(
                content,
                source,
                text[source[0] : source[1]] if source else "",
                text[cue[0] : cue[1]] if cue else "",
                cue,
            )
        )
    return gold


# --------------------------------------------------------------------------
# Scoring


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the longer of the two spans."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0], 1)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def match(predicted: list[tuple[int, int]], gold: list[tuple[int, int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best overlaps first."""
    pairs = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if overlap(p, g) >= threshold),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def speaker_correct(quote: Quote, gold: GoldAttribution) -> bool:
    """The predicted source overlaps the gold source, or the gold source's head word names the speaker."""
    if gold.source is None:
        return False
    if quote.speaker_start is not None and quote.speaker_end is not None:
        if overlap((quote.speaker_start, quote.speaker_end), gold.source) > 0:
            return True
    words = re.findall(r"\w+", gold.source_text.lower())
    return bool(words) and words[-1] in re.findall(r"\w+", quote.speaker.lower())


def is_speech(gold: GoldAttribution, text: str) -> bool:
    """Reported speech, as opposed to a belief or stance: quoted, or cued by a reporting verb."""
    content = text[gold.content[0] : gold.content[1]]
    if any(mark in content for mark in "“”\"«»"):
        return True
    cue = gold.cue_text.strip().lower()
    if cue.startswith(":") or cue.endswith(":") or any(cue.startswith(" ".join(p)) for p in ACCORDING_TO["en"]):
        return True
    lemmas = {t.lemma_.lower() for t in get_language_model("en").parse(gold.cue_text)}
    return bool(lemmas & REPORTING_VERBS["en"])


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate_quotes(data_dir: Path, split: str = "dev", limit: int | None = None) -> QuoteScores:
    """Run the entity + quote components over a PolNeAR split and score them."""
    enricher = Enricher(EnrichConfig(components=["entities", "quotes"]))
    tp = tp_exact = gold_n = pred_n = with_source = speakers_ok = articles = speech_n = speech_tp = 0
    kinds: dict[str, int] = {}
    started = time.perf_counter()
    for item in read_polnear(data_dir, split, limit):
        article = enricher.enrich(Article(id=item.key, title="", paragraphs=[item.text], language="en"))
        quotes = article.quotes
        predicted = [(q.start, q.end) for q in quotes]
        gold = [g.content for g in item.attributions]
        for q in quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        matched = match(predicted, gold, OVERLAP)
        tp += len(matched)
        trimmed_gold = {_trim(item.text, g) for g in gold}
        tp_exact += len({_trim(item.text, p) for p in predicted} & trimmed_gold)
        speech = {j for j, g in enumerate(item.attributions) if is_speech(g, item.text)}
        speech_n += len(speech)
        speech_tp += sum(1 for _, j in matched if j in speech)
        for i, j in matched:
            if item.attributions[j].source is not None:
                with_source += 1
                speakers_ok += speaker_correct(quotes[i], item.attributions[j])
        gold_n += len(gold)
        pred_n += len(predicted)
        articles += 1
    elapsed = time.perf_counter() - started
    p, r, f = _prf(tp, pred_n, gold_n)
    ep, er, ef = _prf(tp_exact, pred_n, gold_n)
    return QuoteScores(
        split=split, articles=articles, gold=gold_n, predicted=pred_n,
        precision=p, recall=r, f1=f, exact_precision=ep, exact_recall=er, exact_f1=ef,
        speaker_accuracy=speakers_ok / with_source if with_source else 0.0,
        speech_gold=speech_n, speech_recall=speech_tp / speech_n if speech_n else 0.0,
        stance_recall=(tp - speech_tp) / (gold_n - speech_n) if gold_n > speech_n else 0.0,
        articles_per_s=articles / elapsed if elapsed else 0.0, by_kind=kinds,
    )
