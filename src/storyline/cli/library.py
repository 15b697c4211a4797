"""Library commands: ingest, articles, show, extract, search, demo.

Human output goes through Rich (article text is printed as plain text, never
as markup); ``--json`` prints machine-readable JSON on stdout only. Progress
and errors go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline.cli.app import app
from storyline.config import Settings, default_db_path
from storyline.ingest import IngestError
from storyline.match.config import MatchConfig, MatchConfigError, load_match_config
from storyline.model import Article, Entity, Quote, Story
from storyline.report.comparison import article_heading, headline_case, quoted, reader_time
from storyline.report.terminal import safe_console
from storyline.service import demo as demo_library
from storyline.service import library
from storyline.service.stories import list_stories, story_articles, use_config
from storyline.service.workspace import Workspace
from storyline.store import MAX_OFFSET, StoreError

out = safe_console()
#: One line per message, however long: "failed: FILE: reason" lines are read by scripts and grep, and a
#: piped stderr is 80 columns wide to rich.
err = safe_console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database (default: $STORYLINE_DB, else ./storyline.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of text for reading.")]
OutletOption = Annotated[str | None, typer.Option(help="Only this outlet (case-insensitive).")]
LanguageOption = Annotated[str | None, typer.Option(help="Only this language: a code or name, e.g. en, eng, English.")]
SinceOption = Annotated[str | None, typer.Option(help="Published on or after (ISO date or time).")]
UntilOption = Annotated[str | None, typer.Option(help="Published on or before (ISO date or time).")]


def within_store(value: int | None) -> int | None:
    """Refuse a paging number the database cannot take (a usage error, not a crash); checked here rather
    than as the option's maximum, which help would print as an absurd range."""
    if value is not None and value > MAX_OFFSET:
        raise typer.BadParameter(f"at most {MAX_OFFSET}")
    return value


LimitOption = Annotated[int | None, typer.Option(min=1, callback=within_store, help="At most this many.")]
OffsetOption = Annotated[int, typer.Option(min=0, callback=within_store, help="Skip this many first.")]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="TOML file of matching settings to change, one name = value a line (e.g. join = 0.4; see README, Matching settings).",
    ),
]


EntityOption = Annotated[str | None, typer.Option(help="Only articles mentioning this entity (name or variant).")]

#: The fields of ``articles --json`` (a stable interface).
LISTING_FIELDS = (
    "id", "source", "url", "outlet", "agency", "byline", "title", "published", "arrived", "language", "version", "text",
)  # fmt: skip

#: Narrowest title column of ``articles``, and widest outlet column (a longer outlet ends in "…"):
#: the table then fits 80 columns.
TITLE_MIN_WIDTH = 22
OUTLET_WIDTH = 12

#: Bundled example corpus: <repo>/examples next to src/.
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


# --------------------------------------------------------------------------
# Shared helpers


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr; raise the returned Exit."""
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def workspace(db: Path | None, *, create: bool = False) -> Iterator[Workspace]:
    """A workspace on ``db`` (or the default database); a missing one (unless ``create``) or schema
    problems become a clear error: a mistyped ``--db`` must not leave an empty library behind."""
    settings = Settings(db_path=db or default_db_path())
    try:
        with Workspace(settings, create=create) as ws:
            ws.store  # open now so a bad database is reported before any work  # noqa: B018
            yield ws
    except StoreError as error:
        raise fail(str(error), 2) from None


def parse_time(value: str | None, option: str, *, end_of_day: bool = False) -> datetime | None:
    """ISO date or date-time; a bare date as ``--until`` means the end of that day."""
    if value is None:
        return None
    try:
        return library.time_bound(value, end_of_day=end_of_day)
    except ValueError:
        raise fail(f"{option} {value!r}: not an ISO date (e.g. 2022-12-18 or 2022-12-18T10:00)", 2) from None


def arrival_label(since: datetime) -> str:
    """A ``--since`` time as the output names it, in UTC."""
    return f"{reader_time(since.replace(tzinfo=None).isoformat())} UTC"


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 article", "2 articles" ("1 story", "2 stories" with ``words``)."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def parse_language(value: str | None) -> str | None:
    """``--language`` as stored: "english" finds the articles stored as "en"; an unknown one is a usage error."""
    if value is None:
        return None
    try:
        return library.language_filter(value)
    except ValueError as error:
        raise fail(f"--language: {error}", 2) from None


def read_config(path: Path | None) -> MatchConfig | None:
    """The ``--config`` file's settings, or None; a bad file is a usage error naming the setting and what it takes."""
    if path is None:
        return None
    try:
        return load_match_config(path)
    except MatchConfigError as error:
        raise fail(f"--config {error}", 2) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def listing(article: Article, arrived: datetime | None) -> dict[str, Any]:
    """One ``articles --json`` row: :data:`LISTING_FIELDS` of the article as ``show --json`` gives it."""
    data = library.article_record(article, arrived)
    return {name: data.get(name) for name in LISTING_FIELDS}


# --------------------------------------------------------------------------
# ingest


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    config_file: ConfigOption = None,
) -> None:
    """Read articles (text, HTML, JSON/JSONL, CSV/TSV, RSS/Atom, WARC) into the library.

    With --config, stories are made with the file's settings, which the library records; stored articles whose
    stories were made with others are re-clustered first. Example: storyline ingest news/ --db news.db
    """
    config = read_config(config_file)
    if (reasons := library.nothing_to_read(paths)) is not None:
        for reason in reasons:
            err.print(f"[dim]{escape(reason.source)}: {escape(reason.reason)}[/dim]")
        raise fail(f"no article files found in {', '.join(paths)}")
    with workspace(db, create=True) as ws:
        if config is not None and (redone := use_config(ws, config)):
            err.print(f"{plural(redone, 'stored article')} re-clustered with the --config settings", markup=False)
        report = run_ingest(ws, paths)
    if as_json:
        print_json(report.to_dict())
    else:
        print_ingest_summary(report, ws.settings.db_path)
    for warning in report.warnings:
        err.print(f"[yellow]warning:[/yellow] {escape(warning.source)}: {escape(warning.reason)}")
    for failure in report.failures:
        err.print(f"[red]failed:[/red] {escape(failure.source)}: {escape(failure.reason)}")
    if report.failures:
        raise typer.Exit(1)


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[str, float, int], None]]:
    """A progress bar on stderr, gone when done, so a long step is never silent; yields
    ``show(description, done, total)``. Until the first call it only says that work has begun."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(description, total=None)
        yield lambda text, done, total: progress.update(task, description=text, completed=done, total=total)


def run_ingest(ws: Workspace, paths: list[str]) -> library.IngestReport:
    """Ingest with a progress bar on stderr."""
    labels = {"reading": "reading files", "processing": "enriching articles"}
    with progress_bar(labels["reading"]) as show:
        return library.ingest(ws, paths, on_progress=lambda stage, done, total: show(labels[stage], done, total))


def print_ingest_summary(report: library.IngestReport, db_path: Path) -> None:
    table = Table(title=f"Ingested into {escape(str(db_path))}", show_header=True)
    for column in ("New", "New versions", "Duplicates", "Resumed", "Skipped", "Failed"):
        table.add_column(column, justify="right")
    counts = (report.new, report.new_version, report.duplicate, report.resumed, report.skipped, report.failed)
    table.add_row(*(str(c) for c in counts))
    out.print(table)
    for read_from, records in report.records.items():  # what a WARC's (or a feed's) records became
        if records.read == records.articles:  # each record an article: nothing to account for (--json has it)
            continue
        counts = f"{records.read} read, {records.articles} article(s), {records.skipped} skipped, {records.failed} failed"
        out.print(f"[dim]records:[/dim] {escape(read_from)}: {counts}", soft_wrap=True)
    counts = report.skip_counts
    for reason, sources in sorted(report.skipped_because.items()):  # a quiet reason's records are only counted
        named = f": {escape(listed(sources))}" if sources else ""
        out.print(f"[dim]skipped {counts[reason]}:[/dim] {escape(reason)}{named}", soft_wrap=True)
    for source, stored, stored_source in report.duplicates_of:  # one line each, as "failed:" lines: read by grep
        read_from = f" [dim](read from[/dim] {escape(stored_source)}[dim])[/dim]" if stored_source else ""
        out.print(f"[dim]duplicate:[/dim] {escape(source)} [dim]repeats stored article[/dim] {escape(stored)}{read_from}", soft_wrap=True)
    print_stories_reached(report.stories)
    print_stories_merged(report.merged)


#: Skipped files an ingest summary names for each reason; the rest are counted (``ingest --json`` lists them all).
SKIPPED_NAMED = 3


def listed(sources: list[str]) -> str:
    """The first few ``sources``, and how many more: a folder's hundred images make one line."""
    named = ", ".join(sources[:SKIPPED_NAMED])
    return named + (f" and {len(sources) - SKIPPED_NAMED} more" if len(sources) > SKIPPED_NAMED else "")


#: Stories an ingest summary lists by name; the rest are counted (``storyline stories`` lists them all).
STORIES_LISTED = 10


def print_stories_reached(stories: list[library.StoryReached]) -> None:
    """Which stories the new articles started or joined: after each increment of a running story, where it went."""
    if not stories:
        return
    started = sum(story.started for story in stories)
    out.print(f"stories: {started} started, {len(stories) - started} grew")
    for story in stories[:STORIES_LISTED]:
        change = "started" if story.started else f"+{len(story.added)}"
        about = f"{story.id}  {change} ({plural(story.size, 'article')})"
        out.print(f"  {escape(about)}  {escape(headline_case(story.label))}", soft_wrap=True)
    if len(stories) > STORIES_LISTED:
        out.print(f"  [dim]… and {len(stories) - STORIES_LISTED} more: storyline stories[/dim]")


def print_stories_merged(merged: dict[str, str]) -> None:
    """Stories of earlier runs this one merged into others: an id read before leads to the story named here."""
    for old, now in merged.items():
        out.print(f"  {escape(old)}  merged into {escape(now)}", soft_wrap=True)


# --------------------------------------------------------------------------
# articles / show / extract / search


@app.command()
def articles(
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    entity: EntityOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List stored articles (latest versions), oldest first, undated last."""
    filters = article_filters(outlet, language, since, until, entity, limit, offset)
    with workspace(db) as ws:
        found = library.list_articles(ws, **filters)
        arrived = ws.store.arrival_times([a.id for a in found]) if as_json else {}
    if as_json:
        print_json([listing(a, arrived.get(a.id)) for a in found])
        return
    table = Table(show_header=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Published", no_wrap=True)
    # The title is what a reader scans for: it keeps room; a long outlet is cut short instead.
    table.add_column("Outlet", no_wrap=True, overflow="ellipsis", max_width=OUTLET_WIDTH)
    table.add_column("Language", no_wrap=True)
    table.add_column("Title", min_width=TITLE_MIN_WIDTH, ratio=1)
    for article in found:
        published = article.published.date().isoformat() if article.published else "-"
        table.add_row(*(escape(v) for v in (article.id, published, article.outlet or "-", article.language or "-", article_heading(article))))
    out.print(table)
    out.print(f"{len(found)} article(s)")


def article_filters(
    outlet: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    limit: int | None,
    offset: int,
) -> dict[str, Any]:
    """The store's article filters from the command-line options (dates parsed, ``--until`` inclusive,
    the language as ingest stores it)."""
    return {
        "outlet": outlet,
        "language": parse_language(language),
        "since": parse_time(since, "--since"),
        "until": parse_time(until, "--until", end_of_day=True),
        "entity": entity,
        "limit": limit,
        "offset": offset,
    }


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `storyline articles`).")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """One stored article: clean text, metadata, what was stripped and why, entities, quotes, times."""
    with workspace(db) as ws:
        article = library.get_article(ws, article_id)
        arrived = library.arrival_of(ws, article_id)
    if article is None:
        raise fail(f"no article {article_id!r} in {ws.settings.db_path}")
    emit_article(article, as_json, arrived)


def emit_article(article: Article, as_json: bool, arrived: datetime | None = None) -> None:
    """The whole article: as JSON (the stable ``show``/``extract`` shape; ``arrived`` null for an article not
    in the library) or for reading."""
    if as_json:
        print_json(library.article_record(article, arrived))
    else:
        print_article(article, arrived)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="One input file (text, HTML, JSON, feed, WARC).")],
    as_json: JsonOption = False,
) -> None:
    """Read and enrich one file without a database; print its (first) article."""
    emit_article(library.enrich_one(first_article(file)), as_json)


def first_article(path: Path) -> Article:
    """The first article of ``path``, with a note on stderr when the file holds more (a feed, a list of
    records), since the others are silently left out otherwise; a clear error naming the file when none."""
    try:
        article, count = library.read_first(path)
    except (IngestError, OSError) as error:
        raise fail(f"{path}: {error}") from None
    if count > 1:
        err.print(f"[yellow]note:[/yellow] {escape(str(path))} holds {count} articles; using the first, {escape(repr(article.title))}")
    return article


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words that must all occur; word* matches a prefix; "words in quotes" must occur in a row.')],
    outlet: OutletOption = None,
    language: LanguageOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    entity: EntityOption = None,
    limit: Annotated[int, typer.Option(min=1, callback=within_store, help="Hits per page.")] = 20,
    offset: OffsetOption = 0,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search over titles and text, best match first."""
    if not query.strip():
        raise fail("give words to search for (an empty query matches nothing)", 2)
    filters = article_filters(outlet, language, since, until, entity, limit, offset)
    with workspace(db) as ws:
        if as_json:
            print_json(library.search_page(ws, query, **filters))  # the API's /api/search page, key for key
            return
        total, hits = library.search(ws, query, **filters)
    for hit in hits:
        a = hit.article
        out.print(f"[bold]{escape(a.title)}[/bold]  [dim]{escape(a.id)} · {escape(a.outlet or '-')} · {published_text(a)}[/dim]")
        out.print(f"  {escape(hit.snippet)}")
    out.print(f"{total} hit(s)")


def published_text(article: Article) -> str:
    """When an article was published as a reader wants it: a source's bare date is stored at midnight,
    so midnight shows as the day alone, not a false "00:00:00" (:func:`reader_time`)."""
    return reader_time(article.published.isoformat()) if article.published else "undated"


def print_article(article: Article, arrived: datetime | None = None) -> None:
    """Human view of one article; every piece of content escaped for Rich. ``arrived``: when it arrived in this
    library (UTC; none for an article not stored), beside when it was published."""
    heading = article_heading(article)
    out.rule(escape(heading))
    meta = Table.grid(padding=(0, 2))
    if article.title and heading != article.title:
        meta.add_row("[dim]title[/dim]", escape(article.title))  # as the source wrote it
    for name in ("id", "version", "source", "url", "outlet", "agency", "byline", "published", "language"):
        value = published_text(article) if name == "published" and article.published else getattr(article, name)
        if value not in (None, ""):
            meta.add_row(f"[dim]{name}[/dim]", escape(str(value)))
    if arrived is not None:
        meta.add_row("[dim]arrived[/dim]", arrival_label(arrived))
    if article.published_estimate:
        meta.add_row("[dim]estimated[/dim]", escape(article.published_estimate.value))
    if captured := article.extra.get("captured"):
        meta.add_row("[dim]captured[/dim]", escape(str(captured)))  # a crawl's fetch time: a bound, no date
    if article.extra.get("headline_only"):
        meta.add_row("[dim]text[/dim]", "headline only (the input had no article text)")
    out.print(meta)
    out.print()
    out.print(escape(article.text))
    sections = {
        "Stripped": [f"[{s.reason}] {s.text}" for s in article.stripped],
        "Captions": list(article.captions),
        "Entities": [_entity_line(e) for e in article.entities],
        "Quotes": [_quote_line(q) for q in article.quotes if q.kind != "stance"],
        # Positions and beliefs ascribed to someone ("N backed the ban"): apart, and read less surely.
        "Stances (positions and beliefs ascribed, not words said)": [
            _quote_line(q) for q in article.quotes if q.kind == "stance"
        ],
        "Times": [f"{t.text} → {t.span_value}" + (" (estimated)" if t.estimated else "") for t in article.times],
    }
    for heading, lines in sections.items():
        if lines:
            out.print()
            out.print(f"[bold]{heading}[/bold]")
            for line in lines:
                out.print(f"  - {escape(line)}")


def _entity_line(entity: Entity) -> str:
    """"Kyiv (PLACE), stands for Ukraine (capital-for-country) in 2 of 3 mentions"; "Olga Petrenko (PERSON),
    also Petrenko". The other mentions of a capital or seat name the place ("in Kyiv", "at the White House")."""
    line = f"{entity.name} ({entity.type})"
    others = [v for v in entity.variants if v != entity.name]
    if others:
        line += f", also {', '.join(others)}"
    if entity.refers_to:
        line += f", stands for {entity.refers_to}" + (f" ({entity.reference_kind})" if entity.reference_kind else "")
        if entity.acting_mentions:
            line += f" in {len(entity.acting_mentions)} of {len(entity.mentions)} mentions"
    return line


def _quote_line(quote: Quote) -> str:
    """Who, by which verb, how: only a direct quote is put in quotation marks (reported speech is the outlet's words)."""
    how = ", ".join(part for part in (quote.cue, quote.kind) if part)
    text = quoted(quote.text) if quote.kind == "direct" else quote.text
    return f"{quote.speaker} ({how}): {text}"


# --------------------------------------------------------------------------
# demo


@app.command()
def demo(
    db: Annotated[
        Path, typer.Option("--db", help="Demo database, replaced on every run (never a file the demo did not make).")
    ] = demo_library.DEFAULT_DB,
    examples: Annotated[Path, typer.Option(help="Corpus to ingest.")] = EXAMPLES,
) -> None:
    """Ingest the bundled examples into a fresh demo database and print the story report."""
    if not examples.is_dir():
        raise fail(f"{examples}: examples directory not found (pass --examples)")
    try:
        demo_library.clear(db)
    except demo_library.DemoError as error:
        raise fail(str(error), 2) from None
    with workspace(db, create=True) as ws:
        demo_library.mark(ws)
        report = run_ingest(ws, example_files(examples))
        print_ingest_summary(report, db)
        for failure in report.failures:
            err.print(f"[red]failed:[/red] {escape(failure.source)}: {escape(failure.reason)}")
        print_story_report(ws)
        print_widest_story_comparison(ws, demo_library.report_path(db))


def example_files(folder: Path) -> list[str]:
    """Every article file under ``folder``: Markdown there is documentation, hidden files are skipped."""
    return [
        str(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix != ".md" and not any(p.startswith(".") for p in path.relative_to(folder).parts)
    ]


def print_story_report(ws: Workspace) -> None:
    """Every story, largest first, then most recent first (:func:`print_stories`)."""
    stories = list_stories(ws)
    out.rule(plural(len(stories), "story", "stories"))
    print_stories(ws, stories)


def print_stories(ws: Workspace, stories: list[Story], arrived: dict[str, list[str]] | None = None) -> None:
    """Each story: label, id, outlets, then its articles with publication date, name, language and why each
    joined, then its related stories. An article with no outlet is named by its site, else as of an unknown
    outlet, as the comparison names it. ``arrived``: story id -> its articles that arrived since a time, marked
    "+" (and counted after the outlets) where the others have "-"."""
    from storyline.compare.naming import article_name, outlet_name

    for story in stories:
        members = story_articles(ws, story)
        outlets = sorted({outlet_name(a) for a in members})
        about = f"{story.id} · {plural(len(members), 'article')} · {', '.join(outlets)}"
        new = set((arrived or {}).get(story.id, ()))
        if arrived is not None:
            about += " · new story" if len(new) == len(members) else f" · +{len(new)} arrived"
        out.print(f"[bold]{escape(headline_case(story.label))}[/bold]  [dim]{escape(about)}[/dim]")
        for article in members:
            published = article.published.date().isoformat() if article.published else "undated"
            why = story.reasons.get(article.id, "")
            line = f"{published}  {article_name(article)} [{article.language or '?'}]  {article_heading(article)}"
            mark = "+" if article.id in new else "-"
            out.print(f"  {mark} {escape(line)}" + (f"  [dim]({escape(why)})[/dim]" if why else ""))
        if story.related:
            out.print(f"  [dim]related: {escape(', '.join(story.related))}[/dim]")


def print_widest_story_comparison(ws: Workspace, html_path: Path) -> None:
    """Compare the story told by the most outlets (then the most articles) and save it as HTML too."""
    from storyline.report.comparison import to_html
    from storyline.report.terminal import print_comparison
    from storyline.service.comparison import compare_story

    def reach(story: Story) -> tuple[int, int]:
        outlets = {a.outlet or a.id for a in (ws.store.get_article(i) for i in story.articles) if a is not None}
        return len(outlets), len(story.articles)

    stories = [s for s in ws.store.list_stories() if len(s.articles) > 1]
    if not stories:
        return
    widest = max(stories, key=reach)
    comparison = compare_story(ws, widest.id)
    out.rule(f"Story {escape(widest.id)}: who reported what")
    print_comparison(comparison, out)
    html_path.write_text(to_html(comparison), encoding="utf-8")
    out.print(f"[dim]Also written as a self-contained page: {escape(str(html_path))}[/dim]")
