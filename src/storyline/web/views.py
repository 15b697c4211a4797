"""Shapes the story page draws: highlighted article text, timeline and provenance layouts.

Pure functions from model objects to plain data; the templates turn the data
into HTML and inline SVG (autoescaped), so no markup is built here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from storyline.compare.naming import article_name
from storyline.enrich.times_calendar import calendar_day
from storyline.match.signature import shorten
from storyline.model import Article, Claim, ClaimGroup, ProvenanceLink
from storyline.report.comparison import alike_only, article_heading, calendar_words

#: When a claim sits in several groups, the strongest verdict colours it.
VERDICT_RANK = {"conflict": 3, "shared": 2, "unique": 1}


@dataclass
class Segment:
    """A run of article text; ``claim`` set when it is (part of) a compared claim."""

    text: str
    claim: str | None = None
    verdict: str | None = None
    groups: list[str] = field(default_factory=list)
    note: str = ""  # what the comparison says about the claim (a tooltip)
    #: The text cut at the words a conflict rests on: (piece, is evidence); empty when none.
    pieces: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class ClaimIndex:
    """Per claim: the keys of its groups (see :func:`group_key`), its strongest verdict, and the
    article-text spans that conflict evidence points at."""

    groups: dict[str, list[str]]
    verdicts: dict[str, str]
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def group_key(group: ClaimGroup, number: int) -> str:
    """A group's id, or its position when the comparison gave it none."""
    return group.id or f"g{number}"


def ordered_groups(groups: list[ClaimGroup]) -> list[tuple[str, ClaimGroup]]:
    """The groups keyed (:func:`group_key`) in the reports' order: conflicts first, then the shared facts, most
    surely one first (highest score), then the shared groups only alike (:func:`alike_only`), then unique claims."""

    def place(pair: tuple[str, ClaimGroup]) -> tuple[int, bool, float]:
        group = pair[1]
        score = (group.score or 0.0) if group.verdict == "shared" else 0.0
        return -VERDICT_RANK.get(group.verdict, 0), alike_only(group), -score

    return sorted(((group_key(g, n), g) for n, g in enumerate(groups)), key=place)


def index_claims(groups: list[ClaimGroup]) -> ClaimIndex:
    by_claim: dict[str, list[str]] = {}
    verdicts: dict[str, str] = {}
    notes: dict[str, list[str]] = {}
    for number, group in enumerate(groups):
        for claim_id in group.claims:
            by_claim.setdefault(claim_id, []).append(group_key(group, number))
            notes.setdefault(claim_id, []).append(f"{group.verdict}: {', '.join(group.outlets)}")
            current = verdicts.get(claim_id)
            if current is None or VERDICT_RANK.get(group.verdict, 0) > VERDICT_RANK.get(current, 0):
                verdicts[claim_id] = group.verdict
    joined = {claim_id: "; ".join(lines) for claim_id, lines in notes.items()}
    return ClaimIndex(by_claim, verdicts, _conflict_spans(groups), joined)


def _conflict_spans(groups: list[ClaimGroup]) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for group in groups:
        if group.verdict != "conflict":
            continue
        for item in group.evidence:
            for span in item.get("spans", []) if isinstance(item, dict) else []:
                if isinstance(span.get("start"), int) and isinstance(span.get("end"), int) and span.get("claim"):
                    spans.setdefault(span["claim"], []).append((span["start"], span["end"]))
    return spans


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text[start:end]`` in pieces, those inside ``spans`` flagged; [] when no span marks a part of it."""
    pieces, cursor = [], start
    for span_start, span_end in sorted(spans):
        if span_start <= start and span_end >= end:
            continue  # evidence that is the whole claim adds no mark
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        if span_end <= span_start:
            continue
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if not pieces:
        return []
    if cursor < end:
        pieces.append((text[cursor:end], False))
    return pieces


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the blank-line-separated paragraphs of ``text``."""
    spans, start = [], 0
    for match in re.finditer(r"\n\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def highlight_paragraphs(text: str, claims: list[Claim], index: ClaimIndex) -> list[list[Segment]]:
    """``text`` as paragraphs of segments, each claim's span marked with its verdict and groups
    (and, inside conflicting claims, the words the conflict rests on).

    Overlapping claims are clipped so every character is drawn once.
    """
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    paragraphs = []
    for para_start, para_end in _paragraph_spans(text):
        segments, cursor = [], para_start
        for claim in ordered:
            start, end = max(claim.start, cursor), min(claim.end, para_end)
            if end <= start:
                continue
            if start > cursor:
                segments.append(Segment(text[cursor:start]))
            segments.append(
                Segment(
                    text[start:end], claim.id, index.verdicts.get(claim.id), index.groups.get(claim.id, []),
                    index.notes.get(claim.id, ""), _cut(text, start, end, index.evidence.get(claim.id, [])),
                )
            )
            cursor = end
        if cursor < para_end:
            segments.append(Segment(text[cursor:para_end]))
        paragraphs.append(segments)
    return paragraphs


# --------------------------------------------------------------------------- timeline


@dataclass
class TimelinePoint:
    x: float
    y: float
    label: str
    when: str
    outlets: str
    claim: str | None
    anchor: str  # "start": label right of the dot; "end": left of it


@dataclass
class TimelineChart:
    width: int
    height: int
    axis_y: int
    points: list[TimelinePoint]
    ticks: list[tuple[float, str, str]]  # x, label, text-anchor
    undated: list[dict[str, Any]]  # entries whose value is no calendar date (listed, not drawn)


def _entry_date(entry: dict[str, Any]) -> str:
    return str(entry.get("date") or entry.get("value") or "")


def _entry_when(entry: dict[str, Any]) -> str:
    """The entry's date in words, as the reports write it (:func:`calendar_words`): "≈" before one estimated
    from an undated article's guessed day, as the reports mark it."""
    when = calendar_words(_entry_date(entry), str(entry.get("until") or ""))
    return f"≈ {when}" if when and entry.get("estimated") else when


def _entry_events(entry: dict[str, Any]) -> list[dict[str, Any]]:
    events = entry.get("events")
    return events if isinstance(events, list) else []


def _entry_label(entry: dict[str, Any]) -> str:
    events = _entry_events(entry)
    return str(events[0].get("text") or _entry_when(entry)) if events else _entry_when(entry)


def _free_row(rows: list[list[tuple[float, float]]], left: float, right: float) -> int:
    """The first row whose labels leave [left, right] free (a new row when none does)."""
    for number, used in enumerate(rows):
        if all(right + 8 < a or left - 8 > b for a, b in used):
            used.append((left, right))
            return number
    rows.append([(left, right)])
    return len(rows) - 1


#: Characters of a claim's text shown beside its point on the timeline (cut at a word).
TIMELINE_LABEL_CHARS = 40


def timeline_chart(entries: list[dict[str, Any]], width: int = 900, row: int = 22) -> TimelineChart:
    """Dated entries on a horizontal time axis; labels point inwards and stack in rows so none overlap."""
    dated = [(calendar_day(_entry_date(e)), e) for e in entries]
    plotted = sorted(((d, e) for d, e in dated if d), key=lambda pair: pair[0])
    undated = [e for d, e in dated if d is None]
    margin = 30
    if not plotted:
        return TimelineChart(width, 0, 0, [], [], undated)
    first, last = plotted[0][0], plotted[-1][0]
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        return margin + (width - 2 * margin) * ((day - first).days / span if last != first else 0.5)

    points, rows = [], []
    for day, entry in plotted:
        x = x_of(day)
        label = _entry_label(entry)
        shown = shorten(label, TIMELINE_LABEL_CHARS)
        text_width = 5.6 * (len(shown) + len(_entry_when(entry)) + 1)  # ~11px sans-serif
        anchor = "start" if x < width / 2 else "end"
        left, right = (x, x + text_width) if anchor == "start" else (x - text_width, x)
        events = _entry_events(entry)
        points.append(
            TimelinePoint(
                round(x, 1), _free_row(rows, left, right), shown, _entry_when(entry),
                ", ".join(str(o) for o in entry.get("outlets") or []),
                events[0].get("claim") if events else None, anchor,
            )
        )
    axis_y = 30
    for point in points:
        point.y = axis_y + 24 + point.y * row
    ticks = [(round(x_of(first), 1), _entry_when(plotted[0][1]), "start" if last != first else "middle")]
    if last != first:
        ticks.append((round(x_of(last), 1), _entry_when(plotted[-1][1]), "end"))
    height = axis_y + 24 + len(rows) * row + 10
    return TimelineChart(width, height, axis_y, points, ticks, undated)


# --------------------------------------------------------------------------- provenance


@dataclass
class GraphNode:
    id: str
    x: int
    y: int
    title: str
    outlet: str


@dataclass
class GraphEdge:
    path: str
    label_x: int
    label_y: int
    relation: str
    evidence: str
    directed: bool = True  # False when nothing told which of the two is the source: no arrowhead then


@dataclass
class ProvenanceGraph:
    width: int
    height: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def provenance_graph(articles: list[Article], links: list[ProvenanceLink]) -> ProvenanceGraph:
    """Articles as boxes down a column in publication order, each link an arc on the right.

    Earlier articles sit higher, so copying reads top to bottom; arcs grow with
    the distance they span so they do not hide each other ("independent" links
    are drawn too, dashed by the stylesheet).
    """
    box_width, step, top = 300, 64, 20
    nodes = [
        GraphNode(a.id, 10, top + i * step, shorten(article_heading(a), 44), article_name(a))
        for i, a in enumerate(articles)
    ]
    position = {node.id: node for node in nodes}
    edges = []
    for link in links:
        if link.from_ not in position or link.to not in position:
            continue
        source, target = position[link.from_], position[link.to]
        x = source.x + box_width
        y1, y2 = source.y + 18, target.y + 18
        bulge = 40 + abs(y2 - y1) // 2
        edges.append(
            GraphEdge(
                f"M{x},{y1} C{x + bulge},{y1} {x + bulge},{y2} {x + 6},{y2}",
                x + bulge - 10,
                (y1 + y2) // 2 + 4,
                link.relation,
                "; ".join(link.evidence),
                link.relation != "independent" and link.direction != "unknown",
            )
        )
    widest = max((int(e.label_x) + 90 for e in edges), default=box_width + 20)
    return ProvenanceGraph(max(widest, box_width + 20), top + len(nodes) * step, nodes, edges)


def quote_speakers(quotes: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """The speakers a story's quote groups are credited to, each with its number of groups, most quoted first:
    the names the story page offers its speaker filter."""
    counts = Counter(name for group in quotes for name in group.get("speakers", []) if name)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
