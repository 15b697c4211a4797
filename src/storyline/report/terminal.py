"""Rich terminal rendering of a comparison; article text is always plain ``Text``, never markup.

Article text is untrusted and a terminal obeys the control characters in it
(colours, OSC 8 hyperlinks, clearing the screen, a new window title): every
console the command line prints through drops them (:func:`safe_console`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, Group, RenderableType, RenderHook
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from storyline.model import Comparison
from storyline.report.comparison import (
    ComparisonView,
    adds_nothing,
    article_title,
    entity_detail,
    entity_label,
    event_note,
    findings,
    first_reported,
    involved,
    relation_sentence,
    report_title,
    statement,
    summary_line,
    timeline_date,
    update_line,
    when,
)

_STYLE = {"shared": "green", "unique": "blue", "conflict": "red"}


def _claims_table(view: ComparisonView, title: str, groups: list) -> Table:
    claims, names = view.claims, view.names
    table = Table(title=title, show_lines=True, expand=True, title_justify="left")
    table.add_column("Outlets", style="bold", ratio=1)
    table.add_column("Claims", ratio=4)
    for group in groups:
        body = Text()
        one = view.single_article(group)
        for cid in group.claims:
            if cid in claims:
                if not one:
                    body.append(f"{names[claims[cid].article]}: ", style="bold")
                elif len(group.claims) > 1:
                    body.append("• ")
                body.append(claims[cid].text + "\n")
        for detail in findings(group):
            body.append(f"! {detail}\n", style="red italic")
        sources = Text(view.sources(group), style=_STYLE[group.verdict])
        if group.score is not None:  # as the Markdown and HTML reports give it: how surely the claims are one
            sources.append(f"\nscore {group.score:.2f}", style="dim")
        table.add_row(sources, body)
    return table


def _involved_text(comparison: Comparison) -> Text:
    """People, organisations and places of the story, a line each under its kind (empty when none)."""
    text = Text()
    for heading, entities, total in involved(comparison.entities):
        text.append(heading + (f" (top {len(entities)} of {total})" if total > len(entities) else "") + "\n", style="bold")
        for entity in entities:
            text.append(f"   {entity_label(entity)}")
            text.append(f"  {entity_detail(entity, len(comparison.articles))}\n", style="dim")
    return text


def comparison_renderable(comparison: Comparison) -> RenderableType:
    view = ComparisonView(comparison)
    names = view.names
    summary = comparison.summary
    head = Text(report_title(comparison), style="bold")
    head.append(f"\n{summary_line(summary, view.alike_count())}", style="not bold")
    if first := first_reported(summary, names):
        head.append(f"\nFirst reported: {first}")
    if copies := adds_nothing(comparison, names):
        head.append(f"\nAdds nothing to its source: {copies}")
    articles = Table(title="Articles", title_justify="left", expand=True)
    # Arrival (when the library stored it) is marked only where the caller asked since when (`story --since`).
    arrivals = any("arrived_since" in a for a in comparison.articles)
    for column in ("Outlet", "Title", "Published", "Language", "Agencies", *(["Arrived since"] if arrivals else [])):
        articles.add_column(column)
    for a in comparison.articles:
        cells = (names[a["id"]], article_title(a), when(a), a.get("language") or "?", ", ".join(a.get("agencies", [])))
        arrived = ["yes" if a.get("arrived_since") else ""] if arrivals else []
        articles.add_row(*(Text(cell) for cell in (*cells, *arrived)))
    parts: list[RenderableType] = [head, articles]
    if who := _involved_text(comparison):
        parts.append(Panel(who, title="Who is involved", title_align="left"))
    parts += [
        _claims_table(view, heading, groups) if groups else Text(f"{heading}: none found", style="italic")
        for heading, groups in view.sections()
    ]
    updates = Text("\n".join(update_line(u, names) for u in comparison.updates))
    parts.append(Panel(updates or Text("none found"), title=f"Updates ({len(comparison.updates)})", title_align="left"))
    quotes = Text()
    for q in comparison.quotes:
        quotes.append(statement(q), style="italic")
        quotes.append(f" - {view.credited(q)}\n")
        for name, label, text in view.wordings(q):
            quotes.append(f"    {name} ({label}): ", style="dim")
            quotes.append(f"{text}\n")
        if q.get("conflict"):
            quotes.append(f"  ! {'; '.join(q['evidence'])}\n", style="red")
        for note in q.get("notes", []):
            quotes.append(f"  ~ {note}\n", style="dim")
    parts.append(Panel(quotes or Text("none found"), title=f"Quotes ({len(comparison.quotes)})", title_align="left"))
    timeline = Text()
    for entry in comparison.timeline:
        timeline.append(f"{timeline_date(entry)}  ", style="bold")
        timeline.append(f"({view.reporters(entry)})\n", style="dim")
        for e in entry["events"]:
            timeline.append(f"   {names.get(e.get('article'), e['outlet'])}: {e['text']}{event_note(entry, e)}\n")
    parts.append(Panel(timeline or Text("no dated events"), title=f"Timeline ({len(comparison.timeline)})", title_align="left"))
    links = Text()
    for link in comparison.provenance:
        links.append(relation_sentence(link.to_dict(), names) + "\n", style="bold")
        for e in link.evidence:
            links.append(f"   - {e}\n")
    parts.append(Panel(links or Text("no links"), title=f"Provenance ({len(comparison.provenance)})", title_align="left"))
    return Group(*parts)


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    (console or safe_console()).print(comparison_renderable(comparison))


#: C0 controls but tab and newline, DEL and C1 controls (ESC, BEL, CSI...).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without the control characters a terminal would act on."""
    return _CONTROL.sub("", text)


class _Inert:
    """A renderable whose text segments lose their control characters (Rich's own control segments stay)."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        for segment in console.render(self.renderable, options):
            yield segment if segment.control else Segment(strip_controls(segment.text), segment.style)


class _StripControls(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Inert(r) for r in renderables]


def safe_console(**options: Any) -> Console:
    """A console (``highlight`` off, ``options`` as for :class:`~rich.console.Console`) that prints no
    control character it is given: one guard for every table, rule and line, whatever builds them."""
    console = Console(highlight=False, **options)
    console.push_render_hook(_StripControls())
    return console
