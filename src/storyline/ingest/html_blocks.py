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

from storyline.ingest.clean import (
    LABEL_SEPARATOR,
    NEWSLETTER_CALL,
    RELATED_LABEL,
    SUBSCRIBE_BUTTON,
    is_share_widget,
    shouts,
)
from storyline.model import Stripped

_SPACES = re.compile(r"\s+")
#: Soft hyphens and zero-width characters: invisible, but they split words for every later stage.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def squash(text: str) -> str:
    """Drop invisible characters and collapse runs of whitespace into one space."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


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
#: Shorter link texts ("More", "Home") are too common to mark a teaser.
_MIN_TEASER_LINK = 12


class LinkTexts:
    """The texts of a page's links, to tell link blocks from prose after extraction.

    trafilatura can mark links itself (``include_links``) but that changes
    what it extracts, for the worse on our dev sets; so links are matched
    back from the page instead.
    """

    def __init__(self, tree: _Element) -> None:
        self.texts = {squash(a.text_content()) for a in tree.iter("a")} - {""}
        self._by_prefix: dict[str, list[str]] = {}
        for text in self.texts:
            if len(text) >= _MIN_TEASER_LINK:
                self._by_prefix.setdefault(text[:_MIN_TEASER_LINK], []).append(text)

    def link_chars(self, text: str) -> tuple[int, bool]:
        """Characters of ``text`` that are link text, and whether it opens with a link."""
        if text in self.texts:
            return len(text), True
        leading = max(
            (len(t) for t in self._by_prefix.get(text[:_MIN_TEASER_LINK], ()) if text.startswith(t)), default=0
        )
        return leading, leading > 0


    def covered_share(self, text: str) -> float:
        """Share of ``text``'s letters inside whole-word link texts, wherever they stand: a menu that
        extraction flattened into one line ("Home News Sport About us | Contact") is links throughout,
        which :meth:`link_chars` (a block that is or opens with one link) cannot see."""
        covered = bytearray(len(text))
        for link in sorted((t for t in self.texts if len(t) >= 3), key=len, reverse=True)[:_MAX_COVER_LINKS]:
            start = text.find(link)
            while start >= 0:
                end = start + len(link)
                if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    covered[start:end] = b"\x01" * len(link)
                start = text.find(link, end)
        letters = [i for i, c in enumerate(text) if c.isalpha()]
        return sum(covered[i] for i in letters) / len(letters) if letters else 1.0


#: Longest link texts looked for by :meth:`LinkTexts.covered_share` (a page's menus come well within).
_MAX_COVER_LINKS = 400


def _text(element: _Element) -> str:
    """Visible text of a trafilatura element, cells joined by " | "."""
    parts = [element.text or ""]
    for child in element:
        parts += [_SEPARATORS.get(child.tag, ""), _text(child), child.tail or ""]
    return "".join(parts)


def make_block(text: str, kind: str, links: LinkTexts | None) -> Block | None:
    """A block of ``text``, or None when it holds none."""
    text = squash(text)
    if not text:
        return None
    link_chars, opens_with_link = links.link_chars(text) if links else (0, False)
    return Block(text, kind, link_chars, opens_with_link)


def body_blocks(body: _Element | None, links: LinkTexts | None = None) -> list[Block]:
    """Flatten trafilatura's XML body into blocks, in reading order."""
    return list(_walk(body, links)) if body is not None else []


def _walk(element: _Element, links: LinkTexts | None) -> Iterator[Block]:
    if block := make_block(element.text or "", "p", links):  # loose text directly inside a container
        yield block
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _CONTAINERS or (tag == "quote" and any(c.tag == "p" for c in child)):
            yield from _walk(child, links)
        elif tag not in ("graphic", "lb") and (block := make_block(_text(child), _KINDS.get(tag, "p"), links)):
            yield block
        if block := make_block(child.tail or "", "p", links):
            yield block


# --------------------------------------------------------------------------
# Filters: each returns a reason ("caption", "newsletter"...) or None.

#: Calls to action and widgets that sit inside article bodies, in the
#: languages of the corpora we read (en, de, fr, es, it, pt, nl, pl).
_WIDGET_PATTERNS = {
    "newsletter": f"{NEWSLETTER_CALL}|{SUBSCRIBE_BUTTON}",
    "share-widget": (
        r"^(share|teilen|partager|compartir|condividi|partilhar|delen|udostępnij)"
        r"(\s+(this\b.{0,20}|(on|via|auf|mit|sur|en|su|per)\b.{0,30}))?\s*[:!?]?$"
        r"|^(follow us|folgen sie uns|suivez-nous|síguenos|seguici)\b.{0,60}$"
        r"|^(click|tap) to (share|email|print)\b|^(tweet|pin it|e-?mail|print|drucken|imprimer)$"
        r"|^follow\b.{0,60}\bon (facebook|twitter|instagram|linkedin|youtube|telegram)\b|\bshare it with a friend\b"
        r"|\bclick here\b|\bklicken sie hier\b|\bcliquez ici\b|\bhaz clic aquí\b"
        r"|\b(download|get) (the|our)\b.{0,30}\bapps?\b|\b(canal de|channel on|kanal auf) telegram\b"
    ),
    "related-links": (
        r"^(read more|read also|see also|more on this|you may also like|lesen sie auch"
        r"|mehr zum thema|weitere themen|schon gelesen|das könnte sie auch interessieren|weitere artikel"
        r"|kommentierte artikel|top-themen|à lire aussi|lire aussi|a lire également|voir aussi|à voir aussi"
        r"|sur le même sujet|articles? (liés|similaires)|lee también|leer más"
        r"|notas relacionadas|leggi anche|leia também|lees ook|czytaj (też|także|więcej)"
        r"|popular on|\[related)\b.{0,160}$"
        # Words that also open ordinary sentences count only as a label ("Related:", "More from X:"; "Te puede
        # interesar saber que..." is a sentence): alone or before a separator, as RELATED_LABEL below.
        r"|^(related( articles| stories| posts| content| coverage)?|recommended( for you| reading| stories)?"
        r"|more from [^:]{1,40}|puedes ver|mira|ver también|see|watch|siehe)\s*:"
        r"|^(also on|auch auf) [\w-]+(\.[\w-]+)*\.[a-z]{2,}\b"  # "Also on example.com: ..."
        rf"|^({RELATED_LABEL})({LABEL_SEPARATOR}.{{0,160}})?$"  # "Lea también: <headline>"
    ),
    "tags": (
        r"^(tags?|filed under|schlagw(ö|oe)rter|themen|mots-clés|etiquetas|category|categories|kategorien?"
        r"|categorías?|catégories?|rubrik)\s*:"
    ),
    "affiliate": (
        r"\b(may|might|could) (earn|get|receive) (a |an )?(small )?(commission|compensation|share of (the )?sales?)\b"
        r"|\baffiliate[- ]links?\b|\b(enthält|contains|contiene) (werbung|sponsored content|publicidad)\b"
    ),
    "advertisement": r"^(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|sponsored( content)?)\W{0,3}$",
    "paywall": (
        r"subscribe now (to|for)\b|already a subscriber|log in for (immediate )?access|to continue reading"
        r"|jetzt (weiterlesen|testen)|pour accéder en illimité|réservé aux abonnés"
        r"|hazte miembro|cancel(a|e) (cuando quieras|anytime)|abonnez-vous\b"
    ),
    "comments": (
        r"^(view|show|load|hide) comments?\b|^(\d+ )?comments?$|^kommentare?( \(\d+\))?$"
        r"|\bum (einen )?kommentare? zu (schreiben|verfassen)\b|\bto (post|leave|write) a comment\b"
    ),
}
_WIDGET_RES = {reason: re.compile(rx, re.IGNORECASE) for reason, rx in _WIDGET_PATTERNS.items()}
_WIDGET_MAX_WORDS = 40

_ASSET_URL = re.compile(r"^(https?://|www\.)\S+\.(jpe?g|png|gif|webp|svg|ico)(\?\S*)?$", re.IGNORECASE)
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$")
_DATELINE = re.compile(
    r"^((updated|published|posted|last updated|aktualisiert|veröffentlicht|mis à jour|publié"
    r"|actualizado|publicado|aggiornato|pubblicato|letzte änderung|zuletzt aktualisiert)"
    r"( (at|on|am|um|le|el|il))?\W|stand\s*:).{0,50}\d.{0,30}$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?(?i:photo|picture|image|foto|bild|crédits? photos?|crédit|fotos?|source|quelle)"
    r"(?i: credit)?s?\s*(:|/|©|(?i:by)\b)[^.]{0,80}\)?$"
    r"|^[A-Z][A-Za-z]{1,12}\s*/\s*[A-Z][A-Z .'-]{3,40}$"  # "AFP / JOHN SMITH" style photo credits
)
_STAFF_CREDIT = re.compile(
    r"^\(?(?i:(additional )?(reporting|writing|editing) by)\b"  # agency credits: "(Reporting by ...)"
    r"|^\(?[a-z]{2,4}(/[A-Za-z]{2,5})+\)?$"  # author/agency signatures: "dpa/lsw", "aja/PAP"
)
_COPYRIGHT = re.compile(
    r"^(copyright|©|ⓒ|\(c\))|all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|permission\b.{0,40}\b(reprint|reproduc)"
    r"|\b(published|veröffentlicht|publié|publicado) (under|unter|sous|bajo) (the |der |la )?(licen[cs]e|lizenz)\b",
    re.IGNORECASE,
)
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
    # "Facebook Compartir", "Twitter Enviar"; a heading is a section's name ("Like" on a wiki's gift list).
    if block.kind != "head" and is_share_widget(block.text):
        return "share-widget"
    for reason, pattern in _WIDGET_RES.items():
        if pattern.search(block.text):
            return reason
    return None


def metadata_reason(block: Block) -> str | None:
    """Blocks that are page metadata rather than prose: image URLs, timestamps, credits.

    "credit" is an image credit (it joins the captions); "staff-credit" names
    the reporters and editors of the story.
    """
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
    if block.words <= 40 and _STAFF_CREDIT.match(text):
        return "staff-credit"
    if block.kind != "item" and block.words <= 8 and _BYLINE.match(text):
        return "byline"
    return None


#: A gallery's or a paged article's position ("1 / 22"): a counter beside the pager, no text. Spaced: "1/4" alone
#: on a line is a recipe's quantity as often ("1/4" / "cup butter").
_PAGE_COUNTER = re.compile(r"^(\d{1,3})\s+/\s+(\d{1,3})$")
#: What may stand between pager links ("« Previous | Next »").
_PAGER_GLUE = re.compile(r"[\s|·•«»‹›<>←→/-]*")


def pager_reason(block: Block, pager: Iterable[str]) -> str | None:
    """"pagination" for a block made only of the page's previous/next link texts ("ÖncekiSonraki": Turkish
    "Previous" and "Next" written together) or a position counter ("1 / 22")."""
    counter = _PAGE_COUNTER.match(block.text)
    if counter and 0 < int(counter.group(1)) <= int(counter.group(2)):
        return "pagination"
    rest = block.text
    for text in sorted(filter(None, pager), key=len, reverse=True):
        rest = rest.replace(text, " ")
    return "pagination" if rest != block.text and _PAGER_GLUE.fullmatch(rest) else None


def is_link_block(block: Block) -> bool:
    """A block that is (almost) nothing but link text: navigation, teasers."""
    return block.link_ratio >= 0.8


def is_teaser(block: Block) -> bool:
    """A linked headline, alone or followed by its blurb (related-story lists)."""
    return is_link_block(block) or (block.kind == "item" and block.opens_with_link and block.link_ratio >= 0.2)


def is_inline_teaser(block: Block) -> bool:
    """A paragraph that is one link written in capitals ("SENATOR QUITS OVER FERRY DEAL"): a related story
    flagged between the story's paragraphs, not a part of it."""
    return block.kind in ("p", "head") and is_link_block(block) and shouts(block.text)


def trailing_link_run(blocks: list[Block]) -> int:
    """Index where a final run of teasers (related stories) begins.

    Headings inside the run ("More stories") go with it. A run must hold at
    least two teasers, so a closing one-link sentence survives, and must be
    shorter than the prose above it: a page that is mostly a list of links
    (a link roundup) is the content itself.
    """
    start = len(blocks)
    teasers = 0
    while start > 0 and (is_teaser(blocks[start - 1]) or blocks[start - 1].kind == "head"):
        start -= 1
        teasers += is_teaser(blocks[start])
    run_chars = sum(len(b.text) for b in blocks[start:])
    prose_chars = sum(len(b.text) for b in blocks[:start])
    return start if teasers >= 2 and prose_chars > run_chars else len(blocks)


def _key(text: str) -> str:
    return squash(text).casefold()


def same_line(text: str, other: str) -> bool:
    """Equal up to case, spacing, a site-name suffix or small edits ("Title | Site")."""
    a, b = _key(text), _key(other)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.6 * len(longer) and (shorter in longer or fuzz.ratio(a, b) >= 90)


#: A standfirst (dek) is one or two sentences; a longer summary is the story's lead.
_MAX_STANDFIRST_WORDS = 30


def leading_heading_reason(block: Block, title: str, description: str) -> str | None:
    """A heading above the first paragraph that repeats the title or the page summary."""
    if block.kind != "head":
        return None
    if same_line(block.text, title):
        return "duplicate-title"
    if block.words <= _MAX_STANDFIRST_WORDS and same_line(block.text, description):
        return "standfirst"
    return None


def filter_blocks(
    blocks: list[Block],
    *,
    title: str = "",
    description: str = "",
    captions: Iterable[str] = (),
    boilerplate: Iterable[str] = (),
    pager: Iterable[str] = (),
) -> tuple[list[Block], list[Stripped]]:
    """Keep the story's blocks; return them and what was dropped, with reasons.

    ``description`` is the page's own summary (meta description); a heading
    repeating it above the body is the standfirst. ``boilerplate`` holds
    lines known to repeat across a site's pages (see
    :mod:`storyline.ingest.html_profile`). ``pager``: the texts of the page's
    previous/next links (``rel="prev"``, ``rel="next"``).
    """
    pager = [squash(text) for text in pager]
    caption_keys = {_key(c) for c in captions}
    boilerplate_keys = {_key(b) for b in boilerplate}
    title_key = _key(title)
    kept: list[Block] = []
    stripped: list[Stripped] = []
    cut = trailing_link_run(blocks)
    for index, block in enumerate(blocks):
        key = _key(block.text)
        if index >= cut or is_inline_teaser(block):
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
            reason = widget_reason(block) or metadata_reason(block) or pager_reason(block, pager)
        if reason:
            stripped.append(Stripped(block.text, reason))
        else:
            kept.append(block)
    return kept, stripped
