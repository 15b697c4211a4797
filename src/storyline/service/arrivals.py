"""What arrived since a time: the articles added to the library since then, and the stories they started or grew.

Arrival is when an article was first stored in this library (its first version), not when it was published:
a journalist ingesting each day's files asks "what came in since my last run?", and a report published last
week that arrived today is news to them. Every face names the two apart: ``published`` and ``arrived``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from storyline.model import Story
from storyline.service.library import time_bound
from storyline.service.stories import StoryFilter, matching_stories, story_article_ids, story_order
from storyline.service.workspace import Workspace

#: The WHEN that means the start of the latest ingest run.
LAST_RUN = "last-run"


@dataclass
class StoryArrivals:
    """A story that gained articles since a time: those articles (by publication), and whether all of it is new."""

    story: Story
    arrived: list[str]
    started: bool


def since_time(ws: Workspace, when: str) -> datetime:
    """The UTC time ``when`` names: an ISO date (its start) or time (naive: UTC), or :data:`LAST_RUN`, the start
    of the latest ingest run. ValueError, saying why, for anything else or a library with no recorded run."""
    text = when.strip()
    if text.casefold() == LAST_RUN:
        run = ws.store.latest_ingest_run()
        if run is None:
            raise ValueError(
                f"no ingest run recorded in this library yet (runs are recorded from this version on): "
                f"give a date or time instead of {LAST_RUN}"
            )
        return run.started_at
    try:
        parsed = time_bound(text)
    except ValueError:
        raise ValueError(
            f"{when!r} is neither an ISO date or time (2026-12-05, 2026-12-05T14:00) nor {LAST_RUN}"
        ) from None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def arrived_in(ws: Workspace, story: Story, since: datetime) -> list[str]:
    """The story's articles that arrived at or after ``since``, in the order its listings show them."""
    arrived = ws.store.arrival_times(list(story.articles))
    return [i for i in story_article_ids(ws, story) if i in arrived and arrived[i] >= since]


def stories_since(ws: Workspace, since: datetime, wanted: StoryFilter | None = None) -> list[StoryArrivals]:
    """The stories that gained articles at or after ``since``, in the order every face lists stories, of
    those ``wanted`` selects (by any of their articles); a story is ``started`` when every article it holds
    arrived since."""
    arrived = ws.store.arrived_since(since)
    found = []
    for story in matching_stories(ws, story_order(ws.store.list_stories()), wanted):
        if arrived.keys().isdisjoint(story.articles):
            continue
        members = story_article_ids(ws, story)
        new = [i for i in members if i in arrived]
        found.append(StoryArrivals(story, new, started=len(new) == len(members)))
    return found
