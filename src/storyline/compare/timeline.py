"""The story's timeline: its dated events in calendar order, each with the outlets that report it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from storyline.compare.align import date_fits
from storyline.compare.claims import day_of_event
from storyline.compare.claims import event_times
from storyline.compare.provenance import source_links, sources_first
from storyline.enrich.times import find_times
from storyline.enrich.times_calendar import calendar_day
from storyline.model import Article, Claim, ProvenanceLink, TimeExpression

#: Calendar values placed on a timeline ("2022", "2022-12", "2022-12-09", "2022-W50"); the year may be unknown.
_CALENDAR_RE = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d{2}|W\d{2})(?:-\d{2})?)?$")
_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _gives_the_day(known: str, value: str) -> bool:
    """Whether a reported date names ``value``'s day (or month) with its year: "2008-11-19" for "XXXX-11-19".

    ``date_fits`` alone is not enough here: it compares the common prefix only, so a bare year
    ("1991", a ship's launch) fits "XXXX-11-19" without saying anything about November 19.
    """
    return known[:4].isdigit() and len(known) >= len(value) and date_fits(known, value)


def _reported_year(value: str, known: set[str]) -> str | None:
    """The one year the story's reports give ``value``'s day ("XXXX-12-09"), or ``None`` (none, or several)."""
    years = {k[:4] for k in known if _gives_the_day(k, value)}
    return years.pop() if len(years) == 1 else None


def _guessed_year(time: TimeExpression, day: str) -> bool:
    """An estimated day whose words name the day but no year ("On November 19"): only its year is a guess,
    taken from the undated article's estimated publication day, so a report of that day may correct it."""
    return time.estimated and bool(_DIGIT_RE.search(time.text)) and not _YEAR_RE.search(time.text) and day[:4].isdigit()


def _event_day(time: TimeExpression, day: str, known: set[str], article: Article) -> tuple[str, bool]:
    """The day an event goes on, and whether that day is estimated.

    A day without a year ("XXXX-12-09", or an estimated one per :func:`_guessed_year`) takes the year the
    story's reports give that day; failing that, an unknown year takes the article's publication estimate's.
    A month or week alone ("XXXX-01") does not borrow a report's year: it comes back every year, and "January
    2017" in one article does not say which January another's "in January this year" is.
    """
    if (_guessed_year(time, day) or day.startswith("XXXX")) and len(day) == len("XXXX-MM-DD"):
        year = _reported_year("XXXX" + day[4:], known)
        if year is not None:
            return year + day[4:], False
    if not day.startswith("XXXX"):
        return day, time.estimated
    estimate = article.published_estimate.value if article.published_estimate else ""
    return (estimate[:4] + day[4:], True) if estimate[:4].isdigit() else (day, False)


#: Relations whose derived article keeps its source's sentences, and with them the day the source wrote them on.
_KEEPS_THE_WORDS = ("copies", "translates")


def dated_as_sources(
    articles: list[Article], claims: list[Claim], group_of: dict[str, str], links: list[ProvenanceLink]
) -> dict[tuple[str, int], str]:
    """(claim id, time expression start) -> the day a copy's or translation's claim goes on: the day its source
    dates the aligned sentence, where the copy's words read against the source's publication date give it.

    A copy published a day later keeps "today" and "on Friday" as its source wrote them, and its own date
    moves them a day (11 May from the source, 12 May from the copy) though the event did not move. Only a day
    the source gives an aligned claim counts: an edited copy that turned "today" into "yesterday" already
    names the source's day, and an independent report's "yesterday" is read against its own date as written.
    Sources go first, so a copy of a copy agrees with its source's corrected days.
    """
    by_id = {a.id: a for a in articles}
    links_to = source_links(links)
    in_group: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.id in group_of:
            in_group.setdefault(group_of[claim.id], []).append(claim)
    moved: dict[tuple[str, int], str] = {}
    for article in sources_first(articles, links):
        link = links_to.get(article.id)
        source = by_id.get(link.from_) if link and link.relation in _KEEPS_THE_WORDS else None
        if source is None or not _published_apart(source, article):
            continue
        again = {t.start: day_of_event(t) for t in find_times(article.text, source.published, article.language)}
        for claim in (c for c in claims if c.article == article.id and c.id in group_of):
            told = {
                moved.get((other.id, time.start), day)
                for other in in_group[group_of[claim.id]]
                if other.article == source.id
                for time, day in event_times(source, other.start, other.end)
            }
            for time, day in event_times(article, claim.start, claim.end):
                if day not in told and again.get(time.start) in told:
                    moved[(claim.id, time.start)] = again[time.start]
    return moved


def _published_apart(source: Article, copy: Article) -> bool:
    """Both dated, on different days: only then do the copy's relative dates read otherwise than its source's."""
    return bool(source.published and copy.published and source.published.date() != copy.published.date())


def build_timeline(
    articles: list[Article],
    claims: list[Claim],
    group_of: dict[str, str],
    outlet_of: dict[str, str],
    links: list[ProvenanceLink] | None = None,
) -> list[dict[str, Any]]:
    """One entry per date or range (``until``: its last day, month or year), ordered (unknown years last);
    each event names its article, claim and group, and says whether its date is estimated (an entry is
    when all its events are). The end of "from Monday to Wednesday" is on the range's entry, not its own.

    A claim is placed on its event's day, not on the day it was reported ("said on Wednesday");
    a date in a caption or credit line (no claim) is not an event. A copy's or translation's claim goes on the
    day its source dates it (``links``: the story's provenance, :func:`dated_as_sources`).
    """
    by_id = {a.id: a for a in articles}
    moved = dated_as_sources(articles, claims, group_of, links or [])
    entries: dict[str, dict[str, Any]] = {}
    # What the articles report, not what was inferred from an undated article's estimated publication day.
    known = {t.value for a in articles for t in a.times if t.value[:4].isdigit() and not t.estimated}
    for claim in claims:
        article = by_id[claim.article]
        times = event_times(article, claim.start, claim.end)
        range_ends = {t.until for t, _ in times if t.until}
        for time, day in times:
            day = moved.get((claim.id, time.start), day)
            if not _CALENDAR_RE.match(day) or day == "XXXX" or (day in range_ends and not time.until):
                continue  # "from Monday to Wednesday": the end is on the range's entry
            value, estimated = _event_day(time, day, known, article)
            until = _range_until(time.until, day, value)
            key = f"{value}/{until}" if until else value
            entry = entries.setdefault(key, {"date": value, "events": [], "outlets": [], "groups": []})
            if until:
                entry["until"] = until
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
                    "estimated": estimated,
                }
            )
            if outlet_of[article.id] not in entry["outlets"]:
                entry["outlets"].append(outlet_of[article.id])
            if group_of.get(claim.id) and group_of[claim.id] not in entry["groups"]:
                entry["groups"].append(group_of[claim.id])
    for entry in entries.values():
        entry["agreed_by"] = len(entry["outlets"])
        # Only guessed from undated articles' estimated publication days: a reader must not take it as reported.
        entry["estimated"] = all(event["estimated"] for event in entry["events"])
    return [entries[key] for key in sorted(entries, key=lambda key: _chronological(entries[key]))]


def _chronological(entry: dict[str, Any]) -> tuple[bool, date, str, str]:
    """Unknown years last, else by first day: the week "2022-W51" (from 19 December) after "2022-12-16";
    a day before a range starting on it."""
    value = entry["date"]
    return value.startswith("X"), calendar_day(value) or date.max, value, entry.get("until", "")


def _range_until(until: str, day: str, value: str) -> str:
    """A range's end moved by the years its start moved from ``day`` to ``value`` (:func:`_event_day`): an
    undated "Dec. 9-11" ("XXXX-12-09" to "XXXX-12-11") placed in 2022 ends on "2022-12-11"."""
    if not until or day[:4] == value[:4] or not value[:4].isdigit():
        return until
    if until[:4].isdigit() and day[:4].isdigit():
        return f"{int(until[:4]) + int(value[:4]) - int(day[:4]):04d}{until[4:]}"
    moved = f"{value[:4]}{until[4:]}"
    return moved if moved >= value else f"{int(value[:4]) + 1:04d}{until[4:]}"
