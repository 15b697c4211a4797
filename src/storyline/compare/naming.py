"""How an article is named to a reader: its outlet when known, told apart from the outlet's other articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import urlsplit

from storyline.model import Article

#: What an article without outlet or site is shown as published by (its file name tells the file, not the outlet).
UNKNOWN_OUTLET = "unknown outlet"


def outlet_name(article: Article) -> str:
    """The article's outlet, else its site, else :data:`UNKNOWN_OUTLET`."""
    if article.outlet:
        return article.outlet
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    return UNKNOWN_OUTLET


def article_name(article: Article) -> str:
    """The article's outlet, or with none known "unknown outlet (its file name)", else its id: articles of
    unknown outlets stay apart, and no file name poses as an outlet."""
    outlet, known = _name_parts(article)
    return f"{outlet} ({known[0]})" if known else outlet


def _name_parts(article: Article) -> tuple[str, tuple[str, ...]]:
    """(outlet, or the id when neither outlet nor file is known; the file name of an unknown outlet's article)."""
    outlet = outlet_name(article)
    if outlet != UNKNOWN_OUTLET:
        return outlet, ()
    name = PurePath(article.source.split("#", 1)[0]).name if article.source and article.source != "stdin" else ""
    return (outlet, (name,)) if name else (article.id, ())


def reader_names(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> a name unique among ``articles``: :func:`article_name`, with language and date added
    where the outlet (or file) has several articles here ("Wikinews (es, 2008-09-17)"), and the id where
    those agree too.

    A comparison reads "X translates Y" and "X: <claim>": with two articles of one outlet (a wire's
    two versions, one site in two languages) the bare outlet left the reader unable to tell which.
    """
    groups: dict[tuple[str, tuple[str, ...]], list[Article]] = defaultdict(list)
    for article in articles:
        groups[_name_parts(article)].append(article)
    names: dict[str, str] = {}
    for (outlet, known), members in groups.items():
        details = {m.id: known + (_details(m, members) if len(members) > 1 else ()) for m in members}
        counts = Counter(details.values())
        for m in members:
            detail = details[m.id] if counts[details[m.id]] == 1 else (*details[m.id], m.id)
            names[m.id] = f"{outlet} ({', '.join(detail)})" if detail else outlet
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
