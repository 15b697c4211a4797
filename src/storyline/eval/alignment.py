"""Cross-article claim alignment and provenance direction, measured on gold data.

- ECB+: within one gold event cluster, two sentences of different documents
  are aligned when they share a cross-document coreferent event mention
  (ACTION/NEG instances of CROSS_DOC_COREF). Only the sentences listed in
  ECBplus_coreference_sentences.csv are annotated, so only those are compared.
- MEANTIME en-es: sentence *i* of an English article and sentence *i* of its
  Spanish translation are aligned (documents whose sentence counts differ are
  skipped: there the translation split or merged sentences). Provenance: the compared pair must be
  linked as a translation from the English original.

Scores are pairwise precision / recall / F1 over cross-document sentence pairs.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lxml import etree

from storyline.compare.align import ALIGN_THRESHOLD, align_claims
from storyline.compare.claims import split_claims
from storyline.compare.story import Encode, compare
from storyline.eval.clustering import cached_encoder, default_cache_dir, detokenise, read_conll
from storyline.model import Article

SentenceId = tuple[str, int]  # (document id, paragraph index of the sentence in its article)

__all__ = ["evaluate"]


@dataclass
class Cluster:
    """Articles of one gold story whose paragraphs are the gold sentences, and the gold aligned pairs."""

    name: str
    articles: list[Article]
    gold: set[frozenset[SentenceId]]


def _prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


# ---------------------------------------------------------------- ECB+


def _ecb_document(path: Path, wanted: set[int]) -> tuple[dict[int, str], dict[int, set[str]]]:
    """The wanted sentences' text and, per sentence, its cross-document event instance ids."""
    root = etree.parse(str(path)).getroot()
    tokens: dict[int, list[str]] = defaultdict(list)
    sentence_of: dict[str, int] = {}
    for token in root.iter("token"):
        number = int(token.get("sentence"))
        tokens[number].append(token.text or "")
        sentence_of[token.get("t_id")] = number
    mention_sentence: dict[str, int] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in markable.findall("token_anchor")]
        if anchors and anchors[0] in sentence_of:
            mention_sentence[markable.get("m_id")] = sentence_of[anchors[0]]
    events: dict[int, set[str]] = defaultdict(set)
    for relation in root.iter("CROSS_DOC_COREF"):
        note = relation.get("note") or ""
        if not note.startswith(("ACT", "NEG")):
            continue  # entity, time and place chains are not events
        for source in relation.findall("source"):
            sentence = mention_sentence.get(source.get("m_id"))
            if sentence is not None:
                events[sentence].add(note)
    return {s: detokenise(tokens[s]) for s in sorted(wanted) if s in tokens}, events


def load_ecbplus(root: Path, limit: int | None = None) -> list[Cluster]:
    wanted: dict[str, set[int]] = defaultdict(set)
    with (root / "ecbplus" / "ECBplus_coreference_sentences.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            wanted[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(wanted):
        by_cluster[doc.split("_")[0] + ("ecbplus" if doc.endswith("plus") else "ecb")].append(doc)
    clusters = []
    for name in sorted(by_cluster, key=lambda n: (int(n.rstrip("ecbplus")), n))[:limit]:
        articles, instances = [], {}
        for doc in by_cluster[name]:
            path = root / "ecbplus" / "ECB+" / doc.split("_")[0] / f"{doc}.xml"
            if not path.exists():
                continue
            texts, events = _ecb_document(path, wanted[doc])
            numbers = sorted(texts)
            articles.append(Article(id=doc, title="", paragraphs=[texts[s] for s in numbers], language="en"))
            for index, number in enumerate(numbers):
                instances[(doc, index)] = events.get(number, set())
        gold = {
            frozenset((a, b))
            for a in instances
            for b in instances
            if a[0] < b[0] and instances[a] & instances[b]
        }
        clusters.append(Cluster(name, articles, gold))
    return clusters


# ---------------------------------------------------------------- MEANTIME


def load_meantime(root: Path, limit: int | None = None) -> list[Cluster]:
    """English/Spanish pairs; the gold is empty where sentences no longer correspond i <-> i."""
    sides = {
        language: dict(read_conll(root / "meantime-cdcr" / language / "meantime.conll")) for language in ("en", "es")
    }
    clusters = []
    for doc_id in sorted(set(sides["en"]) & set(sides["es"]))[:limit]:
        articles = [
            Article(id=f"{lang}:{doc_id}", title="", paragraphs=[detokenise(s) for s in sides[lang][doc_id]], language=lang)
            for lang in ("en", "es")
        ]
        count = len(articles[0].paragraphs)
        # Where the translation split or merged sentences, i <-> i no longer holds: no gold.
        gold = {frozenset(((articles[0].id, i), (articles[1].id, i))) for i in range(count)}
        if count != len(articles[1].paragraphs):
            gold = set()
        clusters.append(Cluster(doc_id, articles, gold))
    return clusters


# ---------------------------------------------------------------- scoring


def predicted_pairs(cluster: Cluster, encode: Encode, threshold: float = ALIGN_THRESHOLD) -> set[frozenset[SentenceId]]:
    """Sentence pairs our alignment links (a sentence split into several claims counts once)."""
    claims = [c for a in cluster.articles for c in split_claims(a)]
    if not claims:
        return set()
    alignment = align_claims(claims, encode([c.text for c in claims]), threshold)
    return {
        frozenset(((claims[i].article, claims[i].paragraph), (claims[j].article, claims[j].paragraph)))
        for i, j, _ in alignment.pairs()
    }


def score_alignment(clusters: list[Cluster], encode: Encode, threshold: float = ALIGN_THRESHOLD) -> dict[str, float]:
    tp = predicted = gold = 0
    for cluster in clusters:
        found = predicted_pairs(cluster, encode, threshold)
        tp += len(found & cluster.gold)
        predicted += len(found)
        gold += len(cluster.gold)
    return {**_prf(tp, predicted, gold), "gold_pairs": gold, "clusters": len(clusters)}


def score_direction(clusters: list[Cluster], encode: Encode) -> dict[str, float]:
    """Share of translation pairs linked ``translates`` from the original (the first article), and of those
    whose direction is left unknown (such a link names the pair in id order, which is no finding: counted
    apart, not as right). Also counts the conflicts flagged between an article and its own translation:
    all are false.
    """
    correct = unknown = linked = conflicts = 0
    for cluster in clusters:
        result = compare(cluster.articles, encode)
        translations = [link for link in result.provenance if link.relation == "translates"]
        linked += bool(translations)
        unknown += any(link.direction == "unknown" for link in translations)
        correct += any(link.direction != "unknown" and link.from_ == cluster.articles[0].id for link in translations)
        article_of = {c.id: c.article for c in result.claims}
        conflicts += sum(1 for g in result.groups if g.verdict == "conflict" and len({article_of[c] for c in g.claims}) > 1)
    total = len(clusters)
    return {
        "direction_accuracy": round(correct / total, 4) if total else 0.0,
        "direction_unknown": round(unknown / total, 4) if total else 0.0,
        "linked_as_translation": round(linked / total, 4) if total else 0.0,
        "false_conflicts_per_pair": round(conflicts / total, 4) if total else 0.0,
        "pairs": total,
    }


def _memo_encoder(clusters: list[Cluster], base: Encode) -> Encode:
    """Embed every sentence (and claim) of the gold sets once, then answer from memory."""
    texts = sorted({c.text for cl in clusters for a in cl.articles for c in split_claims(a)})
    vectors = dict(zip(texts, base(texts), strict=True)) if texts else {}

    def encode(batch: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(batch) if t not in vectors]
        if missing:
            vectors.update(zip(missing, base(missing), strict=True))
        return np.stack([vectors[t] for t in batch]) if batch else np.zeros((0, 512), dtype=np.float32)

    return encode


def evaluate(root: Path, limit: int | None = None, encode: Encode | None = None) -> dict[str, dict[str, float]]:
    """Alignment P/R/F1 on ECB+ and MEANTIME en-es, and provenance direction accuracy on MEANTIME."""
    ecb, meantime = load_ecbplus(root, limit), load_meantime(root, limit)
    encode = _memo_encoder(ecb + meantime, encode or cached_encoder(default_cache_dir()))
    return {
        "ecbplus-alignment": score_alignment(ecb, encode),
        "meantime-en-es-alignment": score_alignment([c for c in meantime if c.gold], encode),
        "meantime-provenance": score_direction(meantime, encode),
    }
