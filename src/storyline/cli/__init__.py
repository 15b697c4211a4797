"""Command line: a thin shell over :mod:`storyline.service`.

Each module registers its commands on the one Typer app (``eval`` commands on
:data:`storyline.cli.evaluating.eval_app`).
"""

from storyline.cli import comparing, enriching, evaluating, library, matching, serving  # noqa: F401
from storyline.cli.app import app


def main() -> None:
    app()
