"""`storyline enrich` (re-enrich stored articles) and `storyline eval quotes` (PolNeAR)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.app import app
from storyline.cli.evaluating import eval_app, gold_data_required
from storyline.cli.library import DbOption, err, plural, progress_bar, workspace
from storyline.eval.data import default_data_dir
from storyline.eval.quotes import AgreementScores, evaluate_agreement, evaluate_quotes
from storyline.service.enrichment import enrich_stored


@app.command("enrich")
def enrich(db: DbOption = None) -> None:
    """Re-run entities, quotes and times over every stored article (after a model or rule change)."""
    with workspace(db) as ws, progress_bar("enriching articles") as show:
        report = enrich_stored(ws, on_progress=partial(show, "enriching articles"))
    err.print(f"enriched {plural(report.enriched, 'article')}", markup=False)
    for failure in report.failed:
        err.print(f"error: could not enrich {failure}", markup=False)
    if report.failed:
        raise typer.Exit(1)


@eval_app.command("quotes")
def eval_quotes(
    split: str = typer.Option("dev", help="PolNeAR split: dev, train or annotator-training."),
    data: Path | None = typer.Option(None, help="The shared data directory (holds polnear/; default ../shared/data)."),
    limit: int | None = typer.Option(None, help="Only the first N articles."),
    agreement: bool = typer.Option(
        False,
        "--agreement",
        help="On the articles several annotators annotated: annotator vs annotator, and "
        "storyline vs each annotator (the human ceiling).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Quote (content) span P/R/F1 at overlap >= 0.3 and exact, and speaker accuracy, on PolNeAR."""
    if agreement:
        with gold_data_required():
            agreed = evaluate_agreement(data or default_data_dir(), split, limit)
        if as_json:
            typer.echo(json.dumps(agreed.to_dict(), indent=2))
        else:
            _print_agreement(agreed)
        return
    with gold_data_required():
        scores = evaluate_quotes(data or default_data_dir(), split, limit)
    if as_json:
        typer.echo(json.dumps(scores.to_dict(), indent=2))
        return
    table = Table(title=f"PolNeAR {scores.split}: {scores.articles} articles, {scores.gold} gold attributions")
    for column in ("content spans", "precision", "recall", "F1"):
        table.add_column(column)
    table.add_row("overlap >= 0.3", f"{scores.precision:.3f}", f"{scores.recall:.3f}", f"{scores.f1:.3f}")
    table.add_row("exact", f"{scores.exact_precision:.3f}", f"{scores.exact_recall:.3f}", f"{scores.exact_f1:.3f}")
    table.add_row(f"speech subset ({scores.speech_gold} gold)", "", f"{scores.speech_recall:.3f}", "")
    console = Console()
    console.print(table)
    console.print(f"speaker accuracy {scores.speaker_accuracy:.3f} (of overlap matches with a gold source); "
                  f"{scores.predicted} predicted {scores.by_kind}; {scores.articles_per_s:.1f} articles/s",
                  markup=False)  # fmt: skip


def _print_agreement(scores: AgreementScores) -> None:
    table = Table(
        title=f"PolNeAR {scores.split}: {scores.articles} articles annotated by several annotators "
        f"({scores.annotations} annotations)"
    )
    for column in ("scored", "gold contents", "P", "R", "F1", "exact F1", "speaker"):
        table.add_column(column)
    readings = (
        ("annotator vs annotator", scores.human),
        ("storyline vs each annotator", scores.storyline),
        ("storyline vs first annotator", scores.storyline_first),
    )
    for name, counts in readings:
        p, r, f = counts.overlap_prf()
        exact_f1 = counts.exact_prf()[2]
        table.add_row(name, f"{counts.gold:,}", f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", f"{exact_f1:.3f}",
                      f"{counts.speaker_accuracy:.3f}")  # fmt: skip
    console = Console()
    console.print(table)
    console.print("Annotator vs annotator: every ordered pair (so P = R). First annotator: the gold of the plain eval. "
                  "P/R/F1: content spans one-to-one at overlap >= 0.3; speaker: of those matches with a gold source, "
                  "the same source (overlapping span, or the gold source's head word). --json has exact P/R too.",
                  markup=False)  # fmt: skip
