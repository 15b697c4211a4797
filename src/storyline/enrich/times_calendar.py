"""Calendar arithmetic behind TIMEX3 values: shifting an anchor and writing the value.

Every function takes the anchor as a ``date`` or ``None``. With no anchor a
relative expression cannot be placed on the calendar, so it gets the TimeML
*underspecified* form of the same granularity ("XXXX-WXX-7" for "Sunday",
"XXXX-12-09" for "Dec. 9", "XXXX-XX-XX" for "yesterday"): still a valid
TIMEX3 value, and one that says exactly what is missing.
"""

from __future__ import annotations

from datetime import date, timedelta

#: Direction a bare expression points to: back (news past tense), forward, or nearest.
PAST, NEAREST, FUTURE = -1, 0, 1

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
    """A month named without a year: the latest one not after the anchor's month, or the next one."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if direction == FUTURE and month < anchor.month:
        year += 1
    elif direction != FUTURE and month > anchor.month:
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


def day_of_year(anchor: date | None, month: int, day: int, direction: int) -> str:
    """A month and day without a year, put in the year that brings it nearest the anchor.

    News mostly reports what happened, so unless the tense points forward a
    date ahead of the anchor counts as 1.5 times as far as one behind it (and
    the other way round when it does).
    """
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February in a common year
            continue
    if not candidates:
        return f"XXXX-{month:02d}-{day:02d}"
    forward_weight, backward_weight = (1.0, 1.5) if direction == FUTURE else (1.5, 1.0)
    def distance(candidate: date) -> float:
        days = (candidate - anchor).days
        return days * forward_weight if days > 0 else -days * backward_weight

    return min(candidates, key=distance).isoformat()


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
