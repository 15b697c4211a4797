"""The library: ingest files into the store, list, fetch and search articles.

Ingest stores each batch in one transaction, then enriches the new articles,
assigns them to stories and gives undated ones a publication estimate from
their story; an article counts as processed only after all of that, so a run
cut short is completed by the next one.

Ingest order: articles with a published time go first, oldest first; undated
ones follow in input order. Streaming story assignment then sees a story's
dated reports before any undated copy of them, so an undated article is
matched against every dated story it could belong to. Sorting needs the whole
run read first: the articles read wait on disk (``store.StagedArticles``), not
in memory, so a run's memory does not grow with the size of its inputs.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from babel.core import Locale

from storyline.config import cpu_threads
from storyline.ingest import IngestError, ReadOutcome, expand_paths, read_file, read_source
from storyline.ingest.language import normalise_language
from storyline.model import Article
from storyline.service.dating import estimate_undated
from storyline.service.enrichment import enrich_articles
from storyline.service.stories import assign_to_stories, merged_away, publication_key, story_ids
from storyline.service.workspace import Workspace
from storyline.store import SearchHit, StagedArticles

#: Inputs with fewer files than this are read in this process (worker start-up would cost more).
PARALLEL_MIN_FILES = 64
#: Files each reader process may have read (or be reading) ahead of the one whose outcomes are taken.
READ_AHEAD = 8

#: ``on_progress(stage, done, total)``: "reading", files read of those given (folders expanded), a fraction
#: within a file of many records (a WARC's records move it, not only its end); then "processing", articles stored
#: and enriched (or found duplicate) of those read and left by an earlier run.
Progress = Callable[[str, float, int], None]
#: Articles enriched at a time within a store batch: the progress bar moves this often.
ENRICH_CHUNK = 25


@dataclass
class Failure:
    """An input that could not be read, or an article of it the models failed on, and why."""

    source: str
    reason: str


@dataclass
class RecordsRead:
    """What became of the records of one input that holds many (a WARC's records, a feed's items, JSONL lines)."""

    articles: int = 0
    skipped: int = 0
    failed: int = 0
    #: How many records were skipped for each reason.
    skipped_because: dict[str, int] = field(default_factory=dict)

    @property
    def read(self) -> int:
        return self.articles + self.skipped + self.failed

    def count(self, outcome: ReadOutcome) -> None:
        if outcome.skipped:
            self.skipped += 1
            reason = outcome.error or "not an article"
            self.skipped_because[reason] = self.skipped_because.get(reason, 0) + 1
        elif outcome.article is None:
            self.failed += 1
        else:
            self.articles += 1

    def to_dict(self) -> dict[str, int]:
        return {"read": self.read, "articles": self.articles, "skipped": self.skipped, "failed": self.failed,
                "skipped_because": dict(self.skipped_because)}


@dataclass
class StoryReached:
    """A story this ingest's new articles (or new versions) joined or started: what a reader following a
    running story looks at after each increment."""

    id: str
    label: str
    added: list[str]
    size: int

    @property
    def started(self) -> bool:
        """Whether every article of the story came with this ingest."""
        return len(self.added) >= self.size


@dataclass
class IngestReport:
    """What one ingest did: counts by outcome, and every failure with its reason."""

    new: int = 0
    duplicate: int = 0
    new_version: int = 0
    #: Articles left unfinished by an earlier, interrupted run and completed by this one.
    resumed: int = 0
    #: Files in the folders given that hold no article by their extension (stylesheets, images...) and a WARC's
    #: records that are no page, each with why: skipped, not failed.
    skips: list[Failure] = field(default_factory=list)
    #: Records skipped that by their kind never hold a page (a WARC's requests, warcinfo, metadata), counted by
    #: reason and not listed: a crawl holds as many requests as pages.
    quiet_skips: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    #: Inputs read after a repair (stray NUL bytes removed): their articles are stored, the user told.
    warnings: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    #: Input read as text already stored: (its source, the stored article it repeats, where that was read from).
    duplicates_of: list[tuple[str, str, str | None]] = field(default_factory=list)
    #: The stories the new articles and new versions went to, most added first.
    stories: list[StoryReached] = field(default_factory=list)
    #: Stories stored before this ingest that its articles merged into others: id -> the story holding it now.
    merged: dict[str, str] = field(default_factory=dict)
    #: Each input of many records (its source) and what became of them, in the order read.
    records: dict[str, RecordsRead] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def skipped(self) -> int:
        return len(self.skips) + sum(self.quiet_skips.values())

    @property
    def skipped_because(self) -> dict[str, list[str]]:
        """The sources skipped for each reason, in the order read (none listed for a quiet reason)."""
        because: dict[str, list[str]] = {reason: [] for reason in self.quiet_skips}
        for skip in self.skips:
            because.setdefault(skip.reason, []).append(skip.source)
        return because

    @property
    def skip_counts(self) -> dict[str, int]:
        """How many sources were skipped for each reason."""
        return {reason: len(sources) or self.quiet_skips.get(reason, 0)
                for reason, sources in self.skipped_because.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "duplicate": self.duplicate,
            "new_version": self.new_version,
            "resumed": self.resumed,
            "skipped": self.skipped,
            "skipped_because": self.skip_counts,
            "skips": [{"source": s.source, "reason": s.reason} for s in self.skips],
            "failed": self.failed,
            "failures": [{"source": f.source, "reason": f.reason} for f in self.failures],
            "warnings": [{"source": w.source, "reason": w.reason} for w in self.warnings],
            "article_ids": self.article_ids,
            "duplicates": [
                {"source": source, "article_id": stored, "stored_source": stored_source}
                for source, stored, stored_source in self.duplicates_of
            ],
            "stories": [
                {"id": s.id, "label": s.label, "added": s.added, "size": s.size, "started": s.started} for s in self.stories
            ],
            "merged": [{"id": old, "into": now} for old, now in self.merged.items()],
            "records": {source: read.to_dict() for source, read in self.records.items()},
        }


def ingest(
    ws: Workspace,
    paths: Sequence[str | Path],
    *,
    on_progress: Progress | None = None,
    known_as: dict[str, str] | None = None,
) -> IngestReport:
    """Read ``paths`` and store, enrich and assign to stories every article not stored yet.

    Each batch of ``settings.batch_size`` articles is one store transaction;
    an interrupted run is completed by the next one (unprocessed articles are
    picked up again). ``known_as``: path -> the name recorded as the articles' (and failures') source
    instead, for a file read from where it was only put to be read (an upload's temporary copy).
    """

    def source(read_from: str) -> str:
        for path, name in (known_as or {}).items():
            read_from = read_from.replace(path, name)
        return read_from

    progress = on_progress or (lambda stage, done, total: None)
    report = IngestReport()
    earlier = story_ids(ws)
    run = ws.store.start_ingest_run()  # its start is what "since the last run" means
    with StagedArticles() as staged:
        _read_into(ws, paths, staged, report, source, progress)
        _store_and_process(ws, staged, report, progress)
    report.merged = merged_away(ws, earlier)
    ws.store.finish_ingest_run(run, report.new)
    return report


def _read_into(
    ws: Workspace,
    paths: Sequence[str | Path],
    staged: StagedArticles,
    report: IngestReport,
    source: Callable[[str], str],
    progress: Progress,
) -> None:
    """Read every input, setting its articles aside in ``staged`` by publication, and its failures, skips and
    warnings in ``report``."""
    limits = {"max_file_bytes": ws.settings.max_file_bytes, "max_article_chars": ws.settings.max_article_chars}
    for outcome in read_inputs(paths, **limits, workers=cpu_threads(), on_file=partial(progress, "reading")):
        read_from, is_record, _ = outcome.source.partition("#")
        if is_record:
            report.records.setdefault(source(read_from), RecordsRead()).count(outcome)
        warning = Failure(source(read_from), outcome.warning or "")
        if outcome.warning and warning not in report.warnings:  # once per file, not once per feed item
            report.warnings.append(warning)
        if outcome.skipped and outcome.quiet:
            report.quiet_skips[outcome.error or ""] = report.quiet_skips.get(outcome.error or "", 0) + 1
        elif outcome.skipped:
            report.skips.append(Failure(source(outcome.source), outcome.error or "not an article"))
        elif outcome.article is None:
            report.failures.append(Failure(source(outcome.source), outcome.error or "unreadable"))
        else:
            outcome.article.source = source(outcome.article.source) if outcome.article.source else None
            staged.add(outcome.article, publication_key(outcome.article.published))


def _store_and_process(ws: Workspace, staged: StagedArticles, report: IngestReport, progress: Progress) -> None:
    """Store the staged articles by publication, a batch at a time, each batch enriched and assigned to stories
    (with what an earlier run left unprocessed) before the next is read back."""
    store = ws.store
    leftover = set(store.unprocessed_ids())
    total = len(staged) + len(leftover)
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        if count:
            done = min(total, done + count)
            progress("processing", done, total)

    added: list[str] = []
    for batch in _batches(staged.in_order(), ws.settings.batch_size):
        for article, result in zip(batch, store.add_articles(batch), strict=True):
            report.article_ids.append(result.article_id)
            if result.status in ("new", "new-version"):
                added.append(result.article_id)
            if result.status == "new":
                report.new += 1
            elif result.status == "new-version":
                report.new_version += 1
            else:
                report.duplicate += 1
                report.duplicates_of.append((article.source, result.article_id, result.stored_source))
                advance(1)
        _process_pending(ws, leftover, report, advance)
    _process_pending(ws, leftover, report, advance)  # nothing read, or only duplicates read
    progress("processing", total, total)  # partial texts kept aside as versions are never pending
    report.stories = _stories_reached(ws, added)


def _stories_reached(ws: Workspace, article_ids: Iterable[str]) -> list[StoryReached]:
    """The stories that ``article_ids`` are in now (after the stream's merges), most of them first."""
    reached: dict[str, StoryReached] = {}
    for article_id in dict.fromkeys(article_ids):
        story = ws.store.story_of(article_id)
        if story is not None:
            entry = reached.setdefault(story.id, StoryReached(story.id, story.label, [], len(story.articles)))
            entry.added.append(article_id)
    return sorted(reached.values(), key=lambda story: (-len(story.added), story.id))


def nothing_to_read(paths: Sequence[str | Path]) -> list[Failure] | None:
    """Why ``paths`` name no file to read (an empty folder, a typo, only stylesheets), a reason per path;
    None when they name one. Asked before a run, so that no database is made for nothing."""
    items = list(expand_paths(paths))
    if any(not isinstance(item, ReadOutcome) for item in items):
        return None
    return [Failure(item.source, item.error or "not an article") for item in items]


def read_inputs(
    paths: Iterable[str | Path],
    *,
    max_file_bytes: int,
    max_article_chars: int,
    workers: int,
    on_file: Callable[[float, int], None] | None = None,
) -> Iterator[ReadOutcome]:
    """What ``read_paths`` yields, in the same order, with files read by ``workers`` processes when many;
    ``on_file(done, total)`` after each file, and after each record of a file read here (``done`` a fraction).

    HTML extraction is CPU-bound pure Python, so threads would not help; a
    handful of files is read in this process, where starting workers costs more.
    A worker hands back a file's outcomes all at once, so a file over ``max_file_bytes`` (a WARC or JSONL read
    record by record) is read here, and workers run at most ``READ_AHEAD`` files ahead of the one yielded: what
    is held waiting stays bounded however large the pile or slow its first file.
    """
    items = list(expand_paths(paths))
    files = [item for item in items if isinstance(item, Path)]
    limits = {"max_file_bytes": max_file_bytes, "max_article_chars": max_article_chars}
    file_read = on_file or (lambda done, total: None)
    if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
        for number, item in enumerate(items, 1):
            for outcome in [item] if isinstance(item, ReadOutcome) else read_source(item, **limits):
                yield outcome
                if outcome.read_share is not None:  # a large archive moves the bar record by record
                    file_read(number - 1 + outcome.read_share, len(items))
            file_read(number, len(items))
        return
    # forkserver: forking a process that runs threads (progress bar, web server) is unsafe.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),)
    ) as pool:
        here = {path for path in files if _read_record_by_record(path, max_file_bytes)}
        ahead: deque[Future[list[ReadOutcome]]] = deque()
        to_pool = (path for path in files if path not in here)
        try:
            for number, item in enumerate(items, 1):
                while len(ahead) < READ_AHEAD * workers and (path := next(to_pool, None)) is not None:
                    ahead.append(pool.submit(_read_file, path, max_file_bytes, max_article_chars))
                if isinstance(item, ReadOutcome):
                    yield item
                elif isinstance(item, Path) and item not in here:
                    yield from ahead.popleft().result()
                else:  # stdin and files read record by record are read here
                    yield from read_source(item, **limits)
                file_read(number, len(items))
        finally:  # a run stopped early (Ctrl-C, an error) does not wait for files read ahead
            for future in ahead:
                future.cancel()


def _end_with(parent: int) -> None:
    """Reader initializer: exit when the ingesting process is gone (even killed with SIGKILL).

    A pool worker otherwise keeps waiting on its queue for ever, and the
    executor has no option for this.
    """

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _read_record_by_record(path: Path, max_file_bytes: int) -> bool:
    """Whether the file is over the limit for a file read whole (so read, if at all, a record at a time)."""
    try:
        return path.stat().st_size > max_file_bytes
    except OSError:  # gone since the folder was listed: the reader says so
        return False


def _read_file(path: Path, max_file_bytes: int, max_article_chars: int) -> list[ReadOutcome]:
    return list(read_source(path, max_file_bytes=max_file_bytes, max_article_chars=max_article_chars))


def _process_pending(
    ws: Workspace, leftover: set[str], report: IngestReport, advance: Callable[[int], None]
) -> None:
    """Enrich and assign to stories what is stored but not processed, counting leftovers as resumed.

    An article the models fail on is kept and assigned unenriched, and counted as a failure. ``advance(n)``: n more
    articles enriched (or set aside), ``ENRICH_CHUNK`` at a time so that a progress bar moves within a batch.
    """

    def failed(article: Article, error: Exception) -> None:
        reason = f"stored, but enrichment failed (no entities, quotes or times): {error}"
        report.failures.append(Failure(article.source or article.id, reason))

    store = ws.store
    resumed: set[str] = set()
    while batch := store.unprocessed_articles(limit=ws.settings.batch_size):  # each batch is marked processed
        kept = _set_aside_over_long(ws, batch, report)
        advance(len(batch) - len(kept))
        enriched = []
        for chunk in _batches(kept, ENRICH_CHUNK):
            enriched += enrich_articles(ws, chunk, on_failure=failed)
            advance(len(chunk))
        for article in enriched:
            store.update_article(article)
        assign_to_stories(ws, enriched)
        _estimate_undated_in_stories_of(ws, enriched)
        store.mark_processed(a.id for a in enriched)
        resumed.update(leftover.intersection(a.id for a in enriched))
    leftover.difference_update(resumed)
    report.resumed += len(resumed)


def _set_aside_over_long(ws: Workspace, batch: list[Article], report: IngestReport) -> list[Article]:
    """The batch without articles over the length limit (stored before there was one), which are marked processed
    unenriched and reported: enriching one took 20 minutes, and a run cut short resumed it every time after."""
    limit = ws.settings.max_article_chars
    over = [article for article in batch if len(article.text) > limit]
    for article in over:
        reason = f"stored, but not enriched: its text is {len(article.text):,} characters, over the {limit:,}-character limit"
        report.failures.append(Failure(article.source or article.id, reason))
    ws.store.mark_processed(article.id for article in over)
    return [article for article in batch if len(article.text) <= limit] if over else batch


def _estimate_undated_in_stories_of(ws: Workspace, articles: list[Article]) -> None:
    """Give undated articles a publication estimate from their story, whenever the story changed."""
    stories = {}
    for article in articles:
        story = ws.store.story_of(article.id)
        if story is not None:
            stories[story.id] = story
    for story in stories.values():
        estimate_undated(ws, story)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    articles = iter(items)
    while batch := list(islice(articles, max(1, size))):
        yield batch


def time_bound(value: str, *, end_of_day: bool = False) -> datetime:
    """A date filter's bound from ISO text (ValueError if it is none); ``end_of_day``, for an upper
    bound: a bare date means the end of that day, so "until 2008-12-13" keeps that day's articles."""
    parsed = datetime.fromisoformat(value.strip())
    if end_of_day and len(value.strip()) <= 10:
        parsed = datetime.combine(parsed.date(), datetime.max.time())
    return parsed


def language_filter(value: str) -> str:
    """The stored code (ISO 639-1, as ingest normalises languages) of what a user types: "English", "eng",
    "en-GB" are "en"; ValueError for a name or code of no language CLDR knows ("xx", "Deutsch")."""
    code = normalise_language(value)
    if code is None or code not in Locale("en").languages:
        raise ValueError(f"unknown language {value!r}: give an ISO 639 code (en, eng) or an English name (German)")
    return code


def list_articles(ws: Workspace, **filters: Any) -> list[Article]:
    """Latest version of each stored article matching the filters (outlet, language, since, until, entity, limit, offset)."""
    return ws.store.list_articles(**filters)


def get_article(ws: Workspace, article_id: str) -> Article | None:
    return ws.store.get_article(article_id)


def search(ws: Workspace, query: str, **filters: Any) -> tuple[int, list[SearchHit]]:
    """Full-text search: (total hits, one page of hits) - every word of ``query`` must occur."""
    return ws.store.search(query, **filters)


def article_summary(article: Article, arrived: datetime | None) -> dict[str, Any]:
    """The list view of an article: metadata without the body and enrichment (the API's ``ArticleSummary``);
    ``arrived`` is when it arrived in this library (:func:`article_summaries` looks it up)."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "agency": article.agency,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "arrived": utc_text(arrived),
        "language": article.language,
        "source": article.source,
        "version": article.version,
    }


def article_summaries(ws: Workspace, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The articles' list views, each with ``arrived``: when it arrived in this library (its first version was
    stored; the store's ``added_at``), which is not when it was ``published`` (``stories --since`` goes by it)."""
    arrived = ws.store.arrival_times([a.id for a in articles])
    return [article_summary(a, arrived.get(a.id)) for a in articles]


def article_record(article: Article, arrived: datetime | None) -> dict[str, Any]:
    """The whole article as JSON (``show --json``, ``/api/articles/ID``, ``export``), with when it ``arrived``
    in this library (null for an article not stored) beside when it was ``published``."""
    return {**article.to_dict(), "arrived": utc_text(arrived)}


def utc_text(when: datetime | None) -> str | None:
    """A UTC time as the project writes times: naive ISO text."""
    return when.replace(tzinfo=None).isoformat() if when else None


def arrival_of(ws: Workspace, article_id: str) -> datetime | None:
    """When the article arrived in this library (its first version was stored); None when it is not stored."""
    return ws.store.arrival_times([article_id]).get(article_id)


def search_page(ws: Workspace, query: str, *, limit: int, offset: int, **filters: Any) -> dict[str, Any]:
    """One page of search hits as ``storyline search --json`` and ``/api/search`` both give it, a page like
    every other API page: ``{total, limit, offset, items}``, each item an article summary with its
    ``snippet`` and ``score`` (BM25, higher is better)."""
    total, hits = search(ws, query, limit=limit, offset=offset, **filters)
    summaries = article_summaries(ws, [h.article for h in hits])
    items = [
        {**summary, "snippet": hit.snippet, "score": round(hit.score, 4)}
        for summary, hit in zip(summaries, hits, strict=True)
    ]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def read_first(path: str | Path) -> tuple[Article, int]:
    """The first article of one file and how many it holds (a feed or a list of records holds several,
    and a caller that takes one should say which); IngestError when it holds none."""
    articles = read_file(path)
    if not articles:
        raise IngestError("no article found")
    return articles[0], len(articles)


def enrich_one(article: Article, ws: Workspace | None = None) -> Article:
    """One article enriched without touching a database."""
    return enrich_articles(ws or Workspace(), [article])[0]


def extract_file(path: str | Path, ws: Workspace | None = None) -> Article:
    """Read and enrich one file without touching a database (its first article if it holds several)."""
    return enrich_one(read_first(path)[0], ws)
