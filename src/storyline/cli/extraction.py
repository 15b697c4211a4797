"""`storyline eval extraction` and `eval published`: what ingest reads from HTML pages (main text, publication
day), beside trafilatura and htmldate alone."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.evaluating import eval_app, gold_data_required
from storyline.eval.data import default_data_dir
from storyline.eval.extraction import DATASETS, Scores, evaluate, read_dataset
from storyline.eval.published import ERROR_KINDS, Mistake, read_pages
from storyline.eval.published import Scores as PublishedScores
from storyline.eval.published import evaluate as evaluate_published


@eval_app.command("extraction")
def eval_extraction(
    dataset: str = typer.Option("all", help="aeb (article-extraction-benchmark), trafilatura, or all."),
    data: Path | None = typer.Option(
        None, help="The shared data directory (default: $STORYLINE_SHARED/data or ../shared/data)."
    ),
    limit: int | None = typer.Option(None, help="Only the first N pages of each dataset."),
    baseline: bool = typer.Option(True, help="Also score trafilatura alone, side by side."),
    profiles: bool = typer.Option(False, help="Also score with site profiles learnt from the pages' own HTML."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Precision/recall/F1 of storyline's HTML reader on the gold pages, and pages/s."""
    names = DATASETS if dataset == "all" else (dataset,)
    if any(name not in DATASETS for name in names):
        typer.echo(f"error: unknown dataset {dataset!r} (choose from {', '.join(DATASETS)} or all)", err=True)
        raise typer.Exit(2)
    systems = ("storyline",) + ("storyline+profiles",) * profiles + ("trafilatura",) * baseline
    results: list[Scores] = []
    for name in names:
        with gold_data_required():
            pages = read_dataset(name, data or default_data_dir(), limit)
        results += [evaluate(name, system, pages) for system in systems]
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in results], indent=2))
        return
    table = Table(title="HTML main-text extraction")
    for column in ("dataset", "system", "pages", "precision", "recall", "F1", "pages/s", "failed"):
        table.add_column(column)
    for r in results:
        table.add_row(r.dataset, r.system, str(r.pages), f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}",
                      f"{r.pages_per_s:.1f}", str(r.failures))  # fmt: skip
    Console().print(table)


@eval_app.command("published")
def eval_published(
    data: Path | None = typer.Option(
        None, help="The shared data directory (default: $STORYLINE_SHARED/data or ../shared/data)."
    ),
    limit: int | None = typer.Option(None, help="Only the first N pages of each gold file."),
    baseline: bool = typer.Option(True, help="Also score htmldate alone, side by side."),
    mistakes: bool = typer.Option(False, help="With --json, also list storyline's wrong pages."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Publication day of HTML pages on htmldate-eval: accuracy per gold file, coverage, errors by kind."""
    with gold_data_required():
        pages = read_pages(data or default_data_dir(), limit)
    results: list[PublishedScores] = []
    wrong: list[Mistake] = []
    for system in ("storyline",) + ("htmldate",) * baseline:
        scores, errors = evaluate_published(pages, system)
        results += scores
        wrong += errors if system == "storyline" else []
    if as_json:
        report: dict[str, object] = {"scores": [r.to_dict() for r in results]}
        if mistakes:
            report["mistakes"] = [asdict(m) for m in wrong]
        typer.echo(json.dumps(report, indent=2))
        return
    table = Table(title="Publication day (htmldate-eval)")
    for column in ("gold file", "system", "pages", "day right", "ingest", "refused", "dated", *ERROR_KINDS, "s"):
        table.add_column(column)
    for r in results:
        table.add_row(r.dataset, r.system, str(r.pages), f"{r.accuracy:.3f}", f"{r.ingest_accuracy:.3f}",
                      f"{r.refused} ({r.refused_right} right)", f"{r.coverage:.3f}",
                      *(str(r.errors[kind]) for kind in ERROR_KINDS), f"{r.seconds:.0f}")  # fmt: skip
    Console().print(table)
