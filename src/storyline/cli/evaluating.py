"""`storyline eval ...`: the evaluation sub-commands; each stage's cli module adds its own."""

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from storyline.cli.app import app
from storyline.eval.data import DataMissing

eval_app = typer.Typer(help="Measure storyline on the gold sets in ../shared/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@contextmanager
def gold_data_required() -> Iterator[None]:
    """A missing gold set ends the command with its path on stderr and exit code 2."""
    try:
        yield
    except DataMissing as missing:
        typer.echo(f"error: {missing}", err=True)
        raise typer.Exit(2) from missing
