"""Clock times of a claim ("at 3 p.m.", "0440 GMT", "5 p.m. local time"), read for comparing two reports.

A clock time is only comparable with one of the same time zone: "5 p.m. local time" and "1500 GMT" may
be one moment, and a bare "3 p.m." says nothing of its zone, so it is compared with bare times only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.compare.quantities import CLOCK_RE, MERIDIEM

#: Reports of one moment round it: times this many minutes apart or less agree ("3:20 p.m." / "about 3:30").
AGREE_WITHIN = 30

_MERIDIEM_RE = re.compile(r"(?=([ap]))" + MERIDIEM, re.IGNORECASE)
_MILITARY_RE = re.compile(r"^[0-2]\d[0-5]\d\b")
#: A zone inside the time's words or just after them: "GMT", "UTC", "EST", "(1500 GMT)", "local time".
_ZONE_RE = re.compile(r"\b(GMT|UTC|Z|local)\b", re.IGNORECASE)
_ZONE = r"(GMT|UTC|Z|[A-Z]{1,4}T|(?i:local))"
_ZONE_AFTER_RE = re.compile(r"\s*\(?\s*" + _ZONE + r"\b")
#: A zone's words anywhere ("PST", "local time"): they name no day.
ZONE_WORDS_RE = re.compile(r"\b" + _ZONE + r"(?:\s+(?i:time))?\b")
#: Names of universal time: one zone.
_UNIVERSAL = frozenset({"GMT", "UTC", "Z"})


@dataclass(frozen=True)
class ClockTime:
    """A clock time in a text: its words, minutes after midnight, zone ("" unsaid, "local", "UTC", "EST"),
    and whether its half of the day is known (a "p.m.", a 24-hour figure)."""

    text: str
    start: int
    end: int
    minutes: int
    zone: str
    half_known: bool


def _zone(text: str, match: re.Match[str]) -> str:
    inside = _ZONE_RE.findall(match.group(0))
    after = _ZONE_AFTER_RE.match(text, match.end())
    found = inside[-1] if inside else (after.group(1) if after else "")
    if found.lower() == "local":
        return "local"
    return "UTC" if found.upper() in _UNIVERSAL else found.upper()


def _read(match: re.Match[str], text: str) -> ClockTime | None:
    words = match.group(0)
    if _MILITARY_RE.match(words):
        hour, minute = int(words[:2]), int(words[2:4])
    else:
        digits = [int(d) for d in re.findall(r"\d+", words)]
        hour, minute = digits[0], (digits[1] if len(digits) > 1 else 0)
    meridiem = _MERIDIEM_RE.search(words)
    if meridiem:
        hour = hour % 12 + (12 if meridiem.group(1).lower() == "p" else 0)
    if hour > 24 or minute > 59:  # "8. 40am": a time broken by the tokenizer, not 40 o'clock
        return None
    half_known = bool(meridiem) or hour == 0 or hour > 12 or words.startswith("0")
    return ClockTime(words, match.start(), match.end(), hour * 60 + minute, _zone(text, match), half_known)


def clock_times(text: str) -> list[ClockTime]:
    """The clock times of ``text``, in order."""
    return [time for m in CLOCK_RE.finditer(text) if (time := _read(m, text)) is not None]


def clashing_times(a: list[ClockTime], b: list[ClockTime]) -> tuple[ClockTime, ClockTime] | None:
    """A time of ``a`` and one of ``b`` that cannot be one moment: of one zone (a bare time with a bare
    one, "local" with "local"), each text giving only one time of that zone, more than AGREE_WITHIN apart.

    Only times of day whose half of the day is known count ("9:27 a.m.", "21:32", "0440 GMT"): a bare
    "4:43" is as often a game clock ("with 4:43 left", "ate up 6:05 of the clock") as a time of day."""
    a, b = [t for t in a if t.half_known], [t for t in b if t.half_known]
    for zone in dict.fromkeys(t.zone for t in a):
        xs, ys = [t for t in a if t.zone == zone], [t for t in b if t.zone == zone]
        if len(xs) == 1 and len(ys) == 1 and abs(xs[0].minutes - ys[0].minutes) > AGREE_WITHIN:
            return xs[0], ys[0]
    return None
