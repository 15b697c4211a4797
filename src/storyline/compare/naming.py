"""How an article is named to a reader: its outlet when known, told apart from the outlet's other articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
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


def reader_names(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> a name unique among ``articles``: the outlet, with language and date added where
    the outlet has several articles here ("Wikinews (es, 2008-09-17)"), and the id where those agree too.

    A comparison reads "X translates Y" and "X: <claim>": with two articles of one outlet (a wire's
    two versions, one site in two languages) the bare outlet left the reader unable to tell which.
    """
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_outlet[outlet_name(article)].append(article)
    names: dict[str, str] = {}
    for outlet, members in by_outlet.items():
        if len(members) == 1:
            names[members[0].id] = outlet
            continue
        details = {m.id: _details(m, members) for m in members}
        counts = Counter(details.values())
        for m in members:
            detail = details[m.id] if counts[details[m.id]] == 1 else (*details[m.id], m.id)
            names[m.id] = f"{outlet} ({', '.join(detail)})"
    return names


def _details(article: Article, siblings: list[Article]) -> tuple[str, ...]:
    """What tells ``article`` from the other articles of its outlet: language, date, each only where they differ."""
    def day(a: Article) -> str:
        return a.published.strftime("%Y-%m-%d") if a.published else "undated"

    return tuple(
        describe(article)
        for describe in (lambda a: a.language or "?", day)
        if len({describe(s) for s in siblings}) > 1
    )
