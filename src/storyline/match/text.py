"""Cheap text features for matching: content words, shingles, names, numbers.

Hand-written because they must run on raw text of any language in
microseconds per article; spaCy's stop-word lists (no model) supply the
language knowledge.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from storyline.enrich.cues import HONORIFICS, ROLE_SUFFIX, is_role_word
from storyline.enrich.entities_fallback import (
    CAPITALISED_NOUN_LANGUAGES,
    GERMAN_DETERMINERS,
    GERMAN_NOUN_SUFFIX,
    MARKED_NAME,
)
from storyline.enrich.gazetteer import is_place_name
from storyline.enrich.times_lexicon import is_clock_zone, lexicon_for
from storyline.enrich.vocabulary import is_also_lower_case
from storyline.ingest.language import HANGUL_LETTER, UNSPACED_LETTER

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
#: Runs read as character pairs: the unspaced scripts, and Hangul, whose words carry their particles
#: ("이란의", "이란은": Lucene's CJK bigrams take Hangul too).
PAIRED = re.compile(f"(?:{UNSPACED_LETTER}|{HANGUL_LETTER})+")
#: A character pair counts as this share of a word in article lengths (Chinese words average 1.5-2 characters).
PAIR_WORDS = 0.5
NUMBER = re.compile(r"^\d[\d.,]*$")
#: Characters within three before a word that make it a sentence opener (its capital says nothing).
SENTENCE_BREAKS = ".!?\n:\"“«"
#: A possessive ending: "Ruritania's" closes a run of names, and a displayed name drops it.
POSSESSIVE = re.compile(r"['’]s$")
#: Generational suffixes ("Jr", "Sr"): part of many names, telling none apart.
NAME_SUFFIXES = frozenset({"jr", "sr"})
#: Languages whose stop words are merged into the default list (text of unknown language).
COMMON_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pt", "pl", "tr", "ru")


@lru_cache(maxsize=64)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for ``language``; the union of common ones when unknown."""
    codes = (language,) if language else COMMON_LANGUAGES
    words: set[str] = set()
    for code in codes:
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            return stop_words(None) if language else frozenset()
        words |= {w.lower() for w in module.STOP_WORDS}
    return frozenset(words)


@lru_cache(maxsize=64)
def _calendar_words(language: str | None) -> frozenset[str]:
    """Month and weekday names of the language (dateparser's, via the time lexicon); of the common ones unknown."""
    lexicons = [lexicon_for(code) for code in ((language,) if language else COMMON_LANGUAGES)]
    return frozenset(w for lexicon in lexicons if lexicon for w in (*lexicon.month_words, *lexicon.weekday_words))


@lru_cache(maxsize=64)
def not_names(language: str | None) -> frozenset[str]:
    """Capitalised words that name no one: stop words, forms of address and generational suffixes ("Mr",
    "Dr", "Jr": every story has them), and month and weekday names, which a date facet already compares
    ("names October, Sydney" said nothing)."""
    return stop_words(language) | HONORIFICS | NAME_SUFFIXES | _calendar_words(language)


@lru_cache(maxsize=64)
def calendar_abbreviations(language: str | None) -> frozenset[str]:
    """Short forms of month and weekday names ("Feb", "Sept", "Thu"): three and four first letters."""
    return frozenset(w[:n] for w in _calendar_words(language) for n in (3, 4) if len(w) > n)


#: What follows a month's short form in a date: "Feb 12", "Feb. 12", "Sept.12".
_DAY_AFTER = re.compile(r"\.?\s?\d{1,2}\b")


def words(text: str) -> list[str]:
    """Word tokens in their original case; runs of an unspaced script or Hangul as character pairs."""
    tokens = WORD.findall(text)
    if not PAIRED.search(text):
        return tokens
    return [piece for token in tokens for piece in split_unspaced(token)]


def split_unspaced(token: str) -> list[str]:
    """Runs of an unspaced script or Hangul as overlapping character pairs, the rest as it is.

    Search engines index CJK text so (Lucene's CJK bigrams): no segmenter or dictionary is needed, and a
    rewrite that keeps the words keeps most pairs. "12月18日" -> "12", "月", "18", "日"; "外交部" -> "外交", "交部".
    """
    pieces: list[str] = []
    position = 0
    for run in PAIRED.finditer(token):
        if run.start() > position:
            pieces.append(token[position : run.start()])
        text = run.group()
        pieces.extend([text] if len(text) == 1 else [text[i : i + 2] for i in range(len(text) - 1)])
        position = run.end()
    if position < len(token):
        pieces.append(token[position:])
    return [p for p in (piece.strip("-'’") for piece in pieces) if p]


def word_count(terms: Counter[str]) -> float:
    """Length in words of a text's content ``terms``: a character pair (CJK, Hangul) is half a word."""
    return sum(count * (PAIR_WORDS if PAIRED.match(term) else 1.0) for term, count in terms.items())


def content_terms(text: str, language: str | None) -> Counter[str]:
    """Lower-cased words that are not stop words, with counts."""
    stops = stop_words(language)
    return Counter(w for w in (t.lower() for t in words(text)) if len(w) > 1 and w not in stops)


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(tf): long articles do not drown short ones."""
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def shingles(text: str, size: int) -> list[str]:
    """Overlapping lower-cased word n-grams, for near-duplicate detection."""
    tokens = [t.lower() for t in words(text)]
    if len(tokens) <= size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def proper_nouns(text: str, language: str | None) -> dict[str, str]:
    """Matching names of ``text`` (lower-cased) with their display names: :func:`names_in`'s first half."""
    return names_in(text, language)[0]


def names_in(text: str, language: str | None) -> tuple[dict[str, str], Counter[str]]:
    """Fallback entities when enrichment did not run: capitalised non-initial words (lower-cased),
    each with the name it is part of, for display; and how often each is written capitalised (join
    reasons show the names both texts keep returning to, not the ones each mentions once).

    Words opening a sentence are skipped (their capital says nothing), so "The" or "However" do not
    count as names. The display name of a word is the run of capitalised words it most often stands
    in ("ministry" -> "Foreign Ministry"; ties to the longer), a sentence opener left out of the run
    unless it is a name elsewhere ("Later Petrenko left" -> "Petrenko"), a possessive ending the run.
    In German, which capitalises every noun, common nouns are left out (:func:`is_common_noun`).
    """
    stops = not_names(language)
    abbreviations = calendar_abbreviations(language)
    german = (language or "").split("-")[0] in CAPITALISED_NOUN_LANGUAGES
    names: set[str] = set()
    mentions: Counter[str] = Counter()
    spelled: dict[str, str] = {}  # lower-cased -> as first written: German nouns are told by their spelling
    determined: set[str] = set()  # German words written after an article or a count: common nouns
    before = ("", "")  # the two words before this one
    runs: Counter[tuple[bool, tuple[str, ...]]] = Counter()  # (opens a sentence, words) -> times seen
    run: list[str] = []
    opens_sentence = False
    end = -1
    for match in WORD.finditer(text):
        token = match.group()
        start = match.start()
        capitalised = len(token) >= 2 and token[:1].isupper() and token.lower() not in stops
        if capitalised and token.isupper() and is_clock_zone(text, start, match.end()):
            capitalised = False  # "16:00 UTC"
        elif capitalised and token.lower() in abbreviations and _DAY_AFTER.match(text, match.end()):
            capitalised = False  # "Feb 12": a date, which the date facet compares (not "Jan Nowak", "Sun 5" rarely)
        if german:
            if capitalised and follows_article(*before):
                determined.add(token.lower())
            before = (before[1], token)
        if run and (not capitalised or start != end + 1 or text[end] != " "):
            runs[(opens_sentence, tuple(run))] += 1
            run = []
        end = match.end()
        if not capitalised:
            continue  # tested first: most words are not capitalised, and the gap test is the slow part
        initial = start == 0 or any(c in text[max(0, start - 3) : start] for c in SENTENCE_BREAKS)
        if not initial:
            names.add(token.lower())
            spelled.setdefault(token.lower(), token)
        mentions[token.lower()] += 1
        if not run:
            opens_sentence = initial
        run.append(token)
        if POSSESSIVE.search(token):  # "Ruritania's Foreign Office": the possessor is a name of its own
            runs[(opens_sentence, tuple(run))] += 1
            run = []
    if run:
        runs[(opens_sentence, tuple(run))] += 1
    if german:
        names = {n for n in names if not is_common_noun(spelled[n], n in determined)}
    best: dict[str, tuple[int, int, str]] = {}
    for (opener, run_words), count in runs.items():
        if opener and run_words[0].lower() not in names:
            run_words = run_words[1:]
        phrase = " ".join(run_words)
        for word in phrase.lower().split():  # keys keep the possessive; the display drops it ("Executive's")
            if word in names and (count, len(phrase)) > best.get(word, (0, 0, ""))[:2]:
                best[word] = (count, len(phrase), phrase)
    display = {name: POSSESSIVE.sub("", best[name][2]) for name in sorted(names)}
    return display, Counter({name: mentions[name] for name in display})


def person_names(display_names: Iterable[str]) -> set[str]:
    """The people among an article's displayed names (:func:`names_in`), lower-cased: runs of two or three words
    once a leading title is dropped ("Judge Lena Marsh" -> "lena marsh"), whose first and last words are plain
    capitalised words no vocabulary holds in lower case and no place ("Harbour Police", "New Elwyn", "Port
    Authority" are none). A cheap stand-in for enrichment's PERSON entities, which clustering does not wait for:
    the victims, suspects and officials a later report of an event names again."""
    people: set[str] = set()
    for name in display_names:
        parts = name.split()
        while parts and is_role_word(parts[0]):
            parts = parts[1:]
        name = " ".join(parts)
        if 2 <= len(parts) <= 3 and _given_or_surname(parts[0]) and _given_or_surname(parts[-1]) and not is_place_name(name):
            people.add(name.lower())
    return people


def _given_or_surname(word: str) -> bool:
    """Capitalised letters only, no common word, no place: how a first name or a surname is written."""
    plain = word.isalpha() and word[:1].isupper() and word[1:].islower()
    return plain and not is_also_lower_case(word) and not is_place_name(word)


def follows_article(second_before: str, before: str) -> bool:
    """A German word after an article or determiner ("die Polizei"), a count ("30 Prozent"), or a determiner
    and an inflected adjective ("die neue Regierung"): the place of a common noun, as enrichment reads it."""
    last = before.lower()
    if last in GERMAN_DETERMINERS or (NUMBER.match(before) and len(re.sub(r"[.,]", "", before)) <= 3):
        return True
    inflected = before.islower() and last.endswith(("e", "en", "er", "es", "em"))
    return inflected and second_before.lower() in GERMAN_DETERMINERS


def is_common_noun(word: str, after_article: bool) -> bool:
    """A capitalised German word that is no name: seen after an article ("der Mann", "die Polizei") or ending
    like a noun ("-ung", "-heit") or a role ("-sprecher"); enrichment's test for its fallback names. Acronyms,
    words with a digit and known places ("die Ukraine") stay names."""
    noun = after_article or GERMAN_NOUN_SUFFIX.search(word.lower()) is not None or ROLE_SUFFIX.search(word) is not None
    return noun and not MARKED_NAME.search(word) and not is_place_name(word)


#: A figure with a decimal point or comma ("4.6", "2,5"); a comma before three digits is a thousands group.
DECIMAL_FIGURE = re.compile(r"(?<![\w.,])\d+[.,](?!\d{3}(?!\d))\d+(?![\w]|[.,]\d)")
#: The word just after a figure ("4.6 magnitude", "4.6-magnitude") and the word just before it ("magnitude 4.6").
WORD_AFTER = re.compile(r"[- ]?([^\W\d_]+)")
WORD_BEFORE = re.compile(r"([^\W\d_]+)[- ]?$")


def measures(text: str, language: str | None) -> set[str]:
    """Figures with a decimal point, each as "word value" for the content word on either side of it
    ("magnitude 4.6", "quake 4.6", "ghz 2.93"): what a magnitude, a rate or a price measures. Counts are
    left out: one event's reports update them ("10 dead", later "12 dead"), a measure they repeat."""
    stops = stop_words(language)
    found: set[str] = set()
    for match in DECIMAL_FIGURE.finditer(text):
        value = match.group().replace(",", ".")
        beside = (WORD_AFTER.match(text, match.end()), WORD_BEFORE.search(text[max(0, match.start() - 40) : match.start()]))
        found.update(f"{word.group(1).lower()} {value}" for word in beside if word and word.group(1).lower() not in stops)
    return found


def numbers(text: str) -> set[str]:
    """Numbers as written (digits only, separators removed): counts, years, scores."""
    return {re.sub(r"[.,]", "", t) for t in words(text) if NUMBER.match(t)}
