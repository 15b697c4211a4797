"""How an article is named to a reader: its outlet when known."""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit

from storyline.model import Article


def outlet_name(article: Article) -> str:
    """The article's outlet, else its site, else its file name, else its id."""
    if article.outlet:
        return article.outlet
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    name = PurePath(article.source.split("#", 1)[0]).name if article.source and article.source != "stdin" else ""
    return name or article.id
