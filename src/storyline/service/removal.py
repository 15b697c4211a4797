"""Removal: take articles a user ingested by mistake out of the library, whole.

An article goes with every trace of it (versions, search text, entities, vectors, signatures, index entries)
and its story loses it in the same transaction: the story's representation and label are recomputed from the
members left, a story left empty is gone, and comparisons cached for the changed stories are dropped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.model import Article
from storyline.service import stories as story_service
from storyline.service.comparison import DOCUMENT_KIND
from storyline.service.workspace import Workspace


@dataclass
class StoryChange:
    """A story that loses articles: what it is called and how many articles it keeps (0: it is gone)."""

    id: str
    label: str
    removed: int
    left: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "removed": self.removed, "left": self.left}


@dataclass
class Removal:
    """The articles that go (or would go, in a dry run), the stories they leave, and what matched nothing."""

    articles: list[Article] = field(default_factory=list)
    story_of: dict[str, str | None] = field(default_factory=dict)
    stories: list[StoryChange] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    dry_run: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "removed": [
                {"id": a.id, "title": a.title, "source": a.source, "story": self.story_of.get(a.id)}
                for a in self.articles
            ],
            "stories": [change.to_dict() for change in self.stories],
            "not_found": self.not_found,
        }


def plan_removal(ws: Workspace, ids: Iterable[str] = (), sources: Iterable[str] = ()) -> Removal:
    """What removing these articles (by id) and the articles read from these sources would remove; a source is
    looked up as given, else as an absolute path (ingest records the path it was given)."""
    removal = Removal()
    chosen: dict[str, Article] = {}
    for article_id in ids:
        article = ws.store.get_article(article_id)
        if article is None:
            removal.not_found.append(article_id)
        else:
            chosen.setdefault(article.id, article)
    for source in sources:
        found = ws.store.articles_from(source) or ws.store.articles_from(os.path.abspath(source))
        if not found:
            removal.not_found.append(source)
        chosen.update((article.id, article) for article in found)
    removal.articles = story_service.by_publication(chosen.values())
    removal.story_of = {a.id: story.id if (story := ws.store.story_of(a.id)) else None for a in removal.articles}
    removal.stories = _story_changes(ws, removal.story_of)
    return removal


def _story_changes(ws: Workspace, story_of: dict[str, str | None]) -> list[StoryChange]:
    """Each story the articles leave, as it stands now (label and size after the removal are known once done)."""
    changes = []
    for story_id in sorted({s for s in story_of.values() if s is not None}):
        story = ws.store.get_story(story_id)
        if story is not None:
            removed = sum(1 for s in story_of.values() if s == story_id)
            changes.append(StoryChange(story.id, story.label, removed, len(story.articles) - removed))
    return changes


def remove(ws: Workspace, removal: Removal) -> Removal:
    """Remove the planned articles in one transaction; the stories are reported as the removal left them."""
    if removal.articles:
        remaining, _ = story_service.remove_articles(ws, removal.articles, story_documents=[DOCUMENT_KIND])
        after = {story.id: story for story in remaining}
        for change in removal.stories:
            story = after.get(change.id)
            change.label, change.left = (story.label, len(story.articles)) if story else (change.label, 0)
    removal.dry_run = False
    return removal
