"""Dates for undated articles: borrow a bounded estimate from the article's story."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from storyline.enrich.times import estimate_publication, find_times
from storyline.model import Article, Story, TimeExpression
from storyline.service.workspace import Workspace


def estimate_undated(workspace: Workspace, story: Story) -> list[Article]:
    """Estimate ``published`` for the story's undated articles (:func:`date_undated`) and save each with
    ``store.update_article``. Returns the updated articles (none when the story has no dated article)."""
    store = workspace.store
    updated = date_undated([a for a in (store.get_article(i) for i in story.articles) if a is not None])
    for article in updated:
        store.update_article(article)
    return updated


def date_undated(articles: list[Article]) -> list[Article]:
    """Give the undated ones of one story's ``articles`` a ``published_estimate`` from the dated ones, in
    place, with their time expressions resolved again against it, those whose value depends on it marked
    ``estimated`` (:func:`_anchored`). Returns the articles it dated."""
    estimate = estimate_publication([a.published for a in articles if a.published is not None])
    if estimate is None:
        return []
    anchor = datetime.fromisoformat(estimate.value)
    updated = []
    for article in articles:
        if article.published is not None:
            continue
        article.published_estimate = estimate
        article.times = _anchored(article, anchor)
        updated.append(article)
    return updated


def _anchored(article: Article, anchor: datetime) -> list[TimeExpression]:
    """The article's time expressions resolved against the estimated ``anchor``, ``estimated`` where the
    value depends on it: "yesterday" and "November 19" do, "November 19, 2008" and "in 1991" do not, and
    calling those estimated would hide reported dates (no date conflicts are raised from estimated ones)."""
    unanchored = {(t.start, t.end): t.value for t in find_times(article.text, None, article.language)}
    return [
        dataclasses.replace(t, estimated=unanchored.get((t.start, t.end)) != t.value)
        for t in find_times(article.text, anchor, article.language)
    ]
