"""Streaming story clustering: each article, in time order, joins a story or starts one.

Candidates come from two indexes (USE vectors in usearch, MinHash LSH for
copies); each candidate story is scored against the article with the same
facets and logistic model as a pair, using the story's evolving
representation (centroid, word and name weights, languages, time span).
Stories close enough to share a topic but not an event are linked, not merged.
A cheap look-back merges a story that just grew into a candidate story when the
two whole stories now clearly tell one event (``MatchConfig.merge``).
The result depends only on the input order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from storyline.match.config import MatchConfig
from storyline.match.index import CopyIndex, VectorIndex
from storyline.match.pairs import Facets, brevity, probability, weighted_cosine, weighted_norm
from storyline.match.signature import Signature
from storyline.model import Story


@dataclass
class StoryState:
    """A story's representation, updated as articles join."""

    id: str
    headline: str
    articles: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    related: set[str] = field(default_factory=set)
    vector_sum: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    terms: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    entity_names: dict[str, str] = field(default_factory=dict)
    #: Display name -> articles naming it, for the label (Signature.label_names).
    names: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    first: datetime | None = None
    last: datetime | None = None
    #: Set when a later article showed this story to be part of another one (see StoryClusterer.merge).
    merged_into: str | None = None

    def centroid(self) -> np.ndarray:
        return self.vector_sum / max(float(np.linalg.norm(self.vector_sum)), 1e-12)

    def absorb(self, signature: Signature, reason: str) -> None:
        self.articles.append(signature.id)
        self.reasons[signature.id] = reason
        vector = signature.vector.astype(np.float32)
        self.vector_sum = vector.copy() if self.vector_sum.size == 0 else self.vector_sum + vector
        self.terms.update(signature.terms)
        self.entities.update(dict.fromkeys(signature.entities, 1.0))
        self.numbers.update(dict.fromkeys(signature.numbers, 1.0))
        for key, name in signature.entity_names.items():
            self.entity_names.setdefault(key, name)
        self.names.update(signature.label_names)
        if signature.language:
            self.languages.add(signature.language.split("-")[0])
        if signature.published is not None:
            self.first = min(self.first, signature.published) if self.first else signature.published
            self.last = max(self.last, signature.published) if self.last else signature.published

    def take_over(self, other: StoryState) -> None:
        """Absorb another story's articles and representation (it is the same story)."""
        self.articles.extend(other.articles)
        self.reasons.update(other.reasons)
        self.vector_sum = self.vector_sum + other.vector_sum
        self.terms.update(other.terms)
        self.entities.update(other.entities)
        self.numbers.update(other.numbers)
        for key, name in other.entity_names.items():
            self.entity_names.setdefault(key, name)
        self.names.update(other.names)
        self.languages |= other.languages
        self.related |= other.related - {self.id}
        self.related.discard(other.id)
        spans = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(spans), max(spans)) if spans else (None, None)
        other.merged_into = self.id
        other.articles, other.related = [], set()

    def days_to(self, when: datetime | None) -> float | None:
        """Days from ``when`` to this story's time span (0 inside it)."""
        if when is None or self.first is None or self.last is None:
            return None
        if self.first <= when <= self.last:
            return 0.0
        edge = self.first if when < self.first else self.last
        return abs((when - edge).total_seconds()) / 86400.0

    def label(self) -> str:
        """The three most frequent names (ties alphabetical) and the first headline."""
        ranked = sorted(self.names.items(), key=lambda item: (-item[1], item[0]))
        names = ", ".join(unique_names(n for n, _ in ranked)[:3])
        return f"{names}: {self.headline}" if names else self.headline

    def to_story(self) -> Story:
        return Story(
            id=self.id,
            label=self.label(),
            articles=list(self.articles),
            reasons=dict(self.reasons),
            related=sorted(self.related),
            first_published=self.first,
            last_published=self.last,
        )

    def to_state(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "headline": self.headline,
            "articles": self.articles,
            "reasons": self.reasons,
            "related": sorted(self.related),
            "vector_sum": self.vector_sum.tolist(),
            "terms": dict(self.terms),
            "entities": dict(self.entities),
            "entity_names": self.entity_names,
            "names": dict(self.names),
            "numbers": dict(self.numbers),
            "languages": sorted(self.languages),
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "merged_into": self.merged_into,
        }

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> StoryState:
        return cls(
            id=data["id"],
            headline=data["headline"],
            articles=list(data["articles"]),
            reasons=dict(data["reasons"]),
            related=set(data["related"]),
            vector_sum=np.asarray(data["vector_sum"], dtype=np.float32),
            terms=Counter(data["terms"]),
            entities=Counter(data["entities"]),
            entity_names=dict(data["entity_names"]),
            # States saved before labels had their own names: label from the matching names.
            names=Counter(
                data.get("names") or {data["entity_names"].get(k, k): n for k, n in data["entities"].items()}
            ),
            numbers=Counter(data["numbers"]),
            languages=set(data["languages"]),
            first=datetime.fromisoformat(data["first"]) if data["first"] else None,
            last=datetime.fromisoformat(data["last"]) if data["last"] else None,
            merged_into=data.get("merged_into"),
        )


@dataclass
class MemberLink:
    """Best similarities of an article to any nearby member of one story."""

    semantic: float = 0.0
    duplicate: float = 0.0


#: IDF snapshot refreshed when the collection has grown by this fraction.
IDF_REFRESH = 0.05


class StoryClusterer:
    """Time-ordered story assignment; deterministic for the same input order."""

    def __init__(self, config: MatchConfig | None = None) -> None:
        self.config = config or MatchConfig()
        self.vectors = VectorIndex()
        self.copies = CopyIndex(self.config)
        self.story_of: dict[str, str] = {}
        self.states: dict[str, StoryState] = {}
        self.document_frequency: Counter[str] = Counter()
        self.documents = 0
        # IDF is read from a snapshot refreshed as the collection grows by IDF_REFRESH, so story
        # norms can be cached; the snapshot is saved, keeping restarts exact.
        self.idf_frequency: dict[str, int] = {}
        self.idf_documents = 0
        self._idf: dict[str, float] = {}
        self._norms: dict[tuple[str, str], tuple[tuple[int, int], float]] = {}

    # ------------------------------------------------------------ scoring

    def idf(self, term: str) -> float:
        """Inverse document frequency over the articles seen up to the last snapshot."""
        value = self._idf.get(term)
        if value is None:
            value = math.log((self.idf_documents + 1) / (self.idf_frequency.get(term, 0) + 1)) + 1.0
            self._idf[term] = value
        return value

    def _refresh_idf(self) -> None:
        if self.documents > self.idf_documents * (1 + IDF_REFRESH) + 1:
            self.idf_frequency = dict(self.document_frequency)
            self.idf_documents = self.documents
            self._idf.clear()

    def story_norm(self, state: StoryState, kind: str, weights: Counter[str]) -> float:
        """Idf-weighted norm of one of a story's maps, cached until the story or the IDF changes."""
        version = (len(state.articles), self.idf_documents)
        cached = self._norms.get((state.id, kind))
        if cached is None or cached[0] != version:
            cached = (version, weighted_norm(weights, self.idf))
            self._norms[(state.id, kind)] = cached
        return cached[1]

    def _candidates(self, signature: Signature) -> dict[str, MemberLink]:
        """Story id -> the strongest links between the article and that story's nearby members."""
        found: dict[str, MemberLink] = {}
        for article_id, cosine in self.vectors.nearest(signature.vector, self.config.candidates):
            link = found.setdefault(self.story_of[article_id], MemberLink())
            link.semantic = max(link.semantic, cosine)
        for article_id, jaccard in self.copies.similar(signature):
            link = found.setdefault(self.story_of[article_id], MemberLink())
            link.duplicate = max(link.duplicate, jaccard)
        return found

    def facets(self, signature: Signature, state: StoryState, link: MemberLink) -> Facets:
        article_names = dict.fromkeys(signature.entities, 1.0)
        centroid_cos = float(np.dot(signature.vector, state.centroid()))
        language = (signature.language or "").split("-")[0]
        return Facets(
            duplicate=link.duplicate,
            semantic=float(np.clip(max(centroid_cos, link.semantic), 0.0, 1.0)),
            lexical=self._story_cosine(signature.terms, state, "terms", state.terms),
            entities=self._story_cosine(article_names, state, "entities", state.entities),
            places=0.0,
            numbers=self._story_cosine(dict.fromkeys(signature.numbers, 1.0), state, "numbers", state.numbers),
            days=state.days_to(signature.published),
            cross_lingual=bool(language and state.languages and language not in state.languages),
            brevity=brevity(signature.n_words),
        )

    def _story_cosine(self, weights: dict[str, float], state: StoryState, kind: str, story: Counter[str]) -> float:
        if not weights or not story:
            return 0.0
        return weighted_cosine(weights, story, self.idf, self.story_norm(state, kind, story))

    def story_facets(self, story: StoryState, other: StoryState) -> Facets:
        """Facets between two stories' whole representations (centroids, word, name and number maps)."""
        return Facets(
            duplicate=0.0,
            semantic=float(np.clip(np.dot(story.centroid(), other.centroid()), 0.0, 1.0)),
            lexical=self._story_cosine(story.terms, other, "terms", other.terms),
            entities=self._story_cosine(story.entities, other, "entities", other.entities),
            places=0.0,
            numbers=self._story_cosine(story.numbers, other, "numbers", other.numbers),
            days=None,
            cross_lingual=bool(story.languages and other.languages and not story.languages & other.languages),
        )

    def score(self, signature: Signature) -> list[tuple[float, str, Facets]]:
        """(probability, story id, facets) for every candidate story in the time window, best first."""
        return self._scored(signature)[0]

    def _scored(self, signature: Signature) -> tuple[list[tuple[float, str, Facets]], list[tuple[str, Facets]]]:
        """Candidate stories in the time window, scored best first, and the closed ones (link only)."""
        scored, closed = [], []
        for story_id, link in self._candidates(signature).items():
            state = self.states[story_id]
            facets = self.facets(signature, state, link)
            if facets.days is not None and facets.days > self.config.window_days:
                closed.append((story_id, facets))
                continue
            scored.append((probability(facets, self.config), story_id, facets))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored, closed

    # ------------------------------------------------------------ assignment

    def add(self, signature: Signature) -> str:
        """Assign one article; returns its story id. An article seen before keeps its story.

        A closed story (outside the time window) is never joined or merged, but may still be
        linked as related: the same topic months later (another launch, another verdict).
        """
        if signature.id in self.story_of:
            return self.story_of[signature.id]
        scored, closed = self._scored(signature)
        if scored and scored[0][0] >= self.config.join:
            p, story_id, facets = scored[0]
            state = self.states[story_id]
            state.absorb(signature, join_reason(p, facets, signature, state))
            self.merge(state, [other for _, other, _ in scored if other != story_id])
        else:
            story_id = f"s{len(self.states) + 1:06d}"
            state = StoryState(id=story_id, headline=signature.title.strip()[:160])
            state.absorb(signature, "started the story")
            self.states[story_id] = state
        for other, facets in [(other, facets) for _, other, facets in scored] + closed:
            linkable = other != story_id and not self.states[other].merged_into  # the merge may have absorbed it
            if linkable and self.is_related(facets):
                state.related.add(other)
                self.states[other].related.add(story_id)
        self._index(signature, story_id)
        return story_id

    def is_related(self, facets: Facets) -> bool:
        """Same topic: close in meaning and sharing names, or very close in meaning alone."""
        close = facets.semantic >= self.config.link_semantic and facets.entities >= self.config.link_entities
        return close or facets.semantic >= self.config.link_semantic_alone

    def merge(self, state: StoryState, candidates: list[str]) -> None:
        """Look-back: a story that grew may now clearly be the same as a nearby story started apart.

        Streaming decides on each article once, so two stories can start for one event before
        the article that bridges them arrives; the best candidate story whose whole
        representation scores at least ``config.merge`` against the grown one is absorbed.
        """
        best: tuple[float, str] | None = None
        for other in candidates:
            if self.states[other].merged_into:
                continue
            p = probability(self.story_facets(state, self.states[other]), self.config)
            if p >= self.config.merge and (best is None or p > best[0]):
                best = (p, other)
        if best is None:
            return
        absorbed = self.states[best[1]]
        self.story_of.update(dict.fromkeys(absorbed.articles, state.id))
        for linked in absorbed.related:
            self.states[linked].related.discard(absorbed.id)
            if linked != state.id:
                self.states[linked].related.add(state.id)
        state.take_over(absorbed)

    def _index(self, signature: Signature, story_id: str) -> None:
        self.story_of[signature.id] = story_id
        self.restore_index(signature)
        self.document_frequency.update(signature.terms.keys())
        self.document_frequency.update(signature.entities)
        self.document_frequency.update(signature.numbers)
        self.documents += 1
        self._refresh_idf()

    def restore_index(self, signature: Signature) -> None:
        """Re-index an already assigned article after a restart (no re-scoring)."""
        self.vectors.add(signature.id, signature.vector)
        self.copies.add(signature)

    # ------------------------------------------------------------ results and state

    def stories(self) -> list[Story]:
        """Current stories (those merged into another are left out)."""
        return [state.to_story() for state in self.states.values() if not state.merged_into]

    def merged(self) -> dict[str, str]:
        """Story id -> the story it was merged into (callers drop these from their stores)."""
        return {state.id: state.merged_into for state in self.states.values() if state.merged_into}

    def assignment(self) -> dict[str, str]:
        return dict(self.story_of)

    def to_state(self) -> dict[str, Any]:
        """Everything but the indexes (rebuilt from stored vectors and texts)."""
        return {
            "stories": [s.to_state() for s in self.states.values()],
            "document_frequency": dict(self.document_frequency),
            "documents": self.documents,
            "idf_frequency": self.idf_frequency,
            "idf_documents": self.idf_documents,
        }

    @classmethod
    def from_state(cls, data: dict[str, Any], config: MatchConfig | None = None) -> StoryClusterer:
        clusterer = cls(config)
        for item in data["stories"]:
            state = StoryState.from_state(item)
            clusterer.states[state.id] = state
            clusterer.story_of.update(dict.fromkeys(state.articles, state.id))
        clusterer.document_frequency = Counter(data["document_frequency"])
        clusterer.documents = int(data["documents"])
        clusterer.idf_frequency = dict(data["idf_frequency"])
        clusterer.idf_documents = int(data["idf_documents"])
        return clusterer


def join_reason(p: float, facets: Facets, signature: Signature, state: StoryState) -> str:
    """Why an article joined a story, in a few words."""
    parts = [f"p={p:.2f}", f"meaning {facets.semantic:.2f}"]
    if facets.duplicate >= 0.5:
        parts.insert(0, f"near-copy ({facets.duplicate:.2f})")
    if not facets.cross_lingual:
        parts.append(f"wording {facets.lexical:.2f}")
    else:
        parts.append("other language")
    shared = unique_names(state.entity_names.get(n, n) for n in sorted(signature.entities & set(state.entities)))[:3]
    if shared:
        parts.append("names " + ", ".join(shared))
    if facets.days is not None:
        parts.append(f"{facets.days:.1f} days from the story")
    return "; ".join(parts)


def unique_names(names: Iterable[str]) -> list[str]:
    """Display names once each, in order (variants map to one canonical name)."""
    return list(dict.fromkeys(names))
