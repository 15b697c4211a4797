"""Streaming story clustering: each article, in time order, joins a story or starts one.

Candidates come from two indexes (USE vectors in usearch, MinHash LSH for
copies); each candidate story is scored against the article with the same
facets and logistic model as a pair, using the story's evolving
representation (centroid, word and name weights, languages, time span).
Stories close enough to share a topic but not an event are linked, not merged.
A cheap look-back merges a story that just grew into a candidate story when the
two whole stories now clearly tell one event (``MatchConfig.merge``), and at the
end of each assignment run a consolidation pass merges, best pair first, the
stories one event was split over while the stories grew (``MatchConfig.consolidate``,
when a fitted merge gate admits the merge: :class:`MergeEvidence`), then moves
each of the run's articles that now fits another story better.
An undated article is never joined to a dated story in the stream (nor the
reverse): only that pass merges them, at ``MatchConfig.consolidate_undated``.
The result depends only on the input order.
"""

from __future__ import annotations

import base64
import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import numpy as np
from rensa import RMinHash

from storyline.match.config import MatchConfig, config_overrides, recorded_config
from storyline.match.index import CopyIndex, VectorIndex
from storyline.match.pairs import (
    Facets,
    brevity,
    display_name,
    is_related,
    mentioned,
    probability,
    telling_names,
    unique_names,
    weighted_cosine,
    weighted_norm,
)
from storyline.match.signature import Signature, shorten
from storyline.match.text import person_names, words
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
    #: Display name -> summed weight over the articles naming it, for the label (Signature.label_names).
    names: Counter[str] = field(default_factory=Counter)
    numbers: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    first: datetime | None = None
    last: datetime | None = None
    #: Set when a later article showed this story to be part of another one (see StoryClusterer.merge).
    merged_into: str | None = None
    #: Each member's headline, and its publication time: the story is headed by the member that first reported
    #: it (:meth:`lead`), whatever order the members joined or left in.
    headlines: dict[str, str] = field(default_factory=dict)
    dates: dict[str, datetime | None] = field(default_factory=dict)
    #: Each member's language ("" when it has none), so that a removal narrows :attr:`languages` to the members left.
    article_languages: dict[str, str] = field(default_factory=dict)
    #: The member that a comparison of the story found it began with: of the members published first, the one
    #: the others copy or translate (matching cannot tell a same-day translation from its original). Set from
    #: outside (:meth:`head_with`); it heads the story until it leaves or a member dated a day before it joins.
    source: str | None = None

    def centroid(self) -> np.ndarray:
        return self.vector_sum / max(float(np.linalg.norm(self.vector_sum)), 1e-12)

    def absorb(self, signature: Signature, reason: str) -> None:
        self.articles.append(signature.id)
        self.reasons[signature.id] = reason
        self.headlines[signature.id] = headline_of(signature.title)
        self.dates[signature.id] = signature.published
        self.forget_outdated_source([signature.published])
        self.retitle()
        vector = signature.vector.astype(np.float32)
        self.vector_sum = vector.copy() if self.vector_sum.size == 0 else self.vector_sum + vector
        self.terms.update(signature.terms)
        self.entities.update(dict.fromkeys(signature.entities, 1.0))
        self.numbers.update(dict.fromkeys(signature.numbers, 1.0))
        self.learn_names(signature.entity_names)
        self.names.update(signature.label_names)
        language = signature.language.split("-")[0] if signature.language else ""
        self.article_languages[signature.id] = language
        if language:
            self.languages.add(language)
        if signature.published is not None:
            self.first = min(self.first, signature.published) if self.first else signature.published
            self.last = max(self.last, signature.published) if self.last else signature.published

    def learn_names(self, entity_names: dict[str, str]) -> None:
        """Display names of matching names: the first seen that is more than the bare word title-cased."""
        for key in entity_names:
            self.entity_names[key] = display_name(key, self.entity_names, entity_names)

    def lead(self) -> str | None:
        """The member whose headline heads the story: its :attr:`source` when known, else the first to report it
        (the earliest dated, undated ones after, ties in the order they joined). A story saved before members'
        dates were kept is headed by its first member still here, as it was: a later member is never taken for
        the first to report it."""
        if self.source in self.headlines:
            return self.source
        known = [article_id for article_id in self.articles if article_id in self.headlines]
        if not all(article_id in self.dates for article_id in known):
            return known[0] if known else None
        order = {article_id: n for n, article_id in enumerate(known)}
        return min(known, key=lambda a: (*_publication_key(self.dates[a]), order[a]), default=None)

    def retitle(self) -> None:
        """Head the story with its lead member's headline (kept as it is when no member's is known)."""
        lead = self.lead()
        if lead is not None:
            self.headline = self.headlines[lead]

    def head_with(self, source: str) -> bool:
        """Take ``source`` (a member) for the article the story began with, and head the story with its
        headline; says whether that is new."""
        before, self.source = self.source, source if source in self.headlines else None
        self.retitle()
        return self.source != before

    def forget_outdated_source(self, joined: Iterable[datetime | None]) -> None:
        """Drop :attr:`source` when an article published a day before it (or dated at all, when it is not) joins:
        the comparison that found it did not see that article (one of the same day may not be first: the next
        comparison tells)."""
        if self.source is None:
            return
        began = self.dates.get(self.source)
        if any(when is not None and (began is None or when.date() < began.date()) for when in joined):
            self.source = None

    def release(self, signature: Signature) -> None:
        """Remove an article that moves to another story (span and languages kept: they only ever widen)."""
        self.articles.remove(signature.id)
        self.reasons.pop(signature.id, None)
        self.headlines.pop(signature.id, None)
        self.dates.pop(signature.id, None)
        self.article_languages.pop(signature.id, None)
        self.source = None if self.source == signature.id else self.source
        self.retitle()
        self.vector_sum = self.vector_sum - signature.vector.astype(np.float32)
        for weights, removed in (
            (self.terms, signature.terms),
            (self.entities, dict.fromkeys(signature.entities, 1.0)),
            (self.numbers, dict.fromkeys(signature.numbers, 1.0)),
            (self.names, signature.label_names),
        ):
            weights.subtract(removed)
            for key in [k for k in removed if weights[k] <= 1e-9]:
                del weights[key]

    def narrow_to_members(self) -> None:
        """The time span and languages of the members still here, after one was removed from the library (a move
        keeps them: they only ever widen). Each is kept when a member's date, or language, is not known (a story
        saved before they were)."""
        if all(article_id in self.dates for article_id in self.articles):
            dated = [when for article_id in self.articles if (when := self.dates[article_id]) is not None]
            self.first, self.last = (min(dated), max(dated)) if dated else (None, None)
        if all(article_id in self.article_languages for article_id in self.articles):
            self.languages = {language for article_id in self.articles if (language := self.article_languages[article_id])}

    def without(self, signature: Signature) -> StoryState:
        """A copy of the story without one of its articles (leave-one-out scoring)."""
        copy = StoryState(
            id=f"{self.id}~",
            headline=self.headline,
            articles=list(self.articles),
            headlines=dict(self.headlines),
            dates=dict(self.dates),
            article_languages=dict(self.article_languages),
            vector_sum=self.vector_sum.copy(),
            terms=Counter(self.terms),
            entities=Counter(self.entities),
            names=Counter(self.names),
            numbers=Counter(self.numbers),
            languages=set(self.languages),
            first=self.first,
            last=self.last,
        )
        copy.release(signature)
        return copy

    def take_over(self, other: StoryState) -> None:
        """Absorb another story's articles and representation (it is the same story)."""
        self.articles.extend(other.articles)
        self.reasons.update(other.reasons)
        self.headlines.update(other.headlines)
        self.dates.update(other.dates)
        self.article_languages.update(other.article_languages)
        self.forget_outdated_source(other.dates.values())
        self.retitle()
        self.vector_sum = self.vector_sum + other.vector_sum
        self.terms.update(other.terms)
        self.entities.update(other.entities)
        self.numbers.update(other.numbers)
        self.learn_names(other.entity_names)
        self.names.update(other.names)
        self.languages |= other.languages
        self.related |= other.related - {self.id}
        self.related.discard(other.id)
        spans = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        self.first, self.last = (min(spans), max(spans)) if spans else (None, None)
        other.merged_into = self.id
        other.articles, other.related = [], set()

    def days_to(self, when: datetime | None, window_days: float) -> float | None:
        """Days from ``when`` to the nearest of this story's :meth:`runs` (0 inside one): the quiet weeks between a
        story and a follow-up merged into it are not inside the story."""
        if when is None or self.first is None or self.last is None:
            return None
        return min(_days_between((when, when), run) for run in self.runs(window_days))

    def gap_to(self, other: StoryState, window_days: float) -> float | None:
        """Days between the nearest :meth:`runs` of two stories (0 when they overlap; None when either is undated)."""
        if other.first is None or other.last is None or self.first is None or self.last is None:
            return None
        return min(_days_between(mine, theirs) for mine in self.runs(window_days) for theirs in other.runs(window_days))

    def runs(self, window_days: float) -> list[tuple[datetime, datetime]]:
        """The story's time span cut where no report of it falls for more than ``window_days``: one run for a story
        the stream grew, another for each follow-up merged beyond the window (a verdict months on), so that the
        follow-up keeps the story open around its own date, not over the months between. The whole span when a
        member's date is not known (a story saved before they were kept) or none is dated."""
        if self.first is None or self.last is None:
            return []
        short = (self.last - self.first).total_seconds() / 86400.0 <= window_days  # most stories: nothing to cut
        if short or not all(article_id in self.dates for article_id in self.articles):
            return [(self.first, self.last)]
        points = sorted({self.first, self.last, *(d for a in self.articles if (d := self.dates[a]) is not None)})
        runs = [(points[0], points[0])]
        for point in points[1:]:
            start, end = runs[-1]
            if (point - end).total_seconds() / 86400.0 <= window_days:
                runs[-1] = (start, point)
            else:
                runs.append((point, point))
        return runs

    def label(self) -> str:
        """The three names of most weight (ties alphabetical) and the first headline."""
        ranked = sorted(self.names.items(), key=lambda item: (-round(item[1], 6), item[0]))
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
            "vector_sum": base64.b64encode(self.vector_sum.astype(np.float32).tobytes()).decode("ascii"),
            "terms": dict(self.terms),
            "entities": dict(self.entities),
            "entity_names": self.entity_names,
            "names": dict(self.names),
            "numbers": dict(self.numbers),
            "languages": sorted(self.languages),
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "merged_into": self.merged_into,
            "headlines": self.headlines,
            "dates": {article_id: when.isoformat() if when else None for article_id, when in self.dates.items()},
            "article_languages": self.article_languages,
            "source": self.source,
        }

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> StoryState:
        return cls(
            id=data["id"],
            headline=data["headline"],
            articles=list(data["articles"]),
            reasons=dict(data["reasons"]),
            related=set(data["related"]),
            vector_sum=_vector_sum(data["vector_sum"]),
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
            headlines=dict(data.get("headlines", {})),  # states saved before: the headline stays as it was
            dates={a: datetime.fromisoformat(when) if when else None for a, when in data.get("dates", {}).items()},
            article_languages=dict(data.get("article_languages", {})),  # states saved before: languages kept on removal
            source=data.get("source"),
        )


def _days_between(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> float:
    """Days between two spans of time (first, last): 0 when they overlap."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0.0
    gap = b[0] - a[1] if a[1] < b[0] else a[0] - b[1]
    return gap.total_seconds() / 86400.0


def _publication_key(when: datetime | None) -> tuple[bool, datetime]:
    """Sort key: dated oldest first, undated last."""
    return when is None, when or datetime.min


def _vector_sum(saved: str | list[float]) -> np.ndarray:
    """A saved vector sum: base64 of its float32 bytes (a quarter of the size of the float list states
    were saved with before, which is still read), exact either way."""
    if isinstance(saved, str):
        return np.frombuffer(base64.b64decode(saved), dtype=np.float32).copy()
    return np.asarray(saved, dtype=np.float32)


@dataclass
class MemberLink:
    """Best similarities of an article to any nearby member of one story."""

    semantic: float = 0.0
    duplicate: float = 0.0


@dataclass(frozen=True)
class ArticleMaps:
    """An article's word, name and number maps with their idf-weighted norms.

    An article is scored against every candidate story (and again in the consolidation pass);
    its norms were re-summed for each until they were computed once here (the cluster step
    spent 60% of its time on them; docs/benchmarks/matching.md, speed).
    """

    maps: dict[str, dict[str, float]]
    norms: dict[str, float]


@dataclass(frozen=True)
class MergeEvidence:
    """What the consolidation pass weighs before merging one story into another.

    The joining story's articles are each scored against the other story, as the
    stream would score them; ``short`` is their mean :func:`~storyline.match.pairs.brevity`
    (1 for headlines alone, whose lowest probability and story size say little).
    """

    mean: float
    lowest: float
    size: int
    mixed: bool
    short: float

    def features(self) -> list[float]:
        """The gate's inputs, in the order of :meth:`probability`'s weights."""
        long = 1.0 - self.short
        return [self.mean, self.lowest * long, math.log(self.size) * long, float(self.mixed), self.short]

    def probability(self, config: MatchConfig) -> float:
        """Gate probability that the two stories tell one event (``MatchConfig.gate_*``)."""
        weights = (config.gate_mean, config.gate_lowest, config.gate_size, config.gate_mixed, config.gate_short)
        z = config.gate_bias + sum(w * f for w, f in zip(weights, self.features(), strict=True))
        return 1.0 / (1.0 + math.exp(min(-z, 700.0)))


#: Longest headline a story label takes from its first article's title.
HEADLINE_CHARS = 160


def headline_of(title: str) -> str:
    """A member's title as the story's label shows it when the member heads the story."""
    return shorten(title, HEADLINE_CHARS)


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
        #: Story ids given so far: new stories count on from it, so no id ever names two stories.
        self.issued = 0
        #: Story id -> the story that took its articles when it was merged away (or re-clustered under another
        #: id): an id shown before (an ingest summary, a bookmark, a link) still leads to its articles.
        self.forwards: dict[str, str] = {}
        self._idf: dict[str, float] = {}
        self._norms: dict[tuple[str, str], tuple[tuple[int, int], float]] = {}

    # ------------------------------------------------------------ scoring

    def idf(self, term: str) -> float:
        """Inverse document frequency over the articles seen up to the last snapshot, smoothed by
        ``config.idf_prior_documents`` term-free pseudo-documents so small libraries score like big ones."""
        value = self._idf.get(term)
        if value is None:
            documents = self.idf_documents + self.config.idf_prior_documents
            value = math.log((documents + 1) / (self.idf_frequency.get(term, 0) + 1)) + 1.0
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

    def article_maps(self, signature: Signature) -> ArticleMaps:
        """The article's maps and norms under the current IDF snapshot (valid until :meth:`add` refreshes it)."""
        maps = {
            "terms": signature.terms,
            "entities": dict.fromkeys(signature.entities, 1.0),
            "numbers": dict.fromkeys(signature.numbers, 1.0),
        }
        return ArticleMaps(maps, {kind: weighted_norm(weights, self.idf) for kind, weights in maps.items()})

    def facets(
        self, signature: Signature, state: StoryState, link: MemberLink, maps: ArticleMaps | None = None
    ) -> Facets:
        """The article against one story; ``maps`` (:meth:`article_maps`) when the article is scored many times."""
        maps = maps or self.article_maps(signature)
        centroid_cos = float(np.dot(signature.vector, state.centroid()))
        language = (signature.language or "").split("-")[0]

        def cosine(kind: str, story: Counter[str]) -> float:
            return self._story_cosine(maps.maps[kind], state, kind, story, maps.norms[kind])

        return Facets(
            duplicate=link.duplicate,
            semantic=float(np.clip(max(centroid_cos, link.semantic), 0.0, 1.0)),
            lexical=cosine("terms", state.terms),
            entities=cosine("entities", state.entities),
            places=0.0,
            numbers=cosine("numbers", state.numbers),
            days=state.days_to(signature.published, self.config.window_days),
            cross_lingual=bool(language and state.languages and language not in state.languages),
            brevity=brevity(signature.n_words),
        )

    def _story_cosine(
        self, weights: dict[str, float], state: StoryState, kind: str, story: Counter[str], norm: float | None = None
    ) -> float:
        """Cosine of ``weights`` (norm given, or summed here) with one of ``state``'s maps (norm cached)."""
        if not weights or not story:
            return 0.0
        return weighted_cosine(weights, story, self.idf, self.story_norm(state, kind, story), norm)

    def story_facets(self, story: StoryState, other: StoryState) -> Facets:
        """Facets between two stories' whole representations (centroids, word, name and number maps)."""

        def cosine(kind: str, mine: Counter[str], theirs: Counter[str]) -> float:
            return self._story_cosine(mine, other, kind, theirs, self.story_norm(story, kind, mine))

        return Facets(
            duplicate=0.0,
            semantic=float(np.clip(np.dot(story.centroid(), other.centroid()), 0.0, 1.0)),
            lexical=cosine("terms", story.terms, other.terms),
            entities=cosine("entities", story.entities, other.entities),
            places=0.0,
            numbers=cosine("numbers", story.numbers, other.numbers),
            days=None,
            cross_lingual=bool(story.languages and other.languages and not story.languages & other.languages),
        )

    def score(self, signature: Signature) -> list[tuple[float, str, Facets]]:
        """(probability, story id, facets) for every candidate story in the time window, best first."""
        return self._scored(signature)[0]

    def _scored(self, signature: Signature) -> tuple[list[tuple[float, str, Facets]], list[tuple[str, Facets]]]:
        """Candidate stories it may join, scored best first, and those it may only be linked to.

        Link only: closed stories (outside the time window) and, for an undated article, dated
        stories (and the reverse): without the day facet two events of one topic look alike, so
        :meth:`consolidate` decides such a pair at the end of the run, at a higher bar.
        """
        scored, closed = [], []
        maps = self.article_maps(signature)
        for story_id, link in self._candidates(signature).items():
            state = self.states[story_id]
            facets = self.facets(signature, state, link, maps)
            outside = facets.days is not None and facets.days > self.config.window_days
            if outside or (signature.published is None) != (state.first is None):
                closed.append((story_id, facets))
                continue
            scored.append((probability(facets, self.config), story_id, facets))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored, closed

    # ------------------------------------------------------------ assignment

    def add(self, signature: Signature) -> str:
        """Assign one article; returns its story id. An article seen before keeps its story.

        A closed story (outside the time window) is never joined or merged here, but may still be
        linked as related: the same topic months later (another launch, another verdict); only the
        consolidation pass merges a follow-up that retells it (:meth:`follow_up`).
        """
        if signature.id in self.story_of:
            return self.story_of[signature.id]
        scored, closed = self._scored(signature)
        if scored and scored[0][0] >= self.config.join:
            p, story_id, facets = scored[0]
            state = self.states[story_id]
            state.absorb(signature, join_reason(p, facets, signature, state, self.idf))
            self.merge(state, [other for _, other, _ in scored if other != story_id])
        else:
            story_id = self._new_id()
            state = StoryState(id=story_id, headline=headline_of(signature.title))
            state.absorb(signature, "started the story")
            self.states[story_id] = state
        for other, facets in [(other, facets) for _, other, facets in scored] + closed:
            linkable = other != story_id and not self.states[other].merged_into  # the merge may have absorbed it
            if linkable and self.is_related(facets):
                state.related.add(other)
                self.states[other].related.add(story_id)
        self._index(signature, story_id)
        return story_id

    def _new_id(self) -> str:
        self.issued += 1
        return f"s{self.issued:06d}"

    def is_related(self, facets: Facets) -> bool:
        """Same topic: :func:`~storyline.match.pairs.is_related`."""
        return is_related(facets, self.config)

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
        if best is not None:
            self._fold(state, self.states[best[1]])

    def _fold(self, survivor: StoryState, absorbed: StoryState) -> None:
        """Move a story's articles and links into another (both tell one event)."""
        self.story_of.update(dict.fromkeys(absorbed.articles, survivor.id))
        self.forwards[absorbed.id] = survivor.id
        for linked in absorbed.related:
            self.states[linked].related.discard(absorbed.id)
            if linked != survivor.id:
                self.states[linked].related.add(survivor.id)
        survivor.take_over(absorbed)

    # ------------------------------------------------------------ consolidation

    def consolidate(self, article_ids: Iterable[str], signature_of: SignatureLookup) -> list[str]:
        """Merge the stories one event was split over, at the end of an assignment run.

        Streaming decides each article once, so an event can end up in two stories when its
        articles arrived before either story had grown. Every pair of stories linked by the
        run's articles (``article_ids``: an article's story and the stories of its nearest
        articles) is scored by :meth:`cohesion`; the best pair at or above ``config.consolidate``
        is merged, the smaller story into the larger, its pairs rescored, and so on
        (agglomerative over stories, ties by story ids: independent of the pairs' order).
        Stories more than ``window_days`` apart merge only as a follow-up (:meth:`follow_up`); an undated
        story joins a dated one only at ``config.consolidate_undated``.
        Then each of the run's articles moves to the candidate story it would now join with the
        highest probability, when that beats its own story without it (:meth:`_reassign`).
        ``signature_of`` gives any assigned article's signature (None when it is gone), looked
        up once per pass. Returns the ids of the stories it changed (absorbed ones: :meth:`merged`).
        """
        run = _ConsolidationRun(self, signature_of)
        article_ids = sorted(set(article_ids))
        neighbours: dict[str, set[str]] = {}
        for article_id in article_ids:
            story_id = self.story_of.get(article_id)
            if story_id is None:
                continue
            for other in run.nearby_stories(article_id):
                neighbours.setdefault(story_id, set()).add(other)
                neighbours.setdefault(other, set()).add(story_id)
        queue: list[tuple[float, str, str, int, int]] = []
        for story_id in sorted(neighbours):
            for other in sorted(neighbours[story_id]):
                if story_id < other:
                    run.push(queue, story_id, other)
        survivors: set[str] = set()
        while queue:
            negative, first, second, size_first, size_second = heapq.heappop(queue)
            a, b = self.states[first], self.states[second]
            if a.merged_into or b.merged_into or (len(a.articles), len(b.articles)) != (size_first, size_second):
                continue  # stale: one side changed since it was scored
            survivor, absorbed = (a, b) if (len(a.articles), b.id) >= (len(b.articles), a.id) else (b, a)
            for article_id in absorbed.articles:
                absorbed.reasons[article_id] = run.merged_reason(article_id, survivor)
            self._fold(survivor, absorbed)
            survivors.add(survivor.id)
            survivors.discard(absorbed.id)
            linked = (neighbours.pop(absorbed.id, set()) | neighbours.get(survivor.id, set())) - {a.id, b.id}
            neighbours[survivor.id] = linked
            for other in sorted(linked):
                neighbours[other].discard(absorbed.id)
                neighbours[other].add(survivor.id)
                run.push(queue, *sorted((survivor.id, other)))
        changed = survivors | self._reassign(article_ids + self._lone_nearby(article_ids, run), run)
        changed |= self._relink(article_ids, run)
        return sorted(s for s in changed if not self.states[s].merged_into)

    def _reassign(self, article_ids: list[str], run: _ConsolidationRun) -> set[str]:
        """One k-means-like sweep: move each article whose best candidate story beats its own.

        Its own story is scored without it (leave-one-out); a move needs the stream's ``join``
        probability (``consolidate_undated`` for an undated article towards a dated story; ``adopt`` for an
        article still alone in its story, towards a story as dated or undated as it is). A dated article never
        moves into an undated story: one report would give the story its day, and ECB+'s undated stories took
        dated reports of the other event of their topic (another club's offer, the next year's patch) that the
        pass's merge gate, deciding whole stories, would have weighed. All moves are decided before any is made,
        so the sweep does not depend on the articles' order.
        Returns the stories that lost or gained an article.
        """
        moves = [move for move in (self._better_story(a, run) for a in article_ids) if move is not None]
        changed: set[str] = set()
        for article_id, target, p, facets in moves:
            source, destination, signature = (
                self.states[self.story_of[article_id]],
                self.states[target],
                run.signature(article_id),
            )
            if destination.merged_into or destination is source or signature is None:
                continue  # emptied, or already joined, by an earlier move of this sweep
            reason = f"moved here: {join_reason(p, facets, signature, destination, self.idf)}"
            if len(source.articles) == 1:
                source.reasons[article_id] = reason
                self._fold(destination, source)
            else:
                source.release(signature)
                self._forget_norms(source.id)
                destination.absorb(signature, reason)
                self.story_of[article_id] = destination.id
            changed |= {source.id, destination.id}
        return changed

    def _lone_nearby(self, article_ids: list[str], run: _ConsolidationRun) -> list[str]:
        """The articles of earlier runs still alone in their stories that the run's articles are nearest to.

        A run's sweep weighs its own articles only; one ingest of a whole pile weighs a lone report again once the
        stories around it have grown, and a day-by-day stream of the same pile must too, or day 1's lone report
        stays alone beside the story days 2 and 3 made of its event.
        """
        nearest = {other for article_id in article_ids for other, _ in run.nearest(article_id)}
        return sorted(other for other in nearest - set(article_ids) if self._alone(other))

    def _alone(self, article_id: str) -> bool:
        story = self.states.get(self.story_of.get(article_id, ""))
        return story is not None and not story.merged_into and len(story.articles) == 1

    def _better_story(self, article_id: str, run: _ConsolidationRun) -> tuple[str, str, float, Facets] | None:
        """(article, story, p, facets) when a candidate story beats the article's own story without it."""
        signature, own_id = run.signature(article_id), self.story_of.get(article_id)
        if signature is None or own_id is None:
            return None
        own = self.states[own_id]
        adoptable = len(own.articles) == 1 and signature.n_words >= self.config.adopt_min_words
        best: tuple[float, str, Facets] | None = None
        for story_id in sorted(run.nearby_stories(article_id)):
            state = self.states[story_id]
            if signature.published is not None and state.first is None:
                continue  # a dated report would date an undated story: the sweep moves it only among dated ones
            p, facets = run.join_probability(article_id, state)
            mixed = (signature.published is None) != (state.first is None)
            bar = self.config.consolidate_undated if mixed else self.config.join
            if adoptable and not mixed and (facets.days is None or facets.days <= self.config.adopt_max_days):
                bar = self.config.adopt
            outside = facets.days is not None and facets.days > self.config.window_days
            if not outside and p >= bar and (best is None or p > best[0]):
                best = (p, story_id, facets)
        if best is None:
            return None
        if len(own.articles) > 1:
            alone = own.without(signature)
            p_own, _ = run.join_probability(article_id, alone, members_of=own.id)
            self._forget_norms(alone.id)
            if best[0] <= p_own:
                return None
        return article_id, best[1], best[0], best[2]

    def _relink(self, article_ids: list[str], run: _ConsolidationRun) -> set[str]:
        """Decide the related links of the run's stories again, between whole stories once they are final.

        The stream links an article's story to every candidate story that one article is related to, so a single
        report close to another topic's story chains two topics (three regions' earthquakes, two kinds of riot).
        Here each pair of stories the run's articles reach (an article's story and the stories of its nearest
        articles) is linked by :meth:`links` on the two whole stories. Returns the stories whose links changed.
        """
        own = {self.story_of[a] for a in article_ids if a in self.story_of}
        facets: dict[tuple[str, str], Facets] = {}
        for article_id in article_ids:
            story_id = self.story_of.get(article_id)
            if story_id is None:
                continue
            for other in run.nearby_stories(article_id):
                pair = (story_id, other) if story_id < other else (other, story_id)
                if pair not in facets:
                    facets[pair] = self.story_facets(self.states[pair[0]], self.states[pair[1]])
        closest: dict[str, tuple[float, str]] = {}
        for (first, second), pair_facets in facets.items():
            for one, other in ((first, second), (second, first)):
                closest[one] = max(closest.get(one, (-1.0, "")), (pair_facets.semantic, other))
        touched = own | {s for pair in facets for s in pair} | {o for s in own for o in self.states[s].related}
        before = {s: set(self.states[s].related) for s in touched}
        for story_id in own:
            for other in self.states[story_id].related:
                self.states[other].related.discard(story_id)
            self.states[story_id].related = set()
        for (first, second), pair_facets in facets.items():
            mutual = closest[first][1] == second and closest[second][1] == first
            if self.links(pair_facets, mutual):
                self.states[first].related.add(second)
                self.states[second].related.add(first)
        return {s for s in touched if self.states[s].related != before[s]}

    def links(self, facets: Facets, closest_to_each_other: bool) -> bool:
        """Are two whole stories related: by :meth:`is_related`, or each the other's closest story in meaning at
        ``link_semantic``? Two events of one topic (two office shootings, two pin-up stars' deaths) rarely share a
        name, but each is the other's nearest story."""
        close = closest_to_each_other and facets.semantic >= self.config.link_semantic
        return close or self.is_related(facets)

    def _forget_norms(self, story_id: str) -> None:
        """Drop cached norms of a story whose maps shrank (the cache is keyed by size, which may recur)."""
        for kind in ("terms", "entities", "numbers"):
            self._norms.pop((story_id, kind), None)

    def cohesion(self, story: StoryState, other: StoryState, run: _ConsolidationRun) -> float:
        """Mean probability that one story's articles would join the other now; 0 when the gate refuses.

        The smaller story's articles are scored against the larger (an undated story's against
        the dated one, as the stream would have met them), with the stream's own article-to-story
        model, not the story-to-story one: the whole-story centroids of two events of one topic
        are close (NewsWCL50: two 5-article events at p 0.84), their articles to the other story are not.
        The mean alone cannot tell a split event from two events of one topic that each grew in the
        stream; the merge gate (:meth:`admits`) weighs the whole :class:`MergeEvidence`.
        """
        mixed = (story.first is None) != (other.first is None)
        if mixed:
            joining, joined = (story, other) if story.first is None else (other, story)
        else:
            joining, joined = sorted((story, other), key=lambda s: (len(s.articles), s.id))
        gap = joining.gap_to(joined, self.config.window_days)
        late = gap is not None and gap > self.config.window_days
        probabilities = [run.join_probability(article_id, joined, timeless=late)[0] for article_id in joining.articles]
        if not probabilities:
            return 0.0
        if late:
            return self.follow_up(probabilities, lambda: run.headline_person_shared(joining, joined))
        signatures = [s for s in map(run.signature, joining.articles) if s is not None]
        evidence = MergeEvidence(
            mean=sum(probabilities) / len(probabilities),
            lowest=min(probabilities),
            size=len(probabilities),
            mixed=mixed,
            short=sum(brevity(s.n_words) for s in signatures) / len(signatures) if signatures else 0.0,
        )
        return evidence.mean if self.admits(joining, joined, evidence) else 0.0

    def follow_up(self, probabilities: list[float], names_its_person: Callable[[], bool]) -> float:
        """Mean probability of a story beyond the window joining another, scored without the day facet; 0 below
        ``config.follow_up``, or below ``config.follow_up_person`` when ``names_its_person()`` says the two stories
        share a person a headline names. A later report of one event (a trial, a verdict, a repair months on)
        tells it again almost word for word, or names its victim or suspect again; the next event of a topic
        (a firm's next quarter) does neither: its people are spokesmen the headlines leave out."""
        mean = sum(probabilities) / len(probabilities)
        if mean >= self.config.follow_up:
            return mean
        return mean if mean >= self.config.follow_up_person and names_its_person() else 0.0

    def admits(self, joining: StoryState, joined: StoryState, evidence: MergeEvidence) -> bool:
        """The merge gate: may ``joining`` be merged into ``joined`` on this evidence?"""
        return evidence.probability(self.config) >= 0.5

    def _index(self, signature: Signature, story_id: str) -> None:
        self.story_of[signature.id] = story_id
        self.restore_index(signature.id, signature.vector, signature.minhash)
        self.document_frequency.update(signature.terms.keys())
        self.document_frequency.update(signature.entities)
        self.document_frequency.update(signature.numbers)
        self.documents += 1
        self._refresh_idf()

    def restore_index(self, article_id: str, vector: np.ndarray, minhash: RMinHash) -> None:
        """Re-index an already assigned article after a restart (no re-scoring): its vector and MinHash
        are all the indexes hold, so a restart need not rebuild whole signatures."""
        self.vectors.add(article_id, vector)
        self.copies.add(article_id, minhash)

    def remove(self, signatures: Iterable[Signature]) -> set[str]:
        """Take articles deleted from the library out of their stories, the indexes and the document counts.

        Each story loses the article's share of its representation and is headed and spanned by the members
        left; a story left empty is gone, with its links. Returns the ids of the stories changed: those that
        lost an article (gone ones among them: no longer in :meth:`stories`) and those linked to a gone one.
        """
        changed: set[str] = set()
        for signature in signatures:
            story_id = self.story_of.pop(signature.id, None)
            if story_id is None:
                continue
            self.vectors.remove(signature.id)
            self.copies.remove(signature.id)
            for features in (signature.terms.keys(), signature.entities, signature.numbers):
                self.document_frequency.subtract(features)
            self.documents -= 1
            state = self.states[story_id]
            state.release(signature)
            state.narrow_to_members()
            self._forget_norms(story_id)
            changed.add(story_id)
            if not state.articles:
                for linked in state.related:
                    self.states[linked].related.discard(story_id)
                changed |= state.related
                del self.states[story_id]
        self.document_frequency = +self.document_frequency  # keeps only the terms still counted
        return changed

    # ------------------------------------------------------------ results and state

    def stories(self, ids: set[str] | None = None) -> list[Story]:
        """Current stories (those merged into another are left out), or those of them among ``ids``."""
        return [
            state.to_story()
            for state in self.states.values()
            if not state.merged_into and (ids is None or state.id in ids)
        ]

    def merged(self) -> dict[str, str]:
        """Story id -> the story it was merged into (callers drop these from their stores)."""
        return {state.id: state.merged_into for state in self.states.values() if state.merged_into}

    def successor(self, story_id: str) -> str | None:
        """The live story that now holds the articles of ``story_id`` (itself while it lives), following
        :attr:`forwards` through later merges; None for an id never given or a story emptied (removed)."""
        seen = set()
        while not self._live(story_id) and story_id in self.forwards and story_id not in seen:
            seen.add(story_id)
            story_id = self.forwards[story_id]
        return story_id if self._live(story_id) else None

    def _live(self, story_id: str) -> bool:
        state = self.states.get(story_id)
        return state is not None and not state.merged_into

    def assignment(self) -> dict[str, str]:
        return dict(self.story_of)

    def keep_ids(self, earlier: dict[str, list[str]], issued: int, forwards: dict[str, str] | None = None) -> None:
        """Rename a re-clustering's stories: each takes the id of the earlier story (``earlier``: id ->
        articles) more than half of whose articles it holds (the one it shares most with, if several);
        every other story gets a fresh id counted on from ``issued``, the ids given before.

        A bookmarked or linked story id so keeps naming (most of) the same articles, and never another
        story. Stories merged during the run are dropped first: nothing stored refers to their ids. An earlier
        id no story keeps forwards to the story holding most of its articles, after the earlier ``forwards``.
        """
        live = [state for state in self.states.values() if not state.merged_into]
        home = {article_id: story_id for story_id, articles in earlier.items() for article_id in articles}
        claims = []
        for state in live:
            shared = Counter(home[a] for a in state.articles if a in home)
            claims += [(-n, old, state.id) for old, n in shared.items() if 2 * n > len(earlier[old])]
        names: dict[str, str] = {}
        for _, old, story_id in sorted(claims):  # an earlier story has at most one claim (over half)
            names.setdefault(story_id, old)
        self.issued = issued
        for state in live:
            if state.id not in names:
                names[state.id] = self._new_id()
        for state in live:
            state.id = names[state.id]
            state.related = {names[r] for r in state.related if r in names}
        self.states = {state.id: state for state in live}
        self.story_of = {article_id: names[story_id] for article_id, story_id in self.story_of.items()}
        self.forwards = dict(forwards or {})
        for old, articles in earlier.items():
            holders = Counter(self.story_of[a] for a in articles if a in self.story_of)
            if old not in self.states and holders:
                self.forwards[old] = min(holders, key=lambda story_id: (-holders[story_id], story_id))
        self._norms.clear()

    def keep_sources(self, earlier: dict[str, str]) -> None:
        """After :meth:`keep_ids`, head each story with the source a comparison named for the story of its id before
        (``earlier``: story id -> source), while that article is a member and no member is dated a day before it."""
        for story_id, source in sorted(earlier.items()):
            state = self.states.get(story_id)
            if state is not None and state.head_with(source):
                state.forget_outdated_source(state.dates.values())
                state.retitle()

    def to_state(self) -> dict[str, Any]:
        """Everything but the indexes (restored from stored vectors and MinHashes), with the settings that differ
        from the defaults. Stories merged into others are left out, their ids kept in ``forwards`` only (``issued``
        keeps them from being reused)."""
        return {
            "stories": [s.to_state() for s in self.states.values() if not s.merged_into],
            "document_frequency": dict(self.document_frequency),
            "documents": self.documents,
            "idf_frequency": self.idf_frequency,
            "idf_documents": self.idf_documents,
            "issued": self.issued,
            "forwards": self.forwards,
            "config": config_overrides(self.config),
        }

    @classmethod
    def from_state(cls, data: dict[str, Any], config: MatchConfig | None = None) -> StoryClusterer:
        """The saved clusterer, with ``config`` or else the configuration its stories were made with."""
        clusterer = cls(config or recorded_config(data.get("config", {})))
        for item in data["stories"]:
            state = StoryState.from_state(item)
            clusterer.states[state.id] = state
            clusterer.story_of.update(dict.fromkeys(state.articles, state.id))
        clusterer.document_frequency = Counter(data["document_frequency"])
        clusterer.documents = int(data["documents"])
        clusterer.idf_frequency = dict(data["idf_frequency"])
        clusterer.idf_documents = int(data["idf_documents"])
        # States saved before the count: every story ever started is still in them (merged ones too).
        clusterer.issued = int(data.get("issued", len(data["stories"])))
        clusterer.forwards = dict(data.get("forwards", {}))
        return clusterer


SignatureLookup = Callable[[str], Signature | None]


class _ConsolidationRun:
    """Signatures and nearest articles looked up once per consolidation pass."""

    def __init__(self, clusterer: StoryClusterer, lookup: SignatureLookup) -> None:
        self.clusterer = clusterer
        self.lookup = lookup
        self.signatures: dict[str, Signature | None] = {}
        self.neighbours: dict[str, list[tuple[str, float]]] = {}
        self.maps: dict[str, ArticleMaps] = {}  # the pass adds no article, so the IDF stays put
        self.measures: dict[tuple[str, int], dict[str, Counter[str]]] = {}

    def signature(self, article_id: str) -> Signature | None:
        if article_id not in self.signatures:
            self.signatures[article_id] = self.lookup(article_id)
        return self.signatures[article_id]

    def nearest(self, article_id: str) -> list[tuple[str, float]]:
        """The article's nearest indexed articles (itself left out), as the stream looks them up."""
        if article_id not in self.neighbours:
            signature, clusterer = self.signature(article_id), self.clusterer
            found = (
                [] if signature is None else clusterer.vectors.nearest(signature.vector, clusterer.config.candidates)
            )
            self.neighbours[article_id] = [(a, c) for a, c in found if a != article_id]
        return self.neighbours[article_id]

    def join_probability(
        self, article_id: str, story: StoryState, members_of: str | None = None, timeless: bool = False
    ) -> tuple[float, Facets]:
        """The probability (and facets) of the article joining the story now, as in the stream (0 if gone).

        The member link is the article's nearest member of ``members_of`` (default: the story); ``timeless``
        scores without the day facet (a story beyond the window, :meth:`StoryClusterer.follow_up`).
        """
        signature, clusterer = self.signature(article_id), self.clusterer
        if signature is None:
            return 0.0, Facets(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None, False)
        story_id = members_of or story.id
        nearby = (c for a, c in self.nearest(article_id) if clusterer.story_of[a] == story_id)
        if article_id not in self.maps:
            self.maps[article_id] = clusterer.article_maps(signature)
        link = MemberLink(semantic=max(nearby, default=0.0))
        facets = clusterer.facets(signature, story, link, self.maps[article_id])
        if timeless:
            facets = replace(facets, days=None)
        mixed = (signature.published is None) != (story.first is None)
        if mixed and members_of is None and self.contradicts(signature, story):
            return 0.0, facets
        return probability(facets, clusterer.config), facets

    def people(self, story: StoryState) -> set[str]:
        """The people the story's articles name (:func:`~storyline.match.text.person_names`), less the names
        enrichment typed otherwise ("Miami Dolphins", "Hong Kong") where the articles were enriched."""
        signatures = filter(None, map(self.signature, story.articles))
        names = (n for s in signatures for n in s.entity_names.values() if n.lower() not in s.not_people)
        return person_names(names)

    def headline_person_shared(self, story: StoryState, other: StoryState) -> bool:
        """Do the two stories name a person in common whose surname a headline of either writes ("Marsh
        sentenced"): the victim, suspect or official the event is about, not a spokesman quoted in passing."""
        shared = self.people(story) & self.people(other)
        if not shared:
            return False
        headlines = self.headline_words(story) | self.headline_words(other)
        return any(name.split()[-1] in headlines for name in shared)

    def headline_words(self, story: StoryState) -> set[str]:
        """The lower-cased words of the story's headlines."""
        signatures = filter(None, map(self.signature, story.articles))
        return {word.lower() for signature in signatures for word in words(signature.title)}

    def contradicts(self, signature: Signature, story: StoryState) -> bool:
        """Does the article measure with other figures what the story measures (magnitude 4.2 vs 4.6)?

        Only between an undated article and a dated story, or back: there two events of one topic
        (two earthquakes of one region) look alike to every facet, and M12 found all that a better
        merge decision can still win. The story's figure for a word counts when at least
        ``figure_share`` of its articles give it, and contradicts when the article gives none of the
        figures the story gives for that word (aftershocks and revisions are then shared).
        """
        if not signature.measures or signature.id in story.articles:
            return False
        figures = self.story_measures(story)
        share = self.clusterer.config.figure_share * len(story.articles)
        for word, mine in _by_word(signature.measures).items():
            theirs = figures.get(word, Counter())
            if any(count >= share for count in theirs.values()) and not mine & set(theirs):
                return True
        return False

    def story_measures(self, story: StoryState) -> dict[str, Counter[str]]:
        """Word -> how many of the story's articles give each figure for it, cached per story size."""
        key = (story.id, len(story.articles))
        if key not in self.measures:
            figures: dict[str, Counter[str]] = {}
            for signature in filter(None, map(self.signature, story.articles)):
                for word, values in _by_word(signature.measures).items():
                    figures.setdefault(word, Counter()).update(values)
            self.measures[key] = figures
        return self.measures[key]

    def nearby_stories(self, article_id: str) -> set[str]:
        """The stories of the article's nearest articles, its own left out."""
        story_of = self.clusterer.story_of
        return {story_of[a] for a, _ in self.nearest(article_id)} - {story_of.get(article_id)}

    def merged_reason(self, article_id: str, story: StoryState) -> str:
        """Why an article of an absorbed story belongs to the story it moves into."""
        signature = self.signature(article_id)
        if signature is None:
            return "merged with this story"
        p, facets = self.join_probability(article_id, story)
        return f"merged with this story: {join_reason(p, facets, signature, story, self.clusterer.idf)}"

    def push(self, queue: list[tuple[float, str, str, int, int]], first: str, second: str) -> None:
        """Score a pair of stories and queue it when it is above the threshold (best first, ties by ids)."""
        a, b = self.clusterer.states[first], self.clusterer.states[second]
        config = self.clusterer.config
        p = self.clusterer.cohesion(a, b, self)
        if p >= (config.consolidate_undated if (a.first is None) != (b.first is None) else config.consolidate):
            heapq.heappush(queue, (-p, first, second, len(a.articles), len(b.articles)))


def _by_word(measures: set[str]) -> dict[str, set[str]]:
    """ "magnitude 4.6" entries as word -> figures."""
    grouped: dict[str, set[str]] = {}
    for entry in measures:
        word, _, value = entry.rpartition(" ")
        grouped.setdefault(word, set()).add(value)
    return grouped


def join_reason(
    p: float, facets: Facets, signature: Signature, state: StoryState, idf: Callable[[str], float]
) -> str:
    """Why an article joined a story, in a few words a reader can follow ("same-story probability 0.82;
    meaning 0.71; wording 0.40; shared names ..."); the shared names shown are the most telling (:func:`telling_names`:
    the article mentions them often, many of the story's articles name them, and they are rare in the library)."""
    parts = [f"same-story probability {p:.2f}", f"meaning {facets.semantic:.2f}"]
    if facets.duplicate >= 0.5:
        parts.insert(0, f"near-copy ({facets.duplicate:.2f})")
    if not facets.cross_lingual:
        parts.append(f"wording {facets.lexical:.2f}")
    else:
        parts.append("in another language")
    size = max(len(state.articles), 1)
    shared = telling_names(
        signature.entities & set(state.entities),
        lambda n: idf(n) * mentioned(signature, n) * state.entities[n] / size,
        signature.entity_names,
        state.entity_names,
    )[:3]
    if shared:
        parts.append("shared names " + ", ".join(shared))
    if facets.days is not None:
        parts.append(f"{facets.days:.1f} days from the story")
    return "; ".join(parts)
