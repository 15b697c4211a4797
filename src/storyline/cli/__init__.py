"""Command line: a thin shell over :mod:`storyline.service`.

Each module registers its commands on the one Typer app (``eval`` commands on
:data:`storyline.cli.evaluating.eval_app`).
"""

from storyline.cli import (  # noqa: F401  (imported to register their commands)
    comparing,
    dates,
    enriching,
    evaluating,
    extraction,
    library,
    matching,
    removing,
    serving,
)
from storyline.cli.app import app


def main() -> None:
    app()
