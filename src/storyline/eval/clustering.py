"""Story clustering measured on gold sets: ECB+, NewsWCL50, UCI headlines, MEANTIME en+es.

Each loader turns a corpus into Articles plus a gold cluster id per article;
the stream clusterer runs over them in (published, id) order, consolidates its
stories once at the end (one assignment run, as ``storyline ingest`` of the
whole set would) and is scored with B-cubed, pairwise F1 and ARI.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from lxml import etree

from storyline.ingest import IngestError, read_text
from storyline.match.config import MatchConfig
from storyline.match.signature import build_signatures, published_order
from storyline.match.stream import StoryClusterer
from storyline.model import Article

#: Hand-written detokenisation of gold tokens (no installed library does it): enough for the
#: text to read as a user's file would, so ingest's header rules (URL, date lines) see it.
SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’])(?=\s|$)")
SPACE_AFTER = re.compile(r"([(\[{$]) ")
CLITIC = re.compile(r"(?<=\w) (?=n't\b|['’](?:s|re|ve|ll|d|m|t)\b)|(?<=\w)(['’]) (?=(?:s|re|ve|ll|d|m|t)\b)", re.I)
BETWEEN_DIGITS = re.compile(r"(?<=\d) ([:/-]) (?=\d)")
#: A forum's date split at its first hyphen: "Dec - 19-05" was "Dec-19-05".
MONTH_DAY_YEAR = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) - (?=\d{1,2}-\d\d\b)")
#: The tokenisers split every point and comma: "4. 6" was 4.6, "$27. 5 million" $27.5 million, "100, 000" 100,000
#: (a point after one to three digits, a comma before a group of three, not after a hyphened height or record:
#: "6 - foot - 9, 260 - pound", "5-11, 220"), "U. S." and "a. m." abbreviations
#: (a letter and its point before another), "TMZ. com" a site.
DECIMAL = re.compile(r"(?<![\d.])(\d{1,3})\. (?=\d)")
THOUSANDS = re.compile(r"(?<![\d.-])(?<!- )(\d{1,3}(?:,\d{3})*), (?=\d{3}(?!\d))")
INITIALS = re.compile(r"\b([A-Za-z])\. (?=[A-Za-z]\.)")
SITE = re.compile(r"(?<=\w)\. (?=(?:com|org|net|gov|edu)\b)")
PTB_QUOTES = {"``": '"', "''": '"'}
URL_START = ("http", "https")
LINE_BREAK = "\\n"


@dataclass
class GoldSet:
    name: str
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold cluster
    topics: dict[str, str] | None = None  # article id -> gold topic (for related-story groups)
    unreadable: dict[str, str] = field(default_factory=dict)  # document -> why ingest refused it


def detokenise(tokens: list[str]) -> str:
    """Join gold tokens back into readable text: no space before punctuation, URLs and times whole.

    A literal ``\\n`` token (NewsWCL50 keeps the page's line breaks so) becomes a line break.
    """
    if LINE_BREAK in tokens:
        at = tokens.index(LINE_BREAK)
        return "\n".join(filter(None, (detokenise(tokens[:at]), detokenise(tokens[at + 1 :]))))
    tokens = [PTB_QUOTES.get(t, t) for t in tokens]
    if len(tokens) > 3 and tokens[0].lower() in URL_START and tokens[1:4] == [":", "/", "/"]:
        return "".join(tokens)  # a tokenised URL line ("http : / / www . x . com / ...")
    text = MONTH_DAY_YEAR.sub(r"\1-", BETWEEN_DIGITS.sub(r"\1", " ".join(tokens)))
    text = SPACE_AFTER.sub(r"\1", SPACE_BEFORE.sub(r"\1", text))
    text = CLITIC.sub(lambda m: m.group(1) or "", text)
    for pattern in (DECIMAL, THOUSANDS):
        text = pattern.sub(lambda m: m.group(0).replace(" ", ""), text)
    return SITE.sub(".", INITIALS.sub(r"\1.", text))


def article_from_sentences(sentences: list[list[str]], source: str) -> Article:
    """The article ``storyline ingest`` makes of the document saved as a text file, one sentence a line.

    Goes through ingest's plain-text reader, so a headline line, a URL line and a date line
    ("March 01, 2008") become title, url and ``published``, and the id is ingest's (a hash of
    the URL or the text), exactly as for a user's file: the stream's tie order among undated
    articles is then the product's, not the gold ids' (which list one event's documents together).
    Raises :class:`IngestError` when the reader finds no article.
    """
    return read_text("\n\n".join(detokenise(s) for s in sentences if s), source=source)


def _add(gold_set: GoldSet, doc_id: str, sentences: list[list[str]], source: str, cluster: str) -> Article | None:
    """Read one document into the set with its gold cluster; record why, if ingest refuses or merges it."""
    try:
        article = article_from_sentences(sentences, f"{source}#{doc_id}")
    except IngestError as error:
        gold_set.unreadable[doc_id] = str(error)
        return None
    if article.id in gold_set.gold:  # ingest would keep only the first (same URL or same text)
        gold_set.unreadable[doc_id] = f"same ingest id as an earlier document ({article.id})"
        return None
    gold_set.articles.append(article)
    gold_set.gold[article.id] = cluster
    return article


# ---------------------------------------------------------------- loaders


def load_ecbplus(root: Path) -> GoldSet:
    """982 docs; gold event = topic + sub-corpus (ecb / ecbplus), topic = topic number."""
    topics: dict[str, str] = {}
    gold_set = GoldSet("ecbplus", [], {}, topics)
    for path in sorted((root / "ecbplus" / "ECB+").glob("*/*.xml")):
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in etree.parse(str(path)).getroot().iter("token"):
            sentences[int(token.get("sentence"))].append(token.text or "")
        doc = path.stem
        topic = doc.split("_")[0]
        cluster = f"{topic}{'ecbplus' if doc.endswith('plus') else 'ecb'}"
        if article := _add(gold_set, doc, [sentences[k] for k in sorted(sentences)], str(path), cluster):
            topics[article.id] = topic
    return gold_set


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
    gold_set = GoldSet("newswcl50", [], {})
    path = root / "newswcl50" / "cdcr_NewsWCL50.conll"
    for doc_id, sentences in read_conll(path):
        _add(gold_set, doc_id, sentences, str(path), doc_id.split("/")[0])
    return gold_set


def load_meantime(root: Path) -> GoldSet:
    """Every language directory of MEANTIME; gold = the document id shared by its translations."""
    topics: dict[str, str] = {}
    gold_set = GoldSet("meantime", [], {}, topics)
    for path in sorted((root / "meantime-cdcr").glob("*/meantime.conll")):
        language = path.parent.name
        for doc_id, sentences in read_conll(path):
            if article := _add(gold_set, f"{language}:{doc_id}", sentences, str(path), doc_id):
                topics[article.id] = doc_id.split("/")[0]
    return gold_set


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
                id=f"uci-{row['ID']}",
                title=row["TITLE"],
                paragraphs=[],
                outlet=row["PUBLISHER"],
                published=published,
                language="en",
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


def assign(gold_set: GoldSet, clusterer: StoryClusterer, cache_dir: Path | None = None) -> StoryClusterer:
    """One assignment run over the gold set, as ``storyline ingest`` of the whole set: stream, then consolidate."""
    ordered = published_order(gold_set.articles)
    signatures = build_signatures(ordered, clusterer.config, cached_encoder(cache_dir))
    for signature in signatures:
        clusterer.add(signature)
    by_id = {signature.id: signature for signature in signatures}
    clusterer.consolidate(by_id, by_id.get)
    return clusterer


def evaluate(gold_set: GoldSet, config: MatchConfig | None = None, cache_dir: Path | None = None) -> dict:
    """Stream the gold set's articles through the clusterer and score the stories."""
    clusterer = assign(gold_set, StoryClusterer(config or MatchConfig()), cache_dir)
    assignment = clusterer.assignment()
    result = {
        "dataset": gold_set.name,
        "articles": len(gold_set.articles),
        "dated": sum(a.published is not None for a in gold_set.articles),
        "unreadable": gold_set.unreadable,  # document -> why ingest refused it (not scored)
        **scores(assignment, gold_set.gold),
    }
    if gold_set.topics is not None:
        topic_scores = scores(related_groups(clusterer), gold_set.topics)
        result["related_vs_topics_bcubed_f1"] = topic_scores["bcubed_f1"]
    return result
