"""Story comparison for the CLI and the web app: from articles, from files, or from a stored story."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from storyline.compare.provenance import began_with
from storyline.compare.story import compare
from storyline.config import Settings
from storyline.enrich.embedding import get_embedder
from storyline.model import SCHEMA_VERSION, Article, Comparison
from storyline.service.dating import date_undated
from storyline.service.enrichment import enrich_articles
from storyline.service.stories import head_story_with, story_articles
from storyline.service.workspace import Workspace

#: Store document kind of cached comparisons (key: story id).
DOCUMENT_KIND = "comparison"
#: Bump when the comparison rules change, so cached comparisons are recomputed.
RULES_VERSION = 79


class StoryNotFound(LookupError):
    """No story with that id in the store."""


def compare_articles(articles: list[Article]) -> Comparison:
    """Compare already read (and ideally enriched) articles of one story."""
    return compare(articles, get_embedder().encode)


def _needs_enrichment(article: Article) -> bool:
    return not (article.entities or article.quotes or article.times)


def compare_files(paths: Iterable[str | Path], workspace: Workspace | None = None) -> Comparison:
    """Read, enrich and compare files straight away, no database.

    The files are taken as one story: undated articles get their dates estimated from the dated ones,
    as stored stories do. A file that cannot be read is skipped and listed in ``summary["skipped"]``
    with its reason; the others are still compared.
    """
    from storyline.ingest import read_paths

    workspace = workspace or Workspace(Settings())
    articles: list[Article] = []
    skipped: list[dict[str, str]] = []
    for outcome in read_paths([str(p) for p in paths], max_file_bytes=workspace.settings.max_file_bytes):
        if outcome.ok and outcome.article is not None:
            articles.append(outcome.article)
        else:
            skipped.append({"source": outcome.source, "error": outcome.error or "no article"})
    articles = _enriched(workspace, articles)
    date_undated(articles)
    comparison = compare_articles(articles)
    if skipped:
        comparison.summary["skipped"] = skipped
    return comparison


def _enriched(workspace: Workspace, articles: list[Article]) -> list[Article]:
    todo = [a for a in articles if _needs_enrichment(a)]
    if not todo:
        return articles
    done = {a.id: a for a in enrich_articles(workspace, todo)}
    return [done.get(a.id, a) for a in articles]


def cache_key(story_id: str, articles: list[Article]) -> str:
    """Changes whenever an article of the story changes version or content (or the schema or rules change)."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION}|{RULES_VERSION}|{story_id}".encode())
    for article in sorted(articles, key=lambda a: a.id):
        digest.update(f"|{article.id}:{article.version}:{article.content_hash or article.compute_hash()}".encode())
    return digest.hexdigest()


def compare_story(workspace: Workspace, story_id: str, *, refresh: bool = False) -> Comparison:
    """The comparison of a stored story, cached in the store until one of its articles changes."""
    store = workspace.store
    story = store.get_story(story_id)
    if story is None:
        raise StoryNotFound(f"no story with id {story_id!r}")
    articles = story_articles(workspace, story)  # listed by publication, as everywhere a story is shown
    comparison = None if refresh else cached_comparison(workspace, story_id, articles)
    if comparison is None:
        comparison = compare_articles(_enriched(workspace, articles))
        comparison.summary["story"] = story_id
        key = cache_key(story_id, articles)
        store.save_document(DOCUMENT_KIND, story_id, {"key": key, "comparison": comparison.to_dict()})
    if source := story_source(articles, comparison):
        story = head_story_with(workspace, story, source)
    comparison.summary["label"] = story.label  # the story's label now (re-clustering may rename it), for titles
    return comparison


def cached_comparison(workspace: Workspace, story_id: str, articles: list[Article]) -> Comparison | None:
    """The story's stored comparison while it is current for ``articles`` (:func:`cache_key`), else None: what
    a page that needs only part of it (who is involved) reads rather than compare, or merge, again."""
    cached = _current_document(workspace, story_id, articles)
    return None if cached is None else Comparison.from_dict(cached["comparison"])


def is_compared(workspace: Workspace, story_id: str, articles: list[Article]) -> bool:
    """Whether the story's stored comparison is current for ``articles``: reading it takes no comparing."""
    return _current_document(workspace, story_id, articles) is not None


def _current_document(workspace: Workspace, story_id: str, articles: list[Article]) -> dict | None:
    cached = workspace.store.get_document(DOCUMENT_KIND, story_id)
    return cached if cached and cached.get("key") == cache_key(story_id, articles) else None


def story_source(articles: list[Article], comparison: Comparison) -> Article | None:
    """The article a story began with, by its comparison: of those published first (or that may have been,
    giving only the day; of all, when none gives a date), the one provenance names the source of the others,
    not a same-day translation or copy of it; ``articles`` listed by publication."""
    first = {*comparison.summary.get("first_reported", ()), *comparison.summary.get("possibly_first", ())}
    return began_with(articles, comparison.provenance, first)
