"""HTML page -> clean :class:`Article`: body paragraphs, captions, byline, date.

Built on trafilatura (where the main text is, metadata) and htmldate
(publication date). On top, what a news engine needs: captions and credits
kept out of the body but labelled, widgets/datelines/related links dropped
block by block with a recorded reason (:mod:`.html_blocks`), and optionally
a site's template learnt across its pages (:mod:`.html_profile`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import load_html
from trafilatura.metadata import examine_title_element

from storyline.ingest.clean import compact, residue_reason
from storyline.ingest.errors import IngestError
from storyline.ingest.html_blocks import Block, LinkTexts, body_blocks, filter_blocks, is_link_block, squash
from storyline.ingest.html_chunks import with_sibling_chunks
from storyline.ingest.html_furniture import inside_menus, page_furniture
from storyline.ingest.metadata import domain_label, initials, known_outlet, numbered_slug, site_names
from storyline.ingest.text import SECTION_WORDS, date_of_line, is_url_section, reads_as_headline, stated_title_rejection
from storyline.model import Article, Stripped

#: Blocks that describe an image rather than tell the story.
CAPTION_XPATH = (
    "//figcaption"
    " | //*[@itemprop='caption' or contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' image-caption ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' photo-credit ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' image-credit ')]"
)
_HOST_NAME = re.compile(r"(www\.)?[\w-]+(\.[\w-]+)+")
#: A caption longer than this is a layout container misnamed "caption".
_MAX_CAPTION_CHARS = 600


#: A script tag written self-closed right before its code and end tag (``<script type="text/javascript"/>code</script>``):
#: a browser ignores the "/" and runs the code, lxml closes the tag and reads the code as page text.
_SELF_CLOSED_SCRIPT = re.compile(r"(<script\b[^>]*?)\s*/>(?=[^<]*</script>)", re.IGNORECASE)
_SELF_CLOSED_SCRIPT_BYTES = re.compile(_SELF_CLOSED_SCRIPT.pattern.encode(), re.IGNORECASE)


def parse_html(html: str | bytes) -> HtmlElement:
    """Parse any (even malformed) HTML, guessing the encoding of bytes; IngestError when empty."""
    if not html or not html.strip():
        raise IngestError("empty HTML document")
    if isinstance(html, str):
        html = _SELF_CLOSED_SCRIPT.sub(r"\1>", html)
    else:
        html = _SELF_CLOSED_SCRIPT_BYTES.sub(rb"\1>", html)
    tree = load_html(html)  # trafilatura's loader: charset detection, lxml fallbacks
    if tree is None:
        raise IngestError("unparseable HTML")
    return tree


#: How much of a page's end is read for its closing tags.
_END_CHARS = 4096
_DOCUMENT_START = re.compile(r"\s*(?:<!doctype|<html)", re.IGNORECASE)
_CLOSING_TAG = re.compile(r"</(?:body|html)\b", re.IGNORECASE)


def cut_short(html: str | bytes) -> bool:
    """Whether a whole page's markup (opening as a document: a fragment, as a feed's or a JSON record's
    ``html``, need not close one) stops inside a text or a tag, with no closing ``</body>`` or ``</html>``: a
    download or a save cut short, whose text is only the start of its article (marked partial, it never
    replaces the whole text of its URL). A page may leave both closing tags out, but then ends on a tag's
    ``>`` (16 of the 2,166 gold-set pages do; none is taken for cut short)."""
    start, end = html[:_END_CHARS], html[-_END_CHARS:]
    if isinstance(start, bytes) and isinstance(end, bytes):
        start, end = start.decode("utf-8", "replace"), end.decode("utf-8", "replace")
    end = end.rstrip()
    return bool(_DOCUMENT_START.match(start.lstrip("\ufeff"))) and not _CLOSING_TAG.search(end) and not end.endswith(">")


def caption_nodes(tree: HtmlElement) -> list[HtmlElement]:
    """Elements holding an image caption or credit; a long one is a layout container misnamed "caption"."""
    return [node for node in tree.xpath(CAPTION_XPATH) if 0 < len(squash(node.text_content())) <= _MAX_CAPTION_CHARS]


def find_captions(tree: HtmlElement) -> list[str]:
    """Text of image captions and credits on the page, in order, without repeats."""
    return list(dict.fromkeys(squash(node.text_content()) for node in caption_nodes(tree)))


def find_published(tree: HtmlElement, url: str | None) -> datetime | None:
    """Publication date (original, not last-modified), timezone-naive: the page's local time as written.

    Not converted to UTC like feed and JSON dates: relative dates in the text ("today", "on Sunday") count
    from the local day, and against htmldate's 1,000 gold pages (``storyline eval published``) the day is right
    0.901 as written, 0.884 in UTC (0.896 with a date in the URL deferred to the page's own timestamps). A URL whose
    slug opens with a number ("/2019/12/7-cyber-rules") gives no day: the page dates itself (``""`` keeps htmldate
    from its canonical link too).
    """
    url = "" if numbered_slug(url) else url
    found = find_date(
        tree, url=url, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S", extensive_search=True
    )
    if not found:
        return None
    try:
        date = datetime.fromisoformat(found)
    except ValueError:
        return None
    if (date.month, date.day, date.hour, date.minute) != (1, 1, 0, 0):
        return date
    return None if _is_copyright_year(tree, date) or _is_bare_year(tree, url, date) else date


#: A copyright line's year ("© 2024", "Copyright 2010-2024 Ruritania Herald").
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.IGNORECASE)


def _is_copyright_year(tree: HtmlElement, date: datetime) -> bool:
    """htmldate's extensive search falls back on a copyright line and returns 1 January of its year: the year the
    site last changed its footer, no publication date (on its 1,000 gold pages this drops 3 wrong dates, no right one)."""
    return any(int(year) == date.year for year in _COPYRIGHT_YEAR.findall(tree.text_content()))


def _first_of_january(year: int) -> re.Pattern[str]:
    """1 January of ``year`` written out: ISO, numeric (either order), or "1 January" / "January 1" / "1. Januar" /
    "1er janvier" / "1 de enero" in a few languages."""
    months = "jan(?:uary|uar|vier|\\.)?|janv\\.?|enero|gennaio|janeiro|januari|января|styczni[au]"
    return re.compile(
        rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[./-]0?1[./-]{year}|\b(?:0?1(?:er|\.|st)?\s+(?:de\s+)?(?:{months})(?:\s+de)?,?\s+{year})"
        rf"|\b(?:{months})\s+0?1(?:st)?,?\s+{year}",
        re.IGNORECASE,
    )


def _is_bare_year(tree: HtmlElement, url: str | None, date: datetime) -> bool:
    """1 January that htmldate's extensive search made of a year alone in the text ("seit Anfang 2019"): no
    date of the page's metadata, and written nowhere as a day."""
    if find_date(tree, url=url, original_date=True, extensive_search=False):
        return False
    return not _first_of_january(date.year).search(f"{url or ''} {tree.text_content()}")


def declared_language(tree: HtmlElement) -> str | None:
    """The page's own ``<html lang>``, reduced to its primary subtag."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    primary = lang.replace("_", "-").split("-")[0].strip().lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


#: A declared site name with more words than this, or a title's separators, is an SEO title ("Ruritania Herald |
#: Breaking News, Sport and Weather from Port Elwyn"), no outlet name.
_MAX_OUTLET_WORDS = 6
_TITLE_SEPARATOR = re.compile(r"\s[|–—-]\s|:\s|[|•»]")


def named_outlet(doc: trafilatura.settings.Document | None) -> str | None:
    """The site name the page declares (og:site_name, publisher), not a host name trafilatura fell back on, nor a
    whole SEO title, nor an account handle (trafilatura reads ``twitter:site`` "@elwyn_post" as "Elwyn_Post")."""
    name = squash(doc.sitename or "") if doc is not None else ""
    return name if _plausible_outlet(name) else None


#: The holder of a copyright line: "© 2013 U-T San Diego. All rights reserved", "Copyright 2010-2024 Elwyn Post, LLC".
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*"
    r"(?P<name>[^\W\d_][\w&'’ -]{1,60}?)\s*(?:[,.|]|\b(?:LLC|Inc|Ltd|GmbH|all rights)\b|$)",
    re.IGNORECASE | re.MULTILINE,
)


def copyright_holders(tree: HtmlElement) -> list[str]:
    """Who the page's copyright lines name ("© 2026 PEH TV, LLC" -> "PEH TV"), in order, without repeats."""
    return list(dict.fromkeys(m.group("name").strip() for m in _COPYRIGHT_HOLDER.finditer(squash(tree.text_content()))))


def page_outlet(tree: HtmlElement, url: str | None, declared: str | None, holders: list[str]) -> str | None:
    """The site's name where the page gives it besides its metadata (og:site_name, publisher, application-name,
    which trafilatura reads): a ``<title>`` part, a part of a declared SEO title (``declared``, "Elwyn Post – News
    from the harbour") or a copyright line's holder that the domain spells out ("U-T San Diego" on
    utsandiego.com, "WIBW" on wibw.com). Unconfirmed, a title's part may be a section's name; a known outlet's
    own name (:func:`~storyline.ingest.metadata.outlet_from_url`) comes first."""
    label = compact(domain_label(url) or "")
    if not label or known_outlet(url):
        return None
    _, *title_parts = examine_title_element(tree)
    declared_parts = _TITLE_SEPARATOR.split(declared or "")
    names = (squash(name) for name in (*title_parts, *declared_parts, *holders) if name)
    return next((name for name in names if _spells(name, label) and _plausible_outlet(name)), None)


def _spells(name: str, label: str) -> bool:
    """Whether a domain's label spells ``name`` out, or its initials ("The Elwyn Post" in elwynpost.com); a name in
    lower case is only the label again."""
    words = compact(name)
    return name != name.lower() and label in {words, words.removeprefix("the"), initials(name).lower()}


def _plausible_outlet(name: str) -> bool:
    """A site name, not a host name, a whole SEO title or an account handle."""
    return bool(name) and not (_HOST_NAME.fullmatch(name) or _TITLE_SEPARATOR.search(name) or "_" in name) and (
        len(name.split()) <= _MAX_OUTLET_WORDS
    )


#: Elements whose content is code, not text (JSON data scripts stay: trafilatura reads JSON-LD metadata).
_CODE_XPATH = "//script[not(contains(@type, 'json'))] | //style"


def extract_blocks(
    tree: HtmlElement, url: str | None, links: LinkTexts, *, asides_as_text: bool = False
) -> tuple[list[Block], trafilatura.settings.Document | None]:
    """trafilatura's main-text blocks (link text marked from the page) and its metadata, read without the
    page's scripts and styles: their code is no text, and trafilatura kept a script in a heading in the title.

    ``asides_as_text``: read ``<aside>`` elements as ordinary containers (trafilatura drops them unread).
    """
    readable = copy.deepcopy(tree)  # trafilatura may clean the tree it is given; ours is read again below
    for node in readable.xpath(_CODE_XPATH):
        node.drop_tree()  # keeps the text after it
    if asides_as_text:
        for node in readable.iter("aside"):
            node.tag = "div"
    doc = trafilatura.bare_extraction(
        readable,
        url=url,
        include_comments=False,
        with_metadata=True,
    )
    return body_blocks(doc.body if doc is not None else None, links), doc


#: A block opening the story with at most this many words may be a date line ("Updated: 14 March 2024 10:05 GMT").
_DATE_LINE_WORDS = 12
#: Main text at most this long may be a site's menus flattened into prose-like lines; an article is longer.
_MENU_PAGE_CHARS = 1500


#: Page elements longer than this are not looked at as one notice or widget.
_NOTICE_CHARS = 300


def _only_menus(tree: HtmlElement, kept: list[Block], links: LinkTexts) -> bool:
    """A short main text that is link texts almost throughout, once the page's cookie notices, share widgets and
    other residue lines are taken out: a section or navigation page, no article ("Example": a cookie banner,
    a "Share this" widget, "Older post Newer post" links, which extraction flattened into one block)."""
    text = " ".join(block.text for block in kept)
    if len(text) > _MENU_PAGE_CHARS:
        return False
    for node in tree.iter("div", "p", "span", "button", "section", "aside", "footer", "header", "li"):
        own = squash(node.text_content())
        if own and len(own) <= _NOTICE_CHARS and own in text and residue_reason(own):
            text = text.replace(own, " ")
    return links.covered_share(text) >= 0.8


def _only_in_menus(tree: HtmlElement, kept: list[Block]) -> bool:
    """A short main text that the page writes inside its menus or footers only."""
    text = " ".join(block.text for block in kept)
    return len(text) <= _MENU_PAGE_CHARS and inside_menus(tree, squash(text))


def _no_article(tree: HtmlElement, kept: list[Block], links: LinkTexts) -> bool:
    """Main text that is only links, site notices or the page's menus: no article."""
    return all(is_link_block(block) for block in kept) or _only_menus(tree, kept, links) or _only_in_menus(tree, kept)


#: Where a link goes home: the site's root ("/", "/index.html", "https://example.org/").
_HOME_PATH = re.compile(r"^(?:https?://[^/?#]+)?/?(?:index\.\w+)?(?:[?#].*)?$", re.IGNORECASE)


def _home_headings(tree: HtmlElement) -> set[str]:
    """Texts of the ``<h1>`` that link to the site's home page (in a link, or holding one): the site's name
    set as a heading over every page, not the article's headline."""
    headings = tree.xpath("//a[@href]//h1 | //h1[.//a[@href]]")
    return {
        squash(heading.text_content())
        for heading in headings
        if any(_HOME_PATH.match(href.strip()) for href in heading.xpath("ancestor-or-self::a/@href | .//a/@href"))
    }


def _headline(tree: HtmlElement, doc: trafilatura.settings.Document | None) -> str:
    """trafilatura's title, unless it is the site's name heading a page (a lone ``<h1>`` linking home): then the
    longer part of the page's ``<title>`` ("Ferry strike ends - Elwyn Post" -> "Ferry strike ends")."""
    title = squash(doc.title or "") if doc is not None else ""
    if not title or title not in _home_headings(tree):
        return title
    whole, first, second = examine_title_element(tree)
    return squash(max((first or "", second or ""), key=len) or whole or "") or title


#: Where a page states its headline besides the one trafilatura read, in the order they are tried.
_TITLE_XPATH = (
    "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content"
    " | //h1[not(ancestor::nav or ancestor::header or ancestor::footer)]"
)
#: A path with at most this many segments is a section's or the home page's ("/", "/news/").
_SECTION_DEPTH = 1
#: The links of a page's menus, where its sections are named.
_MENU_LINKS_XPATH = (
    "//*[self::nav or self::header or self::footer or @role='navigation' or @role='menubar']//a[@href]"
)
#: Where a page declares its site's name.
_SITE_NAME_XPATH = "//meta[@property='og:site_name' or @name='application-name']/@content"


def _title_candidates(tree: HtmlElement, doc: trafilatura.settings.Document | None) -> Iterator[str]:
    """The headline trafilatura read (:func:`_headline`), then og:title and twitter:title, the page's ``<h1>``
    outside its menus, and the parts of its ``<title>``."""
    yield _headline(tree, doc)
    for found in tree.xpath(_TITLE_XPATH):
        yield squash(found if isinstance(found, str) else found.text_content())
    yield from (squash(part or "") for part in examine_title_element(tree))


def _section_label(tree: HtmlElement, title: str, url: str | None) -> bool:
    """A short title that a menu's link to a section or the home page says ("News", "Home"), or a folder of the
    page's own path ("/world/..." under "World"). A link to the page itself is its headline's."""
    if len(title.split()) > SECTION_WORDS:
        return False
    if is_url_section(title, url):
        return True
    key = compact(title)
    own = urlsplit(url or "").path.strip("/")
    for link in tree.xpath(_MENU_LINKS_XPATH):
        href = (link.get("href") or "").strip()
        if compact(squash(link.text_content())) != key or not (url or href.startswith(("/", "http"))):
            continue  # without the page's address a relative link's place is unknown
        path = urlsplit(urljoin(url or "", href)).path.strip("/")
        if path != own and path.count("/") < _SECTION_DEPTH:
            return True
    return False


def _declared_site_names(tree: HtmlElement, url: str | None) -> set[str]:
    """The site names the page declares (og:site_name, application-name; compacted) that the domain spells or
    that end the page's ``<title>`` ("... | Elwyn Post"): some pages declare their headline as the site's name."""
    label = compact(domain_label(url) or "")
    parts = _TITLE_SEPARATOR.split(squash(examine_title_element(tree)[0] or ""))
    suffix = compact(parts[-1]) if len(parts) > 1 else ""
    names = (squash(name) for name in tree.xpath(_SITE_NAME_XPATH))
    return {compact(name) for name in names if (label and _spells(name, label)) or compact(name) == suffix}


def title_rejection(title: str, tree: HtmlElement, url: str | None, language: str | None) -> str | None:
    """Why a page's title is no headline (:func:`~storyline.ingest.text.stated_title_rejection`): the site's names
    are the URL's and those the page declares and confirms (trafilatura's site name may be the title itself), its
    sections those its menus link to or its URL's folders."""
    names = (site_names(url) | _declared_site_names(tree, url)) - {""}
    return stated_title_rejection(title, names, language, lambda head: _section_label(tree, head, url))


def page_title(
    tree: HtmlElement, url: str | None, doc: trafilatura.settings.Document | None, language: str | None
) -> tuple[str, list[Stripped]]:
    """The first of the page's title candidates (:func:`_title_candidates`) that is a headline, and those passed
    over, each as "title (why)" (one of the page's ``<title>`` holding another once), so the explain record keeps
    them; "" when none is."""
    rejected: list[Stripped] = []
    seen: list[str] = []
    for candidate in dict.fromkeys(_title_candidates(tree, doc)):
        reason = title_rejection(candidate, tree, url, language)
        if reason is None:
            return candidate, rejected
        if reason == "empty":
            continue
        if not any(candidate in other or other in candidate for other in seen):
            rejected.append(Stripped(candidate, f"title ({reason})"))
        seen.append(candidate)
    return "", rejected


def _main_text(
    tree: HtmlElement,
    url: str | None,
    links: LinkTexts,
    captions: list[str],
    boilerplate: Iterable[str],
    *,
    asides_as_text: bool = False,
) -> tuple[list[Block], list[Stripped], trafilatura.settings.Document | None, str]:
    """The body blocks kept, those stripped with their reason (titles passed over among them), trafilatura's
    metadata and the headline."""
    blocks, doc = extract_blocks(tree, url, links, asides_as_text=asides_as_text)
    blocks = with_sibling_chunks(tree, blocks)
    title, rejected = page_title(tree, url or (doc.url if doc is not None else None), doc, _language(tree, doc))
    description = (doc.description or "") if doc is not None else ""
    pager = [link.text_content() for link in tree.xpath("//a[@rel='prev' or @rel='next']")]
    kept, stripped = filter_blocks(
        blocks, title=title, description=description, captions=captions, boilerplate=boilerplate, pager=pager
    )
    return kept, rejected + stripped, doc, title


def _language(tree: HtmlElement, doc: trafilatura.settings.Document | None) -> str | None:
    """The language the page declares, else the one trafilatura found."""
    return declared_language(tree) or (doc.language if doc is not None else None)


def _heading_line(block: Block, language: str | None) -> bool:
    """A first body line that reads as a headline: a heading, or a short line that ends no sentence and is
    no date line ("Riots erupt after teen's death" under an ``<h1>`` holding the date)."""
    return block.kind in ("head", "p") and reads_as_headline(block.text, language, heading=block.kind == "head")


def extract_html(
    html: str | bytes, *, url: str | None = None, source: str = "", boilerplate: Iterable[str] = ()
) -> Article:
    """Extract the article of one HTML page.

    ``published`` is timezone-naive (the page's local time as written).
    ``boilerplate``: lines :class:`~storyline.ingest.html_profile.SiteProfiles`
    learnt to repeat across this site's pages; they are dropped from the body.
    Raises IngestError when the page holds no extractable text.
    """
    tree = parse_html(html)
    captions = find_captions(tree)
    links = LinkTexts(tree)
    kept, stripped, doc, title = _main_text(tree, url, links, captions, boilerplate)
    if _no_article(tree, kept, links) and tree.find(".//aside") is not None:  # a story set in an <aside>
        kept, stripped, doc, title = _main_text(tree, url, links, captions, boilerplate, asides_as_text=True)
    if _no_article(tree, kept, links):
        raise IngestError("no extractable text in the HTML page (only links, site notices or nothing)")
    language = _language(tree, doc)
    while len(kept) > 1 and kept[0].words <= _DATE_LINE_WORDS and date_of_line(kept[0].text, language):
        stripped.append(Stripped(kept.pop(0).text, "date"))  # "March 14, 2024" above the story
    passed_over = not title and any(s.reason.startswith("title (") for s in stripped)
    if passed_over and len(kept) > 1 and _heading_line(kept[0], language):
        title = kept.pop(0).text  # every title the page states was passed over: its first line heads it
        stripped.append(Stripped(title, "duplicate-title"))
    reported = {s.text for s in stripped}
    stripped += [Stripped(text, "caption") for text in captions if text not in reported]
    captions += [s.text for s in stripped if s.reason == "credit" and s.text not in captions]
    stripped += page_furniture(tree, " ".join([*(block.text for block in kept), *(s.text for s in stripped)]))
    page_url = url or (doc.url if doc is not None else None)
    holders = copyright_holders(tree)
    extra: dict[str, object] = {"copyright": "; ".join(holders)} if holders else {}
    if cut_short(html):
        extra["partial"] = True
    return Article(
        id="",
        title=title,
        paragraphs=[block.text for block in kept],
        source=source,
        url=page_url,
        outlet=named_outlet(doc) or page_outlet(tree, page_url, doc.sitename if doc is not None else None, holders),
        byline=(doc.author or None) if doc is not None else None,
        published=find_published(tree, url),
        language=language,
        captions=captions,
        stripped=stripped,
        extra=extra,
    )
