"""The data types that cross pipeline stages.

Every stage reads and writes these and nothing else, so a stage can be
replaced without touching its neighbours. This module imports nothing from
storyline. All types are plain dataclasses with ``to_dict``/``from_dict`` so
they round-trip through JSON (the store, the CLI's ``--json`` and the HTTP
API all use the same shapes).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

T = TypeVar("T")

#: Bumped whenever a field is added, removed or changes meaning.
SCHEMA_VERSION = 1


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode_nested(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_encode_nested(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode_nested(v) for k, v in value.items()}
    return value


def _encode_nested(value: Any) -> Any:
    """A nested record through its own ``to_dict`` (ProvenanceLink writes ``from``, not ``from_``)."""
    return value.to_dict() if isinstance(value, Record) else _encode(value)


class Record:
    """Mixin: JSON-ready dict conversion for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        return _encode(self)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name not in hints:
                continue
            kwargs[name] = _decode_field(cls, name, value)
        return cls(**kwargs)


# Fields whose values are nested records or datetimes; from_dict rebuilds them.
_NESTED: dict[tuple[str, str], type] = {}
_DATETIMES: set[tuple[str, str]] = set()


def _decode_field(cls: type, name: str, value: Any) -> Any:
    key = (cls.__name__, name)
    if value is None:
        return None
    if key in _DATETIMES:
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if key in _NESTED:
        sub = _NESTED[key]
        if isinstance(value, list):
            return [sub.from_dict(v) if isinstance(v, dict) else v for v in value]  # type: ignore[attr-defined]
        return sub.from_dict(value) if isinstance(value, dict) else value  # type: ignore[attr-defined]
    if name in ("mentions", "acting_mentions") and isinstance(value, list):
        return [tuple(v) for v in value]
    return value


# --------------------------------------------------------------------------
# Ingest


@dataclass
class Stripped(Record):
    """A piece of input that is not article body, and why it was removed."""

    text: str
    reason: str  # e.g. "share-widget", "navigation", "stray-tag", "duplicate-title", "caption", "dateline"


@dataclass
class Article(Record):
    """One news article, clean, with its metadata and what enrichment found in it.

    ``text`` is the body: ``paragraphs`` joined by a blank line. Every offset
    elsewhere (entities, quotes, times, claims) points into ``text``.
    """

    id: str
    title: str
    paragraphs: list[str]
    source: str = ""  # the input path (or "stdin", or "<path>#<record>")
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    agency: str | None = None
    published: datetime | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    stripped: list[Stripped] = field(default_factory=list)
    content_hash: str = ""
    version: int = 1
    # Filled by the enrich stage.
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    published_estimate: TimeExpression | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def title_and_text(self) -> str:
        """Headline and body, the headline once where it is the whole body (a headline-only article):
        what matching reads (language is told from the body, :func:`~storyline.ingest.language.language_sample`)."""
        text = self.text
        return self.title if text.strip() == self.title.strip() else f"{self.title}\n{text}"

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["text"] = self.text
        return data

    def compute_hash(self) -> str:
        """Hash of the clean title and body: equal for the same content."""
        digest = hashlib.sha256()
        digest.update(self.title.strip().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()


# --------------------------------------------------------------------------
# Enrich


@dataclass
class Entity(Record):
    """A person, organisation or place, with every name it goes by in the text."""

    name: str  # canonical (longest / most informative) name
    type: str  # "PERSON" | "ORG" | "PLACE" | "MISC"
    variants: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # Metonymy kept visible: "Pyongyang" stands for "North Korea" (kind "capital-for-country").
    refers_to: str | None = None
    reference_kind: str | None = None
    # The mentions that stand for ``refers_to`` ("Pyongyang said"); the others name the place ("in Pyongyang").
    acting_mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Quote(Record):
    """A statement and who made it."""

    text: str
    start: int
    end: int
    speaker: str  # entity name, or "unattributed"
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb ("said", "according to")
    kind: str = "direct"  # speech: "direct" | "indirect" | "partial"; "stance": what X wants, backs or judges


@dataclass
class TimeExpression(Record):
    """A time expression normalised to a calendar value (TimeML TIMEX3 style)."""

    text: str
    start: int
    end: int
    value: str  # "2022-12-18", "2022-W50", "2022-12", "2022", "P3D", "PRESENT_REF"
    type: str = "DATE"  # "DATE" | "TIME" | "DURATION" | "SET"
    estimated: bool = False
    #: A range's last day, month or year ("Dec. 9-11": value "2022-12-09", until "2022-12-11"); "" when no range.
    until: str = ""

    @property
    def span_value(self) -> str:
        """The value as a reader sees it: a range with its end ("2022-12-09 – 2022-12-11"), else the value."""
        return f"{self.value} – {self.until}" if self.until else self.value


# --------------------------------------------------------------------------
# Match


@dataclass
class PairMatch(Record):
    """Whether two articles tell the same story, and why."""

    probability: float
    label: str  # "copy" | "translation" | "same story" | "related" | "unrelated"
    facets: dict[str, float] = field(default_factory=dict)
    semeval: dict[str, float] = field(default_factory=dict)  # overall, geography, entities, time, narrative (1-4)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Story(Record):
    """A group of articles telling one event."""

    id: str
    label: str
    articles: list[str] = field(default_factory=list)
    # article id -> why it joined (first article: "started the story").
    reasons: dict[str, str] = field(default_factory=dict)
    related: list[str] = field(default_factory=list)  # ids of related (same-topic) stories
    first_published: datetime | None = None
    last_published: datetime | None = None


# --------------------------------------------------------------------------
# Compare


@dataclass
class Quantity(Record):
    """A number of a claim with what it counts, so that only like is compared with like.

    ``kind`` names the quantity ("killed", "age of Olga Petrenko", "distance", "shots"); ``value`` is
    in the kind's base unit (metres, seconds, the currency) and ``low``/``high`` bound what a hedge
    allows ("at least 3": low 3, high None = unbounded). Offsets point into the article's text.
    """

    value: float
    kind: str
    text: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None


@dataclass
class Claim(Record):
    """A sentence or clause of one article, the unit of comparison."""

    id: str
    article: str
    text: str
    start: int
    end: int
    # Anchors used to align claims across languages (filled by the compare stage).
    paragraph: int = 0
    entities: list[str] = field(default_factory=list)  # canonical entity names
    # Entity mentions in the claim: [start, end, name]; a capital standing for its country is the country.
    actors: list[list[Any]] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)  # magnitudes ("40 billion" -> 4e10)
    quantities: list[Quantity] = field(default_factory=list)  # the numbers with what they count
    dates: list[str] = field(default_factory=list)  # TIMEX3 values of the claim's dates
    # The verb each date times, with its particle ("check out"); "" for none. Empty without a parser.
    date_verbs: dict[str, str] = field(default_factory=dict)
    # The words of each date written without a number ("next year", "Thursday"), by value: what it was resolved from.
    date_phrases: dict[str, str] = field(default_factory=dict)
    speaker: str | None = None  # who the claim is attributed to, when a quote covers it
    cue: str | None = None  # the speaker's reporting verb ("said", "denied")
    negated: bool = False
    language: str | None = None  # the article's


@dataclass
class ClaimGroup(Record):
    """Claims from several articles that say the same thing, or contradict."""

    claims: list[str]
    verdict: str  # "shared" | "unique" | "conflict"
    outlets: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    score: float | None = None
    id: str = ""
    # "alignment": claims that say the same thing; "contradiction": claims of different
    # alignment groups (or of one article) that contradict each other.
    kind: str = "alignment"
    scope: str | None = None  # contradictions: "across-articles" (an article at odds with itself disagrees with no one)


@dataclass
class ProvenanceLink(Record):
    """``to`` copies / rewrites / translates ``from_`` (serialised as ``from``)."""

    from_: str
    to: str
    relation: str  # "copies" | "rewrites" | "translates" | "independent"
    evidence: list[str] = field(default_factory=list)
    score: float | None = None
    # "independent" links: the story both rewrite, when known (e.g. a shared agency).
    common_source: str | None = None
    # How ``from_`` was told to be the source: "dates", "credit" (``to`` credits the agency ``from_`` is, or a
    # copy's credit line names ``from_``'s outlet), "language" (a translation's shared words), "subset" (a copy
    # the dates do not order holds part of ``from_``'s wording), or "unknown" (``from_``/``to`` then in id
    # order); None for "independent".
    direction: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["from"] = data.pop("from_")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProvenanceLink:
        data = dict(data)
        if "from" in data:
            data["from_"] = data.pop("from")
        return super().from_dict(data)  # type: ignore[misc]


@dataclass
class Comparison(Record):
    """A story's articles laid side by side down to the claim."""

    articles: list[dict[str, Any]]
    #: Who is involved: :class:`storyline.compare.involved.StoryEntity` as dicts, named by most articles first.
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    #: Figures that rose or fell between dated reports: :func:`storyline.compare.verdicts.figure_updates`.
    updates: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    provenance: list[ProvenanceLink] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    # Many-to-many claim alignment: {"a": claim id, "b": claim id, "score": float}.
    alignments: list[dict[str, Any]] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION


_NESTED.update(
    {
        ("Article", "stripped"): Stripped,
        ("Article", "entities"): Entity,
        ("Article", "quotes"): Quote,
        ("Article", "times"): TimeExpression,
        ("Article", "published_estimate"): TimeExpression,
        ("Comparison", "claims"): Claim,
        ("Claim", "quantities"): Quantity,
        ("Comparison", "groups"): ClaimGroup,
        ("Comparison", "provenance"): ProvenanceLink,
    }
)
_DATETIMES.update(
    {("Article", "published"), ("Story", "first_published"), ("Story", "last_published")}
)
