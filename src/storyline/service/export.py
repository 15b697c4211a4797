"""A whole library as JSON lines, for analysis elsewhere (pandas, R, jq).

One record a line, each with its ``record`` kind: first the ``library`` header (export format, article
schema and comparison rules versions, the matching settings the stories were made with), then every
``article`` (the ``storyline show --json`` object, when it ``arrived`` included, with its ``story``), every
``story`` (as ``storyline stories --json``) and, when asked for, every story's ``comparison`` (as ``storyline
story ID --format json``). ``pandas.read_json(path, lines=True)`` reads it; filter on ``record``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from storyline import __version__
from storyline.match.config import config_overrides
from storyline.model import SCHEMA_VERSION
from storyline.service.comparison import RULES_VERSION, compare_story
from storyline.service.library import article_record
from storyline.service.stories import library_config, list_stories, story_row

#: Bump when a record's fields change meaning or go away (new fields may be added without a bump).
EXPORT_VERSION = 1


def export_records(ws, *, comparisons: bool = False) -> Iterator[dict[str, Any]]:
    """The library's records, in a stable order: articles by publication (undated last) then id, streamed from
    the store a page at a time; stories as ``storyline stories`` lists them."""
    if comparisons:  # a comparison may head its story with another member's headline: compared before listed
        for story in list_stories(ws):
            compare_story(ws, story.id)
    stories = list_stories(ws)
    story_of = {article: story.id for story in stories for article in story.articles}
    yield {
        "record": "library",
        "export_version": EXPORT_VERSION,
        "storyline": __version__,
        "schema_version": SCHEMA_VERSION,
        "rules_version": RULES_VERSION,
        "matching": config_overrides(library_config(ws)),
        "articles": ws.store.count_articles(),
        "stories": len(stories),
    }
    arrived = ws.store.arrived_since(datetime.min)  # every article's arrival, in one query
    for article in ws.store.iter_articles():
        record = article_record(article, arrived.get(article.id))
        yield {"record": "article", **record, "story": story_of.get(article.id)}
    for story in stories:
        yield {"record": "story", **story_row(ws, story)}
    if comparisons:
        for story in stories:
            yield {"record": "comparison", "story": story.id, **compare_story(ws, story.id).to_dict()}
