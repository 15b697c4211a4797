"""Server-rendered pages: story list, story comparison, article, search, upload, removal."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from storyline.compare.involved import quotes_of
from storyline.model import Claim, Comparison
from storyline.report.comparison import entity_names, involved
from storyline.service import arrivals, library, web_queries
from storyline.service.comparison_jobs import ComparisonsBusy
from storyline.service.stories import StoryFilter, story_articles
from storyline.web import views
from storyline.web.api import (
    RETRY_AFTER_S,
    Language,
    Limit,
    Offset,
    Ws,
    arrival_since,
    busy_headers,
    find_story,
    is_probe,
)
from storyline.web.rendering import path_segment, removal_notice_query, templates
from storyline.web.security import FORM_REFUSALS, check_write_access

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 20
#: Control characters (tab, newline and carriage return aside), removed from a search query.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
log = logging.getLogger(__name__)


def render(request: Request, template: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, template, context)


@router.get("/")
def story_list(
    request: Request,
    ws: Ws,
    offset: Offset = 0,
    since: str = "",
    outlet: str = "",
    language: Language = None,
    published_from: str = "",
    published_to: str = "",
) -> Response:
    when = arrival_since(ws, since)
    wanted = StoryFilter(
        outlet=outlet.strip() or None,
        language=language,
        published_from=_form_date(published_from, "published_from"),
        published_to=_form_date(published_to, "published_to", end_of_day=True),
    )
    total, summaries = web_queries.story_page(ws, limit=PAGE_SIZE, offset=offset, since=when, wanted=wanted)
    # The form and the pager keep every choice (the language as its code, as search's do).
    chosen = {"outlet": outlet.strip(), "language": language or "",
              "published_from": published_from.strip(), "published_to": published_to.strip()}
    return render(
        request, "index.html", total=total, stories=summaries, offset=offset, limit=PAGE_SIZE,
        articles=ws.store.count_articles(), since=since.strip() if when else "", since_time=when,
        filtered=bool(wanted), chosen=chosen, params={"since": since.strip() if when else "", **chosen},
    )


@router.get("/articles")
def article_list(
    request: Request,
    ws: Ws,
    outlet: str | None = None,
    language: Language = None,
    offset: Offset = 0,
    limit: Limit = PAGE_SIZE,
) -> Response:
    filters = {"outlet": outlet, "language": language}
    total, found = web_queries.article_page(ws, limit=limit, offset=offset, **filters)
    # The pager keeps the page size where it is not the default, as search's does.
    params = {**filters, "limit": limit if limit != PAGE_SIZE else None}
    return render(
        request, "articles.html", total=total, articles=found, offset=offset, limit=limit, filters=filters, params=params
    )


@router.get("/stories/{story_id}")
def story(request: Request, ws: Ws, story_id: str, speaker: str = "", since: str = "") -> Response:
    found = find_story(ws, story_id)
    members = story_articles(ws, found)
    when = arrival_since(ws, since)
    arrived = None if when is None else arrivals.arrived_in(ws, found, when)
    summary = web_queries.summarize_story(found, members, web_queries.library_now(ws), arrived)
    state = request.app.state
    try:
        comparison = web_queries.story_comparison_soon(
            ws, state.comparisons, story_id, members, state.comparison_wait_s, start=not is_probe(request)
        )
        problem = None
    except ComparisonsBusy:  # nothing queued: the page asks to come back, and reloads itself, as "Comparing..."
        context = {"story": found, "summary": summary, "articles": members, "busy": True, "refresh_s": RETRY_AFTER_S}
        headers = busy_headers()
        return templates.TemplateResponse(request, "story_pending.html", context, status_code=503, headers=headers)
    except Exception as error:  # the articles are still worth showing side by side
        log.exception("comparing story %s", story_id)
        comparison, problem = Comparison(articles=[]), f"{type(error).__name__}: {error}"
    if isinstance(comparison, web_queries.ComparisonPending):
        return render(
            request, "story_pending.html", story=found, summary=summary, articles=members, queued=comparison.queued,
            busy=False, refresh_s=RETRY_AFTER_S,
        )
    index = views.index_claims(comparison.groups)
    claims_of: dict[str, list[Claim]] = {}
    for claim in comparison.claims:
        claims_of.setdefault(claim.article, []).append(claim)
    # The comparison's cast (cached with it) is this merge of the same articles: merging again cost seconds a load.
    entities = comparison.entities if problem is None else [e.to_dict() for e in web_queries.story_entities(members)]
    return render(
        request,
        "story.html",
        story=found,
        summary=summary,
        since=since.strip() if when else "",
        since_time=when,
        arrived=set(arrived or ()),
        columns=[(a, views.highlight_paragraphs(a.text, claims_of.get(a.id, []), index)) for a in members],
        comparison=comparison,
        speaker=speaker.strip(),
        speakers=views.quote_speakers(comparison.quotes),
        quotes=quotes_of(comparison.quotes, comparison.entities, speaker) if speaker.strip() else comparison.quotes,
        groups=views.ordered_groups(comparison.groups),
        claim_text={c.id: c for c in comparison.claims},
        titles={**{a.id: a.outlet or a.title for a in members}, **{a["id"]: a["name"] for a in comparison.articles if a.get("name")}},
        involved=involved(entities, top=None),
        names=entity_names(entities),
        timeline=views.timeline_chart(comparison.timeline),
        graph=views.provenance_graph(members, comparison.provenance),
        related=[s for s in (ws.store.get_story(r) for r in found.related) if s is not None],
        problem=problem,
    )


@router.get("/articles/{article_id:path}")
def article(request: Request, ws: Ws, article_id: str) -> Response:
    if not article_id:  # "/articles/": the list
        return RedirectResponse("/articles", status_code=308)
    found = library.get_article(ws, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return render(request, "article.html", article=found, story=ws.store.story_of(article_id))


@router.get("/search")
def search(
    request: Request,
    ws: Ws,
    q: str = "",
    outlet: str | None = None,
    language: Language = None,
    entity: str | None = None,
    since: str = "",
    until: str = "",
    offset: Offset = 0,
    limit: Limit = PAGE_SIZE,
) -> Response:
    q = _CONTROL.sub("", q)  # a NUL or escape code is no word, and must not be echoed into the page
    filters = {"outlet": outlet, "language": language, "entity": entity}
    dates = {"since": _form_date(since, "since"), "until": _form_date(until, "until", end_of_day=True)}
    found = library.search(ws, q, limit=limit, offset=offset, **filters, **dates) if q.strip() else (0, [])
    total, hits = found
    # The pager keeps every choice; the page size only where it is not the default (shorter links).
    params = {"q": q, **filters, "since": since, "until": until, "limit": limit if limit != PAGE_SIZE else None}
    stories = {hit.article.id: ws.store.story_of(hit.article.id) for hit in hits}
    return render(
        request, "search.html", q=q, total=total, hits=hits, stories=stories, offset=offset, limit=limit, params=params
    )


def _form_date(value: str, name: str, *, end_of_day: bool = False) -> datetime | None:
    """A date field of a search form: empty means no bound (``end_of_day``: :func:`library.time_bound`)."""
    if not value.strip():
        return None
    try:
        return library.time_bound(value, end_of_day=end_of_day)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


@router.get("/upload")
def upload(request: Request) -> Response:
    return render(request, "upload.html", token_required=request.app.state.token is not None)


@router.get("/remove/{article_id:path}")
def confirm_removal(request: Request, ws: Ws, article_id: str) -> Response:
    """The dry run: which story the article leaves and whether that story goes with it; nothing is removed."""
    plan = web_queries.remove_article(ws, article_id, dry_run=True)
    if plan.not_found:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return render(
        request, "remove.html", article=plan.articles[0], changes=plan.stories,
        token_required=request.app.state.token is not None,
    )


@router.post("/remove/{article_id:path}")
async def remove(request: Request, ws: Ws, article_id: str) -> Response:
    """Remove the article (same site, and the form's token where writes need one), then show its story, or the
    story list when the story went with it; the address says what went, signed so no other link can."""
    token = (await request.form()).get("token")
    check_write_access(request, token if isinstance(token, str) else None, FORM_REFUSALS)
    removal = await request.app.state.run_write(web_queries.remove_article, ws, article_id, False)
    if removal.not_found:
        raise HTTPException(404, f"no article with id {article_id!r}")
    kept = [change for change in removal.stories if change.left]
    target = f"/stories/{path_segment(kept[0].id)}" if kept else "/"
    return RedirectResponse(f"{target}?{removal_notice_query(views.article_heading(removal.articles[0]))}", status_code=303)
