"""The last step of every reader: fill what can be derived and check the article is usable."""

from __future__ import annotations

import hashlib
import re

from storyline.ingest.clean import split_dateline
from storyline.ingest.errors import IngestError
from storyline.ingest.language import checked_language, normalise_language
from storyline.ingest.metadata import agency_in, outlet_from_url, parse_date, to_naive_utc
from storyline.model import Article, Stripped

#: Length of generated ids (hex digits of a SHA-256): short, and collisions are negligible.
ID_LENGTH = 16


def short_hash(text: str) -> str:
    """A short, stable id from ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


def _drop_dateline(article: Article) -> None:
    """Move a "PARIS, Dec 18 (AFP) -" dateline out of the first paragraph into metadata.

    A dateline with a full date ("OSLO, March 3, 2023 (Reuters) -", "Oslo, 3 mars 2023 (AFP) -")
    dates an article that came without a date: relative dates in the text then resolve.
    """
    if not article.paragraphs:
        return
    dateline = split_dateline(article.paragraphs[0])
    if dateline is None:
        return
    article.paragraphs[0] = dateline.rest
    article.stripped.append(Stripped(dateline.text, "dateline"))
    if dateline.place:
        article.extra.setdefault("dateline_place", dateline.place)
    if article.published is None and dateline.date:
        article.published = parse_date(dateline.date)
    if dateline.agency:
        # "(Reuters)" names an agency; "(HawaiiNewsNow)" the outlet itself: kept aside.
        known = agency_in(dateline.agency)
        article.agency = article.agency or known
        if known is None:
            article.extra.setdefault("dateline_source", dateline.agency)


#: How a text cut short ends: "…", "...", "[…]", "[...]" (a feed summary, an API's free tier, a teaser).
_CUT_END = re.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")


def mark_partial(article: Article) -> None:
    """Mark a text known to be only part of its article, so the store never lets it hide the full text of the
    same page: a teaser is kept as a version, not read in place of the story."""
    if article.paragraphs and _CUT_END.search(article.paragraphs[-1]):
        article.extra["partial"] = True


def _outlet(article: Article) -> str | None:
    """The given outlet name, unless it is only a host name and the URL gives a better one."""
    given = article.outlet.strip() if article.outlet else None
    looks_like_host = bool(given) and " " not in given and "." in given  # type: ignore[operator]
    if given and not looks_like_host:
        return given
    return outlet_from_url(article.url) or given


def finalize(article: Article) -> Article:
    """Fill language, outlet, agency, content hash and id; raise :class:`IngestError` if empty.

    A given id is kept; otherwise the id is a short hash of the URL, or of the
    content when there is no URL, so reading the same input twice gives the same id.
    """
    article.title = " ".join(article.title.split())
    article.paragraphs = [p.strip() for p in article.paragraphs if p and p.strip()]
    _drop_dateline(article)
    article.paragraphs = [p for p in article.paragraphs if p]
    if not article.paragraphs:
        raise IngestError("no article text found")
    mark_partial(article)
    article.language = checked_language(normalise_language(article.language), article.title_and_text)
    article.outlet = _outlet(article)
    article.agency = article.agency or agency_in(article.byline)
    if article.published is not None:
        article.published = to_naive_utc(article.published)
    article.content_hash = article.compute_hash()
    if not article.id:
        article.id = short_hash(article.url) if article.url else article.content_hash[:ID_LENGTH]
    return article
