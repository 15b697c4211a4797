"""The Jinja2 environment of the web pages: autoescape always on, and the filters pages share."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from storyline import __version__
from storyline.model import Article
from storyline.report.comparison import (
    ALIKE_HEADING,
    KIND_LABELS,
    adds_nothing,
    alike_only,
    calendar_words,
    entity_label,
    first_reported,
    headline_case,
    relation_sentence,
    shown,
    statement,
    summary_line,
    update_line,
    web_url,
)
from storyline.store.base import SNIPPET_CLOSE, SNIPPET_OPEN
from storyline.web.views import article_heading

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


def highlight_snippet(snippet: str) -> Markup:
    """Escape a search snippet, then turn the store's match markers into <mark> elements."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace(SNIPPET_OPEN, "<mark>").replace(SNIPPET_CLOSE, "</mark>"))


def path_segment(value: str) -> str:
    """``value`` quoted as one URL path segment: ids are any text ("a/b", "..", "?"), and an unquoted "/" or
    dot segment would open another page (a "..", left as it is, links to the parent)."""
    quoted = quote(value, safe="")
    return quoted.replace(".", "%2E") if quoted.strip(".") == "" else quoted


def format_date(value: datetime | str | None, with_time: bool = False) -> str:
    """ISO dates as "18 Dec 2022" (and "14:05" when asked); "undated" for none."""
    if value is None or value == "":
        return "undated"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    text = value.strftime("%d %b %Y").lstrip("0")
    if with_time and (value.hour or value.minute):
        text += value.strftime(" %H:%M")
    return text


def article_date(article: Article) -> str:
    """When an article was published (:func:`format_date`, with the time); an undated one's estimate from its
    story marked as one ("undated (about 18 Dec 2022)"), as the reports give it: bare "undated" left the
    reader without the day every report of the story shows."""
    if article.published:
        return format_date(article.published, with_time=True)
    estimate = article.published_estimate.value if article.published_estimate else ""
    return f"undated (about {format_date(estimate)})" if estimate else "undated"


def date_span(first: datetime | None, last: datetime | None) -> str:
    """A story's time span in days: "2 Aug 2013" for articles of one day (not "2 Aug 2013 – 2 Aug 2013"),
    else "18 Dec 2022 – 20 Dec 2022"; "undated" for none."""
    start, end = format_date(first), format_date(last)
    return start if last is None or end == start else f"{start} \u2013 {end}"


def query_string(params: dict[str, object], **changes: object) -> str:
    """``?a=1&b=2`` from the current parameters with some changed (pagination links)."""
    merged = {**params, **changes}
    return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every page shows untrusted article content
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["snippet"] = highlight_snippet
    env.filters["heading"] = article_heading
    env.filters["calendar_words"] = calendar_words
    env.filters["headline"] = headline_case
    env.filters["date"] = format_date
    env.filters["published"] = article_date
    env.filters["web_url"] = web_url
    env.filters["segment"] = path_segment
    env.globals["query_string"] = query_string
    env.globals["date_span"] = date_span
    env.globals["relation_sentence"] = relation_sentence
    env.globals["first_reported"] = first_reported
    env.globals["adds_nothing"] = adds_nothing
    env.globals["summary_line"] = summary_line
    env.globals["alike_only"] = alike_only
    env.tests["alike_only"] = alike_only
    env.globals["alike_heading"] = ALIKE_HEADING
    env.globals["update_line"] = update_line
    env.globals["entity_label"] = entity_label
    env.globals["statement"] = statement
    env.globals["shown"] = shown
    env.globals["kind_labels"] = KIND_LABELS
    env.globals["version"] = __version__
    env.globals["removal_notice"] = removal_notice
    return env


#: Key signing the notice a redirect carries in its address ("removed ..."), so that a crafted link cannot make
#: the site say what it did not (content spoofing). One per process: a notice is read right after its redirect.
_NOTICE_KEY = secrets.token_bytes(32)


def _notice_signature(text: str) -> str:
    return hmac.new(_NOTICE_KEY, text.encode("utf-8"), hashlib.sha256).hexdigest()


def removal_notice_query(text: str) -> str:
    """The query string that makes the next page say ``text`` was removed from the library."""
    return urlencode({"removed": text, "signed": _notice_signature(text)})


def removal_notice(request: Request) -> str | None:
    """What the address says was removed, when this process signed it (:func:`removal_notice_query`)."""
    text = request.query_params.get("removed")
    signed = request.query_params.get("signed", "")
    return text if text and hmac.compare_digest(signed, _notice_signature(text)) else None


templates = Jinja2Templates(env=make_environment())
