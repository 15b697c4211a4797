"""Time expressions: find them in text and normalise them to TimeML TIMEX3 values.

``find_times`` runs the grammar of ``times_rules`` over the text, keeps the
longest non-overlapping matches, and resolves each against the anchor (the
article's publication date): "Sunday" in a past-tense sentence is the Sunday
on or before the anchor, "next Sunday" the one after, "in March" the latest
March not after the anchor unless the tense points forward.

Without an anchor, absolute dates ("December 9, 2022", "2014") are still
resolved; relative ones get TimeML's *underspecified* value of the same
granularity ("XXXX-WXX-7" for "Sunday", "XXXX-12-09" for "Dec. 9",
"XXXX-XX-XX" for "yesterday"), so nothing is guessed and the value stays a
valid TIMEX3. Durations and PRESENT_REF/PAST_REF need no anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import pairwise

from storyline.enrich.languages import normalise_language
from storyline.enrich.times_cjk import CJK_LANGUAGES, CJK_RULES, cjk_tense_cues
from storyline.enrich.times_lexicon import CLOCK_WORDS, LOWER_CASE_CALENDAR, NIGHT_BETWEEN_DAYS, PRESS_WORDS
from storyline.enrich.times_ranges import join_ranges
from storyline.enrich.times_rules import (
    Context,
    Rule,
    clause_breaks_for,
    frame_years_for,
    rules_for,
    tense_cues_for,
)
from storyline.model import TimeExpression


def find_times(text: str, anchor: datetime | None, language: str | None = None) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, resolved against ``anchor`` (publication date).

    Anaphoric ones ("the following year", "a day later") are resolved in a second pass, against the
    explicit dates the first found before them."""
    code = normalise_language(language)
    cjk = code in CJK_LANGUAGES
    if cjk:
        context = Context(text, anchor, cjk_tense_cues(code), clause_breaks=None)
    else:
        cues, breaks, frames = tense_cues_for(language), clause_breaks_for(language), frame_years_for(language)
        context = Context(text, anchor, cues, breaks, frames=frames)
    rules = CJK_RULES if cjk else rules_for(language)
    german = code == "de"
    candidates = _candidates(text, rules, range(len(rules)), context, german)
    found = _longest_first(candidates)
    anaphoric = [rank for rank, rule in enumerate(rules) if rule.anaphoric]
    if anaphoric and found:
        kept = {id(t) for t in found}
        context.explicit = [(c[3].start, c[3].value) for c in candidates if id(c[3]) in kept and c[2] not in anaphoric]
        candidates = [c for c in candidates if c[2] not in anaphoric]
        found = _longest_first(candidates + _candidates(text, rules, anaphoric, context, german))
    found = [t for t in found if not _part_of_a_name(text, t, code)]
    found = _join_week_and_day(text, _join_night(text, found, code))
    return join_ranges(text, _join_clock_and_day(text, found), anchor, code)


#: A day next to a press word, with at most one short particle between ("Welt am Sonntag", "Sunday Times"), but
#: not the preposition of a date ("an article in The Times on Friday").
_PRESS_BEFORE = re.compile(r"\b(?:" + PRESS_WORDS + r")(?:\s+(?!on\b)[a-z]{1,3})?\s+$")
_PRESS_AFTER = re.compile(r"\s+(?:[a-z]{1,3}\s+)?(?:" + PRESS_WORDS + r")\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\s\"'“”«»]*)$")
#: English words of time written in lower case inside a sentence: capitalised, they are a name ("Russia Today").
_ENGLISH_LOWER_CASE = frozenset({"today", "tonight", "now", "yesterday", "tomorrow"})


def _part_of_a_name(text: str, found: TimeExpression, language: str) -> bool:
    """Whether a one-word expression is a word of a title or name: next to a press word, or capitalised
    inside a sentence in a language that writes it in lower case."""
    word = found.text
    if not word.isalpha() or not word[:1].isupper():
        return False
    before = text[max(0, found.start - 40) : found.start]
    if _PRESS_BEFORE.search(before) or _PRESS_AFTER.match(text, found.end):
        return True
    if _SENTENCE_START.search(before):
        return language in LOWER_CASE_CALENDAR and bool(re.match(r"\s+[A-Z]", text[found.end :]))
    return language in LOWER_CASE_CALENDAR or (language == "en" and word.lower() in _ENGLISH_LOWER_CASE)


Candidate = tuple[int, int, int, TimeExpression]  # (-length, start, rule rank, found)


def _candidates(text: str, rules: list[Rule], ranks: Iterable[int], context: Context, german: bool) -> list[Candidate]:
    """Every match of the rules of ``ranks`` that its resolver accepts."""
    candidates: list[Candidate] = []
    for rank in ranks:
        rule = rules[rank]
        for match in rule.pattern.finditer(text):
            if match.end() == match.start():
                continue
            resolved = rule.resolve(match, context)
            if resolved is None:
                continue
            value, kind = resolved
            if german and _german_noun(text, match):
                continue
            found = TimeExpression(text=match.group(), start=match.start(), end=match.end(), value=value, type=kind)
            candidates.append((match.start() - match.end(), match.start(), rank, found))
    return candidates


#: German adverbs of day, lower case in running text: capitalised after a sentence's first word they are nouns
#: ("am frühen Morgen", the newspaper "Mannheimer Morgen"), not "tomorrow".
_GERMAN_DAY_ADVERBS = frozenset({"morgen", "heute", "gestern", "übermorgen", "vorgestern"})


def _german_noun(text: str, match: re.Match[str]) -> bool:
    word = match.group()
    if word.lower() not in _GERMAN_DAY_ADVERBS or not word[:1].isupper():
        return False
    before = text[: match.start()].rstrip(" \t\"„“«»")
    return bool(before) and before[-1] not in ".!?:\n"


def _longest_first(candidates: list[Candidate]) -> list[TimeExpression]:
    """Keep the longest of overlapping matches (the earlier rule on a tie), in text order."""
    taken: list[TimeExpression] = []
    used = bytearray(max((c[3].end for c in candidates), default=0))  # 1 = character already in a kept match
    for *_, found in sorted(candidates, key=lambda c: c[:3]):
        if not any(used[found.start : found.end]):
            used[found.start : found.end] = b"\x01" * (found.end - found.start)
            taken.append(found)
    return sorted(taken, key=lambda t: t.start)


#: A day, alone or with a part of it ("Thursday night": 2010-05-06TNI), that a clock time can sit on.
_DAY_VALUE = re.compile(r"^(?P<day>[\dX]{4}-(?:\d\d-\d\d|WXX-\d))(?:T(?P<part>MO|AF|EV|NI))?$")
_CLOCK_VALUE = re.compile(r"T(?P<hour>\d\d):(?P<minute>\d\d)$")
#: Parts of the day whose hours on a twelve-hour clock are after noon: (first hour read as such, last hour).
_AFTERNOON_HOURS = {"AF": (1, 11), "EV": (1, 11), "NI": (6, 11)}
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")
_DAY_THEN_CLOCK = re.compile(r"\s*,?\s*(?:(?:at|" + "|".join(CLOCK_WORDS.values()) + r")\s+)?", re.IGNORECASE)


def _join_clock_and_day(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """"10 p.m. Wednesday", "Nov. 9 at 5 p.m.": one TIME on that day, not a TIME today and a DATE."""
    joined: list[TimeExpression] = []
    for current in found:
        previous = joined[-1] if joined else None
        if previous is not None:
            gap = text[previous.end : current.start]
            clock, day = (previous, current) if _CLOCK_THEN_DAY.fullmatch(gap) else (current, previous)
            pattern = _CLOCK_THEN_DAY if clock is previous else _DAY_THEN_CLOCK
            day_value = _DAY_VALUE.match(day.value)
            clock_value = _CLOCK_VALUE.search(clock.value)
            if pattern.fullmatch(gap) and clock_value and day_value:
                value = f"{day_value['day']}T{_hour_in_part(clock_value, day_value['part'])}"
                span = text[previous.start : current.end]
                joined[-1] = TimeExpression(span, previous.start, current.end, value, "TIME")
                continue
        joined.append(current)
    return joined


#: A calendar week ("volgende week": 2008-W11) and a day of it.
_WEEK_VALUE = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d\d)$")
_DATED_DAY = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)(?P<part>T(?:MO|AF|EV|NI))?$")


def _join_week_and_day(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """"volgende week dinsdag", "Tuesday next week", "nächste Woche Dienstag": one day, the weekday of that
    week, where the tense alone would give the nearest such weekday (this week's Tuesday, said on a Monday)."""
    joined: list[TimeExpression] = []
    for current in found:
        previous = joined[-1] if joined else None
        if previous is not None and not text[previous.end : current.start].strip():
            week, day = (previous, current) if _WEEK_VALUE.match(previous.value) else (current, previous)
            week_value, day_value = _WEEK_VALUE.match(week.value), _DATED_DAY.match(day.value)
            if week_value and day_value and not any(c.isdigit() for c in day.text):
                weekday = date.fromisoformat(day_value["day"]).isoweekday()
                value = date.fromisocalendar(int(week_value["year"]), int(week_value["week"]), weekday).isoformat()
                span = text[previous.start : current.end]
                value += day_value["part"] or ""
                joined[-1] = TimeExpression(span, previous.start, current.end, value, day.type)
                continue
        joined.append(current)
    return joined


def _join_night(text: str, found: list[TimeExpression], language: str) -> list[TimeExpression]:
    """"in de nacht van zaterdag op zondag", "nella notte tra sabato e domenica": the night of the first day
    (TimeML's part of day "NI"), one expression, not two days (nor a range of them)."""
    words = NIGHT_BETWEEN_DAYS.get(language)
    if words is None:
        return found
    opener, joiner = (re.compile(pattern, re.IGNORECASE) for pattern in words)
    joined: list[TimeExpression] = []
    for current in found:
        previous = joined[-1] if joined else None
        first = _DATED_DAY.match(previous.value) if previous is not None else None
        second = _DATED_DAY.match(current.value)
        if (
            previous is not None
            and first
            and second
            and not first["part"]
            and date.fromisoformat(second["day"]) - date.fromisoformat(first["day"]) == timedelta(days=1)
            and opener.search(text, max(0, previous.start - 24), previous.start)
            and joiner.fullmatch(text, previous.end, current.start)
        ):
            span = text[previous.start : current.end]
            joined[-1] = TimeExpression(span, previous.start, current.end, f"{first['day']}TNI", "TIME")
            continue
        joined.append(current)
    return joined


def _hour_in_part(clock: re.Match[str], part: str | None) -> str:
    """The clock time read in the part of the day it was said with: "heute Abend um 11 Uhr" is 23:00."""
    hour = int(clock["hour"])
    first, last = _AFTERNOON_HOURS.get(part or "", (1, 0))
    if first <= hour <= last:
        hour += 12
    return f"{hour:02d}:{clock['minute']}"


#: Dated articles of one story further apart than this are not one run of coverage: copies follow their event
#: within days and follow-ups within weeks, so a lone date months off is a wrong date (a year off on the page).
_COVERAGE_GAP = timedelta(days=31)


def estimate_publication(dated: list[datetime]) -> TimeExpression | None:
    """A bounded publication estimate for an undated article from its story's dated articles.

    The value is the earliest publication date of the story's main run of
    coverage (an undated copy cannot predate the event it reports, and copies
    follow within days): the run (:func:`_coverage_runs`) with most dated
    articles, the earliest on a tie, so one article dated a year off does not
    move the estimate. The text gives the run's range, and the dates left out,
    so a reader sees how loose the bound is.
    """
    if not dated:
        return None
    runs = _coverage_runs(sorted(d.date() for d in dated))
    days = max(runs, key=len)  # the first of the longest: the earliest on a tie
    first, last = days[0].isoformat(), days[-1].isoformat()
    span = first if first == last else f"{first} to {last}"
    plural = "s" if len(days) > 1 else ""
    text = f"estimated from {len(days)} dated article{plural} of the story: {span}"
    apart = [d.isoformat() for run in runs if run is not days for d in run]
    if apart:
        text += f" ({len(apart)} dated apart from the rest left out: {', '.join(apart)})"
    return TimeExpression(text=text, start=0, end=0, value=first, type="DATE", estimated=True)


def _coverage_runs(days: list[date]) -> list[list[date]]:
    """Sorted ``days`` cut where two follow each other by more than :data:`_COVERAGE_GAP`."""
    runs = [[days[0]]]
    for previous, day in pairwise(days):
        if day - previous > _COVERAGE_GAP:
            runs.append([])
        runs[-1].append(day)
    return runs
