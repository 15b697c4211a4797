"""Plain-text reader: a title line, optional byline and date lines, body, trailing source URL.

This is the shape of text saved from a browser or a scraper (see examples/seeds):
the page's residue (share bars, navigation, stray tags, captions) is recognised
by the rules in :mod:`storyline.ingest.clean` and recorded, not silently lost.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from storyline.ingest import clean
from storyline.ingest.errors import IngestError
from storyline.ingest.finalize import finalize
from storyline.ingest.language import detect_language
from storyline.ingest.metadata import agency_in, parse_date
from storyline.model import Article, Stripped

#: Longest first line still taken as a title (characters); a longer one is body.
TITLE_MAX_CHARS = 300
#: Byline and date lines are looked for above the first real paragraph (this many words),
#: and never further than HEADER_LINES lines below the title.
FIRST_PARAGRAPH_WORDS = 15
HEADER_LINES = 40
#: Longest date line, in words ("Published on Sunday, December 18, 2022 11:03 am").
DATE_LINE_MAX_WORDS = 10
#: Hard-wrapped text: lines no longer than this, most of them at least WRAP_MIN_CHARS.
WRAP_MAX_CHARS = 100
WRAP_MIN_CHARS = 40

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


@dataclass
class _Line:
    """One non-blank input line, the blank-line-separated block it is in, and its verdict."""

    text: str
    block: int
    reason: str | None = None


def _lines(text: str) -> list[_Line]:
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if "&" in text:
        text = html.unescape(text)
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


class _TextParser:
    """Walks the lines once, labelling each as body or as residue with its reason."""

    def __init__(self, lines: list[_Line], url: str | None) -> None:
        self.lines = lines
        self.url = url
        # Known early so date lines are parsed in the text's own language.
        self.language = detect_language("\n".join(line.text for line in lines))
        self.title = ""
        self.full_title = ""
        self.byline: str | None = None
        self.published = None
        self.stripped: list[Stripped] = []
        self.captions: list[str] = []

    def strip(self, line: _Line, reason: str) -> None:
        line.reason = reason
        self.stripped.append(Stripped(line.text, reason))
        if reason == "caption":
            self.captions.append(clean.unlink_markdown(line.text))

    def take_title(self) -> int:
        """Title from the first line that is not residue; returns the index of the next line."""
        for index, line in enumerate(self.lines):
            reason = clean.residue_reason(line.text)
            if reason:
                self.strip(line, reason)
                continue
            candidate = _HEADING_MARK.sub("", clean.unlink_markdown(line.text)).strip()
            if len(candidate) > TITLE_MAX_CHARS or index == len(self.lines) - 1:
                return index
            line.reason = "title"
            self.full_title = candidate
            self.title, suffix = clean.split_title_suffix(candidate)
            if suffix:
                self.stripped.append(Stripped(suffix, "title-suffix"))
            return index + 1
        return len(self.lines)

    def header(self, text: str) -> str | None:
        """Byline or date line near the top: parsed into metadata, reason returned."""
        byline = clean.parse_byline(text)
        if byline and self.byline is None:
            self.byline = byline
            return "byline"
        if len(text.split()) <= DATE_LINE_MAX_WORDS and any(c.isdigit() for c in text):
            date = parse_date(clean.date_line_text(text), language=self.language)
            if date is not None:
                self.published = self.published or date
                return "date"
        return None

    def label(self, start: int) -> None:
        expecting_url = False
        in_header = True
        previous: _Line | None = None
        for index, line in enumerate(self.lines[start:], start):
            text = line.text
            labelled, on_line = clean.source_url(text)
            reason = clean.residue_reason(text)
            if reason is None and self.full_title and clean.is_duplicate_title(text, self.full_title):
                reason = "duplicate-title"
            if reason is None and labelled:
                reason, expecting_url = "source-url", on_line is None
                self.url = self.url or on_line
            elif reason is None and expecting_url and (found := clean.bare_url(text)):
                reason, expecting_url = "source-url", False
                self.url = self.url or found
            in_header = in_header and index - start < HEADER_LINES
            if reason is None and in_header:
                reason = self.header(text)
            if reason is None and (clean.is_credit(text) or clean.is_captioned(text)):
                reason = "caption"
                is_last = index == len(self.lines) - 1
                if clean.is_credit_only(text) and previous is not None and not is_last:
                    if clean.could_be_caption(previous.text):
                        self.strip(previous, "caption")
            if reason:
                self.strip(line, reason)
            elif len(text.split()) >= FIRST_PARAGRAPH_WORDS:
                in_header = False
            previous = None if reason else line

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
        """Kept lines with tag remnants and markdown link targets removed from inside them."""
        kept: list[_Line] = []
        for line in self.lines:
            if line.reason:
                continue
            text, tags = clean.remove_stray_tags(line.text)
            self.stripped.extend(Stripped(tag, "stray-tag") for tag in tags)
            text = clean.unlink_markdown(text).strip()
            if text:
                kept.append(_Line(text, line.block))
        return kept


def parse_text(
    text: str, *, source: str, url: str | None = None, title: str | None = None
) -> Article:
    """Plain text -> an unfinalised :class:`Article` (id ``""``); see :func:`read_text`.

    With ``title`` given (a JSON record's), the first line is body, not title.
    """
    lines = _lines(text)
    if not lines:
        raise IngestError("empty text")
    parser = _TextParser(lines, url)
    if title:
        parser.full_title = " ".join(title.split())
        parser.title = parser.full_title
        parser.label(0)
    else:
        parser.label(parser.take_title())
    parser.label_menus()
    return Article(
        id="",
        title=parser.title,
        paragraphs=_paragraphs(parser.body()),
        source=source,
        url=parser.url,
        byline=parser.byline,
        agency=agency_in(parser.byline),
        published=parser.published,
        language=parser.language,
        captions=parser.captions,
        stripped=parser.stripped,
    )


def read_text(text: str, *, source: str, url: str | None = None) -> Article:
    """Plain text -> one clean, finalised article; raises :class:`IngestError` when there is none."""
    return finalize(parse_text(text, source=source, url=url))
