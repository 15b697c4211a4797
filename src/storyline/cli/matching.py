"""Matching commands: match, stories, recluster, export, eval clustering, eval pairs."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli.app import app
from storyline.cli.evaluating import eval_app
from storyline.cli.library import (
    ConfigOption,
    DbOption,
    JsonOption,
    LimitOption,
    arrival_label,
    err,
    fail,
    first_article,
    out,
    parse_language,
    parse_time,
    plural,
    print_stories,
    read_config,
    workspace,
)
from storyline.match.config import MatchConfig, config_overrides
from storyline.model import Story
from storyline.service import arrivals
from storyline.service import stories as story_service
from storyline.service.workspace import Workspace


def _read_pairs(path: Path) -> tuple[list[Any], list[int]]:
    """JSON lines and the line each stands on; a line that is not JSON becomes a record the matcher
    reports as an error."""
    handle = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    records, lines = [], []
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                records.append({"error": f"line {number} is not JSON: {error.msg}"})
            lines.append(number)
    return records, lines


def described(config: MatchConfig) -> str:
    """"defaults", or the settings that differ from them: what a run's stories were made with."""
    changed = config_overrides(config)
    return ", ".join(f"{name} = {value}" for name, value in changed.items()) or "defaults"


@app.command()
def match(
    a: Annotated[Path | None, typer.Argument(help="First article file.")] = None,
    b: Annotated[Path | None, typer.Argument(help="Second article file.")] = None,
    pairs: Annotated[Path | None, typer.Option("--pairs", help="JSON lines {id, a: {...}, b: {...}} ('-' = stdin); answers one JSON line per pair, with its id ('line 7' for line 7 when it has none). An id must name one pair: a line repeating an earlier line's id is answered with an error, not scored.")] = None,
    as_json: JsonOption = False,
    config_file: ConfigOption = None,
) -> None:
    """Do two articles tell the same story? Probability, label, facets and reasons.

    Example: storyline match --pairs pairs.jsonl --json > scored.jsonl
    """
    config = read_config(config_file)
    ws = Workspace()
    if pairs is not None:
        if not (pairs.exists() or str(pairs) == "-"):
            raise fail(f"{pairs}: no such file")
        records, lines = _read_pairs(pairs)
        results = story_service.match_pair_records(ws, records, config, lines=lines)
        for result in results:
            if "error" in result:
                err.print(f"[red]error:[/red] {escape(str(result['error']))}")
            print(json.dumps(result, ensure_ascii=False))
        if any("error" in result for result in results):
            raise typer.Exit(1)  # every good pair is scored; the exit says some were not
        return
    if a is None or b is None:
        raise fail("give two article files, or --pairs FILE")
    result = story_service.match_articles(ws, first_article(a), first_article(b), config)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    out.print(f"{escape(result.label)} (probability {result.probability:.2f})")
    for reason in result.reasons:
        out.print(f"  - {escape(reason)}")


def _story_rows(ws: Workspace, items: list[Story]) -> list[dict]:
    return [story_service.story_row(ws, s) for s in items]


@app.command()
def stories(
    db: DbOption = None,
    as_json: JsonOption = False,
    limit: LimitOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help=(
                "Only the stories that gained articles since WHEN: an ISO date or time (UTC unless it says), or "
                "'last-run', the start of the latest ingest run. Arrival in this library, not publication: "
                "'+' marks the articles that arrived; --json adds arrived_since (their ids) and started_since."
            ),
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Only the stories with an article of this outlet (as stored, case-insensitive).")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(help="Only the stories with an article in this language: a code or name, e.g. en, eng, English."),
    ] = None,
    published_from: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only the stories with an article published on or after DATE (ISO date or time)."),
    ] = None,
    published_to: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only the stories with an article published on or before DATE (a date: to its end)."),
    ] = None,
) -> None:
    """Stories in the library, largest first, then the latest: label, id, articles and why each joined, related.

    The filters keep a story when any one of its articles matches all of them. Example:
    storyline stories --outlet Reuters --language en --published-from 2014-03-01 --published-to 2014-03-31
    """
    wanted = story_service.StoryFilter(
        outlet=outlet,
        language=parse_language(language),
        published_from=parse_time(published_from, "--published-from"),
        published_to=parse_time(published_to, "--published-to", end_of_day=True),
    )
    with workspace(db) as ws:
        if since is not None:
            _stories_since(ws, since, as_json, limit, wanted)
            return
        found = story_service.list_stories(ws, limit=limit, wanted=wanted)
        if as_json:
            print(json.dumps(_story_rows(ws, found), ensure_ascii=False, indent=2))
        else:
            print_stories(ws, found)
            out.print(plural(len(found), "story", "stories"))


def _stories_since(
    ws: Workspace, when: str, as_json: bool, limit: int | None, wanted: story_service.StoryFilter
) -> None:
    """``stories --since WHEN``: the stories that gained articles since, each with the articles that arrived."""
    try:
        since = arrivals.since_time(ws, when)
    except ValueError as error:
        raise fail(f"--since: {error}", 2) from None
    found = arrivals.stories_since(ws, since, wanted)[:limit]
    if as_json:
        rows = [
            {**story_service.story_row(ws, s.story), "arrived_since": s.arrived, "started_since": s.started}
            for s in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print_stories(ws, [s.story for s in found], arrived={s.story.id: s.arrived for s in found})
    started = sum(s.started for s in found)
    about = f"{plural(len(found), 'story', 'stories')} gained articles since {arrival_label(since)}"
    counts = f"{started} new, {len(found) - started} grew"
    out.print(f"{about}: {counts} ('+': arrived in this library since then; dates are publication)", markup=False)


@app.command()
def recluster(db: DbOption = None, as_json: JsonOption = False, config_file: ConfigOption = None) -> None:
    """Re-cluster the whole library from stored vectors (same result as streaming it in order).

    With --config, the library records the file's settings and later ingests stream with them; without it,
    the settings it recorded (the defaults until then) are used again. Example, in join.toml:
    "join = 0.4", then: storyline recluster --db news.db --config join.toml
    """
    config = read_config(config_file)
    with workspace(db) as ws:
        before = story_service.list_stories(ws)
        result = story_service.recluster(ws, config)
        used = story_service.library_config(ws)
        if as_json:
            print(json.dumps(_story_rows(ws, story_service.story_order(result)), ensure_ascii=False, indent=2))
            return
    moved = story_service.moved_articles(before, result)
    counts = f"{plural(len(before), 'story', 'stories')} before, {len(result)} now"
    err.print(f"{counts}; {plural(moved, 'article')} moved to another story; settings: {described(used)}", markup=False)


DatasetOption = Annotated[
    list[str] | None, typer.Option("--dataset", help="ecbplus, newswcl50, uci, meantime (default: all).")
]
DataOption = Annotated[Path | None, typer.Option("--data", help="Gold data folder (default: ../shared/data).")]


def _data_dir(data: Path | None) -> Path:
    from storyline.eval.data import default_data_dir

    path = data or default_data_dir()
    if not path.is_dir():
        raise fail(f"{path}: gold data folder not found")
    return path


@eval_app.command("clustering")
def eval_clustering(dataset: DatasetOption = None, data: DataOption = None, as_json: JsonOption = False) -> None:
    """B-cubed P/R/F1, pairwise F1 and ARI of streaming story clustering on gold sets."""
    from storyline.eval.clustering import LOADERS, default_cache_dir, evaluate

    root = _data_dir(data)
    names = dataset or list(LOADERS)
    unknown = [n for n in names if n not in LOADERS]
    if unknown:
        raise fail(f"unknown dataset(s): {', '.join(unknown)}; choose from {', '.join(LOADERS)}")
    results = [evaluate(LOADERS[n](root), cache_dir=default_cache_dir()) for n in names]
    if as_json:
        print(json.dumps(results, indent=2))
        return
    table = Table("dataset", "articles", "B3 P", "B3 R", "B3 F1", "pair F1", "ARI", "clusters/gold", "related~topics F1")
    for r in results:
        table.add_row(
            r["dataset"], str(r["articles"]), f"{r['bcubed_p']:.3f}", f"{r['bcubed_r']:.3f}", f"{r['bcubed_f1']:.3f}",
            f"{r['pairwise_f1']:.3f}", f"{r['ari']:.3f}", f"{r['clusters']}/{r['gold_clusters']}",
            f"{r['related_vs_topics_bcubed_f1']:.3f}" if "related_vs_topics_bcubed_f1" in r else "-",
        )  # fmt: skip
    out.print(table)
    for r in results:
        if r.get("unreadable"):
            reasons = sorted(set(r["unreadable"].values()))
            shown = "; ".join(reasons[:3]) + (" ..." if len(reasons) > 3 else "")
            count = len(r["unreadable"])
            out.print(f"{r['dataset']}: {count} document(s) not scored (ingest would not store them): {shown}", markup=False)


@eval_app.command("pairs")
def eval_pairs(data: DataOption = None, as_json: JsonOption = False) -> None:
    """Pearson of the predicted SemEval-2022 Task 8 overall score on the pairs with text."""
    from storyline.eval.clustering import default_cache_dir
    from storyline.eval.pairs import evaluate_semeval

    result = evaluate_semeval(_data_dir(data), cache_dir=default_cache_dir())
    if as_json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        if isinstance(value, dict):
            out.print(f"{key}:")
            for name, item in value.items():
                out.print(f"  {name}: {item}", markup=False)
        else:
            out.print(f"{key}: {value}", markup=False)


@app.command()
def export(
    db: DbOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
    comparisons: Annotated[
        bool, typer.Option("--comparisons", help="Add each story's comparison (computed now where not cached: slow).")
    ] = False,
) -> None:
    """The whole library as JSON lines for analysis: a header, articles, stories (and comparisons).

    Each line has a "record" field: library (export_version, schema_version, rules_version and the matching
    settings the stories were made with), article (as show --json, plus its story), story (as stories --json),
    comparison. Example: storyline export --db news.db -o news.jsonl, then in Python:
    pandas.read_json("news.jsonl", lines=True).query("record == 'article'")
    """
    from storyline.service.export import export_records

    with workspace(db) as ws:
        records = export_records(ws, comparisons=comparisons)
        if output is None:
            write_lines(sys.stdout, records)
            return
        with output.open("w", encoding="utf-8") as handle:
            count = write_lines(handle, records)
    err.print(f"{plural(count, 'record')} written to {output}", markup=False)


def write_lines(handle: TextIO, records: Iterable[dict[str, Any]]) -> int:
    """Each record as one JSON line; how many were written."""
    count = 0
    for count, record in enumerate(records, 1):
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count
