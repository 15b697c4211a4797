"""The Typer application every command module registers on."""

from typing import Annotated

import typer
from typer.core import TyperOption

from storyline import __version__

app = typer.Typer(
    name="storyline",
    help="Read news from many outlets and see, story by story, who reported what.",
    no_args_is_help=True,
    add_completion=False,
)

_value_type = TyperOption.display_type_rich


def _no_type_for_flags(option: TyperOption, ctx: typer.Context) -> str | None:
    """Typer's Rich help gives a flag a value type ("--json <bool>", "--help <bool>"), as if it took one;
    its plain help does not. A flag takes no value: show none."""
    return None if option.is_flag else _value_type(option, ctx)


TyperOption.display_type_rich = _no_type_for_flags  # type: ignore[method-assign]


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Read news from many outlets and see, story by story, who reported what."""
