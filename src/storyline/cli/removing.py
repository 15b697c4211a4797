"""The remove command: take articles ingested by mistake out of the library, with a dry run first."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli.app import app
from storyline.cli.library import DbOption, JsonOption, err, fail, out, plural, print_json, workspace
from storyline.report.comparison import headline_case
from storyline.service import removal as removal_service


@app.command()
def remove(
    article_ids: Annotated[list[str] | None, typer.Argument(help="Article ids (see `storyline articles`).")] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", help="Every article read from this file (its records too) or folder, as ingested."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would go; remove nothing.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Remove articles (text, entities, vectors, index entries) and take them out of their stories.

    A story left empty is gone; the others are relabelled from the articles they keep. Exit 1 when an id or
    source matched nothing (the others are still removed).
    """
    if not article_ids and not source:
        raise fail("give article ids, or --source PATH", 2)
    with workspace(db) as ws:
        plan = removal_service.plan_removal(ws, article_ids or [], source or [])
        result = plan if dry_run else removal_service.remove(ws, plan)
    if as_json:
        print_json(result.to_dict())
    else:
        print_removal(result)
    for missing in result.not_found:
        err.print(f"not found: {missing}", markup=False)
    if result.not_found:
        raise typer.Exit(1)


def print_removal(result: removal_service.Removal) -> None:
    """One line per article, then per story it leaves; a dry run says so."""
    verb = "would remove" if result.dry_run else "removed"
    for article in result.articles:
        story = result.story_of.get(article.id) or "no story"
        out.print(f"{verb} {escape(article.id)}  [dim]{escape(story)}[/dim]  {escape(article.title)}", soft_wrap=True)
    for change in result.stories:
        fate = "gone" if change.left == 0 else f"{plural(change.left, 'article')} left"
        out.print(f"  story {escape(change.id)}: -{change.removed}, {fate}  {escape(headline_case(change.label))}", soft_wrap=True)
    out.print(f"{verb} {plural(len(result.articles), 'article')}" + (" (dry run: nothing removed)" if result.dry_run else ""))
