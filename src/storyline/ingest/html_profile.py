"""Site profiles: a site's template learnt from a batch of its own pages.

A line that appears on most pages of one site ("Follow us on Telegram",
"Die Redaktion empfiehlt", a standing disclaimer) is template, not story,
whatever words it uses. No phrase list can know every site's template, but
a batch of pages from the same site shows it. Only the pages' own HTML is
used (never any gold data), so a profile can be built over any crawl.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from storyline.ingest.html_blocks import squash

#: Elements whose own text is one visual line of a page.
_LINE_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "span", "div", "a", "td", "blockquote", "figcaption")
#: Longer text is prose that happens to repeat (a quoted statement), not template.
_MAX_LINE_CHARS = 300


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its host without a leading ``www.``."""
    host = urlsplit(url or "").hostname
    if not host:
        return None
    return host.removeprefix("www.")


def page_lines(tree: HtmlElement) -> set[str]:
    """Distinct short text lines of a page (each element's own text, squashed)."""
    lines: set[str] = set()
    for element in tree.iter(*_LINE_TAGS):
        text = squash(element.text_content())
        if text and len(text) <= _MAX_LINE_CHARS:
            lines.add(text)
    return lines


class SiteProfiles:
    """Per-site counts of lines across pages; lines on most pages are boilerplate."""

    def __init__(self, min_pages: int = 3, min_share: float = 0.6) -> None:
        self.min_pages = min_pages
        self.min_share = min_share
        self._pages: Counter[str] = Counter()
        self._lines: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def learn(self, url: str | None, tree: HtmlElement) -> None:
        """Count one page of the site ``url`` belongs to (pages without a URL teach nothing)."""
        site = site_of(url)
        if site is None:
            return
        self._pages[site] += 1
        self._lines[site].update(page_lines(tree))

    def boilerplate(self, url: str | None) -> set[str]:
        """Lines that repeat on at least ``min_share`` of the site's pages (and ``min_pages``)."""
        site = site_of(url)
        pages = self._pages.get(site or "", 0)
        if pages < self.min_pages:
            return set()
        needed = max(self.min_pages, self.min_share * pages)
        return {line for line, count in self._lines[site or ""].items() if count >= needed}


def build_profiles(
    pages: Iterable[tuple[str | None, HtmlElement]], *, min_pages: int = 3, min_share: float = 0.6
) -> SiteProfiles:
    """Profiles learnt from ``(url, parsed page)`` pairs."""
    profiles = SiteProfiles(min_pages, min_share)
    for url, tree in pages:
        profiles.learn(url, tree)
    return profiles
