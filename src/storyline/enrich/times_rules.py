"""The grammar: regular-expression rules that find time expressions and resolve them.

Hand-written, in the manner of HeidelTime, because no installed library does
this job: dateparser and htmldate turn a string already known to be a date
into a datetime, but neither finds where the expressions are in running text
nor says what TimeML type and granularity they have ("last month" is the
month 2022-11, not a datetime; "three years" is the duration P3Y). Each rule
is a pattern plus a resolver that turns its match into a (value, type) pair
against the article's anchor date, or rejects the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from storyline.enrich import times_calendar as cal
from storyline.enrich.times_lexicon import (
    CLOCK_WORDS,
    DAY_PART_PHRASES,
    DECADE_WORDS,
    DURATION_CODES,
    ENGLISH_NUMBERS,
    ENGLISH_ORDINALS,
    ENGLISH_VAGUE,
    FRAME_YEARS,
    GLUED_PARTS_OF_DAY,
    HOUR_WORDS,
    NIGHT_GONE_AFTER_PAST,
    NUMBERING_NOUNS,
    OFFSET_NOT_AFTER,
    OFFSET_WORDS,
    PARTS_OF_DAY,
    PHRASES_AS_NOUN,
    TENSE_CUES,
    Lexicon,
    english_unit,
    lexicon_for,
    parse_number,
)
from storyline.enrich.times_tense import ENGLISH_TENSE_CUES, clause_breaks, governing_direction, tense_cues

Resolution = tuple[str, str] | None  # (TIMEX3 value, TIMEX3 type), or None to reject the match


#: "by March", "until Friday": a deadline, ahead of the report when no verb says otherwise.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through)\s+(?:mid-|early\s+|late\s+)?$", re.IGNORECASE)
#: "extended to Nov. 20": the end of a span, which a past verb before it does not date.
_SPAN_END_BEFORE = re.compile(r"\bto\s+(?:mid-|early\s+|late\s+)?$", re.IGNORECASE)
#: "since March": a start behind the report, whatever the verbs after it.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:mid-|early\s+|late\s+|last\s+)?$", re.IGNORECASE)

_LEANS = {cal.PAST: cal.LEAN_PAST, cal.FUTURE: cal.LEAN_FUTURE}
#: A calendar value an anaphoric expression can count from, and how many of its characters each unit needs.
_REFERENCE_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?(?=$|T)")
_REFERENCE_PRECISION = {"day": 10, "week": 10, "weekend": 10, "month": 7, "quarter": 7, "half": 7}


@dataclass
class Context:
    """What a resolver needs besides its match: the text, the anchor, and the tense around a span."""

    text: str
    anchor: datetime | None
    tense_cues: re.Pattern[str] = ENGLISH_TENSE_CUES  # the language's, with a "future" group
    #: Where the language's clauses start; None reads the whole sentence as one clause.
    clause_breaks: re.Pattern[str] | None = field(default_factory=lambda: clause_breaks("en"))
    #: (start, value) of the explicit dates found in the text, once known: what anaphoric expressions follow.
    explicit: list[tuple[int, str]] = field(default_factory=list)
    #: The language's year frames (:func:`frame_years_for`): a sentence's opening one, and a season anywhere.
    frames: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    @property
    def day(self) -> date | None:
        return self.anchor.date() if self.anchor else None

    def reference_day(self, start: int, unit: str) -> date | None:
        """The latest explicit date before ``start`` in its sentence or the one before, precise enough for
        ``unit`` ("the following year" needs a year, "a day later" a day): what an anaphoric expression
        counts from ("On May 22, 2015 ... the following year" is 2016)."""
        left = self.sentence(start, start)[0]
        floor = self.sentence(max(left - 1, 0), max(left - 1, 0))[0]
        for at, value in reversed(self.explicit):
            found = _REFERENCE_VALUE.match(value)
            if floor <= at < start and found and len(found.group()) >= _REFERENCE_PRECISION.get(unit, 4):
                return date(int(found["year"]), int(found["month"] or 1), int(found["day"] or 1))
        return None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around a span, at most 150 characters either side."""
        floor, ceiling = max(start - 150, 0), end + 150
        left = max(self.text.rfind("\n", floor, start), self.text.rfind(". ", floor, start), floor)
        stops = [i for i in (self.text.find("\n", end, ceiling), self.text.find(". ", end, ceiling)) if i >= 0]
        return left, min([*stops, ceiling])

    def side(self, start: int, end: int) -> int:
        """Where a bare "Jan. 5" or "in March" lies: behind after "since", else on the side of the verb in
        its own clause. A deadline ("through August") only leans: ahead, or back after a past verb ("were
        flat through August"); so does a past verb before the end of a span ("extended to Nov. 20") and a
        verb outside the clause. NEAREST when nothing says."""
        window = max(0, start - 12)
        if _SINCE_BEFORE.search(self.text, window, start):
            return cal.PAST
        own = self._tense(start, end, own_clause=True)
        if _DEADLINE_BEFORE.search(self.text, window, start):
            return cal.FUTURE if own == cal.FUTURE else _LEANS.get(own, cal.LEAN_FUTURE)
        if own == cal.PAST and _SPAN_END_BEFORE.search(self.text, window, start):
            return cal.LEAN_PAST
        if own != cal.NEAREST:
            return own
        return _LEANS.get(self._tense(start, end, own_clause=False), cal.NEAREST)

    def direction(self, start: int, end: int) -> int:
        """Where a bare "Sunday" points: ahead after "by"/"until", else the governing verb's tense, the past
        when there is none (news reports)."""
        if _DEADLINE_BEFORE.search(self.text, max(0, start - 12), start):
            return cal.FUTURE
        if _SINCE_BEFORE.search(self.text, max(0, start - 12), start):
            return cal.PAST
        return self._tense(start, end, own_clause=False) or cal.PAST

    def frame_year(self, start: int, end: int) -> int | None:
        """The year that frames the span's sentence ("In 2019, ... on March 3", "the 2011 season ... on Sept.
        4"), when the sentence names no other year: the year of a day and month written without one."""
        if self.frames is None:
            return None
        left, right = self.sentence(start, end)
        if left > 0 and self.text[left] not in ".\n":
            return None  # a sentence too long to see where it starts
        opening = self.frames[0].match(self.text, left + (left > 0), start)
        framing = {opening["year"]} if opening else set()
        framing |= {found["year"] for found in self.frames[1].finditer(self.text, left, right)}
        named = set(_NAMED_YEAR.findall(self.text, left, right))
        return int(framing.pop()) if len(framing) == 1 and named == framing else None

    def in_past(self, start: int, end: int) -> bool:
        """Whether a verb in the past tense governs the span (a cue, not the past a bare weekday defaults to)."""
        return self._tense(start, end, own_clause=False) == cal.PAST

    def _tense(self, start: int, end: int, own_clause: bool) -> int:
        sentence = self.sentence(start, end)
        return governing_direction(self.text, start, end, sentence, self.tense_cues, self.clause_breaks, own_clause)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Resolution]
    #: Whether it may count from an explicit date of the text (``Context.reference_day``), not the anchor.
    anaphoric: bool = False


def _rule(name: str, pattern: str, flags: int = 0, anaphoric: bool = False) -> Callable[..., Rule]:
    """Decorator: compile ``pattern`` and pair it with the resolver it decorates."""

    def wrap(resolve: Callable[[re.Match[str], Context], Resolution]) -> Rule:
        return Rule(name, re.compile(pattern, flags), resolve, anaphoric)

    return wrap


def _words(words: Iterable[str]) -> str:
    """An alternation of words as a prefix trie, longer continuations first ("Sept" before "Sep").

    Python's ``re`` tries the branches of an alternation one by one; sharing
    prefixes ("t(?:wo|hree|en|...)") makes the long word lists several times faster.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")


def _duration_value(amount: int | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT2H, PXD (vague amount); a fortnight is two weeks."""
    code = DURATION_CODES[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    count = "X" if amount is None else str(amount)
    return f"PT{count}{code[1:]}" if code.startswith("T") else f"P{count}{code}"


def _time_of_day(anchor_value: str, hour: int, minute: int) -> str:
    return f"{anchor_value}T{hour:02d}:{minute:02d}"


def _prefix_blocked(m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether the text just before a match rules it out (e.g. "$" before a year)."""
    return bool(pattern.search(m.string, max(0, m.start() - 12), m.start()))


# ---------------------------------------------------------------------------
# English

_EN_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_EN_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
_EN_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_EN_UNITS = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
_EN_UNITS_PLURAL = r"(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"
_EN_NUM = (
    r"(?:\d{1,3}(?:\.\d+)?(?!\d)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+)?"
    r"(?:" + _words(w for w in ENGLISH_NUMBERS if w not in ("a", "an")) + r")|"
    + _words(ENGLISH_VAGUE) + r"|a|an)"
)
_EN_DAY = r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|" + _words(ENGLISH_ORDINALS) + ")"
_YEAR_DIGITS = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR = _YEAR_DIGITS + r"(?![\d,.]\d|\s*%|\s*(?:percent|per\s+cent)\b|-\d)"
#: Any number a year could be, for telling whether a sentence names more than one year.
_NAMED_YEAR = re.compile(r"(?<![\d,.])" + _YEAR_DIGITS + r"(?!\d|[,.]\d)")
_MONTH_ANY = "(?:" + _words(_EN_MONTHS) + "|(?:" + _words(_EN_MONTH_ABBR) + r")\.?)"
_MODS = r"(?:early|late|mid|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of)"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_CALENDAR_WORD = re.compile(
    r"(?:" + _words(_EN_MONTHS) + "|" + _words(_EN_WEEKDAYS) + r"|Spring|Summer|Autumn|Fall|Winter|Christmas|Easter)",
)
_NOT_A_YEAR_BEFORE = re.compile(r"(?:[$£€#/]|\d[,.]?|No\.\s?)$")
#: Where a capital "May" is the month: after a preposition of time, or as the other end of a month range or
#: list ("between March and May", "March–May").
_MAY_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|of|from|through|during|last|next|this|early|late|mid-?)\s+$|"
    r"\b(?-i:" + _MONTH_ANY + r")\s*(?:(?:and|or|to|through|until|till)\s+|[-\u2013]\s*)$",
    re.IGNORECASE,
)


def _en_month(name: str) -> int:
    return [m[:3] for m in _EN_MONTHS].index(name[:3].title()) + 1


def _en_weekday(name: str) -> int:
    return _EN_WEEKDAYS.index(name.title())


def _en_day(text: str) -> int:
    text = text.lower()
    return ENGLISH_ORDINALS.get(text) or int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _shift_word(word: str | None) -> int | None:
    """"last" -> -1, "next" -> +1, "this" -> 0; None when there is no such modifier."""
    if not word:
        return None
    word = word.lower().split()[-1]
    if word in ("last", "past", "previous", "preceding"):
        return -1
    if word in ("next", "coming", "following"):
        return 1
    return 0


@_rule(
    "en-month-day",
    r"(?:\b(?P<wd>" + _words(_EN_WEEKDAYS) + r"),?\s+)?\b(?P<month>" + _MONTH_ANY + r")\s+(?P<day>"
    + _EN_DAY + r")\b(?:,?\s+(?P<year>" + _YEAR + "))?",
)
def _month_day(m: re.Match[str], ctx: Context) -> Resolution:
    return _calendar_day(m, ctx)


def _calendar_day(m: re.Match[str], ctx: Context) -> Resolution:
    """A month-day match, in its own year, the year framing its sentence, or the year its weekday or tense gives."""
    month, day = _en_month(m["month"]), _en_day(m["day"])
    year = m["year"] or ctx.frame_year(m.start(), m.end())
    if year:
        return _absolute_day(int(year), month, day)
    weekday = _en_weekday(m["wd"]) if m["wd"] else None
    return cal.day_of_year(ctx.day, month, day, ctx.side(m.start(), m.end()), weekday), "DATE"


@_rule(
    "en-day-month",
    r"(?:\b(?P<wd>" + _words(_EN_WEEKDAYS) + r"),?\s+)?\b(?:the\s+)?(?P<day>" + _EN_DAY
    + r")(?:\s+of)?\s+(?P<month>" + _MONTH_ANY + r")(?:,?\s+(?P<year>" + _YEAR + "))?",
)
def _day_month(m: re.Match[str], ctx: Context) -> Resolution:
    return _calendar_day(m, ctx)


def _absolute_day(year: int, month: int, day: int) -> Resolution:
    try:
        return date(year, month, day).isoformat(), "DATE"
    except ValueError:
        return None


@_rule(
    "en-month-year",
    r"\b(?:(?P<mod>" + _MODS + r")[\s-]+)?(?P<month>" + _MONTH_ANY + r")(?:\s+of)?,?\s+(?P<year>" + _YEAR + ")",
)
def _month_year(m: re.Match[str], ctx: Context) -> Resolution:
    return f"{m['year']}-{_en_month(m['month']):02d}", "DATE"


@_rule(
    "en-month-relative-year",
    r"\b(?P<month>" + _MONTH_ANY + r")\s+(?:of\s+)?(?P<mod>last|this|next)\s+year\b",
    re.IGNORECASE,
)
def _month_relative_year(m: re.Match[str], ctx: Context) -> Resolution:
    if not m["month"][0].isupper():
        return None
    year = cal.shifted(ctx.day, "year", _shift_word(m["mod"]) or 0)
    return f"{year}-{_en_month(m['month']):02d}", "DATE"


@_rule(
    "en-month",
    r"\b(?:(?P<mod>" + _MODS + r"|last|next|this|(?:earlier|later)\s+this)[\s-]+)?(?P<month>"
    + _words(_EN_MONTHS) + r"|(?:" + _words(_EN_MONTH_ABBR) + r")\.)(?!\s*\d)",
)
def _month(m: re.Match[str], ctx: Context) -> Resolution:
    if m["month"] == "May" and not m["mod"] and not _MAY_CONTEXT.search(m.string, max(0, m.start() - 16), m.start()):
        return None
    month = _en_month(m["month"])
    shift = _shift_word(m["mod"]) if m["mod"] and m["mod"].split()[-1] in ("last", "next", "this") else None
    if shift == 0 and m["mod"].lower() == "this" and ctx.day:
        return f"{ctx.day.year:04d}-{month:02d}", "DATE"
    if shift in (-1, 1):
        return _relative_month(ctx, month, shift), "DATE"
    return cal.month_of_year(ctx.day, month, ctx.side(m.start(), m.end())), "DATE"


@_rule(
    "en-weekday",
    r"\b(?:(?P<mod>(?i:last|next|this(?:\s+(?:coming|past))?|coming|past|early|late|earlier|later))\s+)?(?P<wd>"
    + _words(_EN_WEEKDAYS) + r")(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
)
def _weekday(m: re.Match[str], ctx: Context) -> Resolution:
    mod = " ".join((m["mod"] or "").lower().split())
    day_index = _en_weekday(m["wd"])
    if mod in ("last", "next"):
        value = _relative_weekday(ctx, day_index, _shift_word(mod) or 0)
    elif mod.endswith("past"):  # "this past Sunday", "past Sunday"
        value = cal.weekday(ctx.day, day_index, cal.PAST)
    elif mod.endswith("coming"):  # "this coming Sunday"
        value = cal.weekday(ctx.day, day_index, cal.FUTURE)
    else:  # bare, "this", "early", "late": the tense decides
        value = cal.weekday(ctx.day, day_index, ctx.direction(m.start(), m.end()))
    if m["part"]:
        return f"{value}T{_PARTS[m['part'].lower()]}", "TIME"
    return value, "DATE"


def _relative_weekday(ctx: Context, day_index: int, shift: int) -> str:
    """"last Monday" / "next Monday": said on a Monday, a week away, never the anchor's own day."""
    if ctx.day and day_index == ctx.day.weekday():
        return (ctx.day + timedelta(days=7 * shift)).isoformat()
    return cal.weekday(ctx.day, day_index, cal.PAST if shift < 0 else cal.FUTURE)


def _relative_month(ctx: Context, month: int, shift: int) -> str:
    """"last March" / "next March": said in March, a year away, never the anchor's own month."""
    if ctx.day and month == ctx.day.month:
        return f"{ctx.day.year + shift:04d}-{month:02d}"
    return cal.month_of_year(ctx.day, month, cal.PAST if shift < 0 else cal.FUTURE)


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@_rule(
    "en-day-word",
    r"\b(?:(?P<before>the\s+day\s+before\s+)|(?P<after>the\s+day\s+after\s+)|(?:early|late|earlier|later)\s+)?"
    r"(?P<word>today|yesterday|tomorrow|tonight)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
def _day_word(m: re.Match[str], ctx: Context) -> Resolution:
    word = m["word"].lower()
    offset = _DAY_WORDS[word] - (1 if m["before"] else 0) + (1 if m["after"] else 0)
    value = cal.shifted(ctx.day, "day", offset)
    part = m["part"] or ("tonight" if word == "tonight" else None)
    if part:
        return _day_part(ctx, offset, _PARTS[part.lower()])
    return value, "DATE"


@_rule("en-part-of-day", r"\b(?P<mod>this|last)\s+(?P<part>morning|afternoon|evening|night)\b", re.IGNORECASE)
def _part_of_day(m: re.Match[str], ctx: Context) -> Resolution:
    offset = -1 if m["mod"].lower() == "last" else 0
    return _day_part(ctx, offset, _PARTS[m["part"].lower()])


def _day_part(ctx: Context, offset: int, code: str) -> Resolution:
    """A part of the day ``offset`` days from the anchor, a TIME at TimeML's part-of-day granularity ("last
    night": 2026-03-08TNI), in every language alike."""
    return f"{cal.shifted(ctx.day, 'day', offset)}T{code}", "TIME"


@_rule(
    "en-relative-period",
    r"\b(?:(?:early|late|earlier|later)\s+)?(?:(?P<the>the)\s+)?(?P<mod>last|this|next|past|coming|previous|current|"
    r"following|preceding|(?:earlier|later)\s+this)\s+"
    r"(?P<unit>day|week|weekend|month|quarter|year|decade|century)\b(?![-\s](?:old|long|earlier|ago))",
    re.IGNORECASE,
    anaphoric=True,
)
def _relative_period(m: re.Match[str], ctx: Context) -> Resolution:
    """"next month" counts from the anchor; "the following year" from the date it follows (else the anchor);
    "the next day", "the previous day" only from such a date."""
    unit, mod = m["unit"].lower(), m["mod"].lower()
    anaphoric = mod in ("following", "previous", "preceding") or (unit == "day" and mod == "next" and m["the"])
    reference = ctx.reference_day(m.start(), unit) if anaphoric else None
    if unit == "day" and reference is None:
        return None  # "to this day", "the next day" with no date before it: no day of the calendar
    return cal.shifted(reference or ctx.day, unit, _shift_word(m["mod"]) or 0), "DATE"


#: "four and a half years", "a year and a half": the half is added to the number.
_AND_A_HALF = r"(?P<half>\s+and\s+a\s+half)?"
#: Mean length in days of the calendar units, to move an anchor by a fraction of one.
_UNIT_DAYS = {"day": 1, "week": 7, "weekend": 7, "month": 30.44, "quarter": 91.31, "year": 365.25,
              "decade": 3652.5, "century": 36525}  # fmt: skip


def _amount(m: re.Match[str]) -> float | None:
    """The number of units in a match with "num" and the "and a half" groups ("half a year" is 0.5)."""
    if m["num"].lower() in ("half a", "half an"):
        return 0.5
    amount = parse_number(m["num"], ENGLISH_NUMBERS)
    halves = m.groupdict()
    if amount and (halves.get("half") or halves.get("half2")):
        return amount + 0.5
    return amount


def _fractional_shift(day: date | None, unit: str, amount: float) -> str:
    """"four and a half years ago": the unit-sized period holding the anchor moved by that many mean units,
    at the unit's granularity like a whole number of units (the year 4.5 years back)."""
    if day is None:
        return cal.shifted(None, unit, 0)
    return cal.shifted(day + timedelta(days=round(amount * _UNIT_DAYS[unit])), unit, 0)


@_rule(
    "en-ago",
    r"\b(?:(?:about|around|nearly|almost|roughly|some|more\s+than|less\s+than|over|only|just)\s+)?(?P<num>"
    + _EN_NUM + r")" + _AND_A_HALF + r"\s+(?P<unit>" + _EN_UNITS + r")" + _AND_A_HALF.replace("half>", "half2>")
    + r"\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b",
    re.IGNORECASE,
    anaphoric=True,
)
def _ago(m: re.Match[str], ctx: Context) -> Resolution:
    """"two years ago" counts from the anchor; "a day earlier", "two years later" from the date they follow,
    "later" only from one. "A day earlier than expected" compares: a length, no date."""
    amount = _amount(m)
    unit = english_unit(m["unit"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier") else 1
    if direction in ("earlier", "later") and _THAN_AFTER.match(m.string, m.end()):
        return (_duration_value(int(amount), unit), "DURATION") if amount and amount == int(amount) else None
    if unit in ("hour", "minute", "second"):
        return None if direction == "later" else _clock_offset(ctx, unit, amount, sign < 0)
    reference = ctx.reference_day(m.start(), unit) if direction in ("earlier", "later") else None
    if direction == "later" and (reference is None or amount is None):
        return None
    if amount is None or unit == "fortnight":
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "DATE"
    quarter = _quarter_in_context(ctx, m.start(), m.end()) if unit == "year" and amount == int(amount) else None
    if quarter:
        # "profit rose from a year earlier" in a quarterly report: that quarter, a year before.
        return f"{int(quarter[:4]) + sign * int(amount):04d}{quarter[4:]}", "DATE"
    day = reference or ctx.day
    if amount != int(amount):
        return _fractional_shift(day, unit, sign * amount), "DATE"
    return cal.shifted(day, unit, sign * int(amount)), "DATE"


#: A calendar quarter named in the text ("third-quarter", "the quarter"), not a fraction ("a quarter of").
_QUARTER_MENTION = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth)[\s-]+|(?:the|this|latest|fiscal)\s+)quarter\b"
    r"(?!\s+of\s+(?:a|an|the|its)\b)",
    re.IGNORECASE,
)


def _quarter_in_context(ctx: Context, start: int, end: int) -> str | None:
    """The quarter the text reports on in the 600 characters up to here ("third-quarter profit";
    bare "the quarter": the last one), if any."""
    if ctx.day is None:
        return None
    right = ctx.sentence(start, end)[1]
    left = max(start - 600, 0)
    mentions = list(_QUARTER_MENTION.finditer(ctx.text, left, right))
    for match in mentions:
        if match["ord"]:
            return cal.quarter_of_year(ctx.day, _QUARTERS[match["ord"].lower()], cal.PAST)
    return cal.shifted(ctx.day, "quarter", -1) if mentions else None


def _clock_offset(ctx: Context, unit: str, amount: float | None, back: bool) -> Resolution:
    """"six hours ago", "через шесть часов": the publication time moved; a publication known to the day only
    (midnight) gives no clock time to move, so the expression is only a time before or after it."""
    if ctx.anchor is None or amount is None or ctx.anchor.time() == time():
        return ("PAST_REF" if back else "FUTURE_REF"), "TIME"
    moved = ctx.anchor + (-1 if back else 1) * timedelta(**{unit + "s": amount})
    return moved.strftime("%Y-%m-%dT%H:%M"), "TIME"


@_rule(
    "en-duration",
    r"\b(?:(?P<approx>about|around|nearly|almost|roughly|more\s+than|less\s+than|at\s+least|up\s+to|"
    r"only|just|under|some)\s+)?(?:(?P<the>the\s+)?(?P<mod>past|last|next|first|coming|previous|"
    r"following|final|latest|further|additional|recent)\s+)?(?P<num>" + _EN_NUM + r")" + _AND_A_HALF
    + r"(?:\s+(?:more|full|straight|consecutive|additional|long))?[\s-]+(?P<unit>" + _EN_UNITS + r")"
    + _AND_A_HALF.replace("half>", "half2>") + r"\b(?!-old\b)",
    re.IGNORECASE,
)
def _duration(m: re.Match[str], ctx: Context) -> Resolution:
    amount = _amount(m)
    unit = english_unit(m["unit"])
    if m["num"].lower() in ("a", "an") and not (m["approx"] or m["the"] or m["mod"] or m["half2"]):
        if not _DURATION_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
            return None  # a bare "a day" is too often part of something else ("twice a day")
    if "-" in m.string[m.end("num") : m.start("unit")] and m["unit"].lower().endswith("s"):
        return None  # "three-quarters": a fraction; adjectival durations are singular ("five-year")
    if unit == "quarter" and amount in (1, 3) and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return None  # "a quarter of the vote", "three quarters of them": a fraction
    if amount == 0:
        return None
    if amount is None and _shift_word(m["mod"]) == -1:
        return "PAST_REF", "DATE"  # TimeML: "the last few months" points at the past, no length
    if amount is not None and amount != int(amount):
        return _half_duration_value(int(amount), unit), "DURATION"
    return _duration_value(amount, unit), "DURATION"


#: Half of a unit in a smaller one, as TimeML writes "a minute and a half" (PT1M30S).
_HALF_UNIT = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}


def _half_duration_value(whole: int, unit: str) -> str:
    """"four and a half years" -> P4Y6M, "half an hour" -> PT30M, "a decade and a half" -> P15Y."""
    if unit in ("decade", "century"):
        years = 10 if unit == "decade" else 100
        return f"P{whole * years + years // 2}Y"
    if unit not in _HALF_UNIT:
        return _duration_value(None, unit).replace("X", f"{whole}.5")
    value = _duration_value(whole, unit) if whole else ("PT" if unit in ("hour", "minute") else "P")
    half = _HALF_UNIT[unit]
    return value + (half[1:] if half.startswith("T") and "T" in value else half)


@_rule(
    "en-fraction-of-century",
    r"\b(?:(?:about|around|nearly|almost|roughly|more\s+than|less\s+than|at\s+least|up\s+to|only|just|some)\s+)?"
    r"(?:(?:the\s+)?(?:past|last|next|previous|first|coming)\s+"
    r"|(?:a|one)\s+(?=\w+(?:\s+of\s+a)?[\s-]+c)|(?=half\s+a\s))"
    r"(?P<fraction>quarter|half)(?:\s+of\s+a|\s+a)?[\s-]+century\b(?!-old\b)",
    re.IGNORECASE,
)
def _fraction_of_century(m: re.Match[str], ctx: Context) -> Resolution:
    """"nearly a quarter-century", "half a century": 25 or 50 years, not a quarter of a year (an article or
    "past" before it: a bare "quarter-century low" is an adjective TimeBank leaves untagged)."""
    return ("P25Y" if m["fraction"].lower() == "quarter" else "P50Y"), "DURATION"


_THAN_AFTER = re.compile(r"\s+than\b", re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"\b(?:for|in|within|over|than|after|lasting|spent|taking|took)\s+$", re.IGNORECASE)


@_rule(
    "en-vague-duration",
    r"\b(?:(?P<the>the)\s+)?(?P<mod>coming|recent|past|next|last|previous)\s+(?P<unit>" + _EN_UNITS_PLURAL + r")\b",
    re.IGNORECASE,
)
def _vague_duration(m: re.Match[str], ctx: Context) -> Resolution:
    if not m["the"]:
        # TimeML: "recent years" points at the past, "coming months" at the future.
        return ("FUTURE_REF" if _shift_word(m["mod"]) == 1 else "PAST_REF"), "DATE"
    return _duration_value(None, english_unit(m["unit"])), "DURATION"


@_rule(
    "en-year",
    r"\b(?:(?P<mod>" + _MODS + r"|fiscal|calendar|(?:the\s+)?(?:fiscal\s+)?year)[\s-]+)?(?P<year>" + _YEAR + r")\b",
    re.IGNORECASE,
)
def _year(m: re.Match[str], ctx: Context) -> Resolution:
    if not m["mod"] and (_prefix_blocked(m, _NOT_A_YEAR_BEFORE) or _label_number(m)):
        return None
    return m["year"], "DATE"


_NUMBERING_BEFORE = re.compile(r"\b(?:" + NUMBERING_NOUNS + r")\.?\s+$", re.IGNORECASE)
#: A capitalised word inside a sentence right before the number: "Windows 2000", "Expo 2020".
_PRODUCT_BEFORE = re.compile(r"[a-z,;]\s+(?P<name>[A-Z][a-z]+)\s+$")


def _label_number(m: re.Match[str]) -> bool:
    """Whether a year-like number labels something: after a numbering noun ("room 1998") or a capitalised
    name inside a sentence ("ran Windows 2000") that is no calendar word ("in March 2020" is a date)."""
    if _prefix_blocked(m, _NUMBERING_BEFORE):
        return True
    product = _PRODUCT_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    return bool(product) and not _CALENDAR_WORD.fullmatch(product["name"])


_DECADE_WORDS = "twenties thirties forties fifties sixties seventies eighties nineties".split()


@_rule(
    "en-decade",
    r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<century>1[6-9]|20)(?P<dec>\d)0'?s"
    r"|'(?P<short>\d)0'?s|(?<=the\s)(?P<word>" + _words(_DECADE_WORDS) + r"))\b",
    re.IGNORECASE,
)
def _decade(m: re.Match[str], ctx: Context) -> Resolution:
    if m["century"]:
        return f"{m['century']}{m['dec']}", "DATE"
    decade = int(m["short"]) if m["short"] else _DECADE_WORDS.index(m["word"].lower()) + 2
    century = 19 if ctx.day is None or decade * 10 > ctx.day.year % 100 else ctx.day.year // 100
    return f"{century}{decade}", "DATE"


#: Sports: a period of play named right after "quarter"/"half" ("fourth-quarter touchdown", "the first half of
#: the match"), and words that put a whole sentence on a field ("halftime", "with 4:08 to go", "led 14-7").
_PLAY_AFTER = re.compile(
    r"[\s-]+(?:touchdowns?|field\s+goals?|goals?|tr(?:y|ies)|penalt(?:y|ies)|baskets?|interceptions?|fumbles?|"
    r"three-pointers?|free\s+throws?|of\s+(?:the|a|that|this|their|his|her)\s+(?:game|match|contest|final|bout))\b",
    re.IGNORECASE,
)
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|quarterbacks?|half-?time|overtime|kick-?off|innings?|rebounds?|"
    r"three-pointers?|free\s+throws?|interceptions?|fumbles?|referee|whistle|buzzer|goalkeeper|"
    r"(?:led|trailed|leading|trailing|won|lost|beat|tied)\s+\d{1,3}-\d{1,3}"
    r"|\d{1,2}:\d\d\s+(?:to\s+go|left|remaining))\b",
    re.IGNORECASE,
)
#: Words that keep a quarter on the calendar even in a sentence about a game (a club's results).
_MONEY_WORDS = re.compile(
    r"\b(?:earnings|profits?|revenues?|sales|income|loss|fiscal|shares|percent|results|dividends?|economy|GDP)\b|%",
    re.IGNORECASE,
)


def _in_play(ctx: Context, start: int, end: int) -> bool:
    """Whether a "quarter" or "half" is a period of a game, not of the calendar."""
    if _PLAY_AFTER.match(ctx.text, end):
        return True
    left, right = ctx.sentence(start, end)
    sentence = ctx.text[left:right]
    return bool(_GAME_WORDS.search(sentence)) and not _MONEY_WORDS.search(sentence)


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@_rule(
    "en-quarter",
    r"\b(?:the\s+(?!(?:first|second|third|fourth)-))?(?:(?P<rel>this|last|next)\s+year's\s+)?"
    r"(?:(?P<year0>" + _YEAR + r")\s+|(?P<ago>year-(?:ago|earlier))\s+)?"
    r"(?:(?:fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
    r"(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?(?P<year>" + _YEAR + r")|,?\s+(?P<year2>" + _YEAR + r")"
    r"|\s+of\s+(?P<rel2>this|last|next|the(?:\s+current)?)\s+(?:fiscal\s+)?year)?\b",
    re.IGNORECASE,
)
def _quarter(m: re.Match[str], ctx: Context) -> Resolution:
    number = _QUARTERS[m["ord"].lower()]
    unit = "H" if m["unit"].lower() == "half" else "Q"
    if unit == "H" and number > 2:
        return None
    year = m["year0"] or m["year"] or m["year2"]
    relative = m["rel"] or m["rel2"]  # "this year's third quarter", "the second half of this year"
    if not (year or relative or m["ago"]) and _in_play(ctx, m.start(), m.end()):
        return None
    if not year and relative:
        year = cal.shifted(ctx.day, "year", _shift_word(relative) or 0)
    elif not year:
        # Quarters are reported after they end: the latest one not after the anchor's ("expected third-quarter
        # results" too). A half is also forecast: ahead when the verb looks ahead ("should recover in the second half").
        ahead = unit == "H" and ctx.direction(m.start(), m.end()) == cal.FUTURE
        last_quarter = number if unit == "Q" else 2 * number
        year = cal.quarter_of_year(ctx.day, last_quarter, cal.FUTURE if ahead else cal.PAST)[:4]
    if m["ago"] and year != "XXXX":
        year = f"{int(year) - 1:04d}"
    return f"{year}-{unit}{number}", "DATE"


@_rule(
    "en-the-quarter",
    r"\b(?:the|this|that)\s+(?:(?P<mod>latest|most\s+recent|current|same|previous|past|last|year-(?:ago|earlier)|"
    r"comparable(?:\s+year-(?:ago|earlier))?)\s+)?quarter\b(?!\s+(?:of|ended|ending)\b)",
    re.IGNORECASE,
)
def _the_quarter(m: re.Match[str], ctx: Context) -> Resolution:
    """Financial news: "the quarter" is the one just reported (before the anchor's), or the current one ahead."""
    if _in_play(ctx, m.start(), m.end()):
        return None
    mod = (m["mod"] or "").lower()
    if mod == "current" or (not mod and ctx.direction(m.start(), m.end()) == cal.FUTURE):
        offset = 0
    elif "year-" in mod:
        offset = -5
    else:
        offset = -1
    return cal.shifted(ctx.day, "quarter", offset), "DATE"


@_rule(
    "en-year-ago",
    r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)(?:\s+(?P<period>period))?(?=[\s,.;])",
    re.IGNORECASE,
)
def _year_ago(m: re.Match[str], ctx: Context) -> Resolution:
    """"year-earlier results", "the year-ago period": the same period a year before (its quarter if reported)."""
    if ctx.day is None:
        return "XXXX", "DATE"
    quarter = _quarter_in_context(ctx, m.start(), m.end())
    if quarter:
        return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}", "DATE"
    return f"{ctx.day.year - 1:04d}", "DATE"


@_rule("en-the-weekend", r"\b(?:the|over\s+the)\s+weekend\b", re.IGNORECASE)
def _the_weekend(m: re.Match[str], ctx: Context) -> Resolution:
    """The weekend just past (or under way), or the coming one when the tense points forward."""
    if ctx.day is None:
        return "XXXX-WXX-WE", "DATE"
    back = ctx.direction(m.start(), m.end()) != cal.FUTURE and ctx.day.weekday() < 5
    return cal.shifted(ctx.day, "weekend", -1 if back else 0), "DATE"


@_rule(
    "en-century",
    r"\b(?:the\s+)?(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<word>" + _words(ENGLISH_ORDINALS) + r"))[\s-]+century\b",
    re.IGNORECASE,
)
def _century(m: re.Match[str], ctx: Context) -> Resolution:
    number = int(m["number"]) if m["number"] else ENGLISH_ORDINALS[m["word"].lower()]
    return f"{number - 1:02d}", "DATE"


@_rule(
    "en-numbered-quarter",
    r"\b(?P<unit>Q|H)(?P<number>[1-4])(?:\s+|-|/)?(?P<year>" + _YEAR + r")?\b",
)
def _numbered_quarter(m: re.Match[str], ctx: Context) -> Resolution:
    if m["unit"] == "H" and m["number"] not in "12":
        return None
    year = m["year"] or (f"{ctx.day.year:04d}" if ctx.day else "XXXX")
    return f"{year}-{m['unit']}{m['number']}", "DATE"


@_rule(
    "en-season",
    r"\b(?:(?P<mod>this|last|next|early|late|the|(?:earlier|later)\s+this)\s+)?"
    r"(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>" + _YEAR + r"))?\b",
    re.IGNORECASE,
)
def _season(m: re.Match[str], ctx: Context) -> Resolution:
    season = m["season"].lower()
    code = cal.SEASONS[season]
    if m["year"]:
        return f"{m['year']}-{code}", "DATE"
    if not m["mod"] or (season == "fall" and m["mod"].lower() == "the"):
        return None  # a bare "fall" or "the fall" is mostly the verb or noun
    return cal.season_of_year(ctx.day, season, _shift_word(m["mod"]) or 0), "DATE"


_REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "recently": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
}  # fmt: skip
#: Where these words are conjunctions or adverbs of sequence, not times: "as soon as", "soon after".
_NOT_A_REFERENCE = re.compile(r"\bas\s+(?:soon|now)\s+as\b|\bsoon\s+(?:after|afterwards?|thereafter|before)\b", re.I)


@_rule("en-reference", r"\b(?P<word>" + _words(_REFERENCES) + r")\b(?!\s*(?:,\s*)?(?:that|than)\b)", re.IGNORECASE)
def _reference(m: re.Match[str], ctx: Context) -> Resolution:
    if _NOT_A_REFERENCE.search(m.string, max(0, m.start() - 3), m.end() + 12):
        return None
    return _REFERENCES[m["word"].lower()], "DATE"


#: A zone after a clock time, in capitals whatever the rule's flags ("16:15 UTC", not "5 pm that").
_ZONE = r"(?-i:\s+(?P<zone>[A-Z]{2,4}T|GMT|UTC)\b)?"
#: "with 4:08 to go", "2:30 left in the half": time on a game clock, not a time of day.
_GAME_CLOCK_AFTER = re.compile(
    r"\s+(?:to\s+(?:go|play)|left|remaining|(?:still\s+)?on\s+the\s+clock|into\s+the\s+(?:game|match|first|second|"
    r"third|fourth|final|half|period|quarter|overtime))\b",
    re.IGNORECASE,
)


@_rule(
    "en-clock",
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)" + _ZONE
    + r"|\b(?P<hhmm>(?:[01]?\d|2[0-3]):[0-5]\d)\b(?!:\d)" + _ZONE.replace("zone>", "zone2>")
    + r"|\b(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)
def _clock(m: re.Match[str], ctx: Context) -> Resolution:
    day = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
    if m["word"]:
        return (f"{day}T24:00" if m["word"].lower() == "midnight" else f"{day}T12:00"), "TIME"
    if m["hhmm"]:
        if _GAME_CLOCK_AFTER.match(m.string, m.end()):
            return None
        hour, minute = (int(x) for x in m["hhmm"].split(":"))
        return _time_of_day(day, hour, minute), "TIME"
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    if hour > 23 or int(m["hour"]) > 12:
        return None
    return _time_of_day(day, hour, int(m["minute"] or 0)), "TIME"


_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H"}  # fmt: skip


@_rule(
    "en-set",
    r"\b(?:(?P<every>every|each|per)\s+(?:(?P<num>other|" + _EN_NUM + r")\s+)?(?P<unit>" + _EN_UNITS + "|"
    + _words(_EN_WEEKDAYS) + "|" + _words(_EN_MONTHS) + r")\b|(?P<adverb>" + _words(_SET_ADVERBS)
    + r")(?=\s*[,.;]|\s+(?:and|or|basis)\b))",
    re.IGNORECASE,
)
def _set(m: re.Match[str], ctx: Context) -> Resolution:
    if m["adverb"]:
        return _SET_ADVERBS[m["adverb"].lower()], "SET"
    if m["unit"].title() in _EN_WEEKDAYS:
        return f"XXXX-WXX-{_en_weekday(m['unit']) + 1}", "SET"
    if m["unit"].title() in _EN_MONTHS:
        return f"XXXX-{_en_month(m['unit']):02d}", "SET"
    amount = 2 if (m["num"] or "").lower() == "other" else parse_number(m["num"] or "1", ENGLISH_NUMBERS) or 1
    return _duration_value(amount, english_unit(m["unit"])), "SET"


@_rule(
    "iso-date",
    r"\b(?P<year>" + _YEAR_DIGITS + r")-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?:T(?P<time>\d\d:\d\d))?\b",
)
def _iso_date(m: re.Match[str], ctx: Context) -> Resolution:
    found = _absolute_day(int(m["year"]), int(m["month"]), int(m["day"]))
    if found and m["time"]:
        return f"{found[0]}T{m['time']}", "TIME"
    return found


def _numeric_date_rule(order: str) -> Rule:
    """dd/mm/yyyy or mm/dd/yyyy (and dots) in the order the language writes them."""

    @_rule(f"numeric-date-{order}", r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
    def resolve(m: re.Match[str], ctx: Context) -> Resolution:
        month, day = (int(m["a"]), int(m["b"])) if order.startswith("M") else (int(m["b"]), int(m["a"]))
        return _absolute_day(int(m["year"]), month, day)

    return resolve


_WORK_BEFORE = re.compile(r"\b(?:film|movie|show|series|song|album|book|novel|play|musical|opera)\s+$", re.IGNORECASE)
#: Things of a holiday's season, held or bought on other days than the holiday: "an office Christmas party
#: Friday" is no 25 December, nor are "Christmas shoppers" or "a Halloween display" ("a Labor Day interview"
#: or "the Christmas special" are given on the day, and keep it).
_SEASON_AFTER = re.compile(
    r"\s+(?:part(?:y|ies)|celebrations?|trees?|shop(?:pers|ping)|gifts?|presents?|season|sales|stockings?|"
    r"displays?|decorations?|lights|cards?|markets?|spread|period|holidays?|break|rush|bonus(?:es)?)\b",
    re.IGNORECASE,
)
_HOLIDAY_NAMES = sorted({name.title().replace("'S", "'s") for name in cal.HOLIDAYS}, key=len, reverse=True)


@_rule(
    "en-holiday",
    r"\b(?P<name>" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _HOLIDAY_NAMES) + r")\b"
    r"(?:,?\s+(?:of\s+)?(?P<year>" + _YEAR + r"))?",
)
def _holiday(m: re.Match[str], ctx: Context) -> Resolution:
    """"Christmas", "Thanksgiving", "Election Day": that day of the written year, or of the year the tense gives;
    after a kind of work it is a title ("the film Independence Day"); before a thing of its season
    (:data:`_SEASON_AFTER`) it names no day."""
    if _prefix_blocked(m, _WORK_BEFORE) or (not m["year"] and _SEASON_AFTER.match(m.string, m.end())):
        return None
    name = " ".join(m["name"].split())
    value = cal.holiday(ctx.day, name, ctx.side(m.start(), m.end()), int(m["year"]) if m["year"] else None)
    return (value, "DATE") if value else None


ENGLISH_RULES: list[Rule] = [
    _holiday, _month_day, _day_month, _month_year, _month_relative_year, _month, _weekday, _day_word, _part_of_day,
    _relative_period,
    _ago, _fraction_of_century, _duration, _vague_duration, _year, _decade, _quarter, _the_quarter, _year_ago,
    _the_weekend, _century,
    _numbered_quarter, _season, _reference,
    _clock, _set, _iso_date, _numeric_date_rule("MDY"),
]  # fmt: skip


# ---------------------------------------------------------------------------
# Other languages, from dateparser's locale words


#: A number that reads as a year (1800-2100) before a word for "year".
_YEAR_LIKE = re.compile(r"18\d\d|19\d\d|20\d\d|2100")
#: Words for "year" that follow an amount, never a date ("2014 лет", "2014 years"): the rest ("году", "года",
#: "год") name the year itself after its number.
_YEARS_OF_AMOUNT = frozenset({"лет", "years", "ans", "años", "anni", "jahre", "jahren", "lat"})


def _lexicon_rules(lex: Lexicon) -> list[Rule]:
    """Dates, months, weekdays, fixed relative phrases and "N units ago" for one language."""
    months = _words(lex.months)
    weekdays = _words(lex.weekday_words)
    flags = re.IGNORECASE
    rules: list[Rule] = []

    @_rule(
        f"{lex.language}-day-month",
        r"(?:\b(?P<wd>" + weekdays + r"),?\s+)?\b(?P<day>[12]\d|3[01]|0?[1-9])(?:er|\.|º|°)?\s+(?:de\s+)?(?P<month>"
        + months + r")\b(?:\s+(?:del?\s+)?(?P<year>" + _YEAR + "))?",
        flags,
    )
    def day_month(m: re.Match[str], ctx: Context) -> Resolution:
        month, day = lex.months[m["month"].lower()], int(m["day"])
        year = m["year"] or ctx.frame_year(m.start(), m.end())
        if year:
            return _absolute_day(int(year), month, day)
        weekday = lex.weekdays.get(m["wd"].lower()) if m["wd"] else None
        return cal.day_of_year(ctx.day, month, day, ctx.side(m.start(), m.end()), weekday), "DATE"

    @_rule(
        f"{lex.language}-month-year",
        r"\b(?P<month>" + months + r")\b\s+(?:del?\s+)?(?P<year>" + _YEAR + ")",
        flags,
    )
    def month_year(m: re.Match[str], ctx: Context) -> Resolution:
        return f"{m['year']}-{lex.months[m['month'].lower()]:02d}", "DATE"

    @_rule(f"{lex.language}-month", r"\b(?P<month>" + _words(lex.month_words) + r")\b", flags)
    def month(m: re.Match[str], ctx: Context) -> Resolution:
        month_number = lex.month_words[m["month"].lower()]
        return cal.month_of_year(ctx.day, month_number, ctx.side(m.start(), m.end())), "DATE"

    parts = PARTS_OF_DAY.get(lex.language, {})
    part = (r"(?:" + ("" if lex.language in GLUED_PARTS_OF_DAY else r"\s+") + r"(?P<part>" + _words(parts) + r"))?") if parts else ""

    @_rule(f"{lex.language}-weekday", r"\b(?P<wd>" + weekdays + r")" + part + r"\b", flags)
    def weekday(m: re.Match[str], ctx: Context) -> Resolution:
        value = cal.weekday(ctx.day, lex.weekday_words[m["wd"].lower()], ctx.direction(m.start(), m.end()))
        if m.groupdict().get("part"):  # "Montagabend", "lundi soir": a part of that day
            return f"{value}T{parts[m['part'].lower()]}", "TIME"
        return value, "DATE"

    rules += [day_month, month_year, month, weekday]
    if lex.modifiers:
        modifiers = _words(lex.modifiers)
        names = _words([*lex.weekday_words, *lex.month_words, *lex.units])

        @_rule(
            f"{lex.language}-relative-name",
            # "le 20 mars dernier", "el 20 de marzo pasado": a day before the month names that day
            r"\b(?:(?P<day>[12]\d|3[01]|0?[1-9])(?:er|\.|º|°)?\s+(?:de\s+)?(?=(?:" + months + r")\s+(?:" + modifiers + r")\b))?"
            r"(?:(?P<pre>" + modifiers + r")\s+)?(?P<name>" + names + r")(?:\s+(?P<post>" + modifiers + r"))?\b",
            flags,
        )
        def relative_name(m: re.Match[str], ctx: Context) -> Resolution:
            if not (m["pre"] or m["post"]):
                return None
            shift = lex.modifiers[(m["pre"] or m["post"]).lower()]
            name = m["name"].lower()
            if m["day"] and name in lex.month_words:
                return cal.day_on_side(ctx.day, lex.month_words[name], int(m["day"]), shift), "DATE"
            if name in lex.weekday_words:
                return _relative_weekday(ctx, lex.weekday_words[name], shift), "DATE"
            if name in lex.month_words:
                return _relative_month(ctx, lex.month_words[name], shift), "DATE"
            unit = lex.units[name]
            return (cal.shifted(ctx.day, unit, shift), "DATE") if unit in ("year", "month", "week", "day") else None

        rules.append(relative_name)
    if lex.phrases:
        nouns = PHRASES_AS_NOUN.get(lex.language, {})

        @_rule(f"{lex.language}-phrase", r"(?<!\w)(?P<phrase>" + _words(lex.phrases) + r")(?!\w)", flags)
        def phrase(m: re.Match[str], ctx: Context) -> Resolution:
            word = m["phrase"].lower()
            noun_cue = nouns.get(word)
            if noun_cue and noun_cue.search(ctx.text[max(0, m.start() - 20) : m.start()]):
                return None  # "a media mañana": a part of the day, not "tomorrow"
            unit, amount = lex.phrases[word]
            return _offset_value(ctx, unit, amount)

        rules.append(phrase)
        if lex.language in DAY_PART_PHRASES or lex.language in PARTS_OF_DAY:
            rules.append(_day_part_rule(lex))
    numbers = "|".join([r"\d+", *map(re.escape, lex.numbers)])
    for sign, (before, after) in OFFSET_WORDS.get(lex.language, {}).items() if lex.units else ():
        around = (re.escape(before) + r"\s+" if before else "", r"\s+" + re.escape(after) if after else "")
        not_after = OFFSET_NOT_AFTER.get(lex.language)
        guard = rf"(?<!\b{not_after}\s)" if not_after else ""

        @_rule(
            f"{lex.language}-offset-words{sign:+d}",
            r"(?<!\w)" + guard + around[0] + r"(?P<num>" + numbers + r")\s+(?P<unit>" + _words(lex.units) + r")" + around[1] + r"(?!\w)",
            flags,
        )
        def offset_words(m: re.Match[str], ctx: Context, sign: int = sign) -> Resolution:
            amount = parse_number(m["num"], lex.numbers)
            return _offset_value(ctx, lex.units[m["unit"].lower()], sign * amount) if amount else None

        rules.append(offset_words)
    for index, (regex, unit, sign) in enumerate(lex.offset_patterns):

        @_rule(f"{lex.language}-offset-{index}", r"(?<!\w)" + regex + r"(?!\w)", flags)
        def offset(m: re.Match[str], ctx: Context, unit: str = unit, sign: int = sign) -> Resolution:
            return _offset_value(ctx, unit, sign * int(float(m.group(1).replace(",", "."))))

        rules.append(offset)
    if lex.language in CLOCK_WORDS:
        rules.append(_hour_of_day_rule(lex))
    if lex.language in DECADE_WORDS:
        rules.append(_decade_rule(lex.language))
    if lex.units:

        @_rule(
            f"{lex.language}-duration", r"\b(?P<num>" + numbers + r")\s+(?P<unit>" + _words(lex.units) + r")\b", flags
        )
        def duration(m: re.Match[str], ctx: Context) -> Resolution:
            amount = parse_number(m["num"], lex.numbers)
            unit = lex.units[m["unit"].lower()]
            if unit == "year" and _YEAR_LIKE.fullmatch(m["num"]) and m["unit"].lower() not in _YEARS_OF_AMOUNT:
                return m["num"], "DATE"  # "в 2014 году", "после 2022 года": the year 2014, not 2014 years
            return (_duration_value(amount, unit), "DURATION") if amount else None

        rules.append(duration)
    return [*rules, _year, _clock, _iso_date, _numeric_date_rule(lex.date_order)]


def _day_part_rule(lex: Lexicon) -> Rule:
    """A part of a relative day: "esta mañana", "ce soir", "stasera" (this morning, this evening) and a day
    word with a part after it ("heute Morgen", "hier soir", "ieri sera"), as English "this morning" and
    "yesterday evening" are read; "cette nuit", "heute Nacht" after a past verb as "last night"."""
    fixed = DAY_PART_PHRASES.get(lex.language, {})
    parts = PARTS_OF_DAY.get(lex.language, {})
    night_gone = NIGHT_GONE_AFTER_PAST.get(lex.language, set())
    days = [word for word, (unit, _) in lex.phrases.items() if unit == "day"]
    alternatives = [r"(?P<fixed>" + _words(fixed) + ")"] if fixed else []
    if parts and days:
        alternatives.append(r"(?P<day>" + _words(days) + r")\s+(?P<part>" + _words(parts) + ")")

    @_rule(f"{lex.language}-day-part", r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    def resolve(m: re.Match[str], ctx: Context) -> Resolution:
        if m.groupdict().get("fixed"):
            offset, code = fixed[m["fixed"].lower()]
        else:
            offset, code = lex.phrases[m["day"].lower()][1], parts[m["part"].lower()]
        if " ".join(m.group().lower().split()) in night_gone and ctx.in_past(m.start(), m.end()):
            offset = -1
        return _day_part(ctx, offset, code)

    return resolve


def _hour_of_day_rule(lex: Lexicon) -> Rule:
    """"vers 15 heures", "a las 15 horas", "um 11 Uhr": a time of day after the language's clock words, not a
    duration. Without a word for hours only right after a day or a part of one ("mañana a las 10", "el lunes a
    las 9:30"), where the clock word cannot be "to the" ("a las 10 empresas")."""
    hours = _words([*(word for word, unit in lex.units.items() if unit == "hour"), *HOUR_WORDS.get(lex.language, ())])
    clock = r"(?:" + CLOCK_WORDS[lex.language] + r")\s+$"
    before = re.compile(r"\b" + clock, re.IGNORECASE)
    days = [
        *(word for word, (unit, _) in lex.phrases.items() if unit == "day"),
        *lex.weekday_words,
        *PARTS_OF_DAY.get(lex.language, {}),
        *DAY_PART_PHRASES.get(lex.language, {}),
    ]
    after_day = re.compile(r"(?<!\w)(?:" + _words(days) + r")\s+" + clock, re.IGNORECASE)

    @_rule(
        f"{lex.language}-hour-of-day",
        r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?(?:\s+(?P<unit>" + hours + r")\b)?(?![:.,]?\d)",
        re.IGNORECASE,
    )
    def resolve(m: re.Match[str], ctx: Context) -> Resolution:
        if not _prefix_blocked(m, before):
            return None
        if not m["unit"] and not after_day.search(m.string, max(0, m.start() - 40), m.start()):
            return None
        day = ctx.day.isoformat() if ctx.day else "XXXX-XX-XX"
        return _time_of_day(day, int(m["hour"]), int(m["minute"] or 0)), "TIME"

    return resolve


def _decade_rule(language: str) -> Rule:
    """"les années 1990", "la década de 1980", "los años noventa": the decade, as English "the 1990s"."""
    lead, names = DECADE_WORDS[language]
    named = r"|(?P<name>" + _words(names) + ")" if names else ""
    pattern = r"\b" + lead + r"\s+(?:(?P<century>1[6-9]|20)(?P<dec>\d)0|(?P<short>\d)0" + named + r")\b"

    @_rule(f"{language}-decade", pattern, re.IGNORECASE)
    def resolve(m: re.Match[str], ctx: Context) -> Resolution:
        if m["century"]:
            return f"{m['century']}{m['dec']}", "DATE"
        decade = int(m["short"]) if m["short"] else names.index(m["name"].lower()) + 2
        return f"19{decade}", "DATE"

    return resolve


def _offset_value(ctx: Context, unit: str, amount: int) -> Resolution:
    if unit in ("hour", "minute", "second"):
        if amount == 0:
            return "PRESENT_REF", "DATE"
        return _clock_offset(ctx, unit, abs(amount), amount < 0)
    return cal.shifted(ctx.day, unit, amount), "DATE"


def _language_code(language: str | None) -> str:
    return (language or "en").lower().split("-")[0].split("_")[0]


@lru_cache(maxsize=32)
def rules_for(language: str | None) -> list[Rule]:
    """The English grammar for English or unknown text, else the language's lexicon rules."""
    code = _language_code(language)
    lex = lexicon_for(code) if code != "en" else None
    return _lexicon_rules(lex) if lex else ENGLISH_RULES


def tense_cues_for(language: str | None) -> re.Pattern[str]:
    """The language's tense cues (English for English, unknown languages and ones without a list)."""
    code = _language_code(language)
    return tense_cues(code if code in TENSE_CUES else "en")


@lru_cache(maxsize=32)
def frame_years_for(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The language's year frames (``FRAME_YEARS``): an opening one, matched at a sentence's start, and a season."""
    frames = FRAME_YEARS.get(_language_code(language))
    if frames is None:
        return None
    year = r"(?P<year>" + _YEAR_DIGITS + r")(?![\d/]|\s*[-–]\s*\d)"
    opening, season = (frame.replace("{year}", year) for frame in frames)
    return re.compile(r"[\s\"'“”«»(]*" + opening + r"\b"), re.compile(r"\b" + season + r"\b", re.IGNORECASE)


def clause_breaks_for(language: str | None) -> re.Pattern[str]:
    """Where the language's clauses start (English words where its tense cues are English too)."""
    code = _language_code(language)
    return clause_breaks(code if code in TENSE_CUES else "en")
