"""Comparison commands: `storyline story ID`, `storyline compare FILE...`, `storyline eval alignment`."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli.app import app
from storyline.cli.evaluating import eval_app
from storyline.cli.library import DbOption, arrival_label, err, fail, out, workspace
from storyline.model import Comparison
from storyline.report.comparison import FORMATS, format_name, format_of_file, render
from storyline.report.terminal import print_comparison, safe_console
from storyline.service.library import utc_text
from storyline.service.workspace import Workspace

#: The view on screen; not a file format, so it is named here and parsed with the others.
TERMINAL = "terminal"
VIEWS = (TERMINAL, *FORMATS)
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f",
        help=(
            f"One of {', '.join(VIEWS)} (default: terminal on screen; for --output, the file's extension: "
            "terminal as plain text for .txt, else json)."
        ),
    ),
]  # fmt: skip
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
#: Width of the terminal view written to a file.
TEXT_WIDTH = 100
#: Extensions of plain-text files: the terminal view (without colour) is what they hold.
PLAIN_TEXT_SUFFIXES = (".txt", ".text", ".log")


def _view(fmt: str | None, output: Path | None) -> str:
    """The view asked for: ``--format``, else the output file's extension (story.html is HTML; story.txt the
    terminal view as plain text), else the terminal on screen and JSON in a file of any other name."""
    if fmt is not None:
        try:
            return format_name(fmt, VIEWS)
        except ValueError as error:
            raise fail(str(error), 2) from None
    if output is None:
        return TERMINAL
    if output.suffix.lower() in PLAIN_TEXT_SUFFIXES:
        return TERMINAL
    return format_of_file(output) or "json"


def _terminal_text(comparison: Comparison) -> str:
    """The terminal view as plain text, for a file."""
    console = safe_console(file=io.StringIO(), width=TEXT_WIDTH, color_system=None)
    print_comparison(comparison, console)
    return console.file.getvalue()


def _emit(comparison: Comparison, fmt: str | None, output: Path | None) -> None:
    """Print or write the comparison; a file is written whole or not at all."""
    view = _view(fmt, output)
    if output is None and view == TERMINAL:
        print_comparison(comparison, out)
        return
    text = _terminal_text(comparison) if view == TERMINAL else render(comparison, view)
    if output is None:
        print(text)
        return
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise fail(f"{output}: cannot write ({error.strerror or error})") from None
    err.print(f"wrote {escape(str(output))}")


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (see `storyline stories`).")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    refresh: Annotated[bool, typer.Option(help="Recompute even if a cached comparison is current.")] = False,
    speaker: Annotated[
        str | None,
        typer.Option(
            help='Only the quotes credited to this speaker, under any name the story gives them ("michelle lyons" '
            'finds those credited to "Lyons"); the rest of the comparison as it is.'
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help=(
                "Mark the articles that arrived in this library since WHEN (an ISO date or time, or 'last-run'): "
                "an Arrived since column on screen; in --format json each article gets arrived and arrived_since."
            ),
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """One story's articles side by side: shared, unique and conflicting claims, quotes, timeline, provenance."""
    from storyline.compare.involved import quotes_of
    from storyline.service.comparison import StoryNotFound, compare_story
    from storyline.service.stories import current_story_id

    with workspace(db) as ws:
        current = current_story_id(ws, story_id) or story_id
        if current != story_id:
            err.print(f"note: story {escape(story_id)} was merged into {escape(current)}; showing {escape(current)}")
        try:
            comparison = compare_story(ws, current, refresh=refresh)
        except StoryNotFound as error:
            raise fail(str(error)) from None
        if since is not None:
            comparison = _marked_arrivals(ws, comparison, since)
    if speaker is not None:
        quotes = quotes_of(comparison.quotes, comparison.entities, speaker)
        err.print(f"{len(quotes)} of {len(comparison.quotes)} quote groups credited to {escape(speaker)}")
        comparison = replace(comparison, quotes=quotes)
    _emit(comparison, fmt, output)


def _marked_arrivals(ws: Workspace, comparison: Comparison, when: str) -> Comparison:
    """The comparison with each article's arrival time (``arrived``, UTC) and whether it arrived since ``when``
    (``arrived_since``); a note on stderr says how many did."""
    from storyline.service.arrivals import since_time

    try:
        since = since_time(ws, when)
    except ValueError as error:
        raise fail(f"--since: {error}", 2) from None
    ids = [article["id"] for article in comparison.articles]
    arrived = ws.store.arrival_times(ids)
    new = [i for i in ids if i in arrived and arrived[i] >= since]
    told = f"{len(new)} of {len(ids)} articles arrived in this library since {arrival_label(since)}"
    err.print(told, markup=False)
    marked = [
        {**article, "arrived": utc_text(arrived.get(article["id"])), "arrived_since": article["id"] in new}
        for article in comparison.articles
    ]
    return replace(comparison, articles=marked)


@app.command("compare")
def compare_command(
    files: Annotated[list[Path], typer.Argument(help="Article files (text, HTML, JSON, RSS, WARC).")],
    fmt: FormatOption = None,
    output: OutputOption = None,
) -> None:
    """Compare articles straight from files, no database; exit 1 when a file could not be read (the others
    are still compared), as ``ingest`` does."""
    from storyline.service.comparison import compare_files

    comparison = compare_files(files)
    skipped = comparison.summary.get("skipped", [])
    for failure in skipped:
        err.print(f"[red]failed:[/red] {escape(failure['source'])}: {escape(failure['error'])}")
    if len(comparison.articles) < 2:
        raise fail(f"need at least two readable articles to compare, got {len(comparison.articles)}")
    if not comparison.summary.get("shared") and not comparison.summary.get("conflicts"):
        err.print("[yellow]note:[/yellow] these articles share no claim; they may not tell the same story")
    _emit(comparison, fmt, output)
    if skipped:
        raise typer.Exit(1)


@eval_app.command("alignment")
def eval_alignment(
    data: Annotated[Path | None, typer.Option("--data", help="Gold data folder (default: ../shared/data).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many ECB+ clusters / MEANTIME documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Cross-article claim alignment P/R/F1 (ECB+, MEANTIME en-es) and provenance direction accuracy."""
    from storyline.eval.alignment import evaluate
    from storyline.eval.data import default_data_dir

    path = data or default_data_dir()
    if not path.is_dir():
        raise fail(f"{path}: gold data folder not found")
    results = evaluate(path, limit=limit)
    if as_json:
        print(json.dumps(results, indent=2))
        return
    for name, scores in results.items():
        out.print(f"[bold]{escape(name)}[/bold]: " + ", ".join(f"{k}={v}" for k, v in scores.items()))
