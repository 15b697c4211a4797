"""Assign articles to stories as they arrive (filled in by the match stage's owner)."""

from __future__ import annotations

from storyline.model import Article


def assign_to_stories(workspace, articles: list[Article]) -> None:
    """Stream the new articles, in published order, into the stories they belong to."""
    return None
