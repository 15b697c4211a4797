"""Calendar arithmetic behind TIMEX3 values: shifting an anchor and writing the value.

Every function takes the anchor as a ``date`` or ``None``. With no anchor a
relative expression cannot be placed on the calendar, so it gets the TimeML
*underspecified* form of the same granularity ("XXXX-WXX-7" for "Sunday",
"XXXX-12-09" for "Dec. 9", "XXXX-XX-XX" for "yesterday"): still a valid
TIMEX3 value, and one that says exactly what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

#: Direction a bare expression points to: back (news past tense), forward, or nearest.
PAST, NEAREST, FUTURE = -1, 0, 1
#: Sides only leaned to (a deadline, a verb outside the expression's clause): a date written without its year
#: is then the nearest, one on the other side counting 1.5 times as far.
LEAN_PAST, LEAN_FUTURE = -2, 2

#: Granularities a relative expression can have, with their underspecified value.
UNDERSPECIFIED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


_CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})$")


def calendar_day(value: str) -> date | None:
    """The first day a TIMEX3 calendar value ("2022-12-09", "2022-12", "2022-W50", "2022") can mean: what
    orders values of different granularities on one line."""
    week = _WEEK_VALUE.match(value or "")
    match = _CALENDAR_VALUE.match(value or "")
    try:
        if week:
            return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        if match:
            return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None
    return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the first of the month (only year/month are used)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shifted(anchor: date | None, unit: str, amount: int) -> str:
    """The ``unit``-sized period ``amount`` units from the anchor's one ("last month", "in 3 days")."""
    if anchor is None:
        return UNDERSPECIFIED.get(unit, "XXXX")
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in ("week", "weekend"):
        week = iso_week(anchor + timedelta(weeks=amount))
        return week + "-WE" if unit == "weekend" else week
    if unit == "month":
        return add_months(anchor, amount).strftime("%Y-%m")
    if unit == "quarter":
        moved = add_months(anchor, 3 * amount)
        return f"{moved.year}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "half":
        moved = add_months(anchor, 6 * amount)
        return f"{moved.year}-H{(moved.month - 1) // 6 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + amount:02d}"
    raise ValueError(f"unknown calendar unit {unit!r}")


def weekday(anchor: date | None, day_index: int, direction: int) -> str:
    """The named weekday (0 = Monday) nearest the anchor in ``direction`` (the anchor's own day counts)."""
    if anchor is None:
        return f"XXXX-WXX-{day_index + 1}"
    delta = day_index - anchor.weekday()
    if direction == PAST and delta > 0:
        delta -= 7
    elif direction == FUTURE and delta < 0:
        delta += 7
    elif direction == NEAREST and abs(delta) > 3:
        delta -= 7 if delta > 0 else -7
    return (anchor + timedelta(days=delta)).isoformat()


def month_of_year(anchor: date | None, month: int, direction: int) -> str:
    """A month named without a year: the latest one not after the anchor's month, or the next one when
    ``direction`` is or leans ahead."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if direction > 0 and month < anchor.month:
        year += 1
    elif direction <= 0 and month > anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}"


def day_on_side(anchor: date | None, month: int, day: int, shift: int) -> str:
    """"le 20 mars dernier" / "il 20 marzo prossimo": that day's most recent date on or before the anchor
    (``shift`` < 0), or its first on or after it."""
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    years = (anchor.year, anchor.year - 1, anchor.year - 2) if shift < 0 else (anchor.year, anchor.year + 1, anchor.year + 2)
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if (candidate <= anchor) if shift < 0 else (candidate >= anchor):
            return candidate.isoformat()
    return f"XXXX-{month:02d}-{day:02d}"


def day_of_year(anchor: date | None, month: int, day: int, direction: int, weekday: int | None = None) -> str:
    """A month and day without a year, in the year ``direction`` picks (see ``year_on_side``); a weekday
    written with it ("Saturday, April 25", 0 = Monday) picks the year itself when one of them fits."""
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    dates = {}
    for year in _near_years(anchor):
        try:
            dates[year] = date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
    if weekday is not None and any(d.weekday() == weekday for d in dates.values()):
        dates = {year: d for year, d in dates.items() if d.weekday() == weekday}
    if not dates:
        return f"XXXX-{month:02d}-{day:02d}"
    offsets = {year: (d - anchor).days for year, d in dates.items()}
    return dates[year_on_side(offsets, direction)].isoformat()


def _near_years(anchor: date) -> range:
    """The years a date written without one can fall in: the anchor's and those either side."""
    return range(anchor.year - 1, anchor.year + 2)


def year_on_side(offsets: dict[int, int], direction: int) -> int:
    """The year, among candidates with their signed distance from the anchor, on the side ``direction`` names.

    A verb of the expression's own clause rules a side out: past ("was born on Jan. 20") the dates ahead of
    the anchor, future the ones behind. Otherwise the nearest is taken, one ahead counting 1.5 times as far
    (news mostly reports what happened), or one behind when the side leans ahead.
    """
    strict = direction in (PAST, FUTURE)
    side = {year: offset for year, offset in offsets.items() if not strict or offset * direction >= 0} or offsets
    ahead, behind = (1.0, 1.5) if direction > 0 else (1.5, 1.0)
    return min(side, key=lambda year: side[year] * ahead if side[year] > 0 else -side[year] * behind)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` given weekday (0 = Monday) of a month; -1 for the last."""
    if nth < 0:
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date | None:
    try:
        from dateutil.easter import easter
    except ImportError:  # dateutil is optional: then Easter has no date
        return None
    return easter(year)


#: Holidays by their lower-case name: a function of the year giving the day (None when it cannot be computed).
HOLIDAYS: dict[str, Callable[[int], date | None]] = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year's day": lambda y: date(y, 1, 1),
    "new year's": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    # The Tuesday after the first Monday of November.
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: (e := _easter(y)) and e - timedelta(days=2),
}


def holiday(anchor: date | None, name: str, direction: int, year: int | None = None) -> str | None:
    """A holiday's day: in ``year`` when written, else in the year ``direction`` picks (see ``year_on_side``);
    None when its day cannot be computed."""
    day_of = HOLIDAYS[name.lower()]
    if year is not None:
        day = day_of(year)
        return day.isoformat() if day else None
    if anchor is None:
        return UNDERSPECIFIED["day"]
    days = {y: d for y in _near_years(anchor) if (d := day_of(y))}
    if not days:
        return None
    return days[year_on_side({y: (d - anchor).days for y, d in days.items()}, direction)].isoformat()


def quarter_of_year(anchor: date | None, quarter: int, direction: int) -> str:
    """A quarter named without a year: the latest one not after the anchor's quarter, or the next one."""
    if anchor is None:
        return f"XXXX-Q{quarter}"
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year
    if direction == FUTURE and quarter < current:
        year += 1
    elif direction != FUTURE and quarter > current:
        year -= 1
    return f"{year:04d}-Q{quarter}"


def season_of_year(anchor: date | None, season: str, amount: int) -> str:
    """"this summer" (amount 0), "last spring" (-1), "next winter" (+1): by calendar year."""
    code = SEASONS[season]
    if anchor is None:
        return f"XXXX-{code}"
    return f"{anchor.year + amount:04d}-{code}"
