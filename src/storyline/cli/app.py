"""The Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="storyline",
    help="Read news from many outlets and see, story by story, who reported what.",
    no_args_is_help=True,
    add_completion=False,
)
