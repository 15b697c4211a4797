"""`storyline eval dates`: time-expression quality on TempEval-3 TimeML."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.evaluating import eval_app, gold_data_required
from storyline.eval.data import default_data_dir
from storyline.eval.dates import evaluate, read_documents


@eval_app.command("dates")
def eval_dates(
    data: Path | None = typer.Option(None, help="The shared data directory (holds tempeval3-tbaq/; default ../shared/data)."),
    limit: int | None = typer.Option(None, help="Only the first N documents."),
    only: str | None = typer.Option(None, help="Only documents whose name starts with one of these (comma-separated)."),
    errors: int = typer.Option(0, help="Also list up to N errors (wrong value, missed, spurious)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """TIMEX3 detection F1 (strict and relaxed) and value accuracy, anchored on each document's DCT."""
    with gold_data_required():
        documents = read_documents(data or default_data_dir(), limit)
    if only:
        prefixes = tuple(p.strip().lower() for p in only.split(",") if p.strip())
        documents = [d for d in documents if d.name.lower().startswith(prefixes)]
    scores = evaluate(documents, max_errors=errors)
    if as_json:
        typer.echo(json.dumps(scores.to_dict(), indent=2))
        return
    table = Table(title=f"TempEval-3 TIMEX3 on {scores.documents} documents ({scores.gold} gold)")
    for column in ("measure", "precision", "recall", "F1"):
        table.add_column(column)
    for name, prf in (("strict span", scores.strict), ("relaxed span", scores.relaxed)):
        table.add_row(name, *(f"{prf[k]:.3f}" for k in ("precision", "recall", "f1")))
    console = Console()
    console.print(table)
    console.print(f"value accuracy {scores.value_accuracy:.3f}, type accuracy {scores.type_accuracy:.3f} "
                  f"(of relaxed matches); {scores.chars_per_second:,.0f} chars/s")  # fmt: skip
    for error in scores.errors:
        console.print(f"{error['kind']:8} {error['doc']}: gold {error['gold']} | found {error['predicted']}",
                      markup=False, highlight=False)  # fmt: skip
