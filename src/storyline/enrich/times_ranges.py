"""Date ranges: "Dec. 9-11", "9-11 December", "2019-21", "from Monday to Wednesday", "between March and May".

A range keeps its start in ``value`` and gives its last day, month or year in ``until``. Where both ends
are time expressions of their own joined by words ("from Aug. 26 to Oct. 20", "between 1998 and 2003") both
stay, as TimeML tags them (two TIMEX3, TimeBank's convention), and the start carries ``until``, as do months
and years joined by a dash ("March–May 2021", "1998–2003"); a compact range whose start is a bare number
("Dec. 9-11", "9-11 December", "2019-21") or of days across months joined by a dash ("Nov. 30-Dec. 2") is
one expression from its first character to its last.
The two ends of a range are also put in order: one without its year takes it from the other, and a range
cannot end before it starts.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from storyline.enrich.times_calendar import calendar_day
from storyline.enrich.times_lexicon import lexicon_for
from storyline.model import TimeExpression

_DASH = r"\s*[-\u2013\u2014]\s*"
_DASH_JOIN = re.compile(_DASH)


@dataclass(frozen=True)
class RangeWords:
    """How a language writes a range in words. ``between`` and ``opens`` come before the start ("between",
    "from"); ``joins`` and ``pairs`` between the ends ("to", "and"); a pair word needs a ``between`` word
    first ("in March and May" is two months), a join word an opener, but for the ``joins_alone`` ("Monday
    through Friday", "Montag bis Freitag"); ``articles`` may follow an opener or a joiner ("entre le 9 et le
    11"). A word ending in an apostrophe is written against the next ("dall'8 all'11")."""

    between: tuple[str, ...]
    opens: tuple[str, ...]
    joins: tuple[str, ...]
    pairs: tuple[str, ...]
    articles: tuple[str, ...] = ()
    joins_alone: tuple[str, ...] = ()

    @cached_property
    def open_before(self) -> re.Pattern[str]:
        """The opener right before a range's start, with its article."""
        return re.compile(rf"(?<!\w)(?:{_words(self.between + self.opens)})(?:{_words(self.articles)})?$", re.IGNORECASE)

    @cached_property
    def joined_by(self) -> re.Pattern[str]:
        """What stands between a range's two ends written in words."""
        return re.compile(rf"\s*(?:{_words(self.joins + self.pairs)})(?:{_words(self.articles)})?", re.IGNORECASE)

    @cached_property
    def joined_alone(self) -> re.Pattern[str]:
        """A join word that makes a range without an opener, of one word or several ("tot en met")."""
        return re.compile(rf"\s*(?:{_words(self.joins_alone)})", re.IGNORECASE)

    @cached_property
    def day_before(self) -> re.Pattern[str]:
        """The first day of "9-11 December", "from 9 to 11 December", "entre le 9 et le 11 décembre",
        "vom 9. bis 11. Dezember", before the expression of the last; not a score or a number's tail ("2-1",
        "1,9-11")."""
        return re.compile(
            rf"(?<![\d.,:/-])\b(?:(?P<opener>{_words(self.between)})(?:{_words(self.articles)})?)?"
            rf"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.)?(?P<join>{_DASH}|\s+(?:{_words(self.joins + self.pairs)})"
            rf"(?:{_words(self.articles)})?)$",
            re.IGNORECASE,
        )

    def needs_opener(self, join: str) -> bool:
        """Whether the words between the ends are a pair word ("and"), which needs "between" first."""
        first = join.split()[0].lower() if join.split() else ""
        return first in self.pairs


def _words(words: tuple[str, ...]) -> str:
    """Alternatives of whole words, each with the space after it (none after an apostrophe)."""
    forms = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) + ("" if w.endswith(("'", "\u2019")) else r"\s+") for w in forms) or "(?!)"


#: Range words of the languages whose dates the rules read; others take ranges written with a dash only.
RANGE_WORDS = {
    "en": RangeWords(("between",), ("from",), ("to", "until", "till", "through", "thru"), ("and",), joins_alone=("through", "thru")),
    "fr": RangeWords(("entre",), ("du", "de", "depuis"), ("au", "à", "jusqu'au", "jusqu\u2019au"), ("et",), ("le", "l'")),
    "es": RangeWords(("entre",), ("del", "de", "desde"), ("al", "a", "hasta"), ("y",), ("el",)),
    "pt": RangeWords(("entre",), ("de", "do", "desde"), ("a", "ao", "até"), ("e",), ("o",)),
    "it": RangeWords(("tra", "fra"), ("dal", "da", "dall'", "dall\u2019"), ("al", "a", "all'", "all\u2019"), ("e",), ("il", "l'")),
    "de": RangeWords(("zwischen",), ("vom", "von", "ab"), ("bis zum", "bis zur", "bis"), ("und",), ("dem", "der"), ("bis",)),
    "nl": RangeWords(("tussen",), ("van", "vanaf"), ("tot en met", "t/m", "tot"), ("en",), (), ("tot en met", "t/m")),
}
#: A range written with a dash only ("9-11", "2019-2021").
_DASH_ONLY = RangeWords((), (), (), ())
#: The last day after "Dec. 9": "-11", "–11th", and the year that may follow (", 2022").
_DAY_AFTER = re.compile(
    _DASH + r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![-\u2013/:.]?\d|\s*(?:[ap]\.?m\b|h\b|o'clock))",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r",?\s+(?P<year>1[6-9]\d\d|20\d\d)\b(?![-\u2013/:.]?\d)")
#: A year before the dash of "2019-2021" (the grammar does not take a year before "-digit").
_YEAR_BEFORE = re.compile(r"(?<![\d.,:/-])\b(?P<year>1[6-9]\d\d|20\d\d)" + _DASH + "$")
#: "2019-21", "1999-00": a span of years whose end gives its last two digits.
_SHORT_YEARS = re.compile(
    r"(?<![\d.,:/$£€#-])\b(?P<start>1[6-9]\d\d|20\d\d)[-\u2013](?P<end>\d\d)\b(?![-\u2013/:.,]?\d)"
)
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d$")  # the year may be unknown
_YEAR_VALUE = re.compile(r"^\d{4}$")
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
_WRITTEN_YEAR = re.compile(r"\d{4}|\b\d\d$")
_ENDS_WITH_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?$")
_STARTS_WITH_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\b")


def join_ranges(text: str, found: list[TimeExpression], anchor: datetime | None, language: str) -> list[TimeExpression]:
    """``found`` (in text order) with compact ranges made one expression and the ends of every range put in
    order, the start carrying ``until``; ranges in words as ``language`` writes them (:data:`RANGE_WORDS`)."""
    words = RANGE_WORDS.get(language, _DASH_ONLY)
    lexicon = lexicon_for(language)
    weekdays = set(lexicon.weekday_words) if lexicon else set()
    joined = _short_year_spans(text, _compact_ranges(text, found, words))
    for index in range(len(joined) - 1):
        first, second = joined[index], joined[index + 1]  # read after the previous step's change
        if _is_range(text, first, second, words):
            weekly = all(t.text.strip().lower() in weekdays for t in (first, second))
            first, second = _ordered(first, second, anchor, weekly)
            joined[index] = dataclasses.replace(first, until=second.value)
            joined[index + 1] = second
    return _dashed_days_as_one(text, joined)


def _dashed_days_as_one(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """"Nov. 30-Dec. 2": a range of days joined by a dash alone is one expression, as "Dec. 9-11" is."""
    merged: list[TimeExpression] = []
    for expression in found:
        start = merged[-1] if merged else None
        if (
            start
            and start.until == expression.value
            and _DAY_VALUE.match(expression.value)
            and _DASH_JOIN.fullmatch(text, start.end, expression.start)
        ):
            merged[-1] = dataclasses.replace(start, text=text[start.start : expression.end], end=expression.end)
        else:
            merged.append(expression)
    return merged


def _compact_ranges(text: str, found: list[TimeExpression], words: RangeWords) -> list[TimeExpression]:
    """"9-11 December", "Dec. 9-11, 2022", "2019-2021": the start (a bare number) joined to the expression
    it belongs to; a year written after the range ("Dec. 9-11, 2022") joins too and dates the start."""
    joined: list[TimeExpression] = []
    position = 0
    while position < len(found):
        current = found[position]
        following = found[position + 1] if position + 1 < len(found) else None
        day_first = _day_first(text, current, joined[-1].end if joined else 0, words)
        if day_first is not None:
            joined.append(day_first)
        elif (day_last := _day_last(text, current, following)) is not None:
            joined.append(day_last)
            if following is not None and following.start < day_last.end:
                position += 1  # the year written after the range ("Dec. 9-11, 2022") is part of it
        else:
            joined.append(_year_first(text, current, joined[-1].end if joined else 0) or current)
        position += 1
    return joined


def _day_first(text: str, last: TimeExpression, floor: int, words: RangeWords) -> TimeExpression | None:
    """"9-11 December" from "11 December": the first day before it, in the same month."""
    if not _DAY_VALUE.match(last.value) or not _STARTS_WITH_DAY.match(last.text):
        return None
    before = words.day_before.search(text, max(floor, last.start - 32), last.start)
    if before is None or (words.needs_opener(before["join"]) and not before["opener"]):
        return None
    start = before.start("day")
    return _span(text, start, last.end, _same_month(last.value, int(before["day"])), last)


def _day_last(text: str, first: TimeExpression, following: TimeExpression | None) -> TimeExpression | None:
    """"Dec. 9-11" from "Dec. 9": the last day after it, in the same month, and the year written after."""
    if not _DAY_VALUE.match(first.value) or not _ENDS_WITH_DAY.search(first.text):
        return None
    after = _DAY_AFTER.match(text, first.end)
    if after is None:
        return None
    end, value = after.end(), first.value
    year = _YEAR_AFTER.match(text, end)
    if year is not None and not _WRITTEN_YEAR.search(first.text):
        if following is not None and following.start < year.end() and following.value != year["year"]:
            return None  # the number after is something else than the year
        end, value = year.end(), year["year"] + value[4:]
    until = _same_month(value, int(after["day"]))
    return _span(text, first.start, end, value, dataclasses.replace(first, value=until)) if until else None


def _year_first(text: str, last: TimeExpression, floor: int) -> TimeExpression | None:
    """"2019-2021" from "2021": the first year before the dash."""
    if not _YEAR_VALUE.match(last.value) or last.text != last.value:
        return None
    before = _YEAR_BEFORE.search(text, max(floor, last.start - 8), last.start)
    if before is None:
        return None
    return _span(text, before.start("year"), last.end, before["year"], last)


def _short_year_spans(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """"2019-21", "2009-10": years 2019 to 2021, 2009 to 2010, where no expression was found."""
    spans = []
    for match in _SHORT_YEARS.finditer(text):
        start, last_digits = int(match["start"]), int(match["end"])
        end = start - start % 100 + last_digits
        end += 100 if end <= start else 0
        overlaps = any(t.start < match.end() and match.start() < t.end for t in found)
        if _years_apart(start, end, last_digits) and not overlaps:
            value = match["start"]
            spans.append(TimeExpression(match.group(), match.start(), match.end(), value, "DATE", until=str(end)))
    return sorted([*found, *spans], key=lambda t: t.start) if spans else found


def _years_apart(start: int, end: int, last_digits: int) -> bool:
    """Whether "YYYY-NN" reads as a span of at most ten years: a month ("2001-05", "1997-10") is none, so
    an end that could be a month counts only as the next year (a season, "2009-10")."""
    return end - start <= 10 and (last_digits > 12 or end == start + 1)


def _same_month(value: str, day: int) -> str | None:
    """``value``'s month on ``day`` (a range's other end), when that is a real day other than ``value``'s; an
    unknown year ("XXXX-12-09") stays unknown, checked against a leap year."""
    year = value[:4]
    try:
        date(int(year) if year.isdigit() else 2000, int(value[5:7]), day)
    except ValueError:
        return None
    other = f"{value[:8]}{day:02d}"
    return other if other != value else None


def _span(text: str, start: int, end: int, value: str | None, last: TimeExpression) -> TimeExpression | None:
    """One expression over ``text[start:end]`` from ``value`` until ``last``'s value, if it starts first."""
    if value is None or value >= last.value:
        return None
    return TimeExpression(text[start:end], start, end, value, last.type, last.estimated, until=last.value)


def _is_range(text: str, first: TimeExpression, second: TimeExpression, words: RangeWords) -> bool:
    """Whether two calendar values of one granularity are the ends of "between/from ... and/to ..." or
    "... – ..."."""
    if not (_CALENDAR_VALUE.match(first.value) and _CALENDAR_VALUE.match(second.value)):
        return False
    if len(first.value) != len(second.value) or first.until:
        return False
    if _DASH_JOIN.fullmatch(text, first.end, second.start):
        return True
    joined = words.joined_by.fullmatch(text, first.end, second.start)
    if not joined:
        return False
    if words.joined_alone.match(joined.group()):
        return True
    opened = words.open_before.search(text, max(0, first.start - 16), first.start)
    return bool(opened) and (not words.needs_opener(joined.group()) or opened.group().split()[0].lower() in words.between)


def _ordered(first: TimeExpression, second: TimeExpression, anchor: datetime | None, weekly: bool) -> tuple[TimeExpression, ...]:
    """The ends of a range, in order and within one turn of each other: an end without its written year
    takes its turn (year, or week for weekdays, ``weekly`` when both are weekday names) from the other end; when neither has one, the end
    follows the start, unless that carries an end read in the past beyond the report: then the start
    goes back instead ("from Monday to Wednesday" in a past sentence published on a Tuesday)."""
    start, end = calendar_day(first.value), calendar_day(second.value)
    if start is None or end is None:
        return first, second
    start_written, end_written = (bool(_WRITTEN_YEAR.search(t.text)) for t in (first, second))
    if start_written and end_written:
        return first, second
    if end_written:
        return _moved(first, _latest_up_to(start, end, _turn(start, end, weekly))), second
    moved_end = _earliest_from(end, start, _turn(start, end, weekly))
    if start_written or anchor is None or not end <= anchor.date() < moved_end:
        return first, _moved(second, moved_end)
    return _moved(first, _latest_up_to(start, end, _turn(start, end, weekly))), second


def _turn(start: date, end: date, weekly: bool) -> str:
    """What a year-less end repeats with: a week when the ends are weekday names or less than a week the
    wrong way round ("Monday" 5 Dec, "Wednesday" 30 Nov), else a year."""
    return "week" if weekly or timedelta(0) < start - end < timedelta(days=7) else "year"


def _earliest_from(day: date, floor: date, turn: str) -> date:
    """``day`` moved by whole turns to the earliest on or after ``floor``."""
    if turn == "week":
        return floor + timedelta(days=(day - floor).days % 7)
    moved = _with_year(day, floor.year)
    return moved if moved >= floor else _with_year(day, floor.year + 1)


def _latest_up_to(day: date, ceiling: date, turn: str) -> date:
    """``day`` moved by whole turns to the latest on or before ``ceiling``."""
    if turn == "week":
        return ceiling - timedelta(days=(ceiling - day).days % 7)
    moved = _with_year(day, ceiling.year)
    return moved if moved <= ceiling else _with_year(day, ceiling.year - 1)


def _with_year(day: date, year: int) -> date:
    return day.replace(year=year, day=min(day.day, 28) if (day.month, day.day) == (2, 29) else day.day)


def _moved(found: TimeExpression, day: date) -> TimeExpression:
    """``found`` on ``day``, at its own granularity (a month stays a month)."""
    return dataclasses.replace(found, value=day.isoformat()[: len(found.value)])
