"""Quantities: the numbers of a claim, each with what it counts.

Two reports agree on a figure only when they give it for the same thing: "killed 10 people and
injured 80" and "killed 3 people and injured 80" share the 80 and disagree on the dead. So each
number is read with

- its hedge, which makes a range of it ("at least 3", "about 58km", "dozens of"),
- a measure word or currency ("58km", "magnitude 6.1", "$5 million", "31-year-old": an age),
- else what it counts, from the enrich stage's spaCy parse where the language has one (the head
  noun it modifies and the verb or adjective that says what happened to it: "killed 10", "10 dead",
  "death toll rose to 10" all count the dead) and from the neighbouring words where not.

Numbers that are not quantities are dropped: clock times ("09:10 hours (0440 GMT)"), years, codes
and model numbers ("AK-47"), labels ("Flight 370"), street numbers and names ("1800 Pitkin Ave.",
"the 8 Block gang").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.compare.lexicon import (
    CURRENCIES,
    EVENT_STEMS,
    HEDGES,
    MAGNITUDES,
    MEASURES,
    MEASURES_BEFORE,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    RELATIVE_DAY_WORDS,
    STREET_WORDS,
    VAGUE_AMOUNTS,
    event_of,
    stop_words,
)
from storyline.compare.parsing import parse, token_at
from storyline.enrich.times_lexicon import ENGLISH_NUMBERS, MONTH_KEYS, WEEKDAY_KEYS, lexicon_for
from storyline.model import Quantity

NUMBER_RE = re.compile(r"(?:(?<![\w.,])|(?<=\$US))(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])(?:\s*([^\W\d_]+))?", re.UNICODE)
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
#: "am", "p.m." and, in tokenised text, "p. m.": the half of the day after a clock time.
MERIDIEM = r"[ap](?:\.\s?)?m\b\.?"
#: Clock times: "6:30", "18h30", "6.30pm", "6 p.m.", and the military "0440 GMT" / "09:10 hours".
CLOCK_RE = re.compile(
    r"\b\d{1,2}\s?[:h]\s?\d{2}\b(?:\s?(?:" + MERIDIEM + r"|hours|hrs|GMT|UTC))?"
    r"|\b\d{1,2}(?:\.\d{2})?\s?" + MERIDIEM + r"|\b[0-2]\d[0-5]\d\s?(?:GMT|UTC|Z|hrs|hours|local)\b",
    re.IGNORECASE,
)
#: Codes and model numbers: letters joined to the digits ("AK-47", "F-16", "COVID-19"), "No. 5", "#5".
#: A measure word before its figure is no code: "magnitude-6.1" is a figure, "AK-47" a name.
_CODE_RE = re.compile(
    r"(?<![\w-])(?!(?i:" + "|".join(MEASURES_BEFORE) + r")-)[^\W\d_]+-\d[\w.-]*|\d+-[A-Z]\b|(?:\bNo\.|#)\s?\d+", re.UNICODE
)
#: Street numbers: "1800 Pitkin Ave.", "10 Downing Street".
_ADDRESS_RE = re.compile(
    r"\b\d+[A-Za-z]?\s+(?:[A-Z][\w'-]*\s+){1,3}(?i:" + "|".join(sorted(STREET_WORDS, key=len, reverse=True)) + r")\b\.?",
)
#: Dimensions: "2880 x 1800 pixels", "2,880 by 1,800 pixels", "20 feet by 30 feet"; "by" takes a unit word after
#: a figure (not "5 people by 2010", "10 people by 10 p.m.").
_DIMENSION_RE = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s*(?P<unit>[^\W\d_]{3,}))?\s*(?:[x\u00d7]|\b(?P<by>by)\b)\s*"
    r"(?P<second>\d+(?:[.,]\d+)*)(?:\s*(?P<second_unit>[^\W\d_]+))?",
    re.UNICODE,
)
#: Units of a screen's or a print's sides, beside the length measures: "2880 pixels by 1800".
_SIDE_UNITS = frozenset({"pixels", "px", "dots"})
_HEDGE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\s*$", re.IGNORECASE)
_OR_MORE_RE = re.compile(r"^\s*(?:\+|-plus\b|or more\b|and more\b|and over\b)", re.IGNORECASE)
_AGE_AFTER_RE = re.compile(r"^\s*(?:-\s*)?years?[\s-]+old\b|^\s*años de edad\b|^\s*ans\b(?=\s*[,)])", re.IGNORECASE)
_AGE_BEFORE_RE = re.compile(r"(?:\baged?|\bage of|\bedad de|\bâgée? de)\s+$", re.IGNORECASE)
#: A currency before its figure; "$US1 million" (Australian style) is "US$1 million".
_CURRENCY_BEFORE_RE = re.compile(r"(US\$|\$(?=US$)|\$|€|£|¥)(?:US)?\s?$", re.IGNORECASE)
_CURRENCY_AFTER_RE = re.compile(r"^\s*(?:(\w+)\s+)?(" + "|".join(re.escape(c) for c in CURRENCIES if c.isalpha()) + r")\b", re.IGNORECASE)
_MEASURE_AFTER_RE = re.compile(
    r"^(?:\s*|-)(?:metric\s+)?(" + "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE
)
_MEASURE_BEFORE_RE = re.compile(r"(?:" + "|".join(MEASURES_BEFORE) + r")(?:\s+of)?(?:\s+|-)$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
#: Where the words that say what a number counts stop: a clause boundary.
_BOUNDARY_RE = re.compile(r"[,;:()\u2013\u2014]|\b(?:and|or|but|while|which|who|y|et|und)\b", re.IGNORECASE)
#: Measure kinds, whose figures are rounded to their last digit ("35 miles" is 34.5 to 35.5 miles).
MEASURE_KINDS = frozenset(kind for kind, _ in MEASURES.values())


@dataclass
class _Number:
    """A number read from the text: where, its value, and the range its hedge or vague word allows."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    fraction: bool = False


# ---------------------------------------------------------------- what is not a quantity


def not_quantities(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` holding numbers that count nothing: clock times, codes, street addresses, and
    dimensions (one measure given as two figures, "2880 x 1800 pixels", which another report gives as one or
    the other)."""
    spans = [m.span() for m in CLOCK_RE.finditer(text)]
    spans += [m.span() for m in _CODE_RE.finditer(text)]
    spans += [m.span() for m in _ADDRESS_RE.finditer(text)]
    spans += [m.span() for m in _DIMENSION_RE.finditer(text) if _is_dimension(m)]
    return spans


def _is_dimension(match: re.Match[str]) -> bool:
    """Whether two figures joined by "x" or "by" are one measure's sides: "by" wants a unit word after a
    figure, the same word if after both ("20 feet by 30 feet", not "10 people by 10 p.m."), and no year
    second ("5 people by 2010")."""
    if match["by"] is None:
        return True
    if YEAR_RE.match(match["second"]) and not _side_like_year(match):
        return False
    units = [u.lower() for u in (match["unit"], match["second_unit"]) if u]
    return bool(units) and len(set(units)) == 1 and len(units[-1]) >= 3


def _side_like_year(match: re.Match[str]) -> bool:
    """Whether a year-like second figure is a side all the same: after a plain figure of as many digits and
    a length unit ("2880 pixels by 1800"; not "5 people by 2010", "3000 troops by 2012", "1500 metres by
    2012 in ...", whose word after is no unit of the first)."""
    if match["unit"] is None:
        return False
    unit = match["unit"].lower()
    first = match.string[match.start() : match.start("unit")].strip()
    lengths = unit in _SIDE_UNITS or MEASURES.get(unit, ("",))[0] == "distance"
    return lengths and first.isdigit() and len(first) == len(match["second"])


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked out, offsets kept."""
    chars = list(text)
    for s, e in spans:
        for i in range(max(s, 0), min(e, len(chars))):
            chars[i] = " "
    return "".join(chars)


@lru_cache(maxsize=32)
def _calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names: "Sunday 10 people died" does not make "Sunday 10" a label."""
    words = set(MONTH_KEYS) | set(WEEKDAY_KEYS)
    lexicon = lexicon_for(language) if language != "en" else None
    if lexicon is not None:
        words |= set(lexicon.months) | set(lexicon.weekdays)
    return frozenset(words)


def is_calendar_word(word: str, language: str) -> bool:
    """A month or weekday name, or a word of a relative day ("yesterday", "tonight"), lower-cased."""
    return word in _calendar_words(language) or word in RELATIVE_DAY_WORDS


def _labelled(text: str, start: int, language: str, stop: frozenset[str]) -> bool:
    """A number right after a capitalised word names something ("Flight 370", "Route 66", "Block 8")."""
    before = re.search(r"([^\W\d_][\w'-]*)[ \u00a0]$", text[:start])
    if before is None or not before.group(1)[0].isupper():
        return False
    word = before.group(1).lower()
    return word not in stop and word not in _calendar_words(language) and word not in HEDGES and word not in MEASURES_BEFORE


# ---------------------------------------------------------------- reading numbers


@lru_cache(maxsize=16)
def _number_words(language: str) -> dict[str, float]:
    """Number words of the language, 2 and up where "one" is also an article ("un", "ein")."""
    if language == "en":
        return {w: float(v) for w, v in ENGLISH_NUMBERS.items() if v and w not in ("a", "an")}
    lexicon = lexicon_for(language)
    return {w: float(v) for w, v in (lexicon.numbers if lexicon else {}).items() if v >= 2}


@lru_cache(maxsize=16)
def _number_words_re(language: str) -> re.Pattern[str] | None:
    words = _number_words(language)
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?:[\s-]+(?:{alternation}|dozen|hundred|thousand))*(?![\w-])", re.IGNORECASE)


def _word_value(words: str, language: str) -> float | None:
    """ "twenty-five" -> 25, "two hundred" -> 200, "a dozen" -> 12, "four dozen" -> 48."""
    table = _number_words(language)
    words = words.lower().strip()
    if words in table:
        return table[words]
    total, current = 0.0, 0.0
    for part in re.split(r"[\s-]+", words):
        if part in ("dozen", "hundred"):
            current = (current or 1) * (12 if part == "dozen" else 100)
        elif part == "thousand":
            total, current = total + (current or 1) * 1000, 0.0
        elif part in table:
            current += table[part]
        else:
            return None
    return total + current or None


def number_value(word: str, language: str | None) -> float | None:
    """The value of one number as a parse gives it ("11", "1,400", "one"); None for another word."""
    digits = word.replace(",", "")
    if digits.isdigit():
        return float(digits)
    return _word_value(word, (language or "xx").split("-")[0].lower())


#: A whole number and a fraction: "4 1/2 hours" is four and a half.
_MIXED_FRACTION_RE = re.compile(r"(?<![\w.,/])(\d{1,3}) (\d)/(\d{1,2})(?![\w/])")


def _mixed_fractions(text: str) -> list[_Number]:
    found = []
    for match in _MIXED_FRACTION_RE.finditer(text):
        whole, numerator, denominator = (int(g) for g in match.groups())
        if 0 < numerator < denominator:
            value = whole + numerator / denominator
            found.append(_Number(match.start(), match.end(), value, value, value, fraction=True))
    return found


def _digit_numbers(text: str) -> list[_Number]:
    """Numbers written in digits, with a magnitude word after them ("$40 billion", "40.000 millones"), and mixed
    fractions ("4 1/2")."""
    found = _mixed_fractions(text)
    for match in NUMBER_RE.finditer(text):
        if any(n.start <= match.start(1) < n.end for n in found):
            continue
        whole, fraction, word = match.group(1), match.group(2), (match.group(3) or "").lower()
        glued = word and not match.group(0)[match.start(3) - match.start() - 1].isspace()
        if glued and word not in MAGNITUDES and word.lower() not in MEASURES:
            continue  # "76ers", "3D", "G7s": part of a name, not a quantity
        digits = re.sub(r"[.,\u00a0 ]", "", whole)
        if YEAR_RE.match(whole) and not fraction:
            continue  # a year, compared as a date; "1,400" is not one
        value = float(f"{digits}.{fraction}") if fraction else float(digits)
        end = match.end(3) if word in MAGNITUDES else match.end(2) if fraction else match.end(1)
        value *= MAGNITUDES.get(word, 1.0)
        found.append(_Number(match.start(), end, value, value, value, fraction=bool(fraction)))
    return found


def _word_numbers(text: str, language: str) -> list[_Number]:
    """Numbers written in words ("three people", "a dozen boats") and vague amounts ("dozens of")."""
    found = []
    pattern = _number_words_re(language)
    for match in pattern.finditer(text) if pattern else ():
        value = _word_value(match.group(0), language)
        if value:
            after = re.match(r"\s+(" + "|".join(MAGNITUDES) + r")\b", text[match.end() :], re.IGNORECASE)
            end = match.end() + (after.end() if after else 0)
            value *= MAGNITUDES[after.group(1).lower()] if after else 1.0
            found.append(_Number(match.start(), end, value, value, value))
    vague = _vague_re(language)
    for match in vague.finditer(text) if vague else ():
        low, high = VAGUE_AMOUNTS[language][match.group(1).lower()]
        found.append(_Number(match.start(), match.end(), low, low, high))
    return found


@lru_cache(maxsize=16)
def _vague_re(language: str) -> re.Pattern[str] | None:
    words = sorted(VAGUE_AMOUNTS.get(language, {}), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(v) for v in words) + r")(?!\w)", re.IGNORECASE)


def _hedged(number: _Number, text: str) -> _Number:
    """The number with the range its hedge allows: "at least 3" is [3, None], "about 58" is [52.2, 63.8]; a
    currency may stand between them ("nearly $14 billion")."""
    hedge = _HEDGE_RE.search(_CURRENCY_BEFORE_RE.sub("", text[: number.start]))  # "over $363 million"
    if hedge is not None:
        low, high = HEDGES[hedge.group(1).lower()]
        number.start = hedge.start(1)
        number.low = 0.0 if low is None else number.value * low  # "up to 5": from nothing
        number.high = None if high is None else number.value * high
    elif _OR_MORE_RE.match(text[number.end :]):
        number.high = None
    return number


# ---------------------------------------------------------------- what a number counts


def _measure(text: str, number: _Number) -> tuple[str, float, int] | None:
    """(kind, factor to the base unit, end) of a measure or currency around the number, else None."""
    after, before = text[number.end :], text[: number.start]
    hedge = re.match(r"\D*", text[number.start : number.end]).group(0)  # "over $": a currency after a hedge
    currency = _CURRENCY_BEFORE_RE.search(before) or _CURRENCY_BEFORE_RE.search(hedge)
    if currency:
        return f"money ({CURRENCIES[currency.group(1).lower()]})", 1.0, number.end
    named = _CURRENCY_AFTER_RE.match(after)
    if named and (named.group(1) is None or named.group(1).lower() in MAGNITUDES):
        scale = MAGNITUDES.get((named.group(1) or "").lower(), 1.0)
        return f"money ({CURRENCIES[named.group(2).lower()]})", scale, number.end + named.end()
    unit = _MEASURE_AFTER_RE.match(after)
    if unit and not _AGE_AFTER_RE.match(after):
        kind, factor = MEASURES[unit.group(1).lower()]
        return kind, factor, number.end + unit.end()
    if _MEASURE_BEFORE_RE.search(before):
        return "magnitude", 1.0, number.end
    return None


def _percent_of(doc: Any, number: _Number) -> str | None:
    """What a percentage is of, by the parse: "a 15 percent increase" (increase), "13 percent of imports"
    (import), "unemployment fell to 5%" (unemployment). Two shares of different things do not conflict."""
    token = token_at(doc, number.start, number.end)
    unit = token.head if token is not None and token.dep_ == "nummod" else token
    if unit is None:
        return None
    if unit.dep_ in ("compound", "amod", "nmod") and unit.head.pos_ == "NOUN":
        return unit.head.lemma_.lower()
    of = [g for c in unit.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:
        return of[0].lemma_.lower()
    verb = unit.head.head if unit.head.dep_ == "prep" else unit.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].lemma_.lower() if subjects else None


#: A duration's unit by its factor to seconds. The unit says what was timed: "four days" of deliberations are
#: days on the calendar, "30 hours" of deliberation the hours spent; "30 minutes" and "three hours" time two
#: sittings. Durations are compared in one unit only.
_DURATION_UNITS = {factor: unit for unit, factor in (
    ("seconds", 1.0), ("minutes", 60.0), ("hours", 3600.0), ("days", 86400.0), ("weeks", 604800.0), ("months", 2.63e6),
    ("years", 3.156e7),
)}  # fmt: skip
#: What a distance is measured from, after it (or after the figure it converts): "58km (36 miles) north of Port
#: Elwyn", "six miles beneath the surface".
_DISTANCE_FROM_RE = re.compile(
    r"^\s*\)?\s*(?:\([^)]*\)\s*)?(?:[^\W\d_]+[\s-]+){0,2}?(?:of|from|off|beneath|below|under|above)\s+(?:(?:the|a|an)\s+)?([^\W\d_][\w'-]*)",
    re.IGNORECASE,
)
#: What a distance measures, before it: "at a depth of 10 km".
_DISTANCE_OF_RE = re.compile(r"\b([^\W\d_]{3,})\s+of\s+$", re.IGNORECASE)


def _distance_scope(text: str, start: int, end: int) -> str:
    """What a distance is of: the first word of the place it is measured from ("port" of "off Port Elwyn") or
    the dimension it gives ("depth"); "" when the sentence does not say. "135 km from the capital", "at a
    depth of 35 km" and "20 km off the coast" are figures of three things, not one distance told three ways."""
    after = _DISTANCE_FROM_RE.match(text[end:])
    if after:
        return re.sub(r"['’]s$", "", after.group(1).lower())
    before = _DISTANCE_OF_RE.search(text[:start])
    return before.group(1).lower() if before else ""


def _rounding(text: str, number: _Number) -> float:
    """Half the place of the number's last digit ("35" -> 0.5, "6.1" -> 0.05): a measure's precision."""
    digits = re.search(r"\d+(?:[.,]\d+)?", text[number.start : number.end])
    if digits is None or not number.fraction:
        return 0.5
    return 0.5 * 10 ** -len(re.split(r"[.,]", digits.group(0))[-1])


def _age(text: str, number: _Number) -> int | None:
    """Where an age ends when the number is one ("31-year-old", "18 years old", "aged 31"), else None."""
    after = _AGE_AFTER_RE.match(text[number.end :])
    if after:
        return number.end + after.end()
    if _AGE_BEFORE_RE.search(text[: number.start]):
        return number.end
    return None


def _apposed_actor(text: str, number: _Number, actors: list[tuple[int, int, str]]) -> str | None:
    """The person a bare number stands beside as an age: "Olga Petrenko, 31," / "Petrenko (31)"."""
    if not re.match(r"^\s*[,)]", text[number.end :]) and number.end != len(text.rstrip(". ")):
        return None
    for s, e, name in actors:
        if re.fullmatch(r"\s*[,(]\s*", text[e : number.start]):
            return name
    return None


def _actor_at(actors: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    return next((name for s, e, name in actors if s <= start and end <= e), None)


def _age_holder(doc: Any, number: _Number, actors: list[tuple[int, int, str]]) -> str:
    """Whose age it is: the person the phrase modifies (by the parse) or the next name or word after it."""
    token = token_at(doc, number.start, number.end) if doc is not None else None
    holder = _parsed_age_holder(token) if token is not None else None
    if holder is not None:
        return _actor_at(actors, holder.idx, holder.idx + len(holder)) or holder.lemma_.lower()
    return next((name for s, _, name in actors if s >= number.end), "")


def _parsed_age_holder(token: Any) -> Any | None:
    """Climb from the age's number to the noun it describes: "31-year-old man", "Petrenko, aged 31",
    "the suspect was 18 years old" (the copula's subject)."""
    for _ in range(5):
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in ("year", "age", "año", "an"):
            return token
        if token.dep_ == "ROOT" or token.head.i == token.i:
            break
        if token.dep_ in ("acomp", "attr") or token.head.pos_ == "AUX" or token.head.lemma_ == "be":
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return subjects[0] if subjects else None
        token = token.head
    return None


def _copula_age(token: Any, actors: list[tuple[int, int, str]]) -> str | None:
    """ "her daughter is 11": a bare number said of a person (a person noun or name) is that person's age."""
    if token.dep_ not in ("attr", "acomp") or token.head.lemma_ != "be":
        return None
    for subject in (c for c in token.head.children if c.dep_ == "nsubj"):
        name = _actor_at(actors, subject.idx, subject.idx + len(subject))
        if name or subject.lemma_.lower() in PERSON_NOUNS:
            return name or subject.lemma_.lower()
    return None


def _counted(token: Any) -> tuple[Any | None, Any | None]:
    """(the noun a number counts, the word that says what happened to it) from the parse.

    "killed 10 people": (people, killed); "injured 80": (None, injured); "death toll rose to 12":
    (None, rose); "dozens of people were hurt": (people, hurt).
    """
    while token.head.i != token.i and token.head.pos_ == "NUM" and token.dep_ in ("compound", "quantmod", "nummod"):
        token = token.head
    if token.dep_ in ("nummod", "quantmod", "amod", "compound") and token.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return token.head, _governor(token.head)
    if token.pos_ == "NOUN":  # "dozens of people": the people are counted, "dozens" is the argument
        of = (g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "de") for g in c.children if g.dep_ == "pobj")
        return next(of, None), _governor(token)
    return None, _governor(token)


def _governor(argument: Any) -> Any | None:
    """The verb or adjective a counted argument belongs to, through a preposition ("rose to 12")."""
    head = argument.head
    if head.i == argument.i:
        return None
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
        return head
    return None


def _event_of_governor(governor: Any, bare: bool) -> str | None:
    """The event a governing word names, or, for a bare number ("rose to 12", "stood at 12"), the one
    its subject names ("the death toll")."""
    event = event_of(governor.text) or event_of(governor.lemma_)
    if event is not None or not bare:
        return event
    for child in governor.children:
        if child.dep_ in ("nsubj", "nsubjpass", "acomp", "attr", "oprd"):
            for word in child.subtree:
                if (found := event_of(word.text)) is not None:
                    return found
    return None


def _parsed_kind(token: Any, actors: list[tuple[int, int, str]]) -> str:
    """A count's kind from the parse: its event, narrowed by a noun other than "people", else its noun,
    narrowed by the person named as its holder (:func:`_named_holder`)."""
    noun, governor = _counted(token)
    noun_event = event_of(noun.text) if noun is not None else None
    event = noun_event or (_event_of_governor(governor, noun is None) if governor is not None else None)
    noun_word = noun.lemma_.lower() if noun is not None and noun.pos_ == "NOUN" and not noun_event else None
    if event:
        return event if noun_word in (None, *PEOPLE_NOUNS) else f"{event} ({noun_word})"
    rate = _rate_of(noun) if noun_word else None
    if rate is not None:
        return f"{noun_word} (per {rate})"
    if noun_word and _beside_others(noun):
        return f"{noun_word} (other)"
    described = _described_noun(noun) if noun_word else None
    if described is not None:
        return f"{noun_word} ({described.lemma_.lower()})"
    holder = _possessor(noun, actors) or (_named_holder(governor, actors) if governor is not None else None) if noun_word else None
    return f"{noun_word} (of {holder})" if holder else noun_word or ""


def _rate_of(noun: Any) -> str | None:
    """What a counted noun is counted per, by the parse: "23 points a game", "156.9 yards allowed per game",
    "20 calls per hour" (English). A rate is no count: "23 points a game" over a season and "25 points" of one
    game are two figures."""
    for child in noun.children:
        if child.dep_ == "npadvmod" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in child.children):
            return child.lemma_.lower()
        for per in (child, *(c for c in child.children if child.dep_ == "acl")):
            if per.dep_ == "prep" and per.lower_ == "per":
                return next((o.lemma_.lower() for o in per.children if o.dep_ == "pobj"), None)
    return None


#: Words that make a count one of things apart from those named before it: "seven AK-47s, three other rifles"
#: counts the rifles that are no AK-47s, "two more boats" boats beside the first.
_BESIDE_OTHERS = frozenset({"other", "another", "more", "additional", "further", "extra"})


def _beside_others(noun: Any) -> bool:
    """Whether the counted noun is said to be apart from things counted before it (:data:`_BESIDE_OTHERS`): such
    a count is no total, and another report's count of all of them ("seven assault rifles") is no rival figure."""
    return any(c.dep_ in ("amod", "det", "advmod") and c.lower_ in _BESIDE_OTHERS for c in noun.children)


def _described_noun(noun: Any) -> Any | None:
    """The noun a counted noun describes when it premodifies one: "a 47-yard field goal" (goal), "a 73-yard
    drive" (drive). Yards of a field goal and yards of a drive are two figures, as a 31-year-old's age is his."""
    head = noun
    while head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        head = head.head
    return head if head.i != noun.i else None


def _possessor(noun: Any, actors: list[tuple[int, int, str]]) -> str | None:
    """Who a count of things belongs to by a possessive, on the counted noun or on the noun it is "of" (the
    name, else the noun's lemma; a pronoun stands for anyone): "N scored 10 of the team's first 17 points"
    counts the team's points, "N broke M's record of 2,116 points" M's, whoever scores them."""
    owners = [noun, noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [noun]
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return _actor_at(actors, child.idx, child.idx + len(child)) or child.lemma_.lower()
    return None


def _named_holder(governor: Any, actors: list[tuple[int, int, str]]) -> str | None:
    """The named subject of the verb a count of things hangs on: "Ines Vidal scored 14 points" counts Vidal's
    points, "Marco Bell had 12" Bell's. A game's box score gives every player's points, rebounds and yards:
    counts of two players are two figures. Counts of people ("killed 10") are no one's."""
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((name for s in subjects if (name := _actor_at(actors, s.idx, s.idx + len(s)))), None)


def _window_kind(text: str, number: _Number, stop: frozenset[str]) -> str:
    """A count's kind from the words around it, where no parser is available: the event named next to
    it within its clause ("killed 10", "10 dead"), else the word it stands before ("12 shots")."""
    after = _BOUNDARY_RE.split(text[number.end :], maxsplit=1)[0]
    before = _BOUNDARY_RE.split(text[: number.start])[-1]
    words_after = _WORD_RE.findall(after)[:3]
    words_before = _WORD_RE.findall(before)[-2:]
    noun = words_after[0].lower() if words_after and words_after[0].lower() not in stop else None
    # "killed 10 people": the verb before counts people; "Rescuers fired 12 shots" counts shots.
    nearby = words_after + (words_before[::-1] if noun in (None, *PEOPLE_NOUNS) else [])
    event = next((e for w in nearby if (e := event_of(w))), None)
    if event:
        return event if noun in (None, *PEOPLE_NOUNS) or event_of(noun) else f"{event} ({noun})"
    return noun or ""


# ---------------------------------------------------------------- one claim


@dataclass
class _Context:
    """What reading one sentence's quantities needs besides its text."""

    text: str
    language: str
    doc: Any
    actors: list[tuple[int, int, str]]
    stop: frozenset[str]


#: An acronym ("USB", "AK"): a number right after it is a version or model ("USB 2.0 ports", "AK 47 rifles").
_ACRONYM_RE = re.compile(r"[A-Z]{2,}")


def _parsed_label(ctx: _Context, number: _Number) -> bool:
    """By the parse, a number that names rather than counts: after its noun ("Flight 370"), in a name
    ("1800 Pitkin Ave", "the 8 Block gang": a singular proper noun between it and its head), or right
    after a singular proper noun ("iPhone 4")."""
    token = token_at(ctx.doc, number.start, number.end)
    if token is None or token.dep_ not in ("nummod", "compound"):
        return False
    head = token.head
    if head.i < token.i and head.lemma_.lower() not in MEASURES_BEFORE:
        return True
    between = ctx.doc[token.i + 1 : head.i + 1]
    if any(t.pos_ == "PROPN" and t.tag_ != "NNPS" for t in between):
        return True
    before = ctx.doc[token.i - 1] if token.i else None  # "iPhone 4", "Windows 10", "USB 2.0": a name's number
    if before is not None and _ACRONYM_RE.fullmatch(before.text):
        return True
    if before is None or before.pos_ != "PROPN" or before.tag_ == "NNPS":
        return False
    return before.lower_ not in _calendar_words(ctx.language)


def _is_label(ctx: _Context, number: _Number) -> bool:
    if ctx.doc is not None:
        return _parsed_label(ctx, number)
    return _labelled(ctx.text, number.start, ctx.language, ctx.stop)


def _kind(ctx: _Context, number: _Number) -> tuple[str, float, int]:
    """(kind, factor to its base unit, end of the quantity's text) of one number."""
    measure = _measure(ctx.text, number)
    if measure is not None and measure[0] == "percent" and ctx.doc is not None:
        of = _percent_of(ctx.doc, number)
        return (f"percent ({of})" if of else "percent"), measure[1], measure[2]
    if measure is not None and measure[0] == "duration":
        return f"duration ({_DURATION_UNITS[measure[1]]})", measure[1], measure[2]
    if measure is not None and measure[0] == "distance":
        scope = _distance_scope(ctx.text, number.start, measure[2])
        return (f"distance ({scope})" if scope else "distance"), measure[1], measure[2]
    if measure is not None:
        return measure
    age_end = _age(ctx.text, number)
    if age_end is not None:
        holder = _age_holder(ctx.doc, number, ctx.actors)
        return (f"age of {holder}" if holder else "age"), 1.0, age_end
    apposed = _apposed_actor(ctx.text, number, ctx.actors)
    if apposed:
        return f"age of {apposed}", 1.0, number.end
    token = token_at(ctx.doc, number.start, number.end) if ctx.doc is not None else None
    if token is not None:
        copula = _copula_age(token, ctx.actors)
        return (f"age of {copula}", 1.0, number.end) if copula else (_parsed_kind(token, ctx.actors), 1.0, number.end)
    return _window_kind(ctx.text, number, ctx.stop), 1.0, number.end


def _quantity(ctx: _Context, number: _Number, offset: int) -> Quantity:
    kind, factor, end = _kind(ctx, number)
    low, high = number.low, number.high
    if kind.split(" ")[0] in MEASURE_KINDS and low == high:
        step = _rounding(ctx.text, number)
        low, high = number.value - step, number.value + step
    scaled = [None if v is None else round(v * factor, 6) for v in (number.value, low, high)]
    return Quantity(
        value=scaled[0] or 0.0, kind=kind, text=ctx.text[number.start : end].strip(), start=offset + number.start,
        end=offset + end, low=scaled[1], high=scaled[2],
    )  # fmt: skip


def _one_words_kept(ctx: _Context, numbers: list[_Number]) -> list[_Number]:
    """Drop a spelled "one" unless the parse makes it count a noun ("one person", not "one of them")."""
    kept = []
    for number in numbers:
        if ctx.text[number.start : number.end].lower() == "one":
            token = token_at(ctx.doc, number.start, number.end) if ctx.doc is not None else None
            if token is None or token.dep_ != "nummod":
                continue
        kept.append(number)
    return kept


def may_hold_numbers(text: str, language: str | None) -> bool:
    """A cheap test before parsing: digits or a number word in ``text``."""
    code = (language or "xx").split("-")[0].lower()
    if re.search(r"\d", text):
        return True
    return any(pattern is not None and pattern.search(text) for pattern in (_number_words_re(code), _vague_re(code)))


def read_quantities(
    text: str,
    language: str | None = None,
    masked: list[tuple[int, int]] | None = None,
    actors: list[tuple[int, int, str]] | None = None,
    offset: int = 0,
) -> list[Quantity]:
    """The quantities of one sentence, in reading order; ``masked`` spans (dates) are not read.

    ``actors`` are the entity mentions of the sentence (sentence-relative ``start, end, name``), for
    whose age a number is; offsets of the result are shifted by ``offset`` (the sentence's in the article).
    """
    code = (language or "xx").split("-")[0].lower()
    readable = blank(text, (masked or []) + not_quantities(text))
    numbers = _digit_numbers(readable) + _word_numbers(readable, code)
    if not numbers:
        return []
    doc = parse(text, language) if re.search(r"[^\W\d_]", text) else None
    ctx = _Context(text, code, doc, actors or [], stop_words(code) or stop_words("en"))
    numbers = _ranges([_hedged(n, readable) for n in _one_words_kept(ctx, _without_overlaps(numbers))], readable)
    return [_quantity(ctx, n, offset) for n in numbers if not _is_label(ctx, n)]


_RANGE_GAP_RE = re.compile(r"^\s*(?:and|to|or)\s*$", re.IGNORECASE)


def _ranges(numbers: list[_Number], text: str) -> list[_Number]:
    """ "between 150 and 200", "10 to 12" and "three or four" read as one range; "from 10 to 12" stays two
    figures (a change), and so do "killed 10 and injured 80" and "10-12" (as often a score or a vote as a range)."""
    merged: list[_Number] = []
    for number in numbers:
        last = merged[-1] if merged else None
        if last is None or not _RANGE_GAP_RE.match(text[last.end : number.start]):
            merged.append(number)
            continue
        before = text[: last.start]
        between = re.search(r"\bbetween\s+$", before, re.IGNORECASE)
        is_and = "and" in text[last.end : number.start].lower()
        if (is_and and not between) or re.search(r"\bfrom\s+$", before, re.IGNORECASE):
            merged.append(number)
            continue
        last.end, last.high = number.end, number.high
        last.start = between.start() if between else last.start
    return merged


def _without_overlaps(numbers: list[_Number]) -> list[_Number]:
    """Numbers in reading order, the longer reading of overlapping ones kept ("tens of thousands")."""
    kept: list[_Number] = []
    for number in sorted(numbers, key=lambda n: (n.start, -(n.end - n.start))):
        if not kept or number.start >= kept[-1].end:
            kept.append(number)
    return kept


# ---------------------------------------------------------------- comparing


#: Two reports of one figure differ by less than this factor; further apart they count different things.
COMPARABLE_FACTOR = 10.0
#: Counts within this share of each other are one figure (rounding in conversions, "1,400" / "1,401").
TOLERANCE = 0.01


def _bounds(q: Quantity) -> tuple[float, float]:
    """A quantity's range; an unbounded side is 0 or infinity ("up to 5", "at least 3")."""
    return (0.0 if q.low is None else q.low), (math.inf if q.high is None else q.high)


def overlap(x: Quantity, y: Quantity) -> bool:
    """Whether two quantities of one kind can be the same figure: their ranges meet (within 1 %)."""
    (a_low, a_high), (b_low, b_high) = _bounds(x), _bounds(y)
    return a_low <= b_high * (1 + TOLERANCE) and b_low <= a_high * (1 + TOLERANCE)


def _holds(q: Quantity, value: float) -> bool:
    """Whether ``value`` lies in ``q``'s range (within 1 %)."""
    low, high = _bounds(q)
    return low * (1 - TOLERANCE) <= value <= high * (1 + TOLERANCE)


_ANY_VAGUE_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for words in VAGUE_AMOUNTS.values() for w in words) + r")(?!\w)", re.IGNORECASE
)


def vague_word(q: Quantity) -> str | None:
    """The vague amount a quantity is ("dozens", "tens of thousands", Spanish "miles"), lower case: an order of
    magnitude, not a figure. Its text opens with the vague word, as "15 miles" does not."""
    found = _ANY_VAGUE_RE.match(q.text)
    return found.group().lower() if found else None


def _one_unit_counted(x: Quantity, y: Quantity) -> bool:
    """Two vague amounts of one unit, counted apart ("thousands" / "tens of thousands of students"): no figure to
    disagree on. Amounts of two units ("hundreds" / "thousands of protesters") stay a disagreement, the crowd
    counts a reader checks."""
    words = sorted(filter(None, (vague_word(x), vague_word(y))), key=len)
    return len(words) == 2 and words[1].endswith(words[0])


def _estimate(q: Quantity) -> bool:
    """A figure with a margin on both sides: "about 2,400", "35 miles" (rounded), "between 10 and 12"."""
    return q.low is not None and q.high is not None and q.low < q.high


def agree(x: Quantity, y: Quantity) -> bool:
    """Whether two reports of one figure agree: their ranges meet, and of two estimates one's figure lies
    in the other's margin. Adding both margins let "some 2,400" and "around 2,000" (20 % apart) agree.
    Two vague amounts of one unit ("thousands" / "tens of thousands of students") give no figure to disagree on."""
    if _one_unit_counted(x, y):
        return True
    if not overlap(x, y):
        return False
    return not (_estimate(x) and _estimate(y)) or _holds(x, y.value) or _holds(y, x.value)


def figure_key(q: Quantity) -> tuple[float | None, ...]:
    """One figure however written, as a key: "4 %" / "4 percent", "Forty-three" / "43", "some 2,400" /
    "about 2,400" (the value and range, in the kind's base unit)."""
    return tuple(None if v is None else round(v, 6) for v in (q.value, q.low, q.high))


def may_change(kind: str) -> bool:
    """A figure that can change from one day to the next: a count ("ship", "killed"), a share, a sum of
    money (an offer), unlike a physical measure (distance, magnitude) or an age."""
    coarse = coarse_kind(kind)
    return bool(coarse) and not coarse.startswith("age") and (coarse == "percent" or coarse not in MEASURE_KINDS)


def _comparable(x: Quantity, y: Quantity) -> bool:
    if not (x.value and y.value):
        return False
    return 1 / COMPARABLE_FACTOR <= x.value / y.value <= COMPARABLE_FACTOR


def coarse_kind(kind: str) -> str:
    """A kind without the noun that narrows it ("percent (import)" -> "percent"), a person's age kept:
    what two languages' readings can still compare (their nouns are different words)."""
    return kind if kind.startswith("age") else kind.split(" (")[0]


def of_kind(quantity: Quantity, kind: str) -> bool:
    """Whether a figure is of ``kind``, a coarse kind ("percent") taking in its narrowed ones."""
    return quantity.kind == kind or (kind == coarse_kind(kind) and coarse_kind(quantity.kind) == kind)


def disagreements(a: list[Quantity], b: list[Quantity], coarse: bool = False) -> list[str]:
    """The kinds both lists give a figure for, where no figure of one fits one of the other.

    "killed 10, injured 80" / "killed 3, injured 80" -> ["killed"]; "at least 3 killed" / "10 killed"
    -> []; "some 2,400" / "around 2,000" -> ["walked out"] (:func:`agree`); kinds only one side names, that
    the text does not tell (""), or that the two give a different number of figures of (:func:`distinct_figures`)
    are never compared.
    ``coarse`` (claims of two languages) compares kinds without their nouns (:func:`coarse_kind`).
    """
    kind_of = coarse_kind if coarse else (lambda k: k)
    kinds = [k for k in dict.fromkeys(kind_of(q.kind) for q in a) if k and any(kind_of(q.kind) == k for q in b)]
    found = []
    for kind in kinds:
        xs, ys = [q for q in a if kind_of(q.kind) == kind], [q for q in b if kind_of(q.kind) == kind]
        if len(distinct_figures(xs)) != len(distinct_figures(ys)):
            continue  # "793 yards rushing and 302 receiving" / "716 yards": which of the two is the 716?
        if not any(agree(x, y) for x in xs for y in ys) and any(_comparable(x, y) for x in xs for y in ys):
            found.append(kind)
    return [k for k in found if not counts_things(k)] if found and another_tally(a, b) else found


def another_tally(a: list[Quantity], b: list[Quantity]) -> bool:
    """Whether two claims' figures disagree on every one of two or more kinds of things both count: "13 homers
    and 43 RBIs in 54 games" / "33 homers and 121 RBIs in 157 games", "25 points and 16 rebounds" / "22 points
    and nine rebounds" tally two spans (part of a season and all of it, two games). Two reports of one tally
    disagree on a figure, not on all of them. Kinds are taken coarse ("point" takes in "point (of N)": one
    report may name the holder, the other not); counts of an event ("killed", "injured"), measures, sums and
    ages are not things counted so."""
    kinds = {coarse_kind(q.kind) for q in a if counts_things(q.kind)} & {coarse_kind(q.kind) for q in b if counts_things(q.kind)}
    if len(kinds) < 2:
        return False
    return not any(agree(x, y) for x in a for y in b if coarse_kind(x.kind) == coarse_kind(y.kind) in kinds)


def counts_things(kind: str) -> bool:
    """Whether a kind counts things (points, rebounds, villages), not an event's people ("killed"), a measure,
    a sum or an age."""
    coarse = coarse_kind(kind)
    return bool(coarse) and not (coarse in EVENT_STEMS or coarse in MEASURE_KINDS or coarse.startswith(("age", "money")))


def distinct_figures(quantities: list[Quantity]) -> list[Quantity]:
    """The figures of one kind a claim gives, a conversion of one kept once ("58km (36 miles)" is one figure).

    A claim giving several figures of one kind counts several things of it ("12-year-old and 15-year-old
    girls", a player's rushing and receiving yards): a report giving another number of figures of that kind
    cannot be matched figure to figure, so the kind is not compared."""
    kept: list[Quantity] = []
    for q in quantities:
        if not any(agree(q, k) for k in kept):
            kept.append(q)
    return kept
