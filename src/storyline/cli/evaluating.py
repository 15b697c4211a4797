"""`storyline eval ...`: the evaluation sub-commands; each stage's cli module adds its own."""

import typer

from storyline.cli.app import app

eval_app = typer.Typer(help="Measure storyline on the gold sets in ../shared/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
