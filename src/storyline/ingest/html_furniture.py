"""Page furniture the HTML reader left out: menus, footers, asides, cookie notices, recorded with a reason.

trafilatura drops these silently; the README promises that what was stripped is kept with its reason.
Only their visible text is kept, and only a bounded amount, so a page with a huge menu does not bloat the store.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from storyline.ingest.html_blocks import squash
from storyline.model import Stripped

#: Elements that are furniture by their tag or ARIA role, with the name the reason gives them.
_KINDS = {"nav": "nav", "footer": "footer", "aside": "aside", "navigation": "nav", "contentinfo": "footer",
          "complementary": "aside"}  # fmt: skip
#: A consent banner names itself in its id or class; a longer element so named is a page wrapper, no banner.
_NOTICE_WORDS = ("cookie", "consent", "gdpr")
_NOTICE_CHARS = 600
_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_NOTICE_TEST = " or ".join(
    f"contains({_LOWER.format(attr)}, '{word}')" for word in _NOTICE_WORDS for attr in ("@id", "@class")
)
_FURNITURE_XPATH = (
    "//nav | //footer | //aside | //*[@role='navigation' or @role='contentinfo' or @role='complementary']"
    f" | //*[{_NOTICE_TEST}]"
)
#: At most this many furniture blocks are kept, each cut to BLOCK_CHARS, all together at most TOTAL_CHARS.
MAX_BLOCKS = 12
BLOCK_CHARS = 300
TOTAL_CHARS = 2000


def _kind(node: HtmlElement) -> str:
    """"nav", "footer", "aside" or "cookie notice": what the reason says the block was."""
    return _KINDS.get(node.tag) or _KINDS.get(node.get("role") or "") or "cookie notice"


def _visible_text(node: HtmlElement) -> str:
    """The text a reader sees: without scripts and styles."""
    return squash(" ".join(node.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")))


def _outermost(nodes: list[HtmlElement]) -> list[HtmlElement]:
    """A menu inside a footer is part of the footer: one block, not two."""
    chosen = set(nodes)
    return [node for node in nodes if not any(parent in chosen for parent in node.iterancestors())]


def page_furniture(tree: HtmlElement, reported: str) -> list[Stripped]:
    """The visible text of the page's menus, footers, asides and cookie notices that is not in ``reported``
    (the body and what was stripped already), as "page furniture (nav)" etc., bounded (MAX_BLOCKS,
    BLOCK_CHARS, TOTAL_CHARS)."""
    stripped: list[Stripped] = []
    budget = TOTAL_CHARS
    for node in _outermost(tree.xpath(_FURNITURE_XPATH)):
        text = _visible_text(node)
        kind = _kind(node)
        if not text or text in reported or (kind == "cookie notice" and len(text) > _NOTICE_CHARS):
            continue
        if len(text) > min(BLOCK_CHARS, budget):
            text = text[: min(BLOCK_CHARS, budget)].rstrip() + " …"
        stripped.append(Stripped(text, f"page furniture ({kind})"))
        budget -= len(text)
        if len(stripped) == MAX_BLOCKS or budget <= 0:
            break
    return stripped


#: Menus and footers only: some sites put their article in an ``<aside>``, and a cookie class may name the body.
_MENUS_XPATH = "//nav | //footer | //*[@role='navigation' or @role='contentinfo']"


def inside_menus(tree: HtmlElement, text: str) -> bool:
    """Whether ``text`` (the page's main text as extracted) is all found in its menus or footers: a page with
    no article whose extractor fell back to its menu ("Home")."""
    menus = " ".join(_visible_text(node) for node in _outermost(tree.xpath(_MENUS_XPATH)))
    return bool(text) and text in menus
