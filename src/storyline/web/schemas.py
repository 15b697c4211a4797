"""The HTTP API's response bodies, as pydantic models for the OpenAPI document (``/api/openapi.json``).

The models document the JSON the endpoints already build (the records' and the service layer's ``to_dict``);
they do not build it: an endpoint answers :data:`AsBuilt`, passed through as it is, so the API says what
the CLI's ``--json`` says, key for key. The records of :mod:`storyline.model` and of the service layer are
described from their dataclass fields (:func:`record_model`), not listed again; the bodies the API puts
together itself are listed here. ``tests/web/test_web_openapi.py`` checks real responses against them.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Annotated, Any, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model

from storyline.compare.involved import StoryEntity
from storyline.model import Article, Claim, ClaimGroup, Comparison, ProvenanceLink, Quote
from storyline.service.library import Failure
from storyline.service.removal import StoryChange
from storyline.service.web_queries import StorySummary

#: What an endpoint returns: its JSON as built, validated and sent by FastAPI as a plain object (no
#: re-serialising through a model, which would cost time on large comparisons and could reorder keys).
#: Its schema is left empty for ``responses`` (:func:`answers`) to fill with the documented model.
AsBuilt = Annotated[dict[str, Any], WithJsonSchema({})]


class Body(BaseModel):
    """A response body: every field is written, a default one too (``to_dict`` writes them all)."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


class Sparse(Body):
    """A body some of whose keys are written only where they apply: those (:func:`sometimes`) are not required."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=False)


def _written_or_absent(schema: dict[str, Any]) -> None:
    del schema["default"]  # an absent key has no value: a default would tell a client to assume one


def sometimes(description: str) -> Any:
    """A :class:`Sparse` field whose key is absent where it does not apply (never written as null)."""
    return Field(None, description=description, json_schema_extra=_written_or_absent)


def record_model(name: str, record: type, doc: str | None = None, **fields: Any) -> type[Body]:
    """The model ``name`` of the JSON a dataclass record's ``to_dict`` writes: its fields, named and typed as the
    record has them, plus (or replaced by) ``fields`` (``name=(type, default or Field)``) where it writes more."""
    hints = get_type_hints(record)
    declared = {f.name: (hints[f.name], ...) for f in dataclasses.fields(record)}
    return create_model(name, __base__=Body, __doc__=doc or record.__doc__, **{**declared, **fields})


class Error(Body):
    """The body of every error response (the app's handlers write it, FastAPI's default shape never)."""

    error: str
    status: int


class Health(Body):
    """The server is up: its version and the library's size."""

    status: str = Field(description='"ok" while the server answers')
    version: str = Field(description="storyline's version")
    schema_version: int = Field(description="the version of the records' JSON (storyline.model.SCHEMA_VERSION)")
    articles: int = Field(description="articles in the library")


ARRIVED = (
    "when the article arrived in this library (its first version was stored; UTC), not when it was published: "
    "what `since` on the story views goes by"
)


class ArticleSummary(Body):
    """The list view of an article: its metadata, without the body and enrichment."""

    id: str
    title: str
    url: str | None
    outlet: str | None
    agency: str | None
    byline: str | None
    published: datetime | None
    arrived: datetime | None = Field(description=ARRIVED)
    language: str | None
    source: str
    version: int


class SearchHit(ArticleSummary):
    """An article that has every word searched for, and where."""

    snippet: str = Field(description="plain text around the matched words, each between ⟦ and ⟧")
    score: float = Field(description="BM25, higher is better")


ArticleDetail = record_model(
    "ArticleDetail",
    Article,
    text=(str, Field(description="the paragraphs joined by a blank line: every offset points into it")),
    arrived=(datetime | None, Field(description=ARRIVED)),
    story=(str | None, Field(description="the id of the story the article is in")),
)

StoryDetail = record_model(
    "StoryDetail",
    StorySummary,
    doc="A story: its summary, its articles and why each joined.",
    article_summaries=(
        list[ArticleSummary],
        Field(description="the story's articles (the ids of `articles`, in their order): each one's metadata"),
    ),
    reasons=(dict[str, str], Field(description="article id -> why it joined the story")),
    related=(list[str], Field(description="ids of related (same-topic) stories")),
)

class ComparisonArticle(Body):
    """An article as a comparison lists it (``compare.story.article_summary``)."""

    id: str
    title: str
    outlet: str = Field(description='its outlet, else its site, else "unknown outlet"')
    name: str = Field(description="how the reports name it, told from the story's other articles")
    url: str | None
    published: datetime | None
    published_estimate: str | None = Field(description="an undated article: the day its story bounds it to")
    language: str | None
    byline: str | None
    agencies: list[str] = Field(description="the news agencies it credits")
    source: str
    version: int


class Alignment(Body):
    """Two claims of two articles that tell the same thing, and how alike they are."""

    a: str
    b: str
    score: float


ProvenanceLinkBody = record_model(
    "ProvenanceLink",
    ProvenanceLink,
    doc="``to`` copies, rewrites or translates ``from``, or both tell the story independently (``relation``).",
    from_=(str, Field(alias="from")),
)

ClaimBody = record_model(
    "Claim",
    Claim,
    actors=(list[tuple[int, int, str]], Field(description="the entity mentions in the claim: [start, end, story name]")),
)


class EvidenceSpan(Body):
    """The words a finding points at: a claim's, or part of it (offsets into the article's text)."""

    claim: str
    article: str
    start: int
    end: int
    text: str


class Evidence(Sparse):
    """Why claims are grouped or at odds: a rule, its detail in words, and the words that show it."""

    rule: str = Field(description="aligned, unique, numbers, figure-updated, figure-changed, dates, negation, ...")
    detail: str
    spans: list[EvidenceSpan]
    quantities: list[str] = sometimes("numbers findings: the kinds of figure; dates findings: the granularity")
    count: int = sometimes("the one aligned item standing for the pairs a large group does not list: how many")
    outside: bool = sometimes("aligned: the other claim stands in another group (aligned with too few of its claims to join it)")


ClaimGroupBody = record_model("ClaimGroup", ClaimGroup, evidence=(list[Evidence], ...))


class UpdateReport(EvidenceSpan):
    """One report of a running total: the figure as written, its value, and when its outlet published it."""

    outlet: str
    published: str | None = Field(description="ISO 8601")
    value: float = Field(description="in the kind's base unit")


class FigureUpdate(Body):
    """A running total of one fact that rose or fell between dated reports."""

    group: str = Field(description="the alignment group of the fact")
    figure: str = Field(description='the kind of figure ("killed", "injured (miner)")')
    change: str = Field(description="rise, fall or both")
    reports: list[UpdateReport] = Field(description="in order of publication")


class Credit(Body):
    """A speaker of a quote with the articles and outlets crediting them ("unattributed": crediting no one)."""

    speaker: str
    articles: list[str]
    outlets: list[str]


QuoteMember = record_model(
    "QuoteMember",
    Quote,
    doc="One article's wording of a statement, its speaker as the article names them.",
    article=(str, ...),
    outlet=(str, ...),
)


class QuoteGroup(Body):
    """One statement across the story's articles: its wordings and translations, and who is credited."""

    id: str
    text: str = Field(description="the wording shown: a member's, credited to the first speaker")
    speakers: list[str] = Field(description="name variants merged, the one most members use first")
    credited: list[Credit]
    articles: list[str]
    outlets: list[str]
    conflict: bool = Field(description="credited to different people, or denied in some outlets and stated in others")
    evidence: list[str]
    notes: list[str] = Field(description="a denial by someone else than the statement's speaker, in words")
    members: list[QuoteMember]


class TimelineEvent(Body):
    """A claim placed on a date, with the words that date it."""

    article: str
    outlet: str
    claim: str
    group: str | None = Field(description="the claim's alignment group")
    text: str
    time_text: str
    estimated: bool = Field(description="its day depends on an undated article's estimated publication day")


class TimelineEntry(Sparse):
    """A date (TIMEX3 value) or range of the story, with the events the articles place on it."""

    date: str
    until: str = sometimes("a range's last day, month or year (only on a range's entry)")
    events: list[TimelineEvent]
    outlets: list[str]
    groups: list[str]
    agreed_by: int = Field(description="how many outlets place an event on it")
    estimated: bool = Field(description="all its events are estimated")


class SkippedFile(Body):
    """A file ``storyline compare`` could not read, and why."""

    source: str
    error: str


class ComparisonSummary(Sparse):
    """The comparison's counts and who reported first."""

    claims: int
    outlets: int = sometimes("the outlets the articles come from (comparisons since RULES_VERSION 58)")
    shared: int
    unique: int
    conflicts: int
    unique_claims: dict[str, int] = Field(description="article id -> claims no other article tells")
    earliest: str | None = Field(description="the first article, when it is one and nothing may precede it (none undated)")
    first_reported: list[str]
    possibly_first: list[str]
    first_reported_note: str
    adds_nothing: list[str]
    story: str = sometimes("a stored story: its id")
    label: str = sometimes("a stored story: its label now")
    skipped: list[SkippedFile] = sometimes("files compared directly: those that could not be read")


ComparisonBody = record_model(
    "Comparison",
    Comparison,
    doc="A story's articles compared claim by claim; every field is described in docs/comparison-schema.md.",
    articles=(list[ComparisonArticle], ...),
    entities=(list[StoryEntity], ...),
    claims=(list[ClaimBody], ...),
    groups=(list[ClaimGroupBody], ...),
    updates=(list[FigureUpdate], ...),
    quotes=(list[QuoteGroup], ...),
    timeline=(list[TimelineEntry], ...),
    summary=(ComparisonSummary, ...),
    alignments=(list[Alignment], ...),
    provenance=(list[ProvenanceLinkBody], ...),
)


class RemovedArticle(Body):
    id: str
    title: str
    source: str
    story: str | None


class RemovalBody(Body):
    """What ``storyline remove ID --json`` says: a story left with no article is gone (``left`` 0)."""

    dry_run: bool
    removed: list[RemovedArticle]
    stories: list[StoryChange]
    not_found: list[str]


class Duplicate(Body):
    source: str
    article_id: str = Field(description="the stored article the input repeats")
    stored_source: str | None = Field(description="where that stored article was read from (a file, a record, an upload's name)")


class StoryReached(Body):
    id: str
    label: str
    added: list[str]
    size: int
    started: bool = Field(description="every article of the story came with this upload")


class StoryMerged(Body):
    id: str = Field(description="a story stored before the upload, merged into another by its articles")
    into: str = Field(description="the story holding its articles now (its id leads there: 308)")


class RecordsRead(Body):
    """What became of the records of one input that holds many (a WARC's records, a feed's items, JSON lines)."""

    read: int
    articles: int
    skipped: int
    failed: int
    skipped_because: dict[str, int] = Field(description="how many records were skipped for each reason")


class IngestBody(Body):
    """What ``storyline ingest --json`` says of one upload: counts by outcome, and every failure with its reason."""

    new: int
    duplicate: int
    new_version: int
    resumed: int
    skipped: int
    skipped_because: dict[str, int]
    skips: list[Failure]
    failed: int
    failures: list[Failure]
    warnings: list[Failure]
    article_ids: list[str]
    duplicates: list[Duplicate]
    stories: list[StoryReached]
    merged: list[StoryMerged]
    records: dict[str, RecordsRead] = Field(description="each input of many records and what its records became")


class Reclustered(Body):
    """What ``storyline recluster`` says: the stories before and after, and how many articles moved."""

    stories_before: int
    stories: int
    moved: int = Field(description="articles that went to another story")


class Page(Body):
    """One page of a list: ``items`` from ``offset``, at most ``limit`` of them, out of ``total``."""

    total: int
    limit: int
    offset: int


class ArticlePage(Page):
    """A page of article summaries."""

    items: list[ArticleSummary]


class SearchPage(Page):
    """A page of search hits, best first."""

    items: list[SearchHit]


class StoryPage(Page):
    """A page of story summaries, largest and latest first."""

    items: list[StorySummary]


class EntityPage(Page):
    """A page of the story's entities, named by most articles first."""

    items: list[StoryEntity]


class QuotePage(Page):
    """A page of the story's quotes across its articles."""

    items: list[QuoteGroup]


class TimelinePage(Page):
    """A page of the story's dated events, in order."""

    items: list[TimelineEntry]


class ComparisonPendingBody(Body):
    """The comparison is being computed in the background (``wait=false``): ask again after Retry-After seconds."""

    status: str = Field(description='"comparing"')
    story: str
    articles: int = Field(description="articles being compared")
    queued: bool = Field(description="waiting for other stories' comparisons to finish first")


_ERRORS = {
    308: "the story was merged into another: Location is this path under the id it has now",
    400: "the request body is not what the endpoint reads",
    401: "writes need the bearer token",
    403: "cross-origin write refused",
    404: "no such article or story",
    413: "request body too large",
    415: "unsupported content type",
    422: "invalid parameters (a write: nothing in the body could be ingested)",
    503: "too many comparisons are waiting (wait=false): none was queued; ask again after Retry-After seconds",
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` documenting these error statuses with the :class:`Error` body."""
    return {code: {"model": Error, "description": _ERRORS[code]} for code in codes}


def answers(model: type[BaseModel], *error_codes: int, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses``: the success body ``model`` (under ``status``) and these error statuses."""
    description = (model.__doc__ or "Successful Response").strip().split("\n")[0]
    return {status: {"model": model, "description": description}, **errors(*error_codes)}
