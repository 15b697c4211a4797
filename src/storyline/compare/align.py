"""Align claims across a story's articles: multilingual embeddings plus entity, number and date anchors.

Alignment is many-to-many: between two articles the best one-to-one
assignment (SciPy's Hungarian solver) keeps its pairs scoring at least
:data:`ALIGN_THRESHOLD`, and any further pair scoring :data:`MANY_MARGIN` more
is kept too (one sentence can sum up two). Groups of claims that say the same
thing come from average-linkage clustering over those links, which, unlike
connected components, does not chain loosely related claims together; a claim aligned with under half
of a 3+-article group's other members then leaves it. Pairs of one language under
:data:`EVIDENCE_BELOW` need words or a figure in common beyond the story's topic (:func:`has_evidence`).
A claim the assignment leaves without any link still aligns, from :data:`PARAPHRASE_FLOOR` up, with a claim
of another article that tells it in other words (:func:`tells_same`), so it does not read as one outlet's own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform

from storyline.compare.lexicon import opposition, stop_words
from storyline.compare.quantities import disagreements, overlap
from storyline.compare.words import generic_words
from storyline.ingest.language import UNSPACED_LETTER
from storyline.match.text import split_unspaced
from storyline.model import Claim

#: Score above which two claims of different articles are aligned (tuned on ECB+ / MEANTIME dev).
ALIGN_THRESHOLD = 0.55
#: Weights of the anchors added to the cosine similarity of the claim embeddings.
ENTITY_WEIGHT = 0.12
NUMBER_WEIGHT = 0.05
DATE_WEIGHT = 0.05
#: Claims taking opposite sides (admitted / denies) contradict rather than repeat each other.
OPPOSITION_PENALTY = 0.1
MAX_BONUS = ENTITY_WEIGHT + NUMBER_WEIGHT + DATE_WEIGHT
#: Beyond the one-to-one assignment, a pair needs this much more than the threshold.
MANY_MARGIN = 0.2
#: A pair of one language scoring under this aligns only with evidence beyond a shared topic ...
EVIDENCE_BELOW = 0.7
#: ... words in common that make up this share of the shorter claim's words, each word weighted by its
#: rarity in the story (log of claims per claim using it: "Korea" in a Korea story weighs little), or a
#: figure in common.
EVIDENCE_SHARE = 0.15
#: ... unless it scores this much above either claim's next best partner in the other's article (and still
#: shares a word or figure): one clear counterpart among many topical ones.
STAND_OUT = 0.1
#: Words are compared on this many first letters ("ended" / "end", "Koreans" / "Korean"): no stemmer offline.
STEM_LETTERS = 5

#: A claim the assignment left without any link (it would read "only in" its outlet) still aligns with its
#: best-scoring claim of another article that tells it in other words: scoring at least this ...
PARAPHRASE_FLOOR = 0.45
#: ... sharing at least this many key words other than names ("injuring five people and damaging buildings" / "injured five
#: people, damaged buildings") ...
PARAPHRASE_WORDS = 3
#: ... that make up this share of the lighter claim's rarity-weighted words, with no figure of one kind apart.
PARAPHRASE_SHARE = 0.2

#: A claim stays in a group of three or more articles only when aligned with at least this share of the
#: group's claims from other articles: average linkage otherwise chains topic neighbours across 3-5 articles.
GROUP_MAJORITY = 0.5

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_UNSPACED_RE = re.compile(UNSPACED_LETTER)


@dataclass
class Alignment:
    """Claim-to-claim scores of one story and the groups of claims that say the same thing."""

    similarity: np.ndarray  # cosine similarity of the claim embeddings, (n, n)
    score: np.ndarray  # similarity plus anchors, (n, n); -1 within one article
    links: np.ndarray  # bool (n, n): the aligned cross-article pairs
    groups: list[list[int]]  # indices into the claim list

    def pairs(self) -> list[tuple[int, int, float]]:
        """Aligned pairs ``(i, j, score)`` with ``i < j``."""
        rows, cols = np.nonzero(np.triu(self.links, k=1))
        return [(int(i), int(j), float(self.score[i, j])) for i, j in zip(rows, cols)]


def reported_score(score: float) -> float:
    """A pair's alignment score as a comparison reports it, at most 1: the anchors lift a close pair's sum
    past the cosine's 1 ("score 1.11"), where a reader takes the score for how surely two claims are one.
    Judging a pair (the detectors' thresholds) reads the sum itself."""
    return min(score, 1.0)


def figures_agree(a: Claim, b: Claim) -> bool:
    """Some figure of ``a`` can be one of ``b``: their ranges meet ("at least 12" fits 13).

    An anchor for alignment only: a figure in common says two sentences tell one event, whatever each
    counts (requiring the same kind lowered ECB+ precision and recall). Whether two claims *disagree*
    on a figure is :func:`storyline.compare.quantities.disagreements`, which compares kind by kind.
    """
    return any(overlap(x, y) for x in a.quantities for y in b.quantities)


def date_fits(x: str, y: str) -> bool:
    """Two TIMEX3 dates are compatible: "2022-12" fits "2022-12-09", "XXXX-12-09" fits "2022-12-09"."""
    return all(p == q or "X" in (p, q) for p, q in zip(x, y))


def dates_agree(a: list[str], b: list[str]) -> bool:
    """True when some date of ``a`` is compatible with one of ``b``."""
    return any(date_fits(x, y) for x in a for y in b)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _name_words(claim: Claim) -> set[str]:
    """The words of the claim's entity names: "Price" then matches "Ned Price"."""
    return {word for name in claim.entities for word in name.split()}


def anchor_bonus(a: Claim, b: Claim) -> float:
    """What shared actors, numbers and dates add to the similarity of two claims (opposed verbs subtract)."""
    bonus = ENTITY_WEIGHT * _jaccard(_name_words(a), _name_words(b))
    if figures_agree(a, b):
        bonus += NUMBER_WEIGHT
    if dates_agree(a.dates, b.dates):
        bonus += DATE_WEIGHT
    if opposition(a.text, b.text):
        bonus -= OPPOSITION_PENALTY
    return bonus


def key_words(claim: Claim) -> set[str]:
    """The claim's words that can show what it is about: lower-cased stems of its words minus the
    language's function words, its speaker's name and reporting verb ("Olga Petrenko said ..." is no
    evidence that two of her statements are one)."""
    language = (claim.language or "en").split("-")[0].lower()
    stop = stop_words(language) or stop_words("en")
    speaker = {w.lower() for w in f"{claim.speaker or ''} {claim.cue or ''}".split()}
    # Unspaced scripts (Chinese, Japanese) as character pairs, as matching reads them; elsewhere words of 3+ letters.
    words = (p.lower() for w in _WORD_RE.findall(claim.text) for p in split_unspaced(w))
    return {w[:STEM_LETTERS] for w in words if (len(w) >= 3 or _UNSPACED_RE.match(w)) and w not in stop and w not in speaker}


def _rarity(claims: list[Claim]) -> tuple[list[set[str]], dict[str, float]]:
    """Each claim's key words and each word's rarity in the story: log(claims / claims using it)."""
    words = [key_words(c) for c in claims]
    used = Counter(w for ws in words for w in ws)
    return words, {w: math.log(len(claims) / n) for w, n in used.items()}


def has_evidence(a: Claim, b: Claim, words_a: set[str], words_b: set[str], rarity: dict[str, float]) -> bool:
    """Whether two claims of one language share more than a topic: rare words or a figure in common.

    Long articles on one story are full of claims about its topic that say different things ("the war has
    not ended" / "talks on ending the war"; three quotes of one speaker); embeddings score those 0.55-0.7.
    Claims of two languages share no words, so only their score counts (translations are the core case).
    """
    if a.language != b.language:
        return True
    return _word_share(words_a, words_b, rarity) >= EVIDENCE_SHARE or figures_agree(a, b)


def _word_share(words_a: set[str], words_b: set[str], rarity: dict[str, float]) -> float:
    """The rarity-weighted share of the lighter claim's key words that the two claims have in common."""
    def weight(words: set[str]) -> float:
        return sum(rarity.get(w, 0.0) for w in words)

    least = min(weight(words_a), weight(words_b))
    return weight(words_a & words_b) / least if least > 0 else 0.0


def tells_same(a: Claim, b: Claim, words_a: set[str], words_b: set[str], rarity: dict[str, float]) -> bool:
    """Whether ``b`` tells ``a`` in other words: several key words in common besides the names both give
    and the words any two reports share (:func:`~storyline.compare.words.generic_words`: "said", "people",
    "Sunday"), so what is done and to what (two statements about one company share its name and nothing
    else); weighing in the story; and no figure of one kind apart ("2.0 magnitude" / "4.2 magnitude" is
    another quake, not a paraphrase)."""
    shared = words_a & words_b
    if len(shared) < PARAPHRASE_WORDS:  # before parsing for the generic words: most pairs stop here
        return False
    names = " ".join(a.entities + b.entities)
    other = {w.lower() for w in _WORD_RE.findall(names)} | generic_words(a) | generic_words(b)
    return (
        len(shared - {w[:STEM_LETTERS] for w in other}) >= PARAPHRASE_WORDS
        and _word_share(words_a, words_b, rarity) >= PARAPHRASE_SHARE
        and not disagreements(a.quantities, b.quantities)
    )


def _some_word(a: Claim, b: Claim, words_a: set[str], words_b: set[str]) -> bool:
    return a.language != b.language or bool(words_a & words_b) or figures_agree(a, b)


def _stands_out(score: np.ndarray, articles: np.ndarray, i: int, j: int) -> float:
    """How far ``i``-``j`` scores above each claim's next best partner in the other's article."""
    others_j = (articles == articles[j]) & (np.arange(len(articles)) != j)
    others_i = (articles == articles[i]) & (np.arange(len(articles)) != i)
    rival = max(score[i, others_j].max(initial=-1.0), score[others_i, j].max(initial=-1.0))
    return float(score[i, j] - rival)


def align_claims(claims: list[Claim], vectors: np.ndarray, threshold: float = ALIGN_THRESHOLD) -> Alignment:
    """Score every pair of claims and group those that say the same thing.

    A pair under EVIDENCE_BELOW without evidence (:func:`has_evidence`) is scored just under the threshold
    before the one-to-one assignment, so it neither aligns nor takes a claim's real counterpart.
    """
    n = len(claims)
    similarity = vectors @ vectors.T if n else np.zeros((0, 0), dtype=np.float32)
    score = similarity.astype(np.float64).copy()
    articles = np.array([c.article for c in claims])
    same_article = articles[:, None] == articles[None, :]
    # Anchors only matter for pairs they could lift over the threshold: skip the rest (speed).
    candidates = np.triu((score >= threshold - MAX_BONUS) & ~same_article, k=1)
    for i, j in zip(*np.nonzero(candidates)):
        score[i, j] = score[j, i] = score[i, j] + anchor_bonus(claims[i], claims[j])
    words, rarity = _rarity(claims)
    weak = np.triu((score >= threshold) & (score < EVIDENCE_BELOW) & ~same_article, k=1)
    for i, j in zip(*np.nonzero(weak)):
        a, b = claims[i], claims[j]
        if not _some_word(a, b, words[i], words[j]) or (
            _stands_out(score, articles, i, j) < STAND_OUT and not has_evidence(a, b, words[i], words[j], rarity)
        ):
            score[i, j] = score[j, i] = threshold - 0.01
    score[same_article] = -1.0
    links = _links(score, articles, threshold)
    links |= _paraphrase_links(claims, score, links, words, rarity)
    # Unlinked pairs may still join a group through others, but never pull one together alone.
    grouping = np.where(links | same_article, score, np.minimum(score, threshold - 0.01))
    return Alignment(similarity=similarity, score=score, links=links, groups=_pruned(cluster(grouping, threshold), links, articles))


@dataclass
class ArticleRuns:
    """A story's claims by article, for work per article pair done a row block at a time: ``members`` holds
    each article's claim indices (articles in order of their first claim), ``order`` the same indices run
    after run and ``starts`` where each run begins in it, so that ``np.ufunc.reduceat(x[..., order], starts)``
    reduces a row over each article's claims at once."""

    members: list[np.ndarray]
    order: np.ndarray
    starts: np.ndarray
    rank: np.ndarray  # each claim's article, as a position in ``members``

    @classmethod
    def of(cls, articles: np.ndarray) -> ArticleRuns:
        position = {a: k for k, a in enumerate(dict.fromkeys(articles.tolist()))}
        rank = np.array([position[a] for a in articles.tolist()], dtype=np.intp)
        order = np.argsort(rank, kind="stable")
        starts = np.searchsorted(rank[order], np.arange(len(position)))
        members = np.split(order, starts[1:]) if len(position) else []
        return cls(members=members, order=order, starts=starts, rank=rank)

    def per_article(self, rows: np.ndarray, reduce: np.ufunc) -> np.ndarray:
        """``rows`` (one row per claim of a block, one column per claim) reduced over each article's claims."""
        return reduce.reduceat(rows[:, self.order], self.starts, axis=1)


def _links(score: np.ndarray, articles: np.ndarray, threshold: float) -> np.ndarray:
    """Per article pair: the best one-to-one assignment above ``threshold``, plus clearly strong extra pairs.

    Only article pairs with some score at the threshold are assigned: any other keeps no pair, and a story
    of n articles has n(n-1)/2 pairs, most of them sharing nothing.
    """
    links = score >= threshold + MANY_MARGIN
    runs = ArticleRuns.of(articles)
    for x, rows in enumerate(runs.members):
        peaks = runs.per_article(score[rows], np.maximum).max(axis=0)
        for y in np.flatnonzero(peaks[x + 1 :] >= threshold) + x + 1:
            cols = runs.members[y]
            block = score[np.ix_(rows, cols)]
            r, c = linear_sum_assignment(block, maximize=True)
            keep = block[r, c] >= threshold
            links[rows[r[keep]], cols[c[keep]]] = True
            links[cols[c[keep]], rows[r[keep]]] = True
    return links


def _paraphrase_links(
    claims: list[Claim], score: np.ndarray, links: np.ndarray, words: list[set[str]], rarity: dict[str, float]
) -> np.ndarray:
    """A link for each claim left alone to its best-scoring claim of another article that tells it
    (:func:`tells_same`), from :data:`PARAPHRASE_FLOOR` up.

    The one-to-one assignment gives an article's claim one partner per article: where one outlet's lead
    sums up two of another's sentences ("... injuring five people and damaging buildings"), the second
    is left alone and read as told by its outlet only, though the first outlet says it in other words.
    """
    added = np.zeros_like(links)
    for i in np.flatnonzero(~links.any(axis=1)):
        candidates = np.flatnonzero(score[i] >= PARAPHRASE_FLOOR)  # within one article the score is -1
        for j in sorted(candidates.tolist(), key=lambda j: -score[i, j]):
            if tells_same(claims[i], claims[j], words[i], words[j], rarity):
                added[i, j] = added[j, i] = True
                break
    return added


def _pruned(groups: list[list[int]], links: np.ndarray, articles: np.ndarray) -> list[list[int]]:
    """Groups without the members aligned to under GROUP_MAJORITY of the others (least aligned first);
    each member dropped becomes a group of its own."""
    kept: list[list[int]] = []
    for group in groups:
        group = list(group)
        while len(set(articles[group].tolist())) >= 3:
            support = [_support(m, group, links, articles) for m in group]
            worst = int(np.argmin(support))
            if support[worst] >= GROUP_MAJORITY:
                break
            kept.append([group.pop(worst)])
        kept.append(group)
    return sorted(kept, key=lambda g: g[0])


def _support(member: int, group: list[int], links: np.ndarray, articles: np.ndarray) -> float:
    others = [m for m in group if articles[m] != articles[member]]
    return sum(bool(links[member, m]) for m in others) / len(others) if others else 1.0


def cluster(score: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage groups of items whose mutual scores average at least ``threshold``."""
    n = score.shape[0]
    if n < 2:
        return [[i] for i in range(n)]
    distance = np.clip(1.0 - score, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), method="average"), t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: g[0])
