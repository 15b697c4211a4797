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
    updated = []
    for article in articles:
        if article.published is not None:
            continue
        article.published_estimate = estimate
        updated.append(anchor_to_estimate(article))
    return updated


def anchor_to_estimate(article: Article) -> Article:
    """An undated article with its time expressions resolved again against its estimated day, in place (as
    :func:`date_undated` leaves them); enrichment resolves them against no day, and a re-enriched copy's
    "Friday" was no day on the calendar any more."""
    if article.published is None and article.published_estimate is not None:
        article.times = _anchored(article, datetime.fromisoformat(article.published_estimate.value))
    return article


def _anchored(article: Article, anchor: datetime) -> list[TimeExpression]:
    """The article's time expressions resolved against the estimated ``anchor``, ``estimated`` where the
    value depends on it: "yesterday" and "November 19" do, "November 19, 2008" and "in 1991" do not, and
    calling those estimated would hide reported dates (no date conflicts are raised from estimated ones)."""
    unanchored = {(t.start, t.end): t.value for t in find_times(article.text, None, article.language)}
    return [
        dataclasses.replace(t, estimated=unanchored.get((t.start, t.end)) != t.value)
        for t in find_times(article.text, anchor, article.language)
    ]
