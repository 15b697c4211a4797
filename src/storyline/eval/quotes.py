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
annotation (sorted by file name). :func:`evaluate_agreement` measures, on those
articles, how far the annotators agree with each other and storyline with each
of them, with the same scorer: the ceiling the F1 above is read against.
Reads ``<data>/polnear/data/<split>`` only.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice, permutations
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
class AnnotatedArticle:
    """One text with each annotator's attributions, by annotator id (the end of the .ann file name)."""

    key: str
    text: str
    annotations: dict[str, list[GoldAttribution]]


@dataclass
class SpanCounts:
    """Content spans of one reading scored against a gold reading, summed over articles.

    ``matched``: one-to-one at overlap >= 0.3; ``exact``: same trimmed span;
    ``speakers_ok`` of ``with_source``: overlap matches whose gold has a source
    and whose speaker :func:`speaker_correct` accepts.
    """

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    with_source: int = 0
    speakers_ok: int = 0

    def add(self, text: str, quotes: list[Quote], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
        """Score one article's quotes against its gold; the overlap matches (quote index, gold index)."""
        spans = [(q.start, q.end) for q in quotes]
        contents = [g.content for g in gold]
        matched = match(spans, contents, OVERLAP)
        self.predicted += len(spans)
        self.gold += len(contents)
        self.matched += len(matched)
        self.exact += len({_trim(text, s) for s in spans} & {_trim(text, c) for c in contents})
        for i, j in matched:
            if gold[j].source is not None:
                self.with_source += 1
                self.speakers_ok += speaker_correct(quotes[i], gold[j])
        return matched

    def overlap_prf(self) -> tuple[float, float, float]:
        return _prf(self.matched, self.predicted, self.gold)

    def exact_prf(self) -> tuple[float, float, float]:
        return _prf(self.exact, self.predicted, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_ok / self.with_source if self.with_source else 0.0

    def to_dict(self) -> dict[str, Any]:
        p, r, f = self.overlap_prf()
        ep, er, ef = self.exact_prf()
        return asdict(self) | {
            "precision": p, "recall": r, "f1": f, "exact_precision": ep, "exact_recall": er, "exact_f1": ef,
            "speaker_accuracy": self.speaker_accuracy,
        }  # fmt: skip


@dataclass
class AgreementScores:
    """How far PolNeAR's annotators agree with each other, and storyline with each of them, on the same texts.

    ``human`` scores every annotator against every other (all ordered pairs, so its
    precision equals its recall); ``storyline`` scores storyline against each
    annotator; ``storyline_first`` against the first annotation by file name, the
    gold of :func:`evaluate_quotes`.
    """

    split: str
    articles: int
    annotations: int
    human: SpanCounts
    storyline: SpanCounts
    storyline_first: SpanCounts

    def to_dict(self) -> dict[str, Any]:
        readings = {"human": self.human, "storyline": self.storyline, "storyline_first": self.storyline_first}
        return {"split": self.split, "articles": self.articles, "annotations": self.annotations} | {
            name: counts.to_dict() for name, counts in readings.items()
        }


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


def _key_and_annotator(ann: Path) -> tuple[str, str]:
    """PolNeAR names an annotator's file ``<key>_<annotator>.ann``, beside one ``text/<key>.txt``."""
    parts = ann.stem.rsplit("_", 1)
    return parts[0], parts[-1]


def _annotations_by_text(data_dir: Path, split: str) -> Iterator[tuple[str, str, list[Path]]]:
    """(key, text, .ann files sorted by name) of each article of a split, in key order."""
    root = data_dir / POLNEAR_DIR / split
    if not (root / "text").is_dir():
        raise DataMissing(f"PolNeAR split not found: {root}")
    by_text: dict[str, list[Path]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        by_text.setdefault(_key_and_annotator(ann)[0], []).append(ann)
    for key in sorted(by_text):
        text_path = root / "text" / f"{key}.txt"
        if text_path.exists():
            yield key, text_path.read_text(encoding="utf-8"), by_text[key]


def read_polnear(data_dir: Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldArticle]:
    """Gold articles of one split, in file-name order; of several annotations, the first by file name."""
    for key, text, anns in islice(_annotations_by_text(data_dir, split), limit):
        yield GoldArticle(key, text, parse_brat(anns[0].read_text(encoding="utf-8"), text))


def read_polnear_annotators(data_dir: Path, split: str = "train", limit: int | None = None) -> Iterator[AnnotatedArticle]:
    """The articles of a split that several annotators annotated, each with every annotation."""
    several = ((key, text, anns) for key, text, anns in _annotations_by_text(data_dir, split) if len(anns) > 1)
    for key, text, anns in islice(several, limit):
        annotations = {_key_and_annotator(ann)[1]: parse_brat(ann.read_text(encoding="utf-8"), text) for ann in anns}
        yield AnnotatedArticle(key, text, annotations)


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


def _quote_enricher() -> Enricher:
    return Enricher(EnrichConfig(components=["entities", "quotes"]))


def _storyline_quotes(enricher: Enricher, key: str, text: str) -> list[Quote]:
    return enricher.enrich(Article(id=key, title="", paragraphs=[text], language="en")).quotes


def evaluate_quotes(data_dir: Path, split: str = "dev", limit: int | None = None) -> QuoteScores:
    """Run the entity + quote components over a PolNeAR split and score them."""
    enricher = _quote_enricher()
    counts = SpanCounts()
    articles = speech_n = speech_tp = 0
    kinds: dict[str, int] = {}
    started = time.perf_counter()
    for item in read_polnear(data_dir, split, limit):
        quotes = _storyline_quotes(enricher, item.key, item.text)
        for q in quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
        matched = counts.add(item.text, quotes, item.attributions)
        speech = {j for j, g in enumerate(item.attributions) if is_speech(g, item.text)}
        speech_n += len(speech)
        speech_tp += sum(1 for _, j in matched if j in speech)
        articles += 1
    elapsed = time.perf_counter() - started
    p, r, f = counts.overlap_prf()
    ep, er, ef = counts.exact_prf()
    return QuoteScores(
        split=split, articles=articles, gold=counts.gold, predicted=counts.predicted,
        precision=p, recall=r, f1=f, exact_precision=ep, exact_recall=er, exact_f1=ef,
        speaker_accuracy=counts.speaker_accuracy,
        speech_gold=speech_n, speech_recall=speech_tp / speech_n if speech_n else 0.0,
        stance_recall=(counts.matched - speech_tp) / (counts.gold - speech_n) if counts.gold > speech_n else 0.0,
        articles_per_s=articles / elapsed if elapsed else 0.0, by_kind=kinds,
    )


def as_quote(gold: GoldAttribution, text: str) -> Quote:
    """An annotator's attribution read as a prediction, its Source as the speaker, to score it against another's."""
    start, end = gold.content
    speaker_start, speaker_end = gold.source or (None, None)
    return Quote(
        text[start:end], start, end, gold.source_text,
        speaker_start=speaker_start, speaker_end=speaker_end, cue=gold.cue_text or None,
    )  # fmt: skip


def evaluate_agreement(data_dir: Path, split: str = "train", limit: int | None = None) -> AgreementScores:
    """Annotator-vs-annotator and storyline-vs-annotator agreement on a split's multi-annotated articles.

    Every reading is scored with :class:`SpanCounts`, the scorer of :func:`evaluate_quotes`,
    so the human figure is the ceiling that storyline's figure is read against.
    """
    enricher = _quote_enricher()
    human, storyline, storyline_first = SpanCounts(), SpanCounts(), SpanCounts()
    articles = annotations = 0
    for item in read_polnear_annotators(data_dir, split, limit):
        golds = [item.annotations[name] for name in sorted(item.annotations)]
        for reading, gold in permutations(golds, 2):
            human.add(item.text, [as_quote(g, item.text) for g in reading], gold)
        quotes = _storyline_quotes(enricher, item.key, item.text)
        for gold in golds:
            storyline.add(item.text, quotes, gold)
        storyline_first.add(item.text, quotes, golds[0])
        articles += 1
        annotations += len(golds)
    return AgreementScores(split, articles, annotations, human, storyline, storyline_first)
