"""Story clustering measured on gold sets: ECB+, NewsWCL50, UCI headlines, MEANTIME en+es.

Each loader turns a corpus into Articles plus a gold cluster id per article;
the stream clusterer runs over them in (published, id) order and is scored
with B-cubed, pairwise F1 and ARI.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from lxml import etree

from storyline.match.config import MatchConfig
from storyline.match.signature import build_signatures
from storyline.match.stream import StoryClusterer
from storyline.model import Article

SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’])(?=\s|$)")
SPACE_AFTER = re.compile(r"([(\[{$]) ")


@dataclass
class GoldSet:
    name: str
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold cluster
    topics: dict[str, str] | None = None  # article id -> gold topic (for related-story groups)


def detokenise(tokens: list[str]) -> str:
    """Join gold tokens back into readable text (spaces before punctuation removed)."""
    text = " ".join(tokens)
    return SPACE_AFTER.sub(r"\1", SPACE_BEFORE.sub(r"\1", text))


def article_from_sentences(doc_id: str, sentences: list[list[str]], language: str) -> Article:
    """First sentence as the title (news corpora put the headline first), the rest as paragraphs."""
    texts = [detokenise(s) for s in sentences if s]
    title, body = (texts[0], texts[1:]) if texts else ("", [])
    return Article(id=doc_id, title=title, paragraphs=body, language=language)


# ---------------------------------------------------------------- loaders


def load_ecbplus(root: Path) -> GoldSet:
    """982 docs; gold event = topic + sub-corpus (ecb / ecbplus), topic = topic number."""
    articles, gold, topics = [], {}, {}
    for path in sorted((root / "ecbplus" / "ECB+").glob("*/*.xml")):
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in etree.parse(str(path)).getroot().iter("token"):
            sentences[int(token.get("sentence"))].append(token.text or "")
        doc = path.stem
        topic = doc.split("_")[0]
        articles.append(article_from_sentences(doc, [sentences[k] for k in sorted(sentences)], "en"))
        gold[doc] = f"{topic}{'ecbplus' if doc.endswith('plus') else 'ecb'}"
        topics[doc] = topic
    return GoldSet("ecbplus", articles, gold, topics)


def read_conll(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """(document id, sentences of tokens) from the Diverse_CDCR CoNLL files."""
    doc_id, sentences, current = None, defaultdict(list), None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#begin document"):
                doc_id = line.split("document", 1)[1].split(";")[0].strip().strip("()")
                sentences, current = defaultdict(list), doc_id
            elif line.startswith("#end document"):
                if current is not None:
                    yield current, [sentences[k] for k in sorted(sentences)]
                current = None
            else:
                cols = line.rstrip("\n").split("\t")
                if current is not None and len(cols) >= 4:
                    sentences[int(cols[1])].append(cols[3])
    if current is not None:
        yield current, [sentences[k] for k in sorted(sentences)]


def load_newswcl50(root: Path) -> GoldSet:
    """50 articles; gold = the event id before ``/-/``."""
    articles, gold = [], {}
    for doc_id, sentences in read_conll(root / "newswcl50" / "cdcr_NewsWCL50.conll"):
        articles.append(article_from_sentences(doc_id, sentences, "en"))
        gold[doc_id] = doc_id.split("/")[0]
    return GoldSet("newswcl50", articles, gold)


def load_meantime(root: Path) -> GoldSet:
    """English and Spanish sides; gold = the shared document id (a translation pair)."""
    articles, gold, topics = [], {}, {}
    for language in ("en", "es"):
        path = root / "meantime-cdcr" / language / "meantime.conll"
        for doc_id, sentences in read_conll(path):
            article = article_from_sentences(f"{language}:{doc_id}", sentences, language)
            articles.append(article)
            gold[article.id] = doc_id
            topics[article.id] = doc_id.split("/")[0]
    return GoldSet("meantime", articles, gold, topics)


def load_uci(root: Path) -> GoldSet:
    """6,366 headlines with their Google News story ids and timestamps."""
    articles, gold = [], {}
    path = root / "uci-news-aggregator-head" / "uci-news-aggregator.head.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not (row.get("TIMESTAMP") or "").isdigit() or not row.get("STORY"):
                continue  # the last row of the head is cut mid-line
            published = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, tz=UTC)
            article = Article(
                id=f"uci-{row['ID']}", title=row["TITLE"], paragraphs=[], outlet=row["PUBLISHER"],
                published=published, language="en",
            )
            articles.append(article)
            gold[article.id] = row["STORY"]
    return GoldSet("uci", articles, gold)


LOADERS: dict[str, Callable[[Path], GoldSet]] = {
    "ecbplus": load_ecbplus,
    "newswcl50": load_newswcl50,
    "uci": load_uci,
    "meantime": load_meantime,
}


# ---------------------------------------------------------------- embedding cache


def cached_encoder(cache_dir: Path | None) -> Callable[[list[str]], np.ndarray]:
    """USE encoder that keeps vectors on disk by text hash, so re-runs skip the model."""
    from storyline.enrich.embedding import get_embedder

    if cache_dir is None:
        return get_embedder().encode

    def encode(texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / "use-vectors.npz"
        known: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
        if missing:
            fresh = get_embedder().encode([t for _, t in missing])
            known.update({k: v for (k, _), v in zip(missing, fresh, strict=True)})
            tmp = path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
            tmp.replace(path)
        return np.stack([known[k] for k in keys]).astype(np.float32)

    return encode


def default_cache_dir() -> Path | None:
    value = os.environ.get("STORYLINE_CACHE")
    return Path(value) if value else None


# ---------------------------------------------------------------- metrics


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        pred_members[pred[item]].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        p_set, g_set = pred_members[pred[item]], gold_members[gold[item]]
        overlap = len(p_set & g_set)
        precision += overlap / len(p_set)
        recall += overlap / len(g_set)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(counts: Counter) -> float:
    return sum(c * (c - 1) / 2 for c in counts.values())


def pairwise_and_ari(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise F1 and adjusted Rand index from the contingency table."""
    joint = Counter((pred[i], gold[i]) for i in gold)
    pred_sizes = Counter(pred[i] for i in gold)
    gold_sizes = Counter(gold[i] for i in gold)
    together, pred_pairs, gold_pairs = _pairs(joint), _pairs(pred_sizes), _pairs(gold_sizes)
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    total = len(gold) * (len(gold) - 1) / 2
    expected = pred_pairs * gold_pairs / total if total else 0.0
    maximum = (pred_pairs + gold_pairs) / 2
    ari = (together - expected) / (maximum - expected) if maximum != expected else 1.0
    return _f1(precision, recall), ari


def scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    precision, recall, f1 = bcubed(pred, gold)
    pairwise, ari = pairwise_and_ari(pred, gold)
    return {
        "bcubed_p": round(precision, 4),
        "bcubed_r": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "pairwise_f1": round(pairwise, 4),
        "ari": round(ari, 4),
        "clusters": len(set(pred.values())),
        "gold_clusters": len(set(gold.values())),
    }


# ---------------------------------------------------------------- runner


def related_groups(clusterer: StoryClusterer) -> dict[str, str]:
    """Article id -> connected component of stories joined by ``related`` links."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    stories = clusterer.stories()
    for story in stories:
        for other in story.related:
            parent[find(story.id)] = find(other)
    return {a: find(s.id) for s in stories for a in s.articles}


def evaluate(gold_set: GoldSet, config: MatchConfig | None = None, cache_dir: Path | None = None) -> dict:
    """Stream the gold set's articles through the clusterer and score the stories."""
    config = config or MatchConfig()
    ordered = sorted(gold_set.articles, key=lambda a: (a.published or datetime.min.replace(tzinfo=UTC), a.id))
    signatures = build_signatures(ordered, config, cached_encoder(cache_dir))
    clusterer = StoryClusterer(config)
    for signature in signatures:
        clusterer.add(signature)
    assignment = clusterer.assignment()
    result = {"dataset": gold_set.name, "articles": len(ordered), **scores(assignment, gold_set.gold)}
    if gold_set.topics is not None:
        topic_scores = scores(related_groups(clusterer), gold_set.topics)
        result["related_vs_topics_bcubed_f1"] = topic_scores["bcubed_f1"]
    return result

