"""Read-side queries the web app and HTTP API need that no other service module offers.

Story summaries for a story list (size, outlets, languages, time span, fresh
flags), pages of articles with their total, a story's entities across its
articles (:mod:`storyline.compare.involved`, which the reports share), ingesting uploaded bytes
(which the library reads from paths) and re-clustering with a count of what moved.
"""

from __future__ import annotations

import re
import tempfile
import threading
from concurrent.futures import wait as wait_for
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from storyline.compare.involved import story_entities  # noqa: F401 (re-exported for the web shell)
from storyline.compare.naming import outlet_name
from storyline.model import Article, Comparison, Record, Story
from storyline.service.arrivals import stories_since
from storyline.service.comparison import (  # noqa: F401 (cached_comparison re-exported)
    cached_comparison,
    compare_story,
    is_compared,
)
from storyline.service.comparison_jobs import ComparisonJobs
from storyline.service.library import IngestReport, ingest
from storyline.service.removal import Removal, plan_removal, remove
from storyline.service.stories import StoryFilter, list_stories, moved_articles, recluster, story_heads
from storyline.service.workspace import Workspace

#: A story is "new" when it started, and "growing" when it gained an article, this
#: close to the newest article in the library (the library's "now": corpora are often historical).
FRESH_WINDOW = timedelta(hours=48)


@dataclass
class StorySummary(Record):
    """What a story list shows about one story."""

    id: str
    label: str
    size: int
    articles: list[str]
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    first_published: datetime | None = None
    last_published: datetime | None = None
    #: Publication flags (:data:`FRESH_WINDOW`), not arrival: a story first published in the window is new.
    new: bool = False
    growing: bool = False
    #: Asked with a "since" time only (else None): the articles that arrived in the library since, and whether
    #: all of the story did.
    arrived_since: list[str] | None = None
    started_since: bool | None = None
    reasons: dict[str, str] = field(default_factory=dict)  # as `storyline stories --json`: its row, and more
    related: list[str] = field(default_factory=list)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def library_now(ws: Workspace) -> datetime | None:
    """Publication time of the newest dated article (the reference for the fresh flags)."""
    return ws.store.latest_published()


def summarize_story(
    story: Story, articles: list[Article], now: datetime | None, arrived: list[str] | None = None
) -> StorySummary:
    """What a list shows of ``story``; ``arrived``: its articles that arrived since the time asked about."""
    dates = sorted(_utc(a.published) for a in articles if a.published is not None)
    first = story.first_published or (dates[0] if dates else None)
    last = story.last_published or (dates[-1] if dates else None)
    fresh_since = now - FRESH_WINDOW if now else None
    new = bool(fresh_since and first and _utc(first) >= fresh_since)
    growing = bool(fresh_since and not new and len(articles) > 1 and last and _utc(last) >= fresh_since)
    return StorySummary(
        id=story.id,
        label=story.label,
        size=len(story.articles),
        articles=[article.id for article in articles],  # by publication (:func:`story_articles`)
        outlets=sorted({outlet_name(a) for a in articles}),  # named as the reports name them
        languages=sorted({a.language for a in articles if a.language}),
        first_published=first,
        last_published=last,
        new=new,
        growing=growing,
        arrived_since=arrived,
        started_since=None if arrived is None else len(arrived) == len(articles),
        reasons=story.reasons,
        related=story.related,
    )


def story_page(
    ws: Workspace, *, limit: int, offset: int, since: datetime | None = None, wanted: StoryFilter | None = None
) -> tuple[int, list[StorySummary]]:
    """(number of stories, one page of summaries), in the order every face lists them (:func:`story_order`);
    ``since``: only the stories that gained articles since then (:func:`arrivals.stories_since`); ``wanted``:
    only those with an article of that outlet, language or publication span (:class:`StoryFilter`).

    The summaries read their articles' metadata alone (:func:`story_heads`): a page of the largest
    stories holds thousands of articles, whose texts and entities the list never shows."""
    now = library_now(ws)
    if since is None:
        stories = list_stories(ws, wanted=wanted)
        page = stories[offset : offset + limit]
        return len(stories), [summarize_story(s, story_heads(ws, s), now) for s in page]
    grown = stories_since(ws, since, wanted)
    return len(grown), [
        summarize_story(g.story, story_heads(ws, g.story), now, g.arrived) for g in grown[offset : offset + limit]
    ]


def article_page(ws: Workspace, *, limit: int, offset: int, **filters: Any) -> tuple[int, list[Article]]:
    """(number of matching articles, one page of them)."""
    total = ws.store.count_articles(**filters)
    return total, ws.store.list_articles(limit=limit, offset=offset, **filters)


_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def safe_file_name(name: str, default: str) -> str:
    """``name`` kept to word characters, dots and hyphens (others as "_"), no leading dot: safe as a file
    name on disk and in a download's header; ``default`` when nothing is left."""
    return _UNSAFE_NAME.sub("_", name).strip("._") or default


def ingest_upload(ws: Workspace, filename: str | None, content: bytes) -> IngestReport:
    """Ingest uploaded bytes as if read from a file of that name (the readers sniff content and extension);
    a body without a file name (a JSON post) is read as JSON. The articles' source is the uploaded file's
    name, or "upload": the temporary copy read is gone once read."""
    safe_name = safe_file_name(Path(filename or "").name, "upload")
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as folder:
        path = Path(folder) / (safe_name if filename else "upload.json")
        path.write_bytes(content)
        return ingest(ws, [path], known_as={str(path): safe_name})


def recluster_library(ws: Workspace) -> dict[str, int]:
    """Re-cluster every article, as ``storyline recluster``: the stories before and after, and how many
    articles went to another story."""
    before = ws.store.list_stories()
    after = recluster(ws)
    return {"stories_before": len(before), "stories": len(after), "moved": moved_articles(before, after)}


def remove_article(ws: Workspace, article_id: str, dry_run: bool = False) -> Removal:
    """Remove one article, as ``storyline remove ID`` (or say what would go); an unknown id removes nothing."""
    plan = plan_removal(ws, [article_id])
    return plan if dry_run or plan.not_found else remove(ws, plan)


_comparison_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def story_comparison(ws: Workspace, story_id: str) -> Comparison:
    """The story's comparison; concurrent first requests for one story compute it once.

    ``compare_story`` caches in the store, so the requests that waited on the
    lock read the cached result.
    """
    with _locks_guard:
        lock = _comparison_locks.setdefault(story_id, threading.Lock())
    with lock:
        return compare_story(ws, story_id)


@dataclass
class ComparisonPending:
    """A story whose comparison is being computed in the background (:class:`ComparisonJobs`)."""

    queued: bool  # waiting for a worker, behind other stories' comparisons


def story_comparison_soon(
    ws: Workspace, jobs: ComparisonJobs, story_id: str, articles: list[Article], wait: float, *, start: bool = True
) -> Comparison | ComparisonPending:
    """The story's comparison when it is cached or computed within ``wait`` seconds, else pending: a job computes
    it in the background (one per story), and the next request finds it cached. A failed job raises its error
    once, and is forgotten so that the request after it tries again. ``start`` false (a HEAD request: a link
    checker's probe) starts no job and forgets none. ComparisonsBusy when too many jobs already wait."""
    if is_compared(ws, story_id, articles):
        return story_comparison(ws, story_id)
    job = jobs.start(story_id) if start else jobs.find(story_id)
    if job is None:
        return ComparisonPending(queued=False)
    wait_for([job], timeout=wait)
    if not job.done():
        return ComparisonPending(queued=not job.running())
    if job.exception() is not None and start:
        jobs.forget(story_id, job)
    return job.result()
