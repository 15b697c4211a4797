"""Plain-text reader: a title line, optional byline and date lines, body, trailing source URL.

"Key: value" header lines above or below the title name the outlet, date, byline, URL and language
(README, input formats); a closing "Source: <name>" line names the outlet.

This is the shape of text saved from a browser or a scraper (see examples/seeds):
the page's residue (share bars, navigation, stray tags, captions) is recognised
by the rules in :mod:`storyline.ingest.clean` and recorded, not silently lost.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from storyline.ingest import clean
from storyline.ingest.errors import IngestError
from storyline.ingest.finalize import finalize
from storyline.ingest.language import detect_language, language_sample, normalise_language
from storyline.ingest.metadata import agency_in, agency_named, find_dates, parse_date, site_names, url_sections
from storyline.model import Article, Stripped

#: Longest first line still taken as a title (characters); a longer one is body.
TITLE_MAX_CHARS = 300
#: Byline and date lines are looked for above the first real paragraph (this many words),
#: and never further than HEADER_LINES lines below the title.
FIRST_PARAGRAPH_WORDS = 15
HEADER_LINES = 40
#: A section's name ("News", "World News") has at most this many words.
SECTION_WORDS = 3
#: Longest date line, in words ("on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM").
DATE_LINE_MAX_WORDS = 16
#: Longest blog credit line read for its closing date ("On behalf of ... posted in ... on Friday, September 20, 2013.").
POSTED_LINE_MAX_WORDS = 24
#: Hard-wrapped text: lines no longer than this, most of them at least WRAP_MIN_CHARS.
WRAP_MAX_CHARS = 100
WRAP_MIN_CHARS = 40

_META_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
#: An HTML character reference closed by its ";" ("&amp;", "&#8217;"). Plain text is read only for these:
#: the legacy names a browser also reads without ";" would turn a URL's "&region=" into "®ion=".
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@dataclass
class _Line:
    """One non-blank input line, the blank-line-separated block it is in, and its verdict."""

    text: str
    block: int
    reason: str | None = None


def _lines(text: str) -> list[_Line]:
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if "&" in text:
        text = _CHARACTER_REFERENCE.sub(lambda reference: html.unescape(reference.group()), text)
    lines: list[_Line] = []
    block = 0
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            block += 1
            continue
        lines.append(_Line(line, block))
    return lines


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Lines broken at a fixed width (one paragraph) rather than one paragraph per line."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(len(line) > WRAP_MAX_CHARS for line in body):
        return False
    long_enough = sum(len(line) >= WRAP_MIN_CHARS for line in body)
    sentence_ends = sum(line.endswith((".", "!", "?", '"', "”", ":")) for line in body)
    return long_enough >= 0.6 * len(body) and sentence_ends < len(body)


def _paragraphs(lines: list[_Line]) -> list[str]:
    blocks: dict[int, list[str]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line.text)
    paragraphs: list[str] = []
    for texts in blocks.values():
        paragraphs.extend([" ".join(texts)] if _looks_hard_wrapped(texts) else texts)
    return paragraphs


def date_of_line(text: str, language: str | None) -> datetime | None:
    """The first date of a date line: "Desk | Updated: 19 November 2019", "Posted ... Updated ...".

    A line that parses whole is a date; else the dates found inside it count when the
    rest is only labels, times and zones (:func:`clean.is_mostly_date`).
    """
    for part in _META_SEPARATOR.split(text):
        if date := parse_date(clean.date_line_text(part), language=language):
            return date
    # Searched without its label: "Posted on" before a date with a cut zone ("6:07:15 PM GMT+01:0") hides it.
    text = clean.date_search_text(clean.date_line_text(text))
    found = find_dates(text, language)
    if found and clean.is_mostly_date(text, [words for words, _ in found]):
        return found[0][1]
    return None


def is_date_title(title: str, language: str | None) -> bool:
    """A date or time and nothing else but labels and zones ("Monday, 12 May 2008", "Updated 3:15 PM EST"), not
    a headline naming a date ("Weekly report 14 - 20 January 2022", "Blog post 01/23/2020")."""
    if clean.is_time_line(title) or clean.is_relative_timestamp(title):
        return True
    if not any(c.isdigit() for c in title) or len(title.split()) > DATE_LINE_MAX_WORDS:
        return False
    text = clean.date_search_text(title)
    found = find_dates(text, language)
    return bool(found) and clean.is_mostly_date(text, [words for words, _ in found], other_words=0)


def is_byline_title(title: str) -> bool:
    """"By Jane Doe": a byline whose words are all names (not "Von Trump bis Biden")."""
    name = clean.parse_byline(title)
    words = (name or "").replace(",", " ").split()
    return name is not None and all(word[:1].isupper() or word in {"and", "&"} for word in words)


def is_url_section(text: str, url: str | None) -> bool:
    """A short line that names a folder of the URL ("News" over ".../news/...")."""
    return len(text.split()) <= SECTION_WORDS and clean.compact(text) in url_sections(url)


#: The separators of a title's parts: "Sunday, March 17, 2013 | 5:00 PM | Elwyn Post".
_TITLE_PARTS = re.compile(r"\s+[|•·»]\s+")


def _without_site_name(title: str, names: set[str]) -> str:
    """The title as the article will be titled (a site suffix split off), and any part of it that is the site's
    name (compacted ``names``) left out: "Sunday, March 17, 2013 | 5:00 PM | Elwyn Post" is a date line."""
    head = clean.split_title_suffix(title, frozenset(names))[0]
    parts = [part for part in _TITLE_PARTS.split(head) if clean.compact(part) not in names]
    return " | ".join(parts) if parts else head


def stated_title_rejection(
    title: str, names: set[str], language: str | None, is_section: Callable[[str], bool]
) -> str | None:
    """Why a stated title (a page's, a record's, a feed item's) is no headline: a date or time line, the site's
    name alone (compacted ``names``), a section's name or a byline; ``None`` for a headline, "empty" for none."""
    if not title:
        return "empty"
    head = _without_site_name(title, names)
    if is_date_title(head, language):
        return "date"
    if clean.compact(head) in names:
        return "outlet"
    if is_section(head):
        return "section"
    if is_byline_title(head):
        return "byline"
    return None


#: A first line read as the headline when the stated title was passed over has at most this many words.
HEADLINE_WORDS = 25


def reads_as_headline(text: str, language: str | None, *, heading: bool = False) -> bool:
    """A first line that reads as a headline: a heading, or a short line that ends no sentence and is no date
    line ("Riots erupt after teen's death" under a title that was only the date)."""
    if len(text.split()) > HEADLINE_WORDS or text.endswith((".", ",", ";", ":")):
        return False
    return heading or not (date_of_line(text, language) or clean.is_time_line(text))


class _TextParser:
    """Labels each line as body or as residue (with its reason), collecting metadata on the way."""

    def __init__(self, lines: list[_Line], url: str | None) -> None:
        self.lines = lines
        self.url = url
        # Known early so date lines are parsed in the text's own language.
        body = "\n".join(line.text for line in lines[1:])
        self.language = detect_language(language_sample(lines[0].text, body) if lines else "")
        self.title = ""
        self.full_title = ""
        self.byline: str | None = None
        self.published: datetime | None = None
        self.stripped: list[Stripped] = []
        self.captions: list[str] = []
        self.expecting_url = False
        self.agency: str | None = None
        self.outlet: str | None = None
        self.last_body_index = self._last_body_index()

    def _last_body_index(self) -> int:
        """Index of the last line that may be body: a closing agency credit can only be there."""
        for index in range(len(self.lines) - 1, -1, -1):
            text = self.lines[index].text
            furniture = clean.residue_reason(text) or clean.edge_reason(text)
            if not (furniture or clean.bare_url(text) or clean.source_url(text)[0]):
                return index
        return -1

    def strip(self, line: _Line, reason: str) -> None:
        line.reason = reason
        self.stripped.append(Stripped(line.text, reason))
        if reason == "caption":
            self.captions.append(clean.unlink_markdown(line.text))

    def take_title(self) -> int:
        """Title from the first line that is not residue; returns the index of the next line."""
        for index, line in enumerate(self.lines):
            # A date above the headline, as many pages print it; before residue rules, which
            # take an all-digit date ("05/02/2013") for a line of symbols.
            reason = self.date_line(line.text) or self.above_title(line.text) if index < len(self.lines) - 1 else None
            reason = reason or clean.residue_reason(line.text) or clean.edge_reason(line.text)
            reason = reason or self.header_reason(line.text)
            if reason is None and (found := clean.bare_url(line.text)):
                reason, self.url = "source-url", self.url or found
            if reason:
                self.strip(line, reason)
                continue
            following = self.lines[index + 1 : index + 2]
            if following and clean.split_lone_dateline(line.text, following[0].text):
                return index  # no title: the text opens with its dateline ("WASHINGTON —")
            candidate = _HEADING_MARK.sub("", clean.unlink_markdown(line.text)).strip()
            if len(candidate) > TITLE_MAX_CHARS or index == len(self.lines) - 1:
                return index
            line.reason = "title"
            self.full_title = self.title = candidate
            return index + 1
        return len(self.lines)

    def state_title(self, titles: Sequence[str], outlet: str | None) -> None:
        """The first stated title (a record's title fields, a feed item's) that is a headline; each passed over is
        kept as "title (why)". When every one is, a first line that reads as a headline is the title, as the HTML
        reader does; else the text is untitled and its lede stays body."""
        names = (site_names(self.url) | {clean.compact(outlet or "")}) - {""}
        candidates = [title for title in dict.fromkeys(" ".join(t.split()) for t in titles) if title]
        for title in candidates:
            reason = stated_title_rejection(title, names, self.language, lambda head: is_url_section(head, self.url))
            if reason is None:
                self.full_title = self.title = title
                self.label(0)
                return
            self.stripped.append(Stripped(title, f"title ({reason})"))
        first = _HEADING_MARK.sub("", clean.unlink_markdown(self.lines[0].text)).strip()
        if candidates and len(self.lines) > 1 and reads_as_headline(first, self.language):
            self.lines[0].reason = "title"
            self.full_title = self.title = first
            self.label(1)
        else:
            self.label(0)

    def above_title(self, text: str) -> str | None:
        """A line over the headline that is none: a time stamp ("Updated 3:15 PM EST"), the site's name alone,
        or the name of a section the URL files the article under ("News")."""
        if clean.is_time_line(text):
            return "date"
        key = clean.compact(text)
        if key in site_names(self.url) | {clean.compact(self.outlet or "")} - {""}:
            self.outlet = self.outlet or text.strip()
            return "outlet"
        return "navigation" if is_url_section(text, self.url) else None

    def header_reason(self, text: str) -> str | None:
        """A header line above the title: outlet or language, byline, source URL."""
        return self.field_line(text) or self.byline_line(text) or self.source_url_reason(text)

    def field_line(self, text: str) -> str | None:
        """"Outlet: X", "Source: X", "Language: fr": the first of each fills the metadata."""
        field = clean.header_field(text)
        if field is None:
            return None
        key, value = field
        if key == "language":
            language = normalise_language(value)
            self.language = language or self.language
            return "language" if language else None
        self.outlet = self.outlet or value
        return "outlet"

    def byline_line(self, text: str) -> str | None:
        """The first byline near the top, parsed into metadata."""
        byline = clean.parse_byline(text)
        if byline and self.byline is None:
            self.byline = byline
            return "byline"
        return None

    def date_line(self, text: str) -> str | None:
        """A short line that is a full date: the first one found is the publication date; an agency it
        names is the article's ("AFP, Tuesday 2 Jul 2013": the credit and its date on one line)."""
        if len(text.split()) > DATE_LINE_MAX_WORDS or not any(c.isdigit() for c in text):
            return None
        date = date_of_line(text, self.language)
        if date is None:
            return None
        self.published = self.published or date
        self.agency = self.agency or agency_in(text)
        return "date"

    def posted_line(self, text: str) -> str | None:
        """A credit line in the header that closes on its full date ("... posted in Local News on Friday,
        September 20, 2013."): the date is the publication date, the line (byline and category) page furniture."""
        words = clean.posted_on_date(text) if len(text.split()) <= POSTED_LINE_MAX_WORDS else None
        date = parse_date(words, language=self.language) if words else None
        if date is None:
            return None
        self.published = self.published or date
        return "date"

    def date_reason(self, text: str, in_header: bool) -> str | None:
        """A date line in the header (a blog's credit line too); below it, only one that says it is a date."""
        if in_header:
            return self.date_line(text) or self.posted_line(text)
        return self.labelled_date(text)

    def labelled_date(self, text: str) -> str | None:
        """Below the header only a date line that says so counts ("First published: ...", and "Monday, Sep 10,
        2012 | Updated 9:01 AM EDT" under a standfirst, the label opening its second part)."""
        labelled = any(clean.has_date_label(part) for part in _META_SEPARATOR.split(text))
        return self.date_line(text) if labelled else None

    def label(self, start: int) -> None:
        """Label each line from ``start``: residue, header metadata, caption, or body (no reason)."""
        in_header = True
        previous: _Line | None = None
        for index, line in enumerate(self.lines[start:], start):
            in_header = in_header and index - start < HEADER_LINES
            # Dates first: residue rules take an all-digit date ("05/02/2013") for a line of symbols.
            reason = (
                self.date_reason(line.text, in_header)
                or self.page_reason(line.text)
                or (self.byline_line(line.text) if in_header else None)
                or (clean.edge_reason(line.text) if in_header or index > self.last_body_index else None)
                or self.credit_reason(index, line.text)
                or self.trailing_url_reason(index, line.text)
                or (self.field_line(line.text) if in_header or index == self.last_body_index else None)
                or self.caption_reason(index, line, previous)
            )
            if reason:
                self.strip(line, reason)
            elif len(line.text.split()) >= FIRST_PARAGRAPH_WORDS:
                in_header = False  # the body has begun
            previous = None if reason else line

    def trailing_url_reason(self, index: int, text: str) -> str | None:
        """A bare URL after the last body line: copied pages end with their address, the article's URL
        (unless a labelled source line came first: that one decides, even when it was unusable)."""
        found = clean.bare_url(text) if index > self.last_body_index else None
        if found is None or any(s.reason == "source-url" for s in self.stripped):
            return None
        self.url = self.url or found
        return "source-url"

    def page_reason(self, text: str) -> str | None:
        """Residue of the page: widgets, navigation, the repeated title, the source URL."""
        reason = clean.residue_reason(text)
        if reason is None and any(clean.is_duplicate_title(text, t) for t in {self.full_title, self.title} if t):
            reason = "duplicate-title"
        return reason or self.source_url_reason(text)

    def source_url_reason(self, text: str) -> str | None:
        """"Original url:" and the URL on the same or the next line: recorded as the article URL."""
        labelled, on_line, given = clean.source_url(text)
        if labelled:
            self.expecting_url = not given
            self.url = self.url or on_line
            return "source-url"
        if self.expecting_url and (found := clean.bare_url(text)):
            self.expecting_url = False
            self.url = self.url or found
            return "source-url"
        return None

    def credit_reason(self, index: int, text: str) -> str | None:
        """Contributor lines anywhere, and a closing agency credit ("(AFP)" as the last body line)."""
        is_credit, who = clean.contributors(text)
        agency = agency_in(who) if is_credit else None
        if not is_credit and index == self.last_body_index:
            agency = agency_named(clean.agency_tag_name(text))
            is_credit = agency is not None
        if is_credit:
            self.agency = self.agency or agency
            return "byline"
        return None

    def caption_reason(self, index: int, line: _Line, previous: _Line | None) -> str | None:
        """A caption or credit; a bare credit also makes the short line above it a caption."""
        if not (clean.is_credit(line.text) or clean.is_captioned(line.text)):
            return None
        is_last = index == len(self.lines) - 1
        if clean.is_credit_only(line.text) and previous is not None and not is_last:
            if clean.could_be_caption(previous.text):
                self.strip(previous, "caption")
        return "caption"

    def drop_title_suffix(self, outlet: str | None = None) -> None:
        """" | Section" or " - Site Name" off the title, once the URL (hence the site) or the outlet is known."""
        names = site_names(self.url) | ({clean.compact(outlet)} if outlet else set())
        self.title, suffix = clean.split_title_suffix(self.full_title, frozenset(names))
        if suffix:
            self.stripped.insert(0, Stripped(suffix, "title-suffix"))

    def label_menus(self) -> None:
        """A run of short non-sentence lines is a site menu dumped as text: "navigation"."""
        run: list[_Line] = []
        for line in [*self.lines, None]:
            if line is not None and line.reason is None and clean.is_menu_item(line.text):
                run.append(line)
                continue
            if line is not None and line.reason not in (None, "title"):
                continue  # residue between menu entries does not end the menu
            if len(run) >= clean.MENU_MIN_RUN:
                for item in run:
                    self.strip(item, "navigation")
            run = []

    def body(self) -> list[_Line]:
        """Kept lines with tag remnants, markdown images and link targets removed from inside them."""
        kept: list[_Line] = []
        for line in self.lines:
            if line.reason:
                continue
            text, images = clean.remove_markdown_images(line.text)
            self.stripped.extend(Stripped(image, "image") for image in images)
            text, tags = clean.remove_stray_tags(text)
            self.stripped.extend(Stripped(tag, "stray-tag") for tag in tags)
            text, link = clean.split_read_more(clean.unlink_markdown(text).strip())
            if link:
                self.stripped.append(Stripped(link, "navigation"))
            if text:
                kept.append(_Line(text, line.block))
        return kept


def parse_text(
    text: str,
    *,
    source: str,
    url: str | None = None,
    title: str | Sequence[str] | None = None,
    outlet: str | None = None,
) -> Article:
    """Plain text -> an unfinalised :class:`Article` (id ``""``); see :func:`read_text`.

    With ``title`` given (a JSON record's, a feed item's; several: its title fields in order), the first line is
    body, not title, unless every title given is passed over (:meth:`_TextParser.state_title`);
    ``""`` says the record has no title, so its lede stays body. ``outlet`` (a record's or feed's) is one
    more site name the title may end with ("Ferry hits tug - Ruritania Herald").
    """
    lines = _lines(text)
    if not lines:
        raise IngestError("empty text")
    parser = _TextParser(lines, url)
    if title is not None:
        parser.state_title([title] if isinstance(title, str) else title, outlet)
    else:
        parser.label(parser.take_title())
    parser.drop_title_suffix(outlet or parser.outlet)
    parser.label_menus()
    return Article(
        id="",
        title=parser.title,
        paragraphs=_paragraphs(parser.body()),
        source=source,
        url=parser.url,
        byline=parser.byline,
        outlet=parser.outlet,
        agency=agency_in(parser.byline) or parser.agency,
        published=parser.published,
        language=parser.language,
        captions=parser.captions,
        stripped=parser.stripped,
    )


def read_text(text: str, *, source: str, url: str | None = None) -> Article:
    """Plain text -> one clean, finalised article; raises :class:`IngestError` when there is none."""
    return finalize(parse_text(text, source=source, url=url))
