"""Dates for undated articles: borrow a bounded estimate from the article's story."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from storyline.enrich.times import estimate_publication, find_times
from storyline.model import Article, Story
from storyline.service.workspace import Workspace


def estimate_undated(workspace: Workspace, story: Story) -> list[Article]:
    """Estimate ``published`` for the story's undated articles and re-anchor their times.

    Each undated article gets ``published_estimate`` (from the story's dated
    articles) and its time expressions resolved again against that estimate,
    every one marked ``estimated``; each is saved with ``store.update_article``.
    Returns the updated articles (none when the story has no dated article).
    """
    store = workspace.store
    articles = [a for a in (store.get_article(i) for i in story.articles) if a is not None]
    estimate = estimate_publication([a.published for a in articles if a.published is not None])
    if estimate is None:
        return []
    anchor = datetime.fromisoformat(estimate.value)
    updated = []
    for article in articles:
        if article.published is not None:
            continue
        article.published_estimate = estimate
        article.times = [
            dataclasses.replace(t, estimated=True) for t in find_times(article.text, anchor, article.language)
        ]
        store.update_article(article)
        updated.append(article)
    return updated
