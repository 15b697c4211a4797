"""The story's timeline: its dated events in calendar order, each with the outlets that report it."""

from __future__ import annotations

import re
from typing import Any

from storyline.compare.align import date_fits
from storyline.compare.claims import event_times
from storyline.model import Article, Claim

#: Calendar values placed on a timeline ("2022", "2022-12", "2022-12-09", "2022-W50"); the year may be unknown.
_CALENDAR_RE = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d{2}|W\d{2})(?:-\d{2})?)?$")


def _resolve_year(value: str, known: set[str], article: Article) -> str:
    """Give "XXXX-12-09" (an undated article's "December 9") the year the story's dated reports give it."""
    if not value.startswith("XXXX"):
        return value
    years = {k[:4] for k in known if date_fits(k, value)}
    if len(years) == 1:
        return years.pop() + value[4:]
    estimate = article.published_estimate.value if article.published_estimate else ""
    return estimate[:4] + value[4:] if estimate[:4].isdigit() else value


def build_timeline(
    articles: list[Article], claims: list[Claim], group_of: dict[str, str], outlet_of: dict[str, str]
) -> list[dict[str, Any]]:
    """One entry per date, ordered (unknown years last); each event names its article, claim and group.

    A claim is placed on its event's day, not on the day it was reported ("said on Wednesday");
    a date in a caption or credit line (no claim) is not an event.
    """
    by_id = {a.id: a for a in articles}
    entries: dict[str, dict[str, Any]] = {}
    known = {t.value for a in articles for t in a.times if t.value[:4].isdigit()}
    for claim in claims:
        article = by_id[claim.article]
        for time, day in event_times(article, claim.start, claim.end):
            if not _CALENDAR_RE.match(day) or day == "XXXX":
                continue
            value = _resolve_year(day, known, article)
            entry = entries.setdefault(value, {"date": value, "events": [], "outlets": [], "groups": []})
            if any(event["claim"] == claim.id for event in entry["events"]):
                continue  # "on Sunday, December 18": one event, however many expressions name its day
            entry["events"].append(
                {
                    "article": article.id,
                    "outlet": outlet_of[article.id],
                    "claim": claim.id,
                    "group": group_of.get(claim.id),
                    "text": claim.text,
                    "time_text": time.text,
                    "estimated": time.estimated,
                }
            )
            if outlet_of[article.id] not in entry["outlets"]:
                entry["outlets"].append(outlet_of[article.id])
            if group_of.get(claim.id) and group_of[claim.id] not in entry["groups"]:
                entry["groups"].append(group_of[claim.id])
    for entry in entries.values():
        entry["agreed_by"] = len(entry["outlets"])
    return [entries[key] for key in sorted(entries, key=lambda k: (k.startswith("X"), k))]
