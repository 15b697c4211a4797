"""What every part of quote extraction shares: the :class:`Attribution` record and ``doc_text``.

Kept apart from :mod:`storyline.enrich.quotes` so that the sibling modules (quotation marks, word-order
attributions, speakers) can build attributions without importing the entry module, which imports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

UNATTRIBUTED = "unattributed"


@dataclass
class Attribution:
    """A content span (characters) with its cue, the source as written, and the resolved speaker."""

    start: int
    end: int
    cue: str | None
    source: Span | None
    speaker: str = UNATTRIBUTED
    embedded: bool = False  # a quotation inside a sentence that is not itself reported speech
    kind: str = "indirect"
    cue_word: Token | None = None  # the cue's word in the parse, when it is one
    #: No parse and no name said who speaks ("Añadió que X", "X – powiedział.", "X, dijo el ministro"): the
    #: speaker of the reported speech just before goes on, as for English "he said".
    continues: bool = False


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds it from every token on each access, which
    made per-sentence and per-cue lookups quadratic (a 64,000-character article took minutes)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storyline.text"
