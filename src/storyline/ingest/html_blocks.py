"""The body trafilatura found, as blocks, and the filters that drop non-story blocks.

trafilatura decides *where* the article is on the page; inside that region
news pages still carry captions, credits, newsletter boxes, "read more"
links and timestamps. Those are recognised here block by block (a block is
one paragraph, heading, list item, quote or table row of trafilatura's XML
body), so each removal is recorded with its reason instead of lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml.etree import _Element
from rapidfuzz import fuzz

from storyline.model import Stripped

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Block:
    """One unit of body text, with what the filters need to judge it."""

    text: str
    kind: str  # "p" | "head" | "item" | "quote" | "row" | "code"
    link_chars: int = 0  # characters inside links
    opens_with_link: bool = False  # a teaser: headline link, then a blurb

    @property
    def link_ratio(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())


# --------------------------------------------------------------------------
# trafilatura XML body -> blocks

_CONTAINERS = {"list", "table", "div", "body", "main"}
_KINDS = {"p": "p", "head": "head", "item": "item", "quote": "quote", "row": "row", "code": "code"}
_SEPARATORS = {"cell": " | ", "lb": " "}


def _pieces(element: _Element, in_link: bool = False) -> Iterator[tuple[str, bool]]:
    """Text pieces in reading order, each flagged when it lies inside a link."""
    in_link = in_link or element.tag == "ref"
    if element.text:
        yield element.text, in_link
    for child in element:
        if child.tag in _SEPARATORS:
            yield _SEPARATORS[child.tag], False
        yield from _pieces(child, in_link)
        if child.tail:
            yield child.tail, in_link


def make_block(element: _Element, kind: str) -> Block | None:
    """The block of one trafilatura element, or None when it holds no text."""
    pieces = list(_pieces(element))
    text = squash("".join(text for text, _ in pieces))
    if not text:
        return None
    link_chars = sum(len(squash(t)) for t, linked in pieces if linked)
    first_linked = next(linked for t, linked in pieces if t.strip())
    return Block(text, kind, link_chars, opens_with_link=first_linked)


def body_blocks(body: _Element | None) -> list[Block]:
    """Flatten trafilatura's XML body into blocks, in reading order."""
    return list(_walk(body)) if body is not None else []


def _walk(element: _Element) -> Iterator[Block]:
    if element.text and squash(element.text):  # loose text directly inside a container
        yield Block(squash(element.text), "p")
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _CONTAINERS or (tag == "quote" and any(c.tag == "p" for c in child)):
            yield from _walk(child)
        elif tag not in ("graphic", "lb") and (block := make_block(child, _KINDS.get(tag, "p"))):
            yield block
        if child.tail and squash(child.tail):
            yield Block(squash(child.tail), "p")


# --------------------------------------------------------------------------
# Filters: each returns a reason ("caption", "newsletter"...) or None.

#: Calls to action and widgets that sit inside article bodies, in the
#: languages of the corpora we read (en, de, fr, es, it, pt, nl, pl).
_WIDGET_PATTERNS = {
    "newsletter": (
        r"sign up for (our|the)\b.*newsletter|subscribe to (our|the)\b.*newsletter|thanks for signing up"
        r"|keep an eye on your inbox|there was an error processing your subscription"
        r"|newsletter abonnieren|jetzt (kostenlos )?abonnieren|inscrivez-vous à (notre|la) newsletter"
        r"|suscr[ií]bete a (nuestro|nuestra|la) (newsletter|bolet[ií]n)|iscriviti alla (nostra )?newsletter"
        r"|right (in|to) your inbox|subscribe to\b.{0,40}\bnewsletters?\b"
    ),
    "share-widget": (
        r"^(share|teilen|partager|compartir|condividi|partilhar|delen|udostępnij)( (this|on|via|auf|sur|en|su))?\b.{0,40}$"
        r"|^(follow us|folgen sie uns|suivez-nous|síguenos|seguici)\b.{0,60}$"
        r"|^(click|tap) to (share|email|print)\b|^(tweet|pin it|e-?mail|print|drucken|imprimer)$"
        r"|^follow\b.{0,60}\bon (facebook|twitter|instagram|linkedin|youtube|telegram)\b|\bshare it with a friend\b"
        r"|\bclick here\b|\bklicken sie hier\b|\bcliquez ici\b|\bhaz clic aquí\b"
    ),
    "related-links": (
        r"^(read more|read also|related|see also|more from|more on this|recommended|you may also like"
        r"|lesen sie auch|auch interessant|mehr zum thema|weitere themen|schon gelesen|das könnte sie auch interessieren"
        r"|à lire aussi|lire aussi|voir aussi|sur le même sujet|lee también|leer más|te puede interesar"
        r"|leggi anche|potrebbe interessarti|leia também|lees ook|czytaj (też|także|więcej)"
        r"|popular on|also on|\[related)\b.{0,160}$"
    ),
    "tags": r"^(tags?|filed under|schlagw(ö|oe)rter|themen|mots-clés|etiquetas|tag)\s*:",
    "affiliate": r"\b(may|might|could) (earn|get|receive) (a |an )?(small )?(commission|share of (the )?sales?)\b",
    "advertisement": r"^(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|sponsored( content)?)\W{0,3}$",
    "paywall": (
        r"subscribe now (to|for)\b|already a subscriber|log in for (immediate )?access|to continue reading"
        r"|jetzt (weiterlesen|testen)|pour accéder en illimité|réservé aux abonnés"
    ),
    "comments": r"^(view|show|load|hide) comments?\b|^(\d+ )?comments?$|^kommentare?( \(\d+\))?$",
}
_WIDGET_RES = {reason: re.compile(rx, re.IGNORECASE) for reason, rx in _WIDGET_PATTERNS.items()}
_WIDGET_MAX_WORDS = 40

_ASSET_URL = re.compile(r"^(https?://|www\.)\S+\.(jpe?g|png|gif|webp|svg|ico)(\?\S*)?$", re.IGNORECASE)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$")
_DATELINE = re.compile(
    r"^(updated|published|posted|last updated|aktualisiert|veröffentlicht|stand|mis à jour|publié"
    r"|actualizado|publicado|aggiornato|pubblicato)( (at|on|am|um|le|el|il))?\W.{0,50}\d.{0,30}$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?(?i:photo|picture|image|foto|bild|crédits? photos?|crédit|fotos?|source|quelle)"
    r"(?i: credit)?s?\s*(:|/|©|(?i:by)\b)[^.]{0,80}\)?$"
    r"|^[A-Z][A-Za-z]{1,12}\s*/\s*[A-Z][A-Z .'-]{3,40}$"  # "AFP / JOHN SMITH" style credit lines
    r"|^\(?(?i:(additional )?(reporting|writing|editing) by)\b"  # agency credits: "(Reporting by ...)"
)
_COPYRIGHT = re.compile(r"^(copyright|©|ⓒ|\(c\))|all rights reserved|alle rechte vorbehalten|tous droits réservés", re.IGNORECASE)
_READING_TIME = re.compile(
    r"^(reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura)\W|^\d+ ?min(ute)?s? read$",
    re.IGNORECASE,
)
#: A short line holding a clock time next to a year is a timestamp ("22 de janeiro de 2018 às 0:13").
_CLOCK_AND_YEAR = re.compile(r"(?=.*\b(19|20)\d\d\b)(?=.*\b\d{1,2}[:h]\d\d\b)")
_BYLINE = re.compile(r"^(?i:by|von|par|por|di|door)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,4}(,.{0,60})?$")


def widget_reason(block: Block) -> str | None:
    """Name the widget a short block belongs to (newsletter box, share bar...)."""
    if block.words > _WIDGET_MAX_WORDS:
        return None
    for reason, pattern in _WIDGET_RES.items():
        if pattern.search(block.text):
            return reason
    return None


def metadata_reason(block: Block) -> str | None:
    """Blocks that are page metadata rather than prose: image URLs, timestamps, credits."""
    text = block.text
    if _ASSET_URL.match(text) or _TIMESTAMP.match(text):
        return "metadata"
    if _DATELINE.match(text) or (block.words <= 10 and _CLOCK_AND_YEAR.match(text)):
        return "dateline"
    if block.words <= 25 and _COPYRIGHT.search(text):
        return "copyright"
    if _READING_TIME.match(text):
        return "reading-time"
    if block.words <= 15 and _CREDIT.match(text):
        return "credit"
    if block.kind != "item" and block.words <= 8 and _BYLINE.match(text):
        return "byline"
    return None


def is_link_block(block: Block) -> bool:
    """A block that is (almost) nothing but link text: navigation, teasers."""
    return block.link_ratio >= 0.8


def is_teaser(block: Block) -> bool:
    """A linked headline, alone or followed by its blurb (related-story lists)."""
    return is_link_block(block) or (block.kind == "item" and block.opens_with_link and block.link_ratio >= 0.2)


def trailing_link_run(blocks: list[Block]) -> int:
    """Index where a final run of teasers (related stories) begins.

    Headings inside the run ("More stories") go with it. A run must hold at
    least two teasers, so a closing one-link sentence survives.
    """
    start = len(blocks)
    teasers = 0
    while start > 0 and (is_teaser(blocks[start - 1]) or blocks[start - 1].kind == "head"):
        start -= 1
        teasers += is_teaser(blocks[start])
    return start if teasers >= 2 else len(blocks)


def _key(text: str) -> str:
    return squash(text).casefold()


def same_line(text: str, other: str) -> bool:
    """Equal up to case, spacing, a site-name suffix or small edits ("Title | Site")."""
    a, b = _key(text), _key(other)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.6 * len(longer) and (shorter in longer or fuzz.ratio(a, b) >= 90)


def leading_heading_reason(block: Block, title: str, description: str) -> str | None:
    """A heading above the first paragraph that repeats the title or the page summary."""
    if block.kind != "head":
        return None
    if same_line(block.text, title):
        return "duplicate-title"
    if same_line(block.text, description):
        return "standfirst"
    return None


def filter_blocks(
    blocks: list[Block],
    *,
    title: str = "",
    description: str = "",
    captions: Iterable[str] = (),
    boilerplate: Iterable[str] = (),
) -> tuple[list[Block], list[Stripped]]:
    """Keep the story's blocks; return them and what was dropped, with reasons.

    ``description`` is the page's own summary (meta description); a heading
    repeating it above the body is the standfirst. ``boilerplate`` holds
    lines known to repeat across a site's pages (see
    :mod:`storyline.ingest.html_profile`).
    """
    caption_keys = {_key(c) for c in captions}
    boilerplate_keys = {_key(b) for b in boilerplate}
    title_key = _key(title)
    kept: list[Block] = []
    stripped: list[Stripped] = []
    cut = trailing_link_run(blocks)
    for index, block in enumerate(blocks):
        key = _key(block.text)
        if index >= cut:
            reason: str | None = "related-links"
        elif title_key and key == title_key:
            reason = "duplicate-title"
        elif not kept and (heading := leading_heading_reason(block, title, description)):
            reason = heading
        elif key in caption_keys:
            reason = "caption"
        elif key in boilerplate_keys:
            reason = "site-boilerplate"
        else:
            reason = widget_reason(block) or metadata_reason(block)
        if reason:
            stripped.append(Stripped(block.text, reason))
        else:
            kept.append(block)
    return kept, stripped
