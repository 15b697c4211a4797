"""Quotation marks: where quotes open and close in text, in every common style (typewriter '' too).

A quote opened at a paragraph start with no close runs on into the next paragraph that reopens it.
Also the two helpers that read a span against the marks (:func:`inside`, :func:`trimmed`). Apart from
:mod:`storyline.enrich.quotes` because it is plain character scanning, with no parse and no speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

#: Opening mark -> the marks that close it.
QUOTE_MARKS: dict[str, str] = {
    "“": "”", "‘": "’", "«": "»", "„": "“”", "‚": "‘’", "「": "」", "『": "』", "‹": "›", '"': '"',
}
_CLOSERS = frozenset("”’»“‘」』›\"")
#: Typographic double marks that open a quote (and may be closed by a straight mark in mixed copy).
_DOUBLE_OPENERS = frozenset("“„«")
_TWO_APOSTROPHES = "''"


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated paragraphs of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included; a quote opened at a paragraph start may run on.

    Two apostrophes ("''He said,''" - typewriter style, as in wire and archive copy) count as
    one double mark.
    """
    original, text = text, text.replace(_TWO_APOSTROPHES, "'\"")
    paragraphs = paragraph_bounds(text)
    spans: list[tuple[int, int]] = []
    p, i = 0, paragraphs[0][0] if paragraphs else 0
    while p < len(paragraphs):
        start, end = paragraphs[p]
        i = max(i, start)
        while i < end:
            if text[i] in QUOTE_MARKS and _opens(text, i, start, end):
                close = _find_close(text, i, end)
                if close is None and not text[start:i].strip().strip("'"):  # the first of two apostrophes (''A) is the mark's
                    close, p = _run_on(text, paragraphs, p, text[i])
                    start, end = paragraphs[p]
                if close is not None:
                    spans.append((i - original.startswith(_TWO_APOSTROPHES, i - 1), close + 1))
                    i = close
            i += 1
        p += 1
    return spans


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """Whether the mark at ``i`` (in the paragraph ``start``-``end``) opens a quote: a straight or single
    mark must follow no letter and come before one, except a spaced straight double mark that pairs up
    (:func:`_pairs_up`)."""
    mark = text[i]
    if mark in "\"‘‚'":
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum():
            return False
        return not after.isspace() or (mark == '"' and _pairs_up(text, i, start, end))
    return True


def _pairs_up(text: str, i: int, start: int, end: int) -> bool:
    """Whether a straight double mark followed by a space opens a quote, as in tokenised copy
    (``" We will stay , " she said``): the paragraph's straight marks pair up and this one is the first of a
    pair. A closing mark followed by a space ("yes" and "no") is the second of its pair."""
    marks = [j for j in range(start, end) if text[j] == '"']
    return len(marks) % 2 == 0 and marks.index(i) % 2 == 0


def _find_close(text: str, i: int, end: int) -> int | None:
    """Where the quote opened at ``i`` closes within ``end``. A typographic double mark with no closer of its
    own takes a straight one: scraped and machine-translated copy mixes them ("“La morosidad ...", dijo N")."""
    close = _closing_mark(text, i, end, QUOTE_MARKS[text[i]])
    if close is None and text[i] in _DOUBLE_OPENERS:
        close = _closing_mark(text, i, end, '"')
    return close


def _closing_mark(text: str, i: int, end: int, closers: str) -> int | None:
    for j in range(i + 1, end):
        if text[j] in closers:
            # A single closing mark followed by a letter is an apostrophe ("Iran’s").
            if text[j] in "’'" and j + 1 < len(text) and text[j + 1].isalpha():
                continue
            return j
    return None


def _run_on(text: str, paragraphs: list[tuple[int, int]], p: int, mark: str) -> tuple[int | None, int]:
    """Follow a paragraph-initial quote with no close: continued paragraphs reopen with the mark.

    Returns the closing position and the paragraph it is in; without a
    continuation the quote ends with its own paragraph, unless a later paragraph closes it
    (:func:`_closed_later`).
    """
    while p + 1 < len(paragraphs):
        start, end = paragraphs[p + 1]
        if not text[start:end].lstrip().startswith(mark):
            return _closed_later(text, paragraphs, p, mark) or (paragraphs[p][1] - 1, p)
        p += 1
        close = _find_close(text, start + text[start:end].index(mark), end)
        if close is not None:
            return close, p
    return paragraphs[p][1] - 1, p


def _closed_later(text: str, paragraphs: list[tuple[int, int]], p: int, mark: str) -> tuple[int, int] | None:
    """The close of a quote that runs on through paragraphs that do not reopen it: copy split at every
    sentence (a scrape, a tokenised corpus) leaves ``"A. | B," said N.``. The first mark after the
    quote's paragraph must close it and open nothing ("B," or "B, "); one that opens a quote, or no
    mark at all, leaves the quote to its own paragraph."""
    closers = QUOTE_MARKS[mark] + ('"' if mark in _DOUBLE_OPENERS else "")
    for q in range(p + 1, len(paragraphs)):
        start, end = paragraphs[q]
        j = next((k for k in range(start, end) if _is_mark(text, k)), None)
        if j is None:
            continue
        if text[j] in closers and not (text[j] in QUOTE_MARKS and _opens(text, j, start, end)):
            return j, q
        return None
    return None


def _is_mark(text: str, k: int) -> bool:
    """A quotation mark, not an apostrophe ("Port Elwyn’s")."""
    apostrophe = text[k] in "’'" and k + 1 < len(text) and text[k + 1].isalpha()
    return (text[k] in QUOTE_MARKS or text[k] in _CLOSERS) and not apostrophe


def inside(position: int, marks: list[tuple[int, int]]) -> bool:
    """Whether ``position`` is inside a quotation (``marks`` sorted and apart: only the last one opening before it can hold it)."""
    before = bisect_left(marks, (position,))
    return before > 0 and marks[before - 1][1] > position


#: Signs the parser calls punctuation that belong to the figure before them: "a rise of 8 %" ends with its unit.
_FIGURE_SIGNS = frozenset("%‰")


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range without edge punctuation (quotation marks and a closing figure's percent sign kept), as characters."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in QUOTE_MARKS)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in _CLOSERS | _FIGURE_SIGNS)):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
