"""The JSON API under /api: a thin shell over :mod:`storyline.service`.

Every list is a page: ``{"total", "limit", "offset", "items"}``. Errors are
``{"error": message, "status": code}`` (see :mod:`storyline.web.app`). Each body is documented in the
OpenAPI document by its model in :mod:`storyline.web.schemas`; the endpoints return it as built.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BeforeValidator

from storyline import __version__
from storyline.compare.involved import quotes_of
from storyline.ingest.sniff import load_json
from storyline.model import SCHEMA_VERSION, Article, Comparison, Story
from storyline.report.comparison import FORMATS, format_name, render
from storyline.service import arrivals, library, web_queries
from storyline.service.comparison_jobs import ComparisonsBusy
from storyline.service.stories import StoryFilter, current_story_id, story_articles
from storyline.service.workspace import Workspace
from storyline.store import MAX_OFFSET
from storyline.web import schemas
from storyline.web.rendering import path_segment
from storyline.web.schemas import AsBuilt, answers, errors
from storyline.web.security import require_write_access

router = APIRouter(prefix="/api", tags=["api"])

#: Seconds a client (``wait=false``) or a story page is asked to wait before asking again for a comparison being
#: computed.
RETRY_AFTER_S = 5
#: Set in the request scope by ``app.HeadAsGet`` on a HEAD answered as GET: a probe, which starts no comparison.
HEAD_REQUEST = "storyline.head"


def is_probe(request: Request) -> bool:
    """Whether the request was a HEAD (a link checker's or crawler's probe): it must not start work."""
    return bool(request.scope.get(HEAD_REQUEST))


def busy_headers() -> dict[str, str]:
    """The headers of a 503 "too many comparisons waiting": when to ask again."""
    return {"Retry-After": str(RETRY_AFTER_S)}

Limit = Annotated[int, Query(ge=1, le=200, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]


def _end_of_day(value: Any) -> Any:
    """A bare date as an upper bound is the end of that day; anything else is left to the datetime parser."""
    try:
        return library.time_bound(value, end_of_day=True) if isinstance(value, str) else value
    except ValueError:
        return value


def _language_code(value: Any) -> Any:
    """A language as ``--language`` reads it ("English", "eng", "en-GB" are "en"; ValueError for no language):
    the store keeps codes, and a name matched nothing, silently. Empty is no filter."""
    return library.language_filter(value) if isinstance(value, str) and value.strip() else value


Language = Annotated[
    str | None, BeforeValidator(_language_code), Query(description="a code or English name: en, eng, English")
]
Since = Annotated[datetime | None, Query(description="published at or after (ISO 8601 date or time)")]
Until = Annotated[
    datetime | None,
    BeforeValidator(_end_of_day),
    Query(description="published at or before (ISO 8601 time, or a date: to the end of that day)"),
]


def workspace(request: Request) -> Workspace:
    return request.app.state.workspace


Ws = Annotated[Workspace, Depends(workspace)]


def page(total: int, limit: int, offset: int, items: list[Any]) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


class StoryMoved(HTTPException):
    """A story id merged into another story (or re-clustered under another id): answered 308, the same path under
    the id naming the story now (``Location``), so a bookmark or a link keeps leading to its articles."""

    def __init__(self, story_id: str, current: str) -> None:
        super().__init__(308, f"story {story_id!r} was merged into {current!r}")
        self.story_id, self.current = story_id, current

    def location(self, request: Request) -> str:
        before, _, after = request.url.path.partition(f"/stories/{self.story_id}")
        query = f"?{request.url.query}" if request.url.query else ""
        return f"{before}/stories/{path_segment(self.current)}{after}{query}"


def find_story(ws: Workspace, story_id: str) -> Story:
    story = ws.store.get_story(story_id)
    if story is None:
        if current := current_story_id(ws, story_id):
            raise StoryMoved(story_id, current)
        raise HTTPException(404, f"no story with id {story_id!r}")
    return story


def _slice(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return page(len(items), limit, offset, items[offset : offset + limit])


ArrivedSince = Annotated[
    str | None,
    Query(
        description=(
            "arrival in the library (not publication) at or after this time: an ISO 8601 date or time (UTC unless "
            "it says), or `last-run`, the start of the latest ingest run; a story says which of its articles "
            "arrived since (`arrived_since`, `started_since`), and the story list keeps the stories that gained some"
        ),
    ),
]


def arrival_since(ws: Workspace, value: str | None) -> datetime | None:
    """The time a ``since`` parameter of the story views names (:func:`arrivals.since_time`); empty is none."""
    if value is None or not value.strip():
        return None
    try:
        return arrivals.since_time(ws, value)
    except ValueError as error:
        raise HTTPException(422, f"since: {error}") from None


@router.get("/health", summary="Liveness and library size", response_model=AsBuilt, responses=answers(schemas.Health))
def health(ws: Ws) -> dict[str, Any]:
    return {
        "status": "ok",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "articles": ws.store.count_articles(),
    }


@router.get(
    "/articles",
    summary="Articles, filtered and paginated, in publication order",
    response_model=AsBuilt,
    responses=answers(schemas.ArticlePage, 422),
)
def articles(
    ws: Ws,
    outlet: str | None = None,
    language: Language = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    total, found = web_queries.article_page(
        ws, limit=limit, offset=offset, outlet=outlet, language=language, since=since, until=until
    )
    return page(total, limit, offset, library.article_summaries(ws, found))


@router.get(
    "/articles/{article_id:path}",
    summary="One article: text, stripped parts, entities, quotes, times",
    response_model=AsBuilt,
    responses=answers(schemas.ArticleDetail, 404, 422),
)
def article(ws: Ws, article_id: str) -> Any:
    if not article_id:  # "/api/articles/": the list
        return RedirectResponse("/api/articles", status_code=308)
    found = library.get_article(ws, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    story = ws.store.story_of(article_id)
    record = library.article_record(found, library.arrival_of(ws, article_id))
    return {**record, "story": story.id if story else None}


@router.delete(
    "/articles/{article_id:path}",
    summary="Remove an article, as `storyline remove ID`: its text, entities, vectors, index entries and its place in its story",
    dependencies=[Depends(require_write_access)],
    response_model=AsBuilt,
    responses=answers(schemas.RemovalBody, 401, 403, 404, 422),
)
async def remove_article(request: Request, ws: Ws, article_id: str, dry_run: bool = False) -> dict[str, Any]:
    """``{dry_run, removed: [{id, title, source, story}], stories: [{id, label, removed, left}], not_found}``:
    a story left with no article is gone (``left`` 0), the others are relabelled. ``dry_run``: say, remove nothing."""
    removal = await request.app.state.run_write(web_queries.remove_article, ws, article_id, dry_run)
    if removal.not_found:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return removal.to_dict()


#: An article as ``storyline ingest`` reads JSON; other fields are kept (``published``: ISO 8601).
ARTICLE_IN = {
    "type": "object",
    "required": ["text"],
    "properties": {
        name: {"type": "string"}
        for name in ("id", "title", "text", "url", "outlet", "language", "byline", "published")
    },
    "additionalProperties": True,
}
#: The upload body, declared by hand: the endpoint reads the raw request, so FastAPI cannot infer it.
UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"oneOf": [ARTICLE_IN, {"type": "array", "items": ARTICLE_IN}]}},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
    },
}


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest a JSON article (or list) or an uploaded file",
    dependencies=[Depends(require_write_access)],
    response_model=AsBuilt,
    responses=answers(schemas.IngestBody, 400, 401, 403, 413, 415, 422, status=201),
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def add_articles(request: Request, ws: Ws) -> dict[str, Any]:
    """Body: ``application/json`` (an article object or a list of them, fields as ``storyline ingest``
    reads them) or ``multipart/form-data`` with a ``file`` field (any format ``storyline ingest`` reads)."""
    filename, content = await _upload(request)
    # Ingest is synchronous and writes: run it off the event loop, one at a time.
    report = await request.app.state.run_write(web_queries.ingest_upload, ws, filename, content)
    if not report.article_ids and report.failures:
        raise HTTPException(422, "; ".join(f"{f.source}: {f.reason}" for f in report.failures))
    return report.to_dict()


async def _upload(request: Request) -> tuple[str | None, bytes]:
    """The body's file name (None for a JSON body) and content."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        content = await request.body()
        try:
            load_json(content)
        except ValueError as error:
            raise HTTPException(400, f"the JSON body does not parse: {error}") from error
        return None, content
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(400, "the form has no 'file' field with a file in it")
        # An empty file is read like any other (422, "NAME: empty file"), as one of only blank lines is.
        return upload.filename or "upload", await upload.read()
    raise HTTPException(415, "send application/json or multipart/form-data with a 'file' field")


@router.post(
    "/recluster",
    summary="Re-cluster every article, as `storyline recluster` (after changing thresholds); says what moved",
    dependencies=[Depends(require_write_access)],
    response_model=AsBuilt,
    responses=answers(schemas.Reclustered, 401, 403),
)
async def recluster(request: Request, ws: Ws) -> dict[str, int]:
    """``{stories_before, stories, moved}``: a story keeps its id when it keeps most of its articles."""
    return await request.app.state.run_write(web_queries.recluster_library, ws)


@router.get(
    "/stories",
    summary=(
        "Stories, largest first, with size, outlets, languages, time span and flags; `since`: those that gained "
        "articles; `outlet`, `language`, `published_from`, `published_to`: those with an article that matches them all"
    ),
    response_model=AsBuilt,
    responses=answers(schemas.StoryPage, 422),
)
def stories(
    ws: Ws,
    limit: Limit = 20,
    offset: Offset = 0,
    since: ArrivedSince = None,
    outlet: str | None = None,
    language: Language = None,
    published_from: Since = None,
    published_to: Until = None,
) -> dict[str, Any]:
    wanted = StoryFilter(outlet=outlet, language=language, published_from=published_from, published_to=published_to)
    total, summaries = web_queries.story_page(
        ws, limit=limit, offset=offset, since=arrival_since(ws, since), wanted=wanted
    )
    return page(total, limit, offset, [s.to_dict() for s in summaries])


@router.get(
    "/stories/{story_id}",
    summary="One story: summary, articles and why each joined",
    response_model=AsBuilt,
    responses=answers(schemas.StoryDetail, 308, 404, 422),
)
def story(ws: Ws, story_id: str, since: ArrivedSince = None) -> dict[str, Any]:
    found = find_story(ws, story_id)
    members = story_articles(ws, found)
    when = arrival_since(ws, since)
    arrived = None if when is None else arrivals.arrived_in(ws, found, when)
    summary = web_queries.summarize_story(found, members, web_queries.library_now(ws), arrived)
    # ``articles``: their ids, as every story listing gives them
    return {**summary.to_dict(), "article_summaries": library.article_summaries(ws, members)}


@router.get(
    "/stories/{story_id}/comparison",
    summary="The story's articles compared claim by claim",
    response_model=AsBuilt,
    responses={
        **answers(schemas.ComparisonBody, 308, 404, 422, 503),
        **answers(schemas.ComparisonPendingBody, status=202),
    },
)
def comparison(
    request: Request,
    ws: Ws,
    story_id: str,
    wait: Annotated[bool, Query(description="false: answer 202 at once while a first comparison is computed")] = True,
) -> Any:
    found = find_story(ws, story_id)
    if wait:
        result = _compared(request, ws, found)
    else:
        result = _comparison_soon(request, ws, story_id, story_articles(ws, found))
    return result if isinstance(result, Response) else result.to_dict()


def _compared(request: Request, ws: Workspace, found: Story) -> Comparison | Response:
    """The story's comparison, computed inline if need be; a HEAD request (a probe) computes nothing and gets
    the 202 "comparing" answer of ``wait=false`` when it is not cached."""
    if is_probe(request):
        return _comparison_soon(request, ws, found.id, story_articles(ws, found))
    return web_queries.story_comparison(ws, found.id)


def _comparison_soon(request: Request, ws: Workspace, story_id: str, members: list[Article]) -> Comparison | Response:
    """The story's comparison when cached (or its job ends at once), else the 202 "comparing" answer; a HEAD
    request (a probe) starts no job."""
    try:
        result = web_queries.story_comparison_soon(
            ws, request.app.state.comparisons, story_id, members, 0, start=not is_probe(request)
        )
    except ComparisonsBusy as busy:
        raise HTTPException(503, f"the server is busy ({busy}): retry later", headers=busy_headers()) from None
    if isinstance(result, web_queries.ComparisonPending):
        body = {"status": "comparing", "story": story_id, "articles": len(members), "queued": result.queued}
        return JSONResponse(body, status_code=202, headers={"Retry-After": str(RETRY_AFTER_S)})
    return result


#: The media type of each report format, as served.
REPORT_TYPES = {"json": "application/json", "md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}


@router.get(
    "/stories/{story_id}/report",
    summary="The story's report as a file to download: self-contained HTML, Markdown or JSON",
    response_class=Response,
    responses={
        200: {  # the JSON report is the comparison's JSON
            "model": schemas.ComparisonBody,
            "content": {kind.split(";")[0]: {} for kind in REPORT_TYPES.values()},
        },
        **errors(308, 404, 422),
    },
)
def story_report(
    request: Request,
    ws: Ws,
    story_id: str,
    fmt: Annotated[str, Query(alias="format", description=f"one of {', '.join(FORMATS)} (or markdown, htm)")] = "html",
) -> Response:
    """What ``storyline story ID --output story.FORMAT`` writes, sent as an attachment named after the story."""
    try:
        fmt = format_name(fmt)
    except ValueError as error:
        raise HTTPException(422, f"format: {error}") from None
    compared = _compared(request, ws, find_story(ws, story_id))
    if isinstance(compared, Response):
        return compared
    report = render(compared, fmt)
    filename = f"story-{web_queries.safe_file_name(story_id, 'story')}.{fmt}"
    disposition = f"attachment; filename=\"{filename}\""
    return Response(report, media_type=REPORT_TYPES[fmt], headers={"Content-Disposition": disposition})


@router.get(
    "/stories/{story_id}/quotes",
    summary="Quotes across the story's articles, with speakers",
    response_model=AsBuilt,
    responses=answers(schemas.QuotePage, 308, 404, 422),
)
def story_quotes(
    request: Request,
    ws: Ws,
    story_id: str,
    speaker: Annotated[
        str | None,
        Query(
            description='only the quotes credited to this speaker under any name the story gives them ("michelle lyons" '
            'finds those credited to "Lyons"; "lyons" those credited to "Michelle Lyons"); a short name two people '
            "of the story share is neither's alone"
        ),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    comparison = _compared(request, ws, find_story(ws, story_id))
    if isinstance(comparison, Response):
        return comparison
    quotes = quotes_of(comparison.quotes, comparison.entities, speaker) if speaker else comparison.quotes
    return _slice(quotes, limit, offset)


@router.get(
    "/stories/{story_id}/timeline",
    summary="The story's dated events in order, with sources",
    response_model=AsBuilt,
    responses=answers(schemas.TimelinePage, 308, 404, 422),
)
def story_timeline(request: Request, ws: Ws, story_id: str, limit: Limit = 50, offset: Offset = 0) -> Any:
    comparison = _compared(request, ws, find_story(ws, story_id))
    return comparison if isinstance(comparison, Response) else _slice(comparison.timeline, limit, offset)


@router.get(
    "/stories/{story_id}/entities",
    summary="Entities named across the story's articles",
    response_model=AsBuilt,
    responses=answers(schemas.EntityPage, 308, 404, 422),
)
def story_entities(ws: Ws, story_id: str, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    members = story_articles(ws, find_story(ws, story_id))
    cached = web_queries.cached_comparison(ws, story_id, members)  # a compared story's cast comes with it
    entities = cached.entities if cached else [e.to_dict() for e in web_queries.story_entities(members)]
    return _slice(entities, limit, offset)


@router.get(
    "/search",
    summary='Full-text search (every word must occur; word* for a prefix; "words in quotes" in a row)',
    response_model=AsBuilt,
    responses=answers(schemas.SearchPage, 422),
)
def search(
    ws: Ws,
    q: Annotated[str, Query(min_length=1, description="words to find")],
    outlet: str | None = None,
    language: Language = None,
    since: Since = None,
    until: Until = None,
    entity: str | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Each item is an article summary plus ``snippet``, plain text around the matched words, which stand
    between the markers ⟦ and ⟧ (U+27E6, U+27E7; the article's own ⟦ ⟧ are given as [ ], so every marker
    is the search's: escape the snippet, then style them), and ``score`` (BM25, higher is better)."""
    return library.search_page(
        ws, q, outlet=outlet, language=language, since=since, until=until, entity=entity,
        limit=limit, offset=offset,
    )
