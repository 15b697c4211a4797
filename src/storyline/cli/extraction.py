"""`storyline eval extraction`: HTML main-text extraction quality, beside trafilatura alone."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.evaluating import eval_app, gold_data_required
from storyline.eval.data import default_data_dir
from storyline.eval.extraction import DATASETS, Scores, evaluate, read_dataset


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
