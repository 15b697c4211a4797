"""`storyline serve`: the web app and HTTP API over a library."""

from __future__ import annotations

from pathlib import Path

import typer

from storyline.cli.app import app
from storyline.config import Settings, default_db_path


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on; beyond loopback, writes need a token."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    db: Path = typer.Option(None, "--db", help="Database file (default: $STORYLINE_DB, else ./storyline.db)."),
) -> None:
    """Serve the story pages and the JSON API (OpenAPI schema at /api/openapi.json)."""
    import uvicorn  # imported here so other commands start fast

    from storyline.web.app import create_app
    from storyline.web.security import TOKEN_ENV, resolve_token

    token, generated = resolve_token(host)
    if generated:
        typer.echo(f"Writes need this token (set {TOKEN_ENV} to choose one): Authorization: Bearer {token}")
    settings = Settings(db_path=db or default_db_path())
    fresh = "" if Path(settings.db_path).exists() else " (new, empty library)"
    typer.echo(f"storyline: {settings.db_path}{fresh} at http://{host}:{port}/ (OpenAPI at /api/openapi.json)")
    # Browsers keep connections open between page views; 20 s spares a reconnect per click.
    uvicorn.run(create_app(settings, token=token), host=host, port=port, log_level="info", timeout_keep_alive=20)
